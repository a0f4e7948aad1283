package main

import (
	"runtime/debug"
	"testing"
)

// TestTuneGC: the run's collector limit and pace, unless the environment
// sets them.
func TestTuneGC(t *testing.T) {
	limit, pace := debug.SetMemoryLimit(-1), debug.SetGCPercent(100)
	debug.SetGCPercent(pace)
	t.Cleanup(func() { debug.SetMemoryLimit(limit); debug.SetGCPercent(pace) })

	debug.SetMemoryLimit(1 << 40)
	debug.SetGCPercent(100)
	tuneGC(func(string) string { return "" })
	if got := debug.SetMemoryLimit(-1); got != 112<<20 {
		t.Errorf("memory limit %d, want 112 MiB", got)
	}
	if got := debug.SetGCPercent(100); got != 200 {
		t.Errorf("GC percent %d, want 200", got)
	}

	debug.SetMemoryLimit(1 << 40)
	set := map[string]string{"GOGC": "50", "GOMEMLIMIT": "1GiB"}
	tuneGC(func(k string) string { return set[k] })
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("GOMEMLIMIT set: memory limit changed to %d", got)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC set: GC percent changed to %d", got)
	}
}
