package charts

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"fengong/extract"
	"fengong/progress"
	"fengong/progress/progresstest"
	"fengong/templates"
)

// progressOptions are optionsFor(doc) with a 督办 snapshot of March 2022.
func progressOptions(doc *extract.Document) Options {
	opt := optionsFor(doc)
	opt.Progress = progresstest.Snapshot(doc, 2022, 3)
	return opt
}

func pageBytes(t *testing.T, pages []Page, name string) []byte {
	t.Helper()
	for _, p := range pages {
		if p.Name == name {
			return p.Data
		}
	}
	t.Fatalf("no page %s", name)
	return nil
}

// TestProgressAbsent: without a snapshot the dashboard has no 督办 page,
// link, chart, badge or style (the specs goldens and the other tests keep
// the rest as it was).
func TestProgressAbsent(t *testing.T) {
	doc := fixture()
	pages, err := Pages(doc, optionsFor(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if p.Name == ProgressPage {
			t.Errorf("%s rendered without a snapshot", ProgressPage)
		}
		for _, s := range []string{ProgressPage, "badge", "s-red", "督办"} {
			if strings.HasSuffix(p.Name, ".html") && bytes.Contains(p.Data, []byte(s)) {
				t.Errorf("%s mentions %q without a snapshot", p.Name, s)
			}
		}
	}
	specs, err := Specs(doc, optionsFor(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range specs {
		if strings.HasPrefix(s.ChartID, "progress") {
			t.Errorf("chart %s drawn without a snapshot", s.ChartID)
		}
	}
}

// TestProgressSpecsGolden keeps the options of the 督办 page's charts.
func TestProgressSpecsGolden(t *testing.T) {
	doc := fixture()
	specs, err := Specs(doc, progressOptions(doc))
	if err != nil {
		t.Fatal(err)
	}
	var mine []Spec
	for _, s := range specs {
		if s.Page == ProgressPage {
			mine = append(mine, s)
		}
	}
	got, err := json.MarshalIndent(mine, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "progress.golden.json")
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
		t.Errorf("the 督办 chart options differ from %s; run go test ./charts -update and review the diff", golden)
	}
}

// TestProgressCharts reads the three charts back: one series per status
// in progress.Order, each in its colour, and the counts of the snapshot.
func TestProgressCharts(t *testing.T) {
	doc := fixture()
	opt := progressOptions(doc)
	snap := opt.Progress
	specs, err := Specs(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	w, err := loadWording(opt.Options)
	if err != nil {
		t.Fatal(err)
	}
	type series struct {
		Name      string `json:"name"`
		Stack     string `json:"stack"`
		ItemStyle struct {
			Color string `json:"color"`
		} `json:"itemStyle"`
		Data []struct{ Value int } `json:"data"`
	}
	charts := map[string]struct {
		Series []series `json:"series"`
		XAxis  []struct {
			Data []string `json:"data"`
		} `json:"xAxis"`
		YAxis []struct {
			Data []string `json:"data"`
		} `json:"yAxis"`
	}{}
	for _, s := range specs {
		if s.Page != ProgressPage {
			continue
		}
		c := charts[s.ChartID]
		if err := json.Unmarshal(s.Option, &c); err != nil {
			t.Fatal(err)
		}
		charts[s.ChartID] = c
	}
	for _, id := range []string{progressTrendID, progressSectionsID, progressDeptsID} {
		c, ok := charts[id]
		if !ok {
			t.Errorf("no chart %s", id)
			continue
		}
		if len(c.Series) != len(progress.Order) {
			t.Fatalf("%s: %d series, want %d", id, len(c.Series), len(progress.Order))
		}
		for i, st := range progress.Order {
			s := c.Series[i]
			if s.Name != w.statusLabel(st) || s.ItemStyle.Color != w.Progress.Colors[string(st)] || s.Stack != "total" {
				t.Errorf("%s series %d: %q in %s (stack %q), want %q in %s, stacked", id, i, s.Name, s.ItemStyle.Color, s.Stack, w.statusLabel(st), w.Progress.Colors[string(st)])
			}
		}
	}
	// the trend: one column per period, the counts of each
	trend := charts[progressTrendID]
	wantPeriods := []string{"2022年1月", "2022年2月", "2022年3月"}
	if len(trend.XAxis) == 0 || !slices.Equal(trend.XAxis[0].Data, wantPeriods) {
		t.Errorf("trend periods: got %v, want %q", trend.XAxis, wantPeriods)
	}
	for i, st := range progress.Order {
		for j, p := range snap.Trend {
			if j < len(trend.Series[i].Data) && trend.Series[i].Data[j].Value != p.Counts[st] {
				t.Errorf("trend %s %s: got %d, want %d", p.Period, st, trend.Series[i].Data[j].Value, p.Counts[st])
			}
		}
	}
	// the sections add up to the snapshot's counts
	secs := charts[progressSectionsID]
	for i, st := range progress.Order {
		sum := 0
		for _, d := range secs.Series[i].Data {
			sum += d.Value
		}
		if sum != snap.Counts[st] {
			t.Errorf("sections %s: add up to %d, want %d", st, sum, snap.Counts[st])
		}
	}
	// each dept row is its DeptState.Counts
	depts := charts[progressDeptsID]
	s := mustSite(t, doc, opt)
	states := s.deptStates()
	for j, d := range s.byWorkload() {
		for i, st := range progress.Order {
			if got, want := depts.Series[i].Data[j].Value, states[d.Name].Counts[st]; got != want {
				t.Errorf("dept %s %s: got %d, want %d", d.Name, st, got, want)
			}
		}
	}
}

func mustSite(t *testing.T, doc *extract.Document, opt Options) *site {
	t.Helper()
	s, err := newSite(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestProgressPages: the page comes after the other chart pages; the
// index's cards count each status and the units not reported and link to
// the page; each dept page shows its standing and a badge per task.
func TestProgressPages(t *testing.T) {
	doc := fixture()
	opt := progressOptions(doc)
	snap := opt.Progress
	pages, err := Pages(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range pages {
		names = append(names, p.Name)
	}
	if i := slices.Index(names, ProgressPage); i < 0 || names[i-1] != TargetsPage || names[i+1] != WarningsPage {
		t.Errorf("page order %q: want %s between %s and %s", names, ProgressPage, TargetsPage, WarningsPage)
	}
	index := string(pageBytes(t, pages, IndexPage))
	missing := 0
	for _, d := range snap.Depts {
		if !d.Reported {
			missing++
		}
	}
	for _, want := range []string{
		`<a href="progress.html">督办进度</a>`,
		`<h2 id="progress">本期推进状态（2022年3月）</h2>`,
		`<a class="card s-red" href="progress.html#progress_sections"><div class="n">` + strconv.Itoa(snap.Counts[progress.Red]) + `</div><div class="l">滞后</div></a>`,
		`<a class="card s-done" href="progress.html#progress_sections"><div class="n">` + strconv.Itoa(snap.Counts[progress.Done]) + `</div><div class="l">已完成</div></a>`,
		`<a class="card s-none" href="progress.html#progress_depts"><div class="n">` + strconv.Itoa(missing) + `</div><div class="l">未报送</div></a>`,
		`.badge.s-red{background:#d9382b}`,
	} {
		if !strings.Contains(index, want) {
			t.Errorf("index lacks %q", want)
		}
	}
	checked := 0
	for _, ds := range snap.Depts {
		page := string(pageBytes(t, pages, "dept/"+opt.DeptStems[ds.Dept]+".html"))
		standing := `<dd id="standing">已报送</dd>`
		if !ds.Reported {
			standing = `<dd id="standing"><span class="badge s-none">未报送</span></dd>`
		}
		if !strings.Contains(page, "<dt>本期（2022年3月）</dt>"+standing) {
			t.Errorf("%s: the page lacks its standing %q", ds.Dept, standing)
		}
		for _, a := range doc.TasksOf(ds.Dept) {
			ts := snap.Task(a.Task.ID)
			badge := `<td class="status"><span class="badge s-` + string(ts.Status) + `"`
			if ts.Reason != "" {
				badge += ` title="` + html.EscapeString(ts.Reason) + `"`
			}
			if !strings.Contains(page, `<tr id="t-`+a.Task.ID+`">`) || !strings.Contains(page, badge) {
				t.Errorf("%s: task %s lacks its badge %q", ds.Dept, a.Task.ID, badge)
			}
			checked++
		}
		for _, ts := range snap.Tasks {
			for _, r := range ts.Reports {
				if r.Dept == ds.Dept && !strings.Contains(page, `<td class="report">`+html.EscapeString(r.Progress)+`</td>`) {
					t.Errorf("%s: task %s lacks the dept's words", ds.Dept, ts.TaskID)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no task badge checked")
	}
}

// TestProgressWording: status labels and colours are checked when a
// snapshot is shown, and only then.
func TestProgressWording(t *testing.T) {
	embedded, err := templates.Default().ReadFile(wordingFile)
	if err != nil {
		t.Fatal(err)
	}
	bad := "progress:\n  colors:\n    red: \"red;}body{display:none\"\n"
	old := string(embedded[:bytes.Index(embedded, []byte("\nprogress:"))]) // an office's file from before the 督办 words
	for _, tc := range []struct {
		name, yaml string
		snapshot   bool
		err        string
	}{
		{"a colour that is not #rrggbb", bad, true, `progress.colors: "red;}body{display:none" for "red" is not #rrggbb`},
		{"a colour that is not #rrggbb, without a snapshot", bad, false, ""},
		{"a file without the 督办 words", old, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, wordingFile), []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			ts, err := templates.New(dir)
			if err != nil {
				t.Fatal(err)
			}
			doc := fixture()
			opt := optionsFor(doc)
			if tc.snapshot {
				opt = progressOptions(doc)
			}
			opt.Templates = ts
			_, err = Pages(doc, opt)
			switch {
			case tc.err == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Errorf("got %v, want an error saying %q", err, tc.err)
			}
		})
	}
}

// TestBrowserProgress loads the 督办 page, the index and some dept pages
// in Chromium: the three charts draw their bars, legends and labels, and
// every link of those pages leads to a page of the set and, with a #,
// to an element of it.
func TestBrowserProgress(t *testing.T) {
	bin := chromiumPath(t)
	doc := fixture()
	opt := progressOptions(doc)
	w, err := loadWording(opt.Options)
	if err != nil {
		t.Fatal(err)
	}
	legend := []string{w.statusLabel(progress.Red), w.statusLabel(progress.Yellow), w.statusLabel(progress.Green), w.statusLabel(progress.Done)}
	depts := map[string]bool{}
	for _, d := range []string{"省发展改革委", "省财政厅", hostileScript} {
		depts["dept/"+opt.DeptStems[d]+".html"] = true
	}
	browserCheck(t, bin, doc, opt, map[string][]string{
		progressTrendID:    append([]string{"2022年1月", "2022年3月"}, legend...),
		progressSectionsID: append([]string{"一、稳定经济增长"}, legend...),
		progressDeptsID:    append([]string{"省发展改革委"}, legend...),
	}, func(name string) bool { return name == ProgressPage || name == IndexPage || depts[name] })

	pages, err := Pages(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]map[string]bool{}
	trees := map[string]*html.Node{}
	for _, p := range pages {
		if !strings.HasSuffix(p.Name, ".html") {
			ids[p.Name] = nil
			continue
		}
		root, err := html.Parse(bytes.NewReader(p.Data))
		if err != nil {
			t.Fatal(err)
		}
		trees[p.Name] = root
		ids[p.Name] = map[string]bool{}
		walk(root, func(n *html.Node) {
			if id := attr(n, "id"); id != "" {
				ids[p.Name][id] = true
			}
		})
	}
	links := 0
	for name, root := range trees {
		if name != ProgressPage && name != IndexPage && !depts[name] {
			continue
		}
		walk(root, func(n *html.Node) {
			href := attr(n, "href")
			if n.Data != "a" || href == "" || strings.HasPrefix(href, "../../") { // the dept's own files, outside the dashboard
				return
			}
			ref, frag, _ := strings.Cut(href, "#")
			target := name
			if ref != "" {
				target = path.Join(path.Dir(name), ref)
				if u, err := url.PathUnescape(target); err == nil {
					target = u
				}
			}
			got, ok := ids[target]
			switch {
			case !ok:
				t.Errorf("%s: link %q leads to no page", name, href)
			case frag != "" && !got[frag]:
				t.Errorf("%s: link %q leads to no element #%s in %s", name, href, frag, target)
			}
			if strings.Contains(href, ProgressPage) {
				links++
			}
		})
	}
	if links < 5 {
		t.Errorf("%d links to %s, want the nav link and the cards at least", links, ProgressPage)
	}
}

// TestWantAskedOnce: Pages asks Want once per page (the batch run records
// each answer: asked twice, a reused page was listed twice), and renders
// the 督办 page alone when only it is wanted.
func TestWantAskedOnce(t *testing.T) {
	doc := fixture()
	for _, tc := range []struct {
		name string
		opt  Options
		only string
	}{
		{"without a snapshot", optionsFor(doc), HeatmapPage},
		{"with a snapshot", progressOptions(doc), ProgressPage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			asked := map[string]int{}
			tc.opt.Want = func(name string) bool {
				asked[name]++
				return name == tc.only
			}
			pages, err := Pages(doc, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			for name, n := range asked {
				if n != 1 {
					t.Errorf("Want(%q) asked %d times", name, n)
				}
			}
			if len(pages) != 1 || pages[0].Name != tc.only {
				var names []string
				for _, p := range pages {
					names = append(names, p.Name)
				}
				t.Errorf("rendered %q, want only %s", names, tc.only)
			}
			if _, ok := asked[ProgressPage]; ok != (tc.opt.Progress != nil) {
				t.Errorf("Want(%s) asked: %v, want %v", ProgressPage, ok, tc.opt.Progress != nil)
			}
		})
	}
}
