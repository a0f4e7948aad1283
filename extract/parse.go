package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Parse builds the Document from normalised text. dir may be nil: then no
// name is canonicalised and every dept is reported as unknown.
func Parse(t *Text, dir *Directory) (*Document, error) {
	p := &parser{text: t, dir: dir, msgs: dir.messages(), depts: map[string]*deptAcc{}, warned: map[string]bool{}, seenNumbers: map[int]int{}}
	p.scanMode()
	for i, line := range t.Lines {
		p.line(i+1, line)
	}
	p.finish()
	if len(p.items) == 0 {
		return nil, &Error{File: t.Name, Err: ErrNoItems}
	}
	return p.document(), nil
}

// ParseFile reads, decodes and parses the file at path.
func ParseFile(path string, dir *Directory) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t, err := Read(filepath.Base(path), data)
	if err != nil {
		return nil, err
	}
	return Parse(t, dir)
}

// item number forms at the start of a line
var (
	reArabicItem  = regexp.MustCompile(`^(\d{1,4})\s*[.．、](\s*)`)
	reParenItem   = regexp.MustCompile(`^[（(]([一二三四五六七八九十百]{1,4})[）)]\s*`)
	reHeading     = regexp.MustCompile(`^([一二三四五六七八九十]{1,3})、\s*(.+)$`)
	reGluedHead   = regexp.MustCompile(`([。）)])([一二三四五六七八九十]{1,3})、([^。；，（）()]{2,40})$`)
	reDisplacedNo = regexp.MustCompile(`([。）)])(\d{1,4})$`)
)

type itemMode int

const (
	modeArabic itemMode = iota // 1. 1、 1．
	modeParen                  // （一）
)

type parser struct {
	text  *Text
	dir   *Directory
	msgs  Messages
	mode  itemMode
	items []*itemAcc

	sections []Section
	section  string // current section number
	preamble []string

	cur       *itemAcc // item being filled
	next      int      // number announced for the next line by a displaced number; 0 if none
	nextLine  int      // line that announced it
	nextGuess bool     // a placeholder or heading announced a new item at the next line

	depts    map[string]*deptAcc
	deptSeq  int
	groups   []string
	warnings []Warning
	warned   map[string]bool

	seenNumbers map[int]int
}

type itemAcc struct {
	Item
	lines    []string
	segs     []segment
	seen     bool // a line of this item has been read
	leadText string
	idPrefix string // task IDs are idPrefix.ordinal
}

// segment is a piece of an item's text: plain text or a clause.
type segment struct {
	text   string
	clause string // the clause verbatim, "" for text
	labels bool   // a 牵头单位：… line form
	line   int
}

// scanMode decides what an item looks like in this document: Arabic
// numbers when there are any, else （一） forms.
func (p *parser) scanMode() {
	arabic, paren := 0, 0
	for _, l := range p.text.Lines {
		l = strings.TrimSpace(l)
		if reArabicItem.MatchString(l) && !startsWithNumberValue(l) {
			arabic++
		} else if reParenItem.MatchString(l) {
			paren++
		}
	}
	if arabic == 0 && paren > 0 {
		p.mode = modeParen
	}
}

// startsWithNumberValue is true for lines such as "6.5%以上…" that start
// with a decimal number rather than an item number.
func startsWithNumberValue(l string) bool {
	m := reArabicItem.FindStringSubmatchIndex(l)
	if m == nil || m[3] >= len(l) || l[m[3]] != '.' {
		return false
	}
	rest := l[m[3]+1:]
	return rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

// warn records a warning by its code; kv are the {name} values its
// message fills in.
func (p *parser) warn(line, item int, code string, kv ...any) {
	p.warnings = append(p.warnings, Warning{Line: line, Item: item, Code: code, Message: p.msgs.format(code, kv...)})
}

func (p *parser) line(n int, raw string) {
	l := strings.TrimSpace(raw)
	if l == "" {
		return
	}
	// A heading on a line of its own.
	if m := reHeading.FindStringSubmatch(l); m != nil && !hasClause(l) && p.acceptHeading(m[1]) {
		p.heading(n, m[1], m[2])
		p.nextGuess = p.cur != nil
		return
	}
	if p.mode == modeParen || p.cur != nil {
		if m := reParenItem.FindStringSubmatch(l); m != nil {
			if p.mode == modeParen {
				p.startItem(n, parseChineseNumber(m[1]), false, l[len(m[0]):])
				return
			}
			// （一） in a document of Arabic items is a sub-heading:
			// kept in the item text of nothing, as it names no task.
			return
		}
	}

	// What the end of the line says about the next line.
	var heading []string
	if at, m := gluedHeading(l); m != nil && p.acceptHeading(m[0]) {
		heading = m
		l = l[:at]
	}
	displaced := 0
	placeholder := false
	if heading == nil {
		if last := l[len(l)-1]; last >= '0' && last <= '9' {
			tail := l[max(0, len(l)-8):]
			if m := reDisplacedNo.FindStringSubmatchIndex(tail); m != nil {
				displaced, _ = strconv.Atoi(tail[m[4]:m[5]])
				l = l[:len(l)-len(tail)+m[3]]
			}
		} else if strings.HasSuffix(l, "（") || strings.HasSuffix(l, "(") {
			placeholder = true
			l = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(l, "（"), "("), " ")
		}
	}

	switch {
	case p.mode == modeArabic && reArabicItem.MatchString(l) && !startsWithNumberValue(l):
		m := reArabicItem.FindStringSubmatch(l)
		num, _ := strconv.Atoi(m[1])
		p.startItem(n, num, false, l[len(m[0]):])
	case p.next > 0:
		p.startItem(n, p.next, true, l)
	case p.nextGuess:
		p.startItem(n, p.lastNumber()+1, true, l)
	case displaced > 0 && p.cur != nil && displaced-1 > p.cur.Number:
		// This line ends with the number of the next item, so it is the
		// item before that one, its own number lost.
		p.startItem(n, displaced-1, true, l)
	case p.cur != nil:
		p.continueItem(n, l)
	default:
		p.preamble = append(p.preamble, l)
	}
	p.next, p.nextGuess = 0, false
	if displaced > 0 {
		if p.cur != nil && displaced <= p.cur.Number {
			// not a displaced number after all: keep it as text
			p.cur.lines[len(p.cur.lines)-1] += strconv.Itoa(displaced)
			p.cur.segs = append(p.cur.segs, segment{text: strconv.Itoa(displaced), line: n})
		} else {
			p.next, p.nextLine = displaced, n
		}
	}
	if placeholder && p.cur != nil {
		p.nextGuess, p.nextLine = true, n
	}
	if heading != nil {
		p.heading(n, heading[0], heading[1])
		p.nextGuess = p.cur != nil
	}
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

// acceptHeading reports whether a Chinese numeral continues the sections:
// a heading must count up from the previous one.
func (p *parser) acceptHeading(numeral string) bool {
	v := parseChineseNumber(numeral)
	if v <= 0 {
		return false
	}
	if len(p.sections) == 0 {
		return true
	}
	return v > p.sections[len(p.sections)-1].Ordinal
}

func (p *parser) heading(n int, numeral, title string) {
	p.sections = append(p.sections, Section{Number: numeral, Ordinal: parseChineseNumber(numeral), Title: strings.TrimSpace(title), Line: n})
	p.section = numeral
}

func (p *parser) lastNumber() int {
	if p.cur == nil {
		return 0
	}
	return p.cur.Number
}

func (p *parser) startItem(n, number int, inferred bool, rest string) {
	if p.cur != nil {
		p.closeItem()
	}
	if len(p.items) > 0 {
		prev := p.items[len(p.items)-1].Number
		switch {
		case number == prev+1:
		case number <= prev:
			p.warn(n, number, "number-backwards", "number", number, "prev", prev)
		default:
			p.warn(n, number, "number-jump", "prev", prev, "number", number, "missing", missingRange(prev+1, number-1))
		}
	}
	it := &itemAcc{Item: Item{Number: number, Section: p.section, Line: n, NumberInferred: inferred}}
	// Task IDs stay unique when a number repeats: 3.1, then 3-2.1.
	p.seenNumbers[number]++
	it.idPrefix = strconv.Itoa(number)
	if k := p.seenNumbers[number]; k > 1 {
		it.idPrefix += "-" + strconv.Itoa(k)
	}
	p.items = append(p.items, it)
	p.cur = it
	for i := range p.sections {
		if p.sections[i].Number == p.section && p.sections[i].FirstItem == 0 {
			p.sections[i].FirstItem = number
		}
	}
	p.continueItem(n, rest)
}

func missingRange(a, b int) string {
	if a == b {
		return "第" + strconv.Itoa(a) + "条"
	}
	return fmt.Sprintf("第%d至%d条", a, b)
}

func (p *parser) continueItem(n int, l string) {
	it := p.cur
	if !it.seen && startsMidSentence(l) && !strings.HasPrefix(l, "（") && !strings.HasPrefix(l, "(") {
		p.warn(n, it.Number, "item-mid-sentence", "item", it.Number)
	}
	it.seen = true
	it.lines = append(it.lines, l)
	it.segs = append(it.segs, splitSegments(l, n)...)
}

// startsMidSentence is true for text that begins with punctuation that
// cannot open a sentence, or with a clause: what remains of a cut line.
func startsMidSentence(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return strings.ContainsRune("，,、；;。：:）)", r) || (strings.ContainsRune("（(", r) && hasClause(l[:clauseEnd(l)]))
}

func (p *parser) closeItem() {
	it := p.cur
	if it == nil {
		return
	}
	it.Text = strings.TrimLeft(strings.Join(it.lines, ""), "，,、；;。：: ")
	p.buildTasks(it)
	p.cur = nil
}

func (p *parser) finish() {
	if p.cur != nil && (p.next > 0 || p.nextGuess) {
		// The source announced one more item but ends before it.
		last := p.cur
		p.closeItem()
		num := p.next
		if num == 0 {
			num = last.Number + 1
		}
		line := p.nextLine
		it := &itemAcc{Item: Item{Number: num, Section: p.section, Line: line, NumberInferred: true}, idPrefix: strconv.Itoa(num)}
		p.items = append(p.items, it)
		p.warn(line, num, "truncated", "item", num)
		return
	}
	p.closeItem()
}

func (p *parser) document() *Document {
	d := &Document{
		Title:    p.title(),
		Source:   Source{Name: p.text.Name, SHA256: p.text.SHA256, Encoding: p.text.Encoding, Format: p.text.Format, Lines: len(p.text.Lines)},
		Sections: p.sections,
		Groups:   p.groups,
	}
	for _, it := range p.items {
		d.Items = append(d.Items, it.Item)
	}
	d.Targets = findTargets(d.Items)
	d.Lists = p.findLists()
	d.Depts = p.deptList(d.Items)
	sort.SliceStable(p.warnings, func(i, j int) bool { return p.warnings[i].Line < p.warnings[j].Line })
	d.Warnings = p.warnings
	normaliseSlices(d)
	return d
}

// title is the document's own title: the first 《…》 of the preamble that
// names a 分工/意见/方案, else a short first line.
func (p *parser) title() string {
	for _, l := range p.preamble {
		for _, m := range reBookTitle.FindAllStringSubmatch(l, -1) {
			if strings.Contains(m[1], "分工") || strings.HasSuffix(m[1], "意见") || strings.HasSuffix(m[1], "方案") {
				return m[1]
			}
		}
	}
	if len(p.preamble) > 0 {
		l := p.preamble[0]
		if utf8.RuneCountInString(l) <= 60 && !strings.HasSuffix(l, "。") {
			return l
		}
	}
	return ""
}

var reBookTitle = regexp.MustCompile(`《([^《》]{2,80})》`)

func normaliseSlices(d *Document) {
	if d.Sections == nil {
		d.Sections = []Section{}
	}
	if d.Targets == nil {
		d.Targets = []Target{}
	}
	if d.Lists == nil {
		d.Lists = []NamedList{}
	}
	if d.Depts == nil {
		d.Depts = []Dept{}
	}
	if d.Groups == nil {
		d.Groups = []string{}
	}
	if d.Warnings == nil {
		d.Warnings = []Warning{}
	}
	for i := range d.Items {
		it := &d.Items[i]
		if it.Tasks == nil {
			it.Tasks = []Task{}
		}
		for j := range it.Tasks {
			t := &it.Tasks[j]
			for _, s := range []*[]string{&t.Lead, &t.Co, &t.Respective, &t.Groups} {
				if *s == nil {
					*s = []string{}
				}
			}
		}
	}
	for i := range d.Depts {
		if d.Depts[i].Aliases == nil {
			d.Depts[i].Aliases = []string{}
		}
	}
	for i := range d.Lists {
		if d.Lists[i].Members == nil {
			d.Lists[i].Members = []string{}
		}
	}
}

// parseChineseNumber parses 一 … 九十九 (and 百) into an int; 0 if it cannot.
func parseChineseNumber(s string) int {
	digits := map[rune]int{'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, 0
	seen := false
	for _, r := range s {
		switch {
		case r == '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case r == '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			v, ok := digits[r]
			if !ok {
				return 0
			}
			cur = v
		}
		seen = true
	}
	if !seen {
		return 0
	}
	return total + cur
}
