package pdf

import (
	"slices"
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

// Type sizes in points: 初号 42, 2号 22, 3号 16, 4号 14, 小四 12, 五号 10.5.
// Body text and headings sit on the GB/T 9704 grid: 3号, 28 characters a
// line (layout.GridTrack), 22 lines a page (layout.GridPitch), indented
// two characters; 一、 headings in 黑体, （一） headings in 楷体.
var (
	em            = layout.GridSize * layout.PtToMM * float64(1000+layout.GridTrack) / 1000 // a body character, mm
	titleStyle    = layout.Style{Font: layout.FontTitle, Size: 22, Leading: layout.GridPitch, Align: layout.Center}
	subtitleStyle = layout.Style{Font: layout.FontBody, Size: layout.GridSize, Leading: layout.GridPitch, Align: layout.Center, Track: layout.GridTrack}
	bodyStyle     = layout.Style{Font: layout.FontBody, Size: layout.GridSize, Leading: layout.GridPitch, Indent: 2 * em, Track: layout.GridTrack}
	signStyle     = layout.Style{Font: layout.FontBody, Size: layout.GridSize, Leading: layout.GridPitch, Align: layout.Right, Track: layout.GridTrack}
	headingStyle  = layout.Style{Font: layout.FontHeading, Size: layout.GridSize, Leading: layout.GridPitch, Indent: 2 * em, Track: layout.GridTrack}
	subheadStyle  = layout.Style{Font: layout.FontSubheading, Size: layout.GridSize, Leading: layout.GridPitch, Indent: 2 * em, Track: layout.GridTrack}
	itemStyle     = layout.Style{Font: layout.FontBody, Size: 14, Leading: 7.5, Indent: 2 * em}
	tableHead     = layout.Style{Font: layout.FontHeading, Size: 12, Leading: 6}
	tableBody     = layout.Style{Font: layout.FontBody, Size: 12, Leading: 6}
	compactHead   = layout.Style{Font: layout.FontHeading, Size: 10.5, Leading: 5}
	compactBody   = layout.Style{Font: layout.FontBody, Size: 10.5, Leading: 5}
	chartText     = layout.Style{Font: layout.FontBody, Size: 10.5, Leading: 5}
	chartValue    = layout.Style{Font: layout.FontBody, Size: 8, Leading: 4, Color: "#ffffff"}
	folioStyle    = layout.Style{Font: layout.FontBody, Size: 14, Leading: 7}
	colophonStyle = layout.Style{Font: layout.FontBody, Size: 14, Leading: 9}
	// the 报头 of the overall brief: its name in red 小标宋, the issue,
	// then the office and the date above a red rule
	mastheadStyle = layout.Style{Font: layout.FontTitle, Size: 36, Leading: 18, Align: layout.Center, Color: mastheadRed}
	issueStyle    = layout.Style{Font: layout.FontBody, Size: layout.GridSize, Leading: layout.GridPitch, Align: layout.Center, Track: layout.GridTrack}
	officeStyle   = layout.Style{Font: layout.FontBody, Size: layout.GridSize, Leading: layout.GridPitch, Track: layout.GridTrack}
)

// Colours.
const (
	ruleColour  = "#000000"
	mastheadRed = "#e60012"
	headFill    = "#e6e6e6"
	leadColour  = "#c0392b"
	coColour    = "#2e6da4"
	allColour   = "#9e9e9e"
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
	level   int    // of the waiting heading: 0 一、, 1 （一）
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

// titleBlock sets the document title (2号 小标宋, balanced) and the
// brief's own title under it.
func (b *build) titleBlock(subtitle string) {
	b.f.Title(b.r.title, titleStyle)
	b.f.Paragraph(subtitle, subtitleStyle)
	b.f.Space(layout.GridPitch)
}

// masthead sets the 报头 of the overall brief: its name, the issue, the
// issuing office and the date, over a red rule.
func (b *build) masthead() {
	w := b.r.words
	b.f.Paragraph(w.Brief.Masthead, mastheadStyle)
	b.f.Paragraph(w.Brief.Issue, issueStyle)
	g := b.f.Geometry()
	top := b.f.Y()
	st := officeStyle
	st.Indent = em
	b.f.Text(b.r.office(), st, g.Left+em, top, g.BodyW-2*em)
	st.Align = layout.Right
	b.f.Text(b.r.date, st, g.Left+em, top, g.BodyW-2*em)
	b.f.Space(st.Leading)
	b.f.Add(layout.Item{Kind: layout.KindLine, X: g.Left, Y: b.f.Y() + 1, W: g.BodyW, Stroke: mastheadRed, LineWidth: 0.8})
	b.f.Space(layout.GridPitch)
}

// signature sets the issuing office and the date at the end, right
// aligned, four characters in from the edge (GB/T 9704 成文日期).
func (b *build) signature() {
	b.flush(0)
	b.f.Space(layout.GridPitch)
	b.f.Need(2 * signStyle.Leading)
	g := b.f.Geometry()
	for _, s := range []string{b.r.office(), b.r.date} {
		b.f.Text(s, signStyle, g.Left, b.f.Y(), g.BodyW-4*em)
		b.f.Space(signStyle.Leading)
	}
}

// colophon sets the 版记 at the foot of the last page (GB/T 9704): the
// 抄送 line when the template has one, then the printing office and the
// date, between rules (thick above and below, thin between).
func (b *build) colophon() {
	b.flush(0)
	w := b.r.words
	g := b.f.Geometry()
	st := colophonStyle
	rows := []func(top float64){}
	if w.CopyTo != "" {
		rows = append(rows, func(top float64) {
			b.f.Text(w.CopyTo, st, g.Left+em, top, g.BodyW-2*em)
		})
	}
	rows = append(rows, func(top float64) {
		b.f.Text(b.r.office(), st, g.Left+em, top, g.BodyW-2*em)
		right := st
		right.Align = layout.Right
		b.f.Text(fill(w.Printed, "date", b.r.date), right, g.Left+em, top, g.BodyW-2*em)
	})
	h := float64(len(rows))*st.Leading + 2
	b.f.Need(h)
	b.f.Space(b.f.Remaining() - h)
	rule := func(y, lw float64) {
		b.f.Add(layout.Item{Kind: layout.KindLine, X: g.Left, Y: y, W: g.BodyW, Stroke: ruleColour, LineWidth: lw})
	}
	y := b.f.Y()
	rule(y, 0.35)
	for i, row := range rows {
		row(y + 1)
		y += st.Leading
		if i < len(rows)-1 {
			rule(y+1, 0.25)
		}
	}
	rule(y+2, 0.35)
	b.f.Space(h)
}

// section starts a 一、 section: its heading waits for the first content,
// so that it can be kept on one page with the start of that content.
func (b *build) section(heading string) {
	b.flush(0)
	b.heading, b.level = heading, 0
}

// subsection starts a （一） section within a section.
func (b *build) subsection(heading string) {
	b.flush(0)
	b.heading, b.level = heading, 1
}

// flush sets the waiting heading, kept with the next keep millimetres.
func (b *build) flush(keep float64) {
	if b.heading == "" {
		return
	}
	st := headingStyle
	if b.level > 0 {
		st = subheadStyle
	}
	b.f.Heading(b.heading, st, b.level, keep)
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

// table sets a table; a row split across pages keeps the text of column
// main (from 1; 0 for none) in one piece in content order.
func (b *build) table(cols []layout.Column, rows [][]string, main int) {
	b.setTable(layout.Table{
		Columns: cols, Rows: rows,
		Head: tableHead, Body: tableBody,
		HeadFill: headFill, Border: ruleColour, Pad: 1.5, Sep: b.r.words.Separator, Main: main,
	})
}

// compactTable is table in 五号 type, for the overall brief's long lists.
func (b *build) compactTable(cols []layout.Column, rows [][]string, main int) {
	b.setTable(layout.Table{
		Columns: cols, Rows: rows,
		Head: compactHead, Body: compactBody,
		HeadFill: headFill, Border: ruleColour, Pad: 1, Sep: b.r.words.Separator, Main: main,
	})
}

func (b *build) setTable(t layout.Table) {
	b.flush(b.f.TableLead(t))
	b.f.Table(t)
	b.f.Space(tableBody.Leading)
}

// columns pairs the template's titles with widths and alignments. The
// last column of names (lists) breaks only between names.
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

// names marks column i as a list of names.
func names(cols []layout.Column, i int) []layout.Column {
	cols[i].List = true
	return cols
}

// taskText is a task's text as a cell: the text (or the placeholder for
// text cut away in the source), then its deadline.
func (b *build) taskText(t *extract.Task) string {
	w := b.r.words
	s := t.Text
	if strings.TrimSpace(s) == "" {
		s = fill(w.MissingText, "item", itoa(t.Item))
	}
	if t.Deadline != "" {
		s += "\n" + fill(w.Dept.Deadline, "deadline", t.Deadline)
	}
	return s
}

// gist is a task in a few words for the overall brief's table: its first
// sentence, cut at a comma or with … when longer than gistRunes; the
// dept briefs carry the whole text.
func (b *build) gist(t *extract.Task) string {
	s := strings.TrimSpace(t.Text)
	if s == "" {
		return fill(b.r.words.MissingText, "item", itoa(t.Item))
	}
	if i := strings.IndexAny(s, "。；"); i >= 0 {
		s = s[:i+len("。")]
	}
	r := []rune(s)
	if len(r) <= gistRunes {
		return s
	}
	cut := string(r[:gistRunes])
	if i := strings.LastIndex(cut, "，"); i >= len(cut)/2 {
		return cut[:i] + "…"
	}
	return cut + "…"
}

// gistRunes is the longest gist: a line of the brief's task column.
const gistRunes = 24

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

// deptLayout lays out the task list of d. Its sections follow the
// model's roles: lead, then the tasks that name no lead (共同承担, where
// the dept is co or respective), then those it supports (co or
// respective, under a lead), then the tasks of every dept (all).
func (r *Renderer) deptLayout(d *extract.Dept, subs map[rune]string) *Layout {
	b := r.newBuild(subs)
	w := r.words
	wd := &w.Dept
	name := d.Name
	b.titleBlock(fill(wd.Subtitle, "dept", name))

	var lead, shared, co, all []extract.Assignment
	for _, a := range r.idx.TasksOf(name) {
		switch a.Role {
		case extract.RoleLead:
			lead = append(lead, a)
		case extract.RoleCo, extract.RoleRespective:
			if len(a.Task.Lead) == 0 {
				shared = append(shared, a)
			} else {
				co = append(co, a)
			}
		case extract.RoleAll:
			all = append(all, a)
		}
	}
	sharedHeading := fill(wd.SharedHeading, "n", itoa(len(shared)))

	b.section(wd.SummaryHeading)
	summary := fill(wd.Summary, "dept", name, "total", itoa(d.Total()), "lead", itoa(d.Lead),
		"co", itoa(d.Co), "respective", itoa(d.Respective), "all", itoa(d.All))
	if len(shared) > 0 {
		summary += fill(wd.SharedNote, "shared", itoa(len(shared)), "heading", sharedHeading)
	}
	b.paragraph(summary)
	if targets := r.idx.TargetsOf(name); len(targets) > 0 {
		b.paragraph(fill(wd.Targets, "n", itoa(len(targets))))
		// one line per task, its targets joined
		for i := 0; i < len(targets); {
			j, texts := i, []string(nil)
			for ; j < len(targets) && targets[j].Task == targets[i].Task && targets[j].Item == targets[i].Item; j++ {
				texts = append(texts, targets[j].Text)
			}
			b.f.Paragraph(fill(wd.Target, "task", targets[i].Task, "text", strings.Join(texts, "；")), itemStyle)
			i = j
		}
	}

	widths := []float64{16, 86, 54}
	center := []layout.Align{layout.Center, layout.Left, layout.Left}
	b.section(fill(wd.LeadHeading, "n", itoa(len(lead))))
	if len(lead) == 0 {
		b.paragraph(w.None)
	} else {
		rows := make([][]string, 0, len(lead))
		for _, a := range lead {
			var partners []string
			if others := without(a.Task.Lead, name); len(others) > 0 {
				partners = append(partners, fill(wd.CoLeads, "depts", b.join(others)))
			}
			if helpers := without(concat(a.Task.Respective, a.Task.Co, a.Task.Groups), name); len(helpers) > 0 {
				partners = append(partners, b.join(helpers))
			}
			if a.Task.All {
				partners = append(partners, w.AllDepts)
			}
			if len(partners) == 0 {
				partners = append(partners, wd.NoPartner)
			}
			rows = append(rows, []string{a.Task.ID, b.taskText(a.Task), strings.Join(partners, "\n")})
		}
		b.table(names(b.columns(wd.LeadColumns, widths, center...), 2), rows, 2)
	}

	if len(shared) > 0 {
		b.section(sharedHeading)
		b.paragraph(wd.SharedIntro)
		rows := make([][]string, 0, len(shared))
		for _, a := range shared {
			units := b.join(concat(a.Task.Respective, a.Task.Co, a.Task.Groups))
			if a.Task.All {
				units += "\n" + w.AllDepts
			}
			if a.Role == extract.RoleRespective {
				units += "\n" + wd.Respective
			}
			rows = append(rows, []string{a.Task.ID, b.taskText(a.Task), units})
		}
		b.table(names(b.columns(wd.SharedColumns, widths, center...), 2), rows, 2)
	}

	b.section(fill(wd.CoHeading, "n", itoa(len(co))))
	if len(co) == 0 {
		b.paragraph(w.None)
	} else {
		rows := make([][]string, 0, len(co))
		for _, a := range co {
			leads := b.join(a.Task.Lead)
			if a.Role == extract.RoleRespective {
				leads += "\n" + wd.Respective
			}
			rows = append(rows, []string{a.Task.ID, b.taskText(a.Task), leads})
		}
		b.table(names(b.columns(wd.CoColumns, widths, center...), 2), rows, 2)
	}

	b.section(fill(wd.AllHeading, "n", itoa(len(all))))
	if len(all) == 0 {
		b.paragraph(w.None)
	} else {
		b.paragraph(wd.AllIntro)
		rows := make([][]string, 0, len(all))
		for _, a := range all {
			rows = append(rows, []string{a.Task.ID, b.taskText(a.Task)})
		}
		b.table(b.columns(wd.AllColumns, []float64{16, 140}, center...), rows, 2)
	}

	b.section(wd.ClosingHeading)
	b.paragraph(wd.Closing)
	b.signature()
	b.colophon()
	return b.finish()
}

// concat joins lists of names, each name once, in order.
func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, n := range l {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// responsible names who answers for a task, in one cell: its leads;
// else its units, marked as sharing it (共同承担) or carrying it each
// (分别负责); else every dept.
func (b *build) responsible(t *extract.Task) string {
	wb := &b.r.words.Brief
	switch {
	case len(t.Lead) > 0:
		return b.join(t.Lead)
	case len(t.Respective) > 0:
		return b.join(concat(t.Respective, t.Co, t.Groups)) + "\n" + wb.Respective
	case len(t.Co) > 0 || len(t.Groups) > 0:
		return b.join(concat(t.Co, t.Groups)) + "\n" + wb.Shared
	case t.All:
		return b.r.words.AllDepts
	}
	return ""
}

// office is the issuing office the briefs name.
func (r *Renderer) office() string {
	if r.doc.Issuer == "" {
		return r.words.OfficeUnknown
	}
	return fill(r.words.Office, "issuer", r.doc.Issuer)
}

// briefLayout lays out the overall brief for leaders: the 报头, the
// overview, the main targets with their leads, every task by section with
// its leads, the named lists, the workload chart and the dept index.
// Extraction warnings are for the clerk, not here.
func (r *Renderer) briefLayout(subs map[rune]string) *Layout {
	b := r.newBuild(subs)
	w := r.words
	wb := &w.Brief
	doc := r.doc
	b.masthead()
	b.titleBlock(wb.Subtitle)

	b.section(wb.OverviewHeading)
	b.paragraph(fill(wb.Overview, "sections", itoa(len(doc.TopSections())), "items", itoa(len(doc.Items)),
		"tasks", itoa(doc.TaskCount()), "depts", itoa(len(doc.Depts)), "targets", itoa(len(doc.Targets)),
		"lists", itoa(len(doc.Lists))))

	center := layout.Center
	// the targets, one row per task: its units are printed once
	b.section(wb.TargetsHeading)
	if len(doc.Targets) == 0 {
		b.paragraph(w.None)
	} else {
		var rows [][]string
		for i := 0; i < len(doc.Targets); {
			t := doc.Targets[i]
			texts := []string{t.Text}
			j := i + 1
			for ; j < len(doc.Targets) && doc.Targets[j].Task == t.Task && doc.Targets[j].Item == t.Item; j++ {
				texts = append(texts, doc.Targets[j].Text)
			}
			who := ""
			if task := doc.Task(t.Task); task != nil {
				who = b.responsible(task)
			}
			rows = append(rows, []string{t.Task, strings.Join(texts, "\n"), who})
			i = j
		}
		b.table(names(b.columns(wb.TargetsColumns, []float64{16, 84, 56}, center), 2), rows, 2)
	}

	// every task, by section, with its leads
	b.section(wb.TasksHeading)
	{
		type group struct {
			title string
			rows  [][]string
		}
		var groups []group
		add := func(title string, it *extract.Item) {
			if len(groups) == 0 || groups[len(groups)-1].title != title {
				groups = append(groups, group{title: title})
			}
			g := &groups[len(groups)-1]
			for k := range it.Tasks {
				t := &it.Tasks[k]
				g.rows = append(g.rows, []string{t.ID, b.gist(t), b.responsible(t)})
			}
		}
		sectioned := false
		for i := range doc.Items {
			sectioned = sectioned || doc.Items[i].Section != ""
		}
		n := 0
		for i := range doc.Items {
			it := &doc.Items[i]
			title := ""
			if s := doc.Section(it.Section); s != nil && s.Ordinal > 0 {
				title = "（" + chineseNumber(s.Ordinal) + "）" + s.Title
			} else if s != nil {
				title = strings.TrimSpace(s.Number + " " + s.Title) // 附件1: a section with no numeral
			} else if sectioned {
				title = wb.NoSection
			}
			add(title, it)
		}
		for _, g := range groups {
			if g.title != "" {
				b.subsection(g.title)
			}
			n += len(g.rows)
			b.compactTable(names(b.columns(wb.TasksColumns, []float64{14, 88, 54}, center), 2), g.rows, 2)
		}
		if n == 0 {
			b.paragraph(w.None)
		}
	}

	b.section(wb.ListsHeading)
	if len(doc.Lists) == 0 {
		b.paragraph(w.None)
	} else {
		rows := make([][]string, 0, len(doc.Lists))
		for _, l := range doc.Lists {
			rows = append(rows, []string{l.Task, fill(wb.ListName, "name", l.Name, "declared", itoa(l.Declared)), b.join(l.Members)})
		}
		b.table(names(b.columns(wb.ListsColumns, []float64{16, 44, 96}, center), 2), rows, 3)
	}

	// the workload: one count per dept, Dept.Total, as in the index
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
		alls := make([]int, len(top))
		for i, d := range top {
			labels[i] = d.Name
			leads[i] = d.Lead
			cos[i] = d.Co + d.Respective
			alls[i] = d.All
		}
		chart := layout.BarChart{
			Labels: labels,
			Series: []layout.Series{
				{Name: wb.ChartLead, Color: leadColour, Values: leads},
				{Name: wb.ChartCo, Color: coColour, Values: cos},
				{Name: wb.ChartAll, Color: allColour, Values: alls},
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

	b.section(wb.IndexHeading)
	if len(doc.Depts) == 0 {
		b.paragraph(w.None)
	} else {
		rows := make([][]string, 0, len(doc.Depts))
		for _, d := range doc.Depts {
			rows = append(rows, []string{d.Name, d.Kind, itoa(d.Lead), itoa(d.Co), itoa(d.Respective), itoa(d.All), itoa(d.Total())})
		}
		n := layout.Center
		b.compactTable(b.columns(wb.IndexColumns, []float64{52, 29, 15, 15, 15, 15, 15}, layout.Left, layout.Left, n, n, n, n, n), rows, 0)
	}
	b.signature()
	b.colophon()
	return b.finish()
}

// chineseNumber writes 1–99 in Chinese numerals, as （一） headings do.
func chineseNumber(n int) string {
	digits := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return itoa(n)
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n%10]
	case n%10 == 0:
		return digits[n/10] + "十"
	}
	return digits[n/10] + "十" + digits[n%10]
}
