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

// TestStartOrder: the whole-pack files start first; the change report
// starts before the depts' files in a full run, after them when a
// previous pack is reused.
func TestStartOrder(t *testing.T) {
	var got []string
	task := func(name string) func() error {
		return func() error { got = append(got, name); return nil }
	}
	whole := []func() error{task("brief"), task("master")}
	depts := []func() error{task("a.pdf"), task("a.xlsx")}
	for _, c := range []struct {
		reusing bool
		want    []string
	}{
		{false, []string{"brief", "master", "changes", "a.pdf", "a.xlsx"}},
		{true, []string{"brief", "master", "a.pdf", "a.xlsx", "changes"}},
	} {
		got = nil
		for _, f := range startOrder(whole, depts, task("changes"), c.reusing) {
			f()
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("reusing %v: started %q, want %q", c.reusing, got, c.want)
		}
	}
}
