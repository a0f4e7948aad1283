//go:build linux

package hugeheap

import (
	"runtime"
	"syscall"
	"unsafe"
)

// Faulting ahead. Besides the heap, a run first-touches two kinds of
// pages one fault at a time, at 14–25 µs a fault on the virtual machines
// fengong runs on:
//
//   - the program's code and read-only data, mapped from its file (the
//     kernel maps 16 pages a fault): about 180 faults in a one-edit run;
//   - the runtime's own small anonymous mappings, its span sets and other
//     bookkeeping beside the heap: about 130 more, in the mappings that
//     already exist when this package initialises.
//
// MADV_POPULATE_READ and MADV_POPULATE_WRITE (Linux 5.14) map a range in
// one call: 0.35 µs a page of the file, 1 µs a zeroed page. A goroutine
// started by this file's init (the package's first, and before the heavy
// initialisers) has the kernel do so, on the core start-up leaves idle:
// the file's read-only mappings (code r-xp, data r--p, 18 MB of the
// page cache) and every private anonymous read-write mapping of at most
// 2 MiB (smallAnon) away from the heap (nearHeap). The heap is left to
// its faults and its huge pages, the runtime's large reservations to
// their faults, as are the program's writable data, the embedded fonts
// among it. (A piece of the heap, the 2 MiB below the marked pages that
// the marks split off as a mapping of its own, was populated too at
// first: a one-edit run was 2.5–3.5 ms slower for it, paired.) Populating changes
// no byte of memory, only when it is mapped. Resident memory grows by the
// pages the run would not have touched: the file's are shared with every
// other run, and a run long enough to collect gives the file's back
// (dropAhead). Where the kernel lacks the calls (EINVAL), nothing changes.

// madvise advice the syscall package does not name.
const (
	madvPopulateRead  = 22
	madvPopulateWrite = 23
)

// smallAnon is the largest anonymous mapping populated.
const smallAnon = 2 << 20

// What faulting ahead did, for the tests: AheadErrno is madvise's first
// error (0: none); AheadFile and AheadAnon are the bytes of the
// program's file and of anonymous mappings populated, all set before
// aheadDone is closed; AheadDropped is the bytes of the file given back
// after the first collection, set before aheadDropped is closed.
var (
	AheadErrno           syscall.Errno
	AheadFile, AheadAnon uintptr
	AheadDropped         uintptr
	aheadDone            = make(chan struct{})
	aheadDropped         = make(chan struct{})
)

func init() { go faultAhead() }

// aheadCycle is what the cleanup that drops the file's pages is attached
// to: 16 bytes, so not batched with other small objects, and freed by the
// first collection.
type aheadCycle struct{ _ [16]byte }

// fileMarker's bytes lie in the program's read-only data: the mapping
// that holds them names the program's file.
const fileMarker = "fengong: the program's read-only data"

func faultAhead() {
	defer close(aheadDone)
	n, err := readInto(mapsBuf[:], "/proc/self/maps")
	if err != nil {
		return
	}
	maps := mapsBuf[:n]
	file := fileOf(maps, uintptr(unsafe.Pointer(unsafe.StringData(fileMarker))))
	defer func() {
		if nFileAhead > 0 {
			// a cleanup runs once the collector has freed what it is
			// attached to: after the first collection
			runtime.AddCleanup(new(aheadCycle), func(struct{}) { dropAhead() }, struct{}{})
		}
	}()
	for rest := maps; len(rest) > 0; {
		var l []byte
		l, rest = cutLine(rest)
		m, ok := parseLine(l)
		if !ok {
			continue
		}
		switch {
		case file != nil && string(m.path) == string(file) && (string(m.perms) == "r-xp" || string(m.perms) == "r--p"):
			if populate(m, madvPopulateRead) {
				AheadFile += m.hi - m.lo
				if nFileAhead < len(fileAhead) {
					fileAhead[nFileAhead] = m
					nFileAhead++
				}
			}
		case len(m.path) == 0 && string(m.perms) == "rw-p" && m.hi-m.lo <= smallAnon && !nearHeap(m):
			if populate(m, madvPopulateWrite) {
				AheadAnon += m.hi - m.lo
			}
		}
	}
}

// heapMark is allocated at initialisation: it lies in the heap, whose
// arenas Go maps near one another, in 64 MiB steps.
var heapMark = new([16]byte)

// heapReach is how far from heapMark a mapping counts as the heap's.
const heapReach = 256 << 20

// nearHeap reports whether m lies within heapReach of heapMark: a piece
// of the heap, split from the rest by the huge-page marks (the heap made
// before this package ran, below the marked pages), which is left to its
// faults like the rest: populated, its free pages would be zeroed and
// mapped one 4 KiB page at a time for nothing, and freed so at exit.
func nearHeap(m mapping) bool {
	h := uintptr(unsafe.Pointer(heapMark))
	lo := h - min(h, heapReach)
	return m.hi > lo && m.lo < h+heapReach
}

// The file's mappings populated, for dropAhead.
var (
	fileAhead  [4]mapping
	nFileAhead int
)

// dropAhead gives back the file's pages faulted ahead, once the first
// collection shows a long run (a full run, a large batch: a one-edit run
// never collects). Those pages count in the process's resident memory,
// and the ones the run never touches would stand in its peak (a batch 20
// times the seed's: 143 MB against 134, where fengong keeps under 150):
// MADV_DONTNEED unmaps them, and the pages the run goes on using come
// back by their faults, a few milliseconds in a run of seconds. The
// file's pages are read-only and never written, so nothing is lost.
func dropAhead() {
	for _, m := range fileAhead[:nFileAhead] {
		if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, m.lo, m.hi-m.lo, syscall.MADV_DONTNEED); e == 0 {
			AheadDropped += m.hi - m.lo
		}
	}
	close(aheadDropped)
}

func populate(m mapping, advice uintptr) bool {
	_, _, e := syscall.Syscall(syscall.SYS_MADVISE, m.lo, m.hi-m.lo, advice)
	if e != 0 && AheadErrno == 0 {
		AheadErrno = e
	}
	return e == 0
}

// mapsBuf holds /proc/self/maps as faultAhead reads it, so that the
// goroutine allocates nothing while this package's init is still making
// the heap's huge pages. A longer map is cut at 64 KiB: the lines past it
// are left to their faults.
var mapsBuf [64 << 10]byte

// readInto reads the file at path into buf, as much as fits, with the
// syscall package alone (this package does not import os: see the package
// comment).
func readInto(buf []byte, path string) (int, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	for err == syscall.EINTR {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	}
	if err != nil {
		return 0, err
	}
	defer syscall.Close(fd)
	n := 0
	for n < len(buf) {
		k, err := syscall.Read(fd, buf[n:])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, err
		case k == 0:
			return n, nil
		}
		n += k
	}
	return n, nil
}

// mapping is a line of /proc/self/maps: its address range, its
// permissions (r-xp…), and the path of the file it maps ("" when
// anonymous; [heap], [stack] and the like are not files).
type mapping struct {
	lo, hi      uintptr
	perms, path []byte
}

// fileOf is the path of the file whose mapping holds the address at, or
// nil.
func fileOf(maps []byte, at uintptr) []byte {
	for rest := maps; len(rest) > 0; {
		var l []byte
		l, rest = cutLine(rest)
		if m, ok := parseLine(l); ok && len(m.path) > 0 && m.lo <= at && at < m.hi {
			return m.path
		}
	}
	return nil
}

func cutLine(b []byte) (line, rest []byte) {
	for i, c := range b {
		if c == '\n' {
			return b[:i], b[i+1:]
		}
	}
	return b, nil
}

// parseLine reads a line of /proc/self/maps, "start-end perms offset dev
// inode [path]" (a path may hold spaces). ok is false for a line it
// cannot read, and for a mapping named in brackets ([heap], [stack],
// [vdso]…), which is neither a file nor plain anonymous memory.
func parseLine(l []byte) (m mapping, ok bool) {
	var f [5][]byte
	for i := range f {
		l = trimSpace(l)
		j := 0
		for j < len(l) && l[j] != ' ' {
			j++
		}
		f[i], l = l[:j], l[j:]
	}
	path := trimSpace(l)
	if len(f[4]) == 0 || len(path) > 0 && path[0] != '/' {
		return mapping{}, false
	}
	r := f[0]
	for i, c := range r {
		if c != '-' {
			continue
		}
		lo, ok1 := hex(r[:i])
		hi, ok2 := hex(r[i+1:])
		if !ok1 || !ok2 || lo >= hi {
			return mapping{}, false
		}
		return mapping{lo, hi, f[1], path}, true
	}
	return mapping{}, false
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && b[0] == ' ' {
		b = b[1:]
	}
	return b
}

func hex(s []byte) (uintptr, bool) {
	if len(s) == 0 || len(s) > 16 {
		return 0, false
	}
	var v uintptr
	for _, c := range s {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		default:
			return 0, false
		}
		v = v<<4 | uintptr(c)
	}
	return v, true
}
