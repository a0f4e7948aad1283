package font

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestEmbedded checks each embedded face parses, draws what every
// document needs and carries the PostScript name the PDFs show.
func TestEmbedded(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
		min  int // runes covered, at least
	}{
		{"FengongSerifSC-Bold", SongBold(), 4500},
		{"FengongSerifSC-Regular", Song(), 4500},
		{"WenQuanYiMicroHei", Hei(), 7500},
		{"FengongWenKai-Regular", Kai(), 4500},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if f.Name != tt.name {
				t.Errorf("Name = %q, want %q", f.Name, tt.name)
			}
			for _, r := range "中文，。、；：（）《》“”—…□0aZ%省发展改革委湘郴" {
				if !f.Has(r) {
					t.Errorf("lacks %q", r)
				}
			}
			for _, r := range []rune{0x1F600, 0x07, -1, 0x110000} {
				if f.Has(r) {
					t.Errorf("Has(%U) = true, want false", r)
				}
			}
			if n := f.Runes(); n < tt.min {
				t.Errorf("covers %d runes, want at least %d", n, tt.min)
			}
		})
	}
	// the hei face, the last resort, holds all of GB 2312 level 2
	f, _ := Parse(Hei())
	for _, r := range "亍丌兀丐廿卅丕亘丞鬲孬噩丨禺丿匕乇夭爻卮氐囟胤馗毓睾鼗" {
		if !f.Has(r) {
			t.Errorf("Hei lacks the level-2 character %q", r)
		}
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
	a, err := Parse(got)
	if err != nil {
		t.Fatalf("Parse(face taken out): %v", err)
	}
	b, _ := Parse(Default())
	if a.Name != b.Name || a.Runes() != b.Runes() {
		t.Errorf("a face taken out of a collection is %q with %d runes, want %q with %d", a.Name, a.Runes(), b.Name, b.Runes())
	}
	// taking out what was taken out changes nothing
	again, err := FromCollection(collection(got), 0)
	if err != nil || !bytes.Equal(again, got) {
		t.Errorf("a second round trip differs (err %v)", err)
	}
	if _, err := FromCollection(collection(Default()), 1); err == nil {
		t.Error("face 1 of a one-face collection: got no error")
	}
	if _, err := FromCollection(Default(), 0); err == nil {
		t.Error("a plain TrueType file: got no error")
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

// The sums written down for the embedded faces are their bytes' sha256,
// and a copy of a face (another slice) is hashed, not looked up.
func TestSums(t *testing.T) {
	for _, f := range []func() []byte{SongBold, Song, Hei, Kai} {
		b := f()
		if got, want := Sum(b), sha256.Sum256(b); got != want {
			t.Errorf("embedded face %q: written sum %x, bytes %x (paste the new sum into font.go)", postScriptNameOf(t, b), got, want)
		}
		c := append([]byte(nil), b[:len(b)/2]...)
		if Sum(c) != sha256.Sum256(c) {
			t.Error("a copy's sum is not its bytes'")
		}
	}
	if got, want := Sum(Song()[:100]), sha256.Sum256(Song()[:100]); got != want {
		t.Error("a prefix of an embedded face took the face's sum")
	}
}

func postScriptNameOf(t *testing.T, b []byte) string {
	f, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return f.Name
}

func BenchmarkParse(b *testing.B) {
	for _, c := range []struct {
		name string
		data []byte
	}{{"song", Song()}, {"hei", Hei()}, {"kai", Kai()}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(c.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSpans: spans lists the runs of a bit set as the rune-by-rune walk
// it replaced did, for sets with runs across words, at both ends of the
// BMP, and random ones.
func TestSpans(t *testing.T) {
	naive := func(bits *[0x10000 / 64]uint64) []span {
		var out []span
		for c := 0; c <= 0xFFFF; c++ {
			if bits[c/64]&(1<<(c%64)) == 0 {
				continue
			}
			if k := len(out); k > 0 && out[k-1].hi+1 == rune(c) {
				out[k-1].hi = rune(c)
			} else {
				out = append(out, span{rune(c), rune(c)})
			}
		}
		return out
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sets := []func(*[0x10000 / 64]uint64){
		func(b *[0x10000 / 64]uint64) {},
		func(b *[0x10000 / 64]uint64) { b[0] = 1; b[len(b)-1] = 1 << 63 },
		func(b *[0x10000 / 64]uint64) { b[3], b[4], b[5] = ^uint64(1<<10-1), ^uint64(0), 1<<2-1 },
		func(b *[0x10000 / 64]uint64) {
			for i := range b {
				b[i] = ^uint64(0)
			}
		},
	}
	for range 50 {
		sets = append(sets, func(b *[0x10000 / 64]uint64) {
			for i := range b {
				switch rng.IntN(4) {
				case 0:
					b[i] = rng.Uint64()
				case 1:
					b[i] = ^uint64(0)
				case 2:
					b[i] = rng.Uint64() & rng.Uint64() & rng.Uint64()
				}
			}
		})
	}
	for i, fill := range sets {
		var b [0x10000 / 64]uint64
		fill(&b)
		if got, want := spans(&b), naive(&b); !slices.Equal(got, want) {
			t.Errorf("set %d: %d spans, want %d", i, len(got), len(want))
		}
	}
}
