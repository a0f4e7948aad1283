package layout

import (
	"strconv"
	"strings"
)

// Align is the horizontal alignment of text.
type Align uint8

// The alignments.
const (
	Left Align = iota
	Center
	Right
)

// Style is how a run of text is set.
type Style struct {
	Font    string  // FontBody, FontHeading or FontTitle
	Size    float64 // points
	Leading float64 // line pitch, mm
	Color   string  // "#rrggbb"; "" is black
	Align   Align
	Indent  float64 // first-line indent of paragraphs, mm
	Track   int     // character spacing, 1/1000 em (negative tightens)
}

// metrics are the metrics text in st is measured with: its role's, with
// its tracking.
func (f *Flow) metrics(st Style) *Metrics {
	return f.fonts.Get(st.Font).Tracked(st.Track)
}

// Geometry is the page: its size, the type area (版心) and where the page
// numbers go.
type Geometry struct {
	Width, Height float64 // the page
	Left, Top     float64 // the type area's top-left corner
	BodyW, BodyH  float64 // the type area
	Folio         string  // page number text; {n} is the number
	FolioStyle    Style
	FolioGap      float64 // from the type area's bottom edge to the folio line's top
	FolioInset    float64 // from the type area's side: right on odd pages, left on even
}

// Fonts are the metrics of each font role, and what each can draw. A
// role's metrics give each rune the width of the face that draws it:
// the role's own face, or the first face of its fallback chain that has
// the rune.
type Fonts struct {
	Body, Heading, Subheading, Title *Metrics
	// Clean returns s with every rune the font of role cannot draw
	// replaced; the Flow passes all text through it before measuring.
	// nil leaves text as it is.
	Clean func(role, s string) string
	// Runs cuts s, set in role, into runs that one face draws each, named
	// by the face's key, which becomes the text items' Font. nil, or no
	// runs, sets s in one item whose Font is the role.
	Runs func(role, s string) []Run
}

// Run is a piece of text drawn by one face.
type Run struct {
	Font string // the face's key
	Text string
}

// Get returns the metrics of a role; Body for an unknown role or one
// without metrics.
func (f Fonts) Get(role string) *Metrics {
	var m *Metrics
	switch role {
	case FontHeading:
		m = f.Heading
	case FontSubheading:
		m = f.Subheading
	case FontTitle:
		m = f.Title
	}
	if m == nil {
		return f.Body
	}
	return m
}

// runs cuts s into the runs of the faces that draw it.
func (f *Flow) runs(role, s string) []Run {
	if f.fonts.Runs != nil {
		if r := f.fonts.Runs(role, s); len(r) > 0 {
			return r
		}
	}
	return []Run{{Font: role, Text: s}}
}

func (f *Flow) clean(role, s string) string {
	if f.fonts.Clean == nil {
		return s
	}
	return f.fonts.Clean(role, s)
}

// Flow places content top to bottom, starting a new page when the type
// area is full. It is not safe for concurrent use; make one per document.
type Flow struct {
	g       Geometry
	fonts   Fonts
	pages   []Page
	outline []Mark
	y       float64 // the cursor: top of the next content
}

// NewFlow starts a document on its first page.
func NewFlow(g Geometry, fonts Fonts) *Flow {
	f := &Flow{g: g, fonts: fonts}
	f.NewPage()
	return f
}

// Geometry returns the page geometry.
func (f *Flow) Geometry() Geometry { return f.g }

// Fonts returns the font metrics.
func (f *Flow) Fonts() Fonts { return f.fonts }

// NewPage starts a new page with the cursor at the top of the type area.
func (f *Flow) NewPage() {
	f.pages = append(f.pages, Page{Number: len(f.pages) + 1})
	f.y = f.g.Top
}

func (f *Flow) page() *Page { return &f.pages[len(f.pages)-1] }

func (f *Flow) bottom() float64 { return f.g.Top + f.g.BodyH }

// atTop reports whether nothing has been placed on the page yet.
func (f *Flow) atTop() bool { return f.y <= f.g.Top }

// Y is the cursor: the top of the next content.
func (f *Flow) Y() float64 { return f.y }

// Remaining is the height left on the page below the cursor.
func (f *Flow) Remaining() float64 { return f.bottom() - f.y }

// Space moves the cursor down by h, but not past the bottom, and not at
// the top of a page.
func (f *Flow) Space(h float64) {
	if f.atTop() {
		return
	}
	f.y = min(f.y+h, f.bottom())
}

// Need starts a new page unless h millimetres remain on this one.
func (f *Flow) Need(h float64) {
	if f.Remaining() < h-1e-9 && !f.atTop() {
		f.NewPage()
	}
}

// Mark adds an outline entry pointing at the cursor.
func (f *Flow) Mark(title string, level int) {
	f.outline = append(f.outline, Mark{Title: title, Level: level, Page: len(f.pages), Y: r2(f.y)})
}

// Add places an item on the current page as it is.
func (f *Flow) Add(it Item) {
	it.X, it.Y, it.W, it.H = r2(it.X), r2(it.Y), r2(it.W), r2(it.H)
	p := f.page()
	p.Items = append(p.Items, it)
}

// Text places one line of text with its box's top at top, aligned in the
// span [x, x+w].
func (f *Flow) Text(s string, st Style, x, top, w float64) {
	s = f.clean(st.Font, s)
	if s == "" {
		return
	}
	tw := f.metrics(st).Width(s, st.Size)
	switch st.Align {
	case Center:
		x += (w - tw) / 2
	case Right:
		x += w - tw
	}
	p := f.page()
	p.Items = f.textItems(p.Items, s, st, x, top+baseline(st))
}

// textItems appends s set in st with its baseline's left end at (x, y):
// one item per run of a face.
func (f *Flow) textItems(items []Item, s string, st Style, x, y float64) []Item {
	m := f.metrics(st)
	cs := r2(float64(st.Track) * st.Size * PtToMM / 1000)
	for _, r := range f.runs(st.Font, s) {
		w := m.Width(r.Text, st.Size)
		items = append(items, Item{Kind: KindText, X: r2(x), Y: r2(y), W: r2(w), Font: r.Font, Size: st.Size, Text: r.Text, Color: st.Color, Spacing: cs})
		x += w
	}
	return items
}

// baseline is the distance from the top of a line's box to its baseline:
// the glyphs (about 0.88 em above the baseline and 0.12 em below) are
// centred in the leading.
func baseline(st Style) float64 {
	size := st.Size * PtToMM
	return (st.Leading-size)/2 + 0.88*size
}

// Break breaks text for a column w millimetres wide in style st.
func (f *Flow) Break(text string, st Style, w float64) []string {
	return Break(f.clean(st.Font, text), w, st.Size, f.metrics(st))
}

// Paragraph sets text across the type area, breaking lines and pages.
// Each "\n" starts a new paragraph.
func (f *Flow) Paragraph(text string, st Style) {
	for _, para := range strings.Split(f.clean(st.Font, text), "\n") {
		lines := BreakIndent(para, st.Indent, f.g.BodyW, st.Size, f.metrics(st))
		for i, line := range lines {
			if f.Remaining() < st.Leading-1e-9 {
				f.NewPage()
			}
			x, w := f.g.Left, f.g.BodyW
			if i == 0 {
				x, w = x+st.Indent, w-st.Indent
			}
			f.Text(line, st, x, f.y, w)
			f.y += st.Leading
		}
	}
}

// Title sets a title centred on the type area, its lines balanced as
// Balance does. Each "\n" starts a new title line group.
func (f *Flow) Title(text string, st Style) {
	for _, para := range strings.Split(f.clean(st.Font, text), "\n") {
		for _, line := range Balance(para, f.g.BodyW, st.Size, f.metrics(st)) {
			if f.Remaining() < st.Leading-1e-9 {
				f.NewPage()
			}
			f.Text(line, st, f.g.Left, f.y, f.g.BodyW)
			f.y += st.Leading
		}
	}
}

// Heading sets a heading, keeping it on one page with the next keep
// millimetres of content, and adds an outline entry.
func (f *Flow) Heading(text string, st Style, level int, keep float64) {
	text = f.clean(st.Font, text)
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n += len(BreakIndent(para, st.Indent, f.g.BodyW, st.Size, f.metrics(st)))
	}
	f.Need(float64(n)*st.Leading + keep)
	f.Mark(strings.ReplaceAll(text, "\n", " "), level)
	f.Paragraph(text, st)
}

// Finish adds the page numbers and returns the layout. The Flow must not
// be used afterwards.
func (f *Flow) Finish() *Layout {
	g := f.g
	st := g.FolioStyle
	m := f.metrics(st)
	for i := range f.pages {
		n := f.pages[i].Number
		s := f.clean(st.Font, strings.ReplaceAll(g.Folio, "{n}", strconv.Itoa(n)))
		if s == "" {
			continue
		}
		w := m.Width(s, st.Size)
		x := g.Left + g.FolioInset
		if n%2 == 1 {
			x = g.Left + g.BodyW - g.FolioInset - w
		}
		top := g.Top + g.BodyH + g.FolioGap
		f.pages[i].Items = f.textItems(f.pages[i].Items, s, st, x, top+0.88*st.Size*PtToMM)
	}
	return &Layout{Width: g.Width, Height: g.Height, Pages: f.pages, Outline: f.outline}
}

// Fit shortens s with a trailing … until it is at most w millimetres wide
// in style st.
func (f *Flow) Fit(s string, st Style, w float64) string {
	s = f.clean(st.Font, s)
	m := f.metrics(st)
	if m.Width(s, st.Size) <= w {
		return s
	}
	lim := limit(w, st.Size) - m.Advance('…')
	used := 0
	for i, r := range s {
		if used+m.Advance(r) > lim {
			return s[:i] + "…"
		}
		used += m.Advance(r)
	}
	return s
}
