//go:build linux

package hugeheap

import (
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

func TestParseLine(t *testing.T) {
	for _, c := range []struct {
		line        string
		ok          bool
		lo, hi      uintptr
		perms, path string
	}{
		{"00400000-00c19000 r-xp 00000000 fe:00 10404261                           /tmp/fengong", true, 0x400000, 0xc19000, "r-xp", "/tmp/fengong"},
		{"00c19000-015e0000 r--p 00819000 fe:00 10404261 /opt/my tools/fengong", true, 0xc19000, 0x15e0000, "r--p", "/opt/my tools/fengong"},
		{"7f00e000-7f200000 rw-p 00000000 00:00 0 ", true, 0x7f00e000, 0x7f200000, "rw-p", ""},
		{"7f00e000-7f200000 rw-p 00000000 00:00 0", true, 0x7f00e000, 0x7f200000, "rw-p", ""},
		{"7ffe8b212000-7ffe8b233000 rw-p 00000000 00:00 0                          [stack]", false, 0, 0, "", ""},
		{"7f4410c98000-7f4410c9a000 r-xp 00000000 00:00 0                          [vdso]", false, 0, 0, "", ""},
		{"ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]", false, 0, 0, "", ""},
		{"00c19000-00c19000 r--p 00000000 00:00 0", false, 0, 0, "", ""}, // empty range
		{"00c1900g-00c1a000 r--p 00000000 00:00 0", false, 0, 0, "", ""},
		{"00c19000 r--p 00000000 00:00 0", false, 0, 0, "", ""},
		{"00c19000-00c1a000 r--p", false, 0, 0, "", ""},
		{"", false, 0, 0, "", ""},
		{"11111111111111111-2 r--p 0 0 0", false, 0, 0, "", ""},
	} {
		m, ok := parseLine([]byte(c.line))
		if ok != c.ok || ok && (m.lo != c.lo || m.hi != c.hi || string(m.perms) != c.perms || string(m.path) != c.path) {
			t.Errorf("parseLine(%q) = %#x-%#x %q %q %v, want %#x-%#x %q %q %v", c.line, m.lo, m.hi, m.perms, m.path, ok, c.lo, c.hi, c.perms, c.path, c.ok)
		}
	}
}

func TestFileOf(t *testing.T) {
	maps := []byte("00400000-00c19000 r-xp 00000000 fe:00 1 /bin/a\n" +
		"00c19000-015e0000 r--p 00819000 fe:00 1 /bin/a\n" +
		"015e0000-0215d000 rw-p 011e0000 fe:00 1 /bin/a\n" +
		"7f0000000000-7f0000001000 r--p 00000000 00:00 0\n")
	for _, c := range []struct {
		at   uintptr
		want string
	}{
		{0x400000, "/bin/a"}, {0xc19000, "/bin/a"}, {0x15dffff, "/bin/a"}, {0x7f000000, ""}, {0x3ff000, ""}, {0x215d000, ""},
	} {
		if got := fileOf(maps, c.at); string(got) != c.want {
			t.Errorf("fileOf(%#x) = %q, want %q", c.at, got, c.want)
		}
	}
}

// TestFaultAhead: this test binary's init populated its code and
// read-only data: the mappings that hold this package's code and
// fileMarker are resident to their last page.
func TestFaultAhead(t *testing.T) {
	select {
	case <-aheadDone:
	case <-time.After(time.Minute):
		t.Fatal("faultAhead has not finished after a minute")
	}
	if AheadErrno == syscall.EINVAL {
		t.Skip("kernel without MADV_POPULATE_READ/WRITE (Linux 5.14):", AheadErrno)
	}
	if AheadErrno != 0 {
		t.Fatalf("madvise: %v", AheadErrno)
	}
	if AheadFile == 0 || AheadAnon == 0 {
		t.Fatalf("populated %d bytes of the program's file and %d of anonymous mappings, want some of each", AheadFile, AheadAnon)
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-aheadDropped:
		// a collection came before this test (GOGC set, which leaves
		// the collector to its pace from the start): TestDropAhead's
		t.Skip("the file's pages were given back already, after a collection")
	default:
	}
	code := readInto // any function of this package: its code is in the file's r-xp mapping
	for name, addr := range map[string]uintptr{
		"code":           **(**uintptr)(unsafe.Pointer(&code)),
		"read-only data": uintptr(unsafe.Pointer(unsafe.StringData(fileMarker))),
	} {
		size, rss, err := rssOf(smaps, addr)
		if err != nil {
			t.Fatal(err)
		}
		if rss != size {
			t.Errorf("%s: the mapping holding %#x has %d of its %d kB resident, want all", name, addr, rss>>10, size>>10)
		}
	}
}

// rssOf reads, from /proc/self/smaps, the size and resident bytes of the
// mapping that holds addr.
func rssOf(smaps []byte, addr uintptr) (size, rss uintptr, err error) {
	f, err := mappingFields(smaps, addr)
	if err != nil {
		return 0, 0, err
	}
	return kB(f["Size"]), kB(f["Rss"]), nil
}

// TestDropAhead: after the first collection, the file's pages faulted
// ahead are given back: the read-only data's mapping is no longer all
// resident. It runs after TestFaultAhead (the order of the file).
func TestDropAhead(t *testing.T) {
	<-aheadDone
	if AheadErrno != 0 || AheadFile == 0 {
		t.Skip("nothing faulted ahead:", AheadErrno)
	}
	runtime.GC()
	select {
	case <-aheadDropped:
	case <-time.After(time.Minute):
		t.Fatal("the file's pages are not given back a minute after a collection")
	}
	if AheadDropped != AheadFile {
		t.Errorf("gave back %d bytes of the %d faulted ahead", AheadDropped, AheadFile)
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	addr := uintptr(unsafe.Pointer(unsafe.StringData(fileMarker)))
	size, rss, err := rssOf(smaps, addr)
	if err != nil {
		t.Fatal(err)
	}
	if rss == size {
		t.Errorf("the read-only data's mapping has all its %d kB resident after the drop", size>>10)
	}
	t.Logf("read-only data: %d of %d kB resident after the drop", rss>>10, size>>10)
}

// TestNearHeap: a mapping that holds heapMark, or lies beside it, is the
// heap's and is not populated; the runtime's mappings far from it are.
func TestNearHeap(t *testing.T) {
	h := uintptr(unsafe.Pointer(heapMark))
	for _, c := range []struct {
		m    mapping
		near bool
	}{
		{mapping{lo: h &^ (2<<20 - 1), hi: h&^(2<<20-1) + 2<<20}, true},
		{mapping{lo: h + 64<<20, hi: h + 66<<20}, true},
		{mapping{lo: h - 100<<20, hi: h - 98<<20}, true},
		{mapping{lo: h + 1<<30, hi: h + 1<<30 + 2<<20}, false},
		{mapping{lo: 0x7f000000, hi: 0x7f200000}, h > 0x7f000000-heapReach && h < 0x7f200000+heapReach},
	} {
		if got := nearHeap(c.m); got != c.near {
			t.Errorf("nearHeap(%#x–%#x) = %v with the heap at %#x, want %v", c.m.lo, c.m.hi, got, h, c.near)
		}
	}
}
