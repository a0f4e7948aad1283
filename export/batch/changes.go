package batch

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"

	"fengong/export"
	"fengong/extract"
)

const changesTemplate = "changes.md.tmpl"

// changeData is what templates/changes.md.tmpl renders.
type changeData struct {
	Title, Date    string
	First, None    bool
	Prev, Cur      extract.Source
	DeptsAdded     []string
	DeptsDropped   []string
	TasksAdded     []taskRef
	TasksRemoved   []taskRef
	TasksMoved     []taskMove
	TargetsChanged []targetChange
	TargetsAdded   []extract.Target
	TargetsRemoved []extract.Target
}

type taskRef struct{ ID, Text, Depts string }

type taskMove struct{ ID, Text, From, To string }

type targetChange struct{ Indicator, From, To string }

// renderChanges renders 变更.md: what changed from prev, the model of the
// previous run in DIR (nil when there is none to compare with), to cur.
// The report is made again on every run, never copied from the old pack;
// it holds nothing but the two models and opt (date, title, wording), so
// two runs on the same input over the same previous pack write the same
// bytes.
func renderChanges(prev, cur *extract.Document, opt export.Options) ([]byte, error) {
	data := diffModels(prev, cur)
	data.Title = opt.Title
	if data.Title == "" {
		data.Title = cur.Title
	}
	data.Date = opt.Date.Format("2006年1月2日")
	ts := opt.TemplateSet()
	src, err := ts.ReadFile(changesTemplate)
	if err != nil {
		return nil, err
	}
	t, err := template.New(changesTemplate).Funcs(template.FuncMap{
		"join":  strings.Join,
		"short": func(s string) string { return s[:min(12, len(s))] },
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

// diffModels lists what changed from prev to cur. Tasks are matched by
// their text, so renumbered items do not show as changes.
func diffModels(prev, cur *extract.Document) changeData {
	d := changeData{Cur: cur.Source}
	if prev == nil {
		d.First = true
		return d
	}
	d.Prev = prev.Source
	had := map[string]bool{}
	for _, x := range prev.Depts {
		had[x.Name] = true
	}
	has := map[string]bool{}
	for _, x := range cur.Depts {
		has[x.Name] = true
		if !had[x.Name] {
			d.DeptsAdded = append(d.DeptsAdded, x.Name)
		}
	}
	for _, x := range prev.Depts {
		if !has[x.Name] {
			d.DeptsDropped = append(d.DeptsDropped, x.Name)
		}
	}

	oldTasks := tasksByText(prev)
	newTasks := tasksByText(cur)
	for _, t := range allTasks(cur) {
		o, ok := oldTasks[taskKey(t)]
		switch {
		case !ok:
			d.TasksAdded = append(d.TasksAdded, taskRef{t.ID, shown(t), t.Summary()})
		case o.Summary() != t.Summary():
			d.TasksMoved = append(d.TasksMoved, taskMove{t.ID, shown(t), o.Summary(), t.Summary()})
		}
	}
	for _, t := range allTasks(prev) {
		if _, ok := newTasks[taskKey(t)]; !ok {
			d.TasksRemoved = append(d.TasksRemoved, taskRef{t.ID, shown(t), t.Summary()})
		}
	}

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
	d.None = len(d.DeptsAdded)+len(d.DeptsDropped)+len(d.TasksAdded)+len(d.TasksRemoved)+len(d.TasksMoved)+
		len(d.TargetsChanged)+len(d.TargetsAdded)+len(d.TargetsRemoved) == 0
	return d
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

func tasksByText(doc *extract.Document) map[string]*extract.Task {
	m := map[string]*extract.Task{}
	for _, t := range allTasks(doc) {
		if _, dup := m[taskKey(t)]; !dup {
			m[taskKey(t)] = t
		}
	}
	return m
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

// targetKey identifies a target across runs by its indicator and how many
// targets before it share that indicator, so 产量 in two items stays two.
func targetKey(ts []extract.Target, i int) string {
	n := 0
	for _, t := range ts[:i] {
		if t.Indicator == ts[i].Indicator {
			n++
		}
	}
	return fmt.Sprintf("%s#%d", ts[i].Indicator, n)
}

func targetsByIndicator(ts []extract.Target) map[string]extract.Target {
	m := make(map[string]extract.Target, len(ts))
	for i, t := range ts {
		m[targetKey(ts, i)] = t
	}
	return m
}
