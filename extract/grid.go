package extract

import "strings"

// Stage 1's structure: tables read as tables. A .docx or HTML table is
// written to Text as one line per row, its cells joined by " | " (so the
// line reads like a pipe table), with the cells themselves in Text.Cells.
// Merged cells are resolved here: a cell that spans rows (HTML rowspan,
// Word vMerge) gives its text to every row it spans, and a cell that spans
// columns (colspan, gridSpan) fills the first column it spans. A row that
// is one cell across the whole table is a heading line, not a row.

// gridCell is a table cell as the markup gives it.
type gridCell struct {
	text    string
	colspan int  // ≥ 1
	rowspan int  // HTML: ≥ 1
	cont    bool // Word vMerge="continue": the cell above goes on
}

// tableGrid lays out the rows of one table.
type tableGrid struct {
	down  map[int]*spanDown // HTML rowspans still running, by column
	above map[int]string    // the text of the previous row, by column
	width int
}

type spanDown struct {
	text string
	left int
}

func newTableGrid() *tableGrid {
	return &tableGrid{down: map[int]*spanDown{}, above: map[int]string{}}
}

// row lays out one row and returns its cells by column, or nil and the
// text when the row is one cell across the table.
func (g *tableGrid) row(cells []gridCell) ([]string, string) {
	var out []string
	col := 0
	put := func(text string, span int) {
		for k := 0; k < max(span, 1); k++ {
			if k == 0 {
				out = append(out, text)
			} else {
				out = append(out, "")
			}
			g.above[col] = text
			col++
		}
	}
	fill := func() {
		for {
			d := g.down[col]
			if d == nil || d.left <= 0 {
				return
			}
			d.left--
			if d.left == 0 {
				delete(g.down, col)
			}
			put(d.text, 1)
		}
	}
	for _, c := range cells {
		fill()
		text := strings.TrimSpace(c.text)
		if c.cont {
			text = g.above[col]
		}
		if c.rowspan > 1 {
			g.down[col] = &spanDown{text: text, left: c.rowspan - 1}
		}
		put(text, c.colspan)
	}
	fill()
	if len(out) > g.width {
		g.width = len(out)
	}
	if len(cells) == 1 && g.width > 1 && cells[0].colspan >= g.width-1 || len(cells) == 1 && g.width <= 1 {
		return nil, strings.TrimSpace(out[0])
	}
	return out, ""
}

// rowLine is the text line of a row: its cells joined by " | ".
func rowLine(cells []string) string {
	return strings.Join(cells, " | ") + " |"
}

// Inside the readers a row travels as one line: a record separator, then
// its cells joined by unit separators. Neither survives normalisation, so
// no text line can look like one. Read turns them into Text.Lines and
// Text.Cells.
const (
	rowMark  = "\x1e"
	cellMark = "\x1f"
)

func encodeRow(cells []string) string {
	return rowMark + strings.Join(cells, cellMark)
}

// splitRows turns encoded rows into pipe lines and their cells.
func splitRows(lines []string) ([]string, [][]string) {
	var cells [][]string
	for i, l := range lines {
		if !strings.HasPrefix(l, rowMark) {
			continue
		}
		if cells == nil {
			cells = make([][]string, len(lines))
		}
		cs := strings.Split(l[len(rowMark):], cellMark)
		cells[i] = cs
		lines[i] = rowLine(cs)
	}
	return lines, cells
}
