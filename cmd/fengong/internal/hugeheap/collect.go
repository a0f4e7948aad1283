package hugeheap

import (
	"runtime"
	"sync/atomic"
)

// FirstLimit: with the heap marked, and neither GOGC nor GOMEMLIMIT set,
// the process does not collect at all until its heap nears FirstLimit,
// the marked heap and a little more. A short command (a one-edit
// --incremental run allocates about 40 MB in all) then never collects:
// each collection had cost it sweeping, and a few hundred first touches
// of the runtime's span sets, 4 KiB pages outside the heap; and the
// packages that decode their embedded defaults in the background while
// the others initialise do not start collections before main either.
// The first collection turns the collector to the pace Then set, else
// to Go's defaults.
const FirstLimit = Size + 16<<20

// pace is a collector setting: GOGC's percent and GOMEMLIMIT's bytes.
type pace struct {
	percent int
	limit   int64
}

// goDefaults are Go's own settings, with GOGC and GOMEMLIMIT unset.
var goDefaults = pace{100, 1<<63 - 1}

var (
	then atomic.Pointer[pace] // what the first collection turns to; nil: goDefaults
	held atomic.Bool          // hold stopped collection, and no collection came yet
)

// hold stops collection until the heap nears FirstLimit.
func hold() {
	held.Store(true)
	setGCPercent(-1)
	setMemoryLimit(FirstLimit)
	// a cleanup runs once the collector has freed what it is attached
	// to: after the first collection
	runtime.AddCleanup(new(firstCycle), func(struct{}) {
		held.Store(false)
		apply()
	}, struct{}{})
}

// firstCycle is what hold's cleanup is attached to: 16 bytes, so not
// batched with other small objects, and freed by the first collection.
type firstCycle struct{ _ [16]byte }

func apply() {
	p := then.Load()
	if p == nil {
		p = &goDefaults
	}
	setGCPercent(int32(p.percent))
	setMemoryLimit(p.limit)
}

// Then sets the collector's pace after the first collection: percent as
// GOGC, limit as GOMEMLIMIT. It takes effect at once when the first
// collection has come, or when start-up held none (no huge pages, or
// GOGC or GOMEMLIMIT set: the caller should then leave the one set
// alone).
func Then(percent int, limit int64) {
	then.Store(&pace{percent, limit})
	if !held.Load() {
		apply()
	}
}

// Held reports whether the process is still in its first phase, with no
// collection yet.
func Held() bool { return held.Load() }
