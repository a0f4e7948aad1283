package pdf

import (
	"strconv"
	"strings"

	"fengong/export/pdf/layout"
	"fengong/extract"
)

// The page (GB/T 9704-2012): A4, type area 156×225 mm, 37 mm from the top
// and 28 mm from the left; page numbers in 4号 type, 7 mm below the type
// area, one character in from its right edge on odd pages and from its
// left edge on even pages.
const (
	pageW, pageH = 210.0, 297.0
	bodyLeft     = 28.0
	bodyTop      = 37.0
	bodyW, bodyH = 156.0, 225.0
)

// Type sizes in points: 2号 22, 小二 18, 3号 16, 4号 14, 小四 12, 五号 10.5.
var (
	titleStyle    = layout.Style{Font: layout.FontTitle, Size: 22, Leading: 12, Align: layout.Center}
	subtitleStyle = layout.Style{Font: layout.FontTitle, Size: 18, Leading: 10, Align: layout.Center}
	dateStyle     = layout.Style{Font: layout.FontBody, Size: 14, Leading: 8, Align: layout.Center}
	headingStyle  = layout.Style{Font: layout.FontHeading, Size: 16, Leading: 9}
	bodyStyle     = layout.Style{Font: layout.FontBody, Size: 14, Leading: 7.5, Indent: 2 * 14 * layout.PtToMM}
	itemStyle     = layout.Style{Font: layout.FontBody, Size: 12, Leading: 6.5}
	tableHead     = layout.Style{Font: layout.FontHeading, Size: 12, Leading: 6}
	tableBody     = layout.Style{Font: layout.FontBody, Size: 12, Leading: 6}
	chartText     = layout.Style{Font: layout.FontBody, Size: 10.5, Leading: 5}
	chartValue    = layout.Style{Font: layout.FontBody, Size: 8, Leading: 4, Color: "#ffffff"}
	folioStyle    = layout.Style{Font: layout.FontBody, Size: 14, Leading: 7}
)

// Colours.
const (
	ruleColour  = "#000000"
	headFill    = "#e6e6e6"
	leadColour  = "#c0392b"
	coColour    = "#2e6da4"
	gridColour  = "#cccccc"
	axisColour  = "#000000"
	chartLabelW = 48.0
)

// build is one brief being laid out. The flow cleans every string it
// places: runes the font of its role cannot draw are replaced, and
// recorded in subs when subs is not nil.
type build struct {
	r       *Renderer
	f       *layout.Flow
	heading string // waiting to be set with what follows it
}

func (r *Renderer) newBuild(subs map[rune]string) *build {
	g := layout.Geometry{
		Width: pageW, Height: pageH,
		Left: bodyLeft, Top: bodyTop, BodyW: bodyW, BodyH: bodyH,
		Folio: r.words.PageNumber, FolioStyle: folioStyle,
		FolioGap: 7, FolioInset: folioStyle.Size * layout.PtToMM,
	}
	m := func(role string) *layout.Metrics { return r.metrics[roleIndex(role)] }
	fonts := layout.Fonts{
		Body: m(layout.FontBody), Heading: m(layout.FontHeading),
		Subheading: m(layout.FontSubheading), Title: m(layout.FontTitle),
		Clean: func(role, s string) string { return r.clean(role, s, subs) },
		Runs:  r.runs,
	}
	return &build{r: r, f: layout.NewFlow(g, fonts)}
}

// join joins dept names.
func (b *build) join(names []string) string {
	return strings.Join(names, b.r.words.Separator)
}

func itoa(n int) string { return strconv.Itoa(n) }

// titleBlock sets the document title, the brief's own title and the date.
func (b *build) titleBlock(subtitle string) {
	b.f.Paragraph(b.r.title, titleStyle)
	b.f.Space(3)
	b.f.Paragraph(subtitle, subtitleStyle)
	b.f.Space(2)
	b.f.Paragraph(b.r.date, dateStyle)
	b.f.Space(8)
}

// section starts a section: its heading waits for the first content, so
// that it can be kept on one page with the start of that content.
func (b *build) section(heading string) {
	b.flush(0)
	b.heading = heading
}

// flush sets the waiting heading, kept with the next keep millimetres.
func (b *build) flush(keep float64) {
	if b.heading == "" {
		return
	}
	b.f.Space(4)
	b.f.Heading(b.heading, headingStyle, 0, keep+1.5)
	b.f.Space(1.5)
	b.heading = ""
}

func (b *build) paragraph(text string) {
	b.flush(2 * bodyStyle.Leading)
	b.f.Paragraph(text, bodyStyle)
}

func (b *build) finish() *Layout {
	b.flush(0)
	return b.f.Finish()
}

func (b *build) table(cols []layout.Column, rows [][]string) {
	t := layout.Table{
		Columns: cols, Rows: rows,
		Head: tableHead, Body: tableBody,
		HeadFill: headFill, Border: ruleColour, Pad: 1.5,
	}
	b.flush(b.f.TableLead(t))
	b.f.Table(t)
}

// columns pairs the template's titles with widths and alignments.
func (b *build) columns(titles []string, widths []float64, aligns ...layout.Align) []layout.Column {
	cols := make([]layout.Column, len(titles))
	for i := range titles {
		cols[i] = layout.Column{Title: titles[i], Width: widths[i]}
		if i < len(aligns) {
			cols[i].Align = aligns[i]
		}
	}
	return cols
}

// taskText is a task's text as a cell: the text (or the placeholder for
// text cut away in the source), then its deadline.
func (b *build) taskText(t *extract.Task) string {
	w := b.r.words
	s := t.Text
	if strings.TrimSpace(s) == "" {
		s = fill(w.MissingText, "line", itoa(t.Line))
	}
	if t.Deadline != "" {
		s += "\n" + fill(w.Dept.Deadline, "deadline", t.Deadline)
	}
	return s
}

// without returns names less dept, in order.
func without(names []string, dept string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n != dept {
			out = append(out, n)
		}
	}
	return out
}

// deptLayout lays out the task list of d.
func (r *Renderer) deptLayout(d *extract.Dept, subs map[rune]string) *Layout {
	b := r.newBuild(subs)
	w := r.words
	wd := &w.Dept
	name := d.Name
	b.titleBlock(fill(wd.Subtitle, "dept", name))

	var lead, co, all []extract.Assignment
	for _, a := range r.doc.TasksOf(name) {
		switch a.Role {
		case extract.RoleLead:
			lead = append(lead, a)
		case extract.RoleCo, extract.RoleRespective:
			co = append(co, a)
		case extract.RoleAll:
			all = append(all, a)
		}
	}

	b.section(wd.SummaryHeading)
	b.paragraph(fill(wd.Summary, "dept", name, "total", itoa(d.Total()), "lead", itoa(d.Lead),
		"co", itoa(d.Co), "respective", itoa(d.Respective), "all", itoa(d.All)))
	if targets := r.doc.TargetsOf(name); len(targets) > 0 {
		b.paragraph(fill(wd.Targets, "n", itoa(len(targets))))
		for _, t := range targets {
			line := fill(wd.Target, "task", t.Task, "text", t.Text)
			st := itemStyle
			st.Indent = 0
			b.f.Paragraph(line, st)
		}
	}

	widths := []float64{16, 92, 48}
	center := []layout.Align{layout.Center, layout.Left, layout.Left}
	b.section(fill(wd.LeadHeading, "n", itoa(len(lead))))
	if len(lead) == 0 {
		b.paragraph(w.None)
	} else {
		rows := make([][]string, 0, len(lead))
		for _, a := range lead {
			var partners []string
			if others := without(a.Task.Lead, name); len(others) > 0 {
				partners = append(partners, fill(wd.CoLeads, "depts", strings.Join(others, w.Separator)))
			}
			if helpers := without(append(append(append([]string(nil), a.Task.Co...), a.Task.Respective...), a.Task.Groups...), name); len(helpers) > 0 {
				partners = append(partners, b.join(helpers))
			}
			if a.Task.All {
				partners = append(partners, w.AllDepts)
			}
			if len(partners) == 0 {
				partners = append(partners, wd.NoLead)
			}
			rows = append(rows, []string{a.Task.ID, b.taskText(a.Task), strings.Join(partners, "\n")})
		}
		b.table(b.columns(wd.LeadColumns, widths, center...), rows)
	}

	b.section(fill(wd.CoHeading, "n", itoa(len(co))))
	if len(co) == 0 {
		b.paragraph(w.None)
	} else {
		rows := make([][]string, 0, len(co))
		for _, a := range co {
			leads := wd.NoLead
			if len(a.Task.Lead) > 0 {
				leads = b.join(a.Task.Lead)
			}
			if a.Role == extract.RoleRespective {
				leads += "\n" + wd.Respective
			}
			rows = append(rows, []string{a.Task.ID, b.taskText(a.Task), leads})
		}
		b.table(b.columns(wd.CoColumns, widths, center...), rows)
	}

	b.section(fill(wd.AllHeading, "n", itoa(len(all))))
	if len(all) == 0 {
		b.paragraph(w.None)
	} else {
		b.paragraph(wd.AllIntro)
		b.f.Space(1.5)
		rows := make([][]string, 0, len(all))
		for _, a := range all {
			rows = append(rows, []string{a.Task.ID, b.taskText(a.Task)})
		}
		b.table(b.columns(wd.AllColumns, []float64{16, 140}, center...), rows)
	}

	b.section(wd.ClosingHeading)
	b.paragraph(wd.Closing)
	return b.finish()
}

// responsible names who answers for a task in one line: its leads, else
// the depts that carry it respectively, else every dept, else its groups.
func (b *build) responsible(t *extract.Task) string {
	switch {
	case len(t.Lead) > 0:
		return b.join(t.Lead)
	case len(t.Respective) > 0:
		return b.join(t.Respective)
	case t.All:
		return b.r.words.AllDepts
	case len(t.Co) > 0:
		return b.join(t.Co)
	}
	return b.join(t.Groups)
}

// briefLayout lays out the overall brief.
func (r *Renderer) briefLayout(subs map[rune]string) *Layout {
	b := r.newBuild(subs)
	w := r.words
	wb := &w.Brief
	doc := r.doc
	b.titleBlock((wb.Subtitle))

	b.section(wb.OverviewHeading)
	b.paragraph(fill(wb.Overview, "sections", itoa(len(doc.Sections)), "items", itoa(len(doc.Items)),
		"tasks", itoa(doc.TaskCount()), "depts", itoa(len(doc.Depts)), "targets", itoa(len(doc.Targets)),
		"lists", itoa(len(doc.Lists))))

	center := layout.Center
	b.section(wb.TargetsHeading)
	if len(doc.Targets) == 0 {
		b.paragraph(w.None)
	} else {
		rows := make([][]string, 0, len(doc.Targets))
		for _, t := range doc.Targets {
			who := ""
			if task := r.tasks[t.Task]; task != nil {
				who = b.responsible(task)
			}
			rows = append(rows, []string{t.Task, t.Text, who})
		}
		b.table(b.columns(wb.TargetsColumns, []float64{16, 70, 70}, center), rows)
	}

	b.section(wb.ListsHeading)
	if len(doc.Lists) == 0 {
		b.paragraph(w.None)
	} else {
		rows := make([][]string, 0, len(doc.Lists))
		for _, l := range doc.Lists {
			rows = append(rows, []string{l.Task, fill(wb.ListName, "name", l.Name, "declared", itoa(l.Declared)), b.join(l.Members)})
		}
		b.table(b.columns(wb.ListsColumns, []float64{16, 44, 96}, center), rows)
	}

	top := doc.ByWorkload()
	if len(top) > wb.ChartTop {
		top = top[:wb.ChartTop]
	}
	if len(top) == 0 {
		b.section(fill(wb.ChartHeading, "n", itoa(len(top))))
		b.paragraph(w.None)
	} else {
		labels := make([]string, len(top))
		leads := make([]int, len(top))
		cos := make([]int, len(top))
		for i, d := range top {
			labels[i] = d.Name
			leads[i] = d.Lead
			cos[i] = d.Co + d.Respective
		}
		chart := layout.BarChart{
			Labels: labels,
			Series: []layout.Series{
				{Name: wb.ChartLead, Color: leadColour, Values: leads},
				{Name: wb.ChartCo, Color: coColour, Values: cos},
			},
			Text: chartText, ValueText: chartValue,
			LabelWidth: chartLabelW, Row: 6.5, Bar: 4.2,
			Grid: gridColour, Axis: axisColour,
		}
		// keep the chart on one page with its heading when it fits on one
		b.section(fill(wb.ChartHeading, "n", itoa(len(top))))
		b.flush(min(chart.Height(), bodyH-3*headingStyle.Leading))
		b.f.BarChart(chart)
	}

	b.section(wb.SectionsHeading)
	{
		var rows [][]string
		count := func(section string) (items, tasks int) {
			for _, it := range doc.Items {
				if it.Section == section {
					items++
					tasks += len(it.Tasks)
				}
			}
			return items, tasks
		}
		if n, t := count(""); n > 0 {
			rows = append(rows, []string{wb.NoSection, itoa(n), itoa(t)})
		}
		for _, s := range doc.Sections {
			n, t := count(s.Number)
			rows = append(rows, []string{(doc.SectionTitle(s.Number)), itoa(n), itoa(t)})
		}
		if len(rows) == 0 {
			b.paragraph(w.None)
		} else {
			b.table(b.columns(wb.SectionsColumns, []float64{108, 24, 24}, layout.Left, center, center), rows)
		}
	}

	b.section(wb.WarningsHeading)
	if len(doc.Warnings) == 0 {
		b.paragraph(w.None)
	} else {
		rows := make([][]string, 0, len(doc.Warnings))
		for _, wn := range doc.Warnings {
			item := ""
			if wn.Item != 0 {
				item = itoa(wn.Item)
			}
			rows = append(rows, []string{itoa(wn.Line), item, wn.Message})
		}
		b.table(b.columns(wb.WarningsColumns, []float64{18, 18, 120}, center, center), rows)
	}

	b.section(wb.IndexHeading)
	if len(doc.Depts) == 0 {
		b.paragraph(w.None)
	} else {
		rows := make([][]string, 0, len(doc.Depts))
		for _, d := range doc.Depts {
			rows = append(rows, []string{d.Name, d.Kind, itoa(d.Lead), itoa(d.Co), itoa(d.Respective), itoa(d.All), itoa(d.Total())})
		}
		n := layout.Center
		b.table(b.columns(wb.IndexColumns, []float64{52, 29, 15, 15, 15, 15, 15}, layout.Left, layout.Left, n, n, n, n, n), rows)
	}
	return b.finish()
}
