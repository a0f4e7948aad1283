package extract

import (
	"strings"
	"unicode/utf8"
)

// Stage 2b, unwrap: text copied out of a PDF, or a page that kept the
// PDF's line breaks, breaks every paragraph at the page's width, so a
// clause (…各县（市）、区人民政府 / 负责落实。) or a heading runs over two
// lines. When most long lines of a document end at one width, and most of
// them end mid-sentence, the document was wrapped: each full line is
// joined to the line after it, unless that line opens a block of its own
// (a number, a heading, a label, an indent, a table row). The joined text
// takes the first line's number and the lines it took in are left blank,
// so every other line keeps its number.

const (
	wrapMinLines = 6         // full lines a wrapped document has at least
	wrapSlack    = 4         // a full line is this much narrower at most (two Han characters)
	wrapMinWidth = 24        // narrower lines are headings, cells, short text
	wrapMinPage  = 32        // a page is at least this wide (16 Han characters)
	wrapMaxJoin  = 16 << 10  // bytes a joined paragraph grows to at most
	wrapEnds     = "。；！？：）”" // the marks a line that ends a paragraph ends with
)

// width is the line's width on the page: a Han character, a full-width
// mark or a quotation mark takes two columns, ASCII one.
func width(s string) int {
	w := 0
	for _, r := range s {
		if r < 0x2000 {
			w++
		} else {
			w += 2
		}
	}
	return w
}

// lineMeasure is what wrapping is read from, per line, measured once on
// the lines as they came.
type lineMeasure struct {
	width int  // the trimmed line's width
	table bool // a table's row: never joined
	ends  bool // it ends a paragraph (。；）…)
}

func measure(raw []string) []lineMeasure {
	ms := make([]lineMeasure, len(raw))
	for i, l := range raw {
		l = strings.TrimSpace(l)
		ms[i] = lineMeasure{width: width(l), table: tableLine(l), ends: endsParagraph(l)}
	}
	return ms
}

// full reports whether the line reaches the wrap width.
func (m lineMeasure) full(wrap int) bool {
	return m.width >= wrap-wrapSlack && m.width <= wrap+2 && !m.table
}

// wrapWidth finds the width a document was wrapped at, or 0 when it was
// not: the widest cluster of line widths (within wrapSlack) that holds
// at least wrapMinLines lines and 40% of the long lines, most of which end
// mid-sentence.
func wrapWidth(ms []lineMeasure) int {
	count := map[int]int{}
	long := 0
	for _, m := range ms {
		if m.width >= wrapMinWidth && !m.table {
			count[m.width]++
			long++
		}
	}
	if long < wrapMinLines {
		return 0
	}
	best, bestN := 0, 0
	for w := range count {
		n := 0
		for d := 0; d <= wrapSlack; d++ {
			n += count[w-d]
		}
		if n > bestN || n == bestN && w > best {
			best, bestN = w, n
		}
	}
	if bestN < wrapMinLines || 10*bestN < 4*long || best < wrapMinPage {
		return 0
	}
	// a page's width is its widest: a document with many lines wider
	// than the cluster (a table's cells beside its notice's paragraphs)
	// was not wrapped at it
	wider := 0
	for w, n := range count {
		if w > best+2 {
			wider += n
		}
	}
	if 10*wider > long {
		return 0
	}
	open := 0 // full lines that end mid-sentence
	for _, m := range ms {
		if m.full(best) && !m.ends {
			open++
		}
	}
	if 2*open < bestN {
		return 0
	}
	return best
}

func endsParagraph(l string) bool {
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(wrapEnds, r)
}

// tableLine is a row of a table flattened with pipes or tabs.
func tableLine(l string) bool {
	return strings.Count(l, "|") >= 2 || strings.Contains(l, "\t")
}

// opensBlock reports whether a line starts a block of its own, which no
// line before it runs on into: a number, a heading, a label, an indent.
func opensBlock(raw, fold string, v *Vocabulary) bool {
	if strings.HasPrefix(raw, "\u3000") || strings.HasPrefix(raw, "  ") || strings.HasPrefix(raw, "\t") {
		return true // a paragraph's indent
	}
	t := trimBullet(strings.TrimSpace(fold))
	if t == "" || tableLine(t) || t != strings.TrimSpace(fold) {
		return true
	}
	if numberOf(t).form != fNone || reAttachment.MatchString(t) || cellNumber(t) > 0 {
		return true // a number, an attachment's heading, a table row's own number
	}
	r, _ := v.labelAt(t)
	return r != ""
}

// unwrap joins the lines of a wrapped document, raw and fold alike (they
// are byte-aligned, line by line), and returns the number of the first
// line it joined another to (0: none) and how many it took in.
func unwrap(raw, fold []string, v *Vocabulary) (first, joined int) {
	ms := measure(raw)
	wrap := wrapWidth(ms)
	if wrap == 0 {
		return 0, 0
	}
	var w, f strings.Builder // the paragraph, written and folded
	for i := 0; i < len(raw); i++ {
		if !ms[i].full(wrap) {
			continue
		}
		k := i // the paragraph's first line, which takes the others in
		w.Reset()
		f.Reset()
		// each line goes in without the spaces at its ends; the same
		// bytes are cut from both spellings
		put := func(j int, lead bool) {
			l := raw[j]
			start := 0
			if lead {
				start = len(l) - len(strings.TrimLeft(l, " \u3000"))
			}
			end := len(strings.TrimRight(l, " \u3000"))
			w.WriteString(l[start:max(start, end)])
			f.WriteString(fold[j][start:max(start, end)])
		}
		put(k, false)
		for i+1 < len(raw) && ms[i].full(wrap) && w.Len() < wrapMaxJoin {
			next := raw[i+1]
			if strings.TrimSpace(next) == "" || opensBlock(next, fold[i+1], v) {
				break
			}
			put(i+1, true)
			raw[i+1], fold[i+1] = "", ""
			if first == 0 {
				first = k + 1
			}
			joined++
			i++
		}
		if i > k {
			raw[k], fold[k] = w.String(), f.String()
		}
	}
	return first, joined
}
