package batch

import (
	"bytes"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestDashboardLinks writes the seed pack, whole and for two depts in two
// formats, and follows every link and script of every dashboard page: each
// must be relative and lead to a file of the pack.
func TestDashboardLinks(t *testing.T) {
	for _, tt := range []struct {
		name  string
		flags func(*Config)
	}{
		{"every format", func(*Config) {}},
		{"two depts, no PDF", func(c *Config) {
			c.Formats = []string{FormatXLSX, FormatCharts}
			c.Depts = []string{"省财政厅", "省教育厅"}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "pack")
			opt := testOptions(out)
			tt.flags(&opt.Flags)
			mustRun(t, opt)
			files := tree(t, out)
			links, deptFiles := 0, 0
			for name, data := range files {
				if !strings.HasPrefix(name, "charts/") || !strings.HasSuffix(name, ".html") {
					continue
				}
				root, err := html.Parse(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				var walk func(*html.Node)
				walk = func(n *html.Node) {
					for _, a := range n.Attr {
						if (a.Key == "href" && n.Data == "a") || (a.Key == "src" && n.Data == "script") {
							ref, _, _ := strings.Cut(a.Val, "#")
							if ref == "" {
								continue
							}
							links++
							if strings.Contains(ref, ":") || strings.HasPrefix(ref, "/") {
								t.Errorf("%s: %q is not a relative link", name, a.Val)
								continue
							}
							target := path.Join(path.Dir(name), ref)
							if u, err := url.PathUnescape(target); err == nil {
								target = u
							}
							if _, ok := files[target]; !ok {
								t.Errorf("%s: %q leads to %s, which is not in the pack", name, a.Val, target)
							}
							if strings.HasPrefix(target, "单位/") {
								deptFiles++
							}
						}
					}
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						walk(c)
					}
				}
				walk(root)
			}
			if links == 0 || deptFiles == 0 {
				t.Errorf("followed %d links, %d to dept files; want both", links, deptFiles)
			}
			t.Logf("%d links followed, %d to dept files", links, deptFiles)
		})
	}
}
