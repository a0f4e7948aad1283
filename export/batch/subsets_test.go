package batch

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fengong/extract"
)

// A PDF's manifest entry says where it holds each face's subset: a zlib
// stream inflating to the length told. An --incremental run that draws a
// PDF again with the same characters takes its subsets from the previous
// pack, and the PDFs are still those of a full run; a previous PDF
// changed since its manifest is never taken from.
func TestIncrementalSubsets(t *testing.T) {
	const dept = "省商务厅"
	deptPDF := "单位/" + dept + "/" + dept + ".pdf"
	base := t.TempDir()
	out := filepath.Join(base, "pack")
	mustRun(t, testOptions(out))
	for _, e := range readManifest(t, out).Files {
		isPDF := filepath.Ext(e.Path) == ".pdf"
		if isPDF != (len(e.Subsets) > 0) {
			t.Errorf("%s: %d subsets listed", e.Path, len(e.Subsets))
		}
		if e.Path != deptPDF && e.Kind != KindBrief {
			continue
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(e.Path)))
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range e.Subsets {
			z := streamAt(data, ref)
			if z == nil {
				t.Fatalf("%s: subset %+v is not at a font stream", e.Path, ref)
			}
			zr, err := zlib.NewReader(bytes.NewReader(z))
			if err != nil {
				t.Fatal(err)
			}
			if raw, err := io.ReadAll(zr); err != nil || len(raw) != ref.Raw {
				t.Errorf("%s: subset inflates to %d bytes (%v), listed %d", e.Path, len(raw), err, ref.Raw)
			}
		}
	}

	// characters the task has, put before its words: the brief's gist of
	// the task changes (so the brief is drawn again), its characters not
	same := string([]rune(leadTaskText(t, dept))[:2])
	edit := func(d *extract.Document) { a := leadTask(t, d, dept); a.Task.Text = same + a.Task.Text }
	full := filepath.Join(base, "full")
	fullOpt := testOptions(full)
	fullOpt.editModel = edit
	mustRun(t, fullOpt)

	var mu sync.Mutex
	took := map[string]int{}
	opt := testOptions(out)
	opt.Incremental = true
	opt.editModel = edit
	opt.tookSubset = func(p string) {
		mu.Lock()
		defer mu.Unlock()
		took[p]++
	}
	mustRun(t, opt)
	if took[deptPDF] == 0 || took["汇总/总体简报.pdf"] == 0 {
		t.Errorf("subsets taken from %v; want the dept's PDF and the brief among them", took)
	}
	samePDFs(t, full, out)

	// the previous brief grown since its manifest: read, its hash is not
	// the manifest's, nothing is taken from it
	clear(took)
	brief := filepath.Join(out, "汇总", "总体简报.pdf")
	b, err := os.ReadFile(brief)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(brief, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(brief, later, later)
	opt.editModel = func(d *extract.Document) { a := leadTask(t, d, dept); a.Task.Text = same + same + a.Task.Text }
	fullOpt.editModel = opt.editModel
	mustRun(t, fullOpt)
	mustRun(t, opt)
	if took["汇总/总体简报.pdf"] != 0 {
		t.Errorf("%d subsets taken from a brief changed since its manifest", took["汇总/总体简报.pdf"])
	}
	samePDFs(t, full, out)
}

// streamAt takes only what sits where a font file stream does.
func TestStreamAt(t *testing.T) {
	doc := []byte("1 0 obj\n<</Length 5\n/Filter /FlateDecode\n/Length1 42\n>>\nstream\nZZZZZ\nendstream\nendobj\n")
	off := bytes.Index(doc, []byte("ZZZZZ"))
	good := SubsetRef{Offset: off, Length: 5, Raw: 42}
	if z := streamAt(doc, good); string(z) != "ZZZZZ" {
		t.Fatalf("streamAt(good) = %q", z)
	}
	for name, ref := range map[string]SubsetRef{
		"zero offset":     {Offset: 0, Length: 5, Raw: 42},
		"negative offset": {Offset: -1, Length: 5, Raw: 42},
		"past the end":    {Offset: len(doc) + 1, Length: 5, Raw: 42},
		"too long":        {Offset: off, Length: len(doc), Raw: 42},
		"huge length":     {Offset: off, Length: int(^uint(0) >> 1), Raw: 42},
		"short":           {Offset: off, Length: 4, Raw: 42},
		"shifted":         {Offset: off + 1, Length: 5, Raw: 42},
		"other raw":       {Offset: off, Length: 5, Raw: 41},
		"no raw":          {Offset: off, Length: 5},
		"empty":           {Offset: off, Length: 0, Raw: 42},
	} {
		if z := streamAt(doc, ref); z != nil {
			t.Errorf("%s: streamAt = %q, want nil", name, z)
		}
	}
}
