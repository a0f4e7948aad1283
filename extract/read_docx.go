package extract

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
)

// docxLimits bound what reading a .docx may decompress.
type docxLimits struct {
	part  int64  // uncompressed bytes of the document part
	aux   int64  // uncompressed bytes of numbering, styles and relationships
	ratio uint64 // highest compression ratio for an entry over 1 MiB
}

// The WordprocessingML namespaces: transitional, strict, and markup
// compatibility.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// readDocx returns the paragraphs of a .docx as lines, empty paragraphs
// kept, automatic numbering written out as text.
func readDocx(name string, data []byte, lim docxLimits) ([]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, docxError(name, 0, "%v", err)
	}
	find := func(p string) *zip.File {
		for _, f := range zr.File {
			if f.Name == p {
				return f
			}
		}
		return nil
	}
	mainPart := "word/document.xml"
	doc := find(mainPart)
	if doc == nil {
		if p := officeDocumentTarget(name, find("_rels/.rels"), lim); p != "" {
			mainPart, doc = p, find(p)
		}
	}
	if doc == nil {
		return nil, docxError(name, 0, "no %s (not a Word document?)", mainPart)
	}
	dir := path.Dir(mainPart)
	nb := &numbering{}
	if f := find(dir + "/styles.xml"); f != nil {
		var st xStyles
		if err := decodePart(name, f, lim.aux, lim.ratio, &st); err != nil {
			return nil, err
		}
		nb.setStyles(st)
	}
	if f := find(dir + "/numbering.xml"); f != nil {
		var xn xNumbering
		if err := decodePart(name, f, lim.aux, lim.ratio, &xn); err != nil {
			return nil, err
		}
		nb.setNumbering(xn)
	}
	r, closer, err := openPart(name, doc, lim.part, lim.ratio)
	if err != nil {
		return nil, err
	}
	defer closer.Close()
	w := docxWalker{num: nb}
	werr := w.walk(xml.NewDecoder(r))
	if r.over() {
		return nil, partTooLarge(name, doc.Name, r.limit)
	}
	if werr != nil {
		return nil, docxError(name, len(w.lines)+1, "%s: %v", doc.Name, werr)
	}
	return w.lines, nil
}

func docxError(name string, line int, format string, args ...any) error {
	return &Error{File: name, Line: line, Err: fmt.Errorf("%w: "+format, append([]any{ErrDocx}, args...)...)}
}

func partTooLarge(name, part string, limit int64) error {
	return &Error{File: name, Err: fmt.Errorf("%w: %s expands beyond %d MiB (zip bomb?)", ErrTooLarge, part, limit>>20)}
}

// cappedReader reads at most limit+1 bytes and remembers whether it went
// past limit.
type cappedReader struct {
	r     io.Reader
	n     int64
	limit int64
}

func (c *cappedReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *cappedReader) over() bool { return c.n > c.limit }

// openPart opens a zip entry for reading, refusing entries whose declared
// size exceeds limit or whose compression ratio betrays a zip bomb, and
// reading no more than limit+1 bytes whatever the header says.
func openPart(name string, f *zip.File, limit int64, ratio uint64) (*cappedReader, io.Closer, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, nil, partTooLarge(name, f.Name, limit)
	}
	if f.UncompressedSize64 > 1<<20 && f.UncompressedSize64 > ratio*f.CompressedSize64 {
		return nil, nil, &Error{File: name, Err: fmt.Errorf("%w: %s is compressed more than %d:1 (zip bomb?)", ErrTooLarge, f.Name, ratio)}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, docxError(name, 0, "%s: %v", f.Name, err)
	}
	return &cappedReader{r: io.LimitReader(rc, limit+1), limit: limit}, rc, nil
}

// decodePart unmarshals a small XML part such as numbering.xml.
func decodePart(name string, f *zip.File, limit int64, ratio uint64, v any) error {
	r, closer, err := openPart(name, f, limit, ratio)
	if err != nil {
		return err
	}
	defer closer.Close()
	err = xml.NewDecoder(r).Decode(v)
	if r.over() {
		return partTooLarge(name, f.Name, limit)
	}
	if err != nil {
		return docxError(name, 0, "%s: %v", f.Name, err)
	}
	return nil
}

// officeDocumentTarget finds the main document part named by the package
// relationships, for the rare .docx whose part is not word/document.xml.
func officeDocumentTarget(name string, rels *zip.File, lim docxLimits) string {
	if rels == nil {
		return ""
	}
	var x struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if decodePart(name, rels, lim.aux, lim.ratio, &x) != nil {
		return ""
	}
	for _, r := range x.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
		}
	}
	return ""
}

// docxWalker streams document.xml and collects one line per paragraph.
type docxWalker struct {
	num    *numbering
	lines  []string
	stack  []xmlElem // open elements
	paras  []*docxPara
	tables []*docxTable // open tables, innermost last
}

// docxTable is a table being read: its grid, the row and cell open.
type docxTable struct {
	grid *tableGrid
	row  []gridCell
	cell *gridCell
	text []string // the open cell's paragraphs
}

type xmlElem struct {
	local  string // local name; "" outside the w: namespace
	run    int    // stack index of the innermost w:r in this paragraph, or -1
	hidden bool   // a w:r whose w:rPr has w:vanish
}

type docxPara struct {
	segs    []string // finished segments, split at w:br and w:cr
	cur     strings.Builder
	style   string
	numID   string
	ilvl    int
	hasNum  bool
	hasIlvl bool
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// parent returns the local name of the element n levels above the current
// one (0: the current one).
func (w *docxWalker) parent(n int) string {
	if i := len(w.stack) - 1 - n; i >= 0 {
		return w.stack[i].local
	}
	return ""
}

func (w *docxWalker) walk(d *xml.Decoder) error {
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if len(w.paras) > 0 || len(w.stack) > 0 {
				return io.ErrUnexpectedEOF
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				if err := d.Skip(); err != nil {
					return err
				}
				continue
			}
			local := ""
			if isW(t.Name) {
				local = t.Name.Local
			}
			if local == "moveFrom" || local == "del" {
				if err := d.Skip(); err != nil {
					return err
				}
				continue
			}
			w.start(local, t)
			run := -1
			switch {
			case local == "r":
				run = len(w.stack)
			case local != "p" && len(w.stack) > 0:
				run = w.stack[len(w.stack)-1].run
			}
			w.stack = append(w.stack, xmlElem{local: local, run: run})
		case xml.EndElement:
			if len(w.stack) == 0 {
				continue // the decoder reports unbalanced tags itself
			}
			switch w.parent(0) {
			case "p":
				if len(w.paras) > 0 {
					w.endPara()
				}
			case "tc", "tr", "tbl":
				w.endTable(w.parent(0))
			}
			w.stack = w.stack[:len(w.stack)-1]
		case xml.CharData:
			if w.parent(0) == "t" && len(w.paras) > 0 && !w.hiddenRun() {
				p := w.paras[len(w.paras)-1]
				// literal line breaks in w:t are spaces to Word
				for _, r := range string(t) {
					if r == '\n' || r == '\r' {
						r = ' '
					}
					p.cur.WriteRune(r)
				}
			}
		}
	}
}

func (w *docxWalker) start(local string, t xml.StartElement) {
	var p *docxPara
	if len(w.paras) > 0 {
		p = w.paras[len(w.paras)-1]
	}
	var tb *docxTable
	if len(w.tables) > 0 {
		tb = w.tables[len(w.tables)-1]
	}
	switch local {
	case "tbl":
		w.tables = append(w.tables, &docxTable{grid: newTableGrid()})
	case "tr":
		if tb != nil {
			tb.row = tb.row[:0]
		}
	case "tc":
		if tb != nil {
			tb.cell, tb.text = &gridCell{colspan: 1}, tb.text[:0]
		}
	case "gridSpan", "vMerge":
		if tb == nil || tb.cell == nil || w.parent(0) != "tcPr" {
			return
		}
		v, ok := attr(t, "val")
		if local == "gridSpan" {
			if n, err := strconv.Atoi(v); err == nil && n > 1 && n < 64 {
				tb.cell.colspan = n
			}
		} else {
			tb.cell.cont = !ok || v == "continue"
		}
	case "p":
		w.paras = append(w.paras, &docxPara{})
	case "pStyle":
		if p != nil && w.parent(0) == "pPr" && w.parent(1) == "p" {
			p.style, _ = attr(t, "val")
		}
	case "numId", "ilvl":
		if p == nil || w.parent(0) != "numPr" || w.parent(1) != "pPr" || w.parent(2) != "p" {
			return
		}
		v, _ := attr(t, "val")
		if local == "numId" {
			p.numID, p.hasNum = v, true
		} else if n, err := strconv.Atoi(v); err == nil {
			p.ilvl, p.hasIlvl = n, true
		}
	case "vanish":
		if w.parent(0) == "rPr" && w.parent(1) == "r" {
			if v, ok := attr(t, "val"); !ok || onOff(v) {
				w.stack[len(w.stack)-2].hidden = true
			}
		}
	case "tab", "ptab", "br", "cr", "noBreakHyphen":
		if p == nil || w.parent(0) != "r" || w.stack[len(w.stack)-1].hidden {
			return
		}
		switch local {
		case "br", "cr":
			p.segs = append(p.segs, p.cur.String())
			p.cur.Reset()
		case "noBreakHyphen":
			p.cur.WriteByte('-')
		default:
			p.cur.WriteByte(' ')
		}
	}
}

func onOff(v string) bool { return v != "0" && v != "false" && v != "off" }

// hiddenRun reports whether the innermost run holding the current text is
// hidden.
func (w *docxWalker) hiddenRun() bool {
	if len(w.stack) == 0 {
		return false
	}
	i := w.stack[len(w.stack)-1].run
	return i >= 0 && w.stack[i].hidden
}

func (w *docxWalker) endPara() {
	p := w.paras[len(w.paras)-1]
	w.paras = w.paras[:len(w.paras)-1]
	segs := append(p.segs, p.cur.String())
	segs[0] = w.num.prefix(p) + segs[0]
	if n := len(w.tables); n > 0 && w.tables[n-1].cell != nil {
		tb := w.tables[n-1]
		for _, s := range segs {
			if s = normalizeLine(s); s != "" {
				tb.text = append(tb.text, s)
			}
		}
		return
	}
	for _, s := range segs {
		w.lines = append(w.lines, normalizeLine(s))
	}
}

// endTable closes a cell, a row or a table. A row becomes a line of cells
// (see grid.go); a table inside a cell gives its rows to that cell's text.
func (w *docxWalker) endTable(local string) {
	n := len(w.tables)
	if n == 0 {
		return
	}
	tb := w.tables[n-1]
	switch local {
	case "tc":
		if tb.cell != nil {
			tb.cell.text = strings.Join(tb.text, " ")
			tb.row = append(tb.row, *tb.cell)
			tb.cell, tb.text = nil, tb.text[:0]
		}
	case "tr":
		cells, line := tb.grid.row(tb.row)
		tb.row = tb.row[:0]
		if cells != nil {
			line = encodeRow(cells)
		}
		if n > 1 && w.tables[n-2].cell != nil {
			outer := w.tables[n-2]
			outer.text = append(outer.text, strings.Join(cells, " ")+line)
			return
		}
		w.lines = append(w.lines, line)
	case "tbl":
		w.tables = w.tables[:n-1]
	}
}

// The parts of numbering.xml and styles.xml that numbering needs. Tags
// without a namespace match any, so strict and transitional files both
// decode.
type (
	xVal struct {
		Val string `xml:"val,attr"`
	}
	xLvl struct {
		Ilvl    string `xml:"ilvl,attr"`
		Start   *xVal  `xml:"start"`
		NumFmt  xVal   `xml:"numFmt"`
		LvlText *xVal  `xml:"lvlText"`
		Restart *xVal  `xml:"lvlRestart"`
		PStyle  xVal   `xml:"pStyle"`
		IsLgl   *xVal  `xml:"isLgl"`
		Suff    xVal   `xml:"suff"`
	}
	xAbstractNum struct {
		ID           string `xml:"abstractNumId,attr"`
		Lvls         []xLvl `xml:"lvl"`
		NumStyleLink xVal   `xml:"numStyleLink"`
	}
	xNum struct {
		ID        string `xml:"numId,attr"`
		Abstract  xVal   `xml:"abstractNumId"`
		Overrides []struct {
			Ilvl  string `xml:"ilvl,attr"`
			Start *xVal  `xml:"startOverride"`
			Lvl   *xLvl  `xml:"lvl"`
		} `xml:"lvlOverride"`
	}
	xNumbering struct {
		Abstract []xAbstractNum `xml:"abstractNum"`
		Num      []xNum         `xml:"num"`
	}
	xStyles struct {
		Styles []struct {
			ID      string `xml:"styleId,attr"`
			BasedOn xVal   `xml:"basedOn"`
			NumPr   *struct {
				NumID *xVal `xml:"numId"`
				Ilvl  *xVal `xml:"ilvl"`
			} `xml:"pPr>numPr"`
		} `xml:"style"`
	}
)

// numbering renders Word's automatic paragraph numbers. Counters belong to
// the abstract numbering definition, so lists that share one continue each
// other, as in Word; a w:num with level overrides has counters of its own.
type numbering struct {
	lists    map[string]*numList // by numId
	styles   map[string]styleNum // by styleId
	counters map[string]*listCounter
}

// numList is one w:num resolved: its nine levels and their start values.
type numList struct {
	key   string // counter key: "a" + abstractNumId, or "n" + numId
	lvls  [9]*xLvl
	start [9]int
}

type styleNum struct {
	numID, ilvl string
	hasIlvl     bool
}

type listCounter struct {
	val [9]int
	set [9]bool
}

func (nb *numbering) setStyles(x xStyles) {
	type raw struct {
		basedOn string
		num     *styleNum
	}
	all := make(map[string]raw, len(x.Styles))
	for _, s := range x.Styles {
		r := raw{basedOn: s.BasedOn.Val}
		if s.NumPr != nil {
			sn := &styleNum{}
			if s.NumPr.NumID != nil {
				sn.numID = s.NumPr.NumID.Val
			}
			if s.NumPr.Ilvl != nil {
				sn.ilvl, sn.hasIlvl = s.NumPr.Ilvl.Val, true
			}
			r.num = sn
		}
		if _, dup := all[s.ID]; !dup {
			all[s.ID] = r
		}
	}
	nb.styles = make(map[string]styleNum)
	for id := range all {
		// follow basedOn until a style sets numbering; bounded against loops
		cur := id
		for range 16 {
			r, ok := all[cur]
			if !ok {
				break
			}
			if r.num != nil {
				if r.num.numID != "" {
					nb.styles[id] = *r.num
				}
				break
			}
			cur = r.basedOn
		}
	}
}

// setNumbering resolves every w:num once, so that numbering a paragraph
// costs the same however large numbering.xml is. Call setStyles first.
func (nb *numbering) setNumbering(x xNumbering) {
	type absDef struct {
		id, link string
		empty    bool
		lvls     [9]*xLvl
	}
	abs := make(map[string]*absDef, len(x.Abstract))
	for i := range x.Abstract {
		a := &x.Abstract[i]
		if _, dup := abs[a.ID]; dup {
			continue
		}
		d := &absDef{id: a.ID, link: a.NumStyleLink.Val, empty: len(a.Lvls) == 0}
		for j := range a.Lvls {
			if k := atoiOr(a.Lvls[j].Ilvl, -1); k >= 0 && k < 9 && d.lvls[k] == nil {
				d.lvls[k] = &a.Lvls[j]
			}
		}
		abs[a.ID] = d
	}
	numAbs := make(map[string]string, len(x.Num))
	for _, n := range x.Num {
		if _, dup := numAbs[n.ID]; !dup {
			numAbs[n.ID] = n.Abstract.Val
		}
	}
	nb.lists = make(map[string]*numList, len(x.Num))
	for i := range x.Num {
		n := &x.Num[i]
		if _, dup := nb.lists[n.ID]; dup {
			continue
		}
		a := abs[n.Abstract.Val]
		if a != nil && a.empty && a.link != "" {
			// a numbering style: the definition lives in the num it names
			if st, ok := nb.styles[a.link]; ok && abs[numAbs[st.numID]] != nil {
				a = abs[numAbs[st.numID]]
			}
		}
		if a == nil {
			continue
		}
		l := &numList{key: "a" + a.id, lvls: a.lvls}
		for k, lv := range l.lvls {
			l.start[k] = 1 // the schema says 0 when w:start is absent; no writer relies on it
			if lv != nil && lv.Start != nil {
				l.start[k] = atoiOr(lv.Start.Val, 1)
			}
		}
		for _, o := range n.Overrides {
			k := atoiOr(o.Ilvl, -1)
			if k < 0 || k > 8 {
				continue
			}
			l.key = "n" + n.ID
			if o.Lvl != nil {
				l.lvls[k] = o.Lvl
				if o.Lvl.Start != nil {
					l.start[k] = atoiOr(o.Lvl.Start.Val, 1)
				}
			}
			if o.Start != nil {
				l.start[k] = atoiOr(o.Start.Val, 1)
			}
		}
		nb.lists[n.ID] = l
	}
}

func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}

// prefix advances the paragraph's list counters and returns its number as
// Word shows it, such as "3." or "二、", or "" for unnumbered paragraphs and
// bullets.
func (nb *numbering) prefix(p *docxPara) string {
	numID, ilvl, hasIlvl := p.numID, p.ilvl, p.hasIlvl
	if st, ok := nb.styles[p.style]; ok {
		if !p.hasNum {
			numID = st.numID
		}
		if !hasIlvl && st.hasIlvl {
			ilvl, hasIlvl = atoiOr(st.ilvl, 0), true
		}
	} else if !p.hasNum {
		return ""
	}
	l := nb.lists[numID]
	if numID == "" || numID == "0" || l == nil {
		return ""
	}
	if !hasIlvl && p.style != "" {
		for k, lv := range l.lvls {
			if lv != nil && lv.PStyle.Val == p.style {
				ilvl = k
				break
			}
		}
	}
	if ilvl < 0 || ilvl > 8 {
		return ""
	}
	if nb.counters == nil {
		nb.counters = make(map[string]*listCounter)
	}
	c := nb.counters[l.key]
	if c == nil {
		c = &listCounter{}
		nb.counters[l.key] = c
	}
	if c.set[ilvl] {
		c.val[ilvl]++
	} else {
		c.val[ilvl], c.set[ilvl] = l.start[ilvl], true
	}
	for d := ilvl + 1; d < 9; d++ {
		restart := d // default: restart after any shallower level
		if lv := l.lvls[d]; lv != nil && lv.Restart != nil {
			restart = atoiOr(lv.Restart.Val, d)
		}
		if ilvl < restart {
			c.set[d] = false
		}
	}
	lvl := l.lvls[ilvl]
	if lvl == nil || lvl.LvlText == nil || lvl.NumFmt.Val == "bullet" {
		return ""
	}
	legal := lvl.IsLgl != nil && onOff(lvl.IsLgl.Val)
	var b strings.Builder
	text := lvl.LvlText.Val
	for i := 0; i < len(text); i++ {
		if text[i] != '%' || i+1 >= len(text) || text[i+1] < '1' || text[i+1] > '9' {
			b.WriteByte(text[i])
			continue
		}
		k := int(text[i+1] - '1')
		i++
		v := l.start[k]
		if c.set[k] {
			v = c.val[k]
		}
		f := "decimal"
		if l.lvls[k] != nil && !legal {
			f = l.lvls[k].NumFmt.Val
		}
		b.WriteString(formatNumber(v, f))
	}
	out := b.String()
	// A number that ends in a letter or digit ("1", "一") would run into
	// the text: keep Word's tab or space as one space.
	if r := lastRune(out); (unicode.IsLetter(r) || unicode.IsDigit(r)) && lvl.Suff.Val != "nothing" {
		out += " "
	}
	return out
}

func lastRune(s string) rune {
	var last rune
	for _, r := range s {
		last = r
	}
	return last
}

// formatNumber writes n in one of Word's number formats (ST_NumberFormat);
// values a format cannot show fall back to decimal.
func formatNumber(n int, format string) string {
	dec := strconv.Itoa(n)
	switch format {
	case "none":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + dec
		}
	case "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting":
		return chineseNumber(n, []rune("〇一二三四五六七八九"), []rune("十百千"))
	case "chineseCounting":
		if n >= 100 && n < 10000 {
			// 100 and above as digits: 一○一
			var b strings.Builder
			for _, c := range dec {
				b.WriteRune([]rune("○一二三四五六七八九")[c-'0'])
			}
			return b.String()
		}
		return chineseNumber(n, []rune("〇一二三四五六七八九"), []rune("十百千"))
	case "chineseLegalSimplified":
		return chineseNumber(n, []rune("零壹贰叁肆伍陆柒捌玖"), []rune("拾佰仟"))
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "ideographZodiac":
		if n >= 1 && n <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[n-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune(0x2460 + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, c := range dec {
			if c >= '0' && c <= '9' {
				c += 0xFEE0
			}
			b.WriteRune(c)
		}
		return b.String()
	case "upperLetter", "lowerLetter":
		if n >= 1 && n <= 26*20 {
			c := 'A' + rune((n-1)%26)
			if format == "lowerLetter" {
				c = unicode.ToLower(c)
			}
			return strings.Repeat(string(c), (n-1)/26+1)
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			r := roman(n)
			if format == "lowerRoman" {
				r = strings.ToLower(r)
			}
			return r
		}
	}
	return dec
}

// chineseNumber writes 1..9999 with Chinese numerals: 十, 十一, 二十,
// 一百〇一, 一千二百.
func chineseNumber(n int, digits, units []rune) string {
	if n <= 0 || n >= 10000 {
		return strconv.Itoa(n)
	}
	if n < 10 {
		return string(digits[n])
	}
	if n < 20 {
		s := string(units[0])
		if n > 10 {
			s += string(digits[n-10])
		}
		return s
	}
	var b strings.Builder
	pow := []int{1000, 100, 10}
	zero := false
	for i, p := range pow {
		d := n / p % 10
		switch {
		case d == 0 && b.Len() > 0:
			zero = true
		case d != 0:
			if zero {
				b.WriteRune(digits[0])
				zero = false
			}
			b.WriteRune(digits[d])
			b.WriteRune(units[2-i])
		}
	}
	if d := n % 10; d != 0 {
		if zero {
			b.WriteRune(digits[0])
		}
		b.WriteRune(digits[d])
	}
	return b.String()
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
