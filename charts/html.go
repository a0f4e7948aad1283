package charts

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/url"
	"strings"

	"fengong/extract"
)

// pageTemplate lays out every HTML page. html/template escapes all it
// inserts; the only trusted HTML is the chart element and script that
// go-echarts renders from options already made safe with jsText.
//
//go:embed page.gohtml
var pageTemplate string

// renderer writes the HTML pages of one site.
type renderer struct {
	s   *site
	tpl *template.Template
}

func newRenderer(s *site) (*renderer, error) {
	tpl, err := template.New("page").Parse(pageTemplate)
	if err != nil {
		return nil, err
	}
	return &renderer{s: s, tpl: tpl}, nil
}

// pageData is what page.gohtml reads.
type pageData struct {
	W        *wording
	Font     template.CSS
	Root     string // "" for top-level pages, "../" for dept pages
	DocTitle string
	Date     string
	Source   string
	Heading  string
	Note     string
	Nav      []navLink

	// One of these is set, by the kind of page.
	Index   *indexData
	Charts  []chartHTML
	Targets *targetsData
	Dept    *deptData
}

type navLink struct {
	Href    string
	Text    string
	Current bool
}

type chartHTML struct {
	Element template.HTML
	Script  template.HTML
}

type count struct {
	N     int
	Label string
}

type deptRow struct {
	N                                int
	Name, Href, Kind                 string
	Lead, Respective, Co, All, Total int
}

type indexData struct {
	Counts []count
	Depts  []deptRow
}

type targetRow struct {
	Task, Indicator, Target, Text string
	Lead                          string // the task's responsibility in the document's words
}

type targetGroup struct {
	Label, Section string
	Rows           []targetRow
}

type targetsData struct {
	Groups []targetGroup
}

type taskRow struct {
	ID, Role, Section, Text, Deadline, Clause string
}

type deptData struct {
	Kind                             string
	Known                            bool
	Aliases                          string
	Lead, Respective, Co, All, Total int
	Tasks                            []taskRow
	Targets                          []targetRow
}

// base fills what every page has; current is the page's name for the
// navigation, root the way back to the top directory.
func (r *renderer) base(current, root, heading, note string) pageData {
	s, w := r.s, r.s.w
	d := pageData{
		W:        w,
		Font:     template.CSS(fontStack),
		Root:     root,
		DocTitle: s.title(),
		Source:   s.doc.Source.Name,
		Heading:  heading,
		Note:     note,
	}
	if !s.opt.Date.IsZero() {
		d.Date = s.opt.DateText()
	}
	for _, l := range []struct{ name, text string }{
		{IndexPage, w.Nav.Dashboard},
		{WorkloadPage, w.Nav.Workload},
		{SectionsPage, w.Nav.Sections},
		{NetworkPage, w.Nav.Network},
		{HeatmapPage, w.Nav.Heatmap},
		{TargetsPage, w.Nav.Targets},
	} {
		d.Nav = append(d.Nav, navLink{Href: root + l.name, Text: l.text, Current: l.name == current})
	}
	return d
}

func (r *renderer) execute(d pageData) ([]byte, error) {
	var b bytes.Buffer
	if err := r.tpl.ExecuteTemplate(&b, "page", d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// deptHref is the link to a dept page from a top-level page.
func (r *renderer) deptHref(name string) string {
	return DeptDir + "/" + url.PathEscape(r.s.stem[name]) + ".html"
}

func (r *renderer) index() ([]byte, error) {
	s, w := r.s, r.s.w
	d := r.base(IndexPage, "", w.Nav.Dashboard, "")
	idx := &indexData{Counts: []count{
		{len(s.doc.Items), w.Counts.Items},
		{s.doc.TaskCount(), w.Counts.Tasks},
		{len(s.depts), w.Counts.Depts},
		{len(s.doc.Targets), w.Counts.Targets},
		{len(s.doc.Warnings), w.Counts.Warnings},
	}}
	for i, dp := range s.byWorkload() {
		idx.Depts = append(idx.Depts, deptRow{
			N:          i + 1,
			Name:       dp.Name,
			Href:       r.deptHref(dp.Name),
			Kind:       w.kind(dp.Kind),
			Lead:       dp.Lead,
			Respective: dp.Respective,
			Co:         dp.Co,
			All:        dp.All,
			Total:      dp.Total(),
		})
	}
	d.Index = idx
	return r.execute(d)
}

func (r *renderer) chartPage(p chartPage) ([]byte, error) {
	d := r.base(p.name, "", p.title, p.note)
	for _, c := range p.charts {
		sn := c.chart.RenderSnippet()
		d.Charts = append(d.Charts, chartHTML{
			Element: template.HTML(sn.Element),
			Script:  template.HTML(sn.Script),
		})
	}
	return r.execute(d)
}

// targetRows lists targets for a table.
func (r *renderer) targetRows(ts []extract.Target, withLead bool) []targetRow {
	out := make([]targetRow, 0, len(ts))
	for _, t := range ts {
		row := targetRow{
			Task:      t.Task,
			Indicator: t.Indicator,
			Target:    r.s.w.targetValue(t.Op, t.Value, t.Unit),
			Text:      t.Text,
		}
		if withLead {
			if task := r.s.task(t.Item, t.Task); task != nil {
				row.Lead = task.Summary()
			}
		}
		out = append(out, row)
	}
	return out
}

func (r *renderer) targets() ([]byte, error) {
	s, w := r.s, r.s.w
	d := r.base(TargetsPage, "", w.Targets.Title, w.Targets.Note)
	td := &targetsData{}
	// Group by item in document order; targets of an item the document
	// does not have come last, in their own order.
	done := make([]bool, len(s.doc.Targets))
	for _, it := range s.doc.Items {
		var ts []extract.Target
		for i, t := range s.doc.Targets {
			if !done[i] && t.Item == it.Number {
				done[i] = true
				ts = append(ts, t)
			}
		}
		if len(ts) > 0 {
			td.Groups = append(td.Groups, targetGroup{
				Label:   w.itemLabel(it.Number),
				Section: s.doc.SectionTitle(it.Section),
				Rows:    r.targetRows(ts, true),
			})
		}
	}
	for i, t := range s.doc.Targets {
		if !done[i] {
			td.Groups = append(td.Groups, targetGroup{
				Label: w.itemLabel(t.Item),
				Rows:  r.targetRows([]extract.Target{t}, true),
			})
		}
	}
	d.Targets = td
	return r.execute(d)
}

func (r *renderer) dept(dp *extract.Dept) ([]byte, error) {
	s, w := r.s, r.s.w
	d := r.base("", "../", dp.Name, "")
	dd := &deptData{
		Kind:       w.kind(dp.Kind),
		Known:      dp.Known,
		Aliases:    strings.Join(dp.Aliases, "、"),
		Lead:       dp.Lead,
		Respective: dp.Respective,
		Co:         dp.Co,
		All:        dp.All,
		Total:      dp.Total(),
		Targets:    r.targetRows(s.doc.TargetsOf(dp.Name), false),
	}
	for _, a := range s.doc.TasksOf(dp.Name) {
		sec := s.doc.SectionTitle(a.Item.Section)
		if sec == "" {
			sec = w.Unsectioned
		}
		text := a.Task.Text
		if strings.TrimSpace(text) == "" {
			text = w.Dept.TextMissing
		}
		dd.Tasks = append(dd.Tasks, taskRow{
			ID:       a.Task.ID,
			Role:     w.role(a.Role),
			Section:  sec,
			Text:     text,
			Deadline: a.Task.Deadline,
			Clause:   a.Task.Summary(),
		})
	}
	d.Dept = dd
	return r.execute(d)
}

// task finds a task by item number and ID.
func (s *site) task(item int, id string) *extract.Task {
	return s.doc.Task(id)
}
