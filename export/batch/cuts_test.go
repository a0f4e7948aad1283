package batch

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fengong/extract"
)

// byKind lists a pack's manifest entries of a kind.
func byKind(t *testing.T, dir, kind string) []FileEntry {
	t.Helper()
	var out []FileEntry
	for _, f := range readManifest(t, dir).Files {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

// The PDF faces cut for the batch are files of the pack (kind font-cut):
// an --incremental run whose characters are the same takes them instead
// of cutting again; new characters make new cuts, and the old ones leave
// the pack; a cut file whose bytes are not what the manifest says is
// never taken. Whatever was taken, the briefs are those of a full run.
func TestIncrementalFontCuts(t *testing.T) {
	const dept = "省商务厅"
	base := t.TempDir()
	out := filepath.Join(base, "pack")
	mustRun(t, testOptions(out))
	cuts := byKind(t, out, KindFontCut)
	if len(cuts) < 2 {
		t.Fatalf("%d font cuts in the pack, want one per face", len(cuts))
	}
	for _, c := range cuts {
		if !strings.HasPrefix(c.Path, cutsDir+"/") || c.Key == "" || c.Origin != OriginRendered {
			t.Errorf("font cut %+v", c)
		}
	}
	edit := func(add string) func(*extract.Document) {
		return func(d *extract.Document) {
			a := leadTask(t, d, dept)
			a.Task.Text += add
		}
	}
	// a full run of the same edit, to compare the briefs with
	same := string([]rune(leadTaskText(t, dept))[:2])
	full := filepath.Join(base, "full")
	fullOpt := testOptions(full)
	fullOpt.editModel = edit(same)
	mustRun(t, fullOpt)

	// the same characters: every cut taken, the text-free dashboard
	// pages too; the search data, which lists the task, made again; the
	// overall brief, whose gist of the task stops at its first sentence,
	// taken as it is (and the same bytes as a full run's: samePDFs)
	opt := testOptions(out)
	opt.Incremental = true
	opt.editModel = edit(same)
	mustRun(t, opt)
	got := origins(t, out)
	for _, c := range cuts {
		if f, ok := got[c.Path]; !ok || f.Origin != OriginReused {
			t.Errorf("%s: origin %q, want reused", c.Path, f.Origin)
		}
	}
	for _, p := range []string{"charts/index.html", "charts/workload.html", "charts/sections.html", "charts/network.html", "charts/heatmap.html",
		"charts/targets.html", "charts/warnings.html", "charts/assets/echarts.min.js", "汇总/总体简报.pdf"} {
		if f := got[p]; f.Origin != OriginReused {
			t.Errorf("%s: origin %q, want reused", p, f.Origin)
		}
	}
	for _, p := range []string{"charts/search.js", "单位/" + dept + "/" + dept + ".pdf"} {
		if f := got[p]; f.Origin != OriginRendered {
			t.Errorf("%s: origin %q, want rendered", p, f.Origin)
		}
	}
	samePDFs(t, full, out)

	// a cut changed in place (same size, later time): not taken
	victim := filepath.Join(out, filepath.FromSlash(cuts[0].Path))
	data := damageInPlace(t, victim)
	mustRun(t, opt)
	if f := origins(t, out)[cuts[0].Path]; f.Origin != OriginRendered {
		t.Errorf("a damaged cut: origin %q, want rendered", f.Origin)
	}
	if b, err := os.ReadFile(victim); err != nil || bytes.Equal(b, data) {
		t.Errorf("the damaged cut is still in the pack (%v)", err)
	}
	samePDFs(t, full, out)

	// a character the batch did not have: new cuts, the old ones gone
	opt.editModel = edit("鑫")
	mustRun(t, opt)
	now := byKind(t, out, KindFontCut)
	rendered := 0
	for _, c := range now {
		if c.Origin == OriginRendered {
			rendered++
		}
	}
	if rendered == 0 || len(now) != len(cuts) {
		t.Errorf("after a new character: %d cuts, %d of them made anew; want %d, some made anew", len(now), rendered, len(cuts))
	}
	entries, err := os.ReadDir(filepath.Join(out, filepath.FromSlash(cutsDir)))
	if err != nil || len(entries) != len(now) {
		t.Errorf("%d files in %s for %d cuts (%v)", len(entries), cutsDir, len(now), err)
	}
}

// damageInPlace flips a byte in the middle of the file at name, keeping
// its size and giving it a later time, and returns its new bytes.
func damageInPlace(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0xff
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(name, later, later)
	return data
}

// leadTaskText is the text of dept's first lead task in the seed.
func leadTaskText(t *testing.T, dept string) string {
	t.Helper()
	var text string
	opt := testOptions(filepath.Join(t.TempDir(), "x"))
	opt.editModel = func(d *extract.Document) { text = leadTask(t, d, dept).Task.Text }
	opt.Flags.Formats = []string{FormatXLSX}
	opt.Flags.Depts = []string{dept}
	mustRun(t, opt)
	return text
}

// samePDFs: every PDF of pack b is byte for byte the one of pack a.
func samePDFs(t *testing.T, a, b string) {
	t.Helper()
	n := 0
	filepath.WalkDir(b, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".pdf" {
			return err
		}
		rel, _ := filepath.Rel(b, p)
		want, err := os.ReadFile(filepath.Join(a, rel))
		got, _ := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: not the full run's PDF (%v)", rel, err)
		}
		n++
		return nil
	})
	if n < 100 {
		t.Errorf("%d PDFs compared", n)
	}
}

// TestCutsReadAhead: the previous pack's cuts are read, checked and
// handed to be parsed ahead of the renderer (warmUp); Cut then takes the
// bytes read ahead, published again, even when the file has gone since
// (it was checked when read, as a file read to be trusted is), and a
// cut damaged before the read is neither parsed nor taken.
func TestCutsReadAhead(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	cuts := byKind(t, out, KindFontCut)
	if len(cuts) < 2 {
		t.Fatalf("%d font cuts in the pack, want one per face", len(cuts))
	}
	// the first damaged in place, later than the manifest
	damageInPlace(t, filepath.Join(out, filepath.FromSlash(cuts[0].Path)))

	prev, _, err := openPrevious(out)
	if err != nil {
		t.Fatal(err)
	}
	defer prev.close()
	pub, err := newPublisher(out)
	if err != nil {
		t.Fatal(err)
	}
	defer pub.abort()
	pub.start()
	c := newPackCuts(&Run{pub: pub}, prev)
	parsed := make(chan string, len(cuts))
	c.readAhead(func(data []byte, sum string) {
		if sha(data) != sum {
			t.Errorf("handed to parse with the sum %s, bytes of %s", sum, sha(data))
		}
		parsed <- sum
	})
	<-c.read
	for _, e := range cuts {
		if err := os.Remove(filepath.Join(out, filepath.FromSlash(e.Path))); err != nil {
			t.Fatal(err)
		}
	}
	for i, e := range cuts {
		data, sum := c.Cut(e.Key)
		switch {
		case i == 0 && data != nil:
			t.Errorf("%s, damaged before it was read: taken", e.Path)
		case i > 0 && (sha(data) != e.SHA256 || sum != e.SHA256):
			t.Errorf("%s: took bytes of %s (sum %q), want the ones read ahead, %s", e.Path, sha(data), sum, e.SHA256)
		}
	}
	if err := pub.drain(); err != nil {
		t.Fatalf("publishing the cuts taken: %v", err)
	}
	// every cut read ahead is handed to be parsed, the damaged one not
	if _, ok := c.ahead[cuts[0].Path]; ok || len(c.ahead) != len(cuts)-1 {
		t.Errorf("%d cuts read ahead (the damaged one among them: %v), want %d", len(c.ahead), ok, len(cuts)-1)
	}
	for range c.ahead {
		if sum := <-parsed; sum == cuts[0].SHA256 {
			t.Errorf("the damaged cut was handed to be parsed")
		}
	}
	for _, e := range cuts[1:] {
		if b, err := os.ReadFile(filepath.Join(pub.tmp, filepath.FromSlash(e.Path))); err != nil || sha(b) != e.SHA256 {
			t.Errorf("%s: not published from the bytes read ahead (%v)", e.Path, err)
		}
	}
}

// TestCutsReadAheadBounded: a manifest that lists more cuts than a run
// can have faces (whoever can write DIR writes it) gets no more than
// maxCutsAhead of them read and held ahead.
func TestCutsReadAheadBounded(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	m := readManifest(t, out)
	var cut FileEntry
	for _, e := range m.Files {
		if e.Kind == KindFontCut {
			cut = e
			break
		}
	}
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(cut.Path)))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 * maxCutsAhead {
		e := cut
		e.Key = fmt.Sprintf("%064x", i)
		e.Path = path.Join(cutsDir, e.Key+".ttf")
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(e.Path)), data, 0o644); err != nil {
			t.Fatal(err)
		}
		m.Files = append(m.Files, e)
	}
	writeManifest(t, out, m)
	prev, _, err := openPrevious(out)
	if err != nil {
		t.Fatal(err)
	}
	defer prev.close()
	c := newPackCuts(&Run{}, prev)
	parsed := make(chan struct{}, 4*maxCutsAhead)
	c.readAhead(func([]byte, string) { parsed <- struct{}{} })
	<-c.read
	if len(c.ahead) != maxCutsAhead {
		t.Errorf("%d cuts read ahead, want at most %d", len(c.ahead), maxCutsAhead)
	}
	for range c.ahead {
		<-parsed
	}
}
