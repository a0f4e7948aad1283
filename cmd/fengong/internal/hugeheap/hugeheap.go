// Package hugeheap asks Linux to back the start of the process's heap with
// transparent huge pages. Package main imports it for its effect. Go
// initialises packages in import-path order as their imports allow, and
// this one imports only runtime, syscall, sync/atomic and unsafe, all
// initialised in the first milliseconds, so it runs before the heavy
// initialisers (x/net/html's, yaml's, excelize's)
// allocate. It does not import runtime/debug: sorting after all of those,
// that import held this package's initialisation back to two thirds of
// the start-up (pace.go).
//
// Why: on the virtual machines fengong runs on, the first touch of each
// fresh 4 KiB page of heap costs 11–14 µs (the guest's fault plus the
// hypervisor's), and a one-edit --incremental run touched about 7,000 of
// them: half its CPU time. Linux's default, transparent_hugepage=madvise,
// gives huge pages only to memory that asks for them, and Go's runtime no
// longer asks. So at initialisation this package has the runtime map Size
// bytes of heap as one goroutine's stack, which the runtime frees back to
// the heap as the goroutine exits, and marks those pages MADV_HUGEPAGE;
// it then has the kernel make the lowest of them, which holds the last of
// the heap made before, one huge page (MADV_COLLAPSE). Where the heap's
// lowest free pages lay below those (the runtime's first chunk of heap and
// the stack lie apart in a randomised arena), their huge page is marked and
// made one too. The heap's next spans are carved from those pages, and
// each first touch maps 2 MiB.
//
// The advice is only advice: where the kernel has no transparent huge
// pages, or none free, the pages stay 4 KiB and nothing else changes.
// GODEBUG=disablethp=1, Go's own switch against huge pages, turns it off.
// The heap beyond Size grows in 4 KiB pages as before, so a large batch's
// resident memory is bounded as before (huge pages the collector frees are
// split and returned by the scavenger). Only linux/amd64 and linux/arm64
// mark (the stack's frame is in assembly); elsewhere the heap is left as
// the runtime maps it.
//
// On Linux the package also faults ahead, in the background, the pages a
// run would otherwise take one fault at a time beside the heap: the
// program's code and read-only data, and the runtime's small anonymous
// mappings (fault_linux.go).
package hugeheap

// The rest of this file imports nothing.

// Size is the heap marked at start-up: the heap a run may fill before
// its first collection (cmd/fengong's tuneGC), which is more than a
// one-edit run allocates in all (about 40 MB).
const Size = 64 << 20

// hugePage is the x86-64 and arm64 transparent huge page.
const hugePage = 2 << 20

// disabled reports whether a GODEBUG value turns transparent huge pages
// off; as for Go's own settings, the last disablethp in it wins.
func disabled(godebug string) bool {
	off := false
	for godebug != "" {
		kv := godebug
		if i := index(godebug, ','); i >= 0 {
			kv, godebug = godebug[:i], godebug[i+1:]
		} else {
			godebug = ""
		}
		for kv != "" && kv[0] == ' ' {
			kv = kv[1:]
		}
		if i := index(kv, '='); i >= 0 && kv[:i] == "disablethp" {
			off = kv[i+1:] == "1"
		}
	}
	return off
}

// index is strings.IndexByte, which this package does not import.
func index(s string, c byte) int {
	for i := range len(s) {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// outward rounds an address up to a huge page.
func outward(p uintptr) uintptr { return (p + hugePage - 1) &^ (hugePage - 1) }
