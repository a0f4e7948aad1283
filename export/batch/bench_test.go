package batch

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fengong/extract"
	"fengong/extract/synth"
	"fengong/progress"
)

func benchRun(b *testing.B, input []byte, incremental bool, edit func([]byte) []byte) {
	b.Helper()
	dir := b.TempDir()
	out := filepath.Join(dir, "pack")
	opt := testOptions(out)
	opt.Seed = input
	if _, err := Execute(context.Background(), opt); err != nil {
		b.Fatal(err)
	}
	if edit != nil {
		opt.Seed = edit(input)
	}
	opt.Incremental = incremental
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Execute(context.Background(), opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunSeed is the full run on the seed: every workbook, PDF and
// chart page, published.
func BenchmarkRunSeed(b *testing.B) { benchRun(b, testOptions("").Seed, false, nil) }

// BenchmarkRunSynth20 is the full run on a synthetic input 20 times the
// seed, with more depts.
func BenchmarkRunSynth20(b *testing.B) { benchRun(b, synth.Document(20), false, nil) }

// BenchmarkIncrementalOneDept reruns with --incremental after one dept's
// task changed (two characters gone, none new): each iteration publishes
// the other of two versions of the task, so every run has one edit to
// publish (a run that found nothing changed would measure the wrong
// thing).
func BenchmarkIncrementalOneDept(b *testing.B) {
	seed := testOptions("").Seed
	edited := []byte(strings.Replace(string(seed), "加强县域商业体系建设。", "加强商业体系建设。", 1))
	if string(edited) == string(seed) {
		b.Fatal("the edit no longer applies to the seed")
	}
	out := filepath.Join(b.TempDir(), "pack")
	opt := testOptions(out)
	opt.Seed = seed
	// a build that knows itself, as the command's does: the master's
	// unchanged sheets are taken from the previous pack (parts.go)
	opt.Build = "bench"
	if _, err := Execute(context.Background(), opt); err != nil {
		b.Fatal(err)
	}
	opt.Incremental = true
	versions := [2][]byte{edited, seed}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		opt.Seed = versions[i%2]
		i++
		if _, err := Execute(context.Background(), opt); err != nil {
			b.Fatal(err)
		}
	}
}

// ledgerOf12 is a fake ledger of 12 monthly periods of the seed: every
// lead reported on every task in each month (the ledger hands over the
// latest per task and unit), two depts in three never return, and the
// summaries of the 11 months before.
func ledgerOf12(b *testing.B) *fakeLedger {
	b.Helper()
	doc, err := extract.ParseFile("../../seeds/hunan-2022.txt", mustDirectory(b))
	if err != nil {
		b.Fatal(err)
	}
	l := &fakeLedger{}
	states := []string{"已完成", "正在推进", "滞后", "完成30%", "完成80%"}
	n := 0
	for m := 1; m <= 12; m++ {
		period := fmt.Sprintf("2022-%02d", m)
		for _, it := range doc.Items {
			for _, t := range it.Tasks {
				for _, d := range t.Lead {
					l.reports = append(l.reports, progress.Report{TaskID: t.ID, Dept: d, State: states[n%len(states)], Period: period,
						Progress: "已召开专题会议部署，完成年度方案" + period, Problems: "资金缺口较大", NextSteps: "加强调度"})
					n++
				}
			}
		}
	}
	for i, d := range doc.Depts {
		if i%3 != 2 {
			l.returns = append(l.returns, progress.Return{Dept: d.Name, Period: "2022-12", Name: d.Name + ".xlsx", Rows: 5})
		}
	}
	for m := 1; m < 12; m++ {
		l.history = append(l.history, progress.Summary{Period: fmt.Sprintf("2022-%02d", m), Counts: map[progress.Status]int{progress.Green: 100}})
	}
	return l
}

// BenchmarkRunSeedLedger12 is the full run on the seed with a ledger of 12
// periods, showing the last.
func BenchmarkRunSeedLedger12(b *testing.B) {
	l := ledgerOf12(b)
	out := filepath.Join(b.TempDir(), "pack")
	opt := withLedger(testOptions(out), l)
	opt.Flags.Date = "2023-01-06"
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Execute(context.Background(), opt); err != nil {
			b.Fatal(err)
		}
	}
}

func mustDirectory(b *testing.B) *extract.Directory {
	d, err := extract.LoadDirectory(nil)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkDeptViews: the sums of every dept's view of the seed's model,
// as the first run's keys make them (each item, task, target and list
// encoded once).
func BenchmarkDeptViews(b *testing.B) {
	doc, err := extract.ParseFile("../../seeds/hunan-2022.txt", mustDirectory(b))
	if err != nil {
		b.Fatal(err)
	}
	x := doc.Index()
	b.ReportAllocs()
	for b.Loop() {
		k := &keys{index: x, views: make(map[string]*view, len(doc.Depts))}
		for _, d := range doc.Depts {
			k.views[d.Name] = &view{}
		}
		for _, d := range doc.Depts {
			k.viewSum(d.Name)
		}
	}
}
