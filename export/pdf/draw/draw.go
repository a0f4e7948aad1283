// Package draw is the only place that calls the PDF library
// (codeberg.org/go-pdf/fpdf): it cuts and measures fonts and turns a
// layout.Layout into PDF bytes. Swapping the library touches this package
// alone.
//
// Each call builds its own fpdf document, so the functions are safe for
// concurrent use. Panics inside the library are turned into errors.
package draw

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"fengong/export/pdf/font"
	"fengong/export/pdf/layout"
)

// Font is the TrueType font that draws one role of a layout.
type Font struct {
	Role string // layout.FontBody, FontHeading or FontTitle
	Data []byte
}

// Meta is the document information and the output settings.
type Meta struct {
	Title    string
	Subject  string
	Creator  string
	Date     time.Time // creation and modification date; the zero time is 1970-01-01 UTC
	Compress bool      // deflate the page content streams
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
	defer catch(&err)
	if _, err := font.Parse(ttf); err != nil {
		return nil, err
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("f", "", ttf)
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
	pdf.SetLang("zh-CN")
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetDisplayMode("fullwidth", "continuous")

	family := map[string]string{} // role → family
	var loaded [][]byte
	for _, f := range fonts {
		name := ""
		for i, d := range loaded {
			if sameBytes(d, f.Data) {
				name = "f" + strconv.Itoa(i)
			}
		}
		if name == "" {
			if _, err := font.Parse(f.Data); err != nil {
				return nil, fmt.Errorf("font for %s: %w", f.Role, err)
			}
			name = "f" + strconv.Itoa(len(loaded))
			loaded = append(loaded, f.Data)
			pdf.AddUTF8FontFromBytes(name, "", f.Data)
			pdf.SetFont(name, "", 12) // fpdf only reports a failed load here
			if err := pdf.Error(); err != nil {
				return nil, fmt.Errorf("font for %s: %w", f.Role, err)
			}
		}
		family[f.Role] = name
	}
	if len(loaded) == 0 {
		return nil, errors.New("no font")
	}
	first := "f0"

	marks := l.Outline
	for _, p := range l.Pages {
		pdf.AddPage()
		cur, size, colour := "", 0.0, ""
		setFont := func(role string, sz float64) {
			fam, ok := family[role]
			if !ok {
				fam = first
			}
			if fam != cur || sz != size {
				pdf.SetFont(fam, "", sz)
				cur, size = fam, sz
			}
		}
		// bookmarks need a UTF-8 font selected, or their titles come out garbled
		setFont(layout.FontBody, 12)
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
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
