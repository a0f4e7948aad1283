package batch

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fengong/extract"
	"fengong/progress"
)

// fakeLedger is a ProgressSource holding reports in memory, until the
// ledger package is wired in.
type fakeLedger struct {
	reports []progress.Report
	returns []progress.Return
	history []progress.Summary
	asked   *progress.Period
	closed  bool
}

func (f *fakeLedger) Input(doc *extract.Document, p progress.Period) (progress.Input, error) {
	f.asked = &p
	// the latest report per (task, dept) up to the period, as the ledger
	// hands them over
	latest := map[[2]string]int{}
	var reps []progress.Report
	for _, r := range f.reports {
		if r.Period > p.Key {
			continue
		}
		k := [2]string{r.TaskID, r.Dept}
		if i, ok := latest[k]; ok {
			if r.Period >= reps[i].Period {
				reps[i] = r
			}
			continue
		}
		latest[k] = len(reps)
		reps = append(reps, r)
	}
	return progress.Input{Period: p, Reports: reps, Returns: f.returns, History: f.history}, nil
}

func (f *fakeLedger) Close() error { f.closed = true; return nil }

func withLedger(opt Options, l *fakeLedger) Options {
	opt.Flags.Ledger = "ledger.db"
	opt.OpenLedger = func(path string) (ProgressSource, error) {
		if path != "ledger.db" {
			return nil, errors.New("wrong path " + path)
		}
		return l, nil
	}
	return opt
}

// With a ledger the run asks it for the period, evaluates, and leaves
// model.json as it is; a changed report renders again the files of the
// depts of its task (and the whole-document files), and reuses the rest.
func TestProgressStage(t *testing.T) {
	const dept = "省商务厅"
	base := t.TempDir()
	plain := filepath.Join(base, "plain")
	mustRun(t, testOptions(plain))

	first := filepath.Join(base, "ledger")
	doc := loadModel(t, plain)
	a := leadTask(t, doc, dept)
	l := &fakeLedger{
		reports: []progress.Report{{TaskID: a.Task.ID, Dept: dept, State: "正在推进", Period: "2022-02"}},
		returns: []progress.Return{{Dept: dept, Period: "2022-02", Name: "商务厅.xlsx"}},
	}
	mustRun(t, withLedger(testOptions(first), l))
	if l.asked == nil || l.asked.Key != "2022-02" || !l.closed {
		t.Fatalf("ledger asked for %+v (closed %v), want the period before the date, 2022-02, and closed", l.asked, l.closed)
	}
	if !bytes.Equal(tree(t, plain)["model.json"], tree(t, first)["model.json"]) {
		t.Error("model.json differs with a ledger")
	}
	m := readManifest(t, first)
	if m.Inputs.Config.Period != "2022-02" {
		t.Errorf("manifest period %q, want 2022-02", m.Inputs.Config.Period)
	}
	if _, ok := m.Inputs.Hashes["templates/"+progress.StatusFile]; !ok {
		t.Errorf("manifest hashes %v lack status.yaml", m.Inputs.Hashes)
	}

	second := filepath.Join(base, "changed")
	copyTree(t, first, second)
	l2 := &fakeLedger{returns: l.returns, reports: []progress.Report{{TaskID: a.Task.ID, Dept: dept, State: "滞后", Period: "2022-02"}}}
	opt := withLedger(testOptions(second), l2)
	opt.Incremental = true
	mustRun(t, opt)
	touched := map[string]bool{}
	for _, d := range a.Task.Depts() {
		touched[d] = true
	}
	got := origins(t, second)
	stem := "单位/" + dept + "/" + dept
	for _, p := range []string{stem + ".xlsx", stem + ".pdf", "汇总/汇总表.xlsx"} {
		if got[p].Origin != OriginRendered {
			t.Errorf("%s: origin %q after its task's report changed, want rendered", p, got[p].Origin)
		}
	}
	n := 0
	for p, f := range got {
		if f.Dept != "" && !touched[f.Dept] {
			n++
			if f.Origin != OriginReused {
				t.Errorf("%s: rendered again, but the changed report is not %s's", p, f.Dept)
			}
		}
	}
	if n == 0 {
		t.Error("no files of depts outside the task")
	}
}

func TestProgressStageErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	cases := []struct {
		name string
		opt  func() Options
		want string
	}{
		{"no reader", func() Options { o := testOptions(out); o.Flags.Ledger = "ledger.db"; return o }, "cannot read ledgers"},
		{"bad period", func() Options {
			o := withLedger(testOptions(out), &fakeLedger{})
			o.Flags.Period = "2022-3"
			return o
		}, "--period"},
		{"open fails", func() Options {
			o := testOptions(out)
			o.Flags.Ledger = "missing.db"
			o.OpenLedger = func(string) (ProgressSource, error) { return nil, errors.New("no such file") }
			return o
		}, "ledger missing.db: no such file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Execute(t.Context(), c.opt())
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one with %q", err, c.want)
			}
		})
	}
}

func TestLastPeriod(t *testing.T) {
	r, err := progress.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	q := *r
	q.PeriodKind = "quarter"
	for _, c := range []struct {
		rules *progress.Rules
		date  string
		want  string
	}{
		{r, "2022-04-03", "2022-03"}, {r, "2022-01-10", "2021-12"}, {&q, "2022-04-03", "2022-03"},
		{&q, "2022-03-31", "2021-12"}, {&q, "2022-08-01", "2022-06"},
	} {
		d, _ := time.Parse("2006-01-02", c.date)
		if got := lastPeriod(c.rules, d); got != c.want {
			t.Errorf("lastPeriod(%s, %s) = %s, want %s", c.rules.PeriodKind, c.date, got, c.want)
		}
	}
}
