package batch

import (
	"path"
	"sync"

	"fengong/export/pdf"
)

// cutsDir is the pack's folder of the PDF faces cut to the batch's
// characters: one file per face, named by its pdf.CutKey, listed in the
// manifest (kind font-cut). Cutting the faces is most of the time a PDF
// batch spends before its first brief; a run with --incremental takes the
// previous pack's cuts when the faces and the characters are the same.
const cutsDir = ".fengong/cuts"

// packCuts is the run's pdf.CutCache. A cut is taken from the previous
// pack only with --incremental, only from a file the previous manifest
// lists at its path with the same key, and only with the recorded sha256
// (prevPack.reusable, then the bytes read and hashed); it is published in
// the new pack like any reused file. Every cut made is published. Its
// methods are called by NewRenderer, one goroutine per face, before any
// job starts.
type packCuts struct {
	r    *Run
	prev *prevPack // nil: nothing to take

	mu    sync.Mutex // guards added and r.files
	added map[string]bool

	// ahead are the previous pack's cuts, by path, read by readAhead
	// while the model is extracted; Cut waits for read to be closed
	// (nil: nothing read ahead, so Cut reads what it takes)
	read  chan struct{}
	ahead map[string]keptCut
}

// keptCut is a previous cut read ahead: the file checked and its bytes.
type keptCut struct {
	src  *prevFile
	data []byte
}

var _ pdf.CutCache = (*packCuts)(nil)

func newPackCuts(r *Run, prev *prevPack) *packCuts {
	return &packCuts{r: r, prev: prev, added: map[string]bool{}}
}

func (c *packCuts) file(key string) *File {
	return &File{Path: path.Join(cutsDir, key+".ttf"), Kind: KindFontCut, Key: key}
}

// maxCutsAhead bounds the cuts read ahead: a run has at most one per
// role and the fallback face, and a manifest listing more (whoever can
// write DIR writes it) must not make the run read and hold them all.
const maxCutsAhead = 8

// readAhead starts reading, in the background, the cuts the previous
// manifest lists that are still what it says (the first maxCutsAhead),
// checked as Cut checks what it takes, and hands each to parse once all
// are read (a pdf.Warm parses them, while the model is extracted).
func (c *packCuts) readAhead(parse func(data []byte, sum string)) {
	c.read = make(chan struct{})
	go func() {
		c.ahead = map[string]keptCut{}
		if c.prev != nil {
			for _, e := range c.prev.manifest.Files {
				if e.Kind != KindFontCut || e.Path != c.file(e.Key).Path || len(c.ahead) == maxCutsAhead {
					continue
				}
				if src, data := c.prev.intactBytes(e); data != nil {
					c.ahead[e.Path] = keptCut{src, data}
				}
			}
		}
		close(c.read)
		for _, k := range c.ahead {
			parse(k.data, k.src.entry.SHA256)
		}
	}()
}

// previous is the previous pack's cut for f, checked, and its bytes: the
// one read ahead, else read now.
func (c *packCuts) previous(f *File) (*prevFile, []byte) {
	if c.read != nil {
		<-c.read
		if k, ok := c.ahead[f.Path]; ok && k.src.entry.Key == f.Key {
			return k.src, k.data
		}
	}
	src, ok := c.prev.reusable(f)
	if !ok {
		return nil, nil
	}
	// the bytes are wanted whether or not the file was trusted unread
	return src, c.prev.checkedBytes(src)
}

// Cut returns the previous pack's cut for key, published again, with the
// sha256 its manifest records, or nil.
func (c *packCuts) Cut(key string) ([]byte, string) {
	f := c.file(key)
	if c.prev == nil || c.has(f) {
		return nil, ""
	}
	src, data := c.previous(f)
	if data == nil {
		return nil, ""
	}
	// linked as Run.reuse links, from the file reusable checked; written
	// from the bytes checked when it had to be read or cannot be linked
	if src.data != nil || c.r.pub.link(f, src) != nil {
		c.r.pub.send(f, data)
	}
	f.reused = true
	c.add(f)
	return data, src.entry.SHA256
}

// Keep publishes a cut made by this run.
func (c *packCuts) Keep(key string, cut []byte) {
	f := c.file(key)
	if c.has(f) {
		return
	}
	c.r.pub.send(f, cut)
	c.add(f)
}

func (c *packCuts) has(f *File) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.added[f.Path]
}

func (c *packCuts) add(f *File) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.added[f.Path] = true
	c.r.files = append(c.r.files, f)
}
