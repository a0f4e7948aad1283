package charts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"fengong/export"
	"fengong/extract"
	"fengong/templates"
)

// The hostile names as they reach go-echarts.
const (
	safeScript = `＜/script＞＜script＞document.title='pwned'＜/script＞`
	safeFunc   = `＿＿f＿＿function(){document.title='pwned'}＿＿f＿＿`
	safeImg    = `＜img src=x onerror=document.title='pwned'＞`
)

func TestPageNames(t *testing.T) {
	doc := fixture()
	opt := optionsFor(doc)
	pages, err := Pages(doc, opt)
	if err != nil {
		t.Fatalf("Pages: %v", err)
	}
	var got []string
	for _, p := range pages {
		got = append(got, p.Name)
	}
	want := []string{"index.html", "search.js", "workload.html", "sections.html", "network.html", "heatmap.html", "targets.html", "warnings.html"}
	for _, d := range doc.Depts {
		want = append(want, "dept/"+opt.DeptStems[d.Name]+".html")
	}
	want = append(want, "assets/echarts.min.js", "assets/LICENSE", "assets/NOTICE", "assets/LICENSE-d3")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("page names:\ngot  %q\nwant %q", got, want)
	}
	for _, p := range pages {
		if len(p.Data) == 0 {
			t.Errorf("%s is empty", p.Name)
		}
	}
	js := pages[len(pages)-4].Data
	if !bytes.Contains(js[:2000], []byte("Apache Software Foundation")) || len(js) < 500_000 {
		t.Errorf("assets/echarts.min.js does not look like the ECharts build (%d bytes)", len(js))
	}
}

// specsGolden compares the chart options with testdata/<name>.golden.json.
func specsGolden(t *testing.T, name string, doc *extract.Document) {
	t.Helper()
	specs, err := Specs(doc, optionsFor(doc))
	if err != nil {
		t.Fatalf("Specs: %v", err)
	}
	got, err := json.MarshalIndent(specs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", name+".golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./charts -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("chart options differ from %s; run go test ./charts -update and review the diff", golden)
	}
}

func TestSpecsGoldenFixture(t *testing.T) { specsGolden(t, "fixture", fixture()) }

func TestSpecsGoldenSeed(t *testing.T) { specsGolden(t, "seed", seed(t)) }

// option is the part of an ECharts option the tests read.
type option struct {
	Series []struct {
		Name       string          `json:"name"`
		Type       string          `json:"type"`
		Stack      string          `json:"stack"`
		Data       json.RawMessage `json:"data"`
		Links      []link          `json:"links"`
		Categories []struct {
			Name string `json:"name"`
		} `json:"categories"`
		Force map[string]any `json:"force"`
	} `json:"series"`
	XAxis []struct {
		Data []string `json:"data"`
	} `json:"xAxis"`
	YAxis []struct {
		Data []string `json:"data"`
	} `json:"yAxis"`
	Legend struct {
		Data []string `json:"data"`
	} `json:"legend"`
	TextStyle struct {
		FontFamily string `json:"fontFamily"`
	} `json:"textStyle"`
}

type link struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	Value  float64 `json:"value"`
}

type named struct {
	Name     string `json:"name"`
	Value    any    `json:"value"`
	Category int    `json:"category"`
}

// specOf returns the decoded option of one chart.
func specOf(t *testing.T, doc *extract.Document, id string) option {
	t.Helper()
	specs, err := Specs(doc, optionsFor(doc))
	if err != nil {
		t.Fatalf("Specs: %v", err)
	}
	for _, s := range specs {
		if s.ChartID == id {
			var o option
			if err := json.Unmarshal(s.Option, &o); err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			return o
		}
	}
	t.Fatalf("no chart %q", id)
	return option{}
}

func decode[T any](t *testing.T, raw json.RawMessage) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return v
}

func TestWorkload(t *testing.T) {
	o := specOf(t, fixture(), workloadID)
	wantDepts := []string{"省发展改革委", "省科技厅", "省财政厅", safeFunc, safeScript, "省统计局", "长沙市", "株洲市", safeImg}
	if got := o.YAxis[0].Data; !reflect.DeepEqual(got, wantDepts) {
		t.Errorf("dept axis, in ByWorkload order:\ngot  %q\nwant %q", got, wantDepts)
	}
	want := []struct {
		name   string
		values []int
	}{
		{"牵头", []int{1, 2, 1, 0, 1, 0, 0, 0, 0}},
		{"分别负责", []int{0, 0, 0, 0, 0, 0, 1, 1, 0}},
		{"按职责分工负责", []int{2, 0, 1, 2, 0, 1, 0, 0, 1}},
		{"各部门单位分别负责", []int{1, 1, 1, 1, 1, 1, 1, 1, 1}},
	}
	if len(o.Series) != len(want) {
		t.Fatalf("got %d series, want %d", len(o.Series), len(want))
	}
	for i, w := range want {
		s := o.Series[i]
		var values []int
		for _, d := range decode[[]struct{ Value int }](t, s.Data) {
			values = append(values, d.Value)
		}
		if s.Name != w.name || s.Stack != "total" || !reflect.DeepEqual(values, w.values) {
			t.Errorf("series %d: got %q stack %q %v, want %q stack \"total\" %v", i, s.Name, s.Stack, values, w.name, w.values)
		}
	}
	if !strings.Contains(o.TextStyle.FontFamily, "Microsoft YaHei") || !strings.Contains(o.TextStyle.FontFamily, "Noto Sans CJK SC") {
		t.Errorf("font family %q lacks the CJK fonts", o.TextStyle.FontFamily)
	}
}

func TestSections(t *testing.T) {
	tests := []struct {
		name        string
		doc         func() *extract.Document
		labels      []string
		items, task []int
	}{
		{"fixture", fixture, []string{"（未分部分）", "一、稳定经济增长", "二、推进改革＜创新＞"}, []int{1, 2, 1}, []int{1, 3, 2}},
		{"every item under a heading", func() *extract.Document {
			d := fixture()
			d.Items = d.Items[1:]
			return d
		}, []string{"一、稳定经济增长", "二、推进改革＜创新＞"}, []int{2, 1}, []int{3, 2}},
		{"no headings", func() *extract.Document {
			d := fixture()
			d.Sections = nil
			return d
		}, []string{"（未分部分）"}, []int{4}, []int{6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := specOf(t, tt.doc(), sectionsID)
			if len(o.Series) != 2 {
				t.Fatalf("got %d series, want 2", len(o.Series))
			}
			for i, want := range [][]int{tt.items, tt.task} {
				var labels []string
				var values []int
				for _, d := range decode[[]named](t, o.Series[i].Data) {
					labels = append(labels, d.Name)
					values = append(values, int(d.Value.(float64)))
				}
				if !reflect.DeepEqual(labels, tt.labels) || !reflect.DeepEqual(values, want) {
					t.Errorf("series %q: got %q %v, want %q %v", o.Series[i].Name, labels, values, tt.labels, want)
				}
			}
		})
	}
}

func TestNetwork(t *testing.T) {
	o := specOf(t, fixture(), networkID)
	if len(o.Series) != 1 || o.Series[0].Type != "graph" {
		t.Fatalf("want one graph series, got %+v", o.Series)
	}
	s := o.Series[0]
	var cats []string
	for _, c := range s.Categories {
		cats = append(cats, c.Name)
	}
	if want := []string{"省直部门", "市州政府", "其他"}; !reflect.DeepEqual(cats, want) || !reflect.DeepEqual(o.Legend.Data, want) {
		t.Errorf("categories: got %q, legend %q, want %q", cats, o.Legend.Data, want)
	}
	type node struct {
		name     string
		value    int
		category int
	}
	var nodes []node
	for _, n := range decode[[]named](t, s.Data) {
		nodes = append(nodes, node{n.Name, int(n.Value.(float64)), n.Category})
	}
	wantNodes := []node{
		{"省发展改革委", 3, 0}, {"省科技厅", 2, 0}, {"省财政厅", 2, 0}, {"省统计局", 1, 0},
		{"长沙市", 1, 1}, {"株洲市", 1, 1}, {safeScript, 1, 2}, {safeFunc, 2, 2}, {safeImg, 1, 2},
	}
	if !reflect.DeepEqual(nodes, wantNodes) {
		t.Errorf("nodes:\ngot  %v\nwant %v", nodes, wantNodes)
	}
	wantLinks := []link{
		{"省发展改革委", "省财政厅", 2},
		{"省发展改革委", "省统计局", 1},
		{"省财政厅", "省统计局", 1},
		{"长沙市", "株洲市", 1},
		{"省科技厅", safeScript, 1},
		{safeScript, safeFunc, 1},
		{"省科技厅", safeFunc, 2},
		{"省发展改革委", "省科技厅", 1},
		{"省科技厅", safeImg, 1},
		{"省发展改革委", safeImg, 1},
		{"省发展改革委", safeFunc, 1},
		{safeFunc, safeImg, 1},
	}
	if !reflect.DeepEqual(s.Links, wantLinks) {
		t.Errorf("links:\ngot  %v\nwant %v", s.Links, wantLinks)
	}
	if got := s.Force["initLayout"]; got != "circular" {
		t.Errorf("force.initLayout = %v, want circular (a fixed start)", got)
	}
}

func TestHeatmap(t *testing.T) {
	o := specOf(t, fixture(), heatmapID)
	if want := []string{"（未分部分）", "一、稳定经济增长", "二、推进改革＜创新＞"}; !reflect.DeepEqual(o.XAxis[0].Data, want) {
		t.Errorf("section axis: got %q, want %q", o.XAxis[0].Data, want)
	}
	if want := []string{"省发展改革委", "省科技厅", "省财政厅", safeFunc, safeScript, "省统计局", "长沙市", "株洲市", safeImg}; !reflect.DeepEqual(o.YAxis[0].Data, want) {
		t.Errorf("dept axis: got %q, want %q", o.YAxis[0].Data, want)
	}
	type cell struct {
		Name  string
		Value [3]int
	}
	got := decode[[]cell](t, o.Series[0].Data)
	want := []cell{
		{"省发展改革委 · 一、稳定经济增长：2项任务", [3]int{1, 0, 2}},
		{"省发展改革委 · 二、推进改革＜创新＞：1项任务", [3]int{2, 0, 1}},
		{"省科技厅 · 二、推进改革＜创新＞：2项任务", [3]int{2, 1, 2}},
		{"省财政厅 · 一、稳定经济增长：2项任务", [3]int{1, 2, 2}},
		{safeFunc + " · 二、推进改革＜创新＞：2项任务", [3]int{2, 3, 2}},
		{safeScript + " · 二、推进改革＜创新＞：1项任务", [3]int{2, 4, 1}},
		{"省统计局 · 一、稳定经济增长：1项任务", [3]int{1, 5, 1}},
		{"长沙市 · 一、稳定经济增长：1项任务", [3]int{1, 6, 1}},
		{"株洲市 · 一、稳定经济增长：1项任务", [3]int{1, 7, 1}},
		{safeImg + " · 二、推进改革＜创新＞：1项任务", [3]int{2, 8, 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cells:\ngot  %v\nwant %v", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	doc := fixture()
	opt := optionsFor(doc)
	first, err := Pages(doc, opt)
	if err != nil {
		t.Fatalf("Pages: %v", err)
	}
	// Concurrent calls, as the pipeline makes them, give the same bytes.
	var wg sync.WaitGroup
	results := make([][]Page, 4)
	errs := make([]error, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = Pages(doc, opt)
		}()
	}
	wg.Wait()
	for i, got := range results {
		if errs[i] != nil {
			t.Fatalf("Pages: %v", errs[i])
		}
		if len(got) != len(first) {
			t.Fatalf("run %d: %d pages, want %d", i, len(got), len(first))
		}
		for j := range got {
			if got[j].Name != first[j].Name || !bytes.Equal(got[j].Data, first[j].Data) {
				t.Errorf("run %d: page %s differs", i, first[j].Name)
			}
		}
	}
}

// htmlPages returns the HTML pages of a document.
func htmlPages(t *testing.T, doc *extract.Document) []Page {
	t.Helper()
	pages, err := Pages(doc, optionsFor(doc))
	if err != nil {
		t.Fatalf("Pages: %v", err)
	}
	var out []Page
	for _, p := range pages {
		if strings.HasSuffix(p.Name, ".html") {
			out = append(out, p)
		}
	}
	return out
}

// walk calls fn for every element of the node tree.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestOffline(t *testing.T) {
	for _, doc := range []*extract.Document{fixture(), {}} {
		pages := htmlPages(t, doc)
		names := map[string]bool{"assets/echarts.min.js": true, SearchPage: true}
		for _, p := range pages {
			names[p.Name] = true
		}
		// the dept pages link to the dept's files of the default layout,
		// beside the charts directory
		for _, st := range optionsFor(doc).DeptStems {
			names["../单位/"+st+"/"+st+".pdf"] = true
			names["../单位/"+st+"/"+st+".xlsx"] = true
		}
		for _, p := range pages {
			if bytes.Contains(p.Data, []byte("http://")) || bytes.Contains(p.Data, []byte("https://")) {
				t.Errorf("%s mentions http(s)://", p.Name)
			}
			root, err := html.Parse(bytes.NewReader(p.Data))
			if err != nil {
				t.Fatalf("%s: %v", p.Name, err)
			}
			walk(root, func(n *html.Node) {
				var ref string
				switch n.Data {
				case "script":
					ref = attr(n, "src")
				case "link":
					ref = attr(n, "href")
				case "a":
					// Links must lead to a page of the set.
					ref = attr(n, "href")
				}
				if i := strings.IndexByte(ref, '#'); i >= 0 {
					ref = ref[:i] // a place in the page
				}
				if ref == "" {
					return
				}
				if strings.Contains(ref, ":") || strings.HasPrefix(ref, "/") {
					t.Errorf("%s: <%s> refers to %q, not a relative path", p.Name, n.Data, ref)
					return
				}
				target := path.Join(path.Dir(p.Name), ref)
				if unescaped, err := url.PathUnescape(target); err == nil {
					target = unescaped
				}
				if !names[target] {
					t.Errorf("%s: <%s> refers to %q, which is not among the pages", p.Name, n.Data, ref)
				}
			})
		}
	}
}

// TestHostileNames checks the bytes: no dept name breaks out of its
// context, in the chart scripts or in the HTML.
func TestHostileNames(t *testing.T) {
	doc := fixture()
	doc.Title = hostileScript
	doc.Items[1].Tasks[0].Deadline = hostileImg
	for _, p := range htmlPages(t, doc) {
		for _, bad := range []string{"<script>document.title", "<img src=x", "<b>研发", "<script>alert"} {
			if bytes.Contains(p.Data, []byte(bad)) {
				t.Errorf("%s contains %q unescaped", p.Name, bad)
			}
		}
		root, err := html.Parse(bytes.NewReader(p.Data))
		if err != nil {
			t.Fatal(err)
		}
		scripts, title := 0, ""
		walk(root, func(n *html.Node) {
			switch n.Data {
			case "script":
				scripts++
				if n.FirstChild != nil && strings.Contains(n.FirstChild.Data, "__f__") {
					t.Errorf("%s: a script holds the go-echarts code marker __f__", p.Name)
				}
			case "img":
				t.Errorf("%s: an <img> element made it into the page", p.Name)
			case "title":
				if n.FirstChild != nil {
					title = n.FirstChild.Data
				}
			}
		})
		want := 0 // the 待核对 and dept pages have no script
		switch p.Name {
		case IndexPage:
			want = 2 // the search data, the search box
		case WorkloadPage, SectionsPage, HeatmapPage, TargetsPage:
			want = 3 // echarts.min.js, the chart, the resize handler
		case NetworkPage:
			want = 4 // and the dept picker
		}
		if scripts != want {
			t.Errorf("%s: %d <script> elements, want %d", p.Name, scripts, want)
		}
		if !strings.Contains(title, hostileScript) {
			t.Errorf("%s: title %q does not carry the document title as text", p.Name, title)
		}
	}
	specs, err := Specs(doc, optionsFor(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range specs {
		// The one tag allowed is the line break of a tooltip template.
		opt := bytes.ReplaceAll(s.Option, []byte("<br/>"), nil)
		for _, bad := range []string{"<", ">", "&", "__f__"} {
			if bytes.Contains(opt, []byte(bad)) {
				t.Errorf("%s option contains %q", s.ChartID, bad)
			}
		}
		if s.ChartID != sectionsID && s.ChartID != targetsID && !bytes.Contains(s.Option, []byte(safeScript)) {
			t.Errorf("%s option lacks the neutralised name %q", s.ChartID, safeScript)
		}
	}
}

func TestJSText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"省发展改革委", "省发展改革委"},
		{hostileScript, safeScript},
		{hostileFunc, safeFunc},
		{hostileImg, safeImg},
		{"a&b", "a＆b"},
		{"<!--", "＜!--"},
		{"_\u200b_f__", "＿＿f＿＿"}, // a hidden format character does not save the marker
		{"line\nbreak\u2028sep\ttab", "line break sep tab"},
		{"bad\xffutf8", "badutf8"},
		{"😀 emoji", "😀 emoji"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := jsText(tt.in); got != tt.want {
			t.Errorf("jsText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got, want := jsFormat("{a}<br/>{b}<i>"), "{a}<br/>{b}＜i＞"; got != want {
		t.Errorf("jsFormat: got %q, want %q", got, want)
	}
	if got, want := uniqueLabels([]string{"a<b", "a＜b", "c", "a<b"}), []string{"a＜b", "a＜b（2）", "c", "a＜b（3）"}; !reflect.DeepEqual(got, want) {
		t.Errorf("uniqueLabels: got %q, want %q", got, want)
	}
}

// Regression: a missing, unsafe or shared stem ended the charts (and the
// run); now the dept pages take export's stem policy instead.
func TestBadStemsFallBackToPolicy(t *testing.T) {
	tests := []struct {
		name  string
		stems map[string]string
	}{
		{"missing", map[string]string{}},
		{"parent", map[string]string{"省发展改革委": "../x"}},
		{"slash", map[string]string{"省发展改革委": "a/b"}},
		{"backslash", map[string]string{"省发展改革委": `a\b`}},
		{"empty", map[string]string{"省发展改革委": ""}},
		{"shared", map[string]string{"省发展改革委": "X", "省科技厅": "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := fixture()
			doc.Depts = doc.Depts[:2]
			opt := optionsFor(doc)
			opt.DeptStems = tt.stems
			if _, ok := tt.stems["省科技厅"]; !ok {
				tt.stems["省科技厅"] = "ok"
			}
			pages, err := Pages(doc, opt)
			if err != nil {
				t.Fatalf("Pages: %v", err)
			}
			want := export.Stems([]string{doc.Depts[0].Name, doc.Depts[1].Name})
			for _, st := range want {
				found := false
				for _, p := range pages {
					found = found || p.Name == DeptDir+"/"+st+".html"
				}
				if !found {
					t.Errorf("no page %s/%s.html", DeptDir, st)
				}
			}
		})
	}
	if _, err := Pages(nil, Options{}); err == nil {
		t.Errorf("Pages(nil): got no error")
	}
}

func TestEmptyDocument(t *testing.T) {
	doc := &extract.Document{}
	pages, err := Pages(doc, Options{})
	if err != nil {
		t.Fatalf("Pages: %v", err)
	}
	if got, want := len(pages), 12; got != want {
		t.Errorf("got %d pages, want %d", got, want)
	}
	if !bytes.Contains(pages[0].Data, []byte("未识别到责任单位")) {
		t.Errorf("index of an empty document does not say there are no depts")
	}
	if bytes.Contains(pages[0].Data, []byte("生成日期")) {
		t.Errorf("index prints a generation date although none was given")
	}
}

func TestDeptPage(t *testing.T) {
	doc := fixture()
	opt := optionsFor(doc)
	pages, err := Pages(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	var page []byte
	for _, p := range pages {
		if p.Name == "dept/"+opt.DeptStems["省发展改革委"]+".html" {
			page = p.Data
		}
	}
	for _, want := range []string{
		"<h1>省发展改革委</h1>", "省发改委", // name and alias
		`<td class="n">1</td><td class="n">0</td><td class="n">2</td><td class="n">1</td><td class="n">4</td>`, // counts
		`<tr id="t-1.1"><td class="id">1.1</td><td class="role r-all">各部门单位分别负责</td><td class="sec">（未分部分）</td>`,
		`<td class="id">2.1</td><td class="role r-lead">牵头</td><td class="sec">一、稳定经济增长</td>`,
		`<td class="id">3.1</td><td class="role r-co">按职责分工负责</td>`,
		`<td class="id">4.2</td><td class="role r-co">按职责分工负责</td><td class="sec">二、推进改革&lt;创新&gt;</td><td>（原文缺失）</td>`,
		`<li><a href="../../%E5%8D%95%E4%BD%8D/%E7%9C%81%E5%8F%91%E5%B1%95%E6%94%B9%E9%9D%A9%E5%A7%94/%E7%9C%81%E5%8F%91%E5%B1%95%E6%94%B9%E9%9D%A9%E5%A7%94.pdf">任务简报（PDF）　省发展改革委.pdf</a></li>`,
		"地区生产总值增长6.5%以上", "5.5%以内", // its targets
		`<a href="../index.html">返回总览</a>`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("dept page lacks %q", want)
		}
	}
}

func TestTargetsPage(t *testing.T) {
	pages := htmlPages(t, fixture())
	var page []byte
	for _, p := range pages {
		if p.Name == TargetsPage {
			page = p.Data
		}
	}
	for _, want := range []string{
		`<tr class="group"><th colspan="5">第2项　一、稳定经济增长</th></tr>`,
		`<td class="id">2.1</td><td>地区生产总值</td><td class="n">6.5%以上</td><td class="clause">省发展改革委牵头，省财政厅、省统计局按职责分工负责</td>`,
		`<td class="n">5.5%以内</td>`,
		`<tr class="group"><th colspan="5">第4项　二、推进改革&lt;创新&gt;</th></tr>`,
		`<td class="n">10%</td><td class="clause">&lt;/script&gt;&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;、省科技厅牵头，__f__function(){document.title=&#39;pwned&#39;}__f__按职责分工负责</td><td>&lt;script&gt;alert(1)&lt;/script&gt;研发投入增长10%</td>`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("targets page lacks %q", want)
		}
	}
}

func TestWordingOverride(t *testing.T) {
	embedded, err := templates.Default().ReadFile(wordingFile)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, yaml, want, err string
	}{
		{"changed", strings.Replace(string(embedded), "dashboard: 总览", "dashboard: 首页", 1), ">首页</a>", ""},
		{"unknown key", string(embedded) + "\nbogus: 1\n", "", "bogus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, wordingFile), []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			ts, err := templates.New(dir)
			if err != nil {
				t.Fatal(err)
			}
			doc := fixture()
			opt := optionsFor(doc)
			opt.Templates = ts
			pages, err := Pages(doc, opt)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("got error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(pages[0].Data, []byte(tt.want)) {
				t.Errorf("index lacks %q", tt.want)
			}
		})
	}
}

func TestTitleOverride(t *testing.T) {
	doc := fixture()
	opt := optionsFor(doc)
	opt.Options = export.Options{Date: testDate, Title: "二〇二二年分工"}
	pages, err := Pages(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>总览 - 二〇二二年分工</title>", `<div class="doc">二〇二二年分工</div>`, "生成日期：2022年3月1日"} {
		if !bytes.Contains(pages[0].Data, []byte(want)) {
			t.Errorf("index lacks %q", want)
		}
	}
}

func BenchmarkPages(b *testing.B) {
	doc := seedOrScaled(b)
	opt := optionsFor(doc)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Pages(doc, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOddNames feeds names that break naive code: very long, emoji,
// control characters, path tricks, formula injection, a duplicate and an
// empty name, a hostile kind and section title.
func TestOddNames(t *testing.T) {
	doc := fixture()
	long := strings.Repeat("很长的单位名称", 300)
	odd := []string{long, "😀单位", "控制\x00字符\x1b[31m", "../../x", "=cmd|' /C calc'!A0", "", "   "}
	for i, n := range odd {
		doc.Depts = append(doc.Depts, extract.Dept{Name: n, Kind: "</script><script>document.title='pwned'</script>"})
		doc.Items[3].Tasks[1].Co = append(doc.Items[3].Tasks[1].Co, n)
		if i == 0 {
			doc.Items[2].Tasks[0].Lead = append(doc.Items[2].Tasks[0].Lead, n)
		}
	}
	doc.Depts = append(doc.Depts, doc.Depts[0]) // listed twice
	doc.Sections[0].Title = hostileFunc
	fillCounts(doc)

	pages := htmlPages(t, doc)
	if got, want := len(pages), 7+len(doc.Depts)-1; got != want {
		t.Errorf("got %d HTML pages, want %d (each dept once)", got, want)
	}
	for _, p := range pages {
		root, err := html.Parse(bytes.NewReader(p.Data))
		if err != nil {
			t.Fatal(err)
		}
		scripts := 0
		walk(root, func(n *html.Node) {
			if n.Data == "script" {
				scripts++
			}
		})
		if p.Name == NetworkPage && scripts != 4 {
			t.Errorf("%s: %d <script> elements, want 4", p.Name, scripts)
		}
	}
	specs, err := Specs(doc, optionsFor(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range specs {
		if !json.Valid(s.Option) {
			t.Errorf("%s: option is not valid JSON", s.ChartID)
		}
		if bytes.Contains(s.Option, []byte("\x00")) || bytes.Contains(s.Option, []byte(`\u0000`)) {
			t.Errorf("%s: option keeps a NUL character", s.ChartID)
		}
	}
	o := specOf(t, doc, networkID)
	names := map[string]bool{}
	for _, n := range decode[[]named](t, o.Series[0].Data) {
		if names[n.Name] {
			t.Errorf("graph node %q appears twice", n.Name)
		}
		names[n.Name] = true
	}
}

// TestTallCharts checks that a hundred depts get a row each of at least
// 20 pixels instead of squeezed labels, and that the dept label margin
// fits the longest name.
func TestTallCharts(t *testing.T) {
	doc := scaled(t, 90)
	pages := htmlPages(t, doc)
	for _, p := range pages {
		if p.Name != WorkloadPage && p.Name != HeatmapPage {
			continue
		}
		root, err := html.Parse(bytes.NewReader(p.Data))
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(p.Name, ".html")
		el := element(root, id)
		if el == nil {
			t.Fatalf("%s: no #%s", p.Name, id)
		}
		var height int
		if _, err := fmt.Sscanf(attr(el, "style")[strings.Index(attr(el, "style"), "height:"):], "height:%dpx", &height); err != nil {
			t.Fatalf("%s: style %q: %v", p.Name, attr(el, "style"), err)
		}
		if perRow := height / len(doc.Depts); perRow < 20 {
			t.Errorf("%s: %dpx for %d depts, %dpx a row; want at least 20", p.Name, height, len(doc.Depts), perRow)
		}
	}
}

func TestLabelsWidth(t *testing.T) {
	tests := []struct {
		labels []string
		want   int
	}{
		{nil, 0},
		{[]string{"省发展改革委"}, 72},
		{[]string{"abc", "省财政厅"}, 48},
		{[]string{"abcde"}, 36},
		{[]string{strings.Repeat("很", 100)}, deptLabelWidth},
	}
	for _, tt := range tests {
		if got := labelsWidth(tt.labels, 12, deptLabelWidth); got != tt.want {
			t.Errorf("labelsWidth(%q) = %d, want %d", tt.labels, got, tt.want)
		}
	}
}

// AssetSum is the sha256 of each asset exactly as Pages writes it, and
// only assets have one.
func TestAssetSum(t *testing.T) {
	pages, err := Pages(fixture(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range pages {
		sum, ok := AssetSum(p.Name)
		if !strings.HasPrefix(p.Name, AssetsDir+"/") {
			if ok {
				t.Errorf("%s: a sum for a page that is no asset", p.Name)
			}
			continue
		}
		n++
		if want := sha256.Sum256(p.Data); !ok || sum != hex.EncodeToString(want[:]) {
			t.Errorf("%s: sum %q (%v), want the sha256 of the bytes written; in assetSums: %q: %q", p.Name, sum, ok, p.Name, hex.EncodeToString(want[:]))
		}
	}
	if n == 0 || n != len(assetSums) {
		t.Errorf("%d assets written, %d sums written down", n, len(assetSums))
	}
}

// TestSearchScript: the search data is a script that sets one global to
// JSON listing every dept and task, with the hostile names' and tasks'
// <, > and & escaped, so nothing in it can end the script or start
// markup; the index page loads it before its own script reads it.
func TestSearchScript(t *testing.T) {
	doc := fixture()
	doc.Items[1].Tasks[0].Text = hostileScript + "</script><b>研发"
	pages, err := Pages(doc, optionsFor(doc))
	if err != nil {
		t.Fatal(err)
	}
	var search, index []byte
	for _, p := range pages {
		switch p.Name {
		case SearchPage:
			search = p.Data
		case IndexPage:
			index = p.Data
		}
	}
	prefix := "window." + searchVar + " = "
	if !bytes.HasPrefix(search, []byte(prefix)) || !bytes.HasSuffix(search, []byte(";\n")) {
		t.Fatalf("%s: want %q…;\\n, got %.80q", SearchPage, prefix, search)
	}
	if i := bytes.IndexAny(search, "<>&"); i >= 0 {
		t.Errorf("%s: an unescaped %q at byte %d", SearchPage, search[i], i)
	}
	var data struct {
		Depts []struct {
			N string `json:"n"`
		} `json:"depts"`
		Tasks []struct {
			I string `json:"i"`
			X string `json:"x"`
		} `json:"tasks"`
	}
	if err := json.Unmarshal(search[len(prefix):len(search)-2], &data); err != nil {
		t.Fatalf("%s: %v", SearchPage, err)
	}
	if len(data.Depts) != len(doc.Depts) || len(data.Tasks) != doc.TaskCount() {
		t.Errorf("%s: %d depts and %d tasks, want %d and %d", SearchPage, len(data.Depts), len(data.Tasks), len(doc.Depts), doc.TaskCount())
	}
	found := false
	for _, x := range data.Tasks {
		found = found || x.X == doc.Items[1].Tasks[0].Text
	}
	if !found {
		t.Errorf("%s: the hostile task's words do not read back", SearchPage)
	}
	src := bytes.Index(index, []byte(`<script src="`+SearchPage+`">`))
	own := bytes.Index(index, []byte(searchVar))
	if src < 0 || own < src {
		t.Errorf("%s: the search data's script is not loaded before the page's own script reads it", IndexPage)
	}
	for _, it := range doc.Items {
		for _, task := range it.Tasks {
			if r := []rune(task.Text); len(r) >= 8 && r[0] != '<' && bytes.Contains(index, []byte(string(r[:8]))) {
				t.Errorf("%s prints the words of task %s", IndexPage, task.ID)
			}
		}
	}
}
