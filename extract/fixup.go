package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Stage 4, fixups: repairs of damaged numbering, each a separate pass over
// the classified lines. A fixup runs only where its damage is seen, and a
// document it changed gets its warning once, at the first line it
// repaired:
//
//   - glued items: …负责）（二）… or …协办）2.… split where the next item's
//     number follows a clause or a full stop (a whole document on one line
//     splits at its item numbers the same way);
//   - glued headings: …负责）六、扎实推动区域协调发展 split off the line;
//   - displaced numbers: …负责）36 — the number of the next item ended up
//     at the end of the line before it;
//   - placeholders: a （ left at a line end stands for the next item;
//   - lost numbers: after a heading, an unnumbered line starts an item;
//   - split clauses: a clause wrapped across two lines is read whole;
//   - cut clauses: a clause the page's end cut off is read as closed.

var (
	reGluedHead   = lazyRE(`([。）)])([一二三四五六七八九十]{1,3})、([^。；，（）()]{2,40})$`)
	reDisplacedNo = lazyRE(`([。）)])(\d{1,4})$`)
)

// fixer carries the running state of the numbering fixups.
type fixer struct {
	form  numForm
	v     *Vocabulary
	nr    *nameReader
	warn  func(line int, code string)
	last  int // number of the last item started
	heads int // ordinal of the last section heading
	any   bool
}

// fixups runs the repair passes in order and returns the repaired lines.
func fixups(lines []cline, form numForm, v *Vocabulary, nr *nameReader, warn func(int, string)) []cline {
	f := &fixer{form: form, v: v, nr: nr, warn: warn}
	lines = f.splitGlued(lines)
	lines = f.renumber(lines)
	lines = f.joinSplitClauses(lines)
	lines = f.joinSplitLabels(lines)
	lines = f.dropCutLabel(lines)
	return f.closeCutClause(lines)
}

// dropCutLabel drops the page's last line when it is a label the page's
// end cut (牵头责任 of 牵头责任单位：): no task's words.
func (f *fixer) dropCutLabel(lines []cline) []cline {
	i := lastLine(lines)
	if i < 0 {
		return lines
	}
	l := strings.TrimSpace(lines[i].text)
	if utf8.RuneCountInString(l) < 2 {
		return lines
	}
	for _, w := range f.v.Labels {
		if len(l) < len(w.Word) && strings.HasPrefix(w.Word, l) {
			out := append([]cline(nil), lines...)
			out[i].kind, out[i].text = kBlank, ""
			return out
		}
	}
	return lines
}

// lastLine is the index of the page's last line that is neither blank
// nor web-page noise, -1 if none.
func lastLine(lines []cline) int {
	i := len(lines) - 1
	for i >= 0 && (lines[i].kind == kBlank || lines[i].kind == kNoise) {
		i--
	}
	return i
}

// firstLine is the index of the first line of lines that is neither blank
// nor web-page noise, -1 if none.
func firstLine(lines []cline) int {
	for i, c := range lines {
		if c.kind != kBlank && c.kind != kNoise {
			return i
		}
	}
	return -1
}

// closeCutClause reads a clause the page's end cut off, its parenthesis
// never closed (…增长7.5%。（牵头单位：市发改委；责任单位：各区人民政府〈含开发区、),
// as closed where the text ends: what it names is written. A note left
// open inside it (〈含开发区、) and a separator it ends in are dropped.
func (f *fixer) closeCutClause(lines []cline) []cline {
	i := lastLine(lines)
	if i < 0 || lines[i].kind != kItem && lines[i].kind != kSub && lines[i].kind != kText {
		return lines
	}
	c := lines[i]
	var open []int // the parentheses left open, outermost first
	for at, r := range c.text {
		switch r {
		case '（', '(', '〈':
			open = append(open, at)
		case '）', ')', '〉':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	if len(open) == 0 || strings.HasPrefix(c.text[open[0]:], "〈") {
		return lines // a note left open, in the text: no clause
	}
	_, size := utf8.DecodeRuneInString(c.text[open[0]:])
	body := c.text[open[0]+size:]
	if len(open) > 1 {
		body = body[:open[1]-open[0]-size]
	} else if i := strings.LastIndexAny(body, "、，；：,;:"); i >= 0 {
		_, sep := utf8.DecodeRuneInString(body[i:])
		if rest := strings.TrimSpace(body[i+sep:]); rest != "" && !unitLike(rest, f.nr) {
			body = body[:i] // a name the page's end cut (牵头单位：市): no name
		}
	}
	if i := strings.LastIndexAny(body, "；;，,"); i >= 0 {
		_, sep := utf8.DecodeRuneInString(body[i:])
		if tail := strings.TrimSpace(body[i+sep:]); tail != "" {
			if r, n := f.v.labelAt(tail); r != "" && strings.TrimSpace(tail[n:]) == "" {
				body = body[:i] // a label the page's end cut before its names (；责任单位：)
			}
		}
	}
	body = strings.TrimRight(body, "、，；：,;: ")
	if _, ok := parseClause(body, f.v, f.nr); !ok {
		return lines
	}
	c.text = c.text[:open[0]] + "（" + body + "）"
	f.warn(c.n, "cut-clause")
	out := append([]cline(nil), lines...)
	out[i] = c
	return out
}

// joinSplitClauses joins a line that ends inside an open parenthesis with
// the line that closes it, when together they make a clause: a clause a
// page wrapped across two lines (（市发改委牵头，市财政局、 / 市统计局配合）).
func (f *fixer) joinSplitClauses(lines []cline) []cline {
	var out []cline
	warned := false
	for i := 0; i < len(lines); i++ {
		c := lines[i]
		if (c.kind == kItem || c.kind == kText) && i+1 < len(lines) && lines[i+1].kind == kText {
			if open := strings.LastIndex(c.text, "（"); open >= 0 && !strings.Contains(c.text[open:], "）") && len(c.text)-open < 3*200 {
				next := lines[i+1].text
				if close := strings.Index(next, "）"); close >= 0 && close < 3*200 && parenDepth(next[:close]) == 0 {
					body := c.text[open+len("（"):] + next[:close]
					if _, ok := parseClause(body, f.v, f.nr); ok {
						c.text += next
						out = append(out, c)
						i++
						if !warned {
							warned = true
							f.warn(c.n, "split-clause")
						}
						continue
					}
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// joinSplitLabels joins a label line whose list of units ends in a list
// mark (配合单位：县自然资源局、) with the text line after it that goes on
// with the list (县农业农村局、各乡镇), blank lines between skipped: a list a
// page wrapped across two lines.
func (f *fixer) joinSplitLabels(lines []cline) []cline {
	var out []cline
	warned := false
	for i := 0; i < len(lines); i++ {
		c := lines[i]
		var b strings.Builder // the lines joined (built once: a long run stays linear)
		last := c.text
		for c.kind == kLabel && endsInListMark(last) {
			j := i + 1
			for j < len(lines) && lines[j].kind == kBlank {
				j++
			}
			if j == len(lines) || lines[j].kind != kText || !f.unitsOnly(lines[j].text) {
				break
			}
			if b.Len() == 0 {
				b.WriteString(strings.TrimSpace(c.text))
			}
			last = strings.TrimSpace(lines[j].text)
			b.WriteString(last)
			i = j
			if !warned {
				warned = true
				f.warn(c.n, "split-label")
			}
		}
		if b.Len() > 0 {
			c.text = b.String()
		}
		out = append(out, c)
	}
	return out
}

// endsInListMark reports whether l ends in 、 or ，: a list goes on.
func endsInListMark(l string) bool {
	l = strings.TrimSpace(l)
	return strings.HasSuffix(l, "、") || strings.HasSuffix(l, "，") || strings.HasSuffix(l, ",")
}

// unitsOnly reports whether l reads as a list of units and groups and
// nothing else: no sentence, no label.
func (f *fixer) unitsOnly(l string) bool {
	l = strings.TrimRight(strings.TrimSpace(l), "。；;")
	if l == "" || strings.ContainsAny(l, "。；;：:") {
		return false
	}
	for _, n := range splitNames(l) {
		n = strings.TrimSpace(n)
		if n != "" && !unitLike(n, f.nr) && !f.v.isGroupWord(n) && !groupish(n) {
			return false
		}
	}
	return true
}

// splitGlued splits lines at glued item numbers and headings: after a
// clause's closing mark, a full stop or a space, the next item's number in
// the document's item form, or the next section's 一、. A document saved on
// one line splits into its headings and items the same way.
func (f *fixer) splitGlued(lines []cline) []cline {
	if f.form != fArabic && f.form != fCnParen && f.form != fArabicParen {
		return lines
	}
	var out []cline
	warned := false
	next, heads := 0, 0
	for _, c := range lines {
		switch {
		case c.kind == kItem:
			next = c.num.value + 1
		case c.kind == kHeading && c.num.form == fCnDun:
			heads = c.num.value
		}
		if c.kind != kItem && c.kind != kText || strings.Count(c.text, "|") >= 2 {
			out = append(out, c) // a table's row is cells, not items run together
			continue
		}
		for {
			at, head := f.gluedAt(c.text, next, heads+1)
			if at < 0 {
				break
			}
			first := c
			first.text = strings.TrimSpace(c.text[:at])
			if first.text != "" {
				out = append(out, first)
			}
			c.text = c.text[at:]
			c.num = numberOf(c.text)
			c.inferred = false
			if head {
				c.kind = kHeading
				heads = c.num.value
			} else {
				c.kind = kItem
				next = c.num.value + 1
			}
			if !warned {
				warned = true
				f.warn(c.n, "glued-items")
			}
		}
		out = append(out, c)
	}
	return out
}

// gluedAt finds where item number next (1 before the first item) or the
// heading numbered head starts inside l, after a clause's closing mark, a
// full stop or a space.
func (f *fixer) gluedAt(l string, next, head int) (int, bool) {
	want := max(next, 1)
	var marks []string
	switch f.form {
	case fArabic:
		n := strconv.Itoa(want)
		marks = []string{n + ".", n + "、", n + "．"}
	case fCnParen:
		marks = []string{"（" + formatNumber(want, "chineseCountingThousand") + "）"}
	case fArabicParen:
		marks = []string{"（" + strconv.Itoa(want) + "）"}
	}
	best, bestHead := -1, false
	for _, m := range marks {
		if i := f.findMark(l, m, func(i int, prev rune) bool {
			nb := numberOf(l[i:])
			if nb.form != f.form || nb.value != want {
				return false
			}
			if next == 0 || prev == ' ' || prev == '。' {
				// the first item, or one after plain text: its own text must
				// close with a clause, or this is prose
				return hasClauseV(l[i:f.itemEnd(l, i, want+1)], f.v, f.nr) && (prev != '。' || next == 0 || hasClauseV(l[:i], f.v, f.nr))
			}
			return true
		}); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	if f.form > fCnDun {
		h := formatNumber(head, "chineseCountingThousand") + "、"
		if i := f.findMark(l, h, func(i int, prev rune) bool {
			if prev != ' ' && prev != '。' && prev != '）' {
				return false
			}
			// a heading is short: an item follows it soon, or the line ends
			rest := l[i+len(h):]
			if utf8.RuneCountInString(rest) <= 40 {
				return !hasClauseV(rest, f.v, f.nr)
			}
			j, _ := f.gluedAt(rest, next, head+1)
			return j >= 0 && utf8.RuneCountInString(rest[:j]) <= 40
		}); i >= 0 && (best < 0 || i < best) {
			best, bestHead = i, true
		}
	}
	return best, bestHead
}

// findMark returns the first offset after the line start where mark
// follows a closing mark, a full stop, a semicolon or a space and ok
// accepts it; -1 if none.
func (f *fixer) findMark(l, mark string, ok func(i int, prev rune) bool) int {
	for off := 0; ; {
		i := strings.Index(l[off:], mark)
		if i < 0 {
			return -1
		}
		i += off
		off = i + len(mark)
		if i == 0 {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(l[:i])
		if !strings.ContainsRune("）。；) ", prev) {
			continue
		}
		if ok(i, prev) {
			return i
		}
	}
}

// itemEnd is where the item starting at i ends: at the next item's number
// after a closing mark, or the line's end.
func (f *fixer) itemEnd(l string, i, following int) int {
	n := strconv.Itoa(following)
	for _, m := range []string{"）" + n + ".", "）" + n + "、", "。" + n + ".", " " + n + "."} {
		if j := strings.Index(l[i:], m); j > 0 {
			return i + j + len(m) - len(n) - 1
		}
	}
	return len(l)
}

// renumber applies the seed's repairs: glued headings, displaced numbers,
// placeholders and lost numbers after a heading.
func (f *fixer) renumber(lines []cline) []cline {
	var out []cline
	next := 0      // number announced for the next text line, 0 if none
	guess := false // a heading or placeholder announced an item
	announced := 0 // line that announced it
	warned := map[string]bool{}
	note := func(line int, code string) {
		if !warned[code] {
			warned[code] = true
			f.warn(line, code)
		}
	}
	// the number of the next item line after each line, 0 if none: one
	// pass from the end, so that the lost-number test stays linear
	nextNum := make([]int, len(lines))
	for i, n := len(lines)-1, 0; i >= 0; i-- {
		nextNum[i] = n
		if lines[i].kind == kItem {
			n = lines[i].num.value
		}
	}
	prevText := ""
	for i, c := range lines {
		if c.kind == kText {
			prevText = c.text
		}
		switch c.kind {
		case kHeading:
			if c.num.form == fCnDun && c.num.value == 1 && f.heads > 0 && f.last == 0 && titleLike(prevText) {
				f.heads = 0 // 一、 again under the title of the attached document
			}
			if c.num.form == fCnDun && !f.countsUp(c.num.value) {
				c.kind = kText
				break
			}
			if c.num.form == fCnDun {
				f.heads = c.num.value
			}
			out = append(out, c)
			// (a table's row that opens with its category, 五、卫生健康 |
			// 16.… |, announces no item of its own)
			guess = f.last > 0 && strings.Count(c.text, "|") < 2
			continue
		case kItem:
			f.last = c.num.value
			next, guess = 0, false
		case kBlank, kNoise, kSub, kLabel:
			out = append(out, c)
			continue
		}
		if c.kind != kText && c.kind != kItem {
			out = append(out, c)
			continue
		}
		// What the end of the line says about the next line.
		l := c.text
		var heading *cline
		if at, m := gluedHeading(l); m != nil && f.countsUp(parseChineseNumber(m[0])) {
			h := cline{n: c.n, text: l[at:], kind: kHeading, num: lineNumber{form: fCnDun, value: parseChineseNumber(m[0]), numeral: m[0], rest: len(m[0]) + len("、")}}
			heading = &h
			l = l[:at]
			note(c.n, "glued-heading")
		}
		displaced, placeholder := 0, false
		if heading == nil && l != "" {
			if last := l[len(l)-1]; last >= '0' && last <= '9' {
				tail := l[max(0, len(l)-8):]
				if m := reDisplacedNo.FindStringSubmatchIndex(tail); m != nil {
					// an item is never numbered 0: …）0 keeps its 0
					if displaced, _ = strconv.Atoi(tail[m[4]:m[5]]); displaced > 0 {
						l = l[:len(l)-len(tail)+m[3]]
					}
				}
			} else if strings.HasSuffix(l, "（") || strings.HasSuffix(l, "(") {
				placeholder = true
				l = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(l, "（"), "("), " ")
			}
		}
		c.text = l
		if c.kind == kText {
			switch {
			case next > 0:
				c.kind, c.num, c.inferred = kItem, lineNumber{form: f.form, value: next}, true
				note(announced, "displaced-number")
			case guess && f.last > 0 && lostBefore(nextNum[i], f.last) && !f.tableHead(c.text) && !headingNext(lines[i+1:]):
				// (a line between the heading and the item that carries
				// the next number, or that numbers from 1 again, is the
				// heading's topic or the section's description, not an
				// item: 协助省长抓好…的落实。; 序号 opens a table's header; a
				// line right before a sub-heading describes the section)
				c.kind, c.num, c.inferred = kItem, lineNumber{form: f.form, value: f.last + 1}, true
				note(c.n, "lost-number")
			case displaced > 0 && f.last > 0 && displaced-1 > f.last:
				c.kind, c.num, c.inferred = kItem, lineNumber{form: f.form, value: displaced - 1}, true
				note(c.n, "displaced-number")
			}
			if c.kind == kItem {
				f.last = c.num.value
			}
		}
		next, guess = 0, false
		if displaced > 0 {
			if f.last > 0 && displaced <= f.last {
				c.text += strconv.Itoa(displaced) // not a displaced number after all
			} else {
				next, announced = displaced, c.n
			}
		}
		if placeholder && f.last > 0 {
			guess, announced = true, c.n
			note(c.n, "placeholder")
		}
		out = append(out, c)
		if heading != nil {
			f.heads = heading.num.value
			out = append(out, *heading)
			guess = f.last > 0
		}
	}
	if next > 0 || guess {
		// the source announced one more item but ends before it
		num := next
		if num == 0 {
			num = f.last + 1
		}
		out = append(out, cline{n: announced, kind: kItem, num: lineNumber{form: f.form, value: num}, inferred: true, text: ""})
	}
	return out
}

// tableHead reports whether l is a table's 序号 cell, on a line of its own
// or opening a header row.
func (f *fixer) tableHead(l string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(l), " ")
	first, _, _ = strings.Cut(first, "|")
	return utf8.RuneCountInString(first) <= 4 && f.v.column(first) == colNumber
}

// lostBefore reports whether an item numbered next, after the last one
// numbered last, leaves a number out for the line before it: next is past
// last+1 (or no item follows).
func lostBefore(next, last int) bool {
	return next == 0 || next > last+1
}

// headingNext reports whether the first line of lines that is not blank
// is a heading or a sub-heading.
func headingNext(lines []cline) bool {
	i := firstLine(lines)
	return i >= 0 && (lines[i].kind == kHeading || lines[i].kind == kSub)
}

// countsUp reports whether a section numeral continues the sections: a
// heading must count up from the previous one, so 一、二、三产业 inside
// prose is not a heading.
func (f *fixer) countsUp(v int) bool {
	return v > 0 && v > f.heads
}

// gluedHeading finds a heading glued to the end of a line, such as
// …负责）六、扎实推动区域协调发展. It returns where the heading starts, its
// numeral and its title, looking only at the line's tail.
func gluedHeading(l string) (int, []string) {
	i := strings.LastIndex(l, "、")
	if i < 0 || len(l)-i > 3*41 {
		return 0, nil
	}
	start := max(0, i-3*4) // a closing mark and at most three numerals
	for start > 0 && !utf8.RuneStart(l[start]) {
		start--
	}
	tail := l[start:]
	m := reGluedHead.FindStringSubmatchIndex(tail)
	if m == nil {
		return 0, nil
	}
	return start + m[3], []string{tail[m[4]:m[5]], tail[m[6]:m[7]]}
}

// titleLike reports whether a line reads as a document's title: short, no
// full stop, naming a plan, a division or a list.
func titleLike(l string) bool {
	if l == "" || utf8.RuneCountInString(l) > 60 || strings.ContainsAny(l, "。；") {
		return false
	}
	for _, w := range []string{"方案", "意见", "分解", "分工", "清单", "任务表", "目标任务", "重点工作"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
