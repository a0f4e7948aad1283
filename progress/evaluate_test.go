package progress

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fengong/extract"
	"fengong/templates"
)

// testDoc is a small document of 2022: task 1.1 due 6月底前 led by 市发改委
// with 市财政局; 2.1 ongoing; 3.1 without a date, two leads.
func testDoc(t *testing.T) *extract.Document {
	t.Helper()
	src := "关于印发2022年重点工作分工方案的通知\n" +
		"1、6月底前完成园区改革。（市发改委牵头，市财政局配合）\n" +
		"2、优化营商环境。（市发改委、市财政局按职责分工负责，持续推进）\n" +
		"3、加强县域商业体系建设。（市商务局、市财政局牵头）\n"
	txt, err := extract.Read("test.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, err := extract.Parse(txt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Year != 2022 || d.Task("1.1") == nil || d.Task("1.1").Due != "2022-06-30" || !d.Task("2.1").Ongoing || d.Task("3.1") == nil {
		t.Fatalf("test document not read as expected: year %d, tasks %+v", d.Year, d.Items)
	}
	return d
}

func rules(t *testing.T) *Rules {
	t.Helper()
	r, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func period(t *testing.T, r *Rules, key string) Period {
	t.Helper()
	p, err := r.Period(key)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvaluateRules(t *testing.T) {
	doc, r := testDoc(t), rules(t)
	all := []Return{{Dept: "市发改委", Period: "2022-03"}, {Dept: "市财政局", Period: "2022-03"}, {Dept: "市商务局", Period: "2022-03"}}
	rep := func(task, dept, state, progress string) Report {
		return Report{TaskID: task, Dept: dept, State: state, Progress: progress, Period: "2022-03"}
	}
	tests := []struct {
		name    string
		period  string
		task    string
		reports []Report
		returns []Return
		status  Status
		reason  string
	}{
		{"lead says done", "2022-03", "1.1", []Report{rep("1.1", "市发改委", "已完成", "")}, all, Done, "市发改委报告已完成"},
		{"co saying done does not decide", "2022-03", "1.1", []Report{rep("1.1", "市财政局", "已完成", "")}, all, Green, "按计划推进"},
		{"done beats a passed deadline", "2022-07", "1.1", []Report{rep("1.1", "市发改委", "完成", "")}, nil, Done, "市发改委报告已完成"},
		{"two leads: one done is not done", "2022-03", "3.1", []Report{rep("3.1", "市商务局", "已完成", "")}, all, Green, "按计划推进"},
		{"two leads: both done", "2022-03", "3.1", []Report{rep("3.1", "市商务局", "已完成", ""), rep("3.1", "市财政局", "已完成", "")}, all, Done, "市商务局、市财政局报告已完成"},
		{"no lead: every unit decides", "2022-03", "2.1", []Report{rep("2.1", "市发改委", "已完成", ""), rep("2.1", "市财政局", "已完成", "")}, all, Done, "市发改委、市财政局报告已完成"},
		{"any unit saying 滞后 is red", "2022-03", "1.1", []Report{rep("1.1", "市财政局", "滞后", "")}, all, Red, "市财政局报告进度滞后"},
		{"deadline passed and not done", "2022-07", "1.1", []Report{rep("1.1", "市发改委", "未完成", "")}, all, Red, "已过完成时限（2022年6月30日）仍未完成"},
		{"未完成 before the deadline is not red", "2022-03", "1.1", []Report{rep("1.1", "市发改委", "未完成", "")}, all, Green, "按计划推进"},
		{"deadline's own month is not passed", "2022-06", "1.1", []Report{rep("1.1", "市发改委", "完成90%", "")}, []Return{{Dept: "市发改委", Period: "2022-06"}}, Green, "按计划推进"},
		{"behind 序时进度", "2022-03", "1.1", []Report{rep("1.1", "市发改委", "", "已完成方案起草，完成20%")}, all, Yellow, "市发改委报告完成20%，低于序时进度50%超过10个百分点"},
		{"within the threshold", "2022-03", "1.1", []Report{rep("1.1", "市发改委", "完成45%", "")}, all, Green, "按计划推进"},
		{"no date: measured to the year's end", "2022-06", "3.1", []Report{rep("3.1", "市商务局", "进度30%", "")}, []Return{{Dept: "市商务局", Period: "2022-06"}, {Dept: "市财政局", Period: "2022-06"}}, Yellow, "市商务局报告完成30%，低于序时进度50%超过10个百分点"},
		{"ongoing: no 序时进度", "2022-06", "2.1", []Report{rep("2.1", "市发改委", "完成10%", "")}, []Return{{Dept: "市发改委", Period: "2022-06"}, {Dept: "市财政局", Period: "2022-06"}}, Green, "按计划推进"},
		{"lead not reported", "2022-03", "1.1", nil, []Return{{Dept: "市财政局", Period: "2022-03"}}, Yellow, "市发改委未在2022年4月5日前报送"},
		{"lead reported late", "2022-03", "1.1", nil, []Return{{Dept: "市发改委", Period: "2022-03", Received: time.Date(2022, 4, 6, 9, 0, 0, 0, time.UTC)}}, Yellow, "市发改委未在2022年4月5日前报送"},
		{"lead reported on the due day", "2022-03", "1.1", nil, []Return{{Dept: "市发改委", Period: "2022-03", Received: time.Date(2022, 4, 5, 18, 0, 0, 0, time.UTC)}}, Green, "按计划推进"},
		{"a co unit not reported does not warn", "2022-03", "1.1", nil, []Return{{Dept: "市发改委", Period: "2022-03"}}, Green, "按计划推进"},
		{"a later period's report is not known", "2022-03", "1.1", []Report{{TaskID: "1.1", Dept: "市发改委", State: "已完成", Period: "2022-04"}}, all, Green, "按计划推进"},
		{"a unit not of the task is ignored", "2022-03", "1.1", []Report{rep("1.1", "市商务局", "滞后", "")}, all, Green, "按计划推进"},
		{"unit's own deadline where the document set none", "2022-09", "3.1", []Report{{TaskID: "3.1", Dept: "市商务局", State: "未完成", Deadline: "8月底前", Period: "2022-09"}}, nil, Red, "已过完成时限（2022年8月31日）仍未完成"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Evaluate(doc, r, Input{Period: period(t, r, tt.period), Reports: tt.reports, Returns: tt.returns})
			got := s.Task(tt.task)
			if got == nil {
				t.Fatalf("no state for task %s", tt.task)
			}
			if got.Status != tt.status || got.Reason != tt.reason {
				t.Errorf("task %s = %s %q, want %s %q", tt.task, got.Status, got.Reason, tt.status, tt.reason)
			}
		})
	}
}

func TestEvaluateSnapshot(t *testing.T) {
	doc, r := testDoc(t), rules(t)
	in := Input{
		Period: period(t, r, "2022-03"),
		Reports: []Report{
			{TaskID: "1.1", Dept: "市财政局", State: "正在推进", Period: "2022-03"},
			{TaskID: "1.1", Dept: "市发改委", State: "已完成", Period: "2022-02"},
			{TaskID: "1.1", Dept: "市发改委", State: "正在推进", Period: "2022-03"},
		},
		Returns: []Return{{Dept: "市发改委", Period: "2022-03", Name: "市发改委.xlsx"}, {Dept: "市商务局", Period: "2022-02"}},
		History: []Summary{{Period: "2022-01"}, {Period: "2022-02"}},
	}
	s := Evaluate(doc, r, in)
	if len(s.Tasks) != 3 || s.Tasks[0].TaskID != "1.1" {
		t.Fatalf("tasks = %+v", s.Tasks)
	}
	// the latest report per unit, in the task's dept order (lead first)
	reps := s.Tasks[0].Reports
	if len(reps) != 2 || reps[0].Dept != "市发改委" || reps[0].State != "正在推进" || reps[1].Dept != "市财政局" {
		t.Errorf("task 1.1 reports = %+v", reps)
	}
	if s.Tasks[0].Due != "2022-06-30" || !s.Tasks[1].Ongoing {
		t.Errorf("due and ongoing not carried: %+v", s.Tasks)
	}
	want := map[Status]int{Green: 1, Yellow: 2} // 2.1 and 3.1: 市财政局, 市商务局 not reported
	for _, st := range Order {
		if s.Counts[st] != want[st] {
			t.Errorf("Counts[%s] = %d, want %d", st, s.Counts[st], want[st])
		}
	}
	var names []string
	for _, d := range s.Depts {
		names = append(names, d.Dept)
		if (d.Dept == "市发改委") != d.Reported {
			t.Errorf("%s reported = %v", d.Dept, d.Reported)
		}
	}
	if strings.Join(names, ",") != "市发改委,市财政局,市商务局" {
		t.Errorf("depts = %v, want the document's order", names)
	}
	if fin := s.Depts[1].Counts; fin[Yellow]+fin[Green] != 3 {
		t.Errorf("市财政局 counts %v, want all three tasks", fin)
	}
	if s.Previous == nil || s.Previous.Period != "2022-02" || len(s.Trend) != 3 || s.Trend[2].Period != "2022-03" || s.Trend[2].Reported != 1 || s.Trend[2].NotReported != 2 {
		t.Errorf("previous %+v, trend %+v", s.Previous, s.Trend)
	}
}

func TestPeriod(t *testing.T) {
	r := rules(t)
	p := period(t, r, "2022-03")
	if p.Start != time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC) || p.End != time.Date(2022, 3, 31, 0, 0, 0, 0, time.UTC) || p.Due != time.Date(2022, 4, 5, 0, 0, 0, 0, time.UTC) {
		t.Errorf("month period = %+v", p)
	}
	q := *r
	q.PeriodKind = "quarter"
	p, err := q.Period("2022-12")
	if err != nil || p.Start != time.Date(2022, 10, 1, 0, 0, 0, 0, time.UTC) || p.Due != time.Date(2023, 1, 5, 0, 0, 0, 0, time.UTC) {
		t.Errorf("quarter period = %+v, %v", p, err)
	}
	for _, key := range []string{"2022-3", "2022/03", "march"} {
		if _, err := r.Period(key); err == nil {
			t.Errorf("Period(%q): no error", key)
		}
	}
	if _, err := q.Period("2022-02"); err == nil {
		t.Error("a quarter keyed by 02: no error")
	}
}

func TestLoadRulesOverride(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(dir, StatusFile), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("behind_points: 30\nlabels:\n  red: 红灯\n")
	ts, err := templates.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := LoadRules(ts)
	if err != nil {
		t.Fatal(err)
	}
	if r.BehindPoints != 30 || r.Label(Red) != "红灯" || r.Label(Yellow) != "预警" || r.Fill(Red) != "FFC7CE" {
		t.Errorf("override not merged key by key: %+v", r)
	}
	doc := testDoc(t)
	s := Evaluate(doc, r, Input{Period: period(t, r, "2022-03"), Reports: []Report{{TaskID: "1.1", Dept: "市发改委", State: "完成20%", Period: "2022-03"}},
		Returns: []Return{{Dept: "市发改委", Period: "2022-03"}}})
	if got := s.Task("1.1"); got.Status != Green {
		t.Errorf("with 30 points, 20%% of 50%% is %s, want green", got.Status)
	}
	for _, bad := range []string{"period: week\n", "due_day: 0\n", "fills:\n  red: red\n", "behind_points: 120\n"} {
		write(bad)
		ts, _ := templates.New(dir)
		if _, err := LoadRules(ts); err == nil || !strings.Contains(err.Error(), StatusFile) {
			t.Errorf("%q: error %v, want one naming %s", bad, err, StatusFile)
		}
	}
}

// TestEvaluateBlankRows: a returned workbook holds a row for each of the
// unit's tasks; a row it left empty is no report. It does not show as the
// unit's words, and on a task of every dept (whose deciding units are
// those that reported on it) a unit that wrote nothing does not decide:
// before, a unit that returned blank rows in March and did not return in
// June turned every such task 预警 in June.
func TestEvaluateBlankRows(t *testing.T) {
	r := rules(t)
	src := "关于印发2022年重点工作分工方案的通知\n" +
		"1、坚持稳中求进。（各部门单位分别负责）\n" +
		"2、加强县域商业体系建设。（市商务局牵头，市财政局配合）\n"
	txt, err := extract.Read("all.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Parse(txt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Task("1.1") == nil || !doc.Task("1.1").All {
		t.Fatalf("1.1 is not a task of every dept: %+v", doc.Items)
	}
	blank := func(task, dept string) Report {
		return Report{TaskID: task, Dept: dept, Period: "2022-03", Contact: " "}
	}
	tests := []struct {
		name    string
		reports []Report
		status  Status
		depts   []string // the units whose words the task shows
	}{
		{"blank rows of a unit not returned in June", []Report{blank("1.1", "市财政局"), blank("1.1", "市商务局")}, Green, nil},
		{"a unit that wrote decides", []Report{blank("1.1", "市财政局"), {TaskID: "1.1", Dept: "市商务局", Progress: "已部署", Period: "2022-03"}}, Yellow, []string{"市商务局"}},
		{"a blank co row is not shown", []Report{blank("2.1", "市财政局"), {TaskID: "2.1", Dept: "市商务局", State: "推进中", Period: "2022-06"}}, Yellow, []string{"市商务局"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// June: only 市财政局 returned
			s := Evaluate(doc, r, Input{Period: period(t, r, "2022-06"), Reports: tt.reports,
				Returns: []Return{{Dept: "市财政局", Period: "2022-06"}}})
			ts := s.Task(tt.reports[len(tt.reports)-1].TaskID)
			var depts []string
			for _, rep := range ts.Reports {
				depts = append(depts, rep.Dept)
			}
			if ts.Status != tt.status || strings.Join(depts, ",") != strings.Join(tt.depts, ",") {
				t.Errorf("task %s = %s %q with the words of %v, want %s with %v", ts.TaskID, ts.Status, ts.Reason, depts, tt.status, tt.depts)
			}
		})
	}
}
