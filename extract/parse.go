package extract

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse builds the Document from normalised text, in stages (see doc.go):
// fold, label values, classify, fixups, blocks (sections, items, tables), clauses,
// resolve, enrich. dir may be nil: then names are read by the built-in
// grammar alone.
func Parse(t *Text, dir *Directory) (*Document, error) {
	if err := checkLimits(t); err != nil {
		return nil, err
	}
	p := newParser(t, dir)
	if first, n := unwrap(p.raw, p.fold, p.vocab); n > 0 {
		p.warn(first, 0, "wrapped-lines", "count", n)
	}
	joinValues(p.raw, p.fold, p.vocab, p.names)
	lines, form := classify(p.fold, p.vocab, p.names)
	if i := slices.IndexFunc(lines, func(c cline) bool { return c.glued }); i >= 0 {
		p.warn(lines[i].n, 0, "glued-items") // a collapsed document, split
	}
	p.form = form
	p.names.readIssuer(head(lines), p.fold)
	p.dir = dir.choose(p.names.issuer, p.fold)
	p.names.dir = p.dir
	if p.dir != nil && len(p.dir.Match) > 0 && p.names.level != "" && strings.HasPrefix(p.names.issuer, p.names.level) {
		// 省人民政府 in a document the Hunan directory fits: 湖南省人民政府
		p.names.issuer = p.dir.Match[0] + p.names.issuer
	}
	lines = fixups(lines, form, p.vocab, p.names, func(line int, code string) { p.warn(line, 0, code) })
	p.leadLabelStated(lines)
	fixed := len(p.warnings) // the fixups' warnings
	p.blocks(lines)
	if len(p.items) == 0 {
		// no numbered items and no headings: a list of paragraphs, each
		// closed by its clause (or followed by its label lines), is read
		// as the items
		again := func(lines []cline, loose bool) *parser {
			q := p.fresh()
			q.loose = loose
			q.warnings = append(q.warnings, p.warnings[:fixed]...)
			q.blocks(lines)
			return q
		}
		loose := again(lines, true)
		if len(loose.items) == 0 {
			// no items under the headings: the sub-headings are the
			// items (一、 / （一）总体要求：… on a page cut after it)
			subs := slices.Clone(lines)
			for i := range subs {
				if subs[i].kind == kSub && strings.TrimSpace(subs[i].rest()) != "" {
					subs[i].kind = kItem
				}
			}
			loose = again(subs, false)
		}
		if len(loose.items) == 0 {
			return nil, &Error{File: t.Name, Err: ErrNoItems}
		}
		p = loose
	}
	if err := p.checkCounts(); err != nil {
		return nil, err
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

// The limits on what one document may make. A document past one is
// refused with ErrTooLarge naming the limit, before any work that grows
// with it.
const (
	MaxLines    = 500_000 // lines of text
	MaxLineSize = 1 << 20 // bytes in one line
	MaxItems    = 100_000 // items
	MaxTasks    = 500_000 // tasks
	MaxDepts    = 5_000   // distinct depts
)

// checkCounts refuses a document that makes more items, tasks or depts
// than the limits: the pack of such a document would not be readable
// either, and each dept costs a workbook and a brief.
func (p *parser) checkCounts() error {
	tasks := 0
	for _, it := range p.items {
		tasks += len(it.Tasks)
	}
	for _, c := range []struct {
		what       string
		got, limit int
	}{{"items", len(p.items), MaxItems}, {"tasks", tasks, MaxTasks}, {"depts", len(p.depts), MaxDepts}} {
		if c.got > c.limit {
			return &Error{File: p.text.Name, Err: fmt.Errorf("%w: %d %s, the limit is %d", ErrTooLarge, c.got, c.what, c.limit)}
		}
	}
	return nil
}

func checkLimits(t *Text) error {
	if len(t.Lines) > MaxLines {
		return &Error{File: t.Name, Err: fmt.Errorf("%w: %d lines, the limit is %d", ErrTooLarge, len(t.Lines), MaxLines)}
	}
	for i, l := range t.Lines {
		if len(l) > MaxLineSize {
			return &Error{File: t.Name, Line: i + 1, Err: fmt.Errorf("%w: a line of %d bytes, the limit is %d", ErrTooLarge, len(l), MaxLineSize)}
		}
	}
	return nil
}

type parser struct {
	text  *Text
	raw   []string // the lines as written (glosses dropped)
	fold  []string // the lines folded for matching, byte-aligned with raw
	dir   *Directory
	vocab *Vocabulary
	names *nameReader
	msgs  Messages
	form  numForm

	items       []*itemAcc
	sections    []Section
	section     string     // current section number
	sub         string     // current sub-heading number, "" if none
	leader      string     // leader of the current section, from its heading
	sectionDept *rawClause // the units the current section's heading names
	subDept     *rawClause // the units the current sub-heading names, over sectionDept
	// sectionClause is the clause on the current heading, or on label
	// lines right under it (sectionOpen: no item yet), given to every item
	sectionClause *rawClause
	sectionOpen   bool
	// subClause is the clause on the current sub-heading over items of
	// its own, or on label lines right under it (subOpen: no item yet),
	// given to every item under it beside the section's
	subClause *rawClause
	subOpen   bool
	preamble  []string
	orphan    []cline // unnumbered text after a heading, waiting for a clause
	loose     bool    // no numbered items: paragraphs closed by clauses are the items

	cur *itemAcc // item being filled
	// unwarned holds the lines whose tasks a later clause gave units to
	// (以上工作由…): their text- and item-without-dept warnings are void
	unwarned map[int]bool
	// before holds the roles of the task made last, which a 同上 stands for
	before Task

	conv conventions

	depts     map[string]*deptAcc
	deptByKey map[string]*deptAcc
	renamed   map[string]string
	deptSeq   int
	groups    []string
	leaders   []string
	warnings  []Warning
	warned    map[string]bool
	// spaceTwo is 1 when a row apart by spaces names two fields of units,
	// -1 when none does, 0 before anyone asked (spacedLeads)
	spaceTwo int
}

// conventions are the rules a document states for the clauses after them.
type conventions struct {
	firstIsLead   bool     // 列第一位的为牵头单位
	firstOfMany   bool     // 责任单位两个以上的，列第一者为牵头单位: not a unit alone
	groupWithLead string   // 明确牵头部门的，有关部门配合
	sticky        []string // 具体任务均涉及X，不再做分工，下同
	below         *Task    // （市发改委牵头，下同）: the units of tasks naming none
	// 除特别注明的外，各县（市、区）政府都是配合单位: every task's co
	// units and groups, beside its own
	defaults *rawClause
}

// leadLabelStated reads the labels of stated_leads as a lead's, for this
// document, when its notice says those units lead (各主要责任单位要充分发挥
// 牵头抓总作用): a convention stated in the text. The vocabulary is copied.
func (p *parser) leadLabelStated(lines []cline) {
	var stated []string
	for i, w := range p.vocab.StatedLeads {
		re := p.vocab.statedLead[i] // compiled once, in prepare
		if slices.ContainsFunc(lines, func(c cline) bool { return c.kind != kItem && c.kind != kLabel && re.MatchString(c.text) }) {
			stated = append(stated, w)
		}
	}
	if len(stated) == 0 {
		return
	}
	v := *p.vocab
	v.Labels = slices.Clone(v.Labels)
	for i, l := range v.Labels {
		if slices.Contains(stated, l.Word) {
			v.Labels[i].Role = string(RoleLead)
		}
	}
	v.Columns.Units = slices.DeleteFunc(slices.Clone(v.Columns.Units), func(w string) bool { return slices.Contains(stated, w) })
	v.Columns.Lead = append(slices.Clone(stated), v.Columns.Lead...)
	p.vocab = &v
}

// addressee reports whether a line is the notice's salutation, the units
// it is sent to (各乡镇（街道）人民政府（办事处），区直各单位：): no item. A
// line of other words closed by a colon (推进重大项目建设：) is not.
func (p *parser) addressee(l string) bool {
	l = strings.TrimSpace(l)
	body, ok := strings.CutSuffix(l, "：")
	if !ok {
		if body, ok = strings.CutSuffix(l, ":"); !ok {
			return false
		}
	}
	if strings.ContainsAny(body, "。；;") {
		return false
	}
	names := listNames(body)
	for _, n := range names {
		n = dropNotes(n)
		if !p.vocab.isGroupWord(n) && !groupish(n) && !unitLike(n, p.names) {
			return false
		}
	}
	return len(names) > 0
}

// reDefaultUnits is a sentence of the notice naming the units that
// cooperate on every task unless one says otherwise.
var reDefaultUnits = lazyRE(`(?:除|凡)[^，。；,;]{0,8}(?:注明|明确|列明|说明|标注|规定)[^，。；,;]{0,4}(?:外|以外)[，,：:]?([^。；;]{2,120}?)(?:都|均|皆|也|一律)?(?:是|为|作为)(?:配合|协办|协同|参与)(?:单位|部门)`)

// defaultUnits reads that sentence's units as a co clause.
func (p *parser) defaultUnits(text string) *rawClause {
	m := reDefaultUnits.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	c, ok := parseClause(m[1]+"配合", p.vocab, p.names)
	if !ok {
		return nil
	}
	return &c
}

type itemAcc struct {
	Item
	lines    []string
	segs     []segment
	seen     bool // a line of this item has been read
	leadText string
	leadRaw  string     // leadText as written
	leader   string     // the section's leader
	dept     *rawClause // the units a section's heading names, for items naming none
	sect     *rawClause // the clause of the section's heading or its label lines, every task's too
	sub      string     // the sub-heading the item sits under
	table    bool       // built from a table: its tasks are made already
}

// segment is a piece of an item's text: plain text or a clause.
type segment struct {
	text   string
	clause string // the clause verbatim (folded), "" for text
	labels bool   // a 牵头单位：… line form
	line   int
	// label lines merged into this one: their clauses are read one by one
	first string
	more  []segment
	// as reads the clause as these label lines, its text kept as written:
	// a row's fields of units under the roles their columns give
	as []string
	// govern is set on a sentence that names the units of the items
	// before it (4项目标的责任单位均为市发展改革委。): how many it reaches,
	// the item it closes included; -1: back to the last item naming units
	govern int
}

func newParser(t *Text, dir *Directory) *parser {
	raw := make([]string, len(t.Lines))
	for i, l := range t.Lines {
		// Read gives valid UTF-8; text built by hand may not be, and an
		// invalid byte would put the folded and written lines out of step
		raw[i] = labelCells(dropGlosses(strings.ToValidUTF8(l, "\uFFFD")))
	}
	p := &parser{text: t, raw: raw, fold: foldLines(raw), dir: dir, msgs: dir.messages()}
	p.vocab = dir.vocabulary()
	p.names = newNameReader(dir)
	return p.fresh()
}

// fresh returns a parser of the same text, lines and names with nothing
// parsed yet.
func (p *parser) fresh() *parser {
	return &parser{text: p.text, raw: p.raw, fold: p.fold, dir: p.dir, msgs: p.msgs, vocab: p.vocab, names: p.names, form: p.form,
		depts: map[string]*deptAcc{}, deptByKey: map[string]*deptAcc{}, renamed: map[string]string{}, warned: map[string]bool{}}
}

// kinds lists the dept kinds in order: the directory's, then the
// grammar's that the directory does not name.
func (p *parser) kinds() []string {
	var out []string
	if p.dir != nil {
		out = append(out, p.dir.Kinds...)
	}
	for _, k := range p.names.grammar.g.Kinds() {
		if !contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// head is the document's opening: its title, notice and preamble, up to the
// first heading, item, label or table row (at most 40 lines). The issuer is
// read from it.
func head(lines []cline) []string {
	var out []string
	for _, c := range lines {
		if c.kind == kHeading || c.kind == kItem || c.kind == kSub || c.kind == kLabel || strings.Contains(c.text, " | ") || len(out) >= 40 {
			break
		}
		if c.kind == kText {
			out = append(out, c.text)
		}
	}
	return out
}

// warn records a warning by its code; kv are the {name} values its
// message fills in.
func (p *parser) warn(line, item int, code string, kv ...any) {
	p.warnings = append(p.warnings, Warning{Line: line, Item: item, Code: code, Message: p.msgs.format(code, kv...)})
}

// written returns the text as written for a span of folded line n.
func (p *parser) written(n int, s string) string {
	if n < 1 || n > len(p.fold) {
		return s
	}
	return twin(p.fold[n-1], p.raw[n-1], s)
}

// captionedTable reports the table under a caption line (民生实事项目 above
// its header row): the caption is the table's lead, kept in the preamble,
// not a task of the item before it.
func (p *parser) captionedTable(lines []cline, i int) *tableBlock {
	c := lines[i]
	if c.kind != kText || utf8.RuneCountInString(c.text) > 20 || strings.ContainsAny(c.text, "。；，,;：:|") {
		return nil
	}
	j := i + 1
	for j < len(lines) && lines[j].kind == kBlank {
		j++
	}
	if j == len(lines) {
		return nil
	}
	t := p.tableAt(lines, j)
	if t != nil && t.lead == "" {
		t.lead, t.leadN = c.text, c.n
	}
	return t
}

// blocks is stage 5: sections, items and tables from the classified lines.
func (p *parser) blocks(lines []cline) {
	for i := 0; i < len(lines); i++ {
		c := lines[i]
		if t := p.tableAt(lines, i); t != nil {
			i = p.table(t) - 1
			continue
		}
		if t := p.captionedTable(lines, i); t != nil {
			i = p.table(t) - 1
			continue
		}
		switch c.kind {
		case kBlank, kNoise:
		case kHeading:
			p.heading(c)
			if p.headingOwnItem(lines, i) {
				// 二、全面推进依法行政。（市司法局牵头，市政府各部门配合） between
				// two headings over items: a task of its own, with its units
				p.startItem(c, c.rest())
			}
		case kSub:
			p.subHeading(c, labelsOwn(lines, i, p.vocab, p.names), itemsUnder(lines, i, nil))
		case kItem:
			p.startItem(c, c.rest())
		case kLabel:
			if p.cur == nil && len(p.orphan) > 0 {
				p.adoptOrphan(c)
				break
			}
			if p.cur == nil && (p.subOpen || p.sectionOpen) {
				// 责任单位：… right under a sub-heading over items: the
				// sub-heading's; right under a heading: the section's
				add := p.addSectionClause
				if p.subOpen {
					add = p.addSubClause
				}
				p.takeClauses(c.text, c.n, add)
				break
			}
			if p.cur != nil {
				p.continueItem(c.n, c.text)
			}
		case kText:
			if t := bracketTitle(p.written(c.n, c.text)); t != "" && !hasClauseV(c.text, p.vocab, p.names) && itemsUnder(lines, i, p.bracketed) {
				// 【稳增长】 on a line of its own over items: a heading,
				// named by its title as 附件1 is (【打印本页】 heads none)
				p.heading(cline{n: c.n, text: t, kind: kHeading})
				break
			}
			if dashTopic(p.written(c.n, c.text)) && p.finished() && nextIsItem(lines, i) {
				// ——加快建设健康武汉 between an item that named its units
				// and the next item: a topic over the items that follow,
				// not a task of the item above
				p.closeItem()
				p.orphan = nil
				break
			}
			if p.vocab.firstIsLead(c.text) {
				// a convention stated in the text holds from here on
				p.conv.firstIsLead, p.conv.firstOfMany = true, p.vocab.ofMany(c.text)
			}
			if d := p.defaultUnits(c.text); d != nil {
				p.conv.defaults = d
			}
			if d := p.unitsLine(lines, i); d != nil {
				// 市发改委： over the items it is responsible for, as a
				// heading that names units
				p.closeItem()
				p.orphan = nil
				p.subDept = d
				break
			}
			switch {
			case p.loose:
				// each line is an item when it closes with a clause, or
				// when label lines follow it; a line before another is
				// the notice's
				p.closeItem()
				for _, o := range p.orphan {
					p.preamble = append(p.preamble, o.text)
				}
				p.orphan = nil
				if p.addressee(c.text) {
					p.preamble = append(p.preamble, c.text)
				} else if hasClauseV(c.text, p.vocab, p.names) {
					p.adoptOrphan(c)
				} else {
					p.orphan = []cline{c}
				}
			case p.cur != nil:
				p.continueItem(c.n, c.text)
			case p.subDept != nil && len(p.orphan) == 0 && reSentence.MatchString(c.text):
				// （一）省监察厅牵头的工作 / 加强行政监察工作。: a task under a
				// heading that names its unit, which it leads
				p.adoptOrphan(c)
			case len(p.sections) > 0 && hasClauseV(c.text, p.vocab, p.names):
				p.adoptOrphan(c)
			case len(p.sections) > 0:
				p.orphan = append(p.orphan, c)
			default:
				p.preamble = append(p.preamble, c.text)
			}
		}
	}
	p.closeItem()
}

// bracketTitle is the title of a line that is only a short title in
// lenticular brackets, 【稳增长】 or 〖惠民生〗; "" for any other line.
func bracketTitle(l string) string {
	l = strings.TrimSpace(l)
	for _, b := range [][2]string{{"【", "】"}, {"〖", "〗"}} {
		if t, ok := strings.CutPrefix(l, b[0]); ok {
			if t, ok = strings.CutSuffix(t, b[1]); ok && t != "" && utf8.RuneCountInString(t) <= 15 && !strings.ContainsAny(t, "【】〖〗") {
				return strings.TrimSpace(t)
			}
		}
	}
	return ""
}

// dashTopic reports whether l is a short topic line led by a dash
// (——推进教育高质量发展): two to twenty characters after the dash, no
// number (——城镇新增就业5万人 is a dash list's entry) and nothing that
// closes or continues a sentence.
func dashTopic(l string) bool {
	l = strings.TrimSpace(l)
	t, ok := strings.CutPrefix(l, "——")
	if !ok {
		return false
	}
	t = strings.TrimSpace(t)
	n := utf8.RuneCountInString(t)
	return n >= 2 && n <= 20 && !strings.ContainsAny(t, "。；;：:，,、—（）()0123456789０１２３４５６７８９")
}

// finished reports whether no item is open, or the open one closes with
// its clause: a line after it is not more of its text.
func (p *parser) finished() bool {
	if p.cur == nil {
		return true
	}
	return len(p.cur.segs) > 0 && p.cur.segs[len(p.cur.segs)-1].clause != ""
}

// nextIsItem reports whether the first line after i that is not blank is
// a numbered item.
func nextIsItem(lines []cline, i int) bool {
	k := firstLine(lines[i+1:])
	return k >= 0 && lines[i+1+k].kind == kItem && lines[i+1+k].text != ""
}

// reSentence is a line that closes as a sentence does, six characters
// or more: a task, not a caption.
var reSentence = lazyRE(`^.{5,}[。；;]$`)

// adoptOrphan makes unnumbered text followed by a clause an item of its
// own: a paragraph under a heading that closes with 由…负责落实。
func (p *parser) adoptOrphan(c cline) {
	first := c
	if len(p.orphan) > 0 {
		first = p.orphan[0]
	}
	p.startItem(cline{n: first.n, kind: kItem, num: lineNumber{form: p.form, value: p.lastNumber() + 1}, inferred: true}, "")
	for _, o := range p.orphan {
		p.continueItem(o.n, o.text)
	}
	p.orphan = nil
	p.continueItem(c.n, c.text)
}

func (p *parser) lastNumber() int {
	if len(p.items) == 0 {
		return 0
	}
	return p.items[len(p.items)-1].Number
}

// reLeaderHeading reads the leader a heading names: 四、卢山副省长牵头重点
// 工作, 张盈军区政府党组成员牵头, or the title first: 区长陈兴立牵头,
// 常务副区长姚珂军牵头.
var reLeaderHeading = lazyRE(`^(.{0,6}?(?:` + leaderTitles + `)|(?:常务)?(?:` + leaderTitles + `)\p{Han}{2,3}?)(?:同志)?(?:牵头|负责|分管|领衔|主抓|联系)`)

const leaderTitles = `副?省长|副?市长|副?县长|副?区长|副?州长|秘书长|副?主席|副?书记|党组成员`

// officeAfterTitle reports whether a heading's leader, title first, is an
// office: 区长办公室, not 区长陈兴立.
func officeAfterTitle(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("室办局委厅处科股部组", r)
}

// addSectionClause adds a clause of a heading, or a label line right under
// it, to what every item of the section is given.
func (p *parser) addSectionClause(sg segment) { p.addHeadingClause(&p.sectionClause, sg) }

// addSubClause adds a clause of a sub-heading over items, or a label
// line right under it, to what every item under it is given.
func (p *parser) addSubClause(sg segment) { p.addHeadingClause(&p.subClause, sg) }

// addHeadingClause merges the clause of segment sg into *to.
func (p *parser) addHeadingClause(to **rawClause, sg segment) {
	body := sg.clause
	if !sg.labels {
		body = clauseBody(body)
	}
	c, ok := p.segmentClause(sg, body)
	if !ok {
		return
	}
	if *to == nil {
		*to = &rawClause{}
	}
	(*to).merge(c)
}

// takeClauses adds the clauses in text (a heading's title, a label line
// under it) with add, and returns the rest of the text, or all of it when
// nothing is left: 稳住经济大盘 of 一、稳住经济大盘（牵头单位：市发改委）.
func (p *parser) takeClauses(title string, line int, add func(segment)) string {
	var text strings.Builder
	for _, sg := range p.splitSegments(title, line) {
		if sg.clause == "" {
			text.WriteString(sg.text)
			continue
		}
		add(sg)
	}
	if t := strings.TrimSpace(text.String()); t != "" {
		return t
	}
	return title
}

func (p *parser) heading(c cline) {
	p.closeItem()
	p.orphan = nil
	number := c.num.numeral
	title := strings.TrimSpace(c.text[min(c.num.rest, len(c.text)):])
	if c.num.form == fNone { // 附件1
		number = strings.ReplaceAll(strings.TrimRight(c.text, "：:"), " ", "")
		title = ""
	}
	p.leader = ""
	if m := reLeaderHeading.FindStringSubmatch(title); m != nil && !officeAfterTitle(m[1]) {
		p.leader = p.written(c.n, m[1]) // as written: 王浩省長
		p.noteLeader(p.leader)
	}
	p.sectionDept, p.subDept = p.deptHeading(title, c.n), nil
	p.sectionClause, p.sectionOpen = nil, true
	p.subClause, p.subOpen = nil, false
	if title != "" && hasClauseV(title, p.vocab, p.names) {
		// 一、稳住经济大盘（牵头单位：市发改委）: the clause is every item's
		// under the heading, the rest is the title
		title = p.takeClauses(title, c.n, p.addSectionClause)
	}
	p.pruneSections(number)
	p.sections = append(p.sections, Section{Number: number, Ordinal: c.num.value, Title: p.written(c.n, title), Line: c.n, Leader: p.leader})
	p.section, p.sub = number, ""
}

// pruneSections drops the headings before a heading numbered again (the
// notice's own 一、二、 before the document's) when no item stands under
// them: they were numbered paragraphs, not sections.
func (p *parser) pruneSections(number string) {
	again := false
	for _, s := range p.sections {
		if s.Number == number {
			again = true
		}
	}
	if !again {
		return
	}
	used := map[string]bool{}
	for _, it := range p.items {
		used[it.Section] = true
		used[it.sub] = true
	}
	kept := p.sections[:0]
	for _, s := range p.sections {
		if used[s.Number] || used[s.Parent] {
			kept = append(kept, s)
		}
	}
	p.sections = kept
}

var reDeptHeading = lazyRE(`^(.{2,30}?)(?:(?:牵头|负责|承担)(?:的|负责的|落实的)?(?:重点|主要)?(?:工作|任务|事项)|牵头\s*[：:]?$)`)

// deptHeading reads a heading that names the unit leading every item under
// it (一、省发展改革委牵头的工作), as a clause for the items that name no
// unit of their own.
func (p *parser) deptHeading(title string, line int) *rawClause {
	role := RoleLead
	m := reDeptHeading.FindStringSubmatch(title)
	if m == nil {
		// 一、市发展和改革委员会（12项）: the heading is the units alone,
		// with no role word: they are responsible (co), as a bare
		// parenthesis of units is
		if m = reUnitsHeading.FindStringSubmatch(title); m == nil {
			return nil
		}
		role = RoleCo
	}
	names := splitNames(m[1])
	if len(names) == 0 {
		return nil
	}
	for _, n := range names {
		if !unitLike(n, p.names) || p.vocab.isLeader(n) {
			return nil
		}
	}
	c := &rawClause{}
	c.add(role, names)
	*c = c.at(line)
	return c
}

// unitsLine reads line i as the units of the items after it (市教育局：
// on a line of its own, an item on the next): a clause for those items,
// or nil.
func (p *parser) unitsLine(lines []cline, i int) *rawClause {
	t := lines[i].text
	if !strings.HasSuffix(t, "：") && !strings.HasSuffix(t, ":") {
		return nil
	}
	j := i + 1
	for j < len(lines) && lines[j].kind == kBlank {
		j++
	}
	if j == len(lines) || lines[j].kind != kItem {
		return nil
	}
	return p.deptHeading(t, lines[i].n)
}

// reUnitsHeading is a heading's title that is names alone, with the count
// of the items under it or a colon: 市发展和改革委员会（12项）, 市教育局：.
var reUnitsHeading = lazyRE(`^([^，。；：:（）()]{2,60}?)\s*(?:[（(]?共?\s*\d{1,3}\s*项[）)]?)?\s*[：:]?$`)

func (p *parser) subHeading(c cline, leaf, over bool) {
	claused := hasClauseV(c.text, p.vocab, p.names)
	if leaf || claused && !over {
		// a （一） line that names units is an item of its own, never
		// dropped, and so is one whose label lines name them with no item
		// under it
		p.startItem(cline{n: c.n, kind: kItem, num: lineNumber{form: p.form, value: p.lastNumber() + 1}, inferred: true}, c.rest())
		return
	}
	p.closeItem()
	p.orphan = nil
	number := p.section + "（" + c.num.numeral + "）"
	if c.num.form != fCnParen {
		number = p.section + strings.TrimSpace(c.text[:min(c.num.rest, len(c.text))])
	}
	title := strings.TrimSpace(c.rest())
	p.subClause, p.subOpen = nil, true
	if claused {
		// （一）扩大有效投资（牵头单位：市发改委） over 1. 2.: the clause is
		// every item's under the sub-heading, the rest is the title
		title = p.takeClauses(title, c.n, p.addSubClause)
	}
	p.sections = append(p.sections, Section{Number: number, Ordinal: c.num.value, Title: p.written(c.n, title), Line: c.n, Parent: p.section})
	p.subDept = p.deptHeading(title, c.n) // （一）市教育局（3项）
	p.sub = number
}

// itemClause is what every item started now is given: the section's
// clause and the sub-heading's.
func (p *parser) itemClause() *rawClause {
	if p.subClause == nil {
		return p.sectionClause
	}
	c := &rawClause{}
	if p.sectionClause != nil {
		c.merge(*p.sectionClause)
	}
	c.merge(*p.subClause)
	return c
}

// itemsUnder reports whether the heading at i (a sub-heading, a
// bracketed title) has items under it, before the next heading or
// sub-heading, or a line ends (when ends is not nil; a bracketed title
// ends at the next). An item the source announced at its end, with no
// text, is none.
func itemsUnder(lines []cline, i int, ends func(cline) bool) bool {
	for _, c := range lines[i+1:] {
		switch {
		case c.kind == kItem && c.text != "":
			return true
		case c.kind == kHeading || c.kind == kSub || ends != nil && ends(c):
			return false
		}
	}
	return false
}

// headingOwnItem reports whether the heading at i closes with a clause of
// its own and the next line that is not blank is another heading: it has
// no items, and is one. (Before the document's end it is not: its items
// may have been cut off.)
func (p *parser) headingOwnItem(lines []cline, i int) bool {
	if !hasClauseV(lines[i].text, p.vocab, p.names) {
		return false
	}
	for _, c := range lines[i+1:] {
		switch {
		case c.kind == kBlank || c.kind == kNoise:
			continue
		case c.kind == kHeading:
			return true
		}
		return false
	}
	return false
}

// bracketed reports whether c is a bracketed title on a line of its own
// (【惠民生】).
func (p *parser) bracketed(c cline) bool {
	return c.kind == kText && bracketTitle(p.written(c.n, c.text)) != ""
}

// labelsOwn reports whether the sub-heading at i is followed by label
// lines naming units and then, with no item or text between, by the next
// heading or sub-heading of its level or above: 1．地区生产总值增长6%。 /
// 责任单位：市发改委 / 2．… over （1） items elsewhere is an item of its
// own, not a heading whose labels serve no item. At the document's end
// it is not: the items under it may have been cut off.
func labelsOwn(lines []cline, i int, v *Vocabulary, nr *nameReader) bool {
	own := false
	for _, c := range lines[i+1:] {
		switch c.kind {
		case kBlank, kNoise:
		case kLabel:
			own = own || hasClause(c.text, v, nr)
		case kHeading:
			return own
		case kSub:
			return own && c.num.form <= lines[i].num.form
		default:
			return false
		}
	}
	return false
}

func (p *parser) startItem(c cline, rest string) {
	p.closeItem()
	it := &itemAcc{Item: Item{Number: c.num.value, Section: p.section, Line: c.n, NumberInferred: c.inferred}, leader: p.leader, sub: p.sub, dept: cmp.Or(p.subDept, p.sectionDept), sect: p.itemClause()}
	p.sectionOpen, p.subOpen = false, false
	it.Key = strconv.Itoa(c.num.value)
	p.items = append(p.items, it)
	p.cur = it
	if rest != "" {
		p.continueItem(c.n, rest)
	}
}

// number gives the items their keys and task IDs, and warns about numbers
// that jump or go back. Where numbers start again under a new heading, the
// key carries the section: 四.3.
func (p *parser) number() {
	restart, restartSub := false, false
	for i := 1; i < len(p.items); i++ {
		a, b := p.items[i-1], p.items[i]
		if b.Number <= a.Number && b.Section != a.Section {
			restart = true
		}
		if b.Number <= a.Number && b.Section == a.Section && b.sub != a.sub {
			restartSub = true // （1） again under each 1.
		}
	}
	seen := map[string]int{}
	for i, it := range p.items {
		if i > 0 {
			prev := p.items[i-1]
			switch {
			case it.Number == prev.Number+1:
			case restart && it.Section != prev.Section && it.Number <= prev.Number:
			case restartSub && it.sub != prev.sub && it.Number <= prev.Number:
			case it.Number <= prev.Number:
				p.warn(it.Line, it.Number, "number-backwards", "number", it.Number, "prev", prev.Number)
			default:
				p.warn(it.Line, it.Number, "number-jump", "prev", prev.Number, "number", it.Number, "missing", missingRange(prev.Number+1, it.Number-1))
			}
		}
		key := strconv.Itoa(it.Number)
		if restartSub && it.sub != "" {
			key = strings.Trim(strings.TrimPrefix(it.sub, it.Section), "（）.、． ") + "." + key
		}
		if restart && it.Section != "" {
			key = it.Section + "." + key
		}
		// keys stay unique when a number repeats: 3, then 3-2
		seen[key]++
		if k := seen[key]; k > 1 {
			key += "-" + strconv.Itoa(k)
		}
		it.Key = key
		for j := range it.Tasks {
			it.Tasks[j].ID = key + "." + strconv.Itoa(j+1)
			it.Tasks[j].Item = it.Number
		}
		for k := range p.sections {
			if (p.sections[k].Number == it.Section || p.sections[k].Number == it.sub && it.sub != "") && p.sections[k].FirstItem == 0 {
				p.sections[k].FirstItem = it.Number
			}
		}
	}
}

func missingRange(a, b int) string {
	if a == b {
		return "第" + strconv.Itoa(a) + "条"
	}
	return fmt.Sprintf("第%d至%d条", a, b)
}

func (p *parser) continueItem(n int, l string) {
	it := p.cur
	if l == "" {
		return
	}
	if !it.seen && startsMidSentence(l, p.vocab, p.names) && !strings.HasPrefix(l, "（") {
		p.warn(n, it.Number, "item-mid-sentence", "item", it.Number)
	}
	if k := p.vocab.taskLabel(l); k > 0 {
		l = strings.TrimLeft(l[k:], " \t")
		if l == "" {
			return
		}
	}
	it.seen = true
	if r, _ := p.vocab.labelAt(l); r != "" && len(it.lines) > 0 {
		it.lines = append(it.lines, " ") // a label line reads apart from the text before it
	} else if k := len(it.segs); k > 0 && joinsWord(it.segs[k-1].text, l) {
		// a number or a Latin word cut by the line break: keep the
		// boundary, so no number or name runs across two lines
		it.lines = append(it.lines, " ")
		it.segs = append(it.segs, segment{text: " ", line: n})
	}
	it.lines = append(it.lines, p.written(n, l))
	it.segs = append(it.segs, p.splitSegments(l, n)...)
}

// startsMidSentence is true for text that begins with punctuation that
// cannot open a sentence, or with a clause: what remains of a cut line.
func startsMidSentence(l string, v *Vocabulary, nr *nameReader) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return strings.ContainsRune("，,、；;。：:）)", r) || (r == '（' && hasClauseV(l[:clauseEnd(l)], v, nr))
}

// joinsWord reports whether prev ends and next starts with an ASCII
// letter or digit, which joined would make one number or word.
func joinsWord(prev, next string) bool {
	if prev == "" || next == "" {
		return false
	}
	a, b := prev[len(prev)-1], next[0]
	alnum := func(c byte) bool {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '%'
	}
	return alnum(a) && alnum(b)
}

func (p *parser) closeItem() {
	it := p.cur
	if it == nil {
		return
	}
	if !it.table {
		it.Text = strings.TrimLeft(strings.Join(it.lines, ""), "，,、；;。：: ")
		p.buildTasks(it)
	} else {
		p.closeTableItem(it)
	}
	p.cur = nil
}

// closeTableItem closes a table's item: a row of a name and no task
// or unit (the page cut after it) is kept as a task that names nobody,
// and a task that names nobody once its continuation rows are in is said
// so, as for any item.
func (p *parser) closeTableItem(it *itemAcc) {
	if len(it.Tasks) == 0 && it.Text != "" {
		t := Task{ID: it.Key + ".1", Item: it.Number, Text: it.Text, Line: it.Line}
		p.applyConventions(it, &t)
		it.Tasks = append(it.Tasks, t)
	}
	if !slices.ContainsFunc(it.Tasks, hasUnits) {
		// a row read as a number alone is warned about too: its cells
		// were none of its header's
		p.warn(it.Line, it.Number, "item-without-dept", "item", it.Number)
		return
	}
	for _, t := range it.Tasks {
		if !hasUnits(t) {
			p.warn(t.Line, it.Number, "row-without-dept", "task", t.ID, "item", it.Number)
		}
	}
}

func (p *parser) document() *Document {
	d := &Document{
		Title:    p.title(),
		Source:   p.text.Source(),
		Sections: p.sections,
		Groups:   p.groups,
		Leaders:  p.leaders,
	}
	d.Issuer, d.Level = p.names.issuer, p.names.level
	d.Year = p.year(d.Title)
	d.Directory = p.dir.Origin()
	d.Kinds = p.kinds()
	p.dropRequirements()
	p.number()
	for _, it := range p.items {
		d.Items = append(d.Items, it.Item)
	}
	d.Targets = findTargets(d.Items, d.Sections, p.vocab)
	d.Lists = p.findLists()
	dues(d, p.vocab)
	d.Depts = p.deptList(d.Items)
	if len(p.unwarned) > 0 {
		p.warnings = slices.DeleteFunc(p.warnings, func(w Warning) bool {
			return p.unwarned[w.Line] && (w.Code == "text-without-dept" || w.Code == "item-without-dept" || w.Code == "row-without-dept")
		})
	}
	sort.SliceStable(p.warnings, func(i, j int) bool { return p.warnings[i].Line < p.warnings[j].Line })
	d.Warnings = p.warnings
	normaliseSlices(d)
	return d
}

// dropRequirements drops the items of a section of the notice's
// requirements (二、工作要求 …1.加强组织领导。各单位要按月报送…) when none
// of them names a unit: they ask the units to report, they are no tasks,
// and their numbers (每月5日, 10个工作日) are no targets.
func (p *parser) dropRequirements() {
	req := map[string]bool{} // the sections' numbers
	for _, s := range p.sections {
		if p.vocab.isRequirements(s.Title) {
			req[s.Number] = true
		}
	}
	if len(req) == 0 {
		return
	}
	in := func(it *itemAcc) bool { return req[it.Section] || it.sub != "" && req[it.sub] }
	for _, it := range p.items {
		if in(it) && slices.ContainsFunc(it.Tasks, hasUnits) {
			return // a section of tasks after all
		}
	}
	p.items = slices.DeleteFunc(p.items, func(it *itemAcc) bool {
		if !in(it) {
			return false
		}
		p.unwarn(it.Line)
		for _, t := range it.Tasks {
			p.unwarn(t.Line)
		}
		return true
	})
}

// title is the document's own title: the first 《…》 of the preamble that
// names a 分工, 意见 or 方案, with its inner 〈〉 made 《》 again; else a
// short first line.
func (p *parser) title() string {
	for _, l := range p.preamble {
		for _, m := range reBookTitle.FindAllStringSubmatch(l, -1) {
			if (strings.Contains(m[1], "分工") || strings.HasSuffix(m[1], "意见") || strings.HasSuffix(m[1], "方案")) && utf8.RuneCountInString(m[1]) >= 6 {
				return strings.NewReplacer("〈", "《", "〉", "》").Replace(p.asWritten(m[1]))
			}
		}
	}
	for _, l := range p.preamble[:min(len(p.preamble), 12)] {
		if m := reNoticeTitle.FindString(trimSiteSuffix(l)); m != "" {
			return p.asWritten(strings.TrimSpace(m))
		}
	}
	short := func(l string) bool {
		return utf8.RuneCountInString(l) <= 80 && !strings.HasSuffix(l, "。") && !strings.HasSuffix(l, "：") && !strings.HasSuffix(l, "？") && !strings.HasSuffix(l, "?") && utf8.RuneCountInString(l) >= 6 && mostlyHan(l) &&
			!strings.ContainsAny(l, "│|┃") // (│ 工 作 任 务 │分管领导│…: a table's header, no title)
	}
	// a short line that names what the document is (…责任分解表, …实施方案)
	// before one that only names who publishes it (谯城区教育局, 政府信息公开)
	lines := make([]string, len(p.preamble)) // the preamble, a title's label left out (名称： 谯城区教育局…分解表)
	for i, l := range p.preamble {
		lines[i] = l
		for _, label := range titleLabels {
			if rest, ok := strings.CutPrefix(l, label); ok && strings.TrimSpace(rest) != "" {
				lines[i] = strings.TrimSpace(rest)
			}
		}
	}
	named := func(l string) bool {
		return slices.ContainsFunc(titleWords, func(w string) bool { return strings.Contains(l, w) })
	}
	for i, l := range lines {
		if l = trimSiteSuffix(l); short(l) && named(l) {
			if prev := ""; i > 0 {
				prev = lines[i-1]
				if !named(prev) && short(prev) && strings.Contains(prev, "关于") {
					// 国务院关于促进综合保税区 / 高水平开放高质量发展的若干意见:
					// a title broken over two lines
					return p.asWritten(prev) + p.asWritten(l)
				}
			}
			return p.asWritten(l)
		}
	}
	for _, l := range lines {
		if l = trimSiteSuffix(l); short(l) {
			return p.asWritten(l)
		}
	}
	return ""
}

// titleLabels are the labels a page writes before a title (名称：…).
var titleLabels = []string{"信息名称：", "文件名称：", "标题：", "名称："}

// titleWords name what a 分工 document is, in its title.
var titleWords = []string{"分工", "分解", "方案", "清单", "意见", "通知", "任务", "实事", "工作", "情况", "目标", "报告", "计划", "表"}

// mostlyHan reports whether l is written in Chinese: four Han characters
// or more, and at least half of its characters (not a page's address or
// index line: # source: https://…, 索引号: | 11370…).
func mostlyHan(l string) bool {
	han, all := 0, 0
	for _, r := range l {
		if unicode.IsSpace(r) {
			continue
		}
		all++
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return han >= 4 && 2*han >= all
}

// asWritten is s, folded text of the preamble, as the document writes it
// (關于印發…, not 关于印发…): taken from the first line that holds it.
func (p *parser) asWritten(s string) string {
	for n, l := range p.fold {
		if strings.Contains(l, s) {
			return p.written(n+1, s)
		}
	}
	return s
}

// reTitleTag opens a line with what is no part of the title it holds: an
// attachment's label (附件：1. …, 附件2：…) or a page's tag in lenticular
// brackets (【市政府重点工作及责任分解】滁州市人民政府关于…的通知).
var reTitleTag = lazyRE(`^(?:附件\s*[0-9一二三四五六七八九十]*\s*[：:]?\s*(?:[0-9]{1,2}\s*[.．、]\s*)?|[【（(][^【】（）()]{1,30}[】）)]\s*)`)

// trimTitleTag drops such a label or tag from a line when text follows
// it; a line that is a tag alone (【目标任务】) is none of a title: "".
func trimTitleTag(l string) string {
	for _, label := range titleLabels {
		if rest, ok := strings.CutPrefix(l, label); ok && strings.HasPrefix(strings.TrimSpace(rest), "（") {
			l = strings.TrimSpace(rest) // 名称：【保基本民生】…关于…的通知
		}
	}
	m := reTitleTag.FindString(l)
	switch {
	case m == "":
		return l
	case len(m) == len(l) && !strings.HasPrefix(m, "附件"):
		return "" // 【目标任务】 (（目标任务） folded): a tag alone
	case strings.HasPrefix(m, "附件") || strings.Contains(l[len(m):], "关于"):
		// 附件：1. 2019年…分解表; 【…】滁州市人民政府关于…的通知 (a tag
		// before a notice's title; a parenthesis before other words may
		// be the title's own)
		return strings.TrimSpace(l[len(m):])
	}
	return l
}

// trimSiteSuffix drops the site name a mirror or portal appends to a
// page's title: …的通知-某市人民政府门户网站.
func trimSiteSuffix(l string) string {
	l = trimTitleTag(l)
	for _, sep := range []string{"-", "_", "|", "——", "－"} {
		i := strings.LastIndex(l, sep)
		if i <= 0 {
			continue
		}
		tail := l[i+len(sep):]
		if strings.Contains(tail, "网") || strings.Contains(tail, "门户") || strings.Contains(tail, "官网") {
			return strings.TrimSpace(l[:i])
		}
	}
	return l
}

var (
	reBookTitle   = lazyRE(`《([^《》]{2,80})》`)
	reNoticeTitle = lazyRE(`[^ ，。：；、]{0,30}关于[^。：；]{2,80}?的(?:通知|意见|方案|决定|函)`)
)

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
	if d.Leaders == nil {
		d.Leaders = []string{}
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
			for _, s := range []*[]string{&t.Lead, &t.Co, &t.Respective, &t.Groups, &t.Leaders} {
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
	total, cur := 0, 0
	seen := false
	for _, r := range s {
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			i := strings.IndexRune("零一二三四五六七八九", r)
			if i < 0 {
				if r == '两' {
					cur = 2
					break
				}
				return 0
			}
			cur = i / 3
		}
		seen = true
	}
	if !seen {
		return 0
	}
	return total + cur
}
