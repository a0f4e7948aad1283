package pdf

import (
	"strings"
	"sync"
	"testing"
	"time"

	"fengong/export"
	"fengong/extract"
)

// The hostile dept names every exporter must survive.
var (
	longName   = string([]rune(strings.Repeat("超长单位名称", 334))[:2000]) // 2000 characters
	emojiDept  = "省😀办"
	scriptDept = "</script>"
	pathDept   = "../../x"
	cmdDept    = "=cmd|' /C calc'!A0"
	underDept  = "__f__"
	ctrlDept   = "省\x07铃办"
)

// longTask is taller than a page in the 任务内容 column.
var longTask = strings.Repeat("加快建设现代化产业体系，推动制造业高端化、智能化、绿色化发展，", 40) + "全面完成年度目标。"

// fixture builds a small document by hand: two sections, four items,
// tasks with every role, groups, a task cut away in the source, a task
// taller than a page, targets, a named list, hostile dept names and a
// warning.
func fixture() *extract.Document {
	doc := &extract.Document{
		Title:  "落实〈政府工作报告〉重点工作分工的意见",
		Source: extract.Source{Name: "fixture.txt", Encoding: "utf-8", Format: "text", Lines: 40},
		Sections: []extract.Section{
			{Number: "一", Ordinal: 1, Title: "稳定经济大盘", FirstItem: 1, Line: 3},
			{Number: "二", Ordinal: 2, Title: "推进创新发展", FirstItem: 3, Line: 20},
		},
		Items: []extract.Item{
			{Number: 1, Section: "一", Line: 4, Tasks: []extract.Task{
				{ID: "1.1", Item: 1, Text: "地区生产总值增长6.5%以上，规模工业增加值增长7.2%，城镇新增就业70万人。",
					Lead: []string{"省发展改革委"}, Co: []string{"省统计局"}, Deadline: "年内持续推进",
					Clause: "（省发展改革委牵头，省统计局按职责分工负责）", Line: 4},
				{ID: "1.2", Item: 1, Text: "继续做好“六稳”“六保”工作，保持经济运行在合理区间，保持社会大局稳定。",
					All: true, Clause: "（各部门单位分别负责）", Line: 5},
			}},
			{Number: 2, Section: "一", Line: 8, Tasks: []extract.Task{
				{ID: "2.1", Item: 2, Text: "", Lead: []string{"省财政厅"}, Clause: "（省财政厅牵头）", Line: 12},
				{ID: "2.2", Item: 2, Text: "推进IPv6规模化部署，新建5G基站2.5万个（含室内分布系统），实现乡镇以上区域连续覆盖。",
					Lead: []string{"省通信管理局"}, Co: []string{"省工业和信息化厅"}, Groups: []string{"有关部门"},
					Deadline: "6月底前", Clause: "（省通信管理局牵头，省工业和信息化厅等有关部门按职责分工负责）", Line: 13},
			}},
			{Number: 3, Section: "二", Line: 21, Tasks: []extract.Task{
				{ID: "3.1", Item: 3, Text: "实施十大技术攻关项目：一是新一代轨道交通；二是深海风电；三是高性能芯片。含表情😀和响铃\x07字符。",
					Lead: []string{"省科技厅", "省发展改革委"}, Respective: []string{"长沙市人民政府", pathDept},
					Clause: "（省科技厅、省发展改革委牵头，长沙市人民政府、../../x分别负责）", Line: 22},
				{ID: "3.2", Item: 3, Text: longTask,
					Lead: []string{scriptDept}, Co: []string{cmdDept, underDept},
					Clause: "（</script>牵头）", Line: 24},
			}},
			{Number: 4, Section: "二", Line: 30, Tasks: []extract.Task{
				{ID: "4.1", Item: 4, Sub: "①", Text: "各市州人民政府分别负责推进城乡融合发展，完善农业转移人口市民化配套政策。",
					Respective: []string{"长沙市人民政府", longName}, Co: []string{"省发展改革委", emojiDept, ctrlDept},
					Clause: "（长沙市人民政府等分别负责）", Line: 31},
			}},
		},
		Targets: []extract.Target{
			{Item: 1, Task: "1.1", Indicator: "地区生产总值", Verb: "增长", Value: 6.5, Unit: "%", Op: extract.OpAtLeast, Text: "地区生产总值增长6.5%以上", Line: 4},
			{Item: 1, Task: "1.1", Indicator: "规模工业增加值", Verb: "增长", Value: 7.2, Unit: "%", Op: extract.OpEqual, Text: "规模工业增加值增长7.2%", Line: 4},
			{Item: 2, Task: "2.2", Indicator: "5G基站", Verb: "新建", Value: 2.5, Unit: "万个", Op: extract.OpEqual, Text: "新建5G基站2.5万个", Line: 13},
		},
		Lists: []extract.NamedList{
			{Item: 3, Task: "3.1", Name: "十大技术攻关项目", Declared: 10, Members: []string{"新一代轨道交通", "深海风电", "高性能芯片"}, Line: 22},
		},
		Groups:   []string{"有关部门"},
		Warnings: []extract.Warning{{Line: 12, Item: 2, Message: "task 2.1: the clause （省财政厅牵头） closes no text"}},
	}
	names := []string{"省发展改革委", "省统计局", "省财政厅", "省通信管理局", "省工业和信息化厅", "省科技厅",
		"长沙市人民政府", pathDept, scriptDept, cmdDept, underDept, longName, emojiDept, ctrlDept}
	for _, n := range names {
		doc.Depts = append(doc.Depts, countDept(doc, n))
	}
	return doc
}

// countDept fills a dept's counts from the tasks, as the parser does.
func countDept(doc *extract.Document, name string) extract.Dept {
	d := extract.Dept{Name: name, Kind: "省直部门", Known: true}
	for _, a := range doc.TasksOf(name) {
		switch a.Role {
		case extract.RoleLead:
			d.Lead++
		case extract.RoleCo:
			d.Co++
		case extract.RoleRespective:
			d.Respective++
		case extract.RoleAll:
			d.All++
		}
	}
	return d
}

var testDate = time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)

func testOptions() export.Options { return export.Options{Date: testDate} }

// newFixtureRenderer renders the fixture with the default font.
func newFixtureRenderer(t testing.TB) (*extract.Document, *Renderer) {
	t.Helper()
	doc := fixture()
	r, err := NewRenderer(doc, testOptions(), Fonts{})
	if err != nil {
		t.Fatalf("NewRenderer: %v", err)
	}
	return doc, r
}

// seed parses seeds/hunan-2022.txt once per test binary.
var seed = sync.OnceValues(func() (*extract.Document, error) {
	dir, err := extract.LoadDirectory(nil)
	if err != nil {
		return nil, err
	}
	return extract.ParseFile("../../seeds/hunan-2022.txt", dir)
})

// seedRenderer fails the test when the parser cannot read the seed: a
// parser regression must show here, not hide behind a skip.
func seedRenderer(t testing.TB) (*extract.Document, *Renderer) {
	t.Helper()
	doc, err := seed()
	if err != nil {
		t.Fatalf("parsing the seed: %v", err)
	}
	r, err := NewRenderer(doc, testOptions(), Fonts{})
	if err != nil {
		t.Fatalf("NewRenderer(seed): %v", err)
	}
	return doc, r
}

// textRenderer reads, parses and renders a document given as text; it
// fails the test on any error.
func textRenderer(t testing.TB, text string) (*extract.Document, *Renderer) {
	t.Helper()
	txt, err := extract.Read("a.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Parse(txt, nil)
	if err != nil {
		t.Fatalf("parsing: %v", err)
	}
	r, err := NewRenderer(doc, testOptions(), Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	return doc, r
}
