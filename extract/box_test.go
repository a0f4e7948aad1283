package extract

import (
	"reflect"
	"strings"
	"testing"
)

// A table drawn with box-drawing characters, as law databases print an
// older document's: the header broken over two lines, cells wrapped, the
// leader's and the deadline's cells merged over every row, the units'
// over two rows each, and their rule not level with the tasks'.
const boxTable = `表一
┌────────────┬───┬──────┬────┐
│ 工 作 任 务│分管领│牵头单位  │完成时限│
│            │ 导   │          │        │
├────────────┼───┼──────┼────┤
│抓好财税工作│梁志强│市财政局、│年内见成│
├────────────┤      │国家税务局│ 效     │
│△加强财政监 │      ├──────┤        │
│督          │      │市教育局  │        │
├────────────┤      │          │        │
│发展教育    │      │          │        │
└────────────┴───┴──────┴────┘
附：说明`

// TestReadBoxTable: Read gives a box table's header and rows as cells, on
// the lines they start on, the other lines blank.
func TestReadBoxTable(t *testing.T) {
	txt, err := Read("a.txt", []byte(boxTable))
	if err != nil {
		t.Fatal(err)
	}
	if len(txt.Lines) != strings.Count(boxTable, "\n")+1 {
		t.Fatalf("%d lines, want %d: every line keeps its number", len(txt.Lines), strings.Count(boxTable, "\n")+1)
	}
	want := map[int][]string{
		3:  {"工作任务", "分管领导", "牵头单位", "完成时限"},
		6:  {"抓好财税工作", "", "", ""},             // a heading over the bulleted task below it
		8:  {"加强财政监督", "梁志强", "市教育局", "年内见成效"}, // the units' rule is level with the row's top
		11: {"发展教育", "梁志强", "市教育局", "年内见成效"},
	}
	for i, l := range txt.Lines {
		n := i + 1
		var cells []string
		if txt.Cells != nil {
			cells = txt.Cells[i]
		}
		switch {
		case want[n] != nil:
			if !reflect.DeepEqual(cells, want[n]) {
				t.Errorf("line %d: cells %q, want %q", n, cells, want[n])
			}
		case n == 1 || n == 13:
			if cells != nil || l == "" {
				t.Errorf("line %d: %q %q, want the text as written", n, l, cells)
			}
		case l != "" || cells != nil:
			t.Errorf("line %d: %q %q, want a blank line", n, l, cells)
		}
	}
}

// TestBoxTableParse: a box table's rows are read as a table's, each cell
// merged over rows given to every row it spans.
func TestBoxTableParse(t *testing.T) {
	got := boxTasks(t, boxTable, func(tk Task) string {
		return tk.Text + " " + strings.Join(tk.Lead, "、") + " " + strings.Join(tk.Leaders, "、") + " " + tk.Deadline
	})
	want := []string{
		"抓好财税工作   ", // a heading over the bulleted task below it, the cells beside it none of its own
		"加强财政监督 市教育局 梁志强 年内见成效",
		"发展教育 市教育局 梁志强 年内见成效",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tasks:\n got %q\nwant %q", got, want)
	}
}

// TestBoxNotAGrid: lines of box characters whose columns do not agree,
// and a lone line of them, are left as written.
func TestBoxNotAGrid(t *testing.T) {
	for _, in := range []string{
		"│甲│乙│\n│丙│\n│丁│戊│己│\n",
		"说明\n│一行│\n其他",
		strings.Repeat("│", 200) + "\n" + strings.Repeat("│", 200),
	} {
		lines := strings.Split(in, "\n")
		before := append([]string(nil), lines...)
		boxTables(lines)
		if !reflect.DeepEqual(lines, before) {
			t.Errorf("%q: rewritten to %q", in, lines)
		}
	}
}

// TestBoxRowPerLine: a box table with no rule between its rows writes a
// row on each line.
func TestBoxRowPerLine(t *testing.T) {
	in := "清单\n┌──┬──────┬────┐\n│序号│工作任务    │牵头单位│\n├──┼──────┼────┤\n│1 │新建学校3所 │市教育局│\n│2 │改造道路    │市交通局│\n└──┴──────┴────┘\n"
	txt, err := Read("a.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][]string{
		3: {"序号", "工作任务", "牵头单位"},
		5: {"1", "新建学校3所", "市教育局"},
		6: {"2", "改造道路", "市交通局"},
	}
	for i := range txt.Lines {
		var cells []string
		if txt.Cells != nil {
			cells = txt.Cells[i]
		}
		if !reflect.DeepEqual(cells, want[i+1]) {
			t.Errorf("line %d: cells %q, want %q", i+1, cells, want[i+1])
		}
	}
}

// TestBoxNoRules: a box table ruled only around its edge writes a row on
// each line, its header's among them.
func TestBoxNoRules(t *testing.T) {
	in := "┌──┬──────┬────┐\n│序号│工作任务    │牵头单位│\n│1 │新建学校3所 │市教育局│\n└──┴──────┴────┘\n"
	txt, err := Read("a.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{nil, {"序号", "工作任务", "牵头单位"}, {"1", "新建学校3所", "市教育局"}, nil, nil}
	for i := range txt.Lines {
		var cells []string
		if txt.Cells != nil {
			cells = txt.Cells[i]
		}
		if i >= len(want) || !reflect.DeepEqual(cells, want[i]) {
			t.Errorf("line %d: cells %q", i+1, cells)
		}
	}
}

// TestBoxSplitCells: bulleted tasks in one cell are a row each, beside
// the units cell that stands beside their line, and a cell without a
// bullet over bulleted ones is a heading; a cell merged over two
// rows of another column, its text apart by a blank line where the
// second starts, gives each row its own text, while a cell merely wrapped
// on over rows gives each its whole text.
func TestBoxSplitCells(t *testing.T) {
	for _, tc := range []struct {
		name, table string
		want        []string
	}{
		{"a task cell split where the units cell is", `某市2006年政府工作报告任务分解
┌────────────────┬───┬────────┬────┐
│ 工 作 任 务    │分管领│牵头组织实施单位│完成时限│
│                │ 导 │        │    │
├────────────────┼───┼────────┼────┤
│△调整财政支出结构│梁志强│市财政局、市税务│年内见成│
│,加大财政投入    │   │局、市金融办    │ 效 │
│                │   ├────────┤    │
│△加强财政监督    │   │市财政局、市教育│    │
│△加强税源监控    │   │局              │    │
└────────────────┴───┴────────┴────┘`, []string{"调整财政支出结构，加大财政投入 市财政局、市税务局、市金融办", "加强财政监督 市财政局、市教育局", "加强税源监控 市财政局、市教育局"}},
		{"bullets beside the units cell of their line", `某市2006年政府工作报告任务分解
┌──────────────┬───┬────────┬────┐
│ 工 作 任 务  │分管领│牵头组织实施单位│完成时限│
│              │ 导 │        │    │
├──────────────┼───┼────────┼────┤
│抓好财税工作  │梁志强│市财政局、市国家│年内见成│
├──────────────┤   │税务局、市金融办│ 效 │
│△调整支出结构│   │                │    │
│,加大财政投入 │   ├────────┤    │
│△加强财政监督│   │市财政局、市教育│    │
│△加强税源监控│   │局              │    │
└──────────────┴───┴────────┴────┘`, []string{"抓好财税工作 ", "调整支出结构，加大财政投入 市财政局、市国家税务局、市金融办", "加强财政监督 市财政局、市教育局", "加强税源监控 市财政局、市教育局"}},
	} {
		got := boxTasks(t, tc.table, func(tk Task) string { return tk.Text + " " + strings.Join(tk.Lead, "、") })
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// boxTasks reads and parses a text holding a box table and says each task
// by say.
func boxTasks(t *testing.T, text string, say func(Task) string) []string {
	t.Helper()
	txt, err := Read("a.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(txt, testDir(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range d.Items {
		for _, tk := range it.Tasks {
			got = append(got, say(tk))
		}
	}
	return got
}
