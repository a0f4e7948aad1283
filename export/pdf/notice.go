package pdf

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"fengong/export/pdf/layout"
	"fengong/progress"
)

// ErrNoProgress is returned by Notice and NoticeLayout when the options
// carry no 督办 snapshot (export.Options.Progress).
var ErrNoProgress = errors.New("pdf: no progress snapshot for the 督查通报")

// Notice renders the 督查通报 of the period of opt.Progress.
func (r *Renderer) Notice() ([]byte, error) {
	l, err := r.NoticeLayout()
	if err != nil {
		return nil, err
	}
	return r.drawTitled(l, r.noticeTitle(), r.words.Notice.Subject)
}

// NoticeLayout lays out the 督查通报 of the period of opt.Progress: the
// tasks' counts by status, the red and yellow tasks with their leads and
// the units' own words, the units that have not reported (催办名单) and
// the comparison with the period before.
func (r *Renderer) NoticeLayout() (*Layout, error) {
	if r.opt.Progress == nil {
		return nil, ErrNoProgress
	}
	return r.noticeLayout(nil), nil
}

// noticeTitle is the 通报's title: 关于2022年3月重点工作推进情况的通报.
func (r *Renderer) noticeTitle() string {
	y, m := periodOf(r.opt.Progress.Period)
	return fill(r.words.Notice.Title, "year", y, "month", m)
}

// periodOf gives the year and month of a period, from its start, else
// from its key (2022-03); the key itself as the year when it is neither.
func periodOf(p progress.Period) (string, string) {
	if !p.Start.IsZero() {
		return strconv.Itoa(p.Start.Year()), strconv.Itoa(int(p.Start.Month()))
	}
	return keyPeriod(p.Key)
}

func keyPeriod(key string) (string, string) {
	if t, err := time.Parse("2006-01", key); err == nil {
		return strconv.Itoa(t.Year()), strconv.Itoa(int(t.Month()))
	}
	return key, ""
}

// periodText writes a period key (2022-03) the way the template says.
func (r *Renderer) periodText(key string) string {
	y, m := keyPeriod(key)
	if m == "" {
		return key
	}
	return fill(r.words.Notice.Period, "year", y, "month", m)
}

// dateText writes a day the way 公文 do: 2022年4月5日.
func dateText(t time.Time) string {
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}

// statusLabel is a status as status.yaml names it.
func (r *Renderer) statusLabel(s progress.Status) string {
	return r.rules.Label(s)
}

func (r *Renderer) noticeLayout(subs map[rune]string) *Layout {
	b := r.newBuild(subs)
	w := &r.words.Notice
	snap := r.opt.Progress
	y, m := periodOf(snap.Period)
	period := fill(w.Period, "year", y, "month", m)
	if m == "" {
		period = y
	}

	b.f.Title(r.noticeTitle(), titleStyle)
	b.f.Space(layout.GridPitch)
	if w.Addressee != "" {
		st := bodyStyle
		st.Indent = 0
		b.f.Paragraph(w.Addressee, st)
	}
	b.paragraph(fill(w.Intro, "document", r.title, "office", r.office(), "period", period, "year", y, "month", m))

	// 一、总体情况: the counts by status
	total := 0
	for _, s := range progress.Order {
		total += snap.Counts[s]
	}
	reported, missing := 0, []progress.DeptState{}
	for _, d := range snap.Depts {
		if d.Reported {
			reported++
		} else {
			missing = append(missing, d)
		}
	}
	b.section(w.OverviewHeading)
	b.paragraph(fill(w.Overview, "tasks", itoa(total),
		"red", itoa(snap.Counts[progress.Red]), "yellow", itoa(snap.Counts[progress.Yellow]),
		"green", itoa(snap.Counts[progress.Green]), "done", itoa(snap.Counts[progress.Done]),
		"depts", itoa(len(snap.Depts)), "reported", itoa(reported), "not_reported", itoa(len(missing))))
	{
		rows := make([][]string, 0, len(progress.Order)+1)
		for _, s := range progress.Order {
			rows = append(rows, []string{r.statusLabel(s), itoa(snap.Counts[s]), b.share(snap.Counts[s], total)})
		}
		rows = append(rows, []string{w.Total, itoa(total), b.share(total, total)})
		c := layout.Center
		b.table(b.columns(w.CountsColumns, []float64{52, 52, 52}, c, c, c), rows, 0)
	}

	// 二、滞后 and 三、预警: each task with its leads and the units' words
	for _, part := range []struct {
		status                progress.Status
		heading, intro, empty string
	}{
		{progress.Red, w.RedHeading, w.RedIntro, w.RedNone},
		{progress.Yellow, w.YellowHeading, w.YellowIntro, w.YellowNone},
	} {
		var rows [][]string
		for i := range snap.Tasks {
			ts := &snap.Tasks[i]
			if ts.Status != part.status {
				continue
			}
			rows = append(rows, b.noticeRow(ts))
		}
		b.section(fill(part.heading, "n", itoa(len(rows))))
		if len(rows) == 0 {
			b.paragraph(part.empty)
			continue
		}
		b.paragraph(part.intro)
		b.compactTable(names(b.columns(w.TaskColumns, []float64{14, 56, 28, 58}, layout.Center), 2), rows, 2)
	}

	// 四、催办名单: the depts that have not reported
	b.section(w.MissingHeading)
	if len(missing) == 0 {
		b.paragraph(w.MissingNone)
	} else {
		due := r.date
		if !snap.Period.Due.IsZero() {
			due = dateText(snap.Period.Due)
		}
		b.paragraph(fill(w.MissingIntro, "due", due, "n", itoa(len(missing))))
		rows := make([][]string, 0, len(missing))
		for i, d := range missing {
			n := 0
			for _, s := range progress.Order {
				n += d.Counts[s]
			}
			rows = append(rows, []string{itoa(i + 1), d.Dept, itoa(n), itoa(d.Counts[progress.Red] + d.Counts[progress.Yellow])})
		}
		c := layout.Center
		b.table(b.columns(w.MissingColumns, []float64{16, 80, 30, 30}, c, layout.Left, c, c), rows, 0)
	}

	// 五、与上期比较: its heading, intro and small table on one page
	b.f.Need(3*layout.GridPitch + float64(len(progress.Order)+2)*(tableBody.Leading+3))
	b.section(w.CompareHeading)
	if snap.Previous == nil {
		b.paragraph(w.NoPrevious)
	} else {
		prev := snap.Previous
		b.paragraph(fill(w.CompareIntro, "previous", r.periodText(prev.Period)))
		rows := make([][]string, 0, len(progress.Order)+1)
		then, now := 0, 0
		for _, s := range progress.Order {
			rows = append(rows, []string{r.statusLabel(s), itoa(prev.Counts[s]), itoa(snap.Counts[s]), b.change(prev.Counts[s], snap.Counts[s])})
			then += prev.Counts[s]
			now += snap.Counts[s]
		}
		rows = append(rows, []string{w.Total, itoa(then), itoa(now), b.change(then, now)})
		c := layout.Center
		b.table(b.columns(w.CompareColumns, []float64{40, 36, 36, 44}, c, c, c, c), rows, 0)
	}
	if len(snap.Trend) >= 2 {
		chart := layout.BarChart{
			Text: chartText, ValueText: chartValue,
			LabelWidth: 30, Row: 6.5, Bar: 4.2,
			Grid: gridColour, Axis: axisColour,
		}
		for _, s := range snap.Trend {
			chart.Labels = append(chart.Labels, r.periodText(s.Period))
		}
		for _, st := range progress.Order {
			se := layout.Series{Name: r.statusLabel(st), Color: w.StatusColors[string(st)]}
			for _, s := range snap.Trend {
				se.Values = append(se.Values, s.Counts[st])
			}
			chart.Series = append(chart.Series, se)
		}
		b.flush(0)
		b.f.Need(2*bodyStyle.Leading + chart.Height())
		b.paragraph(w.Trend)
		b.f.BarChart(chart)
		b.f.Space(tableBody.Leading)
	}

	b.section(w.ClosingHeading)
	b.paragraph(w.Closing)
	b.signature()
	b.colophon()
	return b.finish()
}

// noticeRow is one red or yellow task in the 通报's table: its number,
// its text with the deadline and the reason for its status, its leads,
// and what each unit reported.
func (b *build) noticeRow(ts *progress.TaskState) []string {
	w := &b.r.words.Notice
	text, who := ts.TaskID, ""
	if t := b.r.doc.Task(ts.TaskID); t != nil {
		text = b.taskText(t)
		who = b.responsible(t)
	}
	if ts.Reason != "" {
		text += "\n" + fill(w.Reason, "reason", ts.Reason)
	}
	// the leads' words; every unit's where the task names no lead
	var leads []string
	if t := b.r.doc.Task(ts.TaskID); t != nil {
		leads = t.Lead
	}
	var said []string
	for _, rep := range ts.Reports {
		if len(leads) > 0 && !slices.Contains(leads, rep.Dept) {
			continue
		}
		parts := []string{fill(w.ReportDept, "dept", rep.Dept)}
		if s := strings.TrimSpace(rep.Progress); s != "" {
			parts = append(parts, fill(w.ReportProgress, "text", s))
		}
		if s := strings.TrimSpace(rep.Problems); s != "" {
			parts = append(parts, fill(w.ReportProblems, "text", s))
		}
		if len(parts) > 1 {
			said = append(said, strings.Join(parts, ""))
		}
	}
	if len(said) == 0 {
		said = append(said, w.NoReport)
	}
	return []string{ts.TaskID, text, who, strings.Join(said, "\n")}
}

// share is n of total as a percentage with one decimal.
func (b *build) share(n, total int) string {
	p := 0.0
	if total > 0 {
		p = float64(n) * 100 / float64(total)
	}
	return fill(b.r.words.Notice.Share, "p", strconv.FormatFloat(p, 'f', 1, 64))
}

// change is 较上期: the change from then to now in the template's words.
func (b *build) change(then, now int) string {
	w := &b.r.words.Notice
	switch {
	case now > then:
		return fill(w.Up, "n", itoa(now-then))
	case now < then:
		return fill(w.Down, "n", itoa(then-now))
	}
	return w.Same
}

// addProgress feeds every string of a snapshot the 通报 can print to add.
func addProgress(s *progress.Snapshot, add func(string)) {
	add(s.Period.Key)
	for _, t := range s.Tasks {
		add(t.TaskID)
		add(t.Reason)
		for _, rep := range t.Reports {
			add(rep.Dept)
			add(rep.Progress)
			add(rep.Problems)
		}
	}
	for _, d := range s.Depts {
		add(d.Dept)
	}
	for _, p := range append(s.Trend, progressSummary(s.Previous)...) {
		add(p.Period)
	}
}

func progressSummary(p *progress.Summary) []progress.Summary {
	if p == nil {
		return nil
	}
	return []progress.Summary{*p}
}
