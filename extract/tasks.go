package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// buildTasks turns an item's segments into tasks: each clause closes one
// task, whose text is the text since the previous clause.
func (p *parser) buildTasks(it *itemAcc) {
	var pending, pendingRaw strings.Builder
	pendingLine := 0
	sub := ""
	ord := 0
	above := 0 // the first task a clause governing the tasks before it reaches
	segs := mergeLabels(it.segs, p.vocab)
	// under a heading that names the lead unit, each numbered line is a
	// task, and a label line after them governs them all
	underHeading := false
	if d := p.itemDeptHeading(segs, it.Line); d != nil {
		// （一）省编办牵头的工作, then its tasks: the heading's units lead
		// every task under it, as a section's heading does
		it.dept = d
		segs = segs[1:]
		underHeading = true
	}
	flushText := func() {
		if strings.TrimSpace(pending.String()) != "" {
			ord++
			it.Tasks = append(it.Tasks, p.textTask(it, ord, sub, cleanTaskText(pendingRaw.String()), cleanTaskText(pending.String()), pendingLine))
			pending.Reset()
			pendingRaw.Reset()
			pendingLine = 0
			sub = ""
		}
	}
	for i, s := range segs {
		if s.clause == "" {
			if underHeading && reSubTask.MatchString(s.text) {
				flushText() // 2.积极稳妥地推进乡镇机构改革。
			}
			p.addText(it, s, &pending, &pendingRaw, &pendingLine, &sub)
			continue
		}
		body := s.clause
		if !s.labels {
			body = clauseBody(body)
		}
		c, ok := p.segmentClause(s, body)
		if !ok {
			// a deadline beside the clause before it
			if n := len(it.Tasks); n > 0 && strings.TrimSpace(pending.String()) == "" {
				t := &it.Tasks[n-1]
				if len(t.Deadline) < maxDeadline {
					// bounded: a line of thousands would be joined at
					// the square of its length
					if t.Deadline != "" {
						t.Deadline += "，"
					}
					t.Deadline += strings.TrimSpace(p.written(s.line, body))
					t.Clause += p.written(s.line, s.clause)
				}
				continue
			}
			pending.WriteString(s.clause)
			pendingRaw.WriteString(p.written(s.line, s.clause))
			continue
		}
		if s.govern != 0 {
			// 4项目标的责任单位均为市发展改革委。: the items before it
			flushText()
			p.governItems(it, c, s)
			above = len(it.Tasks)
			continue
		}
		if underHeading && s.labels {
			// 协同单位：… after the tasks under （三）省编办牵头的工作
			flushText()
			p.governTasks(it, above, c, s)
			above = len(it.Tasks)
			continue
		}
		if p.vocab.aboveSubject(strings.TrimSpace(body)) > 0 {
			// 以上工作由市发改委牵头，各乡镇配合。: the tasks before it, the
			// text since the last clause included
			flushText()
			p.governAbove(it, above, c, s)
			above = len(it.Tasks)
			continue
		}
		if s.labels && it.dept != nil && it.dept == p.subDept {
			// （二）省编办牵头的工作 / 1.… / 2.… / 协同单位：…: the label
			// after its items governs those above it that name no unit
			// of their own
			p.governHeadingItems(it, c, s)
		}
		if s.labels && i > 0 && segs[i-1].line != s.line && i == len(segs)-1 && p.runUnitless(it) {
			// 1.… / 2.… / 3.… / 责任单位：X: a label on a line of its own
			// closing a run of items that name no unit is the run's, as
			// 以上工作由X负责 would be
			p.governBack(it, p.giver(it, c, s), -1, it.sub != "")
		}
		if it.sub != "" && !s.labels && ord == 0 && i > 0 && segs[i-1].line != s.line && i == len(segs)-1 {
			// 1.完善应急预案体系 / (1)… / (2)… / (3)… / (责任单位：…): a
			// clause on a line of its own after points that name no unit
			// closes the sub-heading's, all of them
			p.governSub(it, c, s)
		}
		if n := len(it.Tasks); n > 0 && i > 0 && segs[i-1].clause != "" && !segs[i-1].labels && !s.labels && segs[i-1].line == s.line && onlyPunct(pendingRaw.String()) {
			// （牵头单位：X）（责任单位：Y）: a clause right after the task's
			// clause, no text between, is more of it
			t := &it.Tasks[n-1]
			t.Clause += p.written(s.line, s.clause)
			if c.deadline != "" && t.Deadline == "" {
				t.Deadline = p.written(s.line, c.deadline)
			}
			p.resolve(it, t, c, s.line)
			pending.Reset()
			pendingRaw.Reset()
			continue
		}
		ord++
		text := cleanTaskText(pendingRaw.String())
		t := Task{ID: it.Key + "." + strconv.Itoa(ord), Item: it.Number, Sub: sub, Text: text, Clause: p.written(s.line, s.clause), Line: s.line, Deadline: p.written(s.line, c.deadline)}
		t.setFold(cleanTaskText(pending.String()))
		p.resolve(it, &t, c, s.line)
		p.remember(&t)
		if text == "" && (i == 0 || segs[i-1].clause != "") {
			p.warn(s.line, it.Number, "clause-without-text", "task", t.ID, "clause", t.Clause)
		}
		it.Tasks = append(it.Tasks, t)
		pending.Reset()
		pendingRaw.Reset()
		pendingLine = 0
		sub = ""
	}
	if rest := cleanTaskText(pendingRaw.String()); rest != "" && !onlyPunct(rest) {
		if len(it.Tasks) == 1 && it.Tasks[0].Text == "" && !it.NumberInferred && len(segs) == 2 && segs[0].clause != "" && !segs[0].labels {
			// 1.（市发改委牵头）推进……: a clause written before its text,
			// right after the item's own number, governs the text after it
			t := &it.Tasks[0]
			t.Text = rest
			t.setFold(cleanTaskText(pending.String()))
			p.dropWarning(t.Line, "clause-without-text")
			return
		}
		ord++
		t := p.textTask(it, ord, sub, rest, cleanTaskText(pending.String()), pendingLine)
		if hasUnits(t) {
			it.Tasks = append(it.Tasks, t) // its units are the heading's, or those a 下同 stated
			return
		}
		if len(it.Tasks) == 0 {
			p.warn(pendingLine, it.Number, "item-without-dept", "item", it.Number)
		} else {
			p.warn(pendingLine, it.Number, "text-without-dept", "task", t.ID, "item", it.Number)
		}
		it.Tasks = append(it.Tasks, t)
	}
}

// itemDeptHeading reads an item whose first line is only a heading that
// names its lead unit (（一）省监察厅牵头的工作) and whose tasks follow
// on lines of their own: the heading as a clause for them, or nil.
func (p *parser) itemDeptHeading(segs []segment, line int) *rawClause {
	if len(segs) < 2 || segs[0].clause == "" || segs[0].line != line || segs[1].line == line {
		return nil
	}
	h := strings.TrimRight(strings.TrimSpace(segs[0].clause), "。：:；;")
	if m := reDeptHeading.FindString(h); m != h {
		return nil
	}
	return p.deptHeading(h, line)
}

// textTask is a task of text that no clause of its own closes: it names
// what the document's conventions and its section give it, or nobody.
func (p *parser) textTask(it *itemAcc, ord int, sub, text, fold string, line int) Task {
	t := Task{ID: it.Key + "." + strconv.Itoa(ord), Item: it.Number, Sub: sub, Text: text, Line: line}
	t.setFold(fold)
	p.applyConventions(it, &t)
	return t
}

// addText appends a text segment to the pending task text, starting a new
// sub-item at each circled marker ①…⑳. The words before the first marker
// introduce the sub-items: they name the list and open the first task.
func (p *parser) addText(it *itemAcc, s segment, pending, pendingRaw *strings.Builder, pendingLine *int, sub *string) {
	text := s.text
	for text != "" {
		i, marker := nextCircled(text)
		if i < 0 {
			if *pendingLine == 0 && strings.TrimSpace(text) != "" {
				*pendingLine = s.line
			}
			pending.WriteString(text)
			pendingRaw.WriteString(p.written(s.line, text))
			return
		}
		pending.WriteString(text[:i])
		pendingRaw.WriteString(p.written(s.line, text[:i]))
		if *sub == "" {
			if lead := cleanTaskText(pending.String()); lead != "" {
				it.leadText = lead
				it.leadRaw = cleanTaskText(pendingRaw.String())
			}
			*sub = marker
			if *pendingLine == 0 {
				*pendingLine = s.line
			}
			if joinsWord(pending.String(), text[i+len(marker):]) {
				// 3个①5个: the marker stays, or two numbers would run on
				pending.WriteString(marker)
				pendingRaw.WriteString(marker)
			}
		} else if strings.TrimSpace(pending.String()) == "" {
			*sub = marker
		} else {
			pending.WriteString(marker)
			pendingRaw.WriteString(marker)
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

// segmentClause reads a clause segment: one clause, or consecutive label
// lines read one by one and merged.
func (p *parser) segmentClause(s segment, body string) (rawClause, bool) {
	if len(s.more) == 0 && len(s.as) == 0 {
		c, ok := parseClause(body, p.vocab, p.names)
		return c.at(s.line), ok
	}
	first := []segment{{clause: s.first, line: s.line}}
	if len(s.as) > 0 {
		first = first[:0]
		for _, a := range s.as {
			first = append(first, segment{clause: a, line: s.line})
		}
	}
	var c rawClause
	any := false
	for _, m := range append(first, s.more...) {
		mc, ok := parseClause(m.clause, p.vocab, p.names)
		if ok || mc.deadline != "" {
			c.merge(mc.at(m.line))
			any = any || ok
		}
	}
	return c, any
}

// governAbove gives a clause that governs the tasks before it (以上工作由
// 市发改委牵头) to the item's tasks from index from on. When it reaches the
// item's first task, the items just before it in its section that name no
// unit at all are given it too: their units were written below them.
func (p *parser) governAbove(it *itemAcc, from int, c rawClause, s segment) {
	give := p.governTasks(it, from, c, s)
	if from == 0 {
		p.governBack(it, give, -1, false)
	}
}

// governBack gives a clause, by give, to the items just before it that
// name no unit, in its section (and under its sub-heading, when sameSub):
// left of them, or all (-1).
func (p *parser) governBack(it *itemAcc, give func(*Task), left int, sameSub bool) {
	for k := len(p.items) - 1; k >= 0 && left != 0; k-- {
		prev := p.items[k]
		if prev == it {
			continue
		}
		if prev.Section != it.Section || sameSub && prev.sub != it.sub || prev.table || len(prev.Tasks) == 0 || slices.ContainsFunc(prev.Tasks, hasUnits) {
			return
		}
		for j := range prev.Tasks {
			give(&prev.Tasks[j])
		}
		left--
	}
}

// runUnitless reports whether the item just before it, in its section,
// names no unit and has tasks.
func (p *parser) runUnitless(it *itemAcc) bool {
	for k := len(p.items) - 1; k >= 0; k-- {
		prev := p.items[k]
		if prev == it {
			continue
		}
		return prev.Section == it.Section && !prev.table && len(prev.Tasks) > 0 && !slices.ContainsFunc(prev.Tasks, func(t Task) bool { return hasUnits(t) || t.Clause != "" || len(t.Groups) > 0 || t.All })
	}
	return false
}

// governSub gives clause c, on a line of its own closing item it, to the
// items just before it under the same sub-heading that name no unit.
func (p *parser) governSub(it *itemAcc, c rawClause, s segment) {
	p.governBack(it, p.giver(it, c, s), -1, true)
}

// governTasks gives clause c to the tasks of it from the task from on, and
// returns how it gives it to a task.
func (p *parser) governTasks(it *itemAcc, from int, c rawClause, s segment) func(*Task) {
	give := p.giver(it, c, s)
	for i := from; i < len(it.Tasks); i++ {
		give(&it.Tasks[i])
	}
	return give
}

// giver returns how clause c, of segment s in item it, is given to a task
// it governs: its roles merged, its text added to the task's clause.
func (p *parser) giver(it *itemAcc, c rawClause, s segment) func(*Task) {
	var extra Task
	extra.Item = it.Number
	p.resolve(nil, &extra, c, s.line)
	written := p.written(s.line, s.clause)
	give := func(t *Task) {
		mergeRoles(t, &extra)
		if t.Clause != "" {
			t.Clause += "；"
		}
		t.Clause += written
		p.unwarn(t.Line)
	}
	return give
}

// governItems gives clause c, a sentence naming the units of the items
// before it, to item it's tasks and to as many items before it as it
// counts (s.govern, it included; -1: no count), back to the last item
// that names a unit or sits in another section.
func (p *parser) governItems(it *itemAcc, c rawClause, s segment) {
	p.governBack(it, p.governTasks(it, 0, c, s), s.govern-1, false)
}

// governHeadingItems gives clause c of item it to the items before it
// under the same heading that names their lead unit, back to the first
// with a clause of its own.
func (p *parser) governHeadingItems(it *itemAcc, c rawClause, s segment) {
	var give func(*Task)
	for k := len(p.items) - 1; k >= 0; k-- {
		prev := p.items[k]
		if prev == it {
			continue
		}
		if prev.sub != it.sub || prev.dept != it.dept || prev.table || slices.ContainsFunc(prev.Tasks, func(t Task) bool { return t.Clause != "" }) {
			return
		}
		if give == nil {
			give = p.giver(it, c, s)
		}
		for j := range prev.Tasks {
			give(&prev.Tasks[j])
		}
	}
}

// reSubTask opens a numbered task under an item: 1. 2、 （1）.
var reSubTask = lazyRE(`^\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)])`)

// unwarn voids the text- and item-without-dept warnings of a line: a
// later clause gave its task units, or its item is no task.
func (p *parser) unwarn(line int) {
	if p.unwarned == nil {
		p.unwarned = map[int]bool{}
	}
	p.unwarned[line] = true
}

// hasUnits reports whether t names a unit, or all units.
func hasUnits(t Task) bool {
	return len(t.Lead) > 0 || len(t.Co) > 0 || len(t.Respective) > 0 || t.All
}

// mergeLabels joins consecutive 牵头单位：…/责任单位：… segments into one
// clause. A clause that governs the tasks before it (以上工作由…) stays
// apart.
func mergeLabels(segs []segment, v *Vocabulary) []segment {
	var out []segment
	for _, s := range segs {
		if s.labels && len(out) > 0 && out[len(out)-1].labels && v.aboveSubject(s.clause) == 0 {
			prev := &out[len(out)-1]
			if len(prev.more) == 0 {
				prev.first = prev.clause
			}
			prev.more = append(prev.more, s)
			continue
		}
		if s.clause == "" && s.text == "" {
			continue
		}
		out = append(out, s)
	}
	// the merged clause, joined once (joined line by line, a run of
	// label lines cost the square of its length)
	for i := range out {
		if s := &out[i]; len(s.more) > 0 {
			parts := make([]string, 0, len(s.more)+1)
			parts = append(parts, s.first)
			for _, m := range s.more {
				parts = append(parts, m.clause)
			}
			s.clause = strings.Join(parts, "；")
		}
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

// cleanTaskText trims a task's text of the marks that joined it to the
// words around it: a comma before a role sentence after it (粮食产量稳定在
// 30万吨以上，由县农业农村局负责。) and the punctuation that ends a line's
// previous clause.
func cleanTaskText(s string) string {
	s = strings.TrimSpace(s)
	// a bullet before the label that closed the task (改革开放。★牵头单位：) is not its text
	return strings.TrimSpace(strings.TrimRight(strings.TrimLeft(s, "，,、；;：:。 "), "，,、 "+inlineBullets))
}

// joinTitles joins a leader's title to the name after it, as the value
// of 责任领导：常务副市长 张三 means one leader, 常务副市长张三: a name
// ending in a leader's title, then a short name that does not.
func joinTitles(names []name, v *Vocabulary) []name {
	var out []name
	for i := 0; i < len(names); i++ {
		n := names[i]
		if i+1 < len(names) && v.isLeader(n.folded) {
			if next := names[i+1]; !v.isLeader(next.folded) && utf8.RuneCountInString(next.folded) <= 4 {
				n = name{folded: n.folded + next.folded, written: n.written + next.written}
				i++
			}
		}
		out = append(out, n)
	}
	return out
}

func onlyPunct(s string) bool {
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// resolve is stage 7 for one task: it expands and canonicalises a
// clause's names into the task's roles, leaders and groups, and applies
// the document's stated conventions. Leads are taken first, then
// respective, then co, so a dept named twice keeps its strongest role.
func (p *parser) resolve(it *itemAcc, t *Task, c rawClause, line int) {
	// conventions a clause states hold from that clause on
	if c.conv.firstIsLead {
		p.conv.firstIsLead, p.conv.firstOfMany = true, c.conv.firstOfMany
	}
	if c.conv.groupWithLead != "" {
		p.conv.groupWithLead = c.conv.groupWithLead
	}
	for _, g := range c.conv.sticky {
		if !contains(p.conv.sticky, g) {
			p.conv.sticky = append(p.conv.sticky, g)
		}
	}
	hasLead := false
	for _, part := range c.parts {
		if part.role == RoleLead {
			hasLead = true
		}
	}
	coSeen := false // a unit of the clause was taken as co
	for _, r := range []struct {
		into *[]string
		role Role
	}{{&t.Lead, RoleLead}, {&t.Respective, RoleRespective}, {&t.Co, RoleCo}, {&t.Leaders, roleLeader}} {
		for _, part := range c.parts {
			if part.role != r.role {
				continue
			}
			into := r.into
			names := p.expandNames(part)
			if r.role == roleLeader {
				names = joinTitles(names, p.vocab)
			}
			for _, n := range names {
				if r.role != roleLeader && p.vocab.isSame(n.folded) {
					p.sameAsBefore(t, r.role, hasLead)
					continue
				}
				switch {
				case !strings.ContainsFunc(n.folded, unicode.IsLetter):
					continue // 31000, a figure a table's column put here: no unit, no leader
				case r.role == roleLeader || p.vocab.isLeader(n.folded):
					t.Leaders = appendUnique(t.Leaders, n.written)
					p.noteLeader(n.written)
					continue
				case isAll(n.folded) && (r.role != RoleCo || !hasLead):
					t.All = true
					continue
				case isAll(n.folded):
					// 省发展改革委牵头，各地、各部门配合: every dept works with
					// the lead, a group a clerk keeps as written; every dept
					// is responsible only with no lead named (各部门单位分别负责)
					t.Groups = appendUnique(t.Groups, n.written)
					p.noteGroup(n.written)
					continue
				case p.vocab.isGroupWord(n.folded) || !unitLike(n.folded, p.names) && groupish(n.folded):
					t.Groups = appendUnique(t.Groups, n.written)
					p.noteGroup(n.written)
					continue
				}
				if utf8.RuneCountInString(n.folded) < 2 || emptyCell(n.folded) {
					continue // 市: no name has one character (a page cut after it); 配合单位：暂无
				}
				if proseName(n.folded) && !unitLike(n.folded, p.names) {
					continue // 牵头单位：市人社局，确保取得实效: words of the task, kept in its clause, no unit
				}
				canon := p.canonical(n, line, t.Item)
				if contains(t.Lead, canon) || contains(t.Respective, canon) || contains(t.Co, canon) {
					continue
				}
				dst := into
				if r.role == RoleCo && !coSeen && !hasLead && p.conv.firstIsLead && (len(part.names) > 1 || !p.conv.firstOfMany) {
					// 列第一位的为牵头单位: the clause's first unit leads (of
					// two or more, where the convention says so)
					dst = &t.Lead
				}
				coSeen = coSeen || r.role == RoleCo
				*dst = append(*dst, canon)
			}
		}
	}
	if c.conv.below && it != nil {
		below := rolesOf(t)
		p.applyConventions(it, t)
		p.conv.below = &below
		return
	}
	p.applyConventions(it, t)
}

// sameAsBefore gives t the units of the task before it for a 同上 read
// with role: its leads for a lead, its co units and groups for a co (and
// its leads too, when t's clause names no lead: a bare （同上）), its
// respective units for a respective.
func (p *parser) sameAsBefore(t *Task, role Role, hasLead bool) {
	prev := p.before
	var from Task
	switch role {
	case RoleLead:
		from.Lead = prev.Lead
	case RoleRespective:
		from.Respective = prev.Respective
	case RoleCo:
		from.Co, from.Groups, from.All = prev.Co, prev.Groups, prev.All
		if !hasLead {
			from.Lead, from.Respective = prev.Lead, prev.Respective
		}
	}
	mergeRoles(t, &from)
}

// remember keeps a copy of the roles of the task just made, for a 同上 in
// the next.
func (p *parser) remember(t *Task) {
	p.before = rolesOf(t)
}

// rolesOf is a copy of t's units and groups, which later tasks may be given.
func rolesOf(t *Task) Task {
	return Task{Lead: slices.Clone(t.Lead), Co: slices.Clone(t.Co), Respective: slices.Clone(t.Respective), Groups: slices.Clone(t.Groups), All: t.All}
}

// applyConventions adds what the document's stated conventions and the
// section's heading give every task: 有关部门 beside a named lead, a group
// stated for all tasks (下同), the section's leader.
func (p *parser) applyConventions(it *itemAcc, t *Task) {
	if it != nil && it.dept != nil && !t.All {
		// 一、市发展改革委牵头的重点工作: the heading's units lead a task
		// that names no lead; 一、市教育局（12项）: they are every task's
		// responsible units
		noLead := len(t.Lead) == 0
		for _, part := range it.dept.parts {
			if part.role == RoleLead && !noLead {
				continue
			}
			for _, n := range p.expandNames(part) {
				canon := p.canonical(n, part.line, t.Item)
				if part.role != RoleLead {
					if !contains(t.Lead, canon) && !contains(t.Co, canon) {
						t.Co = append(t.Co, canon)
					}
					continue
				}
				if !contains(t.Lead, canon) {
					t.Lead = append(t.Lead, canon)
				}
				if i := indexOf(t.Co, canon); i >= 0 {
					t.Co = append(t.Co[:i], t.Co[i+1:]...)
				}
			}
		}
	}
	if it != nil && it.sect != nil {
		// 一、稳增长（牵头单位：市发改委）: the heading's units share every task
		// of the section, beside its own
		var extra Task
		extra.Item = t.Item
		p.resolve(nil, &extra, *it.sect, t.Line)
		mergeRoles(t, &extra)
	}
	if p.conv.below != nil && !hasUnits(*t) {
		mergeRoles(t, p.conv.below) // 下同 on a clause before
	}
	if p.conv.defaults != nil && it != nil {
		// 除特别注明的外，…都是配合单位: every task's, beside its own
		var extra Task
		extra.Item = t.Item
		p.resolve(nil, &extra, *p.conv.defaults, t.Line)
		mergeRoles(t, &extra)
	}
	if p.conv.groupWithLead != "" && len(t.Lead) > 0 {
		t.Groups = appendUnique(t.Groups, p.conv.groupWithLead)
		p.noteGroup(p.conv.groupWithLead)
	}
	for _, g := range p.conv.sticky {
		t.Groups = appendUnique(t.Groups, g)
		p.noteGroup(g)
	}
	if it != nil && it.leader != "" && len(t.Leaders) == 0 {
		t.Leaders = append(t.Leaders, it.leader)
	}
}

// proseWords mark a sentence, not a body's name, in a clause's list:
// 确保取得实效, 局办公室将该项工作列入督查范围.
var proseWords = []string{"确保", "将", "列入", "取得", "做好", "抓好", "加强", "加快", "推动", "进行", "实现", "按照", "根据", "要求", "必须", "不断", "切实", "认真"}

// proseName reports whether a name in a clause's list reads as prose.
func proseName(n string) bool {
	for _, w := range proseWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// groupish is a generic reference: 市直各部门, 各乡、镇人民政府.
func groupish(n string) bool {
	if strings.Contains(n, "各") || reCountedBodies.MatchString(n) {
		return true
	}
	// a kind of body, not one: 中央驻湘单位, 金融机构, 重点企业
	for _, w := range []string{"单位", "部门", "机构", "企业", "地区", "学校", "医院", "园区", "乡镇", "街道", "县市区", "市县区"} {
		if strings.HasSuffix(n, w) {
			return true
		}
	}
	return false
}

// reCountedBodies opens a name with a count of places: 10县市人民政府,
// 13个市州 (not 五金城, a body's name).
var reCountedBodies = lazyRE(`^[0-9一二三四五六七八九十两]{1,3}(?:个|[县市区州乡镇街省盟旗])`)

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

func (p *parser) noteLeader(n string) {
	if !contains(p.leaders, n) {
		p.leaders = append(p.leaders, n)
	}
}

// setFold records the folded text of a task when it differs from Text.
func (t *Task) setFold(f string) {
	if f != t.Text && len(f) == len(t.Text) {
		t.fold = f
	}
}

// dropWarning takes back the last warning of a code at a line.
func (p *parser) dropWarning(line int, code string) {
	for i := len(p.warnings) - 1; i >= 0; i-- {
		if p.warnings[i].Line == line && p.warnings[i].Code == code {
			p.warnings = append(p.warnings[:i], p.warnings[i+1:]...)
			return
		}
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
