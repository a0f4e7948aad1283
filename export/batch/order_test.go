package batch

import (
	"slices"
	"testing"
)

// TestLongestFirst: the whole-pack files start first (PDFs, then
// workbooks), then the depts' files, a PDF and a workbook in turn, each
// list's own order kept, lists of unequal length drained.
func TestLongestFirst(t *testing.T) {
	mk := func(paths ...string) []job {
		var js []job
		for _, p := range paths {
			f := &File{Path: p}
			if len(p) > 1 {
				f.Dept = p[:1]
			}
			js = append(js, job{file: f})
		}
		return js
	}
	names := func(js []job) []string {
		var s []string
		for _, j := range js {
			s = append(s, j.file.Path)
		}
		return s
	}
	for _, c := range []struct {
		pdfs, books []job
		whole, dept []string
	}{
		{mk("B", "N", "a.pdf", "b.pdf", "c.pdf"), mk("M", "a.xlsx", "b.xlsx", "c.xlsx"),
			[]string{"B", "N", "M"}, []string{"a.pdf", "a.xlsx", "b.pdf", "b.xlsx", "c.pdf", "c.xlsx"}},
		{nil, mk("M", "a.xlsx", "b.xlsx"), []string{"M"}, []string{"a.xlsx", "b.xlsx"}},
		{mk("B", "a.pdf", "b.pdf"), nil, []string{"B"}, []string{"a.pdf", "b.pdf"}},
		{mk("B", "a.pdf"), mk("M", "a.xlsx", "b.xlsx", "c.xlsx"), []string{"B", "M"}, []string{"a.pdf", "a.xlsx", "b.xlsx", "c.xlsx"}},
		{nil, nil, nil, nil},
	} {
		whole, depts := longestFirst(c.pdfs, c.books)
		if got := names(whole); !slices.Equal(got, c.whole) {
			t.Errorf("whole: got %q, want %q", got, c.whole)
		}
		if got := names(depts); !slices.Equal(got, c.dept) {
			t.Errorf("depts: got %q, want %q", got, c.dept)
		}
	}
}
