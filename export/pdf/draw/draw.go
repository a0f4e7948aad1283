// Package draw is the only place that calls the PDF library (fpdf, from
// codeberg.org/go-pdf/fpdf v0.12.0, in internal/fpdf with three small
// patches that skip per-document font work; see internal/fpdf/PATCHES.md):
// it cuts and measures fonts and turns a
// layout.Layout into PDF bytes. Swapping the library touches this package
// alone.
//
// Each call builds its own fpdf document, so the functions are safe for
// concurrent use. Panics inside the library are turned into errors.
package draw

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fengong/export/pdf/draw/internal/fpdf"

	"fengong/export/pdf/font"
	"fengong/export/pdf/layout"
)

// Font is a TrueType face that layouts name by Key in their text items'
// Font field.
type Font struct {
	Key  string // a role (layout.FontBody, …) or another face key
	Name string // PostScript name; the PDF names the subset "ABCDEF+Name"
	Data []byte
	// Sum is the hex sha256 of Data when the caller knows it; Prepare
	// sums Data when it is "". It names the font in the keys of its
	// subsets (Subsets), so it must be Data's.
	Sum string

	parsed *fpdf.UTF8Font // set by Prepare
	face   *font.Face     // set by Prepare
}

// Prepare parses the font once, so that the PDFs drawn with it (and its
// copies) skip the parse. Call it once per batch, before the copies are
// made; a font not prepared is parsed by each PDF.
func (f *Font) Prepare() (err error) {
	defer catch(&err)
	face, err := font.Parse(f.Data)
	if err != nil {
		return fmt.Errorf("font %s: %w", f.Key, err)
	}
	p, err := fpdf.ParseUTF8Font(f.Data)
	if err != nil {
		return fmt.Errorf("font %s: %w", f.Key, err)
	}
	f.parsed, f.face = p, face
	if f.Sum == "" {
		f.Sum = dataSum(f.Data)
	}
	return nil
}

// Face is the prepared font's coverage and name (font.Parse); nil
// before Prepare.
func (f *Font) Face() *font.Face { return f.face }

func dataSum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// Meta is the document information and the output settings.
type Meta struct {
	Title    string
	Author   string
	Subject  string
	Creator  string
	Date     time.Time // creation and modification date; the zero time is 1970-01-01 UTC
	Compress bool      // deflate the page content streams
	// Subsets, when set, gives the document the deflated font subsets
	// made before and is told of every subset it embeds (see Subsets).
	Subsets Subsets
}

// Subsets keeps deflated font subsets from one document to another.
// Cutting a font to the runes a document sets and deflating the cut is
// most of a document's time, and the same font data cut to the same runes
// always gives the same stream: its key (SubsetKey) names both. Subset
// returns the stream kept under key and the length of the subset it
// deflates, or nil; what it returns is embedded as it is, so it must be
// exactly the stream kept under that key. Keep is told, for each subset
// the document embeds, its key, the subset's length, and where its stream
// starts in the document and how long it is, in the bytes PDF returns.
// A document calls both from its own goroutine; documents drawn side by
// side call them at once.
type Subsets interface {
	Subset(key string) (z []byte, raw int)
	Keep(key string, raw, offset, length int)
}

// SubsetKey is the key of the subset of the font data whose sha256 (hex)
// is sum, holding runes (sorted), as this build cuts and deflates it.
func SubsetKey(sum string, runes []int) string {
	h := sha256.New()
	h.Write([]byte(fpdf.SubsetVersion + "\x00" + sum + "\x00"))
	buf := make([]byte, 0, 4*len(runes))
	for _, r := range runes {
		buf = binary.BigEndian.AppendUint32(buf, uint32(r))
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// subsetCache is the fpdf side of a Subsets: it names each of the
// document's fonts by its data's sum.
type subsetCache struct {
	s    Subsets
	sums map[string]string // fpdf font key → data sum
}

func (c *subsetCache) Subset(fontKey string, runes []int) ([]byte, int) {
	sum, ok := c.sums[fontKey]
	if !ok {
		return nil, 0
	}
	return c.s.Subset(SubsetKey(sum, runes))
}

func (c *subsetCache) Keep(fontKey string, runes []int, raw, offset, length int) {
	if sum, ok := c.sums[fontKey]; ok {
		c.s.Keep(SubsetKey(sum, runes), raw, offset, length)
	}
}

// Cut returns a TrueType font holding only the glyphs of runes (and the
// glyphs they are built from): the font every document of a batch loads.
func Cut(ttf []byte, runes []rune) (out []byte, err error) {
	defer catch(&err)
	out = fpdf.UTF8CutFont(ttf, string(runes))
	if len(out) == 0 {
		return nil, errors.New("cutting the font gave no data")
	}
	if _, err := font.Parse(out); err != nil {
		return nil, fmt.Errorf("cut font: %w", err)
	}
	return out, nil
}

// Measure returns the advance widths of runes in ttf, as the library
// measures them when it sets text.
func Measure(ttf []byte, runes []rune) (m *layout.Metrics, err error) {
	f := Font{Key: "f", Data: ttf}
	return f.Measure(runes)
}

// Measure returns the advance widths of runes in the font, as the library
// measures them when it sets text; a prepared font is not parsed again.
func (f *Font) Measure(runes []rune) (m *layout.Metrics, err error) {
	defer catch(&err)
	pdf := fpdf.New("P", "mm", "A4", "")
	if f.parsed != nil {
		pdf.AddUTF8FontParsed("f", "", f.parsed)
	} else {
		if _, err := font.Parse(f.Data); err != nil {
			return nil, err
		}
		pdf.AddUTF8FontFromBytes("f", "", f.Data)
	}
	pdf.SetFont("f", "", 1000)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("loading font: %w", err)
	}
	m = &layout.Metrics{Missing: pdf.GetStringSymbolWidth("\uFFFF")}
	top := rune(0)
	for _, r := range runes {
		top = max(top, r)
	}
	if top > 0xFFFF {
		top = 0xFFFF
	}
	m.W = make([]uint16, top+1)
	for _, r := range runes {
		if r < 0 || r > 0xFFFF {
			continue
		}
		w := pdf.GetStringSymbolWidth(string(r))
		if w == m.Missing {
			continue // no width of its own
		}
		m.W[r] = uint16(min(max(w, 1), 65534))
	}
	return m, pdf.Error()
}

// PDF renders l with fonts. Roles that share the same font data share
// one embedded font.
func PDF(l *layout.Layout, fonts []Font, meta Meta) (out []byte, err error) {
	defer catch(&err)
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: l.Width, Ht: l.Height},
	})
	date := meta.Date
	if date.IsZero() {
		date = time.Unix(0, 0).UTC() // fpdf reads the clock for a zero date
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(meta.Compress)
	pdf.SetProducer("fengong", true)
	pdf.SetCreator(meta.Creator, true)
	pdf.SetTitle(meta.Title, true)
	pdf.SetSubject(meta.Subject, true)
	if meta.Author != "" {
		pdf.SetAuthor(meta.Author, true)
	}
	pdf.SetLang("zh-CN")
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetDisplayMode("fullwidth", "continuous")

	family, err := loadFonts(pdf, l, fonts)
	if err != nil {
		return nil, err
	}
	if meta.Subsets != nil {
		c := &subsetCache{s: meta.Subsets, sums: map[string]string{}}
		for fam, i := range family.font {
			sum := fonts[i].Sum
			if sum == "" {
				sum = dataSum(fonts[i].Data)
			}
			c.sums[strings.ToLower(fam)] = sum
		}
		pdf.SetSubsetCache(c)
	}

	marks := l.Outline
	for _, p := range l.Pages {
		pdf.AddPage()
		cur, size, colour, spacing := "", 0.0, "", 0.0
		setFont := func(key string, sz float64) {
			fam := family.of(key)
			if fam != cur || sz != size {
				pdf.SetFont(fam, "", sz)
				cur, size = fam, sz
			}
		}
		// bookmarks need a UTF-8 font selected, or their titles come out garbled
		setFont("", 12)
		for len(marks) > 0 && marks[0].Page <= p.Number {
			pdf.Bookmark(marks[0].Title, marks[0].Level, marks[0].Y)
			marks = marks[1:]
		}
		for _, it := range p.Items {
			switch it.Kind {
			case layout.KindText:
				setFont(it.Font, it.Size)
				if it.Color != colour {
					r, g, b := rgb(it.Color)
					pdf.SetTextColor(r, g, b)
					colour = it.Color
				}
				if it.Spacing != spacing {
					pdf.SetCharSpacing(it.Spacing)
					spacing = it.Spacing
				}
				pdf.Text(it.X, it.Y, it.Text)
			case layout.KindRect:
				style := ""
				if it.Fill != "" {
					r, g, b := rgb(it.Fill)
					pdf.SetFillColor(r, g, b)
					style += "F"
				}
				if it.Stroke != "" {
					r, g, b := rgb(it.Stroke)
					pdf.SetDrawColor(r, g, b)
					pdf.SetLineWidth(it.LineWidth)
					style += "D"
				}
				if style != "" {
					pdf.Rect(it.X, it.Y, it.W, it.H, style)
				}
			case layout.KindLine:
				r, g, b := rgb(it.Stroke)
				pdf.SetDrawColor(r, g, b)
				pdf.SetLineWidth(it.LineWidth)
				pdf.Line(it.X, it.Y, it.X+it.W, it.Y+it.H)
			}
		}
		if err := pdf.Error(); err != nil {
			return nil, err
		}
	}
	if out, err = pdf.OutputBytes(); err != nil {
		return nil, err
	}
	return family.rename(out), nil
}

// families maps face keys to the fpdf families loaded for them.
type families struct {
	key   map[string]string // face key → family
	font  map[string]int    // family → the index of its font
	first string            // the family of an unknown key
	names [][2]string       // fpdf's font name, subset name
}

func (f *families) of(key string) string {
	if fam, ok := f.key[key]; ok {
		return fam
	}
	return f.first
}

// rename gives each embedded font its subset name (ABCDEF+FangSong):
// fpdf names a font "utf8" and its family, and the family was chosen as
// long as the subset name, so that no byte offset moves.
func (f *families) rename(pdf []byte) []byte {
	if len(f.names) == 0 {
		return pdf
	}
	// one pass over the PDF for the rare "/utf8", each hit checked against
	// the names whole: fpdf's name after "/BaseFont " or "/FontName "
	for i := 0; ; {
		j := bytes.Index(pdf[i:], []byte("/utf8"))
		if j < 0 {
			return pdf
		}
		i += j
		for _, n := range f.names {
			for _, k := range []string{"/BaseFont ", "/FontName "} {
				if i >= len(k) && bytes.HasPrefix(pdf[i-len(k):], []byte(k+"/utf8"+n[0])) {
					copy(pdf[i+1:], n[1]) // same length: no byte offset moves
				}
			}
		}
		i++
	}
}

// loadFonts checks every font, then loads into pdf those that the
// layout's text uses (the first one when none is), once per distinct
// data. Fonts with the same data share one embedded font.
func loadFonts(pdf *fpdf.Fpdf, l *layout.Layout, fonts []Font) (*families, error) {
	if len(fonts) == 0 {
		return nil, errors.New("no font")
	}
	index := make(map[string]int, len(fonts)) // key → first font of that key
	for i, f := range fonts {
		if f.parsed == nil { // a prepared font was checked by Prepare
			if _, err := font.Parse(f.Data); err != nil {
				return nil, fmt.Errorf("font %s: %w", f.Key, err)
			}
		}
		if _, dup := index[f.Key]; !dup {
			index[f.Key] = i
		}
	}
	// the data each font stands for: the first font with equal data
	same := make([]int, len(fonts))
	for i := range fonts {
		same[i] = i
		for j := range i {
			if sameBytes(fonts[j].Data, fonts[i].Data) {
				same[i] = same[j]
				break
			}
		}
	}
	// the runes each distinct font draws: a set, and the list of them
	used := make([][]uint64, len(fonts)) // bit r: rune r, up to U+FFFF
	lists := make([][]rune, len(fonts))
	mark := func(key, text string) {
		i, ok := index[key]
		if !ok {
			i = 0
		}
		i = same[i]
		if used[i] == nil {
			used[i] = make([]uint64, 0x10000/64)
		}
		for _, r := range text {
			if r >= 0 && r <= 0xFFFF && used[i][r/64]&(1<<(r%64)) == 0 {
				used[i][r/64] |= 1 << (r % 64)
				lists[i] = append(lists[i], r)
			}
		}
	}
	for _, p := range l.Pages {
		for _, it := range p.Items {
			if it.Kind == layout.KindText {
				mark(it.Font, it.Text)
			}
		}
	}
	if slices.IndexFunc(used, func(u []uint64) bool { return u != nil }) < 0 {
		mark(fonts[0].Key, "")
	}
	f := &families{key: map[string]string{}, font: map[string]int{}}
	fam := make([]string, len(fonts))
	for i, ft := range fonts {
		if same[i] != i || used[i] == nil {
			continue
		}
		name := subsetName(ft.Name, i, lists[i])
		fam[i] = "f" + strconv.Itoa(i)
		fam[i] += strings.Repeat("x", max(0, len(name)-len("utf8")-len(fam[i])))
		if ft.parsed != nil {
			pdf.AddUTF8FontParsed(fam[i], "", ft.parsed)
		} else {
			pdf.AddUTF8FontFromBytes(fam[i], "", ft.Data)
		}
		pdf.SetFont(fam[i], "", 12) // fpdf only reports a failed load here
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("font %s: %w", ft.Key, err)
		}
		if len("utf8")+len(fam[i]) == len(name) {
			f.names = append(f.names, [2]string{fam[i], name})
		}
		if f.first == "" {
			f.first = fam[i]
		}
		f.font[fam[i]] = i
	}
	for k, i := range index {
		if fam[same[i]] != "" {
			f.key[k] = fam[same[i]]
		}
	}
	return f, nil
}

// subsetName is the name of a font subset, as PDF readers show it: a tag
// of six capital letters drawn from the runes it holds, a +, and the
// face's PostScript name.
func subsetName(ps string, i int, runes []rune) string {
	if ps == "" {
		ps = "Font" + strconv.Itoa(i)
	}
	runes = slices.Clone(runes)
	slices.Sort(runes)
	buf := make([]byte, 0, len(ps)+3*len(runes))
	buf = append(buf, ps...)
	for _, r := range runes {
		buf = utf8.AppendRune(buf, r)
	}
	sum := sha256.Sum256(buf)
	tag := make([]byte, 6)
	for j := range tag {
		tag[j] = 'A' + sum[j]%26
	}
	return string(tag) + "+" + ps
}

// sameBytes reports whether a and b are the same font data: the same
// slice, or equal bytes.
func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 || &a[0] == &b[0] {
		return true
	}
	return bytes.Equal(a, b)
}

// rgb parses "#rrggbb"; anything else is black.
func rgb(s string) (r, g, b int) {
	if len(s) != 7 || s[0] != '#' {
		return 0, 0, 0
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return 0, 0, 0
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}

// catch turns a panic inside the library into an error: the last line of
// defence, as every input is checked before it reaches the library.
func catch(err *error) {
	if v := recover(); v != nil {
		*err = fmt.Errorf("pdf library: %v", v)
	}
}

// SetStockStreams makes every PDF drawn afterwards deflate its streams
// with the standard library's zlib at BestSpeed and carry a CIDToGIDMap of
// all 65,536 codes, as stock fpdf does, or (false) go back to fengong's
// patched fpdf. It is for the test that no brief is larger than stock
// fpdf would make it; nothing else calls it.
func SetStockStreams(on bool) { fpdf.SetStockStreams(on) }
