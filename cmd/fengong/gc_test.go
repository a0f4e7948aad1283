package main

import (
	"runtime"
	"runtime/debug"
	"testing"

	"fengong/cmd/fengong/internal/hugeheap"
)

// settings reads the collector's GOGC percent and memory limit.
func settings() (int, int64) {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p, debug.SetMemoryLimit(-1)
}

// TestTuneGC: after its first collection a run collects at runPace under
// runLimit; GOGC and GOMEMLIMIT, when set, win.
func TestTuneGC(t *testing.T) {
	pace, limit := settings()
	t.Cleanup(func() { debug.SetMemoryLimit(limit); debug.SetGCPercent(pace) })

	tuneGC(func(string) string { return "" })
	// the cleanup that turns the pace runs on its own goroutine, soon
	// after the first collection (at once if this test binary had one)
	for i := 0; i < 1000 && hugeheap.Held(); i++ {
		runtime.GC()
		runtime.Gosched()
	}
	for i := 0; i < 1000; i++ {
		if p, l := settings(); p == runPace && l == runLimit {
			break
		}
		runtime.Gosched()
	}
	if p, l := settings(); p != runPace || l != runLimit {
		t.Errorf("after the first collection: GC percent %d, memory limit %d; want %d and %d", p, l, runPace, runLimit)
	}

	for _, c := range []struct {
		env         map[string]string
		pace, limit bool // whether tuneGC sets them
	}{
		{map[string]string{"GOMEMLIMIT": "1GiB"}, true, false},
		{map[string]string{"GOGC": "50"}, false, true},
		{map[string]string{"GOGC": "50", "GOMEMLIMIT": "1GiB"}, false, false},
	} {
		debug.SetGCPercent(77)
		debug.SetMemoryLimit(1 << 40)
		tuneGC(func(k string) string { return c.env[k] })
		p, l := settings()
		if want := map[bool]int{true: runPace, false: 77}[c.pace]; p != want {
			t.Errorf("%v: GC percent %d, want %d", c.env, p, want)
		}
		if want := map[bool]int64{true: runLimit, false: 1 << 40}[c.limit]; l != want {
			t.Errorf("%v: memory limit %d, want %d", c.env, l, want)
		}
	}
}
