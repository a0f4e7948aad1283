package hugeheap

import _ "unsafe" // for go:linkname

// setGCPercent and setMemoryLimit are what runtime/debug's SetGCPercent
// and SetMemoryLimit call (less the int conversion), reached without
// importing runtime/debug. The runtime defines both under these names
// for runtime/debug (//go:linkname in runtime/mgcpacer.go), which is what
// lets another package refer to them too.
//
// Why not import runtime/debug: Go initialises each package once its
// imports are, the first in import-path order among those ready. With
// runtime/debug imported, this package waited for it, and it sorts after
// golang.org/x/net/html, gopkg.in/yaml.v3 and the others a
// run links: this package ran at about 60% of the start-up (GODEBUG=
// inittrace=1), after those had grown the heap in 4 KiB pages. Without
// it, it runs as soon as syscall has (17th of some 150); a one-edit
// --incremental run measured 6 ms less wall time and CPU time (paired, 61
// rounds on tmpfs, 2026-11-29).
// TestInitialisedEarly in cmd/fengong holds the order.
//
//go:linkname setGCPercent runtime/debug.setGCPercent
func setGCPercent(percent int32) int32

//go:linkname setMemoryLimit runtime/debug.setMemoryLimit
func setMemoryLimit(limit int64) int64
