package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"fengong/export"
	"fengong/templates"
)

// The errors of ReadReturns. Each comes wrapped with what was found.
var (
	// ErrNoTaskSheet: no sheet has a header row with the task ID column.
	ErrNoTaskSheet = errors.New("no task sheet in workbook")
	// ErrTooLarge: the file, a part of it or all of it unzipped is over
	// the Limits, or a part is compressed beyond the ratio a workbook
	// reaches (a zip bomb). Checked before anything is unzipped.
	ErrTooLarge = errors.New("workbook over the size limits")
	// ErrProtected: an OLE container (D0 CF 11 E0), which is what Excel
	// and WPS write for a password-protected workbook (and an old .xls).
	ErrProtected = errors.New("workbook is password-protected or not an .xlsx")
	// ErrCorrupt: not a readable .xlsx.
	ErrCorrupt = errors.New("workbook is corrupt")
	// ErrColumns: a task sheet lacks one of the input columns, or holds a
	// heading twice. It comes as a *ColumnsError.
	ErrColumns = errors.New("task sheet columns changed")
)

// ColumnsError is ErrColumns with the sheet and the headings: those
// missing, else those found twice.
type ColumnsError struct {
	Sheet          string
	Missing, Twice []string
}

func (e *ColumnsError) Error() string {
	if len(e.Missing) > 0 {
		return fmt.Sprintf("sheet %s: %v: no column %s", e.Sheet, ErrColumns, strings.Join(e.Missing, ", "))
	}
	return fmt.Sprintf("sheet %s: %v: column %s appears twice", e.Sheet, ErrColumns, strings.Join(e.Twice, ", "))
}

func (e *ColumnsError) Unwrap() error { return ErrColumns }

// Limits bound what ReadReturns accepts, checked on the zip's central
// directory before a byte is inflated. Inflating is bounded by them too:
// archive/zip refuses a part that inflates past its declared size.
type Limits struct {
	File     int64 // bytes of the file
	Unzipped int64 // bytes of all parts unzipped
	Part     int64 // bytes of one part unzipped
	// Ratio is the most a part over RatioFloor bytes may inflate by;
	// worksheet XML reaches 10 to 30.
	Ratio      int64
	RatioFloor int64
	Parts      int // entries in the zip
}

// DefaultLimits fit a dept workbook of a thousand tasks many times over: a
// returned workbook is tens of kilobytes, a few hundred unzipped.
var DefaultLimits = Limits{
	File:       8 << 20,
	Unzipped:   24 << 20,
	Part:       16 << 20,
	Ratio:      100,
	RatioFloor: 1 << 20,
	Parts:      500,
}

// headScan is how many rows ReadReturns looks through for a header row.
const headScan = 10

// Returned is what a returned dept workbook holds: who it says it is, and
// its task rows.
type Returned struct {
	Identity Identity
	Rows     []Return
}

// Return is one task row read back from a workbook a dept filled in and
// returned. Values are the cells' raw values, trimmed: a number format is
// not applied, but for a date (a number under a date format reads as the
// date, 2022年6月30日, never as the serial 44742), and a formula is never
// evaluated.
type Return struct {
	TaskID, Status, Progress, Problems, NextSteps, Note string
	// Owner (责任人), Contact (联系人) and Deadline (完成时限: the
	// document's, or what the dept wrote where the document set none)
	Owner, Contact, Deadline string
	// Sheet and Row (1-based) locate the row in the returned workbook.
	Sheet string
	Row   int
	// Formulas are the cells of the row that hold a formula, as
	// "G5 进展情况". Their values are left blank whatever value the file
	// cached for them: a formula is never taken as the dept's words. A
	// formula in the task ID cell leaves TaskID blank.
	Formulas []string
}

// ReadReturns reads a returned dept workbook: its Identity and the input
// columns of every task row, keyed by the hidden task ID column. Sheets
// and columns are found by their headings (the wording of opt's
// templates that wrote them), not by name or position, so a renamed
// sheet, an inserted column, re-sorted or added rows still read right; a
// sheet is a task sheet when one of its first headScan rows holds the
// task ID heading. Rows are returned in sheet then row order; rows with
// neither an ID nor a formula in the ID cell are skipped.
//
// The file is checked against DefaultLimits before it is unzipped; an OLE
// container is ErrProtected; a workbook with no task sheet is
// ErrNoTaskSheet.
func ReadReturns(data []byte, opt export.Options) (*Returned, error) {
	return ReadReturnsLimited(data, opt, DefaultLimits)
}

// ReadReturnsLimited is ReadReturns with other limits.
func ReadReturnsLimited(data []byte, opt export.Options, lim Limits) (*Returned, error) {
	w, err := loadWording(opt)
	if err != nil {
		return nil, err
	}
	zr, err := checkZip(data, lim)
	if err != nil {
		return nil, err
	}
	formulas, err := formulaCells(zr, lim)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: lim.Unzipped, UnzipXMLSizeLimit: lim.Part})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	defer f.Close()
	id, err := readIdentity(f)
	if err != nil {
		return nil, fmt.Errorf("%w: custom properties: %v", ErrCorrupt, err)
	}
	out := &Returned{Identity: id}
	found := false
	dates := newDates(f)
	for _, name := range f.GetSheetList() {
		list, ok, err := readSheet(f, w, name, formulas[name], dates)
		var ce *ColumnsError
		if errors.As(err, &ce) {
			return nil, err // names its sheet
		}
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %w", name, err)
		}
		found = found || ok
		out.Rows = append(out.Rows, list...)
	}
	if !found {
		return nil, ErrNoTaskSheet
	}
	return out, nil
}

// checkZip refuses, from the central directory alone, what is not a
// workbook of a sane size.
func checkZip(data []byte, lim Limits) (*zip.Reader, error) {
	if int64(len(data)) > lim.File {
		return nil, fmt.Errorf("%w: file is %s, over %s", ErrTooLarge, mb(int64(len(data))), mb(lim.File))
	}
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return nil, ErrProtected
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if len(zr.File) > lim.Parts {
		return nil, fmt.Errorf("%w: %d parts, over %d", ErrTooLarge, len(zr.File), lim.Parts)
	}
	var total uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		if size > uint64(lim.Part) {
			return nil, fmt.Errorf("%w: part %s unzips to %s, over %s", ErrTooLarge, zf.Name, mb(int64(min(size, 1<<62))), mb(lim.Part))
		}
		if size > uint64(lim.RatioFloor) && size > zf.CompressedSize64*uint64(lim.Ratio) {
			return nil, fmt.Errorf("%w: part %s unzips %d times its size (a zip bomb)", ErrTooLarge, zf.Name, size/max(zf.CompressedSize64, 1))
		}
		total += size
		if total > uint64(lim.Unzipped) {
			return nil, fmt.Errorf("%w: unzips to more than %s", ErrTooLarge, mb(lim.Unzipped))
		}
	}
	return zr, nil
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// formulaCells finds, by reading the worksheet XML itself, every cell that
// holds a formula element, keyed by sheet name then cell reference. It
// does not trust excelize's reading of formulas: a formula element that
// is empty, shared or malformed still marks its cell.
func formulaCells(zr *zip.Reader, lim Limits) (map[string]map[string]bool, error) {
	parts := map[string]*zip.File{}
	for _, zf := range zr.File {
		parts[zf.Name] = zf
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(parts["xl/workbook.xml"], lim, &book); err != nil {
		return nil, fmt.Errorf("%w: xl/workbook.xml: %v", ErrCorrupt, err)
	}
	if err := decodePart(parts["xl/_rels/workbook.xml.rels"], lim, &rels); err != nil {
		return nil, fmt.Errorf("%w: xl/_rels/workbook.xml.rels: %v", ErrCorrupt, err)
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	out := map[string]map[string]bool{}
	for _, s := range book.Sheets {
		zf := parts[target[s.RID]]
		if zf == nil {
			continue // a chart sheet or a dangling reference: excelize says
		}
		cells, err := scanFormulas(zf, lim)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, zf.Name, err)
		}
		out[s.Name] = cells
	}
	return out, nil
}

func decodePart(zf *zip.File, lim Limits, v any) error {
	if zf == nil {
		return errors.New("missing")
	}
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, lim.Part)).Decode(v)
}

// scanFormulas streams one worksheet part and returns the references of
// the cells with an <f> child.
func scanFormulas(zf *zip.File, lim Limits) (map[string]bool, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, lim.Part))
	cells := map[string]bool{}
	ref := ""
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return cells, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				ref = ""
				for _, a := range t.Attr {
					if a.Name.Local == "r" {
						ref = a.Value
					}
				}
			case "f":
				if ref != "" {
					cells[ref] = true
				} else {
					// a cell without a reference holding a formula:
					// nothing ties it to a row, so refuse the part
					return nil, errors.New("formula in a cell without a reference")
				}
			}
		case xml.EndElement:
			if t.Name.Local == "c" {
				ref = ""
			}
		}
	}
}

// field is one column ReadReturns reads, found by its heading.
type field struct {
	head string
	set  func(*Return, string)
}

func (w *wording) returnFields() []field {
	h := w.Dept.Columns
	return []field{
		{h.ID, func(r *Return, v string) { r.TaskID = v }},
		{h.Owner, func(r *Return, v string) { r.Owner = v }},
		{h.Contact, func(r *Return, v string) { r.Contact = v }},
		{h.Deadline, func(r *Return, v string) { r.Deadline = v }},
		{h.Progress, func(r *Return, v string) { r.Progress = v }},
		{h.Problems, func(r *Return, v string) { r.Problems = v }},
		{h.NextSteps, func(r *Return, v string) { r.NextSteps = v }},
		{h.Status, func(r *Return, v string) { r.Status = v }},
		{h.Note, func(r *Return, v string) { r.Note = v }},
	}
}

// squash is a heading compared: without any white space, so a heading
// wrapped with Alt+Enter or padded still matches.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func readSheet(f *excelize.File, w *wording, name string, formulas map[string]bool, dates *dates) ([]Return, bool, error) {
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, false, err
	}
	fields := w.returnFields()
	idHead := squash(fields[0].head)
	head := -1
	for r := 0; r < min(headScan, len(rows)); r++ {
		for c, v := range rows[r] {
			if squash(v) == idHead && !formulas[cell(c+1, r+1)] {
				head = r
				break
			}
		}
		if head >= 0 {
			break
		}
	}
	if head < 0 {
		return nil, false, nil
	}
	cols := make([]int, len(fields)) // 0-based column of each field
	var missing, twice []string
	for i, fd := range fields {
		cols[i] = -1
		want := squash(fd.head)
		for c, v := range rows[head] {
			if squash(v) != want || formulas[cell(c+1, head+1)] {
				continue
			}
			if cols[i] >= 0 {
				twice = append(twice, fd.head)
				break
			}
			cols[i] = c
		}
		if cols[i] < 0 {
			missing = append(missing, fd.head)
		}
	}
	if len(missing) > 0 || len(twice) > 0 {
		return nil, true, &ColumnsError{Sheet: name, Missing: missing, Twice: twice}
	}
	var out []Return
	for r := head + 1; r < len(rows); r++ {
		ret := Return{Sheet: name, Row: r + 1}
		for i, fd := range fields {
			ref := cell(cols[i]+1, r+1)
			if formulas[ref] {
				ret.Formulas = append(ret.Formulas, ref+" "+fd.head)
				continue
			}
			if c := cols[i]; c < len(rows[r]) {
				v := strings.TrimSpace(rows[r][c])
				if d, ok := dates.of(name, ref, v); ok {
					v = d
				}
				fd.set(&ret, v)
			}
		}
		if ret.TaskID == "" && !formulas[cell(cols[0]+1, r+1)] {
			continue
		}
		out = append(out, ret)
	}
	return out, true, nil
}

// dates reads the date cells of a workbook: a number under a date format,
// which is what Excel and WPS store when a unit types 2022-06-30 or
// 2022/6/30 into 完成时限 (a raw read gives the serial 44742).
type dates struct {
	f        *excelize.File
	date1904 bool
	isDate   map[int]bool // by style index
}

func newDates(f *excelize.File) *dates {
	d := &dates{f: f, isDate: map[int]bool{}}
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		d.date1904 = *p.Date1904
	}
	return d
}

// of is the date of the cell ref holding raw, written as 公文 do
// (templates.Date: 2022年6月30日, which the 完成时限 rules read), when
// the cell is a number under a date format; a plain number, a text cell
// and a time of day are left as they are.
func (d *dates) of(sheet, ref, raw string) (string, bool) {
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || v < 1 || v > 2958465 { // 1900-01-01 to 9999-12-31
		return "", false
	}
	if t, err := d.f.GetCellType(sheet, ref); err != nil || (t != excelize.CellTypeNumber && t != excelize.CellTypeUnset && t != excelize.CellTypeDate) {
		return "", false
	}
	id, err := d.f.GetCellStyle(sheet, ref)
	if err != nil {
		return "", false
	}
	is, seen := d.isDate[id]
	if !seen {
		if st, err := d.f.GetStyle(id); err == nil {
			is = dateFormat(st.NumFmt, st.CustomNumFmt)
		}
		d.isDate[id] = is
	}
	if !is {
		return "", false
	}
	t, err := excelize.ExcelDateToTime(v, d.date1904)
	if err != nil {
		return "", false
	}
	return templates.Date(t), true
}

// builtinDates are the built-in number formats that show a date: 14–17
// and 22 (m/d/yy …), and those of the Chinese locale (yyyy"年"m"月"d"日"
// and the like); 18–21, 45–47 and the Chinese 32–35, 55, 56 are times.
var builtinDates = map[int]bool{14: true, 15: true, 16: true, 17: true, 22: true,
	27: true, 28: true, 29: true, 30: true, 31: true, 36: true,
	50: true, 51: true, 52: true, 53: true, 54: true, 57: true, 58: true}

// dateFormat reports whether a number format shows a date: a built-in
// date, or a custom code with a year or day part (y, d) outside its
// quoted text, escapes and [brackets].
func dateFormat(id int, custom *string) bool {
	if custom == nil {
		return builtinDates[id]
	}
	code := *custom
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the positive section
	}
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal
		case c == 'y' || c == 'Y' || c == 'd' || c == 'D':
			return true
		}
	}
	return false
}
