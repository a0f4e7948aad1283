package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stage 6, clauses: the recognisers that find responsibility clauses in an
// item's lines, in order: the label line (牵头单位：…), the parenthesis
// （X牵头） (every bracket form folds to （）), the bare unit parenthesis
// （市发改委）, and the sentence 由A、B负责落实。 The table column is read by
// the table block (table.go).

// isDeadline reports whether a part of a clause is a deadline: a date, a
// month or quarter, or a word of the vocabulary's deadlines.
func (v *Vocabulary) isDeadline(part string) bool {
	return v.deadline != nil && v.deadline.MatchString(part)
}

// rawClause is a clause as written: its parts' names, not yet expanded
// or canonicalised, and the conventions it states.
type rawClause struct {
	parts    []rawPart
	deadline string
	conv     clauseConv
	bare     bool // names alone, no role word: （市发改委）
}

// clauseConv is what a clause states for itself and the clauses after it.
type clauseConv struct {
	firstIsLead   bool
	firstOfMany   bool // only for two units or more
	groupWithLead string
	sticky        []string
	// below: the clause's own units hold for the tasks after it that name
	// none (（市发改委牵头，下同）)
	below bool
}

// rawPart is one list of names with its role, as one part of a clause
// wrote it; a shared prefix or suffix is expanded within a part only.
type rawPart struct {
	role  Role
	names []string
	// written holds the names as written, when the caller knows them (a
	// table's cells); else line is where they were read, and each name is
	// taken as written from that line by its offset.
	written []string
	line    int
}

// splitSegments cuts one line into text and clause segments.
func (p *parser) splitSegments(l string, n int) []segment {
	// A sentence naming the units of the items before it.
	if sg, ok := p.governingSentence(l, n); ok {
		return []segment{sg}
	}
	// A line of the 牵头单位：… form, or text followed by one.
	if loc := labelStart(l, p.vocab); loc >= 0 {
		var segs []segment
		if loc > 0 {
			segs = p.splitSegments(l[:loc], n)
		}
		if semi := nextTaskAfterLabel(l, loc, p.vocab); semi > 0 {
			// …，责任单位为区发改委；技改投资占比重16.5%，责任单位为区经信局；:
			// the label's value ends at its semicolon, and a task of its
			// own, closed by its own label, follows
			segs = append(segs, segment{clause: l[loc:semi], labels: true, line: n})
			return append(segs, p.splitSegments(l[semi:], n)...)
		}
		return append(segs, segment{clause: l[loc:], labels: true, line: n})
	}
	// A sentence 由A、B负责落实。, or A牵头，B、C配合。
	at := sentenceClause(l)
	if at < 0 {
		at = roleSentence(l, p.vocab, p.names)
	}
	if at >= 0 {
		var segs []segment
		if at > 0 {
			segs = p.splitSegments(l[:at], n)
		}
		return append(segs, segment{clause: l[at:], labels: true, line: n})
	}
	// 由X副市长负责，市发改委牵头，相关部门配合，尽快完成……: the clause
	// opens the line, and closes the task whose words follow it
	if end := leadingRoles(l, p.vocab, p.names); end > 0 {
		rest := p.splitSegments(l[end:], n)
		if !slices.ContainsFunc(rest, func(sg segment) bool { return sg.clause != "" }) {
			clause := strings.TrimRight(l[:end], "，,；; ")
			return append(rest, segment{clause: clause, labels: true, line: n})
		}
	}
	// 新建学校3所。市教育局、市住建局 or 。——市教育局: units alone after the
	// task's full stop
	if end, from := p.unitsSentence(l); from > 0 {
		return append(p.splitSegments(l[:end], n), segment{clause: l[from:], labels: true, line: n})
	}
	var segs []segment
	text := 0
	lastClauseEnd := -1
	for i := 0; i < len(l); {
		r, size := utf8.DecodeRuneInString(l[i:])
		if r != '（' && r != '(' {
			i += size
			continue
		}
		end := matchParen(l, i)
		if end < 0 {
			// an unmatched opening mark: nothing after it closes, so no
			// later parenthesis can either (linear on runs of （)
			break
		}
		body := l[i+size : end-closeSize(l, end)]
		c, isClause := parseClause(body, p.vocab, p.names)
		if isClause && c.bare && end < len(l) {
			// 改扩建村卫生室（社区卫生服务站）10家, 以县政府（或县政府办）名义制定,
			// 中国铁通南（份子地农场招待所）平房: a name's note in the
			// sentence, which goes on, not the units of the task
			if r, _ := utf8.DecodeRuneInString(l[end:]); r >= '0' && r <= '9' || unicode.Is(unicode.Han, r) {
				isClause = false
			}
		}
		if !isClause && lastClauseEnd == i && p.vocab.isDeadline(strings.TrimSpace(body)) && !strings.ContainsAny(body, "，,") {
			isClause = true // a deadline beside a clause
		}
		if isClause {
			if i > text {
				segs = append(segs, segment{text: l[text:i], line: n})
			}
			segs = append(segs, segment{clause: l[i:end], line: n})
			text = end
			lastClauseEnd = end
		}
		i = end
	}
	if text == 0 {
		// no clause: a table row flattened with spaces and no header,
		// 推进甲项工作 市发改委 2023年底, names its units in a field
		if at, dl := p.spacedUnits(l); at > 0 {
			units := segment{clause: l[at:dl], labels: true, line: n}
			if lead, co, ok := p.twoUnitFields(l[at:dl]); ok {
				// 市教育局 市住建局: two fields of units, 牵头 and 配合 as
				// a table with both columns has them
				units.as = []string{lead, co}
			} else if p.spacedLeads() {
				units.as = []string{p.vocab.leadLabel() + l[at:dl]} // the 牵头 column's, the 配合 cell empty
			}
			segs = append(segs, segment{text: l[:at], line: n}, units)
			if dl < len(l) {
				segs = append(segs, segment{clause: l[dl:], labels: true, line: n})
			}
			return segs
		}
	}
	if text < len(l) && !(text > 0 && reDoneNote.MatchString(strings.TrimSpace(l[text:]))) {
		// (…该件实事已全面完成 after the clause: a report, no task)
		segs = append(segs, segment{text: l[text:], line: n})
	}
	return segs
}

// nextTaskAfterLabel finds, in the clause of l that a label opens at loc,
// a semicolon after which the line goes on with words that are not a
// label and then a label of their own (责任单位为区发改委；技改投资占固定资产
// 投资比重16.5%，责任单位为区经信局；): it returns where those words start,
// or 0.
func nextTaskAfterLabel(l string, loc int, v *Vocabulary) int {
	depth := 0 // the parentheses open in l[loc:from], counted as parenDepth does
	for from := loc; ; {
		i := strings.IndexAny(l[from:], "；;")
		if i < 0 {
			return 0
		}
		_, size := utf8.DecodeRuneInString(l[from+i:])
		at := from + i + size
		depth = parenDepthFrom(depth, l[from:at])
		rest := strings.TrimSpace(l[at:])
		if rest == "" {
			return 0
		}
		// the words up to the next semicolon only: a task of its own
		// closes with its label before it (and each semicolon's look stays
		// within its sentence, so a line of many is read once)
		sent := rest
		if e := strings.IndexAny(sent, "；;"); e >= 0 {
			sent = sent[:e]
		}
		if r, _ := v.labelAt(sent); r == "" && depth == 0 {
			if k := labelStart(sent, v); k > 0 && strings.ContainsFunc(sent[:k], unicode.IsDigit) {
				return at + len(l[at:]) - len(rest)
			}
		}
		from = at
	}
}

// gluedLabels are labels the grammar does not list that a page runs on
// after a label's value: 责任单位：莲塘镇任务目标：….
var gluedLabels = []string{"任务目标：", "工作目标：", "目标任务：", "工作任务：", "完成时限：", "时间要求："}

// gluedLabel finds, after a part's first colon, a label run on after the
// value before it with no mark between (牵头单位：市发改委配合单位：…): a
// label of the grammar of three characters or more closed by its colon,
// or one of gluedLabels. It returns where that label starts, or 0.
func gluedLabel(part string, v *Vocabulary) int {
	first := strings.Index(part, "：")
	if first < 0 {
		return 0
	}
	for from := first + len("："); ; {
		k := strings.Index(part[from:], "：")
		if k < 0 {
			return 0
		}
		k += from
		// the label's start: up to eight characters before its colon, the
		// longest label that fits (分管副县长：, not 副县长：)
		best := 0
		for at, runes := k, 0; at > from && runes < 8; runes++ {
			_, size := utf8.DecodeLastRuneInString(part[:at])
			at -= size
			if at <= from {
				break
			}
			head := part[at : k+len("：")]
			if slices.Contains(gluedLabels, head) {
				best = at
			} else if r, n := v.labelAt(head); r != "" && r != roleLeader && n == len(head) && utf8.RuneCountInString(head) >= 4 {
				best = at // (a leader's label is not looked for: 张三分管副县长 has no one boundary)
			}
		}
		if best > 0 && strings.TrimSpace(part[from:best]) != "" && !strings.HasSuffix(part[:best], " ") {
			return best
		}
		from = k + len("：")
	}
}

// reDoneNote is a short note after a task's clause that it is done:
// 该件实事已全面完成, 已完成。
var reDoneNote = lazyRE(`^(?:该|此)?(?:件|项)?(?:实事|工作|任务|项目)?(?:已经|已)(?:全面|全部|基本|如期)?(?:完成|完工|办结|竣工)[。；;]?$`)

// reGoverning is a sentence that names the units of the items before it:
// a subject (4项目标, 该目标, 以上3项任务), 的, a label, 均 and 为, then the
// names: 4项目标的责任单位均为市发展改革委。 该目标责任单位为市经委。
var reGoverning = lazyRE(`^(?:([0-9一二三四五六七八九十两]{1,3})项(?:目标|任务|工作|指标)?|(该)项?(?:目标|任务|工作|指标)|(?:以上|上述)(?:([0-9一二三四五六七八九十两]{1,3})项)?(?:目标|任务|工作|指标)?)的?([^，。；：:为]{2,8}?)(?:均|都|全部|统一)?为(.{2,})$`)

// governingSentence reads a line that is such a sentence as a clause
// reaching the items before it.
func (p *parser) governingSentence(l string, n int) (segment, bool) {
	m := reGoverning.FindStringSubmatch(strings.TrimRight(strings.TrimSpace(l), "。；; "))
	if m == nil {
		return segment{}, false
	}
	role, _ := p.vocab.labelAt(m[4] + "：")
	if role != RoleLead && role != RoleCo && role != RoleRespective {
		return segment{}, false
	}
	names := listNames(m[5])
	if !bareUnits(names, p.vocab, p.names) {
		return segment{}, false
	}
	govern := -1
	switch {
	case m[2] != "":
		govern = 1 // 该目标: the item it closes
	case m[1] != "":
		govern = max(cellNumber(m[1]), 1)
	case m[3] != "":
		govern = max(cellNumber(m[3]), 1)
	}
	return segment{clause: l, labels: true, line: n, as: []string{m[4] + "：" + m[5]}, govern: govern}, true
}

// unitsSentence finds a last sentence of names of units alone, with no
// role word, after the task's full stop (新建学校3所。市教育局、市住建局。),
// or after a dash (——市教育局): the units a clerk reads as responsible,
// as in a bare parenthesis (groups beside them included; groups alone
// are not enough, as in a parenthesis). It returns where the task's text
// ends and where the names start, or 0, 0.
func (p *parser) unitsSentence(l string) (int, int) {
	body := strings.TrimRight(l, "。；; ")
	stop := strings.LastIndexAny(body, "。；;")
	if stop <= 0 || parenDepth(body[:stop]) > 0 {
		return 0, 0 // （A牵头；B、各州、市人民政府配合）: a stop inside a clause
	}
	_, size := utf8.DecodeRuneInString(body[stop:])
	end := stop + size
	from := end + len(body[end:]) - len(strings.TrimLeft(body[end:], "—-－ "))
	names := body[from:]
	if names == "" || strings.ContainsAny(names, "：:") || strings.HasPrefix(names, "（") || strings.HasPrefix(names, "(") {
		return 0, 0
	}
	if !bareUnits(listNames(names), p.vocab, p.names) {
		return 0, 0
	}
	return end, from
}

// spacedUnits finds the units of a row whose fields are apart by spaces:
// the last field, or the one before a last field that is a time limit,
// and the field before it when it names units too. It returns where the
// units start and end, or 0.
func (p *parser) spacedUnits(l string) (int, int) {
	end := len(l)
	i := strings.LastIndexByte(l, ' ')
	if i <= 0 {
		return 0, 0
	}
	if p.vocab.isDeadline(l[i+1:]) {
		end = i
		if i = strings.LastIndexByte(l[:end], ' '); i <= 0 {
			return 0, 0
		}
	}
	hasText := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
	}
	units := l[i+1 : end]
	if units == "" || !hasText(l[:i]) {
		return 0, 0
	}
	names := bareUnits(splitNames(units), p.vocab, p.names)
	if !names && !p.groupsOnly(units) {
		return 0, 0
	}
	if j := strings.LastIndexByte(l[:i], ' '); j > 0 && l[j+1:i] != "" && bareUnits(splitNames(l[j+1:i]), p.vocab, p.names) && hasText(l[:j]) {
		i = j // 市教育局 市住建局, or 区住建委 各街道: two fields of units
	} else if !names {
		return 0, 0 // groups alone may be the task's own words
	}
	return i + 1, end + min(1, len(l)-end)
}

// groupsOnly reports whether a field names groups only (各街道, 有关部门).
func (p *parser) groupsOnly(s string) bool {
	names := splitNames(s)
	for _, n := range names {
		if !p.vocab.isGroupWord(n) && !groupish(n) {
			return false
		}
	}
	return len(names) > 0
}

// twoUnitFields splits the units spacedUnits found into a lead and a co
// field, each as a label line reads it, when they are two fields.
func (p *parser) twoUnitFields(units string) (lead, co string, ok bool) {
	units = strings.TrimSpace(units)
	i := strings.LastIndexByte(units, ' ')
	if i <= 0 {
		return "", "", false
	}
	return p.vocab.leadLabel() + strings.TrimSpace(units[:i]), p.vocab.coLabel() + units[i+1:], true
}

// spacedLeads reports whether some row of the document apart by spaces
// names two fields of units: then a row's one field is its 牵头 column's.
func (p *parser) spacedLeads() bool {
	if p.spaceTwo == 0 {
		p.spaceTwo = -1
		for _, l := range p.fold {
			if strings.Count(l, " ") < 3 || cellNumber(strings.SplitN(strings.TrimSpace(l), " ", 2)[0]) == 0 {
				continue
			}
			if at, dl := p.spacedUnits(l); at > 0 && strings.Contains(strings.TrimSpace(l[at:dl]), " ") {
				p.spaceTwo = 1
				break
			}
		}
	}
	return p.spaceTwo > 0
}

// labelStart finds a label (牵头单位：, 责任单位：…) outside parentheses, at
// the start of the line or of a sentence. A label ends at a colon (or 为),
// so only the text before each colon is looked at.
func labelStart(l string, v *Vocabulary) int {
	if r, _ := v.labelAt(l); r != "" {
		return 0
	}
	if at := bracketLabelStart(l, v); at >= 0 {
		if colon := colonLabelStart(l, v); colon >= 0 && colon < at {
			return colon
		}
		return at
	}
	return colonLabelStart(l, v)
}

// bracketLabelStart finds a label written in brackets, （牵头单位）X（配合单位）Y
// (【牵头单位】 folds to it), at the start of the line or of a sentence. A
// bracketed role word right after a name (市发改委（牵头）) is a mark on that
// name, not a label.
func bracketLabelStart(l string, v *Vocabulary) int {
	depth := newLineScan(l)
	for i := strings.Index(l, "（"); i >= 0; {
		if r, _ := v.bracketLabel(l[i:]); r != "" && labelHere(l, i, v, depth) {
			return i
		}
		j := strings.Index(l[i+len("（"):], "（")
		if j < 0 {
			break
		}
		i += len("（") + j
	}
	return -1
}

// personsLabelStart is where head, the words before the colon that ends
// at end in l, ends with a units label joined to a person word
// (责任单位及责任人), read as labelAt reads one (personsAfter), or -1.
func personsLabelStart(l, head string, end int, v *Vocabulary) int {
	if !slices.ContainsFunc(personWords, func(w string) bool { return strings.HasSuffix(head, w) }) {
		return -1 // what follows a colon that no person word is before
	}
	// only the last 16 characters can hold it (a label of at most eight,
	// a joiner, a person word): a line of colons is not searched back
	// from each
	from := max(0, len(head)-3*16)
	for from < len(head) && !utf8.RuneStart(head[from]) {
		from++
	}
	for _, lb := range v.Labels {
		at := strings.LastIndex(head[from:], lb.Word)
		if at < 0 {
			continue
		}
		at += from
		rest := at + len(lb.Word)
		if n := personsAfter(Role(lb.Role), l[rest:]); n > 0 && rest+n == end {
			return at
		}
	}
	return -1
}

func colonLabelStart(l string, v *Vocabulary) int {
	best := -1
	// the offsets asked of each grow along the line: each reads it once
	depth, marks := newLineScan(l), newLineScan(l)
	for i := 0; i < len(l); {
		j := nextLabelEnd(l[i:])
		if j < 0 {
			break
		}
		j += i
		_, size := utf8.DecodeRuneInString(l[j:])
		head := strings.TrimRight(l[:j], " ")
		for _, lb := range v.Labels {
			if !strings.HasSuffix(head, lb.Word) {
				continue
			}
			at := len(head) - len(lb.Word)
			if ok := labelHere(l, at, v, depth); ok {
				best = at
				break
			}
		}
		if best < 0 {
			// a units label joined to people, 责任单位及责任人：, starts at
			// its units label (the person word alone is no label there)
			if at := personsLabelStart(l, head, j+size, v); at >= 0 && labelHere(l, at, v, depth) {
				best = at
			}
		}
		if best < 0 && (strings.HasSuffix(head, "领导") || v.derivedEnd(head)) {
			// a …领导： label, or one read by its parts (主要负责单位：): its
			// start is after the last mark before it
			marks.upTo(len(head))
			at := 0 // just past the last mark before it
			if marks.mark >= 0 {
				_, size := utf8.DecodeRuneInString(head[marks.mark:])
				at = marks.mark + size
			}
			if r, _ := utf8.DecodeRuneInString(head[at:]); r != utf8.RuneError && labelHere(l, at, v, depth) {
				best = at
			}
		}
		if best >= 0 {
			return best
		}
		i = j + size
	}
	return -1
}

// nextLabelEnd is the offset of the first ：, : or 为 in s, or -1.
func nextLabelEnd(s string) int { return indexMark(s, true) }

// indexColon is strings.IndexAny(s, "：:").
func indexColon(s string) int { return indexMark(s, false) }

// indexMark is the offset of the first ：or : in s, or 为 too when wei
// is set; -1 for none. It makes one pass over the bytes, and stops at the
// first mark (three searches each ran to the end of a line without that
// mark): strings.IndexAny with a mark outside ASCII decodes each rune of
// s and looks it up in the marks, 8% of the seed's parse.
func indexMark(s string, wei bool) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':':
			return i
		case 0xEF: // ： is EF BC 9A; a lead byte, never inside a rune
			if strings.HasPrefix(s[i:], "：") {
				return i
			}
		case 0xE4: // 为 is E4 B8 BA
			if wei && strings.HasPrefix(s[i:], "为") {
				return i
			}
		}
	}
	return -1
}

// labelHere reports whether a label starts at byte at of l: at the line's
// start or a sentence's, and outside parentheses. depth reads l.
func labelHere(l string, at int, v *Vocabulary, depth *lineScan) bool {
	if r, _ := v.labelAt(l[at:]); r == "" {
		return false
	}
	if at > 0 {
		prev, size := utf8.DecodeLastRuneInString(l[:at])
		ok := strings.ContainsRune(labelMarks, prev) || prev == '.' && !digitEnds(l[:at-size])
		if !ok && strings.HasPrefix(l[at:], "（") {
			// 增长5.5%左右【责任单位】区发改委: a bracket is mark enough
			// for a label word of its own (责任单位), not for a role
			// word that marks the name before it (市发改委【牵头】)
			if _, n := v.bracketLabel(l[at:]); n > 0 {
				ok = utf8.RuneCountInString(l[at+len("（"):at+n-len("）")]) >= 3
			}
		}
		if !ok {
			return false
		}
	}
	depth.upTo(at)
	return depth.depth == 0
}

// digitEnds reports whether s ends with a digit: the . after it is a
// decimal point or an item's number, not a full stop.
func digitEnds(s string) bool {
	return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

// labelMarks are what may come just before a label: a sentence's or a
// clause's end, a closing parenthesis, a space.
const labelMarks = "。；;，,） \t"

// lineScan reads a line once, forward, for what the label finders ask of
// its prefixes at growing offsets: the parentheses open before an offset
// (parenDepth) and the last label mark. Each finder asked these of the
// whole prefix at every candidate, and a line of candidates that all
// failed (（，牵头单位：… over 1 MB) took minutes. An offset before the
// last one asked reads the line again from its start.
type lineScan struct {
	l     string
	at    int // l[:at] is read
	depth int // parenDepth(l[:at])
	mark  int // the byte offset of the last label mark in l[:at], or -1
}

func newLineScan(l string) *lineScan { return &lineScan{l: l, mark: -1} }

func (s *lineScan) upTo(at int) {
	if at < s.at {
		*s = *newLineScan(s.l)
	}
	for i, r := range s.l[s.at:at] {
		switch r {
		case '（', '(':
			s.depth++
		case '）', ')':
			if s.depth > 0 {
				s.depth--
			}
		}
		if strings.ContainsRune(labelMarks, r) {
			s.mark = s.at + i
		}
	}
	s.at = at
}

// reSentenceClause's names are bounded in code (maxClauseNames), not by
// the pattern: a repeat of {2,300} compiled to 300 copies of its class,
// 0.8 ms of every run's start-up, and the names cannot hold 由, so only
// the last 由 of a line can start the match either way.
var reSentenceClause = lazyRE(`由([^。；由]{2,}?)(?:共同)?(?:牵头)?(?:负责落实|负责实施|组织实施|负责|落实|承办)[。；]?$`)

// maxClauseNames is the most runes a responsibility sentence's names run
// to.
const maxClauseNames = 300

// sentenceClause finds a responsibility sentence at the end of l:
// 由市财政局、农业局，各县（市）、区人民政府负责落实。 It returns where the
// sentence starts, or -1.
func sentenceClause(l string) int {
	if !strings.Contains(l, "由") {
		return -1
	}
	m := reSentenceClause.FindStringSubmatchIndex(l)
	if m == nil || utf8.RuneCountInString(l[m[2]:m[3]]) > maxClauseNames {
		return -1
	}
	at := m[0]
	if before := strings.TrimRight(l[:at], " \t\u3000"); before != "" {
		// a sentence of its own: 。 or ； before it, spaces aside
		prev, _ := utf8.DecodeLastRuneInString(before)
		if !strings.ContainsRune("。；;", prev) {
			return -1
		}
	}
	if !looksLikeNames(l[m[2]:m[3]]) {
		return -1
	}
	return at
}

// roleSentence finds a sentence of role parts at the end of l, with no
// parenthesis: 市国资委牵头，市财政局、市人社局配合。 or 具体由市科技局负责，
// 市财政局按职责分工配合。 Every part must name units (or groups) and close
// with a role word, so prose that ends in 负责 is not taken. The parts may
// also close a sentence of the task's own after a comma: 粮食产量稳定在30万吨
// 以上，由县农业农村局负责，各乡镇配合。 It returns where the role parts
// start, or -1.
func roleSentence(l string, v *Vocabulary, nr *nameReader) int {
	body := strings.TrimRight(l, "。；; ")
	at := 0
	if i := strings.LastIndexAny(body, "。；;"); i >= 0 {
		_, size := utf8.DecodeRuneInString(body[i:])
		at = i + size
	}
	sent := body[at:]
	if strings.TrimSpace(sent) == "" {
		return -1
	}
	parts := splitParts(sent)
	starts := make([]int, len(parts))
	for i, off := 0, 0; i < len(parts); i++ {
		starts[i] = off
		off += len(parts[i])
		if off < len(sent) {
			_, size := utf8.DecodeRuneInString(sent[off:])
			off += size
		}
	}
	// the role parts, read from the sentence's end back to its first part
	// or to a part that is none
	roles, first := 0, len(parts)
	for i := len(parts) - 1; i >= 0; i-- {
		r, ok := rolePart(strings.TrimSpace(parts[i]), v, nr)
		if !ok {
			break
		}
		roles += r.roles
		if !r.empty {
			first = i
		}
	}
	switch {
	case roles == 0 || first == len(parts):
		return -1
	case first > 0:
		// after the task's own words: the first role part has a role
		// word, so a list of names after a comma is not taken
		if r, _ := rolePart(strings.TrimSpace(parts[first]), v, nr); !r.worded {
			return -1
		}
	}
	return at + starts[first]
}

// leadingRoles finds a clause that opens a line and the task's words
// follow (由杨志武副市长负责，市发改委牵头，相关部门配合，尽快完成……): two or
// more role parts, or one of 牵头 (a leader's part counts, but names no
// unit), then words that are none. It returns where the clause ends, -1
// when the line opens with none.
func leadingRoles(l string, v *Vocabulary, nr *nameReader) int {
	sent := l
	if i := strings.IndexAny(l, "。；;"); i >= 0 {
		sent = l[:i]
	}
	parts := splitParts(sent)
	if len(parts) < 2 {
		return -1
	}
	roles, units, end := 0, 0, 0
	for i, part := range parts {
		part = strings.TrimSpace(part)
		r, ok := rolePart(part, v, nr)
		switch {
		case ok && r.worded:
			roles, units = roles+r.roles, units+1
		case leaderPart(part, v):
			roles++
		default:
			if i == 0 || units == 0 || roles < 2 {
				return -1
			}
			return end
		}
		end += len(parts[i])
		if end < len(sent) {
			_, size := utf8.DecodeRuneInString(sent[end:])
			end += size
		}
	}
	return -1 // the whole sentence: roleSentence's
}

// leaderPart reports whether a part names only leaders and a role word:
// 由杨志武副市长负责.
func leaderPart(part string, v *Vocabulary) bool {
	_, names, ok := roleOf(part, v)
	if !ok {
		return false
	}
	ns := splitNames(names)
	return len(ns) > 0 && !slices.ContainsFunc(ns, func(n string) bool { return !v.isLeader(n) })
}

// leaderNames keeps the names of a leader label's value that can be
// people (徐国庆, 李副省长), up to another label the grammar does not know
// (责任人：徐国庆 工作任务：⒈道路工程…).
func leaderNames(names []string) []string {
	var out []string
	for _, n := range names {
		if strings.ContainsAny(n, "：:") {
			break
		}
		if k := utf8.RuneCountInString(n); k >= 2 && k <= 12 && !strings.ContainsFunc(n, func(r rune) bool { return !unicode.Is(unicode.Han, r) && r != '·' }) {
			out = append(out, n)
		}
	}
	return out
}

// rolePartOf is what one comma-separated part of a role sentence gives.
type rolePartOf struct {
	roles  int  // roles it names: one for a role word, one for a 牵头 mark
	worded bool // it closes with a role word
	empty  bool // blank, or a deadline
}

// rolePart reads one part of a role sentence: names closed by a role word
// (市财政局、市人社局配合), names alone (县营商办（牵头），县市场监管局), or a
// deadline. ok is false for any other words.
func rolePart(part string, v *Vocabulary, nr *nameReader) (rolePartOf, bool) {
	if part == "" {
		return rolePartOf{empty: true}, true
	}
	role, names, ok := roleOf(part, v)
	if !ok {
		if v.isDeadline(part) {
			return rolePartOf{empty: true}, true
		}
		// names without a role word: 县营商办（牵头），县市场监管局
		if !allUnits(splitNames(part), v, nr) {
			return rolePartOf{}, false
		}
		r := rolePartOf{}
		for _, n := range splitNames(part) {
			if _, lead := cutLeadMark(n); lead {
				r.roles++
			}
		}
		return r, true
	}
	units := 0
	// 由国土资源部会同农业部等部门负责落实: the units on both sides of
	// 会同 are checked (the clause reads who leads)
	for _, n := range splitNames(strings.Replace(names, "会同", "、", 1)) {
		switch {
		case v.isGroupWord(n) || isAll(n) || bodyGroup(n, v): // 市直各部门
		case v.isLeader(n) || !unitLike(n, nr):
			return rolePartOf{}, false
		default:
			units++
		}
	}
	if units == 0 && role != RoleCo {
		return rolePartOf{}, false
	}
	return rolePartOf{roles: 1, worded: true}, true
}

func parenDepth(s string) int { return parenDepthFrom(0, s) }

// parenDepthFrom is parenDepth of text after text of depth d.
func parenDepthFrom(d int, s string) int {
	for _, r := range s {
		switch r {
		case '（', '(':
			d++
		case '）', ')':
			if d > 0 {
				d--
			}
		}
	}
	return d
}

// matchParen returns the byte offset just past the parenthesis that closes
// the one at i, or -1.
func matchParen(l string, i int) int {
	depth := 0
	for j := i; j < len(l); {
		r, size := utf8.DecodeRuneInString(l[j:])
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			depth--
			if depth == 0 {
				return j + size
			}
		}
		j += size
	}
	return -1
}

func closeSize(l string, end int) int {
	_, size := utf8.DecodeLastRuneInString(l[:end])
	return size
}

// clauseEnd is the end of a clause that opens l, or len(l).
func clauseEnd(l string) int {
	if e := matchParen(l, 0); e > 0 {
		return e
	}
	return len(l)
}

// hasClause reports whether s holds a parenthesis clause or a label.
func hasClause(s string, v *Vocabulary, nr *nameReader) bool {
	if strings.IndexByte(s, '(') < 0 && strings.IndexByte(s, ':') < 0 && !strings.Contains(s, "（") && !strings.Contains(s, "：") && !strings.Contains(s, "为") {
		return false // no parenthesis and no label end
	}
	if labelStart(s, v) >= 0 {
		return true
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '（' || r == '(' {
			if end := matchParen(s, i); end > 0 {
				if _, ok := parseClause(s[i+size:end-closeSize(s, end)], v, nr); ok {
					return true
				}
				i = end
				continue
			} else {
				return false
			}
		}
		i += size
	}
	return false
}

// parseClause reads the inside of a clause. ok is false when the text
// names no responsibility, as in 海峡两岸产业合作区（湖南）.
func parseClause(body string, v *Vocabulary, names *nameReader) (rawClause, bool) {
	if names == nil {
		return readClause(body, v, names)
	}
	if m, ok := names.clauses[body]; ok {
		return m.c, m.ok
	}
	c, ok := readClause(body, v, names)
	if len(names.clauses) < 1<<14 {
		names.clauses[body] = clauseMemo{c, ok}
	}
	return c, ok
}

func readClause(body string, v *Vocabulary, names *nameReader) (rawClause, bool) {
	var c rawClause
	body = strings.TrimSpace(body)
	if body == "" || len(body) > 3*600 {
		return c, false
	}
	if open := strings.LastIndex(body, "（"); open > 0 && strings.HasSuffix(body, "）") && c.readConvention(body[open+len("（"):len(body)-len("）")], v) {
		// …、市税务局（列第一位者为工作牵头单位，下同）: a note after the
		// names states a convention; it names nobody
		body = strings.TrimSpace(body[:open])
	}
	if at := conventionTail(body, v, names); at > 0 && c.readConvention(body[at:], v) {
		// 市发改委、市财政局，列第一位的为牵头单位，下同: the same note after
		// a comma
		body = strings.TrimSpace(strings.TrimRight(body[:at], "，, "))
	}
	roles := 0
	var pending []string
	leadLabelled := strings.Contains(body, "牵头单位") || strings.Contains(body, "牵头部门")
	labelRole := Role("") // the role of the label whose values continue
	labelSent := 0        // the sentence that label stands in
	// parts closed by a plain 负责, and whether another part only assists
	// (配合, 协助): 市商务局负责，市财政局配合 names its lead by contrast
	var plain []int
	assisting := false
	for si, sent := range splitSentences(body) {
		if si > 0 && c.readConvention(sent, v) {
			continue
		}
		named, same := roles, false // 下同 beside the units this sentence names
		for _, part := range splitLabelParts(sent, v) {
			part = strings.TrimSpace(strings.TrimRight(part, "。. "))
			if part == "" {
				continue
			}
			if role, n := v.labelAt(part); role == roleClause {
				part = strings.TrimSpace(part[n:])
			}
			if role, n := v.labelAt(part); role != "" {
				value := strings.TrimSpace(part[n:])
				if role == RoleLead && strings.HasPrefix(part, "主办") && leadLabelled {
					// 牵头单位：X；主办单位：A、B: beside a named lead, the
					// units that carry the work out work with it
					role = RoleCo
				}
				switch role {
				case roleDeadline:
					if value != "" {
						c.addDeadline(value)
					}
					labelRole = ""
					continue
				case roleLeader:
					if open := strings.Index(value, "（"); open > 0 && strings.HasSuffix(value, "）") && strings.ContainsAny(value[:open], "《按") {
						// 按《市委工作要点》分工（蒋永根、俞福才）: the
						// people in the note after the basis
						value = value[open+len("（") : len(value)-len("）")]
					}
					c.add(roleLeader, leaderNames(joinSpacedNames(splitNames(value))))
					labelRole = roleLeader
					roles++
					continue
				case roleNone:
					// read, so the clause is known, and its names dropped
					labelRole = roleNone
					roles++
					continue
				}
				own := role // the label's: the names after this part's go on in it
				if r, word := v.roleSuffix(value); word != "" && (role == RoleCo || r == RoleLead) {
					// 责任单位：市人社局、市农业农村局分别牵头: the manner
					// word goes with the role word
					var respective bool
					value, respective = v.cutManner(strings.TrimSpace(strings.TrimSuffix(value, word)))
					role = r
					if respective && role == RoleCo {
						role = RoleRespective
					}
				}
				var list []string
				if v.labelPersons(part) {
					// 责任单位及责任人：市发改委 张三: the people are leaders
					// (apart by spaces, as a table's cells would be)
					var people []string
					if list, people = unitsAndPeople(unitNames(value), v, names); len(people) > 0 {
						c.add(roleLeader, people)
					}
				} else {
					list = unitsBeforeTable(value, v, names)
				}
				c.add(role, append(pending, list...))
				pending = nil
				labelRole, labelSent = own, si // 责任单位：X牵头，Y: Y is 责任单位's
				roles++
				continue
			}
			if role, ns, ok := roleOf(part, v); ok {
				for _, with := range []string{"会同", "协同"} {
					if rest, ok := strings.CutPrefix(strings.TrimSpace(ns), with); ok && strings.TrimSpace(rest) != "" {
						// 由省财政厅牵头，会同省民政厅等单位负责落实: the
						// part after the lead works with it
						ns = rest
						if role == RoleLead {
							role = RoleCo
						}
					}
				}
				if a, b, ok := strings.Cut(ns, "会同"); ok && strings.TrimSpace(a) != "" && strings.TrimSpace(b) != "" {
					// 省发展改革委会同省财政厅负责: the first leads, the
					// others work with it
					c.add(RoleLead, append(pending, splitNames(a)...))
					if role != RoleLead {
						role = RoleCo
					}
					c.add(role, splitNames(b))
					pending = nil
					labelRole = ""
					roles++
					continue
				}
				if role == RoleCo && strings.HasSuffix(part, "负责") && !strings.HasSuffix(part, "分工负责") && !strings.HasSuffix(part, "职责负责") && !strings.HasSuffix(part, "共同负责") {
					plain = append(plain, len(c.parts))
				} else if role == RoleCo {
					assisting = true
				}
				c.add(role, append(pending, unitNames(ns)...))
				pending = nil
				labelRole = ""
				roles++
				continue
			}
			if label, value, ok := unknownLabel(part); ok {
				// 时限：6月底, 备注：…: a label the grammar does not list
				// names no unit; its value is a deadline or nothing
				if v.isDeadline(value) || strings.Contains(label, "时") || strings.Contains(label, "期") {
					c.addDeadline(value)
				}
				labelRole = roleNone
				continue
			}
			if v.isDeadline(part) {
				c.addDeadline(part)
				continue
			}
			if isConventionPart(part) || v.firstIsLead(part) {
				// (排在第一位的部门为牵头部门, a convention read with its
				// sentence, names no unit)
				same = same || part == "下同"
				continue
			}
			if labelRole == roleNone {
				continue
			}
			if labelRole != "" {
				if strings.ContainsAny(part, "%％") && !bareUnits(splitNames(part), v, names) {
					// 责任单位为区发改委；技改投资占固定资产投资比重16.5%…: a
					// rate names no unit; the label's list ended before it
					labelRole = roleNone
					continue
				}
				if si > labelSent && !bareUnits(splitNames(part), v, names) {
					// 牵头部门：市交通局。建设进度较慢的县区为舒城县。: a
					// sentence of its own, which ends the label's list (a
					// name after it, 。 六安市民生办, is the page's signature)
					labelRole = roleNone
					continue
				}
				c.add(labelRole, unitsBeforeTable(part, v, names))
				continue
			}
			pending = append(pending, unitNames(part)...)
		}
		if si == 0 {
			c.readConvention(sent, v)
		}
		if same && roles > named && len(c.conv.sticky) == 0 {
			c.conv.below = true
		}
	}
	if assisting && len(plain) > 0 && !c.hasLead() {
		for _, i := range plain {
			if i < len(c.parts) && !allLeaders(c.parts[i].names, v) {
				c.parts[i].role = RoleLead
			}
		}
	}
	if len(pending) > 0 {
		if roles == 0 {
			// a bare unit parenthesis: （市发改委） （市经委、环保局）
			// （市大数据局、市直各部门）, or （同上）
			if !bareUnits(pending, v, names) && !(len(pending) == 1 && v.isSame(pending[0])) {
				return c, false
			}
			c.bare = true
		}
		// names left without a keyword share the clause's co role
		c.add(RoleCo, pending)
		roles++
	}
	return c, roles > 0
}

// conventionTail is where a stated first-is-lead convention begins after
// a comma in body, 0 if none: the part it begins states it by itself
// (列第一位的为牵头单位), and the sentence before the comma is a list of
// units (not 责任单位两个以上的，列第一者为牵头单位, one statement).
func conventionTail(body string, v *Vocabulary, names *nameReader) int {
	if !strings.Contains(body, "牵头") {
		return 0 // every stated form names 牵头
	}
	start := 0
	for i, r := range body {
		switch r {
		case '。', '；', ';':
			start = i + utf8.RuneLen(r)
			continue
		case '，', ',':
		default:
			continue
		}
		at := i + utf8.RuneLen(r)
		part := body[at:]
		if k := strings.IndexAny(part, "，,"); k >= 0 {
			part = part[:k]
		}
		if !v.firstIsLead(part) {
			continue
		}
		before := strings.TrimSpace(body[start:i])
		if strings.HasSuffix(before, "的") || v.ofMany(before) {
			continue // 责任单位两个以上的，: the statement's own condition
		}
		list := splitNames(before)
		units := len(list) > 0
		for _, n := range list {
			units = units && unitLike(strings.TrimSpace(n), names)
		}
		if units {
			return at
		}
	}
	return 0
}

// readConvention reads a stated convention in one sentence of a clause,
// and reports whether the sentence is one (so it names nobody).
func (c *rawClause) readConvention(sent string, v *Vocabulary) bool {
	notListed := strings.Contains(sent, "列出") && notListedAt(sent) >= 0
	if !strings.Contains(sent, "牵头") && !strings.Contains(sent, "下同") && !strings.Contains(sent, "分工") && !notListed {
		return false
	}
	found := false
	if notListed {
		// 以下各项工作均需各县、区人民政府（管委会）落实，不再列出: the bodies
		// every task after shares, a group as written
		if m := reNeedAll.FindStringSubmatch(sent); m != nil {
			c.conv.sticky = append(c.conv.sticky, strings.TrimSpace(m[1]))
		}
		found = true
	}
	if v.firstIsLead(sent) {
		c.conv.firstIsLead, c.conv.firstOfMany, found = true, v.ofMany(sent), true
	}
	if i := strings.Index(sent, "明确牵头"); i >= 0 {
		rest := sent[i:]
		for _, part := range splitParts(rest)[1:] {
			part = strings.TrimSpace(part)
			if strings.HasSuffix(part, "配合") {
				c.conv.groupWithLead = strings.TrimSuffix(part, "配合")
				found = true
				break
			}
		}
	}
	if strings.Contains(sent, "下同") || strings.Contains(sent, "不再做分工") || strings.Contains(sent, "不再分工") {
		if i := strings.Index(sent, "涉及"); i >= 0 {
			rest := sent[i+len("涉及"):]
			if j := strings.IndexAny(rest, "，,；;。"); j >= 0 {
				rest = rest[:j]
			}
			if rest = strings.TrimSpace(rest); rest != "" {
				c.conv.sticky = append(c.conv.sticky, rest)
			}
		}
		found = true
	}
	return found
}

// notListed are the words of a sentence that says the bodies it names
// share every task after it and are not listed again.
var notListed = []string{"不再一一列出", "不再逐一列出", "不逐一列出", "不再列出", "不一一列出"}

// notListedAt is where sent says so, or -1.
func notListedAt(sent string) int {
	for _, w := range notListed {
		if i := strings.Index(sent, w); i >= 0 {
			return i
		}
	}
	return -1
}

// reNeedAll finds the bodies of such a sentence: 均需各县区政府落实.
var reNeedAll = lazyRE(`(?:均需|均由|都需|都由|均要|均应|需由|需)([^，,；;。]{2,40}?)(?:负责落实|抓好落实|负责|落实|配合)`)

// unknownLabel splits a part that opens with a short label the grammar
// does not list (时限：6月底, 备注：…): a colon after at most eight
// characters that hold no list mark.
func unknownLabel(part string) (label, value string, ok bool) {
	i := indexColon(part)
	if i <= 0 || i > 8*3 || strings.ContainsAny(part[:i], "、，,（）()") {
		return "", "", false
	}
	_, size := utf8.DecodeRuneInString(part[i:])
	return part[:i], strings.TrimSpace(part[i+size:]), true
}

// isConventionPart is a part of a clause that only comments on the others.
func isConventionPart(part string) bool {
	for _, w := range []string{"下同", "不逐一列出", "不再做分工", "不再分工", "不再列出"} {
		if strings.Contains(part, w) {
			return true
		}
	}
	return false
}

// splitSentences cuts a clause at 。 outside nested parentheses.
func splitSentences(body string) []string {
	out := splitOutside(body, "。")
	if n := len(out); n > 0 && out[n-1] == "" {
		out = out[:n-1]
	}
	return out
}

// allUnits reports whether every name is a unit (a body the grammar or
// the directory knows), none a group, a leader or prose.
func allUnits(names []string, v *Vocabulary, nr *nameReader) bool {
	if len(names) == 0 {
		return false
	}
	for _, n := range names {
		n, _ = cutLeadMark(n)
		if v.isGroupWord(n) || v.isLeader(n) || !unitLike(n, nr) {
			return false
		}
	}
	return true
}

// bareUnits reports whether names, read with no role word, are a list of
// units, groups beside them included: （市大数据局、市直各部门）. At least one
// is a unit, so （含各类园区） stays text.
func bareUnits(names []string, v *Vocabulary, nr *nameReader) bool {
	var units []string
	sections := 0
	for _, n := range names {
		if m, _ := cutLeadMark(n); !v.isLeader(m) && (v.isGroupWord(m) || groupish(m)) {
			continue
		}
		if reSection.MatchString(n) && !unitLike(n, nr) {
			sections++ // 工资处 beside 就管中心: a bureau's own sections
			continue
		}
		units = append(units, n)
	}
	return allUnits(units, v, nr) || len(units) == 0 && sections >= 2
}

// reSection is the name of a section of a bureau (工资处, 财务科), read as
// a unit only in a list with others.
var reSection = lazyRE(`^\p{Han}{2,6}[处科]$`)

// add records names with their role. A name marked （牵头） in a list
// (市发改委（牵头）、市财政局) leads whatever the list's role.
func (c *rawClause) add(role Role, names []string) {
	if role != roleLeader {
		var lead, rest []string
		for _, n := range names {
			if m, ok := cutLeadMark(n); ok {
				lead = append(lead, m)
			} else {
				rest = append(rest, n)
			}
		}
		if len(lead) > 0 {
			c.parts = append(c.parts, rawPart{role: RoleLead, names: lead})
			names = rest
		}
	}
	if role == roleLeader {
		names = joinSpacedNames(names)
	}
	if len(names) > 0 {
		c.parts = append(c.parts, rawPart{role: role, names: names})
	}
}

// joinSpacedNames joins each two one-character names in a row into one:
// a two-character name spaced out to align (牵头领导：王 健) is split at its
// space as a list is.
func joinSpacedNames(names []string) []string {
	var out []string
	for i := 0; i < len(names); i++ {
		if i+1 < len(names) && oneHan(names[i]) && oneHan(names[i+1]) {
			out = append(out, names[i]+names[i+1])
			i++
			continue
		}
		out = append(out, names[i])
	}
	return out
}

func oneHan(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && unicode.Is(unicode.Han, r)
}

// cutLeadMark cuts a trailing （牵头） or （牵头单位） from a name.
func cutLeadMark(n string) (string, bool) {
	if m, ok := strings.CutSuffix(n, leadMarkString); ok && m != "" {
		return strings.TrimSpace(m), true // 市发改委★, where 带★的为牵头单位
	}
	if m, ok := strings.CutPrefix(n, leadMarkString); ok && m != "" {
		return strings.TrimSpace(m), true // ★市发改委
	}
	// 〈〉 is not folded to （） (it nests titles inside 《》), so its mark is
	// listed as written
	for _, m := range []string{"（牵头）", "(牵头)", "（牵头单位）", "（牵头部门）", "（主办）", "（主办单位）", "（牵头负责）", "〈牵头〉", "＜牵头＞", "<牵头>"} {
		if strings.HasSuffix(n, m) && len(n) > len(m) {
			return strings.TrimSpace(n[:len(n)-len(m)]), true
		}
	}
	// 区统计局（数据统计评估牵头单位）: the lead of a part of the task, its
	// part named before the mark
	if body, ok := strings.CutSuffix(n, "）"); ok {
		if open := strings.LastIndex(body, "（"); open > 0 {
			note := body[open+len("（"):]
			for _, m := range []string{"牵头单位", "牵头部门", "牵头"} {
				if strings.HasSuffix(note, m) && utf8.RuneCountInString(note) <= 16 {
					return strings.TrimSpace(body[:open]), true
				}
			}
		}
	}
	return n, false
}

// maxDeadline bounds a clause's time limits, joined: a task has one or
// two (6月底前出台，年底前完成); a run of thousands of 完成时限 lines would
// otherwise be joined at the square of its length.
const maxDeadline = 512

func (c *rawClause) addDeadline(s string) {
	if len(c.deadline) >= maxDeadline {
		return
	}
	if c.deadline != "" {
		c.deadline += "，"
	}
	c.deadline += s
}

// roleOf splits "省发展改革委、省财政厅等按职责分工负责" into its role and
// names. The names part must be non-empty and look like names.
func roleOf(part string, v *Vocabulary) (Role, string, bool) {
	role, word := v.roleSuffix(part)
	if word == "" {
		return "", "", false
	}
	names, respective := v.cutManner(strings.TrimSpace(strings.TrimSuffix(part, word)))
	if respective && role == RoleCo {
		role = RoleRespective // 市发改委、市财政局按职责分别负责
	}
	names = strings.TrimSuffix(names, "等")
	names = names[v.subject(names):]
	if i := strings.LastIndex(names, "由"); i > 0 && !strings.HasSuffix(names[:i], "自") && !strings.ContainsAny(names[:i], "、，,") {
		// 考核细则由镇组织办、镇财政所负责: the thing done, then who does it
		names = names[i:]
	}
	// 其中市发改委为牵头单位 after the units: the lead among them
	names = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(names, "其中"), "具体"), "由")
	if names == "" || !looksLikeNames(names) {
		return "", "", false
	}
	if v.unitsOnly[word] || !v.listedRole(word) {
		// 各市州人民政府落实, not 确保政策落实 or 各地要因地制宜推进: a verb
		// this common, or one read by its head (配合开展), closes a clause
		// only after names of units or groups
		for _, n := range splitNames(strings.Replace(names, "会同", "、", 1)) {
			if n, _ = cutLeadMark(n); v.isLeader(n) || !unitLike(n, nil) && !bodyGroup(n, v) {
				return "", "", false
			}
		}
	}
	return role, names, true
}

// groupBodies end the name of a group of bodies: 各市州人民政府, 有关部门,
// 各县（市、区）教育局. Not 校, 院 or 中心: a table's task cell (新建学校,
// 建设文化中心) ends so as often.
var groupBodies = []string{"政府", "部门", "单位", "机构", "企业", "园区", "街道", "地", "区", "县", "市", "州", "镇", "乡", "方面",
	"局", "委", "厅", "办"}

// bodyGroup reports whether n names a group of bodies, not prose that
// opens like one (各地要因地制宜).
func bodyGroup(n string, v *Vocabulary) bool {
	if !v.isGroupWord(n) && !groupish(n) {
		return false
	}
	for _, b := range groupBodies {
		if strings.HasSuffix(n, b) {
			return true
		}
	}
	return false
}

// looksLikeNames rejects prose that happens to end with 负责 or 参与:
// names are short and carry no sentence punctuation. A clause is known by
// its role word, not by its names' first characters: a name may start
// with a digit or a Latin letter (5G产业联盟, 12345热线办, IPv6推进办), or
// have no Chinese at all (CON) when another name of the list has.
func looksLikeNames(s string) bool {
	if strings.ContainsAny(s, "。；;！？“”") {
		return false
	}
	han := false
	for _, n := range splitNames(s) {
		if utf8.RuneCountInString(n) > 40 {
			return false
		}
		for _, r := range n {
			if unicode.Is(unicode.Han, r) {
				han = true
				break
			}
		}
	}
	return han
}

// splitLabelParts is splitParts, also cutting at a space before a label
// (责任领导：张三 牵头单位：市发改委).
func splitLabelParts(body string, v *Vocabulary) []string {
	var out []string
	for _, part := range splitParts(body) {
		for {
			cut := -1
			for i := nextParen(part, 0); i > 0; {
				if r, _ := v.bracketLabel(part[i:]); r != "" {
					cut = i
					break
				}
				j := strings.Index(part[i+len("（"):], "（")
				if j < 0 {
					break
				}
				i += len("（") + j
			}
			if cut >= 0 {
				out = append(out, part[:cut])
				part = part[cut:]
				continue
			}
			if at := gluedLabel(part, v); at > 0 {
				// 责任单位：莲塘镇任务目标：…, 牵头单位：市发改委配合单位：…: a
				// label run on after the value before it
				out = append(out, part[:at])
				part = part[at:]
				continue
			}
			for i := strings.IndexByte(part, ' '); i >= 0; {
				if r, _ := v.labelAt(part[i+1:]); r != "" {
					cut = i
					break
				}
				j := strings.IndexByte(part[i+1:], ' ')
				if j < 0 {
					break
				}
				i += 1 + j
			}
			if cut < 0 {
				break
			}
			out = append(out, part[:cut])
			part = part[cut+1:]
		}
		out = append(out, part)
	}
	return out
}

// nextParen is the offset of the first （ in s after byte from, or -1.
func nextParen(s string, from int) int {
	if from < len(s) {
		_, size := utf8.DecodeRuneInString(s[from:])
		if i := strings.Index(s[from+size:], "（"); i >= 0 {
			return from + size + i
		}
	}
	return -1
}

// splitParts cuts a clause at ，；, ; outside nested parentheses.
func splitParts(body string) []string { return splitOutside(body, "，；,;") }

// splitOutside cuts s at each of seps that stands outside parentheses.
func splitOutside(s, seps string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '（' || r == '(':
			depth++
		case r == '）' || r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0 && strings.ContainsRune(seps, r):
			parts = append(parts, s[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	return append(parts, s[start:])
}

// commas are a list's commas, read as 、 by listNames.
var commas = strings.NewReplacer("，", "、", ",", "、")

// listNames splits a list whose names commas part as well as 、
// (市发改委、市财政局，各区政府): splitNames after the commas are read as 、.
func listNames(s string) []string { return splitNames(commas.Replace(s)) }

// splitNames splits a list of names on 、, 及 and 以及 and drops 等. A level
// word after 各 that a 、 splits from its body (各乡、镇人民政府,
// 各县（市）、区人民政府) stays one group. Every name is a substring of s.
func splitNames(s string) []string {
	var out []string
	start := 0
	etc := false  // the name before ended in 等…: 等部门、单位 is one phrase
	andHead := "" // the head a name after 和 shares (各县区 of 各县区党委和人民政府)
	flush := func(end int) {
		n := strings.TrimSpace(s[start:end])
		if andHead != "" && slices.Contains(headlessBodies, n) {
			n = andHead + n // 各县区党委和人民政府: 各县区人民政府
		}
		andHead = ""
		if len(out) > 0 && strings.HasPrefix(out[len(out)-1], "各") && slices.Contains(levelBodies, n) {
			n = "各" + n // 各乡镇政府、街道办事处: 各街道办事处
		}
		if etc && slices.Contains(etcTails, n) {
			return // 区城投集团等部门、单位: the tail of the phrase, no name
		}
		etc = false
		for _, etc := range []string{"等有关部门和单位", "等相关部门和单位", "等有关部门", "等相关部门", "等有关单位", "等相关单位"} {
			if unit, ok := strings.CutSuffix(n, etc); ok && unit != "" {
				// 省财政厅等相关部门: the unit named, then the group
				if unit = strings.TrimSpace(trimRoleNote(strings.TrimPrefix(unit, "由"))); unit != "" {
					out = append(out, unit)
				}
				n = strings.TrimPrefix(etc, "等")
				break
			}
		}
		for _, tail := range []string{"等部门", "等单位", "等公司", "等企业", "等机构", "等银行"} {
			if m, ok := strings.CutSuffix(n, tail); ok {
				n, etc = m, true
			}
		}
		if m := reCountedRest.FindStringIndex(n); m != nil && m[0] > 0 {
			n = n[:m[0]] // 市发改委等12个部门: the unit named, not the count
		}
		n = strings.TrimSuffix(n, "等")
		n = strings.TrimPrefix(n, "由")
		n = strings.TrimSpace(trimRoleNote(n))
		if n != "" {
			out = append(out, n)
		}
	}
	depth := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '（' || r == '(':
			depth++
		case r == '）' || r == ')':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case r == '等' && strings.HasPrefix(s[i+size:], "和") && endsUnit(s[start:i]):
			// 国务院扶贫办、商务部等和各有关省级人民政府: the units named,
			// then the governments
			flush(i)
			start = i + size + len("和")
			i = start
			continue
		case r == '等' && endsUnit(s[start:i]) && (reGroupAfterEtc.MatchString(s[i+size:]) || reLevelGroupAfterEtc.MatchString(s[i+size:])):
			// 省农业厅等省直有关部门, 能源局等省有关部门: the unit named, then
			// the group it stands first in
			flush(i)
			start = i + size
		case (r == '和' || r == '与') && endsUnit(s[start:i]) && i+size < len(s) && (!strings.HasSuffix(s[start:i], "门") || reGroupAfterEtc.MatchString(s[i+size:])):
			// 市住建局和市财政局: 和 after a whole unit's name, not inside
			// one (市住房和城乡建设局, 省工业和信息化厅); after a group's 部门
			// only before another group (省直各部门和各市人民政府, not
			// 有关部门和市人民政府, the cities' governments)
			head := sharedHead(s[start:i])
			if strings.HasPrefix(head, "各") && headlessNext(s[i+size:]) {
				break // 各县区党委和人民政府: one group, kept as written
			}
			flush(i)
			andHead = head
			start = i + size
		case r == '、' || r == '及' || r == ' ' || r == '/' || r == '／':
			if r == '及' && strings.HasPrefix(s[i:], "及时") {
				break
			}
			if r == '、' && joinsLevel(s[start:i]) && reCompletesLevel.MatchString(s[i+size:]) {
				break
			}
			if r == '、' && strings.HasPrefix(strings.TrimSpace(s[start:i]), "各") && levelBodyNext(s[i+size:]) {
				break // 各盟行政公署、市人民政府, 各乡镇人民政府、街道办事处: one group, as written
			}
			end := i
			if r == '及' && end >= len("以") && strings.HasSuffix(s[:end], "以") {
				end -= len("以")
			}
			flush(end)
			start = i + size
		}
		i += size
	}
	flush(len(s))
	return out
}

// reLevelBody is the body of every place of a level, with its level
// and no place of its own: 市人民政府, 区人民政府（管委会）, 街道办事处
// (开发区管委会 is one zone's, a unit).
var reLevelBody = lazyRE(`^(?:省|市|州|盟|县|旗|区|乡|镇|街道|县市区|县区|乡镇)?(?:人民政府|政府|行政公署|管委会|管理委员会|办事处|街道办事处|街道)(?:（[^（）]{1,8}）)?$`)

// levelBodyNext reports whether the name that opens rest, up to its
// list's next mark, is a level's body (各盟行政公署、市人民政府: 市人民政府):
// it goes with the 各 before it.
func levelBodyNext(rest string) bool {
	end := len(rest)
	if i := strings.IndexAny(rest, "、，,；;。 "); i >= 0 {
		end = i
	}
	if i := strings.Index(rest[:end], "及"); i >= 0 {
		end = i
	}
	n := strings.TrimSpace(rest[:end])
	return n != "" && (slices.Contains(levelBodies, n) || reLevelBody.MatchString(n))
}

// levelBodies are the bodies every place of a level has, which a 各 before
// them in a list extends to (各乡镇政府、街道办事处).
var levelBodies = []string{"街道办事处", "街道", "乡镇人民政府", "乡镇政府", "镇人民政府", "镇政府", "乡人民政府", "乡政府", "社区", "社区居委会", "村委会", "居委会"}

// headlessBodies are the bodies a place's party committee and government
// have, written after 和 without the place they share with the name
// before it: 各县区党委和人民政府, 高新区党工委和管委会.
var headlessBodies = []string{"党委", "党工委", "人民政府", "政府", "管委会", "管理委员会"}

// headlessNext reports whether rest opens with one of headlessBodies,
// alone up to the list's next mark (人民政府 of 各县区党委和人民政府、…).
func headlessNext(rest string) bool {
	for _, b := range headlessBodies {
		if after, ok := strings.CutPrefix(rest, b); ok {
			r, _ := utf8.DecodeRuneInString(after)
			if after == "" || strings.ContainsRune("、，,；;。及 /／", r) {
				return true
			}
		}
	}
	return false
}

// sharedHead is the place a name ending in one of headlessBodies opens
// with (各县区 of 各县区党委), "" for any other name.
func sharedHead(n string) string {
	n = strings.TrimSpace(n)
	for _, b := range headlessBodies {
		if h, ok := strings.CutSuffix(n, b); ok && h != "" {
			return h
		}
	}
	return ""
}

// unitsBeforeTable is unitNames of a label's value, cut before a table
// run on after it, its cells apart by spaces (配合单位：市公安局、市城管局，
// 各区政府 鄞州 海曙 合计 新辟线路年度目标 2 5 …: the districts, the totals
// and the figures are no units).
func unitsBeforeTable(value string, v *Vocabulary, nr *nameReader) []string {
	value = dropStraySpaces(value)
	return splitNames(value[:spacedTableAt(value, v, nr)])
}

// spacedTableAt is where a table run on after a list starts: the first
// field after a space that names neither units nor groups; len(value) if
// none.
func spacedTableAt(value string, v *Vocabulary, nr *nameReader) int {
	at := 0
	for i, f := range strings.Split(value, " ") {
		if i > 0 && f != "" && slices.ContainsFunc(listNames(f), func(n string) bool {
			return !unitLike(n, nr) && !v.isGroupWord(n) && !bodyGroup(n, v) && !v.isLeader(n)
		}) {
			return at
		}
		at += len(f) + 1
	}
	return len(value)
}

// unitNames splits a list of units' names, the spaces a PDF left inside
// a name dropped first (dropStraySpaces).
func unitNames(s string) []string { return splitNames(dropStraySpaces(s)) }

// dropStraySpaces drops the spaces a PDF's conversion left inside units'
// names (市 住建局、资源规划 局、伏羲 山管委 会): a space stays between two
// names, where the name before it ends as a unit does (县人社局 县就业服务
// 中心) or the one after it opens as a name of its own does (各乡镇 各街
// 道), and goes where what follows it is one character (局, 会) or the
// name before it is not a whole name.
func dropStraySpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	name := 0 // where the name being written starts in b
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != ' ' {
			b.WriteRune(r)
			if strings.ContainsRune(nameSeps, r) {
				name = b.Len()
			}
			i += size
			continue
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		left, next := strings.TrimSpace(b.String()[name:]), s[j:]
		if k := strings.IndexAny(next, " "+nameSeps); k >= 0 {
			next = next[:k]
		}
		if left != "" && next != "" && strayInName(left, next) {
			i = j
			continue
		}
		b.WriteString(s[i:j])
		name = b.Len()
		i = j
	}
	return b.String()
}

// nameSeps are the marks between names in a list.
const nameSeps = "、，,；;：:/（）()"

// strayInName reports whether a space between left and next lies inside
// one name: a name before it that is not whole, and after it one
// character or what closes a name.
func strayInName(left, next string) bool {
	l, _ := utf8.DecodeLastRuneInString(left)
	if n, _ := utf8.DecodeRuneInString(next); unicode.IsDigit(l) || unicode.IsDigit(n) {
		return false // 合计 25 12: figures, never a name's
	}
	if utf8.RuneCountInString(next) == 1 {
		return true
	}
	if endsUnit(left) {
		return false
	}
	if utf8.RuneCountInString(left) >= 2 {
		for _, w := range []string{"各", "省", "市", "县", "区", "州", "镇", "乡", "有关", "相关", "其他", "国家", "中国"} {
			if strings.HasPrefix(next, w) {
				return false
			}
		}
	}
	// what follows closes as a unit's name does (伏羲 山管委, 市 住建局);
	// else two names (鄞州 海曙 江东)
	last, _ := utf8.DecodeLastRuneInString(next)
	return strings.ContainsRune(unitEnds, last)
}

// etcTails are the words that may follow 等部门 in one phrase (等部门、单位).
var etcTails = []string{"单位", "部门", "企业", "机构", "有关单位", "相关单位"}

// unitEnds are the last characters of a unit's name: 局 委 厅 办 …, 联 协
// 央 of 妇联, 科协, 共青团中央, and 门 of a group's 部门.
const unitEnds = "局委厅办府院部署处室会心司团队所站行社校馆区门联协央"

// reGroupAfterEtc is a group named after a unit and 等: 等省直有关部门,
// 等市直各部门, 等区级有关部门, 等各县区政府.
var reGroupAfterEtc = lazyRE(`^(?:[省市县区][直级]|各)`)

// reLevelGroupAfterEtc is a group of a level's bodies named after a unit
// and 等, the level written whole: 等省有关部门, 等国务院有关部门和单位,
// 等市直相关单位 (only after 等; 和 reads reGroupAfterEtc alone).
var reLevelGroupAfterEtc = lazyRE(`^(?:国务院|中央|国家|省|自治区|市|州|盟|县|旗|区)(?:直|级|属)?各?(?:有关|相关|其他|其它)(?:部门|单位|机构)`)

// endsUnit reports whether s ends as a unit's name does, three runes or
// more. Only its end is read: a long text of many 和 stays linear.
func endsUnit(s string) bool {
	s = strings.TrimRight(s, " \t\u3000")
	r, size := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(unitEnds, r) {
		return false
	}
	for range 2 { // two more runes before it
		s = s[:len(s)-size]
		if _, size = utf8.DecodeLastRuneInString(s); size == 0 {
			return false
		}
	}
	return true
}

// reCountedRest is the count after the first of several units named for
// all of them: 等12个部门, 等十二家单位.
var reCountedRest = lazyRE(`等[0-9一二三四五六七八九十]{1,3}[个家](?:部门|单位|成员单位|市直部门)$`)

// reCompletesLevel is the name after 各乡、 that completes it: a level word
// and a body (镇人民政府, 街道办事处) or the end, not another group (区直各部门).
var reCompletesLevel = lazyRE(`^(?:乡|镇|县|区|市|州|县市|县级市|街道|社区)(?:人民政府|政府|办事处|（|\(|、|$)`)

// reCountOf opens a count of places: 13个 of 13个街道、镇.
var reCountOf = lazyRE(`^[0-9一二三四五六七八九十两]{1,3}个?`)

// joinsLevel is true for 各乡, 各县（市）, 各州, 相关市, 13个街道: a 各 (相关, 有关, a count)
// and a level word that the next name completes (各州、市人民政府,
// 相关市、县政府).
func joinsLevel(s string) bool {
	s = strings.TrimSpace(s)
	var rest string
	for _, g := range []string{"各有关", "各相关", "各", "相关", "有关"} {
		if r, ok := strings.CutPrefix(s, g); ok {
			rest = r
			break
		}
	}
	if r, _ := utf8.DecodeRuneInString(s); rest == "" && (r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十两", r)) {
		if m := reCountOf.FindString(s); m != "" {
			rest = s[len(m):] // 13个街道、镇: a count of places
		}
	}
	if rest == "" {
		return false
	}
	if i := strings.IndexAny(rest, "（("); i >= 0 {
		if end := matchParen(rest, i); end > 0 && strings.TrimSpace(rest[end:]) != "" {
			return false // 各县（市、区）人民政府 is whole
		}
		rest = rest[:i]
	}
	// 各县、市, 各县、市、区: level words apart by 、 that the next name
	// completes
	for _, w := range strings.Split(rest, "、") {
		switch w {
		case "乡", "镇", "县", "区", "市", "州", "县市", "县级市", "街道":
		default:
			return false
		}
	}
	return true
}

// isAll is true for the names that mean every dept: 各部门单位, 各部门,
// 各单位, 各级各部门, 各地各部门和单位. A name that says which units
// (各直属单位, 各区直部门, 各成员单位, 各有关部门) is a group.
func isAll(name string) bool {
	if !strings.HasPrefix(name, "各") || !strings.Contains(name, "部门") && !strings.HasSuffix(name, "单位") {
		return false
	}
	return allWords.Replace(name) == ""
}

// allWords are what a name meaning every dept is made of.
var allWords = strings.NewReplacer("各", "", "级", "", "地", "", "部门", "", "单位", "", "和", "", "及", "", "、", "")

// at returns a copy of the clause whose parts were read on line n.
func (c rawClause) at(n int) rawClause {
	parts := make([]rawPart, len(c.parts))
	for i, pt := range c.parts {
		pt.line = n
		parts[i] = pt
	}
	c.parts = parts
	return c
}

// merge adds the parts, deadline and conventions of another clause.
func (c *rawClause) merge(o rawClause) {
	c.parts = append(c.parts, o.parts...)
	if o.deadline != "" {
		c.addDeadline(o.deadline)
	}
	if o.conv.firstIsLead {
		c.conv.firstIsLead, c.conv.firstOfMany = true, o.conv.firstOfMany
	}
	if o.conv.groupWithLead != "" {
		c.conv.groupWithLead = o.conv.groupWithLead
	}
	c.conv.sticky = append(c.conv.sticky, o.conv.sticky...)
	c.conv.below = c.conv.below || o.conv.below
}

func (c *rawClause) hasLead() bool {
	for _, pt := range c.parts {
		if pt.role == RoleLead {
			return true
		}
	}
	return false
}

// allLeaders reports whether every name is a person (分管副省长负责).
func allLeaders(names []string, v *Vocabulary) bool {
	for _, n := range names {
		if !v.isLeader(n) {
			return false
		}
	}
	return len(names) > 0
}

// unitsAndPeople tells the units of a value that names people too
// (市人社局（李四）, 市发改委 张三) from the people: a name that is no unit
// and no group is a person's, and so is a parenthesis after a unit that is
// no unit.
func unitsAndPeople(names []string, v *Vocabulary, nr *nameReader) (units, people []string) {
	for _, n := range names {
		if i := strings.LastIndex(n, "（"); i > 0 && strings.HasSuffix(n, "）") {
			if inner := n[i+len("（") : len(n)-len("）")]; inner != "" && !unitLike(inner, nr) && !isRoleNote(inner, v) {
				people = append(people, inner)
				n = strings.TrimSpace(n[:i])
			}
		}
		if unitLike(n, nr) || v.isGroupWord(n) || groupish(n) || isAll(n) {
			units = append(units, n)
		} else if n != "" {
			people = append(people, n)
		}
	}
	return units, people
}

// isRoleNote reports whether a parenthesis after a name notes its role
// (牵头, 配合, 按职责分工负责), not a person.
func isRoleNote(inner string, v *Vocabulary) bool {
	_, word := v.roleSuffix(inner)
	return word != ""
}

// trimRoleNote drops a note on the role after a name: 市财政局（按职责分工负责）,
// 市统计局（配合）. A （牵头） mark is kept, for add to read.
func trimRoleNote(n string) string {
	open, close := "（", "）"
	if strings.HasSuffix(n, ")") {
		open, close = "(", ")"
	}
	if !strings.HasSuffix(n, close) {
		return n
	}
	i := strings.LastIndex(n, open)
	if i <= 0 {
		return n
	}
	note := n[i+len(open) : len(n)-len(close)]
	// the role word alone or with 单位 or 部门: （配合单位）, （协办部门）,
	// （责任单位）, the role the list's label gives
	note = strings.TrimSuffix(strings.TrimSuffix(note, "单位"), "部门")
	for _, w := range []string{"分工负责", "职责负责", "配合", "协助", "参与", "协办", "责任"} {
		if strings.HasSuffix(note, w) {
			return strings.TrimSpace(n[:i])
		}
	}
	if strings.ContainsAny(note, "：:") || strings.Contains(note, "电话") || strings.Contains(note, "联系人") {
		return strings.TrimSpace(n[:i]) // （联系人：张三，电话：…）: a contact, not the name's
	}
	if strings.Contains(note, "下同") || strings.Contains(note, "为牵头") {
		return strings.TrimSpace(n[:i]) // （首位单位为牵头单位，下同）: a convention, stated after the first name
	}
	return n
}
