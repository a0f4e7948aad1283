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

// TestDeptOrder: the change report starts after the first file to
// render and before the others; the files to check start last; with
// nothing to render, the report starts first.
func TestDeptOrder(t *testing.T) {
	var got []string
	task := func(name string) func() error {
		return func() error { got = append(got, name); return nil }
	}
	tasks := func(names ...string) []func() error {
		var fs []func() error
		for _, n := range names {
			fs = append(fs, task(n))
		}
		return fs
	}
	for _, c := range []struct {
		render, check []func() error
		want          []string
	}{
		{tasks("a.pdf", "a.xlsx", "b.pdf"), nil, []string{"a.pdf", "changes", "a.xlsx", "b.pdf"}},
		{tasks("b.pdf", "b.xlsx"), tasks("a.pdf", "a.xlsx"), []string{"b.pdf", "changes", "b.xlsx", "a.pdf", "a.xlsx"}},
		{nil, tasks("a.pdf", "a.xlsx"), []string{"changes", "a.pdf", "a.xlsx"}},
		{nil, nil, []string{"changes"}},
	} {
		got = nil
		for _, f := range deptOrder(c.render, c.check, task("changes")) {
			f()
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("started %q, want %q", got, c.want)
		}
	}
}

// TestSplitByKey: a dept job whose key the previous manifest holds for
// its path is to check, any other (another key, no entry, no key) to
// render; each keeps its key, made once, and the order is kept.
func TestSplitByKey(t *testing.T) {
	made := map[string]int{}
	mk := func(path, key string) job {
		return job{file: &File{Path: path}, key: func() string { made[path]++; return key }}
	}
	prev := &prevPack{files: map[string]FileEntry{
		"a.pdf": {Path: "a.pdf", Key: "ka"}, "b.pdf": {Path: "b.pdf", Key: "old"}, "d.pdf": {Path: "d.pdf", Key: ""},
	}}
	jobs := []job{mk("a.pdf", "ka"), mk("b.pdf", "kb"), mk("c.pdf", "kc"), mk("d.pdf", "")}
	render, check := splitByKey(jobs, prev)
	names := func(js []job) (s []string) {
		for _, j := range js {
			s = append(s, j.file.Path)
		}
		return s
	}
	if got := names(render); !slices.Equal(got, []string{"b.pdf", "c.pdf", "d.pdf"}) {
		t.Errorf("to render: %q", got)
	}
	if got := names(check); !slices.Equal(got, []string{"a.pdf"}) {
		t.Errorf("to check: %q", got)
	}
	for _, j := range append(render, check...) {
		if j.key() != j.file.Key {
			t.Errorf("%s: key %q, file's key %q", j.file.Path, j.key(), j.file.Key)
		}
		if made[j.file.Path] != 1 {
			t.Errorf("%s: key made %d times", j.file.Path, made[j.file.Path])
		}
	}
}
