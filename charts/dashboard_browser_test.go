package charts

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// probe loads page (a file written under dir) in Chromium with script
// appended to its body, and returns the data-probe attribute the script
// sets on <body> once it ran: the way a test reads what the browser
// measured.
func probe(t *testing.T, bin, dir, page, script string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.LastIndex(src, []byte("</body>"))
	if i < 0 {
		t.Fatalf("%s: no </body>", page)
	}
	probed := filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(page, ".html")+".probe.html"))
	out := append(append(append([]byte{}, src[:i]...), "<script>"+script+"</script>"...), src[i:]...)
	if err := os.WriteFile(probed, out, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dom, err := dumpDOM(ctx, bin, filepath.Join(t.TempDir(), "profile"), probed)
	if err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatal(err)
	}
	var got string
	walk(root, func(n *html.Node) {
		if n.Data == "body" {
			got = attr(n, "data-probe")
		}
	})
	if got == "" {
		t.Fatalf("%s: the probe script did not report", page)
	}
	return got
}

// overlapProbe measures every visible <text> of the network's SVG and
// counts the pairs whose boxes overlap.
const overlapProbe = `setTimeout(function () {
  var boxes = [];
  document.querySelectorAll("#network svg text").forEach(function (el) {
    if (!el.textContent.trim()) { return; }
    for (var p = el; p && p.getAttribute; p = p.parentNode) {
      if (p.getAttribute("opacity") === "0" || p.getAttribute("display") === "none" || p.getAttribute("visibility") === "hidden") { return; }
    }
    var r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) { boxes.push({t: el.textContent, l: r.left, r: r.right, u: r.top, d: r.bottom}); }
  });
  var pairs = 0, overlaps = [];
  for (var i = 0; i < boxes.length; i++) {
    for (var j = i + 1; j < boxes.length; j++) {
      pairs++;
      var a = boxes[i], b = boxes[j];
      if (a.l < b.r && b.l < a.r && a.u < b.d && b.u < a.d) { overlaps.push(a.t + " / " + b.t); }
    }
  }
  document.body.setAttribute("data-probe", JSON.stringify({labels: boxes.map(function (b) { return b.t; }), pairs: pairs, overlaps: overlaps}));
}, 1000);`

// TestBrowserNetworkLabels checks that the network of a document the size
// of the seed names its heaviest depts with labels that overlap in fewer
// than 5% of pairs, measured from the SVG Chromium drew.
func TestBrowserNetworkLabels(t *testing.T) {
	bin := chromiumPath(t)
	doc := seedOrScaled(t)
	pages, err := Pages(doc, optionsFor(doc))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writePages(t, dir, pages)
	var got struct {
		Labels   []string
		Pairs    int
		Overlaps []string
	}
	if err := json.Unmarshal([]byte(probe(t, bin, dir, NetworkPage, overlapProbe)), &got); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d labels, %d pairs, %d overlapping: %q", len(got.Labels), got.Pairs, len(got.Overlaps), got.Overlaps)
	if len(got.Labels) < 5 {
		t.Errorf("got %d visible labels %q, want the legend and the heaviest depts named", len(got.Labels), got.Labels)
	}
	if got.Pairs == 0 || float64(len(got.Overlaps)) >= 0.05*float64(got.Pairs) {
		t.Errorf("%d of %d label pairs overlap, want fewer than 5%%: %q", len(got.Overlaps), got.Pairs, got.Overlaps)
	}
	heaviest := doc.ByWorkload()[0].Name
	if !containsString(got.Labels, heaviest) {
		t.Errorf("the heaviest dept %s is not labelled: %q", heaviest, got.Labels)
	}
}

// searchProbe types each query into the search box and reports the links
// and texts of the results.
const searchProbe = `setTimeout(function () {
  var box = document.getElementById("search"), out = {};
  ["省财政厅", "QUERY_TASK", "没有这个词"].forEach(function (q) {
    box.value = q;
    box.dispatchEvent(new Event("input"));
    var links = [];
    document.querySelectorAll("#search-results a").forEach(function (a) { links.push(a.getAttribute("href")); });
    out[q] = {links: links, text: document.getElementById("search-results").textContent};
  });
  document.body.setAttribute("data-probe", JSON.stringify(out));
}, 200);`

// TestBrowserSearch types a dept name, words of a task and a word found
// nowhere into the index page's search box.
func TestBrowserSearch(t *testing.T) {
	bin := chromiumPath(t)
	doc := fixture()
	opt := optionsFor(doc)
	pages, err := Pages(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writePages(t, dir, pages)
	task := doc.Items[1].Tasks[0] // 2.1, led by 省发展改革委
	query := string([]rune(task.Text)[:4])
	var got map[string]struct {
		Links []string
		Text  string
	}
	if err := json.Unmarshal([]byte(probe(t, bin, dir, IndexPage, strings.Replace(searchProbe, "QUERY_TASK", query, 1))), &got); err != nil {
		t.Fatal(err)
	}
	deptLink := "dept/" + url.PathEscape(opt.DeptStems["省财政厅"]) + ".html"
	if r := got["省财政厅"]; !containsString(r.Links, deptLink) {
		t.Errorf("search 省财政厅: got links %q, want %q", r.Links, deptLink)
	}
	taskLink := "dept/" + url.PathEscape(opt.DeptStems[task.Depts()[0]]) + ".html#t-" + task.ID
	if r := got[query]; !containsString(r.Links, taskLink) || !strings.Contains(r.Text, task.ID) {
		t.Errorf("search %q: got links %q and text %q, want task %s linked as %q", query, r.Links, r.Text, task.ID, taskLink)
	}
	if r := got["没有这个词"]; len(r.Links) != 0 || !strings.Contains(r.Text, "没有找到") {
		t.Errorf("search for a word found nowhere: got links %q and text %q, want the none message", r.Links, r.Text)
	}
}
