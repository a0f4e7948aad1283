package layout_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	. "fengong/export/pdf/layout"
)

// TestBalance sets titles at 20 widths: every line fits, no line is a
// lone character, no break falls inside a book title that fits a line,
// and the lines are at most one more than Break's (for the book title's
// sake) and, when as many, no longer than its longest.
func TestBalance(t *testing.T) {
	m := testMetrics(t)
	titles := []string{
		"关于落实《政府工作报告》重点工作分工的意见",
		"湖南省人民政府关于落实《政府工作报告》重点工作分工的意见",
		"关于印发《2022年全省重点工作任务清单》的通知",
		"落实〈政府工作报告〉重点工作分工的意见",
		"重点工作分工",
	}
	const size = 22.0
	em := size * PtToMM
	for _, title := range titles {
		for i := range 20 {
			width := em * float64(8+i) // 8 to 27 characters a line
			lines := Balance(title, width, size, m)
			greedy := Break(title, width, size, m)
			if got := strings.Join(lines, ""); got != title {
				t.Fatalf("%d: lines %q lose text", i, lines)
			}
			if len(lines) > len(greedy)+1 {
				t.Errorf("%s at %d: %d lines, Break needs only %d", title, 8+i, len(lines), len(greedy))
			}
			longest, gpos := 0.0, 0
			for _, l := range greedy {
				longest = max(longest, m.Width(l, size))
				if gpos += len(l); gpos < len(title) && insideBook(title, gpos) {
					longest = width // Break's lines are no standard here
				}
			}
			pos := 0
			for _, l := range lines {
				if w := m.Width(l, size); w > width+1e-6 || len(lines) == len(greedy) && w > longest+1e-6 {
					t.Errorf("%s at %d: line %q is %.1f mm, the line is %.1f, Break's longest %.1f", title, 8+i, l, w, width, longest)
				}
				if len(lines) > 1 && utf8.RuneCountInString(l) < 2 {
					t.Errorf("%s at %d: a lone character %q in %q", title, 8+i, l, lines)
				}
				pos += len(l)
				if pos < len(title) && insideBook(title, pos) && m.Width(book(title), size) <= width {
					t.Errorf("%s at %d: a break inside a book title: %q", title, 8+i, lines)
				}
			}
		}
	}
	// the seed's 21-character title on a 20-character line: 12 and 9, not 20 and 见
	lines := Balance(titles[0], 156, size, m)
	if len(lines) != 2 || lines[0] != "关于落实《政府工作报告》" {
		t.Errorf("Balance(seed title) = %q", lines)
	}
}

// book is the first book title of s with its marks.
func book(s string) string {
	i, j := strings.IndexAny(s, "《〈"), strings.IndexAny(s, "》〉")
	if i < 0 || j < i {
		return ""
	}
	_, n := utf8.DecodeRuneInString(s[j:])
	return s[i : j+n]
}

func insideBook(s string, pos int) bool {
	depth := 0
	for _, r := range s[:pos] {
		switch r {
		case '《', '〈':
			depth++
		case '》', '〉':
			depth--
		}
	}
	return depth > 0
}

// TestGrid: at 3号 with the body's tracking, a 156 mm line holds 28 CJK
// characters, not 29, and 22 lines of the grid pitch fill the 225 mm
// type area: pure layout data.
func TestGrid(t *testing.T) {
	m := testMetrics(t).Tracked(GridTrack)
	line := strings.Repeat("国", 60)
	got := Break(line, 156, 16, m)
	if n := utf8.RuneCountInString(got[0]); n != 28 {
		t.Errorf("a 3号 body line holds %d characters, want 28", n)
	}
	f := NewFlow(Geometry{Width: 210, Height: 297, Left: 28, Top: 37, BodyW: 156, BodyH: 225}, Fonts{Body: testMetrics(t)})
	st := Style{Font: FontBody, Size: 16, Leading: GridPitch, Track: GridTrack}
	f.Paragraph(strings.Repeat("国", 28*30), st)
	l := f.Finish()
	lines := 0
	for _, it := range l.Pages[0].Items {
		if it.Kind == KindText {
			lines++
			if n := utf8.RuneCountInString(it.Text); n != 28 {
				t.Errorf("line %d holds %d characters, want 28", lines, n)
			}
			if it.X+it.W > 28+156+0.01 {
				t.Errorf("line %d ends at %.2f mm, past the type area", lines, it.X+it.W)
			}
		}
	}
	if lines != 22 {
		t.Errorf("a full page holds %d lines, want 22", lines)
	}
}
