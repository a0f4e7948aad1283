package main

import (
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
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

// TestInitialisedEarly: package hugeheap initialises before the packages
// whose initialisation allocates the most, so that they allocate from the
// heap it marked (its doc comment, and pace.go: an import of
// runtime/debug had put it after them). This test binary links what the
// command does; run again with GODEBUG=inittrace=1, it reports every
// package's initialisation in order and runs no test.
func TestInitialisedEarly(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	at := map[string]int{}
	for i, l := range strings.Split(string(out), "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == "init" {
			at[f[1]] = i + 1
		}
	}
	hh, ok := at["fengong/cmd/fengong/internal/hugeheap"]
	if !ok {
		t.Fatalf("no initialisation of hugeheap reported:\n%s", out)
	}
	for _, heavy := range []string{"golang.org/x/net/html", "gopkg.in/yaml%2ev3", "github.com/xuri/excelize/v2"} {
		if n, ok := at[heavy]; !ok || n < hh {
			t.Errorf("%s initialised at #%d, hugeheap at #%d: want hugeheap first", heavy, n, hh)
		}
	}
}
