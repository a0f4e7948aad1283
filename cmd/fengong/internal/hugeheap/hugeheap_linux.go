//go:build linux

package hugeheap

import (
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
	b := make([]byte, n) // never written: the kernel maps no page of it
	start, end = inward(uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b)))
	if start == end {
		return start, end, 0
	}
	_, _, errno = syscall.Syscall(syscall.SYS_MADVISE, start, end-start, syscall.MADV_HUGEPAGE)
	return start, end, errno
}
