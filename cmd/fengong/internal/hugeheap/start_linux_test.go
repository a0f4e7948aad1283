//go:build linux

package hugeheap_test

import (
	"syscall"
	"testing"
	"unsafe"

	"fengong/cmd/fengong/internal/hugeheap"
)

// early is allocated as this package initialises, right after hugeheap
// did: as the heavy initialisers of the command allocate.
var early = make([]byte, 1<<20)

// TestFreedAtStart: the allocation that mapped the marked heap was freed
// at start-up, so what the packages initialised after hugeheap allocate
// is carved from the marked heap (or the huge page made below it), not
// from 4 KiB pages beyond it.
func TestFreedAtStart(t *testing.T) {
	if hugeheap.Off || hugeheap.Errno != 0 || hugeheap.Start == hugeheap.End {
		t.Skip("nothing marked")
	}
	const hugePage = 2 << 20
	p := uintptr(unsafe.Pointer(unsafe.SliceData(early)))
	if p < hugeheap.Start-hugePage || p+uintptr(len(early)) > hugeheap.End {
		t.Errorf("1 MiB allocated at initialisation at %#x, outside the marked heap %#x–%#x: the allocation that mapped it was not freed at start-up", p, hugeheap.Start, hugeheap.End)
	}
	if c := hugeheap.Collapsed; c != 0 && c != syscall.EINVAL {
		t.Errorf("MADV_COLLAPSE below the marked heap: %v", c)
	}
}
