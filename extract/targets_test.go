package extract

import (
	"runtime"
	"strings"
	"testing"
)

// TestTargetsLinear reads lines of numbers with no phrase mark between
// them (a table's row of percentages run together, notes closed and left
// open) at two lengths, 4× apart: what the reading allocates must grow
// about 4×, not 16×. Every number once re-read the whole line before it
// for its phrase (its notes dropped), so such a line of 128 KB took 14 s.
// Allocation, not time, is measured: it is the same on a busy machine.
func TestTargetsLinear(t *testing.T) {
	dir := installedDirs(t)
	for _, unit := range []string{"6.5%", "（甲）6.5%", "甲）6.5%", "新建（6.5%", "增长6.5%以上"} {
		var alloc [2]uint64
		for i, n := range []int{2_000, 8_000} {
			line := "1.甲" + strings.Repeat(unit, n)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			if _, err := Parse(&Text{Name: "x", Lines: []string{line}}, dir); err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			alloc[i] = after.TotalAlloc - before.TotalAlloc
		}
		if r := float64(alloc[1]) / float64(alloc[0]); r > 6 {
			t.Errorf("%q ×2,000 allocated %d bytes, ×8,000 %d: %.1f× for 4× the line", unit, alloc[0], alloc[1], r)
		}
	}
}
