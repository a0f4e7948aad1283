package layout

import "strings"

// Column is one column of a table.
type Column struct {
	Title string
	Width float64 // mm, padding included
	Align Align   // of the body cells; header cells are centred
	// List marks a column of names joined by the table's Sep: its lines
	// break only after a Sep, never inside a name (unless one name is
	// wider than the column).
	List bool
}

// Table is a ruled table. Rows flow across pages: the header row is
// repeated at the top of each page, and a row that does not fit in what
// is left of a page is split between lines, so that a page ends at most
// one line of the GB/T 9704 grid (GridPitch) short of its foot; a split
// leaves no line alone on either side where that allows.
type Table struct {
	Columns  []Column
	Rows     [][]string // cell text; "\n" starts a new paragraph in a cell
	Head     Style
	Body     Style
	HeadFill string  // "#rrggbb"
	Border   string  // "#rrggbb"
	Pad      float64 // cell padding, mm
	Sep      string  // the separator of List columns, such as 、
	// Main is the column, counted from 1, whose text reads in one piece
	// in content order when a row is split across pages (see row); 0 is
	// the row's longest cell.
	Main int
}

// borderWidth is the rule thickness of tables, mm.
const borderWidth = 0.2

// Table places t at the cursor.
func (f *Flow) Table(t Table) {
	if len(t.Columns) == 0 {
		return
	}
	head, headLines, headH := f.header(t)
	drawHead := func() {
		hs := t.Head
		hs.Align = Center
		f.row(t, head, 0, headLines, hs, t.HeadFill, true)
		f.y += headH
	}
	// the header never stands alone at the foot of a page
	f.Need(f.TableLead(t))
	drawHead()

	for _, row := range t.Rows {
		cells, n := f.rowLines(t, row)
		fresh := false // a header was just drawn at the top of a page
		for from := 0; from < n; {
			fit := int((f.Remaining() - 2*t.Pad + 1e-9) / t.Body.Leading)
			if fit < 1 {
				if !fresh {
					f.NewPage()
					drawHead()
					fresh = true
					continue
				}
				fit = 1 // the leading is taller than a page
			}
			to := min(n, from+fit)
			// no line alone on either side of a page break, as long as
			// the page still ends at most one grid line short
			if to < n && !fresh {
				used := func(k int) float64 { return float64(k)*t.Body.Leading + 2*t.Pad }
				switch {
				case to-from == 1 && f.Remaining() <= GridPitch+1e-9:
					f.NewPage() // the row's first line would stand alone here
					drawHead()
					fresh = true
					continue
				case n-to == 1 && to-from >= 3 && f.Remaining()-used(to-1-from) <= GridPitch+1e-9:
					to-- // its last line would stand alone on the next page
				}
			}
			f.row(t, cells, from, to, t.Body, "", false)
			f.y += float64(to-from)*t.Body.Leading + 2*t.Pad
			from = to
			if from < n {
				f.NewPage()
				drawHead()
				fresh = true
			}
		}
	}
}

// TableLead is the height t needs before it starts: its header row and
// the first row's first two lines. Keep a heading with this much to keep
// it with the table.
func (f *Flow) TableLead(t Table) float64 {
	if len(t.Columns) == 0 {
		return 0
	}
	_, _, headH := f.header(t)
	if len(t.Rows) == 0 {
		return headH
	}
	_, n := f.rowLines(t, t.Rows[0])
	return headH + float64(min(n, 2))*t.Body.Leading + 2*t.Pad
}

// header breaks the column titles: the lines of each, their count and
// the header row's height.
func (f *Flow) header(t Table) ([][]string, int, float64) {
	head := make([][]string, len(t.Columns))
	n := 1
	for i, c := range t.Columns {
		head[i] = f.cellLines(c.Title, t.Head, c.Width-2*t.Pad, "")
		n = max(n, len(head[i]))
	}
	return head, n, float64(n)*t.Head.Leading + 2*t.Pad
}

// rowLines breaks the cells of a row: the lines of each and the most.
func (f *Flow) rowLines(t Table, row []string) ([][]string, int) {
	cells := make([][]string, len(t.Columns))
	n := 1
	for i, c := range t.Columns {
		if i < len(row) {
			sep := ""
			if c.List {
				sep = t.Sep
			}
			cells[i] = f.cellLines(row[i], t.Body, c.Width-2*t.Pad, sep)
		}
		n = max(n, len(cells[i]))
	}
	return cells, n
}

// cellLines breaks a cell's paragraphs for a width; with a sep, only
// after a sep where it can.
func (f *Flow) cellLines(text string, st Style, w float64, sep string) []string {
	var out []string
	for _, para := range strings.Split(f.clean(st.Font, text), "\n") {
		if sep != "" {
			out = append(out, BreakList(para, sep, w, st.Size, f.metrics(st))...)
		} else {
			out = append(out, Break(para, w, st.Size, f.metrics(st))...)
		}
	}
	return out
}

// row places lines [from, to) of every cell as one row at the cursor.
//
// Cells are drawn left to right, except in a row split across pages: there
// the main cell (Table.Main, else the one with the most lines) is drawn last on a page the row continues
// from and first on a page it continues on, so that its text stays in one
// piece in content order (what copy and paste, screen readers and
// pdftotext -raw read), broken only by the page number and header row.
func (f *Flow) row(t Table, cells [][]string, from, to int, st Style, fill string, head bool) {
	h := float64(to-from)*st.Leading + 2*t.Pad
	order := make([]int, 0, len(t.Columns))
	for i := range t.Columns {
		order = append(order, i)
	}
	if n := maxLines(cells); from > 0 || to < n {
		long := 0
		for i := range cells {
			if len(cells[i]) > len(cells[long]) {
				long = i
			}
		}
		if t.Main > 0 && t.Main <= len(cells) {
			long = t.Main - 1
		}
		order = append(order[:long], order[long+1:]...)
		if from > 0 {
			order = append([]int{long}, order...)
		} else {
			order = append(order, long)
		}
	}
	for _, i := range order {
		c := t.Columns[i]
		x := f.g.Left
		for _, p := range t.Columns[:i] {
			x += p.Width
		}
		f.Add(Item{Kind: KindRect, X: x, Y: f.y, W: c.Width, H: h, Fill: fill, Stroke: t.Border, LineWidth: borderWidth})
		cs := st
		if !head {
			cs.Align = c.Align
		}
		for j := from; j < to && j < len(cells[i]); j++ {
			top := f.y + t.Pad + float64(j-from)*st.Leading
			f.Text(cells[i][j], cs, x+t.Pad, top, c.Width-2*t.Pad)
		}
	}
}

func maxLines(cells [][]string) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}
