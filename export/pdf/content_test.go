package pdf

import (
	"slices"
	"strings"
	"testing"

	"fengong/export/pdf/layout"
)

// TestSharedTasks: a task that names no lead is listed under 共同承担 with
// every unit on it, never under 配合 with a lead of "—".
func TestSharedTasks(t *testing.T) {
	_, r := newFixtureRenderer(t)
	l, err := r.DeptLayout("长沙市人民政府")
	if err != nil {
		t.Fatal(err)
	}
	texts := strings.Join(l.Texts(), "\n")
	if !strings.Contains(texts, "三、共同承担任务（1项）") || !strings.Contains(texts, "四、配合任务（1项）") {
		t.Errorf("长沙市人民政府: want task 4.1 under 共同承担 and 3.1 under 配合:\n%s", texts)
	}
	for _, unit := range []string{"省发展改革委、", "省□办"} {
		if !strings.Contains(texts, unit) {
			t.Errorf("the shared task does not name %q among its units", unit)
		}
	}
	for _, line := range l.Texts() {
		if line == "—" {
			t.Error("a lead of — is printed")
		}
	}
}

// TestBriefCounts: the overall brief has no extraction warnings, and its
// chart and index give each dept one count, Dept.Total.
func TestBriefCounts(t *testing.T) {
	doc, r := seedRenderer(t)
	l, err := r.BriefLayout()
	if err != nil {
		t.Fatal(err)
	}
	texts := l.Texts()
	for _, w := range doc.Warnings {
		if w.Message != "" && slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, w.Message) }) {
			t.Errorf("the brief shows the warning %q", w.Message)
		}
	}
	top := doc.ByWorkload()[0]
	// the chart's total label sits right of its bar, in the chart's style
	found, inChart := false, false
	for _, p := range l.Pages {
		for i, it := range p.Items {
			if it.Kind == layout.KindText && it.Font == layout.FontHeading && it.Size == headingStyle.Size {
				inChart = strings.HasPrefix(it.Text, "五、单位任务量")
			}
			if inChart && it.Kind == layout.KindText && it.Text == top.Name && it.Size == chartText.Size {
				for _, next := range p.Items[i+1:] {
					if next.Kind == layout.KindText && next.Size == chartText.Size {
						found = true
						if next.Text != itoa(top.Total()) {
							t.Errorf("the chart gives %s %s tasks, Total() is %d", top.Name, next.Text, top.Total())
						}
						break
					}
				}
			}
		}
	}
	if !found {
		t.Errorf("the chart has no bar for %s", top.Name)
	}
}

// TestNoNameBroken: in every dept brief of the seed, each line of a units
// column holds whole dept names only (a name breaks across lines only
// when it is wider than the column, which no seed name is).
func TestNoNameBroken(t *testing.T) {
	doc, r := seedRenderer(t)
	known := map[string]bool{r.words.AllDepts: true, r.words.Dept.NoPartner: true, r.words.Dept.Respective: true, "": true}
	for _, d := range doc.Depts {
		known[d.Name] = true
	}
	for _, g := range doc.Groups {
		known[g] = true
	}
	for i := range doc.Items {
		for _, task := range doc.Items[i].Tasks {
			for _, g := range task.Groups {
				known[g] = true
			}
		}
	}
	unitsX := bodyLeft + 16 + 86 // the units column of every dept table
	// names wider than the column are broken, as text
	var wide []string
	m := r.metrics[roleIndex(layout.FontBody)]
	for n := range known {
		if m.Width(n+r.words.Separator, tableBody.Size) > 54-3 {
			wide = append(wide, n)
		}
	}
	lines := 0
	for _, d := range doc.Depts {
		l, err := r.DeptLayout(d.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range l.Pages {
			for _, it := range p.Items {
				if it.Kind != layout.KindText || it.Size != tableBody.Size || it.X < unitsX || it.Font == layout.FontHeading {
					continue
				}
				lines++
				s := it.Text
				if i := strings.Index(s, "："); i >= 0 {
					s = s[i+len("："):]
				}
				for _, name := range strings.Split(s, r.words.Separator) {
					if !known[name] && !slices.ContainsFunc(wide, func(n string) bool { return strings.Contains(n, name) }) {
						t.Errorf("%s: a units line %q holds %q, not a whole name", d.Name, it.Text, name)
					}
				}
			}
		}
	}
	if lines < 100 {
		t.Errorf("only %d lines of units columns found", lines)
	}
}

// TestBodyGrid: with the embedded body face, a 3号 body line holds 28
// characters and a page 22 lines (GB/T 9704), as pure layout data.
func TestBodyGrid(t *testing.T) {
	_, r := newFixtureRenderer(t)
	var err error
	b := r.newBuild(nil)
	st := bodyStyle
	st.Indent = 0
	b.f.Paragraph(strings.Repeat("国", 28*30), st)
	l := b.f.Finish()
	lines := 0
	for _, it := range l.Pages[0].Items {
		if it.Kind != layout.KindText || it.Size != st.Size {
			continue
		}
		lines++
		if n := len([]rune(it.Text)); n != 28 {
			t.Errorf("body line %d holds %d characters, want 28", lines, n)
		}
		if it.X+it.W > bodyLeft+bodyW+0.01 {
			t.Errorf("body line %d ends at %.2f mm, past the type area", lines, it.X+it.W)
		}
	}
	if lines != 22 {
		t.Errorf("a page holds %d body lines, want 22", lines)
	}
	// the title in 2号 on the seed's 21 characters: two balanced lines
	opt := testOptions()
	opt.Title = "关于落实《政府工作报告》重点工作分工的意见"
	if r, err = NewRenderer(fixture(), opt, Fonts{}); err != nil {
		t.Fatal(err)
	}
	b = r.newBuild(nil)
	b.f.Title(opt.Title, titleStyle)
	var title []string
	for _, it := range b.f.Finish().Pages[0].Items {
		if it.Size == titleStyle.Size {
			title = append(title, it.Text)
		}
	}
	if !slices.Equal(title, []string{"关于落实《政府工作报告》", "重点工作分工的意见"}) {
		t.Errorf("title lines %q", title)
	}
}

// TestBriefSectionWithoutNumeral: the tasks of a section with no numeral
// (附件1) are headed by its name, not by （0）.
func TestBriefSectionWithoutNumeral(t *testing.T) {
	_, r := textRenderer(t, "附件1\n1.新建学校3所。（市教育局负责）\n2.改造小区10个。（市住建局负责）\n")
	l, err := r.BriefLayout()
	if err != nil {
		t.Fatal(err)
	}
	texts := l.Texts()
	if slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, "（0）") }) {
		t.Errorf("a section with no numeral is headed （0）: %q", texts)
	}
	if !slices.Contains(texts, "附件1") {
		t.Errorf("no heading 附件1 over its tasks: %q", texts)
	}
}

// TestIssuerDrawable: the office in the red header is drawn even when the
// issuer's characters appear nowhere else in the document (a page in
// Traditional characters: 洋縣 in the text, 洋县 the issuer read from it).
func TestIssuerDrawable(t *testing.T) {
	doc, r := textRenderer(t, "洋縣人民政府\n關於印發十大民生實事項目的通知\n1.新建學校3所。（教體局負責）\n2.改造小區10個。（住建局負責）\n")
	if doc.Issuer == "" || strings.Contains(doc.Title+doc.Items[0].Text, doc.Issuer) {
		t.Fatalf("the test needs an issuer written nowhere else: issuer %q", doc.Issuer)
	}
	b, err := r.Brief()
	if err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, map[string][]byte{"brief": b})["brief"]
	if !strings.Contains(text, doc.Issuer+"办公厅") || strings.Contains(text, "□") {
		t.Errorf("the brief's header does not read %q:\n%s", doc.Issuer+"办公厅", text[:min(len(text), 200)])
	}
}
