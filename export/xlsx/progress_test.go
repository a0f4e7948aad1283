package xlsx

import (
	"slices"
	"testing"
	"time"

	"fengong/export"
	"fengong/progress"
)

// progressOptions are the test options with a snapshot of the fixture in
// 2022-03: 1.1's lead 省发展改革委 says 滞后 (red), 1.2's lead 省财政厅 says
// 已完成 with a formula-like text, 省教育厅 did not return.
func progressOptions(t *testing.T) (progressFixture, *progress.Rules) {
	t.Helper()
	rules, err := progress.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := rules.Period("2022-03")
	if err != nil {
		t.Fatal(err)
	}
	received := time.Date(2022, 4, 3, 10, 20, 0, 0, time.UTC)
	doc := fixture()
	snap := progress.Evaluate(doc, rules, progress.Input{
		Period: p,
		Reports: []progress.Report{
			{TaskID: "1.1", Dept: "省发展改革委", State: "滞后", Progress: "项目前期工作推进中", Problems: "用地指标不足", NextSteps: "加快报批", Owner: "张三", Period: "2022-03"},
			{TaskID: "1.1", Dept: "省财政厅", State: "正在推进", Progress: "资金已下达", Period: "2022-03"},
			{TaskID: "1.2", Dept: "省财政厅", State: "已完成", Progress: "=HYPERLINK(\"x\")", Period: "2022-03"},
		},
		Returns: []progress.Return{
			{Dept: "省发展改革委", Period: "2022-03", Name: "发改委.xlsx", Received: received, Rows: 2},
			{Dept: "省财政厅", Period: "2022-03", Name: "财政厅-3月.xlsx", Received: received, Rows: 3},
		},
	})
	opt := testOptions()
	opt.Progress = snap
	return progressFixture{opt: opt, snap: snap}, rules
}

type progressFixture struct {
	opt  export.Options
	snap *progress.Snapshot
}

func TestMasterProgress(t *testing.T) {
	fx, rules := progressOptions(t)
	w := testWording(t)
	data, err := Master(fixture(), fx.opt)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	sh, ps := w.Master.Sheets, w.Progress.Sheets
	want := []string{sh.Tasks, ps.Ledger, ps.Returns, sh.Matrix, sh.Depts, sh.Targets, sh.Lists, sh.Warnings}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}

	// 进展台账: the period line, the headings, a row per unit report
	rows, err := f.GetRows(ps.Ledger)
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "报送期：2022-03（2022年3月1日至2022年3月31日，2022年4月5日前报送）" {
		t.Errorf("period line %q", rows[0][0])
	}
	if ht, err := f.GetRowHeight(ps.Ledger, 1); err != nil || ht > 25 {
		t.Errorf("the period line's row is %v points high (%v), want one line", ht, err)
	}
	h := w.Progress.Ledger
	if !slices.Equal(rows[1][:8], []string{h.Seq, h.ID, h.Text, h.Lead, h.Deadline, h.Status, h.Reason, h.Dept}) {
		t.Errorf("headings %q", rows[1])
	}
	type line struct{ id, status, dept, state string }
	var got []line
	for _, r := range rows[2:] {
		for len(r) < 13 {
			r = append(r, "")
		}
		got = append(got, line{r[1], r[5], r[7], r[8]})
	}
	wantLines := []line{{"1.1", "滞后", "省发展改革委", "滞后"}, {"1.1", "滞后", "省财政厅", "正在推进"}, {"1.2", "已完成", "省财政厅", "已完成"}}
	if len(got) < len(fx.snap.Tasks)+1 || !slices.Equal(got[:3], wantLines) {
		t.Errorf("ledger rows %v, want first %v and a row for every task", got, wantLines)
	}
	// the status cell is filled with the status's colour
	for _, c := range []struct {
		ref    string
		status progress.Status
	}{{"F3", progress.Red}, {"F5", progress.Done}} {
		id, err := f.GetCellStyle(ps.Ledger, c.ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) != 1 || st.Fill.Color[0] != rules.Fill(c.status) {
			t.Errorf("%s fill %v, want %s for %s", c.ref, st.Fill.Color, rules.Fill(c.status), c.status)
		}
	}
	// a unit's words are never a formula
	if fm, _ := f.GetCellFormula(ps.Ledger, "J5"); fm != "" {
		t.Errorf("J5 became a formula %q", fm)
	}
	if v, _ := f.GetCellValue(ps.Ledger, "J5"); v != "=HYPERLINK(\"x\")" {
		t.Errorf("J5 = %q, want the unit's text as written", v)
	}

	// 报送情况: who reported, when, which file; who did not
	rows, err = f.GetRows(ps.Returns)
	if err != nil {
		t.Fatal(err)
	}
	byDept := map[string][]string{}
	for _, r := range rows[2:] {
		for len(r) < 10 {
			r = append(r, "")
		}
		byDept[r[1]] = r
	}
	if r := byDept["省财政厅"]; r[2] != "已报送" || r[3] != "2022-04-03 10:20" || r[4] != "财政厅-3月.xlsx" || r[5] != "3" {
		t.Errorf("省财政厅 row %q", r)
	}
	if r := byDept["省教育厅"]; r[2] != "未报送" || r[3] != "" || r[4] != "" {
		t.Errorf("省教育厅 row %q", r)
	}
	if len(byDept) != len(fixture().Depts) {
		t.Errorf("%d depts in 报送情况, want %d", len(byDept), len(fixture().Depts))
	}

	// 单位汇总: status counts after the role counts
	rows, err = f.GetRows(sh.Depts)
	if err != nil {
		t.Fatal(err)
	}
	hd := rows[0]
	if n := len(hd); n < 4 || !slices.Equal(hd[n-4:], []string{"滞后", "预警", "正常", "已完成"}) {
		t.Errorf("单位汇总 headings %q", hd)
	}
	for _, r := range rows[1:] {
		if r[1] == "省发展改革委" && r[len(r)-4] != "1" {
			t.Errorf("省发展改革委 red count %q, want 1 (task 1.1)", r[len(r)-4])
		}
	}
}

// Without a snapshot the master is what it was: no 督办 sheet, no count.
func TestMasterWithoutProgress(t *testing.T) {
	w := testWording(t)
	data, err := Master(fixture(), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	for _, s := range f.GetSheetList() {
		if s == w.Progress.Sheets.Ledger || s == w.Progress.Sheets.Returns {
			t.Errorf("sheet %s without a ledger", s)
		}
	}
	rows, _ := f.GetRows(w.Master.Sheets.Depts)
	if slices.Contains(rows[0], "滞后") {
		t.Errorf("单位汇总 has status counts without a ledger: %q", rows[0])
	}
}

// A dept's workbook carries its last reported words in the input cells.
func TestDeptPrefilled(t *testing.T) {
	fx, _ := progressOptions(t)
	w := testWording(t)
	data, err := Dept(fixture(), "省发展改革委", fx.opt)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	var found bool
	for _, r := range taskRows(t, f, w) {
		if r.cells[colID-1] != "1.1" {
			if r.cells[colProgress-1] != "" {
				t.Errorf("task %s pre-filled with %q, but the dept reported nothing on it", r.cells[colID-1], r.cells[colProgress-1])
			}
			continue
		}
		found = true
		got := []string{r.cells[colOwner-1], r.cells[colProgress-1], r.cells[colProblems-1], r.cells[colNextSteps-1], r.cells[colStatus-1]}
		if !slices.Equal(got, []string{"张三", "项目前期工作推进中", "用地指标不足", "加快报批", "滞后"}) {
			t.Errorf("task 1.1 inputs %q", got)
		}
		if locked(t, f, r.sheet, cell(colProgress, r.row)) {
			t.Error("a pre-filled 进展情况 cell is locked")
		}
	}
	if !found {
		t.Fatal("task 1.1 not in the workbook")
	}
	// 省财政厅's words on 1.1 are not 省发展改革委's
	data, err = Dept(fixture(), "省教育厅", fx.opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range taskRows(t, open(t, data), w) {
		if r.cells[colProgress-1] != "" {
			t.Errorf("省教育厅 task %s pre-filled with %q", r.cells[colID-1], r.cells[colProgress-1])
		}
	}
}
