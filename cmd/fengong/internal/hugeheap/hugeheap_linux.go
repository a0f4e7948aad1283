//go:build linux

package hugeheap

import (
	"runtime/debug"
	"syscall"
	"unsafe"
)

// What start-up did, for the tests and for a curious reader of
// /proc/self/smaps (VmFlags hg): Off under GODEBUG=disablethp=1; else
// Start and End bound the heap marked, and Errno is madvise's answer
// (0: marked).
var (
	Off        bool
	Start, End uintptr
	Errno      syscall.Errno
)

func init() {
	godebug, _ := syscall.Getenv("GODEBUG")
	if Off = disabled(godebug); !Off {
		Start, End, Errno = advise(Size)
	}
}

// advise maps n bytes of heap with one allocation, which it drops, and
// marks the whole huge pages inside it MADV_HUGEPAGE.
func advise(n int) (start, end uintptr, errno syscall.Errno) {
	// the allocation must not start a collection: one that began while
	// it was still referenced would keep it, and with it Size bytes of
	// heap, until the next; the first collection after comes when the
	// allocation is dropped
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	p := mapped(n)
	start, end = inward(p, uintptr(n))
	if start == end {
		return start, end, 0
	}
	_, _, errno = syscall.Syscall(syscall.SYS_MADVISE, start, end-start, syscall.MADV_HUGEPAGE)
	return start, end, errno
}

// mapped has the runtime map n bytes of heap for an allocation it drops at
// once, and returns where they start.
//
//go:noinline
func mapped(n int) uintptr {
	b := make([]byte, n) // never written: the kernel maps no page of it
	return uintptr(unsafe.Pointer(unsafe.SliceData(b)))
}
