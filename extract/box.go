package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Tables drawn with box-drawing characters, as law databases and mirror
// sites print the tables of older documents:
//
//	┌──────────────┬──────┬────────────┐
//	│ 工 作 任 务  │分管领│牵头单位    │
//	│              │ 导   │            │
//	├──────────────┼──────┼────────────┤
//	│抓好财税工作  │梁志强│市财政局、国│
//	├──────────────┤      │家税务局    │
//	│△加强财政监督│      ├────────────┤
//	│△加快信用体系│      │市教育局    │
//	└──────────────┴──────┴────────────┘
//
// A cell's text is wrapped over the lines of its row, and a cell merged
// over rows runs on past the rules of the columns beside it. boxTables
// reads each such table as a clerk does, cell by cell, and writes it as
// rows of cells (encodeRow): the header's cells, then one row for each
// cell of the column that has most, on the line that cell starts on,
// with the cells of the other columns that run beside its first line (a
// merged cell given to every row it spans), or else start beside it. A
// table with no rule between its rows writes a row on each line. The
// table's other lines are left blank, so that every line keeps its
// number. A block whose lines do not hold the same number of columns is
// left as it is.
func boxTables(lines []string) {
	for i := 0; i < len(lines); {
		if !boxLine(lines[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && boxLine(lines[j]) && !boxTop(lines[j]) {
			j++
			if boxBottom(lines[j-1]) {
				break // the table ends; another may begin on the next line
			}
		}
		readBox(lines[i:j])
		i = j
	}
}

// maxBoxColumns bounds the columns of a box table, so that a hostile line
// of box characters costs no more than a table's.
const maxBoxColumns = 40

// boxBoundary reports whether r is a box-drawing character with a
// vertical stroke: a cell's side or a corner or joint of the grid.
func boxBoundary(r rune) bool {
	return r >= 0x2500 && r <= 0x257F && !boxRule(r)
}

// boxRule reports whether r draws a horizontal line only.
func boxRule(r rune) bool {
	switch r {
	case '─', '━', '═', '┄', '┅', '┈', '┉', '╌', '╍', '╴', '╶', '╸', '╺', '╼', '╾':
		return true
	}
	return false
}

// boxLine reports whether a line is a line of a box table: it opens with
// a boundary and holds another.
func boxLine(l string) bool {
	t := strings.TrimLeft(l, " \t")
	r, _ := utf8.DecodeRuneInString(t)
	return boxBoundary(r) && strings.IndexFunc(t[utf8.RuneLen(r):], boxBoundary) >= 0
}

// boxTop and boxBottom report whether a line is a table's top or bottom
// border (┌…┐, └…┘).
func boxTop(l string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(l, " \t"))
	return r == '┌' || r == '┏' || r == '╔' || r == '┍' || r == '┎' || r == '╒' || r == '╓'
}

func boxBottom(l string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(l, " \t"))
	return r == '└' || r == '┗' || r == '╚' || r == '┕' || r == '┖' || r == '╘' || r == '╙'
}

// boxSegments splits a line of a box table into the text between its
// boundaries, one segment per column.
func boxSegments(l string) []string {
	var segs []string
	start := -1
	for i, r := range l {
		if !boxBoundary(r) {
			continue
		}
		if start >= 0 {
			segs = append(segs, l[start:i])
			if len(segs) > maxBoxColumns {
				return nil
			}
		}
		start = i + utf8.RuneLen(r)
	}
	return segs
}

// ruleSegment reports whether a segment is a rule (────), which closes
// its column's cell.
func ruleSegment(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if !boxRule(r) {
			return false
		}
	}
	return true
}

// boxCell is a cell of a box table: its text and the lines it spans,
// within the block.
type boxCell struct {
	text       string
	start, end int
	lines      []int // the lines that hold its text
	parts      []string
}

// spread reports whether a cell merged over several of the rows holds
// text beside each of them, apart by a blank line where each row after the
// first starts (a column split by rules the cell's column does not have:
// two tasks in one cell beside two cells of units), so each row takes the
// text beside it. A cell's text merely wrapped on over the rows has no
// such gap, and every row takes it whole.
func (c boxCell) spread(rows []boxCell) bool {
	n := 0
	for _, r := range rows {
		if r.end < c.start || r.start > c.end {
			continue
		}
		if c.part(r.start, r.end).text == "" || n > 0 && slices.Contains(c.lines, r.start-1) {
			return false
		}
		n++
	}
	return n > 1
}

// readBox reads the lines of one box table and rewrites them (boxTables).
func readBox(block []string) {
	segs := make([][]string, len(block))
	width := 0
	counts := map[int]int{}
	for i, l := range block {
		segs[i] = boxSegments(l)
		counts[len(segs[i])]++
	}
	for n, c := range counts {
		if n > 0 && (c > counts[width] || c == counts[width] && n > width) {
			width = n
		}
	}
	if width < 2 || 3*counts[width] < 2*len(block) {
		return // not a grid this reader understands: left as written
	}
	// each column's cells, closed by the rules in that column
	cols := make([][]boxCell, width)
	open := make([]*boxCell, width)
	headerEnd := -1 // the first line that rules every column, after text
	seenText := false
	for i := range block {
		if len(segs[i]) != width {
			continue
		}
		all := true
		for c, s := range segs[i] {
			if ruleSegment(s) {
				if open[c] != nil {
					open[c].end = i - 1
					cols[c] = append(cols[c], *open[c])
					open[c] = nil
				}
				continue
			}
			all = false
			t := strings.TrimSpace(s)
			if t == "" {
				continue
			}
			seenText = true
			if open[c] == nil {
				open[c] = &boxCell{start: i}
			}
			// a box table wraps a cell character by character, a number
			// or a word too: its lines join with nothing between them
			open[c].text += t
			open[c].lines, open[c].parts = append(open[c].lines, i), append(open[c].parts, t)
		}
		if all && seenText && headerEnd < 0 && i < len(block)-1 {
			headerEnd = i // (the bottom border closes the table, not a header)
		}
	}
	for c := range open {
		if open[c] != nil {
			open[c].end = len(block) - 1
			cols[c] = append(cols[c], *open[c])
		}
	}
	// the header: the cells above the first full rule
	var header []string
	headerAt := -1
	body := make([][]boxCell, width)
	for c, cells := range cols {
		for _, cell := range cells {
			if headerEnd >= 0 && cell.end < headerEnd {
				if headerAt < 0 || cell.start < headerAt {
					headerAt = cell.start
				}
				continue
			}
			body[c] = append(body[c], cell)
		}
	}
	if headerAt >= 0 {
		header = make([]string, width)
		for c, cells := range cols {
			for _, cell := range cells {
				if cell.end < headerEnd {
					header[c] = strings.Join(strings.Fields(cell.text), "") // 工 作 任 务
				}
			}
		}
	}
	if headerEnd < 0 || !bodyRules(segs, headerEnd, width) {
		// no rule between the rows (or none at all but the border):
		// each line is a row of its own
		for i := max(headerEnd, 0); i < len(block); i++ {
			block[i] = ""
			if len(segs[i]) != width {
				continue
			}
			row := make([]string, width)
			text := false
			for c, sg := range segs[i] {
				if !ruleSegment(sg) {
					row[c] = normalizeLine(strings.TrimSpace(sg))
					text = text || row[c] != ""
				}
			}
			if text {
				block[i] = encodeRow(row)
			}
		}
		for i := 0; i < headerEnd; i++ {
			block[i] = ""
		}
		if header != nil {
			block[headerAt] = encodeRow(header)
		}
		return
	}
	// the rows: one for each cell of the column that has most
	key := 0
	for c := range body {
		if len(body[c]) > len(body[key]) {
			key = c
		}
	}
	if len(body[key]) == 0 {
		return
	}
	for i := range block {
		block[i] = ""
	}
	if header != nil {
		block[headerAt] = encodeRow(header)
	}
	// each column's cells are in order, as the key column's are: one
	// walk down each column serves every row
	at := make([]int, width)
	for _, k := range body[key] {
		row := make([]string, width)
		var bulleted []boxCell // a cell of bulleted lines: a task on each
		bcol := -1
		for c, cells := range body {
			for at[c] < len(cells) && cells[at[c]].end < k.start {
				at[c]++
			}
			// the cell beside the row's first line, else (a rule of this
			// column level with that line) the one that starts beside
			// the row's cell
			if at[c] < len(cells) && cells[at[c]].start <= k.end {
				cell := cells[at[c]]
				if c != key && cell.spread(body[key]) {
					cell = cell.part(k.start, k.end)
				}
				row[c] = normalizeLine(trimBullet(cell.text)) // △: a list mark
				if b := cell.bullets(); bcol < 0 && len(b) > 1 {
					bulleted, bcol = b, c
				}
			}
		}
		if heading(body[key], k) {
			// 抓好财税金融工作，增强发展保障能力 above its △ tasks: a
			// heading, the cells beside it none of its own
			clear(row)
			row[key] = normalizeLine(k.text)
		}
		if bcol < 0 {
			block[k.start] = encodeRow(row)
			continue
		}
		// △加强财政监督 / △加强税源监控 in one cell: a row each, on the
		// line its bullet stands on, beside the cells that stand beside
		// that line (the row's, where none starts there)
		for _, b := range bulleted {
			r := append([]string(nil), row...)
			r[bcol] = normalizeLine(trimBullet(b.text))
			for c, cells := range body {
				if c == bcol {
					continue
				}
				for _, cell := range cells {
					if cell.start <= b.start && b.start <= cell.end && cell.start > k.start {
						r[c] = normalizeLine(trimBullet(cell.text))
					}
				}
			}
			block[b.start] = encodeRow(r)
		}
	}
}

// heading reports whether cell k of a column whose tasks are bulleted
// (△加强财政监督) has no bullet while the cell after it opens with one: a
// heading over them.
func heading(cells []boxCell, k boxCell) bool {
	for i, c := range cells {
		if c.start == k.start {
			return i+1 < len(cells) && !bulleted(c) && bulleted(cells[i+1])
		}
	}
	return false
}

// bulleted reports whether a cell opens with a bullet.
func bulleted(c boxCell) bool {
	r, _ := utf8.DecodeRuneInString(c.text)
	return strings.ContainsRune(bullets, r)
}

// part is the cell's lines from start to end.
func (c boxCell) part(start, end int) boxCell {
	p := boxCell{start: start, end: end}
	for i, at := range c.lines {
		if at >= start && at <= end {
			p.text += c.parts[i]
			p.lines, p.parts = append(p.lines, at), append(p.parts, c.parts[i])
		}
	}
	return p
}

// bullets splits a cell whose lines open with a bullet (△加强财政监督) at
// each: one part a bullet and the lines wrapped after it. A cell with one
// bullet or none gives one part or none.
func (c boxCell) bullets() []boxCell {
	var out []boxCell
	for i, t := range c.parts {
		r, _ := utf8.DecodeRuneInString(t)
		switch {
		case strings.ContainsRune(bullets, r):
			out = append(out, boxCell{start: c.lines[i], end: c.lines[i]})
		case len(out) == 0:
			return nil // text before the first bullet: one cell
		}
		o := &out[len(out)-1]
		o.text += t
		o.end = c.lines[i]
		o.lines, o.parts = append(o.lines, c.lines[i]), append(o.parts, t)
	}
	return out
}

// bodyRules reports whether a rule closes any cell between the header's
// rule (at headerEnd) and the table's last line: the rows are apart by
// rules, and a row's cells may wrap over lines. A table with none writes
// a row on each line.
func bodyRules(segs [][]string, headerEnd, width int) bool {
	for i := headerEnd + 1; i < len(segs)-1; i++ {
		if len(segs[i]) != width {
			continue
		}
		for _, sg := range segs[i] {
			if ruleSegment(sg) {
				return true
			}
		}
	}
	return false
}
