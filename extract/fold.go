package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Stage 2, fold: a second spelling of every line, used for matching only.
//
//   - Traditional characters become Simplified (OpenCC's t2s tables), so
//     經貿委 and 经贸委 read alike;
//   - 【】〔〕［］ become （）, and [] become (), so every bracket form of a
//     clause reads as a parenthesis (Read has made ［］ [] already, with
//     every full-width form of an ASCII character); a bullet (★ ● ◆ ■ ▲ •)
//     after a line's first character becomes 。, so a label after it opens
//     a sentence.
//
// Folding keeps every rune at the same byte offset (each replacement has the
// same UTF-8 length as the rune it replaces), so a span found in the folded
// line is the same span of the line as written: the model keeps the text
// as written and takes names and texts from the written line by offset.
// Pinyin glosses that mirror sites insert into names (經(jīng)貿(mào)委) are
// not text and are removed from the written line itself, by Read.

// traditional is the set of CJK unified ideographs that t2s changes, with
// their Simplified form, built once per process from t2sPairs (made from
// OpenCC's tables by TestT2STable -update; building it from OpenCC at run
// time cost every run 40 ms).
type traditional struct {
	// tab[r-0x4E00] is the Simplified form of r, 0 when t2s keeps it
	tab [0x9FFF - 0x4E00 + 1]rune
}

var t2s = sync.OnceValue(func() *traditional {
	t := &traditional{}
	rs := []rune(t2sPairs)
	for i := 0; i+1 < len(rs); i += 2 {
		t.tab[rs[i]-0x4E00] = rs[i+1]
	}
	return t
})

// t2sTable builds the table from OpenCC's t2s character conversion: each
// ideograph U+4E00–U+9FFF that it changes into one ideograph of the same
// UTF-8 length (folding keeps byte offsets).
func t2sTable(convert func(string) (string, error)) (*traditional, error) {
	var b strings.Builder
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		b.WriteRune(r)
		b.WriteByte('\n')
	}
	out, err := convert(b.String())
	if err != nil {
		return nil, err
	}
	t := &traditional{}
	r := rune(0x4E00)
	for _, l := range strings.Split(out, "\n") {
		if r > 0x9FFF {
			break
		}
		if s, size := utf8.DecodeRuneInString(l); size == len(l) && s != r && utf8.RuneLen(s) == utf8.RuneLen(r) {
			t.tab[r-0x4E00] = s
		}
		r++
	}
	return t, nil
}

// bracketFold maps the bracket forms that clauses are written in to （）.
func bracketFold(r rune) rune {
	switch r {
	case '【', '〔', '［', '〖':
		return '（'
	case '】', '〕', '］', '〗':
		return '）'
	case '[':
		return '('
	case ']':
		return ')'
	}
	return r
}

// bulletFold maps a bullet that opens a point or a label inside a line
// (改革开放。★牵头单位：…) to a full stop: what follows opens a sentence, as
// after a bullet at a line's start, which stays for trimBullet to trim. ○
// is no bullet (二○二二年).
func bulletFold(r rune) rune {
	if r >= '•' && strings.ContainsRune(inlineBullets, r) { // • is the lowest
		return '。' // of the same length in UTF-8
	}
	return r
}

// reLeadMark is a sentence that says which mark the leads carry: 带★的为
// 牵头单位, 标*号的为牵头部门, 加注※者为主办单位 (read before folding, so
// in Traditional characters too: 帶★的為牽頭單位).
var reLeadMark = lazyRE(`(?:带|帶|标有|標有|标注|標註|标|標|注有|註有|加注|加註|加|后加|後加)\s*([` + leadMarks + `])\s*(?:号|號|符号|符號|标记|標記)?\s*(?:的|者)?\s*(?:单位|單位|部门|部門)?\s*(?:为|為|是)\s*(?:牵头|牽頭|主办|主辦)`)

// leadMarks are the marks a document may say its leads carry, and
// leadMarkRune, which stands for it once folded.
const leadMarks = "★☆*＊※▲△●◆" + leadMarkString

// leadMark is the mark s says the leads carry, or "". The regular
// expression runs only on a line that holds one of its marks: foldLines
// asks of every line of every document.
func leadMark(s string) string {
	if !strings.ContainsAny(s, leadMarks) {
		return ""
	}
	if m := reLeadMark.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// inlineBullets are the bullets (of bullets, classify.go) that open a
// point or a label inside a line: each as long in UTF-8 as 。, and none a
// name's middle dot (·).
const inlineBullets = "★☆●◆◇■□▲►▶•"

// needsFold reports whether any line holds a rune that folding changes.
func needsFold(lines []string) (brackets, trad bool) {
	var t *traditional
	for _, l := range lines {
		for _, r := range l {
			if r < 0x3000 {
				brackets = brackets || bracketFold(r) != r || bulletFold(r) != r // [ ], a bullet
				continue
			}
			if bracketFold(r) != r {
				brackets = true
			}
			if r >= 0x4E00 && r <= 0x9FFF && !trad {
				if t == nil {
					t = t2s()
				}
				trad = t.tab[r-0x4E00] != 0
			}
		}
	}
	return brackets, trad
}

// foldLines returns the folded spelling of lines, byte for byte as long as
// the lines: each character is folded alone, by OpenCC's character table
// (its phrase table serves reading, not matching names).
func foldLines(lines []string) []string {
	brackets, trad := needsFold(lines)
	keep := leadMarkIn(lines)
	if !brackets && !trad && keep == 0 {
		return lines
	}
	var t *traditional
	if trad {
		t = t2s()
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = foldLine(l, t, keep)
	}
	return out
}

// leadMarkIn is the mark a document says its leads carry (注：带★的为牵头单
// 位), which then marks a name, not a point: folded to leadMarkRune, as
// long in UTF-8, which cutLeadMark reads as （牵头）. 0 if none, or if the
// mark is not three bytes long (an ASCII *).
func leadMarkIn(lines []string) rune {
	for _, l := range lines {
		if m := leadMark(l); m != "" {
			if r, size := utf8.DecodeRuneInString(m); size == utf8.RuneLen(leadMarkRune) {
				return r
			}
		}
	}
	return 0
}

// leadMarkRune stands, in folded text, for the mark a document says its
// leads carry: a private-use character no document writes.
const leadMarkRune = '\uE000'

// leadMarkString is leadMarkRune as a string.
const leadMarkString = string(leadMarkRune)

func foldLine(l string, t *traditional, keep rune) string {
	if l == "" {
		return l
	}
	var b strings.Builder
	b.Grow(len(l))
	opened := false // a rune other than a space came before
	for i := 0; i < len(l); {
		r, size := utf8.DecodeRuneInString(l[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteString(l[i : i+max(size, 1)]) // an invalid byte stays as it is
			i += max(size, 1)
			continue
		}
		r = bracketFold(r)
		switch {
		case opened && keep != 0 && r == keep:
			r = leadMarkRune // 市发改委★, where 带★的为牵头单位: a lead's mark
		case opened:
			r = bulletFold(r) // (a bullet opening the line stays for trimBullet)
		}
		opened = opened || !unicode.IsSpace(r)
		if t != nil && r >= 0x4E00 && r <= 0x9FFF {
			if s := t.tab[r-0x4E00]; s != 0 {
				r = s
			}
		}
		b.WriteRune(r)
		i += size
	}
	return b.String()
}

// reLabelCells is a line of two cells, a label closed by its colon and
// the label's value: 牵头单位： | 市住房城乡建设局 |.
var reLabelCells = lazyRE(`^[ \t]*\|?[ \t]*([^|：:]{1,16}[：:])[ \t]*\|[ \t]*([^|]*[^| \t])[ \t]*\|?[ \t]*$`)

// labelCells reads a line of a label's cell and its value's, as a page
// lays out a two-column table (牵头单位： | 市住房城乡建设局 |), as the
// label line it is: 牵头单位：市住房城乡建设局.
func labelCells(l string) string {
	if strings.Count(l, "|") == 0 || strings.Count(l, "|") > 3 || !strings.ContainsAny(l, "：:") {
		return l
	}
	m := reLabelCells.FindStringSubmatch(l)
	if m == nil {
		return l
	}
	return m[1] + m[2]
}

// dropGlosses removes pinyin glosses after Han characters:
// 經（jīng）貿（mào）委 → 經貿委. A gloss is a parenthesis of Latin letters,
// at least one of them with a tone mark, right after a Han character.
func dropGlosses(l string) string {
	if !hasLatinExtended(l) || !strings.ContainsAny(l, "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü") {
		return l
	}
	var b strings.Builder
	i := 0
	for i < len(l) {
		r, size := utf8.DecodeRuneInString(l[i:])
		if (r == '（' || r == '(') && i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(l[:i])
			if isHan(prev) {
				if end := glossEnd(l[i+size:]); end > 0 {
					i += size + end
					continue
				}
			}
		}
		b.WriteString(l[i : i+size])
		i += size
	}
	return b.String()
}

// glossEnd returns the length of a gloss body with its closing mark, or 0.
func glossEnd(s string) int {
	tone := false
	for j, r := range s {
		switch {
		case r == '）' || r == ')':
			if j > 0 && tone {
				return j + utf8.RuneLen(r)
			}
			return 0
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case strings.ContainsRune("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü", r):
			tone = true
		default:
			return 0
		}
		if j > 12 {
			return 0
		}
	}
	return 0
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}

func firstRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// hasLatinExtended reports whether s holds a character of U+00C0–U+01FF,
// where the tone-marked vowels are: the cheap test before ContainsAny.
func hasLatinExtended(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0xC3 && c <= 0xC7 {
			return true
		}
	}
	return false
}
