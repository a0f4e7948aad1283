package layout

import (
	"strings"
	"unicode/utf8"
)

// Balance breaks a title into as few lines as Break would, but of even
// length (GB/T 9704 asks for a 梯形 or 菱形 title, not a full line and a
// stub):
//
//   - the lines are as even as the text allows: the longest line is as
//     short as it can be, and between equally long splits the one whose
//     lines grow from top to bottom (梯形) wins;
//   - no line holds a single character (a lone 见), unless the whole
//     text is one character;
//   - no line break falls inside a book title, 《…》 or 〈…〉, unless the
//     book title alone is wider than a line;
//   - Break's rules for punctuation and words hold.
//
// Balance returns nil for an empty text.
func Balance(text string, width, size float64, m *Metrics) []string {
	greedy := Break(text, width, size, m)
	if len(greedy) <= 1 {
		return greedy
	}
	lim := limit(width, size)
	cs := clusters(text, m)
	// where a line may start: at a cluster, outside a book title
	ok := make([]bool, len(cs))
	depth := 0
	for i, c := range cs {
		ok[i] = depth == 0
		for _, r := range text[c.start:c.end] {
			switch r {
			case '《', '〈':
				depth++
			case '》', '〉':
				depth = max(0, depth-1)
			}
		}
	}
	for n := len(greedy); n <= len(greedy)+2; n++ {
		if lines := split(text, cs, ok, n, lim); lines != nil {
			return lines
		}
	}
	// a book title wider than a line: allow breaks inside it
	for i := range ok {
		ok[i] = true
	}
	if lines := split(text, cs, ok, len(greedy), lim); lines != nil {
		return lines
	}
	return greedy
}

// split finds the most even split of clusters cs into n lines of at most
// lim units, each starting where ok allows and holding more than one
// character; nil if there is none.
func split(text string, cs []cluster, ok []bool, n, lim int) []string {
	k := len(cs)
	if n > k {
		return nil
	}
	// prefix widths and character counts
	w := make([]int, k+1)
	for i, c := range cs {
		w[i+1] = w[i] + c.w
	}
	chars := func(i, j int) int { return utf8.RuneCountInString(strings.TrimSpace(text[cs[i].start:cs[j-1].end])) }
	const inf = int(^uint(0) >> 1)
	type cell struct {
		worst, from int // the longest line so far; where this line starts
		last        int // the previous line's width, for the 梯形 preference
	}
	// best[l][j]: the first j clusters in l lines
	best := make([][]cell, n+1)
	for l := range best {
		best[l] = make([]cell, k+1)
		for j := range best[l] {
			best[l][j] = cell{worst: inf}
		}
	}
	best[0][0] = cell{worst: 0}
	for l := 1; l <= n; l++ {
		for j := 1; j <= k; j++ {
			for i := j - 1; i >= l-1; i-- {
				lw := w[j] - w[i]
				if lw > lim {
					break
				}
				prev := best[l-1][i]
				if prev.worst == inf || !ok[i] || chars(i, j) < 2 && len(cs) > 1 {
					continue
				}
				c := cell{worst: max(prev.worst, lw), from: i, last: lw}
				cur := best[l][j]
				// shorter longest line; then a line not shorter than the one above it
				if c.worst < cur.worst || c.worst == cur.worst && l > 1 && lw >= prev.last && cur.last < best[l-1][cur.from].last {
					best[l][j] = c
				}
			}
		}
	}
	if best[n][k].worst == inf {
		return nil
	}
	lines := make([]string, n)
	j := k
	for l := n; l >= 1; l-- {
		i := best[l][j].from
		end := len(text)
		if j < k {
			end = cs[j].start
		}
		lines[l-1] = text[cs[i].start:end]
		j = i
	}
	return lines
}
