package extract

import (
	"runtime"
	"strconv"
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

// TestFixupsLinear: a label's list wrapped over thousands of lines, and
// thousands of headings each over a line of text, allocate about 4× for
// 4× the lines, not 16× (the wrapped lines were joined one by one, the
// next item's number searched from every line).
func TestFixupsLinear(t *testing.T) {
	dir := installedDirs(t)
	for name, make := range map[string]func(n int) []string{
		"wrapped list": func(n int) []string {
			l := []string{"1.甲工作。", "配合单位：市财政局、"}
			for range n {
				l = append(l, "市统计局、")
			}
			return l
		},
		"a space row's units cell wrapped a unit a line": func(n int) []string {
			l := []string{"序号 重点工作任务 主要责任单位 协同配合单位", "1 地区生产总值增长6.5%左右。 区发改委"}
			for range n {
				l = append(l, "区税务局")
			}
			return append(l, "2 一般公共预算收入增长5%。 区财政局")
		},
		"headings over text": func(n int) []string {
			l := []string{"1.甲工作。（市发改委牵头）"}
			for i := range n {
				l = append(l, "二、标题", "说明文字"+strconv.Itoa(i))
			}
			return l
		},
	} {
		var alloc [2]uint64
		for i, n := range []int{2_000, 8_000} {
			lines := make(n)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			if _, err := Parse(&Text{Name: "x", Lines: lines}, dir); err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			alloc[i] = after.TotalAlloc - before.TotalAlloc
		}
		if r := float64(alloc[1]) / float64(alloc[0]); r > 6 {
			t.Errorf("%s: ×2,000 allocated %d bytes, ×8,000 %d: %.1f× for 4× the lines", name, alloc[0], alloc[1], r)
		}
	}
}
