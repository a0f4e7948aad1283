//go:build linux && (amd64 || arm64)

package hugeheap

import (
	"runtime"
	"syscall"
	"unsafe"
)

// What start-up did, for the tests and for a curious reader of
// /proc/self/smaps (VmFlags hg): Off under GODEBUG=disablethp=1; else
// Start and End bound the heap marked, Errno is madvise's answer (0:
// marked), and Collapsed is MADV_COLLAPSE's for the huge page at Start
// (0: made one huge page; EINVAL before Linux 6.1).
var (
	Off        bool
	Start, End uintptr
	Errno      syscall.Errno
	Collapsed  syscall.Errno
	// Below is where the heap's lowest free pages lay at start-up, when
	// that was below Start: the huge page from Below up to Start is
	// marked too and made one huge page (BelowCollapsed is MADV_COLLAPSE's
	// answer). 0 when the lowest free pages lay at or above Start.
	Below          uintptr
	BelowCollapsed syscall.Errno
)

// madvCollapse is MADV_COLLAPSE (Linux 6.1), which the syscall package
// does not name.
const madvCollapse = 25

func init() {
	godebug, _ := syscall.Getenv("GODEBUG")
	if Off = disabled(godebug); Off {
		return
	}
	lowest := lowestFree()
	Start, End, Errno = advise()
	if Errno != 0 || Start == End {
		return
	}
	if lowest < Start {
		Below, BelowCollapsed = adviseBelow(lowest)
	}
	// The heap made before this package ran lies in 4 KiB pages below
	// the stack, and the lowest huge page marked holds the last of
	// them; new spans are carved lowest address first, so that page
	// would take the next few hundred first touches one 4 KiB page at a
	// time. Made one huge page now, it takes none. Where the kernel
	// cannot, nothing else changes.
	Collapsed = collapse(Start)
	_, gogc := syscall.Getenv("GOGC")
	_, limit := syscall.Getenv("GOMEMLIMIT")
	if !gogc && !limit {
		hold()
	}
}

// probe is allocated at start-up only to see where the runtime carves a
// new span: at the heap's lowest free pages, lowest address first.
var probe *[40 << 10]byte

// lowestFree is where the heap's lowest free pages lie, before the stack
// is mapped: the runtime's first chunk of heap (4 MiB) and the stack lie
// apart, in a randomised arena (Go 1.26), and one start in four or so the
// chunk's free pages lie in a huge page below Start's. Spans are carved
// there first, a 4 KiB page at a time: 100–200 first touches.
func lowestFree() uintptr {
	probe = new([40 << 10]byte) // 5 runtime pages, a span of its own
	p := uintptr(unsafe.Pointer(probe))
	probe = nil
	return p
}

// worthCollapsing: MADV_COLLAPSE of a huge page costs about what 40 first
// touches of 4 KiB pages cost; where fewer pages than this are left free
// in p's huge page, they are left to be touched.
const worthCollapsing = 64 << 12

// adviseBelow marks the huge pages from the one holding p up to Start
// (only p's, if Start is further than Size away: another arena), and has
// the kernel make p's one huge page when enough of it is free (the pages
// above it are untouched, and are huge from their first touch). It
// returns p, and MADV_COLLAPSE's answer (EAGAIN: not tried).
func adviseBelow(p uintptr) (uintptr, syscall.Errno) {
	lo := p &^ (hugePage - 1)
	hi := Start
	if hi-lo > Size {
		hi = lo + hugePage
	}
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_HUGEPAGE); e != 0 {
		return p, e
	}
	if lo+hugePage-p < worthCollapsing {
		return p, syscall.EAGAIN
	}
	return p, collapse(lo)
}

// advise has the runtime map Size bytes of heap and free them again
// (stackMapped), and marks the huge pages they lie in MADV_HUGEPAGE.
func advise() (start, end uintptr, errno syscall.Errno) {
	lo, hi := stackMapped()
	start, end = lo&^(hugePage-1), outward(hi)
	_, _, errno = syscall.Syscall(syscall.SYS_MADVISE, start, end-start, syscall.MADV_HUGEPAGE)
	return start, end, errno
}

// stackPage is the runtime's page: a goroutine stack's bounds are
// multiples of it.
const stackPage = 8 << 10

// stackMapped has the runtime map Size bytes of heap without allocating
// on the heap, and returns where they lie: a goroutine calls deepFrame,
// whose frame (in assembly, never written) is a megabyte short of Size,
// so the runtime grows the goroutine's stack to Size bytes, taken from
// the heap as a span of its own; when the goroutine exits, the runtime
// frees that stack back to the heap at once. Before, an allocation of
// Size bytes mapped them, and a collection at start-up had to free it:
// 2–3 ms of every command's start, and each collection's sweep touched
// fresh pages of the runtime's span sets.
func stackMapped() (lo, hi uintptr) {
	n := runtime.NumGoroutine()
	done := make(chan struct{})
	go func() {
		var top byte
		deepFrame()
		// the call moved this goroutine to the grown stack, and this
		// frame lies at its top
		hi = (uintptr(unsafe.Pointer(&top)) + stackPage - 1) &^ (stackPage - 1)
		close(done)
	}()
	<-done
	// the stack is freed as the goroutine exits, just after it closed
	// done; bounded, in case another goroutine starts meanwhile
	for i := 0; i < 1000 && runtime.NumGoroutine() > n; i++ {
		runtime.Gosched()
	}
	return hi - Size, hi
}

// deepFrame has a frame of Size less a MiB (frame_linux_*.s) and returns at
// once.
func deepFrame()

// collapse has the kernel make the huge page at p one huge page
// (MADV_COLLAPSE), trying again, up to collapseTries in all, while it
// answers EAGAIN: a transient failure (a page locked or off the LRU
// lists for a moment), which one start in eight or so met.
func collapse(p uintptr) syscall.Errno {
	var e syscall.Errno
	for try := 0; try < collapseTries; try++ {
		if _, _, e = syscall.Syscall(syscall.SYS_MADVISE, p, hugePage, madvCollapse); e != syscall.EAGAIN {
			return e
		}
	}
	return e
}

// collapseTries bounds collapse's tries.
const collapseTries = 4
