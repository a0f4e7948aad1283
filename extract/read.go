package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// MaxInputSize is the largest input Read accepts, in bytes: the raw file,
// and for a .docx also the uncompressed document part.
const MaxInputSize = 64 << 20

// The input formats, as Text.Format and Source.Format name them.
const (
	FormatText = "text"
	FormatDocx = "docx"
	FormatHTML = "html"
	FormatXLSX = "xlsx"
	FormatCSV  = "csv"
)

// Read decodes and normalises raw input into Text. name is the file name
// used in errors and in Source; its extension is consulted only when the
// content does not tell the format. Every error is an *Error that names
// the file and wraps one of ErrEmpty, ErrBinary, ErrEncoding, ErrNotZip,
// ErrDocx or ErrTooLarge. See the package documentation for the rules.
func Read(name string, data []byte) (*Text, error) {
	if len(data) > MaxInputSize {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: %d bytes, the limit is %d MiB", ErrTooLarge, len(data), MaxInputSize>>20)}
	}
	sum := sha256.Sum256(data)
	t := &Text{Name: name, SHA256: hex.EncodeToString(sum[:])}
	var err error
	switch t.Format = sniffFormat(name, data); t.Format {
	case FormatDocx:
		t.Encoding = "utf-8"
		t.Lines, err = readDocx(name, data, docxLimits{part: MaxInputSize, aux: MaxInputSize / 4, ratio: 200})
	case FormatHTML:
		t.Encoding, t.Lines, err = readHTML(name, data)
	case FormatXLSX:
		t.Encoding = "utf-8"
		t.Lines, err = readXLSX(name, data)
	case FormatCSV:
		t.Encoding, t.Lines, err = readCSV(name, data)
	default:
		t.Encoding, t.Lines, err = readText(name, data)
	}
	if err != nil {
		return nil, err
	}
	if t.Format == FormatText || t.Format == FormatHTML {
		boxTables(t.Lines)
	}
	t.Lines, t.Cells = splitRows(t.Lines)
	for _, l := range t.Lines {
		if l != "" {
			return t, nil
		}
	}
	return nil, &Error{File: name, Err: ErrEmpty}
}

// Magic numbers of the formats Read recognises or refuses.
const (
	magicZip      = "PK\x03\x04"
	magicZipEmpty = "PK\x05\x06"
	magicOLE      = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
	magicPDF      = "%PDF-"
	magicRTF      = "{\\rtf"
	bomUTF8       = "\xEF\xBB\xBF"
	bomUTF16LE    = "\xFF\xFE"
	bomUTF16BE    = "\xFE\xFF"
)

// hasPrefix is bytes.HasPrefix for a string prefix, without a conversion.
func hasPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}

// sniffFormat tells the format by content first, by the name's extension
// second. Inputs that Read refuses outright (a .docx that is no zip, a
// legacy .doc, a PDF) are FormatText here and refused by readText.
func sniffFormat(name string, data []byte) string {
	if hasPrefix(data, magicZip) || hasPrefix(data, magicZipEmpty) {
		if isXLSX(data) {
			return FormatXLSX
		}
		return FormatDocx
	}
	if looksLikeHTML(data) {
		return FormatHTML
	}
	ext := strings.ToLower(name)
	if i := strings.LastIndexByte(ext, '.'); i >= 0 {
		ext = ext[i:]
	} else {
		ext = ""
	}
	switch ext {
	case ".csv":
		if !hasPrefix(data, magicOLE) && !hasPrefix(data, magicPDF) && !hasPrefix(data, magicZip) {
			return FormatCSV
		}
	case ".html", ".htm", ".xhtml":
		if !hasPrefix(data, magicOLE) && !hasPrefix(data, magicPDF) && !hasPrefix(data, magicRTF) {
			return FormatHTML
		}
	}
	return FormatText
}

// looksLikeHTML reports whether data starts, after a byte order mark and
// white space, with <!DOCTYPE html or <html, or starts with markup (such as
// <?xml or a comment) and has an <html tag within its first 1 KiB.
func looksLikeHTML(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case hasPrefix(head, bomUTF8):
		head = head[len(bomUTF8):]
	case hasPrefix(head, bomUTF16LE), hasPrefix(head, bomUTF16BE):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		b, err := dec.Bytes(head[:len(head)&^1])
		if err != nil {
			return false
		}
		head = b
	}
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\f"))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) {
		return true
	}
	return bytes.HasPrefix(head, []byte("<")) && bytes.Contains(head, []byte("<html"))
}

// readText decodes plain text and splits it into normalised lines, blank
// lines kept, so that line N of Text is line N of the file.
func readText(name string, data []byte) (enc string, lines []string, err error) {
	switch {
	case hasPrefix(data, magicOLE):
		if hasExt(name, ".xls") || hasExt(name, ".et") {
			return "", nil, errLegacyXLS(name)
		}
		if hasExt(name, ".docx") {
			return "", nil, inputError(name, 0, 0, ErrNotZip, "an OLE2 file: a password-protected .docx or a legacy .doc; save it as an unprotected .docx")
		}
		return "", nil, inputError(name, 0, 0, ErrBinary, "an OLE2 file: a legacy Word .doc or a protected document; save it as .docx or .txt")
	case hasExt(name, ".docx"):
		return "", nil, &Error{File: name, Err: ErrNotZip}
	case hasPrefix(data, magicPDF):
		return "", nil, inputError(name, 0, 0, ErrBinary, "a PDF file; convert it to .docx or .txt")
	case hasPrefix(data, magicRTF):
		return "", nil, inputError(name, 0, 0, ErrBinary, "an RTF file; save it as .docx or .txt")
	}
	enc, text, err := decode(name, data, legacyGB18030(), true)
	if err != nil {
		return "", nil, err
	}
	lines = splitLines(string(text))
	openingBars(lines)
	barredCells(lines)
	brokenTabRows(lines)
	tabRows := 0
	for _, l := range lines {
		if tabRow(l) {
			tabRows++
		}
	}
	for i, l := range lines {
		if tabRows >= 2 && tabRow(l) {
			// a table copied out of Word or a web page keeps its cells
			// apart by tabs: its rows read as a table's, cell by cell
			cells := strings.Split(strings.TrimRight(l, " \r"), "\t")
			for k, c := range cells {
				cells[k] = normalizeLine(c)
			}
			lines[i] = encodeRow(cells)
			continue
		}
		lines[i] = normalizeLine(l)
	}
	return enc, lines, nil
}

// minOpeningBarRows is how many rows a table written with opening bars
// needs before openingBars reads it so; maxFirstCellLines is how many
// lines a row's first cell is broken over at most (市 / 监 / 察 / 局).
const (
	minOpeningBarRows = 3
	maxFirstCellLines = 8
)

// openingBars rewrites a table written one cell per line with a bar
// opening every cell but a row's first, and each row closed by a bar
// alone, as some sites print a Word table:
//
//	牵头单位 / | 目 标 任 务 / | 责 任 单 位 / |
//	市政 / 府办 / 公厅 / | 强化行政监督… / | 市直各单位 / |
//	推进国家安全工作发展 / | 市直各单位 / |
//
// Each row becomes one pipe row on its first line (牵头单位 | 目 标 任 务 |
// 责 任 单 位 |), the others left blank so that lines keep their numbers.
// A row's first cell is the lines before its first bar, joined without a
// space: a narrow cell breaks a name anywhere (市政 / 府办 / 公厅); a line
// after a barred one, before the next bar, goes on with that cell. A row
// with fewer cells than the header is read as a pipe row is: its cells
// are the header's last (the merged cells on its left are not printed).
// The header row's first cell is the one line right above its first bar.
func openingBars(lines []string) {
	opened := func(l string) bool {
		return strings.HasPrefix(strings.TrimSpace(l), "|") && strings.Trim(l, "| \t") != ""
	}
	closing := func(i int) bool {
		return strings.TrimSpace(lines[i]) == "|" && i > 0 && opened(lines[i-1])
	}
	n := 0
	for i := range lines {
		if closing(i) {
			n++
		}
	}
	if n < minOpeningBarRows {
		return
	}
	start := -1     // the row's first line
	closed := false // a row just closed: the next line opens one
	barred := false // a line of the row opened with a bar
	for i := range lines {
		if start >= 0 && !barred && i-start > maxFirstCellLines {
			start = -1 // text after the table, not a row's first cell
		}
		switch {
		case strings.TrimSpace(lines[i]) == "|":
			if start < 0 {
				continue
			}
			var cells []string
			var cell strings.Builder
			flush := func() {
				if c := strings.TrimSpace(cell.String()); c != "" || len(cells) > 0 {
					cells = append(cells, c)
				}
				cell.Reset()
			}
			for k := start; k < i; k++ {
				l := strings.TrimSpace(lines[k])
				if rest, ok := strings.CutPrefix(l, "|"); ok {
					flush()
					l = rest
				}
				cell.WriteString(strings.TrimSpace(l))
				lines[k] = ""
			}
			flush()
			lines[start], lines[i] = strings.Join(cells, " | ")+" |", ""
			start, closed, barred = -1, true, false
		case opened(lines[i]) && start >= 0:
			barred = true
		case opened(lines[i]) && start < 0:
			closed, barred = false, true
			// the header row, or a row after text: its first cell is the
			// line right above, when it has no bar
			start = i
			if i > 0 && strings.TrimSpace(lines[i-1]) != "" && !strings.Contains(lines[i-1], "|") {
				start = i - 1
			}
		case start < 0 && closed && strings.TrimSpace(lines[i]) != "" && !strings.Contains(lines[i], "|"):
			start, closed, barred = i, false, false // a row's first line, after the row above closed
		case start < 0 && strings.TrimSpace(lines[i]) != "":
			closed = false
		}
	}
}

// barredCells undoes a page's table written one cell per line, each
// cell closed by a bar (序号 | / 工作任务 | / 1 | …), as some sites and
// text tools write a table: when such lines outnumber the lines of two
// bars or more (rows of a pipe table), each loses its bar. A line of bars
// alone stays: it is an empty cell (or a row's end), in its place. The
// table is then read as one cell per line.
func barredCells(lines []string) {
	loneBars(lines)
	cells, rows := 0, 0
	for _, l := range lines {
		switch n := strings.Count(l, "|"); {
		case n == 1 && barredCell(l):
			cells++
		case n >= 2 && strings.Trim(l, "| \t") != "":
			rows++
		}
	}
	if cells < 4 || cells <= rows {
		return
	}
	// a cell broken over lines closes with the bar of its last line (已进
	// 场施工，第一批451个厢房 / 在46个小区，建成38个厢房。 |): its lines join it
	barred := func(l string) bool { return strings.Count(l, "|") >= 1 }
	for i := 1; i < len(lines); i++ {
		if barred(lines[i]) || strings.TrimSpace(lines[i]) == "" || !barred(lines[i-1]) {
			continue
		}
		j := i
		for j < len(lines) && j-i < 4 && !barred(lines[j]) && strings.TrimSpace(lines[j]) != "" {
			j++
		}
		if j == len(lines) || j-i >= 4 || strings.Count(lines[j], "|") != 1 {
			continue
		}
		var b strings.Builder
		for k := i; k < j; k++ {
			b.WriteString(strings.TrimSpace(lines[k]))
			lines[k] = ""
		}
		lines[j] = b.String() + strings.TrimLeft(lines[j], " \t")
		i = j
	}
	for i, l := range lines {
		if strings.Count(l, "|") == 1 && barredCell(l) {
			lines[i] = strings.TrimRight(strings.TrimSuffix(strings.TrimRight(l, " \t\r"), "|"), " \t")
		}
	}
}

// loneBars gives each cell of a table written with its bars on lines of
// their own (序号 / | / 重点工作任务 / | / 责任单位 / | …) its bar: the bar
// closes the cell above it, which is then a barred cell (序号 |), the bar's
// line left blank so that lines keep their numbers. A bar under a bar
// stays: an empty cell. Fewer than four such bars are left as they are.
func loneBars(lines []string) {
	closes := func(i int) bool {
		return i > 0 && strings.TrimSpace(lines[i]) == "|" && strings.TrimSpace(lines[i-1]) != "" && !strings.Contains(lines[i-1], "|")
	}
	n := 0
	for i := range lines {
		if closes(i) {
			n++
		}
	}
	if n < 4 {
		return
	}
	for i := range lines {
		if closes(i) {
			lines[i-1], lines[i] = "", strings.TrimSpace(lines[i-1])+" |"
		}
	}
}

// brokenTabRows joins the lines of a tab-separated row that a cell's line
// break split (2\t改造老旧小区20个， / 完成管网改造。\t县住建局\t各乡镇\t10月,
// as a table copied out of Word writes a cell of two paragraphs): lines
// whose tabs add up to the width of the table's rows, the most common
// count of three cells or more, make one row, on the first line (the
// others left blank, so lines keep their numbers). Up to four lines.
func brokenTabRows(lines []string) {
	widths := map[int]int{}
	for _, l := range lines {
		if n := strings.Count(l, "\t"); n >= 2 {
			widths[n]++
		}
	}
	width, rows := 0, 0
	for n, c := range widths {
		if c > rows || c == rows && n > width {
			width, rows = n, c
		}
	}
	if rows < 2 {
		return
	}
	for i := 0; i < len(lines); i++ {
		n := strings.Count(lines[i], "\t")
		if n == 0 || n >= width {
			continue
		}
		sum, j := n, i+1
		for ; j < len(lines) && j-i < 4 && sum < width; j++ {
			if strings.TrimSpace(lines[j]) == "" {
				break
			}
			sum += strings.Count(lines[j], "\t")
		}
		if sum != width {
			continue
		}
		var b strings.Builder
		for k := i; k < j; k++ {
			b.WriteString(strings.TrimRight(lines[k], " \r"))
			if k > i {
				lines[k] = ""
			}
		}
		lines[i] = b.String()
		i = j - 1
	}
}

// barredCell reports whether l is text closed by its one bar.
func barredCell(l string) bool {
	t := strings.TrimRight(l, " \t\r")
	return strings.HasSuffix(t, "|") && strings.TrimSpace(strings.TrimSuffix(t, "|")) != ""
}

// tabRow reports whether a line holds three cells or more apart by tabs
// (empty ones included: a sub-row under a merged cell).
func tabRow(l string) bool {
	return strings.Count(strings.TrimRight(l, " \r"), "\t") >= 2
}

// inputError builds an *Error that wraps sentinel with more detail.
func inputError(name string, line, col int, sentinel error, format string, args ...any) error {
	return &Error{File: name, Line: line, Column: col, Err: fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)}
}

// legacy is the encoding tried when the input is not UTF-8 or UTF-16.
type legacy struct {
	name string
	enc  encoding.Encoding
}

func legacyGB18030() legacy { return legacy{"gb18030", simplifiedchinese.GB18030} }

// decode turns raw bytes into UTF-8: UTF-16 by its byte order mark, UTF-8
// (with or without a mark) when valid, else the legacy encoding. Invalid
// UTF-8 in a file that is mostly UTF-8 is an error rather than a reason to
// try the legacy encoding; so is any U+FFFD that decoding produces. With
// binary set, NUL bytes and control characters are refused first.
func decode(name string, data []byte, fallback legacy, binary bool) (enc string, text []byte, err error) {
	if hasPrefix(data, bomUTF16LE) || hasPrefix(data, bomUTF16BE) {
		enc = "utf-16le"
		order := unicode.LittleEndian
		if data[0] == 0xFE {
			enc, order = "utf-16be", unicode.BigEndian
		}
		b, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", nil, inputError(name, 0, 0, ErrEncoding, "%s: %v", enc, err)
		}
		if i := bytes.IndexRune(b, utf8.RuneError); i >= 0 {
			line, col := lineCol(b, i, true)
			return "", nil, inputError(name, line, col, ErrEncoding, "invalid %s (odd length or unpaired surrogate)", enc)
		}
		if binary {
			if err := checkBinary(name, b, true); err != nil {
				return "", nil, err
			}
		}
		return enc, b, nil
	}
	body, isBOM := bytes.CutPrefix(data, []byte(bomUTF8))
	valid := utf8.Valid(body)
	if binary {
		if err := checkBinary(name, body, valid); err != nil {
			return "", nil, err
		}
	}
	switch {
	case valid && isBOM:
		return "utf-8-bom", body, nil
	case valid:
		return "utf-8", body, nil
	case isBOM || mostlyUTF8(body):
		i := firstInvalidUTF8(body)
		line, col := lineCol(body, i, true)
		return "", nil, inputError(name, line, col, ErrEncoding, "invalid UTF-8 byte 0x%02X in a file that is otherwise UTF-8", body[i])
	}
	b, err := fallback.enc.NewDecoder().Bytes(body)
	if err != nil {
		return "", nil, inputError(name, 0, 0, ErrEncoding, "%s: %v", fallback.name, err)
	}
	if i := bytes.IndexRune(b, utf8.RuneError); i >= 0 {
		line, col := lineCol(b, i, true)
		return "", nil, inputError(name, line, col, ErrEncoding, "byte sequence that is neither UTF-8 nor %s", strings.ToUpper(fallback.name))
	}
	return fallback.name, b, nil
}

func hasExt(name, ext string) bool {
	return len(name) >= len(ext) && strings.EqualFold(name[len(name)-len(ext):], ext)
}

// checkBinary refuses data that holds a NUL byte, or in which more than 1%
// of the bytes (and at least two) are C0 control characters other than
// \t \n \v \f \r. The error names the line of the first offending byte.
func checkBinary(name string, data []byte, utf8Breaks bool) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, _ := lineCol(data, i, utf8Breaks)
		if order, ok := utf16WithoutBOM(data); ok {
			return &Error{File: name, Line: line, Err: fmt.Errorf("%w: NUL byte; looks like UTF-16 (%s) without a byte order mark; save it as UTF-8", ErrBinary, order)}
		}
		return &Error{File: name, Line: line, Err: fmt.Errorf("%w: NUL byte", ErrBinary)}
	}
	first, n := -1, 0
	for i, c := range data {
		if c < 0x20 && (c < '\t' || c > '\r') {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if n >= 2 && n*100 > len(data) {
		line, _ := lineCol(data, first, utf8Breaks)
		return &Error{File: name, Line: line, Err: fmt.Errorf("%w: %d control characters, the first is 0x%02X", ErrBinary, n, data[first])}
	}
	return nil
}

// utf16WithoutBOM reports whether data looks like UTF-16 saved without a
// byte order mark, and in which byte order: its NUL bytes (the high bytes
// of ASCII characters) sit nearly all at odd offsets (little-endian) or
// at even ones (big-endian), and read that way the data decodes to text
// with no NUL, no invalid sequence and few control characters. Binary
// files have NULs at both and runs of them, which decode to U+0000.
func utf16WithoutBOM(data []byte) (string, bool) {
	even, odd := 0, 0
	for i, c := range data {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	name, order := "little-endian", unicode.LittleEndian
	switch {
	case odd >= 2 && even*4 <= odd:
	case even >= 2 && odd*4 <= even:
		name, order = "big-endian", unicode.BigEndian
	default:
		return "", false
	}
	b, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data[:len(data)&^1])
	if err != nil || bytes.IndexByte(b, 0) >= 0 || bytes.ContainsRune(b, utf8.RuneError) {
		return "", false
	}
	n := 0
	for _, c := range b {
		if c < 0x20 && (c < '\t' || c > '\r') {
			n++
		}
	}
	return name, n*100 <= len(b)
}

// mostlyUTF8 reports whether invalid UTF-8 is a few bad bytes in a UTF-8
// file rather than another encoding: at least 8 multi-byte sequences decode
// and they outnumber the invalid bytes 16 to 1. GB18030 text almost never
// forms several valid UTF-8 sequences by chance.
func mostlyUTF8(b []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return good >= 8 && good >= 16*bad
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}
