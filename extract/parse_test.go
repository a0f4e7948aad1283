package extract

import (
	"errors"

	"fengong/templates"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// testDir is the Hunan directory the seed uses, always (LoadDirectory
// would choose it for the seed, but not for a test's few lines).
func testDir(t testing.TB) *Directory {
	t.Helper()
	b, err := templates.Default().ReadFile("depts/hunan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseDirectory(b, "hunan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func parseLines(t testing.TB, lines ...string) *Document {
	t.Helper()
	d, err := Parse(&Text{Name: "t.txt", Lines: lines}, testDir(t))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

func TestClauseForms(t *testing.T) {
	tests := []struct {
		name                   string
		line                   string
		text                   string
		lead, co, resp, groups []string
		all                    bool
		deadline               string
	}{
		{"lead", "10.全方面实施“链长制”。（省工业和信息化厅牵头）", "全方面实施“链长制”。",
			[]string{"省工业和信息化厅"}, nil, nil, nil, false, ""},
		{"a part after the lead opened by 会同", "1.发放临时性价格补贴。（由省财政厅牵头，会同省民政厅、物价局等单位负责落实）", "发放临时性价格补贴。",
			[]string{"省财政厅"}, []string{"省民政厅", "省物价局"}, nil, nil, false, ""},
		{"lead and co", "8.支持长沙建设国际消费中心城市。（省商务厅、省发展改革委牵头，省文化和旅游厅、省体育局、长沙市人民政府等按职责分工负责）", "支持长沙建设国际消费中心城市。",
			[]string{"省商务厅", "省发展改革委"}, []string{"省文化和旅游厅", "省体育局", "长沙市人民政府"}, nil, nil, false, ""},
		{"co only, no lead", "5.聚焦民生领域。（省发展改革委、省教育厅、省民政厅、省财政厅、省卫生健康委等按职责分工负责）", "聚焦民生领域。",
			nil, []string{"省发展改革委", "省教育厅", "省民政厅", "省财政厅", "省卫生健康委"}, nil, nil, false, ""},
		{"respective", "35.推动建立“田长制”。（省自然资源厅、省农业农村厅分别负责）", "推动建立“田长制”。",
			nil, nil, []string{"省自然资源厅", "省农业农村厅"}, nil, false, ""},
		{"a label's names that each lead (分别牵头)", "6.做好就业工作。责任单位：市人力社保局、市农业农村局分别牵头", "做好就业工作。",
			[]string{"市人力社保局", "市农业农村局"}, nil, nil, nil, false, ""},
		{"a label's names that are each responsible (分别负责)", "6.做好就业工作。责任单位：市财政局、市教育局分别负责", "做好就业工作。",
			nil, nil, []string{"市财政局", "市教育局"}, nil, false, ""},
		{"a body's name that opens with a numeral is no count of places", "1.做好工作。（责任单位：总部办、五金城、科技局）", "做好工作。",
			nil, []string{"总部办", "五金城", "科技局"}, nil, nil, false, ""},
		{"a count of places is a group", "1.做好工作。（责任单位：市发改委、13个市州）", "做好工作。",
			nil, []string{"市发改委"}, nil, []string{"13个市州"}, false, ""},
		{"a name after a sentence that ended a label's list is the page's signature", "6、棚户区改造，牵头部门：市住建委。完成进度较慢的为开发区和市本级。 六安市民生办", "棚户区改造",
			[]string{"市住建委"}, nil, nil, nil, false, ""},
		{"a data provider's label names units too", "1.地区生产总值增长7.5%左右。（牵头领导：谢瑞武，牵头单位：市发改委，数据提供单位：市统计局）", "地区生产总值增长7.5%左右。",
			[]string{"市发改委"}, []string{"市统计局"}, nil, nil, false, ""},
		{"a group's bodies joined by 和 stay one group, as written", "1.发展规模养殖场。责任单位：市畜牧局、各县区党委和人民政府", "发展规模养殖场。",
			nil, []string{"市畜牧局"}, nil, []string{"各县区党委和人民政府"}, false, ""},
		{"a body after 和 shares the place of the unit before it", "1.发展规模养殖场。责任单位：市畜牧局、高新区党工委和管委会", "发展规模养殖场。",
			nil, []string{"市畜牧局", "市高新区党工委", "高新区管委会"}, nil, nil, false, ""},
		{"a count of places, its level words apart by 、, is one group", "1.做好。（责任单位：人口计生委等相关部门，13个街道、镇）", "做好。",
			nil, []string{"人口计生委"}, nil, []string{"相关部门", "13个街道、镇"}, false, ""},
		{"units before 等有关部门和单位", "1.做好。（人力资源社会保障部、财政部等有关部门和单位负责）", "做好。",
			nil, []string{"人力资源社会保障部", "财政部"}, nil, []string{"有关部门和单位"}, false, ""},
		{"units before 等和 the governments", "1.做好。（国务院扶贫办、全国总工会等和各省级人民政府负责）", "做好。",
			nil, []string{"国务院扶贫办", "全国总工会"}, nil, []string{"各省级人民政府"}, false, ""},
		{"a 各 over level words with 县级市", "1.做好。（牵头单位：市委组织部，配合单位：市人社局，各区、县级市）", "做好。",
			[]string{"市委组织部"}, []string{"市人社局"}, nil, []string{"各区、县级市"}, false, ""},
		{"a convention after the units, names no group", "1.做好。（商务部、海关总署负责，排在第一位的部门为牵头部门，下同）", "做好。",
			[]string{"商务部"}, []string{"海关总署"}, nil, nil, false, ""},
		{"a 各 before a level's body is one group with it, as written", "1.做好。（责任单位：市民政局、各乡镇政府、街道办事处）", "做好。",
			nil, []string{"市民政局"}, nil, []string{"各乡镇政府、街道办事处"}, false, ""},
		{"各盟行政公署、市人民政府 is one group", "1.做好。（自治区民政厅牵头，各盟行政公署、市人民政府配合）", "做好。",
			[]string{"自治区民政厅"}, nil, nil, []string{"各盟行政公署、市人民政府"}, false, ""},
		{"a bare 国税局 takes its list's level", "1.做好。（责任单位：市财政局、国税局、地税局）", "做好。",
			nil, []string{"市财政局", "市国税局", "市地税局"}, nil, nil, false, ""},
		{"a table run on after a label's names, its cells apart by spaces", "3.新辟公交线路10条。配合单位：市公安局、市城管局，各区政府 鄞州 海曙 合计 新辟线路年度目标 2 5 10", "新辟公交线路10条。",
			nil, []string{"市公安局", "市城管局"}, nil, []string{"各区政府"}, false, ""},
		{"all depts", "1.迎接好党的二十大胜利召开。（各部门单位分别负责）", "迎接好党的二十大胜利召开。",
			nil, nil, nil, nil, true, ""},
		{"group", "28.全面完成低空空域管理改革任务。（省发展改革委牵头，有关部门按职责分工负责）", "全面完成低空空域管理改革任务。",
			[]string{"省发展改革委"}, nil, nil, []string{"有关部门"}, false, ""},
		{"member-units group joined by 及", "45.打造“轨道上的长株潭”。（省发展改革委牵头，长株潭一体化发展领导小组成员单位及省长株潭一体化发展事务中心、湘江新区按职责分工负责）", "打造“轨道上的长株潭”。",
			[]string{"省发展改革委"}, []string{"省长株潭一体化发展事务中心", "湘江新区"}, nil, []string{"长株潭一体化发展领导小组成员单位"}, false, ""},
		{"labels in parentheses", "3.推进某项工作。（牵头单位：省发展改革委；责任单位：省财政厅、省商务厅）", "推进某项工作。",
			[]string{"省发展改革委"}, []string{"省财政厅", "省商务厅"}, nil, nil, false, ""},
		{"half-width punctuation", "3.推进某项工作。(省发展改革委牵头,省财政厅等按职责分工负责)", "推进某项工作。",
			[]string{"省发展改革委"}, []string{"省财政厅"}, nil, nil, false, ""},
		{"deadline inside", "4.出台实施方案。（省发展改革委牵头，省财政厅等按职责分工负责，6月底前出台）", "出台实施方案。",
			[]string{"省发展改革委"}, []string{"省财政厅"}, nil, nil, false, "6月底前出台"},
		{"deadline beside", "4.出台实施方案。（省发展改革委牵头）（年内持续推进）", "出台实施方案。",
			[]string{"省发展改革委"}, nil, nil, nil, false, "年内持续推进"},
		{"deadline label", "4.出台实施方案。（牵头单位：省发展改革委；完成时限：2022年12月底前）", "出台实施方案。",
			[]string{"省发展改革委"}, nil, nil, nil, false, "2022年12月底前"},
		{"a short deadline label", "4.出台实施方案。（责任单位：省发展改革委；时限：6月底）", "出台实施方案。",
			nil, []string{"省发展改革委"}, nil, nil, false, "6月底"},
		{"a label the grammar does not list", "4.出台实施方案。（牵头单位：省发展改革委；联系人：张三；办理期限：9月底前）", "出台实施方案。",
			[]string{"省发展改革委"}, nil, nil, nil, false, "9月底前"},
		{"alias merged", "11.促进中小企业融资。（省地方金融监管局、省退伍军人厅牵头）", "促进中小企业融资。",
			[]string{"省地方金融监督管理局", "省退役军人厅"}, nil, nil, nil, false, ""},
		{"parenthesis that is not a clause", "31.加快建设海峡两岸产业合作区（湖南），推动湘台产业链供应链深层次地融合。（省台办牵头）", "加快建设海峡两岸产业合作区（湖南），推动湘台产业链供应链深层次地融合。",
			[]string{"省台办"}, nil, nil, nil, false, ""},
		{"leaders are not groups", "2.经济增长。（分管副省长、协管副秘书长负责，省发展改革委牵头）", "经济增长。",
			[]string{"省发展改革委"}, nil, nil, nil, false, ""},
		{"协助 and 支持 labels", "2.经济增长。（牵头单位：市水利局；协助单位：市财政局；支持单位：市统计局）", "经济增长。",
			[]string{"市水利局"}, []string{"市财政局", "市统计局"}, nil, nil, false, ""},
		{"配合责任部门 beside 牵头责任部门", "2.经济增长。（牵头责任部门：市医保局；配合责任部门：市卫健委）", "经济增长。",
			[]string{"市医保局"}, []string{"市卫健委"}, nil, nil, false, ""},
		{"负总责 leads", "2.经济增长。（市文旅局负总责，市财政局配合）", "经济增长。",
			[]string{"市文旅局"}, []string{"市财政局"}, nil, nil, false, ""},
		{"主抓 leads", "2.经济增长。（市体育局主抓，市教育局配合）", "经济增长。",
			[]string{"市体育局"}, []string{"市教育局"}, nil, nil, false, ""},
		{"a units label joined to people", "2.经济增长。（牵头单位及负责人：市人社局（李四）；责任单位及责任人：市财政局 王五、市统计局（配合））", "经济增长。",
			[]string{"市人社局"}, []string{"市财政局", "市统计局"}, nil, nil, false, ""},
		{"a bracket label right after the text", "3.地区生产总值增长5.5%左右【责任单位】区发展改革委", "地区生产总值增长5.5%左右",
			nil, []string{"区发展改革委"}, nil, nil, false, ""},
		{"a bracket label after an ASCII full stop", "3.一般公共预算收入增长8%以上.【牵头单位】财政局", "一般公共预算收入增长8%以上.",
			[]string{"财政局"}, nil, nil, nil, false, ""},
		{"a role sentence naming a group of bodies", "3.甲。由市发改局牵头，市统计局、市直各部门配合。", "甲。",
			[]string{"市发改局"}, []string{"市统计局"}, nil, []string{"市直各部门"}, false, ""},
		{"labels qualified in parentheses", "2.经济增长。（责任单位（牵头）：市住建局；责任单位（配合）：市财政局；完成时限（节点）：12月底）", "经济增长。",
			[]string{"市住建局"}, []string{"市财政局"}, nil, nil, false, "12月底"},
		{"a sentence about its own task", "2.经济增长。此项工作由市人社局牵头，市财政局配合。", "经济增长。",
			[]string{"市人社局"}, []string{"市财政局"}, nil, nil, false, ""},
		{"role parts after the task's words and a comma", "4.粮食产量稳定在30万吨以上，由县农业农村局负责，各乡镇配合。", "粮食产量稳定在30万吨以上",
			[]string{"县农业农村局"}, nil, nil, []string{"各乡镇"}, false, ""},
		{"one role part after a comma", "5.新增城镇就业3000人，县人社局负责。", "新增城镇就业3000人",
			nil, []string{"县人社局"}, nil, nil, false, ""},
		{"names after a comma, with no role word, are the task's", "5.走访市发改委、市财政局，市人社局。（市政府办公室负责）", "走访市发改委、市财政局，市人社局。",
			nil, []string{"市政府办公室"}, nil, nil, false, ""},
		{"units alone after the task's full stop", "1.一般公共预算收入增长5%。市财政局、市税务局", "一般公共预算收入增长5%。",
			nil, []string{"市财政局", "市税务局"}, nil, nil, false, ""},
		{"units after a dash", "3.新建学校3所。——市教育局", "新建学校3所。",
			nil, []string{"市教育局"}, nil, nil, false, ""},
		{"a last sentence that is not all units stays text", "3.新建学校3所。市教育局要抓好落实。（市政府办负责）", "新建学校3所。市教育局要抓好落实。",
			nil, []string{"市政府办"}, nil, nil, false, ""},
		{"责任：", "4.改造小区10个。责任：市住建局", "改造小区10个。",
			nil, []string{"市住建局"}, nil, nil, false, ""},
		{"manner words before the role word", "1.推进A。（市发改委、市财政局按职责分别负责）", "推进A。",
			nil, nil, []string{"市发改委", "市财政局"}, nil, false, ""},
		{"分别 before 牵头", "2.推进B。（市教育局、市卫健委分别牵头，市财政局按职责配合）", "推进B。",
			[]string{"市教育局", "市卫健委"}, []string{"市财政局"}, nil, nil, false, ""},
		{"a note after the names states who leads", "1.坚定支持企业发展。责任单位：市经信局、市财政局、市税务局（列第一位者为工作牵头单位或汇总单位，下同）", "坚定支持企业发展。",
			[]string{"市经信局"}, []string{"市财政局", "市税务局"}, nil, nil, false, ""},
		{"a 责任单位 label whose first names lead", "2.甲。责任单位：省政府办公厅、省财政厅牵头，省商务厅、省文化和旅游厅", "甲。",
			[]string{"省政府办公厅", "省财政厅"}, []string{"省商务厅", "省文化和旅游厅"}, nil, nil, false, ""},
		{"role words read by their head", "2.经济增长。（市发改委牵头制定，市财政局配合开展）", "经济增长。",
			[]string{"市发改委"}, []string{"市财政局"}, nil, nil, false, ""},
		{"a role word read by its head needs units before it", "2.经济增长。（各地要加强配合工作）", "经济增长。（各地要加强配合工作）",
			nil, nil, nil, nil, false, ""},
		{"负责组织实施 and 做好配合工作", "2.经济增长。（市科技局负责组织实施，市工信局做好配合工作）", "经济增长。",
			nil, []string{"市科技局", "市工信局"}, nil, nil, false, ""},
		{"负责牵头 and 配合推进", "2.经济增长。（市科技局负责牵头，市工信局配合推进）", "经济增长。",
			[]string{"市科技局"}, []string{"市工信局"}, nil, nil, false, ""},
		{"牵头抓总 and 协同推进", "2.经济增长。（市科技局牵头抓总，市工信局协同推进）", "经济增长。",
			[]string{"市科技局"}, []string{"市工信局"}, nil, nil, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseLines(t, tc.line)
			if len(d.Items) != 1 || len(d.Items[0].Tasks) != 1 {
				t.Fatalf("got %d items, tasks %+v; want 1 item with 1 task", len(d.Items), d.Items)
			}
			task := d.Items[0].Tasks[0]
			check := func(field string, got, want []string) {
				if want == nil {
					want = []string{}
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: got %q, want %q", field, got, want)
				}
			}
			if task.Text != tc.text {
				t.Errorf("text: got %q, want %q", task.Text, tc.text)
			}
			check("lead", task.Lead, tc.lead)
			check("co", task.Co, tc.co)
			check("respective", task.Respective, tc.resp)
			check("groups", task.Groups, tc.groups)
			if task.All != tc.all {
				t.Errorf("all: got %v, want %v", task.All, tc.all)
			}
			if task.Deadline != tc.deadline {
				t.Errorf("deadline: got %q, want %q", task.Deadline, tc.deadline)
			}
		})
	}
}

func TestLabelLineForm(t *testing.T) {
	d := parseLines(t,
		"一、稳定经济增长",
		"1.推进重大项目建设，确保年度投资计划落实。",
		"牵头单位：省发展改革委",
		"责任单位：省财政厅、省自然资源厅",
		"完成时限：2022年12月底前",
		"2.加强县域商业体系建设。",
		"牵头单位：省商务厅；配合单位：省财政厅",
	)
	if len(d.Items) != 2 {
		t.Fatalf("got %d items, want 2", len(d.Items))
	}
	t1 := d.Items[0].Tasks
	if len(t1) != 1 || t1[0].Text != "推进重大项目建设，确保年度投资计划落实。" || !reflect.DeepEqual(t1[0].Lead, []string{"省发展改革委"}) ||
		!reflect.DeepEqual(t1[0].Co, []string{"省财政厅", "省自然资源厅"}) || t1[0].Deadline != "2022年12月底前" {
		t.Errorf("item 1 tasks: got %+v", t1)
	}
	t2 := d.Items[1].Tasks
	if len(t2) != 1 || !reflect.DeepEqual(t2[0].Lead, []string{"省商务厅"}) || !reflect.DeepEqual(t2[0].Co, []string{"省财政厅"}) {
		t.Errorf("item 2 tasks: got %+v", t2)
	}
	if d.Items[0].Section != "一" || d.Sections[0].FirstItem != 1 {
		t.Errorf("section: got %q first item %d", d.Items[0].Section, d.Sections[0].FirstItem)
	}
}

func TestSplitNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"省发展改革委、省财政厅等", []string{"省发展改革委", "省财政厅"}},
		{"长沙、株洲、湘潭、郴州市人民政府", []string{"长沙市人民政府", "株洲市人民政府", "湘潭市人民政府", "郴州市人民政府"}},
		{"岳阳市、湘西自治州人民政府", []string{"岳阳市人民政府", "湘西自治州人民政府"}},
		{"长沙、衡阳、株洲、邵阳、永州、怀化市人民政府", []string{"长沙市人民政府", "衡阳市人民政府", "株洲市人民政府", "邵阳市人民政府", "永州市人民政府", "怀化市人民政府"}},
		{"湖南证监局、长沙市人民政府", []string{"湖南证监局", "长沙市人民政府"}},
		{"长株潭一体化发展领导小组成员单位及省长株潭一体化发展事务中心、湘江新区", []string{"长株潭一体化发展领导小组成员单位", "省长株潭一体化发展事务中心", "湘江新区"}},
		{"浏阳、宁乡县人民政府", []string{"浏阳县人民政府", "宁乡县人民政府"}},
		{"省工业和信息化厅", []string{"省工业和信息化厅"}},
		{"市住房和城乡建设局", []string{"市住房和城乡建设局"}},
		{"市住建局和市财政局", []string{"市住建局", "市财政局"}},
		{"市林业局与市住建局", []string{"市林业局", "市住建局"}},
		{"市文化和旅游局和市体育局", []string{"市文化和旅游局", "市体育局"}},
		// a unit, 等 and the group it stands first in; 和 between groups
		{"省财政厅、省农业厅等省直有关部门", []string{"省财政厅", "省农业厅", "省直有关部门"}},
		{"省直各部门和各市人民政府", []string{"省直各部门", "各市人民政府"}},
		{"有关部门和市人民政府", []string{"有关部门和市人民政府"}}, // the cities' governments: one group
		// complete names before a 市人民政府 are not bare places
		{"衡阳市人民政府、永州市人民政府等", []string{"衡阳市人民政府", "永州市人民政府"}},
		{"湘潭市人民政府、湘西自治州人民政府", []string{"湘潭市人民政府", "湘西自治州人民政府"}},
		{"省科协、岳阳市人民政府", []string{"省科协", "岳阳市人民政府"}},
		{"湘江新区、长沙市人民政府", []string{"湘江新区", "长沙市人民政府"}},
		{"芙蓉区、天心区人民政府", []string{"芙蓉区人民政府", "天心区人民政府"}},
	}
	g := defaultBodyGrammar()
	for _, tc := range tests {
		var got []string
		for _, e := range g.expand(splitNames(tc.in), nil) {
			got = append(got, e.prefix+e.base+e.suffix)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("expand(splitNames(%q)): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGroupsAreNotDepts(t *testing.T) {
	d := parseLines(t, "29.加快建设中非经贸深度合作先行区。（省委改革办、省商务厅牵头，有关部门和市人民政府按职责分工负责）",
		"30.强力开展“打非治违”。（省应急厅牵头，省安全生产委员会成员单位按职责分工负责）")
	for _, dept := range d.Depts {
		if defaultVocabulary().isGroupWord(dept.Name) {
			t.Errorf("group %q listed as a dept", dept.Name)
		}
	}
	want := []string{"有关部门和市人民政府", "省安全生产委员会成员单位"}
	if !reflect.DeepEqual(d.Groups, want) {
		t.Errorf("groups: got %q, want %q", d.Groups, want)
	}
}

func TestUnknownDeptWarns(t *testing.T) {
	d := parseLines(t, "1.做好某项工作。（火星开发专班牵头，省财政厅等按职责分工负责）")
	if dp := d.Dept("火星开发专班"); dp == nil || dp.Known {
		t.Fatalf("got dept %+v, want an unknown dept", dp)
	}
	found := false
	for _, w := range d.Warnings {
		if strings.Contains(w.Message, "火星开发专班") && w.Line == 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning names the unknown dept: %+v", d.Warnings)
	}
}

func TestTargets(t *testing.T) {
	tests := []struct {
		text                            string
		indicator, verb, unit, op, span string
		value                           float64
	}{
		{"地区生产总值增长6.5%以上，", "地区生产总值", "增长", "%", ">=", "地区生产总值增长6.5%以上", 6.5},
		{"——城镇新增就业5万人以上。", "城镇新增就业", "", "万人", ">=", "城镇新增就业5万人以上", 5},
		{"居民消费价格涨幅3%左右。", "居民消费价格", "涨幅", "%", "~", "居民消费价格涨幅3%左右", 3},
		{"城镇调查失业率控制在5.5%以内，", "城镇调查失业率", "控制在", "%", "<=", "城镇调查失业率控制在5.5%以内", 5.5},
		{"城镇新增就业70万人，", "城镇新增就业", "", "万人", "=", "城镇新增就业70万人", 70},
		{"力争全省千亿园区达到16家，", "千亿园区", "达到", "家", ">=", "千亿园区达到16家", 16},
		{"技工贸总收入突破6.5万亿元。", "技工贸总收入", "突破", "万亿元", ">", "技工贸总收入突破6.5万亿元", 6.5},
		{"培优育强22个优势产业链，", "优势产业链", "培优育强", "个", "=", "培优育强22个优势产业链", 22},
		{"加快5G网络和IPv6规模化部署，新建5G基站2.5万个。", "5G基站", "新建", "万个", "=", "新建5G基站2.5万个", 2.5},
		{"粮食产量600亿斤以上。", "粮食产量", "", "亿斤", ">=", "粮食产量600亿斤以上", 600},
		{"确保粮食播种面积稳定在7100万亩左右、", "粮食播种面积", "稳定在", "万亩", "~", "粮食播种面积稳定在7100万亩左右", 7100},
		{"高于全国平均水平0.6个百分点。", "全国平均水平", "高于", "个百分点", ">", "高于全国平均水平0.6个百分点", 0.6},
		{"经济增长7.5%—8%，", "经济", "增长", "%", ">=", "经济增长7.5%—8%", 7.5},
		{"经济增长6-7%，", "经济", "增长", "%", ">=", "经济增长6-7%", 6},
		{"经济增长6～7%，", "经济", "增长", "%", ">=", "经济增长6～7%", 6},
		{"新增城镇就业不少于4万人。", "新增城镇就业", "不少于", "万人", ">=", "新增城镇就业不少于4万人", 4},
		{"政府性债务余额不多于300亿元。", "政府性债务余额", "不多于", "亿元", "<=", "政府性债务余额不多于300亿元", 300},
		// a note inside the phrase: the phrase starts before it
		{"新增或改扩建村卫生室（社区卫生服务站）10家；", "或改扩建村卫生室（社区卫生服务站）", "新增", "家", "=", "新增或改扩建村卫生室（社区卫生服务站）10家", 10},
		{"实施新（改、扩）建中小学校5家，", "新（改、扩）建中小学校", "实施", "家", "=", "实施新（改、扩）建中小学校5家", 5},
		{"康养联合体镇（街道）覆盖率达100%；", "康养联合体镇（街道）覆盖率", "达", "%", ">=", "康养联合体镇（街道）覆盖率达100%", 100},
		// the counted thing after the count, the verb before it with a note
		{"新建（改建）10家标准化老年食堂，", "标准化老年食堂", "新建", "家", "=", "新建（改建）10家标准化老年食堂", 10},
		{"开设100个暑期公益托管班。", "暑期公益托管班", "开设", "个", "=", "开设100个暑期公益托管班", 100},
		// one value for the names listed before it
		{"引进名师、名长70人，", "引进名师、名长", "", "人", "=", "引进名师、名长70人", 70},
		{"城镇居民人均可支配收入、农民人均纯收入均增长12%以上。", "城镇居民人均可支配收入、农民人均纯收入", "增长", "%", ">=", "城镇居民人均可支配收入、农民人均纯收入均增长12%以上", 12},
		// a point's number glued after a heading is no part of it
		{"全力推进产业项目建设。1.抓好600个省级重点产业项目，", "省级重点产业项目", "抓好", "个", "=", "抓好600个省级重点产业项目", 600},
		// whose, and the counted thing after the count
		{"中央财政安排1000亿元专项奖补资金，", "专项奖补资金", "安排", "亿元", "=", "中央财政安排1000亿元专项奖补资金", 1000},
		{"城镇新增就业达到全年目标的60%以上，", "城镇新增就业", "达到", "%", ">=", "城镇新增就业达到全年目标的60%以上", 60},
		{"力争年内完成主城区80%的化工企业搬迁。", "主城区化工企业搬迁", "完成", "%", "=", "完成主城区80%的化工企业搬迁", 80},
		{"全市GDP增长10%以上，", "GDP", "增长", "%", ">=", "GDP增长10%以上", 10},
		{"装备制造板块主营业务收入超400亿元，", "装备制造板块主营业务收入", "超", "亿元", ">", "装备制造板块主营业务收入超400亿元", 400},
		{"新增学位3800位，", "学位", "新增", "位", "=", "新增学位3800位", 3800},
		{"安装边石1000延长米，", "安装边石", "", "延长米", "=", "安装边石1000延长米", 1000},
		{"保持98%以上的高中阶段入学率，", "高中阶段入学率", "保持", "%", ">=", "保持98%以上的高中阶段入学率", 98},
		{"食品安全抽检量不少于4批次/千人，", "食品安全抽检量", "不少于", "批次/千人", ">=", "食品安全抽检量不少于4批次/千人", 4},
		{"城市低保补差水平达到300元/人，", "城市低保补差水平", "达到", "元/人", ">=", "城市低保补差水平达到300元/人", 300},
		{"经费标准由2010年的15元提高到25元，", "经费标准", "提高到", "元", "=", "经费标准由2010年的15元提高到25元", 25},
		{"全年至少新建学校5所，", "学校", "新建", "所", ">=", "新建学校5所", 5},
		{"劳动年龄人口平均受教育年限达到15年，", "劳动年龄人口平均受教育年限", "达到", "年", ">=", "劳动年龄人口平均受教育年限达到15年", 15},
		{"全年空气质量优良天数达到300天，", "空气质量优良天数", "达到", "天", ">=", "空气质量优良天数达到300天", 300},
		{"主要污染物排放量较2010年削减4%。", "主要污染物排放量", "削减", "%", "=", "主要污染物排放量较2010年削减4%", 4},
		{"建成6号线、15号线共62公里线路。", "线路", "", "公里", "=", "62公里线路", 62},
		{"惠及494909名学生。", "学生", "", "名", "=", "494909名学生", 494909},
		{"全市共新建学校5所。", "学校", "新建", "所", "=", "新建学校5所", 5},
		{"共享单车投放5000辆。", "共享单车投放", "", "辆", "=", "共享单车投放5000辆", 5000},
		{"地区生产总值年均增长12%以上，", "地区生产总值", "增长", "%", ">=", "地区生产总值年均增长12%以上", 12},
		{"建设8个功能完善、设施齐全的便民服务中心。", "功能完善、设施齐全的便民服务中心", "建设", "个", "=", "建设8个功能完善、设施齐全的便民服务中心", 8},
		{"2016年安排危房改造资金500亿元，", "危房改造资金", "安排", "亿元", "=", "安排危房改造资金500亿元", 500},
		{"城镇登记失业率从4.2%降低到4%以内，", "城镇登记失业率", "降低到", "%", "<=", "城镇登记失业率从4.2%降低到4%以内", 4},
		{"完成1个100亿元以上招商引资任务。", "100亿元以上招商引资任务", "完成", "个", "=", "完成1个100亿元以上招商引资任务", 1},
		{"完成升钟库区7所小学改扩建工程，", "小学改扩建工程", "完成", "所", "=", "完成升钟库区7所小学改扩建工程", 7},
		{"居民消费价格指数控制在103左右。", "居民消费价格指数", "控制在", "", "~", "居民消费价格指数控制在103左右", 103},
		{"规模以上工业增加值：增长8%（依据区人代会目标设置，高于省、市7.5%平均水平），", "规模以上工业增加值", "增长", "%", "=", "增长8%", 8},
		{"开展基层卫生技术人员在线培训，全年培训3900人以上。", "基层卫生技术人员在线培训", "培训", "人", ">=", "培训3900人以上", 3900},
		{"实施保黎路下穿立交、太平桥、观庄下穿4座泵站改造，", "泵站改造", "实施", "座", "=", "实施保黎路下穿立交、太平桥、观庄下穿4座泵站改造", 4},
		{"推动潞讯精密电子30条生产线投产，", "潞讯精密电子生产线投产", "", "条", "=", "潞讯精密电子30条生产线投产", 30},
		{"企业开办时间压缩至1个工作日以内。", "企业开办时间", "压缩至", "个工作日", "<=", "企业开办时间压缩至1个工作日以内", 1},
		// verbs listed with 、 before what they count
		{"新建、改扩建中小学校和幼儿园15所，", "中小学校和幼儿园", "新建、改扩建", "所", "=", "新建、改扩建中小学校和幼儿园15所", 15},
		// a verb and a count alone: the thing counted is the phrase before,
		// less its action word (and a 二是)
		{"推进高标准农田建设，新建5万亩。", "高标准农田建设", "新建", "万亩", "=", "新建5万亩", 5},
		{"二是加快推进农村公路建设，完成40公里。", "农村公路建设", "完成", "公里", "=", "完成40公里", 40},
		// counters read whole, the longest first (场次, not 场)
		{"开展全民健身活动100场次，", "全民健身活动", "开展", "场次", "=", "开展全民健身活动100场次", 100},
		{"航班起降2万架次，", "航班起降", "", "万架次", "=", "航班起降2万架次", 2},
		{"新增供水能力10万吨/日。", "供水能力", "新增", "万吨/日", "=", "新增供水能力10万吨/日", 10},
		{"完成白内障复明手术1000例，", "白内障复明手术", "完成", "例", "=", "完成白内障复明手术1000例", 1000},
		{"人均预期寿命达到79岁。", "人均预期寿命", "达到", "岁", ">=", "人均预期寿命达到79岁", 79},
		{"全年开展安全生产大检查2次以上。", "安全生产大检查", "开展", "次", ">=", "开展安全生产大检查2次以上", 2},
		// 多 or 余 after the magnitude: more than it, of the unit after
		{"省财政安排1亿多元，", "省财政", "安排", "亿元", ">", "省财政安排1亿多元", 1},
		{"新增就业1万余人，", "就业", "新增", "万人", ">", "新增就业1万余人", 1},
		// 在 before the value: how much the indicator stands at
		{"粮食产量在600亿斤以上，", "粮食产量", "", "亿斤", ">=", "粮食产量在600亿斤以上", 600},
		// 解决 a number of people: what is solved for them is counted
		{"解决3万农村人口饮水安全问题。", "农村人口饮水安全问题", "解决", "万", "=", "解决3万农村人口饮水安全问题", 3},
		// the verb after the value: what grows comes before 实现
		{"工业投资实现15%以上增长。", "工业投资", "增长", "%", ">=", "工业投资实现15%以上增长", 15},
		{"税收收入实现10%左右的增长，", "税收收入", "增长", "%", "~", "税收收入实现10%左右的增长", 10},
		// a count whose phrase states a rate of its own is no target
		{"4个结构性指标均实现10%以上增长，", "4个结构性指标", "增长", "%", ">=", "4个结构性指标均实现10%以上增长", 10},
	}
	// three values after 分别: the second and the third are the list's too
	// (the second was read as counting 和8%, and the third had none)
	if got := targetsIn("甲、乙、丙分别增长6%、7%和8%。"); len(got) != 3 || got[1].Value != 7 || got[2].Value != 8 || got[1].Indicator != "甲、乙、丙" || got[2].Verb != "增长" {
		t.Errorf("分别增长6%%、7%%和8%%: %+v", got)
	}
	// a rate split by a space after its point, as a PDF's text has it
	if got := targetsIn("分别下降4.8%、3. 3%和1.4%。"); len(got) != 3 || got[1].Value != 3.3 || got[2].Value != 1.4 {
		t.Errorf("3. 3%%: %+v", got)
	}
	// counts of things in a list: each counts the thing right after it
	var things []string
	for _, g := range targetsIn("完成34个国家级生态镇、54个省级生态镇和517个市级以上生态村创建任务。") {
		things = append(things, g.Indicator)
	}
	if want := []string{"国家级生态镇", "省级生态镇", "市级以上生态村创建任务"}; !slices.Equal(things, want) {
		t.Errorf("counts in a list: indicators %q, want %q", things, want)
	}
	// a thing joined by 和 after a value, and a value after a 和: each
	// value counts its own thing
	for text, want := range map[string][]string{
		"新建学校5所和幼儿园8所。":               {"学校", "幼儿园"},
		"新建学校5所、幼儿园8所。":               {"学校", "幼儿园"},
		"严格保护永久基本农田和810万亩粮食生产功能区。":    {"粮食生产功能区"},
		"实施新村扶贫90个和扶贫新村连片建设50个。":      {"新村扶贫", "扶贫新村连片"},
		"形成一批超100亿元的优势产业集群和超20亿元的集群。": nil, // a batch of things of a size
	} {
		var got []string
		for _, g := range targetsIn(text) {
			got = append(got, g.Indicator)
		}
		if !slices.Equal(got, want) {
			t.Errorf("targetsIn(%q): indicators %q, want %q", text, got, want)
		}
	}
	// a comparison with last year is no part of the indicator
	for _, text := range []string{"地区生产总值与去年相比增长8%。", "地区生产总值在去年基础上增长8%。", "地区生产总值比去年增长8%。"} {
		if got := targetsIn(text); len(got) != 1 || got[0].Indicator != "地区生产总值" {
			t.Errorf("targetsIn(%q): %+v", text, got)
		}
	}
	// a sign before the value is its op; the sign is no part of the indicator
	if got := targetsIn("人均预期寿命≥79.2岁，重大慢性病过早死亡率≤12.5%。"); len(got) != 2 || got[0].Op != ">=" || got[0].Indicator != "人均预期寿命" || got[1].Op != "<=" || got[1].Indicator != "重大慢性病过早死亡率" {
		t.Errorf("≥ and ≤: %+v", got)
	}
	// a number of the thing named right after it
	for text, want := range map[string]string{
		"省财政拨款14亿元启动54万农村贫困户危房改造。": "农村贫困户危房改造",
		"着力改善12.7万贫困人口的生产生活条件。":    "贫困人口的生产生活条件",
	} {
		if got := targetsIn(text); len(got) == 0 || got[len(got)-1].Indicator != want {
			t.Errorf("targetsIn(%q): %+v, want the last indicator %s", text, got, want)
		}
	}
	// a share of the goal alone: of the indicator before it
	if got := targetsIn("新发展私营企业5172户，完成全年目标的51.7%。"); len(got) != 2 || got[1].Indicator != "新发展私营企业" || got[1].Value != 51.7 {
		t.Errorf("完成全年目标的51.7%%: %+v", got)
	}
	if got := targetsIn("新建学校5所和幼儿园8所。"); len(got) != 2 || got[1].Verb != "新建" {
		t.Errorf("学校5所和幼儿园8所: the second value's verb: %+v", got)
	}
	// a further value after an opener alone: the same indicator and verb
	if got := targetsIn("地区生产总值增长6.5%左右，力争7%。"); len(got) != 2 || got[1].Indicator != "地区生产总值" || got[1].Verb != "增长" || got[1].Value != 7 {
		t.Errorf("增长6.5%%左右，力争7%%: %+v", got)
	}
	// numbers of names and of summaries: no targets, the count beside them is
	for text, want := range map[string][]string{
		"力争引进20亿级项目不少于12个、50亿级项目不少于2个。":      {"个", "个"}, // a class of projects
		"围绕“一个总体方案、N个措施、1个政策”，新增企业100家。":     {"家"},      // a slogan
		"贯彻《关于促进消费的10条措施》，新增网点30个。":          {"个"},      // a title
		"以上8项目标分别确定了责任单位。":                   nil,        // the items above
		"扎实办好11项为民办实事项目，居全省前3位，去年新开工200个项目。": nil,        // items counted, a rank, last year
		"办结时间压缩至5天以内，30天内办结。":                nil,        // time limits, not counts of days
		"按照每年每院5万元的标准给予补助。":                  nil,        // a policy's standard
		"失业保险浮动费率政策实施期限延长至2022年4月30日。":       nil,        // a date after 期限, no length of years
		"实现“人才资源总量达到2000名左右，人才贡献率达到40%”的目标。": {"名", "%"}, // a goal quoted whole
		"实施投资5000万元以上工业重点项目323个。":            {"个"},      // a size class of the things counted
		"加强0- 3岁婴幼儿教育，新建幼儿园3所。":              {"所"},      // an age before whom it is about
		"立项建设32所市级优秀中等职业学校和55个市级优质专业。":       {"所", "个"}, // two counts, each its own thing
		"上述3条由各地负责落实。":                       nil,
		// figures done, rules of a policy, classes and names: no targets
		"加大去年新开工200个项目的推进力度。":            nil,     // last year's
		"全年新开工项目比去年增加20个。":               {"个"},   // a comparison with it is a target
		"可申请最高不超过15万元的创业担保贷款。":           nil,     // an entitlement
		"返还标准可按6个月的当地月人均失业保险金。":          nil,     // the rule of a policy
		"解决户均面积不足16平方米低保家庭住房困难问题。":       nil,     // the class meant
		"截至5月底，新增城镇就业2.76万人，完成年度任务的46%。": nil,     // progress reported
		"目前已有10家企业提出申办需求，其中4家已在办理。":      nil,     // progress reported
		"在安排1亿多元发放补贴的基础上，省财政再安排2.8亿元。":   {"亿元"},  // the basis of a new step
		"抓好80万吨乙烯改扩建项目，新建光伏电站10万千瓦。":     {"万千瓦"}, // a project's capacity in its name
		"一、8项区人代会考核指标设置情况":               nil,     // the document's own indicators
		"年内完成主体结构8层以上。":                  {"层"},
		"财政收入在去年基础上增长10%。":               {"%"},  // last year as the basis: a target
		"截至年底，建成5G基站2万个。":                {"万个"}, // a goal by a day to come
		"按期完成10个项目建设。":                   {"个"},  // on time, no rule of a policy
		"确保城镇登记失业率低于4.5%的控制目标。":          {"%"},  // the goal itself, no class
		"全市目前已建成5G基站1万个，今年新建5G基站5000个。":  {"个"},  // a goal after what is done
		"落实好提振市场信心90条措施，出台10条措施。":        {"条"},  // the measures of a package in force; new ones are a target
	} {
		var units []string
		for _, g := range targetsIn(text) {
			units = append(units, g.Unit)
		}
		if !slices.Equal(units, want) {
			t.Errorf("targetsIn(%q): units %q, want %q", text, units, want)
		}
	}
	// what a bound measures, not a target
	if got := targetsIn("全区100米以上医疗卫生机构接入率达到100%，"); len(got) != 1 || got[0].Unit != "%" {
		t.Errorf("100米以上医疗卫生机构: %+v", got)
	}
	for _, tc := range tests {
		got := targetsIn(tc.text)
		if len(got) != 1 {
			t.Errorf("targetsIn(%q): got %d targets %+v, want 1", tc.text, len(got), got)
			continue
		}
		g := got[0]
		if g.Indicator != tc.indicator || g.Verb != tc.verb || g.Unit != tc.unit || g.Op != tc.op || g.Text != tc.span || g.Value != tc.value {
			t.Errorf("targetsIn(%q):\n got %q %q %v %q %q %q\nwant %q %q %v %q %q %q", tc.text,
				g.Indicator, g.Verb, g.Value, g.Unit, g.Op, g.Text, tc.indicator, tc.verb, tc.value, tc.unit, tc.op, tc.span)
		}
	}
}

func TestTargetValuesShareIndicator(t *testing.T) {
	for _, text := range []string{"城乡居民人均可支配收入分别增长7.5%、8%。", "城乡居民人均可支配收入分别增长7.5%和8%。", "城乡居民人均可支配收入分别增长7.5%及8%。"} {
		got := targetsIn(text)
		if len(got) != 2 || got[0].Indicator != "城乡居民人均可支配收入" || got[1].Indicator != got[0].Indicator || got[1].Value != 8 || got[1].Verb != "增长" {
			t.Errorf("%s: got %+v", text, got)
		}
	}
}

// TestTargetListBound: a bound after the last value of a list after 分别
// bounds every value of it; a value with an op of its own keeps it, and a
// value of another indicator before the list is not the list's.
func TestTargetListBound(t *testing.T) {
	for text, want := range map[string][]string{
		"城乡居民人均可支配收入分别增长8%和9%以上。":   {">=", ">="},
		"工业投资、民间投资分别增长10%和9.5%以上。":  {">=", ">="},
		"城镇和农村居民收入分别增长7.5%、8.5%左右。": {"~", "~"},
		"甲、乙、丙分别增长6%、7%和8%以上。":      {">=", ">=", ">="},
		"甲、乙分别控制在3%和4%左右。":          {"~", "~"},
		"地区生产总值增长7%，财政收入增长8%以上。":    {"=", ">="},
		"新增城镇就业5万人、农村劳动力转移3万人以上。":   {"=", ">="},
		"甲、乙分别增长6%和约7%。":            {"=", "~"},
	} {
		var ops []string
		for _, g := range targetsIn(text) {
			ops = append(ops, g.Op)
		}
		if !slices.Equal(ops, want) {
			t.Errorf("targetsIn(%q): ops %q, want %q", text, ops, want)
		}
	}
}

func TestTargetEnumerationSharesVerb(t *testing.T) {
	got := targetsIn("净增1000家以上规模工业公司、1000家以上高新技术企业。")
	if len(got) != 2 {
		t.Fatalf("got %d targets, want 2: %+v", len(got), got)
	}
	for i, want := range []string{"规模工业公司", "高新技术企业"} {
		if got[i].Indicator != want || got[i].Verb != "净增" || got[i].Op != ">=" || got[i].Value != 1000 || got[i].Unit != "家" {
			t.Errorf("target %d: got %+v, want %s 净增 >= 1000 家", i, got[i], want)
		}
	}
}

func TestNotTargets(t *testing.T) {
	for _, s := range []string{
		"2022年是我国进入全面建设社会主义现代化国家的重要一年。",
		"加快5G网络和IPv6规模化部署。",
		"全面贯彻党的十九大和十九届历次全会精神。",
		"升级建设“3+3+2”产业集群。",
		"落实“1+3”政策体系。",
		"办好“12345”热线。",
		"瞄准“三类500强”企业。",
		"扎实推进第二轮土地承包到期后再延长30年试点。",
		"重点抓好十大基础设施项目。",
		"召开第3届博览会。",
		"区政府十九届第1次常务会议审议通过。",
		"在30日前完成。",
		"打造城市15分钟便民生活圈。",
		"推进热线“1分钟响应”，24小时内办结。",
		"每季度召开1次联席会议。",
	} {
		if got := targetsIn(s); len(got) > 0 {
			t.Errorf("targetsIn(%q): got %+v, want none", s, got)
		}
	}
}

func TestNamedLists(t *testing.T) {
	d := parseLines(t,
		"3.重点抓好十大基础设施项目，即长赣高铁、常益长高铁、平伍益高速。（省发展改革委牵头）",
		"68.竭尽全力办好十大民生实事。①增加公办义务教育学位。（省教育厅牵头）②职业教育楚怡行动。（省教育厅牵头）",
	)
	if len(d.Lists) != 2 {
		t.Fatalf("got %d lists, want 2: %+v", len(d.Lists), d.Lists)
	}
	l := d.Lists[0]
	if l.Name != "十大基础设施项目" || l.Declared != 10 || !reflect.DeepEqual(l.Members, []string{"长赣高铁", "常益长高铁", "平伍益高速"}) {
		t.Errorf("list 0: got %+v", l)
	}
	l = d.Lists[1]
	if l.Name != "十大民生实事" || l.Declared != 10 || !reflect.DeepEqual(l.Members, []string{"增加公办义务教育学位", "职业教育楚怡行动"}) {
		t.Errorf("list 1: got %+v", l)
	}
	mismatch := 0
	for _, w := range d.Warnings {
		if w.Code == "list-size" && strings.Contains(w.Message, "十大") {
			mismatch++
		}
	}
	if mismatch != 2 {
		t.Errorf("got %d size-mismatch warnings, want 2: %+v", mismatch, d.Warnings)
	}
	// the words before ① stay with the tasks they introduce
	if subs := d.Items[1].Tasks; len(subs) != 2 || subs[0].Sub != "①" || subs[1].Sub != "②" || subs[0].Text != "竭尽全力办好十大民生实事。增加公办义务教育学位。" {
		t.Errorf("circled sub-items: got %+v", subs)
	}
}

// The seed's damaged part: numbers displaced to the end of the previous
// line, ( placeholders, headings glued to line ends, cut-away openings.
func TestDisplacedNumbers(t *testing.T) {
	d := parseLines(t,
		"34.开展百强外贸企业招引工程。（省商务厅牵头）",
		"，推动建立“田长制”。（省自然资源厅、省农业农村厅分别负责）36",
		"（省农业农村厅牵头）坚决遏制耕地“非农化”。（省自然资源厅、省农业农村厅牵头）（",
		"，加强农村低收入人口常态化帮扶。（省乡村振兴局牵头）六、扎实推动区域协调发展",
		"，密切长株潭与武汉、南昌都市圈的深度联接。（省发展改革委牵头）",
	)
	type row struct {
		num      int
		line     int
		inferred bool
		section  string
	}
	var got []row
	for _, it := range d.Items {
		got = append(got, row{it.Number, it.Line, it.NumberInferred, it.Section})
	}
	want := []row{{34, 1, false, ""}, {35, 2, true, ""}, {36, 3, true, ""}, {37, 4, true, ""}, {38, 5, true, "六"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("items: got %v, want %v", got, want)
	}
	if d.Items[1].Text != "推动建立“田长制”。（省自然资源厅、省农业农村厅分别负责）" {
		t.Errorf("displaced number left in text: %q", d.Items[1].Text)
	}
	if tk := d.Items[2].Tasks; len(tk) != 2 || tk[0].Text != "" || tk[1].Text != "坚决遏制耕地“非农化”。" {
		t.Errorf("clause at line start: got %+v", tk)
	}
	if len(d.Sections) != 1 || d.Sections[0].Title != "扎实推动区域协调发展" || d.Sections[0].FirstItem != 38 {
		t.Errorf("glued heading: got %+v", d.Sections)
	}
}

func TestNumberingWarnings(t *testing.T) {
	d := parseLines(t, "1.甲。（省财政厅牵头）", "3.乙。（省财政厅牵头）", "3.丙。（省财政厅牵头）")
	var got []string
	for _, w := range d.Warnings {
		got = append(got, w.Code+": "+w.Message)
	}
	want := []string{"number-jump: 条目编号从第1条跳到第3条，缺少第2条，请核对原文", "number-backwards: 第3条出现在第3条之后，条目编号重复或倒退，请核对原文"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n got %q\nwant %q", got, want)
	}
	ids := map[string]bool{}
	for _, it := range d.Items {
		for _, tk := range it.Tasks {
			if ids[tk.ID] {
				t.Errorf("duplicate task ID %q", tk.ID)
			}
			ids[tk.ID] = true
		}
	}
}

func TestParenthesisedItems(t *testing.T) {
	d := parseLines(t, "一、总体要求", "（一）稳定经济增长。（省发展改革委牵头）", "（二）扩大有效投资。（省财政厅牵头）")
	if len(d.Items) != 2 || d.Items[0].Number != 1 || d.Items[1].Number != 2 {
		t.Fatalf("got items %+v, want （一）（二） as items 1 and 2", d.Items)
	}
}

func TestNoItems(t *testing.T) {
	_, err := Parse(&Text{Name: "empty.txt", Lines: []string{"这只是一段说明文字。"}}, testDir(t))
	if !errors.Is(err, ErrNoItems) || !strings.Contains(err.Error(), "empty.txt") {
		t.Errorf("got %v, want ErrNoItems naming the file", err)
	}
}

func TestDeptCounts(t *testing.T) {
	d := parseLines(t,
		"1.甲。（各部门单位分别负责）",
		"2.乙。（省财政厅牵头，省商务厅等按职责分工负责）丙。（省商务厅、省财政厅分别负责）",
	)
	fin, com := d.Dept("省财政厅"), d.Dept("省商务厅")
	if fin == nil || com == nil {
		t.Fatalf("depts: %+v", d.Depts)
	}
	if fin.Lead != 1 || fin.Respective != 1 || fin.Co != 0 || fin.All != 1 {
		t.Errorf("省财政厅: got %+v", *fin)
	}
	if com.Co != 1 || com.Respective != 1 || com.All != 1 || com.Total() != 3 {
		t.Errorf("省商务厅: got %+v", *com)
	}
	if got := len(d.TasksOf("省财政厅")); got != 3 {
		t.Errorf("TasksOf: got %d, want 3", got)
	}
}

func TestWarningWording(t *testing.T) {
	m, err := LoadMessages(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range warningCodes {
		if strings.ContainsAny(m[c], "abcdefghijklmnopqrstuvwxyz") && !strings.Contains(m[c], "{") {
			t.Errorf("%s: %q is not worded for a clerk", c, m[c])
		}
	}
	if got := m.format("unknown-dept", "name", "火星开发专班"); got != "“火星开发专班”不像机构名称，也不在单位名录中，请核对名称或补充名录" {
		t.Errorf("format: got %q", got)
	}
	// a Directory from a file still words its warnings
	d, err := ParseDirectory([]byte("depts: [{name: 省财政厅, kind: 省直部门}]"), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(&Text{Name: "t", Lines: []string{"1.甲。（火星开发专班牵头）"}}, d)
	if err != nil || len(doc.Warnings) != 1 || doc.Warnings[0].Code != "unknown-dept" || !strings.Contains(doc.Warnings[0].Message, "火星开发专班") {
		t.Errorf("got %+v, %v", doc.Warnings, err)
	}
}

func TestLeaders(t *testing.T) {
	tests := []struct {
		name, line string
		leaders    []string
		lead       []string
	}{
		{"in a clause", "2.经济增长。（分管副省长、协管副秘书长负责，省发展改革委牵头）", []string{"分管副省长", "协管副秘书长"}, []string{"省发展改革委"}},
		{"a label", "2.经济增长。（责任领导：张三；牵头单位：省发展改革委）", []string{"张三"}, []string{"省发展改革委"}},
		{"a label's people in the note after its basis", "2.经济增长。（责任领导：按《市委工作要点》分工（蒋永根、俞福才）；牵头单位：市发改委）", []string{"蒋永根", "俞福才"}, []string{"市发改委"}},
		// a …领导： label of no vocabulary, after a Chinese comma: its start
		// is past the comma's three bytes, not one byte into it
		{"a …领导 label after ，", "1.加强县域商业体系建设，联系省领导：李副省长；牵头单位：省商务厅。", []string{"李副省长"}, []string{"省商务厅"}},
		{"a …领导 label after ,", "1.加强县域商业体系建设,联系省领导：李副省长；牵头单位：省商务厅。", []string{"李副省长"}, []string{"省商务厅"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseLines(t, tc.line)
			task := d.Items[0].Tasks[0]
			if !reflect.DeepEqual(task.Leaders, tc.leaders) || !reflect.DeepEqual(task.Lead, tc.lead) || len(task.Groups) != 0 {
				t.Errorf("got leaders %q lead %q groups %q, want %q %q", task.Leaders, task.Lead, task.Groups, tc.leaders, tc.lead)
			}
			for _, dp := range d.Depts {
				if contains(tc.leaders, dp.Name) {
					t.Errorf("leader %q listed as a dept", dp.Name)
				}
			}
		})
	}
	// 负责人 names people; a leader label's value ends at a label the
	// grammar does not know
	d0 := parseLines(t, "1.广告牌匾整治任务 责任单位：市区执法局、城投公司，负责人：蒋新国、韩宪成。", "2.道路改造任务 责任单位：区建设局，责任人：徐国庆 工作任务：⒈道路工程 乌拉特大街（胜利路至临五路）。")
	if got := d0.Items[0].Tasks[0].Leaders; !reflect.DeepEqual(got, []string{"蒋新国", "韩宪成"}) {
		t.Errorf("负责人: leaders %q", got)
	}
	if got := d0.Items[1].Tasks[0].Leaders; !reflect.DeepEqual(got, []string{"徐国庆"}) {
		t.Errorf("责任人 then 工作任务: leaders %q", got)
	}
	// a leader-led heading gives its tasks their leader
	// a two-character name spaced out to align is one leader
	d := parseLines(t, "1.做好甲。", "牵头领导：王 健、李  明", "牵头单位：省财政厅")
	if got := d.Items[0].Tasks[0].Leaders; !reflect.DeepEqual(got, []string{"王健", "李明"}) {
		t.Errorf("spaced-out names: leaders %q", got)
	}
	for h, want := range map[string]string{
		"四、卢山副省长牵头重点工作":        "卢山副省长",
		"四、卢山副省长主抓重点工作":        "卢山副省长",
		"四、卢山副省长联系的重点工作":       "卢山副省长",
		"一、区长陈兴立牵头重点工作":        "区长陈兴立", // the title first
		"二、常务副区长姚珂军牵头重点工作":     "常务副区长姚珂军",
		"二、张盈军区政府党组成员牵头重点工作":   "张盈军区政府党组成员",
		"三、区长办公室牵头重点工作":        "", // no name after the title
		"一、区长陈兴立同志负责的重点工作（8项）": "区长陈兴立",
	} {
		d := parseLines(t, h, "1.做好甲。（省财政厅牵头）")
		got := d.Items[0].Tasks[0].Leaders
		if want == "" && len(got) != 0 || want != "" && !reflect.DeepEqual(got, []string{want}) {
			t.Errorf("%s: heading leader: got %q, want %q", h, got, want)
		}
	}
}

func TestSubHeadingsAlone(t *testing.T) {
	// a page cut after the first sub-heading: it is an item naming nobody,
	// warned about, not a document refused
	d := parseLines(t, "关于落实政府工作报告重点工作部门分工的意见", "省直有关单位：",
		"一、落实总体要求和主要预期目标", "（一）总体要求：坚持稳中求进工作总基调。", "主要预期目标：经济增长7.5%；城镇调查失业率5%左右；居民收入")
	if len(d.Items) != 1 || len(d.Items[0].Tasks) != 1 || !strings.HasPrefix(d.Items[0].Tasks[0].Text, "总体要求") {
		t.Fatalf("items %+v", d.Items)
	}
	if !slices.ContainsFunc(d.Warnings, func(w Warning) bool { return w.Code == "item-without-dept" }) {
		t.Errorf("no warning: %+v", d.Warnings)
	}
}

// The phrase before a verb and a count names what it counts only in one
// sentence.
func TestTargetsPhraseBefore(t *testing.T) {
	for _, text := range []string{"推进高标准农田建设。新建5万亩。", "推进高标准农田建设；新建5万亩。"} {
		for _, tg := range targetsIn(text) {
			if tg.Value == 5 {
				t.Errorf("%q: a target %+v for 新建5万亩", text, tg)
			}
		}
	}
}

// TestLabelListEndsAtRate: a rate after a label's names is the next
// indicator, no unit (责任单位为区发改委；技改投资占固定资产投资比重16.5%…).
func TestLabelListEndsAtRate(t *testing.T) {
	d := parseLines(t, "1.固定资产投资：增长7%，责任单位为区发改委；技改投资占固定资产投资比重16.5%（依据目标设置），责任单位为区经信局；")
	// the words after the first label's semicolon are a task of their
	// own, closed by their own label, with their own target
	if ts := d.Items[0].Tasks; len(ts) != 2 || !slices.Equal(ts[0].Co, []string{"区发改委"}) || !slices.Equal(ts[1].Co, []string{"区经信局"}) {
		t.Errorf("tasks %+v, want 区发改委's and 区经信局's", ts)
	}
	if len(d.Targets) != 2 || d.Targets[1].Value != 16.5 || d.Targets[1].Indicator != "技改投资占固定资产投资比重" {
		t.Errorf("targets %+v, want 7%% and 16.5%%", d.Targets)
	}
}

// TestTraditionalListVerb: the second value of a list in Traditional
// characters takes the first's verb as written (增長), not folded.
func TestTraditionalListVerb(t *testing.T) {
	d := parseLines(t, "1.城鄉居民人均可支配收入分別增長8%和9%以上。（牽頭單位：市發改委）")
	if len(d.Targets) != 2 || d.Targets[1].Verb != "增長" || d.Targets[0].Verb != "增長" {
		t.Errorf("targets %+v", d.Targets)
	}
}

// TestEtcAndAfterFederations: units ending in 联, 协 or 中央 are units before
// 等和 and 等有关部门 too (全国妇联等和各省级人民政府).
func TestEtcAndAfterFederations(t *testing.T) {
	for line, want := range map[string][]string{
		"1.发展妇女儿童事业。（全国妇联等和各省级人民政府负责）":     {"全国妇联"},
		"1.促进残疾人就业。（中国残联、中国科协等和各省级人民政府负责）": {"中国残联", "中国科协"},
		"1.青年发展。（共青团中央等有关部门负责）":            {"共青团中央"},
	} {
		d := parseLines(t, line)
		if got := d.Items[0].Tasks[0].Co; !slices.Equal(got, want) {
			t.Errorf("%s: co %q, want %q", line, got, want)
		}
	}
}

// TestDisclosureHeaderIsNoise: the lines of a government site's
// disclosure table (公开目录, 主题分类, 公开方式) are the page's, never the
// document's title.
func TestDisclosureHeaderIsNoise(t *testing.T) {
	d := parseLines(t, "公开目录: | 公开责任部门: | ||", "主题分类 | 政府办文件 | 体裁分类 | 服务对象 |", "2023年民生实事项目责任分解表", "1.新建学校5所。（牵头单位：区教育局）")
	if d.Title != "2023年民生实事项目责任分解表" {
		t.Errorf("title %q", d.Title)
	}
}

// TestTitleNamesTheDocument: a short first line that only names who
// publishes the page gives way to one that names the document; a title
// broken over two lines is joined; a title's label is left out.
func TestTitleNamesTheDocument(t *testing.T) {
	for want, lines := range map[string][]string{
		"2024年金东区政府民生实事项目":            {"金东区人民政府", "2024年金东区政府民生实事项目", "1.新建学校5所。（牵头单位：区教育局）"},
		"国务院关于促进综合保税区高水平开放高质量发展的若干意见": {"国务院关于促进综合保税区", "高水平开放高质量发展的若干意见", "1.新建学校5所。（牵头单位：区教育局）"},
		"谯城区教育局2025年政府工作报告重点工作任务分解表":  {"名称：谯城区教育局2025年政府工作报告重点工作任务分解表", "1.新建学校5所。（牵头单位：区教育局）"},
		"": {"│ 工 作 任 务 │分管领导│牵头组织实施单位│完成时限│", "1.新建学校5所。（牵头单位：区教育局）"}, // a table's header is no title
	} {
		if d := parseLines(t, lines...); d.Title != want {
			t.Errorf("title %q, want %q", d.Title, want)
		}
	}
}
