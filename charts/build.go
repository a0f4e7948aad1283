package charts

import (
	"encoding/json"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/render"
	"github.com/go-echarts/go-echarts/v2/types"
	"golang.org/x/text/width"

	"fengong/extract"
)

// fontStack lists common CJK fonts of Windows, macOS and Linux desktops,
// so that Chinese labels render wherever the pages are opened.
const fontStack = `"Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "SimHei", "SimSun", sans-serif`

// The chart IDs. They name the chart's element and JavaScript variables,
// so they are fixed identifiers, never random.
const (
	workloadID = "workload"
	sectionsID = "sections"
	networkID  = "network"
	heatmapID  = "heatmap"
)

// echart is what this package needs of a go-echarts chart.
type echart interface {
	Validate()
	JSONNotEscaped() template.HTML
	RenderSnippet() render.ChartSnippet
}

type chartDef struct {
	id    string
	chart echart
}

// chartPage is one page holding charts.
type chartPage struct {
	name   string // file name, e.g. workload.html
	title  string // heading
	note   string // how to read it
	charts []chartDef
}

// chartPages builds every chart, grouped by page, in page order.
func (s *site) chartPages() []chartPage {
	w := s.w
	pages := []chartPage{
		{WorkloadPage, w.Workload.Title, w.Workload.Note, []chartDef{{workloadID, s.workload()}}},
		{SectionsPage, w.Sections.Title, w.Sections.Note, []chartDef{{sectionsID, s.sections()}}},
		{NetworkPage, w.Network.Title, s.networkNote(), []chartDef{{networkID, s.network()}}},
		{HeatmapPage, w.Heatmap.Title, w.Heatmap.Note, []chartDef{{heatmapID, s.heatmap()}}},
		{TargetsPage, w.Targets.Title, w.Targets.Note, []chartDef{{targetsID, s.targetsChart()}}},
	}
	if p := s.progressPage(); p != nil {
		pages = append(pages, *p)
	}
	return pages
}

// optionVisitor adds to a chart's option what go-echarts has no field for:
// the CJK font stack, and any extra top-level entries, in a fixed order.
type optionVisitor struct {
	gecharts.BaseConfigurationVisitor
	extra []keyValue
}

type keyValue struct {
	key   string
	value any
}

func (v optionVisitor) Visit(m map[string]any) {
	m["textStyle"] = map[string]any{"fontFamily": fontStack}
	for _, kv := range v.extra {
		m[kv.key] = kv.value
	}
}

// initOpts fixes a chart's ID, size and renderer. The assets host is
// relative; the pages load the bundled script themselves.
func initOpts(id string, height int) opts.Initialization {
	return opts.Initialization{
		ChartID:    id,
		Width:      "100%",
		Height:     strconv.Itoa(height) + "px",
		Renderer:   "svg",
		Theme:      "white",
		PageTitle:  id,
		AssetsHost: AssetsDir + "/",
	}
}

// The width, in pixels, of the category labels of the dept and section
// axes; longer labels are cut with an ellipsis (the tooltip has them whole).
const (
	deptLabelWidth    = 220
	sectionLabelWidth = 150
	axisFontSize      = 12
)

// labelsWidth estimates the pixels the widest label takes at fontSize, up
// to max: wide (CJK) characters take a full em, others about six tenths.
// ECharts' containLabel measures with whichever font the browser picked
// and cut the first characters of long names, so the grid is set from
// this estimate instead.
func labelsWidth(labels []string, fontSize, max int) int {
	widest := 0.0
	for _, l := range labels {
		w := 0.0
		for _, r := range l {
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				w += float64(fontSize)
			default:
				w += 0.6 * float64(fontSize)
			}
		}
		if w > widest {
			widest = w
		}
	}
	if widest > float64(max) {
		return max
	}
	return int(math.Ceil(widest))
}

// rowsHeight is the height of a chart with one row per category.
func rowsHeight(rows, perRow, extra, min int) int {
	h := rows*perRow + extra
	if h < min {
		return min
	}
	return h
}

func commonOpts(id string, height int) []gecharts.GlobalOpts {
	return []gecharts.GlobalOpts{
		gecharts.WithInitializationOpts(initOpts(id, height)),
		gecharts.WithAnimation(false),
		gecharts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)}),
	}
}

// labels returns the safe labels of depts.
func (s *site) labels(depts []extract.Dept) []string {
	out := make([]string, len(depts))
	for i, d := range depts {
		out[i] = s.label[d.Name]
	}
	return out
}

// workload is a horizontal stacked bar per dept, in doc.ByWorkload order,
// one series per role, one row per dept, so that a hundred depts stay
// readable: the chart grows tall instead of squeezing labels.
func (s *site) workload() *gecharts.Bar {
	w := s.w
	depts := s.byWorkload()
	labels := s.labels(depts)
	left := labelsWidth(labels, axisFontSize, deptLabelWidth) + 20
	bar := gecharts.NewBar()
	bar.Accept(optionVisitor{})
	bar.SetGlobalOptions(append(commonOpts(workloadID, rowsHeight(len(depts), 24, 110, 320)),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		gecharts.WithTooltipOpts(opts.Tooltip{
			Show:        opts.Bool(true),
			Trigger:     "axis",
			AxisPointer: &opts.AxisPointer{Type: "shadow"},
		}),
		gecharts.WithGridOpts(opts.Grid{Left: strconv.Itoa(left), Right: "72", Top: "56", Bottom: "16"}),
		gecharts.WithXAxisOpts(opts.XAxis{
			Type:        "value",
			Position:    "top",
			Name:        jsText(w.Workload.Axis),
			MinInterval: 1,
		}),
		gecharts.WithYAxisOpts(opts.YAxis{
			Type:    "category",
			Inverse: opts.Bool(true),
			Data:    labels,
			AxisLabel: &opts.AxisLabel{
				Show:     opts.Bool(true),
				Width:    deptLabelWidth,
				Overflow: "truncate",
				FontSize: axisFontSize,
			},
		}),
	)...)
	type role struct {
		name  string
		count func(extract.Dept) int
	}
	roles := []role{ // roleOrder
		{w.Roles.Lead, func(d extract.Dept) int { return d.Lead }},
		{w.Roles.Respective, func(d extract.Dept) int { return d.Respective }},
		{w.Roles.Co, func(d extract.Dept) int { return d.Co }},
		{w.Roles.All, func(d extract.Dept) int { return d.All }},
	}
	for i, r := range roles {
		data := make([]opts.BarData, len(depts))
		for i, d := range depts {
			data[i] = opts.BarData{Value: r.count(d)}
		}
		bar.AddSeries(jsText(r.name), data,
			gecharts.WithBarChartOpts(opts.BarChart{Stack: "total", BarCategoryGap: "30%"}),
			gecharts.WithItemStyleOpts(opts.ItemStyle{Color: roleColor(roleOrder[i])}))
	}
	return bar
}

// sectionColumns are the sections items fall into, in document order:
// "（未分部分）" first when items precede the first heading (or name a
// section the document does not have), then every section.
type sectionColumns struct {
	labels []string       // safe display titles
	index  map[string]int // Item.Section -> column
}

func (s *site) sectionColumns() sectionColumns {
	c := sectionColumns{index: map[string]int{}}
	unsectioned := false
	for _, it := range s.doc.Items {
		if s.doc.Section(it.Section) == nil {
			unsectioned = true
			break
		}
	}
	if unsectioned {
		c.labels = append(c.labels, s.w.Unsectioned)
	}
	for _, sec := range s.doc.Sections {
		if _, dup := c.index[sec.Number]; dup || sec.Parent != "" {
			continue // sub-headings (（一） in a 1. document) hold no items of their own
		}
		c.index[sec.Number] = len(c.labels)
		c.labels = append(c.labels, s.doc.SectionTitle(sec.Number))
	}
	c.labels = uniqueLabels(c.labels)
	return c
}

// column is the column of an item's section.
func (c sectionColumns) column(section string) int {
	if i, ok := c.index[section]; ok {
		return i
	}
	return 0 // the unsectioned column, present whenever this happens
}

// sections is two donuts side by side: items per section and tasks per
// section.
func (s *site) sections() *gecharts.Pie {
	w := s.w
	cols := s.sectionColumns()
	items := make([]int, len(cols.labels))
	tasks := make([]int, len(cols.labels))
	for _, it := range s.doc.Items {
		i := cols.column(it.Section)
		items[i]++
		tasks[i] += len(it.Tasks)
	}
	pie := gecharts.NewPie()
	title := func(text, left string) map[string]any {
		return map[string]any{"text": jsText(text), "left": left, "top": "4%", "textAlign": "center"}
	}
	pie.Accept(optionVisitor{extra: []keyValue{{"title", []any{
		title(w.Sections.Items, "25%"),
		title(w.Sections.Tasks, "75%"),
	}}}})
	pie.SetGlobalOptions(append(commonOpts(sectionsID, 560),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Bottom: "0"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
	)...)
	series := func(name string, counts []int, center string) {
		data := make([]opts.PieData, len(counts))
		for i, n := range counts {
			data[i] = opts.PieData{Name: cols.labels[i], Value: n}
		}
		pie.AddSeries(jsText(name), data,
			gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) {
				ss.Center = []string{center, "52%"}
				ss.Radius = []string{"28%", "58%"}
			}),
			gecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{c}"}),
			gecharts.WithSeriesTooltipOpts(opts.SeriesTooltip{Formatter: types.FuncStr(jsFormat(w.Sections.Tooltip))}),
		)
	}
	series(w.Sections.Items, items, "25%")
	series(w.Sections.Tasks, tasks, "75%")
	return pie
}

// network is the collaboration graph: depts as nodes sized by the tasks
// that name them, an edge between two depts that share at least
// s.minShared() tasks, weighted by how many they share, coloured by dept
// kind. Tasks of 各部门单位分别负责 are left out: they would join every
// dept to every other. A dept with no edge left is left out too, and only
// the networkLabels depts with most tasks carry a name; pointing at a node
// (or picking it in the page's picker) names it and its partners.
func (s *site) network() *gecharts.Graph {
	w := s.w
	net := s.networkGraph()
	var kinds []string
	kindIndex := map[string]int{}
	for _, d := range net.depts {
		k := w.kind(d.Kind)
		if _, ok := kindIndex[k]; !ok {
			kindIndex[k] = len(kinds)
			kinds = append(kinds, k)
		}
	}
	kindLabels := uniqueLabels(kinds)
	categories := make([]*opts.GraphCategory, len(kinds))
	for i, l := range kindLabels {
		categories[i] = &opts.GraphCategory{Name: l}
	}
	nodes := make([]opts.GraphNode, len(net.depts))
	for i, d := range net.depts {
		n := d.Lead + d.Co + d.Respective
		nodes[i] = opts.GraphNode{
			Name:       s.label[d.Name],
			Value:      float32(n),
			Category:   kindIndex[w.kind(d.Kind)],
			SymbolSize: nodeSize(n),
		}
	}
	links := make([]opts.GraphLink, len(net.edges))
	for i, e := range net.edges {
		links[i] = opts.GraphLink{
			Source:    nodes[e.a].Name,
			Target:    nodes[e.b].Name,
			Value:     float32(e.weight),
			LineStyle: &opts.LineStyle{Width: edgeWidth(e.weight)},
		}
	}
	// a node is named when it has at least the tasks of the
	// networkLabels-th heaviest node
	named := make(map[int]bool)
	for i, d := range net.depts {
		if d.Lead+d.Co+d.Respective >= net.labelMin {
			named[i] = true
		}
	}

	g := gecharts.NewGraph()
	g.Accept(networkVisitor{named: named})
	g.SetGlobalOptions(append(commonOpts(networkID, 800),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0", Data: kindLabels}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
	)...)
	g.AddSeries(jsText(w.Network.Series), nodes, links,
		gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) {
			ss.Layout = "force"
			// A circular start instead of ECharts' random one, so the
			// layout comes out the same every time the page is opened.
			ss.Force = map[string]any{
				"initLayout":      "circular",
				"repulsion":       repulsion(len(nodes)),
				"gravity":         0.12,
				"edgeLength":      []int{60, 200},
				"layoutAnimation": false,
			}
			ss.Categories = categories
			ss.Top = "40" // below the legend
			ss.Roam = opts.Bool(true)
			ss.Draggable = opts.Bool(true)
		}),
		gecharts.WithLabelOpts(opts.Label{Show: opts.Bool(false), Position: "right", FontSize: 12}),
		gecharts.WithLabelLayoutOpts(opts.LabelLayout{HideOverlap: opts.Bool(true)}),
		gecharts.WithEmphasisOpts(opts.Emphasis{Focus: "adjacency", Label: &opts.Label{Show: opts.Bool(true), Formatter: "{b}", FontWeight: "bold"}}),
		gecharts.WithLineStyleOpts(opts.LineStyle{Color: "source", Opacity: opts.Float(0.35), Curveness: 0.1}),
	)
	return g
}

// networkNote is the network's note with its threshold and label count.
func (s *site) networkNote() string {
	g := s.networkGraph()
	return fill(fill(s.w.Network.Note, "n", strconv.Itoa(g.minShared)), "k", strconv.Itoa(g.labelled))
}

// networkVisitor shows the labels of the named nodes: go-echarts has no
// label field on a graph node, so the series pass through JSON once more.
type networkVisitor struct {
	optionVisitor
	named map[int]bool
}

func (v networkVisitor) VisitSeriesOpt(ms gecharts.MultiSeries) any {
	raw, err := json.Marshal(ms)
	if err != nil {
		return ms
	}
	var series []map[string]any
	if err := json.Unmarshal(raw, &series); err != nil || len(series) == 0 {
		return ms
	}
	data, _ := series[0]["data"].([]any)
	for i, d := range data {
		if node, ok := d.(map[string]any); ok && v.named[i] {
			node["label"] = map[string]any{"show": true}
		}
	}
	return series
}

// networkMaxEdges is how many edges the network draws at most.
const networkMaxEdges = 150

// networkLabels is how many depts the network names without pointing.
const networkLabels = 12

// netEdge joins the depts at positions a < b of networkGraph.depts.
type netEdge struct{ a, b, weight int }

// netGraph is what the network draws.
type netGraph struct {
	minShared int // the fewest tasks an edge stands for
	labelMin  int // the fewest tasks of a named node
	labelled  int // how many nodes are named
	depts     []*extract.Dept
	edges     []netEdge
}

// networkGraph counts the tasks each pair of depts shares and keeps the
// pairs sharing minShared or more: 1 for a small document, 2 or more from
// 30 depts on, where every pair would make a hairball, raised until at
// most networkMaxEdges edges are left.
func (s *site) networkGraph() netGraph {
	pos := make(map[string]int, len(s.depts))
	for i, d := range s.depts {
		pos[d.Name] = i
	}
	// Edges in order of first appearance: by task, then by the order the
	// task names the depts.
	type pair struct{ a, b int }
	edgeIndex := map[pair]int{}
	var all []netEdge
	for _, it := range s.doc.Items {
		for ti := range it.Tasks {
			names := it.Tasks[ti].Depts()
			for i := 0; i < len(names); i++ {
				a, ok := pos[names[i]]
				if !ok {
					continue
				}
				for j := i + 1; j < len(names); j++ {
					b, ok := pos[names[j]]
					if !ok || a == b {
						continue
					}
					p := pair{min(a, b), max(a, b)}
					if k, seen := edgeIndex[p]; seen {
						all[k].weight++
						continue
					}
					edgeIndex[p] = len(all)
					all = append(all, netEdge{p.a, p.b, 1})
				}
			}
		}
	}
	g := netGraph{minShared: 1}
	if len(s.depts) >= 30 {
		g.minShared = 2
	}
	for {
		n := 0
		for _, e := range all {
			if e.weight >= g.minShared {
				n++
			}
		}
		if n <= networkMaxEdges {
			break
		}
		g.minShared++
	}
	keep := make([]bool, len(s.depts))
	for _, e := range all {
		if e.weight >= g.minShared {
			keep[e.a], keep[e.b] = true, true
		}
	}
	if g.minShared == 1 { // a small document shows every dept
		for i := range keep {
			keep[i] = true
		}
	}
	newPos := make([]int, len(s.depts))
	for i, d := range s.depts {
		if keep[i] {
			newPos[i] = len(g.depts)
			g.depts = append(g.depts, d)
		}
	}
	for _, e := range all {
		if e.weight >= g.minShared {
			g.edges = append(g.edges, netEdge{newPos[e.a], newPos[e.b], e.weight})
		}
	}
	counts := make([]int, len(g.depts))
	for i, d := range g.depts {
		counts[i] = d.Lead + d.Co + d.Respective
	}
	slices.SortFunc(counts, func(a, b int) int { return b - a })
	if len(counts) > 0 {
		g.labelMin = counts[min(networkLabels, len(counts))-1]
		g.labelMin = max(g.labelMin, 1)
		for _, n := range counts {
			if n >= g.labelMin {
				g.labelled++
			}
		}
	}
	return g
}

// nodeSize grows with the square root of the task count, so that the
// heaviest depts do not swallow the chart.
func nodeSize(n int) float64 {
	return math.Round((8+4*math.Sqrt(float64(n)))*10) / 10
}

// repulsion keeps a few nodes apart and a hundred inside the chart.
func repulsion(nodes int) int {
	r := 10500 / (nodes + 1)
	switch {
	case r < 90:
		return 90
	case r > 300:
		return 300
	}
	return r
}

func edgeWidth(n int) float32 {
	wd := 0.5 + 0.5*float32(n)
	if wd > 8 {
		return 8
	}
	return wd
}

// heatmap is depts (rows, in doc.ByWorkload order) × sections (columns):
// each cell the tasks that name the dept in the section's items.
func (s *site) heatmap() *gecharts.HeatMap {
	w := s.w
	cols := s.sectionColumns()
	depts := s.byWorkload()
	row := make(map[string]int, len(depts))
	for i, d := range depts {
		row[d.Name] = i
	}
	counts := make([][]int, len(depts))
	for i := range counts {
		counts[i] = make([]int, len(cols.labels))
	}
	for _, it := range s.doc.Items {
		c := cols.column(it.Section)
		for ti := range it.Tasks {
			for _, n := range it.Tasks[ti].Depts() {
				if r, ok := row[n]; ok {
					counts[r][c]++
				}
			}
		}
	}
	max := 1
	tipFormat := jsText(w.Heatmap.Tooltip)
	var data []opts.HeatMapData
	for r, d := range depts {
		for c, n := range counts[r] {
			if n == 0 {
				continue
			}
			if n > max {
				max = n
			}
			// The tooltip reads the data name: ECharts tooltip templates
			// cannot reach the third value of a heatmap point.
			tip := strings.NewReplacer("{dept}", s.label[d.Name], "{section}", cols.labels[c], "{n}", strconv.Itoa(n)).Replace(tipFormat)
			data = append(data, opts.HeatMapData{Name: tip, Value: [3]int{c, r, n}})
		}
	}

	labels := s.labels(depts)
	left := labelsWidth(labels, axisFontSize, deptLabelWidth) + 20
	// The section labels lean at 30°: they rise by half their width.
	top := 64 + labelsWidth(cols.labels, axisFontSize, sectionLabelWidth)/2 + 16

	hm := gecharts.NewHeatMap()
	hm.Accept(optionVisitor{})
	hm.SetGlobalOptions(append(commonOpts(heatmapID, rowsHeight(len(depts), 22, top+40, 360)),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		gecharts.WithGridOpts(opts.Grid{Left: strconv.Itoa(left), Right: "24", Top: strconv.Itoa(top), Bottom: "16"}),
		gecharts.WithXAxisOpts(opts.XAxis{
			Type:      "category",
			Position:  "top",
			Data:      cols.labels,
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Rotate: 30, Width: sectionLabelWidth, Overflow: "truncate", FontSize: axisFontSize},
		}),
		gecharts.WithYAxisOpts(opts.YAxis{
			Type:      "category",
			Inverse:   opts.Bool(true),
			Data:      labels,
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Width: deptLabelWidth, Overflow: "truncate", FontSize: axisFontSize},
		}),
		gecharts.WithVisualMapOpts(opts.VisualMap{
			Type:       "continuous",
			Calculable: opts.Bool(true),
			Min:        0,
			Max:        float32(max),
			Orient:     "horizontal",
			Left:       "center",
			Top:        "0",
			InRange:    &opts.VisualMapInRange{Color: []string{"#e8f1fb", "#5b8ff9", "#1d3f8f"}},
		}),
	)...)
	hm.AddSeries(jsText(w.Heatmap.Series), data,
		gecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), FontSize: 11}),
		gecharts.WithSeriesTooltipOpts(opts.SeriesTooltip{Formatter: "{b}"}),
	)
	return hm
}
