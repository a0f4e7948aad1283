package orgname

import (
	"strings"
	"testing"
)

func TestQualify(t *testing.T) {
	g := load(t)
	tests := []struct {
		in, level, want string
		ok              bool
	}{
		{"财政厅", "省", "省财政厅", true},
		{"发改委", "市", "市发改委", true},
		{"发展和改革局", "区", "区发展和改革局", true},
		{"市场监管局", "县", "县市场监管局", true},
		{"组织部", "市", "市委组织部", true},
		{"团委", "省", "团省委", true},
		{"残联", "县", "县残联", true},
		{"大数据中心", "省", "省大数据中心", true},
		{"办公厅", "国务院", "国务院办公厅", true},
		{"政府办", "县", "县政府办", true},
		{"经开区", "县", "县经开区", true},
		// already qualified
		{"省财政厅", "省", "省财政厅", false},
		{"六安市财政局", "市", "六安市财政局", false},
		{"省委组织部", "市", "省委组织部", false},
		// foreign
		{"海关", "省", "海关", false},
		{"长沙海关", "省", "长沙海关", false},
		{"人行长沙中心支行", "省", "人行长沙中心支行", false},
		{"税务局", "市", "税务局", false},
		{"气象局", "市", "气象局", false},
		{"银保监局", "省", "银保监局", false},
		{"城投集团", "县", "城投集团", false},
		{"湘江新区", "省", "湘江新区", false},
		{"长沙市人民政府", "省", "长沙市人民政府", false},
		// not names, not levels
		{"有关部门", "省", "有关部门", false},
		{"财政厅", "省级", "财政厅", false},
		{"财政厅", "", "财政厅", false},
	}
	for _, tt := range tests {
		got, ok := g.Qualify(tt.in, tt.level)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Qualify(%q, %q) = %q, %v, want %q, %v", tt.in, tt.level, got, ok, tt.want, tt.ok)
		}
	}
}

func TestExpand(t *testing.T) {
	g := load(t)
	tests := []struct{ in, want string }{
		// regression: a two-character city in 州 takes 市 as well
		{"长沙、衡阳、株洲、邵阳、永州、怀化市人民政府", "长沙市人民政府、衡阳市人民政府、株洲市人民政府、邵阳市人民政府、永州市人民政府、怀化市人民政府"},
		// shared prefix
		{"省商务厅、财政厅、发展改革委", "省商务厅、省财政厅、省发展改革委"},
		{"市经委、环保局", "市经委、市环保局"},
		// 市政局 is a body's name, not 市 + 政局
		{"市政局、环卫处", "市政局、环卫处"},
		{"区市政局、城管局", "区市政局、区城管局"},
		{"市政府办、财政局", "市政府办、市财政局"},
		// a free place before 国税局 is its own: no 市 lent to it
		{"市发改委、财政局、无锡国税局、地税局", "市发改委、市财政局、无锡国税局、市地税局"},
		{"市财政局、农业局、劳动保障局", "市财政局、市农业局、市劳动保障局"},
		{"市财政局、农业局、劳动保障局、农机局", "市财政局、市农业局、市劳动保障局、市农机局"},
		{"省发展改革委、省市场监管局、商务厅、省大数据中心", "省发展改革委、省市场监管局、省商务厅、省大数据中心"},
		{"六安市财政局、教育局", "六安市财政局、六安市教育局"},
		{"省委组织部、宣传部", "省委组织部、省委宣传部"},
		{"省委网信办、发改委", "省委网信办、省发改委"},
		{"省政府办公厅、发改委", "省政府办公厅、省发改委"},
		{"县住建局、残联、团委", "县住建局、县残联、团县委"},
		// a vertical body written as stem and suffix takes the level, as
		// its offices are written (省税务局, 市气象局); no other foreign body
		{"省财政厅、税务局", "省财政厅、省税务局"},
		{"市财政局、气象局、烟草专卖局、人行中心支行", "市财政局、市气象局、市烟草专卖局、人行中心支行"},
		{"省商务厅、海关", "省商务厅、海关"},
		{"县财政局、人武部、银保监分局、统计调查队", "县财政局、人武部、银保监分局、统计调查队"},
		// an unknown name opening with a place written without its level
		// is another government's office, complete as written
		{"区交通局、莲都邮政管理局、商金中心", "区交通局、莲都邮政管理局、区商金中心"},
		{"市发改局、宁波生态环境局慈溪分局", "市发改局、宁波生态环境局慈溪分局"},
		{"市住建局、资源规划局、文化旅游局", "市住建局、市资源规划局、市文化旅游局"},
		{"区规划局、建设交通委", "区规划局、区建设交通委"},
		{"省商务厅、长沙海关、财政厅", "省商务厅、长沙海关、省财政厅"},
		// a vertical body's level word is shared, not its place
		{"省国税局、地税局", "省国税局、省地税局"},
		{"长沙海关、财政厅", "长沙海关、财政厅"},
		{"市发改委、城投集团", "市发改委、城投集团"},
		{"省地方金融监督管理局、人民银行长沙中心支行、湖南银保监局、工业和信息化厅", "省地方金融监督管理局、人民银行长沙中心支行、湖南银保监局、省工业和信息化厅"},
		// a complete name of another level starts over
		{"省发改委、市财政局、教育局", "省发改委、市财政局、市教育局"},
		// no prefix before: as written
		{"发改委、经信委、科技局", "发改委、经信委、科技局"},
		{"发改委、商务局、科技局、经信委、财政局", "发改委、商务局、科技局、经信委、财政局"},
		// shared suffix
		{"长沙、株洲市人民政府", "长沙市人民政府、株洲市人民政府"},
		{"长沙、株洲、湘潭、郴州市人民政府", "长沙市人民政府、株洲市人民政府、湘潭市人民政府、郴州市人民政府"},
		{"岳阳、湘潭、郴州市人民政府", "岳阳市人民政府、湘潭市人民政府、郴州市人民政府"},
		{"岳阳市、湘西自治州人民政府", "岳阳市人民政府、湘西自治州人民政府"},
		{"人民大垸、荒湖管理区", "人民大垸管理区、荒湖管理区"},
		{"常熟经济技术开发区、常熟高新技术产业开发区", "常熟经济技术开发区、常熟高新技术产业开发区"},
		{"教育、卫生局", "教育局、卫生局"},
		{"长沙、省财政厅", "长沙、省财政厅"},
		{"加快、市财政局", "加快、市财政局"},
		// groups and leaders are left alone
		{"市统计局、有关部门", "市统计局、有关部门"},
		{"分管副省长、协管副秘书长", "分管副省长、协管副秘书长"},
		{"", ""},
	}
	for _, tt := range tests {
		in := strings.Split(tt.in, "、")
		orig := strings.Join(in, "、")
		got := strings.Join(g.Expand(in), "、")
		if got != tt.want {
			t.Errorf("Expand(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.Join(in, "、") != orig {
			t.Errorf("Expand(%q) changed its input", tt.in)
		}
	}
}
