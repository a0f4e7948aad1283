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

// The master workbook's manifest entry lists its six sheets' keys. An
// --incremental run after an edit of a task's wording (the 省商务厅's, in
// the input) makes the master again but takes the five sheets the edit
// left alone from the previous pack's copy. Every workbook is byte for
// byte a full run's; a previous copy changed since its manifest, or made
// by another build, lends nothing.
func TestIncrementalMasterParts(t *testing.T) {
	const master = "汇总/汇总表.xlsx"
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
			if (e.Path == master) != (len(e.Parts) > 0) {
				t.Errorf("%s lists %d parts", e.Path, len(e.Parts))
			}
		}
		return m
	}
	if got := parts(master); len(got) != 6 {
		t.Fatalf("the master lists %d parts, want its 6 sheets: %v", len(got), got)
	}

	var mu sync.Mutex
	var took []string
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
			if path != master {
				t.Errorf("a part taken for %s", path)
			}
			took = append(took, part)
		}
		took = nil
		mustRun(t, opt)
		for p, b := range tree(t, full) {
			if strings.HasSuffix(p, ".xlsx") && !bytes.Equal(b, tree1(t, out, p)) {
				t.Fatalf("%s, made with %d parts of the master taken, is not a full run's", p, len(took))
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
	if len(took) != 0 {
		t.Errorf("parts taken from a copy changed since its manifest: %v", took)
	}
	// another build: nothing taken
	run("build-2", "（三）")
	if len(took) != 0 {
		t.Errorf("parts taken from another build's copy: %v", took)
	}
	run("build-2", "（四）")
	if len(took) != 5 {
		t.Errorf("the same build again: %d parts taken, want 5", len(took))
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
