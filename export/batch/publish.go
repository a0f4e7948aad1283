package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// This file is the one place that writes the pack.

const (
	tempMark = ".fengong-tmp-"
	oldMark  = ".fengong-old-"
)

// siblingName is a hidden name beside DIR: .<base><mark><pid>.
func siblingName(out, mark string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+mark+strconv.Itoa(os.Getpid()))
}

// publisher writes the new pack into a temporary directory beside DIR as
// the files are rendered, and swaps it in only when all of it is there. A
// run killed at any moment leaves either the previous complete pack or the
// new one in DIR; what it left beside DIR is removed by the next run.
type publisher struct {
	out, tmp string
	scratch  string // temporary files of the exporters, never part of the pack
	mu       sync.Mutex
	dirs     map[string]bool // folders already made below tmp
	done     bool

	queue chan pending   // files handed over by render workers
	wrote chan error     // the writer's first error, once the queue closes
	early sync.WaitGroup // the folders made ahead (makeAhead)
}

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

// newPublisher makes the temporary directory beside out, and a scratch
// folder beside it for the exporters' own temporary files. Both carry the
// temporary mark, so the next run removes them if this one is killed.
func newPublisher(out string) (*publisher, error) {
	tmp := siblingName(out, tempMark)
	scratch := tmp + ".scratch"
	for _, d := range []string{tmp, scratch} {
		if err := os.RemoveAll(d); err != nil {
			return nil, err
		}
	}
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	if err := os.Mkdir(scratch, 0o700); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("output: %w", err)
	}
	return &publisher{out: out, tmp: tmp, scratch: scratch, dirs: map[string]bool{".": true}}, nil
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
	if err := p.mkdir(filepath.Dir(rel)); err != nil {
		return fmt.Errorf("publish %s: %w", f.Path, err)
	}
	f.SHA256, f.Size = sha(data), int64(len(data))
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return fmt.Errorf("publish %s: %w", f.Path, err)
	}
	return nil
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
	if err := p.mkdir(filepath.Dir(rel)); err != nil {
		return fmt.Errorf("publish %s: %w", f.Path, err)
	}
	dst := filepath.Join(p.tmp, rel)
	if err := os.Link(src.path, dst); err != nil {
		return err
	}
	if got, err := os.Lstat(dst); err != nil || !got.Mode().IsRegular() || !os.SameFile(src.info, got) {
		os.Remove(dst)
		return fmt.Errorf("publish %s: the previous file changed while it was linked", f.Path)
	}
	f.SHA256, f.Size = src.entry.SHA256, src.entry.Bytes
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
	if rel == "." || p.dirs[rel] {
		return nil
	}
	if err := p.mkdirLocked(filepath.Dir(rel)); err != nil {
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
	if err := swapIn(p.tmp, p.out); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	p.done = true
	return nil
}

// abort removes the temporary directories of a run that did not publish,
// and the scratch folder of any run.
func (p *publisher) abort() {
	p.early.Wait()
	os.RemoveAll(p.scratch)
	if !p.done {
		os.RemoveAll(p.tmp)
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
		return os.RemoveAll(tmp) // tmp now holds the previous pack
	}
	old := siblingName(out, oldMark)
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return err
	}
	return os.RemoveAll(old)
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
