package batch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
	"time"

	// encoding/json's decoding (its v1 API and behaviour, on v2's decoder),
	// 2–2.4× faster: the previous manifest.json (190 KB) in 0.8 ms rather
	// than 2.4, and model.json (220 KB) in 1.2 rather than 2.7, each
	// --incremental run. The pack's JSON is still written by encoding/json
	// (manifest.go marshal)
	json "github.com/go-json-experiment/json/v1"

	"fengong/extract"
)

// This file is the one way the previous pack in DIR is read. Whoever can
// write DIR controls what is in it, so nothing is trusted: only regular
// files at the paths this run itself would write are read, through an
// os.Root opened on DIR, and a path that is, or passes through, a symbolic
// link is refused. The change report is never copied from the old pack;
// it is made again from the old model.json.

// Caps on what is read from the previous pack.
const (
	maxPrevManifest = 64 << 20
	maxPrevModel    = 4 * maxInput
	maxPrevFile     = 256 << 20
)

// errNotRegular marks a previous-pack path that is a link, a device, a
// folder or anything else that fengong never writes there.
var errNotRegular = errors.New("not a regular file")

// prevPack is the pack a previous run left in DIR.
type prevPack struct {
	dir      string // DIR
	root     *os.Root
	manifest *Manifest
	files    map[string]FileEntry // the manifest's entries, by path
	// written is when manifest.json was last written: the run that made
	// the pack wrote it after every other file, so a file of the pack
	// modified since has a later time
	written time.Time

	mu      sync.Mutex
	folders map[string]bool     // folders of DIR found to be folders (stat)
	open    map[string]*os.Root // of those, the ones kept open, at most maxOpenFolders
	// ahead holds the info of files stat'ed ahead (statAhead), each taken
	// by the first stat of its path
	ahead map[string]fs.FileInfo
	// lettingGo is closed once the folders letGoFolders closes are closed
	lettingGo chan struct{}
}

// openPrevious opens the pack in DIR, which preflight has found to be a
// folder holding a manifest.json. Problems with the old pack are not
// errors of this run: the returned skips say what was ignored.
func openPrevious(out string) (*prevPack, []error, error) {
	root, err := os.OpenRoot(out)
	if err != nil {
		return nil, nil, fmt.Errorf("output: %w", err)
	}
	p := &prevPack{dir: out, root: root, files: map[string]FileEntry{}, folders: map[string]bool{}, open: map[string]*os.Root{}}
	fi, data, err := p.readInfo(manifestName, maxPrevManifest)
	if err != nil {
		return p, []error{&SkipError{Reason: "previous pack: " + manifestName + ": " + err.Error() + "; nothing of it is reused or compared"}}, nil
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return p, []error{&SkipError{Reason: "previous pack: " + manifestName + " unreadable (" + err.Error() + "); nothing of it is reused or compared"}}, nil
	}
	p.manifest = &m
	p.written = fi.ModTime()
	var skips []error
	for _, f := range m.Files {
		if !packPath(f.Path) {
			skips = append(skips, &SkipError{Reason: fmt.Sprintf("previous pack: %s lists %q, which is not a path inside the pack; ignored", manifestName, f.Path)})
			continue
		}
		p.files[f.Path] = f
	}
	return p, skips, nil
}

// packPath reports whether p can be a path of a file fengong writes: a
// slash-separated path below DIR, with no "..", no empty or dot elements,
// no backslash, no drive or stream colon.
func packPath(p string) bool {
	return p != "." && fs.ValidPath(p) && !strings.ContainsAny(p, `\:`)
}

// read reads the regular file at rel below DIR, at most max bytes. Every
// element of rel is checked with Lstat first (a folder once per run): a
// symbolic link anywhere, or a last element that is not a regular file,
// is refused; the file opened must be the very file checked.
func (p *prevPack) read(rel string, max int64) ([]byte, error) {
	_, data, err := p.readInfo(rel, max)
	return data, err
}

// stat checks rel element by element as read does, and returns the
// regular file's info. The folders on the way are checked once per run,
// and the file's own folder opened once: the pack's 300 files live in a
// hundred folders, and each element of a path through an os.Root is one
// more open.
func (p *prevPack) stat(rel string) (fs.FileInfo, error) {
	p.mu.Lock()
	fi, ok := p.ahead[rel]
	delete(p.ahead, rel)
	p.mu.Unlock()
	if ok {
		return fi, nil
	}
	return p.statNow(rel)
}

// maxStatAhead bounds the files statAhead looks at: a manifest listing
// more (a batch of thousands of depts has a few thousand files) has the
// rest stat'ed when they are asked for.
const maxStatAhead = 1 << 14

// statAhead stats, as stat does, the files the previous manifest lists,
// for the reuse checks to take: it runs on the idle core while the model
// is extracted, and spares the export's two cores some 330 calls (and the
// opening of the hundred dept folders). A file changed between this stat
// and its reuse is caught as it would be between stat and reuse: a file
// linked must be the very file stat'ed, of the size and time stat'ed
// (publisher.link).
func (p *prevPack) statAhead() {
	if p == nil || p.manifest == nil {
		return
	}
	n := 0
	for _, f := range p.manifest.Files { // in the manifest's order: folder by folder
		if n == maxStatAhead {
			return
		}
		if _, ok := p.files[f.Path]; !ok {
			continue
		}
		n++
		fi, err := p.statNow(f.Path)
		if err != nil {
			continue // asked for again, it fails again, or is stat'ed then
		}
		p.mu.Lock()
		if p.ahead == nil {
			p.ahead = map[string]fs.FileInfo{}
		}
		p.ahead[f.Path] = fi
		p.mu.Unlock()
	}
}

// statNow is stat, made now.
func (p *prevPack) statNow(rel string) (fs.FileInfo, error) {
	in, name, err := p.at(rel)
	if err != nil {
		return nil, err
	}
	fi, err := in.Lstat(name)
	switch {
	case err != nil:
		return nil, err
	case fi.Mode()&fs.ModeSymlink != 0:
		return nil, fmt.Errorf("%s: %w: a symbolic link", rel, errNotRegular)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s: %w", rel, errNotRegular)
	}
	return fi, nil
}

// at returns the folder of DIR that holds rel, opened, and rel's last
// element: the folders on the way are checked, each once per run.
func (p *prevPack) at(rel string) (*os.Root, string, error) {
	if p == nil || p.root == nil {
		return nil, "", fs.ErrNotExist
	}
	if !packPath(rel) {
		return nil, "", fmt.Errorf("%q: not a path inside the pack", rel)
	}
	i := strings.LastIndexByte(rel, '/')
	if i < 0 {
		return p.root, rel, nil
	}
	for j := range i {
		if rel[j] == '/' {
			if _, err := p.folder(rel[:j]); err != nil {
				return nil, "", err
			}
		}
	}
	in, err := p.folder(rel[:i])
	if err != nil {
		return nil, "", err
	}
	if in == nil {
		return p.root, rel, nil // past the folders kept open: through DIR
	}
	return in, rel[i+1:], nil
}

// maxOpenFolders bounds the folders of the previous pack kept open: a
// batch of thousands of depts must not run out of file descriptors.
const maxOpenFolders = 256

// folder checks that the path dir below DIR is a folder, not a link to
// one, and returns it opened (nil once maxOpenFolders are); a folder found
// so is not checked or opened again.
func (p *prevPack) folder(dir string) (*os.Root, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.folders[dir] {
		return p.open[dir], nil
	}
	// through the parent folder when it is open (at checks the folders on
	// the way first): one element, one call
	from, name := p.root, dir
	if i := strings.LastIndexByte(dir, '/'); i >= 0 && p.open[dir[:i]] != nil {
		from, name = p.open[dir[:i]], dir[i+1:]
	}
	fi, err := from.Lstat(name)
	switch {
	case err != nil:
		return nil, err
	case fi.Mode()&fs.ModeSymlink != 0:
		return nil, fmt.Errorf("%s: %w: a symbolic link", dir, errNotRegular)
	case !fi.IsDir():
		return nil, fmt.Errorf("%s: not a folder", dir)
	}
	p.folders[dir] = true
	if len(p.open) >= maxOpenFolders {
		return nil, nil
	}
	// opened through DIR's root, which no link can leave: a folder
	// swapped for a link since the check still opens inside DIR
	in, err := from.OpenRoot(name)
	if err != nil {
		return nil, err
	}
	p.open[dir] = in
	return in, nil
}

// readInfo is read, with the info of the file read.
func (p *prevPack) readInfo(rel string, max int64) (fs.FileInfo, []byte, error) {
	want, err := p.stat(rel)
	if err != nil {
		return nil, nil, err
	}
	if want.Size() > max {
		return nil, nil, fmt.Errorf("%s: %d bytes, more than the %d read from a previous pack", rel, want.Size(), max)
	}
	in, name, err := p.at(rel)
	if err != nil {
		return nil, nil, err
	}
	f, err := in.OpenFile(name, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	got, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if !got.Mode().IsRegular() || !os.SameFile(want, got) {
		return nil, nil, fmt.Errorf("%s: %w: replaced while it was read", rel, errNotRegular)
	}
	// room for the file and for ReadFrom's last read, which finds the end:
	// a buffer of the file's size alone is grown (and copied) to find it
	var buf bytes.Buffer
	buf.Grow(int(want.Size()) + bytes.MinRead)
	if n, err := io.Copy(&buf, io.LimitReader(f, max+1)); err != nil {
		return nil, nil, err
	} else if n > max {
		return nil, nil, fmt.Errorf("%s: more than the %d bytes read from a previous pack", rel, max)
	}
	return want, buf.Bytes(), nil
}

// close lets go of DIR.
func (p *prevPack) close() {
	if p != nil && p.root != nil {
		if p.lettingGo != nil {
			<-p.lettingGo
		}
		p.mu.Lock()
		for _, in := range p.open {
			in.Close()
		}
		p.mu.Unlock()
		p.root.Close()
	}
}

// letGoFolders closes, in the background, the folders of DIR kept open
// for the reuse checks, once the render is done with them: a hundred
// closes, while the run writes its manifest and publishes. A path asked
// for after goes through DIR (at); close waits for them.
func (p *prevPack) letGoFolders() {
	if p == nil || p.lettingGo != nil {
		return
	}
	p.mu.Lock()
	open := p.open
	p.open = map[string]*os.Root{}
	p.mu.Unlock()
	done := make(chan struct{})
	p.lettingGo = done
	go func() {
		defer close(done)
		for _, in := range open {
			in.Close()
		}
	}()
}

// model is the previous run's model.json, decoded, and its raw bytes, to
// tell whether the model changed. A pack with no model gives nil and no
// error; a model that cannot be used gives a skip. The change report's
// job reads it, among the export's jobs: read ahead in the background
// while the model was extracted (prefetch, until 2026-11-29), it took a
// core from the export's first jobs and the run was 0.6–1.9 ms slower
// (paired, 50 rounds, twice).
func (p *prevPack) model() (*extract.Document, []byte, error) {
	if p == nil || p.manifest == nil {
		return nil, nil, nil
	}
	data, err := p.read(modelName, maxPrevModel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, &SkipError{Reason: "change report: previous " + err.Error() + "; compared with nothing"}
	}
	doc := new(extract.Document)
	if err := json.Unmarshal(data, doc); err != nil {
		return nil, nil, &SkipError{Reason: "change report: previous " + modelName + " unreadable (" + err.Error() + "); compared with nothing"}
	}
	return doc, data, nil
}
