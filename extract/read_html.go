package extract

import (
	"bytes"

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

// htmlLines tokenizes a UTF-8 page into normalised, non-empty lines.
func htmlLines(text []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(text))
	var w htmlWriter
	skip, depth, pre := "", 0, 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken: // io.EOF: a bytes.Reader fails no other way
			w.newline()
			return w.lines
		case html.TextToken:
			if skip == "" {
				w.text(z.Text(), pre > 0)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tn, _ := z.TagName()
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
			case htmlBlock(tag):
				w.newline()
				if tag == "pre" && tt == html.StartTagToken {
					pre++
				}
			case tag == "td" || tag == "th":
				w.pending = wsForced
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
			if htmlBlock(tag) {
				w.newline()
				if tag == "pre" && pre > 0 {
					pre--
				}
			}
		}
	}
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
