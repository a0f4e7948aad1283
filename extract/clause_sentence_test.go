package extract

import (
	"strings"
	"testing"
)

// TestSentenceClause: a responsibility sentence is found at the end of a
// line, after a sentence's end, with names of at most maxClauseNames
// runes.
func TestSentenceClause(t *testing.T) {
	// names of n runes: 市财政局、 repeated, cut to n
	names := func(n int) string {
		r := []rune(strings.Repeat("市财政局、", n/5+1))
		r = r[:n]
		if r[n-1] == '、' {
			r[n-1] = '局'
		}
		return string(r)
	}
	for _, c := range []struct {
		name string
		line string
		want int // byte offset, -1: none
	}{
		{"own line", "由市财政局、农业局，各县（市）、区人民政府负责落实。", 0},
		{"after a sentence", "加快建设。由市财政局牵头负责。", len("加快建设。")},
		{"after a sentence and spaces", "加快建设。 由市财政局负责。", len("加快建设。 ")},
		{"mid-sentence", "加快建设由市财政局负责。", -1},
		{"no 由", "市财政局负责。", -1},
		{"the last 由 only", "由市发改委负责。由市财政局负责。", len("由市发改委负责。")},
		{"names at the bound", "由" + names(maxClauseNames) + "负责。", 0},
		{"names past the bound", "由" + names(maxClauseNames+1) + "负责。", -1},
	} {
		if got := sentenceClause(c.line); got != c.want {
			t.Errorf("%s: sentenceClause(%.60q) = %d, want %d", c.name, c.line, got, c.want)
		}
	}
}
