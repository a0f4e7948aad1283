package xlsx

import (
	"flag"
	"strconv"
	"strings"
	"testing"
	"time"

	"fengong/export"
	"fengong/extract"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Hostile dept names the fixture carries.
const (
	deptFormula = "=cmd|' /C calc'!A0"
	deptPath    = "../../x"
	deptScript  = "</script>"
	deptUnder   = "__f__"
	deptEmpty   = "省空闲办" // in doc.Depts, but no task names it
	deptControl = "省控制\x01字符\x7f局"
	deptAmp     = "省A&B&&C办"
	deptAmps    = "&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&😀😀😀😀"
)

var deptLong = strings.Repeat("长", 2000)

// testOptions is the options every test renders with.
func testOptions() export.Options {
	return export.Options{Date: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)}
}

// fixture is a small hand-built model: two sections, items with lead,
// co, respective, group and all-dept clauses, a task whose text the source
// lost, hostile dept names and texts, targets, named lists and warnings.
func fixture() *extract.Document {
	doc := &extract.Document{
		Title:  "关于测试重点工作分工的意见",
		Source: extract.Source{Name: "fixture.txt", Encoding: "utf-8", Format: "text", Lines: 20},
		Sections: []extract.Section{
			{Number: "一", Ordinal: 1, Title: "稳定经济运行", FirstItem: 1, Line: 3},
			{Number: "二", Ordinal: 2, Title: "保障改善民生", FirstItem: 3, Line: 9},
		},
		Items: []extract.Item{
			{Number: 1, Section: "一", Line: 4, Tasks: []extract.Task{
				{ID: "1.1", Item: 1, Text: "地区生产总值增长6.5%以上，城镇新增就业70万人。", Lead: []string{"省发展改革委"},
					Co: []string{"省财政厅", deptFormula}, Groups: []string{"有关部门"}, Deadline: "年内持续推进", Line: 4,
					Clause: "（省发展改革委牵头，省财政厅、有关部门按职责分工负责）"},
				{ID: "1.2", Item: 1, Text: "=1+1", Lead: []string{"省财政厅"},
					Respective: []string{"省发展改革委", "省教育厅"}, Deadline: "6月底前", Line: 5},
			}},
			{Number: 2, Section: "一", Line: 6, Tasks: []extract.Task{
				{ID: "2.1", Item: 2, Text: "", Lead: []string{"省教育厅"}, Line: 6},
				{ID: "2.2", Item: 2, Text: "各级各部门坚持稳字当头、稳中求进。", All: true, Line: 7},
			}},
			{Number: 3, Section: "二", Line: 10, Tasks: []extract.Task{
				{ID: "3.1", Item: 3, Sub: "①", Text: "①加强\x01县域\r商业体系建设\x7f，重点抓好三大工程，即甲工程、乙工程。" + strings.Repeat("持续推进民生实事。", 12),
					Lead: []string{deptPath}, Co: []string{deptScript, deptControl}, Line: 10},
				{ID: "3.2", Item: 3, Sub: "②", Text: "+cmd -x @SUM(A1) 推进\"智能+\"消费", Co: []string{"省发展改革委"},
					Respective: []string{deptUnder}, Line: 11},
			}},
			{Number: 4, Section: "二", Line: 12, Tasks: []extract.Task{
				{ID: "4.1", Item: 4, Text: "😀 打造一批标志性工程 A&B <b>。\n第二行", Lead: []string{deptLong}, Co: []string{deptFormula}, Respective: []string{deptAmp, deptAmps}, Line: 12},
			}},
		},
		Targets: []extract.Target{
			{Item: 1, Task: "1.1", Indicator: "地区生产总值", Verb: "增长", Value: 6.5, Unit: "%", Op: extract.OpAtLeast, Text: "地区生产总值增长6.5%以上", Line: 4},
			{Item: 1, Task: "1.1", Indicator: "城镇新增就业", Value: 70, Unit: "万人", Op: extract.OpEqual, Text: "城镇新增就业70万人", Line: 4},
			{Item: 3, Task: "3.1", Indicator: "=危险指标", Value: 3, Unit: "个", Op: extract.OpAbout, Text: "=危险指标3个左右", Line: 10},
		},
		Lists: []extract.NamedList{
			{Item: 3, Task: "3.1", Name: "三大工程", Declared: 3, Members: []string{"甲工程", "乙工程"}, Line: 10},
			{Item: 1, Task: "1.1", Name: "两项指标", Declared: 2, Members: []string{"地区生产总值", "城镇新增就业"}, Line: 4},
			{Item: 4, Task: "4.1", Name: "一批工程", Declared: 0, Line: 12},
		},
		Groups: []string{"有关部门"},
		Warnings: []extract.Warning{
			{Line: 6, Item: 2, Message: "task 2.1: the clause closes no text"},
			{Line: 1, Message: "=HYPERLINK(\"http://x\") 标题未找到"},
		},
	}
	for _, name := range []string{"省发展改革委", "省财政厅", "省教育厅", deptFormula, deptPath, deptScript,
		deptUnder, deptControl, deptLong, deptAmp, deptAmps, deptEmpty} {
		doc.Depts = append(doc.Depts, extract.Dept{Name: name, Kind: "省直部门", Known: !strings.ContainsAny(name, "=/<_长\x01")})
	}
	// keys as the parser gives them: the item number where numbering
	// never restarts
	for i := range doc.Items {
		doc.Items[i].Key = strconv.Itoa(doc.Items[i].Number)
	}
	for i := range doc.Targets {
		doc.Targets[i].ItemKey = strconv.Itoa(doc.Targets[i].Item)
	}
	for i := range doc.Lists {
		doc.Lists[i].ItemKey = strconv.Itoa(doc.Lists[i].Item)
	}
	countRoles(doc)
	return doc
}

// countRoles fills the dept counts from the tasks, as the parser does.
func countRoles(doc *extract.Document) {
	for i := range doc.Depts {
		d := &doc.Depts[i]
		d.Lead, d.Co, d.Respective, d.All = 0, 0, 0, 0
		for _, a := range doc.TasksOf(d.Name) {
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
	}
}

// seed parses the bundled seed; a parser that fails on it fails the test.
func seed(tb testing.TB) *extract.Document {
	tb.Helper()
	dir, err := extract.LoadDirectory(nil)
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := extract.ParseFile("../../seeds/hunan-2022.txt", dir)
	if err != nil {
		tb.Fatalf("the bundled seed does not parse: %v", err)
	}
	return doc
}

// scale replicates doc's items n times with renumbered items and task IDs,
// the way a document n times as long would read.
func scale(doc *extract.Document, n int) *extract.Document {
	out := &extract.Document{Title: doc.Title, Source: doc.Source, Sections: doc.Sections, Groups: doc.Groups}
	last := 0
	for _, it := range doc.Items {
		last = max(last, it.Number)
	}
	ids := func(k int, id string) (string, int) {
		num, ord, _ := strings.Cut(id, ".")
		v, _ := strconv.Atoi(num)
		v += k * last
		return strconv.Itoa(v) + "." + ord, v
	}
	for k := 0; k < n; k++ {
		for _, it := range doc.Items {
			it.Number += k * last
			tasks := make([]extract.Task, len(it.Tasks))
			for j, t := range it.Tasks {
				t.ID, t.Item = ids(k, t.ID)
				tasks[j] = t
			}
			it.Tasks = tasks
			out.Items = append(out.Items, it)
		}
		for _, t := range doc.Targets {
			t.Task, t.Item = ids(k, t.Task)
			out.Targets = append(out.Targets, t)
		}
		for _, l := range doc.Lists {
			l.Task, l.Item = ids(k, l.Task)
			out.Lists = append(out.Lists, l)
		}
		for _, w := range doc.Warnings {
			if w.Item > 0 {
				w.Item += k * last
			}
			out.Warnings = append(out.Warnings, w)
		}
	}
	for _, d := range doc.Depts {
		d.Lead, d.Co, d.Respective, d.All = d.Lead*n, d.Co*n, d.Respective*n, d.All*n
		out.Depts = append(out.Depts, d)
	}
	return out
}
