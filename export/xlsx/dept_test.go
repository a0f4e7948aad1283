package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"fengong/export"
	"fengong/extract"
	"fengong/templates"
)

// docs are the models the per-dept tests run on.
func docs() []struct {
	name string
	doc  func(t *testing.T) *extract.Document
} {
	return []struct {
		name string
		doc  func(t *testing.T) *extract.Document
	}{
		{"fixture", func(*testing.T) *extract.Document { return fixture() }},
		{"seed", func(t *testing.T) *extract.Document { return seed(t) }},
	}
}

func testWording(t *testing.T) *wording {
	t.Helper()
	w, err := loadWording(testOptions())
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// taskRow is one task row read back from a dept workbook.
type taskRow struct {
	sheet string
	row   int
	cells []string
}

// taskRows reads every row with a task ID from the task sheets.
func taskRows(t *testing.T, f *excelize.File, w *wording) []taskRow {
	t.Helper()
	var out []taskRow
	for _, name := range []string{w.Dept.Sheets.Lead, w.Dept.Sheets.Co, w.Dept.Sheets.All} {
		if idx, _ := f.GetSheetIndex(name); idx < 0 {
			continue
		}
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 3 {
			t.Fatalf("sheet %s: got %d rows, want the 填报信息 row, a header and at least one task", name, len(rows))
		}
		for i, r := range rows[2:] {
			for len(r) < taskCols {
				r = append(r, "")
			}
			out = append(out, taskRow{name, i + 3, r})
		}
	}
	return out
}

func TestDeptTasks(t *testing.T) {
	w := testWording(t)
	opt := testOptions()
	for _, tc := range docs() {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc(t)
			for _, d := range doc.Depts {
				data, err := Dept(doc, d.Name, opt)
				if err != nil {
					t.Fatalf("Dept(%q): %v", d.Name, err)
				}
				f := open(t, data)
				checkDeptWorkbook(t, doc, d.Name, f, data, w)
			}
		})
	}
}

// sheetOfRole is the sheet a role's tasks go to.
func sheetOfRole(w *wording, r extract.Role) string {
	switch r {
	case extract.RoleLead:
		return w.Dept.Sheets.Lead
	case extract.RoleCo, extract.RoleRespective:
		return w.Dept.Sheets.Co
	}
	return w.Dept.Sheets.All
}

func checkDeptWorkbook(t *testing.T, doc *extract.Document, dept string, f *excelize.File, data []byte, w *wording) {
	t.Helper()
	// the tasks expected, sheet by sheet, in document order
	var want []extract.Assignment
	sheets := []string{w.Dept.Sheets.About}
	for _, name := range []string{w.Dept.Sheets.Lead, w.Dept.Sheets.Co, w.Dept.Sheets.All} {
		n := 0
		for _, a := range doc.TasksOf(dept) {
			if sheetOfRole(w, a.Role) == name {
				want = append(want, a)
				n++
			}
		}
		if n > 0 {
			sheets = append(sheets, name)
		}
	}
	if len(doc.TargetsOf(dept)) > 0 {
		sheets = append(sheets, w.Dept.Sheets.Targets)
	}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(sheets, "|") {
		t.Errorf("%q: got sheets %q, want %q", dept, got, sheets)
	}

	got := taskRows(t, f, w)
	if len(got) != len(want) {
		t.Errorf("%q: got %d task rows, want %d", dept, len(got), len(want))
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		g, a := got[i], want[i]
		at := fmt.Sprintf("%q %s!row %d", dept, g.sheet, g.row)
		checks := []struct{ what, got, want string }{
			{"sheet", g.sheet, sheetOfRole(w, a.Role)},
			{"task ID", g.cells[colID-1], a.Task.ID},
			{"编号", g.cells[colNo-1], a.Task.ID},
			{"text", g.cells[colText-1], clean(w.taskText(a.Task))},
			{"role", g.cells[colRole-1], w.Role.name(a.Role)},
			{"item", g.cells[colItem-1], strconv.Itoa(a.Item.Number)},
			{"lead", g.cells[colLead-1], clean(strings.Join(a.Task.Lead, "、"))},
			{"deadline", g.cells[colDeadline-1], a.Task.Deadline},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s: %s: got %q, want %q", at, c.what, c.got, c.want)
			}
		}
		for _, col := range []int{colOwner, colContact, colProgress, colProblems, colNextSteps, colStatus, colNote} {
			if g.cells[col-1] != "" {
				t.Errorf("%s: input column %d: got %q, want it blank", at, col, g.cells[col-1])
			}
		}
	}

	for i, name := range f.GetSheetList() {
		raw := rawSheet(t, data, i)
		prot := protectionRe.FindString(raw)
		if !strings.Contains(prot, `sheet="true"`) {
			t.Errorf("%q %s: got protection %q, want the sheet protected", dept, name, prot)
		}
		for _, attr := range []string{"password", "hashValue", "saltValue"} {
			if strings.Contains(prot, attr) {
				t.Errorf("%q %s: protection has %s, want none: %s", dept, name, attr, prot)
			}
		}
		if strings.Contains(raw, "<f>") || strings.Contains(raw, "<f ") {
			t.Errorf("%q %s: sheet has a formula", dept, name)
		}
	}
	for _, name := range sheets {
		if name == w.Dept.Sheets.Targets || name == w.Dept.Sheets.About {
			continue
		}
		n := 0
		for _, g := range got {
			if g.sheet == name {
				n++
			}
		}
		dvs, err := f.GetDataValidations(name)
		if err != nil {
			t.Fatal(err)
		}
		wantRef := fmt.Sprintf("J3:J%d", n+2)
		if len(dvs) != 1 || dvs[0].Sqref != wantRef || dvs[0].Type != "list" ||
			dvs[0].Formula1 != `"`+strings.Join(w.Dept.Status.Options, ",")+`"` {
			t.Errorf("%q %s: got validations %s, want one list over %s", dept, name, describe(dvs), wantRef)
		}
		// the 填报信息 row: 填报单位 filled in and locked, three inputs
		if got := mustValue(t, f, name, "B1"); got != clean(dept) {
			t.Errorf("%q %s!B1 填报单位: got %q, want the dept", dept, name, got)
		}
		for col := 1; col <= colNote; col++ {
			input := col == colOwner || col == colContact || col == colDeadline || col == colProblems || col == colStatus || col == colNote
			if got := locked(t, f, name, cell(col, 1)); got == input {
				t.Errorf("%q %s!%s: got locked=%v, want %v", dept, name, cell(col, 1), got, !input)
			}
		}
		byRow := map[int]taskRow{}
		for _, g := range got {
			if g.sheet == name {
				byRow[g.row] = g
			}
		}
		for r := 3; r <= n+2; r++ {
			for col := 1; col <= taskCols; col++ {
				input := col == colOwner || col == colContact || col >= colProgress && col <= colNote ||
					col == colDeadline && byRow[r].cells[colDeadline-1] == ""
				if got := locked(t, f, name, cell(col, r)); got == input {
					t.Errorf("%q %s!%s: got locked=%v, want %v", dept, name, cell(col, r), got, !input)
				}
			}
		}
	}
}

func describe(dvs []*excelize.DataValidation) string {
	var parts []string
	for _, dv := range dvs {
		parts = append(parts, dv.Sqref+" "+dv.Type+" "+dv.Formula1)
	}
	return fmt.Sprintf("%q", parts)
}

// locked reports whether the cell's style locks it.
func locked(t *testing.T, f *excelize.File, sheet, ref string) bool {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.Protection == nil || st.Protection.Locked
}

func TestDeptEmptyAndUnknown(t *testing.T) {
	w := testWording(t)
	doc := fixture()
	data, err := Dept(doc, deptEmpty, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	// deptEmpty carries only the all-dept task
	if got, want := strings.Join(f.GetSheetList(), "|"), w.Dept.Sheets.About+"|"+w.Dept.Sheets.All; got != want {
		t.Errorf("got sheets %q, want %q", got, want)
	}

	noAll := fixture()
	noAll.Items = noAll.Items[2:] // no all-dept task left
	data, err = Dept(noAll, deptEmpty, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	f = open(t, data)
	if got, want := f.GetSheetList(), []string{w.Dept.Sheets.About}; len(got) != 1 || got[0] != want[0] {
		t.Errorf("dept without tasks: got sheets %q, want %q", got, want)
	}
	if v, _ := f.GetCellValue(w.Dept.Sheets.About, "B11"); v != "0项" {
		t.Errorf("dept without tasks: 任务合计: got %q, want %q", v, "0项")
	}

	for _, name := range []string{"省不存在厅", "", "省发展改革委 "} {
		if _, err := Dept(doc, name, testOptions()); !errors.Is(err, ErrUnknownDept) {
			t.Errorf("Dept(%q): got error %v, want ErrUnknownDept", name, err)
		}
	}
	if _, err := Dept(nil, "x", testOptions()); err == nil {
		t.Error("Dept(nil): got no error")
	}
	if _, err := Master(nil, testOptions()); err == nil {
		t.Error("Master(nil): got no error")
	}
	if _, err := Dept(&extract.Document{}, "x", testOptions()); !errors.Is(err, ErrUnknownDept) {
		t.Errorf("Dept(empty document): got error %v, want ErrUnknownDept", err)
	}
}

func TestHostileNames(t *testing.T) {
	w := testWording(t)
	doc := fixture()
	for _, name := range []string{deptFormula, deptPath, deptScript, deptUnder, deptControl, deptLong, deptAmp, deptAmps} {
		data, err := Dept(doc, name, testOptions())
		if err != nil {
			t.Fatalf("Dept(%q): %v", truncate(name, 20), err)
		}
		f := open(t, data)
		about := w.Dept.Sheets.About
		if got, want := mustValue(t, f, about, "B3"), clean(name); got != want {
			t.Errorf("%q: 责任单位: got %q, want %q", truncate(name, 20), truncate(got, 20), truncate(want, 20))
		}
		hf, err := f.GetHeaderFooter(about)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.ReplaceAll(truncate(clean(name), maxHFValue), "&", "&&")
		if !strings.Contains(hf.OddHeader, "&R"+want+"　") {
			t.Errorf("%q: page header %q does not carry the escaped name %q", truncate(name, 20), hf.OddHeader, want)
		}
	}
	if got := clean(deptControl); got != "省控制字符局" {
		t.Errorf("clean(%q): got %q, want %q", deptControl, got, "省控制字符局")
	}
}

func mustValue(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestFormulaInjection checks that text that looks like a formula is
// stored as a string in every workbook.
func TestFormulaInjection(t *testing.T) {
	doc := fixture()
	var books [][]byte
	for _, name := range []string{"省发展改革委", deptFormula, deptUnder} {
		data, err := Dept(doc, name, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		books = append(books, data)
	}
	data, err := Master(doc, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	books = append(books, data)
	seen := map[string]bool{}
	for _, data := range books {
		f := open(t, data)
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for r, row := range rows {
				for c, v := range row {
					if v == "" || !strings.ContainsAny(v[:1], "=+-@") {
						continue
					}
					seen[v] = true
					ref := cell(c+1, r+1)
					if fm, err := f.GetCellFormula(sheet, ref); err != nil || fm != "" {
						t.Errorf("%s!%s %q: got formula %q (err %v), want none", sheet, ref, v, fm, err)
					}
					if ty, err := f.GetCellType(sheet, ref); err != nil || ty != excelize.CellTypeInlineString {
						t.Errorf("%s!%s %q: got cell type %v (err %v), want an inline string", sheet, ref, v, ty, err)
					}
				}
			}
		}
	}
	for _, want := range []string{"=1+1", deptFormula, "+cmd -x @SUM(A1) 推进\"智能+\"消费", "=危险指标", `=HYPERLINK("http://x") 标题未找到`} {
		if !seen[want] {
			t.Errorf("got no cell %q in the workbooks", want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	opt := testOptions()
	for _, tc := range docs() {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc(t)
			renders := []struct {
				name string
				fn   func() ([]byte, error)
			}{
				{"master", func() ([]byte, error) { return Master(doc, opt) }},
			}
			for _, d := range doc.ByWorkload()[:3] {
				renders = append(renders, struct {
					name string
					fn   func() ([]byte, error)
				}{d.Name, func() ([]byte, error) { return Dept(doc, d.Name, opt) }})
			}
			for _, r := range renders {
				first, err := r.fn()
				if err != nil {
					t.Fatal(err)
				}
				// again, and concurrently: the pipeline renders depts in parallel
				var wg sync.WaitGroup
				again := make([][]byte, 4)
				errs := make([]error, 4)
				for i := range again {
					wg.Go(func() { again[i], errs[i] = r.fn() })
				}
				wg.Wait()
				for i := range again {
					if errs[i] != nil {
						t.Fatal(errs[i])
					}
					if !bytes.Equal(first, again[i]) {
						t.Errorf("%s: render %d differs from the first (%d vs %d bytes)", truncate(r.name, 20), i+2, len(again[i]), len(first))
					}
				}
			}
		})
	}
}

func TestTemplateOverride(t *testing.T) {
	base, err := templates.Default().ReadFile(TemplateFile)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		yaml    string
		wantErr string // "" for success
		sheet   string // the first task sheet of 省发展改革委's workbook
	}{
		{"renamed sheet", strings.Replace(string(base), "lead: 牵头任务", "lead: 本单位牵头", 1), "", "本单位牵头"},
		{"unknown key", string(base) + "\nbogus: 1\n", "xlsx.yaml", ""},
		{"bad font size", strings.Replace(string(base), "font_size: 11", "font_size: 0", 1), "font_size", ""},
		{"no status options", strings.Replace(string(base), "options: [未启动, 推进中, 已完成, 滞后]", "options: []", 1), "status.options", ""},
		{"duplicate sheet name", strings.Replace(string(base), "all: 全体任务", "all: 牵头任务", 1), "used twice", ""},
		{"illegal sheet name", strings.Replace(string(base), "lead: 牵头任务", "lead: 牵头/任务", 1), "sheet", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, TemplateFile), []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			ts, err := templates.New(dir)
			if err != nil {
				t.Fatal(err)
			}
			opt := testOptions()
			opt.Templates = ts
			data, err := Dept(fixture(), "省发展改革委", opt)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("got error %v, want one mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := open(t, data).GetSheetList()[1]; got != tt.sheet {
				t.Errorf("got first task sheet %q, want %q", got, tt.sheet)
			}
		})
	}
}

func TestTitleAndDate(t *testing.T) {
	w := testWording(t)
	opt := export.Options{Title: "自定标题", Date: testOptions().Date.AddDate(0, 0, 30)}
	data, err := Dept(fixture(), "省财政厅", opt)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	if got := mustValue(t, f, w.Dept.Sheets.About, "B2"); got != "自定标题" {
		t.Errorf("文件名称: got %q, want %q", got, "自定标题")
	}
	if got := mustValue(t, f, w.Dept.Sheets.About, "B4"); got != "2022年3月31日" {
		t.Errorf("生成日期: got %q, want %q", got, "2022年3月31日")
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2022-03-31T00:00:00Z" || props.Modified != props.Created || props.Creator != "fengong" || props.Title != "自定标题" {
		t.Errorf("got properties %+v, want created=modified=2022-03-31T00:00:00Z, creator fengong, title 自定标题", *props)
	}
}

// a4Landscape is the width (points) of A4 landscape less the margins the
// workbooks set (0.3 inch each side).
const a4Landscape = 842 - 2*0.3*72

// printedWidth is an upper bound, in points, of how wide columns of the
// given widths print at 100%: a width unit is one digit of the body font,
// 8 px at 96 dpi in Excel's 宋体 11 pt, 9.2 px in LibreOffice's stand-in
// (Noto Sans CJK), plus 5 px of padding.
func printedWidth(widths []float64) float64 {
	px := 0.0
	for _, w := range widths {
		px += w*9.5 + 5
	}
	return px * 72 / 96
}

// TestLayout checks what LibreOffice and WPS need to show every line and
// to print: heights, widths, panes, filters, print titles and area, page
// setup.
func TestLayout(t *testing.T) {
	w := testWording(t)
	doc := fixture()
	data, err := Dept(doc, deptPath, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	sheet := w.Dept.Sheets.Lead
	// task 3.1 is long: it wraps to several lines
	h, err := f.GetRowHeight(sheet, 3)
	if err != nil {
		t.Fatal(err)
	}
	width, err := f.GetColWidth(sheet, "B")
	if err != nil {
		t.Fatal(err)
	}
	text := mustValue(t, f, sheet, "B3")
	lines := int(textWidth(text)/(width-wrapSlack)) + 1
	if h < float64(lines)*15 {
		t.Errorf("row 3: got height %v for %d lines of text, want at least %v", h, lines, lines*15)
	}
	if v, _ := f.GetColVisible(sheet, "Q"); v {
		t.Error("task ID column Q: got visible, want hidden")
	}
	if got := mustValue(t, f, sheet, "A3"); got != "3.1" {
		t.Errorf("编号 A3: got %q, want the task ID 3.1", got)
	}
	// the printed columns fit A4 landscape at the fixed scale, whose text
	// is 9 pt or more
	var widths []float64
	for c := 1; c <= printCols; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		cw, err := f.GetColWidth(sheet, name)
		if err != nil {
			t.Fatal(err)
		}
		widths = append(widths, cw)
	}
	if got := printedWidth(widths) * deptScale / 100; got > a4Landscape {
		t.Errorf("printed columns A:K take %.0f pt at %d%%, more than A4 landscape's %.0f", got, deptScale, a4Landscape)
	}
	if got := w.FontSize * deptScale / 100; got < 9 {
		t.Errorf("task sheets print at %v pt, want 9 or more", got)
	}
	names := map[string]bool{}
	for _, d := range f.GetDefinedName() {
		names[d.Scope+" "+d.Name+" "+d.RefersTo] = true
	}
	tasks := map[string]int{w.Dept.Sheets.Lead: 1, w.Dept.Sheets.All: 1} // deptPath's tasks per sheet
	for _, name := range f.GetSheetList() {
		q := quoteSheet(name)
		n, isTask := tasks[name]
		head, top := 1, "A2"
		if isTask {
			head, top = 2, "C3"
		}
		if want := fmt.Sprintf("%s _xlnm.Print_Titles %s!$1:$%d", name, q, head); !names[want] {
			t.Errorf("%s: no print titles over rows 1..%d in %v", name, head, names)
		}
		panes, err := f.GetPanes(name)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != head || panes.TopLeftCell != top || isTask && panes.XSplit != 2 {
			t.Errorf("%s: got panes %+v, want frozen at %s", name, panes, top)
		}
		pl, err := f.GetPageLayout(name)
		if err != nil {
			t.Fatal(err)
		}
		props, err := f.GetSheetProps(name)
		if err != nil {
			t.Fatal(err)
		}
		if deref(pl.Size) != paperA4 || deref(pl.Orientation) != "landscape" {
			t.Errorf("%s: got page size %d %s, want A4 landscape", name, deref(pl.Size), deref(pl.Orientation))
		}
		if isTask {
			if deref(props.FitToPage) || deref(pl.AdjustTo) != deptScale {
				t.Errorf("%s: got fitToPage %v scale %d, want a fixed %d%%", name, deref(props.FitToPage), deref(pl.AdjustTo), deptScale)
			}
			if want := fmt.Sprintf("%s _xlnm.Print_Area %s!$A$1:$K$%d", name, q, n+2); !names[want] {
				t.Errorf("%s: no print area A1:K%d in %v", name, n+2, names)
			}
			if want := fmt.Sprintf("%s _xlnm._FilterDatabase %s!$A$2:$P$%d", name, q, n+2); !names[want] {
				t.Errorf("%s: no autofilter over A2:P%d in %v", name, n+2, names)
			}
		} else if !deref(props.FitToPage) || deref(pl.FitToWidth) != 1 || deref(pl.FitToHeight) != 0 {
			t.Errorf("%s: got fitToPage %v fit %d×%d, want fit to width", name, deref(props.FitToPage), deref(pl.FitToWidth), deref(pl.FitToHeight))
		}
		hf, err := f.GetHeaderFooter(name)
		if err != nil {
			t.Fatal(err)
		}
		if hf == nil || !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") {
			t.Errorf("%s: got footer %+v, want page numbers", name, hf)
		}
	}
}

func TestTextMeasure(t *testing.T) {
	tests := []struct {
		s     string
		width float64
		lines int // in a column 10 units wide
	}{
		{"", 0, 1},
		{"abc", 3, 1},
		{"省发展改革委", 12, 2},
		{"“三高四新”", 12, 2},
		{"①②", 4, 1},
		{"😀", 2, 1},
		{"ab\n省财政厅省财政厅", 16, 3},
		{"0123456789", 10, 1},
		{"01234567890", 11, 2},
		{"a\n\nb", 1, 3},
	}
	for _, tt := range tests {
		if got := textWidth(tt.s); got != tt.width {
			t.Errorf("textWidth(%q): got %v, want %v", tt.s, got, tt.width)
		}
		if got := wrappedLines(tt.s, 10); got != tt.lines {
			t.Errorf("wrappedLines(%q, 10): got %d, want %d", tt.s, got, tt.lines)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"省财政厅", "省财政厅"},
		{"a\tb\nc", "a\tb\nc"},
		{"a\rb", "ab"},
		{"a\x00b\x1fc\x7fd\u0085e", "abcde"},
		{"\ufffe\uffffx", "x"},
		{"bad\xffutf8\xc3", "badutf8"},
		{"keep \ufffd", "keep \ufffd"},
		{"😀", "😀"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFill(t *testing.T) {
	tests := []struct {
		s     string
		pairs []string
		want  string
	}{
		{"第{line}行", []string{"{line}", "12"}, "第12行"},
		{"{dept}：{dept}", []string{"{dept}", "省财政厅"}, "省财政厅：省财政厅"},
		{"{a}{b}", []string{"{a}", "{b}", "{b}", "x"}, "{b}x"},
		{"{unknown} {", []string{"{a}", "1"}, "{unknown} {"},
		{"no placeholder", nil, "no placeholder"},
	}
	for _, tt := range tests {
		if got := fill(tt.s, tt.pairs...); got != tt.want {
			t.Errorf("fill(%q, %q): got %q, want %q", tt.s, tt.pairs, got, tt.want)
		}
	}
}

// TestHostileDocument renders a model no parser should produce: unknown
// sections, a repeated dept, empty and repeated IDs, NaN and infinite
// target values, negative lines, a task naming a dept not in doc.Depts.
func TestHostileDocument(t *testing.T) {
	doc := &extract.Document{
		Title: "\x00=SUM(1)&&标题" + strings.Repeat("题", 300),
		Items: []extract.Item{
			{Number: 1, Section: "九十九", Tasks: []extract.Task{
				{ID: "", Text: "\x1b[31m红", Lead: []string{"甲"}, Co: []string{"甲", "不在名录"}, Line: -3},
				{ID: "", Text: "", Respective: []string{"甲"}},
			}},
			{Number: 1, Tasks: nil},
			{Number: -7, Tasks: []extract.Task{{ID: "x", Text: "@x", All: true, Groups: []string{"=有关部门"}}}},
		},
		Targets: []extract.Target{
			{Item: 1, Value: math.NaN(), Op: "??"},
			{Item: 1, Value: math.Inf(1), Text: "+inf"},
			{Item: -7, Value: -0.000001},
		},
		Lists:    []extract.NamedList{{Item: 1, Declared: -1, Members: []string{"", "\x00"}}},
		Depts:    []extract.Dept{{Name: "甲", Lead: 1}, {Name: "甲"}, {Name: ""}},
		Warnings: []extract.Warning{{Line: 0, Item: -1, Message: "\x01"}},
	}
	opt := testOptions()
	books := map[string][]byte{}
	for _, d := range doc.Depts {
		data, err := Dept(doc, d.Name, opt)
		if err != nil {
			t.Fatalf("Dept(%q): %v", d.Name, err)
		}
		books["dept "+d.Name] = data
	}
	data, err := Master(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	books["master"] = data
	for name, data := range books {
		f := open(t, data)
		for _, sheet := range f.GetSheetList() {
			if _, err := f.GetRows(sheet); err != nil {
				t.Errorf("%s %s: %v", name, sheet, err)
			}
		}
	}
	ret, err := ReadReturns(books["dept 甲"], opt)
	if err != nil {
		t.Fatal(err)
	}
	got := ret.Rows
	// tasks with an empty ID cannot be matched back: only "x" returns
	if len(got) != 1 || got[0].TaskID != "x" {
		t.Errorf("ReadReturns: got %+v, want the task with ID x alone", got)
	}
}

// TestHeaderLimit checks that long values are cut until the page header
// fits Excel's 255 characters, which SetHeaderFooter enforces.
func TestHeaderLimit(t *testing.T) {
	w := testWording(t)
	w.Dept.PageHeader = "&L{title}&C{title}&R{dept}　{sheet}"
	b := &book{w: w, opt: testOptions(), title: strings.Repeat("&😀", 100), party: deptAmps}
	got := b.headerText("牵头任务")
	if n := len(utf16.Encode([]rune(got))); n > excelize.MaxFieldLength {
		t.Errorf("header has %d UTF-16 units, want at most %d: %q", n, excelize.MaxFieldLength, got)
	}
	if want := "&R" + strings.Repeat("&&", maxHFValue/4) + "　牵头任务"; !strings.HasSuffix(got, want) {
		t.Errorf("got header %q, want it to end in %q", got, want)
	}
}

// TestReturnInstructions checks that 说明, the first sheet, says when, to
// whom and under what file name the workbook goes back.
func TestReturnInstructions(t *testing.T) {
	w := testWording(t)
	for _, tt := range []struct {
		name     string
		opts     []Option
		due, to  string
		lastLine string
	}{
		{"defaults", nil, "按通知要求", "文件印发单位",
			"请按通知要求的时间将填好的本表报送文件印发单位，保留本文件格式（.xlsx）和文件名“省发展改革委.xlsx”。"},
		{"configured", []Option{WithReturn(ReturnInfo{Due: "2022年3月15日", To: "省政府督查室"})}, "2022年3月15日", "省政府督查室",
			"请于2022年3月15日前将填好的本表报送省政府督查室，保留本文件格式（.xlsx）和文件名“省发展改革委.xlsx”。"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Dept(fixture(), "省发展改革委", testOptions(), tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			f := open(t, data)
			about := w.Dept.Sheets.About
			if got := f.GetSheetList()[0]; got != about {
				t.Errorf("got first sheet %q, want %q", got, about)
			}
			for _, c := range []struct{ ref, want string }{
				{"A5", w.Dept.About.Due}, {"B5", tt.due},
				{"A6", w.Dept.About.To}, {"B6", tt.to},
				{"A7", w.Dept.About.File}, {"B7", "省发展改革委.xlsx"},
			} {
				if got := mustValue(t, f, about, c.ref); got != c.want {
					t.Errorf("说明!%s: got %q, want %q", c.ref, got, c.want)
				}
			}
			rows, err := f.GetRows(about)
			if err != nil {
				t.Fatal(err)
			}
			last := rows[len(rows)-1]
			if got := last[len(last)-1]; got != tt.lastLine {
				t.Errorf("last instruction: got %q, want %q", got, tt.lastLine)
			}
		})
	}
}
