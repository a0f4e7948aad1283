package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestTuneGC: a run does not collect until its heap nears firstLimit,
// then collects at runPace under runLimit; GOGC and GOMEMLIMIT, when set,
// win.
func TestTuneGC(t *testing.T) {
	limit, pace := debug.SetMemoryLimit(-1), debug.SetGCPercent(100)
	debug.SetGCPercent(pace)
	t.Cleanup(func() { debug.SetMemoryLimit(limit); debug.SetGCPercent(pace) })
	settings := func() (int64, int) {
		p := debug.SetGCPercent(100)
		debug.SetGCPercent(p)
		return debug.SetMemoryLimit(-1), p
	}

	debug.SetMemoryLimit(1 << 40)
	debug.SetGCPercent(100)
	tuneGC(func(string) string { return "" })
	if l, p := settings(); l != firstLimit || p != -1 {
		t.Errorf("at the start: memory limit %d, GC percent %d; want %d and off", l, p, firstLimit)
	}
	// the first collection turns the run to its pace; the cleanup that
	// does so runs on its own goroutine, soon after
	for i := 0; i < 1000; i++ {
		if l, p := settings(); l == runLimit && p == runPace {
			break
		}
		runtime.GC()
		runtime.Gosched()
	}
	if l, p := settings(); l != runLimit || p != runPace {
		t.Errorf("after a collection: memory limit %d, GC percent %d; want %d and %d", l, p, runLimit, runPace)
	}

	debug.SetMemoryLimit(1 << 40)
	debug.SetGCPercent(100)
	tuneGC(func(k string) string { return map[string]string{"GOMEMLIMIT": "1GiB"}[k] })
	if l, p := settings(); l != 1<<40 || p != runPace {
		t.Errorf("GOMEMLIMIT set: memory limit %d, GC percent %d; want it kept, and %d", l, p, runPace)
	}

	debug.SetMemoryLimit(1 << 40)
	debug.SetGCPercent(100)
	set := map[string]string{"GOGC": "50", "GOMEMLIMIT": "1GiB"}
	tuneGC(func(k string) string { return set[k] })
	if l, p := settings(); l != 1<<40 || p != 100 {
		t.Errorf("GOGC and GOMEMLIMIT set: memory limit %d, GC percent %d; want both kept", l, p)
	}

	debug.SetGCPercent(100)
	tuneGC(func(k string) string { return map[string]string{"GOGC": "50"}[k] })
	if l, p := settings(); l != runLimit || p != 100 {
		t.Errorf("GOGC set: memory limit %d, GC percent %d; want %d, and it kept", l, p, runLimit)
	}
}
