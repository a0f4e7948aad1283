package font

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"testing"
)

func TestDefault(t *testing.T) {
	f, err := Parse(Default())
	if err != nil {
		t.Fatalf("Parse(Default()): %v", err)
	}
	for _, r := range "中文，。（）《》“”—□0aZ" {
		if !f.Has(r) {
			t.Errorf("the default font lacks %q", r)
		}
	}
	for _, r := range []rune{0x1F600, 0x07, -1, 0x110000} {
		if f.Has(r) {
			t.Errorf("Has(%U) = true, want false", r)
		}
	}
	if n := f.Runes(); n < 20000 {
		t.Errorf("the default font covers %d runes, want over 20000", n)
	}
	if got := checksum(Default()); got != 0xB1B0AFBA {
		t.Errorf("whole-file checksum = %#x, want 0xB1B0AFBA", got)
	}
}

// collection wraps ttf as the only face of a font collection.
func collection(ttf []byte) []byte {
	const shift = 16 // ttcf header with one offset
	out := make([]byte, shift, shift+len(ttf))
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], 1)
	binary.BigEndian.PutUint32(out[12:], shift)
	out = append(out, ttf...)
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		p := shift + 12 + 16*i + 8
		binary.BigEndian.PutUint32(out[p:], binary.BigEndian.Uint32(out[p:])+shift)
	}
	return out
}

func TestFromCollection(t *testing.T) {
	got, err := FromCollection(collection(Default()), 0)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, Default()) {
		t.Error("a face taken out of a collection differs from the face put in")
	}
	if _, err := FromCollection(collection(Default()), 1); err == nil {
		t.Error("face 1 of a one-face collection: got no error")
	}
	if _, err := FromCollection(Default(), 0); err == nil {
		t.Error("a plain TrueType file: got no error")
	}
}

// TestRegenerate checks the embedded font is exactly what cmd/ttc2ttf
// makes of Debian's collection, when the package is installed.
func TestRegenerate(t *testing.T) {
	ttc, err := os.ReadFile("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
	if err != nil {
		t.Skip("fonts-wqy-microhei is not installed")
	}
	got, err := FromCollection(ttc, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, Default()) {
		t.Error("wqy-microhei.ttf differs from face 0 of the installed collection; regenerate it (see the package doc)")
	}
	if _, err := FromCollection(ttc, 1); err != nil {
		t.Errorf("face 1: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	truncated := bytes.Clone(Default()[:200])
	noCmap := bytes.Clone(Default())
	for i := 0; i < int(binary.BigEndian.Uint16(noCmap[4:])); i++ {
		if p := 12 + 16*i; string(noCmap[p:p+4]) == "cmap" {
			copy(noCmap[p:], "cmaq")
		}
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrTruncated},
		{"collection", collection(Default()), ErrCollection},
		{"PostScript", append([]byte("OTTO"), make([]byte, 20)...), ErrPostScript},
		{"garbage", []byte("this is not a font file"), ErrNotTrueType},
		{"truncated", truncated, ErrTruncated},
		{"no cmap", noCmap, ErrNotTrueType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.data)
			if !errors.Is(err, tt.want) {
				t.Errorf("Parse: got %v, want %v", err, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add(Default()[:4096])
	f.Add(collection(Default()[:2048]))
	f.Add([]byte("OTTO"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if face, err := Parse(data); err == nil {
			face.Has('中')
		}
		FromCollection(data, 0)
	})
}
