package charts

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"fengong/export"
	"fengong/extract"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Hostile dept names: each would run script if it reached the page as is.
const (
	hostileScript = `</script><script>document.title='pwned'</script>`
	hostileFunc   = `__f__function(){document.title='pwned'}__f__`
	hostileImg    = `<img src=x onerror=document.title='pwned'>`
)

// fixture is a small hand-built document: items before the first heading,
// two sections, lead/co/respective/all/group clauses, targets, a named
// list, hostile dept names and a warning.
func fixture() *extract.Document {
	doc := &extract.Document{
		Title:  "落实〈政府工作报告〉重点工作分工的意见",
		Source: extract.Source{Name: "fixture.txt", SHA256: "00", Encoding: "utf-8", Format: "text", Lines: 12},
		Sections: []extract.Section{
			{Number: "一", Ordinal: 1, Title: "稳定经济增长", FirstItem: 2, Line: 3},
			{Number: "二", Ordinal: 2, Title: "推进改革<创新>", FirstItem: 4, Line: 8},
		},
		Items: []extract.Item{
			{Number: 1, Line: 2, Text: "全面落实各项部署。（各部门单位分别负责）", Tasks: []extract.Task{
				{ID: "1.1", Item: 1, Text: "全面落实各项部署。", All: true, Deadline: "年内持续推进", Clause: "（各部门单位分别负责）", Line: 2},
			}},
			{Number: 2, Section: "一", Line: 4, Text: "地区生产总值增长6.5%以上，城镇调查失业率控制在5.5%以内。", Tasks: []extract.Task{
				{ID: "2.1", Item: 2, Text: "地区生产总值增长6.5%以上，城镇调查失业率控制在5.5%以内。",
					Lead: []string{"省发展改革委"}, Co: []string{"省财政厅", "省统计局"}, Deadline: "12月底前",
					Clause: "（省发展改革委牵头，省财政厅、省统计局按职责分工负责）", Line: 4},
			}},
			{Number: 3, Section: "一", Line: 5, Text: "实施十大基础设施项目。推进县域经济发展。", Tasks: []extract.Task{
				{ID: "3.1", Item: 3, Text: "实施十大基础设施项目。", Lead: []string{"省财政厅"}, Co: []string{"省发展改革委"},
					Clause: "（省财政厅牵头，省发展改革委按职责分工负责）", Line: 5},
				{ID: "3.2", Item: 3, Sub: "①", Text: "推进县域经济发展。", Respective: []string{"长沙市", "株洲市"},
					Groups: []string{"有关部门"}, Clause: "（长沙市、株洲市分别负责，有关部门按职责分工负责）", Line: 6},
			}},
			{Number: 4, Section: "二", Line: 9, Text: "研发投入增长10%。", Tasks: []extract.Task{
				{ID: "4.1", Item: 4, Text: "<b>研发</b>投入增长10%。", Lead: []string{hostileScript, "省科技厅"}, Co: []string{hostileFunc},
					Clause: "（…牵头）", Line: 9},
				{ID: "4.2", Item: 4, Text: "", Lead: []string{"省科技厅"}, Co: []string{"省发展改革委", hostileImg, hostileFunc},
					Clause: "（省科技厅牵头）", Line: 10},
			}},
		},
		Targets: []extract.Target{
			{Item: 2, Task: "2.1", Indicator: "地区生产总值", Verb: "增长", Value: 6.5, Unit: "%", Op: extract.OpAtLeast, Text: "地区生产总值增长6.5%以上", Line: 4},
			{Item: 2, Task: "2.1", Indicator: "城镇调查失业率", Verb: "控制在", Value: 5.5, Unit: "%", Op: extract.OpAtMost, Text: "城镇调查失业率控制在5.5%以内", Line: 4},
			{Item: 4, Task: "4.1", Indicator: "研发投入", Verb: "增长", Value: 10, Unit: "%", Op: extract.OpEqual, Text: "<script>alert(1)</script>研发投入增长10%", Line: 9},
		},
		Lists: []extract.NamedList{
			{Item: 3, Task: "3.1", Name: "十大基础设施项目", Declared: 10, Members: []string{"长株潭城际", "湘江航道"}, Line: 5},
		},
		Depts: []extract.Dept{
			{Name: "省发展改革委", Aliases: []string{"省发改委"}, Kind: "省直部门", Known: true},
			{Name: "省科技厅", Kind: "省直部门", Known: true},
			{Name: "省财政厅", Kind: "省直部门", Known: true},
			{Name: "省统计局", Kind: "省直部门", Known: true},
			{Name: "长沙市", Kind: "市州政府", Known: true},
			{Name: "株洲市", Kind: "市州政府", Known: true},
			{Name: hostileScript},
			{Name: hostileFunc},
			{Name: hostileImg},
		},
		Groups:   []string{"有关部门"},
		Warnings: []extract.Warning{{Line: 9, Item: 4, Message: "unknown dept"}},
	}
	fillCounts(doc)
	return doc
}

// fillCounts sets every dept's task counts from the tasks, the way the
// parser does: once per task, under the strongest role.
func fillCounts(doc *extract.Document) {
	for i := range doc.Depts {
		d := &doc.Depts[i]
		d.Lead, d.Co, d.Respective, d.All = 0, 0, 0, 0
		for _, a := range doc.TasksOf(d.Name) {
			switch a.Role {
			case extract.RoleLead:
				d.Lead++
			case extract.RoleRespective:
				d.Respective++
			case extract.RoleCo:
				d.Co++
			case extract.RoleAll:
				d.All++
			}
		}
	}
}

// testDate is the generation date of every test.
var testDate = time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)

// optionsFor gives the options the pipeline would: the date and a stem per
// dept.
func optionsFor(doc *extract.Document) Options {
	names := make([]string, len(doc.Depts))
	for i, d := range doc.Depts {
		names[i] = d.Name
	}
	return Options{Options: export.Options{Date: testDate}, DeptStems: export.Stems(names)}
}

// seed parses the bundled seed, or skips the test when the parser cannot.
func seed(tb testing.TB) *extract.Document {
	tb.Helper()
	dir, err := extract.LoadDirectory(nil)
	if err != nil {
		tb.Fatalf("LoadDirectory: %v", err)
	}
	doc, err := extract.ParseFile(filepath.Join("..", "seeds", "hunan-2022.txt"), dir)
	if err != nil {
		tb.Skipf("seed: the parser is not ready: %v", err)
	}
	return doc
}

// writePages writes pages under dir, as the pipeline would.
func writePages(tb testing.TB, dir string, pages []Page) {
	tb.Helper()
	for _, p := range pages {
		path := filepath.Join(dir, filepath.FromSlash(p.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, p.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// scaled builds a document the size of a real one from the dept
// directory: every directory dept, nine sections, items items with one to
// three tasks each, named by simple arithmetic so the result is fixed.
func scaled(tb testing.TB, items int) *extract.Document {
	tb.Helper()
	dir, err := extract.LoadDirectory(nil)
	if err != nil {
		tb.Fatalf("LoadDirectory: %v", err)
	}
	entries := dir.Entries
	if len(entries) == 0 {
		// a directory of several installed lists names none at its top:
		// a hundred made-up depts of three kinds do as well
		kinds := []string{"省直部门", "市州政府", "中央驻湘单位"}
		for i := range 100 {
			entries = append(entries, extract.DirEntry{Name: "省测试单位" + strconv.Itoa(i+1), Kind: kinds[i%3]})
		}
	}
	n := len(entries)
	doc := &extract.Document{Title: "落实〈政府工作报告〉重点工作分工的意见", Source: extract.Source{Name: "scaled.txt"}}
	numerals := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九"}
	for i, num := range numerals {
		doc.Sections = append(doc.Sections, extract.Section{Number: num, Ordinal: i + 1, Title: "第" + num + "部分的标题文字"})
	}
	k := 0
	for i := 1; i <= items; i++ {
		sec := ""
		if i > 2 {
			sec = numerals[(i-3)*len(numerals)/items]
		}
		it := extract.Item{Number: i, Section: sec, Line: i, Text: "重点工作" + strconv.Itoa(i)}
		for j := 1; j <= 1+i%3; j++ {
			k++
			t := extract.Task{ID: strconv.Itoa(i) + "." + strconv.Itoa(j), Item: i, Text: "任务内容", Line: i}
			switch {
			case i == 1:
				t.All = true
			case k%5 == 0:
				t.Respective = []string{entries[(k*3)%n].Name, entries[(k*3+1)%n].Name}
			default:
				t.Lead = []string{entries[(k*7)%n].Name}
				for c := 1; c <= k%4; c++ {
					t.Co = append(t.Co, entries[(k*7+c*11)%n].Name)
				}
			}
			if k%6 == 0 {
				doc.Targets = append(doc.Targets, extract.Target{Item: i, Task: t.ID, Indicator: "指标" + strconv.Itoa(k),
					Verb: "增长", Value: float64(k%9) + 0.5, Unit: "%", Op: extract.OpAtLeast, Text: "指标增长", Line: i})
			}
			it.Tasks = append(it.Tasks, t)
		}
		doc.Items = append(doc.Items, it)
	}
	for _, e := range entries {
		doc.Depts = append(doc.Depts, extract.Dept{Name: e.Name, Kind: e.Kind, Known: true})
	}
	fillCounts(doc)
	return doc
}

// seedOrScaled is the parsed seed, or a scaled fixture of the same size
// while the parser cannot read the seed.
func seedOrScaled(tb testing.TB) *extract.Document {
	tb.Helper()
	dir, err := extract.LoadDirectory(nil)
	if err != nil {
		tb.Fatalf("LoadDirectory: %v", err)
	}
	doc, err := extract.ParseFile(filepath.Join("..", "seeds", "hunan-2022.txt"), dir)
	if err != nil {
		tb.Logf("seed: the parser is not ready (%v); using a scaled fixture", err)
		return scaled(tb, 90)
	}
	return doc
}
