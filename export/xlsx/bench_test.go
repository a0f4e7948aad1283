package xlsx

import (
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time the process has used so far. The benchmarks
// report it per op too (cpu-ns/op), as wall time on a shared machine
// says little.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per op since start.
func reportCPU(b *testing.B, start time.Duration, per int) {
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N*per), "cpu-ns/op")
}

// BenchmarkDeptAll renders every dept workbook of the seed, one after the
// other; ns/op is the whole set.
func BenchmarkDeptAll(b *testing.B) {
	doc := seed(b)
	opt := testOptions()
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for _, d := range doc.Depts {
			if _, err := Dept(doc, d.Name, opt); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(doc.Depts)), "ns/dept")
	reportCPU(b, start, len(doc.Depts))
}

// BenchmarkDeptOne renders the heaviest dept of the seed.
func BenchmarkDeptOne(b *testing.B) {
	doc := seed(b)
	opt := testOptions()
	name := doc.ByWorkload()[0].Name
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := Dept(doc, name, opt); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start, 1)
}

func BenchmarkMaster(b *testing.B) {
	doc := seed(b)
	opt := testOptions()
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := Master(doc, opt); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start, 1)
}

// BenchmarkMasterLarge renders the master of a model 100 times the seed.
func BenchmarkMasterLarge(b *testing.B) {
	doc := scale(seed(b), 100)
	opt := testOptions()
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := Master(doc, opt); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start, 1)
}

// BenchmarkSeedBatch renders what a batch run renders for the seed (every
// dept workbook and the master) on GOMAXPROCS goroutines; ns/op is the
// wall time of the whole set.
func BenchmarkSeedBatch(b *testing.B) {
	doc := seed(b)
	opt := testOptions()
	workers := runtime.GOMAXPROCS(0)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		var next atomic.Int64
		var wg sync.WaitGroup
		errs := make([]error, workers)
		for w := 0; w < workers; w++ {
			wg.Go(func() {
				for {
					i := int(next.Add(1)) - 1
					if i > len(doc.Depts) {
						return
					}
					var err error
					if i == len(doc.Depts) {
						_, err = Master(doc, opt)
					} else {
						_, err = Dept(doc, doc.Depts[i].Name, opt)
					}
					if err != nil {
						errs[w] = err
						return
					}
				}
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, start, 1)
}
