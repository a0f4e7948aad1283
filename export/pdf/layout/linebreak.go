package layout

import (
	"strings"
	"unicode/utf8"
)

// Break splits text into lines no wider than width millimetres at size
// points, measured with m, by the rules of Chinese typesetting:
//
//   - every character is kept: strings.Join(lines, "") == text;
//   - closing punctuation (，。、；：？！）」』》〉】”’ and , . ; : ) ! ? ) never
//     starts a line: it stays with the character before it;
//   - opening punctuation (（《〈【「『“‘ and ( [ ) never ends a line: it
//     stays with the character after it;
//   - spaces stay at the end of the line they follow;
//   - a run of ASCII letters and digits such as 6.5%, IPv6 or 1,000 is not
//     split, nor a number from the 万/亿/千/百/个 after it (2.5万个), nor a
//     run of ——  or ……, unless the run alone is wider than the line.
//
// A line is wider than width only when it holds a single cluster that
// the rules forbid to split (such as 字， when one character fills the
// line). Break returns nil for an empty text.
func Break(text string, width, size float64, m *Metrics) []string {
	return BreakIndent(text, 0, width, size, m)
}

// BreakIndent is Break with the first line indent millimetres narrower.
func BreakIndent(text string, indent, width, size float64, m *Metrics) []string {
	if text == "" {
		return nil
	}
	var lines []string
	lim, rest := limit(width-indent, size), limit(width, size)
	emit := func(line string) {
		lines = append(lines, line)
		lim = rest
	}
	lineStart, lineW := 0, 0
	for _, c := range clusters(text, m) {
		switch {
		case lineW+c.w <= lim:
			lineW += c.w
		case c.w <= lim:
			emit(text[lineStart:c.start])
			lineStart, lineW = c.start, c.w
		default: // wider than a line: split it where the rules allow
			if lineW > 0 {
				emit(text[lineStart:c.start])
				lineStart, lineW = c.start, 0
			}
			w, brk, wAtBrk := 0, -1, 0
			prev := rune(-1)
			for i, r := range text[c.start:c.end] {
				b := c.start + i
				if b > lineStart && canBreak(prev, r) {
					brk, wAtBrk = b, w
				}
				a := m.Advance(r)
				if w+a > lim && brk > lineStart {
					emit(text[lineStart:brk])
					lineStart, w = brk, w-wAtBrk
				}
				w += a
				prev = r
			}
			lineW = w
		}
	}
	return append(lines, text[lineStart:])
}

// cluster is a run of text that Break keeps on one line when it can.
type cluster struct {
	start, end int // byte offsets
	w          int // width in 1/1000 em
}

type kind uint8

const (
	kOther kind = iota
	kOpen
	kClose
	kSpace
	kWord
)

// clusters cuts text into the units Break packs: each core (a CJK
// character, an ASCII word, a dash run) with the openers before it and
// the closers and spaces after it.
func clusters(text string, m *Metrics) []cluster {
	out := make([]cluster, 0, utf8.RuneCountInString(text))
	pending, pendingW := -1, 0 // openers waiting for their core
	numeric := false           // the last cluster ends with a digit
	glued := 0                 // quantity characters glued to that number
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		end, k := i+size, classify(r)
		switch {
		case isWord(r):
			end = wordEnd(text, i)
			k = kWord
		case r == '—' || r == '…':
			for end < len(text) {
				n, s := utf8.DecodeRuneInString(text[end:])
				if n != r {
					break
				}
				end += s
			}
		}
		w := m.Units(text[i:end])
		switch {
		case k == kOpen:
			if pending < 0 {
				pending, pendingW = i, 0
			}
			pendingW += w
			numeric = false
		case (k == kClose || k == kSpace) && pending < 0 && len(out) > 0:
			out[len(out)-1].end = end
			out[len(out)-1].w += w
			numeric = false
		case numeric && glued < 2 && out[len(out)-1].end == i && strings.ContainsRune("万亿千百个", r):
			out[len(out)-1].end = end
			out[len(out)-1].w += w
			glued++
		default:
			start := i
			if pending >= 0 {
				start, w = pending, w+pendingW
				pending = -1
			}
			out = append(out, cluster{start: start, end: end, w: w})
			numeric = k == kWord && isDigit(lastRune(text[i:end]))
			glued = 0
		}
		i = end
	}
	if pending >= 0 {
		if n := len(out); n > 0 {
			out[n-1].end = len(text)
			out[n-1].w += pendingW
		} else {
			out = append(out, cluster{start: pending, end: len(text), w: pendingW})
		}
	}
	return out
}

// wordEnd is the end of the ASCII word starting at i: letters and
// digits, inner connectors followed by a letter or digit (6.5, 1,000,
// a-b, 24/7), then a trailing % ‰ or ℃.
func wordEnd(text string, i int) int {
	end := i
	for end < len(text) {
		r, s := utf8.DecodeRuneInString(text[end:])
		if isWord(r) {
			end += s
			continue
		}
		if strings.ContainsRune(".,:/-_+&'·", r) && end+s < len(text) {
			if n, _ := utf8.DecodeRuneInString(text[end+s:]); isWord(n) {
				end += s
				continue
			}
		}
		break
	}
	for end < len(text) {
		r, s := utf8.DecodeRuneInString(text[end:])
		if !strings.ContainsRune("%‰℃％", r) {
			break
		}
		end += s
	}
	return end
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// canBreak reports whether a line may end between prev and r.
func canBreak(prev, r rune) bool {
	k := classify(r)
	return k != kClose && k != kSpace && classify(prev) != kOpen
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isWord(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || isDigit(r) ||
		r >= 'ａ' && r <= 'ｚ' || r >= 'Ａ' && r <= 'Ｚ'
}

// IsClosing reports whether r is punctuation that must not start a line.
func IsClosing(r rune) bool { return classify(r) == kClose }

// IsOpening reports whether r is punctuation that must not end a line.
func IsOpening(r rune) bool { return classify(r) == kOpen }

func classify(r rune) kind {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！', '）', '」', '』', '》', '〉', '】', '”', '’',
		'〕', '〗', '〙', '〛', '］', '｝', '．', '｠', '％', '‰',
		',', '.', ';', ':', ')', '!', '?', ']', '}':
		return kClose
	case '（', '《', '〈', '【', '「', '『', '“', '‘', '〔', '〖', '〘', '〚', '［', '｛', '｟',
		'(', '[', '{':
		return kOpen
	case ' ', '\u3000', '\u00a0':
		return kSpace
	}
	return kOther
}

// BreakList breaks a list of names joined by sep (A、B、C) for a column
// width millimetres wide: lines end only after a sep (or a label's ：), so
// that no name is split, unless a single name is wider than the column, which is then
// broken as Break does. strings.Join(lines, "") == text.
func BreakList(text, sep string, width, size float64, m *Metrics) []string {
	if text == "" {
		return nil
	}
	if sep == "" || !strings.Contains(text, sep) && !strings.Contains(text, "：") {
		return Break(text, width, size, m)
	}
	lim := limit(width, size)
	var lines []string
	line, lineW := "", 0
	for rest := text; rest != ""; {
		name := rest
		if i := strings.Index(rest, sep); i >= 0 {
			name = rest[:i+len(sep)]
		}
		// a label before a colon (共同牵头：) is a name of its own
		if i := strings.Index(name, "："); i >= 0 && i+len("：") < len(name) {
			name = name[:i+len("：")]
		}
		rest = rest[len(name):]
		w := m.Units(name)
		switch {
		case lineW+w <= lim:
		case line != "" && w <= lim:
			lines = append(lines, line)
			line, lineW = "", 0
		default: // wider than a line: break it as text
			if line != "" {
				lines = append(lines, line)
				line, lineW = "", 0
			}
			// its pieces take lines of their own, so the next name
			// starts a line
			lines = append(lines, Break(name, width, size, m)...)
			continue
		}
		line += name
		lineW += m.Units(name)
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}
