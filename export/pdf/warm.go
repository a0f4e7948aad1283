package pdf

import (
	"sync"

	"fengong/export/pdf/draw"
	"fengong/export/pdf/font"
	"fengong/templates"
)

// Warm holds what NewRenderer reads before it reads the document, made
// ahead of it: a batch run parses its faces, the faces it kept cut from
// the run before and the wording while the model is extracted, on a core
// that would otherwise wait. NewRenderer takes each from it when it is
// of the very same bytes (a face: the same slice; a kept cut: the same
// sha256 and bytes; the wording: the same template set), and parses
// whatever it lacks itself. Each thing is parsed once: whoever asks
// first parses it, and whoever asks meanwhile waits for that parse. The
// zero value is an empty Warm; a nil *Warm parses everything afresh.
// Safe for concurrent use.
type Warm struct {
	mu    sync.Mutex
	faces map[fontID]*parse[parsedFace]
	cuts  map[string]*parse[parsedCut]
	words map[any]*parse[*wording] // by wordingKey
}

// NewWarm returns an empty Warm.
func NewWarm() *Warm { return &Warm{} }

// Faces parses the faces NewRenderer draws with fonts: each role's (the
// one given, else its embedded face) and the embedded fallback, as
// NewRenderer does (font.Parse, font.Sum).
func (w *Warm) Faces(fonts Fonts) {
	for _, role := range roles {
		data, _ := fonts.face(role)
		w.face(data)
	}
	w.face(font.Hei())
}

// Cut parses a cut kept from a run before, whose bytes' hex sha256 is
// sum, as NewRenderer does when it is given the cut (font.Parse, then
// prepared for drawing).
func (w *Warm) Cut(data []byte, sum string) { w.cut(data, sum) }

// Wording reads pdf.yaml from ts (nil: the embedded defaults).
func (w *Warm) Wording(ts *templates.Set) { w.wording(ts) }

// parse is one thing parsed once, by whoever asks first.
type parse[T any] struct {
	once sync.Once
	v    T
	err  error
}

func (p *parse[T]) do(fn func() (T, error)) (T, error) {
	p.once.Do(func() { p.v, p.err = fn() })
	return p.v, p.err
}

// entry is the parse of key in *m, made if missing (and *m with it).
func entry[K comparable, T any](mu *sync.Mutex, m *map[K]*parse[T], key K) *parse[T] {
	mu.Lock()
	defer mu.Unlock()
	if *m == nil {
		*m = map[K]*parse[T]{}
	}
	p := (*m)[key]
	if p == nil {
		p = &parse[T]{}
		(*m)[key] = p
	}
	return p
}

// fontID is a font's bytes by identity: the faces of a run are the same
// slices from preflight to NewRenderer.
type fontID struct {
	first *byte
	n     int
}

type parsedFace struct {
	face *font.Face
	sum  [32]byte
}

func parseFace(data []byte) (parsedFace, error) {
	f, err := font.Parse(data)
	if err != nil {
		return parsedFace{}, err
	}
	return parsedFace{f, font.Sum(data)}, nil
}

func (w *Warm) face(data []byte) (parsedFace, error) {
	if w == nil || len(data) == 0 {
		return parseFace(data)
	}
	return entry(&w.mu, &w.faces, fontID{&data[0], len(data)}).do(func() (parsedFace, error) { return parseFace(data) })
}

// parsedCut is a kept cut, prepared for drawing.
type parsedCut struct {
	data []byte
	face *font.Face // its coverage and name
	draw draw.Font  // Data, Sum and the parse; no Key or Name
}

func parseCut(data []byte, sum string) (parsedCut, error) {
	d := draw.Font{Data: data, Sum: sum}
	if err := d.Prepare(); err != nil {
		return parsedCut{}, err
	}
	return parsedCut{data, d.Face(), d}, nil
}

// cut is the parse of a kept cut. One whose sum is unknown, or whose
// bytes are not those parsed under its sum, is parsed afresh.
func (w *Warm) cut(data []byte, sum string) (parsedCut, error) {
	if w == nil || sum == "" {
		return parseCut(data, sum)
	}
	c, err := entry(&w.mu, &w.cuts, sum).do(func() (parsedCut, error) { return parseCut(data, sum) })
	if err == nil && !sameFont(c.data, data) {
		return parseCut(data, sum)
	}
	return c, err
}

func (w *Warm) wording(ts *templates.Set) (*wording, error) {
	if ts == nil {
		ts = templates.Default()
	}
	if w == nil {
		return loadWording(ts)
	}
	return entry(&w.mu, &w.words, wordingKey(ts)).do(func() (*wording, error) { return loadWording(ts) })
}

// wordingKey is what a template set's pdf.yaml is known by: the embedded
// file, which every set without an override of it reads (templates.Default
// makes a new set each time), or the set itself.
func wordingKey(ts *templates.Set) any {
	if ts.Embedded("pdf.yaml") {
		return "embedded:pdf.yaml"
	}
	return ts
}
