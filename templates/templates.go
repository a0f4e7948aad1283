// Package templates holds the embedded defaults that readers see: the dept
// directory (depts.yaml) and the Chinese wording of every exporter
// (xlsx.yaml, pdf.yaml, charts.yaml) and the change report (changes.md.tmpl). A user directory overrides them file
// by file, in the manner of hugo's layouts: a file present there wins, any
// other falls back to the embedded default.
package templates

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"sort"
	"strings"
)

//go:embed *.yaml *.tmpl depts/*.yaml
var defaults embed.FS

// Set is the embedded defaults overlaid by an optional user directory.
type Set struct {
	override fs.FS // nil when there is no override directory
	dir      string
}

// Default returns the embedded defaults alone.
func Default() *Set { return &Set{} }

// New overlays the embedded defaults with the files in dir. An empty dir
// gives the defaults alone; a dir that does not exist is an error.
func New(dir string) (*Set, error) {
	if dir == "" {
		return Default(), nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, Fail("templates.dir", fmt.Errorf("templates directory: %w", err), "path", dir)
		}
		return nil, fmt.Errorf("templates directory: %w", err)
	}
	if !st.IsDir() {
		return nil, Fail("templates.not_dir", fmt.Errorf("templates directory %s: not a directory", dir), "path", dir)
	}
	return &Set{override: os.DirFS(dir), dir: dir}, nil
}

// ReadFile returns the named file from the override directory if it has
// it, else the embedded default.
func (s *Set) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, fmt.Errorf("template %q: invalid name", name)
	}
	if s.override != nil {
		b, err := fs.ReadFile(s.override, name)
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
	}
	b, err := defaults.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return b, nil
}

// Origin says where the named file comes from: the override path, or
// "embedded:<name>".
func (s *Set) Origin(name string) string {
	if s.Embedded(name) {
		return "embedded:" + name
	}
	return s.dir + "/" + name
}

// Embedded reports whether the named file is read from the embedded
// defaults alone: the override directory holds no file of that name (a
// nil set has no override directory).
func (s *Set) Embedded(name string) bool {
	if s == nil || s.override == nil {
		return true
	}
	_, err := fs.Stat(s.override, name)
	return err != nil
}

// Decode reads the named YAML file into v: the embedded default, then the
// override directory's file of that name merged over it key by key (a
// mapping merges with a mapping; a scalar or a sequence replaces the
// default's value whole), then v's Validate if it has one. So an override
// may hold just the keys it changes. An unknown key, a value of the wrong
// type or a refused value is an *Error naming the file (the override's path
// when the fault is there), the line and the key. A file with no embedded
// default is read from the override directory alone, and so is a file read
// whole (see Whole).
func (s *Set) Decode(name string, v any) error {
	def, defErr := defaults.ReadFile(name)
	over, hasOver, err := s.readOverride(name)
	if err != nil {
		return err
	}
	if !hasOver {
		if defErr != nil {
			return fmt.Errorf("template %s: %w", name, defErr)
		}
		if fromDecoded(name, def, v) {
			return nil
		}
		return DecodeFile(s.Origin(name), def, v)
	}
	origin := s.Origin(name)
	if defErr != nil || Whole(name) {
		return DecodeFile(origin, over, v)
	}
	base, err := parse("embedded:"+name, def)
	if err != nil {
		return err
	}
	top, err := parse(origin, over)
	if err != nil {
		return err
	}
	// the override alone first, so that its faults carry its own lines
	if err := check(origin, top, reflect.New(reflect.TypeOf(v).Elem()).Interface()); err != nil {
		return err
	}
	if m := merge(base, top); m != nil {
		if err := m.Decode(v); err != nil {
			line, detail := lineOf(err.Error())
			return &Error{File: origin, Line: line, Detail: detail, Err: ErrBadValue}
		}
	}
	return validate(origin, top, v)
}

// Whole reports whether an override of the named file replaces the
// default whole instead of merging over it: the grammar of body names and
// the dept directories, whose keys refer to one another, so that a grammar
// or a directory of one's own does not inherit half of the default's.
func Whole(name string) bool {
	return name == "orgnames.yaml" || strings.HasPrefix(name, "depts/")
}

// readOverride reads the named file of the override directory; ok is
// false when there is none.
func (s *Set) readOverride(name string) (b []byte, ok bool, err error) {
	if !fs.ValidPath(name) {
		return nil, false, fmt.Errorf("template %q: invalid name", name)
	}
	if s.override == nil {
		return nil, false, nil
	}
	b, err = fs.ReadFile(s.override, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("template %s: %w", name, err)
	}
	return b, true, nil
}

// List returns the names of the files in dir (such as "depts"), from the
// embedded defaults and the override directory together, sorted. A file of
// the override directory hides the default of the same name.
func (s *Set) List(dir string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(fsys fs.FS) {
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			name := dir + "/" + e.Name()
			if e.Type().IsRegular() && !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	if s.override != nil {
		add(s.override)
	}
	add(defaults)
	sort.Strings(out)
	return out
}

// Has reports whether the override directory holds the named file.
func (s *Set) Has(name string) bool {
	if s.override == nil || !fs.ValidPath(name) {
		return false
	}
	st, err := fs.Stat(s.override, name)
	return err == nil && st.Mode().IsRegular()
}
