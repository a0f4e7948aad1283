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
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"strconv"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"fengong/export"
	"fengong/export/pdf/draw"
	"fengong/export/pdf/font"
	"fengong/export/pdf/layout"
	"fengong/extract"
	"fengong/progress"
	"fengong/templates"
)

// Layout is a brief laid out on pages: pure data.
type Layout = layout.Layout

// Fonts are TrueType (glyf outline) fonts for the four roles GB/T 9704
// names: titles (小标宋), body text (仿宋), 一、 headings (黑体) and （一）
// headings (楷体). A nil font is the embedded face of that role (package
// font). Font collections (.ttc) must be cut to one face first, with
// cmd/ttc2ttf. From says where each came from, for Faces; "" for the
// embedded ones.
type Fonts struct {
	Title, Body, Heading, Subheading []byte
	From                             struct{ Title, Body, Heading, Subheading string }
	// Cuts, when set, keeps the faces cut to the batch's runes from one
	// run to the next (see CutCache).
	Cuts CutCache
	// Warm, when set, holds these faces, the cuts Cuts keeps and the
	// wording, parsed ahead of NewRenderer (see Warm).
	Warm *Warm
}

// CutCache keeps faces cut to a batch's runes between runs. A cut is a
// function of the face's bytes and the runes alone (CutKey), and cutting
// is most of NewRenderer's time. Cut returns the cut kept under key, or
// nil, with the hex sha256 of its bytes when the cache knows it (else
// ""); NewRenderer checks what it returns (a TrueType face holding every
// rune) and cuts again when it is not. Keep is given every cut made.
// NewRenderer cuts its faces side by side: both may be called from
// several goroutines at once.
type CutCache interface {
	Cut(key string) (cut []byte, sum string)
	Keep(key string, cut []byte)
}

// cutVersion changes whenever the cut of the same face to the same runes
// would give other bytes (a change of the cutting code), so that cuts
// kept by an older fengong are never used.
const cutVersion = "fengong-cut-1"

// CutKey is the key of the cut of a face, whose bytes' sha256 is sum, to
// runes (sorted, distinct).
func CutKey(sum [32]byte, runes []rune) string {
	h := sha256.New()
	h.Write([]byte(cutVersion + "\x00"))
	h.Write(sum[:])
	h.Write([]byte(string(runes)))
	return hex.EncodeToString(h.Sum(nil))
}

// roles are the font roles, in the order their faces are tried when a
// role's own face lacks a rune (after the role's own face).
var roles = [...]string{layout.FontBody, layout.FontHeading, layout.FontTitle, layout.FontSubheading}

// fallbackKey is the key of the embedded hei face when it is no role's
// own face but ends the fallback chains.
const fallbackKey = "fallback"

// Renderer renders the briefs of one document. Its methods are safe for
// concurrent use.
type Renderer struct {
	doc       *extract.Document
	idx       *extract.Index // doc.Index(): each dept's tasks and targets
	opt       export.Options
	words     *wording
	title     string // opt.Title, doc.Title or the default
	date      string
	faces     []*face                     // distinct faces, each role's own first, in roles order
	drawFonts []draw.Font                 // the faces that draw something, cut and parsed once
	chains    [len(roles)][]*face         // by role: its own face, then the others
	metrics   [len(roles)]*layout.Metrics // by role: each rune's width in the face that draws it
	drawable  [len(roles)][]uint64        // by role: the runes its chain draws
	sub       [len(roles)]string          // by role: printed for a rune its chain lacks: □, else ?, else nothing
	tasks     map[string]*extract.Task
	rules     *progress.Rules // status.yaml: the statuses' words; nil without opt.Progress
	warnings  []string
	compress  bool // deflate page content; see compressPages
	subsets   Subsets
}

// Subsets keeps the deflated font subsets of the PDFs drawn, so that a
// PDF setting the same runes in the same face takes its stream instead of
// cutting and deflating the face again (draw.Subsets says how).
type Subsets = draw.Subsets

// WithSubsets returns a renderer that draws as r does, taking font
// subsets from s and telling it of those it embeds. r is left as it is;
// both may be used at once.
func (r *Renderer) WithSubsets(s Subsets) *Renderer {
	c := *r
	c.subsets = s
	return &c
}

// face is one distinct font of the batch, cut to what the batch prints
// with it.
type face struct {
	key      string // what layouts name it by: the first role it serves, or fallbackKey
	roles    []string
	from     string   // a path, or "" for an embedded face
	src      []byte   // as given
	sum      [32]byte // src's sha256
	parsed   *font.Face
	runes    []rune    // the runes it draws in this batch, sorted; nil if none
	draw     draw.Font // cut to runes, the font every document embeds (subset again by fpdf), parsed once for every PDF; no Data if it draws nothing
	metrics  *layout.Metrics
	drawable []uint64 // bitset of the runes cut holds
}

// FaceInfo says which face serves a role, for the run's log.
type FaceInfo struct {
	Role string // layout.FontTitle, …
	Name string // the face's PostScript name
	From string // its path; "" for the embedded face
}

// NewRenderer prepares the briefs of doc: it reads the wording, checks
// the fonts, cuts them to the characters the batch prints and measures
// them. It fails on a nil doc, on a font that is not a single TrueType
// (glyf) face and on an invalid pdf.yaml.
func NewRenderer(doc *extract.Document, opt export.Options, fonts Fonts) (*Renderer, error) {
	if doc == nil {
		return nil, errors.New("pdf: nil document")
	}
	warm := fonts.Warm
	words, err := warm.wording(opt.TemplateSet())
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	r := &Renderer{doc: doc, idx: opt.IndexOf(doc), opt: opt, words: words, date: opt.DateText(), compress: compressPages}
	if opt.Progress != nil {
		if r.rules, err = progress.LoadRules(opt.TemplateSet()); err != nil {
			return nil, fmt.Errorf("pdf: %w", err)
		}
	}
	r.title = opt.TitleOr(doc.Title)
	if r.title == "" {
		r.title = words.DefaultTitle
	}

	// each distinct font is parsed once; the faces are parsed and hashed
	// side by side
	pick := func(key, from string, data []byte) *face {
		for _, f := range r.faces {
			if sameFont(f.src, data) {
				return f
			}
		}
		f := &face{key: key, from: from, src: data}
		r.faces = append(r.faces, f)
		return f
	}
	own := [len(roles)]*face{}
	for i, role := range roles {
		data, from := fonts.face(role)
		own[i] = pick(role, from, data)
		own[i].roles = append(own[i].roles, role)
	}
	last := pick(fallbackKey, "", font.Hei())
	// parsed side by side, unless a Warm has parsed them (or is parsing
	// them): then a goroutine each would only wait for a core, behind the
	// run's long jobs
	if err := eachFace(r.faces, warm != nil, func(f *face) error {
		p, err := warm.face(f.src)
		if err != nil {
			return fmt.Errorf("pdf: %s font: %w", f.key, err)
		}
		f.parsed, f.sum = p.face, p.sum
		return nil
	}); err != nil {
		return nil, err
	}
	for i := range roles {
		r.chains[i] = append(r.chains[i], own[i])
		for _, f := range append(own[:], last) {
			if !slices.Contains(r.chains[i], f) {
				r.chains[i] = append(r.chains[i], f)
			}
		}
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
	// 《》〈〉: a title filled inside 《》 turns its own 《》 into 〈〉 (fill)
	add(words.Substitute + "…《》〈〉" + r.date + r.title)
	for _, ts := range []*templates.Set{opt.TemplateSet(), templates.Default()} {
		if b, err := ts.ReadFile("pdf.yaml"); err == nil {
			add(string(b))
		}
	}
	addDocument(doc, add)
	if opt.Progress != nil {
		addProgress(opt.Progress, add)
		for _, s := range progress.Order {
			add(r.rules.Label(s))
		}
	}

	// each rune goes to the first face of each chain that has it
	missing := beyond
	runes := make([][]rune, len(r.faces))
	index := func(f *face) int { return slices.Index(r.faces, f) }
	for i := range roles {
		r.drawable[i] = make([]uint64, len(want))
	}
	for c := range members(want[:]) {
		if !printable(c) {
			missing = missing || c != '\n'
			continue
		}
		for i := range roles {
			for _, f := range r.chains[i] {
				if f.parsed.Has(c) {
					r.drawable[i][c/64] |= 1 << (c % 64)
					if j := index(f); len(runes[j]) == 0 || runes[j][len(runes[j])-1] != c {
						runes[j] = append(runes[j], c)
					}
					break
				}
			}
			missing = missing || !bit(r.drawable[i], c)
		}
	}
	// cut each face to the runes it draws, then parse the cut once for
	// the PDFs and measure it; the faces side by side
	for j, f := range r.faces {
		if len(runes[j]) == 0 {
			continue
		}
		slices.Sort(runes[j])
		f.runes = slices.Compact(runes[j])
		f.drawable = make([]uint64, len(want))
		for _, c := range f.runes {
			f.drawable[c/64] |= 1 << (c % 64)
		}
	}
	// a face whose cut is kept (parsed by a Warm) is only measured, here;
	// the others are cut, parsed and measured side by side
	var toCut []*face
	for _, f := range r.faces {
		if f.runes == nil {
			continue
		}
		kept, ok := keptCut(f, f.runes, fonts.Cuts, warm)
		if !ok {
			toCut = append(toCut, f)
			continue
		}
		f.draw = kept.draw
		f.draw.Key, f.draw.Name = f.key, f.parsed.Name
		if err := f.measure(); err != nil {
			return nil, err
		}
	}
	if err := eachFace(toCut, false, func(f *face) error {
		data, err := cutNow(f, f.runes, fonts.Cuts)
		if err != nil {
			return fmt.Errorf("pdf: font: %w", err)
		}
		f.draw = draw.Font{Key: f.key, Name: f.parsed.Name, Data: data}
		if err := f.draw.Prepare(); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
		return f.measure()
	}); err != nil {
		return nil, err
	}
	// each role's metrics: the widths of the faces that draw its runes
	for i := range roles {
		m := &layout.Metrics{W: make([]uint16, 0x10000)}
		if head := r.chains[i][0].metrics; head != nil {
			m.Missing = head.Missing
		}
		top := 0
		for cr := range members(want[:]) {
			c := int(cr)
			if f := r.chainFace(i, cr); f != nil {
				if m.Missing == 0 {
					m.Missing = f.metrics.Missing
				}
				// a width equal to the face's missing width is stored as 0
				// in the face, and must be spelt out here
				if c < len(f.metrics.W) && f.metrics.W[c] == 65535 {
					m.W[c] = 65535
				} else {
					m.W[c] = uint16(f.metrics.Advance(rune(c)))
				}
				top = c
			}
		}
		m.W = m.W[:top+1]
		r.metrics[i] = m
		switch {
		case words.Substitute != "" && allRunes(words.Substitute, r.roleHas(i)):
			r.sub[i] = words.Substitute
		case r.roleHas(i)('?'):
			r.sub[i] = "?"
		}
	}

	for _, f := range r.faces {
		if f.draw.Data != nil {
			r.drawFonts = append(r.drawFonts, f.draw)
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

// keptCut is the cut of f to runes kept in cuts, parsed (by warm, or
// now) and prepared for drawing, when it is a face of f's name that
// holds every one of them.
func keptCut(f *face, runes []rune, cuts CutCache, warm *Warm) (parsedCut, bool) {
	if cuts == nil {
		return parsedCut{}, false
	}
	kept, sum := cuts.Cut(CutKey(f.sum, runes))
	if kept == nil {
		return parsedCut{}, false
	}
	c, err := warm.cut(kept, sum)
	if err != nil || c.face.Name != f.parsed.Name || !allRunes(string(runes), c.face.Has) {
		return parsedCut{}, false
	}
	return c, true
}

// cutNow cuts f to runes, and gives the cut to cuts to keep.
func cutNow(f *face, runes []rune, cuts CutCache) ([]byte, error) {
	out, err := draw.Cut(f.src, runes)
	if err != nil || cuts == nil {
		return out, err
	}
	cuts.Keep(CutKey(f.sum, runes), out)
	return out, nil
}

// role returns the font given for a role and where it came from.
func (f Fonts) role(role string) ([]byte, string) {
	switch role {
	case layout.FontTitle:
		return f.Title, f.From.Title
	case layout.FontHeading:
		return f.Heading, f.From.Heading
	case layout.FontSubheading:
		return f.Subheading, f.From.Subheading
	}
	return f.Body, f.From.Body
}

// face returns the font a role is drawn with: the one given, else its
// embedded face.
func (f Fonts) face(role string) ([]byte, string) {
	if data, from := f.role(role); data != nil {
		return data, from
	}
	return defaultFont(role), ""
}

// defaultFont is the embedded face of a role.
func defaultFont(role string) []byte {
	switch role {
	case layout.FontTitle:
		return font.SongBold()
	case layout.FontHeading:
		return font.Hei()
	case layout.FontSubheading:
		return font.Kai()
	}
	return font.Song()
}

// printable reports whether a rune is drawn at all: control and format
// characters never are, whatever the font says.
func printable(c rune) bool {
	return c <= 0xFFFF && c != utf8.RuneError && !unicode.IsControl(c) && !unicode.Is(unicode.Cf, c) && !unicode.Is(unicode.Cs, c)
}

// measure measures the runes f draws in its cut.
func (f *face) measure() (err error) {
	if f.metrics, err = f.draw.Measure(f.runes); err != nil {
		return fmt.Errorf("pdf: font: %w", err)
	}
	return nil
}

func (f *face) has(c rune) bool {
	return f.drawable != nil && c >= 0 && c <= 0xFFFF && bit(f.drawable, c)
}

// roleIndex is the index of a role in roles; body for an unknown one.
func roleIndex(role string) int {
	if i := slices.Index(roles[:], role); i >= 0 {
		return i
	}
	return 0
}

// chainFace is the face that draws c in role i, or nil.
func (r *Renderer) chainFace(i int, c rune) *face {
	for _, f := range r.chains[i] {
		if f.has(c) {
			return f
		}
	}
	return nil
}

func (r *Renderer) roleHas(i int) func(rune) bool {
	return func(c rune) bool { return c >= 0 && c <= 0xFFFF && bit(r.drawable[i], c) }
}

// runs cuts s, set in role, into the runs of the faces that draw it.
func (r *Renderer) runs(role, s string) []layout.Run {
	i := roleIndex(role)
	var out []layout.Run
	start, cur := 0, (*face)(nil)
	for j, c := range s {
		f := r.chainFace(i, c)
		if f == nil {
			f = r.chains[i][0]
		}
		if f != cur && j > start {
			out = append(out, layout.Run{Font: cur.key, Text: s[start:j]})
			start = j
		}
		cur = f
	}
	if start < len(s) {
		out = append(out, layout.Run{Font: cur.key, Text: s[start:]})
	}
	return out
}

// Faces lists the face that serves each role, in the order title, body,
// heading, subheading.
func (r *Renderer) Faces() []FaceInfo {
	var out []FaceInfo
	for _, role := range []string{layout.FontTitle, layout.FontBody, layout.FontHeading, layout.FontSubheading} {
		f := r.chains[roleIndex(role)][0]
		out = append(out, FaceInfo{Role: role, Name: f.parsed.Name, From: f.from})
	}
	return out
}

// fonts are the faces a build draws with, by key, parsed once.
func (r *Renderer) fonts() []draw.Font { return r.drawFonts }

// eachFace runs fn for every face, side by side (or one after the other,
// inline), and returns the first error in the faces' order.
func eachFace(faces []*face, inline bool, fn func(*face) error) error {
	if inline {
		for _, f := range faces {
			if err := fn(f); err != nil {
				return err
			}
		}
		return nil
	}
	errs := make([]error, len(faces))
	var wg sync.WaitGroup
	for i, f := range faces {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn(f)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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
	d, err := r.BriefDraft()
	if err != nil {
		return nil, err
	}
	return d.Draw()
}

// BriefDraft lays out the overall brief, to be drawn (Draft.Draw).
func (r *Renderer) BriefDraft() (*Draft, error) {
	l, err := r.BriefLayout()
	if err != nil {
		return nil, err
	}
	return &Draft{r: r, layout: l, meta: r.meta(r.title, r.words.Brief.Subject)}, nil
}

// Draft is a PDF laid out and not yet drawn: its layout and the document
// information it will carry. Drawing it is a function of those, of the
// renderer's faces (Fingerprint) and of this build's drawing code alone,
// so Sum identifies the bytes Draw makes: a batch run keys the overall
// brief by it, and reuses the previous brief when what it prints did not
// change (an edit past a task's first sentence, which the brief's gist
// leaves out).
type Draft struct {
	r      *Renderer
	layout *Layout
	meta   draw.Meta
}

// Sum is the hex sha256 of the draft's layout (layout.Sum) and document
// information.
func (d *Draft) Sum() string {
	h := sha256.New()
	l := d.layout.Sum()
	h.Write(l[:])
	m := d.meta
	for _, s := range []string{m.Title, m.Author, m.Subject, m.Creator, m.Date.UTC().Format(time.RFC3339Nano), strconv.FormatBool(m.Compress)} {
		h.Write([]byte(strconv.Itoa(len(s)) + ":" + s))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Draw draws the draft.
func (d *Draft) Draw() ([]byte, error) { return d.r.drawMeta(d.layout, d.meta) }

// DeptLayout lays out the task list of one dept. It fails for a name that
// is not one of the document's depts.
func (r *Renderer) DeptLayout(dept string) (*Layout, error) {
	d := r.idx.Dept(dept)
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
	return r.drawTitled(l, r.title, subject)
}

// drawTitled draws l with title as the PDF's title.
func (r *Renderer) drawTitled(l *Layout, title, subject string) ([]byte, error) {
	return r.drawMeta(l, r.meta(title, subject))
}

// meta is the document information of a PDF of this renderer's.
func (r *Renderer) meta(title, subject string) draw.Meta {
	return draw.Meta{
		Title:    r.clean(layout.FontBody, title, nil),
		Author:   r.clean(layout.FontBody, r.office(), nil),
		Subject:  r.clean(layout.FontBody, subject, nil),
		Creator:  "fengong",
		Date:     r.opt.Date,
		Compress: r.compress,
	}
}

// drawMeta draws l with the document information m, and the renderer's
// subsets.
func (r *Renderer) drawMeta(l *Layout, m draw.Meta) ([]byte, error) {
	m.Subsets = r.subsets
	b, err := draw.PDF(l, r.fonts(), m)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return b, nil
}

// compressPages deflates page content. With the patched fpdf's pooled
// klauspost writers it costs nothing measurable (BenchmarkDeptAll and
// BenchmarkDeptAllCompressed: 5.9 and 5.6 ms a brief, 2026-11-28) and
// makes the seed's briefs 6% smaller, so fewer bytes to write.
const compressPages = true

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
	if r.opt.Progress != nil {
		subs := map[rune]string{}
		r.noticeLayout(subs)
		report("notice", subs)
	}
	slices.Sort(r.warnings)
	r.warnings = slices.Compact(r.warnings)
}

// clean replaces every rune the font of role cannot draw by its
// substitute, recording it in subs when subs is not nil. A newline stays:
// the layout starts a new paragraph there.
func (r *Renderer) clean(role, s string, subs map[rune]string) string {
	i := roleIndex(role)
	has, sub := r.roleHas(i), r.sub[i]
	ok := true
	for _, c := range s {
		if c != '\n' && !has(c) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, c := range s {
		if c == '\n' || has(c) {
			b = utf8.AppendRune(b, c)
			continue
		}
		if subs != nil {
			subs[c] = sub
		}
		b = append(b, sub...)
	}
	return string(b)
}

func bit(set []uint64, c rune) bool { return set[c/64]&(1<<(c%64)) != 0 }

// members yields the runes of a bitset, in order: the batch's few
// thousand runes, not the 65,536 a loop over the BMP would test.
func members(set []uint64) iter.Seq[rune] {
	return func(yield func(rune) bool) {
		for i, w := range set {
			for w != 0 {
				if !yield(rune(i*64 + bits.TrailingZeros64(w))) {
					return
				}
				w &= w - 1
			}
		}
	}
}

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
	add(doc.Issuer) // the red header's office: 洋县人民政府办公厅
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
