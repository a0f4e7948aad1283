package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitLines splits decoded text into lines at \r\n, \r, \n, U+2028 and
// U+2029. A terminator at the very end does not start another line, so
// "a\nb\n" is two lines, as an editor counts them.
func splitLines(s string) []string {
	lines := make([]string, 0, strings.Count(s, "\n")+1)
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			lines = append(lines, s[start:i])
			i++
			start = i
		case c == '\r':
			lines = append(lines, s[start:i])
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
			start = i
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			lines = append(lines, s[start:i])
			i += 3
			start = i
		default:
			i++
		}
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}

// lineCol reports the 1-based line and column (in runes) of byte offset off
// in s, counting line breaks as splitLines does. When utf8Breaks is false
// only \n and \r count, for raw bytes in an encoding other than UTF-8.
func lineCol(s []byte, off int, utf8Breaks bool) (line, col int) {
	line, col = 1, 1
	for i := 0; i < off && i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			line, col = line+1, 1
			i++
		case c == '\r':
			i++
			if i < len(s) && s[i] == '\n' && i < off {
				i++
			}
			line, col = line+1, 1
		case utf8Breaks && c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			line, col = line+1, 1
			i += 3
		default:
			_, n := utf8.DecodeRune(s[i:])
			i += n
			col++
		}
	}
	return line, col
}

// normalizeLine applies the per-line rules listed in doc_input.go: spaces
// folded and collapsed, invisible characters dropped, full-width ASCII
// folded to half-width, and , ( ) : ; ? ! made full-width next to Chinese.
// The result depends only on the width-folded text, so half-width and
// full-width spellings of a line normalise identically, and
// normalizeLine(normalizeLine(s)) == normalizeLine(s).
func normalizeLine(s string) string {
	if isPlainASCII(s) {
		return s
	}
	rs := make([]rune, 0, len(s))
	space := false // a space is pending
	for _, r := range s {
		switch {
		case r > ' ' && r < 0x7F, r >= 0x4E00 && r <= 0x9FFF:
			// printable ASCII and common Han: the bulk of the text
		case r == '\t' || unicode.IsSpace(r):
			space = len(rs) > 0
			continue
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r -= 0xFEE0
		case r < 0x20 || r >= 0x7F && r < 0xA0 || unicode.Is(unicode.Cf, r):
			continue // controls, zero-width, BOM, bidi marks, soft hyphen
		}
		if space {
			rs = append(rs, ' ')
			space = false
		}
		rs = append(rs, r)
	}
	widen(rs)
	return string(rs)
}

// isPlainASCII reports whether s is printable ASCII with single inner
// spaces and no leading or trailing space: normalizeLine leaves such a line
// unchanged, since widening needs a Chinese neighbour.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7F {
			return false
		}
		if c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' ') {
			return false
		}
	}
	return true
}

// fullWidth maps the punctuation that takes its full-width form next to
// Chinese text.
func fullWidth(r rune) (rune, bool) {
	switch r {
	case ',', '(', ')', ':', ';', '?', '!':
		return r + 0xFEE0, true
	}
	return r, false
}

// widen turns , ( ) : ; ? ! full-width in place when a neighbour is
// Chinese. The left neighbour is taken as already decided; the right one is
// the next rune that is not such punctuation, so "负责))" and "((省" widen
// as a whole. A comma or colon between two digits (1,000 and 10:30) stays
// half-width. Finally a bracket pair with one full-width half is made
// full-width on both sides: （RCEP） rather than （RCEP).
func widen(rs []rune) {
	// rightCJK[i]: the first rune after i that is not such punctuation is
	// Chinese; computed right to left to stay linear on runs of brackets
	var rightCJK []bool
	next := -1 // index of the nearest rune to the right that is not such punctuation
	for i := len(rs) - 1; i >= 0; i-- {
		if _, ok := fullWidth(rs[i]); !ok {
			next = i
			continue
		}
		if rightCJK == nil {
			rightCJK = make([]bool, i+1)
		}
		rightCJK[i] = next >= 0 && isCJK(rs[next])
	}
	if rightCJK == nil {
		return // no punctuation to widen, so no bracket to pair
	}
	for i, r := range rs {
		fw, ok := fullWidth(r)
		if !ok {
			continue
		}
		var left rune
		if i > 0 {
			left = rs[i-1]
		}
		digits := isDigit(left) && i+1 < len(rs) && isDigit(rs[i+1])
		if !(digits && (r == ',' || r == ':')) && (isCJK(left) || rightCJK[i]) {
			rs[i] = fw
		}
	}
	var open []int // indices of unmatched opening brackets
	for i, r := range rs {
		switch r {
		case '(', '（':
			open = append(open, i)
		case ')', '）':
			if len(open) == 0 {
				continue
			}
			o := open[len(open)-1]
			open = open[:len(open)-1]
			if rs[o] == '（' || rs[i] == '）' {
				rs[o], rs[i] = '（', '）'
			}
		}
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isCJK reports whether r is Chinese text or punctuation for the purpose of
// choosing punctuation widths: Han, kana, bopomofo, CJK and full-width
// punctuation, curly quotes, dashes, the ellipsis and circled numbers.
func isCJK(r rune) bool {
	switch {
	case r < 0x2014:
		return false
	case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs
		return true
	case r >= 0x2E80 && r <= 0x312F, // radicals, CJK punctuation, kana, bopomofo
		r >= 0x3200 && r <= 0x32FF,                // enclosed CJK
		r >= 0xFE30 && r <= 0xFE4F,                // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFFEF,                // full-width and half-width forms
		r >= 0x2018 && r <= 0x201F,                // curly quotes
		r == 0x2014 || r == 0x2015 || r == 0x2026, // dashes, ellipsis
		r >= 0x2460 && r <= 0x24FF:                // ① ⑴ ⒈
		return true
	}
	return unicode.Is(unicode.Han, r)
}
