package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// randomLine is a line of the runes the bounds and label scanners look
// for, and others, in any order.
func randomLine(r *rand.Rand) string {
	alphabet := []rune("，。；：、！？,;:（(|｜)）牵头单位领导 \t12.5%亿元增长")
	var b strings.Builder
	for range r.IntN(60) {
		b.WriteRune(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

// runeStarts are the offsets of the runes of s, and len(s).
func runeStarts(s string) []int {
	var at []int
	for i := range s {
		at = append(at, i)
	}
	return append(at, len(s))
}

// TestBounds: the phrase and sentence bounds read once along a text are
// the ones searched for from each number (the searches they replace).
func TestBounds(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		s := randomLine(r)
		b := bounds{s: s, sentence: -1, chunk: -1}
		for _, a := range runeStarts(s) {
			if r.IntN(3) == 0 {
				continue // not every offset is a number's
			}
			b.upTo(a)
			wantStart := 0
			if i := strings.LastIndexAny(s[:a], chunkMarks); i >= 0 {
				_, size := utf8.DecodeRuneInString(s[i:])
				wantStart = i + size
			}
			if got := b.chunkStart(); got != wantStart {
				t.Fatalf("%q at %d: chunkStart %d, want %d", s, a, got, wantStart)
			}
			if want := strings.LastIndexAny(s[:a], sentenceMarks); b.sentence != want {
				t.Fatalf("%q at %d: sentence %d, want %d", s, a, b.sentence, want)
			}
			// the phrase's end is asked past the number, at any later offset
			starts := runeStarts(s[a:])
			pos := a + starts[r.IntN(len(starts))]
			want := len(s)
			if i := strings.IndexAny(s[pos:], chunkMarks); i >= 0 {
				want = pos + i
			}
			if got := b.chunkEnd(pos); got != want {
				t.Fatalf("%q from %d: chunkEnd %d, want %d", s, pos, got, want)
			}
		}
	}
}

// TestLineScan: the parenthesis depth and last label mark read once along
// a line equal parenDepth and LastIndexAny of each prefix, asked in any
// order.
func TestLineScan(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		l := randomLine(r)
		sc := newLineScan(l)
		starts := runeStarts(l)
		for range 2 * len(starts) {
			at := starts[r.IntN(len(starts))]
			if r.IntN(4) > 0 && at < sc.at { // mostly growing, sometimes back
				continue
			}
			sc.upTo(at)
			if want := parenDepth(l[:at]); sc.depth != want {
				t.Fatalf("%q at %d: depth %d, want %d", l, at, sc.depth, want)
			}
			if want := strings.LastIndexAny(l[:at], labelMarks); sc.mark != want {
				t.Fatalf("%q at %d: mark %d, want %d", l, at, sc.mark, want)
			}
		}
	}
}
