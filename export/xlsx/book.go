package xlsx

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"fengong/export"
	"fengong/progress"
)

// Layout constants. Column widths are in Excel's units (the width of a
// digit), which a CJK character of the body font fills twice.
const (
	creator      = "fengong"
	paperA4      = 9
	maxRowHeight = 409 // points; Excel's limit
	cellPadding  = 2   // width units left free in a column
	wrapSlack    = 1   // width units a wrapped line leaves unused
	headerFill   = "DDEBF7"
	inputFill    = "FFF9E6"
	leadFill     = "FCE4D6"
	maxHFValue   = 60 // runes of a title or name placed in a page header
)

// column is one column of a sheet.
type column struct {
	head   string
	min    float64 // width; the column grows to fit its text up to max
	max    float64 // 0: the width is min
	style  int     // style of the body cells
	hidden bool
}

// sheet describes one worksheet; book.write renders it.
type sheet struct {
	name     string
	cols     []column
	rows     int
	row      func(i int, dst []any) // fills dst (len(cols)) with row i's values
	freezeX  int                    // columns kept in view on the left
	filter   bool                   // autofilter over the table
	protect  bool                   // lock the sheet (no password)
	titleCol bool                   // repeat column A on every printed page too
	noFit    bool                   // print at full size across pages, not fitted to the width
	checks   []*excelize.DataValidation
	merges   [][2]string // top-left, bottom-right
	note     string      // a line written below the table
	// top are rows written above the header row (a 填报信息 block); the
	// header row is then row len(top)+1, and they print on every page
	top [][]any
	// printCols limits the print area to the first printCols columns
	// (0: every visible column)
	printCols int
	// scale prints at this fixed percentage instead of fitting the width
	scale int
}

// headRow is the 1-based row of the sheet's column headings.
func (s *sheet) headRow() int { return len(s.top) + 1 }

// book is one workbook being built.
type book struct {
	f     *excelize.File
	w     *wording
	opt   export.Options
	title string // document title for page headers
	party string // dept name for page headers, "" in the master
	n     int    // sheets written
	line  float64
	style struct {
		head, text, center, number, input, inputCenter, lead int
	}
	fills map[string]int // status fills (progress.go), by RGB
	// parts lends the sheets of the previous copy of this workbook (nil:
	// every sheet is written); taken are the parts taken, which the zip
	// writes as they were
	parts Parts
	taken map[string]rawPart
	// last are the dept's latest reported words by task ID, pre-filled in
	// its task sheets; nil without a ledger
	last map[string]*progress.Report
}

// newBook starts a workbook; the caller closes b.f, which removes the
// temporary files excelize spills a large streamed sheet to. They go to
// opt.TempDir, the run's own folder, so a killed run leaves none in $TMPDIR.
func newBook(w *wording, opt export.Options, title, subject string, zips *flatePool) (*book, error) {
	f := excelize.NewFile(excelize.Options{TmpDir: opt.TempDir})
	taken := map[string]rawPart{}
	f.SetZipWriter(orderedZipper(zips, taken))
	// fengong never changes the theme: without the parsed copy, excelize
	// writes its template theme part as it is instead of re-marshalling it
	f.Theme = nil
	b := &book{f: f, w: w, opt: opt, title: title, line: math.Round(w.FontSize*15/11*4) / 4, taken: taken}
	if err := f.SetDefaultFont(w.Font); err != nil {
		f.Close()
		return nil, err
	}
	stamp := opt.Date.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          clean(title),
		Subject:        clean(subject),
		Creator:        creator,
		LastModifiedBy: creator,
		Created:        stamp,
		Modified:       stamp,
		Language:       "zh-CN",
	}); err != nil {
		f.Close()
		return nil, err
	}
	if err := b.styles(); err != nil {
		f.Close()
		return nil, err
	}
	return b, nil
}

func (b *book) styles() error {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1},
		{Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1},
		{Type: "bottom", Color: "808080", Style: 1},
	}
	font := &excelize.Font{Family: b.w.Font, Size: b.w.FontSize}
	bold := &excelize.Font{Family: b.w.Font, Size: b.w.FontSize, Bold: true}
	locked, unlocked := true, false
	var err error
	styles := []struct {
		id *int
		s  *excelize.Style
	}{
		{&b.style.head, &excelize.Style{Font: bold, Border: border,
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
			Alignment:  &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Protection: &excelize.Protection{Locked: locked}}},
		{&b.style.text, &excelize.Style{Font: font, Border: border,
			Alignment:  &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true},
			Protection: &excelize.Protection{Locked: locked}}},
		{&b.style.center, &excelize.Style{Font: font, Border: border,
			Alignment:  &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Protection: &excelize.Protection{Locked: locked}}},
		{&b.style.number, &excelize.Style{Font: font, Border: border, NumFmt: 0,
			Alignment:  &excelize.Alignment{Horizontal: "right", Vertical: "center"},
			Protection: &excelize.Protection{Locked: locked}}},
		{&b.style.input, &excelize.Style{Font: font, Border: border,
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{inputFill}},
			Alignment:  &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true},
			Protection: &excelize.Protection{Locked: unlocked}}},
		{&b.style.inputCenter, &excelize.Style{Font: font, Border: border,
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{inputFill}},
			Alignment:  &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Protection: &excelize.Protection{Locked: unlocked}}},
		{&b.style.lead, &excelize.Style{Font: bold, Border: border,
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{leadFill}},
			Alignment:  &excelize.Alignment{Horizontal: "center", Vertical: "center"},
			Protection: &excelize.Protection{Locked: locked}}},
	}
	for _, s := range styles {
		if *s.id, err = b.f.NewStyle(s.s); err != nil {
			return err
		}
	}
	return nil
}

// bytes renders the workbook.
func (b *book) bytes() ([]byte, error) {
	buf, err := b.f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// write renders one sheet through a StreamWriter, or, when the book has
// the previous copy's part for a sheet of the same key (Parts), takes
// that part. Everything that lives in the worksheet part (page setup,
// protection, validations, autofilter, print titles) is set before Flush,
// which is when the part is written; the sheet properties are set before
// NewStreamWriter, which writes them first.
func (b *book) write(s *sheet) error {
	if b.parts != nil {
		// excelize names the worksheet parts in the order the sheets are made
		name := "xl/worksheets/sheet" + strconv.Itoa(b.n+1) + ".xml"
		key := b.sheetKey(s)
		b.parts.Keep(name, key)
		if raw, crc, size, ok := b.parts.Part(name, key); ok {
			if err := b.take(s, name, rawPart{raw, crc, size}); err != nil {
				return fmt.Errorf("sheet %s: %w", s.name, err)
			}
			return nil
		}
	}
	if err := b.stream(s); err != nil {
		return fmt.Errorf("sheet %s: %w", s.name, err)
	}
	return nil
}

// newSheet makes sheet s, the first in place of excelize's Sheet1.
func (b *book) newSheet(s *sheet) error {
	if b.n == 0 {
		if err := b.f.SetSheetName("Sheet1", s.name); err != nil {
			return err
		}
	} else if _, err := b.f.NewSheet(s.name); err != nil {
		return err
	}
	b.n++
	return nil
}

// autoFilter puts the filter over s's table, if it has one.
func (b *book) autoFilter(s *sheet) error {
	last := len(s.cols)
	for last > 1 && s.cols[last-1].hidden {
		last--
	}
	if s.filter && s.rows > 0 {
		return b.f.AutoFilter(s.name, cell(1, s.headRow())+":"+cell(last, s.headRow()+s.rows), nil)
	}
	return nil
}

func (b *book) stream(s *sheet) error {
	f := b.f
	if err := b.newSheet(s); err != nil {
		return err
	}
	if err := b.page(s); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	widths := b.measure(s)
	// excelize keeps one entry per column and scans the list for every
	// SetColWidth call and every cell written: a wide sheet (the 责任矩阵)
	// gives its most common width as the sheet's default instead
	def := defaultWidth(s.cols, widths)
	if def > 0 {
		if err := f.SetSheetProps(s.name, &excelize.SheetPropsOptions{DefaultColWidth: &def}); err != nil {
			return err
		}
	}
	for c := 0; c < len(s.cols); {
		e := c + 1
		for e < len(s.cols) && widths[e] == widths[c] && s.cols[e].hidden == s.cols[c].hidden {
			e++
		}
		if widths[c] == def && !s.cols[c].hidden {
			c = e
			continue
		}
		if err := sw.SetColWidth(c+1, e, widths[c]); err != nil {
			return err
		}
		if s.cols[c].hidden {
			if err := sw.SetColVisible(c+1, e, false); err != nil {
				return err
			}
		}
		c = e
	}
	hr := s.headRow()
	top := cell(s.freezeX+1, hr+1)
	pane := "bottomLeft"
	if s.freezeX > 0 {
		pane = "bottomRight"
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: s.freezeX, YSplit: hr, TopLeftCell: top, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: pane}},
	}); err != nil {
		return err
	}

	vals := make([]any, len(s.cols))
	// cells point into one reused array: boxing a Cell per cell would
	// allocate for each of the 责任矩阵's many cells
	arr := make([]excelize.Cell, len(s.cols))
	cells := make([]any, len(s.cols))
	texts := make([]string, len(s.cols))
	for r, top := range s.top {
		clear(texts)
		row := slices.Clone(top)
		for c, v := range row {
			if x, ok := v.(excelize.Cell); ok {
				if y, ok := x.Value.(string); ok {
					x.Value = clean(y)
					row[c], texts[c] = x, x.Value.(string)
				}
			} else if y, ok := v.(string); ok {
				row[c], texts[c] = clean(y), clean(y)
			}
		}
		height := b.height(texts, widths, s.cols)
		if len(row) == 1 { // a line of its own (a 报送期 line): it runs on over the empty cells beside it
			height = b.line + 4
		}
		if err := sw.SetRow(cell(1, r+1), row, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
	}
	for c, col := range s.cols {
		texts[c] = clean(col.head)
		arr[c] = excelize.Cell{StyleID: b.style.head, Value: texts[c]}
		cells[c] = &arr[c]
	}
	if err := sw.SetRow(cell(1, hr), cells, excelize.RowOpts{Height: b.height(texts, widths, s.cols)}); err != nil {
		return err
	}
	for i := 0; i < s.rows; i++ {
		clear(vals)
		s.row(i, vals)
		for c, v := range vals {
			style := s.cols[c].style
			if x, ok := v.(excelize.Cell); ok {
				style, v = x.StyleID, x.Value
			}
			texts[c] = ""
			if x, ok := v.(string); ok {
				// numbers need no text: they never wrap in our widths
				if y := clean(x); y != x {
					v = y
				}
				texts[c] = v.(string)
			}
			arr[c] = excelize.Cell{StyleID: style, Value: v}
		}
		if err := sw.SetRow(cell(1, hr+1+i), cells, excelize.RowOpts{Height: b.height(texts, widths, s.cols)}); err != nil {
			return err
		}
	}
	if s.note != "" {
		note := clean(s.note)
		if err := sw.SetRow(cell(1, hr+s.rows+2), []any{note}); err != nil {
			return err
		}
	}
	for _, m := range s.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	if err := b.autoFilter(s); err != nil {
		return err
	}
	return sw.Flush()
}

// take makes sheet s with the previous copy's part for it: the sheet and
// what of it lives outside its part (its defined names: print titles,
// print area, autofilter) are made as stream makes them, but no row is
// written, and the zip writes the part taken in place of what excelize
// writes for it.
func (b *book) take(s *sheet, name string, part rawPart) error {
	if err := b.newSheet(s); err != nil {
		return err
	}
	if err := b.page(s); err != nil {
		return err
	}
	if err := b.autoFilter(s); err != nil {
		return err
	}
	b.taken[name] = part
	return nil
}

// wideSheet is the number of columns of one width from which that width
// becomes the sheet's default.
const wideSheet = 32

// defaultWidth is the width shared by at least wideSheet visible columns,
// or 0.
func defaultWidth(cols []column, widths []float64) float64 {
	if len(cols) < wideSheet {
		return 0
	}
	count := make(map[float64]int)
	for c, w := range widths {
		if !cols[c].hidden {
			count[w]++
		}
	}
	best := 0.0
	for c, w := range widths { // column order, not map order, breaks ties
		if !cols[c].hidden && count[w] >= wideSheet && count[w] > count[best] {
			best = w
		}
	}
	return best
}

// page sets what the worksheet part carries besides its cells.
func (b *book) page(s *sheet) error {
	f := b.f
	size, orient, one, auto := paperA4, "landscape", 1, 0
	layout := &excelize.PageLayoutOptions{Size: &size, Orientation: &orient}
	if s.scale > 0 {
		scale := uint(s.scale)
		layout.AdjustTo = &scale
	} else if !s.noFit {
		fit := true
		if err := f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return err
		}
		layout.FitToWidth, layout.FitToHeight = &one, &auto
	}
	if err := f.SetPageLayout(s.name, layout); err != nil {
		return err
	}
	lr, tb, hf := 0.3, 0.7, 0.3
	if err := f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{
		Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: b.headerText(s.name),
		OddFooter: b.w.PageFooter,
	}); err != nil {
		return err
	}
	hr := strconv.Itoa(s.headRow())
	titles := "$1:$" + hr
	if s.titleCol {
		titles = "$A:$A," + quoteSheet(s.name) + "!$1:$" + hr
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(s.name) + "!" + titles, Scope: s.name,
	}); err != nil {
		return err
	}
	if s.printCols > 0 {
		last := s.headRow() + max(s.rows, 1)
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Area", Scope: s.name,
			RefersTo: quoteSheet(s.name) + "!$A$1:" + absCell(s.printCols, last),
		}); err != nil {
			return err
		}
	}
	if s.protect {
		if err := f.ProtectSheet(s.name, &excelize.SheetProtectionOptions{
			AutoFilter:          true,
			FormatColumns:       true,
			FormatRows:          true,
			SelectLockedCells:   true,
			SelectUnlockedCells: true,
		}); err != nil {
			return err
		}
	}
	for _, dv := range s.checks {
		if err := f.AddDataValidation(s.name, dv); err != nil {
			return err
		}
	}
	return nil
}

// headerText fills the page header template, escaping & in the values
// and cutting them short enough for Excel's 255-character limit.
func (b *book) headerText(sheetName string) string {
	tmpl := b.w.Master.PageHeader
	if b.party != "" {
		tmpl = b.w.Dept.PageHeader
	}
	var out string
	for _, n := range []int{maxHFValue, maxHFValue / 4, 0} {
		esc := func(s string) string { return strings.ReplaceAll(truncate(clean(s), n), "&", "&&") }
		out = fill(tmpl, "{title}", esc(b.title), "{dept}", esc(b.party),
			"{sheet}", esc(sheetName), "{date}", esc(b.opt.DateText()))
		if len(utf16.Encode([]rune(out))) <= excelize.MaxFieldLength {
			break
		}
	}
	return out
}

// measure returns the width of every column: its longest line plus
// padding, kept within the column's bounds.
func (b *book) measure(s *sheet) []float64 {
	widths := make([]float64, len(s.cols))
	grow := false
	for c, col := range s.cols {
		widths[c] = col.min
		if col.max > col.min && !col.hidden {
			widths[c] = math.Max(col.min, math.Min(col.max, textWidth(col.head)+cellPadding))
			grow = true
		}
	}
	if !grow {
		return widths
	}
	vals := make([]any, len(s.cols))
	for i := 0; i < s.rows; i++ {
		clear(vals)
		s.row(i, vals)
		for c, v := range vals {
			col := s.cols[c]
			if col.max <= col.min || col.hidden || widths[c] >= col.max {
				continue
			}
			if x, ok := v.(excelize.Cell); ok {
				v = x.Value
			}
			var w float64
			switch x := v.(type) {
			case string:
				w = textWidth(x)
			case int:
				w = float64(len(strconv.Itoa(x)))
			case float64:
				w = float64(len(strconv.FormatFloat(x, 'f', -1, 64)))
			}
			widths[c] = math.Max(widths[c], math.Min(col.max, w+cellPadding))
		}
	}
	return widths
}

// height is the row height that shows every line of the row's texts in
// the given column widths: excelize cannot auto-fit, and LibreOffice and
// WPS show a single clipped line when a wrapped row has no height.
func (b *book) height(texts []string, widths []float64, cols []column) float64 {
	lines := 1
	for c, t := range texts {
		if t == "" || cols[c].hidden {
			continue
		}
		if n := wrappedLines(t, widths[c]-wrapSlack); n > lines {
			lines = n
		}
	}
	return math.Min(maxRowHeight, float64(lines)*b.line+4)
}

// runeWidth is how many width units a rune takes: 2 for CJK and other
// wide or ambiguous (in a CJK font, full-width) characters, 1 otherwise.
func runeWidth(r rune) float64 {
	switch {
	case r < 0x80:
		return 1
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF60:
		return 2 // CJK ideographs and punctuation, full-width forms
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		return 2
	}
	return 1
}

// textWidth is the width of the longest line of s.
func textWidth(s string) float64 {
	var best, cur float64
	for _, r := range s {
		if r == '\n' {
			best, cur = math.Max(best, cur), 0
			continue
		}
		cur += runeWidth(r)
	}
	return math.Max(best, cur)
}

// wrappedLines counts the lines s takes in a column avail units wide.
func wrappedLines(s string, avail float64) int {
	if avail < 2 {
		avail = 2
	}
	lines := 0
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		lines += int(math.Max(1, math.Ceil(textWidth(line)/avail)))
	}
	if lines == 0 {
		lines = 1
	}
	return lines
}

// clean drops what XML 1.0 cannot carry (control characters other than
// tab and newline, U+FFFE, U+FFFF, invalid UTF-8) and carriage returns,
// so that Excel opens the file.
func clean(s string) string {
	bad := -1
	for i, r := range s {
		if !legal(r) || r == utf8.RuneError && !validAt(s, i) {
			bad = i
			break
		}
	}
	if bad < 0 {
		return s
	}
	var out strings.Builder
	out.Grow(len(s))
	out.WriteString(s[:bad])
	for i := bad; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if legal(r) && !(r == utf8.RuneError && n == 1) {
			out.WriteString(s[i : i+n])
		}
		i += n
	}
	return out.String()
}

// validAt reports whether the U+FFFD at s[i] is written out, not the
// decoding of an invalid byte.
func validAt(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n == 3
}

func legal(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	case r >= 0x7F && r <= 0x9F: // C1 controls: legal XML, but garbage in a cell
		return false
	}
	return true
}

// truncate keeps the first n runes of s.
func truncate(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// cell is the A1 reference of a column and row, both 1-based.
func cell(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return "A1"
	}
	return name
}

// absCell is the $A$1 reference of a column and row, both 1-based.
func absCell(col, row int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		name = "A"
	}
	return "$" + name + "$" + strconv.Itoa(row)
}

// quoteSheet quotes a sheet name for a formula reference.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// statusCheck is the 完成状态 dropdown over rows first..first+rows-1 of col.
func (b *book) statusCheck(col, first, rows int) (*excelize.DataValidation, error) {
	st := b.w.Dept.Status
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell(col, first) + ":" + cell(col, first+rows-1)
	if err := dv.SetDropList(st.Options); err != nil {
		return nil, fmt.Errorf("dept.status.options: %w", err)
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, st.ErrorTitle, st.Error)
	dv.SetInput(st.PromptTitle, st.Prompt)
	return dv, nil
}

// errNilDocument is returned for a nil model.
var errNilDocument = errors.New("nil document")
