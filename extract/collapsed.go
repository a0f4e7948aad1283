package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stage 3a, collapsed documents: a page whose line breaks were lost, so
// the whole document (or most of it) is one line. Such a line is split
// before the numbers that open its headings and items, and the pieces are
// classified as lines; each keeps its source line's number.
//
//   - After a sentence's end (。；：）) or a space, every number splits.
//   - Elsewhere only a parenthesised one does (…改革（一）加强…), and only
//     the one its form expects next: （二） after （一）, or （一） again
//     under a new heading. 统一、规范 and 增长1.5% are text.
//   - A label line's label (责任单位：) splits too: …增长7%以上责任单位：X.
//   - A heading that runs on into its section's text (一、主要目标 今年……)
//     ends at its first space, or before its first item, 1. or （一）.
//
// In a document that kept its lines, a long line is split the same way
// only when it runs on numbered points that name their units each (一、
// 其概述。 1.…责任单位：X。 2.…责任单位：Y。), and then so is any other
// long line with such a point.

const (
	collapsedLines = 3   // non-blank lines a collapsed document has at most
	collapsedBytes = 200 // bytes its longest line has at least
	collapsedMarks = 3   // numbers that line holds at least
	headingRunes   = 40  // a heading's title is no longer than this
	// or, after a page's header lines, one line of this many bytes at
	// least holds this many tenths of the document
	collapsedMost  = 1000
	collapsedShare = 6
)

var reCollapsedMark = lazyRE(`第[一二三四五六七八九十]{1,3}(?:部分|条)|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,3}[.．、]|[（(]\d{1,3}[）)]`)

// collapsed reports whether lines are a collapsed document: a few lines,
// one of them long; or one line that holds most of the document, after a
// page's header lines (索引号, 发布机构, the title).
func collapsed(lines []cline) bool {
	nonBlank, longest, total := 0, 0, 0
	for _, c := range lines {
		if c.text != "" {
			nonBlank++
			longest = max(longest, len(c.text))
			total += len(c.text)
		}
	}
	if nonBlank <= collapsedLines {
		return longest >= collapsedBytes
	}
	return longest >= collapsedMost && longest*10 >= total*collapsedShare
}

func splitCollapsed(lines []cline, v *Vocabulary) []cline {
	whole := collapsed(lines)
	if !whole && !slices.ContainsFunc(lines, func(c cline) bool { return len(c.text) >= collapsedBytes }) {
		return lines
	}
	type lineCuts struct {
		at               int // the line's index
		cuts             []int
		numbered, labels int
	}
	var found []lineCuts // the lines that may be split
	runOn := false       // a line runs on numbered points that name their units each
	for i, c := range lines {
		if len(c.text) < collapsedBytes || !whole && !strings.Contains(c.text, "：") && strings.IndexByte(c.text, ':') < 0 {
			continue // (points that name their units have their labels' colons)
		}
		cuts, numbered, labels := collapsedCuts(c.text, v, !whole)
		found = append(found, lineCuts{i, cuts, numbered, labels})
		runOn = runOn || numbered >= collapsedMarks-1 && labels >= collapsedMarks-1
	}
	if !whole && !runOn {
		return lines
	}
	var out []cline
	next := 0 // in found
	for i, c := range lines {
		var n lineCuts
		if next < len(found) && found[next].at == i {
			n = found[next]
			next++
		}
		// in a document that kept its lines, a line is split only when
		// it runs on numbered points that name their units each (一、…
		// 1.…责任单位：X。 2.…责任单位：Y。), and then so is any other line
		// of such points, however few (the page's last, cut short)
		split := len(n.cuts) >= collapsedMarks
		if !whole {
			split = n.numbered > 0 && n.labels > 0
		}
		if !split {
			out = append(out, c)
			continue
		}
		start := 0
		for _, at := range append(n.cuts, len(c.text)) {
			for _, piece := range splitHeading(strings.TrimSpace(c.text[start:at])) {
				out = append(out, cline{n: c.n, text: piece, num: numberOf(piece), glued: true})
			}
			start = at
		}
	}
	return out
}

// collapsedCuts returns the offsets in l where a heading, an item or a
// label line starts, in order; how many of them are numbers that go on
// from the one before (2. after 1.), and how many are labels.
//
// With numberedOnly, a line with no number in sequence is not searched
// for labels (the labels' search reads every rune: a document that kept
// its lines splits only lines of numbered points).
func collapsedCuts(l string, v *Vocabulary, numberedOnly bool) (cuts []int, numbered, labels int) {
	next := map[numForm]int{}
	restart := map[numForm]bool{}

	for _, m := range reCollapsedMark.FindAllStringIndex(l, -1) {
		at := m[0]
		num := numberOf(l[at:])
		if num.form == fNone || num.form == fYiShi || num.form == fCircled {
			continue // 1.5亿元: a value, not a number
		}
		if at == 0 {
			next[num.form] = num.value + 1 // the line's own number
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(l[:at])
		if unicode.IsDigit(prev) || prev == '第' || prev == '.' {
			continue
		}
		paren := num.form == fCnParen || num.form == fArabicParen
		expected := num.value == max(next[num.form], 1) || num.value == 1 && restart[num.form]
		if !strings.ContainsRune("。；：）)", prev) && !unicode.IsSpace(prev) && !(paren && expected) && !(num.form == fCnDun && expected && firstBelow(l[at+num.rest:], next)) {
			continue
		}
		cuts = append(cuts, at)
		if expected {
			numbered++
		}
		next[num.form] = num.value + 1
		restart[num.form] = false
		for f := num.form + 1; f <= fCircled; f++ {
			restart[f] = true // numbers below start again under it
		}
	}
	if numberedOnly && numbered == 0 {
		return cuts, 0, 0
	}
	// labels, outside parentheses (（牵头单位：X） is a clause's)
	isNumber := make(map[int]bool, len(cuts))
	for _, at := range cuts {
		isNumber[at] = true
	}
	numbers := len(cuts)
	depth := 0
	for i := 0; i < len(l); {
		r, size := utf8.DecodeRuneInString(l[i:])
		switch {
		case r == '（' || r == '(':
			depth++
		case r == '）' || r == ')':
			depth = max(depth-1, 0)
		case depth == 0 && i > 0:
			if role, n := v.labelAt(l[i:]); role != "" && role != roleClause && n > len("单位：") && !isNumber[i] {
				prev, _ := utf8.DecodeLastRuneInString(l[:i])
				if !strings.ContainsRune("：:、", prev) {
					cuts = append(cuts, i)
				}
				i += n
				continue
			}
		}
		i += size
	}
	labels = len(cuts) - numbers
	slices.Sort(cuts)
	return cuts, numbered, labels
}

// firstBelow reports whether a heading's first item follows within a
// title's length, numbered 1 or as the items before it go on:
// …分解一、主要目标1.地区生产总值… is a heading, 统一、规范 is not.
func firstBelow(rest string, next map[numForm]int) bool {
	for i := range runePrefix(rest, headingRunes+1) {
		if i == 0 {
			continue
		}
		if num := numberOf(rest[i:]); (num.value == 1 || num.value == next[num.form]) && (num.form == fArabic || num.form == fCnParen || num.form == fArabicParen) {
			return true
		}
	}
	return false
}

// runePrefix is s up to its first n runes.
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// splitHeading splits a heading that runs on into its section's text.
func splitHeading(piece string) []string {
	if piece == "" {
		return nil
	}
	num := numberOf(piece)
	if (num.form != fCnDun && num.form != fPart) || utf8.RuneCountInString(piece) <= headingRunes {
		return []string{piece}
	}
	head := runePrefix(piece[num.rest:], headingRunes)
	cut := -1
	if i := strings.IndexAny(head, " \t\u3000"); i > 0 {
		cut = i
	} else {
		for _, m := range []string{"1.", "1、", "1．", "（一）", "（1）"} {
			if i := strings.Index(head, m); i > 0 && (cut < 0 || i < cut) {
				if prev, _ := utf8.DecodeLastRuneInString(head[:i]); !unicode.IsDigit(prev) {
					cut = i
				}
			}
		}
	}
	if cut < 0 {
		return []string{piece}
	}
	cut += num.rest
	return []string{strings.TrimSpace(piece[:cut]), strings.TrimSpace(piece[cut:])}
}
