package draw_test

import (
	"bytes"
	"compress/zlib"
	"io"
	"strconv"
	"testing"
	"time"

	"fengong/export/pdf/draw"
	"fengong/export/pdf/font"
	"fengong/export/pdf/layout"
)

// streams is a Subsets that keeps every subset's stream, cut out of the
// document Keep's offset and length point into, and counts what it gives.
type streams struct {
	kept  map[string]kept
	given int
	last  []kept // told by the last document
}

type kept struct {
	key                 string
	raw, offset, length int
	z                   []byte
}

func (s *streams) Subset(key string) ([]byte, int) {
	k, ok := s.kept[key]
	if !ok {
		return nil, 0
	}
	s.given++
	return k.z, k.raw
}

func (s *streams) Keep(key string, raw, offset, length int) {
	s.last = append(s.last, kept{key: key, raw: raw, offset: offset, length: length})
}

// take cuts the streams the last document told of out of its bytes.
func (s *streams) take(t *testing.T, doc []byte) {
	t.Helper()
	for _, k := range s.last {
		if k.offset < 0 || k.offset+k.length > len(doc) {
			t.Fatalf("subset %s at %d+%d: outside the %d bytes", k.key, k.offset, k.length, len(doc))
		}
		k.z = bytes.Clone(doc[k.offset : k.offset+k.length])
		s.kept[k.key] = k
	}
	s.last = nil
}

// TestSubsets: a document given the subsets an earlier one embedded is
// byte for byte the document drawn without them, and takes every one;
// Keep points at the font file streams themselves (each inflates to a
// TrueType font of the length told); other runes or another face make
// another key.
func TestSubsets(t *testing.T) {
	body := draw.Font{Key: layout.FontBody, Name: "WenQuanYiMicroHei", Data: cut(t)}
	titleCut, err := draw.Cut(font.SongBold(), runes)
	if err != nil {
		t.Fatal(err)
	}
	title := draw.Font{Key: layout.FontTitle, Name: "FengongSerifSC-Bold", Data: titleCut}
	if err := title.Prepare(); err != nil {
		t.Fatal(err)
	}
	fonts := []draw.Font{body, title}
	l := page(
		layout.Item{Kind: layout.KindText, X: 28, Y: 40, Font: layout.FontTitle, Size: 22, Text: "政府工作报告"},
		layout.Item{Kind: layout.KindText, X: 28, Y: 60, Font: layout.FontBody, Size: 16, Text: "落实一二三，。"},
	)
	meta := draw.Meta{Title: "落实", Date: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC), Compress: true}
	plain, err := draw.PDF(l, fonts, meta)
	if err != nil {
		t.Fatal(err)
	}
	s := &streams{kept: map[string]kept{}}
	meta.Subsets = s
	first, err := draw.PDF(l, fonts, meta)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, plain) {
		t.Fatal("a document with an empty cache differs from one without")
	}
	if len(s.last) != 2 || s.given != 0 {
		t.Fatalf("kept %d subsets, gave %d; want 2 kept, none given", len(s.last), s.given)
	}
	s.take(t, first)
	for _, k := range s.kept {
		zr, err := zlib.NewReader(bytes.NewReader(k.z))
		if err != nil {
			t.Fatalf("subset %s: not a zlib stream: %v", k.key, err)
		}
		raw, err := io.ReadAll(zr)
		if err != nil || len(raw) != k.raw {
			t.Fatalf("subset %s: inflates to %d bytes (%v), told %d", k.key, len(raw), err, k.raw)
		}
		if _, err := font.Parse(raw); err != nil {
			t.Errorf("subset %s: not a font: %v", k.key, err)
		}
		if !bytes.Contains(first[:k.offset], []byte("/Length1 "+strconv.Itoa(k.raw))) {
			t.Errorf("subset %s: no /Length1 %d before its stream", k.key, k.raw)
		}
	}
	second, err := draw.PDF(l, fonts, meta)
	if err != nil {
		t.Fatal(err)
	}
	if s.given != 2 {
		t.Errorf("the second document took %d subsets, want 2", s.given)
	}
	if !bytes.Equal(second, plain) {
		t.Error("a document drawn from kept subsets differs from one drawn without")
	}
	s.last = nil

	// one more rune: another key for the body, the title's is the same
	s.given = 0
	more := page(
		layout.Item{Kind: layout.KindText, X: 28, Y: 40, Font: layout.FontTitle, Size: 22, Text: "政府工作报告"},
		layout.Item{Kind: layout.KindText, X: 28, Y: 60, Font: layout.FontBody, Size: 16, Text: "落实一二三四，。"},
	)
	if _, err := draw.PDF(more, fonts, meta); err != nil {
		t.Fatal(err)
	}
	if s.given != 1 {
		t.Errorf("with one more body rune, %d subsets were taken, want the title's alone", s.given)
	}
	a := draw.SubsetKey("aa", []int{1, 2})
	for _, b := range []string{draw.SubsetKey("ab", []int{1, 2}), draw.SubsetKey("aa", []int{1, 3}), draw.SubsetKey("aa", []int{1})} {
		if a == b {
			t.Error("SubsetKey: two fonts or rune sets share a key")
		}
	}
}
