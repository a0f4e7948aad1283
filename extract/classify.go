package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stage 3, classify: each line gets a kind from an ordered table of line
// rules. The first rule that claims a line decides its kind; a new layout
// adds a rule, it never edits the loop.

type lineKind uint8

const (
	kBlank   lineKind = iota
	kNoise            // web-page furniture: navigation, share buttons, page markers
	kHeading          // a section heading: 一、…, 第一部分, 附件1
	kItem             // a numbered item at the document's item level
	kSub              // a heading between section and item: （一） in a 1. document
	kLabel            // a label line: 牵头单位：…
	kText             // anything else: text, continuations, numbered points inside an item
)

// numForm is a numbering form, in the usual nesting order.
type numForm uint8

const (
	fNone        numForm = iota
	fPart                // 第一部分, 第一章
	fCnDun               // 一、
	fCnParen             // （一）
	fArabic              // 1. 1、 1． 1﹒
	fTiao                // 第一条
	fArabicParen         // （1） (1) 1)
	fYiShi               // 一是
	fCircled             // ①
)

// numbering is what a line's opening number says.
type lineNumber struct {
	form    numForm
	value   int
	numeral string // as written: 六, 12, （一）
	rest    int    // byte offset of the text after the number
}

var (
	reNumArabic      = lazyRE(`^(\d{1,4})\s*[.．、﹒。]\s*`)
	reNumCnDun       = lazyRE(`^([一二三四五六七八九十百]{1,4})\s*[、.．]\s*`)
	reNumCnParen     = lazyRE(`^[（(]([一二三四五六七八九十百]{1,4})[）)]\s*`)
	reNumArabicParen = lazyRE(`^[（(](\d{1,3})[）)]\s*`)
	reNumArabicHalf  = lazyRE(`^(\d{1,3})[）)]\s*`) // 1) reads as （1）
	reNumArabicSpace = lazyRE(`^(\d{1,3})[ \t\x{3000}]+`)
	reNumDotted      = lazyRE(`^\d{1,2}[.．](\d{1,2})(?:[.．、]\s*|[ \t\x{3000}]+)`) // 1.1 under 一、
	reNumTiao        = lazyRE(`^第([一二三四五六七八九十百]{1,4})条\s*`)
	reNumPart        = lazyRE(`^第([一二三四五六七八九十]{1,3})(?:部分|章|篇)\s*`)
	reNumYiShi       = lazyRE(`^([一二三四五六七八九十]{1,3})是`)
	reNumNamed       = lazyRE(`^(?:任务|事项)\s*(\d{1,3}|[一二三四五六七八九十百]{1,4})\s*(?:[：:、.．]\s*|$)`) // 任务1：, or 任务1 on a line of its own
	reNumXiang       = lazyRE(`^第\s*(\d{1,3}|[一二三四五六七八九十百]{1,4})\s*项\s*[：:、.．]\s*`)           // 第1项：
	reAttachment     = lazyRE(`^附件\s*(\d{1,2})?\s*[：:]?$`)
)

// numberOf reads the number that opens l, if any.
func numberOf(l string) lineNumber {
	if l == "" {
		return lineNumber{}
	}
	r, _ := utf8.DecodeRuneInString(l)
	switch {
	case r >= '0' && r <= '9':
		if m := reNumDotted.FindStringSubmatchIndex(l); m != nil {
			// 1.1 推进……: the item's number in its section, written after
			// the section's; a value (2.5 万元) goes on with a measure word
			if next, _ := utf8.DecodeRuneInString(l[m[1]:]); unicode.Is(unicode.Han, next) && !strings.ContainsRune(measureWords, next) {
				v, _ := strconv.Atoi(l[m[2]:m[3]])
				return lineNumber{form: fArabic, value: v, numeral: strings.TrimRight(l[:m[1]], ".．、 \t\u3000"), rest: m[1]}
			}
		}
		if m := reNumArabic.FindStringSubmatchIndex(l); m != nil && (!decimalAt(l, m[3]) || yearAt(l, m[1])) {
			v, _ := strconv.Atoi(l[m[2]:m[3]])
			return lineNumber{form: fArabic, value: v, numeral: l[m[2]:m[3]], rest: m[1]}
		}
		if m := reNumArabicSpace.FindStringSubmatchIndex(l); m != nil {
			// 1 推进……: a number and a space before Chinese text
			if next, _ := utf8.DecodeRuneInString(l[m[1]:]); unicode.Is(unicode.Han, next) && !strings.ContainsRune(measureWords, next) {
				v, _ := strconv.Atoi(l[m[2]:m[3]])
				return lineNumber{form: fArabic, value: v, numeral: l[m[2]:m[3]], rest: m[1]}
			}
		}
		if m := reNumArabicHalf.FindStringSubmatchIndex(l); m != nil {
			v, _ := strconv.Atoi(l[m[2]:m[3]])
			return lineNumber{form: fArabicParen, value: v, numeral: l[m[2]:m[3]], rest: m[1]}
		}
	case r == '（' || r == '(':
		if m := reNumCnParen.FindStringSubmatchIndex(l); m != nil {
			return lineNumber{form: fCnParen, value: parseChineseNumber(l[m[2]:m[3]]), numeral: l[m[2]:m[3]], rest: m[1]}
		}
		if m := reNumArabicParen.FindStringSubmatchIndex(l); m != nil {
			v, _ := strconv.Atoi(l[m[2]:m[3]])
			return lineNumber{form: fArabicParen, value: v, numeral: l[m[2]:m[3]], rest: m[1]}
		}
	case r == '任' || r == '事':
		if m := reNumNamed.FindStringSubmatchIndex(l); m != nil {
			return namedNumber(l, m)
		}
	case r == '第':
		if m := reNumXiang.FindStringSubmatchIndex(l); m != nil {
			return namedNumber(l, m)
		}
		if m := reNumPart.FindStringSubmatchIndex(l); m != nil {
			return lineNumber{form: fPart, value: parseChineseNumber(l[m[2]:m[3]]), numeral: l[m[2]:m[3]], rest: m[1]}
		}
		if m := reNumTiao.FindStringSubmatchIndex(l); m != nil {
			return lineNumber{form: fTiao, value: parseChineseNumber(l[m[2]:m[3]]), numeral: l[m[2]:m[3]], rest: m[1]}
		}
	case r >= '㈠' && r <= '㈩': // ㈠ is （一） in one character
		_, size := utf8.DecodeRuneInString(l)
		return lineNumber{form: fCnParen, value: int(r-'㈠') + 1, numeral: string("一二三四五六七八九十"[3*(r-'㈠') : 3*(r-'㈠')+3]), rest: restAfter(l, size)}
	case r >= '⑴' && r <= '⒇': // ⑴ is （1） in one character
		_, size := utf8.DecodeRuneInString(l)
		return lineNumber{form: fArabicParen, value: int(r-'⑴') + 1, numeral: l[:size], rest: restAfter(l, size)}
	case r >= '⒈' && r <= '⒛': // ⒈ is 1. in one character
		_, size := utf8.DecodeRuneInString(l)
		return lineNumber{form: fArabic, value: int(r-'⒈') + 1, numeral: l[:size], rest: restAfter(l, size)}
	case r >= '❶' && r <= '❿', r >= '➀' && r <= '➉', r >= '➊' && r <= '➓':
		_, size := utf8.DecodeRuneInString(l)
		first := '❶'
		switch {
		case r >= '➊':
			first = '➊'
		case r >= '➀':
			first = '➀'
		}
		return lineNumber{form: fCircled, value: int(r-first) + 1, numeral: l[:size], rest: restAfter(l, size)}
	case r >= '①' && r <= '⑳':
		_, size := utf8.DecodeRuneInString(l)
		return lineNumber{form: fCircled, value: int(r-'①') + 1, numeral: l[:size], rest: size}
	case strings.ContainsRune("一二三四五六七八九十", r):
		if m := reNumCnDun.FindStringSubmatchIndex(l); m != nil {
			return lineNumber{form: fCnDun, value: parseChineseNumber(l[m[2]:m[3]]), numeral: l[m[2]:m[3]], rest: m[1]}
		}
		if m := reNumYiShi.FindStringSubmatchIndex(l); m != nil {
			return lineNumber{form: fYiShi, value: parseChineseNumber(l[m[2]:m[3]]), numeral: l[m[2]:m[3]], rest: m[1]}
		}
	}
	return lineNumber{}
}

// namedNumber reads a number written with a word, 任务1： or 第一项：, as an
// item's 1.: its numeral is the digits, or the Chinese numeral, alone.
func namedNumber(l string, m []int) lineNumber {
	numeral := l[m[2]:m[3]]
	v, err := strconv.Atoi(numeral)
	if err != nil {
		v = parseChineseNumber(numeral)
	}
	return lineNumber{form: fArabic, value: v, numeral: numeral, rest: m[1]}
}

// measureWords start what follows a number that is a value, not an item
// number (100 万元, 2022 年).
const measureWords = "万亿千百十个年月日号时元人户家所项条亩斤吨米公台辆套座名倍成岁周天批"

// restAfter is the offset of the text after a one-character number and
// the spaces after it.
func restAfter(l string, size int) int {
	return len(l) - len(strings.TrimLeft(l[size:], " \t\u3000"))
}

// bullets open a line as a list mark, not a number: the line is read
// without them.
const bullets = "●■◆◇□★☆▲△•▪►▶➢❖◎·"

// trimBullet drops a leading bullet and the spaces after it.
func trimBullet(t string) string {
	r, size := utf8.DecodeRuneInString(t)
	if size == 0 || !strings.ContainsRune(bullets, r) {
		return t
	}
	return strings.TrimLeft(t[size:], " \t\u3000")
}

// dashedLabel trims the dash before a label line (——责任单位：X), as a
// bullet is trimmed; a dash before anything else stays (——城镇新增就业5万人
// is a dash list's entry).
func dashedLabel(t string, v *Vocabulary) string {
	rest := strings.TrimLeft(t, "—－-")
	if len(rest) == len(t) {
		return t
	}
	rest = strings.TrimLeft(rest, " \t\u3000")
	if r, _ := v.labelAt(rest); r != "" {
		return rest
	}
	return t
}

// yearAt is true when a year opens l at i (7.2022年底前完成…): after an
// item's number and its dot, not the decimals of a value.
func yearAt(l string, i int) bool {
	return reYear.MatchString(l[i:])
}

var reYear = lazyRE(`^(?:19|20)\d{2}年`)

// decimalAt is true when the number that ends at i goes on as a decimal
// (6.5%以上…): a value, not an item number.
func decimalAt(l string, i int) bool {
	return i+1 < len(l) && l[i] == '.' && l[i+1] >= '0' && l[i+1] <= '9'
}

// cline is one source line after classification.
type cline struct {
	n    int    // 1-based source line
	text string // the folded line, trimmed
	kind lineKind
	num  lineNumber
	// set by fixups
	inferred bool // the item number was inferred, not written
	glued    bool // split off a collapsed document's line (collapsed.go)
	leader   string
}

// rest is the line's text after its number; a fixup may have cut the
// line's end.
func (c *cline) rest() string {
	return c.text[min(c.num.rest, len(c.text)):]
}

// chooseItemForm decides the numbering form of the document's items: the
// form under which most responsibility clauses stand. Headings above it
// are sections and sub-headings; numbers below it are points of an item.
func chooseItemForm(lines []cline, v *Vocabulary, nr *nameReader) numForm {
	count := map[numForm]int{}
	head := map[numForm]int{} // clauses on a heading of numbered lines: 一、稳增长（牵头单位：X） over 1. 2.
	seen := map[numForm]int{}
	cur := fNone
	next := make([]numForm, len(lines)) // the form of the next numbered line after each
	for i, f := len(lines)-1, fNone; i >= 0; i-- {
		next[i] = f
		if lines[i].num.form != fNone {
			f = lines[i].num.form
		}
	}
	for i, c := range lines {
		if c.num.form != fNone {
			cur = c.num.form
			seen[cur]++
		}
		if cur != fNone && c.text != "" && !dashEntry(c.text) && (hasClauseV(c.text, v, nr) || ownRoleSentence(c.text, v, nr)) {
			if n := next[i]; n > cur && n != fCircled && n != fYiShi && n != fPart {
				head[cur]++
			} else {
				count[cur]++
			}
		}
	}
	best := bestForm(count, head)
	// items are the deeper lines when they carry clauses of their own as
	// often as the headings over them do; else the headings are the items
	if inner := bestForm(count, nil); inner != fNone && inner != best && 2*count[inner] >= head[best]+count[best] {
		best = inner
	}
	if count[best] == 0 && head[best] > 0 {
		if through := numberedThrough(lines, best); through != fNone {
			best = through
		}
	}
	if up := upperItems(lines, best, next); up != fNone {
		best = up
	}
	if best != fNone {
		return best
	}
	if count[fCircled] > 0 {
		return fCircled // ① lines are items only where nothing else is
	}
	for _, f := range []numForm{fArabic, fTiao, fCnParen, fArabicParen} {
		if seen[f] > 1 {
			return f
		}
	}
	return fArabic
}

// numberedThrough finds the numbered lines below the headings of form
// heading that count on through the document, 1 to n with no number
// skipped or repeated, across two headings or more (1. 2. under
// （一）扩大投资（牵头单位：X）, 3. under （二））: when only headings carry
// clauses, a list numbered through the document is its list of items,
// and the headings' clauses are for the items under them. (Numbered
// again from 1 under each heading, the lines are points inside the
// headings' items.) It returns fNone when there is none.
func numberedThrough(lines []cline, heading numForm) numForm {
	for _, f := range []numForm{fArabic, fTiao} {
		if f <= heading {
			continue
		}
		last, crossed, through, ok := 0, false, 0, true
		for _, c := range lines {
			switch g := c.num.form; {
			case g == fNone:
			case g < f:
				crossed = last > 0
			case g == f:
				if c.num.value != last+1 {
					ok = false
				} else if crossed {
					through++
				}
				last, crossed = c.num.value, false
			}
		}
		if ok && through > 0 {
			return f
		}
	}
	return fNone
}

// dashEntry reports whether t is an entry of a dash list (——城镇新增就业5万人。
// under 一、主要预期目标): an entry of its own, whose clause says nothing of
// the heading's form being the items'.
func dashEntry(t string) bool {
	return strings.HasPrefix(t, "——")
}

// upperItems finds the form just above best that holds items of its own:
// when some of its lines have best lines under them, and as many stand
// alone as a whole item (a clause, or a sentence closed by 。, and no best
// lines under them), the best lines are points inside those items (3.…（1）…
// （2）… between items 2. and 4.), not items under headings. It returns
// fNone when best stays.
func upperItems(lines []cline, best numForm, next []numForm) numForm {
	up := fNone
	for _, c := range lines {
		if f := c.num.form; f > up && f < best && (f == fCnParen || f == fArabic || f == fTiao) {
			up = f
		}
	}
	if up == fNone {
		return fNone
	}
	whole, parents := 0, 0
	for i, c := range lines {
		if c.num.form != up {
			continue
		}
		if next[i] == best {
			parents++
			continue
		}
		// the item's text runs on to the next numbered line: its end
		// is where that last line ends
		text := c.rest()
		for j := i + 1; j < len(lines) && lines[j].num.form == fNone && lines[j].text != ""; j++ {
			text = lines[j].text
		}
		if strings.HasSuffix(text, "。") || strings.HasSuffix(text, "）") {
			whole++
		}
	}
	if parents > 0 && whole >= parents {
		return up
	}
	return fNone
}

// labelled reports whether s is a label with its value (责任单位：市发改委).
func labelled(s string, v *Vocabulary) bool {
	r, n := v.labelAt(s)
	return r != "" && strings.TrimSpace(s[n:]) != ""
}

// classify gives every line its kind.
func classify(fold []string, v *Vocabulary, nr *nameReader) ([]cline, numForm) {
	out := make([]cline, len(fold))
	for i, l := range fold {
		t := dashedLabel(trimBullet(strings.TrimSpace(l)), v)
		c := cline{n: i + 1, text: t}
		if t != "" {
			c.num = numberOf(t)
			if rest := c.rest(); c.num.form != fNone && labelled(rest, v) {
				// （一）责任领导：张三 / （二）责任单位：市发改委 under an
				// item: label lines numbered as a list, not items
				c.text, c.num = rest, lineNumber{}
			}
		}
		out[i] = c
	}
	out = splitCollapsed(out, v)
	form := chooseItemForm(out, v, nr)
	for i := range out {
		out[i].kind = lineRule(&out[i], form, v)
	}
	gluedHeadings(out, form)
	attachmentList(out)
	return out, form
}

// gluedHeadings makes a 一、 piece of a split line that reads as a
// numbered paragraph (long, closed by a full stop) a heading when the
// piece after it is an item numbered 1: the summary of the points under
// it (一、充分发挥龙头企业的作用，……促进农民增收。 1.……责任单位：…).
func gluedHeadings(lines []cline, itemForm numForm) {
	for i := range lines {
		c := &lines[i]
		if c.kind != kText || !c.glued || c.num.form != fCnDun || itemForm <= fCnDun {
			continue
		}
		if k := nextLine(lines, i); k >= 0 && lines[k].kind == kItem && lines[k].num.value == 1 {
			c.kind = kHeading
		}
	}
}

var reAttachmentList = lazyRE(`^附件\s*[：:]?\s*1\s*[.．、]`)

// attachmentList makes the numbered lines that go on a notice's list of
// attachments (附件：1. 2022年…分解表 / 2. 2022年…分解表) the notice's text,
// not items: each numbered on from the one before, a title with no full
// stop.
func attachmentList(lines []cline) {
	next := 0
	for i := range lines {
		c := &lines[i]
		switch {
		case c.kind == kBlank:
		case reAttachmentList.MatchString(c.text):
			next = 2
		case next > 0 && c.num.form == fArabic && c.num.value == next && !strings.ContainsAny(c.text, "。；（(") && utf8.RuneCountInString(c.text) <= 60:
			c.kind = kText
			next++
		default:
			next = 0
		}
	}
}

// bestForm is the form under which most clauses stand (with head, those
// on headings too); a later (deeper) form wins a tie.
func bestForm(count, head map[numForm]int) numForm {
	best, bestN := fNone, 0
	for _, f := range []numForm{fCnDun, fCnParen, fArabic, fTiao, fArabicParen, fYiShi} {
		if n := count[f] + head[f]; n > 0 && n >= bestN {
			best, bestN = f, n
		}
	}
	return best
}

// lineRule is the ordered table of line rules.
func lineRule(c *cline, itemForm numForm, v *Vocabulary) lineKind {
	t := c.text
	switch {
	case t == "":
		return kBlank
	case isNoiseLine(t, v):
		return kNoise
	case reAttachment.MatchString(t):
		return kHeading
	case c.num.form == fPart:
		return kHeading
	case c.num.form == itemForm:
		return kItem
	case c.num.form == fCnDun && itemForm > fCnDun && numberedParagraph(c.rest()):
		return kText // 一、各责任单位要高度重视，……。: a numbered paragraph of the notice
	case c.num.form == fCnDun && itemForm > fCnDun:
		return kHeading
	case c.num.form == fCnParen && itemForm > fCnParen:
		return kSub
	case (c.num.form == fArabic || c.num.form == fTiao) && itemForm > c.num.form && itemForm != fCircled && itemForm != fYiShi:
		return kSub // 1. over （1） items
	case c.num.form != fNone:
		return kText
	}
	if r, _ := v.labelAt(t); r != "" {
		return kLabel
	}
	return kText
}

// numberedParagraph reports whether the text after a 一、 is a paragraph
// rather than a heading's title: long, and closed by a full stop.
func numberedParagraph(rest string) bool {
	return utf8.RuneCountInString(rest) > 40 && strings.HasSuffix(rest, "。")
}

// isNoiseLine is web-page furniture: navigation, share buttons, viewer
// page markers, visit counters.
func isNoiseLine(t string, v *Vocabulary) bool {
	if v.isNoise(t) {
		return true
	}
	return rePageMarker.MatchString(t) || reDateStamp.MatchString(t) || reBreadcrumb.MatchString(t)
}

var (
	rePageMarker = lazyRE(`^(?:第\s*\d+\s*页\s*(?:/|，)?\s*(?:共\s*\d+\s*页)?|\d+\s*/\s*\d+|(?:[—－-]\s*)+\d+\s*(?:[—－-]\s*)*[—－-])$`)
	reBreadcrumb = lazyRE(`^(?:(?:(?:当前)?位置[：:]\s*)?(?:首页|主页|网站首页|当前位置|您的位置)\s*[>＞»›/]|[>＞»›]{1,2}\s*[^>＞»›]+[>＞»›]{1,2})`)
	reDateStamp  = lazyRE(`^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s.*)?$`)
)

// hasClauseV reports whether s holds a responsibility clause of any form.
func hasClauseV(s string, v *Vocabulary, nr *nameReader) bool {
	return hasClause(s, v, nr) || sentenceClause(s) >= 0
}

// ownRoleSentence reports whether s closes with a sentence of role parts
// about its own task (由X牵头，Y配合。), not one over the tasks above it
// (以上工作由X牵头).
func ownRoleSentence(s string, v *Vocabulary, nr *nameReader) bool {
	at := roleSentence(s, v, nr)
	return at >= 0 && v.aboveSubject(strings.TrimSpace(s[at:])) == 0
}
