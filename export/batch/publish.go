package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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

// publish writes every file into a temporary directory beside DIR and
// swaps it in only when all of it is on disk. A run killed at any moment
// leaves either the previous complete pack or the new one in DIR, and its
// temporary directory is removed by the next run.
func publish(ctx context.Context, r *Run) error {
	out := r.cfg.Output
	tmp := siblingName(out, tempMark)
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	manifest, err := marshal(r.manifest)
	if err != nil {
		return err
	}
	for _, f := range r.files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := writeInto(tmp, f); err != nil {
			return fmt.Errorf("publish %s: %w", f.Path, err)
		}
	}
	if err := writeInto(tmp, &File{Path: manifestName, data: manifest}); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := syncTree(tmp); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if r.opt.afterRun != nil {
		r.opt.afterRun("publish:written")
	}
	if err := swapIn(tmp, out); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	ok = true
	r.log.Info("published", "dir", out, "files", len(r.files)+1)
	return nil
}

// writeInto writes one file below root. The path must stay below root.
func writeInto(root string, f *File) error {
	if !filepath.IsLocal(filepath.FromSlash(f.Path)) {
		return fmt.Errorf("path %q leaves the output directory", f.Path)
	}
	dst := filepath.Join(root, filepath.FromSlash(f.Path))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if f.reuse != "" {
		if err := os.Link(f.reuse, dst); err == nil {
			return nil
		}
		return copyFile(f.reuse, dst)
	}
	return os.WriteFile(dst, f.data, 0o644)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	o, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(o, in); err != nil {
		o.Close()
		return err
	}
	return o.Close()
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
