package charts

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/sync/errgroup"

	"fengong/extract"
)

// chromiumPath finds the browser, or skips the test when it is absent.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	t.Skip("chromium is not installed (CI installs the Debian package)")
	return ""
}

// chromiumArgs load a file with every network path closed: no proxy that
// works, no name that resolves, no background fetches.
func chromiumArgs(profile string, extra ...string) []string {
	return append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
		"--user-data-dir=" + profile, "--virtual-time-budget=5000",
	}, extra...)
}

// dumpDOM loads file in headless Chromium and returns the DOM after the
// scripts ran. profile is a user data directory no other running Chromium
// uses.
func dumpDOM(ctx context.Context, bin, profile, file string) ([]byte, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, chromiumArgs(profile, "--dump-dom", "file://"+file)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("chromium %s: %v\n%s", file, err, lastLines(stderr.String(), 5))
	}
	return stdout.Bytes(), nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// chartCheck is what must have been drawn into one chart's element.
type chartCheck struct {
	id               string
	minText, minPath int
	labels           []string // <text> contents that must appear
}

// chartChecks derives the minimum drawing of every chart from its option:
// a chart that drew only its frame (a wrong ECharts build, a failed
// script) has one <text> and two <path> elements, far below these.
func chartChecks(t *testing.T, doc *extract.Document, opt Options, labels map[string][]string) map[string][]chartCheck {
	t.Helper()
	specs, err := Specs(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]chartCheck{}
	for _, s := range specs {
		var o option
		if err := json.Unmarshal(s.Option, &o); err != nil {
			t.Fatal(err)
		}
		nonzero := 0
		for _, ser := range o.Series {
			for _, d := range decode[[]struct{ Value any }](t, ser.Data) {
				switch v := d.Value.(type) {
				case float64:
					if v != 0 {
						nonzero++
					}
				case []any:
					nonzero++ // heatmap cells are written only when not zero
				}
			}
		}
		c := chartCheck{id: s.ChartID, labels: labels[s.ChartID]}
		switch s.ChartID {
		case workloadID:
			c.minText = len(o.YAxis[0].Data) + len(o.Series) // dept labels, legend
			c.minPath = nonzero                              // bar segments
		case sectionsID:
			c.minText = 2 + len(decode[[]named](t, o.Series[0].Data)) // titles, legend
			c.minPath = nonzero                                       // slices
		case networkID:
			c.minText = len(o.Legend.Data)
			c.minPath = len(decode[[]named](t, o.Series[0].Data)) + len(o.Series[0].Links) // nodes, edges
		case targetsID:
			c.minText = len(o.YAxis[0].Data) + nonzero // axis labels, bar labels
			c.minPath = nonzero                        // bars
		case progressTrendID:
			c.minText = len(o.XAxis[0].Data) + len(o.Series) // periods, legend
			c.minPath = nonzero                              // bar segments
		case progressSectionsID, progressDeptsID:
			c.minText = len(o.YAxis[0].Data) + len(o.Series) // sections or depts, legend
			c.minPath = nonzero                              // bar segments
		case heatmapID:
			c.minText = len(o.YAxis[0].Data) + len(o.XAxis[0].Data) + nonzero // axes, cell labels
			c.minPath = nonzero                                               // cells
		}
		out[s.Page] = append(out[s.Page], c)
	}
	return out
}

// element finds the element with the id.
func element(root *html.Node, id string) *html.Node {
	var found *html.Node
	walk(root, func(n *html.Node) {
		if found == nil && attr(n, "id") == id {
			found = n
		}
	})
	return found
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// pageFacts are what the tests compare between a page as written and as
// loaded.
type pageFacts struct {
	title   string
	scripts int
	imgs    int
}

func factsOf(root *html.Node) pageFacts {
	var f pageFacts
	walk(root, func(n *html.Node) {
		switch n.Data {
		case "title":
			f.title = textOf(n)
		case "script":
			f.scripts++
		case "img":
			f.imgs++
		}
	})
	return f
}

// browserCheck writes the pages of doc to a temporary directory, loads
// every HTML page in Chromium (two at a time) and checks what it drew.
func browserCheck(t *testing.T, bin string, doc *extract.Document, opt Options, labels map[string][]string, only func(name string) bool) {
	pages, err := Pages(doc, opt)
	if err != nil {
		t.Fatalf("Pages: %v", err)
	}
	dir := t.TempDir()
	writePages(t, dir, pages)
	checks := chartChecks(t, doc, opt, labels)

	// Two browsers at a time (the machines have two cores), each with a
	// profile of its own that it reuses: a fresh profile costs more than
	// the page.
	const browsers = 2
	profiles := make(chan string, browsers)
	for i := range browsers {
		profiles <- filepath.Join(t.TempDir(), fmt.Sprint("profile", i))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(browsers)
	doms := make([][]byte, len(pages))
	for i, p := range pages {
		if !strings.HasSuffix(p.Name, ".html") || !only(p.Name) {
			continue
		}
		g.Go(func() error {
			profile := <-profiles
			defer func() { profiles <- profile }()
			dom, err := dumpDOM(ctx, bin, profile, filepath.Join(dir, filepath.FromSlash(p.Name)))
			doms[i] = dom
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}

	for i, p := range pages {
		if doms[i] == nil {
			continue
		}
		written, err := html.Parse(bytes.NewReader(p.Data))
		if err != nil {
			t.Fatal(err)
		}
		loaded, err := html.Parse(bytes.NewReader(doms[i]))
		if err != nil {
			t.Fatal(err)
		}
		// No script of a dept name ran: the title is untouched, and no
		// element or script was injected.
		if got, want := factsOf(loaded), factsOf(written); got != want || got.imgs != 0 {
			t.Errorf("%s: loaded page has title %q, %d scripts, %d images; written %q, %d, %d",
				p.Name, got.title, got.scripts, got.imgs, want.title, want.scripts, want.imgs)
		}
		for _, c := range checks[p.Name] {
			el := element(loaded, c.id)
			if el == nil {
				t.Errorf("%s: no element #%s", p.Name, c.id)
				continue
			}
			svgs, texts, paths := 0, 0, 0
			var content []string
			walk(el, func(n *html.Node) {
				switch n.Data {
				case "svg":
					svgs++
				case "text":
					texts++
					content = append(content, textOf(n))
				case "path":
					paths++
				}
			})
			if svgs != 1 || texts < c.minText || paths < c.minPath {
				t.Errorf("%s #%s: drew %d <svg>, %d <text>, %d <path>; want 1 <svg>, at least %d <text> and %d <path>",
					p.Name, c.id, svgs, texts, paths, c.minText, c.minPath)
			}
			for _, l := range c.labels {
				if !containsString(content, l) {
					t.Errorf("%s #%s: no <text> reads %q", p.Name, c.id, l)
				}
			}
			t.Logf("%s #%s: %d <text> (min %d), %d <path> (min %d)", p.Name, c.id, texts, c.minText, paths, c.minPath)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestBrowser(t *testing.T) {
	bin := chromiumPath(t)
	// Every top-level page, and the dept pages whose names are hostile
	// plus one ordinary one.
	fixturePages := func(name string) bool {
		if !strings.HasPrefix(name, DeptDir+"/") {
			return true
		}
		stems := optionsFor(fixture()).DeptStems
		for _, d := range []string{"省发展改革委", hostileScript, hostileFunc, hostileImg} {
			if name == DeptDir+"/"+stems[d]+".html" {
				return true
			}
		}
		return false
	}
	chartPages := func(name string) bool {
		switch name {
		case IndexPage, WorkloadPage, SectionsPage, NetworkPage, HeatmapPage, TargetsPage:
			return true
		}
		return false
	}
	t.Run("fixture", func(t *testing.T) {
		browserCheck(t, bin, fixture(), optionsFor(fixture()), map[string][]string{
			workloadID: {"省发展改革委", "省统计局", "牵头", "各部门单位分别负责"},
			sectionsID: {"（未分部分）", "一、稳定经济增长", "重点工作项数", "任务数"},
			networkID:  {"省直部门", "市州政府", "省财政厅", safeImg},
			heatmapID:  {"一、稳定经济增长", "省财政厅", "2"},
		}, fixturePages)
	})
	// The seed, or while the parser cannot read it a fixture of its size.
	t.Run("large", func(t *testing.T) {
		doc := seedOrScaled(t)
		browserCheck(t, bin, doc, optionsFor(doc), map[string][]string{
			workloadID: {"省发展改革委", "牵头"},
			networkID:  {"省直部门", "市州政府"},
			heatmapID:  {"省发展改革委"},
		}, chartPages)
	})
}
