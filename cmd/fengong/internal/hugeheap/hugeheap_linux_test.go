//go:build linux && (amd64 || arm64)

package hugeheap

import (
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestAdvised: this test binary's init marked Size bytes of its heap, and
// the kernel's map of the process shows them as huge-page advised.
func TestAdvised(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage"); err != nil {
		t.Skip("kernel without transparent huge pages:", err)
	}
	if Off {
		t.Skip("GODEBUG=disablethp=1")
	}
	if Errno != 0 {
		t.Fatalf("madvise: %v", Errno)
	}
	// the huge pages the freed stack of Size bytes lies in: Size bytes,
	// or a huge page more where it did not start on one
	if n := End - Start; n != Size && n != Size+hugePage || Start%hugePage != 0 {
		t.Fatalf("marked %#x–%#x (%d MiB), want %d or %d MiB in whole huge pages", Start, End, n>>20, Size>>20, (Size+hugePage)>>20)
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	flags, huge, err := vma(smaps, Start)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the heap at %#x has VmFlags %q, want hg (MADV_HUGEPAGE)", Start, flags)
	}
	t.Logf("VmFlags %s; AnonHugePages %s", flags, huge)
	if Below == 0 {
		return
	}
	// the huge page the heap's lowest free pages lay in, below Start
	if Below >= Start {
		t.Fatalf("Below %#x is not below Start %#x", Below, Start)
	}
	if flags, _, err = vma(smaps, Below); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the heap's lowest free pages at %#x, below Start, have VmFlags %q, want hg", Below, flags)
	}
	switch BelowCollapsed {
	case 0, syscall.EAGAIN, syscall.EINVAL, syscall.ENOMEM:
		t.Logf("below Start: %#x, MADV_COLLAPSE %d (%v)", Below, int(BelowCollapsed), BelowCollapsed)
	default:
		t.Errorf("MADV_COLLAPSE below Start: %v", BelowCollapsed)
	}
}

// TestReused: the stack that mapped the marked heap is not kept, and
// the heap's next spans are carved from it.
func TestReused(t *testing.T) {
	if Off || Errno != 0 {
		t.Skip("nothing marked")
	}
	runtime.GC() // a whole cycle: what start-up freed stays free
	b := make([]byte, 8<<20)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	if p < Start || p+uintptr(len(b)) > End {
		t.Errorf("an 8 MiB allocation at %#x, outside the marked heap %#x–%#x: the stack that mapped it is kept", p, Start, End)
	}
	runtime.KeepAlive(b)
}

// vma finds the mapping holding addr in /proc/self/smaps, and returns its
// VmFlags and AnonHugePages.
func vma(smaps []byte, addr uintptr) (flags, huge string, err error) {
	f, err := mappingFields(smaps, addr)
	if err != nil {
		return "", "", err
	}
	return f["VmFlags"], f["AnonHugePages"], nil
}
