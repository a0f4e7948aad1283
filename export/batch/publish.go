package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// This file is the one place that writes the pack.

const (
	tempMark  = ".fengong-tmp-"
	oldMark   = ".fengong-old-"
	spareMark = ".fengong-spare"
)

// siblingName is a hidden name beside DIR: .<base><mark><pid>.
func siblingName(out, mark string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+mark+strconv.Itoa(os.Getpid()))
}

// publisher writes the new pack into a temporary directory beside DIR as
// the files are rendered, and swaps it in only when all of it is there. A
// run killed at any moment leaves either the previous complete pack or the
// new one in DIR; what it left beside DIR is removed by the next run.
//
// The pack DIR held before the swap is kept beside it as the spare
// (.DIR.fengong-spare), and the next run builds its pack in it instead of
// in a new folder: its hundred dept folders are there already, its files
// that are the very files the new pack reuses (hard links of one inode)
// stay, and the others are removed. On a real disk that is a few
// milliseconds where making the folders, linking every file and removing
// the old pack took tens. Nothing in the spare is trusted: a file stays
// only when it is the same inode as the previous pack's file the run
// checked and reuses; a file the run writes is a new inode, or one the
// spare alone holds (one link), written over, never one it shares with
// DIR; anything else is removed before the swap.
type publisher struct {
	out, tmp string
	scratch  string // temporary files of the exporters, never part of the pack
	mu       sync.Mutex
	// dirs and stale are first filled by makeTmp, listing the spare in
	// its once, which need not hold mu (statAhead runs it in the
	// background); so every reader calls makeTmp first, which waits for
	// that listing, and then holds mu
	dirs     map[string]bool // folders below tmp, made or found in the spare
	stale    map[string]bool // files found in the spare, not yet kept or replaced
	filled   map[string]bool // folders below tmp that hold a file of the pack
	adopted  bool            // tmp is the spare
	ready    sync.Once       // tmp made or adopted, on first use
	readyErr error
	done     bool
	// ahead holds the info of the spare's files stat'ed ahead (statAhead),
	// each taken by the first look at its path (spareInfo)
	ahead map[string]fs.FileInfo
	// listed holds the device and inode of the spare's regular files as
	// its listing gave them (listFolder, Linux), each taken by the first
	// keep of its path: a file the spare shares with DIR is kept with no
	// stat of its own
	listed map[string]fileKey

	queue   chan pending   // files handed over by render workers
	wrote   chan error     // the writer's first error, once the queue closes
	early   sync.WaitGroup // the folders made ahead (makeAhead), the files stat'ed ahead (lookAhead)
	looking sync.WaitGroup // the files stat'ed ahead (lookAhead)
}

// fileKey is a file's device and inode.
type fileKey struct{ dev, ino uint64 }

type pending struct {
	f    *File
	data []byte
}

// queueDepth bounds how many rendered files wait for the writer, and so
// the memory they hold.
const queueDepth = 16

// start runs the writer: files handed over with send are written while
// the render workers go on rendering.
func (p *publisher) start() {
	p.queue = make(chan pending, queueDepth)
	p.wrote = make(chan error, 1)
	go func() {
		var first error
		for x := range p.queue {
			if first == nil {
				first = p.put(x.f, x.data)
			}
		}
		p.wrote <- first
	}()
}

// send hands a rendered file to the writer.
func (p *publisher) send(f *File, data []byte) { p.queue <- pending{f, data} }

// makeAhead makes the folders the pack will have, in the background,
// while the first files are still rendering: a hundred dept folders cost
// a hundred mkdirs, which on a busy ext4 disk take up to half a
// millisecond each. A folder not made yet when a file needs it is made
// then (mkdir is idempotent); an error is left for that file's write to
// report.
func (p *publisher) makeAhead(dirs []string) {
	p.early.Add(1)
	go func() {
		defer p.early.Done()
		for _, d := range dirs {
			if p.mkdir(filepath.FromSlash(d)) != nil {
				return
			}
		}
	}()
}

// drain waits until every file sent is written, and returns the first
// write error.
func (p *publisher) drain() error {
	p.early.Wait()
	close(p.queue)
	return <-p.wrote
}

// newPublisher names the temporary directory beside out, which is made
// (or the spare adopted) when the first file is written, and makes a
// scratch folder beside it for the exporters' own temporary files. Both
// carry the temporary mark, so the next run removes them if this one is
// killed.
func newPublisher(out string) (*publisher, error) {
	tmp := siblingName(out, tempMark)
	scratch := tmp + ".scratch"
	for _, d := range []string{tmp, scratch} {
		if err := os.RemoveAll(d); err != nil {
			return nil, err
		}
	}
	if err := os.Mkdir(scratch, 0o700); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	return &publisher{out: out, tmp: tmp, scratch: scratch, dirs: map[string]bool{".": true}, stale: map[string]bool{}, filled: map[string]bool{}}, nil
}

// spareName is where the pack DIR held before the last swap is kept.
func spareName(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+spareMark)
}

// makeTmp makes the temporary directory, once: the spare moved there and
// listed, else a new folder.
func (p *publisher) makeTmp() error {
	p.ready.Do(func() {
		spare := spareName(p.out)
		if fi, err := os.Lstat(spare); err == nil && fi.IsDir() && os.Rename(spare, p.tmp) == nil {
			// what was moved must still be a folder, not a link put there
			if fi, err := os.Lstat(p.tmp); err == nil && fi.IsDir() {
				p.adopted = true
				spreadFolders(p.tmp) // a hint: a folder that refuses it is fine
				p.readyErr = p.list(".")
				return
			}
			os.Remove(p.tmp)
		}
		if err := os.Mkdir(p.tmp, 0o755); err != nil {
			p.readyErr = fmt.Errorf("output: %w", err)
			return
		}
		spreadFolders(p.tmp) // a hint: a folder that refuses it is fine
	})
	return p.readyErr
}

// list records what the adopted spare holds below rel: its folders, and
// its regular files as stale, with their device and inode where the
// listing gives them (Linux). Anything else (a link, a device) is removed;
// no link is ever followed. The folders are read, the files not stat'ed:
// a file is looked at when it is written over (own), or kept when the
// listing did not say its inode (keep); a one-edit run's 300 lstats by
// full path, 5–7 µs each here, were most of the spare's cost.
func (p *publisher) list(rel string) error {
	entries, dev, err := listFolder(filepath.Join(p.tmp, rel))
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	for _, e := range entries {
		sub := filepath.Join(rel, e.name)
		switch e.kind {
		case entryDir:
			p.dirs[sub] = true
			if err := p.list(sub); err != nil {
				return err
			}
		case entryFile:
			p.stale[sub] = true
			if dev != 0 && e.ino != 0 {
				if p.listed == nil {
					p.listed = map[string]fileKey{}
				}
				p.listed[sub] = fileKey{dev, e.ino}
			}
		default:
			if err := os.Remove(filepath.Join(p.tmp, sub)); err != nil {
				return fmt.Errorf("output: %w", err)
			}
		}
	}
	return nil
}

// clearLocked makes way for a new file at rel: a stale file of the spare
// there is removed (never written into: it may be a link of one of DIR's
// files). The caller holds mu.
func (p *publisher) clearLocked(rel string) error {
	if _, ok := p.stale[rel]; !ok {
		return nil
	}
	delete(p.stale, rel)
	if err := os.Remove(filepath.Join(p.tmp, rel)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// sweep removes what the spare held that the new pack does not: its
// stale files, then its folders left empty, deepest first.
func (p *publisher) sweep() error {
	if err := p.makeTmp(); err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for rel := range p.stale {
		if err := os.Remove(filepath.Join(p.tmp, rel)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("publish: %w", err)
		}
		delete(p.stale, rel)
	}
	var dirs []string
	for d := range p.dirs {
		if d != "." {
			dirs = append(dirs, d)
		}
	}
	slices.SortFunc(dirs, func(a, b string) int {
		return strings.Count(b, string(filepath.Separator)) - strings.Count(a, string(filepath.Separator))
	})
	for _, d := range dirs {
		if !p.filled[d] {
			os.Remove(filepath.Join(p.tmp, d)) // an empty folder of the spare, or one whose file failed
		}
	}
	return nil
}

// put writes one file below the temporary directory: its rendered bytes,
// or the bytes of the previous pack's file it reuses, which were checked
// against the previous manifest as they were read. It records
// the file's hash and size, and lets go of the bytes. Safe for concurrent
// use.
func (p *publisher) put(f *File, data []byte) error {
	rel := filepath.FromSlash(f.Path)
	if !filepath.IsLocal(rel) {
		return fmt.Errorf("publish: path %q leaves the output directory", f.Path)
	}
	dst := filepath.Join(p.tmp, rel)
	if err := p.mkdirFor(rel); err != nil {
		return fmt.Errorf("publish %s: %w", f.Path, err)
	}
	f.SHA256, f.Size = sha(data), int64(len(data))
	if own := p.own(rel); own != nil && rewrite(dst, own, data) == nil {
		return nil
	}
	if err := p.clear(rel); err != nil {
		return fmt.Errorf("publish %s: %w", f.Path, err)
	}
	err := writeNew(dst, data)
	if errors.Is(err, fs.ErrExist) && p.adopted {
		// something of the spare's in the way (a folder where the pack has
		// a file, a file that was not the spare's own after all): it goes
		if err = os.RemoveAll(dst); err == nil {
			err = writeNew(dst, data)
		}
	}
	if err != nil {
		return fmt.Errorf("publish %s: %w", f.Path, err)
	}
	return nil
}

// own takes the spare's stale file at rel when it is a regular file the
// spare alone holds (one link: DIR does not share it), to be written
// over; nil otherwise.
func (p *publisher) own(rel string) fs.FileInfo {
	if p.makeTmp() != nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.stale[rel] {
		return nil
	}
	fi, err := p.spareInfo(rel)
	if err != nil || !fi.Mode().IsRegular() || links(fi) != 1 {
		return nil
	}
	delete(p.stale, rel)
	return fi
}

// spareInfo is the Lstat of the spare's file at rel: the one statAhead
// made, else one made now. The caller holds mu.
func (p *publisher) spareInfo(rel string) (fs.FileInfo, error) {
	if fi, ok := p.ahead[rel]; ok {
		delete(p.ahead, rel)
		return fi, nil
	}
	return os.Lstat(filepath.Join(p.tmp, rel))
}

// lookAhead adopts the spare and stats the files of the previous pack and
// of the spare that the reuse checks look at, in the background (the
// warm stage starts it while the model is extracted, on the core that
// would idle); what it stat'ed is taken as if stat'ed when asked for.
// done, if not nil, is called once it is over. The render waits for it
// before it checks a file (waitLookAhead); drain and abort wait for it.
func (p *publisher) lookAhead(prev *prevPack, done func()) {
	p.early.Add(1)
	p.looking.Add(1)
	go func() {
		defer p.early.Done()
		defer p.looking.Done()
		prev.statAhead()
		p.statAhead()
		if done != nil {
			done()
		}
	}()
}

// waitLookAhead waits until the files lookAhead stats are stat'ed, about
// when the model is extracted, so that every reuse check sees what it
// stat'ed.
func (p *publisher) waitLookAhead() { p.looking.Wait() }

// statAhead makes the temporary directory (the spare adopted and listed)
// and Lstats the spare's files, at most maxStatAhead of them.
func (p *publisher) statAhead() {
	if p.makeTmp() != nil {
		return
	}
	p.mu.Lock()
	rels := make([]string, 0, min(len(p.stale), maxStatAhead))
	for rel := range p.stale {
		if len(rels) == maxStatAhead {
			break
		}
		if _, ok := p.listed[rel]; !ok { // keep needs no stat of a listed file
			rels = append(rels, rel)
		}
	}
	p.mu.Unlock()
	for _, rel := range rels {
		fi, err := os.Lstat(filepath.Join(p.tmp, rel))
		if err != nil {
			continue
		}
		p.mu.Lock()
		if p.ahead == nil {
			p.ahead = map[string]fs.FileInfo{}
		}
		p.ahead[rel] = fi
		p.mu.Unlock()
	}
}

// rewrite writes data over the file at name, which must still be the
// file listed as was (checked on the open file) and have one link: a
// file the spare alone holds is written over rather than removed and
// made again, which spares the disk an inode. On any error the caller
// removes it and writes a new file.
func rewrite(name string, was fs.FileInfo, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|openNofollow, 0)
	if err != nil {
		return err
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || !os.SameFile(fi, was) || links(fi) != 1 {
		f.Close()
		return fmt.Errorf("%s: not the spare's own file", name)
	}
	if err := f.Truncate(0); err != nil {
		f.Close()
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}

// writeNew writes data to a new file at name, which must not exist.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}

func (p *publisher) clear(rel string) error {
	if err := p.makeTmp(); err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.clearLocked(rel)
}

// keep reports whether the spare's file at rel is the very file src
// (one inode, hard-linked by earlier runs), and if so keeps it.
func (p *publisher) keep(rel string, src *prevFile) bool {
	if p.makeTmp() != nil {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.stale[rel] {
		return false
	}
	if id, ok := p.listed[rel]; ok {
		// the listing's device and inode: the spare's file is src's
		// (hard-linked by an earlier run) or it is not
		delete(p.listed, rel)
		dev, ino, ok := fileID(src.info)
		if !ok || (fileKey{dev, ino}) != id {
			return false
		}
		delete(p.stale, rel)
		return true
	}
	got, err := p.spareInfo(rel)
	if err != nil || !got.Mode().IsRegular() || !os.SameFile(got, src.info) {
		return false
	}
	delete(p.stale, rel)
	return true
}

// link hard-links a file of the previous pack, checked by reusable, into
// the temporary directory, and records its hash and size from the
// previous manifest. The file linked must be the very file checked (a
// path changed meanwhile, into a link or another file, is undone and
// refused): the old pack is left as it is, and the new one holds no link
// into anything. Safe for concurrent use.
func (p *publisher) link(f *File, src *prevFile) error {
	rel := filepath.FromSlash(f.Path)
	if !filepath.IsLocal(rel) {
		return fmt.Errorf("publish: path %q leaves the output directory", f.Path)
	}
	if err := p.mkdirFor(rel); err != nil {
		return fmt.Errorf("publish %s: %w", f.Path, err)
	}
	if p.keep(rel, src) {
		f.SHA256, f.Size = src.entry.SHA256, src.entry.Bytes
		return nil
	}
	if err := p.clear(rel); err != nil {
		return fmt.Errorf("publish %s: %w", f.Path, err)
	}
	dst := filepath.Join(p.tmp, rel)
	if err := os.Link(src.path, dst); err != nil {
		return err
	}
	// the very file checked, as it was checked: a file written over in
	// place since (its inode kept) is read and hashed instead
	if got, err := os.Lstat(dst); err != nil || !got.Mode().IsRegular() || !os.SameFile(src.info, got) ||
		got.Size() != src.info.Size() || !got.ModTime().Equal(src.info.ModTime()) {
		os.Remove(dst)
		return fmt.Errorf("publish %s: the previous file changed while it was linked", f.Path)
	}
	f.SHA256, f.Size = src.entry.SHA256, src.entry.Bytes
	return nil
}

// mkdirFor makes the folder of the pack's file rel, and records that it
// and the folders above it hold a file, so that sweep leaves them be.
func (p *publisher) mkdirFor(rel string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	dir := filepath.Dir(rel)
	if err := p.mkdirLocked(dir); err != nil {
		return err
	}
	for d := dir; d != "." && !p.filled[d]; d = filepath.Dir(d) {
		p.filled[d] = true
	}
	return nil
}

func (p *publisher) mkdir(rel string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.mkdirLocked(rel)
}

// mkdirLocked makes rel below the temporary directory, its parents first,
// each with one mkdir (no stat first, as os.MkdirAll does): a pack makes
// a hundred dept folders, and on a real disk the calls add up.
func (p *publisher) mkdirLocked(rel string) error {
	if err := p.makeTmp(); err != nil || rel == "." || p.dirs[rel] {
		return err
	}
	if err := p.mkdirLocked(filepath.Dir(rel)); err != nil {
		return err
	}
	if err := p.clearLocked(rel); err != nil { // a stale file of the spare in the way
		return err
	}
	if err := os.Mkdir(filepath.Join(p.tmp, rel), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	p.dirs[rel] = true
	return nil
}

// commit swaps the complete temporary directory in place of DIR.
func (p *publisher) commit(fsync bool) error {
	if fsync {
		if err := syncTree(p.tmp); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
	}
	os.RemoveAll(p.scratch)
	if err := p.sweep(); err != nil {
		return err
	}
	unspreadFolders(p.tmp) // the folders are made; DIR keeps no mark
	if err := swapIn(p.tmp, p.out); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	p.done = true
	return nil
}

// abort removes the temporary directories of a run that did not publish
// (an adopted spare is kept as the spare), and the scratch folder of any
// run.
func (p *publisher) abort() {
	p.early.Wait()
	os.RemoveAll(p.scratch)
	if !p.done {
		// an adopted spare goes back, whatever this run made of it
		if !p.adopted || os.Rename(p.tmp, spareName(p.out)) != nil {
			os.RemoveAll(p.tmp)
		}
	}
}

// publish writes the manifest and swaps the new pack in.
func publish(ctx context.Context, r *Run) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	manifest, err := marshal(r.manifest)
	if err != nil {
		return err
	}
	if err := r.pub.put(&File{Path: manifestName}, manifest); err != nil {
		return err
	}
	if r.opt.afterRun != nil {
		r.opt.afterRun("publish:written")
	}
	if err := r.pub.commit(r.cfg.Fsync); err != nil {
		return err
	}
	r.log.Info("published", "dir", r.cfg.Output, "files", len(r.files)+1)
	return nil
}

// swapIn puts tmp in place of out: atomically where the system can
// exchange two directories, else by two renames that recoverInterrupted
// completes if a run dies between them.
func swapIn(tmp, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, out)
	}
	if err := exchange(tmp, out); err == nil {
		return keepSpare(tmp, out) // tmp now holds the previous pack
	}
	old := siblingName(out, oldMark)
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return err
	}
	return keepSpare(old, out)
}

// keepSpare keeps the previous pack, now at prev, as the spare the next
// run builds in; it is removed if there is a spare already.
func keepSpare(prev, out string) error {
	if os.Rename(prev, spareName(out)) == nil {
		return nil
	}
	return os.RemoveAll(prev)
}

// recoverInterrupted puts back a previous pack that a run moved aside and
// died before it could put the new one in place.
func recoverInterrupted(out string, log interface{ Warn(string, ...any) }) {
	if _, err := os.Lstat(out); err == nil {
		return
	}
	for _, old := range siblings(out, oldMark) {
		if fi, err := os.Lstat(old); err != nil || !fi.IsDir() {
			continue // only a folder a run moved aside, never a planted link
		}
		if err := os.Rename(old, out); err == nil {
			log.Warn("restored the previous pack left aside by an interrupted run", "from", old)
			return
		}
	}
}

// removeStaleTemps removes what killed runs left beside DIR. Only the
// holder of the lock calls it.
func removeStaleTemps(out string, log interface{ Warn(string, ...any) }) {
	for _, mark := range []string{tempMark, oldMark} {
		for _, p := range siblings(out, mark) {
			if err := os.RemoveAll(p); err == nil {
				log.Warn("removed what an interrupted run left behind", "path", p)
			}
		}
	}
}

func siblings(out, mark string) []string {
	prefix := "." + filepath.Base(out) + mark
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		return nil
	}
	var found []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			found = append(found, filepath.Join(filepath.Dir(out), e.Name()))
		}
	}
	return found
}
