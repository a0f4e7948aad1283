// Package charts builds the offline HTML dashboard of a 分工意见: an index
// page with the document's counts (each a link), a search box over depts
// and tasks that runs in the page, and a dept index; chart pages (workload
// per dept, items and tasks per section, the collaboration network with a
// dept picker, a dept × section heatmap, the quantitative targets by
// section above their table); a 待核对 page of the extraction warnings by
// item; one small page per dept linking to the dept's own files; and the
// bundled ECharts script they all load by a relative path, so the pages
// work on an intranet without internet access. Roles are listed in one
// order and drawn in one colour each on every page (roles.go).
//
// The charts are built with go-echarts and drawn by ECharts with the SVG
// renderer. Like every exporter, the package only reads the model and
// returns bytes: the caller decides where they go. The same document and
// options give byte-identical pages.
//
// go-echarts inserts a chart's option JSON into a <script> element as
// trusted JavaScript. Every string from the document therefore passes
// through jsText before it reaches go-echarts, and everything written into
// HTML directly goes through html/template.
package charts

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"fengong/export"
	"fengong/extract"
)

// Options are export.Options plus the file stems of the dept pages.
type Options struct {
	export.Options
	// DeptStems maps a dept's canonical name to the safe file stem of its
	// page, dept/<stem>.html (see export.Stems). Every dept of the
	// document needs one.
	DeptStems map[string]string
	// DeptFiles maps a dept to the files the pack holds for it, as paths
	// relative to the pack's root (单位/<stem>/<stem>.pdf); its page links
	// to each. Nil means the default layout: DeptsDir/<stem>/<stem>.pdf
	// and .xlsx beside the charts directory; an empty list means none.
	DeptFiles map[string][]string
	// DeptsDir is the pack's folder of dept files for the default
	// layout; "" means 单位.
	DeptsDir string
	// Want, when set, says which pages (by Page.Name) Pages renders; the
	// others are left out, unrendered. The batch run's --incremental
	// reuses them from the previous pack. Nil renders every page.
	Want func(name string) bool
}

// defaultDeptsDir is the pack's folder of dept files unless told.
const defaultDeptsDir = "单位"

// Page is one file of the charts output.
type Page struct {
	// Name is slash-separated and relative to the charts output directory:
	// index.html, workload.html, dept/<stem>.html, assets/echarts.min.js.
	Name string
	Data []byte
}

// Spec is the ECharts option of one chart, as written into its page.
type Spec struct {
	Page    string          `json:"page"`
	ChartID string          `json:"chart_id"`
	Option  json.RawMessage `json:"option"`
}

// The fixed page names.
const (
	IndexPage = "index.html"
	// SearchPage is the index page's search data, a script of its own so
	// that the index prints no task's words (TextFree).
	SearchPage   = "search.js"
	WorkloadPage = "workload.html"
	SectionsPage = "sections.html"
	NetworkPage  = "network.html"
	HeatmapPage  = "heatmap.html"
	TargetsPage  = "targets.html"
	WarningsPage = "warnings.html"
	// DeptDir holds the dept pages.
	DeptDir = "dept"
	// AssetsDir holds the bundled script and its license files.
	AssetsDir = "assets"
	// ScriptAsset is the bundled ECharts build every chart page loads.
	ScriptAsset = AssetsDir + "/echarts.min.js"
)

// ECharts 5.6.0 (Apache-2.0), from the npm package echarts@5.6.0:
// dist/echarts.min.js with the package's LICENSE, NOTICE and
// licenses/LICENSE-d3.
//
//go:embed assets/echarts.min.js assets/LICENSE assets/NOTICE assets/LICENSE-d3
var assets embed.FS

// TextFree reports whether a summary page never prints the words of a
// task or an item (Task.Text, Item.Text): the index, workload, sections,
// network, heatmap, targets and 待核对 pages show counts, names, targets
// and warnings only. The batch run keys them without those words, so an
// edit of a task's wording leaves them as they are (TestTextFree holds
// them to it). The index's search data (SearchPage: it lists every
// task), the 督办 page and the dept pages print tasks.
func TextFree(page string) bool {
	switch page {
	case IndexPage, WorkloadPage, SectionsPage, NetworkPage, HeatmapPage, TargetsPage, WarningsPage:
		return true
	}
	return false
}

// AssetSum returns the hex sha256 of a page under AssetsDir, as Pages
// writes it, and whether there is one: the assets are bundled, the same
// for every document, so a batch keys them by this. The sums are written
// down in assetSums, so that a batch keys the assets without reading a
// megabyte of them (TestAssetSums holds them to the bytes: after changing
// an asset, paste the sums it prints).
func AssetSum(page string) (string, bool) {
	sum, ok := assetSums[page]
	return sum, ok
}

// assetSums are the sha256 of the bundled assets, by page.
var assetSums = map[string]string{
	AssetsDir + "/echarts.min.js": "bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1",
	AssetsDir + "/LICENSE":        "634293835b43a6dd2094fa39182a3d9a6b9ca43b7fdb9ac354e8037af2a3093a",
	AssetsDir + "/NOTICE":         "fa99ac3af859d0e13166906dc53a73ad34a08898da7e8ae83407275496e9e30c",
	AssetsDir + "/LICENSE-d3":     "e1211892da0b0e0585b7aebe8f98c1274fba15bafe47fa1f4ee8a7a502c06304",
}

// Pages renders every page of the dashboard and the bundled assets, in a
// fixed order: the index, the chart pages (the targets page among them),
// the 待核对 page, one page per dept in the document's dept order, then
// the assets.
func Pages(doc *extract.Document, opt Options) ([]Page, error) {
	var out []Page
	err := Each(doc, opt, func(p Page) error {
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Each renders the pages Pages does, in the same order, and hands each to
// emit as soon as it is made, so that a dashboard of many depts is never
// held in memory whole. An error from emit stops it.
func Each(doc *extract.Document, opt Options, emit func(Page) error) error {
	s, err := newSite(doc, opt)
	if err != nil {
		return err
	}
	return s.pages(emit)
}

// Specs returns the ECharts option of every chart, in page order, exactly
// as Pages writes them. Tests golden them.
func Specs(doc *extract.Document, opt Options) ([]Spec, error) {
	s, err := newSite(doc, opt)
	if err != nil {
		return nil, err
	}
	var out []Spec
	for _, p := range s.chartPages() {
		for _, c := range p.charts {
			c.chart.Validate()
			out = append(out, Spec{
				Page:    p.name,
				ChartID: c.id,
				Option:  json.RawMessage(strings.TrimSpace(string(c.chart.JSONNotEscaped()))),
			})
		}
	}
	return out, nil
}

// site is what every page is built from: the document, the wording, and
// the dept names, labels and stems in the document's dept order.
type site struct {
	doc *extract.Document
	idx *extract.Index // doc.Index(): each dept's tasks and targets
	opt Options
	w   *wording

	// depts are the document's depts, each name once, in its order.
	depts []*extract.Dept
	// label is a dept's name made safe for go-echarts, unique per dept.
	label map[string]string
	// stem is a dept's page stem.
	stem map[string]string
}

func newSite(doc *extract.Document, opt Options) (*site, error) {
	if doc == nil {
		return nil, fmt.Errorf("charts: nil document")
	}
	w, err := loadWording(opt.Options)
	if err != nil {
		return nil, err
	}
	s := &site{doc: doc, idx: opt.IndexOf(doc), opt: opt, w: w, label: map[string]string{}, stem: map[string]string{}}
	var names []string
	for i := range doc.Depts {
		d := &doc.Depts[i]
		if _, dup := s.label[d.Name]; dup {
			continue
		}
		s.label[d.Name] = ""
		s.depts = append(s.depts, d)
		names = append(names, d.Name)
	}
	for i, l := range uniqueLabels(names) {
		s.label[names[i]] = l
	}
	// a dept name never stops the dashboard: stems the caller did not
	// give, or gave unsafe or shared, are export's policy instead, which
	// always passes
	if !s.setStems(names, opt.DeptStems) && !s.setStems(names, export.Stems(names)) {
		return nil, fmt.Errorf("charts: export.Stems gave unsafe file stems")
	}
	return s, nil
}

// setStems takes stems for the dept pages if every name has one that is
// safe and unique (also without case).
func (s *site) setStems(names []string, stems map[string]string) bool {
	pageOf := make(map[string]bool, len(names))
	for _, n := range names {
		st, ok := stems[n]
		p := strings.ToLower(DeptDir + "/" + st + ".html")
		if !ok || st == "" || strings.ContainsAny(st, `/\`) || !fs.ValidPath(p) || pageOf[p] {
			return false
		}
		pageOf[p] = true
	}
	for _, n := range names {
		s.stem[n] = stems[n]
	}
	return true
}

// title is the document title shown on every page.
func (s *site) title() string {
	return s.opt.TitleOr(s.doc.Title)
}

// byWorkload is doc.ByWorkload with each name once.
func (s *site) byWorkload() []extract.Dept {
	seen := make(map[string]bool, len(s.depts))
	var out []extract.Dept
	for _, d := range s.doc.ByWorkload() {
		if !seen[d.Name] {
			seen[d.Name] = true
			out = append(out, d)
		}
	}
	return out
}

func (s *site) pages(emit func(Page) error) error {
	r, err := newRenderer(s)
	if err != nil {
		return err
	}
	// Want is asked once per page: the batch run's records each answer
	asked := map[string]bool{}
	want := func(name string) bool {
		if w, ok := asked[name]; ok {
			return w
		}
		w := s.opt.Want == nil || s.opt.Want(name)
		asked[name] = w
		return w
	}
	add := func(name string, render func() ([]byte, error)) error {
		if !want(name) {
			return nil
		}
		data, err := render()
		if err != nil {
			return fmt.Errorf("charts: %s: %w", name, err)
		}
		return emit(Page{Name: name, Data: data})
	}
	if err := add(IndexPage, r.index); err != nil {
		return err
	}
	if err := add(SearchPage, r.search); err != nil {
		return err
	}
	// the charts are built only if a chart page is wanted
	var chartPages []chartPage
	chartNames := []string{WorkloadPage, SectionsPage, NetworkPage, HeatmapPage, TargetsPage}
	if s.opt.Progress != nil {
		chartNames = append(chartNames, ProgressPage)
	}
	if slices.ContainsFunc(chartNames, want) {
		chartPages = s.chartPages()
	}
	for _, p := range chartPages {
		render := func() ([]byte, error) { return r.chartPage(p) }
		switch p.name {
		case TargetsPage:
			render = func() ([]byte, error) { return r.targets(p) }
		case NetworkPage:
			render = func() ([]byte, error) { return r.network(p) }
		}
		if err := add(p.name, render); err != nil {
			return err
		}
	}
	if err := add(WarningsPage, r.warnings); err != nil {
		return err
	}
	for _, d := range s.depts {
		if err := add(DeptDir+"/"+s.stem[d.Name]+".html", func() ([]byte, error) { return r.dept(d) }); err != nil {
			return err
		}
	}
	for _, f := range []string{"echarts.min.js", "LICENSE", "NOTICE", "LICENSE-d3"} {
		if err := add(AssetsDir+"/"+f, func() ([]byte, error) { return assets.ReadFile(AssetsDir + "/" + f) }); err != nil {
			return err
		}
	}
	return nil
}
