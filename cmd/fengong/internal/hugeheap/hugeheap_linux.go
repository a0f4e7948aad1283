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
)

// madvCollapse is MADV_COLLAPSE (Linux 6.1), which the syscall package
// does not name.
const madvCollapse = 25

func init() {
	godebug, _ := syscall.Getenv("GODEBUG")
	if Off = disabled(godebug); Off {
		return
	}
	Start, End, Errno = advise()
	if Errno != 0 || Start == End {
		return
	}
	// The heap made before this package ran lies in 4 KiB pages below
	// the stack, and the lowest huge page marked holds the last of
	// them; new spans are carved lowest address first, so that page
	// would take the next few hundred first touches one 4 KiB page at a
	// time. Made one huge page now, it takes none. Where the kernel
	// cannot, nothing else changes.
	_, _, Collapsed = syscall.Syscall(syscall.SYS_MADVISE, Start, hugePage, madvCollapse)
	_, gogc := syscall.Getenv("GOGC")
	_, limit := syscall.Getenv("GOMEMLIMIT")
	if !gogc && !limit {
		hold()
	}
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
