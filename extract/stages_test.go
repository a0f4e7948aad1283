package extract

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// One table-driven test per stage of the extractor.

func TestFoldStage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"【責任單位：市發展和改革委員會】", "（责任单位：市发展和改革委员会）"},
		{"〔牽頭單位：市商務局〕", "（牵头单位：市商务局）"},
		{"［省财政厅牵头］", "（省财政厅牵头）"},
		{"（省财政厅牵头）", "（省财政厅牵头）"},
		{"[责任单位]市发改委", "(责任单位)市发改委"},
		// a bullet inside a line opens a sentence; one at its start stays
		// for trimBullet, and ○ is a numeral's zero
		{"深化改革。★牵头单位：市委改革办 ●责任单位：市财政局", "深化改革。。牵头单位：市委改革办 。责任单位：市财政局"},
		{" ●推进项目建设", " ●推进项目建设"},
		{"二○二三年一月", "二○二三年一月"},
	}
	for _, tc := range tests {
		got := foldLines([]string{tc.in})[0]
		if got != tc.want {
			t.Errorf("fold(%q): got %q, want %q", tc.in, got, tc.want)
		}
		if len(got) != len(tc.in) {
			t.Errorf("fold(%q) changed the length: %d, want %d", tc.in, len(got), len(tc.in))
		}
	}
	// pinyin glosses are dropped from the line itself
	for in, want := range map[string]string{
		"市經（jīng）貿（mào）委": "市經貿委",
		"經(jīng)濟":        "經濟",
		"（ABC）项目":         "（ABC）项目",
		"海峡两岸产业合作区（湖南）":   "海峡两岸产业合作区（湖南）",
	} {
		if got := dropGlosses(in); got != want {
			t.Errorf("dropGlosses(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestTwin(t *testing.T) {
	raw := "市經貿委牽頭"
	fold := foldLines([]string{raw})[0]
	i := strings.Index(fold, "经贸委")
	if got := twin(fold, raw, fold[i:i+len("经贸委")]); got != "經貿委" {
		t.Errorf("twin: got %q", got)
	}
	// the same words read from another line (a clause remembered from
	// an earlier item) are found in this one
	if got := twin(fold, raw, strings.Clone("经贸委")); got != "經貿委" {
		t.Errorf("the same words from elsewhere: got %q", got)
	}
	if got := twin(fold, raw, "财政厅"); got != "财政厅" {
		t.Errorf("words the line does not hold: got %q", got)
	}
}

func TestLineRules(t *testing.T) {
	v := defaultVocabulary()
	tests := []struct {
		line string
		form numForm // the document's item form
		want lineKind
	}{
		{"", fArabic, kBlank},
		{"发布时间：2021-03-01 09:30", fArabic, kNoise},
		{"2021-11-22 19:30", fArabic, kNoise},
		{"首页 > 政务公开 > 文件", fArabic, kNoise},
		{">> 专题专栏 >> 归档专题 >> 2023市政府重点工作（已归档）", fArabic, kNoise},
		{"监督方式：0557-6031710", fArabic, kNoise},
		{"> 政务公开 > 重点工作落实情况", fArabic, kNoise},
		{"第 1 页 共 3 页", fArabic, kNoise},
		{"— 3 —", fArabic, kNoise},
		{"— — — 3 —", fArabic, kNoise}, // a PDF's page footer, its dashes spaced out
		{"－ 12 －", fArabic, kNoise},
		{"分享到：", fArabic, kNoise},
		{"返回首页 打印本页", fArabic, kNoise},
		{"版权所有 XX市人民政府 备案号：湘ICP备12345号", fArabic, kNoise},
		{"已有0人发表了评论", fArabic, kNoise},
		{"推进情况：已完成新开工棚户区改造1666套，完成年度任务的100%。", fArabic, kNoise},
		{"此项工作已完成。截至2019年12月底，全市完成新建幼儿园8所。", fArabic, kNoise},
		{"联 系 人：孙学明", fArabic, kNoise},
		{"主办：XX市人民政府办公室 网站标识码：4301000001", fArabic, kNoise},
		{"附件2", fArabic, kHeading},
		{"一、稳增长", fArabic, kHeading},
		{"第二部分 重点任务", fArabic, kHeading},
		{"（一）主要经济指标。", fArabic, kSub},
		{"（一）主要经济指标。", fCnParen, kItem},
		{"1.地区生产总值增长6%。", fArabic, kItem},
		{"1、地区生产总值增长6%。", fArabic, kItem},
		{"1﹒地区生产总值增长6%。", fArabic, kItem},
		{"责任单位（牵头）：市住建局", fArabic, kLabel},
		{"牵头单位（责任人）：市工信局", fArabic, kLabel},
		{"任务3：新建学校5所。", fArabic, kItem},
		{"第三项：新建学校5所。", fArabic, kItem},
		{"第3项、新建学校5所。", fArabic, kItem},
		{"任务分工：市发改委牵头", fArabic, kLabel},
		{"7.2022年底前完成5个老旧小区改造。", fArabic, kItem},
		{"2。完成年度城镇新增就业目标任务。", fArabic, kItem},
		{"6.5%以上的增速。", fArabic, kText},
		{"任务3", fArabic, kItem},
		{"任务3要抓好落实", fArabic, kText},
		{"分管副县长：李四", fArabic, kLabel},
		{"主责：县教育局", fArabic, kLabel},
		{"县长：张三  分管副县长：李四", fArabic, kLabel},
		{"牵头市领导：王五", fArabic, kLabel},
		{"领导：王五", fArabic, kText},
		{"县长说：要抓好落实", fArabic, kText},
		{"第三项工作是新建学校。", fArabic, kText},
		{"6.5%以上", fArabic, kText},
		{"（1）新建学校", fArabic, kText},
		{"（1）新建学校", fArabicParen, kItem},
		{"(1) 新建学校", fArabicParen, kItem},
		{"1) 新建学校", fArabicParen, kItem},
		{"1) 新建学校", fArabic, kText},
		{"⑴新建学校", fArabicParen, kItem},
		{"㈢新建学校", fCnParen, kItem},
		{"㈩新建学校", fArabic, kSub},
		{"⒈新建学校", fArabic, kItem},
		{"❶新建学校", fCircled, kItem},
		{"1 新建学校", fArabic, kItem},
		{"100 万元", fArabic, kText},
		{"1.1 地区生产总值增长6%。", fArabic, kItem},
		{"2.3、新建学校", fArabic, kItem},
		{"2.5 万元", fArabic, kText},
		{"2.5亿元以上", fArabic, kText},
		{"2022 年", fArabic, kText},
		{"（牵头单位）市发改委", fArabic, kLabel},
		{"第三条 推进改革", fTiao, kItem},
		{"牵头单位：市发改委", fArabic, kLabel},
		{"责任领导：张三", fArabic, kLabel},
		{"完成时限：6月底前", fArabic, kLabel},
		{"主办：县发改局", fArabic, kLabel},
		{"牵头单位 市发改委", fArabic, kLabel},
		{"牵头 市发改委", fArabic, kText},
		{"推进重大项目建设。", fArabic, kText},
	}
	for _, tc := range tests {
		c := cline{n: 1, text: tc.line}
		if tc.line != "" {
			c.num = numberOf(tc.line)
		}
		if got := lineRule(&c, tc.form, v); got != tc.want {
			t.Errorf("lineRule(%q, form %d): got %d, want %d", tc.line, tc.form, got, tc.want)
		}
	}
}

func TestChooseItemForm(t *testing.T) {
	v := defaultVocabulary()
	tests := []struct {
		name  string
		lines []string
		want  numForm
	}{
		{"1. under 一、 and （一）", []string{"一、目标", "（一）经济", "1.增长。（市发改局牵头）", "2.投资。（市发改局牵头）"}, fArabic},
		{"（一） with label lines", []string{"一、目标", "（一）增长7%", "责任单位：区发改局", "（二）投资", "责任单位：区发改局"}, fCnParen},
		{"a tie goes to the deeper form", []string{"一、目标", "甲。由市政府各部门负责落实。", "二、实事", "（一）乙。由市财政局负责落实。"}, fCnParen},
		{"a heading's clause over items with their own", []string{"一、稳增长（牵头单位：市发改委）", "1.甲。", "2.乙。（市住建局配合）", "二、惠民生", "责任单位：市人社局", "3.丙。", "4.丁。（市民政局配合）"}, fArabic},
		{"headings' clauses over points without any", []string{"（一）稳增长。（市发改委牵头）", "1.甲。", "2.乙。", "（二）惠民生。（市人社局牵头）", "1.丙。"}, fCnParen},
		{"headings' clauses over items numbered through", []string{"（一）稳增长。（市发改委牵头）", "1.甲。", "2.乙。", "（二）惠民生。（市人社局牵头）", "3.丙。"}, fArabic},
		{"一、 headings' label clauses over items numbered through", []string{"一、稳增长。牵头单位：市发改委", "1.甲。", "2.乙。", "二、惠民生。牵头单位：市人社局", "3.丙。"}, fArabic},
		{"no clause: the numbered lines", []string{"序号", "1", "甲", "2.乙", "3.丙"}, fArabic},
		{"points inside one item of many", []string{"1.甲。（市发改委牵头）", "2.乙。", "责任单位：市财政局", "3.丙。", "（1）丁。责任单位：市商务局", "（2）戊。责任单位：市住建局", "（3）己。责任单位：市交通局", "4.庚。（市教育局负责）"}, fArabic},
		{"a list of the notice's after the items is no item form", []string{"一、目标", "1.甲。（市发改委牵头）", "2.乙。（市人社局牵头）", "二、工作要求", "（一）加强组织领导。各单位要按时报送。", "（二）严格督查考核。督查室要跟踪督办。"}, fArabic},
		{"一、 items closed by role sentences", []string{"一、甲。由市发改局牵头，市统计局配合。", "二、乙。由市人社局牵头，市财政局配合。"}, fCnDun},
		{"① items closed by role sentences", []string{"①甲。由市发改局牵头，市统计局配合。", "②乙。由市人社局牵头，市财政局配合。"}, fCircled},
		{"a dash list under a heading is no item form", []string{"一、主要预期目标", "——增长6%。（市发改委牵头）", "——就业2万人。（市人社局牵头）", "——粮食50亿斤。（市农业农村局负责）", "二、重点工作", "（一）扩大投资", "1.甲。（市发改委牵头）", "2.乙。（市住建局牵头）"}, fArabic},
		{"headings over points, one alone", []string{"1.稳增长", "（1）甲。责任单位：市商务局", "（2）乙。责任单位：市住建局", "2.惠民生", "（1）丙。责任单位：市人社局", "3.丁。（市教育局负责）"}, fArabicParen},
	}
	for _, tc := range tests {
		cls, form := classify(tc.lines, v, newNameReader(nil))
		_ = cls
		if form != tc.want {
			t.Errorf("%s: got form %d, want %d", tc.name, form, tc.want)
		}
	}
}

func TestLabelsOwn(t *testing.T) {
	v := defaultVocabulary()
	tests := []struct {
		name  string
		lines []string
		at    int
		want  bool
	}{
		{"label lines, then the next sub-heading", []string{"1.甲。", "责任单位：市发改委", "2.乙。", "责任单位：市财政局", "二、丙", "（1）丁。", "牵头单位：市工信局", "配合单位：市商务局", "（2）戊。", "牵头单位：市发改委"}, 0, true},
		{"label lines, then the next section", []string{"1.甲。", "责任单位：市发改委", "2.乙。", "责任单位：市财政局", "二、丙", "（1）丁。", "牵头单位：市工信局", "配合单位：市商务局", "（2）戊。", "牵头单位：市发改委"}, 2, true},
		{"a heading's labels over its items", []string{"（一）甲", "牵头单位：市发改委", "1.乙。（市财政局配合）", "2.丙。（市商务局配合）", "（二）丁", "3.戊。（市工信局牵头）"}, 0, false},
		{"the document ends: its items may be cut", []string{"（1）丁。", "牵头单位：市工信局", "（2）戊。", "牵头单位：市发改委", "1.甲。", "责任单位：市发改委"}, 4, false},
		{"text under it: an orphan's", []string{"1.甲。", "地区生产总值增长6%。", "责任单位：市发改委", "2.乙。", "（1）丙。（市财政局牵头）", "（2）丁。（市商务局牵头）"}, 0, false},
	}
	for _, tc := range tests {
		cls, _ := classify(tc.lines, v, newNameReader(nil))
		if cls[tc.at].kind != kSub {
			t.Fatalf("%s: line %d is kind %d, not a sub-heading", tc.name, tc.at+1, cls[tc.at].kind)
		}
		if got := labelsOwn(cls, tc.at, v, newNameReader(nil)); got != tc.want {
			t.Errorf("%s: labelsOwn = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestFixups(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		items []string // item keys
		warn  string
	}{
		{"glued items", []string{"一、任务", "（一）甲。（区经信局负责）（二）乙。（主办：区住建局）（三）丙。（区财政局牵头）"}, []string{"1", "2", "3"}, "glued-items"},
		{"one line", []string{"县分解 一、稳增长 1.甲。（县经信局牵头）2.乙。（县商务局牵头）"}, []string{"1", "2"}, "glued-items"},
		{"displaced numbers", []string{"1.甲。（省财政厅牵头）", "2.乙。（省商务厅牵头）3", "丙。（省教育厅牵头）"}, []string{"1", "2", "3"}, "displaced-number"},
		{"a placeholder", []string{"1.甲。（省财政厅牵头）（", "乙。（省商务厅牵头）"}, []string{"1", "2"}, "placeholder"},
		{"a glued heading", []string{"1.甲。（省财政厅牵头）二、第二部分", "乙。（省商务厅牵头）"}, []string{"1", "2"}, "glued-heading"},
		{"a clause wrapped across two lines", []string{"1.甲。（市发改委牵头，市财政局、", "市统计局配合）", "2.乙。（市商务局牵头）"}, []string{"1", "2"}, "split-clause"},
		{"the notice's numbered paragraphs, then the document", []string{"一、各单位要高度重视。", "二、要按时报送。", "2023年重点工作任务分解方案", "一、主要目标", "1.甲。（市发改委牵头）", "二、重点任务", "2.乙。（市商务局牵头）"}, []string{"1", "2"}, ""},
		{"prose is not a heading", []string{"1.推进一、二、三产业融合发展。（省农业农村厅牵头）"}, []string{"1"}, ""},
		{"a clause cut by the page's end", []string{"1.甲。（市商务局牵头）", "2.乙。(牵头单位:市发改委;责任单位:各区人民政府〈含开发区、"}, []string{"1", "2"}, "cut-clause"},
		{"a label's list wrapped to the next line", []string{"1.甲。", "牵头单位：县林业局", "配合单位：县自然资源局、", "", "县农业农村局、各乡镇", "2.乙。（县财政局牵头）"}, []string{"1", "2"}, "split-label"},
		{"a label cut before its names", []string{"1.甲。（市商务局牵头）", "2.乙。(牵头单位:市卫健委;责任单位:"}, []string{"1", "2"}, "cut-clause"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseLines(t, tc.lines...)
			var keys []string
			for _, it := range d.Items {
				keys = append(keys, it.Key)
			}
			if !reflect.DeepEqual(keys, tc.items) {
				t.Errorf("items: got %q, want %q", keys, tc.items)
			}
			found := tc.warn == ""
			for _, w := range d.Warnings {
				if w.Code == tc.warn {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s warning: %+v", tc.warn, d.Warnings)
			}
		})
	}
}

func TestClauseRecognisers(t *testing.T) {
	tests := []struct {
		name, line       string
		lead, co, groups []string
		all              bool
	}{
		{"parenthesis", "1.甲。（省财政厅牵头，省商务厅配合）", []string{"省财政厅"}, []string{"省商务厅"}, nil, false},
		{"lenticular", "1.甲。〔责任单位：省发展改革委、商务厅按职责分工负责〕", nil, []string{"省发展改革委", "省商务厅"}, nil, false},
		{"square brackets", "1.甲。【牵头单位：市商务局；配合单位：市财政局】", []string{"市商务局"}, []string{"市财政局"}, nil, false},
		{"主办 beside a named 牵头单位 is co", "1.甲。（牵头领导：张三；牵头单位：市发改委；主办单位：市财政局、市统计局）", []string{"市发改委"}, []string{"市财政局", "市统计局"}, nil, false},
		{"主办/协办", "1.甲。（主办：县发改局；协办：县财政局、县统计局）", []string{"县发改局"}, []string{"县财政局", "县统计局"}, nil, false},
		{"label values across commas", "1.甲。（牵头单位：市发改局；责任单位：市统计局，各乡、镇人民政府，人民大垸、荒湖管理区）", []string{"市发改局"}, []string{"市统计局", "人民大垸管理区", "荒湖管理区"}, []string{"各乡、镇人民政府"}, false},
		{"bare units", "1.甲。（市经委、环保局）", nil, []string{"市经委", "市环保局"}, nil, false},
		{"not units", "1.建设产业合作区（湖南）。（省台办牵头）", []string{"省台办"}, nil, nil, false},
		{"sentence", "1.甲。由市财政局、农业局，各县（市）、区人民政府负责落实。", nil, []string{"市财政局", "市农业局"}, []string{"各县（市）、区人民政府"}, false},
		{"部门分工", "1.甲。部门分工：市农业农村局牵头，各县区、各有关部门配合。", []string{"市农业农村局"}, nil, []string{"各县区", "各有关部门"}, false},
		{"负责 without a lead is co", "1.甲。（市商务局负责）", nil, []string{"市商务局"}, nil, false},
		{"负责 beside 配合 leads", "1.甲。（市商务局负责，市财政局、市统计局配合）", []string{"市商务局"}, []string{"市财政局", "市统计局"}, nil, false},
		{"all depts", "1.甲。（各部门单位分别负责）", nil, nil, nil, true},
		{"all depts, as 各级各部门", "1.甲。（各级各部门按职责分工负责）", nil, nil, nil, true},
		{"every dept working with a lead is a group", "1.甲。（市发改委牵头，各级各部门配合）", []string{"市发改委"}, nil, []string{"各级各部门"}, false},
		{"各地、各部门配合 after a lead", "1.甲。（省发展改革委牵头，各地、各部门配合）", []string{"省发展改革委"}, nil, []string{"各地", "各部门"}, false},
		{"项目责任人 names a person, 实际完成情况 no unit", "1.甲。 牵头领导:王仁洲 责任单位:市公安局 项目责任人:王伟标 配合单位:市城管局、市财政局 实际完成情况:中心设备调试、前端摄像机上杆安装,项目有序推进。", nil, []string{"市公安局", "市城管局", "市财政局"}, nil, false},
		{"等相关部门 after the units is a group", "1.甲。（省发展改革委牵头，省商务厅、财政厅等相关部门按职责分工负责）", []string{"省发展改革委"}, []string{"省商务厅", "省财政厅"}, []string{"相关部门"}, false},
		{"各直属单位 are some units, a group", "1.甲。\n牵头责任单位：市发改委。\n协同责任单位：市政府各部门、各直属单位。", []string{"市发改委"}, nil, []string{"市政府各部门", "各直属单位"}, false},
		{"a label line", "1.甲。\n牵头单位：市发改委\n责任单位：市统计局", []string{"市发改委"}, []string{"市统计局"}, nil, false},
		{"a clause wrapped across lines", "1.甲。（市发改委牵头，市财政局、\n市统计局配合）", []string{"市发改委"}, []string{"市财政局", "市统计局"}, nil, false},
		{"a clause opening the task's words", "1、设立综合配套改革试验区事宜\n由杨志武副市长负责，市发改委牵头，相关部门配合，尽快完成实施方案，报省政府审批。", []string{"市发改委"}, nil, []string{"相关部门"}, false},
		{"a clause opening the task's words, a co", "1.轨道交通项目\n市建设局牵头，市发改委配合，进一步完善项目建设方案。", []string{"市建设局"}, []string{"市发改委"}, nil, false},
		{"prose opening with a unit's name is no clause", "1.甲。\n市发改委要加强统筹，各部门要密切配合，确保完成任务。（市发改委牵头）", []string{"市发改委"}, nil, nil, false},
		{"a group of levels after ；inside a clause", "1.甲。（省发展改革委、省财政厅牵头；省林业厅、省水利厅，各州、市人民政府配合）", []string{"省发展改革委", "省财政厅"}, []string{"省林业厅", "省水利厅"}, []string{"各州、市人民政府"}, false},
		{"a count of governments is a group", "1.甲。（牵头部门：州人社局；责任单位：州财政局，10县市人民政府）", []string{"州人社局"}, []string{"州财政局"}, []string{"10县市人民政府"}, false},
		{"a bureau's sections beside a unit", "1.甲。（工资处、就管中心）", nil, []string{"工资处", "就管中心"}, nil, false},
		{"a bureau's sections", "1.甲。（综合处、财务处）", nil, []string{"综合处", "财务处"}, nil, false},
		{"a lone section is no clause", "1.推进高效服务（就业处）。（市人社局牵头）", []string{"市人社局"}, nil, nil, false},
		{"a name's note in the sentence is no clause", "1.深入推进政策解读。对以县政府（或县政府办）名义制定的政策文件进行解读。（责任单位：县统计局）", nil, []string{"县统计局"}, nil, false},
		{"工作职责 holds a clause", "（六）房地产开发改造任务 工作职责：市规划局牵头，各有关部门配合，责任人：郝忠。", []string{"市规划局"}, nil, []string{"各有关部门"}, false},
		{"a label's value ends at its sentence", "1.农村道路畅通工程\n牵头部门：市交通局。建设进度相对较慢的县区为舒城县。", []string{"市交通局"}, nil, nil, false},
		{"a label's units go on after its sentence", "1.甲。\n牵头单位：市交通局。市公路中心。", []string{"市交通局", "市公路中心"}, nil, nil, false},
		{"a label line the page's end cut", "1.甲。\n牵头单位：市商务局\n责任单位：市财政局、市", []string{"市商务局"}, []string{"市财政局"}, nil, false},
		{"a clause the page's end cut", "1.甲。（牵头单位：市发改委；责任单位：各区人民政府〈含开发区、", []string{"市发改委"}, nil, []string{"各区人民政府"}, false},
		{"a clause cut inside a name", "1.甲。（市商务局牵头，市财政局、市", []string{"市商务局"}, []string{"市财政局"}, nil, false},
		{"a clause cut before its names", "1.甲。（牵头单位：市", nil, nil, nil, false},
		{"labels apart by spaces", "1.甲。（责任领导：张三 牵头单位：市大数据局 配合单位：市财政局）", []string{"市大数据局"}, []string{"市财政局"}, nil, false},
		{"为牵头单位", "1.甲。（市发改委为牵头单位，市市场监管局为配合单位）", []string{"市发改委"}, []string{"市市场监管局"}, nil, false},
		{"牵头单位为", "1.甲。牵头单位为市生态环境局。", []string{"市生态环境局"}, nil, nil, false},
		{"kinds of bodies are groups", "1.甲。（省财政厅牵头，中央驻湘单位、金融机构配合）", []string{"省财政厅"}, nil, []string{"中央驻湘单位", "金融机构"}, false},
		{"a role note after the names", "1.甲。（责任单位：市发改委（牵头）、市财政局（按职责分工负责））", []string{"市发改委"}, []string{"市财政局"}, nil, false},
		{"a unit marked 牵头", "1.甲。（责任单位：市发改委（牵头）、市财政局）", []string{"市发改委"}, []string{"市财政局"}, nil, false},
		{"a units label joined to people after the task's words", "1.推进重点项目建设。责任单位及责任人：市发改委（李四）、市住建局（王五）", nil, []string{"市发改委", "市住建局"}, nil, false},
		{"a lead label joined to people after the task's words", "1.甲。牵头单位及负责人：市发改委 张三；配合单位：市住建局", []string{"市发改委"}, []string{"市住建局"}, nil, false},
		{"其中 X 为牵头单位 after the units", "1.甲。（责任单位：市发改委、市财政局，其中市发改委为牵头单位）", []string{"市发改委"}, []string{"市财政局"}, nil, false},
		{"共同牵头", "1.甲。（市发改委、市财政局共同牵头）", []string{"市发改委", "市财政局"}, nil, nil, false},
		{"按职能职责 before the role word", "1.甲。（市委宣传部、市文旅局牵头，各有关单位按职能职责抓好落实）", []string{"市委宣传部", "市文旅局"}, nil, []string{"各有关单位"}, false},
		{"a group of bureaus before a common role word", "1.甲。（市教育局负责，各县（市、区）教育局具体落实）", []string{"市教育局"}, nil, []string{"各县（市、区）教育局"}, false},
		{"a label's value that says none", "1.甲。（牵头单位：市公安局；配合单位：——）", []string{"市公安局"}, nil, nil, false},
		{"a label line that says none", "1.乙。\n牵头单位：市卫健委\n配合单位：暂无", []string{"市卫健委"}, nil, nil, false},
		{"role notes that say 单位", "1.甲。\n责任单位：市住建局（牵头单位），市财政局、市自然资源局（配合单位）", []string{"市住建局"}, []string{"市财政局", "市自然资源局"}, nil, false},
		{"主办单位 and 协办单位 marks", "1.甲。（责任单位：市商务局（主办单位）、市财政局（协办单位）、市统计局（责任单位））", []string{"市商务局"}, []string{"市财政局", "市统计局"}, nil, false},
		{"bracketed labels", "1.甲。【牵头单位】市营商环境局【配合单位】市财政局、市直有关单位", []string{"市营商环境局"}, []string{"市财政局"}, []string{"市直有关单位"}, false},
		{"a bracketed role after a name is a mark", "1.甲。责任单位：市发改委（牵头）、市财政局", []string{"市发改委"}, []string{"市财政局"}, nil, false},
		{"a role sentence without parentheses", "1.甲。市国资委牵头，市财政局、市人社局配合。", []string{"市国资委"}, []string{"市财政局", "市人社局"}, nil, false},
		{"具体由…负责，…按职责分工配合", "1.甲。具体由市科技局负责，市财政局按职责分工配合。", []string{"市科技局"}, []string{"市财政局"}, nil, false},
		{"label lines with a space for the colon", "1.甲。\n牵头单位 市发改委\n配合单位  市财政局、市自然资源局", []string{"市发改委"}, []string{"市财政局", "市自然资源局"}, nil, false},
		{"more label words", "1.甲。\n牵头责任部门：市发改委\n负责单位：市统计局\n协作单位：市财政局", []string{"市发改委"}, []string{"市统计局", "市财政局"}, nil, false},
		{"names apart by slashes", "1.甲。（责任单位：市住建局/市交通运输局）", nil, []string{"市住建局", "市交通运输局"}, nil, false},
		{"prose that ends in 负责 is no clause", "1.甲，坚持政府引导、市场主导、企业负责。\n牵头单位：市发改委", []string{"市发改委"}, nil, nil, false},
		{"names that start with a digit", "1.甲。（省教育厅牵头，5G产业联盟、省科技厅等按职责分工负责）", []string{"省教育厅"}, []string{"5G产业联盟", "省科技厅"}, nil, false},
		{"第一责任单位, 其他责任单位", "1.甲。（第一责任单位：市文旅局；其他责任单位：市财政局、市住建局）", []string{"市文旅局"}, []string{"市财政局", "市住建局"}, nil, false},
		{"a 督办单位 is no unit", "1.甲。（督办单位：市政府督查室；责任单位：市住建局）", nil, []string{"市住建局"}, nil, false},
		{"a 督办单位 line is no unit", "1.甲。\n牵头单位：市公安局\n督办单位：市政府督查室、市委督查室", []string{"市公安局"}, nil, nil, false},
		{"bare units beside a group", "1.甲。（市大数据局、市直各部门）", nil, []string{"市大数据局"}, []string{"市直各部门"}, false},
		{"a bare group alone is no clause", "1.甲（含各类园区）。（市商务局负责）", nil, []string{"市商务局"}, nil, false},
		{"a whole 各县（市、区） group ends at 、", "1.甲。（市政府办公室牵头，各县（市、区）人民政府、市直有关部门负责）", []string{"市政府办公室"}, nil, []string{"各县（市、区）人民政府", "市直有关部门"}, false},
		{"各县（市）、区 is one group", "1.甲。（市财政局牵头，各县（市）、区人民政府配合）", []string{"市财政局"}, nil, []string{"各县（市）、区人民政府"}, false},
		{"X会同Y负责", "1.甲。（省发展改革委会同省财政厅负责）", []string{"省发展改革委"}, []string{"省财政厅"}, nil, false},
		{"X会同有关部门负责", "1.甲。（省科技厅会同有关部门负责）", []string{"省科技厅"}, nil, []string{"有关部门"}, false},
		{"以下各项工作均需X落实，不再列出 names no unit", "1.甲。〔市生态环境局牵头，市发展和改革局参与。以下各项工作均需各县、区人民政府（管委会）落实，不再列出。〕", []string{"市生态环境局"}, []string{"市发展和改革局"}, []string{"各县、区人民政府（管委会）"}, false},
		{"由X会同Y等部门负责落实 after a comma", "1.关于甲的问题，由省发展改革委会同省财政厅等部门负责落实。", []string{"省发展改革委"}, []string{"省财政厅"}, nil, false},
		{"由X会同Y、Z等部门研究提出落实意见", "1.关于甲的问题。由省发展改革委会同省财政厅、省统计局等部门研究提出落实意见。", []string{"省发展改革委"}, []string{"省财政厅", "省统计局"}, nil, false},
		{"X会同Y组织推进", "1.甲。（市发改委会同市财政局、市统计局组织推进）", []string{"市发改委"}, []string{"市财政局", "市统计局"}, nil, false},
		{"a thing done before 由 is no unit's", "1.甲。（考核细则由镇组织办、镇财政所负责）", nil, []string{"镇组织办", "镇财政所"}, nil, false},
		{"省长助理 and a name is a leader", "1.甲。（省长助理李四负责，省发展改革委牵头）", []string{"省发展改革委"}, nil, nil, false},
		{"prose after a label's unit is no unit", "1.甲。\n牵头单位：市人社局，确保取得实效。", []string{"市人社局"}, nil, nil, false},
		{"a figure is no unit", "1.甲。\n责任单位：31000、市统计局", nil, []string{"市统计局"}, nil, false},
		{"由X会同Y研究落实", "1.新建学校5所。由省教育厅会同省财政厅研究落实。", []string{"省教育厅"}, []string{"省财政厅"}, nil, false},
		{"X、Y等省有关部门: Y is a unit, 省有关部门 the group", "1.甲。（省发展改革委、交通运输厅、水利厅等省有关部门和各地级以上市人民政府按职责分工负责）", nil, []string{"省发展改革委", "省交通运输厅", "省水利厅"}, []string{"省有关部门", "各地级以上市人民政府"}, false},
		{"落实, 协同 and 主责 after units", "1.甲。（省卫生健康委主责，省医保局协同，各市州人民政府落实）", []string{"省卫生健康委"}, []string{"省医保局"}, []string{"各市州人民政府"}, false},
		{"统筹, 参加, 配合实施, 协调推进", "1.甲。（市发改委统筹，市财政局参加，市统计局配合实施，各县区协调推进）", []string{"市发改委"}, []string{"市财政局", "市统计局"}, []string{"各县区"}, false},
		{"推进 after prose that opens like a group is text", "1.甲，各地要因地制宜推进。\n牵头单位：市发改委", []string{"市发改委"}, nil, nil, false},
		{"a contact after a name is not the name's", "1.甲。牵头单位：市发改委（联系人：张三，电话：12345678）", []string{"市发改委"}, nil, nil, false},
		{"a row apart by spaces, no header", "1 推进甲项工作 市商务局、市统计局 2023年底", nil, []string{"市商务局", "市统计局"}, nil, false},
		{"a row apart by spaces, two fields of units: 牵头 and 配合", "1 推进甲项工作 市商务局 市统计局、市财政局 2023年底", []string{"市商务局"}, []string{"市统计局", "市财政局"}, nil, false},
		{"a row apart by spaces, a unit and a group", "1 推进甲项工作 区住建委 各街道 2023年11月", []string{"区住建委"}, nil, []string{"各街道"}, false},
		{"a row apart by spaces, a group alone is text", "1 推进甲项工作 各街道 2023年11月\n牵头单位：市发改委", []string{"市发改委"}, nil, nil, false},
		{"a spaced field that names no unit is text", "1.加快推进 重点项目建设\n牵头单位：市发改委", []string{"市发改委"}, nil, nil, false},
		{"落实 after prose is text", "1.甲（确保政策落实）。（市发改委牵头）", []string{"市发改委"}, nil, nil, false},
		{"等12个部门 is not a name", "1.甲。（市发改委等12个部门负责）", nil, []string{"市发改委"}, nil, false},
		{"等公司 is not a name", "1.甲。（市工信局牵头，中国移动、中国电信等公司配合）", []string{"市工信局"}, []string{"中国移动", "中国电信"}, nil, false},
		{"a unit marked 〈牵头〉", "1.甲。（责任单位：市城管局〈牵头〉、市自然资源局）", []string{"市城管局"}, []string{"市自然资源局"}, nil, false},
		{"以上工作由…牵头 closing the only task", "1.甲。\n以上工作由县农业农村局牵头，各乡镇配合。", []string{"县农业农村局"}, nil, []string{"各乡镇"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseLines(t, strings.Split(tc.line, "\n")...)
			if len(d.Items) != 1 || len(d.Items[0].Tasks) != 1 {
				t.Fatalf("got %+v, want 1 item with 1 task", d.Items)
			}
			tk := d.Items[0].Tasks[0]
			norm := func(s []string) []string {
				if s == nil {
					return []string{}
				}
				return s
			}
			if !reflect.DeepEqual(tk.Lead, norm(tc.lead)) || !reflect.DeepEqual(tk.Co, norm(tc.co)) || !reflect.DeepEqual(tk.Groups, norm(tc.groups)) || tk.All != tc.all {
				t.Errorf("got lead %q co %q groups %q all %v\nwant lead %q co %q groups %q all %v", tk.Lead, tk.Co, tk.Groups, tk.All, tc.lead, tc.co, tc.groups, tc.all)
			}
		})
	}
}

func TestSpacedRowsTwoUnitFields(t *testing.T) {
	// a row's one field of units leads where another row of the document
	// has two: the 配合 cell is empty, not the 牵头 one
	d := parseLines(t, "1 推进甲项工作 区住建委 区财政局 2023年11月", "2 推进乙项工作 区教委 2023年9月")
	got := taskRoles(d)
	want := []string{"1.1:区住建委/区财政局/", "2.1:区教委//"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if c := d.Items[0].Tasks[0].Clause; c != "区住建委 区财政局 ；2023年11月" {
		t.Errorf("clause %q: not as written", c)
	}
}

func TestStatedConventions(t *testing.T) {
	d := parseLines(t,
		"一、全面落实改革开放目标任务",
		"（一）甲。（分管副省长、协管副秘书长负责，省国资委牵头。明确牵头部门的，有关部门配合，不逐一列出，下同）乙。（分管副省长负责，省经信委、省发改委负责。责任单位两个以上的，列第一者为牵头单位，下同）",
		"（二）丙。（省工商局、省商务厅）",
	)
	got := taskRoles(d)
	want := []string{"1.1:省国资委//有关部门", "1.2:省经信委/省发展改革委/有关部门", "2.1:省工商局/省商务厅/有关部门"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// 下同: a group stated for every task
	d = parseLines(t, "一、任务", "（一）甲。〔责任单位：省市场监管局按职责分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕", "（二）乙。〔责任单位：省商务厅〕")
	for _, it := range d.Items {
		if g := it.Tasks[0].Groups; !reflect.DeepEqual(g, []string{"相关市（州）人民政府"}) {
			t.Errorf("item %s: groups %q", it.Key, g)
		}
	}
	// units the notice makes every task's co units, unless it says
	// otherwise
	d = parseLines(t, "各县（市、区）政府：除特别注明的外，各县（市、区）政府和金华开发区管委会都是配合单位。", "1.甲。", "牵头单位：市发改委", "配合单位：市财政局", "2.乙。", "牵头单位：市商务局")
	if got, want := taskRoles(d), []string{"1.1:市发改委/市财政局、金华开发区管委会/各县（市、区）政府", "2.1:市商务局/金华开发区管委会/各县（市、区）政府"}; !reflect.DeepEqual(got, want) {
		t.Errorf("notice's co units:\ngot  %q\nwant %q", got, want)
	}
	// the notice says its 主要责任单位 lead: they do, as a label and as a
	// column; without it they are co
	for _, notice := range []string{"各主要责任单位要充分发挥牵头抓总作用。", "各单位要高度重视。"} {
		want := []string{"1.1:区发展改革委//", "2.1:区财政局//"}
		if !strings.Contains(notice, "牵头") {
			want = []string{"1.1:/区发展改革委/", "2.1:/区财政局/"}
		}
		d = parseLines(t, notice, "1.地区生产总值增长4.5%以上。", "主要责任单位：区发展改革委", "2.一般公共预算收入增长5%。", "主要责任单位：区财政局")
		if got := taskRoles(d); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", notice, got, want)
		}
		d = parseLines(t, notice, "序号", "目标任务", "主要责任单位", "1", "地区生产总值增长4.5%以上", "区发展改革委", "2", "一般公共预算收入增长5%", "区财政局")
		if got := taskRoles(d); !reflect.DeepEqual(got, want) {
			t.Errorf("%s, a table: got %q, want %q", notice, got, want)
		}
	}
	// a convention stated in the notice
	d = parseLines(t, "各单位：列第一位的为牵头单位，其他为配合单位。", "1.甲。（市科技局、市财政局）")
	if tk := d.Items[0].Tasks[0]; !reflect.DeepEqual(tk.Lead, []string{"市科技局"}) || !reflect.DeepEqual(tk.Co, []string{"市财政局"}) {
		t.Errorf("notice convention: lead %q co %q", tk.Lead, tk.Co)
	}
}

func TestTableColumns(t *testing.T) {
	v := defaultVocabulary()
	for cell, want := range map[string]colKind{
		"序号": colNumber, "序 号": colNumber, "工作任务": colTask, "2022年预期目标": colTask, "民生实事": colTask,
		"项目名称": colName, "名称": colName, "牵头单位": colLead, "牵头责任单位": colLead, "配合单位": colCo,
		"责任单位": colUnits, "责任领导": colLeader, "完成时限": colDeadline, "计划完成时间": colDeadline,
		"建设地点": colPlace, "当前进度": colProgress, "完成情况": colProgress, "备注说明": colProgress, "金额": colOther,
		"责任人": colLeader, "责任单位及责任人": colUnits, "第一责任单位": colLead, "其他责任单位": colCo, "督办单位": colOther, "牵头领导": colLeader, "牵头县领导": colLeader, "牵头市领导": colLeader, "责任单位及责任领导": colUnits,
		"联系电话": colOther, "目标类型": colOther, "任务来源": colOther, "政策依据": colOther, "考核分值": colOther,
		"事项名称": colName, "事项": colName, "事项内容": colTask, "项目内容": colTask, "事项分类": colName,
		"负责科室": colUnits, "责任处室": colUnits, "负责部门": colUnits,
		// a note that counts the column's entries is not its name
		"重点工作任务(杭州市2项配合工作)": colTask, "重点工作任务(杭州市2项牵头工作、19项配合工作)": colTask,
	} {
		if got := v.column(cell); got != want {
			t.Errorf("column(%q): got %d, want %d", cell, got, want)
		}
	}
}

func TestTableLayouts(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string // id text lead/co deadline
	}{
		{"pipe rows, a continuation and a merged name cell", []string{
			"项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |",
			"1.人居环境项目 | 改造3条道路; | 11月 | 建设局 |",
			"2021.8 | 城投集团 | ||",
			"新建公园2处; | 2021.12 | 城投集团 | |",
			"2.公墓项目 | 新建墓地15处。 | 10月底 | 民政局 |",
		}, []string{"1.1 改造3条道路; 建设局、城投集团/ 11月", "1.2 新建公园2处; 城投集团/ 2021.12", "2.1 新建墓地15处。 民政局/ 10月底"}},
		{"pipe sub-rows written without their merged number cell", []string{
			"序号 | 项目内容 | 进展情况 | 责任单位 |",
			"1 | 新建婴幼儿成长驿站7家。 | 新建13家。 | 卫生健康局 |",
			"新增托位500个。 | 新增托位600个。 | ||",
			"开展筛查1万例以上。 | 开展筛查10111例。",
			"（一）推进交通建设 | |||",
			"2 | 实施公路大中修100公里。 | 完成50公里。 | 交通运输局 |",
		}, []string{"1.1 新建婴幼儿成长驿站7家。 /卫生健康局 ", "1.2 新增托位500个。 /卫生健康局 ", "1.3 开展筛查1万例以上。 /卫生健康局 ", "2.1 实施公路大中修100公里。 /交通运输局 "}},
		{"space rows of a progress report: the units, then the progress text with its spaces", []string{
			"序号 重点工作任务 牵头责任单位 一季度完成情况",
			"1 地区生产总值增长6%以上。 县发改委 一季度地区生产总值增长6.8%",
			"2 规模工业增加值增长4.5%。 县工信局 规模工业增加值增长 11.9%",
			"3 财政一般公共预算收入增长3.7%以上。 县财政局、县税务局 财政收入增长4.8%，居全市第2",
		}, []string{"1.1 地区生产总值增长6%以上。 县发改委/ ", "2.1 规模工业增加值增长4.5%。 县工信局/ ", "3.1 财政一般公共预算收入增长3.7%以上。 县财政局、县税务局/ "}},
		{"one cell per line with a category column before 序号: its cells head sections", []string{
			"分类", "", "序号", "", "事项", "", "责任单位", "", "牵头单位", "",
			"发展目标", "",
			"1", "", "地区生产总值增长6.5%以上。", "", "区农业农村局、区发改局", "", "区发改局", "",
			"2", "", "完成市下达的环境指标计划目标。", "", "区生态环境分局", "", "区生态环境分局", "",
			"激发市场活力", "",
			"3", "", "深化政务服务改革。", "", "区行政服务中心", "", "区行政服务中心", "",
		}, []string{"1.1 地区生产总值增长6.5%以上。 区发改局/区农业农村局 ", "2.1 完成市下达的环境指标计划目标。 区生态环境分局/ ", "3.1 深化政务服务改革。 区行政服务中心/ "}},
		{"one cell per line: sub-rows （1）（2） under a numbered row, a header cell broken over two lines", []string{
			"序号", "目标名称", "工 作 标 准", "区政府", "分管领导", "牵头单位", "配合单位",
			"1", "全区经济社会发展的主要预期目标",
			"(1)地区生产总值增长5%左右。", "王旭锋", "区发改局", "经开区", "各街道",
			"(2)一般公共预算收入保持稳定增长。", "区财政局",
			"(3)居民人均可支配收入与经济增长同步。",
			"(4)社会消费品零售总额增长5%左右。",
			"(5)制造业投资增长8%左右。", "吴 伟", "区工信局",
		}, []string{"1.1 (1)地区生产总值增长5%左右。 区发改局/经开区 ", "1.2 (2)一般公共预算收入保持稳定增长。 区财政局/ ",
			"1.3 (3)居民人均可支配收入与经济增长同步。 区财政局/ ", "1.4 (4)社会消费品零售总额增长5%左右。 区财政局/ ", "1.5 (5)制造业投资增长8%左右。 区工信局/ "}},
		{"pipe rows with no number column: a short row's merged cells are the row above's", []string{
			"牵头单位 | 目标任务 | 责任单位 |",
			"市政府办公厅 | 强化行政监督 | 市直各单位 |",
			"推进国家安全工作发展 | 市直各单位 |",
			"市发改委 | 地区生产总值增长13% | 统计局 |",
			"固定资产投资增长20% |",
			"单位能耗下降3.5% |  | |",
		}, []string{"1.1 强化行政监督 市政府办公厅/ ", "2.1 推进国家安全工作发展 市政府办公厅/ ", "3.1 地区生产总值增长13% 市发改委/统计局 ",
			"4.1 固定资产投资增长20% 市发改委/统计局 ", "5.1 单位能耗下降3.5% / "}},
		{"one cell per line: persons under each persons column, 相关单位 as co, a lead of a part marked in its note", []string{
			"序号", "目标任务", "责任领导", "协管责任人", "牵头单位", "责任人", "相关单位", "完成情况",
			"1", "地区生产总值达到678亿元。", "徐 平", "陈 曦", "区发改局", "徐铭喜", "区统计局（数据统计评估牵头单位），", "区财政局、区商务局", "上半年完成263亿元，同比增长7.5%。",
			"2", "财政收入达到30亿元。", "徐 平", "陈 曦", "区财政局", "杨大明", "区税务局", "上半年完成16.6亿。",
		}, []string{"1.1 地区生产总值达到678亿元。 区发改局、区统计局/区财政局、区商务局 ", "2.1 财政收入达到30亿元。 区财政局/区税务局 "}},
		{"one cell per line: units cells closed as sentences, rows past empty sections", []string{
			"序号", "重点工作任务", "主要责任单位", "协同配合单位",
			"一、主要预期目标",
			"3", "固定资产投资增长7.5%左右。", "区发改委", "区工信局、区住建局，各乡镇人民政府、街道办事处，魏武国控集团。",
			"二、全力以赴扩投资", "三、全力以赴延链条",
			"68", "加快建设黎明小学扩建教学楼项目。", "区教育局", "区政府有关部门，各乡镇人民政府。",
			"69", "积极引进优质教育资源。", "区教育局", "区投资促进中心。",
		}, []string{"3.1 固定资产投资增长7.5%左右。 /区发改委、区工信局、区住建局、魏武国控集团 ", "68.1 加快建设黎明小学扩建教学楼项目。 /区教育局 ", "69.1 积极引进优质教育资源。 /区教育局、区投资促进中心 "}},
		{"one cell per line under 主要工作, with an empty 分块 column", []string{
			"分块", "", "序号", "", "主要工作", "", "责任单位", "",
			"1", "", "生产总值增长7.5%左右", "", "发改局,各镇乡(街道)", "",
			"2", "", "一般公共预算收入增长7.5%", "", "税务局,财政局", "",
		}, []string{"1.1 生产总值增长7.5%左右 /发改局 ", "2.1 一般公共预算收入增长7.5% /税务局、财政局 "}},
		{"one cell per line: a figure alone under 目标任务 is the project's target", []string{
			"序号", "民生实事项目名称", "责任单位", "目标任务", "完成情况",
			"1", "新增城镇就业", "人社局", "8950", "7356",
			"2", "建设农村公办幼儿园", "教育局", "2所", "70%",
		}, []string{"1.1 新增城镇就业8950 /人社局 ", "2.1 建设农村公办幼儿园2所 /教育局 "}},
		{"pipe sub-rows without their merged number, name and unit cells", []string{
			"序号 | 项目名称 | 目标任务 | 牵头单位 | 累计完成 | 累计进度 | 备注 |",
			"1 | 促进稳定就业 | 城镇新增就业2450人 | 县人社局 | 2712 | 110.69% | ||",
			"充分就业社区6个 | 6 | 100% | |||||",
			"2 | 放心家政行动 | 培训家政人员1185人次 | 科商经信局 | 1187 | 100% | ||",
		}, []string{"1.1 城镇新增就业2450人 县人社局/ ", "1.2 充分就业社区6个 县人社局/ ", "2.1 培训家政人员1185人次 科商经信局/ "}},
		{"one cell per line: a header cell broken before its note, units of a bureau's sections", []string{
			"序号", "工作任务", "责任股室", "(单位)", "完成时限",
			"1", "开展好“三下乡”活动。", "文化宣传股", "12月底前",
			"2", "新建、改建旅游厕所6座。", "旅游股", "5月底",
		}, []string{"1.1 开展好“三下乡”活动。 /文化宣传股 12月底前", "2.1 新建、改建旅游厕所6座。 /旅游股 5月底"}},
		{"one cell per line, a merged unit cell", []string{
			"序号", "", "民生实事", "", "责任单位", "", "完成时限", "",
			"1", "", "新建天桥2座。", "", "县住建局", "", "县代建中心", "", "9月底前", "",
			"2", "", "开工建设养护楼。", "", "县民政局", "", "5月底前动工", "", "开工建设老年大学。", "", "12月底前",
		}, []string{"1.1 新建天桥2座。 /县住建局、县代建中心 9月底前", "2.1 开工建设养护楼。 /县民政局 5月底前动工", "2.2 开工建设老年大学。 /县民政局 12月底前"}},
		{"space-separated rows, one without its co cell, a deadline in words", []string{
			"序号 工作任务 牵头单位 配合单位 完成时限",
			"1 新建学校3所 市教育局 市住建局、市财政局 2023年12月",
			"2 新增就业2万人 市人社局 全年",
		}, []string{"1.1 新建学校3所 市教育局/市住建局、市财政局 2023年12月", "2.1 新增就业2万人 市人社局/ 全年"}},
		{"no number column, a header stating the first unit leads", []string{
			"工作任务 | 责任单位（排第一位的为牵头单位） | 完成时限 |",
			"1.新建学校3所 | 市教育局、市住建局 | 12月底前 |",
			"改造公路20公里 | 市交通局 | 10月 |",
		}, []string{"1.1 新建学校3所 市教育局/市住建局 12月底前", "2.1 改造公路20公里 市交通局/ 10月"}},
		{"a header stating the first of two or more units leads", []string{
			"工作任务 | 责任单位（两个以上的，排第一位的为牵头单位） | 完成时限 |",
			"1.新建学校3所 | 市教育局、市住建局 | 12月底前 |",
			"改造公路20公里 | 市交通局 | 10月 |",
		}, []string{"1.1 新建学校3所 市教育局/市住建局 12月底前", "2.1 改造公路20公里 /市交通局 10月"}},
		{"Chinese numerals in the number column", []string{
			"序号 | 工作任务 | 牵头单位 |",
			"一 | 新建学校3所 | 县教育局 |",
			"二 | 改造公路20公里 | 县交通局 |",
		}, []string{"1.1 新建学校3所 县教育局/ ", "2.1 改造公路20公里 县交通局/ "}},
		{"one cell per line: a column the header does not know, rows read by position", []string{
			"序号", "项目名称", "建设地点", "建设时间", "建设内容", "年度投资金额 (万元)", "责任单位",
			"1", "学校提升项目", "相关镇（街道）", "2024", "改造运动场地3处。", "300", "教体局",
			"2", "道路建设项目", "城关街道", "2024", "建成北路延伸段。", "/", "住建局",
		}, []string{"1.1 改造运动场地3处。 /教体局 2024", "2.1 建成北路延伸段。 /住建局 2024"}},
		{"one cell per line: a row of the right width whose cells do not fit is read by what they hold", []string{
			"序号", "工作任务", "牵头单位", "配合单位", "完成时限",
			"1", "新建学校3所。", "县教育局", "年底前完成主体工程建设并投入使用。", "县住建局",
		}, []string{"1.1 新建学校3所。 县教育局/ ", "1.2 年底前完成主体工程建设并投入使用。 县住建局/ "}},
		{"one cell per line: a name with units and no task cell, a place before the units", []string{
			"序号", "项目名称", "建设地点", "建设内容", "责任单位",
			"1", "学校提升项目", "纸坊街道", "教体局",
			"2", "道路建设项目", "城关镇、龙亭镇", "住建局、交通局",
		}, []string{"1.1 学校提升项目 /教体局 ", "2.1 道路建设项目 /住建局、交通局 "}},
		{"one cell per line: people under 责任领导, a unit of a development zone", []string{
			"序号", "重点工作", "责任领导", "责任单位", "完成时限",
			"1", "优化重点项目直通车工作机制。", "叶林", "招商工作部、安商工作部", "全年",
			"2", "盘活存量土地400亩。", "马振明", "改革办", "全年",
		}, []string{"1.1 优化重点项目直通车工作机制。 /招商工作部、安商工作部 全年", "2.1 盘活存量土地400亩。 /改革办 全年"}},
		{"one cell per line: a source column at the header's end, a leader's section row under it", []string{
			"序号", "重点工作", "牵头责任单位", "协同责任单位", "任务来源",
			"一、潘东旭市长负责事项(共9项)",
			"1", "全面延伸“双招双引”。", "市政府办", "市政府各部门", "皖政〔2022〕9号文件",
			"2", "加快建设现代产业体系。", "市发展改革委", "市经信局", "皖政〔2022〕9号文件",
		}, []string{"1.1 全面延伸“双招双引”。 市政府办/ ", "2.1 加快建设现代产业体系。 市发展改革委/市经信局 "}},
		{"one cell per line with no 序号: a lead cell before the task, broken over lines and merged over rows", []string{
			"牵头单位", "目   标   任   务", "责  任  单  位", " ",
			"市政", "府办", "公厅", "强化行政监督，自觉接受人大和政协监督。", "  ", "市直各单位",
			"推进政务公开，办好12345热线。", "市政务服务中心",
		}, []string{"1.1 强化行政监督，自觉接受人大和政协监督。 市政府办公厅/ ", "2.1 推进政务公开，办好12345热线。 市政府办公厅/市政务服务中心 "}},
		{"one cell per line: a header of two rows, 责任单位 over 牵头单位 and 配合单位", []string{
			"序号", "工作任务", "责任单位", "完成时限", "牵头单位", "配合单位",
			"1", "新建学校3所。", "市教育局", "市住建局", "2023年底",
			"2", "改造道路20公里。", "市交通局", "市财政局、市自然资源局", "2023年10月",
		}, []string{"1.1 新建学校3所。 市教育局/市住建局 2023年底", "2.1 改造道路20公里。 市交通局/市财政局、市自然资源局 2023年10月"}},
		{"one cell per line: two rows of header, a name over two lines, sub-rows, progress after the units", []string{
			"序号", "目标任务", "区领导", "牵头单位", "配合单位", "四季度计划目标", "工作进度", "重点工作", "主要内容", "10月完成情况", "进度状态", "情况说明",
			"1", "教育设施", "增量提质", "新建外国语学校。", "储杨洋", "教育局", "公建中心", "桩基施工。", "完成工程量的5%。", "部分滞后", "地质复杂。",
			"打造最美上学路9条。", "金昕", "住建局", "公安分局", "开展结算审核。", "建设完成", "办结", "项目完成。",
			"2", "基层医疗", "新建村级卫生室8家。", "王五", "卫健局", "各街道", "完成验收。", "已完成", "办结", "项目完成。",
		}, []string{"1.1 新建外国语学校。 教育局/公建中心 ", "1.2 打造最美上学路9条。 住建局/公安分局 ", "2.1 新建村级卫生室8家。 卫健局/ "}},
		{"one cell per line: the units column before the task's, each sub-row opened by its unit", []string{
			"序号", "项目", "责任单位", "建设内容", "总投资", "目标进度",
			"1", "完善交通基础设施", "区新兴产业", "服务中心", "实施宏图路改造工程。", "48414", "年内完工。",
			"区住建局", "实施寺慈线路面提升工程。", "1000", "6月开工。",
			// a figure past the next row's number is 总投资's; a second
			// unit on a line of its own is the cell's
			"2", "提升区域防洪能力", "区农业农村局", "实施河道整治工程。", "19311", "6月开工",
			"区综合行政", "执法局", "区公建中心", "实施江堤修复工程。", "4950", "7月底",
			"慈城镇", "实施泵站改造。", "3200", "3月开工。",
		}, []string{"1.1 完善交通基础设施 / ", "1.2 实施宏图路改造工程。 /区新兴产业服务中心 ", "1.3 实施寺慈线路面提升工程。 /区住建局 ",
			"2.1 提升区域防洪能力 / ", "2.2 实施河道整治工程。 /区农业农村局 ", "2.3 实施江堤修复工程。 /区综合行政执法局、区公建中心 ", "2.4 实施泵站改造。 /慈城镇 "}},
		{"pipe rows: a second header row under 责任单位, its leading empty cell lost", []string{
			"序号 | 工作任务 | 责任单位 | 完成时限 |",
			" | | 牵头单位 | 配合单位 | |",
			"1 | 新建学校3所。 | 市教育局 | 市住建局 | 2023年底 |",
		}, []string{"1.1 新建学校3所。 市教育局/市住建局 2023年底"}},
		{"pipe rows: a second header row under 责任单位 and its empty cell", []string{
			"序号 | 工作任务 | 责任单位 | | 完成时限 |",
			"| | 牵头单位 | 配合单位 | |",
			"1 | 新建学校3所。 | 市教育局 | 市住建局 | 2023年底 |",
		}, []string{"1.1 新建学校3所。 市教育局/市住建局 2023年底"}},
		{"pipe rows: numbers in parentheses, a section row that is no second header", []string{
			"序号 | 目标与任务 | 牵头责任单位 | 责任单位 |",
			"一、主要预期目标 | |||",
			"(1) | 地区生产总值增长6%以上。 | 市发展改革委 | 各县市区政府、开发区管委会 |",
			"(2) | 固定资产投资增长6%左右。 | 市发展改革委 市统计局 | 开发区管委会 |",
		}, []string{"1.1 地区生产总值增长6%以上。 市发展改革委/开发区管委会 ", "2.1 固定资产投资增长6%左右。 市发展改革委、市统计局/开发区管委会 "}},
		{"one cell per line: a 序号 column whose rows carry no number", []string{
			"序号", "目标与任务", "牵头责任单位", "责任单位",
			"加快推进国土空间规划编制。", "市自然资源和规划局", "各县（市）区政府、开发区管委会",
			"扎实打好污染防治攻坚战。", "市生态环境局", "开发区管委会",
		}, []string{"1.1 加快推进国土空间规划编制。 市自然资源和规划局/开发区管委会 ", "2.1 扎实打好污染防治攻坚战。 市生态环境局/开发区管委会 "}},
		{"a header spaced out, the indicator's name and its value, a type column", []string{
			"序号 | 任 务 名 称 | 指 标 要 求 | 牵 头 部 门 | 配 合 部 门 | 目 标 类 型 |",
			"1 | 地区生产总值 | 增长5.5%（市下达指标） | 区发改经信局 | 区财政局 | A类 |",
			"2 | 服务业增加值 | 增长6% | 区发改经信局 | 区统计局 | A类 |",
		}, []string{"1.1 地区生产总值增长5.5%（市下达指标） 区发改经信局/区财政局 ", "2.1 服务业增加值增长6% 区发改经信局/区统计局 "}},
		{"a pipe row broken inside a cell goes on on the next line", []string{
			"序号 | 工作任务 | 牵头单位 | 配合单位 |",
			"1 | 推進產業升級，",
			"實施技改項目100個。 | 市工信局 | 市发改委 |",
			"2 | 新建学校3所。 | 市教育局 | 市住建局 |",
		}, []string{"1.1 推進產業升級，實施技改項目100個。 市工信局/市发改委 ", "2.1 新建学校3所。 市教育局/市住建局 "}},
		{"pipe rows with no header: two columns of units are 牵头 and 配合", []string{
			"1 | 地区生产总值增长6%左右 | 区发改委 | 区统计局 | 2023年12月 |",
			"2 | 新建学校5所 | 区教委 | 区住建委、各街道 | 9月底 |",
			"3 | 改造小区20个 | 区住建委 | | 11月 |",
		}, []string{"1.1 地区生产总值增长6%左右 区发改委/区统计局 2023年12月", "2.1 新建学校5所 区教委/区住建委 9月底", "3.1 改造小区20个 区住建委/ 11月"}},
		{"pipe rows with no header: a name column, one column of units", []string{
			"1 | 重点项目 | 新建学校5所 | 区教委、区住建委 |",
			"2 | 民生实事 | 改造小区20个 | 区住建委 |",
		}, []string{"1.1 新建学校5所 /区教委、区住建委 ", "2.1 改造小区20个 /区住建委 "}},
		{"pipe rows with no number: no table", []string{
			"首页 | 政务公开 | 区发改委 |",
			"1.新建学校5所。（区教委牵头）",
		}, []string{"1.1 新建学校5所。 区教委/ "}},
		{"space-separated rows under a header at a line's end", []string{
			"某市人民政府办公室 关于分解任务的通知 序号 名称 工作任务 牵头责任单位",
			"一、主要目标",
			"1 地区生产总值增长7%. 发改委",
			"2 固定资产投资550亿元. 发改委、经信委",
		}, []string{"1.1 地区生产总值增长7%. 发改委/ ", "2.1 固定资产投资550亿元. 发改委、经信委/ "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseLines(t, tc.lines...)
			var got []string
			for _, it := range d.Items {
				for _, tk := range it.Tasks {
					got = append(got, tk.ID+" "+tk.Text+" "+strings.Join(tk.Lead, "、")+"/"+strings.Join(tk.Co, "、")+" "+tk.Deadline)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestSplitNamesGroups(t *testing.T) {
	for in, want := range map[string][]string{
		"各乡、镇人民政府":            {"各乡、镇人民政府"},
		"各县（市）、区人民政府":         {"各县（市）、区人民政府"},
		"各县区、各有关部门":           {"各县区", "各有关部门"},
		"各街道、区直各部门":           {"各街道", "区直各部门"},
		"各镇、街道办事处":            {"各镇、街道办事处"},
		"各州、市人民政府":            {"各州、市人民政府"},
		"各县、市、区政府":            {"各县、市、区政府"},
		"各县、市、区人民政府、市直各部门":    {"各县、市、区人民政府", "市直各部门"},
		"相关市、县政府":             {"相关市、县政府"},
		"有关县、区人民政府":           {"有关县、区人民政府"},
		"省财政厅以及省商务厅":          {"省财政厅", "省商务厅"},
		"省财政厅及时":              {"省财政厅及时"},
		"市财政局、农业局、劳动保障局、农机局等": {"市财政局", "农业局", "劳动保障局", "农机局"},
		// 等部门、单位 is one phrase: its 单位 is no name
		"区公共项目建设管理中心、区国有资产管理中心等部门、单位": {"区公共项目建设管理中心", "区国有资产管理中心"},
		"区城投集团有限公司等部门、单位 大碶街道":        {"区城投集团有限公司", "大碶街道"},
		"市审计局、市统计局等单位、部门":             {"市审计局", "市统计局"},
		"市财政局、单位": {"市财政局", "单位"},
		// a unit, 等 and the group of its level it stands first in
		"区发改局、区经信局、区科技局等区级有关部门": {"区发改局", "区经信局", "区科技局", "区级有关部门"},
	} {
		if got := splitNames(in); !reflect.DeepEqual(got, want) {
			t.Errorf("splitNames(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestNumberingRestarts(t *testing.T) {
	d := parseLines(t, "一、稳增长", "1.甲。（区发改委牵头）", "2.乙。（区财政局牵头）", "二、惠民生", "1.丙。（区人社局牵头）")
	var keys, ids []string
	for _, it := range d.Items {
		keys = append(keys, it.Key)
		ids = append(ids, it.Tasks[0].ID)
	}
	if !reflect.DeepEqual(keys, []string{"一.1", "一.2", "二.1"}) || !reflect.DeepEqual(ids, []string{"一.1.1", "一.2.1", "二.1.1"}) {
		t.Errorf("keys %q, ids %q", keys, ids)
	}
	noWarning(t, d, "a restart is not a number going back", "number-backwards")
}

// Regressions of the reliability audit: a clause is known by its role
// words, not by its names' first characters, and no number runs across
// two lines.
func TestAuditRegressions(t *testing.T) {
	d := parseLines(t, "1.甲。（省财政厅、CON等按职责分工负责）乙。（省商务厅牵头）")
	if tk := d.Items[0].Tasks; len(tk) != 2 || !reflect.DeepEqual(tk[0].Co, []string{"省财政厅", "CON"}) || tk[0].Text != "甲。" || !reflect.DeepEqual(tk[1].Lead, []string{"省商务厅"}) {
		t.Errorf("CON: got %+v", tk)
	}
	d = parseLines(t, "1.甲。（省教育厅牵头，5G产业联盟、省科技厅等按职责分工负责）")
	if tk := d.Items[0].Tasks[0]; !reflect.DeepEqual(tk.Co, []string{"5G产业联盟", "省科技厅"}) {
		t.Errorf("5G产业联盟: got co %q", tk.Co)
	}
	for _, dp := range d.Depts {
		if strings.Contains(dp.Name, "负责") {
			t.Errorf("a role word in a dept's name: %q", dp.Name)
		}
	}
	for _, lines := range [][]string{{"（一)000", "0%00000000位000000"}, {"1.新增500", "5%的企业。（省财政厅牵头）"}} {
		d, err := Parse(&Text{Name: "t", Lines: lines}, nil)
		if err != nil {
			continue
		}
		for _, tg := range d.Targets {
			if tg.Value >= 1000 || strings.Contains(tg.Text, "5005") {
				t.Errorf("%q: a target across two lines: %+v", lines, tg)
			}
		}
	}
}

// The notice's own 一、二、 come before the document's: the document's
// sections start again at 一 under its title.
func TestSectionsRestartUnderTitle(t *testing.T) {
	d := parseLines(t, "一、各单位要高度重视。", "二、要按时报送。", "2023年重点工作任务分解方案", "一、主要目标", "1.甲。（市发改委牵头）", "二、重点任务", "2.乙。（市商务局牵头）")
	if d.Items[0].Section != "一" || d.Items[1].Section != "二" || d.SectionTitle("二") != "二、重点任务" {
		t.Errorf("sections %+v, items in %q and %q", d.Sections, d.Items[0].Section, d.Items[1].Section)
	}
}

// A document with no numbers and no headings: bulleted or bare paragraphs,
// each closed by its clause or followed by its label lines, are the items.
func TestUnnumberedParagraphs(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		leads []string // each item's first lead
	}{
		{"bullets", []string{"重点工作分工", "●推进重大项目建设。（市发改委牵头）", "●扩大消费。（市商务局牵头，市财政局配合）"}, []string{"市发改委", "市商务局"}},
		{"bare paragraphs", []string{"重点工作分工", "推进重大项目建设。（市发改委牵头）", "扩大消费。（市商务局牵头）"}, []string{"市发改委", "市商务局"}},
		{"label lines", []string{"关于重点工作分工的通知", "各单位：现将分工印发。", "推进重大项目建设。", "牵头单位：市发改委", "扩大消费。", "牵头单位：市商务局"}, []string{"市发改委", "市商务局"}},
		// the notice's salutation, its parenthesis no clause
		{"an addressee", []string{"关于重点工作分工的通知", "各乡镇（街道）人民政府（办事处），区直各单位：", "推进重大项目建设。（市发改委牵头）", "扩大消费。（市商务局牵头）"}, []string{"市发改委", "市商务局"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseLines(t, tc.lines...)
			if len(d.Items) != len(tc.leads) {
				t.Fatalf("got %d items, want %d: %+v", len(d.Items), len(tc.leads), d.Items)
			}
			for i, it := range d.Items {
				if len(it.Tasks) != 1 || len(it.Tasks[0].Lead) == 0 || it.Tasks[0].Lead[0] != tc.leads[i] {
					t.Errorf("item %d: got %+v, want one task led by %s", i+1, it.Tasks, tc.leads[i])
				}
				if strings.Contains(it.Text, "分工") {
					t.Errorf("item %d took the title or the notice: %q", i+1, it.Text)
				}
			}
		})
	}
}

// A clause that opens with 以上/上述 governs the tasks before it: those of
// its item since the last such clause, and the items just before it in its
// section that name no unit. It reaches no further.
func TestAboveClauses(t *testing.T) {
	d := parseLines(t,
		"一、农业",
		"1.甲。（市林业局牵头）",
		"2.乙。",
		"3.丙。",
		"以上工作由市农业农村局牵头，各乡镇配合。",
		"二、投资",
		"4.丁。",
		"（1）戊。责任单位：市发改委",
		"（2）己。责任单位：市财政局",
		"以上工作由市发改委牵头。",
		"（3）庚。责任单位：市商务局",
		"上述任务均由市商务局负责。",
	)
	got := taskRoles(d)
	want := []string{
		"1.1:市林业局//", // names its own unit: not reached
		"2.1:市农业农村局//各乡镇",
		"3.1:市农业农村局//各乡镇",
		"4.1:市发改委//", // 丁。（1）戊。: the text since the item's start
		"4.2:市发改委/市财政局/",
		"4.3:/市商务局/", // after the first 以上: only the second reaches it
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tasks:\ngot  %q\nwant %q", got, want)
	}
	noWarning(t, d, "a task the clause reached is still warned about", "item-without-dept", "text-without-dept")
}

func TestItemDeptHeading(t *testing.T) {
	// 山西 2008: a leader's heading, a sub-heading naming the lead unit,
	// its tasks (bare or numbered) and a 协同单位 line after them that
	// governs the tasks above it
	d := parseLines(t,
		"一、孟学农省长负责的工作",
		"（一）省监察厅牵头的工作",
		"加强行政监察工作。",
		"（二）省编办牵头的工作",
		"1.深化行政管理体制改革。",
		"2.积极稳妥地推进乡镇机构改革。",
		"协同单位：省财政厅、省人事厅等省直有关部门和各市人民政府。",
		"（三）省人民政府办公厅牵头的工作",
		"1.加强政府自身建设。",
		"协同单位：省发改委。",
		"2.认真执行各项决议。",
	)
	// the numbered lines are the items, the sub-headings name their lead
	// unit, and a bare paragraph under one is an item of its own
	want := []string{
		"一.1.1:省监察厅//",
		"二.1.1:省编办/省财政厅、省人事厅/省直有关部门、各市人民政府",
		"二.2.1:省编办/省财政厅、省人事厅/省直有关部门、各市人民政府",
		"三.1.1:省人民政府办公厅/省发展改革委/",
		"三.2.1:省人民政府办公厅//",
	}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("tasks:\ngot  %q\nwant %q", got, want)
	}
	// more bare paragraphs than numbered lines: the sub-headings are the
	// items, and their numbered lines tasks
	d = parseLines(t,
		"一、孟学农省长负责的工作",
		"（一）省监察厅牵头的工作",
		"加强行政监察工作。",
		"（二）省审计厅牵头的工作",
		"全面加强审计工作。",
		"协同单位：省直各部门和各市人民政府。",
		"（三）省编办牵头的工作",
		"1.深化行政管理体制改革。",
		"2.积极稳妥地推进乡镇机构改革。",
		"协同单位：省财政厅、省人事厅等省直有关部门和各市人民政府。",
		"（四）省政府办公厅牵头的工作",
		"推进政务公开。",
	)
	want = []string{
		"1.1:省监察厅//",
		"2.1:省审计厅//省直各部门、各市人民政府",
		"3.1:省编办/省财政厅、省人事厅/省直有关部门、各市人民政府",
		"3.2:省编办/省财政厅、省人事厅/省直有关部门、各市人民政府",
		"4.1:省政府办公厅//",
	}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("tasks:\ngot  %q\nwant %q", got, want)
	}
	noWarning(t, d, "warned", "clause-without-text", "text-without-dept", "item-without-dept")
}

func TestGoverningSentences(t *testing.T) {
	// 郑州 2007: targets with no unit, then a sentence naming the unit of
	// the N targets before it, or of this one
	d := parseLines(t,
		"一、目标体系",
		"1.地区生产总值增长15%；",
		"2.第三产业增加值达到1000亿元；",
		"2项目标的责任单位均为市发展改革委。",
		"3.规模以上工业销售收入达到3000亿元；",
		"该目标责任单位为市经委。",
		"4.地方财政收入净增50亿元；",
		"5.实际利用外资达到8亿美元；",
		"6.社会消费品零售总额增长16%；",
		"2项目标的责任单位均为市商务局、市统计局。",
	)
	got := taskRoles(d)
	want := []string{"1.1:/市发展改革委/", "2.1:/市发展改革委/", "3.1:/市经委/", "4.1://", "5.1:/市商务局、市统计局/", "6.1:/市商务局、市统计局/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tasks:\ngot  %q\nwant %q", got, want)
	}
	// a sentence that names no unit is text
	d = parseLines(t, "1.甲。", "该目标责任单位为全市上下共同努力。", "2.乙。（市发改委负责）")
	if got := taskRoles(d); got[0] != "1.1://" {
		t.Errorf("not a governing sentence: %q", got)
	}
}

func TestAboveSubject(t *testing.T) {
	v := defaultVocabulary()
	tests := []struct {
		s    string
		want string // the subject cut
	}{
		{"以上工作由市发改委牵头", "以上工作由"},
		{"上述任务均由县工信局、县发改局负责", "上述任务均由"},
		{"以上由市发改委负责", "以上由"},
		{"市发改委牵头", ""},
		{"以上各项工作，由市发改委牵头", ""}, // a comma: not a short subject
		{"以上", ""},
		{"以上所列的全部二十项重点工作任务由市发改委牵头", ""}, // too long for a subject
	}
	for _, tc := range tests {
		if got := tc.s[:v.aboveSubject(tc.s)]; got != tc.want {
			t.Errorf("aboveSubject(%q): cut %q, want %q", tc.s, got, tc.want)
		}
	}
}

// The first-is-lead convention, as the grammar's phrases state it and in
// the wordings its first_words read; prose that only names 第一 and 牵头
// states nothing.
func TestFirstIsLead(t *testing.T) {
	v := defaultVocabulary()
	tests := []struct {
		s    string
		want bool
	}{
		{"责任单位两个以上的，列第一者为牵头单位，下同", true},
		{"涉及多个单位的，第一个为牵头单位", true},
		{"责任单位中排在首位的为牵头单位", true},
		{"排序第一的单位为牵头单位", true},
		{"首个单位为牵头单位", true},
		{"第一季度，牵头单位要报送进展", false},
		{"各单位要落实第一责任人制度，为牵头工作提供保障", false},
		{"第一批项目由市发改委牵头", false},
		{"一项任务涉及多个部门的，原则上由排名首位的部门牵头负责", true},
		{"第一牵头单位：市发改委", false},
		{"第一阶段的工作由市发改委牵头", false},
	}
	for _, tc := range tests {
		if got := v.firstIsLead(tc.s); got != tc.want {
			t.Errorf("firstIsLead(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// 同上 stands for the units of the task before: in a clause, a label's
// value or a table's cell, by role.
func TestSameAsAbove(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"a bare （同上） takes every role", []string{"1.甲。（市发改委牵头，市财政局、各县区配合）", "2.乙。（同上）"},
			[]string{"1.1:市发改委/市财政局/各县区", "2.1:市发改委/市财政局/各县区"}},
		{"a label's 同上 takes its role", []string{"1.甲。", "牵头单位：市商务局", "责任单位：市统计局", "2.乙。", "牵头单位：市工信局", "责任单位：同上"},
			[]string{"1.1:市商务局/市统计局/", "2.1:市工信局/市统计局/"}},
		{"a table's cells, column by column", []string{"| 序号 | 工作任务 | 牵头单位 | 配合单位 |", "| 1 | 甲 | 市发改委 | 市财政局 |", "| 2 | 乙 | 同上 | 市统计局 |", "| 3 | 丙 | 市商务局 | 同上 |"},
			[]string{"1.1:市发改委/市财政局/", "2.1:市发改委/市统计局/", "3.1:市商务局/市统计局/"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseLines(t, tc.lines...)
			got := taskRoles(d)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			for _, w := range d.Warnings {
				if strings.Contains(w.Message, "同上") || w.Code == "item-without-dept" {
					t.Errorf("warning: %+v", w)
				}
			}
		})
	}
}

// 下同 beside a clause's units: the tasks after it that name no unit take
// them, until another 下同; a task naming its own keeps its own.
func TestSameBelow(t *testing.T) {
	d := parseLines(t,
		"1.甲。（市发改委、市财政局按职责分工负责，下同）",
		"2.乙。",
		"3.丙。（市商务局牵头）",
		"4.丁。（各县区配合）",
		"5.戊。（市教育局牵头，下同）",
		"6.己。",
	)
	got := taskRoles(d)
	want := []string{"1.1:/市发改委、市财政局/", "2.1:/市发改委、市财政局/", "3.1:市商务局//", "4.1:/市发改委、市财政局/各县区", "5.1:市教育局//", "6.1:市教育局//"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if len(d.Warnings) > 0 {
		t.Errorf("warnings: %+v", d.Warnings)
	}
}

// A section of the notice's requirements after the items (二、工作要求)
// holds no tasks: its items are dropped when none names a unit, and its
// numbers are no targets; a section so named whose items name units keeps
// them.
func TestRequirements(t *testing.T) {
	lines := []string{
		"一、主要目标",
		"1.地区生产总值增长6%。（市发改委牵头）",
		"2.新增就业2万人。（市人社局牵头）",
		"二、工作要求",
		"3.加强组织领导。各责任单位要于每月5日前报送进展。",
		"4.严格督查考核。市政府督查室在10个工作日内发出督办通知。",
	}
	d := parseLines(t, lines...)
	if len(d.Items) != 2 || len(d.Targets) != 2 || len(d.Warnings) != 0 {
		t.Errorf("got %d items, targets %+v, warnings %+v; want 2 items, 2 targets, no warning", len(d.Items), d.Targets, d.Warnings)
	}
	lines[4] = "3.加强组织领导。（市政府办牵头）"
	if d := parseLines(t, lines...); len(d.Items) != 4 {
		t.Errorf("a section of tasks named 工作要求: %d items, want 4", len(d.Items))
	}
}

// taskRoles lists each task as ID:lead/co/groups, the names joined by 、.
// noWarning fails t for each warning of d with one of codes.
func noWarning(t *testing.T, d *Document, why string, codes ...string) {
	t.Helper()
	for _, w := range d.Warnings {
		if slices.Contains(codes, w.Code) {
			t.Errorf("%s: %+v", why, w)
		}
	}
}

func taskRoles(d *Document) []string {
	var out []string
	for _, it := range d.Items {
		for _, tk := range it.Tasks {
			out = append(out, tk.ID+":"+strings.Join(tk.Lead, "、")+"/"+strings.Join(tk.Co, "、")+"/"+strings.Join(tk.Groups, "、"))
		}
	}
	return out
}

// A clause that repeats word for word on a later item (read once and
// remembered) keeps the later item's own written spelling.
func TestRepeatedClauseWritten(t *testing.T) {
	d := parseLines(t, "1.甲。", "責任領導：王副縣長", "牵头单位：縣發改局", "2.乙。", "責任領導：王副縣長", "牵头单位：縣財政局")
	for _, it := range d.Items {
		if tk := it.Tasks[0]; !reflect.DeepEqual(tk.Leaders, []string{"王副縣長"}) {
			t.Errorf("task %s: leaders %q, want the written 王副縣長", tk.ID, tk.Leaders)
		}
	}
}

// TestDeptHeading: a heading that names the units of the items under it,
// with a role word (lead) or alone (co), and headings that name none.
func TestDeptHeading(t *testing.T) {
	p := newParser(&Text{Name: "x"}, nil)
	for title, want := range map[string]string{
		"市发展改革委牵头的工作":        "lead:市发展改革委",
		"省财政厅负责的重点工作":        "lead:省财政厅",
		"市住建局牵头":             "lead:市住建局",
		"市发改委牵头：":            "lead:市发改委",
		"由市发改委牵头":            "lead:市发改委",
		"市发展和改革委员会（12项）":     "co:市发展和改革委员会",
		"市财政局、市税务局（共2项）":     "co:市财政局,市税务局",
		"市教育局：":              "co:市教育局",
		"市教育局":               "co:市教育局",
		"政府自身建设":             "",
		"民生实事":               "",
		"主要预期目标":             "",
		"坚持项目为王":             "",
		"各县（市、区）人民政府，市直各部门：": "",
		"张三副市长":              "",
		"扩大有效投资":             "", "保障和改善民生": "", "加强政府自身建设": "", "市场主体培育": "", "城市建设管理": "",
		"生态环境保护": "", "社会事业发展": "", "平安建设": "", "乡村振兴": "", "国资国企改革": "", "金融服务实体经济": "",
		"开发区建设": "", "文化旅游融合发展": "", "教育事业": "", "医疗卫生服务体系建设": "",
	} {
		got := ""
		if c := p.deptHeading(title, 1); c != nil {
			var names []string
			for _, pt := range c.parts {
				names = append(names, pt.names...)
			}
			got = string(c.parts[0].role) + ":" + strings.Join(names, ",")
		}
		if got != want {
			t.Errorf("deptHeading(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestUnitsAndPeople(t *testing.T) {
	v := defaultVocabulary()
	for in, want := range map[string][2]string{
		"市发改委 张三": {"市发改委", "张三"},
		"市人社局（李四）、市财政局（王五）": {"市人社局,市财政局", "李四,王五"},
		"区发改委（牵头）、区住建局":     {"区发改委（牵头）,区住建局", ""},
		"各街道、赵副市长":          {"各街道", "赵副市长"},
		"市教育局":              {"市教育局", ""},
	} {
		units, people := unitsAndPeople(splitNames(in), v, newNameReader(nil))
		if got := [2]string{strings.Join(units, ","), strings.Join(people, ",")}; got != want {
			t.Errorf("unitsAndPeople(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOwnRoleSentence(t *testing.T) {
	v := defaultVocabulary()
	for s, want := range map[string]bool{
		"甲。由县发改局牵头，各乡镇人民政府配合。":   true,
		"甲。县发改局牵头，县财政局配合。":       true,
		"以上工作由县发改局牵头，各乡镇人民政府配合。": false, // over the tasks above
		"甲。各地要因地制宜推进。":           false,
		"甲。坚持政府引导、市场主导、企业负责。":    false,
	} {
		if got := ownRoleSentence(s, v, newNameReader(nil)); got != want {
			t.Errorf("ownRoleSentence(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestDerivedLabel: labels grammar.yaml does not list, read by their parts.
func TestDerivedLabel(t *testing.T) {
	v := defaultVocabulary()
	for line, want := range map[string]Role{
		"总牵头单位：市发改委":     RoleLead,
		"主管部门：市发改委":      RoleLead,
		"主要负责单位：市发改委":    RoleLead,
		"配合落实单位：市财政局":    RoleCo,
		"执行单位：市财政局":      RoleCo,
		"具体承办单位：市财政局":    RoleCo,
		"填报单位：市政府办":      "", // no role word
		"以上责任单位：市财政局":    "", // text glued to a label: 责任单位 is found where it starts
		"增长10%责任单位：区发改局": "",
		"配合单位以外的其他意见：无":  "", // too long
	} {
		if got, _ := v.labelAt(line); got != want {
			t.Errorf("labelAt(%q) = %q, want %q", line, got, want)
		}
	}
	// inside a line too, after the task's sentence
	for _, l := range []string{"发展现代农业。主要负责单位：市农业农村局；协同单位：市水利局", "发展现代农业。总牵头单位：市农业农村局"} {
		at := strings.Index(l, "。") + len("。")
		if got := colonLabelStart(l, v); got != at {
			t.Errorf("colonLabelStart(%q) = %d, want %d", l, got, at)
		}
	}
}

func TestCellTableLeaders(t *testing.T) {
	d := parseLines(t,
		"序号", "目标与任务", "分管县领导", "牵头责任单位", "责任单位",
		"80", "新增托位400个以上。", "俞 悦", "县教育局", "县各有关单位",
		"81", "支持职业教育发展。", "陆 明俞 悦", "县教育局", "县人社局",
		"82", "优化重点项目服务。", "叶林", "县发改局", "县财政局",
	)
	var got []string
	for _, it := range d.Items {
		for _, tk := range it.Tasks {
			got = append(got, fmt.Sprintf("%s %s %s", tk.ID, strings.Join(tk.Leaders, "、"), strings.Join(tk.Lead, "、")))
		}
	}
	want := []string{"80.1 俞悦 县教育局", "81.1 陆明、俞悦 县教育局", "82.1 叶林 县发改局"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPaddedNames(t *testing.T) {
	for in, want := range map[string][]string{
		"俞 悦":    {"俞悦"},
		"陆 明俞 悦": {"陆明", "俞悦"},
		"张三 李四":  {"张三", "李四"},
		"王 小 明":  {"王小明"},
	} {
		if got := paddedNames(strings.Fields(in)); !reflect.DeepEqual(got, want) {
			t.Errorf("paddedNames(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestAttachmentList(t *testing.T) {
	cls, _ := classify([]string{"附件：1. 2019年目标任务分解表", "2. 2019年民生实事项目分解表", "", "一、目标", "1.甲。（市发改委牵头）", "2.乙。（市财政局牵头）"}, defaultVocabulary(), newNameReader(nil))
	var got []lineKind
	for _, c := range cls {
		got = append(got, c.kind)
	}
	if want := []lineKind{kText, kText, kBlank, kHeading, kItem, kItem}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestTableItemWithoutTask(t *testing.T) {
	d := parseLines(t, "序号 | 项目名称 | 建设内容 | 责任单位 |", "1 | 学校提升项目 | 改造运动场地。 | 教体局 |", "2 | 道路建设项目 | | |")
	if len(d.Items) != 2 || len(d.Items[1].Tasks) != 1 || d.Items[1].Tasks[0].Text != "道路建设项目" {
		t.Fatalf("items %+v", d.Items)
	}
	if !slices.ContainsFunc(d.Warnings, func(w Warning) bool { return w.Code == "item-without-dept" && w.Item == 2 }) {
		t.Errorf("no item-without-dept warning for item 2: %+v", d.Warnings)
	}
}

func TestTableRowWithoutDept(t *testing.T) {
	d := parseLines(t, "序号 | 工作任务 | 牵头单位 | 配合单位 |", "1 | 推进产业升级， |", "实施技改项目100个。 | 市工信局 | 市发改委 |", "2 | 新建学校3所。 | 市教育局 | |")
	var codes []string
	for _, w := range d.Warnings {
		codes = append(codes, fmt.Sprintf("%s %d", w.Code, w.Item))
	}
	if want := []string{"row-without-dept 1"}; !reflect.DeepEqual(codes, want) {
		t.Errorf("warnings %q, want %q", codes, want)
	}
}

// TestCellTableCutCell: the page's last line, a unit's cell cut short, is
// no sub-row and no unit.
func TestCellTableCutCell(t *testing.T) {
	// a cell cut inside its last name keeps its whole names
	d0 := parseLines(t,
		"序号", "工作任务", "牵头单位", "责任单位",
		"1", "甲", "市发改委", "市财政局",
		"2", "乙", "市商务局", "市财政局、市",
	)
	if got, want := taskRoles(d0), []string{"1.1:市发改委/市财政局/", "2.1:市商务局/市财政局/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("a cell cut inside a name:\ngot  %q\nwant %q", got, want)
	}
	for _, last := range []string{"区", "区机关事务"} {
		d := parseLines(t,
			"序号", "目标任务", "牵头单位", "配合单位",
			"1", "地区生产总值增长6%左右", "区发改局", "区统计局",
			"2", "城乡居民人均可支配收入增速与经济增长同步", "区发改局", last,
		)
		if got, want := taskRoles(d), []string{"1.1:区发改局/区统计局/", "2.1:区发改局//"}; !reflect.DeepEqual(got, want) {
			t.Errorf("last cell %q:\ngot  %q\nwant %q", last, got, want)
		}
	}
	// a sub-row's task that is not the page's last line stays one
	d := parseLines(t,
		"序号", "目标任务", "牵头单位", "配合单位",
		"1", "地区生产总值增长6%左右", "区发改局", "区统计局",
		"新建学校", "区教育局",
	)
	if got := taskRoles(d); len(got) != 2 {
		t.Errorf("a sub-row: got %q", got)
	}
}

// TestConventionNote: a convention stated in parentheses after the first
// unit is no part of its name.
func TestConventionNote(t *testing.T) {
	d := parseLines(t, "1.全县生产总值增长7.5%左右。", "责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县税务局",
		"2.落实过紧日子要求。", "责任单位:县财政局、县审计局")
	want := []string{"1.1:县发改局/县财政局、县税务局/", "2.1:县财政局/县审计局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestCellTableUnitsBeforeContent: 序号 / 事项名称 / 责任单位 / 事项内容,
// the units cells before the content's: each row's content is its task.
func TestCellTableUnitsBeforeContent(t *testing.T) {
	d := parseLines(t,
		"序号", "事项名称", "责任单位", "事项内容",
		"1", "实施万盛中心城区“15分钟高品质生活服务圈”建设", "万盛街道", "东林街道", "完成服务圈建设，持续提升中心城区功能设施便捷度。",
		"2", "实施老旧小区居住品质提升工程", "住房城乡建设局", "完成城镇老旧小区改造；完成50台老旧电梯更新改造。",
	)
	var got []string
	for _, it := range d.Items {
		for _, tk := range it.Tasks {
			got = append(got, tk.ID+" "+tk.Text+" "+strings.Join(tk.Co, "、"))
		}
	}
	want := []string{"1.1 完成服务圈建设，持续提升中心城区功能设施便捷度。 万盛街道、东林街道", "2.1 完成城镇老旧小区改造；完成50台老旧电梯更新改造。 住房城乡建设局"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if len(d.Targets) != 1 || d.Targets[0].Value != 50 {
		t.Errorf("targets %+v", d.Targets)
	}
}

// TestCellTableMergedCategory: 事项分类 written on a group's first row
// only; a row without it, whose cells are as many as the columns but for
// one, is not read cell by column (its task is no unit), and a task that
// counts 机构 is no unit.
func TestCellTableMergedCategory(t *testing.T) {
	d := parseLines(t,
		"序号", "事项分类", "事项名称", "项目内容", "牵头单位", "协同单位",
		"8", "“娃有所托”工程", "暑期托管服务", "开设100个暑期公益托管班。", "团区委", "各乡镇(街道)", "区教体局",
		"9", "家门口青少年宫", "新建1个“家门口的青少年宫”。", "团区委", "各乡镇(街道)", "区教体局",
		"10", "新建1家公办普惠托育机构", "新增托班8个。", "区卫健局", "区住建局",
	)
	want := []string{"8.1:团区委/区教体局/各乡镇(街道)", "9.1:团区委/区教体局/各乡镇(街道)", "10.1:区卫健局/区住建局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if tk := d.Items[1].Tasks[0]; !strings.HasPrefix(tk.Text, "新建1个") {
		t.Errorf("item 9's task: %q", tk.Text)
	}
}

// TestCellTableBrokenHeader: header cells broken over two lines (责任 /
// 领导, 攻坚目标 / 任务) are joined, as many as the first row has cells.
func TestCellTableBrokenHeader(t *testing.T) {
	d := parseLines(t,
		"序号", "重点工作", "责任", "领导", "责任", "科室", "攻坚目标", "任务", "工作任务安排", "第二季度", "完成情况",
		"1", "白仙山水库工程政策处理", "欧乾震", "白仙山水库工程政策处理工作领导小组", "完成项目政策处理工作。", "推进坟墓迁移工作。", "迁移进度达60%。",
		"2", "现代化美丽城镇", "吴宇凡", "乡村振兴办", "成功创建首批浙江省美丽城镇。", "按照时间节点开展项目建设。", "完成投资3000万元。",
	)
	var got []string
	for _, it := range d.Items {
		for _, tk := range it.Tasks {
			got = append(got, tk.ID+" "+strings.Join(tk.Leaders, "、")+" "+strings.Join(tk.Depts(), "、"))
		}
	}
	want := []string{"1.1 欧乾震 白仙山水库工程政策处理工作领导小组", "2.1 吴宇凡 乡村振兴办"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestCutLabel: a label the page's end cut (牵头责任 of 牵头责任单位：) is no
// task of its own.
func TestCutLabel(t *testing.T) {
	for _, last := range []string{"牵头责任", "牵头责", "协同责任单"} {
		d := parseLines(t, "1.地区生产总值增长8%以上。", "牵头负责领导：金力。", "牵头责任单位：市发展改革委。", "2.财政收入增长8%左右。", "牵头负责领导：金力。", last)
		if len(d.Items) != 2 || len(d.Items[1].Tasks) != 1 {
			t.Errorf("%s: items %+v", last, d.Items)
		}
	}
}

// TestSpacedHeaderLetterSpaced: a header cell spaced out to fill its width
// (工 作 任 务) is one column.
func TestSpacedHeaderLetterSpaced(t *testing.T) {
	d := parseLines(t, "2016年量化指标任务分工", "序号 工 作 任 务 牵头负责部门",
		"1 居民消费价格涨幅3%左右 发展改革委", "2 城镇新增就业1000万人以上 人力资源社会保障部")
	if got, want := taskRoles(d), []string{"1.1:发展改革委//", "2.1:人力资源社会保障部//"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if f, o := spacedFields("序号 工 作 任 务 牵头负责部门"); !reflect.DeepEqual(f, []string{"序号", "工作任务", "牵头负责部门"}) || !reflect.DeepEqual(o, []int{0, 7, 23}) {
		t.Errorf("spacedFields: %q %v", f, o)
	}
}

// TestClauseAfterPoints: a clause on a line of its own after points that
// name no unit, under a sub-heading, is every point's; it reaches no
// point that names its own, nor another sub-heading's.
func TestClauseAfterPoints(t *testing.T) {
	d := parseLines(t, "某市应急体系建设规划责任分解", "一、具体建设任务",
		"1.完善应急预案体系", "(1)加强应急预案管理。", "(2)推进应急预案精编化。", "(3)加强应急预案演练。", "(责任单位:市应急局、各县(市、区)人民政府)",
		"2.健全应急管理体制", "(1)推进办事机构建设。(市编办)", "(2)加强专项预案部门建设。", "(3)推进基层应急建设。", "(责任单位:市公安局)")
	want := []string{"1.1.1:/市应急局/各县(市、区)人民政府", "1.2.1:/市应急局/各县(市、区)人民政府", "1.3.1:/市应急局/各县(市、区)人民政府",
		"2.1.1:/市编办/", "2.2.1:/市公安局/", "2.3.1:/市公安局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestSectionCell(t *testing.T) {
	tests := []struct {
		cells []string
		width int
		want  string
		ok    bool
	}{
		{[]string{"一、经济发展", "", ""}, 3, "一、经济发展", true},
		{[]string{"", "（二）民生保障", ""}, 3, "（二）民生保障", true},
		{[]string{"一", "经济发展", "", ""}, 4, "一、经济发展", true},
		{[]string{"（二）", "民生保障", ""}, 3, "（二）民生保障", true},
		// a numbered row of two columns, a row with units, an Arabic number
		{[]string{"一", "经济发展"}, 2, "", false},
		{[]string{"一", "经济发展", "市发改委"}, 3, "", false},
		{[]string{"1", "地区生产总值增长6%", ""}, 3, "", false},
	}
	for _, tc := range tests {
		got, ok := sectionCell(tc.cells, tc.width)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("sectionCell(%q, %d) = %q, %v; want %q, %v", tc.cells, tc.width, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBracketTitle(t *testing.T) {
	for l, want := range map[string]string{
		"【稳增长】":      "稳增长",
		" 〖惠民生〗 ":    "惠民生",
		"【】":         "",
		"【牵头单位】市发改委": "", // a label, with text after it
		"【稳增长】【惠民生】": "",
		"【一个很长很长很长很长的标题超过十五个字】": "",
		"稳增长": "",
	} {
		if got := bracketTitle(l); got != want {
			t.Errorf("bracketTitle(%q) = %q, want %q", l, got, want)
		}
	}
}

func TestDashedLabel(t *testing.T) {
	v := defaultVocabulary()
	for in, want := range map[string]string{
		"——责任单位：市营商办": "责任单位：市营商办",
		"— 牵头单位：市发改委": "牵头单位：市发改委",
		"——城镇新增就业5万人": "——城镇新增就业5万人", // a dash list's entry
		"责任单位：市营商办":   "责任单位：市营商办",
	} {
		if got := dashedLabel(in, v); got != want {
			t.Errorf("dashedLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJoinTitles(t *testing.T) {
	v := defaultVocabulary()
	names := func(ss ...string) []name {
		var out []name
		for _, s := range ss {
			out = append(out, name{folded: s, written: s})
		}
		return out
	}
	for _, tc := range []struct{ in, want []string }{
		{[]string{"常务副市长", "张三"}, []string{"常务副市长张三"}},
		{[]string{"县长", "张三", "副县长", "李四"}, []string{"县长张三", "副县长李四"}},
		{[]string{"张三", "李四"}, []string{"张三", "李四"}},
		{[]string{"市长", "副市长"}, []string{"市长", "副市长"}},
		{[]string{"副市长", "市政府办公室主任助理"}, []string{"副市长", "市政府办公室主任助理"}},
	} {
		var got []string
		for _, n := range joinTitles(names(tc.in...), v) {
			got = append(got, n.written)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("joinTitles(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Topic lines between items are headings over the items after them, never
// items or tasks: a line under a heading followed by the next number, and
// a dash-led topic after an item that named its units.
func TestTopicLines(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string // taskRoles
	}{
		{"a topic under a sub-heading, then the next number", []string{
			"一、主要目标", "1.甲。（区发改局牵头）", "二、主要工作", "（一）做强增长引擎", "加强基础设施建设", "2.乙。（区交通局牵头）",
		}, []string{"1.1:区发改局//", "2.1:区交通局//"}},
		{"a section's description before items numbered from 1 again", []string{
			"一、孟省长负责的工作", "1.甲。（省监察厅牵头）", "二、薛常务副省长负责的工作", "协助省长抓好省人民政府工作任务的落实。", "1.乙。（省政府办公厅牵头）",
		}, []string{"一.1.1:省监察厅//", "二.1.1:省政府办公厅//"}},
		{"a dash topic after a finished item", []string{
			"1.甲。（责任单位：市教育局）", "——加快建设健康武汉", "2.乙。（牵头单位：市卫健委）",
		}, []string{"1.1:/市教育局/", "2.1:市卫健委//"}},
		{"a dash list inside an item stays its text", []string{
			"1.抓好三项工作：", "——甲工作", "——乙工作。（市发改委牵头）", "2.丙。（市财政局牵头）",
		}, []string{"1.1:市发改委//", "2.1:市财政局//"}},
		{"a dash entry with a number is no topic", []string{
			"1.甲。（市人社局牵头）", "——城镇新增就业5万人", "2.乙。（市财政局牵头）",
		}, []string{"1.1:市人社局//", "1.2://", "2.1:市财政局//"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseLines(t, tc.lines...)
			if got := taskRoles(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			for _, w := range d.Warnings {
				if w.Code == "lost-number" {
					t.Errorf("a lost-number warning: %+v", w)
				}
			}
		})
	}
}

// The first-is-lead convention: stated after a comma in the clause, and
// for a unit named alone unless the statement limits it to two or more.
func TestFirstIsLeadAlone(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"stated after a comma", []string{
			"1.甲。（县发改局、县财政局，列第一位的为牵头单位，下同）", "2.乙。（县财政局）", "3.丙。（县司法局、县公安局）",
		}, []string{"1.1:县发改局/县财政局/", "2.1:县财政局//", "3.1:县司法局/县公安局/"}},
		{"in a label line's note", []string{
			"1.甲。", "责任单位：县发改局（首位单位为牵头单位，下同）、县财政局", "2.乙。", "责任单位：县财政局",
		}, []string{"1.1:县发改局/县财政局/", "2.1:县财政局//"}},
		{"limited to two or more", []string{
			"1.甲。（县发改局、县财政局。责任单位两个以上的，列第一者为牵头单位，下同）", "2.乙。（县财政局）",
		}, []string{"1.1:县发改局/县财政局/", "2.1:/县财政局/"}},
		{"a co label after the first unit", []string{
			"分工方案中列第一位的为牵头单位。", "1.甲。", "责任单位：县发改局", "配合单位：县财政局",
		}, []string{"1.1:县发改局/县财政局/"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := taskRoles(parseLines(t, tc.lines...)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// A label the page's end cut before its names names nobody: 责任单位 is
// no group.
func TestCutLabelNamesNobody(t *testing.T) {
	d := parseLines(t, "1.甲。（市商务局牵头）", "2.乙。(牵头单位:市卫健委;责任单位:")
	want := []string{"1.1:市商务局//", "2.1:市卫健委//"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A label line's list that a page wrapped goes on on the next line: its
// units are the label's, not a task of their own.
func TestSplitLabelList(t *testing.T) {
	d := parseLines(t, "1.完成造林1万亩。", "牵头单位：县林业局", "配合单位：县自然资源局、", "", "县农业农村局、各乡镇", "2.乙。", "责任单位：县财政局，", "加强财源建设。")
	want := []string{"1.1:县林业局/县自然资源局、县农业农村局/各乡镇", "2.1:/县财政局/", "2.2://"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A table one cell per line under a header whose task cell carries a
// count note, with leaders' section rows and a row number marked 1*.
func TestCellTableCountNoteMarkedNumber(t *testing.T) {
	d := parseLines(t, "序号", "", "重点工作任务(杭州市2项牵头工作、19项配合工作)", "", "责任单位", "",
		"(一)戴建平常务副市长牵头重点工作", "", "1*", "", "大力推进城西科创大走廊建设。", "", "城西科创产业集聚区管委会,市科技局", "",
		"2", "", "坚持创新。", "", "市科技局")
	want := []string{"1.1:/城西科创产业集聚区管委会、市科技局/", "2.1:/市科技局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, it := range d.Items {
		if l := it.Tasks[0].Leaders; !reflect.DeepEqual(l, []string{"戴建平常务副市长"}) {
			t.Errorf("item %s: leaders %q", it.Key, l)
		}
	}
}

// Two tables one cell per line under two headings, each with leaders'
// section rows: the second table's 序号 after the heading opens its header
// (no item with a lost number), and a row's note under a label the
// grammar gives no role (省牵头单位：…) is no sub-row.
func TestCellTablesUnderHeadings(t *testing.T) {
	d := parseLines(t, "一、涉杭任务", "", "序号", "", "重点工作任务", "", "责任单位", "",
		"(一)王宏副市长牵头重点工作", "", "1", "", "加强粮食保障。", "", "市农业农村局、市商务局", "", "省牵头单位：省农业农村厅", "",
		"二、市重点工作", "", "序号", "", "重点工作任务", "", "责任单位", "",
		"(一)戴建平常务副市长牵头重点工作", "", "1", "", "推进科创大走廊建设。", "", "市科技局、市发改委", "",
		"2", "", "坚持创新。", "", "市科技局")
	want := []string{"1.1:/市农业农村局、市商务局/", "1-2.1:/市科技局、市发改委/", "2.1:/市科技局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, w := range d.Warnings {
		if w.Code == "lost-number" {
			t.Errorf("a lost-number warning: %+v", w)
		}
	}
}

// Spaces a PDF's conversion left inside units' names go; spaces between
// two names stay.
func TestDropStraySpaces(t *testing.T) {
	for in, want := range map[string]string{
		"市 住建局 、资源规划 局、 大数据局": "市住建局 、资源规划局、 大数据局",
		"街道办事处 、伏羲 山管委 会":     "街道办事处 、伏羲山管委会",
		"县人社局 县就业服务中心":        "县人社局 县就业服务中心",
		"各乡镇 各街道":             "各乡镇 各街道",
		"海关 市税务局":             "海关 市税务局",
		"市发改委":                "市发改委",
		"合计 25 12":            "合计 25 12",
		"鄞州 海曙 江东":            "鄞州 海曙 江东",
	} {
		if got := dropStraySpaces(in); got != want {
			t.Errorf("dropStraySpaces(%q) = %q, want %q", in, got, want)
		}
	}
	d := parseLines(t, "1.甲。", "牵头单位:市 城镇化服务中心", "责任单位: 市发展改革委、住建局, 各乡镇政府、街道办事处 、伏羲 山管委 会")
	want := []string{"1.1:市城镇化服务中心/市发展改革委、市住建局、伏羲山管委会/各乡镇政府、街道办事处"} // one group, as written
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A first-is-lead convention stated as 由排名首位的部门牵头 in the first
// clause, for two or more; a party office the list's 市 expands to 市委农办
// keeps 市农办 as an alias.
func TestFirstRankedLeads(t *testing.T) {
	d := parseLines(t, "一、主要目标",
		"1、全市GDP增长10%以上(由市发展改革委、经委、农办、统计局负责。一项任务涉及多个部门的,原则上由排名首位的部门牵头负责。下同)。",
		"2、外贸出口增长15%以上(由市商务局负责)。")
	want := []string{"1.1:市发展改革委/市经委、市委农办、市统计局/", "2.1:/市商务局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, dp := range d.Depts {
		if dp.Name == "市委农办" && !slices.Contains(dp.Aliases, "市农办") {
			t.Errorf("市委农办: aliases %q, want 市农办 among them", dp.Aliases)
		}
	}
}

// Label lines numbered as a list under an item ((一)责任领导：/ (二)责任单位：)
// are its labels, not items; a 主要责任人 is a person.
func TestNumberedLabelLines(t *testing.T) {
	d := parseLines(t, "一、经济发展", "1.全市生产总值增长10%以上。", "（一）责任领导：张三", "（二）责任单位：市发改委", "（三）协办单位：市财政局、市统计局",
		"2.固定资产投资增长20%。", "主管领导：李四", "主要责任人：赵六", "责任单位：市住建局")
	want := []string{"1.1:/市发改委、市财政局、市统计局/", "2.1:/市住建局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(d.Items) == 2 {
		if l := d.Items[0].Tasks[0].Leaders; !reflect.DeepEqual(l, []string{"张三"}) {
			t.Errorf("item 1: leaders %q", l)
		}
		if l := d.Items[1].Tasks[0].Leaders; !reflect.DeepEqual(l, []string{"李四", "赵六"}) {
			t.Errorf("item 2: leaders %q", l)
		}
	}
}

// A table of some rows of a larger one (one office's extract): its row
// numbers jump (3, 68, 69, 73) past sections left empty.
func TestCellTableExtractRows(t *testing.T) {
	d := parseLines(t, "序号", "", "重点工作任务", "", "主要责任单位", "", "协同配合单位", "",
		"一、主要预期目标", "", "3", "", "固定资产投资增长7.5%左右。", "", "区发改委", "", "区工信局、区住建局", "",
		"二、全力以赴扩投资", "", "三、全力以赴延链条", "", "六、全力以赴惠民生", "",
		"68", "", "持续推进学前教育普及普惠。", "", "区教育局", "", "区政府有关部门", "",
		"69", "", "深化与海亮集团合作，引进优质教育资源。", "", "区教育局", "",
		"73", "", "加快建设职业教育园区。", "", "区教育局", "", "区人社局")
	var got []string
	for _, it := range d.Items {
		for _, tk := range it.Tasks {
			got = append(got, it.Section+"/"+tk.ID+":"+strings.Join(tk.Co, "、"))
		}
	}
	want := []string{"一/3.1:区发改委、区工信局、区住建局", "六/68.1:区教育局", "六/69.1:区教育局", "六/73.1:区教育局、区人社局"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// a count in a row before its units is no row's number
	d = parseLines(t, "序号", "工作任务", "数量", "责任单位", "1", "新建学校。", "3", "县教育局", "2", "改造公路。", "5", "县交通局")
	if len(d.Items) != 2 {
		t.Errorf("%d items, want 2: %+v", len(d.Items), d.Items)
	}
}

// A mark the document says its leads carry (带★的为牵头单位) makes the
// marked unit the lead; without the statement ★ is a bullet, as before.
func TestLeadMark(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"stated in the notice", []string{"注：带★的为牵头单位。", "★1.推进甲工作。（市发改委★、市财政局）", "2.推进乙工作。（市住建局、市城管局★）"},
			[]string{"1.1:市发改委/市财政局/", "2.1:市城管局/市住建局/"}},
		{"stated in a table's header", []string{"序号 | 工作任务 | 责任单位（带※的为牵头单位） |", "1 | 新建学校 | 县教育局※、县财政局 |", "2 | 改造公路 | 县交通局、县财政局※ |"},
			[]string{"1.1:县教育局/县财政局/", "2.1:县财政局/县交通局/"}},
		{"stated in Traditional characters", []string{"註：帶★的為牽頭單位。", "1.推進甲工作。（市發改委★、市財政局）"},
			[]string{"1.1:市发改委/市财政局/"}},
		{"not stated", []string{"1.推进甲工作。（市发改委★、市财政局）"},
			[]string{"1.1:/市发改委、市财政局/"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := taskRoles(parseLines(t, tc.lines...)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	for l, want := range map[string]string{"注：带★的为牵头单位。": "★", "标*号的为牵头部门": "*", "加注※者为主办单位": "※", "★号工作": ""} {
		if got := leadMark(l); got != want {
			t.Errorf("leadMark(%q) = %q, want %q", l, got, want)
		}
	}
}

// A heading or a line of its own that names a unit and 牵头 only
// (二、市住建局牵头, 市发改委牵头：) gives the items under it their lead.
func TestLeadHeadingBare(t *testing.T) {
	for _, lines := range [][]string{
		{"一、市发改委牵头的工作", "1.推进甲工作。", "二、市住建局牵头", "2.推进丙工作。"},
		{"市发改委牵头：", "1.推进甲工作。", "市住建局牵头：", "2.推进丙工作。"},
	} {
		want := []string{"1.1:市发改委//", "2.1:市住建局//"}
		if got := taskRoles(parseLines(t, lines...)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %q, want %q", lines, got, want)
		}
	}
}

// A pipe table whose first column is a category left merged after the
// first row of each (类别 | 民生事项名称 | …): the category heads a section,
// each row keeps its own number, and no empty item follows the last.
func TestPipeTableCategoryColumn(t *testing.T) {
	d := parseLines(t,
		"类别 | 民生事项名称 | 年度任务目标 | 责任单位 | 分管市领导 |",
		"四、教育文化 | 14.改扩建泉山学校 | 完成2座教学楼建设。 | 教育体育局 | 刘福利 |",
		"15.推进学校塑胶运动场地建设 | 完成13处运动场地建设。 | 教育体育局 | 刘福利 |",
		"五、卫生健康 | 16.建设社区医院 | 建成社区医院3家。 | 卫生健康局 | 王五 |")
	var got []string
	for _, it := range d.Items {
		got = append(got, it.Section+"/"+it.Key)
	}
	if want := []string{"四/14", "四/15", "五/16"}; !reflect.DeepEqual(got, want) {
		t.Errorf("items %q, want %q", got, want)
	}
	if want := []string{"14.1:/教育体育局/", "15.1:/教育体育局/", "16.1:/卫生健康局/"}; !reflect.DeepEqual(taskRoles(d), want) {
		t.Errorf("roles %q, want %q", taskRoles(d), want)
	}
}

// A category column before 序号, in a table one cell per line: each merged
// cell stands before its category's first row and heads a section; it is
// neither a header cell nor a task.
func TestTableCategoryColumn(t *testing.T) {
	text := strings.Join([]string{
		"分类", "序号", "事项", "责任单位", "牵头单位",
		"发展目标",
		"1", "地区生产总值增长6.5%以上。", "区农业农村局、区发改局", "区发改局",
		"2", "完成市下达的环境指标计划目标。", "区生态环境分局", "区生态环境分局",
		"激发市场活力",
		"3", "深化政务服务改革。", "区行政服务中心", "区行政服务中心",
	}, "\n\n")
	d := parseBytes(t, "categories.txt", []byte(text))
	var got []string
	for _, it := range d.Items {
		got = append(got, it.Section+"/"+strconv.Itoa(it.Number)+" "+it.Tasks[0].Text)
	}
	want := []string{"发展目标/1 地区生产总值增长6.5%以上。", "发展目标/2 完成市下达的环境指标计划目标。", "激发市场活力/3 深化政务服务改革。"}
	if !slices.Equal(got, want) {
		t.Errorf("items:\n got %q\nwant %q", got, want)
	}
}

// TestTableYearColumns: a target table of a 单位 column and year columns
// (指标名称 | 单位 | 2022年 | 2025年 | 2027年), one cell per line or piped:
// the figures of every year after the first, signs and all, are the
// indicators' values; the first year's are where they stand, left out.
func TestTableYearColumns(t *testing.T) {
	cells := strings.Join([]string{
		"序号", "指标名称", "单位", "2022年", "2025年", "2027年", "牵头单位",
		"1", "人均预期寿命", "岁", "78.2(2021年)", "≥79.2", "≥80", "县卫健局",
		"2", "重大慢性病过早死亡率", "%", "0.17", "≤12.7", "≤12.5", "县卫健局",
	}, "\n")
	piped := strings.Join([]string{
		"序号 | 指标名称 | 单位 | 2022年 | 2027年 | 牵头单位 |",
		"1 | 人均预期寿命 | 岁 | 78.2 | ≥80 | 县卫健局 |",
		"2 | 重大慢性病过早死亡率 | % | 0.17 | ≤12.5 | 县卫健局 |",
	}, "\n")
	for name, text := range map[string]string{"cells": cells, "piped": piped} {
		d := parseBytes(t, name+".txt", []byte(text))
		got := targetStrings(d, func(tg Target) string { return fmt.Sprintf("%s %s %g%s", tg.Indicator, tg.Op, tg.Value, tg.Unit) })
		want := []string{"人均预期寿命 >= 80岁", "重大慢性病过早死亡率 <= 12.5%"}
		if name == "cells" {
			want = []string{"人均预期寿命 >= 79.2岁", "人均预期寿命 >= 80岁", "重大慢性病过早死亡率 <= 12.7%", "重大慢性病过早死亡率 <= 12.5%"}
			if task := d.Items[0].Tasks[0].Text; task != "人均预期寿命≥79.2岁（2025年）；人均预期寿命≥80岁（2027年）" {
				t.Errorf("cells: task %q", task)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: targets %q, want %q", name, got, want)
		}
		if len(d.Items) != 2 || !slices.Equal(d.Items[0].Tasks[0].Lead, []string{"县卫健局"}) {
			t.Errorf("%s: items %+v", name, d.Items)
		}
	}
}

// TestTableCategoryThenName: a category column before the names (类别 |
// 指标 | 单位 …) groups the rows; the indicators name them. A row opened
// by a bar under a header that is not left its category cell empty.
func TestTableCategoryThenName(t *testing.T) {
	d := parseLines(t,
		"类别 | 指标 | 单位 | 2009年 | 2015年 | 考核责任单位 |",
		"总体发展指标 | 服务业增加值 | 亿元 | 1711 | 3600 | 市发改委 |",
		"| 服务业增加值占生产总值比重 | % | 51 | 56 | 市发改委 |",
		"支柱产业发展指标 | 社会消费品零售总额 | 亿元 | 1517 | 3510 | 市商务局 |")
	got := targetStrings(d, func(tg Target) string { return fmt.Sprintf("%s %g%s", tg.Indicator, tg.Value, tg.Unit) })
	if want := []string{"服务业增加值 3600亿元", "服务业增加值占生产总值比重 56%", "社会消费品零售总额 3510亿元"}; !slices.Equal(got, want) {
		t.Errorf("targets %q, want %q", got, want)
	}
}

// TestHeadingTargets: a heading that states its section's goals gives
// them to the first task under it; a heading with no number gives none,
// and a Traditional heading is read folded, its spans as written.
func TestHeadingTargets(t *testing.T) {
	d := parseLines(t,
		"一、深入实施“六项工程”，新建改造公路285公里，新建农村招呼站500个。",
		"1.实施“公路建设村村通工程”。（责任单位：市交通局）",
		"2.实施“农村饮水安全工程”，新解决5万人的饮水安全问题。（责任单位：市水利局）",
		"二、推進文化惠民",
		"3.新建農家書屋200個。（責任單位：市文化局）",
		"三、新建沼氣池4萬座",
		"4.推廣沼氣。（責任單位：市農業局）")
	got := targetStrings(d, func(tg Target) string {
		return fmt.Sprintf("%s %s %g%s %s", tg.Task, tg.Indicator, tg.Value, tg.Unit, tg.Text)
	})
	want := []string{
		"1.1 公路 285公里 新建改造公路285公里", "1.1 农村招呼站 500个 新建农村招呼站500个",
		"2.1 饮水安全问题 5万人 新解决5万人的饮水安全问题",
		"3.1 農家書屋 200個 新建農家書屋200個",
		"4.1 沼氣池 4萬座 新建沼氣池4萬座",
	}
	if !slices.Equal(got, want) {
		t.Errorf("targets:\n got %q\nwant %q", got, want)
	}
}

// TestTraditionalCellNames: in a Traditional table one cell per line, the
// names of a unit cell wrapped over lines, with a lead marked among them,
// and a unit's name broken over two lines, keep their written forms (as
// the depts' aliases) and the groups stay as written.
func TestTraditionalCellNames(t *testing.T) {
	text := strings.Join([]string{
		"序號", "目標任務", "牽頭單位", "相關單位",
		"1", "地區生產總值增長9.5%", "區發改局", "區統計局（數據統計評估牽頭單位），", "區財政局、區商務糧食局、", "區金融辦，各鄉、街道辦事處",
		"2", "新建保障性租賃住房。", "區住建局", "區新興產業", "服務中心",
	}, "\n\n")
	d := parseBytes(t, "trad-cells.txt", []byte(text))
	aliases := map[string][]string{}
	for _, dp := range d.Depts {
		aliases[dp.Name] = dp.Aliases
	}
	for name, want := range map[string]string{"区商务粮食局": "區商務糧食局", "区金融办": "區金融辦", "区统计局": "區統計局", "区新兴产业服务中心": "區新興產業服務中心"} {
		if !slices.Contains(aliases[name], want) {
			t.Errorf("%s: aliases %q, want %s among them", name, aliases[name], want)
		}
	}
	if got := d.Items[0].Tasks[0].Groups; !slices.Equal(got, []string{"各鄉、街道辦事處"}) {
		t.Errorf("groups %q, want 各鄉、街道辦事處 as written", got)
	}
}

// TestEtcGroup: a unit, 等 and a group of a level are two names; 等
// before a plain group, or words that are no group, read as before.
func TestEtcGroup(t *testing.T) {
	for n, want := range map[string][]string{
		"能源局等省有关部门":                  {"能源局", "省有关部门"},
		"市财政局等市直相关单位":                {"市财政局", "市直相关单位"},
		"财政部等国务院有关部门和单位":             {"财政部", "国务院有关部门和单位"},
		"由水利厅等省其他有关部门":               {"水利厅等省其他有关部门"},
		"市财政局等有关部门":                  {"市财政局", "有关部门"},
		"市财政局等部门":                    {"市财政局"},
		"交通运输厅、能源局等省有关部门和各地级以上市人民政府": {"交通运输厅", "能源局", "省有关部门", "各地级以上市人民政府"},
	} {
		if got := splitNames(n); !slices.Equal(got, want) {
			t.Errorf("splitNames(%q) = %q, want %q", n, got, want)
		}
	}
}

// TestSpacedUnitsMidRow: in a table apart by spaces whose units column
// has a target column, progress and remarks after it, the units are the
// first field after the row's own words that reads as units; the progress
// figures are no targets; a row with no number under a numbered one is
// its sub-row, a task of the same item.
func TestSpacedUnitsMidRow(t *testing.T) {
	d := parseLines(t, "某区2017年1-8月民生实事完成情况表",
		"序号 民生实事项目名称 责任单位 目标任务 1- 8月实际完成情况   1-8月实际完成率% 备注",
		"1 农村饮用水安全巩固提升 区水务局 1300人 700 54% 已解决700人的饮水问题",
		"2 新增养老服务床位 区民政局 71个 55 77%",
		"3 深化养老保险制度改革 完成在职参保人数6300人 区人社局 6300人 7558 119%",
		"完成征缴基金10000万元 区人社局 10000万 7965 80%")
	want := []string{"1.1:/区水务局/", "2.1:/区民政局/", "3.1:/区人社局/", "3.2:/区人社局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	got := targetStrings(d, func(tg Target) string { return fmt.Sprintf("%s %g%s", tg.Task, tg.Value, tg.Unit) })
	if want := []string{"1.1 1300人", "2.1 71个", "3.1 6300人", "3.2 10000万元"}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets %q, want %q (no progress figure)", got, want)
	}
	if f, _ := spacedFields("序号 名称 责任单位 1- 8月实际完成情况   完成率% 备注"); !reflect.DeepEqual(f, []string{"序号", "名称", "责任单位", "1-8月实际完成情况", "完成率%", "备注"}) {
		t.Errorf("spacedFields: %q", f)
	}
}

// TestSpacedUnitsRunOn: a space row's units cell wrapped onto lines of
// their own goes on in those lines while a numbered row follows them; a
// signature after the table's last row is none of its units.
func TestSpacedUnitsRunOn(t *testing.T) {
	d := parseLines(t, "某区重点工作任务分解表", "序号 重点工作任务 主要责任单位 协同配合单位",
		"1 地区生产总值增长6.5%左右。 区发改委 区政府各部门,谯城经开区管委会。",
		"2 一般公共预算收入增长5%左右。 区财政局", "区税务局", "区政府有关部门,谯城经开区管委会,魏武国控集团。",
		"3 固定资产投资增长7.5%左右。 区发改委", "", "区人民政府办公室", "2025年3月1日")
	want := []string{"1.1:/区发改委、谯城经开区管委会/区政府各部门", "2.1:/区财政局、区税务局、谯城经开区管委会、魏武国控集团/区政府有关部门", "3.1:/区发改委/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestCellTableLongSectionRow: a section row of a one-cell-per-line table
// with a long title and its leaders in a parenthesis is a section, not
// an item that swallows the rows after it.
func TestCellTableLongSectionRow(t *testing.T) {
	d := parseLines(t, "某区目标任务分解表", "序号", "目  标  任  务", "牵头单位", "责任单位", "责任人",
		"一、主要经济社会发展指标、发改、财政、行政审批、生态环境、营商环境、交通、金融、安全生产等工作目标（牵头领导：成坤、柯相国、王俊）",
		"1", "地区生产总值增长15%。", "区发改局", "区统计局、各乡镇", "张三",
		"2", "规模以上工业增加值增长12%。", "区经信局", "区统计局", "李四")
	want := []string{"1.1:区发改局/区统计局/各乡镇", "2.1:区经信局/区统计局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestCellTableSpacedIndicatorHeader: a header spaced out to its width
// (指 标 要 求) still makes its rows indicators: the name and a value with
// a note (增长5.5%（市下达指标）) are the target.
func TestCellTableSpacedIndicatorHeader(t *testing.T) {
	d := parseLines(t, "目标任务分解表", "序号", "任 务 名 称", "指 标 要 求", "牵 头 部 门", "配 合 部 门",
		"1", "地区生产总值", "增长5.5%(市下达指标)", "区发改经信局", "区财政局、区统计局",
		"2", "服务业增加值", "增长6%", "区发改经信局", "区商务局")
	got := targetStrings(d, func(tg Target) string { return fmt.Sprintf("%s %s %g%s", tg.Task, tg.Indicator, tg.Value, tg.Unit) })
	if want := []string{"1.1 地区生产总值 5.5%", "2.1 服务业增加值 6%"}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets %q, want %q", got, want)
	}
}

// TestUnnumberedCellsNameAndProgress: a table one cell per line with no
// 序号, a name column broken over two header lines and progress columns
// after the units: a row is its name, its task, its units and as many
// progress cells, whose figures are no targets; where the name cells are
// merged away, a row opens with its task.
func TestUnnumberedCellsNameAndProgress(t *testing.T) {
	d := parseLines(t, "项目", "名称", "内容", "牵头单位", "进展情况", "(7月)", "进展情况", "(10月)",
		"养老服务项目", "新增15家居家养老服务照料中心，实施适老化改造260户。", "区民政局", "已完成8家照料中心，267户适老化改造。", "已完成改造346户，超额完成。",
		"文化惠民项目", "送戏曲下乡20场。", "区文体局", "已送戏10场。", "已送戏18场。")
	if got, want := taskRoles(d), []string{"1.1:区民政局//", "2.1:区文体局//"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	got := targetStrings(d, func(tg Target) string { return fmt.Sprintf("%s %g%s", tg.Task, tg.Value, tg.Unit) })
	if want := []string{"1.1 15家", "1.1 260户", "2.1 20场"}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets %q, want %q", got, want)
	}
	d = parseLines(t, "项目名称", "项目内容", "责任单位", "进展情况",
		"地区生产总值增长6.5%以上", "区发改局、各街道", "正常进行中",
		"财政收入与经济增长基本同步", "区财政局、各街道", "正常进行中",
		"全社会研发经费支出增长15%", "区科技局", "已完成12%")
	if got, want := taskRoles(d), []string{"1.1:/区发改局/各街道", "2.1:/区财政局/各街道", "3.1:/区科技局/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("merged names: got  %q\nwant %q", got, want)
	}
}

// TestSpacedProgressRunOn: under 序号 目标任务 责任单位 上半年推进情况, a
// row's units cell wrapped onto lines of their own and its progress on a
// line after them stay the row's, (一) sub-headings inside the table are
// its section rows, and the progress figures are no targets.
func TestSpacedProgressRunOn(t *testing.T) {
	d := parseLines(t, "2025年区政府工作报告目标任务上半年推进情况汇总表", "序号 目标任务 责任单位 上半年推进情况",
		"一、经济社会发展主要预期目标",
		"1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。",
		"2 第一产业增加值增长5%。 区农业农村委", "区林业局", "区供销联社", "第一产业增加值同比增长3.4%。",
		"3 规上工业增加值增长3.5%。 区经济信息委 规上工业增加值同比增长0.4%。",
		"二、重点工作", "(一)以创建国家高新区为抓手,更大力度推动科技创新",
		"4 实施高能级创新平台建设行动。 区科技局 全面启动国家高新区创建工作。")
	want := []string{"1.1:/区发展改革委/", "2.1:/区农业农村委、区林业局、区供销联社/", "3.1:/区经济信息委/", "4.1:/区科技局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	got := targetStrings(d, func(tg Target) string { return fmt.Sprintf("%g%s", tg.Value, tg.Unit) })
	if want := []string{"6%", "5%", "3.5%"}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets %q, want %q (no progress figure)", got, want)
	}
}

// TestSpacedHeaderUnknownColumn: a header with a column the grammar does
// not know between known ones (2025年投资计划（万元）) is still a header,
// and a figure under it before the units is no part of the task.
func TestSpacedHeaderUnknownColumn(t *testing.T) {
	d := parseLines(t, "序号 项目名称 2025年工作目标任务 2025年投资计划(万元) 责任单位 月度进展情况(1-3月) 投资完成情况 备注",
		"1 实施城镇老旧小区改造 新开工改造城镇老旧小区67个。 11604 区住房城乡建委 新开工改造城镇老旧小区42个。 3500  30.2",
		"2 城市绿化 新建口袋公园5个。 900 区城市管理局 已开工2个。 100 11.1")
	if got, want := taskRoles(d), []string{"1.1:/区住房城乡建委/", "2.1:/区城市管理局/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	got := targetStrings(d, func(tg Target) string { return fmt.Sprintf("%g%s", tg.Value, tg.Unit) })
	if want := []string{"67个", "5个"}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets %q, want %q", got, want)
	}
}

// TestNotListedAgain: 以下各项工作均需X落实，不再列出 gives X, a group as
// written, to the task it closes and to every task after it.
func TestNotListedAgain(t *testing.T) {
	d := parseLines(t, "某市实施方案", "一、工作任务",
		"1.制定实施准入清单。（市生态环境局牵头，市发展和改革局参与。以下各项工作均需各县、区人民政府（管委会）落实，不再列出。）",
		"2.推进清洁能源替代。（市发展和改革局牵头，市工业和信息化局参与）",
		"3.加强扬尘管控。（市住房和城乡建设局牵头）")
	want := []string{"1.1:市生态环境局/市发展和改革局/各县、区人民政府（管委会）", "2.1:市发展和改革局/市工业和信息化局/各县、区人民政府（管委会）", "3.1:市住房和城乡建设局//各县、区人民政府（管委会）"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestPipeUnitsCellOneALine: a pipe row whose units cell goes on to the
// next line, a unit a line, is a list of those units, not one name.
func TestPipeUnitsCellOneALine(t *testing.T) {
	d := parseLines(t, "某市创建国家园林城市任务分解表", "| 序号 | 工作内容 | 牵头单位 | 协助单位 | 完成期限 |",
		"| 1 | 加强农田保护,进行农村庄点绿化。 | 市规划局 | 市国土资源局", "市农牧林业局 | 2010年9月20日前 |",
		"| 2 | 改善污水处理设施。 | 市环保局 | 市建设局 | 2010年9月20日前 |")
	if got, want := taskRoles(d), []string{"1.1:市规划局/市国土资源局、市农牧林业局/", "2.1:市环保局/市建设局/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestLabelCells: a line of a label's cell and its value's (牵头单位： |
// 市住房城乡建设局 |) is a label line; a pipe table's rows are not.
func TestLabelCells(t *testing.T) {
	for in, want := range map[string]string{
		"牵头单位: | 市住房城乡建设局 |":     "牵头单位:市住房城乡建设局",
		"| 牵头单位： | 市发改委 |":       "牵头单位：市发改委",
		"重点工作: | 12.推进老旧小区改造。 |": "重点工作:12.推进老旧小区改造。",
		"| 1 | 推进甲项工作 | 市发改委 |":  "| 1 | 推进甲项工作 | 市发改委 |",
		"序号 | 工作任务 | 责任单位 |":     "序号 | 工作任务 | 责任单位 |",
		"完成时限：2023年底":            "完成时限：2023年底",
	} {
		if got := labelCells(in); got != want {
			t.Errorf("labelCells(%q) = %q, want %q", in, got, want)
		}
	}
	d := parseLines(t, "重点工作: | 12.推进老旧小区改造。 |", "牵头单位: | 市住房城乡建设局 |")
	if got, want := taskRoles(d), []string{"1.1:市住房城乡建设局//"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestCellTableSectionsAndProgress: under 牵头单位 | 负责科室 | 负责人 | … |
// 进展情况, the lead's section is no unit, the person a leader, and a
// row whose unit cells a merge left out keeps its progress out of its
// task, and out of the targets.
func TestCellTableSectionsAndProgress(t *testing.T) {
	d := parseLines(t, "序号", "重点工作任务（民生实事项目）", "牵头单位", "负责科室", "负责人", "计划完成时间", "进展情况（一季度）",
		"1", "新增老年食堂（助餐点）15个", "区民政局", "养老服务科", "何滢", "11月底前", "其中北山街道1个，西溪街道1个。",
		"2", "新增认知障碍照护专区床位100张", "10月底前", "目前已完成选址，分别为金秋钱塘老年公寓40张。",
		"3", "新增养老机构护理型床位500张", "目前已在杭州金色年华老年公寓完成500张护理型床位建设。")
	if got, want := taskRoles(d), []string{"1.1:区民政局//", "2.1://", "3.1://"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if tk := d.Items[0].Tasks[0]; !reflect.DeepEqual(tk.Leaders, []string{"何滢"}) {
		t.Errorf("leaders %q, want 何滢", tk.Leaders)
	}
	got := targetStrings(d, func(tg Target) string { return fmt.Sprintf("%s %g%s", tg.Task, tg.Value, tg.Unit) })
	if want := []string{"1.1 15个", "2.1 100张", "3.1 500张"}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets %q, want %q", got, want)
	}
}

// TestLabelClosesUnitlessRun: a label line closing a run of items that
// name no unit is the run's, as 以上工作由X负责 is; the contact line after
// it is page furniture, no task; items with units of their own stop it.
func TestLabelClosesUnitlessRun(t *testing.T) {
	d := parseLines(t, "某市2024年民生实事", "一、放心消费行动",
		"1.开展放心满意消费培育活动。", "2.将放心消费培育指标纳入考核。", "责任单位：市市场监督管理局", "联 系 人：孙学明",
		"二、养老服务", "1.新建社区养老服务中心10家。（市民政局负责）", "2.开展适老化改造300户。", "责任单位：市住建局")
	want := []string{"一.1.1:/市市场监督管理局/", "一.2.1:/市市场监督管理局/", "二.1.1:/市民政局/", "二.2.1:/市住建局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestPipeRowsAnchoredByUnits: under a header whose units column has a
// target and progress columns after it, a row with a cell more than the
// header (a sub-task after the project's name) and its sub-rows without
// the merged number and name are placed by their units cell; no figure
// is taken for a unit.
func TestPipeRowsAnchoredByUnits(t *testing.T) {
	d := parseLines(t, "某区民生实事完成情况表", "| 序号 | 项目名称 | 责任单位 | 目标任务 | 实际完成 | 完成率 | 备注 |",
		"| 8 | 新增社会治安视频监控摄像头 | 区公安分局 | 100个 | | | 设备购进中 |",
		"| 9 | 深化养老保险制度改革 | 完成在职参保人数6300人 | 区人社局 | 6300人 | 7558 | 119% | |",
		"| 完成征缴基金10000万元 | 区人社局 | 10000万 | 7965 | 80% | |",
		"| 10 | 文化惠民 | 区文体局 | 20场 | 29 | 145% | |")
	want := []string{"8.1:/区公安分局/", "9.1:/区人社局/", "9.2:/区人社局/", "10.1:/区文体局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	got := targetStrings(d, func(tg Target) string { return fmt.Sprintf("%s %g%s", tg.Task, tg.Value, tg.Unit) })
	if want := []string{"8.1 100个", "9.1 6300人", "9.2 10000万元", "10.1 20场"}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets %q, want %q", got, want)
	}
}

// TestNameWithUnit: a row's name closed by the unit of its figures, in
// parentheses, gives that unit to a bare figure under the target column;
// a figure with a unit of its own keeps it.
func TestNameWithUnit(t *testing.T) {
	d := parseLines(t, "2014年度目标任务分解表", "序号", "考核项目", "目标", "考核实施单位",
		"1", "地区生产总值(亿元)", "466", "市发改委、市统计局",
		"2", "城市棚户区改造（户）", "7699套", "市住建局")
	got := targetStrings(d, func(tg Target) string { return fmt.Sprintf("%s %g%s", tg.Indicator, tg.Value, tg.Unit) })
	if want := []string{"地区生产总值 466亿元", "城市棚户区改造（户） 7699套"}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets %q, want %q", got, want)
	}
	if n, u, ok := nameWithUnit("城镇新增就业人数（人）"); !ok || n != "城镇新增就业人数" || u != "人" {
		t.Errorf("nameWithUnit: %q %q %v", n, u, ok)
	}
	if _, _, ok := nameWithUnit("新建学校（含幼儿园）"); ok {
		t.Error("nameWithUnit: a note is no unit")
	}
}

// TestTitleTags: an attachment's label and a page's tag before a notice's
// title are no part of it; a tag alone is no title.
func TestTitleTags(t *testing.T) {
	for in, want := range map[string]string{
		"附件：1. 2019年《政府工作报告》目标任务分解表":                  "2019年《政府工作报告》目标任务分解表",
		"附件2：2020年民生实事项目表":                            "2020年民生实事项目表",
		"（市政府重点工作及责任分解）滁州市人民政府关于2020年市政府重点工作及责任分解的通知": "滁州市人民政府关于2020年市政府重点工作及责任分解的通知",
		"名称：（保基本民生）宣城市民生办关于实施47项民生实事的通知":              "宣城市民生办关于实施47项民生实事的通知",
		"（目标任务）":          "",
		"（二〇二二年）重点工作分工方案": "（二〇二二年）重点工作分工方案",
		"2023年重点工作任务分解":   "2023年重点工作任务分解",
	} {
		if got := trimTitleTag(in); got != want {
			t.Errorf("trimTitleTag(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCellTableFiguresBeforeUnits: a header whose cells break over two
// lines (建设起 / 止年限, 责任 / 单位) and whose figure columns stand between
// the task's and the units' (总投资（万元） / 当年投资 / 资金来源): the figures
// and short words after a row's task are those columns', not a sub-row.
func TestCellTableFiguresBeforeUnits(t *testing.T) {
	d := parseLines(t, "2023年民生实事项目实施计划表", "序号", "项目名称", "项目建设规模及内容", "建设起", "止年限", "总投资", "(万元)", "当年投资", "(万元)", "资金", "来源", "责任", "单位",
		"1", "城市用气提升工程", "对28个小区进行液改气改造，安装燃气安全装置13000套。", "2023.01-2023.12", "1200", "1200", "国企投资", "城投集团",
		"2", "山塘水库综合整治工程", "完成6座小型水库加固改造。", "2023.01-2023.12", "4600", "4600", "政府投资", "水利局")
	if got, want := taskRoles(d), []string{"1.1:/城投集团/", "2.1:/水利局/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if tk := d.Items[0].Tasks[0]; tk.Deadline != "2023.01-2023.12" {
		t.Errorf("deadline %q", tk.Deadline)
	}
}

// TestHeadingOwnItem: a heading between two headings over items that
// closes with a clause of its own is an item, with its units and its
// target once; a note after its clause that it is done is no task.
func TestHeadingOwnItem(t *testing.T) {
	d := parseLines(t, "某市重点工作分工", "一、稳增长", "1.推进甲项工作。（市发改委负责）",
		"二、解决6万人农村饮水安全问题。（责任单位：市水务局，各县区政府）该件实事已全面完成",
		"三、惠民生", "1.新建学校5所。（市教育局负责）")
	want := []string{"一.1.1:/市发改委/", "二.2.1:/市水务局/各县区政府", "三.1.1:/市教育局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	got := targetStrings(d, func(tg Target) string { return fmt.Sprintf("%s %g%s", tg.Task, tg.Value, tg.Unit) })
	if want := []string{"二.2.1 6万人", "三.1.1 5所"}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets %q, want %q", got, want)
	}
}

// TestGluedLabels: a label run on after the value before it, with no mark
// between (牵头单位：市发改委配合单位：…, 责任单位：莲塘镇任务目标：…), ends
// that value; a leader's title keeps its whole label (分管副县长：).
func TestGluedLabels(t *testing.T) {
	d := parseLines(t, "一、任务", "1.推进甲项工作。", "责任单位：莲塘镇任务目标：新建学校5所，改造道路3条。",
		"2.推进乙项工作。", "牵头单位：市发改委配合单位：市财政局、市统计局")
	want := []string{"1.1:/莲塘镇/", "2.1:市发改委/市财政局、市统计局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if at := gluedLabel("县长：张三分管副县长：李四", defaultVocabulary()); at != 0 {
		t.Errorf("gluedLabel: %d, want none (a leader's label)", at)
	}
}

// TestCellTableLeadersALine: a leaders' cell of several names, a name a
// line, is one cell; the row's units after it are its own.
func TestCellTableLeadersALine(t *testing.T) {
	d := parseLines(t, "主要目标任务责任分解表", "序号", "目标名称", "工作标准", "分管领导", "牵头单位", "配合单位",
		"1", "老城复兴", "(1)完成37个老旧小区改造任务。", "王旭锋", "胡金芳", "王行杰", "住建局", "新闸街道、五星街道,发改局",
		"(2)招引数字经济项目30个。", "王旭锋", "商务局", "发改局")
	want := []string{"1.1:住建局/新闸街道、五星街道、发改局/", "1.2:商务局/发改局/"}
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if tk := d.Items[0].Tasks[0]; !reflect.DeepEqual(tk.Leaders, []string{"王旭锋", "胡金芳", "王行杰"}) {
		t.Errorf("leaders %q", tk.Leaders)
	}
}

// targetStrings is each target of d, written by f, in order.
func targetStrings(d *Document, f func(Target) string) []string {
	var out []string
	for _, tg := range d.Targets {
		out = append(out, f(tg))
	}
	return out
}
