// Package pdf renders the PDF briefs of a 分工意见: one task list per dept
// (Renderer.Dept) and one overall brief for leaders (Renderer.Brief).
//
// A brief is laid out first, as pure data (Renderer.DeptLayout,
// Renderer.BriefLayout, whose JSON the golden tests keep), then drawn by
// package draw, the only code that calls the PDF library. Text is real
// text in an embedded, subset TrueType font, so it can be searched and
// copied. Pages follow GB/T 9704 where it applies: A4, a 156×225 mm type
// area 37 mm from the top and 28 mm from the left, page numbers "— n —"
// at the foot, right on odd pages and left on even ones.
//
// The default font is WenQuanYi Micro Hei (package font); Fonts can give
// other TrueType fonts for body text, headings and titles. NewRenderer
// reads the fonts once for a whole batch: it collects every character the
// batch can print, cuts each font down to them and measures them, so that
// each document only loads a small font. A character the fonts cannot
// draw (an emoji, a control character, a rare ideograph) is printed as the
// template's substitute (□) and reported by Warnings.
//
// All wording comes from templates/pdf.yaml.
package pdf

import (
	"errors"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"fengong/export"
	"fengong/export/pdf/draw"
	"fengong/export/pdf/font"
	"fengong/export/pdf/layout"
	"fengong/extract"
	"fengong/templates"
)

// Layout is a brief laid out on pages: pure data.
type Layout = layout.Layout

// Fonts are TrueType (glyf outline) fonts for the three roles of a brief:
// body text (仿宋 in a 公文), headings (黑体) and titles (小标宋). A nil
// font is the embedded WenQuanYi Micro Hei. Font collections (.ttc) must
// be cut to one face first, with cmd/ttc2ttf.
type Fonts struct {
	Body, Heading, Title []byte
}

// Renderer renders the briefs of one document. Its methods are safe for
// concurrent use.
type Renderer struct {
	doc         *extract.Document
	opt         export.Options
	words       *wording
	title       string // opt.Title, doc.Title or the default
	date        string
	bodyFont    *face // the fonts by role; roles given the same font share one
	headingFont *face
	titleFont   *face
	tasks       map[string]*extract.Task
	warnings    []string
	compress    bool // deflate page content; see compressPages
}

// face is one distinct font of the batch, cut to what the batch prints.
type face struct {
	src      []byte // as given
	parsed   *font.Face
	cut      []byte // the font every document embeds (subset again by fpdf)
	metrics  *layout.Metrics
	drawable []uint64 // bitset of the runes cut holds
	sub      string   // printed for a rune the font lacks: □, else ?, else nothing
}

// NewRenderer prepares the briefs of doc: it reads the wording, checks
// the fonts, cuts them to the characters the batch prints and measures
// them. It fails on a nil doc, on a font that is not a single TrueType
// (glyf) face and on an invalid pdf.yaml.
func NewRenderer(doc *extract.Document, opt export.Options, fonts Fonts) (*Renderer, error) {
	if doc == nil {
		return nil, errors.New("pdf: nil document")
	}
	words, err := loadWording(opt.TemplateSet())
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	r := &Renderer{doc: doc, opt: opt, words: words, date: opt.DateText(), compress: compressPages}
	r.title = opt.Title
	if r.title == "" {
		r.title = doc.Title
	}
	if r.title == "" {
		r.title = words.DefaultTitle
	}

	// each distinct font is parsed once
	var faces []*face
	pick := func(role string, data []byte) (*face, error) {
		if data == nil {
			data = font.Default()
		}
		for _, f := range faces {
			if sameFont(f.src, data) {
				return f, nil
			}
		}
		parsed, err := font.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("pdf: %s font: %w", role, err)
		}
		f := &face{src: data, parsed: parsed}
		faces = append(faces, f)
		return f, nil
	}
	if r.bodyFont, err = pick(layout.FontBody, fonts.Body); err != nil {
		return nil, err
	}
	if r.headingFont, err = pick(layout.FontHeading, fonts.Heading); err != nil {
		return nil, err
	}
	if r.titleFont, err = pick(layout.FontTitle, fonts.Title); err != nil {
		return nil, err
	}

	// every rune the batch can print; runes no font can hold are noted
	var want [0x10000 / 64]uint64
	beyond := false // a rune above U+FFFF, which no font here can draw
	add := func(s string) {
		for _, c := range s {
			if c > 0xFFFF {
				beyond = true
				continue
			}
			want[c/64] |= 1 << (c % 64)
		}
	}
	for c := rune(' '); c <= '~'; c++ {
		add(string(c))
	}
	add(words.Substitute + "…" + r.date + r.title)
	for _, ts := range []*templates.Set{opt.TemplateSet(), templates.Default()} {
		if b, err := ts.ReadFile("pdf.yaml"); err == nil {
			add(string(b))
		}
	}
	addDocument(doc, add)

	// cut and measure each font to the runes it can draw
	missing := beyond
	for _, f := range faces {
		f.drawable = make([]uint64, len(want))
		runes := make([]rune, 0, 2048)
		for c := rune(0); c <= 0xFFFF; c++ {
			if !bit(want[:], c) {
				continue
			}
			if !printable(c) || !f.parsed.Has(c) {
				missing = missing || c != '\n'
				continue
			}
			f.drawable[c/64] |= 1 << (c % 64)
			runes = append(runes, c)
		}
		switch {
		case words.Substitute != "" && allRunes(words.Substitute, f.has):
			f.sub = words.Substitute
		case f.has('?'):
			f.sub = "?"
		}
		if len(runes) == 0 {
			runes = append(runes, ' ')
		}
		if f.cut, err = draw.Cut(f.src, runes); err != nil {
			return nil, fmt.Errorf("pdf: font: %w", err)
		}
		if f.metrics, err = draw.Measure(f.cut, runes); err != nil {
			return nil, fmt.Errorf("pdf: font: %w", err)
		}
	}

	r.tasks = make(map[string]*extract.Task, doc.TaskCount())
	for i := range doc.Items {
		for j := range doc.Items[i].Tasks {
			t := &doc.Items[i].Tasks[j]
			if _, dup := r.tasks[t.ID]; !dup {
				r.tasks[t.ID] = t
			}
		}
	}
	if missing {
		r.collectWarnings()
	}
	return r, nil
}

// printable reports whether a rune is drawn at all: control and format
// characters never are, whatever the font says.
func printable(c rune) bool {
	return c <= 0xFFFF && c != utf8.RuneError && !unicode.IsControl(c) && !unicode.Is(unicode.Cf, c) && !unicode.Is(unicode.Cs, c)
}

func (f *face) has(c rune) bool { return c >= 0 && c <= 0xFFFF && bit(f.drawable, c) }

// face returns the font of a role.
func (r *Renderer) face(role string) *face {
	switch role {
	case layout.FontHeading:
		return r.headingFont
	case layout.FontTitle:
		return r.titleFont
	}
	return r.bodyFont
}

// fonts are the fonts a build draws with, by role.
func (r *Renderer) fonts() []draw.Font {
	return []draw.Font{
		{Role: layout.FontBody, Data: r.bodyFont.cut},
		{Role: layout.FontHeading, Data: r.headingFont.cut},
		{Role: layout.FontTitle, Data: r.titleFont.cut},
	}
}

// Dept renders the task list of one dept.
func (r *Renderer) Dept(dept string) ([]byte, error) {
	l, err := r.DeptLayout(dept)
	if err != nil {
		return nil, err
	}
	return r.draw(l, fill(r.words.Dept.Subject, "dept", dept))
}

// Brief renders the overall brief.
func (r *Renderer) Brief() ([]byte, error) {
	l, err := r.BriefLayout()
	if err != nil {
		return nil, err
	}
	return r.draw(l, r.words.Brief.Subject)
}

// DeptLayout lays out the task list of one dept. It fails for a name that
// is not one of the document's depts.
func (r *Renderer) DeptLayout(dept string) (*Layout, error) {
	d := r.doc.Dept(dept)
	if d == nil {
		return nil, fmt.Errorf("pdf: unknown dept %q", dept)
	}
	return r.deptLayout(d, nil), nil
}

// BriefLayout lays out the overall brief.
func (r *Renderer) BriefLayout() (*Layout, error) {
	return r.briefLayout(nil), nil
}

// Warnings lists the characters replaced because the fonts cannot draw
// them, one line per brief and character, sorted.
func (r *Renderer) Warnings() []string {
	return slices.Clone(r.warnings)
}

func (r *Renderer) draw(l *Layout, subject string) ([]byte, error) {
	b, err := draw.PDF(l, r.fonts(), draw.Meta{
		Title:    r.clean(layout.FontBody, r.title, nil),
		Subject:  r.clean(layout.FontBody, subject, nil),
		Creator:  "fengong",
		Date:     r.opt.Date,
		Compress: r.compress,
	})
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return b, nil
}

// compressPages deflates page content. See the package benchmarks: it
// costs a zlib writer per page and shrinks each brief by about a quarter.
const compressPages = false

// collectWarnings lays out every brief once, recording each character
// replaced in it.
func (r *Renderer) collectWarnings() {
	report := func(ctx string, subs map[rune]string) {
		keys := make([]rune, 0, len(subs))
		for c := range subs {
			keys = append(keys, c)
		}
		slices.Sort(keys)
		for _, c := range keys {
			r.warnings = append(r.warnings, fmt.Sprintf("%q: %U replaced by %q", ctx, c, subs[c]))
		}
	}
	for i := range r.doc.Depts {
		subs := map[rune]string{}
		r.deptLayout(&r.doc.Depts[i], subs)
		report(r.doc.Depts[i].Name, subs)
	}
	subs := map[rune]string{}
	r.briefLayout(subs)
	report("overall brief", subs)
	slices.Sort(r.warnings)
	r.warnings = slices.Compact(r.warnings)
}

// clean replaces every rune the font of role cannot draw by its
// substitute, recording it in subs when subs is not nil. A newline stays:
// the layout starts a new paragraph there.
func (r *Renderer) clean(role, s string, subs map[rune]string) string {
	f := r.face(role)
	ok := true
	for _, c := range s {
		if c != '\n' && !f.has(c) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, c := range s {
		if c == '\n' || f.has(c) {
			b = utf8.AppendRune(b, c)
			continue
		}
		if subs != nil {
			subs[c] = f.sub
		}
		b = append(b, f.sub...)
	}
	return string(b)
}

func bit(set []uint64, c rune) bool { return set[c/64]&(1<<(c%64)) != 0 }

func allRunes(s string, f func(rune) bool) bool {
	for _, c := range s {
		if !f(c) {
			return false
		}
	}
	return true
}

// sameFont reports whether two fonts are the same data.
func sameFont(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0] || string(a) == string(b))
}

// addDocument feeds every string of doc a brief can print to add.
func addDocument(doc *extract.Document, add func(string)) {
	add(doc.Title)
	for _, s := range doc.Sections {
		add(s.Number)
		add(s.Title)
	}
	for _, it := range doc.Items {
		for _, t := range it.Tasks {
			add(t.ID)
			add(t.Text)
			add(t.Deadline)
			for _, l := range [][]string{t.Lead, t.Co, t.Respective, t.Groups} {
				for _, s := range l {
					add(s)
				}
			}
		}
	}
	for _, t := range doc.Targets {
		add(t.Text)
		add(t.Task)
	}
	for _, l := range doc.Lists {
		add(l.Name)
		add(l.Task)
		for _, m := range l.Members {
			add(m)
		}
	}
	for _, d := range doc.Depts {
		add(d.Name)
		add(d.Kind)
	}
	for _, w := range doc.Warnings {
		add(w.Message)
	}
}
