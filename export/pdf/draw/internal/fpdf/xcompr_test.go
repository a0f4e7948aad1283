package fpdf

import (
	"bytes"
	"hash/adler32"
	"math/rand/v2"
	"testing"
)

// compressSparse gives the bytes of a level-1 zlib writer, and
// sparseAdler32 the checksum of hash/adler32, on maps of every density
// and length (a run of zeros past 5,552 bytes included, where the sums
// must be reduced on the way).
func TestCompressSparse(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 7, 8, 9, 2 * 0x100, 2 * 0x4e00, 2 * 0x10000} {
		for _, density := range []float64{0, 0.001, 0.05, 0.5, 1} {
			data := make([]byte, n)
			for i := range data {
				if rng.Float64() < density {
					data[i] = byte(rng.IntN(255) + 1)
				}
			}
			if got, want := sparseAdler32(data), adler32.Checksum(data); got != want {
				t.Errorf("n %d density %v: sparseAdler32 %08x, adler32 %08x", n, density, got, want)
			}
			got := xmem.compressSparse(data)
			want := xmem.compressWith(sparseWriters, data)
			if !bytes.Equal(got.bytes(), want.bytes()) {
				t.Errorf("n %d density %v: compressSparse differs from zlib level 1 (%d against %d bytes)", n, density, len(got.bytes()), len(want.bytes()))
			}
			got.release()
			want.release()
		}
	}
	all := bytes.Repeat([]byte{0xff}, 1<<17)
	if got, want := sparseAdler32(all), adler32.Checksum(all); got != want {
		t.Errorf("all 0xff: sparseAdler32 %08x, adler32 %08x", got, want)
	}
}
