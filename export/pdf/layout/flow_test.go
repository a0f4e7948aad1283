package layout_test

import (
	"slices"
	"strings"
	"testing"

	"fengong/export/pdf/layout"
)

var geometry = layout.Geometry{
	Width: 210, Height: 297, Left: 28, Top: 37, BodyW: 156, BodyH: 225,
	Folio: "— {n} —", FolioStyle: layout.Style{Font: layout.FontBody, Size: 14, Leading: 7},
	FolioGap: 7, FolioInset: 5,
}

var (
	body = layout.Style{Font: layout.FontBody, Size: 12, Leading: 6}
	head = layout.Style{Font: layout.FontHeading, Size: 12, Leading: 6}
)

func newFlow(t *testing.T) *layout.Flow {
	m := testMetrics(t)
	return layout.NewFlow(geometry, layout.Fonts{Body: m, Heading: m, Title: m})
}

// inArea checks every item but the page number lies in the type area.
func inArea(t *testing.T, l *layout.Layout) {
	t.Helper()
	g := geometry
	for _, p := range l.Pages {
		for _, it := range p.Items[:len(p.Items)-1] {
			x2, y2 := it.X+it.W, it.Y+it.H
			if it.X < g.Left-0.01 || x2 > g.Left+g.BodyW+0.01 || it.Y < g.Top-0.01 || y2 > g.Top+g.BodyH+0.01 {
				t.Errorf("page %d: %s item %q at (%v,%v)-(%v,%v) leaves the type area", p.Number, it.Kind, it.Text, it.X, it.Y, x2, y2)
			}
		}
	}
}

func TestTableAcrossPages(t *testing.T) {
	f := newFlow(t)
	long := strings.Repeat("推进制造业高端化、智能化、绿色化发展，", 100)
	rows := [][]string{
		{"1.1", "短任务。", "省财政厅"},
		{"1.2", long, "省科技厅"},
		{"1.3", "最后一项任务。", "省商务厅"},
	}
	f.Table(layout.Table{
		Columns: []layout.Column{{Title: "编号", Width: 16}, {Title: "任务内容", Width: 92}, {Title: "配合单位", Width: 48}},
		Rows:    rows, Head: head, Body: body, HeadFill: "#e6e6e6", Border: "#000000", Pad: 1.5,
	})
	l := f.Finish()
	if len(l.Pages) < 3 {
		t.Fatalf("got %d pages, want at least 3 for a row taller than a page", len(l.Pages))
	}
	inArea(t, l)
	var longText strings.Builder
	for _, p := range l.Pages {
		var texts []string
		for _, it := range p.Items {
			if it.Kind == layout.KindText {
				texts = append(texts, it.Text)
			}
		}
		if len(texts) < 3 || texts[0] != "编号" || texts[1] != "任务内容" || texts[2] != "配合单位" {
			t.Errorf("page %d starts with %q, want the header row", p.Number, texts[:min(3, len(texts))])
		}
		for _, it := range p.Items {
			// the long cell's lines, in drawing order, page after page
			if it.Kind == layout.KindText && it.X > 28+16 && it.X < 28+16+92 && it.Y > geometry.Top+7 && strings.HasPrefix(long, longText.String()+it.Text) {
				longText.WriteString(it.Text)
			}
		}
	}
	if longText.String() != long {
		t.Errorf("the long cell reads back as %d bytes, want all %d in order", longText.Len(), len(long))
	}
	// the page numbers: right on odd pages, left on even ones
	for _, p := range l.Pages {
		folio := p.Items[len(p.Items)-1]
		right := folio.X+folio.W > geometry.Left+geometry.BodyW/2
		if want := p.Number%2 == 1; right != want || !strings.Contains(folio.Text, "—") {
			t.Errorf("page %d: folio %q at x=%v, want on the %s", p.Number, folio.Text, folio.X, map[bool]string{true: "right", false: "left"}[want])
		}
	}
}

func TestParagraphAcrossPages(t *testing.T) {
	f := newFlow(t)
	text := strings.Repeat("坚持月调度、季检查、半年通报、年终考核。", 100)
	f.Paragraph(text, body)
	l := f.Finish()
	if len(l.Pages) < 2 {
		t.Fatalf("got %d pages, want at least 2", len(l.Pages))
	}
	inArea(t, l)
	var got strings.Builder
	for _, s := range l.Texts() {
		if !strings.HasPrefix(s, "—") {
			got.WriteString(s)
		}
	}
	if got.String() != text {
		t.Errorf("paragraph reads back as %q…, want the text", got.String()[:60])
	}
}

func TestHeadingMarks(t *testing.T) {
	f := newFlow(t)
	f.Heading("一、任务概况", head, 0, 20)
	f.Paragraph(strings.Repeat("字", 1500), body)
	f.Heading("二、牵头任务", head, 0, 20)
	l := f.Finish()
	if len(l.Outline) != 2 {
		t.Fatalf("got %d outline entries, want 2", len(l.Outline))
	}
	if got := l.Outline[0]; got.Title != "一、任务概况" || got.Page != 1 || got.Y != geometry.Top {
		t.Errorf("first mark = %+v, want page 1 at the top", got)
	}
	if got := l.Outline[1]; got.Page != len(l.Pages) {
		t.Errorf("second mark on page %d, want %d", got.Page, len(l.Pages))
	}
}

func TestBarChart(t *testing.T) {
	f := newFlow(t)
	labels := make([]string, 45)
	lead := make([]int, 45)
	co := make([]int, 45)
	for i := range labels {
		labels[i] = "单位" + strings.Repeat("名", i%30)
		lead[i], co[i] = 45-i, i%7
	}
	f.BarChart(layout.BarChart{
		Labels: labels,
		Series: []layout.Series{{Name: "牵头", Color: "#c0392b", Values: lead}, {Name: "配合", Color: "#2e6da4", Values: co}},
		Text:   layout.Style{Font: layout.FontBody, Size: 10.5, Leading: 5}, ValueText: layout.Style{Font: layout.FontBody, Size: 8, Leading: 4},
		LabelWidth: 48, Row: 6.5, Bar: 4.2, Grid: "#cccccc", Axis: "#000000",
	})
	l := f.Finish()
	if len(l.Pages) != 2 {
		t.Fatalf("45 rows on %d pages, want 2", len(l.Pages))
	}
	inArea(t, l)
	bars, legends := 0, 0
	for _, p := range l.Pages {
		for _, it := range p.Items {
			if it.Kind == layout.KindRect && it.H > 4 {
				bars++
			}
			if it.Kind == layout.KindText && (it.Text == "牵头" || it.Text == "配合") {
				legends++
			}
		}
	}
	wantBars := 45
	for _, v := range co {
		if v > 0 {
			wantBars++
		}
	}
	if bars != wantBars {
		t.Errorf("got %d bars, want %d", bars, wantBars)
	}
	if legends != 4 {
		t.Errorf("got %d legend names, want 2 per page", legends)
	}
}

// TestTableRowSplit: a row that does not fit in what is left of a page is
// split there, the header repeated on the next page, and the page ends
// at most one table line short of the type area's foot.
func TestTableRowSplit(t *testing.T) {
	m := testMetrics(t)
	f := layout.NewFlow(geometry, layout.Fonts{Body: m, Heading: m})
	// fill the page to 30 mm above its foot
	for f.Remaining() > 30 {
		f.Paragraph("一", body)
	}
	long := strings.Repeat("推进重点工作落实，", 12)
	f.Table(layout.Table{
		Columns: []layout.Column{{Title: "编号", Width: 20}, {Title: "任务", Width: 136}},
		Rows:    [][]string{{"1.1", long}},
		Head:    head, Body: body, Pad: 1.5,
	})
	l := f.Finish()
	if len(l.Pages) != 2 {
		t.Fatalf("%d pages, want 2", len(l.Pages))
	}
	var first, second []string
	foot := 0.0
	for _, it := range l.Pages[0].Items {
		if it.Kind == layout.KindRect {
			foot = max(foot, it.Y+it.H)
		}
		if it.Kind == layout.KindText && it.Text != "一" && !strings.HasPrefix(it.Text, "—") {
			first = append(first, it.Text)
		}
	}
	for _, it := range l.Pages[1].Items {
		if it.Kind == layout.KindText && !strings.HasPrefix(it.Text, "—") {
			second = append(second, it.Text)
		}
	}
	if got := geometry.Top + geometry.BodyH - foot; got > layout.GridPitch+1e-6 {
		t.Errorf("the table ends %.1f mm above the foot, want at most one grid line (%.1f)", got, layout.GridPitch)
	}
	if len(second) < 3 || second[0] != "编号" || second[1] != "任务" {
		t.Errorf("page 2 starts %q, want the header repeated", second)
	}
	text := strings.Join(first[2:], "") + strings.Join(second[2:], "")
	if !strings.Contains(text, long) || !slices.Contains(first, "1.1") {
		t.Errorf("the row's text is not whole across the pages: %q / %q", first, second)
	}
}

// TestBreakList: a list of dept names breaks only after 、, never inside a
// name, at every width that holds the longest name.
func TestBreakList(t *testing.T) {
	m := testMetrics(t)
	names := []string{"省发展改革委", "省财政厅", "省工业和信息化厅", "长沙市人民政府", "省地方金融监督管理局", "省统计局"}
	text := strings.Join(names, "、")
	for w := 50.0; w <= 97; w += 2.5 {
		lines := layout.BreakList(text, "、", w, 12, m)
		if strings.Join(lines, "") != text {
			t.Fatalf("width %.1f: %q loses text", w, lines)
		}
		for _, l := range lines {
			if m.Width(l, 12) > w+1e-6 {
				t.Errorf("width %.1f: line %q is too wide", w, l)
			}
			for _, part := range strings.Split(strings.TrimSuffix(l, "、"), "、") {
				if !slices.Contains(names, part) {
					t.Errorf("width %.1f: %q splits a name (%q)", w, l, part)
				}
			}
		}
	}
	// a name wider than the column is still broken, as text
	if lines := layout.BreakList("省地方金融监督管理局、省统计局", "、", 20, 12, m); strings.Join(lines, "") != "省地方金融监督管理局、省统计局" || len(lines) < 3 {
		t.Errorf("a name wider than the column: %q", lines)
	}
}

// TestTableNoWidow: a five-line row with room for four lines on the page
// is split three and two, not four and one, when the page still ends
// within a grid line of its foot.
func TestTableNoWidow(t *testing.T) {
	m := testMetrics(t)
	f := layout.NewFlow(geometry, layout.Fonts{Body: m, Heading: m})
	f.Paragraph("一", body)
	f.Space(geometry.BodyH - 6 - 38) // 38 mm left: the header (9) and 29 mm, four lines
	f.Table(layout.Table{
		Columns: []layout.Column{{Title: "号", Width: 20}, {Title: "任务", Width: 20}},
		Rows:    [][]string{{"1", strings.Repeat("推进工作", 5)}}, // four characters a line: five lines
		Head:    head, Body: body, Pad: 1.5,
	})
	l := f.Finish()
	count := func(p layout.Page) int {
		n := 0
		for _, it := range p.Items {
			if it.Kind == layout.KindText && it.Text == "推进工作" {
				n++
			}
		}
		return n
	}
	if len(l.Pages) != 2 || count(l.Pages[0]) != 3 || count(l.Pages[1]) != 2 {
		t.Errorf("lines per page: %d pages, %d then %d, want 3 then 2", len(l.Pages), count(l.Pages[0]), count(l.Pages[len(l.Pages)-1]))
	}
}
