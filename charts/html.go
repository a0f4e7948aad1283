package charts

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"html/template"
	"net/url"
	"path"
	"slices"
	"strings"

	"fengong/extract"
	"fengong/progress"
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

	RoleCSS template.CSS // one colour per role
	// StatusCSS colours the 督办 status badges and cards; empty without
	// a snapshot
	StatusCSS template.CSS

	// One of these is set, by the kind of page.
	Index    *indexData
	Charts   []chartHTML
	Targets  *targetsData
	Dept     *deptData
	Warnings *warningsData
	Picker   *pickerData
}

// warningsData is the 待核对 page: the warnings grouped by item.
type warningsData struct {
	Total  int
	Groups []warningGroup
}

type warningGroup struct {
	Label, Section string
	Rows           []warningRow
}

type warningRow struct {
	Line    int
	Message string
}

// pickerData is the network page's dept picker: the depts drawn, in
// workload order, by their chart labels.
type pickerData struct {
	Names []string
}

// searchData is the index page's search index, written into the page as
// JSON for its script.
type searchData struct {
	Depts []searchDept `json:"depts"`
	Tasks []searchTask `json:"tasks"`
}

type searchDept struct {
	Name    string `json:"n"`
	Aliases string `json:"a,omitempty"`
	Href    string `json:"h"`
	Kind    string `json:"k"`
	Total   int    `json:"t"`
}

type searchTask struct {
	ID    string `json:"i"`
	Text  string `json:"x"`
	Depts string `json:"d"`
	Href  string `json:"h,omitempty"`
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
	Href  string
	Class string // a status's class, on the 督办 cards
}

type deptRow struct {
	N                                int
	Name, Href, Kind                 string
	Lead, Respective, Co, All, Total int
}

type indexData struct {
	Counts []count
	// Status are the 督办 cards, under StatusHeading; none without a
	// snapshot
	StatusHeading string
	Status        []count
	Depts         []deptRow
	// SearchSrc is the search data's script (SearchPage), which the
	// page's own script reads
	SearchSrc string
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
	ID, Role, RoleClass, Section, Text, Deadline, Clause string
	// the 督办 snapshot's: the task's status and why, and the dept's own
	// words on it
	Status, StatusClass, Reason, Report string
}

type fileLink struct {
	Href, Text string
}

type deptData struct {
	Files                            []fileLink
	Kind                             string
	Known                            bool
	Aliases                          string
	Lead, Respective, Co, All, Total int
	Tasks                            []taskRow
	Targets                          []targetRow
	// Progress is set with a 督办 snapshot: the period, whether the dept
	// reported, and the task table's status and report columns
	Progress *deptProgress
}

// deptProgress is a dept's standing in the period: 已报送, or 未报送 as a
// badge (StandingClass).
type deptProgress struct {
	Period, Standing, StandingClass string
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
		RoleCSS:  roleCSS(),

		StatusCSS: template.CSS(s.statusCSS()),
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
		{WarningsPage, w.Nav.Warnings},
		{ProgressPage, w.Progress.Nav},
	} {
		if l.name == ProgressPage && s.opt.Progress == nil {
			continue
		}
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
		{len(s.doc.Items), w.Counts.Items, SectionsPage, ""},
		{s.doc.TaskCount(), w.Counts.Tasks, WorkloadPage, ""},
		{len(s.depts), w.Counts.Depts, "#depts", ""},
		{len(s.doc.Targets), w.Counts.Targets, TargetsPage, ""},
		{len(s.doc.Warnings), w.Counts.Warnings, WarningsPage, ""},
	}}
	idx.SearchSrc = SearchPage
	if snap := s.opt.Progress; snap != nil {
		idx.StatusHeading = fill(w.Progress.Cards, "period", w.periodText(snap.Period.Key))
		for _, st := range progress.Order {
			idx.Status = append(idx.Status, count{snap.Counts[st], w.statusLabel(st), ProgressPage + "#" + progressSectionsID, statusClass(st)})
		}
		missing := 0
		for _, d := range snap.Depts {
			if !d.Reported {
				missing++
			}
		}
		idx.Status = append(idx.Status, count{missing, w.labels.NotReported, ProgressPage + "#" + progressDeptsID, "s-none"})
	}
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
	d.Charts = snippets(p)
	return r.execute(d)
}

// network is the network chart page with its dept picker.
func (r *renderer) network(p chartPage) ([]byte, error) {
	s := r.s
	d := r.base(p.name, "", p.title, p.note)
	d.Charts = snippets(p)
	drawn := map[string]bool{}
	for _, dp := range s.networkGraph().depts {
		drawn[dp.Name] = true
	}
	pk := &pickerData{}
	for _, dp := range s.byWorkload() {
		if drawn[dp.Name] {
			pk.Names = append(pk.Names, s.label[dp.Name])
		}
	}
	d.Picker = pk
	return r.execute(d)
}

func snippets(p chartPage) []chartHTML {
	var out []chartHTML
	for _, c := range p.charts {
		sn := c.chart.RenderSnippet()
		out = append(out, chartHTML{
			Element: template.HTML(sn.Element),
			Script:  template.HTML(sn.Script),
		})
	}
	return out
}

// searchVar is the global the search data's script sets.
const searchVar = "fengongSearch"

// search is the search data's script, SearchPage: the search index as
// JSON, which encoding/json writes with <, > and & escaped, so it cannot
// end the script or a string in it. A script of its own, not a part of
// the index page: the index then prints no task's words, and an edit of
// them leaves it as it was (TextFree), and the page no longer escapes
// 100 KB of JSON as an attribute's value each time it is made.
func (r *renderer) search() ([]byte, error) {
	data, err := json.Marshal(r.searchIndex())
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(len(data) + 32)
	b.WriteString("window." + searchVar + " = ")
	b.Write(data)
	b.WriteString(";\n")
	return b.Bytes(), nil
}

// searchIndex lists every dept and task for the index page's search box.
func (r *renderer) searchIndex() searchData {
	s := r.s
	var sd searchData
	for _, dp := range s.byWorkload() {
		sd.Depts = append(sd.Depts, searchDept{
			Name: dp.Name, Aliases: strings.Join(dp.Aliases, " "), Href: r.deptHref(dp.Name),
			Kind: s.w.kind(dp.Kind), Total: dp.Total(),
		})
	}
	for _, it := range s.doc.Items {
		for ti := range it.Tasks {
			t := &it.Tasks[ti]
			st := searchTask{ID: t.ID, Text: t.Text, Depts: s.w.summary(t)}
			for _, n := range t.Depts() {
				if _, ok := s.stem[n]; ok {
					st.Href = r.deptHref(n) + "#t-" + url.PathEscape(t.ID)
					break
				}
			}
			sd.Tasks = append(sd.Tasks, st)
		}
	}
	return sd
}

// warnings is the 待核对 page: the document-wide warnings first, then the
// warnings of each item in item order, each group in line order.
func (r *renderer) warnings() ([]byte, error) {
	s, w := r.s, r.s.w
	d := r.base(WarningsPage, "", w.Warnings.Title, w.Warnings.Note)
	wd := &warningsData{Total: len(s.doc.Warnings)}
	byItem := map[int][]warningRow{}
	var items []int
	for _, x := range s.doc.Warnings {
		if _, ok := byItem[x.Item]; !ok {
			items = append(items, x.Item)
		}
		byItem[x.Item] = append(byItem[x.Item], warningRow{Line: x.Line, Message: x.Message})
	}
	slices.Sort(items)
	for _, n := range items {
		rows := byItem[n]
		slices.SortStableFunc(rows, func(a, b warningRow) int { return a.Line - b.Line })
		g := warningGroup{Label: w.Warnings.General, Rows: rows}
		if n > 0 {
			g.Label = w.itemLabel(n)
			if it := s.doc.Item(n); it != nil {
				g.Section = s.doc.SectionTitle(it.Section)
			}
		}
		wd.Groups = append(wd.Groups, g)
	}
	d.Warnings = wd
	return r.execute(d)
}

// deptFiles are the links from a dept page to the dept's files in the
// pack: the charts directory sits beside them, two levels up.
func (r *renderer) deptFiles(name string) []fileLink {
	s, w := r.s, r.s.w
	files, ok := s.opt.DeptFiles[name]
	if s.opt.DeptFiles == nil {
		dir := s.opt.DeptsDir
		if dir == "" {
			dir = defaultDeptsDir
		}
		st := s.stem[name]
		files, ok = []string{dir + "/" + st + "/" + st + ".pdf", dir + "/" + st + "/" + st + ".xlsx"}, true
	}
	if !ok {
		return nil
	}
	var out []fileLink
	for _, f := range files {
		parts := strings.Split(f, "/")
		for i, p := range parts {
			parts[i] = url.PathEscape(p)
		}
		text := path.Base(f)
		switch path.Ext(f) {
		case ".pdf":
			text = w.Dept.Brief + "　" + text
		case ".xlsx":
			text = w.Dept.Workbook + "　" + text
		}
		out = append(out, fileLink{Href: "../../" + strings.Join(parts, "/"), Text: text})
	}
	return out
}

// roleCSS gives each role's class its colour.
func roleCSS() template.CSS {
	var b strings.Builder
	for _, r := range roleOrder {
		b.WriteString("." + roleClass(r) + "{color:" + roleColor(r) + "}")
	}
	return template.CSS(b.String())
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
				row.Lead = r.s.w.summary(task)
			}
		}
		out = append(out, row)
	}
	return out
}

func (r *renderer) targets(p chartPage) ([]byte, error) {
	s, w := r.s, r.s.w
	d := r.base(TargetsPage, "", w.Targets.Title, w.Targets.Note)
	if len(s.doc.Targets) > 0 {
		d.Charts = snippets(p)
	}
	td := &targetsData{}
	// Group by item in document order; targets of an item the document
	// does not have come last, in their own order.
	done := make([]bool, len(s.doc.Targets))
	for _, it := range s.doc.Items {
		var ts []extract.Target
		for i, t := range s.doc.Targets {
			if !done[i] && (t.ItemKey != "" && t.ItemKey == it.Key || t.ItemKey == "" && t.Item == it.Number) {
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
		Targets:    r.targetRows(s.idx.TargetsOf(dp.Name), false),
		Files:      r.deptFiles(dp.Name),
	}
	var status map[string]progress.Status
	words := map[string]string{}
	reasons := map[string]string{}
	if snap := s.opt.Progress; snap != nil {
		status = s.statusOf()
		dd.Progress = &deptProgress{Period: fill(w.Progress.DeptPeriod, "period", w.periodText(snap.Period.Key)),
			Standing: w.labels.NotReported, StandingClass: "s-none"}
		if ds := s.deptStates()[dp.Name]; ds != nil && ds.Reported {
			dd.Progress.Standing, dd.Progress.StandingClass = w.labels.Reported, ""
		}
		for _, t := range snap.Tasks {
			reasons[t.TaskID] = t.Reason
			for _, rep := range t.Reports {
				if rep.Dept == dp.Name {
					words[t.TaskID] = rep.Progress
				}
			}
		}
	}
	for _, a := range s.idx.TasksOf(dp.Name) {
		sec := s.doc.SectionTitle(a.Item.Section)
		if sec == "" {
			sec = w.Unsectioned
		}
		text := a.Task.Text
		if strings.TrimSpace(text) == "" {
			text = w.Dept.TextMissing
		}
		row := taskRow{
			ID:        a.Task.ID,
			Role:      w.role(a.Role),
			RoleClass: roleClass(a.Role),
			Section:   sec,
			Text:      text,
			Deadline:  a.Task.Deadline,
			Clause:    w.summary(a.Task),
		}
		if st, ok := status[a.Task.ID]; ok {
			row.Status, row.StatusClass, row.Reason = w.statusLabel(st), statusClass(st), reasons[a.Task.ID]
		}
		if dd.Progress != nil {
			row.Report = words[a.Task.ID]
			if dd.Progress.StandingClass != "" { // not reported
				row.Report = w.Progress.NoReport
			}
		}
		dd.Tasks = append(dd.Tasks, row)
	}
	d.Dept = dd
	return r.execute(d)
}

// task finds a task by item number and ID.
func (s *site) task(item int, id string) *extract.Task {
	return s.doc.Task(id)
}
