package progress

import (
	"fmt"
	"testing"

	"fengong/extract"
)

// BenchmarkEvaluateSeed evaluates the seed's 200-odd tasks with a report
// from every lead in each of 12 months (the latest counts).
func BenchmarkEvaluateSeed(b *testing.B) {
	dir, err := extract.LoadDirectory(nil)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := extract.ParseFile("../seeds/hunan-2022.txt", dir)
	if err != nil {
		b.Fatal(err)
	}
	rules, err := LoadRules(nil)
	if err != nil {
		b.Fatal(err)
	}
	p, err := rules.Period("2022-12")
	if err != nil {
		b.Fatal(err)
	}
	in := Input{Period: p}
	for m := 1; m <= 12; m++ {
		for _, it := range doc.Items {
			for _, t := range it.Tasks {
				for _, d := range t.Lead {
					in.Reports = append(in.Reports, Report{TaskID: t.ID, Dept: d, State: "完成60%", Period: fmt.Sprintf("2022-%02d", m)})
				}
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(doc, rules, in)
	}
}
