package batch

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fengong/extract/synth"
)

func benchRun(b *testing.B, input []byte, incremental bool, edit func([]byte) []byte) {
	b.Helper()
	dir := b.TempDir()
	out := filepath.Join(dir, "pack")
	opt := testOptions(out)
	opt.Seed = input
	if _, err := Execute(context.Background(), opt); err != nil {
		b.Fatal(err)
	}
	if edit != nil {
		opt.Seed = edit(input)
	}
	opt.Incremental = incremental
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Execute(context.Background(), opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunSeed is the full run on the seed: every workbook, PDF and
// chart page, published.
func BenchmarkRunSeed(b *testing.B) { benchRun(b, testOptions("").Seed, false, nil) }

// BenchmarkRunSynth20 is the full run on a synthetic input 20 times the
// seed, with more depts.
func BenchmarkRunSynth20(b *testing.B) { benchRun(b, synth.Document(20), false, nil) }

// BenchmarkIncrementalOneDept reruns with --incremental after one dept's
// task changed.
func BenchmarkIncrementalOneDept(b *testing.B) {
	benchRun(b, testOptions("").Seed, true, func(in []byte) []byte {
		return []byte(strings.Replace(string(in), "加强县域商业体系建设。", "加强县域商业体系和物流配送建设。", 1))
	})
}
