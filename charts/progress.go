package charts

import (
	"strconv"
	"strings"
	"time"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"fengong/progress"
)

// The 督办 page (only with Options.Progress): the trend over the periods,
// the status by section and by dept, each a stacked bar with one series
// per status in progress.Order and one colour per status. The chart IDs
// name JavaScript variables too: no hyphens.
const (
	ProgressPage = "progress.html"

	progressTrendID    = "progress_trend"
	progressSectionsID = "progress_sections"
	progressDeptsID    = "progress_depts"
)

// statusLabel is a status as status.yaml names it.
func (w *wording) statusLabel(s progress.Status) string {
	return w.labels.Of(s)
}

// statusClass is a status's CSS class: its badge and its card.
func statusClass(s progress.Status) string { return "s-" + string(s) }

// periodText writes a period key (2022-03) the way charts.yaml says; a
// key that is not a month is shown as it is.
func (w *wording) periodText(key string) string {
	t, err := time.Parse("2006-01", key)
	if err != nil {
		return key
	}
	return fill(fill(w.Progress.Period, "year", strconv.Itoa(t.Year())), "month", strconv.Itoa(int(t.Month())))
}

// progressPage is the 督办 page's charts, or nil without a snapshot.
func (s *site) progressPage() *chartPage {
	snap := s.opt.Progress
	if snap == nil {
		return nil
	}
	w := s.w
	return &chartPage{
		name: ProgressPage, title: w.Progress.Title,
		note: fill(w.Progress.Note, "period", w.periodText(snap.Period.Key)),
		charts: []chartDef{
			{progressTrendID, s.progressTrend()},
			{progressSectionsID, s.progressSections()},
			{progressDeptsID, s.progressDepts()},
		},
	}
}

// statusBar is a stacked bar of counts by status: one row (or column) per
// label, one series per status.
func (s *site) statusBar(id, title string, labels []string, counts []map[progress.Status]int, horizontal bool, height int) *gecharts.Bar {
	w := s.w
	bar := gecharts.NewBar()
	bar.Accept(optionVisitor{extra: []keyValue{{"title", map[string]any{"text": jsText(title), "left": "center", "top": "0"}}}})
	global := append(commonOpts(id, height),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "28"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
	)
	if horizontal {
		left := labelsWidth(labels, axisFontSize, deptLabelWidth) + 20
		global = append(global,
			gecharts.WithGridOpts(opts.Grid{Left: strconv.Itoa(left), Right: "48", Top: "84", Bottom: "16"}),
			gecharts.WithXAxisOpts(opts.XAxis{Type: "value", Position: "top", Name: jsText(w.Progress.Axis), MinInterval: 1}),
			gecharts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: labels,
				AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Width: deptLabelWidth, Overflow: "truncate", FontSize: axisFontSize}}),
		)
	} else {
		global = append(global,
			gecharts.WithGridOpts(opts.Grid{Left: "56", Right: "24", Top: "84", Bottom: "32"}),
			gecharts.WithXAxisOpts(opts.XAxis{Type: "category", Data: labels}),
			gecharts.WithYAxisOpts(opts.YAxis{Type: "value", Name: jsText(w.Progress.Axis), MinInterval: 1}),
		)
	}
	bar.SetGlobalOptions(global...)
	if !horizontal {
		bar.SetXAxis(labels) // go-echarts takes a bar's categories from here, not XAxis.Data
	}
	for _, st := range progress.Order {
		data := make([]opts.BarData, len(counts))
		for i, c := range counts {
			data[i] = opts.BarData{Value: c[st]}
		}
		bar.AddSeries(jsText(w.statusLabel(st)), data,
			gecharts.WithBarChartOpts(opts.BarChart{Stack: "total", BarCategoryGap: "30%"}),
			gecharts.WithItemStyleOpts(opts.ItemStyle{Color: w.Progress.Colors[string(st)]}))
	}
	return bar
}

// progressTrend is every period so far, oldest first (Snapshot.Trend).
func (s *site) progressTrend() *gecharts.Bar {
	snap := s.opt.Progress
	var labels []string
	var counts []map[progress.Status]int
	for _, p := range snap.Trend {
		labels = append(labels, s.w.periodText(p.Period))
		counts = append(counts, p.Counts)
	}
	return s.statusBar(progressTrendID, s.w.Progress.Trend, uniqueLabels(labels), counts, false, 360)
}

// progressSections is each section's tasks by status, in section order.
func (s *site) progressSections() *gecharts.Bar {
	cols := s.sectionColumns()
	status := s.statusOf()
	counts := make([]map[progress.Status]int, len(cols.labels))
	for i := range counts {
		counts[i] = map[progress.Status]int{}
	}
	for _, it := range s.doc.Items {
		c := cols.column(it.Section)
		for _, t := range it.Tasks {
			if st, ok := status[t.ID]; ok {
				counts[c][st]++
			}
		}
	}
	return s.statusBar(progressSectionsID, s.w.Progress.BySection, cols.labels, counts, true, rowsHeight(len(cols.labels), 32, 110, 280))
}

// progressDepts is each dept's tasks by status (DeptState.Counts), in
// workload order as on the workload page.
func (s *site) progressDepts() *gecharts.Bar {
	state := s.deptStates()
	depts := s.byWorkload()
	counts := make([]map[progress.Status]int, len(depts))
	for i, d := range depts {
		if ds := state[d.Name]; ds != nil {
			counts[i] = ds.Counts
		}
	}
	return s.statusBar(progressDeptsID, s.w.Progress.ByDept, s.labels(depts), counts, true, rowsHeight(len(depts), 24, 110, 320))
}

// statusOf maps each task of the snapshot to its status.
func (s *site) statusOf() map[string]progress.Status {
	out := map[string]progress.Status{}
	if s.opt.Progress == nil {
		return out
	}
	for _, t := range s.opt.Progress.Tasks {
		out[t.TaskID] = t.Status
	}
	return out
}

// deptStates maps each dept of the snapshot to its standing.
func (s *site) deptStates() map[string]*progress.DeptState {
	out := map[string]*progress.DeptState{}
	if s.opt.Progress == nil {
		return out
	}
	for i := range s.opt.Progress.Depts {
		d := &s.opt.Progress.Depts[i]
		out[d.Dept] = d
	}
	return out
}

// statusCSS gives each status's badge and card its colour; empty without
// a snapshot, so the pages stay as they were.
func (s *site) statusCSS() string {
	if s.opt.Progress == nil {
		return ""
	}
	var b strings.Builder
	for _, st := range progress.Order {
		c := s.w.Progress.Colors[string(st)]
		b.WriteString(".badge." + statusClass(st) + "{background:" + c + "}")
		b.WriteString(".card." + statusClass(st) + " .n{color:" + c + "}")
	}
	b.WriteString(".badge{display:inline-block;color:#fff;border-radius:3px;padding:0 6px;font-size:13px;white-space:nowrap}")
	b.WriteString(".badge.s-none{background:#7d8a99}.card.s-none .n{color:#7d8a99}")
	return b.String()
}
