package batch

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"path"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"unicode"

	"fengong/export"
	"fengong/extract"
	"fengong/templates"
)

// The change report's templates: 变更.md and 变更.html, rendered from the
// same changeData.
const (
	changesTemplate     = "changes.md.tmpl"
	changesHTMLTemplate = "changes.html.tmpl"
)

// changeData is what templates/changes.md.tmpl and changes.html.tmpl
// render.
type changeData struct {
	Title, Date     string
	First, None     bool
	Prev, Cur       extract.Source
	DeptsAdded      []string
	DeptsDropped    []string
	DeptsRenamed    []deptRename
	TasksAdded      []taskRef
	TasksRemoved    []taskRef
	TasksEdited     []taskEdit
	TasksSplit      []taskSplit
	TasksMoved      []taskMove
	TasksRenumbered []taskRenumber
	TargetsChanged  []targetChange
	TargetsAdded    []extract.Target
	TargetsRemoved  []extract.Target
	// Resend are the depts of the new document whose own files (brief,
	// workbook) read differently from last time, in the document's dept
	// order: they must be sent their files again.
	Resend []string
}

type taskRef struct{ ID, Text, Depts string }

// taskMove is a task whose depts changed.
type taskMove struct{ ID, Text, From, To string }

// taskEdit is a task whose text was edited: Diff marks the changed words.
type taskEdit struct {
	ID, OldID, Depts, OldDepts string
	Diff                       []diffSpan
}

// taskSplit is an old task that became several new ones.
type taskSplit struct {
	OldID, OldText string
	Parts          []taskRef
}

// taskRenumber is an unchanged task under another number.
type taskRenumber struct{ From, To, Text string }

type deptRename struct{ From, To string }

type targetChange struct{ Indicator, From, To string }

// diffSpan is a run of text kept, deleted (Op '-') or inserted ('+').
type diffSpan struct {
	Op   byte // ' ', '-', '+'
	Text string
}

// Kept, Del and Ins let the templates test a span's kind.
func (s diffSpan) Kept() bool { return s.Op == ' ' }
func (s diffSpan) Del() bool  { return s.Op == '-' }
func (s diffSpan) Ins() bool  { return s.Op == '+' }

// renderChangeReports renders 变更.md and 变更.html, from one comparison
// of prev, the model of the previous run in DIR (nil when there is none to
// compare with), with cur. The reports are made again on every run, never
// copied from the old pack; they hold nothing but the two models and opt
// (date, title, wording), so two runs on the same input over the same
// previous pack write the same bytes.
func renderChangeReports(prev, cur *extract.Document, opt export.Options) (md, page []byte, err error) {
	data, err := changeReportData(prev, cur, opt)
	if err != nil {
		return nil, nil, err
	}
	if md, err = changesMarkdown(data, opt); err != nil {
		return nil, nil, err
	}
	if page, err = changesPage(data, opt); err != nil {
		return nil, nil, err
	}
	return md, page, nil
}

// changesMarkdown writes the report as 变更.md.
func changesMarkdown(data changeData, opt export.Options) ([]byte, error) {
	ts := opt.TemplateSet()
	src, err := ts.ReadFile(changesTemplate)
	if err != nil {
		return nil, err
	}
	t, err := template.New(changesTemplate).Funcs(template.FuncMap{
		"join":  strings.Join,
		"short": func(s string) string { return s[:min(12, len(s))] },
		"diff":  markdownDiff,
	}).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", ts.Origin(changesTemplate), err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("template %s: %w", ts.Origin(changesTemplate), err)
	}
	return buf.Bytes(), nil
}

// changesHTMLName is where 变更.html goes: beside the Markdown report,
// under the same name.
func changesHTMLName(md string) string {
	return strings.TrimSuffix(md, path.Ext(md)) + ".html"
}

// changesPage writes the report as 变更.html.
func changesPage(data changeData, opt export.Options) ([]byte, error) {
	ts := opt.TemplateSet()
	src, err := ts.ReadFile(changesHTMLTemplate)
	if err != nil {
		return nil, err
	}
	t, err := htmltemplate.New(changesHTMLTemplate).Funcs(htmltemplate.FuncMap{
		"join":  strings.Join,
		"short": func(s string) string { return s[:min(12, len(s))] },
	}).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", ts.Origin(changesHTMLTemplate), err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("template %s: %w", ts.Origin(changesHTMLTemplate), err)
	}
	return buf.Bytes(), nil
}

func changeReportData(prev, cur *extract.Document, opt export.Options) (changeData, error) {
	m, err := templates.LoadMessages(opt.TemplateSet())
	if err != nil {
		return changeData{}, err
	}
	data := diffModels(prev, opt.IndexOf(cur), newSummarizer(m))
	data.Title = opt.TitleOr(cur.Title)
	data.Date = opt.DateText()
	return data, nil
}

// summarizer writes a task's responsibility as the report shows it.
type summarizer func(t *extract.Task) string

func newSummarizer(m templates.Messages) summarizer {
	return func(t *extract.Task) string { return export.Responsibility(t, m) }
}

// markdownDiff writes a text diff for Markdown: deleted words ~~struck
// through~~, inserted words **in bold**.
func markdownDiff(spans []diffSpan) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case '-':
			b.WriteString("~~" + s.Text + "~~")
		case '+':
			b.WriteString("**" + s.Text + "**")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// The similarity from which an unmatched new task counts as an edit of an
// unmatched old one, and from which two consecutive new tasks count as a
// split of one old task.
const (
	editSimilarity  = 0.5
	splitSimilarity = 0.75
)

// diffModels lists what changed from prev to cur, the model cx indexes
// (the run's own index: made once per run). Tasks are matched first
// by their text (so renumbered items are only renumbered), then an old task
// split into two consecutive new ones, then the remaining old and new
// tasks pairwise by similarity of their text, most similar first: a
// matched pair with different text is an edit, whose changed words are
// marked. What is left is added or removed.
func diffModels(prev *extract.Document, cx *extract.Index, summary summarizer) changeData {
	cur := cx.Document()
	d := changeData{Cur: cur.Source}
	if prev == nil {
		d.First = true
		return d
	}
	d.Prev = prev.Source

	oldTasks, newTasks := allTasks(prev), allTasks(cur)
	match := make([]int, len(newTasks)) // new task → old task, -1 none
	oldUsed := make([]bool, len(oldTasks))
	for i := range match {
		match[i] = -1
	}
	byText := map[string]int{}
	for i, t := range oldTasks {
		if _, dup := byText[taskKey(t)]; !dup {
			byText[taskKey(t)] = i
		}
	}
	for i, t := range newTasks {
		if o, ok := byText[taskKey(t)]; ok && !oldUsed[o] {
			match[i], oldUsed[o] = o, true
		}
	}
	// splits: one unmatched old task, two consecutive unmatched new ones
	split := make([]bool, len(newTasks))
	for o, ot := range oldTasks {
		if oldUsed[o] {
			continue
		}
		for i := 0; i+1 < len(newTasks); i++ {
			if match[i] >= 0 || match[i+1] >= 0 || split[i] || split[i+1] {
				continue
			}
			a, b := newTasks[i], newTasks[i+1]
			// the two together read like the old task, clearly more than
			// either alone does
			both := similarity(shown(ot), shown(a)+shown(b))
			if both < splitSimilarity || both < max(similarity(shown(ot), shown(a)), similarity(shown(ot), shown(b)))+0.1 {
				continue
			}
			oldUsed[o], split[i], split[i+1] = true, true, true
			d.TasksSplit = append(d.TasksSplit, taskSplit{OldID: ot.ID, OldText: shown(ot), Parts: []taskRef{
				{a.ID, shown(a), summary(a)}, {b.ID, shown(b), summary(b)},
			}})
			break
		}
	}
	// edits: the most similar pairs first; ties in document order
	type cand struct {
		n, o int
		sim  float64
	}
	var cands []cand
	for i, t := range newTasks {
		if match[i] >= 0 || split[i] {
			continue
		}
		for o, ot := range oldTasks {
			if oldUsed[o] {
				continue
			}
			if s := similarity(shown(ot), shown(t)); s >= editSimilarity {
				cands = append(cands, cand{i, o, s})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		switch {
		case a.sim > b.sim:
			return -1
		case a.sim < b.sim:
			return 1
		}
		return 0
	})
	edited := make([]bool, len(newTasks))
	for _, c := range cands {
		if match[c.n] >= 0 || oldUsed[c.o] {
			continue
		}
		match[c.n], oldUsed[c.o], edited[c.n] = c.o, true, true
	}

	for i, t := range newTasks {
		switch {
		case split[i]:
		case match[i] < 0:
			d.TasksAdded = append(d.TasksAdded, taskRef{t.ID, shown(t), summary(t)})
		case edited[i]:
			o := oldTasks[match[i]]
			d.TasksEdited = append(d.TasksEdited, taskEdit{
				ID: t.ID, OldID: o.ID, Depts: summary(t), OldDepts: summary(o),
				Diff: diffWords(shown(o), shown(t)),
			})
		default:
			o := oldTasks[match[i]]
			if summary(o) != summary(t) {
				d.TasksMoved = append(d.TasksMoved, taskMove{t.ID, shown(t), summary(o), summary(t)})
			}
			if o.ID != t.ID {
				d.TasksRenumbered = append(d.TasksRenumbered, taskRenumber{o.ID, t.ID, shown(t)})
			}
		}
	}
	for o, t := range oldTasks {
		if !oldUsed[o] {
			d.TasksRemoved = append(d.TasksRemoved, taskRef{t.ID, shown(t), summary(t)})
		}
	}

	d.DeptsAdded, d.DeptsDropped, d.DeptsRenamed = deptChanges(prev, cur, oldTasks, newTasks, match)

	oldTargets := targetsByIndicator(prev.Targets)
	newTargets := targetsByIndicator(cur.Targets)
	for i, t := range cur.Targets {
		o, ok := oldTargets[targetKey(cur.Targets, i)]
		switch {
		case !ok:
			d.TargetsAdded = append(d.TargetsAdded, t)
		case o.Text != t.Text:
			d.TargetsChanged = append(d.TargetsChanged, targetChange{t.Indicator, o.Text, t.Text})
		}
	}
	for i, t := range prev.Targets {
		if _, ok := newTargets[targetKey(prev.Targets, i)]; !ok {
			d.TargetsRemoved = append(d.TargetsRemoved, t)
		}
	}
	d.Resend = resend(prev.Index(), cx)
	d.None = len(d.DeptsAdded)+len(d.DeptsDropped)+len(d.DeptsRenamed)+len(d.TasksAdded)+len(d.TasksRemoved)+
		len(d.TasksEdited)+len(d.TasksSplit)+len(d.TasksMoved)+len(d.TasksRenumbered)+
		len(d.TargetsChanged)+len(d.TargetsAdded)+len(d.TargetsRemoved)+len(d.Resend) == 0
	return d
}

// deptChanges lists the depts added and dropped, and among them the
// renamed: a dropped dept whose matched tasks all went to one added dept.
func deptChanges(prev, cur *extract.Document, oldTasks, newTasks []*extract.Task, match []int) (added, dropped []string, renamed []deptRename) {
	had := map[string]bool{}
	for _, x := range prev.Depts {
		had[x.Name] = true
	}
	has := map[string]bool{}
	for _, x := range cur.Depts {
		has[x.Name] = true
	}
	for _, x := range cur.Depts {
		if !had[x.Name] && !slices.Contains(added, x.Name) {
			added = append(added, x.Name)
		}
	}
	for _, x := range prev.Depts {
		if !has[x.Name] && !slices.Contains(dropped, x.Name) {
			dropped = append(dropped, x.Name)
		}
	}
	renamedTo := map[string]bool{}
	var keep []string
	for _, from := range dropped {
		owned := 0
		share := map[string]int{}
		for _, t := range oldTasks {
			if slices.Contains(t.Depts(), from) {
				owned++
			}
		}
		for i, t := range newTasks {
			if match[i] < 0 || !slices.Contains(oldTasks[match[i]].Depts(), from) {
				continue
			}
			for _, n := range t.Depts() {
				if slices.Contains(added, n) {
					share[n]++
				}
			}
		}
		to := ""
		for _, n := range added { // document order breaks ties
			if !renamedTo[n] && owned > 0 && share[n] == owned && (to == "" || share[n] > share[to]) {
				to = n
			}
		}
		if to == "" {
			keep = append(keep, from)
			continue
		}
		renamedTo[to] = true
		renamed = append(renamed, deptRename{from, to})
	}
	dropped = keep
	added = slices.DeleteFunc(added, func(n string) bool { return renamedTo[n] })
	return added, dropped, renamed
}

// resend lists the depts of the model cx indexes whose own files would
// read differently from the model px indexes: their tasks (number, text,
// role, partners, deadline, section), the targets of their items, or the
// document's title.
func resend(px, cx *extract.Index) []string {
	cur := cx.Document()
	var out []string
	seen := map[string]bool{}
	for _, dp := range cur.Depts {
		if seen[dp.Name] {
			continue
		}
		seen[dp.Name] = true
		if px.Dept(dp.Name) == nil || !sameDeptView(px, cx, dp.Name) {
			out = append(out, dp.Name)
		}
	}
	return out
}

// sameDeptView reports whether what dept's files say is the same in the
// documents of a and b: the title, each of its tasks (number, text, role,
// partners, deadline, section, clause) and the targets of its items.
func sameDeptView(a, b *extract.Index, dept string) bool {
	da, db := a.Document(), b.Document()
	if da.Title != db.Title {
		return false
	}
	ta, tb := a.TasksOf(dept), b.TasksOf(dept)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		x, y := ta[i].Task, tb[i].Task
		if x.ID != y.ID || x.Text != y.Text || ta[i].Role != tb[i].Role || x.All != y.All || x.Deadline != y.Deadline || x.Clause != y.Clause ||
			!slices.Equal(x.Lead, y.Lead) || !slices.Equal(x.Co, y.Co) || !slices.Equal(x.Groups, y.Groups) || !slices.Equal(x.Respective, y.Respective) ||
			da.SectionTitle(ta[i].Item.Section) != db.SectionTitle(tb[i].Item.Section) {
			return false
		}
	}
	ga, gb := a.TargetsOf(dept), b.TargetsOf(dept)
	return slices.EqualFunc(ga, gb, func(x, y extract.Target) bool { return x.Item == y.Item && x.Text == y.Text })
}

func allTasks(doc *extract.Document) []*extract.Task {
	var out []*extract.Task
	for i := range doc.Items {
		for j := range doc.Items[i].Tasks {
			out = append(out, &doc.Items[i].Tasks[j])
		}
	}
	return out
}

// taskKey identifies a task across runs: its text, or for a task whose
// text was cut away, its clause and item.
func taskKey(t *extract.Task) string {
	if t.Text != "" {
		return t.Text
	}
	return fmt.Sprintf("%d|%s", t.Item, t.Clause)
}

func shown(t *extract.Task) string {
	if t.Text != "" {
		return t.Text
	}
	return t.Clause
}

// similarity is the Dice coefficient of the two texts' character bigrams:
// 1 for equal texts, near 0 for unrelated ones.
func similarity(a, b string) float64 {
	ga, gb := bigrams(a), bigrams(b)
	if len(ga)+len(gb) == 0 {
		return 1
	}
	common := 0
	for g, n := range ga {
		common += min(n, gb[g])
	}
	total := 0
	for _, n := range ga {
		total += n
	}
	for _, n := range gb {
		total += n
	}
	return 2 * float64(common) / float64(total)
}

func bigrams(s string) map[[2]rune]int {
	rs := []rune(s)
	m := make(map[[2]rune]int, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		m[[2]rune{rs[i], rs[i+1]}]++
	}
	return m
}

// tokens cuts a text into words for diffing: a run of digits (with its
// decimal point), a run of Latin letters, or one other character, so that
// 70万 → 72万 marks 70 and 72, not single digits.
func tokens(s string) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i + 1
		switch {
		case unicode.IsDigit(rs[i]):
			for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.' && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) {
				j++
			}
		case rs[i] < 0x80 && unicode.IsLetter(rs[i]):
			for j < len(rs) && rs[j] < 0x80 && unicode.IsLetter(rs[j]) {
				j++
			}
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

// diffWords is the word diff of a into b (longest common subsequence of
// tokens), as runs of kept, deleted and inserted text; at a change the
// deletion comes before the insertion.
func diffWords(a, b string) []diffSpan {
	x, y := tokens(a), tokens(b)
	n, m := len(x), len(y)
	// lcs[i][j]: the LCS length of x[i:] and y[j:]
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var spans []diffSpan
	add := func(op byte, s string) {
		if k := len(spans) - 1; k >= 0 && spans[k].Op == op {
			spans[k].Text += s
			return
		}
		spans = append(spans, diffSpan{op, s})
	}
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 {
			add('-', del.String())
		}
		if ins.Len() > 0 {
			add('+', ins.String())
		}
		del.Reset()
		ins.Reset()
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			flush()
			add(' ', x[i])
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			ins.WriteString(y[j])
			j++
		default:
			del.WriteString(x[i])
			i++
		}
	}
	flush()
	return spans
}

// targetKey identifies a target across runs by its indicator and how many
// targets before it share that indicator, so 产量 in two items stays two.
func targetKey(ts []extract.Target, i int) string {
	n := 0
	for _, t := range ts[:i] {
		if t.Indicator == ts[i].Indicator {
			n++
		}
	}
	return ts[i].Indicator + "#" + strconv.Itoa(n)
}

func targetsByIndicator(ts []extract.Target) map[string]extract.Target {
	m := make(map[string]extract.Target, len(ts))
	for i, t := range ts {
		m[targetKey(ts, i)] = t
	}
	return m
}
