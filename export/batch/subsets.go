package batch

import (
	"bytes"
	"strconv"
	"sync"

	"fengong/export/pdf"
)

// SubsetRef is where a PDF of the pack holds the deflated subset of one of
// its faces (manifest.json "subsets"): the subset's key (draw.SubsetKey:
// the face's data and the runes it sets), the offset and length of its
// stream in the file, and the length of the font it inflates to. A run
// with --incremental that draws a PDF setting the same runes in the same
// face takes that stream from the previous pack instead of cutting and
// deflating the face again: in a one-edit run, cutting and deflating was
// half the time of the two PDFs drawn again.
type SubsetRef struct {
	Key    string `json:"key"`
	Offset int    `json:"offset"`
	Length int    `json:"length"`
	Raw    int    `json:"raw"`
}

// packSubsets gives the run's PDFs the subsets of the previous pack's
// PDFs. A stream is taken only from a PDF the previous manifest lists,
// read and found to have the manifest's sha256 (or trusted unread as any
// reused file is: the size recorded and not modified since), and only if
// it sits where a font file stream does: after "/Length1 N >> stream",
// before "endstream". Each file is read once.
type packSubsets struct {
	prev *prevPack         // nil: nothing to take (not --incremental, no pack)
	took func(path string) // test hook (Options.tookSubset), or nil

	once  sync.Once
	where map[string][]subsetAt // key → the previous PDFs holding it

	mu    sync.Mutex
	files map[string][]byte // previous PDFs read and checked, by path; nil: unusable
}

type subsetAt struct {
	entry FileEntry
	ref   SubsetRef
}

func newPackSubsets(prev *prevPack, took func(path string)) *packSubsets {
	return &packSubsets{prev: prev, took: took, files: map[string][]byte{}}
}

// index lists the previous manifest's subsets by key.
func (s *packSubsets) index() {
	s.where = map[string][]subsetAt{}
	if s.prev == nil {
		return
	}
	for _, e := range s.prev.manifest.Files {
		if _, ok := s.prev.files[e.Path]; !ok {
			continue // a path openPrevious refused
		}
		for _, ref := range e.Subsets {
			s.where[ref.Key] = append(s.where[ref.Key], subsetAt{e, ref})
		}
	}
}

// subset returns the stream of the subset key from the previous pack, or
// nil.
func (s *packSubsets) subset(key string) ([]byte, int) {
	s.once.Do(s.index)
	for _, at := range s.where[key] {
		data := s.file(at.entry)
		if z := streamAt(data, at.ref); z != nil {
			if s.took != nil {
				s.took(at.entry.Path)
			}
			return z, at.ref.Raw
		}
	}
	return nil, 0
}

// file returns the bytes of a previous PDF, checked, or nil.
func (s *packSubsets) file(e FileEntry) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if data, ok := s.files[e.Path]; ok {
		return data
	}
	_, data := s.prev.intactBytes(e)
	s.files[e.Path] = data
	return data
}

// streamAt returns the stream ref points at in data, or nil when it does
// not point at a font file stream of ref.Raw bytes.
func streamAt(data []byte, ref SubsetRef) []byte {
	if ref.Offset <= 0 || ref.Length <= 0 || ref.Raw <= 0 || ref.Offset > len(data) || ref.Length > len(data)-ref.Offset {
		return nil
	}
	head := "/Length1 " + strconv.Itoa(ref.Raw) + "\n>>\nstream\n"
	if !bytes.HasSuffix(data[:ref.Offset], []byte(head)) ||
		!bytes.HasPrefix(data[ref.Offset+ref.Length:], []byte("\nendstream")) {
		return nil
	}
	return data[ref.Offset : ref.Offset+ref.Length]
}

// fileSubsets is the pdf.Subsets of one PDF job: it takes from the run's
// packSubsets and records the subsets its file holds in f.Subsets.
type fileSubsets struct {
	s *packSubsets
	f *File
}

var _ pdf.Subsets = fileSubsets{}

func (fs fileSubsets) Subset(key string) ([]byte, int) { return fs.s.subset(key) }

func (fs fileSubsets) Keep(key string, raw, offset, length int) {
	fs.f.Subsets = append(fs.f.Subsets, SubsetRef{Key: key, Offset: offset, Length: length, Raw: raw})
}
