package extract

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// readHTML returns the text blocks of an HTML page as lines, empty blocks
// dropped. The charset comes from the byte order mark or the <meta>
// declaration, but bytes that are valid UTF-8 are read as UTF-8 whatever the
// page declares, and a page declaring nothing useful that is not UTF-8 is
// read as GB18030, like plain text.
func readHTML(name string, data []byte) (enc string, lines []string, err error) {
	fallback := legacyGB18030()
	_, label, _ := charset.DetermineEncoding(data, "")
	gb := label == "gbk" || label == "gb18030"
	if e, canonical := charset.Lookup(label); e != nil && !gb && label != "utf-8" && label != "windows-1252" {
		// windows-1252 is also what DetermineEncoding answers when it finds
		// nothing, and no Chinese page is in it: keep GB18030 then.
		fallback = legacy{canonical, e}
	}
	enc, text, err := decode(name, data, fallback, false)
	if err != nil {
		return "", nil, err
	}
	if enc == "utf-8" && gb && isASCII(text) {
		enc = "gb18030" // ASCII is both; say what the page declares
	}
	return enc, htmlLines(text), nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// htmlSkip reports whether the element's content is not text a reader
// sees.
func htmlSkip(tag string) bool {
	switch tag {
	case "script", "style", "noscript", "template", "title", "svg", "math", "iframe", "object":
		return true
	}
	return false
}

// htmlBlock reports whether the element starts and ends a line.
func htmlBlock(tag string) bool {
	switch tag {
	case "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
		"section", "article", "table", "blockquote", "pre", "dd", "dt", "dl",
		"ul", "ol", "header", "footer", "nav", "main", "aside", "figure",
		"figcaption", "hr", "address", "center", "caption", "thead", "tbody",
		"tfoot", "form", "fieldset", "legend", "details", "summary", "body",
		"html", "head":
		return true
	}
	return false
}

// htmlLines tokenizes a UTF-8 page into normalised, non-empty lines. A
// table's rows become encoded row lines (grid.go), rowspan and colspan
// resolved; a table inside a cell gives its text to that cell.
func htmlLines(text []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(text))
	main := &htmlWriter{}
	w := main
	var tables []*htmlTable
	skip, depth, pre := "", 0, 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken: // io.EOF: a bytes.Reader fails no other way
			for len(tables) > 0 {
				w = closeHTMLTable(&tables, main)
			}
			w.newline()
			return main.lines
		case html.TextToken:
			if skip == "" {
				w.text(z.Text(), pre > 0)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tn, hasAttr := z.TagName()
			tag := string(tn)
			if skip != "" {
				if tag == skip && tt == html.StartTagToken {
					depth++
				}
				continue
			}
			switch {
			case htmlSkip(tag):
				skip, depth = tag, 1
			case tag == "table" && tt == html.StartTagToken:
				w.newline()
				tables = append(tables, &htmlTable{grid: newTableGrid(), outer: w})
			case tag == "tr" && len(tables) > 0:
				tb := tables[len(tables)-1]
				w = tb.endCell(w)
				tb.endRow(main, tables)
				tb.inRow = true
			case (tag == "td" || tag == "th") && len(tables) > 0:
				tb := tables[len(tables)-1]
				w = tb.endCell(w)
				c := gridCell{colspan: 1, rowspan: 1}
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					n, err := strconv.Atoi(strings.TrimSpace(string(v)))
					if err != nil || n < 1 || n > 1000 {
						continue
					}
					switch string(k) {
					case "colspan":
						c.colspan = min(n, 64)
					case "rowspan":
						c.rowspan = n
					}
				}
				tb.cell, tb.inRow = &c, true
				w = &htmlWriter{}
				tb.cellW = w
			case htmlBlock(tag):
				w.newline()
				if tag == "pre" && tt == html.StartTagToken {
					pre++
				}
			}
		case html.EndTagToken:
			tn, _ := z.TagName()
			tag := string(tn)
			if skip != "" {
				if tag == skip {
					if depth--; depth == 0 {
						skip = ""
					}
				}
				continue
			}
			switch {
			case tag == "table" && len(tables) > 0:
				w = closeHTMLTable(&tables, main)
			case (tag == "td" || tag == "th") && len(tables) > 0:
				w = tables[len(tables)-1].endCell(w)
			case tag == "tr" && len(tables) > 0:
				tb := tables[len(tables)-1]
				w = tb.endCell(w)
				tb.endRow(main, tables)
			case htmlBlock(tag):
				w.newline()
				if tag == "pre" && pre > 0 {
					pre--
				}
			}
		}
	}
}

// htmlTable is a table being read.
type htmlTable struct {
	grid  *tableGrid
	row   []gridCell
	cell  *gridCell
	cellW *htmlWriter // the open cell's text
	outer *htmlWriter // where text outside the cells goes
	inRow bool
}

// endCell closes the open cell and returns the writer for text after it.
func (tb *htmlTable) endCell(w *htmlWriter) *htmlWriter {
	if tb.cell == nil {
		return w
	}
	tb.cellW.newline()
	tb.cell.text = strings.Join(tb.cellW.lines, " ")
	tb.row = append(tb.row, *tb.cell)
	tb.cell, tb.cellW = nil, nil
	return tb.outer
}

// endRow writes the row: to the page's lines, or into the cell of an
// outer table that holds this one.
func (tb *htmlTable) endRow(main *htmlWriter, tables []*htmlTable) {
	if !tb.inRow || len(tb.row) == 0 {
		tb.inRow = false
		return
	}
	cells, line := tb.grid.row(tb.row)
	tb.row, tb.inRow = tb.row[:0], false
	if tb.outer != main {
		if cells != nil {
			line = strings.Join(cells, " ")
		}
		tb.outer.cur = append(tb.outer.cur, []rune(" "+line)...)
		return
	}
	if cells != nil {
		line = encodeRow(cells)
	}
	main.newline()
	main.lines = append(main.lines, line)
}

// closeHTMLTable ends the innermost table and returns the writer of what
// holds it.
func closeHTMLTable(tables *[]*htmlTable, main *htmlWriter) *htmlWriter {
	ts := *tables
	tb := ts[len(ts)-1]
	tb.endCell(tb.outer)
	tb.endRow(main, ts)
	*tables = ts[:len(ts)-1]
	return tb.outer
}

// What white space is pending between two pieces of text.
const (
	wsNone   = iota
	wsSpace  // a run of spaces and tabs
	wsBreak  // a run with a line break: dropped between two Chinese characters
	wsForced // between table cells
)

// htmlWriter collapses HTML white space into lines.
type htmlWriter struct {
	lines   []string
	cur     []rune
	pending int
}

func (w *htmlWriter) text(t []byte, pre bool) {
	for _, r := range string(t) {
		if pre {
			if r == '\n' {
				w.newline()
			} else {
				w.cur = append(w.cur, r)
			}
			continue
		}
		switch r {
		case ' ', '\t', '\f', '\r':
			w.pending = max(w.pending, wsSpace)
			continue
		case '\n':
			w.pending = max(w.pending, wsBreak)
			continue
		}
		if w.pending != wsNone && len(w.cur) > 0 {
			// CSS drops a line break between two Chinese characters
			if w.pending != wsBreak || !isCJK(w.cur[len(w.cur)-1]) || !isCJK(r) {
				w.cur = append(w.cur, ' ')
			}
		}
		w.pending = wsNone
		w.cur = append(w.cur, r)
	}
}

func (w *htmlWriter) newline() {
	if l := normalizeLine(string(w.cur)); l != "" {
		w.lines = append(w.lines, l)
	}
	w.cur, w.pending = w.cur[:0], wsNone
}
