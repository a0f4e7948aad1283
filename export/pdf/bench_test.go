package pdf

import (
	"testing"

	"fengong/export"
)

func BenchmarkNewRenderer(b *testing.B) {
	doc, err := seed()
	if err != nil {
		b.Fatalf("parsing the seed: %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewRenderer(doc, export.Options{Date: testDate}, Fonts{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewRendererCut is NewRenderer with every face's cut kept from
// a run before: the work of an --incremental run whose characters did not
// change.
func BenchmarkNewRendererCut(b *testing.B) {
	doc, cuts, _ := seedCuts(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewRenderer(doc, export.Options{Date: testDate}, Fonts{Cuts: cuts}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeptAll renders the brief of every dept of the seed, one after
// the other; ms/pdf is the time per dept brief.
func BenchmarkDeptAll(b *testing.B) {
	doc, r := seedRenderer(b)
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		size = 0
		for _, d := range doc.Depts {
			pdf, err := r.Dept(d.Name)
			if err != nil {
				b.Fatal(err)
			}
			size += len(pdf)
		}
	}
	n := float64(len(doc.Depts))
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/n, "ms/pdf")
	b.ReportMetric(float64(size)/n/1024, "KiB/pdf")
}

// BenchmarkDeptAllCompressed is BenchmarkDeptAll with the page content
// deflated, to weigh compressPages.
func BenchmarkDeptAllCompressed(b *testing.B) {
	doc, r := seedRenderer(b)
	r.compress = true
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		size = 0
		for _, d := range doc.Depts {
			pdf, err := r.Dept(d.Name)
			if err != nil {
				b.Fatal(err)
			}
			size += len(pdf)
		}
	}
	n := float64(len(doc.Depts))
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/n, "ms/pdf")
	b.ReportMetric(float64(size)/n/1024, "KiB/pdf")
}

// BenchmarkDeptAllParallel is BenchmarkDeptAll with the depts spread over
// GOMAXPROCS goroutines, as the batch pipeline runs them.
func BenchmarkDeptAllParallel(b *testing.B) {
	doc, r := seedRenderer(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := r.Dept(doc.Depts[i%len(doc.Depts)].Name); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}

func BenchmarkDeptLayoutAll(b *testing.B) {
	doc, r := seedRenderer(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range doc.Depts {
			if _, err := r.DeptLayout(d.Name); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkBrief(b *testing.B) {
	_, r := seedRenderer(b)
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		pdf, err := r.Brief()
		if err != nil {
			b.Fatal(err)
		}
		size = len(pdf)
	}
	b.ReportMetric(float64(size)/1024, "KiB/pdf")
}

// BenchmarkNewRendererWarm is NewRenderer as an --incremental run whose
// characters did not change calls it: every face's cut kept, and the
// faces, the cuts and the wording parsed ahead by the run's warm stage
// (a Warm, made outside the timing).
func BenchmarkNewRendererWarm(b *testing.B) {
	doc, cuts, _ := seedCuts(b)
	w := warmFor(cuts)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewRenderer(doc, export.Options{Date: testDate}, Fonts{Cuts: cuts, Warm: w}); err != nil {
			b.Fatal(err)
		}
	}
}
