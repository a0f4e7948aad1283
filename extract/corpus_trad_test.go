package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"
)

// The corpus as a mirror site in Traditional characters would serve it
// (OpenCC s2t, text and annotation alike) scores as the corpus does.
func TestCorpusTraditional(t *testing.T) {
	s2t, err := opencc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	conv := func(s string) string {
		out, err := s2t.Convert(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	paths, golds := loadCorpus(t)
	for i, p := range paths {
		g := golds[i]
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		txt, err := Read(filepath.Base(p), []byte(conv(string(data))))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(txt, nil)
		if err != nil {
			t.Errorf("%s: %v", g.Doc, err)
			continue
		}
		tg := *g
		tg.Items = nil
		for _, it := range g.Items {
			ti := it
			ti.Tasks = nil
			for _, tk := range it.Tasks {
				tt := tk
				tt.TextStart = conv(tk.TextStart)
				for _, l := range []*[]string{&tt.Lead, &tt.Co, &tt.Respective, &tt.Groups} {
					var out []string
					for _, n := range *l {
						out = append(out, conv(n))
					}
					*l = out
				}
				ti.Tasks = append(ti.Tasks, tt)
			}
			tg.Items = append(tg.Items, ti)
		}
		tg.Targets = nil
		for _, gt := range g.Targets {
			// the indicator and the unit as written: 億元, not 亿元
			gt.Indicator, gt.Unit = conv(gt.Indicator), conv(gt.Unit)
			tg.Targets = append(tg.Targets, gt)
		}
		s := scoreCorpusDoc(&tg, d)
		if f := s.f1(); f < 0.999 || s.targetsHit != s.targetsGold {
			t.Errorf("%s in Traditional: F1 %.3f, targets %d/%d; missed %q extra %q", g.Doc, f, s.targetsHit, s.targetsGold, s.misses, s.extras)
		}
	}
}

// The corpus saved as GB18030 text, as a .docx and as an HTML page scores
// as it does in UTF-8.
func TestCorpusCopies(t *testing.T) {
	paths, golds := loadCorpus(t)
	for i, p := range paths {
		g := golds[i]
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want := -1.0
		lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
		for _, c := range []struct {
			name string
			data []byte
		}{{"a.txt", data}, {"a.txt", toGB18030(string(data))}, {"a.docx", toDocx(lines)}, {"a.html", toHTML(lines)}} {
			txt, err := Read(c.name, c.data)
			if err != nil {
				t.Errorf("%s as %s: %v", g.Doc, c.name, err)
				continue
			}
			d, err := Parse(txt, nil)
			if err != nil {
				t.Errorf("%s as %s: %v", g.Doc, c.name, err)
				continue
			}
			s := scoreCorpusDoc(g, d)
			f := s.f1() + float64(s.targetsHit)
			if want < 0 {
				want = f
			} else if f != want {
				t.Errorf("%s as %s: F1 %.3f, %d targets, unlike the UTF-8 text (%.3f)", g.Doc, c.name, s.f1(), s.targetsHit, want)
			}
		}
	}
}

// Titles keep their book-title marks right: the outer 《》 of a quoted
// title is removed and its inner 〈〉 become 《》 again.
func TestTitles(t *testing.T) {
	d := parseSeedAs(t, "hunan-2022.txt", seedBytes(t))
	if d.Title != "落实《政府工作报告》重点工作分工的意见" {
		t.Errorf("seed title %q", d.Title)
	}
	paths, golds := loadCorpus(t)
	want := map[string]string{
		"01-jianli-2022-inline-lead-resp.txt":              "监利市人民政府办公室关于分解落实《政府工作报告》2022年重点工作及民生实事项目的通知",
		"03-ningbo-2007-headline-detail-paren.txt":         "宁波市人民政府关于印发2007年市政府工作主要任务责任分解的通知",
		"05-caidian-2023-ordinal-heading-resp-line.txt":    "区《政府工作报告》确定的主要目标任务责任分解方案",
		"10-hunan-2014-unnumbered-clauses-conventions.txt": "湖南省人民政府关于2014年《政府工作报告》有关工作部门分工的意见",
	}
	for i, p := range paths {
		d, err := ParseFile(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		title := d.Title
		if strings.ContainsAny(title, "〈〉") || strings.Count(title, "《") != strings.Count(title, "》") {
			t.Errorf("%s: title %q", golds[i].Doc, title)
		}
		if w, ok := want[golds[i].Doc]; ok && title != w {
			t.Errorf("%s: title %q, want %q", golds[i].Doc, title, w)
		}
	}
	// a page's address or index line above the text is no title
	for _, first := range []string{"# source: https://m.example.com/fanwen/134701.html", "索引号: | 113706850042672474/2022-04772 | 成文日期: | 2022-10-08 |"} {
		if d := parseLines(t, first, "1.推进甲工作。（市发改委牵头）"); d.Title != "" {
			t.Errorf("title %q from %q", d.Title, first)
		}
	}
	if d := parseLines(t, "2021年重点工作任务分工", "1.推进甲工作。（市发改委牵头）"); d.Title != "2021年重点工作任务分工" {
		t.Errorf("title %q, want the first line", d.Title)
	}
}

// TestCorpusPerturbed reads every corpus document again as offices and
// mirror sites also deliver it: blank lines between lines, half-width
// punctuation, indented paragraphs, CRLF, page markers every few lines,
// spaces after 。, no-break spaces, and prose paragraphs broken at 60
// columns as a PDF breaks them. Each must score as the text itself does.
func TestCorpusPerturbed(t *testing.T) {
	paths, golds := loadCorpus(t)
	perturbations := []struct {
		name string
		f    func(string) string
	}{
		{"blank lines", func(s string) string { return strings.ReplaceAll(s, "\n", "\n\n") }},
		{"half-width marks", strings.NewReplacer("（", "(", "）", ")", "：", ":", "；", ";", "，", ",").Replace},
		{"indents", func(s string) string { return "\u3000\u3000" + strings.ReplaceAll(s, "\n", "\n\u3000\u3000") }},
		{"CRLF", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
		{"page markers", func(s string) string {
			var out []string
			for i, l := range strings.Split(s, "\n") {
				out = append(out, l)
				if i%8 == 7 {
					out = append(out, fmt.Sprintf("— %d —", i/8+1))
				}
			}
			return strings.Join(out, "\n")
		}},
		{"spaces after 。", func(s string) string { return strings.ReplaceAll(s, "。", "。 ") }},
		{"no-break spaces", func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }},
		{"wrapped prose", func(s string) string {
			var out []string
			for _, l := range strings.Split(s, "\n") {
				if !strings.Contains(l, "|") && !reSpaceRow.MatchString(l) {
					l = wrapColumns(l, 60) // every line but a table's rows
				}
				out = append(out, l)
			}
			return strings.Join(out, "\n")
		}},
	}
	for i, p := range paths {
		g := golds[i]
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		score := func(name string, b []byte) (float64, int) {
			txt, err := Read("a.txt", b)
			if err != nil {
				t.Errorf("%s, %s: %v", g.Doc, name, err)
				return -1, -1
			}
			d, err := Parse(txt, nil)
			if err != nil {
				t.Errorf("%s, %s: %v", g.Doc, name, err)
				return -1, -1
			}
			s := scoreCorpusDoc(g, d)
			return s.f1(), s.targetsHit
		}
		f1, hit := score("as it is", data)
		for _, pt := range perturbations {
			if pf1, phit := score(pt.name, []byte(pt.f(string(data)))); pf1 != f1 || phit != hit {
				t.Errorf("%s with %s: F1 %.3f and %d targets, unlike the text itself (%.3f, %d)", g.Doc, pt.name, pf1, phit, f1, hit)
			}
		}
	}
}

// wrapColumns breaks s wherever a line reaches cols columns (a Han
// character or a full-width mark two, ASCII one), as a PDF's text does.
func wrapColumns(s string, cols int) string {
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := 1
		if r >= 0x2000 {
			rw = 2
		}
		if w+rw > cols {
			b.WriteByte('\n')
			w = 0
		}
		b.WriteRune(r)
		w += rw
	}
	return b.String()
}
