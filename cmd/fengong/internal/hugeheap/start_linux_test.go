//go:build linux && (amd64 || arm64)

package hugeheap_test

import (
	"os"
	"runtime"
	"runtime/debug"
	"syscall"
	"testing"
	"unsafe"

	"fengong/cmd/fengong/internal/hugeheap"
)

// early is allocated as this package initialises, right after hugeheap
// did: as the heavy initialisers of the command allocate.
var early = make([]byte, 1<<20)

// the collector's settings as this package initialises, and the
// collections so far
var startPercent, startLimit, startHeld = settings()
var startGCs = collections()

func collections() uint32 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC
}

func settings() (int, int64, bool) {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p, debug.SetMemoryLimit(-1), hugeheap.Held()
}

// TestFirstPhase: with the heap marked, the process starts with no
// collection until its heap nears FirstLimit; the first collection turns
// it to Go's defaults, or to what Then set, which Then applies at once
// from then on.
func TestFirstPhase(t *testing.T) {
	if hugeheap.Off || hugeheap.Errno != 0 || hugeheap.Start == hugeheap.End {
		t.Skip("nothing marked")
	}
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT set")
	}
	if startPercent != -1 || startLimit != hugeheap.FirstLimit || !startHeld {
		t.Errorf("at initialisation: GC percent %d, memory limit %d, held %v; want off, %d, held", startPercent, startLimit, startHeld, hugeheap.FirstLimit)
	}
	// none: the stack that mapped the marked heap was freed without one
	if startGCs != 0 {
		t.Errorf("at initialisation: %d collections, want none", startGCs)
	}
	for i := 0; i < 1000 && hugeheap.Held(); i++ {
		runtime.GC()
		runtime.Gosched()
	}
	if hugeheap.Held() {
		t.Fatal("still held after collections")
	}
	if p, l, _ := settings(); p != 100 || l != 1<<63-1 {
		t.Errorf("after the first collection: GC percent %d, memory limit %d; want Go's defaults", p, l)
	}
	hugeheap.Then(150, 1<<30)
	if p, l, _ := settings(); p != 150 || l != 1<<30 {
		t.Errorf("Then after the first collection: GC percent %d, memory limit %d; want 150 and 1 GiB", p, l)
	}
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(1<<63 - 1)
}

// TestFreedAtStart: the stack that mapped the marked heap was freed at
// start-up, so what the packages initialised after hugeheap allocate is
// carved from the marked heap, not from 4 KiB pages beyond it.
func TestFreedAtStart(t *testing.T) {
	if hugeheap.Off || hugeheap.Errno != 0 || hugeheap.Start == hugeheap.End {
		t.Skip("nothing marked")
	}
	// the marked heap starts lower where the heap's lowest free pages lay
	// below the stack
	lo := hugeheap.Start
	if hugeheap.Below != 0 {
		lo = hugeheap.Below &^ (2<<20 - 1)
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(early)))
	if p < lo || p+uintptr(len(early)) > hugeheap.End {
		t.Errorf("1 MiB allocated at initialisation at %#x, outside the marked heap %#x–%#x: the stack that mapped it was not freed at start-up", p, lo, hugeheap.End)
	}
	// EINVAL: a kernel before 6.1; EAGAIN: no huge page free
	switch c := hugeheap.Collapsed; c {
	case 0, syscall.EINVAL, syscall.ENOMEM, syscall.EAGAIN:
		t.Logf("MADV_COLLAPSE of the lowest huge page marked: %d (%v)", int(c), c)
	default:
		t.Errorf("MADV_COLLAPSE of the lowest huge page marked: %v", c)
	}
}
