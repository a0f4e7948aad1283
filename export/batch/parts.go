package batch

import (
	"sync"

	"fengong/export/xlsx"
)

// PartRef is a worksheet part of the master workbook and its key
// (manifest.json "parts"): a run with --incremental that makes the master
// again takes each sheet whose key is unchanged from the previous pack's
// copy, deflated as it is there, instead of writing and deflating it
// again (xlsx.Parts). The key sums the sheet's cells and fields and the
// master's run view (date, title, wording and the other templates); a
// part is taken only from a pack the same build made (its manifest's
// tool.build), since the code makes the rest of the part.
type PartRef struct {
	Name string `json:"name"`
	Key  string `json:"key"`
}

// packParts is the xlsx.Parts of a workbook's job: it lends the parts of
// the previous pack's copy at the same path, read once and checked as any
// reused file is (the manifest's size and time, else its sha256), and
// records the parts of the copy made in f.Parts.
type packParts struct {
	prev *prevPack // nil: nothing to lend
	f    *File
	run  string // what every key adds to the sheet's own: the workbook's run view
	took func(path, part string)

	once sync.Once
	data []byte            // the previous copy, checked; nil: nothing to lend
	keys map[string]string // its parts' keys, by name
}

var _ xlsx.Parts = (*packParts)(nil)

func newPackParts(prev *prevPack, f *File, run, build string, took func(path, part string)) *packParts {
	if prev == nil || prev.manifest.Tool.Build != build {
		prev = nil // another build's pack: nothing lent
	}
	return &packParts{prev: prev, f: f, run: run, took: took}
}

func (p *packParts) key(sheet string) string { return sha([]byte(p.run + "\x00" + sheet)) }

func (p *packParts) Keep(name, sheet string) {
	p.f.Parts = append(p.f.Parts, PartRef{Name: name, Key: p.key(sheet)})
}

func (p *packParts) Part(name, sheet string) ([]byte, uint32, uint64, bool) {
	p.once.Do(p.load)
	if p.data == nil || p.keys[name] != p.key(sheet) {
		return nil, 0, 0, false
	}
	raw, crc, size, ok := xlsx.PartOf(p.data, name)
	if ok && p.took != nil {
		p.took(p.f.Path, name)
	}
	return raw, crc, size, ok
}

// load reads the previous copy, if the previous manifest lists it with
// its parts (and openPrevious took its path) and it is intact.
func (p *packParts) load() {
	if p.prev == nil {
		return
	}
	e, ok := p.prev.files[p.f.Path]
	if !ok || len(e.Parts) == 0 {
		return
	}
	if _, p.data = p.prev.intactBytes(e); p.data == nil {
		return
	}
	p.keys = make(map[string]string, len(e.Parts))
	for _, r := range e.Parts {
		p.keys[r.Name] = r.Key
	}
}
