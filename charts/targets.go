package charts

import (
	"strconv"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"fengong/extract"
)

// targetsID is the chart of the targets page.
const targetsID = "targets"

// targetsChart draws every quantitative target as a bar on a log axis
// (values run from 2.5 to thousands), one row per target grouped by the
// section of its item, one colour per section, each bar labelled with its
// relation and value as the document words them (6.5%以上). A target whose
// value a log axis cannot show (0 or less) keeps its row and label.
func (s *site) targetsChart() *gecharts.Bar {
	w := s.w
	cols := s.sectionColumns()
	type row struct {
		t   extract.Target
		col int
	}
	// rows in section order, then document order
	var rows []row
	for c := range cols.labels {
		for _, t := range s.doc.Targets {
			if s.targetColumn(cols, t) == c {
				rows = append(rows, row{t, c})
			}
		}
	}
	labels := make([]string, len(rows))
	for i, r := range rows {
		labels[i] = w.itemLabel(r.t.Item) + " " + r.t.Indicator
	}
	labels = uniqueLabels(labels)
	left := labelsWidth(labels, axisFontSize, deptLabelWidth) + 20
	bar := gecharts.NewBar()
	bar.Accept(optionVisitor{})
	bar.SetGlobalOptions(append(commonOpts(targetsID, rowsHeight(len(rows), 28, 120, 260)),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Bottom: "0"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: "{b}：{c}"}),
		gecharts.WithGridOpts(opts.Grid{Left: strconv.Itoa(left), Right: "120", Top: "56", Bottom: "40"}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "log", Position: "top", Name: jsText(w.Targets.Axis), NameLocation: "middle", NameGap: 24}),
		gecharts.WithYAxisOpts(opts.YAxis{
			Type:    "category",
			Inverse: opts.Bool(true),
			Data:    labels,
			AxisLabel: &opts.AxisLabel{
				Show: opts.Bool(true), Width: deptLabelWidth, Overflow: "truncate", FontSize: axisFontSize,
			},
		}),
	)...)
	for c, name := range cols.labels {
		data := make([]opts.BarData, len(rows))
		n := 0
		for i, r := range rows {
			data[i] = opts.BarData{Value: "-"}
			if r.col != c {
				continue
			}
			n++
			value := any(r.t.Value)
			if !(r.t.Value > 0) { // NaN too
				value = "-"
			}
			data[i] = opts.BarData{Value: value, Label: &opts.Label{
				Show: opts.Bool(true), Position: "right",
				Formatter: jsText(w.targetValue(r.t.Op, r.t.Value, r.t.Unit)),
			}}
		}
		if n == 0 {
			continue
		}
		bar.AddSeries(name, data, gecharts.WithBarChartOpts(opts.BarChart{Stack: "t", BarCategoryGap: "35%"}))
	}
	return bar
}

// targetColumn is the section column of a target's item.
func (s *site) targetColumn(cols sectionColumns, t extract.Target) int {
	if t.ItemKey != "" {
		if it := s.doc.ItemByKey(t.ItemKey); it != nil {
			return cols.column(it.Section)
		}
	}
	if it := s.doc.Item(t.Item); it != nil {
		return cols.column(it.Section)
	}
	return 0
}
