//go:build linux

package hugeheap

import (
	"runtime"
	"syscall"
	"unsafe"
)

// What start-up did, for the tests and for a curious reader of
// /proc/self/smaps (VmFlags hg): Off under GODEBUG=disablethp=1; else
// Start and End bound the heap marked, Errno is madvise's answer (0:
// marked), and Collapsed is MADV_COLLAPSE's for the huge page below Start
// (0: made one huge page; EINVAL before Linux 6.1, ENOMEM when the heap
// does not reach that far down).
var (
	Off        bool
	Start, End uintptr
	Errno      syscall.Errno
	Collapsed  syscall.Errno
)

// madvCollapse is MADV_COLLAPSE (Linux 6.1), which the syscall package
// does not name.
const madvCollapse = 25

func init() {
	godebug, _ := syscall.Getenv("GODEBUG")
	if Off = disabled(godebug); Off {
		return
	}
	Start, End, Errno = advise(Size)
	if Errno != 0 || Start == End {
		return
	}
	// The heap made before this package ran lies in the 4 KiB pages
	// just below Start, and new spans are carved lowest address first:
	// that half-used huge page would take the next few hundred first
	// touches one 4 KiB page at a time. Made one huge page now, it takes
	// none. Where the kernel cannot, nothing else changes.
	_, _, Collapsed = syscall.Syscall(syscall.SYS_MADVISE, Start-hugePage, hugePage, madvCollapse)
	// The allocation that mapped the marked heap is dropped; a collection
	// now, while the heap is a few hundred KiB, frees it, so that the
	// heavy initialisers after this package and the run itself allocate
	// from the marked pages, not from 4 KiB pages beyond them.
	runtime.GC()
	_, gogc := syscall.Getenv("GOGC")
	_, limit := syscall.Getenv("GOMEMLIMIT")
	if !gogc && !limit {
		hold()
	}
}

// advise maps n bytes of heap with one allocation, which it drops, and
// marks the huge pages from the first whole one inside it to the one it
// ends in MADV_HUGEPAGE.
func advise(n int) (start, end uintptr, errno syscall.Errno) {
	// the allocation must not start a collection: one that began while
	// it was still referenced would keep it, and with it Size bytes of
	// heap, until the next; the first collection after comes when the
	// allocation is dropped
	defer setGCPercent(setGCPercent(-1))
	p := mapped(n)
	start, end = inward(p, uintptr(n))
	if start == end {
		return start, end, 0
	}
	// The huge page the allocation ends in is marked too, where the
	// kernel allows it: the runtime maps heap in 4 MiB chunks, so that
	// page is mapped whole, and the packages initialised next carve their
	// first spans from it (a one-edit run touched 120–130 of its 4 KiB
	// pages one by one, 3 ms of faults). ENOMEM: not mapped that far.
	if top := outward(p + uintptr(n)); top > end {
		if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, start, top-start, syscall.MADV_HUGEPAGE); e == 0 {
			return start, top, 0
		}
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
