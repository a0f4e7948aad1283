package orgname

import "testing"

var benchNames = []string{
	"省发展改革委", "市市场监管局", "区人力社保局", "省委网信办", "省人民政府国有资产监督管理委员会",
	"人民银行长沙中心支行", "国家税务总局湖南省税务局", "重庆市沙坪坝区人民政府", "县代建中心", "有关部门",
}

func BenchmarkParse(b *testing.B) {
	g := load(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		g.Parse(benchNames[i%len(benchNames)])
	}
}

func BenchmarkParseKnown(b *testing.B) {
	g := load(b)
	b.ReportAllocs()
	for b.Loop() {
		g.Parse("省发展改革委")
	}
}

func BenchmarkSame(b *testing.B) {
	g := load(b)
	b.ReportAllocs()
	for b.Loop() {
		g.Same("市发改委", "市发展和改革委员会")
	}
}

func BenchmarkExpand(b *testing.B) {
	g := load(b)
	in := []string{"省发展改革委", "省市场监管局", "商务厅", "省大数据中心"}
	b.ReportAllocs()
	for b.Loop() {
		g.Expand(in)
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(nil); err != nil {
			b.Fatal(err)
		}
	}
}
