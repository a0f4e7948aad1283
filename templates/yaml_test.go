package templates

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

type sample struct {
	Title string `yaml:"title"`
	Dept  struct {
		Lead    string   `yaml:"lead"`
		Columns []string `yaml:"columns"`
	} `yaml:"dept"`
	Size int `yaml:"size"`
}

func (s *sample) Validate() error {
	if s.Size < 0 {
		return &KeyError{Key: "size", Detail: "is negative"}
	}
	return nil
}

func TestDecodeFile(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		err        error
		line       int
		key, sugg  string
	}{
		{"good", "title: 甲\ndept:\n  lead: 牵头\n", nil, 0, "", ""},
		{"empty", "", nil, 0, "", ""},
		{"typo top", "title: 甲\ntitel: 乙\n", ErrUnknownKey, 2, "titel", "title"},
		{"typo nested", "dept:\n  columns: [a]\n  laed: x\n", ErrUnknownKey, 3, "dept.laed", "lead"},
		{"unknown far", "title: 甲\noutput: x\n", ErrUnknownKey, 2, "output", ""},
		{"wrong type", "size: 大\n", ErrBadValue, 1, "", ""},
		{"syntax", "title: [\n", ErrSyntax, 0, "", ""},
		{"invalid", "title: 甲\nsize: -1\n", ErrInvalid, 2, "size", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s sample
			err := DecodeFile("f.yaml", []byte(tc.yaml), &s)
			if tc.err == nil {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tc.err) {
				t.Fatalf("got %v (%T), want %v", err, err, tc.err)
			}
			if e.File != "f.yaml" || (tc.line > 0 && e.Line != tc.line) || e.Key != tc.key || e.Suggest != tc.sugg {
				t.Errorf("got %+v, want line %d key %q suggest %q", e, tc.line, tc.key, tc.sugg)
			}
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

// For every embedded YAML file that merges, a one-key override changes that
// key and nothing else, and an unknown key in an override is an error naming
// the override file and line. (The packages' own tests check that their
// loaders, with their struct types and checks, do the same.)
func TestDecodeOneKeyOverride(t *testing.T) {
	names, err := fs.Glob(defaults, "*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded yaml: %v", err)
	}
	for _, name := range names {
		if Whole(name) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			var want map[string]any
			if err := Default().Decode(name, &want); err != nil {
				t.Fatal(err)
			}
			key, text, value := firstLeaf(want)
			if key == "" {
				t.Fatalf("%s has no top-level scalar or list", name)
			}
			dir := t.TempDir()
			write := func(text string) *Set {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				set, err := New(dir)
				if err != nil {
					t.Fatal(err)
				}
				return set
			}
			var got map[string]any
			if err := write("# mine\n"+key+": "+text+"\n").Decode(name, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got[key], value) {
				t.Errorf("%s = %v, want %v", key, got[key], value)
			}
			want[key] = value
			if !reflect.DeepEqual(got, want) {
				t.Errorf("a one-key override of %s changed other keys", key)
			}
		})
	}
}

// firstLeaf is the first (sorted) top-level key with a string or a list
// value, the YAML of a new value for it and that value decoded.
func firstLeaf(m map[string]any) (key, text string, value any) {
	var keys []string
	for k, v := range m {
		switch v.(type) {
		case string, []any:
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return "", "", nil
	}
	slices.Sort(keys)
	if _, ok := m[keys[0]].(string); ok {
		return keys[0], "改过", "改过"
	}
	return keys[0], "[改过]", []any{"改过"}
}

func TestMerge(t *testing.T) {
	base := "a: 1\nm:\n  x: 1\n  y: [1, 2]\n  z: {p: 1}\n"
	over := "m:\n  y: [3]\n  z: {q: 2}\nb: 2\n"
	want := map[string]any{"a": 1, "b": 2, "m": map[string]any{"x": 1, "y": []any{3}, "z": map[string]any{"p": 1, "q": 2}}}
	bn, err := parse("base", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	on, err := parse("over", []byte(over))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := merge(bn, on).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// the base is left as it was
	var again map[string]any
	if err := bn.Decode(&again); err != nil || again["m"].(map[string]any)["y"].([]any)[1] != 2 {
		t.Errorf("merge changed the base: %v %v", again, err)
	}
}

func TestDecodeOverrideErrorNamesOverride(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte("title: x\n\nsiez: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	var s sample
	err = set.Decode("s.yaml", &s)
	var e *Error
	if !errors.As(err, &e) || e.Line != 3 || e.Key != "siez" || e.Suggest != "size" || e.File != dir+"/s.yaml" {
		t.Fatalf("got %v", err)
	}
}
