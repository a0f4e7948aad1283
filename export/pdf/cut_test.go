package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"fengong/export"
)

// mapCuts is a CutCache in memory that counts what it is asked. It knows
// the sum of what it keeps, as the batch's does.
type mapCuts struct {
	kept         map[string][]byte
	asked, given int
}

func (m *mapCuts) Cut(key string) ([]byte, string) {
	m.asked++
	b, ok := m.kept[key]
	if !ok {
		return nil, ""
	}
	s := sha256.Sum256(b)
	return b, hex.EncodeToString(s[:])
}

func (m *mapCuts) Keep(key string, cut []byte) {
	m.given++
	m.kept[key] = cut
}

// TestCutCache: a renderer given the cuts an earlier one kept cuts
// nothing and draws the same bytes; a kept cut that is not a face holding
// the runes (damaged, or another face's) is cut again.
func TestCutCache(t *testing.T) {
	doc, cuts, first := seedCuts(t)
	if cuts.given == 0 || cuts.given != len(cuts.kept) {
		t.Fatalf("the first renderer kept %d cuts under %d keys", cuts.given, len(cuts.kept))
	}
	faces := cuts.given
	dept := doc.Depts[0].Name
	want, err := first.Dept(dept)
	if err != nil {
		t.Fatal(err)
	}

	cuts.asked, cuts.given = 0, 0
	second, err := NewRenderer(doc, export.Options{Date: testDate}, Fonts{Cuts: cuts})
	if err != nil {
		t.Fatal(err)
	}
	if cuts.asked != faces || cuts.given != 0 {
		t.Errorf("the second renderer asked for %d cuts and cut %d, want %d and 0", cuts.asked, cuts.given, faces)
	}
	if got, err := second.Dept(dept); err != nil || !bytes.Equal(got, want) {
		t.Errorf("a brief drawn with kept cuts differs (%v)", err)
	}

	// damage every kept cut a different way
	i := 0
	var other []byte
	for _, c := range cuts.kept {
		other = c
	}
	for k, c := range cuts.kept {
		switch i % 3 {
		case 0:
			cuts.kept[k] = c[:len(c)/2]
		case 1:
			cuts.kept[k] = []byte("not a font")
		case 2:
			cuts.kept[k] = other // a face, but another face's cut
		}
		i++
	}
	cuts.asked, cuts.given = 0, 0
	third, err := NewRenderer(doc, export.Options{Date: testDate}, Fonts{Cuts: cuts})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := third.Dept(dept); err != nil || !bytes.Equal(got, want) {
		t.Errorf("a brief drawn after damaged cuts differs (%v)", err)
	}
	if cuts.given < faces-1 {
		t.Errorf("after damaging every kept cut, %d of %d faces were cut again", cuts.given, faces)
	}
}
