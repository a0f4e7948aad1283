package extract

import (
	"strings"
	"testing"
)

// TestMarkScans: nextLabelEnd and indexColon find what strings.IndexAny
// finds, on label lines, on lines with none of the marks, and on broken
// UTF-8 (a lone lead byte before a mark, a mark cut short).
func TestMarkScans(t *testing.T) {
	lines := []string{
		"", ":", "：", "为", "牵头单位：市发改委", "牵头单位:市发改委", "牵头单位为市发改委",
		"加强县域商业体系建设。（省商务厅牵头）", "abc", "责任单位（市发改委）：x",
		"\xe4：", "\xef\xbc", "\xef\xbc:", "\xe4\xb8", "\xe4\xb8为", "为\xff:", "x\u4e3ay", "各县市区人民政府；市直有关单位",
	}
	for _, l := range lines {
		if got, want := nextLabelEnd(l), strings.IndexAny(l, ":：为"); got != want {
			t.Errorf("nextLabelEnd(%q) = %d, want %d", l, got, want)
		}
		if got, want := indexColon(l), strings.IndexAny(l, "：:"); got != want {
			t.Errorf("indexColon(%q) = %d, want %d", l, got, want)
		}
	}
	// and on every line of the seed
	txt, err := Read("hunan-2022.txt", seedBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range txt.Lines {
		for i := range l {
			s := l[i:]
			if nextLabelEnd(s) != strings.IndexAny(s, ":：为") || indexColon(s) != strings.IndexAny(s, "：:") {
				t.Fatalf("the scans and strings.IndexAny disagree on %q", s)
			}
		}
	}
}

// TestFoldKeepsNUL: with no lead mark in the document a NUL is no mark:
// folding keeps it, so the folded line stays as long as the line written
// (a NUL had been folded to the three-byte lead mark, and a task's text
// then came out in Simplified characters from a Traditional line).
func TestFoldKeepsNUL(t *testing.T) {
	l := "長0% 責任：0000\x00"
	f := foldLines([]string{l})[0]
	if len(f) != len(l) || !strings.HasSuffix(f, "\x00") {
		t.Errorf("foldLines(%q) = %q: want as long, its NUL kept", l, f)
	}
}
