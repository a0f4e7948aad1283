package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tables, wherever they come from: a .docx or HTML table (Read writes each
// row as one line of cells joined by " | "), a pipe table pasted as text,
// a table flattened one cell per line, or space-separated rows under a
// header line. The header row names the columns; each row is read the way
// a clerk reads it:
//
//   - a row whose number (or name) cell holds a number starts an item;
//   - a row with a task cell is a task of the current item;
//   - a row with only units (and a deadline) adds its units to the task
//     above (a continuation row of a merged cell);
//   - a task with no unit cell takes the units of the task above it (a
//     merged unit cell belongs to every row it spans);
//   - in a pipe row with fewer cells than the header, the cells are the
//     header's last ones (merged cells on the left were lost).

type colKind uint8

const (
	colOther colKind = iota
	colNumber
	colTask
	colName
	colLead
	colCo
	colUnits
	colLeader
	colDeadline
	colPlace
	colProgress
	colMeasure // the unit a value column's figures are counted in
	colYear    // a year's values before the last year's, a target table's steps (2025年 before 2027年)
)

// column classifies a header cell.
func (v *Vocabulary) column(cell string) colKind {
	cell = strings.ReplaceAll(cell, " ", "")
	if v.firstIsLead(cell) || strings.Contains(cell, "第一") && strings.Contains(cell, "牵头") || leadMark(cell) != "" {
		if utf8.RuneCountInString(cell) <= 24 {
			return colUnits // 责任单位（排第一位的为牵头单位）
		}
	}
	cell = dropCountNote(cell)
	if cell == "" || utf8.RuneCountInString(cell) > 24 {
		return colOther
	}
	if v.namedOther(cell) {
		return colOther // 目标类型: A类; 任务来源: 皖政〔2022〕9号文件
	}
	if slices.Contains(v.Columns.Measure, cell) {
		return colMeasure // 单位 alone: %, 万吨
	}
	if strings.Contains(cell, "领导") && !strings.Contains(cell, "单位") && !strings.Contains(cell, "部门") {
		return colLeader // 牵头领导, 牵头县领导: people, not the lead unit
	}
	for _, w := range v.Columns.Task {
		if strings.HasSuffix(cell, strings.ReplaceAll(w, " ", "")) && slices.ContainsFunc(v.Columns.Name, func(n string) bool { return strings.Contains(cell, n) }) {
			return colTask // 事项内容: the thing's content, after its 事项名称
		}
	}
	for _, c := range []struct {
		words []string
		kind  colKind
	}{
		{v.Columns.Number, colNumber}, {v.Columns.Lead, colLead}, {v.Columns.Co, colCo},
		{v.Columns.Deadline, colDeadline}, {v.Columns.Place, colPlace}, {v.Columns.Progress, colProgress},
		// units before leaders: 责任单位及责任人 is a units column
		{v.Columns.Units, colUnits}, {v.Columns.Leader, colLeader}, {v.Columns.Name, colName}, {v.Columns.Task, colTask},
	} {
		for _, w := range c.words {
			if strings.Contains(cell, strings.ReplaceAll(w, " ", "")) {
				return c.kind
			}
		}
	}
	return colOther
}

// dropCountNote drops a note that counts the column's entries from the end
// of a header cell: 重点工作任务（杭州市2项配合工作） is a task column, not
// one of co units.
func dropCountNote(cell string) string {
	for _, open := range []string{"（", "("} {
		i := strings.LastIndex(cell, open)
		if i <= 0 || !strings.HasSuffix(cell, "）") && !strings.HasSuffix(cell, ")") {
			continue
		}
		if strings.ContainsAny(cell[i:], "0123456789０１２３４５６７８９") {
			return cell[:i]
		}
	}
	return cell
}

// namedOther reports whether a header cell names a column that is none
// of fengong's (任务来源): a header goes on over it, even at its end.
func (v *Vocabulary) namedOther(cell string) bool {
	for _, w := range v.Columns.Other {
		if strings.Contains(cell, w) {
			return true
		}
	}
	return false
}

// tableStyle is how a table reached the text.
type tableStyle uint8

const (
	stylePipe  tableStyle = iota // cell | cell |
	styleSpace                   // N text unit, under a header line
	styleCells                   // one cell per line
)

type tableBlock struct {
	style tableStyle
	cols  []colKind
	rows  []tableRow
	end   int    // index of the first line after the table
	lead  string // text before the header on the header's line
	leadN int
	// the header states that the first unit of a cell leads (of two or
	// more: firstOfMany)
	firstIsLead, firstOfMany bool
	// the name column names indicators (指标名称) whose values the task
	// column holds (目标值)
	indicators bool
	// persons marks the unit columns whose cells name people too
	// (责任单位及责任人), by column; nil: none
	persons []bool
	// pastNumber: a sub-row was written without its merged number cell
	// (pastNumber), so a later one of the same shape is read so too
	pastNumber bool
	// headBar: the header row opens with a bar (| 序号 | 任务 |), so every
	// row's first cell follows one; in a table whose header does not,
	// a row opened by a bar left its first cell empty (merged from above)
	headBar bool
	// years are the headers of a target table's year columns by column,
	// when it has steps before its goal (yearColumn); nil: none
	years []string
}

// personsColumn reports whether a units column's header names people
// beside the units: 责任单位及责任人, 牵头单位（负责人）.
func personsColumn(kind colKind, header string) bool {
	if kind != colLead && kind != colCo && kind != colUnits {
		return false
	}
	for _, w := range personWords {
		if strings.Contains(header, w) {
			return true
		}
	}
	return false
}

// tableRow is one row, its cells aligned to the columns ("" where the
// row has none).
type tableRow struct {
	n       int
	cells   []string // folded
	raw     []string // as written, where a cell came from another line than n
	section *cline   // a section row inside the table
}

// written is cell k as written.
func (p *parser) cellWritten(row *tableRow, k int) string {
	if row.raw != nil && row.raw[k] != "" && len(row.raw[k]) == len(row.cells[k]) {
		return row.raw[k]
	}
	return p.written(row.n, row.cells[k])
}

// reYearHead is a header cell that is a year alone, or its target:
// 2025年, 2027年目标值 (2023年目标 is a task column by its 目标 already).
var reYearHead = lazyRE(`^(?:19|20)\d\d年(?:目标值|目标|预期)?$`)

// yearColumn reads a target table's year columns (指标名称 | 单位 | 2022年 |
// 2025年 | 2027年): in a table with a 单位 column and no task column, the
// years' figures are the indicators' values. The last year's column is
// the task column, the goal; of two years or more the first is where
// the indicator stands (left out), and those between are steps on the
// way (colYear), each a target of its own. It returns the years' headers
// by column when there are steps, for the task to name each value's
// year; nil when there are none.
func yearColumn(cols []colKind, heads []string) []string {
	if !hasCol(cols, colMeasure) || hasCol(cols, colTask) {
		return nil
	}
	var years []int
	for k, h := range heads {
		if k < len(cols) && cols[k] == colOther && reYearHead.MatchString(strings.ReplaceAll(h, " ", "")) {
			years = append(years, k)
		}
	}
	if len(years) == 0 {
		return nil
	}
	cols[years[len(years)-1]] = colTask
	if len(years) < 3 {
		return nil
	}
	named := make([]string, len(cols))
	for _, k := range years[1:] {
		named[k] = strings.ReplaceAll(heads[k], " ", "")
		if cols[k] != colTask {
			cols[k] = colYear
		}
	}
	return named
}

// withSteps is a target table's task with the values of its steps before
// the goal, each as the indicator, its value and its year, for the
// targets to read one by one (人均预期寿命≥79.2岁（2025年）；人均预期寿命≥80岁
// （2027年）). task is the name and the goal's value.
func withSteps(task, name, measure string, row *tableRow, cols []colKind, years []string) string {
	if years == nil || name == "" || !strings.HasPrefix(task, name) {
		return task
	}
	var parts []string
	for k, ck := range cols {
		v := strings.TrimSpace(row.cells[k])
		switch {
		case ck == colYear && reFigureCell.MatchString(v):
			parts = append(parts, name+figureWith(v, measure)+"（"+years[k]+"）")
		case ck == colTask && years[k] != "":
			parts = append(parts, task+"（"+years[k]+"）")
		}
	}
	if len(parts) < 2 {
		return task
	}
	return strings.Join(parts, "；")
}

// writtenOf gives names their written forms from a list they were taken
// from (all, as written: written); nil when one is not in it.
func writtenOf(names, all, written []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		// the name itself, or one it opens (区统计局 of 区统计局（…牵头单位）,
		// its mark taken off)
		j := slices.IndexFunc(all, func(a string) bool { return strings.HasPrefix(a, n) })
		if j < 0 || len(written[j]) != len(all[j]) {
			return nil
		}
		out[i] = written[j][:len(n)]
	}
	return out
}

// writtenNames are names, each a span of folded, as written: the same
// span of written, which folding keeps as long. nil when written is not
// as long, or a name is not found in folded in turn (its list lent it a
// prefix): the caller maps the names otherwise.
func writtenNames(folded, written string, names []string) []string {
	if len(folded) != len(written) {
		return nil
	}
	out := make([]string, len(names))
	from := 0
	for i, n := range names {
		j := strings.Index(folded[from:], n)
		if j < 0 {
			return nil
		}
		out[i] = written[from+j : from+j+len(n)]
		from += j + len(n)
	}
	return out
}

// figureWith is a figure cell with its measure put in: before a bound
// (150以上 beside 万吨: 150万吨以上), and not twice.
func figureWith(figure, measure string) string {
	if measure == "" || strings.Contains(figure, measure) {
		return figure
	}
	bound := ""
	for _, b := range figureBounds {
		if f, ok := strings.CutSuffix(figure, b); ok {
			figure, bound = f, b
			break
		}
	}
	return figure + measure + bound
}

// categoryWords head a column of categories before the names (类别 |
// 指标 | 单位 …): its merged cells group the rows, they name no row.
var categoryWords = []string{"类别", "分类", "类型", "领域", "指标类别", "指标类型"}

// categoryColumn leaves out a category column before a second name
// column (类别 | 指标: the indicators are the rows' names).
func categoryColumn(cols []colKind, heads []string) {
	first := slices.Index(cols, colName)
	if first < 0 || first >= len(heads) || !slices.Contains(cols[first+1:], colName) {
		return
	}
	if slices.Contains(categoryWords, strings.ReplaceAll(heads[first], " ", "")) {
		cols[first] = colOther
	}
}

// sectionsColumn leaves out a column of a unit's sections (负责科室,
// 责任处室) beside a column of units (牵头单位 | 负责科室 | 负责人): the
// sections are the lead's own, no unit of the task. Where the table has
// no other column of units, its sections are its units.
func sectionsColumn(cols []colKind, heads []string) {
	units, sections := false, -1
	for k, ck := range cols {
		if k >= len(heads) || ck != colLead && ck != colCo && ck != colUnits {
			continue
		}
		h := strings.ReplaceAll(heads[k], " ", "")
		if strings.Contains(h, "科室") || strings.Contains(h, "处室") || strings.Contains(h, "股室") {
			sections = k
		} else {
			units = true
		}
	}
	if units && sections >= 0 {
		cols[sections] = colOther
	}
}

// nameTaskColumns reads two task columns (重点工作 | 具体任务) as the item's
// name and its tasks: the first names the work, usually in a cell merged
// over its tasks' rows.
func nameTaskColumns(cols []colKind) {
	if hasCol(cols, colName) {
		return
	}
	first, n := -1, 0
	for k, c := range cols {
		if c == colTask {
			if first < 0 {
				first = k
			}
			n++
		}
	}
	if n >= 2 {
		cols[first] = colName
	}
}

// spans reports whether a header cell of kind parent, merged over the
// cells of a second header row, may span one of kind child: units over
// units (责任单位 over 牵头单位, 配合单位), a task over tasks, progress or
// an unknown column over progress, unknown columns and time limits.
func spans(parent, child colKind) bool {
	switch parent {
	case colUnits:
		return child == colLead || child == colCo || child == colUnits
	case colTask, colName:
		return child == colTask || child == colName
	case colProgress, colOther:
		return child == colProgress || child == colOther || child == colDeadline
	}
	return false
}

// unflattenHeader reads a header of two rows flattened one cell per line:
// the first row's cells, then the second's, which split the first row's
// merged cells (序号 / 工作任务 / 责任单位 / 完成时限 / 牵头单位 / 配合单位: 责任单位
// spans 牵头单位 and 配合单位). The second row is the shortest tail of two
// cells or more that the first row's cells can each span, in order, two
// or more of a kind: a units column spans units columns, a task column
// tasks, a progress or unknown column progress, unknown and time limits.
// Only a tail that holds a task or a units column is taken: the columns a
// second row leaves unread are none of fengong's. It returns cols with
// each spanning cell replaced by the cells under it, or cols unchanged.
func unflattenHeader(cols []colKind) []colKind {
	if len(cols) > 40 {
		return cols // no header has so many cells: its tails are not tried
	}
	for s := len(cols) - 2; s >= 2; s-- {
		top, sub := cols[:s], cols[s:]
		if !slices.ContainsFunc(sub, func(c colKind) bool {
			return c == colTask || c == colName || c == colLead || c == colCo || c == colUnits
		}) {
			continue
		}
		var out []colKind
		k := 0
		for _, parent := range top {
			n := 0
			for k+n < len(sub) && spans(parent, sub[k+n]) {
				n++
			}
			if n >= 2 {
				out = append(out, sub[k:k+n]...)
				k += n
				continue
			}
			out = append(out, parent)
		}
		if k == len(sub) {
			return out
		}
	}
	return cols
}

// headerOK reports whether classified columns make a 分工 table: a task
// or name column and a unit column.
func headerOK(cols []colKind) bool {
	task, unit, known := false, false, 0
	for _, c := range cols {
		switch c {
		case colTask, colName:
			task = true
		case colLead, colCo, colUnits:
			unit = true
		}
		if c != colOther {
			known++
		}
	}
	return task && unit && known >= 2
}

// tableAt reports the table whose header is line i, if any.
func (p *parser) tableAt(lines []cline, i int) *tableBlock {
	c := lines[i]
	if c.kind == kBlank || c.kind == kNoise {
		return nil
	}
	t := c.text
	if cells := p.cellsOf(c.n); cells != nil || strings.Count(t, "|") >= 2 {
		if cells == nil {
			cells = splitPipes(t)
		}
		cols := p.columnsOf(cells)
		persons := make([]bool, len(cells))
		first, many, indicators := false, false, false
		for k, cell := range cells {
			cell = strings.ReplaceAll(cell, " ", "")
			persons[k] = personsColumn(cols[k], cell)
			first = first || cols[k] == colUnits && strings.Contains(cell, "第一")
			many = many || cols[k] == colUnits && p.vocab.ofMany(cell)
			indicators = indicators || (cols[k] == colName || cols[k] == colTask) && strings.Contains(cell, "指标")
		}
		categoryColumn(cols, cells)
		sectionsColumn(cols, cells)
		years := yearColumn(cols, cells)
		nameTaskColumns(cols)
		if headerOK(cols) {
			tb := p.pipeTable(lines, i, cols)
			tb.years = years
			tb.firstIsLead, tb.firstOfMany, tb.indicators, tb.persons = first, many, indicators, persons
			return tb
		}
		if cols := p.rowColumns(lines, i); cols != nil {
			return p.pipeRows(&tableBlock{style: stylePipe, cols: cols}, lines, i)
		}
		return nil
	}
	if cols, at := p.spaceHeader(t); cols != nil {
		tb := p.spaceTable(lines, i, cols)
		tb.lead, tb.leadN = strings.TrimSpace(t[:at]), c.n
		return tb
	}
	if len(t) > 48 {
		return nil
	}
	ck := p.vocab.column(t)
	if ck == colOther && utf8.RuneCountInString(t) <= 4 {
		// 项目 / 名称 / 内容 / 牵头单位: a first header cell broken over two
		// lines, a name column's
		if k := nextLine(lines, i); k >= 0 && utf8.RuneCountInString(lines[k].text) <= 4 {
			if jk := p.vocab.column(t + lines[k].text); jk == colName || jk == colTask || jk == colNumber {
				ck = jk
			}
		}
	}
	switch ck {
	case colNumber:
		if len(t) <= 12 {
			return p.cellTable(lines, i)
		}
	case colLead, colUnits, colTask, colName:
		// a units or task column's name alone: 牵头单位 / 目标任务 / 责任单位,
		// a table one cell per line with no 序号; or a name column's
		// (项目名称 / 内容 / 牵头单位)
		if utf8.RuneCountInString(strings.ReplaceAll(t, " ", "")) <= 8 {
			return p.cellTable(lines, i)
		}
	}
	return nil
}

// columnsOf reads the cells of a header row as columns.
func (p *parser) columnsOf(cells []string) []colKind {
	cols := make([]colKind, len(cells))
	for k, cell := range cells {
		cols[k] = p.vocab.column(strings.ReplaceAll(cell, " ", "")) // 牵 头 部 门, a header spaced out
	}
	return cols
}

// headerRow reports whether a row's cells are a table's header: a second
// table under the first (附件2 / 序号 | 工作任务 | 牵头单位 | 配合单位).
func (p *parser) headerRow(cells []string) bool {
	cols := p.columnsOf(cells)
	nameTaskColumns(cols)
	return headerOK(cols)
}

func splitPipes(t string) []string {
	if strings.HasPrefix(t, "|") {
		// | a | b |: a markdown row, every cell in its place
		cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		return cells
	}
	cells := strings.Split(t, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	// a row ends with its last cell's bar: drop the empty cells after it
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// cellsOf returns the cells of line n when Read found it to be a table
// row, folded for matching; else nil.
func (p *parser) cellsOf(n int) []string {
	if p.text.Cells == nil || n < 1 || n > len(p.text.Cells) || p.text.Cells[n-1] == nil {
		return nil
	}
	raw := p.text.Cells[n-1]
	if p.fold[n-1] == p.raw[n-1] {
		return raw
	}
	// the line is the cells joined by " | ": fold each cell by its span
	out := make([]string, len(raw))
	off := 0
	for k, c := range raw {
		out[k] = p.fold[n-1][off : off+len(c)]
		off += len(c) + len(" | ")
	}
	return out
}

func (p *parser) pipeTable(lines []cline, i int, cols []colKind) *tableBlock {
	tb := &tableBlock{style: stylePipe, cols: cols, headBar: strings.HasPrefix(strings.TrimSpace(lines[i].text), "|")}
	j := i + 1
	// a second header row under merged header cells (责任单位 over 牵头单位
	// and 配合单位) names the columns it splits
	for ; j < len(lines) && lines[j].kind == kBlank; j++ {
	}
	if j < len(lines) {
		cells := p.cellsOf(lines[j].n)
		if cells == nil && strings.Count(lines[j].text, "|") >= 2 {
			cells = splitPipes(lines[j].text)
		}
		sub, known := make([]colKind, len(cells)), 0
		for k, c := range cells {
			if c == "" {
				continue
			}
			if sub[k] = p.vocab.column(c); sub[k] == colOther {
				known = -1 << 20
			}
			known++
		}
		if known > 0 {
			if merged := p.subHeader(lines[i], cols, cells, sub); merged != nil {
				tb.cols = merged
				j++
			}
		}
	}
	return p.pipeRows(tb, lines, j)
}

// subHeader merges a second header row (its cells, classified as sub)
// into the columns cols of the header at line h. Cell by cell where the
// rows are as wide and no cell of it turns the task or the number into
// units; else its cells split the one header cell that spans them all (责
// 任单位 over 牵头单位 and 配合单位), taking the places of the empty header
// cells after it. It returns nil when the merged header makes no table.
func (p *parser) subHeader(h cline, cols []colKind, cells []string, sub []colKind) []colKind {
	if len(cells) == len(cols) {
		out := slices.Clone(cols)
		conflict := false
		for k := range cells {
			if cells[k] == "" {
				continue
			}
			if (cols[k] == colTask || cols[k] == colName || cols[k] == colNumber) && sub[k] != cols[k] {
				conflict = true
			}
			out[k] = sub[k]
		}
		if !conflict && headerOK(out) {
			return out
		}
	}
	var children []colKind
	for k, c := range cells {
		if c != "" {
			children = append(children, sub[k])
		}
	}
	top := p.cellsOf(h.n)
	if top == nil {
		top = splitPipes(h.text)
	}
	for k, parent := range cols {
		if !allSpanned(parent, children) {
			continue
		}
		out := append(slices.Clone(cols[:k]), children...)
		next := k + 1 // 责任单位 | |: the span's empty cells give their places
		for drop := len(children) - 1; drop > 0 && next < len(cols) && next < len(top) && strings.TrimSpace(top[next]) == ""; drop-- {
			next++
		}
		out = append(out, cols[next:]...)
		if headerOK(out) {
			return out
		}
		return nil
	}
	return nil
}

// allSpanned reports whether a units or task header cell of kind parent
// may span all the cells of a second header row of the kinds children.
func allSpanned(parent colKind, children []colKind) bool {
	if len(children) < 2 || parent != colUnits && parent != colTask && parent != colName {
		return false
	}
	for _, c := range children {
		if !spans(parent, c) {
			return false
		}
	}
	return true
}

// pipeRows reads the rows of a table of cells from line j on, up to the
// first line that is none of its rows.
func (p *parser) pipeRows(tb *tableBlock, lines []cline, j int) *tableBlock {
	cols := tb.cols
	for ; j < len(lines); j++ {
		c := lines[j]
		if c.kind == kBlank || c.kind == kNoise {
			continue
		}
		cells := p.cellsOf(c.n)
		structured := cells != nil
		if !structured {
			if !strings.Contains(c.text, "|") {
				if c.kind == kHeading || c.num.form == fCnDun {
					cc := c
					tb.rows = append(tb.rows, tableRow{n: c.n, section: &cc})
					continue
				}
				if p.nextIsRow(lines, j) {
					continue // a row of one merged cell across the table
				}
				break
			}
			cells = splitPipes(c.text)
		}
		var raw []string // as written, when the row's cells come from two lines
		if !structured && j+1 < len(lines) {
			if more := p.rowGoesOn(c, lines[j+1], len(cells), len(cols)); more != nil {
				// 1 | 推进产业升级， / 实施技改项目100个。 | 市工信局 |: a cell
				// broken over two lines; the row closes on the second
				nx := lines[j+1]
				for _, cl := range cells {
					raw = append(raw, p.written(c.n, cl))
				}
				last := len(cells) - 1
				sep := ""
				if last < len(cols) && (cols[last] == colLead || cols[last] == colCo || cols[last] == colUnits) && p.unitsCell(cells[last]) && p.unitsCell(more[0]) {
					if names := listNames(more[0]); len(names) > 0 && p.levelled(names[0]) && p.levelled(listNames(cells[last])[0]) {
						sep = "、" // 市国土资源局 / 市农牧林业局 |: a list of units, one a line
					}
				}
				cells[last] += sep + more[0]
				raw[last] += sep + p.written(nx.n, more[0])
				for _, cl := range more[1:] {
					cells = append(cells, cl)
					raw = append(raw, p.written(nx.n, cl))
				}
				j++
			}
		}
		if len(cells) == 0 || ruleRow(cells) {
			continue // a markdown rule |---|---|
		}
		cells = clearEmpty(cells)
		if len(tb.rows) > 0 && p.headerRow(cells) {
			break // the header of the next table: this one ends
		}
		if h, ok := sectionCell(cells, len(cols)); ok {
			// | 一、经济发展 | | |: a row of one merged cell that heads a section
			tb.rows = append(tb.rows, tableRow{n: c.n, section: &cline{n: c.n, text: h, kind: kHeading, num: numberOf(h)}})
			continue
		}
		if n := numberOf(cells[0]); len(cells) == len(cols) && cols[0] != colNumber && cols[0] != colTask && n.form == fCnDun && sectionRow(cline{text: cells[0], num: n}) {
			// 类别 | 名称 | … with 四、教育文化 in the first row of its
			// category (the rows after it leave the merged cell out): the
			// category heads a section, and the row is read without it
			tb.rows = append(tb.rows, tableRow{n: c.n, section: &cline{n: c.n, text: cells[0], kind: kHeading, num: n}})
			cells = slices.Clone(cells)
			cells[0] = ""
			if raw != nil {
				raw = slices.Clone(raw)
				raw[0] = ""
			}
		}
		row := tableRow{n: c.n, cells: make([]string, len(cols))}
		at := 0
		if !structured && pastNumber(c.text, cells, cols, tb.pastNumber) {
			tb.pastNumber = true
			// 新增托位500个。 | 新增托位600个。 | ||: a sub-row whose merged
			// cells were left out, its own cells written from the first
			// and empty ones after them: they are the columns a sub-row
			// has of its own (its task, its progress), in order; the
			// number, name, units and leader cells are the row above's
			own := ownColumns(cols)
			if len(cells) > len(own) {
				own = own[:0]
				for k := 1; k < len(cols); k++ {
					own = append(own, k)
				}
			}
			for k, cl := range cells[:min(len(own), len(cells))] {
				row.cells[own[k]] = cl
			}
			at = -1
		} else if !structured && !tb.headBar && strings.HasPrefix(c.text, "|") && len(cells) == len(cols)-1 {
			// | 服务业增加值占… | % | …, under 类别 | 指标 | 单位 | …: the bar
			// stands for the first cell, merged from the row above
			copy(row.cells[1:], cells)
			at = 1
		} else if anchored, ok := p.unitsAnchor(cells, cols); !structured && ok {
			// 9 | 深化…改革 | 完成在职参保人数6300人 | 区人社局 | 6300人 | … |, and
			// its sub-rows 完成征缴基金10000万元 | 区人社局 | 10000万 | …: a row of
			// more or fewer cells than the header, placed by its units
			row.cells = anchored
			at = -1
		} else if len(cells) >= len(cols) || structured || strings.HasPrefix(c.text, "|") || p.fit(cells, cols, 0) > p.fit(cells, cols, len(cols)-len(cells)) {
			// a short row starting with |, or whose cells fit the first
			// columns better (13 | 任务 | | |: its empty cells were cut
			// off its end), is left-aligned
			copy(row.cells, cells[:min(len(cols), len(cells))])
		} else {
			// merged cells on the left were lost, and on the right too
			// when the cells fit the columns before the last better (a
			// task alone between its merged lead and units cells)
			at = len(cols) - len(cells)
			best := p.fit(cells, cols, at)
			for o := at - 1; o >= 1; o-- {
				if f := p.fit(cells, cols, o); f > best {
					at, best = o, f
				}
			}
			copy(row.cells[at:], cells)
		}
		if raw != nil && at >= 0 {
			row.raw = make([]string, len(cols))
			copy(row.raw[at:], raw[:min(len(raw), len(cols)-at)])
		}
		if at >= 0 && len(cells) < len(cols) && !hasCol(cols, colNumber) && !slices.Contains(cells, "") && !strings.Contains(strings.ReplaceAll(c.text, " ", ""), "||") {
			// (a row that writes its empty cells, 任务 | | |, has none merged)
			mergedFromAbove(&row, tb.rows, cols, at, at+len(cells))
		}
		tb.rows = append(tb.rows, row)
	}
	tb.end = j
	return tb
}

// mergedFromAbove gives a short row of a table with no number column,
// its cells placed from column from to column to, the units and leader
// cells of the row above that it lacks: cells merged down the rows, which
// the page printed once (每行一项, so no item above shares them
// otherwise).
func mergedFromAbove(row *tableRow, rows []tableRow, cols []colKind, from, to int) {
	var above *tableRow
	for k := len(rows) - 1; k >= 0; k-- {
		if rows[k].section == nil {
			above = &rows[k]
			break
		}
	}
	if above == nil {
		return
	}
	for k, ck := range cols {
		if k >= from && k < to || row.cells[k] != "" {
			continue
		}
		switch ck {
		case colLead, colCo, colUnits, colLeader:
			row.cells[k] = above.cells[k]
			if row.raw != nil && above.raw != nil {
				row.raw[k] = above.raw[k]
			}
		}
	}
}

// reFigureCell is a cell that holds a figure alone, with its measure
// word: 8950, 1300人, 2所, 7699套, 3.5万元, 100%.
var reFigureCell = lazyRE(`^[≥≧≤≦＞>＜<]?\d[\d.,]*(?:万|亿)?\p{Han}{0,2}%?(?:` + alternatives(figureBounds) + `)?$`)

// figureBounds may close a figure's cell (6左右, 150以上).
var figureBounds = []string{"左右", "以上", "以下", "以内"}

// ownColumns are the columns a sub-row has cells of its own in: not the
// number's, the name's, the units' or the leader's, which a table merges
// over the sub-rows of a row.
func ownColumns(cols []colKind) []int {
	var own []int
	for k, ck := range cols {
		switch ck {
		case colNumber, colName, colLead, colCo, colUnits, colLeader:
		default:
			own = append(own, k)
		}
	}
	return own
}

// pastNumber reports whether a pipe row of a table whose first column is
// the number's opens with text where its number should be, is narrower
// than the table and ends with an empty cell written out (A | B | ||):
// the row of a sub-row whose number cell, merged over the rows, was left
// out, its cells written from the first and its other merged cells after
// them (see ownColumns). After one such row (seen), a row of the same
// shape need not write its empty cell out.
func pastNumber(text string, cells []string, cols []colKind, seen bool) bool {
	if len(cols) < 3 || cols[0] != colNumber || len(cells) < 2 || len(cells) >= len(cols) || strings.HasPrefix(text, "|") ||
		cellNumber(cells[0]) > 0 || numberOf(cells[0]).form != fNone {
		return false // a number, or a heading across the table: （一）加强… | |||
	}
	t := strings.TrimRight(text, " \t")
	return seen || strings.HasSuffix(t, "||") || strings.HasSuffix(t, "| |")
}

// rowGoesOn returns the cells of next when row c, of n cells, goes on
// there: c is short of the table's width and does not close with its bar,
// next closes with its bar and opens with no row number, and together
// they hold no more cells than the width. Else nil.
func (p *parser) rowGoesOn(c, next cline, n, width int) []string {
	if strings.HasSuffix(strings.TrimSpace(c.text), "|") || next.kind == kBlank || p.cellsOf(next.n) != nil || !strings.HasSuffix(strings.TrimSpace(next.text), "|") {
		return nil
	}
	more := splitPipes(next.text)
	if n >= width || len(more) == 0 || cellNumber(more[0]) > 0 || n+len(more)-1 > width {
		return nil
	}
	return more
}

// rowCells returns the cells of line c when it is a row of cells (a
// document's table row, or a pipe row); else nil.
func (p *parser) rowCells(c cline) []string {
	if cells := p.cellsOf(c.n); cells != nil {
		return cells
	}
	if strings.Count(c.text, "|") >= 2 {
		return splitPipes(c.text)
	}
	return nil
}

// rowColumns reads the columns of a table with no header row over its
// rows (its header lost with the page before, or drawn as a picture)
// from the cells of its rows, as a clerk does: the numbers, then the
// task, the units and the time limits. Of two columns of units, the first
// is the lead's (牵头单位 before 配合单位, as every 分工 table with both has
// it); one column of units is 责任单位. It returns nil unless at least two
// rows, each opened by a number, give a task column and a column of
// units. A column is of the kind most of its cells are (two in three for
// units, so that one group the names do not know does not lose it); a
// column of no kind is left unread.
func (p *parser) rowColumns(lines []cline, i int) []colKind {
	var rows [][]string
	width := 0
	for j := i; j < len(lines) && len(rows) < 12; j++ {
		c := lines[j]
		if c.kind == kBlank || c.kind == kNoise || c.kind == kHeading {
			continue
		}
		cells := p.rowCells(c)
		if cells == nil {
			break
		}
		cells = clearEmpty(cells)
		if cellNumber(cells[0]) == 0 {
			if len(rows) == 0 {
				return nil
			}
			continue // a sub-row or a continuation row
		}
		rows = append(rows, cells)
		width = max(width, len(cells))
	}
	if len(rows) < 2 || width < 3 {
		return nil
	}
	cols := make([]colKind, width)
	cols[0] = colNumber
	var units []int
	for k := 1; k < width; k++ {
		var deadline, unit, text, filled int
		for _, r := range rows {
			if k >= len(r) || r[k] == "" {
				continue
			}
			filled++
			switch {
			case deadlineCell(r[k]) || p.vocab.isDeadline(r[k]):
				deadline++
			case p.unitsCell(r[k]):
				unit++
			default:
				text++
			}
		}
		switch {
		case filled == 0:
		case 2*deadline > filled && unit == 0:
			cols[k] = colDeadline
		case 3*unit >= 2*filled:
			cols[k] = colUnits
			units = append(units, k)
		case 2*text > filled && len(units) == 0:
			cols[k] = colTask // the last text column before the units is the task's
			for m := 1; m < k; m++ {
				if cols[m] == colTask {
					cols[m] = colName
				}
			}
		}
	}
	if !slices.Contains(cols, colTask) || len(units) == 0 {
		return nil
	}
	if len(units) >= 2 {
		cols[units[0]] = colLead
		for _, k := range units[1:] {
			cols[k] = colCo
		}
	}
	return cols
}

// spaceHeader finds a header of space-separated column names at the end of
// a line (序号 名称 工作任务 牵头责任单位), starting with the number column.
func (p *parser) spaceHeader(t string) ([]colKind, int) {
	if !strings.Contains(t, " ") {
		return nil, 0
	}
	fields, offs := spacedFields(t)
	if len(fields) < 3 {
		return nil, 0
	}
	var cols []colKind
	start, unknown := -1, 0
	for k := len(fields) - 1; k >= 0; k-- {
		ck := p.vocab.column(fields[k])
		if ck == colOther {
			// a column the grammar does not know between known ones
			// (2025年投资计划（万元）), short as a header cell is; the
			// header's first field is still 序号
			if unknown++; unknown > 2 || k == len(fields)-1 || utf8.RuneCountInString(fields[k]) > 16 || cellNumber(fields[k]) > 0 {
				break
			}
		}
		cols = append([]colKind{ck}, cols...)
		if ck == colNumber {
			start = k
			break
		}
	}
	if start < 0 || len(cols)-unknown < 3 || !headerOK(cols) {
		return nil, 0
	}
	return cols, offs[start]
}

// spacedFields splits a header line at its spaces, with each field's
// offset; a run of single characters spaced out to fill a wide cell
// (工 作 任 务) is one field.
func spacedFields(t string) (fields []string, offs []int) {
	at := 0
	single := false // the last field is a run of single characters
	broken := false // the last field is a header cell's opening with no Han (1- of 1- 8月实际完成情况)
	for _, f := range strings.Split(t, " ") {
		one := utf8.RuneCountInString(f) == 1
		switch {
		case f == "":
			// spaces run on between cells: no cell
		case one && single || broken:
			fields[len(fields)-1] += f
		default:
			fields, offs = append(fields, f), append(offs, at)
		}
		if f != "" {
			single = one
			broken = len(fields) > 1 && !strings.ContainsFunc(f, isHan) && strings.ContainsAny(f, "-—～~－") && !broken
		}
		at += len(f) + 1
	}
	return fields, offs
}

var reSpaceRow = lazyRE(`^(\d{1,4})\s+(\S.*)$`)

func (p *parser) spaceTable(lines []cline, i int, cols []colKind) *tableBlock {
	tb := &tableBlock{style: styleSpace, cols: cols}
	j := i + 1
	for ; j < len(lines); j++ {
		c := lines[j]
		switch {
		case c.kind == kBlank || c.kind == kNoise:
			continue
		case c.num.form == fCnDun || c.kind == kHeading || len(tb.rows) > 0 && sectionRow(c) && !reSpaceRow.MatchString(c.text):
			cc := c
			tb.rows = append(tb.rows, tableRow{n: c.n, section: &cc})
			continue
		}
		m := reSpaceRow.FindStringSubmatch(c.text)
		if m == nil {
			// a sub-row of the numbered row above, with no number of its
			// own (完成征缴基金10000万元 区人社局 10000万 7965 80%), where the
			// units have columns after them
			row := tableRow{n: c.n, cells: make([]string, len(cols))}
			if len(tb.rows) > 0 {
				if last := p.unitsRunOn(lines, j, cols, &tb.rows[len(tb.rows)-1]); last >= 0 {
					j = last
					continue
				}
			}
			if len(tb.rows) > 0 && p.progressRunOn(lines, j, cols, &tb.rows[len(tb.rows)-1]) {
				continue
			}
			if len(tb.rows) == 0 || !p.unitsMid(c.text, cols, &row) {
				break
			}
			tb.rows = append(tb.rows, row)
			continue
		}
		row := tableRow{n: c.n, cells: make([]string, len(cols))}
		if p.unitsMid(m[2], cols, &row) {
			row.cells[slices.Index(cols, colNumber)] = m[1]
			tb.rows = append(tb.rows, row)
			continue
		}
		marked := -1 // the column of a field that marks itself empty (/)
		rest := p.progressTail(m[2], cols, &row)
		if rest != m[2] {
			rest = figuresBeforeUnits(rest, cols, &row)
		}
		// the fields after the task, read from the right: a deadline, units,
		// a leader, as the header's last columns say
		for k := len(cols) - 1; k >= 0 && strings.Contains(rest, " "); k-- {
			sp := strings.LastIndex(rest, " ")
			last := rest[sp+1:]
			ok := emptyCell(last)
			if ok {
				last, marked = "", k
			}
			switch {
			case ok:
			case cols[k] == colDeadline:
				ok = deadlineCell(last) || p.vocab.isDeadline(last) && utf8.RuneCountInString(last) <= 12 // 全年, 长期坚持
			case cols[k] == colLead || cols[k] == colCo || cols[k] == colUnits:
				ok = p.unitsCell(last)
			case cols[k] == colLeader:
				ok = utf8.RuneCountInString(last) <= 12
			}
			if cols[k] == colTask || cols[k] == colNumber {
				break
			}
			if ok {
				row.cells[k] = last
				rest = strings.TrimSpace(rest[:sp])
			}
		}
		taskK := slices.Index(cols, colTask)
		if nameK := slices.Index(cols, colName); nameK >= 0 && nameK < taskK {
			// 主要指标 单位 2023年目标: the indicator, its unit and its value,
			// read from the right: the value a figure, the unit short
			rest = spacedIndicator(rest, cols, nameK, taskK, &row)
		}
		for k, ck := range cols {
			switch ck {
			case colNumber:
				row.cells[k] = m[1]
			case colTask:
				row.cells[k] = rest
			}
		}
		if marked < 0 || cols[marked] != colLead {
			leadEmpty(&row, cols)
		}
		tb.rows = append(tb.rows, row)
	}
	tb.end = j
	return tb
}

// progressTail reads a space row's last columns when they are free text
// after the units, as a progress report's are (序号 重点工作任务 牵头责任单位
// 一季度完成情况: 1 地区生产总值增长6%以上。 县发改委 一季度地区生产总值增长
// 6.8%): the text, spaces and all, cannot be read from the right, so the
// units are the first field after the task's that reads as units, and
// what follows them is the last column's. It returns what is left for
// the columns before the units, rest itself when the row is not so.
func (p *parser) progressTail(rest string, cols []colKind, row *tableRow) string {
	unitsK := -1
	for k, ck := range cols {
		if ck == colLead || ck == colCo || ck == colUnits {
			unitsK = k
		}
	}
	if unitsK < 0 || unitsK == len(cols)-1 {
		return rest
	}
	for _, ck := range cols[unitsK+1:] {
		if ck != colProgress {
			return rest
		}
	}
	fields := strings.Split(rest, " ")
	for f := 1; f < len(fields)-1; f++ {
		if p.unitsCell(fields[f]) {
			row.cells[unitsK] = fields[f]
			row.cells[len(cols)-1] = strings.Join(fields[f+1:], " ")
			return strings.Join(fields[:f], " ")
		}
	}
	return rest
}

// unitsRunOn reads line j, a line of unit names alone under a space row
// whose last cells are units (2 一般公共预算收入增长5%左右。 区财政局 /
// 区税务局 / 区政府有关部门,各乡镇人民政府…), as the row's units cell wrapped
// onto a line of its own: its names join the row's last units cell. A
// run of such lines counts only when a numbered row or a section follows
// it, so a signature after the table (区人民政府办公室) is not taken. It
// takes the whole run at once and returns its last line, -1 when it
// takes none.
func (p *parser) unitsRunOn(lines []cline, j int, cols []colKind, row *tableRow) int {
	if row.section != nil || !p.unitsCell(lines[j].text) {
		return -1
	}
	k := lastUnitsCell(cols, row)
	if k < 0 {
		return -1
	}
	for i := k + 1; i < len(cols); i++ {
		if row.cells[i] != "" {
			return -1 // the units are not the row's last cells
		}
	}
	// the run of unit lines from j, read once
	last := j
	f := j + 1
	for ; f < len(lines); f++ {
		c := lines[f]
		if c.kind == kBlank || c.kind == kNoise {
			continue
		}
		if !p.unitsCell(c.text) {
			break
		}
		last = f
	}
	progress := progressAfter(cols, k) // the row's progress, wrapped onto a line of its own after the units
	for ; f < len(lines); f++ {
		c := lines[f]
		switch {
		case c.kind == kBlank || c.kind == kNoise || p.unitsCell(c.text):
			continue
		case c.num.form == fCnDun || c.kind == kHeading || reSpaceRow.MatchString(c.text):
		case progress:
			progress = false // one line of it
			continue
		default:
			return -1
		}
		if row.raw == nil {
			row.raw = make([]string, len(cols))
		}
		if row.raw[k] == "" {
			row.raw[k] = p.cellWritten(row, k)
		}
		var cell, raw strings.Builder
		cell.WriteString(row.cells[k])
		raw.WriteString(row.raw[k])
		for r := j; r <= last; r++ {
			if lines[r].kind == kBlank || lines[r].kind == kNoise {
				continue
			}
			cell.WriteString("、" + lines[r].text)
			raw.WriteString("、" + p.written(lines[r].n, lines[r].text))
		}
		row.cells[k], row.raw[k] = cell.String(), raw.String()
		return last
	}
	return -1
}

// unitsAnchor places the cells of a pipe row that has more or fewer cells
// than the header, in a table of one units column with columns after it
// (目标任务, progress), by the first cell
// after the row's first that reads as units: that cell is the units
// column's, the cells after it fill the columns after it (the last takes
// what is left over), and the cells before it the text columns before it
// from the right, the first of them taking what is left over (a number
// in its first cell is the number column's). It reports false when the
// row has the header's width, names no units, or already has them in
// place.
func (p *parser) unitsAnchor(cells []string, cols []colKind) ([]string, bool) {
	if len(cells) == len(cols) {
		return nil, false
	}
	uk := -1
	for k, ck := range cols {
		if ck == colLead || ck == colCo || ck == colUnits {
			if uk >= 0 {
				return nil, false
			}
			uk = k
		}
	}
	if uk <= 0 || uk == len(cols)-1 {
		return nil, false // units last: a short row is a continuation, read as before
	}
	i := slices.IndexFunc(cells, func(c string) bool { return c != "" && p.unitsCell(c) })
	if i < 1 || i == uk && len(cells) > len(cols) {
		return nil, false
	}
	if i == uk && len(cells) < len(cols) {
		return nil, false // the left-aligned row has its units in place
	}
	out := make([]string, len(cols))
	out[uk] = cells[i]
	after := cells[i+1:]
	for k := uk + 1; k < len(cols) && len(after) > 0; k++ {
		if k == len(cols)-1 {
			out[k] = strings.TrimSpace(strings.Join(after, " "))
			break
		}
		out[k], after = after[0], after[1:]
	}
	before := cells[:i]
	if cols[0] == colNumber && len(before) > 0 && cellNumber(before[0]) > 0 {
		out[0], before = before[0], before[1:]
	}
	var text []int // the text columns before the units
	for k := 1; k < uk; k++ {
		if cols[k] == colName || cols[k] == colTask || cols[k] == colOther {
			text = append(text, k)
		}
	}
	if len(text) == 0 && len(before) > 0 {
		return nil, false
	}
	for t := len(text) - 1; t >= 0 && len(before) > 0; t-- {
		if t == 0 {
			out[text[0]] = strings.TrimSpace(strings.Join(before, " "))
			break
		}
		out[text[t]], before = before[len(before)-1], before[:len(before)-1]
	}
	return out, true
}

// reBareFigure is a figure with no unit of its own: 466, 207.3.
var reBareFigure = lazyRE(`^\d+(?:\.\d+)?$`)

// reNameUnit is a name closed by its unit in parentheses: 地区生产总值（亿元）.
var reNameUnit = lazyRE(`^(.+?)[（(]([^（）()]{1,6})[）)]$`)

// nameWithUnit splits a row's name closed by the unit of its figures
// (地区生产总值（亿元）, 城镇新增就业人数（人）) into the name and the unit.
func nameWithUnit(name string) (string, string, bool) {
	m := reNameUnit.FindStringSubmatch(strings.TrimSpace(name))
	if m == nil || reUnit.FindString(m[2]) != m[2] {
		return "", "", false
	}
	return m[1], m[2], true
}

// figuresBeforeUnits gives the figures at the end of rest, the fields of
// a space row before its units, to the columns right before the units
// that hold no task (序号 项目名称 工作目标任务 投资计划（万元） 责任单位 …: 11604
// under 投资计划), and returns what is left for the name and the task.
func figuresBeforeUnits(rest string, cols []colKind, row *tableRow) string {
	unitsK := slices.IndexFunc(cols, func(ck colKind) bool { return ck == colLead || ck == colCo || ck == colUnits })
	for k := unitsK - 1; k > 0 && (cols[k] == colOther || cols[k] == colMeasure); k-- {
		sp := strings.LastIndexByte(rest, ' ')
		if sp < 0 || !reFigureCell.MatchString(rest[sp+1:]) || row.cells[k] != "" {
			break
		}
		row.cells[k], rest = rest[sp+1:], strings.TrimSpace(rest[:sp])
	}
	return rest
}

// lastUnitsCell is the last units column whose cell row fills, -1 if none.
func lastUnitsCell(cols []colKind, row *tableRow) int {
	k := -1
	for i, ck := range cols {
		if (ck == colLead || ck == colCo || ck == colUnits) && row.cells[i] != "" {
			k = i
		}
	}
	return k
}

// progressAfter reports whether the columns after column k are all
// progress (责任单位 上半年推进情况).
func progressAfter(cols []colKind, k int) bool {
	for _, ck := range cols[k+1:] {
		if ck != colProgress {
			return false
		}
	}
	return k < len(cols)-1
}

// progressRunOn reads line j, text after a space row whose last cells
// are its units and whose columns after them are progress (2 第一产业增加值
// 增长5%。 区农业农村委 / 区林业局 / 第一产业增加值同比增长3.4%。), as the row's
// progress cell on a line of its own, when a numbered row or a section
// follows it: its figures are no targets.
func (p *parser) progressRunOn(lines []cline, j int, cols []colKind, row *tableRow) bool {
	if row.section != nil || p.unitsCell(lines[j].text) {
		return false
	}
	k := lastUnitsCell(cols, row)
	if k < 0 || !progressAfter(cols, k) || row.cells[len(cols)-1] != "" {
		return false
	}
	f := nextLine(lines, j)
	if f >= 0 && !(lines[f].num.form == fCnDun || lines[f].kind == kHeading || reSpaceRow.MatchString(lines[f].text)) {
		return false
	}
	row.cells[len(cols)-1] = lines[j].text
	return true
}

// unitsMid reads a space row whose one units column has columns of
// values, progress or other words after it (序号 项目名称 责任单位 目标任务
// 实际完成情况 完成率 备注: 新增社会治安视频监控摄像头 区公安分局 100个 设备购进中),
// which cannot be read from the right: the units are the first field
// after the row's own words that reads as units, the text before them is
// the name's (or the task's) column before the units, and the fields
// after them fill the columns after the units one by one, the last
// taking what is left. It reports false, and fills nothing, when the
// columns are not so or no field reads as units; a row whose columns
// after the units are all progress is progressTail's.
func (p *parser) unitsMid(rest string, cols []colKind, row *tableRow) bool {
	unitsK, textK, valued := -1, -1, false
	for k, ck := range cols {
		switch ck {
		case colLead, colCo, colUnits:
			if unitsK >= 0 {
				return false
			}
			unitsK = k
		case colName, colTask:
			if unitsK < 0 && textK < 0 {
				textK = k
			} else if unitsK >= 0 {
				valued = true
			}
		case colProgress:
		case colMeasure, colOther:
			valued = valued || unitsK >= 0
		default:
			if unitsK >= 0 {
				return false // a time limit or a leader after the units: read from the right
			}
		}
	}
	if unitsK < 0 || textK < 0 || !valued {
		return false
	}
	fields := strings.Fields(rest)
	for f := 1; f < len(fields); f++ {
		if !p.unitsCell(fields[f]) {
			continue
		}
		row.cells[textK] = strings.Join(fields[:f], " ")
		row.cells[unitsK] = fields[f]
		after := fields[f+1:]
		for k := unitsK + 1; k < len(cols) && len(after) > 0; k++ {
			if k == len(cols)-1 {
				row.cells[k] = strings.Join(after, " ")
				break
			}
			row.cells[k], after = after[0], after[1:]
		}
		return true
	}
	return false
}

// spacedIndicator splits the fields of a space-separated indicator row
// (地区生产总值增长 % 6左右) between the name column at nameK, a unit column
// between it and the value column at taskK, and the value, which it
// returns; it leaves rest as it is unless its last field is a figure.
func spacedIndicator(rest string, cols []colKind, nameK, taskK int, row *tableRow) string {
	sp := strings.LastIndex(rest, " ")
	if sp < 0 || !reFigureCell.MatchString(rest[sp+1:]) {
		return rest
	}
	value, head := rest[sp+1:], strings.TrimSpace(rest[:sp])
	if k := slices.Index(cols[nameK:taskK], colMeasure); k >= 0 {
		if sp := strings.LastIndex(head, " "); sp >= 0 && utf8.RuneCountInString(head[sp+1:]) <= 4 && !strings.ContainsAny(head[sp+1:], "0123456789") {
			row.cells[nameK+k] = head[sp+1:]
			head = strings.TrimSpace(head[:sp])
		}
	}
	row.cells[nameK] = head
	return value
}

// fit scores how well a short row's cells fit the columns from the
// column at: a cell that reads as its column's kind (a number, units, a
// time limit) counts one, one that cannot (text under 牵头单位, units
// under 工作任务) counts minus one.
func (p *parser) fit(cells []string, cols []colKind, at int) int {
	score := 0
	for k, c := range cells {
		if c == "" || at+k >= len(cols) {
			continue
		}
		var ok bool
		switch cols[at+k] {
		case colNumber:
			ok = cellNumber(c) > 0
		case colLead, colCo, colUnits:
			ok = p.unitsCell(c) || p.clauseCell(c)
		case colDeadline:
			ok = deadlineCell(c) || p.vocab.isDeadline(c)
		case colTask, colName:
			if p.unitsCell(c) {
				score--
			}
			continue
		default:
			continue
		}
		if ok {
			score++
		} else {
			score--
		}
	}
	return score
}

// leadEmpty gives a space row's one field of units to the lead column
// when the row has no field for it: an empty cell leaves no field behind,
// and a 分工 table leaves 配合单位 empty, not 牵头单位 (4 改造小区 市住建局
// 12月 under 序号 任务 牵头单位 配合单位 完成时限).
func leadEmpty(row *tableRow, cols []colKind) {
	lead, co := slices.Index(cols, colLead), slices.Index(cols, colCo)
	if lead >= 0 && co > lead && row.cells[lead] == "" && row.cells[co] != "" {
		row.cells[lead], row.cells[co] = row.cells[co], ""
	}
}

// openCell is a cell without the full stop or semicolon it may close
// with as a sentence does (区投资促进中心。).
func openCell(s string) string { return strings.TrimRight(s, "。；;") }

// unitsCell reports whether a cell holds only unit names.
func (p *parser) unitsCell(s string) bool {
	t := openCell(s)
	names := listNames(t)
	if len(names) == 0 {
		return false
	}
	if t != s && len(names) == 1 && (!p.levelled(names[0]) || utf8.RuneCountInString(names[0]) > maxClosedName) {
		// a cell closed as a sentence names units when it lists them
		// (区工信局、…，魏武国控集团。) or its one name has its level
		// (区投资促进中心。); 开工建设老年大学。 is a task
		return false
	}
	for _, n := range names {
		if !unitLike(n, p.names) && !p.vocab.isGroupWord(n) && !bodyGroup(n, p.vocab) || reCounted.MatchString(n) && !reCountedBodies.MatchString(n) {
			return false
		}
	}
	return true
}

// maxClosedName bounds the one name of a cell closed as a sentence: a
// body's name is short (区投资促进中心), a task that ends in one is not
// (成功创建首批浙江省美丽城镇。).
const maxClosedName = 10

// levelled reports whether n parses as a body's name with its level or
// place written (区投资促进中心, 六安市财政局).
func (p *parser) levelled(n string) bool {
	b, ok := p.names.parse(n)
	return ok && (b.name.Level != "" || b.name.Place != "")
}

// cutUnits is a units cell the page's end cut inside its last name
// (市财政局、市) without that name, or "".
func (p *parser) cutUnits(s string) string {
	i := strings.LastIndexAny(s, "、，,")
	if i <= 0 {
		return ""
	}
	if head := strings.TrimSpace(s[:i]); p.unitsCell(head) {
		return head
	}
	return ""
}

// reCounted is a count of things: 新建1家公办普惠托育机构 is a task, not a
// unit that names 机构.
var reCounted = lazyRE(`\d\s*[家个所座条项名台套处]`)

var reCellDeadline = lazyRE(`^(?:20\d\d$|\d{4}[.年]\d{1,2}|\d{1,2}月|\d{4}年|[一二三四]季度|年底|年内|上半年|下半年)|\d{1,2}月(?:底|中旬|上旬|下旬|末|前)`)

// deadlineCell reports whether a cell reads as a time limit.
func deadlineCell(s string) bool {
	return utf8.RuneCountInString(s) <= 40 && !strings.HasSuffix(s, "。") && reCellDeadline.MatchString(s)
}

// cellTable reads a table flattened one cell per line: the header cells,
// then rows, each opened by its number on a line of its own.
func (p *parser) cellTable(lines []cline, i int) *tableBlock {
	var cols []colKind
	var heads []string // the header's cells
	// a category column before 序号 (分类 / 序号 / 事项 / …): its merged
	// cells stand before the first row of each category
	categories := false
	if k := lastLine(lines[:i]); k >= 0 {
		h := strings.ReplaceAll(lines[k].text, " ", "")
		ck := p.vocab.column(h)
		categories = utf8.RuneCountInString(h) <= 4 && allHan(h) && (ck == colOther || ck == colName) && lines[k].num.form == fNone
	}
	j := i
	for ; j < len(lines); j++ {
		c := lines[j]
		if c.kind == kBlank || c.kind == kNoise && rePageMarker.MatchString(c.text) {
			continue // a page's end inside the header
		}
		if categories && len(cols) > 0 && p.categoryRow(lines, j, 0, true, false) && firstRowWidth(lines, nextLine(lines, j)) == len(cols) {
			// 分类 / 序号 / 事项 / 责任单位 / 牵头单位 / 发展目标 / 1: the
			// first category's cell, when the header already has the
			// first row's cells, not a header's (目标 names a column too)
			break
		}
		if len(cols) > 0 && headerNote(c.text) {
			continue // 责任股室 / (单位): the cell above's, broken over two lines
		}
		ck := p.vocab.column(c.text)
		if ck == colOther && utf8.RuneCountInString(c.text) <= 4 && cellNumber(c.text) == 0 {
			// 责任 / 领导: a narrow header cell broken over two lines
			if k := nextLine(lines, j); k >= 0 {
				if jk := p.vocab.column(c.text + lines[k].text); jk != colOther && jk != colNumber {
					cols, heads = append(cols, jk), append(heads, c.text+lines[k].text)
					j = k
					continue
				}
			}
		}
		if ck == colOther && len(cols) > 0 && p.headerGoesOn(lines, j) {
			cols, heads = append(cols, ck), append(heads, c.text) // 年度投资金额（万元）, between known columns
			continue
		}
		if ck == colOther || utf8.RuneCountInString(dropCountNote(c.text)) > 16 || (len(cols) > 0 && ck == colNumber) || c.num.form != fNone {
			break // a numbered line (一、潘东旭市长负责事项) is a section row
		}
		cols, heads = append(cols, ck), append(heads, c.text)
	}
	cols = p.joinBrokenHeads(cols, heads, firstRowWidth(lines, j))
	cols = unflattenHeader(cols)
	categoryColumn(cols, heads)
	sectionsColumn(cols, heads)
	years := yearColumn(cols, heads)
	nameTaskColumns(cols)
	if len(cols) < 3 || !headerOK(cols) {
		return nil
	}
	tb := &tableBlock{style: styleCells, cols: cols, years: years}
	// a column of figures (总投资（万元）, 资金): a bare number in a row is
	// its cell, never a row's number past the next one
	figures := false
	for k, h := range heads {
		figures = figures || k < len(cols) && cols[k] == colOther && figuresHeader(h)
	}
	for k, h := range heads {
		// 指标名称 | 2023年目标: the names are indicators, the values theirs
		tb.indicators = tb.indicators || k < len(cols) && (cols[k] == colName || cols[k] == colTask) && strings.Contains(strings.ReplaceAll(h, " ", ""), "指标")
	}
	if cols[0] != colNumber {
		if hasCol(cols, colNumber) {
			return nil
		}
		return p.unnumberedCells(lines, j, tb)
	}
	if next := nextLine(lines, j-1); next >= 0 && cellNumber(lines[next].text) == 0 && !sectionRow(lines[next]) && !slices.Contains(cols[1:], colNumber) &&
		!(categories && p.categoryRow(lines, next, 1, true, false)) {
		// a 序号 column whose rows carry no number: read as a table with
		// none
		tb.cols = cols[1:]
		return p.unnumberedCells(lines, j, tb)
	}
	col := func(kinds ...colKind) int {
		for k, ck := range cols {
			for _, want := range kinds {
				if ck == want {
					return k
				}
			}
		}
		return -1
	}
	taskCol := col(colTask, colName)
	// a name column before the task's (重点工作 / 主要内容): a row's short
	// first cell is its name, a long one its task
	nameCol, nameCols := -1, 0
	if k := col(colTask); k > taskCol && cols[taskCol] == colName {
		nameCol, taskCol = taskCol, k
		for _, ck := range cols[nameCol:taskCol] {
			if ck == colName {
				nameCols++ // 事项分类 / 事项名称: a row's first cells up to its task
			}
		}
	}
	named := 0 // cells of the row in its name
	deadCol := col(colDeadline)
	leaderCol := col(colLeader)
	placeCol := col(colPlace)
	var unitCols []int
	for k, ck := range cols {
		if ck == colLead || ck == colCo || ck == colUnits {
			unitCols = append(unitCols, k)
		}
	}
	// the columns of free text after the units (四季度计划目标, 10月完成情况,
	// 情况说明): that many cells after a row's units are theirs, not a
	// sub-row's task
	trailing := 0
	if len(unitCols) > 0 && unitCols[0] > taskCol {
		for _, ck := range cols[unitCols[len(unitCols)-1]+1:] {
			if ck == colProgress || ck == colOther || ck == colTask {
				trailing++
			}
		}
	}
	rest := 0 // of those cells, read in the row
	// the columns of figures and short words between the task's and the
	// units' (总投资（万元） / 当年投资 / 年度计划 / 资金来源): that many such
	// cells after a row's task, before its units, are theirs, not a
	// sub-row's task
	between, skipped := 0, 0
	if len(unitCols) > 0 && taskCol >= 0 && unitCols[0] > taskCol {
		for _, ck := range cols[taskCol+1 : unitCols[0]] {
			if ck == colOther || ck == colProgress || ck == colMeasure || ck == colYear {
				between++
			}
		}
	}
	// a units column before the task's (責任單位 / 建設內容): a unit cell
	// after a row's task opens a sub-row, and the cells after the task
	// up to it are the other columns'
	unitsFirst := len(unitCols) > 0 && taskCol >= 0 && unitCols[0] < taskCol
	next := 1
	var row *tableRow
	units := 0
	flush := func() {
		if row != nil {
			tb.rows = append(tb.rows, *row)
			row = nil
		}
	}
	for ; j < len(lines); j++ {
		c := lines[j]
		if c.kind == kBlank || c.kind == kNoise && rePageMarker.MatchString(c.text) {
			continue // a page's end: the table goes on over the page
		}
		if sectionRow(c) {
			// a section row (一、经济发展) when a row follows it, numbered
			// on or from 1 again, or past the next number after the
			// sections an extract of some rows leaves empty
			after := nextLine(lines, j)
			k := after
			for k >= 0 && sectionRow(lines[k]) {
				k = nextLine(lines, k)
			}
			if k < 0 {
				k = len(lines)
			}
			v := 0
			if k < len(lines) {
				v = cellNumber(lines[k].text)
			}
			if k > after && (v <= next || row != nil && units == 0) {
				v = 0 // empty sections only before a number past the next one
			}
			if v > 0 && (v == next || v == 1 || v > next && (row == nil || units > 0) && p.rowFollows(lines, k)) {
				flush()
				for ; j < k; j++ {
					if sectionRow(lines[j]) { // the empty sections too, in their order
						tb.rows = append(tb.rows, tableRow{n: lines[j].n, section: &lines[j]})
					}
				}
				j = k - 1
				next = v
				continue
			}
		}
		if h, end, v := splitSectionRow(lines, j); end > 0 && (v == next || v == 1) {
			// 一 / 经济发展 / 1: a section row of two cells, its numeral and
			// its title, read as 一、经济发展
			flush()
			tb.rows = append(tb.rows, tableRow{n: c.n, section: &h})
			next, j = v, end
			continue
		}
		if c.kind == kNoise || c.kind == kHeading || p.vocab.column(c.text) == colNumber && utf8.RuneCountInString(c.text) <= 4 {
			break
		}
		if v := cellNumber(c.text); v > 0 && (v == next || len(tb.rows) == 0 && row == nil || v > next && !figures && row != nil && units > 0 && p.rowFollows(lines, j)) {
			// (a number past the next one, once the row above has its
			// units, and a task after it: a table of some rows of a
			// larger one, 3 / 68 / 69, as one office's extract has them)
			// a row's number; the first row may number on from a page
			// before (80, under the header repeated on each page)
			flush()
			row = newTableRow(c.n, len(cols))
			row.cells[0] = strconv.Itoa(v)
			next = v + 1
			units, rest, named, skipped = 0, 0, 0, 0
			if cells, end := p.wholeRow(lines, j, next, len(cols)); cells != nil && p.cellsFit(cells, cols[1:]) {
				// every cell of the row is there: each is its column's
				for k, cl := range cells {
					row.cells[k+1], row.raw[k+1] = cl.text, p.written(cl.n, cl.text)
					if emptyCell(cl.text) {
						row.cells[k+1], row.raw[k+1] = "", ""
					}
				}
				flush()
				j = end - 1
			}
			continue
		}
		if categories && p.categoryRow(lines, j, next, row == nil && len(tb.rows) == 0 || row != nil && units >= max(1, len(unitCols)), leaderCol >= 0) {
			// 发展目标 / 1, …, 区生态环境分局 / 激发市场活力 / 14: a
			// category column's merged cell, before the first row of its
			// category, heads a section
			flush()
			cc := c
			cc.kind = kHeading
			tb.rows = append(tb.rows, tableRow{n: c.n, section: &cc})
			continue
		}
		if row == nil {
			continue
		}
		role, _ := p.vocab.labelAt(c.text)
		labelled := role == RoleLead || role == RoleCo || role == RoleRespective
		raw := p.written(c.n, c.text)
		put := func(k int) {
			if row.cells[k] != "" {
				sep := "、"
				if labelled {
					sep = "；" // 牵头单位：X / 配合单位：Y, a cell of label lines
				}
				row.cells[k] += sep
				row.raw[k] += sep
			}
			row.cells[k] += c.text
			row.raw[k] += raw
		}
		if n := p.brokenUnit(lines, j); n > j {
			// 區新興產業 / 服務中心: a unit's name broken over two lines,
			// each line's part as written
			c.text += lines[n].text
			raw += p.written(lines[n].n, lines[n].text)
			j = n
		}
		short := utf8.RuneCountInString(c.text) <= 16 && !strings.ContainsAny(c.text, "。，；,;")
		dead := deadCol >= 0 && (deadlineCell(c.text) || p.vocab.isDeadline(c.text) && utf8.RuneCountInString(c.text) <= 12)
		switch {
		case emptyCell(c.text):
			// a cell marked empty (/, 无): the next unit column's, once the
			// task is in
			if taskCol >= 0 && row.cells[taskCol] != "" && units < len(unitCols) {
				units++
			}
		case nameCol >= 0 && placeCol >= 0 && placeCol < taskCol && row.cells[nameCol] != "" && row.cells[taskCol] == "" && row.cells[placeCol] == "" && placeCell(c.text):
			put(placeCol) // 纸坊街道 under 建设地点, after the name
		case unitsFirst && nameCol >= 0 && nameCol < unitCols[0] && row.cells[nameCol] == "" && row.cells[taskCol] == "" && units == 0 && !p.unitsCell(c.text) && !dead:
			// 事项名称 / 责任单位 / 事项内容: the row's first cell is its
			// name, however long, and its task comes after the units
			put(nameCol)
			named++
		case nameCol >= 0 && row.cells[taskCol] == "" && units == 0 && short && onlyTask(row, nameCol) && !p.unitsCell(c.text) &&
			(named < nameCols || utf8.RuneCountInString(row.cells[nameCol]+c.text) <= 10):
			// 教育设施 / 增量提质: the row's name, broken over lines, or its
			// names (事项分类, 事项名称)
			row.cells[nameCol] += c.text
			row.raw[nameCol] += p.written(c.n, c.text)
			named++
		case unitsFirst && units > 0 && row.cells[taskCol] == "" && p.unitsCell(c.text):
			// 區綜合行政執法局 / 區公建中心 / 實施…: a second unit of the
			// cell before the task's, on a line of its own
			put(unitCols[min(units-1, len(unitCols)-1)])
		case taskCol >= 0 && row.cells[taskCol] == "" && (nameCol < 0 || !p.unitsCell(c.text) && !dead):
			put(taskCol) // (after a name: units or a time limit are not the task)
		case placeCol >= 0 && placeCol < unitCols[0] && row.cells[placeCol] == "" && units == 0 && (row.cells[taskCol] != "" || nameCol >= 0 && row.cells[nameCol] != "") && placeCell(c.text):
			put(placeCol) // 磨子桥镇 under 建设地点, before the units
		case len(unitCols) > 0 && labelled:
			put(unitCols[0]) // the cell writes its own roles
		case unitsFirst && p.unitsCell(c.text) && row.cells[taskCol] != "":
			flush() // 區住建局 before the next sub-row's task
			row = newTableRow(c.n, len(cols))
			put(unitCols[0])
			units, rest, named, skipped = 1, 0, 0, 0
		case len(unitCols) > 0 && p.unitsCell(c.text):
			put(unitCols[min(units, len(unitCols)-1)])
			units++
		case unitsFirst && row.cells[taskCol] != "":
			// 1000 under 總投資, 6月開工 under 目標進度: not the task's

		case dead && row.cells[deadCol] == "":
			put(deadCol)
		case leaderCol >= 0 && taskCol >= 0 && row.cells[taskCol] != "" && row.cells[leaderCol] == "" && units == 0 && p.personCell(c.text):
			put(leaderCol) // 叶林 under 责任领导, after the task
		case leaderCol >= 0 && row.cells[leaderCol] != "" && units == 0 && p.personCell(c.text) && prevLineIs(lines, j, row.cells[leaderCol]):
			put(leaderCol) // 王旭锋 / 胡金芳 / 王行杰: the leaders' cell, a name a line
		case taskCol >= 0 && row.cells[taskCol] != "" && emptyLeaderCol(row, cols) >= 0 && p.personCell(c.text):
			// 陈 曦 under 协管责任人 after 责任领导's, 徐铭喜 under 责任人
			// after the lead's: each persons column in its turn
			put(emptyLeaderCol(row, cols))
		case units > 0 && rest < trailing && taskCol >= 0 && row.cells[taskCol] != "":
			rest++ // 北仑区外国语学校桩基施工。 under 10月完成情况
		case taskCol >= 0 && units == 0 && skipped < between && row.cells[taskCol] != "" && (reFigureCell.MatchString(c.text) || utf8.RuneCountInString(c.text) <= 8 && !strings.ContainsAny(c.text, "。，；,;")):
			skipped++ // 1200 under 总投资, 国企投资 under 资金来源
		case taskCol >= 0 && units == 0 && trailing > 0 && row.cells[taskCol] != "" && reportLine(c.text):
			// 目前已完成选址… under 进展情况, in a row whose unit cells a
			// merge left out: the progress, not the task's next paragraph
		case taskCol >= 0 && units == 0 && onlyTask(row, taskCol) && !numberedOn(row.cells[taskCol], c):
			// a second paragraph of the task's cell, before any unit of
			// its row: the same task, not a sub-row; joined as lines are
			// (a space between two numbers, as they are written)
			prev := j - 1
			for prev > 0 && lines[prev].kind == kBlank {
				prev--
			}
			if joinsWord(strings.TrimSpace(p.raw[lines[prev].n-1]), strings.TrimSpace(p.raw[c.n-1])) {
				row.cells[taskCol] += " "
				row.raw[taskCol] += " "
			}
			row.cells[taskCol] += c.text
			row.raw[taskCol] += p.written(c.n, c.text)
		case units > 0 && nextLine(lines, j) < 0 && p.cutUnits(c.text) != "":
			// the page's last line, a units cell cut short (市财政局、市):
			// its whole names
			c.text = p.cutUnits(c.text)
			put(unitCols[min(units, len(unitCols)-1)])
			units++
		case units > 0 && short && !strings.ContainsAny(c.text, "。，；、,;") && nextLine(lines, j) < 0:
			// the page's last line, a unit's cell cut short (区 / 区机关事务):
			// no name, and no sub-row
		case units > 0 && role == "" && noteLine(c.text):
			// 省牵头单位：省农业农村厅 after the row's units: a note under a
			// label the grammar gives no role, not a sub-row's task
		case taskCol >= 0:
			// another task of the same row: a sub-row of merged cells
			flush()
			row = newTableRow(c.n, len(cols))
			put(taskCol)
			units, rest, named, skipped = 0, 0, 0, 0
		}
	}
	flush()
	tb.end = j
	return tb
}

// prevLineIs reports whether the line before j that is not blank is the
// last part of cell (the last name put in it).
func prevLineIs(lines []cline, j int, cell string) bool {
	for k := j - 1; k >= 0; k-- {
		if lines[k].kind == kBlank {
			continue
		}
		return lines[k].text != "" && strings.HasSuffix(cell, lines[k].text)
	}
	return false
}

// reportWords open a cell that reports progress.
var reportWords = []string{"目前", "现已", "已经", "已完成", "已累计", "已开工", "已建成", "正在", "截至", "截止", "今年以来", "累计完成"}

// reportLine reports whether a cell reports what is done (目前已完成选址…).
func reportLine(s string) bool {
	for _, w := range reportWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// numberedOn reports whether line c opens with the number after the one
// that opens cell, in the same form: （6） after （5）…, a sub-row of its
// own, not a second paragraph of the cell.
func numberedOn(cell string, c cline) bool {
	n := numberOf(cell)
	return n.form != fNone && c.num.form == n.form && c.num.value == n.value+1
}

// emptyLeaderCol is the first persons column (责任领导, 责任人) of row
// with no cell yet, -1 if none.
func emptyLeaderCol(row *tableRow, cols []colKind) int {
	for k, ck := range cols {
		if ck == colLeader && row.cells[k] == "" {
			return k
		}
	}
	return -1
}

// figuresHeader reports whether a header cell names a column of amounts:
// 总投资, 年度投资计划, 资金, 金额 (in 万元 or 亿元).
func figuresHeader(h string) bool {
	for _, w := range []string{"投资", "资金", "金额", "万元", "亿元"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// categoryRow reports whether line j, where may says a category may
// stand (before the first row, or after a row with its units), is a
// category column's cell: a short title of Han characters, neither units
// nor a time limit (nor a person, in a table of persons), with the row
// numbered next right after it (any number when next is 0).
func (p *parser) categoryRow(lines []cline, j, next int, may, persons bool) bool {
	if !may {
		return false
	}
	t := lines[j].text
	if n := utf8.RuneCountInString(t); n < 2 || n > 10 || !allHan(t) || p.unitsCell(t) || p.vocab.isDeadline(t) || persons && p.personCell(t) {
		return false
	}
	k := nextLine(lines, j)
	return k >= 0 && cellNumber(lines[k].text) > 0 && (next == 0 || cellNumber(lines[k].text) == next)
}

// noteLine reports whether l is a short label the grammar does not list
// and its value (省牵头单位：省农业农村厅).
func noteLine(l string) bool {
	label, value, ok := unknownLabel(strings.TrimSpace(l))
	return ok && value != "" && utf8.RuneCountInString(label) <= 8
}

// joinBrokenHeads joins header cells broken over two lines (攻坚目标 /
// 任务, 第二季度 / 完成情况) while the header has more cells than its
// first row, width (0: not known): two cells side by side, one of four
// runes or fewer, that make a header cell of the same column.
func (p *parser) joinBrokenHeads(cols []colKind, heads []string, width int) []colKind {
	if width == 0 || len(cols) != len(heads) {
		return cols
	}
	for len(cols) > width {
		k := 0
		for ; k+1 < len(cols); k++ {
			short := min(utf8.RuneCountInString(heads[k]), utf8.RuneCountInString(heads[k+1])) <= 4
			if short && cols[k] == cols[k+1] && p.vocab.column(heads[k]+heads[k+1]) == cols[k] {
				break
			}
		}
		if k+1 >= len(cols) {
			return cols
		}
		heads = slices.Replace(heads, k, k+2, heads[k]+heads[k+1])
		cols = slices.Delete(cols, k+1, k+2)
	}
	return cols
}

// firstRowWidth counts the cells of the row that starts at line j with
// its number, 1, up to the line numbered 2; 0 when there is none.
func firstRowWidth(lines []cline, j int) int {
	for j < len(lines) && lines[j].kind == kBlank {
		j++
	}
	if j >= len(lines) || cellNumber(lines[j].text) != 1 {
		return 0
	}
	n := 1
	for k := j + 1; k < len(lines); k++ {
		c := lines[k]
		switch {
		case c.kind == kBlank || c.kind == kNoise && rePageMarker.MatchString(c.text):
		case cellNumber(c.text) == 2:
			return n
		case c.kind == kNoise || c.kind == kHeading:
			return 0
		default:
			n++
		}
	}
	return 0
}

// newTableRow is an empty row of width cells, opened at line n.
func newTableRow(n, width int) *tableRow {
	return &tableRow{n: n, cells: make([]string, width), raw: make([]string, width)}
}

// unnumberedCells reads the rows of a table flattened one cell per line
// whose header has no 序号 (长沙 2012: 牵头单位 / 目标任务 / 责任单位) from
// line j: a row opens with its task, or with a unit cell of a column
// before the task's; cells are known by what they hold. A unit's name
// broken into short lines (市政 / 府办 / 公厅) is one cell, and a row
// with no cell of a units column before its task shares the row above's
// (a merged cell). Each row is an item, numbered in order.
func (p *parser) unnumberedCells(lines []cline, j int, tb *tableBlock) *tableBlock {
	cols := tb.cols
	taskCol := slices.Index(cols, colTask)
	if taskCol < 0 {
		taskCol = slices.Index(cols, colName)
	}
	var before, after []int // unit columns before and after the task's
	for k, ck := range cols {
		if ck == colLead || ck == colCo || ck == colUnits {
			if k < taskCol {
				before = append(before, k)
			} else {
				after = append(after, k)
			}
		}
	}
	if taskCol < 0 || len(before)+len(after) == 0 {
		return nil
	}
	deadCol := slices.Index(cols, colDeadline)
	// a name column before the task's (项目名称 / 内容): a row's first text
	// cell is its name, the next its task
	nameCol := slices.Index(cols[:taskCol], colName)
	// the columns of free text after the last units column (进展情况（7月）
	// / （10月）): that many text cells after a row's units are theirs
	var trailing []int
	if len(after) > 0 {
		for k := after[len(after)-1] + 1; k < len(cols); k++ {
			if cols[k] == colProgress || cols[k] == colOther {
				trailing = append(trailing, k)
			}
		}
	}
	// the table's columns go first: a number column, the row's ordinal
	tb.cols = append([]colKind{colNumber}, cols...)
	var row, prev *tableRow
	units := 0 // unit cells after the task
	tails := 0 // trailing cells filled
	flush := func() {
		if row == nil {
			return
		}
		if row.cells[taskCol+1] != "" {
			for _, k := range before {
				if row.cells[k+1] == "" && prev != nil {
					row.cells[k+1], row.raw[k+1] = prev.cells[k+1], prev.raw[k+1]
				}
			}
			row.cells[0] = strconv.Itoa(len(tb.rows) + 1)
			tb.rows = append(tb.rows, *row)
			prev = &tb.rows[len(tb.rows)-1]
		}
		row = nil
	}
	open := func(n int) {
		flush()
		row = newTableRow(n, len(tb.cols))
		units, tails = 0, 0
	}
	put := func(k int, text, raw string) {
		if row.cells[k+1] != "" {
			row.cells[k+1] += "、"
			row.raw[k+1] += "、"
		}
		row.cells[k+1] += text
		row.raw[k+1] += raw
	}
	for ; j < len(lines); j++ {
		c := lines[j]
		if c.kind == kBlank || c.kind == kNoise && rePageMarker.MatchString(c.text) {
			continue
		}
		if c.kind == kNoise || c.kind == kHeading || c.kind == kItem {
			break
		}
		text, raw := c.text, p.written(c.n, c.text)
		if fragment(text) {
			// 市政 / 府办 / 公厅: one name broken over short lines
			k, joined, joinedRaw := j, text, raw
			for n := j + 1; n < len(lines) && n-j <= 12; n++ { // a name's few lines, bounded
				if lines[n].kind == kBlank {
					continue
				}
				if !fragment(lines[n].text) {
					break
				}
				joined += lines[n].text
				joinedRaw += p.written(lines[n].n, lines[n].text)
				k = n
			}
			if k > j && p.unitsCell(joined) {
				text, raw, j = joined, joinedRaw, k
			}
		}
		switch {
		case emptyCell(text):
		case p.unitsCell(text):
			switch {
			case row != nil && row.cells[taskCol+1] != "" && units < len(after):
				put(after[units], text, raw)
				units++
			case len(before) > 0:
				if row == nil || row.cells[taskCol+1] != "" {
					open(c.n)
				}
				put(before[0], text, raw)
			case row != nil && len(after) > 0:
				put(after[len(after)-1], text, raw) // a unit line more of the last column
			}
		case deadCol >= 0 && row != nil && deadlineCell(text):
			put(deadCol, text, raw)
		case row != nil && row.cells[taskCol+1] != "" && len(after) > 0 && units >= len(after) && tails < len(trailing):
			put(trailing[tails], text, raw) // 已完成8家…: the progress after the units
			tails++
		case row != nil && nameCol >= 0 && row.cells[nameCol+1] != "" && len(trailing) > 0 && tails == len(trailing) && !rowName(text):
			// more text after the last trailing cell, before the next
			// row's name: the last cell's
			put(trailing[len(trailing)-1], text, raw)
		case utf8.RuneCountInString(text) >= 6:
			switch {
			case nameCol >= 0 && row != nil && row.cells[taskCol+1] == "" && row.cells[nameCol+1] != "":
				put(taskCol, text, raw) // the task after the row's name
			case nameCol >= 0 && (row == nil || row.cells[taskCol+1] != "") && len(after) > 0 && rowName(text) && p.textFollows(lines, j):
				open(c.n)
				put(nameCol, text, raw) // 养老服务项目: a row's name
			default:
				if row == nil || row.cells[taskCol+1] != "" {
					open(c.n)
				}
				put(taskCol, text, raw)
			}
		}
	}
	flush()
	tb.end = j
	if len(tb.rows) == 0 {
		return nil
	}
	return tb
}

// brokenUnit reports the line that completes the name of a unit opened
// at line j and broken over two lines (區綜合行政 / 執法局): j's text opens
// with a level (市, 區, 縣, 省) and names no unit, and joined to the next
// line's it does. It returns that line's index, or j.
func (p *parser) brokenUnit(lines []cline, j int) int {
	t := lines[j].text
	if utf8.RuneCountInString(t) > 8 || !strings.ContainsRune("市区县省", func() rune { r, _ := firstRune(t); return r }()) || strings.ContainsAny(t, "。，；、,; ") || p.unitsCell(t) {
		return j
	}
	n := j + 1
	for n < len(lines) && lines[n].kind == kBlank {
		n++
	}
	if n == len(lines) || utf8.RuneCountInString(lines[n].text) > 8 || strings.ContainsAny(lines[n].text, "。，；、,; ") || !p.unitsCell(t+lines[n].text) {
		return j
	}
	return n
}

// fragment reports whether a line is a short piece of a cell broken over
// lines: three Han characters or fewer, and nothing else.
func fragment(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n > 0 && n <= 3
}

// textFollows reports whether the next line after j that is not blank
// holds text, not units: a row's name is followed by its task.
func (p *parser) textFollows(lines []cline, j int) bool {
	k := nextLine(lines, j)
	return k >= 0 && !p.unitsCell(lines[k].text) && !emptyCell(lines[k].text)
}

// rowName reports whether a cell reads as a row's name (养老服务项目), not
// its task or a report: short, with no figure and no punctuation.
func rowName(s string) bool {
	return utf8.RuneCountInString(s) <= 16 && !strings.ContainsAny(s, "。；;，,、：:0123456789")
}

// headerNote reports whether a line is a short note in parentheses, as a
// header cell broken over two lines ends: (单位), （万元）.
func headerNote(s string) bool {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 10 {
		return false
	}
	return (strings.HasPrefix(s, "(") || strings.HasPrefix(s, "（")) && (strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）"))
}

// headerGoesOn reports whether the header of a table flattened one cell
// per line goes on past line j, a column it does not know (年度投资金额、
// 说明): a short line, then more known header cells before the first
// row's number.
func (p *parser) headerGoesOn(lines []cline, j int) bool {
	if utf8.RuneCountInString(lines[j].text) > 16 || cellNumber(lines[j].text) > 0 {
		return false
	}
	if lines[j].num.form != fNone || strings.ContainsAny(lines[j].text, "。，；,;") {
		return false
	}
	if p.vocab.namedOther(strings.ReplaceAll(lines[j].text, " ", "")) {
		return true // 任务来源, the header's last cell
	}
	for k, seen := j+1, 0; k < len(lines) && seen < 14; k++ {
		c := lines[k]
		if c.kind == kBlank {
			continue
		}
		seen++
		if cellNumber(c.text) > 0 && c.num.form == fNone {
			// 进度状态 / 情况说明 / 1: the header's last cells, then the
			// first row (24, numbering on from a page before)
			return true
		}
		if cellNumber(c.text) > 0 || utf8.RuneCountInString(c.text) > 16 || strings.ContainsAny(c.text, "。，；,;") {
			return false
		}
		if p.vocab.column(c.text) != colOther {
			return true
		}
		if n := nextLine(lines, k); n >= 0 && utf8.RuneCountInString(c.text) <= 4 && p.vocab.column(c.text+lines[n].text) != colOther {
			return true // 资金 / 来源 / 责任 / 单位: a known cell broken over two lines
		}
	}
	return false
}

// wholeRow returns the cells after a row's number at line j when the
// row has every cell of the header, width in all, and no more: the lines
// up to the next row's number (next), a section row or the table's end.
// A row with fewer or more lines (a merged cell, a cell of two
// paragraphs, sub-rows) returns nil and is read by what its cells hold.
func (p *parser) wholeRow(lines []cline, j, next, width int) ([]cline, int) {
	var cells []cline
	k := j + 1
	for ; k < len(lines); k++ {
		c := lines[k]
		if c.kind == kBlank || c.kind == kNoise && rePageMarker.MatchString(c.text) {
			continue
		}
		if cellNumber(c.text) == next || c.kind == kNoise || c.kind == kHeading || sectionRow(c) && cellNumber(nextText(lines, k)) > 0 {
			break
		}
		if len(cells) == width-1 && barsOnly(c.text) {
			continue // a bar closing the row
		}
		if len(cells) == width-1 {
			return nil, 0
		}
		cells = append(cells, c)
	}
	if len(cells) != width-1 {
		return nil, 0
	}
	return cells, k
}

// cellsFit reports whether cells, in the columns cols, each hold what
// their column holds: units under a column of units, people under one of
// leaders, a time limit under 完成时限. A row of the right width whose
// cells do not fit (a merged cell lost, another split in two) is not
// read by position.
func (p *parser) cellsFit(cells []cline, cols []colKind) bool {
	for k, c := range cells {
		t := c.text
		if emptyCell(t) {
			continue
		}
		switch cols[k] {
		case colLead, colCo, colUnits:
			if !p.unitsCell(t) && !p.clauseCell(t) {
				return false
			}
		case colTask:
			if p.unitsCell(t) {
				return false // 团区委 as a task: a merged cell before it is missing
			}
		case colLeader:
			if utf8.RuneCountInString(t) > 16 || strings.ContainsAny(t, "。；") {
				return false
			}
		case colDeadline:
			if utf8.RuneCountInString(t) > 30 || strings.HasSuffix(t, "。") {
				return false
			}
		}
	}
	return true
}

// placeCell reports whether a cell names places only (纸坊街道, 相关镇（街道）,
// 龙亭镇、槐树关镇): the towns, streets and villages a 建设地点 column holds.
func placeCell(s string) bool {
	names := splitNames(s)
	if len(names) == 0 {
		return false
	}
	for _, n := range names {
		n = strings.TrimSuffix(strings.TrimSuffix(n, "（街道）"), "(街道)")
		if !slices.ContainsFunc([]string{"镇", "乡", "街道", "村", "社区", "片区"}, func(e string) bool { return strings.HasSuffix(n, e) }) {
			return false
		}
	}
	return true
}

// personCell reports whether a cell holds people's names only: one to
// four names of two to four Han characters (a space may pad a name of two,
// 俞 悦), none of them a unit or a group.
func (p *parser) personCell(s string) bool {
	names := strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '，' || r == ',' })
	if len(names) == 0 || len(names) > 4 {
		return false
	}
	for _, n := range names {
		n = strings.ReplaceAll(strings.TrimSpace(n), " ", "")
		if k := utf8.RuneCountInString(n); k < 2 || k > 4 || !allHan(n) || unitLike(n, p.names) || p.vocab.isGroupWord(n) || p.vocab.isDeadline(n) {
			return false
		}
	}
	return true
}

// sectionRow reports whether a line of a table flattened one cell per
// line may be a section row: a heading, or a short title under 一、 or
// （一）, not a bare number cell.
func sectionRow(c cline) bool {
	if c.kind == kHeading {
		return true
	}
	switch c.num.form {
	case fCnDun, fCnParen, fPart:
		rest := c.rest()
		if i := strings.LastIndexAny(rest, "（("); i > 0 && strings.Contains(rest[i:], "领导") && strings.HasSuffix(rest, "）") {
			rest = rest[:i] // 一、…等工作目标（牵头领导：成坤、柯相国、王俊）: the leaders of the section
		}
		n := utf8.RuneCountInString(rest)
		// a long title that reads as no sentence (一、主要经济社会发展指标、发改、
		// 财政、…等工作目标) is a title too
		return n > 0 && (n <= 30 || n <= 60 && !strings.ContainsAny(rest, "。；;，,0123456789"))
	}
	return false
}

// sectionCell reports the one cell of a row that holds nothing else when
// it reads as a section row's title: 一、经济发展 or （二）民生保障; or the
// title beside a bare numeral in the first column of a table of three
// columns or more, | 一 | 经济发展 | | |, read as 一、经济发展.
func sectionCell(cells []string, width int) (string, bool) {
	var full []int
	for i, c := range cells {
		if c != "" {
			full = append(full, i)
		}
	}
	switch {
	case len(full) == 1:
		one := cells[full[0]]
		return one, sectionRow(cline{text: one, num: numberOf(one)})
	case len(full) == 2 && full[0] == 0 && full[1] == 1 && width > 2:
		mark := ""
		switch n := cells[0]; {
		case reBareCnNumeral.MatchString(n):
			mark = n + "、"
		case reBareCnParen.MatchString(n):
			mark = n
		default:
			return "", false
		}
		h := mark + cells[1]
		return h, sectionRow(cline{text: h, num: numberOf(h)})
	}
	return "", false
}

// A bare section numeral in a table's first column: 一, （二）.
var (
	reBareCnNumeral = lazyRE(`^[一二三四五六七八九十]{1,3}$`)
	reBareCnParen   = lazyRE(`^[（(][一二三四五六七八九十]{1,3}[）)]$`)
)

// emptyCells are what a table writes in a cell it leaves empty.
var emptyCells = []string{"/", "／", "\\", "—", "——", "-", "－", "无", "暂无", "空", "×", "——/"}

// emptyCell reports whether a cell holds only a mark for "empty": 无, /, —,
// or the bar a page closes each cell with (a table one cell per line).
func emptyCell(s string) bool {
	s = strings.TrimSpace(s)
	return slices.Contains(emptyCells, s) || barsOnly(s)
}

// barsOnly reports whether s is bars alone: an empty cell of a table
// written one cell per line, each cell closed by a bar.
func barsOnly(s string) bool {
	return s != "" && strings.Trim(s, "| \t") == ""
}

// clearEmpty blanks the cells that only mark themselves empty, in a copy
// when there are any (the cells may be Read's).
func clearEmpty(cells []string) []string {
	k := slices.IndexFunc(cells, emptyCell)
	if k < 0 {
		return cells
	}
	cells = slices.Clone(cells)
	for ; k < len(cells); k++ {
		if emptyCell(cells[k]) {
			cells[k] = ""
		}
	}
	return cells
}

// onlyTask reports whether a row holds nothing yet but its number and its
// task.
func onlyTask(row *tableRow, taskCol int) bool {
	for k, c := range row.cells {
		if k != taskCol && k != 0 && c != "" {
			return false
		}
	}
	return true
}

// nextLine is the index of the first line after j that is not blank or a
// page marker, -1 if none.
func nextLine(lines []cline, j int) int {
	for k := j + 1; k < len(lines); k++ {
		if lines[k].kind != kBlank && !(lines[k].kind == kNoise && rePageMarker.MatchString(lines[k].text)) {
			return k
		}
	}
	return -1
}

// splitSectionRow reads a section row of a table one cell per line
// whose numeral and title are two cells: a bare numeral at j (一), a short
// title after it (30 characters at most, not a number, no colon or
// parenthesis), and after that a row numbered in digits. It returns the row as a heading line, the index
// of the title's line and the number of the row after it; end is 0 when
// there is none.
func splitSectionRow(lines []cline, j int) (h cline, end, next int) {
	c := lines[j]
	if !reBareCnNumeral.MatchString(c.text) {
		return cline{}, 0, 0
	}
	t := nextLine(lines, j)
	if t < 0 || cellNumber(lines[t].text) > 0 || utf8.RuneCountInString(lines[t].text) > 30 || strings.ContainsAny(lines[t].text, "：:（(") {
		return cline{}, 0, 0
	}
	r := nextLine(lines, t)
	if r < 0 {
		return cline{}, 0, 0
	}
	v, err := strconv.Atoi(strings.TrimSpace(strings.TrimRight(lines[r].text, ".、．")))
	if err != nil || v <= 0 {
		return cline{}, 0, 0
	}
	text := c.text + "、" + lines[t].text
	return cline{n: c.n, text: text, kind: kHeading, num: numberOf(text)}, t, v
}

// rowFollows reports whether the line at j, a row's number, is followed
// by a task's cell: text of a sentence's length, neither units nor a time
// limit nor another number.
func (p *parser) rowFollows(lines []cline, j int) bool {
	if j < 0 {
		return false
	}
	t := nextText(lines, j)
	return utf8.RuneCountInString(t) >= 6 && cellNumber(t) == 0 && !p.unitsCell(t) && !deadlineCell(t)
}

// nextText is the text of the first line after j that is not blank or a
// page marker, "" if none.
func nextText(lines []cline, j int) string {
	if k := nextLine(lines, j); k >= 0 {
		return lines[k].text
	}
	return ""
}

var reLeadingNumber = lazyRE(`^(\d{1,4})\s*[.．、]\s*`)

// table builds the items of a table and returns the index of the line
// after it.
func (p *parser) table(tb *tableBlock) int {
	if tb.lead != "" {
		p.preamble = append(p.preamble, tb.lead)
	}
	if tb.firstIsLead {
		p.conv.firstIsLead, p.conv.firstOfMany = true, tb.firstOfMany
	}
	p.closeItem()
	p.orphan = nil
	var last *Task
	var lastRow *tableRow
	prevName := ""
	for ri := range tb.rows {
		row := &tb.rows[ri]
		if row.section != nil {
			p.closeItem()
			p.heading(*row.section)
			continue
		}
		get := func(kind colKind) (string, int) {
			for k, ck := range tb.cols {
				if ck == kind && row.cells[k] != "" {
					return row.cells[k], k
				}
			}
			return "", -1
		}
		num, _ := get(colNumber)
		nameCell, nameK := get(colName)
		task, _ := get(colTask)
		if task == "" && nameCell != "" && !hasCol(tb.cols, colTask) {
			task = nameCell
		}
		number := 0
		if v := cellNumber(num); v > 0 {
			number = v
		} else if m := reLeadingNumber.FindStringSubmatch(nameCell); m != nil {
			number, _ = strconv.Atoi(m[1])
			nameCell = nameCell[len(m[0]):]
		} else if m := reLeadingNumber.FindStringSubmatch(task); m != nil && nameCell == "" && num == "" && hasCol(tb.cols, colNumber) {
			number, _ = strconv.Atoi(m[1])
			task = task[len(m[0]):]
		}
		newItem := number > 0 && (p.cur == nil || !p.cur.table || number != p.cur.Number || (lastRow != nil && lastRowNumber(tb, lastRow) != num))
		named := hasCol(tb.cols, colName)
		rowStarts := !named && task != "" && (last == nil || task != last.Text) ||
			named && (nameCell != "" && nameCell != prevName || p.cur == nil || !p.cur.table) && (task != "" || nameCell != "")
		if number == 0 && !hasCol(tb.cols, colNumber) && rowStarts {
			// no number column: each task row is an item of its own, or
			// each name (项目名称) with the rows its merged cell spans
			if m := reLeadingNumber.FindStringSubmatch(task); m != nil {
				number, _ = strconv.Atoi(m[1])
				task = task[len(m[0]):]
			} else {
				number = p.lastNumber() + 1
			}
			newItem = true
		}
		if number == 0 && p.cur == nil && task != "" {
			// a row whose number cell reads as none, before any item:
			// an item of its own, not dropped
			number, newItem = p.lastNumber()+1, true
		}
		if newItem {
			name := ""
			if nameCell != "" {
				name = p.cellWritten(row, nameK)
			}
			p.startTableItem(row.n, number, name)
			last = nil
		}
		if nameCell != "" {
			prevName = nameCell
		}
		if p.cur == nil {
			continue
		}
		if task != "" && last != nil && task == last.Text {
			task = "" // a merged task cell repeated on its sub-rows
		}
		measure, _ := get(colMeasure)
		if measure == "" && nameCell != "" && reBareFigure.MatchString(task) {
			if name, u, ok := nameWithUnit(nameCell); ok {
				// 地区生产总值（亿元） | 466: the unit in the name's
				// parenthesis is the figure's
				nameCell, measure = name, u
			}
		}
		if measure != "" && reFigureCell.MatchString(task) {
			// 6 under 2023年目标 beside % under 单位: 6%; 150以上 beside
			// 万吨: 150万吨以上
			task = figureWith(task, measure)
		}
		if task != "" && nameCell != "" && !strings.HasPrefix(task, nameCell) && (tb.indicators && utf8.RuneCountInString(task) <= 20 || reFigureCell.MatchString(task)) {
			// 指标名称 | 目标值, 任务名称 | 指标要求: the target is the name
			// and its value; so is a figure alone under 目标任务 beside
			// a project's name (新增城镇就业 | 人社局 | 8950), unless the
			// name states its own figures (完成征缴基金10000万元 | 10000万):
			// then the name is the task
			if !tb.indicators && strings.ContainsAny(nameCell, "0123456789") {
				task = nameCell
			} else {
				task = nameCell + task
			}
		}
		task = withSteps(task, nameCell, measure, row, tb.cols, tb.years)
		var c rawClause
		unitCells := 0
		for k, ck := range tb.cols {
			v := openCell(row.cells[k]) // 区投资促进中心。
			if v == "" {
				continue
			}
			role := Role("")
			switch ck {
			case colLead:
				role = RoleLead
			case colCo, colUnits:
				role = RoleCo
			case colLeader:
				role = roleLeader
			default:
				continue
			}
			if role != roleLeader {
				unitCells++
				if p.clauseCell(v) {
					// 牵头：区人社局；配合：区财政局 or 区住建局牵头，各街道配合
					// in a unit column: the cell's own words give the roles
					cc, _ := parseClause(v, p.vocab, p.names)
					cc = cc.at(row.n)
					if w := openCell(p.cellWritten(row, k)); w != v {
						// the names as written, from the cell's written
						// text (its lines are not row.n's)
						for i := range cc.parts {
							cc.parts[i].written = writtenNames(v, w, cc.parts[i].names)
						}
					}
					c.merge(cc)
					continue
				}
			}
			before := len(c.parts)
			names := splitCell(v)
			w := openCell(p.cellWritten(row, k))
			written := writtenNames(v, w, names) // by offset: the written cell splits as its folded one does
			if written == nil {
				written = splitCell(w)
			}
			if role == roleLeader {
				names, written = paddedNames(names), paddedNames(written)
			}
			if k < len(tb.persons) && tb.persons[k] {
				// 市发改委 张三 under 责任单位及责任人: the people are leaders;
				// the names left are no longer the cell's one by one, so
				// each is taken as written from its line
				var people []string
				if names, people = unitsAndPeople(names, p.vocab, p.names); len(people) > 0 {
					c.add(roleLeader, people)
				}
				written = nil
			}
			c.add(role, names)
			for i := before; i < len(c.parts); i++ {
				c.parts[i].line = row.n
				switch {
				case len(c.parts) == before+1 && written != nil:
					c.parts[i].written = written
				case written != nil && len(written) == len(names):
					// the cell's names in parts of their own (区统计局（…牵头
					// 单位）, a lead among co): each as written, by name
					c.parts[i].written = writtenOf(c.parts[i].names, names, written)
				}
			}
		}
		deadline, _ := get(colDeadline)
		if task == "" && last == nil && unitCells > 0 && newItem && nameCell != "" {
			// an item's first row with units and no task cell: its name
			// (主要任务 beside an empty 全年目标任务) is the task
			task = nameCell
		}
		if task == "" {
			// a continuation row: its units join the task above
			if last != nil && unitCells > 0 {
				p.addToTask(p.cur, last, c, row.n)
			}
			lastRow = row
			continue
		}
		if unitCells == 0 && last != nil {
			// a merged unit cell: the units of the row above
			c = clauseOf(last)
		} else if lead, _ := get(colLead); lead == "" && hasCol(tb.cols, colLead) && last != nil && len(last.Lead) > 0 && !c.hasLead() {
			// a lead cell merged over the item's rows, the others its own
			c.add(RoleLead, append([]string(nil), last.Lead...))
		}
		t := Task{ID: p.cur.Key + "." + strconv.Itoa(len(p.cur.Tasks)+1), Item: p.cur.Number, Text: p.cellText(row, task), Line: row.n, Deadline: p.cellText(row, deadline)}
		t.setFold(task)
		p.resolve(p.cur, &t, c, row.n)
		p.remember(&t)
		p.cur.Tasks = append(p.cur.Tasks, t)
		last = &p.cur.Tasks[len(p.cur.Tasks)-1]
		if t.Text != p.cur.Text { // not the name, made the task
			if p.cur.Text != "" {
				p.cur.Text += "；"
			}
			p.cur.Text += t.Text
		}
		lastRow = row
	}
	p.closeItem()
	return tb.end
}

func lastRowNumber(tb *tableBlock, r *tableRow) string {
	for k, ck := range tb.cols {
		if ck == colNumber {
			return r.cells[k]
		}
	}
	return ""
}

func hasCol(cols []colKind, kind colKind) bool {
	for _, c := range cols {
		if c == kind {
			return true
		}
	}
	return false
}

// clauseCell reports whether a unit cell writes its own roles, with a
// label or a role word, rather than a plain list of names.
func (p *parser) clauseCell(v string) bool {
	for _, part := range splitLabelParts(v, p.vocab) {
		part = strings.TrimSpace(part)
		if r, _ := p.vocab.labelAt(part); r != "" && r != roleDeadline {
			return true
		}
		if _, _, ok := roleOf(part, p.vocab); ok {
			return true
		}
	}
	return false
}

// splitCell splits a unit cell on 、，, and spaces.
func splitCell(v string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == '，' || r == ',' || r == '；' || r == ';' }) {
		out = append(out, splitNames(part)...)
	}
	return out
}

// paddedNames joins the names of a leaders' cell that a page padded
// with spaces (俞 悦, a name of two characters set as wide as one of
// three; 陆 明俞 悦, two such names run together): when a piece is one
// character, the pieces are one run of names of two characters each (or
// one name, when the run is odd).
func paddedNames(names []string) []string {
	if !slices.ContainsFunc(names, func(n string) bool { return utf8.RuneCountInString(n) == 1 }) {
		return names
	}
	run := []rune(strings.Join(names, ""))
	if len(run)%2 == 1 || len(run) > 8 {
		return []string{string(run)}
	}
	var out []string
	for i := 0; i < len(run); i += 2 {
		out = append(out, string(run[i:i+2]))
	}
	return out
}

// clauseOf rebuilds the clause of a task, for a row that shares its units.
func clauseOf(t *Task) rawClause {
	var c rawClause
	if len(t.Lead) > 0 {
		c.add(RoleLead, append([]string(nil), t.Lead...))
	}
	if len(t.Co) > 0 {
		c.add(RoleCo, append([]string(nil), t.Co...))
	}
	if len(t.Respective) > 0 {
		c.add(RoleRespective, append([]string(nil), t.Respective...))
	}
	return c
}

// addToTask adds a continuation row's units to a task.
func (p *parser) addToTask(it *itemAcc, t *Task, c rawClause, line int) {
	var extra Task
	extra.Item = t.Item
	p.resolve(it, &extra, c, line)
	mergeRoles(t, &extra)
}

// mergeRoles adds the depts, groups and leaders of extra to t; a dept t
// has already keeps its role, and a lead of extra is not also co.
func mergeRoles(t, extra *Task) {
	for _, d := range extra.Lead {
		if !contains(t.Lead, d) {
			t.Lead = append(t.Lead, d)
		}
		if i := indexOf(t.Co, d); i >= 0 {
			t.Co = append(t.Co[:i], t.Co[i+1:]...)
		}
	}
	for _, d := range extra.Respective {
		if !contains(t.Lead, d) && !contains(t.Respective, d) {
			t.Respective = append(t.Respective, d)
		}
	}
	for _, d := range extra.Co {
		if !contains(t.Lead, d) && !contains(t.Co, d) && !contains(t.Respective, d) {
			t.Co = append(t.Co, d)
		}
	}
	for _, g := range extra.Groups {
		t.Groups = appendUnique(t.Groups, g)
	}
	for _, l := range extra.Leaders {
		t.Leaders = appendUnique(t.Leaders, l)
	}
	t.All = t.All || extra.All
	if t.Deadline == "" {
		t.Deadline = extra.Deadline
	}
}

func (p *parser) startTableItem(n, number int, name string) {
	p.closeItem()
	it := &itemAcc{Item: Item{Number: number, Section: p.section, Line: n}, leader: p.leader, table: true, sub: p.sub}
	it.Key = strconv.Itoa(number)
	it.Text = name // as written
	p.items = append(p.items, it)
	p.cur = it
}

// nextIsRow reports whether the next non-blank line after j is a table row
// that Read found.
func (p *parser) nextIsRow(lines []cline, j int) bool {
	for k := j + 1; k < len(lines); k++ {
		if lines[k].kind == kBlank {
			continue
		}
		return p.cellsOf(lines[k].n) != nil
	}
	return false
}

// cellText is a cell's text as written: the cell of the row that holds it.
func (p *parser) cellText(row *tableRow, folded string) string {
	if folded == "" {
		return ""
	}
	for k, c := range row.cells {
		if c == folded {
			return p.cellWritten(row, k)
		}
		if strings.HasSuffix(c, folded) && row.raw != nil && len(row.raw[k]) == len(c) {
			return row.raw[k][len(c)-len(folded):] // 1.人居环境项目: the name after its number
		}
	}
	w := p.written(row.n, folded)
	if w != folded {
		return w
	}
	// a task made of the row's cells (地区生产总值 | % | 6 → 地区生产总值6%):
	// each cell in it as written
	for k, c := range row.cells {
		if c == "" {
			continue
		}
		if cw := p.cellWritten(row, k); cw != c && len(cw) == len(c) {
			w = strings.Replace(w, c, cw, 1)
		}
	}
	return w
}

// ruleRow reports whether a row is a markdown table's rule: only dashes,
// colons and spaces.
func ruleRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-:：— ") != "" {
			return false
		}
	}
	return true
}

// cellNumber reads a number cell: 12, 12., 一, （一）, 十二、; 0 if it is none.
func cellNumber(s string) int {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "*＊★☆※")) // 1*: a row marked (a task the city leads)
	s = strings.TrimSpace(strings.TrimRight(s, ".、．"))
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(s, "（"), "("), "）")
	s = strings.TrimSuffix(s, ")") // (1), a row's number in parentheses
	if v, err := strconv.Atoi(s); err == nil && v > 0 && v < 100000 {
		return v
	}
	if utf8.RuneCountInString(s) <= 4 {
		return parseChineseNumber(s)
	}
	return 0
}
