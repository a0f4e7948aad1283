package orgname

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	g := load(t)
	type want struct {
		level, place, stem, suffix, kind string
		party, foreign                   bool
	}
	tests := []struct {
		in string
		want
	}{
		// levels and stems
		{"省发改委", want{"省", "", "发展改革", "委", "政府部门", false, false}},
		// a ministry of the State Council is a government body, not a party one
		{"财政部", want{"", "", "财政", "部", "政府部门", false, false}},
		{"人力资源社会保障部", want{"", "", "人力资源社会保障", "部", "政府部门", false, false}},
		{"市发展和改革委员会", want{"市", "", "发展改革", "委", "政府部门", false, false}},
		{"发改委", want{"", "", "发展改革", "委", "政府部门", false, false}},
		{"区发展和改革局", want{"区", "", "发展改革", "局", "政府部门", false, false}},
		{"省经信委", want{"省", "", "工业和信息化", "委", "政府部门", false, false}},
		{"区经济信息委", want{"区", "", "工业和信息化", "委", "政府部门", false, false}},
		{"区科技和经信局", want{"区", "", "科技和经信", "局", "政府部门", false, false}},
		{"区人力社保局", want{"区", "", "人力资源社会保障", "局", "政府部门", false, false}},
		{"市场监管局", want{"", "", "市场监督管理", "局", "政府部门", false, false}},
		{"省市场监管局", want{"省", "", "市场监督管理", "局", "政府部门", false, false}},
		{"市市场监管局", want{"市", "", "市场监督管理", "局", "政府部门", false, false}},
		{"市民政局", want{"市", "", "民政", "局", "政府部门", false, false}},
		{"省地方金融监督管理局", want{"省", "", "地方金融监督管理", "局", "政府部门", false, false}},
		{"省应急管理厅", want{"省", "", "应急管理", "厅", "政府部门", false, false}},
		{"国务院办公厅", want{"国务院", "", "办公", "办", "政府部门", false, false}},
		{"六安市财政局", want{"市", "六安市", "财政", "局", "政府部门", false, false}},
		{"四川省发展和改革委员会", want{"省", "四川省", "发展改革", "委", "政府部门", false, false}},
		{"县府办", want{"县", "", "办公", "办", "政府部门", false, false}},
		// before 2018, two tax bureaus: the state one (vertical) and the
		// local one
		{"省国税局", want{"省", "", "国税", "局", "垂直管理单位", false, true}},
		{"省地方税务局", want{"省", "", "地税", "局", "政府部门", false, false}},
		{"省税务局", want{"省", "", "税务", "局", "垂直管理单位", false, true}},
		// 议事协调机构: a leading group, and its office, of a long stem
		{"白仙山水库工程政策处理工作领导小组", want{"", "", "白仙山水库工程政策处理", "领导小组", "政府部门", false, false}},
		{"市行政审批制度改革工作领导小组办公室", want{"市", "", "行政审批制度改革工作领导小组", "办", "政府部门", false, false}},
		{"市政府新闻办", want{"市", "", "新闻", "办", "政府部门", false, false}},
		{"省人民政府国有资产监督管理委员会", want{"省", "", "国有资产监督管理", "委", "政府部门", false, false}},
		// former names are themselves
		{"市环保局", want{"市", "", "环境保护", "局", "政府部门", false, false}},
		{"省工商局", want{"省", "", "工商", "局", "政府部门", false, false}},
		{"市经委", want{"市", "", "经济", "委", "政府部门", false, false}},
		{"县文体广新局", want{"县", "", "文化体育广电新闻出版", "局", "政府部门", false, false}},
		{"县教科局", want{"县", "", "教育科技", "局", "政府部门", false, false}},
		{"市劳动保障局", want{"市", "", "劳动保障", "局", "政府部门", false, false}},
		{"市外经贸局", want{"市", "", "对外贸易经济合作", "局", "政府部门", false, false}},
		// party side
		{"省委办公厅", want{"省", "", "办公", "办", "党委部门", true, false}},
		{"市委宣传部", want{"市", "", "宣传", "部", "党委部门", true, false}},
		{"省委网信办", want{"省", "", "网信", "办", "党委部门", true, false}},
		{"湖南省委网信办", want{"省", "湖南省", "网信", "办", "党委部门", true, false}},
		{"中共湖南省委组织部", want{"省", "湖南省", "组织", "部", "党委部门", true, false}},
		{"省文明办", want{"省", "", "精神文明", "办", "党委部门", true, false}},
		{"组织部", want{"", "", "组织", "部", "党委部门", true, false}},
		{"县委", want{"县", "", "党委", "委", "党委部门", true, false}},
		// 人大政协
		{"省人大常委会", want{"省", "", "人大常委会", "会", "人大政协", false, false}},
		{"市政协", want{"市", "", "政协", "会", "人大政协", false, false}},
		// vertical bodies
		{"市税务局", want{"市", "", "税务", "局", "垂直管理单位", false, true}},
		{"国家税务总局湖南省税务局", want{"省", "湖南省", "税务", "局", "垂直管理单位", false, true}},
		{"人民银行长沙中心支行", want{"", "长沙", "人民银行", "行", "垂直管理单位", false, true}},
		{"人行长沙中心支行", want{"", "长沙", "人民银行", "行", "垂直管理单位", false, true}},
		{"湖南银保监局", want{"省", "湖南", "银保监", "局", "垂直管理单位", false, true}},
		{"湖南证监局", want{"省", "湖南", "证监", "局", "垂直管理单位", false, true}},
		{"湖南金融监管局", want{"省", "湖南", "金融监管总局", "局", "垂直管理单位", false, true}},
		{"国家金融监督管理总局湖南监管局", want{"省", "湖南", "金融监管总局", "局", "垂直管理单位", false, true}},
		{"省金融监管局", want{"省", "", "地方金融监督管理", "局", "政府部门", false, false}},
		{"省 发改委", want{"省", "", "发展改革", "委", "政府部门", false, false}},
		{"市自然资源（和规划）局", want{"市", "", "自然资源", "局", "政府部门", false, false}},
		{"长沙海关", want{"", "长沙", "海关", "海关", "垂直管理单位", false, true}},
		{"省通信管理局", want{"省", "", "通信管理", "局", "垂直管理单位", false, true}},
		{"省气象局", want{"省", "", "气象", "局", "垂直管理单位", false, true}},
		{"国家统计局湖南调查总队", want{"省", "湖南", "统计调查", "队", "垂直管理单位", false, true}},
		{"湖南边检总站", want{"省", "湖南", "边检", "站", "垂直管理单位", false, true}},
		// 群团
		{"团省委", want{"省", "", "共青团", "委", "群团组织", false, false}},
		{"县残联", want{"县", "", "残联", "会", "群团组织", false, false}},
		{"省总工会", want{"省", "", "总工会", "会", "群团组织", false, false}},
		{"省工商联", want{"省", "", "工商联", "会", "群团组织", false, false}},
		// 事业单位
		{"省大数据中心", want{"省", "", "大数据", "中心", "事业单位", false, false}},
		{"县代建中心", want{"县", "", "代建", "中心", "事业单位", false, false}},
		{"县政务服务中心", want{"县", "", "政务服务", "中心", "事业单位", false, false}},
		{"湖南广播电视台", want{"省", "湖南", "广播电视", "台", "事业单位", false, false}},
		{"省社科院", want{"省", "", "社会科学", "院", "事业单位", false, false}},
		// 企业
		{"国网湖南电力公司", want{"省", "湖南", "国家电网", "公司", "企业", false, true}},
		{"国网湖南省电力有限公司", want{"省", "湖南省", "国家电网", "公司", "企业", false, true}},
		{"省机场管理集团", want{"省", "", "机场管理", "集团", "企业", false, true}},
		{"城投集团", want{"", "", "城投", "集团", "企业", false, true}},
		// 功能区
		{"湘江新区", want{"", "", "湘江", "新区", "功能区", false, true}},
		{"湖南湘江新区", want{"省", "湖南", "湘江", "新区", "功能区", false, true}},
		{"监利经济开发区", want{"", "", "监利", "经开区", "功能区", false, true}},
		{"人民大垸管理区", want{"", "", "人民大垸", "管理区", "功能区", false, true}},
		{"经开区", want{"", "", "", "经开区", "功能区", false, false}},
		{"虞山高新区(筹)", want{"", "", "虞山", "高新区", "功能区", false, true}},
		{"服装城管委会", want{"", "", "服装城", "管委会", "功能区", false, true}},
		// governments
		{"长沙市人民政府", want{"市", "长沙市", "人民政府", "政府", "下级政府", false, true}},
		{"湘西自治州人民政府", want{"州", "湘西自治州", "人民政府", "政府", "下级政府", false, true}},
		{"重庆市沙坪坝区人民政府", want{"区", "重庆市沙坪坝区", "人民政府", "政府", "下级政府", false, true}},
		{"大竹县人民政府", want{"县", "大竹县", "人民政府", "政府", "下级政府", false, true}},
		{"市人民政府", want{"市", "", "人民政府", "政府", "下级政府", false, true}},
		{"庙坝镇", want{"镇", "庙坝镇", "人民政府", "政府", "下级政府", false, true}},
		{"竹阳街道", want{"街道", "竹阳街道", "人民政府", "政府", "下级政府", false, true}},
		{"浦东新区人民政府", want{"区", "浦东新区", "人民政府", "政府", "下级政府", false, true}},
		{"高新区管委会", want{"", "", "高新区", "管委会", "功能区", false, true}},
		{"县人武部", want{"县", "", "人民武装", "部", "垂直管理单位", false, true}},
		// unknown stems take the suffix's kind
		{"县护城河指挥部", want{"县", "", "护城河", "指挥部", "政府部门", false, false}},
		{"公共服务集团", want{"", "", "公共服务", "集团", "企业", false, true}},
	}
	for _, tt := range tests {
		n, ok := g.Parse(tt.in)
		if !ok {
			t.Errorf("Parse(%q): not a name", tt.in)
			continue
		}
		got := want{n.Level, n.Place, n.Stem, n.Suffix, n.Kind, n.Party, n.Foreign}
		if got != tt.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if n.Written != strings.TrimSpace(tt.in) {
			t.Errorf("Parse(%q).Written = %q", tt.in, n.Written)
		}
	}
}

func TestParseNotNames(t *testing.T) {
	g := load(t)
	for _, s := range []string{
		"", "  ", "有关部门", "各有关单位", "市直各部门", "各乡、镇人民政府", "各乡", "各县(市)、区人民政府",
		"区级各部门", "省级有关部门", "相关市(州)人民政府", "市人民政府各相关部门", "省非公有制经济工作领导小组其他成员单位",
		"分管副省长", "协管副秘书长", "责任领导", "县长", "加快推进土地滩水库建设", "12月底前", "9月投入使用",
		"2021.12", "市发改委、市财政局", "省级财政", "人民政府", "政府", "办", "长沙", "岳阳市", "人民大垸",
		"新建城市口袋公园2处", "湖南", "Foo局",
		// a heading's words, a verb first
		"建设区域教育中心", "推进政务服务中心",
	} {
		if n, ok := g.Parse(s); ok {
			t.Errorf("Parse(%q) = %+v, want not a name", s, n)
		}
	}
}

func TestParseKeys(t *testing.T) {
	g := load(t)
	tests := []struct{ in, key string }{
		{"市发改委", "发展改革"},
		{"发展和改革委员会", "发展改革"},
		{"市发展改革委", "发展改革"},
		{"省委办公厅", "委·办公"},
		{"省政府办公厅", "办公"},
		{"长沙市人民政府", "长沙·人民政府"},
		{"市人民政府", "市·人民政府"},
		{"湘西土家族苗族自治州人民政府", "湘西州·人民政府"},
		{"湖南银保监局", "湖南·银保监"},
		{"中国银保监会湖南监管局", "湖南·银保监"},
		{"国网湖南省电力有限公司", "湖南·国家电网"},
		{"省大数据中心", "大数据·中心"},
		{"湘江新区", "湘江·新区"},
		{"湖南湘江新区", "湘江·新区"},
		// a company the grammar does not know keeps the words before its
		// level: two of them are not one spelled twice
		{"中国移动县分公司", "中国移动县·分·公司"},
		{"中国电信县分公司", "中国电信县·分·公司"},
	}
	for _, tt := range tests {
		n, ok := g.Parse(tt.in)
		if !ok || n.Key != tt.key {
			t.Errorf("Parse(%q).Key = %q (ok %v), want %q", tt.in, n.Key, ok, tt.key)
		}
	}
}

func TestRank(t *testing.T) {
	g := load(t)
	// In standard order.
	names := []string{
		"省委办公厅", "省委组织部", "省委宣传部", "省人大常委会", "省政府办公厅", "省发展改革委", "省教育厅", "省科技厅",
		"省工业和信息化厅", "省公安厅", "省财政厅", "省人力资源社会保障厅", "省交通运输厅", "省商务厅", "省卫生健康委",
		"省审计厅", "省国资委", "省市场监督管理局", "省统计局", "省医保局", "人民银行长沙中心支行",
		"省税务局", "省总工会", "团省委", "省妇联", "省社科院", "省代建中心", "省机场管理集团", "湘江新区", "长沙市人民政府",
	}
	prev := -1
	for i, s := range names {
		n, ok := g.Parse(s)
		if !ok {
			t.Fatalf("Parse(%q): not a name", s)
		}
		if n.Rank <= prev {
			t.Errorf("Rank(%q) = %d, not after %q (%d)", s, n.Rank, names[i-1], prev)
		}
		prev = n.Rank
	}
}

// A known body whose name opens with a verb of prose_starts is still read.
func TestParseProseStartKnown(t *testing.T) {
	g := load(t)
	for _, s := range []string{"建设局", "市建设局", "中国建设银行长沙分行"} {
		if _, ok := g.Parse(s); !ok {
			t.Errorf("Parse(%q): not a name", s)
		}
	}
}
