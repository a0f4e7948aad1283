package draw_test

import (
	"testing"

	"fengong/export/pdf/draw"
	"fengong/export/pdf/font"
)

// BenchmarkPrepareCut: a batch's cut of a face (here 3,000 hanzi and
// ASCII, about the seed's), prepared for drawing, as a run with
// --incremental does for every face it takes from the previous pack.
func BenchmarkPrepareCut(b *testing.B) {
	var rs []rune
	for r := rune(0x20); r < 0x7f; r++ {
		rs = append(rs, r)
	}
	for r := rune(0x4e00); r < 0x4e00+3000; r++ {
		rs = append(rs, r)
	}
	data, err := draw.Cut(font.Default(), rs)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		f := draw.Font{Data: data, Sum: "cut"}
		if err := f.Prepare(); err != nil {
			b.Fatal(err)
		}
	}
}
