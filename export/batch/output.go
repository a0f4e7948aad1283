package batch

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	json "github.com/go-json-experiment/json/v1"

	"fengong/templates"
)

// This file decides where a run may write, before it writes anything: no
// lock file, no folder and no temporary directory is made for a DIR that
// is refused.

// resolveOutput turns -o DIR into the path the run locks and publishes
// at. A DIR that is a symbolic link is followed: the run locks and
// publishes at its target, and the link keeps pointing at the new pack. A
// link that dangles or loops is refused. The folders above DIR are
// resolved too, so two names for one folder share one lock.
func resolveOutput(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	if fi, err := os.Lstat(abs); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(abs)
		if err != nil {
			to, _ := os.Readlink(abs)
			return "", templates.Fail("output.dangling", fmt.Errorf("output %s: a symbolic link to %s, which does not exist or loops; create that folder or give -o a real folder", abs, to), "path", abs, "target", to)
		}
		return target, nil
	}
	// resolve the nearest folder above that exists; keep the rest as given
	rest := ""
	for d := abs; ; {
		if real, err := filepath.EvalSymlinks(d); err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(d), rest)
		d = parent
	}
}

// checkOutput refuses, before anything is written, an output DIR that a
// run must not replace: the root of the file system, anything that is not
// a folder (a file, a device such as /dev/null), a folder of other files,
// and any path inside another fengong pack. It reports whether DIR holds
// a previous pack.
func checkOutput(out string) (hasPack bool, err error) {
	if filepath.Dir(out) == out {
		return false, templates.Fail("output.root", fmt.Errorf("output %s: the root of the file system; give a folder of its own", out), "path", out)
	}
	for d := filepath.Dir(out); ; d = filepath.Dir(d) {
		if isPack(d) {
			return false, templates.Fail("output.inside_pack", fmt.Errorf("output %s: inside the fengong pack %s; a run never writes into another pack (give a folder outside it)", out, d), "path", out, "pack", d)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	fi, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("output: %w", err)
	case fi.Mode()&fs.ModeSymlink != 0: // resolveOutput followed it; it changed since
		return false, templates.Fail("output.symlink", fmt.Errorf("output %s: a symbolic link", out), "path", out)
	case fi.Mode()&fs.ModeDevice != 0:
		return false, templates.Fail("output.not_dir", fmt.Errorf("output %s: a device, not a folder", out), "path", out)
	case !fi.IsDir():
		return false, templates.Fail("output.not_dir", fmt.Errorf("output %s: exists and is not a folder", out), "path", out)
	}
	if m, err := os.Lstat(filepath.Join(out, manifestName)); err == nil {
		if !m.Mode().IsRegular() {
			return false, templates.Fail("output.not_pack", fmt.Errorf("output %s: its %s is not a regular file, so it is not a fengong pack; refusing to replace it", out, manifestName), "path", out)
		}
		return true, nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return false, fmt.Errorf("output: %w", err)
	}
	if len(entries) > 0 {
		return false, templates.Fail("output.not_pack", fmt.Errorf("output %s: has files but no %s, so it is not a fengong pack; refusing to replace it (choose an empty or new folder)", out, manifestName), "path", out)
	}
	return false, nil
}

// isPack reports whether dir holds a pack that fengong wrote: a regular
// manifest.json naming fengong as its tool.
func isPack(dir string) bool {
	p := filepath.Join(dir, manifestName)
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	f, err := os.OpenFile(p, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	var m struct {
		Tool Tool `json:"tool"`
	}
	if err := json.NewDecoder(io.LimitReader(f, maxPrevManifest)).Decode(&m); err != nil {
		return false
	}
	return m.Tool.Name == "fengong"
}

// mkdirs makes dir and the folders above it that are missing, and returns
// those it made, innermost first, so that a refused run can remove them.
func mkdirs(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return missing[i+1:], fmt.Errorf("output: %w", err)
		}
	}
	return missing, nil
}
