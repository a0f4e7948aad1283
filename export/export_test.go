package export

import (
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"fengong/extract"
)

func TestDeptStems(t *testing.T) {
	long := strings.Repeat("长", 300)
	names := []string{
		"省发展改革委",
		"省发展改革委/省能源局",
		`省发展改革委\省能源局`,
		"省发展改革委_省能源局", // the name as some other document writes it
		long,
		long + "甲", // differs from long only past the cut
		"CON",
		"con",
		"..",
		".",
		"",
		"省\x00财政厅",
		"省财政厅",
		"省\u200b财政厅", // a zero-width space, dropped from the stem
		"省财政厅 ",      // a trailing space, trimmed
		"a:b*c?d\"e<f>g|h",
		"省..厅",
		"LPT1.txt",
		"\u202e厅政财省", // a right-to-left override
	}
	stems, rewrites := DeptStems(names)
	if len(stems) != len(names) {
		t.Fatalf("got %d stems for %d names", len(stems), len(names))
	}
	used := map[string]string{}
	for _, n := range names {
		s := stems[n]
		switch {
		case s == "" || s == "." || s == "..":
			t.Errorf("%q: stem %q", n, s)
		case !fs.ValidPath(s) || strings.ContainsAny(s, `/\:*?"<>|`):
			t.Errorf("%q: stem %q is not one plain path element", n, s)
		case len(s) > MaxStemBytes:
			t.Errorf("%q: stem %q is %d bytes, over %d", n, s, len(s), MaxStemBytes)
		case !utf8.ValidString(s):
			t.Errorf("%q: stem %q is not valid UTF-8", n, s)
		case isDeviceName(s):
			t.Errorf("%q: stem %q is a device name", n, s)
		}
		for _, r := range s {
			if r < 0x20 || r == 0x7f || r == '\u200b' || r == '\u202e' {
				t.Errorf("%q: stem %q holds %U", n, s, r)
			}
		}
		if other, dup := used[strings.ToLower(s)]; dup {
			t.Errorf("%q and %q share the stem %q", other, n, s)
		}
		used[strings.ToLower(s)] = n
	}
	// names that are already safe keep their stem
	for _, n := range []string{"省发展改革委", "省财政厅"} {
		if stems[n] != n {
			t.Errorf("%q: got stem %q, want the name itself", n, stems[n])
		}
	}
	// every rewritten stem is reported once, naming the name and the stem
	got := map[string]Rewrite{}
	for _, w := range rewrites {
		if _, dup := got[w.Name]; dup {
			t.Errorf("%q reported twice", w.Name)
		}
		got[w.Name] = w
		if w.Stem != stems[w.Name] || w.Why == "" || !strings.Contains(w.String(), w.Stem) {
			t.Errorf("rewrite %+v: stem %q", w, stems[w.Name])
		}
	}
	for _, n := range names {
		if _, ok := got[n]; ok != (stems[n] != n) {
			t.Errorf("%q: stem %q, reported %v", n, stems[n], ok)
		}
	}
	// the same names in another order get the same stems
	rev := make([]string, len(names))
	for i, n := range names {
		rev[len(names)-1-i] = n
	}
	again, _ := DeptStems(rev)
	for _, n := range names {
		if again[n] != stems[n] {
			t.Errorf("%q: stem %q, in reverse order %q", n, stems[n], again[n])
		}
	}
}

// Regression: the cut stem and the length check in batch disagreed (100
// characters there, 120 bytes here), so a long name sank the run.
func TestSafeStemCutsAtARuneBoundary(t *testing.T) {
	for _, n := range []string{strings.Repeat("长", 300), "a" + strings.Repeat("长", 300), strings.Repeat("𠀀", 100)} {
		s := SafeStem(n)
		if len(s) > MaxStemBytes || !utf8.ValidString(s) {
			t.Errorf("SafeStem(%d bytes) = %q (%d bytes)", len(n), s, len(s))
		}
		if SafeStem(n+"x") == s {
			t.Errorf("two long names that differ past the cut share the stem %q", s)
		}
	}
}

// TestIndexOf: the index a caller made once is handed out for its own
// document only; another document gets an index of its own.
func TestIndexOf(t *testing.T) {
	a := &extract.Document{Depts: []extract.Dept{{Name: "甲"}}}
	b := &extract.Document{Depts: []extract.Dept{{Name: "乙"}}}
	o := Options{Index: a.Index()}
	if got := o.IndexOf(a); got != o.Index {
		t.Errorf("IndexOf(a) made another index; want the one given")
	}
	got := o.IndexOf(b)
	if got == o.Index || got.Document() != b || got.Dept("乙") == nil {
		t.Errorf("IndexOf(b) = an index of %p; want b's own", got.Document())
	}
	if got := (Options{}).IndexOf(a); got == nil || got.Document() != a {
		t.Errorf("IndexOf without an index: want a's own")
	}
}
