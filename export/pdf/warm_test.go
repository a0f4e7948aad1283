package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"fengong/export"
	"fengong/export/pdf/font"
	"fengong/extract"
)

// seedCuts is the seed's model, the cuts a renderer of it kept, and that
// renderer.
func seedCuts(tb testing.TB) (*extract.Document, *mapCuts, *Renderer) {
	tb.Helper()
	doc, err := seed()
	if err != nil {
		tb.Fatalf("parsing the seed: %v", err)
	}
	cuts := &mapCuts{kept: map[string][]byte{}}
	r, err := NewRenderer(doc, export.Options{Date: testDate}, Fonts{Cuts: cuts})
	if err != nil {
		tb.Fatal(err)
	}
	return doc, cuts, r
}

// warmFor is a Warm holding, parsed, what a run's warm-up parses: the
// wording, every embedded face and the cuts kept.
func warmFor(cuts *mapCuts) *Warm {
	w := NewWarm()
	w.Wording(nil)
	w.Faces(Fonts{})
	for _, c := range cuts.kept {
		s := sha256.Sum256(c)
		w.Cut(c, hex.EncodeToString(s[:]))
	}
	return w
}

// TestWarm: a renderer given the faces, the kept cuts and the wording
// parsed ahead draws the same bytes as one that parses them itself, and
// takes every parse from the Warm rather than parsing again.
func TestWarm(t *testing.T) {
	doc, cuts, first := seedCuts(t)
	dept := doc.Depts[0].Name
	want, err := first.Dept(dept)
	if err != nil {
		t.Fatal(err)
	}
	w := warmFor(cuts)
	warmed, err := NewRenderer(doc, export.Options{Date: testDate}, Fonts{Cuts: cuts, Warm: w})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := warmed.Dept(dept); err != nil || !bytes.Equal(got, want) {
		t.Errorf("a brief drawn with the Warm's parses differs (%v)", err)
	}
	if len(w.faces) != 4 || len(w.cuts) != len(cuts.kept) || len(w.words) != 1 {
		t.Errorf("the Warm holds %d faces, %d cuts and %d wordings; want 4, %d and 1 (a parse the renderer made itself was added)", len(w.faces), len(w.cuts), len(w.words), len(cuts.kept))
	}
	for _, f := range warmed.faces {
		if f.draw.Data == nil {
			continue
		}
		s := sha256.Sum256(f.draw.Data)
		p := w.cuts[hex.EncodeToString(s[:])]
		if p == nil || p.v.face != f.draw.Face() {
			t.Errorf("face %s: its cut was parsed again, not taken from the Warm", f.key)
		}
		if wf := w.faces[fontID{&f.src[0], len(f.src)}]; wf == nil || wf.v.face != f.parsed {
			t.Errorf("face %s: parsed again, not taken from the Warm", f.key)
		}
	}
	for _, p := range w.words {
		if p.v != warmed.words {
			t.Errorf("the wording was read again, not taken from the Warm")
		}
	}
}

// TestWarmCutOtherBytes: a cut whose bytes are not those the Warm parsed
// under its sum (a caller's mistake) is parsed afresh, never answered
// with another font's parse; a cut that is no font is an error, each
// time it is asked for.
func TestWarmCutOtherBytes(t *testing.T) {
	w := NewWarm()
	song, hei := font.Song(), font.Hei()
	a, err := w.cut(song, "sum")
	if err != nil {
		t.Fatal(err)
	}
	b, err := w.cut(hei, "sum")
	if err != nil {
		t.Fatal(err)
	}
	if a.face == b.face || !bytes.Equal(b.data, hei) || b.face.Name == a.face.Name {
		t.Errorf("other bytes under the same sum got the first font's parse (%q, %q)", a.face.Name, b.face.Name)
	}
	for range 2 {
		if _, err := w.cut([]byte("not a font"), "bad"); err == nil {
			t.Errorf("a cut that is no font parsed")
		}
	}
	var none *Warm
	if p, err := none.face(song); err != nil || p.face == nil {
		t.Errorf("a nil Warm does not parse a face: %v", err)
	}
	var zero Warm
	if p, err := zero.face(song); err != nil || p.face == nil || len(zero.faces) != 1 {
		t.Errorf("a zero Warm does not keep the face it parses: %v", err)
	}
}
