package orgname

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIssuer(t *testing.T) {
	g := load(t)
	tests := []struct {
		lines         []string
		issuer, level string
	}{
		{[]string{"湖南省人民政府办公厅关于印发《…》的通知"}, "湖南省人民政府", "省"},
		{[]string{"六安市人民政府关于…"}, "六安市人民政府", "市"},
		{[]string{"重庆市沙坪坝区人民政府办公室关于印发2022年区政府工作报告目标任务的通知"}, "重庆市沙坪坝区人民政府", "区"},
		{[]string{"区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知"}, "区人民政府", "区"},
		{[]string{"监利市人民政府办公室"}, "监利市人民政府", "市"},
		{[]string{"大竹县人民政府办公室"}, "大竹县人民政府", "县"},
		{[]string{"各市(州)人民政府、省级有关部门(单位):", "四川省发展和改革委员会", "2022年10月18日"}, "四川省发展和改革委员会", "省"},
		{[]string{"国务院关于…"}, "国务院", "国务院"},
		{[]string{"国务院办公厅关于…"}, "国务院", "国务院"},
		{[]string{"中共湖南省委办公厅关于…"}, "中共湖南省委", "省"},
		{[]string{"湘西土家族苗族自治州人民政府关于…"}, "湘西土家族苗族自治州人民政府", "州"},
		{[]string{"", "各县(市)、区人民政府,市政府各部门:", "经市政府同意,现予印发。"}, "市人民政府", "市"},
		{[]string{"中共六安市委办公室 六安市人民政府办公室关于印发…的通知"}, "六安市人民政府", "市"},
		{[]string{"常熟市人民政府办公室文件 常政办发〔2018〕32号 市政府办公室关于分解落实2018年 政府工作任务的通知"}, "常熟市人民政府", "市"},
		{[]string{"2021年新昌县政府十方面民生实事进展情况登记表"}, "新昌县人民政府", "县"},
		{[]string{"赵建才市长代表市政府所作的政府工作报告已经审议通过"}, "市人民政府", "市"},
		{[]string{"信息来源:县府办"}, "", ""},
		{[]string{"关于做好2022年工作的通知"}, "", ""},
		{[]string{"加快推进土地滩水库建设"}, "", ""},
		{nil, "", ""},
	}
	for _, tt := range tests {
		is, lv := g.Issuer(tt.lines)
		if is != tt.issuer || lv != tt.level {
			t.Errorf("Issuer(%q) = %q, %q, want %q, %q", tt.lines, is, lv, tt.issuer, tt.level)
		}
	}
}

// TestIssuerCorpus reads the issuer of every corpus document and the seed
// from their first lines.
func TestIssuerCorpus(t *testing.T) {
	g := load(t)
	tests := []struct{ file, issuer, level string }{
		{"../testdata/corpus/docs/01-jianli-2022-inline-lead-resp.txt", "监利市人民政府", "市"},
		{"../testdata/corpus/docs/02-shapingba-2022-cell-per-line-table.txt", "重庆市沙坪坝区人民政府", "区"},
		{"../testdata/corpus/docs/03-ningbo-2007-headline-detail-paren.txt", "宁波市人民政府", "市"},
		{"../testdata/corpus/docs/04-changshu-2018-space-separated-rows.txt", "常熟市人民政府", "市"},
		{"../testdata/corpus/docs/05-caidian-2023-ordinal-heading-resp-line.txt", "区人民政府", "区"},
		{"../testdata/corpus/docs/06-xinchang-2021-pipe-table-minsheng.txt", "新昌县人民政府", "县"},
		{"../testdata/corpus/docs/07-dazhu-2016-minsheng-table-deadlines.txt", "大竹县人民政府", "县"},
		// a title without its issuer: the first government the text names
		{"../testdata/corpus/docs/08-zhengzhou-20xx-you-fuze-luoshi.txt", "市人民政府", "市"},
		{"../testdata/corpus/docs/09-sichuan-2022-lenticular-bracket-resp.txt", "四川省发展和改革委员会", "省"},
		{"../testdata/corpus/docs/10-hunan-2014-unnumbered-clauses-conventions.txt", "湖南省人民政府", "省"},
		// the seed has no title: 按照省委、省政府要求
		{"../../seeds/hunan-2022.txt", "省人民政府", "省"},
	}
	for _, tt := range tests {
		b, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		lines = lines[:min(len(lines), 30)]
		is, lv := g.Issuer(lines)
		if is != tt.issuer || lv != tt.level {
			t.Errorf("Issuer(%s) = %q, %q, want %q, %q", filepath.Base(tt.file), is, lv, tt.issuer, tt.level)
		}
	}
}
