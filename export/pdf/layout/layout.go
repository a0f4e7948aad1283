// Package layout lays out the PDF briefs as pure data: pages of
// positioned text lines, rectangles and lines, plus the outline. It breaks
// Chinese text into lines, flows paragraphs and tables across pages
// (header rows repeated, over-tall rows split) and draws bar charts from
// primitives. It knows nothing of the PDF library: package draw turns a
// Layout into bytes, and a Layout's JSON is what the golden tests keep.
//
// Every position is in millimetres from the top-left corner of the page;
// a text item's Y is its baseline.
package layout

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"slices"
)

// Font roles: which of the configured fonts an item is set in.
const (
	FontBody       = "body"       // 仿宋 in a 公文
	FontHeading    = "heading"    // 黑体: 一、 headings
	FontSubheading = "subheading" // 楷体: （一） headings
	FontTitle      = "title"      // 小标宋
)

// Item kinds.
const (
	KindText = "text"
	KindRect = "rect"
	KindLine = "line"
)

// Layout is a whole document, page by page.
type Layout struct {
	Width   float64 `json:"width"`  // page width
	Height  float64 `json:"height"` // page height
	Pages   []Page  `json:"pages"`
	Outline []Mark  `json:"outline"`
}

// Page is one page's items, in drawing order.
type Page struct {
	Number int    `json:"number"` // from 1
	Items  []Item `json:"items"`
}

// Item is one drawing primitive.
//
//   - text: Text set in Font (the key of the face that draws it, which a
//     role's fallback chain may have chosen: see Fonts.Runs) at Size points, left end of its baseline at
//     (X, Y), in Color (default black); W is its measured width;
//   - rect: the rectangle (X, Y, W, H), filled with Fill and/or stroked
//     with Stroke at LineWidth;
//   - line: from (X, Y) to (X+W, Y+H) in Stroke at LineWidth.
type Item struct {
	Kind      string  `json:"kind"`
	X         float64 `json:"x"`
	Y         float64 `json:"y"`
	W         float64 `json:"w,omitempty"`
	H         float64 `json:"h,omitempty"`
	Font      string  `json:"font,omitempty"`
	Size      float64 `json:"size,omitempty"`
	Text      string  `json:"text,omitempty"`
	Color     string  `json:"color,omitempty"`
	Spacing   float64 `json:"cs,omitempty"` // text: added after every character, mm (PDF Tc)
	Fill      string  `json:"fill,omitempty"`
	Stroke    string  `json:"stroke,omitempty"`
	LineWidth float64 `json:"lw,omitempty"`
}

// Mark is one outline (bookmark) entry.
type Mark struct {
	Title string  `json:"title"`
	Level int     `json:"level"` // 0 for top-level entries
	Page  int     `json:"page"`
	Y     float64 `json:"y"`
}

// Texts returns the text of every text item, page by page, in drawing
// order: what a reader can copy out of the PDF.
func (l *Layout) Texts() []string {
	var out []string
	for _, p := range l.Pages {
		for _, it := range p.Items {
			if it.Kind == KindText {
				out = append(out, it.Text)
			}
		}
	}
	return out
}

// Runes returns every rune the layout prints, once, in ascending order.
func (l *Layout) Runes() []rune {
	seen := map[rune]bool{}
	var out []rune
	for _, p := range l.Pages {
		for _, it := range p.Items {
			for _, r := range it.Text {
				if !seen[r] {
					seen[r] = true
					out = append(out, r)
				}
			}
		}
	}
	for _, m := range l.Outline {
		for _, r := range m.Title {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	slices.Sort(out)
	return out
}

// r2 rounds to 0.01 mm, so that layouts compare and print stably.
func r2(v float64) float64 { return math.Round(v*100) / 100 }

// Sum identifies the layout: two layouts with the same Sum hold the same
// pages, items and outline, field for field, so a PDF drawn of one is
// the PDF drawn of the other. It is made without encoding the layout
// (whose JSON takes as long to make as drawing the PDF): every field of
// every value goes into the hash as it is, and TestSumCoversEveryField
// fails when a field is added that Sum does not read.
func (l *Layout) Sum() [32]byte {
	h := sha256.New()
	var buf []byte
	f := func(v float64) { buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(v)) }
	n := func(v int) { buf = binary.AppendVarint(buf, int64(v)) }
	s := func(v string) { n(len(v)); buf = append(buf, v...) }
	flush := func() {
		h.Write(buf)
		buf = buf[:0]
	}
	f(l.Width)
	f(l.Height)
	n(len(l.Pages))
	for _, p := range l.Pages {
		n(p.Number)
		n(len(p.Items))
		for _, it := range p.Items {
			s(it.Kind)
			f(it.X)
			f(it.Y)
			f(it.W)
			f(it.H)
			s(it.Font)
			f(it.Size)
			s(it.Text)
			s(it.Color)
			f(it.Spacing)
			s(it.Fill)
			s(it.Stroke)
			f(it.LineWidth)
			if len(buf) > 4096 {
				flush()
			}
		}
	}
	n(len(l.Outline))
	for _, m := range l.Outline {
		s(m.Title)
		n(m.Level)
		n(m.Page)
		f(m.Y)
	}
	flush()
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}
