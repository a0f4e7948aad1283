package hugeheap

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
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
	// from the first whole huge page of the allocation to the one it
	// ends in: Size bytes, wherever it starts
	if End-Start != Size {
		t.Fatalf("marked %#x–%#x (%d MiB), want %d MiB", Start, End, (End-Start)>>20, Size>>20)
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
}

// TestReused: the allocation that mapped the marked heap is not kept,
// and the heap's next spans are carved from it.
func TestReused(t *testing.T) {
	if Off || Errno != 0 {
		t.Skip("nothing marked")
	}
	runtime.GC() // a whole cycle after the allocation was dropped
	b := make([]byte, 8<<20)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	// the marked pages are the whole huge pages inside the dropped
	// allocation, so the new one may start just before them
	if p+uintptr(len(b)) <= Start || p >= End {
		t.Errorf("an 8 MiB allocation at %#x, outside the marked heap %#x–%#x: the allocation that mapped it is kept", p, Start, End)
	}
	runtime.KeepAlive(b)
}

// vma finds the mapping holding addr in /proc/self/smaps, and returns its
// VmFlags and AnonHugePages.
func vma(smaps []byte, addr uintptr) (flags, huge string, err error) {
	in := false
	s := bufio.NewScanner(bytes.NewReader(smaps))
	for s.Scan() {
		line := s.Text()
		if lo, hi, ok := span(line); ok {
			in = lo <= addr && addr < hi
			continue
		}
		if !in {
			continue
		}
		if v, ok := strings.CutPrefix(line, "AnonHugePages:"); ok {
			huge = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok {
			return strings.TrimSpace(v), huge, nil
		}
	}
	return "", "", fmt.Errorf("no mapping holds %#x in /proc/self/smaps", addr)
}

// span reads the address range of a mapping's first line in smaps
// ("7f12a000-7f12b000 rw-p ..."); other lines ("Rss: 4 kB") are not one.
func span(line string) (lo, hi uintptr, ok bool) {
	r, _, _ := strings.Cut(line, " ")
	a, b, found := strings.Cut(r, "-")
	if !found {
		return 0, 0, false
	}
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	return uintptr(x), uintptr(y), err1 == nil && err2 == nil
}
