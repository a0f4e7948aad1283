package draw

import (
	"bytes"
	"os"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"fengong/export/pdf/font"
)

func TestScratch(t *testing.T) {
	seed, _ := os.ReadFile("../../../seeds/hunan-2022.txt")
	face, _ := font.Parse(font.Default())
	seen := map[rune]bool{}
	var cut []rune
	for _, r := range string(seed) + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ—□" {
		if !seen[r] && face.Has(r) {
			seen[r] = true
			cut = append(cut, r)
		}
	}
	t0 := time.Now()
	cb := fpdf.UTF8CutFont(font.Default(), string(cut))
	t.Logf("cut %d runes -> %d bytes in %v", len(cut), len(cb), time.Since(t0))
	lines := bytes.Split(seed, []byte("\n"))
	for _, comp := range []bool{true, false} {
		for i := 0; i < 3; i++ {
			t0 = time.Now()
			p := fpdf.New("P", "mm", "A4", "")
			p.SetCompression(comp)
			p.AddUTF8FontFromBytes("b", "", cb)
			t1 := time.Since(t0)
			p.SetFont("b", "", 12)
			p.AddPage()
			y := 20.0
			n := 0
			for _, l := range lines[:40] {
				rs := []rune(string(l))
				for len(rs) > 0 && n < 500 {
					k := min(len(rs), 35)
					p.Text(20, y, string(rs[:k]))
					rs = rs[k:]
					y += 6
					n++
					if y > 270 {
						p.AddPage()
						y = 20
					}
				}
			}
			t2 := time.Since(t0)
			var buf bytes.Buffer
			err := p.Output(&buf)
			t.Logf("comp=%v add=%v draw=%v total=%v size=%d pages=%d err=%v", comp, t1, t2, time.Since(t0), buf.Len(), p.PageNo(), err)
		}
	}
	t0 = time.Now()
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("b", "", font.Default())
	t.Logf("full font add %v", time.Since(t0))
}

func BenchmarkScratch(b *testing.B) {
	seed, _ := os.ReadFile("../../../seeds/hunan-2022.txt")
	face, _ := font.Parse(font.Default())
	seen := map[rune]bool{}
	var cut []rune
	for _, r := range string(seed) + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ—□" {
		if !seen[r] && face.Has(r) {
			seen[r] = true
			cut = append(cut, r)
		}
	}
	cb := fpdf.UTF8CutFont(font.Default(), string(cut))
	lines := bytes.Split(seed, []byte("\n"))
	b.ReportAllocs()
	for b.Loop() {
		p := fpdf.New("P", "mm", "A4", "")
		p.SetCompression(false)
		p.AddUTF8FontFromBytes("b", "", cb)
		p.SetFont("b", "", 12)
		p.AddPage()
		y := 20.0
		n := 0
		for _, l := range lines[:40] {
			rs := []rune(string(l))
			for len(rs) > 0 && n < 200 {
				k := min(len(rs), 35)
				p.Text(20, y, string(rs[:k]))
				rs = rs[k:]
				y += 6
				n++
				if y > 270 {
					p.AddPage()
					y = 20
				}
			}
		}
		var buf bytes.Buffer
		p.Output(&buf)
	}
}
