package batch

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fengong/seeds"
)

// Every workbook's manifest entry lists its sheets' keys. An
// --incremental run after an edit of a task's wording (the 省商务厅's, in
// the input) makes the master and the dept's workbook again, but takes
// the sheets the edit left alone from the previous pack's copies: the
// master's five other sheets, the dept's 说明, 配合任务 and the rest.
// Every workbook is byte for byte a full run's; a previous copy changed
// since its manifest, or made by another build, lends nothing.
func TestIncrementalWorkbookParts(t *testing.T) {
	const master = "汇总/汇总表.xlsx"
	const deptBook = "单位/省商务厅/省商务厅.xlsx"
	base := t.TempDir()
	out := filepath.Join(base, "pack")
	first := testOptions(out)
	first.Build = "build-1"
	mustRun(t, first)
	parts := func(path string) []PartRef {
		var m []PartRef
		for _, e := range readManifest(t, out).Files {
			if e.Path == path {
				m = e.Parts
			}
			if isBook := strings.HasSuffix(e.Path, ".xlsx"); isBook != (len(e.Parts) > 0) {
				t.Errorf("%s lists %d parts", e.Path, len(e.Parts))
			}
		}
		return m
	}
	if got := parts(master); len(got) != 6 {
		t.Fatalf("the master lists %d parts, want its 6 sheets: %v", len(got), got)
	}
	deptSheets := len(parts(deptBook))
	if deptSheets < 3 {
		t.Fatalf("%s lists %d parts, want one per sheet", deptBook, deptSheets)
	}

	var mu sync.Mutex
	var took []string // the master's parts taken
	var deptTook int  // the dept's
	run := func(build string, words string) {
		t.Helper()
		const task = "加强县域商业体系建设。"
		edited := bytes.Replace(seeds.Hunan2022, []byte(task), []byte(strings.TrimSuffix(task, "。")+words+"。"), 1)
		if bytes.Equal(edited, seeds.Hunan2022) {
			t.Fatalf("the seed no longer holds %s", task)
		}
		input := writeInput(t, "hunan-2022.txt", edited)
		full := filepath.Join(t.TempDir(), "full")
		fullOpt := testOptions(full)
		fullOpt.Flags.Input = input
		mustRun(t, fullOpt)
		opt := testOptions(out)
		opt.Incremental, opt.Build, opt.Flags.Input = true, build, input
		opt.tookPart = func(path, part string) {
			mu.Lock()
			defer mu.Unlock()
			switch path {
			case master:
				took = append(took, part)
			case deptBook:
				deptTook++
			default:
				t.Errorf("a part taken for %s, whose view the edit left alone", path)
			}
		}
		took, deptTook = nil, 0
		mustRun(t, opt)
		for p, b := range tree(t, full) {
			if strings.HasSuffix(p, ".xlsx") && !bytes.Equal(b, tree1(t, out, p)) {
				t.Fatalf("%s, made with parts taken (%d of the master's, %d of the dept's), is not a full run's", p, len(took), deptTook)
			}
		}
	}
	run("build-1", "（一）")
	slices.Sort(took)
	want := []string{"xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml", "xl/worksheets/sheet6.xml"}
	if !slices.Equal(took, want) {
		t.Errorf("after an edit of a task's wording, parts taken: %v, want %v", took, want)
	}
	if got := parts(master); len(got) != 6 {
		t.Errorf("the master made again lists %d parts, want 6", len(got))
	}
	// the task is the dept's to lead: all but its 牵头任务 taken
	if deptTook != deptSheets-1 {
		t.Errorf("%d of the %d sheets of %s taken, want all but one", deptTook, deptSheets, deptBook)
	}

	// the previous copy grown since its manifest: read, its hash is not
	// the manifest's, nothing is taken from it
	p := filepath.Join(out, filepath.FromSlash(master))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(data, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(p, later, later)
	run("build-1", "（二）")
	if len(took) != 0 || deptTook != deptSheets-1 {
		t.Errorf("parts taken from a master changed since its manifest: %v (and %d of the dept's, which was not changed)", took, deptTook)
	}
	// another build: nothing taken
	run("build-2", "（三）")
	if len(took) != 0 || deptTook != 0 {
		t.Errorf("parts taken from another build's copies: %v and %d of the dept's", took, deptTook)
	}
	run("build-2", "（四）")
	if len(took) != 5 || deptTook != deptSheets-1 {
		t.Errorf("the same build again: %d of the master's parts taken, want 5; %d of the dept's, want %d", len(took), deptTook, deptSheets-1)
	}
}

// tree1 reads the file p below dir.
func tree1(t *testing.T, dir, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
