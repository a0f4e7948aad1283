package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reLabel finds the labelled clause form: 牵头单位：… 责任单位：… 配合单位：…
var reLabel = regexp.MustCompile(`(牵头单位|主办单位|主责单位|责任单位|配合单位|协办单位|参与单位|完成时限|完成时间|时限要求|时间节点)\s*[：:]`)

// reDeadline recognises a deadline written inside or beside a clause.
var reDeadline = regexp.MustCompile(`^(?:\d{4}年)?(?:\d{1,2}月(?:底|中旬|上旬|下旬|末)?|年内|年底|年末|上半年|下半年|(?:第)?[一二三四]季度|持续推进|长期坚持|长期推进|常态化推进|持续实施|\d{4}年(?:底|末)?)`)

// labelAtStart matches a 牵头单位：… label that opens part.
func labelAtStart(part string) []int {
	if !strings.ContainsAny(part, "：:") {
		return nil
	}
	if m := reLabel.FindStringSubmatchIndex(part); m != nil && m[0] == 0 {
		return m
	}
	return nil
}

// isDeadline reports whether a part of a clause is a deadline; the
// cheap test spares the regexp on most parts.
func isDeadline(part string) bool {
	return strings.ContainsAny(part, "0123456789年月季持长常") && reDeadline.MatchString(part)
}

// role keywords that close a part of a clause, longest first
var roleSuffixes = []struct {
	word string
	role Role
}{
	{"按照职责分工负责", RoleCo}, {"按职责分工负责", RoleCo}, {"按职能分工负责", RoleCo}, {"按职责分工落实", RoleCo},
	{"按职责负责", RoleCo}, {"分别负责", RoleRespective}, {"共同负责", RoleCo}, {"牵头负责", RoleLead},
	{"配合落实", RoleCo}, {"负责落实", RoleLead}, {"牵头", RoleLead}, {"配合", RoleCo}, {"参与", RoleCo},
	{"协助", RoleCo}, {"协办", RoleCo}, {"负责", RoleLead},
}

var labelRoles = map[string]Role{
	"牵头单位": RoleLead, "主办单位": RoleLead, "主责单位": RoleLead,
	"责任单位": RoleCo, "配合单位": RoleCo, "协办单位": RoleCo, "参与单位": RoleCo,
}

// rawClause is a clause as written: its parts' names, not yet expanded
// or canonicalised.
type rawClause struct {
	parts    []rawPart
	deadline string
}

// rawPart is one list of names with its role, as one part of a clause
// wrote it; a shared suffix is expanded within a part only.
type rawPart struct {
	role  Role
	names []string
}

// splitSegments cuts one line into text and clause segments.
func splitSegments(l string, n int) []segment {
	// A line of the 牵头单位：… form, or text followed by one.
	if loc := labelStart(l); loc >= 0 {
		var segs []segment
		if loc > 0 {
			segs = splitSegments(l[:loc], n)
		}
		return append(segs, segment{clause: l[loc:], labels: true, line: n})
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
			break
		}
		body := l[i+size : end-closeSize(l, end)]
		_, isClause := parseClause(body)
		if !isClause && lastClauseEnd == i && isDeadline(strings.TrimSpace(body)) && !strings.ContainsAny(body, "，,") {
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
	if text < len(l) {
		segs = append(segs, segment{text: l[text:], line: n})
	}
	return segs
}

// labelStart finds a 牵头单位：/责任单位： label outside parentheses.
func labelStart(l string) int {
	if !strings.Contains(l, "单位") && !strings.Contains(l, "时限") && !strings.Contains(l, "完成时间") && !strings.Contains(l, "时间节点") {
		return -1
	}
	locs := reLabel.FindAllStringIndex(l, -1)
	for _, loc := range locs {
		if parenDepth(l[:loc[0]]) == 0 {
			return loc[0]
		}
	}
	return -1
}

func parenDepth(s string) int {
	d := 0
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

// hasClause reports whether s holds a responsibility clause.
func hasClause(s string) bool {
	if labelStart(s) >= 0 {
		return true
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '（' || r == '(' {
			if end := matchParen(s, i); end > 0 {
				if _, ok := parseClause(s[i+size : end-closeSize(s, end)]); ok {
					return true
				}
				i = end
				continue
			}
		}
		i += size
	}
	return false
}

// parseClause reads the inside of a clause. ok is false when the text
// names no responsibility, as in 海峡两岸产业合作区（湖南）.
func parseClause(body string) (rawClause, bool) {
	var c rawClause
	body = strings.TrimSpace(body)
	if body == "" || utf8.RuneCountInString(body) > 600 {
		return c, false
	}
	roles := 0
	var pending []string
	for _, part := range splitParts(body) {
		part = strings.TrimSpace(strings.TrimRight(part, "。. "))
		if part == "" {
			continue
		}
		if m := labelAtStart(part); m != nil {
			label := part[m[2]:m[3]]
			value := strings.TrimSpace(part[m[1]:])
			if role, ok := labelRoles[label]; ok {
				names := append(pending, splitNames(value)...)
				pending = nil
				c.add(role, names)
				roles++
			} else if value != "" {
				c.addDeadline(value)
			}
			continue
		}
		if role, names, ok := roleOf(part); ok {
			c.add(role, append(pending, splitNames(names)...))
			pending = nil
			roles++
			continue
		}
		if isDeadline(part) {
			c.addDeadline(part)
			continue
		}
		pending = append(pending, splitNames(part)...)
	}
	if len(pending) > 0 {
		if roles == 0 {
			return c, false
		}
		// names left without a keyword share the clause's co role
		c.add(RoleCo, pending)
	}
	return c, roles > 0
}

func (c *rawClause) add(role Role, names []string) {
	c.parts = append(c.parts, rawPart{role, names})
}

func (c *rawClause) addDeadline(s string) {
	if c.deadline != "" {
		c.deadline += "，"
	}
	c.deadline += s
}

// roleOf splits "省发展改革委、省财政厅等按职责分工负责" into its role and
// names. The names part must be non-empty and look like names.
func roleOf(part string) (Role, string, bool) {
	for _, s := range roleSuffixes {
		if strings.HasSuffix(part, s.word) {
			names := strings.TrimSpace(strings.TrimSuffix(part, s.word))
			names = strings.TrimSuffix(names, "等")
			names = strings.TrimPrefix(names, "由")
			if names == "" || !looksLikeNames(names) {
				return "", "", false
			}
			return s.role, names, true
		}
	}
	return "", "", false
}

// looksLikeNames rejects prose that happens to end with 负责 or 参与:
// names are short, Han-led and carry no sentence punctuation.
func looksLikeNames(s string) bool {
	if strings.ContainsAny(s, "。；;！？“”") {
		return false
	}
	for _, n := range splitNames(s) {
		if utf8.RuneCountInString(n) > 40 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(n)
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// splitParts cuts a clause at ，；, ; outside nested parentheses.
func splitParts(body string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range body {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			if depth > 0 {
				depth--
			}
		case '，', '；', ',', ';':
			if depth == 0 {
				parts = append(parts, body[start:i])
				start = i + utf8.RuneLen(r)
			}
		}
	}
	return append(parts, body[start:])
}

// splitNames splits a list of names on 、 and 及 and drops 等.
func splitNames(s string) []string {
	s = strings.ReplaceAll(s, "以及", "、")
	var out []string
	for _, n := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '及' }) {
		n = strings.TrimSpace(n)
		n = strings.TrimSuffix(n, "等")
		n = strings.TrimPrefix(n, "由")
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

var (
	placeTypes   = []string{"自治州", "自治县", "市", "州", "县", "区", "盟", "旗"}
	orgSuffixes  = []string{"人民政府", "政府", "党委和政府", "管委会"}
	orgEndings   = "厅局委办部会院心团司行所社台站处联协组馆室队署关府"
	typeEndingsE = []string{"自治州", "自治县", "市", "县", "区", "盟", "旗"}
)

// expandSuffix gives the bare place names that precede a local
// government's name the same suffix: 长沙、株洲市人民政府 gives 长沙市人民政府
// and 株洲市人民政府; 岳阳市、湘西自治州人民政府 gives 岳阳市人民政府 and
// 湘西自治州人民政府. A name the directory knows is never a bare place.
func expandSuffix(names []string, known func(string) bool) []string {
	if len(names) < 2 {
		return names
	}
	last := names[len(names)-1]
	var suffix, ptype string
	for _, s := range orgSuffixes {
		if strings.HasSuffix(last, s) {
			suffix = s
			place := strings.TrimSuffix(last, s)
			for _, t := range placeTypes {
				if strings.HasSuffix(place, t) && utf8.RuneCountInString(place) > utf8.RuneCountInString(t) {
					ptype = t
					break
				}
			}
			break
		}
	}
	if suffix == "" || ptype == "" {
		return names
	}
	out := append([]string(nil), names...)
	for i := len(out) - 2; i >= 0; i-- {
		e := out[i]
		if !barePlace(e) || (known != nil && known(e)) {
			break
		}
		if hasAnySuffix(e, typeEndingsE) {
			out[i] = e + suffix
		} else {
			out[i] = e + ptype + suffix
		}
	}
	return out
}

// barePlace is a short all-Han name with no organisation ending, and not
// a provincial body: 长沙, 岳阳市, 湘西自治州.
func barePlace(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 8 || isGroup(s) || strings.HasPrefix(s, "省") || hasAnySuffix(s, orgSuffixes) {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(orgEndings, last)
}

func hasAnySuffix(s string, list []string) bool {
	for _, x := range list {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// isAll is true for the names that mean every dept: 各部门单位, 各部门, 各单位.
func isAll(name string) bool {
	return strings.HasPrefix(name, "各") && (strings.Contains(name, "部门") || strings.HasSuffix(name, "单位")) && !strings.Contains(name, "政府")
}

// isGroup is true for generic references that are not depts.
func isGroup(name string) bool {
	for _, w := range []string{"有关", "相关", "成员单位", "其他", "其它", "领导同志"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	// leaders, not bodies: 分管副省长, 协管副秘书长
	for _, w := range []string{"省长", "市长", "县长", "秘书长", "书记", "主任"} {
		if strings.HasSuffix(name, w) {
			return true
		}
	}
	return strings.HasPrefix(name, "各")
}

// buildTasks turns an item's segments into tasks.
func (p *parser) buildTasks(it *itemAcc) {
	var pending strings.Builder
	pendingLine := 0
	sub := ""
	ord := 0
	segs := mergeLabels(it.segs)
	for i, s := range segs {
		if s.clause == "" {
			p.addText(it, s, &pending, &pendingLine, &sub)
			continue
		}
		body := s.clause
		if !s.labels {
			body = clauseBody(body)
		}
		c, ok := parseClause(body)
		if !ok {
			// a deadline beside the clause before it
			if n := len(it.Tasks); n > 0 && strings.TrimSpace(pending.String()) == "" {
				t := &it.Tasks[n-1]
				if t.Deadline != "" {
					t.Deadline += "，"
				}
				t.Deadline += strings.TrimSpace(body)
				t.Clause += s.clause
				continue
			}
			pending.WriteString(s.clause)
			continue
		}
		ord++
		text := cleanTaskText(pending.String())
		t := Task{ID: it.idPrefix + "." + strconv.Itoa(ord), Item: it.Number, Sub: sub, Text: text, Clause: s.clause, Line: s.line, Deadline: c.deadline}
		p.resolve(&t, c, s.line)
		if text == "" {
			if i == 0 || segs[i-1].clause != "" {
				p.warn(s.line, it.Number, "clause-without-text", "task", t.ID, "clause", s.clause)
			}
		}
		it.Tasks = append(it.Tasks, t)
		pending.Reset()
		pendingLine = 0
		sub = ""
	}
	if rest := cleanTaskText(pending.String()); rest != "" && !onlyPunct(rest) {
		ord++
		t := Task{ID: it.idPrefix + "." + strconv.Itoa(ord), Item: it.Number, Sub: sub, Text: rest, Line: pendingLine}
		if len(it.Tasks) == 0 {
			p.warn(pendingLine, it.Number, "item-without-dept", "item", it.Number)
		} else {
			p.warn(pendingLine, it.Number, "text-without-dept", "task", t.ID, "item", it.Number)
		}
		it.Tasks = append(it.Tasks, t)
	}
}

// addText appends a text segment to the pending task text, starting a new
// sub-item at each circled marker ①…⑳.
func (p *parser) addText(it *itemAcc, s segment, pending *strings.Builder, pendingLine *int, sub *string) {
	text := s.text
	for text != "" {
		i, marker := nextCircled(text)
		if i < 0 {
			if *pendingLine == 0 && strings.TrimSpace(text) != "" {
				*pendingLine = s.line
			}
			pending.WriteString(text)
			return
		}
		pending.WriteString(text[:i])
		if *sub == "" {
			// what comes before the first sub-item introduces them all
			if lead := cleanTaskText(pending.String()); lead != "" {
				it.leadText = lead
			}
			pending.Reset()
			*sub = marker
			*pendingLine = s.line
		} else if strings.TrimSpace(pending.String()) == "" {
			*sub = marker
		} else {
			pending.WriteString(marker)
		}
		text = text[i+len(marker):]
	}
}

func nextCircled(s string) (int, string) {
	for i, r := range s {
		if r >= '①' && r <= '⑳' {
			return i, string(r)
		}
	}
	return -1, ""
}

// mergeLabels joins consecutive 牵头单位：…/责任单位：… segments into one
// clause.
func mergeLabels(segs []segment) []segment {
	var out []segment
	for _, s := range segs {
		if s.labels && len(out) > 0 && out[len(out)-1].labels {
			prev := &out[len(out)-1]
			prev.clause += "；" + s.clause
			continue
		}
		if s.clause == "" && strings.TrimSpace(s.text) == "" {
			continue
		}
		out = append(out, s)
	}
	return out
}

func clauseBody(c string) string {
	_, first := utf8.DecodeRuneInString(c)
	_, last := utf8.DecodeLastRuneInString(c)
	if len(c) < first+last {
		return ""
	}
	return c[first : len(c)-last]
}

func cleanTaskText(s string) string {
	s = strings.TrimSpace(s)
	return strings.TrimSpace(strings.TrimLeft(s, "，,、；;：: "))
}

func onlyPunct(s string) bool {
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// resolve expands and canonicalises a clause's names into the task's
// roles. Leads are taken first, then respective, then co, so a dept named
// twice keeps its strongest role.
func (p *parser) resolve(t *Task, c rawClause, line int) {
	for _, r := range []struct {
		into *[]string
		role Role
	}{{&t.Lead, RoleLead}, {&t.Respective, RoleRespective}, {&t.Co, RoleCo}} {
		for _, part := range c.parts {
			if part.role != r.role {
				continue
			}
			for _, n := range expandSuffix(part.names, p.dir.known) {
				switch {
				case isAll(n):
					t.All = true
				case isGroup(n):
					t.Groups = appendUnique(t.Groups, n)
					p.noteGroup(n)
				default:
					canon := p.canonical(n, line, t.Item)
					if !contains(t.Lead, canon) && !contains(t.Respective, canon) && !contains(t.Co, canon) {
						*r.into = append(*r.into, canon)
					}
				}
			}
		}
	}
}

func appendUnique(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	return append(list, s)
}

func (p *parser) noteGroup(n string) {
	if !contains(p.groups, n) {
		p.groups = append(p.groups, n)
	}
}
