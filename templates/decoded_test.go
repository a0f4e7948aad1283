package templates_test

import (
	"bytes"
	"encoding/gob"
	"flag"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fengong/templates"

	// the packages that keep their defaults decoded (templates.Decoded)
	_ "fengong/charts"
	_ "fengong/export/pdf"
	_ "fengong/export/xlsx"
	_ "fengong/extract"
	_ "fengong/extract/orgname"
	_ "fengong/progress"
)

var update = flag.Bool("update", false, "rewrite the decoded defaults")

// TestDecodedDefaults holds every decoded default in decoded/ to its YAML:
// made from the same bytes into the same type, with the same value as a
// fresh decoding; and Decode reads it. With -update it rewrites those
// that differ and removes those nothing registers.
func TestDecodedDefaults(t *testing.T) {
	want := map[string]bool{}
	for _, k := range templates.KeptDefaults() {
		names := []string{k.Name}
		if strings.HasSuffix(k.Name, "/") {
			names = nil
			for _, n := range templates.Default().List(strings.TrimSuffix(k.Name, "/")) {
				if path.Ext(n) == ".yaml" {
					names = append(names, n)
				}
			}
			if len(names) == 0 {
				t.Errorf("%s: no embedded file", k.Name)
			}
		}
		typ := reflect.TypeOf(k.Proto).Elem()
		for _, name := range names {
			src, err := templates.DefaultBytes(name)
			if err != nil {
				t.Fatal(err)
			}
			fresh := reflect.New(typ).Interface()
			if err := templates.DecodeFile("embedded:"+name, src, fresh); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			file := templates.DecodedPath(name, fresh)
			want[file] = true
			data, err := templates.EncodeDecoded(src, fresh)
			if err != nil {
				t.Fatalf("%s into %v: %v", name, typ, err)
			}
			// gob keeps only what it can: what it gives back must be what
			// the YAML gave, or the type is not fit to keep decoded
			if got, err := decodeBody(data, typ); err != nil || !reflect.DeepEqual(got, fresh) {
				t.Fatalf("%s into %v: gob does not give back what the YAML gave (%v)", name, typ, err)
			}
			kept, err := os.ReadFile(filepath.FromSlash(file))
			if err == nil && !bytes.Equal(headerOf(kept), headerOf(data)) {
				err = errStale
			}
			if err == nil {
				if got, derr := decodeBody(kept, typ); derr != nil || !reflect.DeepEqual(got, fresh) {
					err = errStale
				}
			}
			if err != nil {
				if !*update {
					t.Errorf("%s: %v; run go test ./templates -run TestDecodedDefaults -update", file, err)
					continue
				}
				if err := os.WriteFile(filepath.FromSlash(file), data, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("wrote %s", file)
				continue
			}
			// and Decode reads it
			before := templates.DecodedHits()
			got := reflect.New(typ).Interface()
			if err := templates.Default().Decode(name, got); err != nil {
				t.Fatal(err)
			}
			if templates.DecodedHits() != before+1 {
				t.Errorf("Decode(%s) did not read %s", name, file)
			}
			if !reflect.DeepEqual(got, fresh) {
				t.Errorf("Decode(%s) from %s differs from the YAML's", name, file)
			}
		}
	}
	entries, err := os.ReadDir(templates.DecodedDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		file := templates.DecodedDir + "/" + e.Name()
		if path.Ext(file) != ".gob" || want[file] {
			continue
		}
		if *update {
			os.Remove(filepath.FromSlash(file))
			continue
		}
		t.Errorf("%s: nothing keeps it (templates.Decoded); run with -update to remove it", file)
	}
	if len(want) < 9 {
		t.Errorf("%d decoded defaults, want the 9 files the packages register", len(want))
	}
}

var errStale = staleError{}

type staleError struct{}

func (staleError) Error() string {
	return "stale: made from other bytes, another type, or another value"
}

// headerOf is the gob header of a decoded default: the type descriptor
// and the header value, the bytes before the body.
func headerOf(b []byte) []byte {
	dec := gob.NewDecoder(bytes.NewReader(b))
	var h struct{ Source, Shape string }
	if dec.Decode(&h) != nil {
		return nil
	}
	return []byte(h.Source + " " + h.Shape)
}

func decodeBody(b []byte, typ reflect.Type) (any, error) {
	dec := gob.NewDecoder(bytes.NewReader(b))
	var h struct{ Source, Shape string }
	if err := dec.Decode(&h); err != nil {
		return nil, err
	}
	v := reflect.New(typ)
	if err := dec.DecodeValue(v); err != nil {
		return nil, err
	}
	return v.Interface(), nil
}

// TestDecodedNotUsed: an override, a value already set, or YAML that
// changed is decoded from the YAML.
func TestDecodedNotUsed(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, templates.MessagesFile), []byte("input.empty: 空的\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ts, err := templates.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	before := templates.DecodedHits()
	var m templates.Messages
	if err := ts.Decode(templates.MessagesFile, &m); err != nil {
		t.Fatal(err)
	}
	if m["input.empty"] != "空的" || templates.DecodedHits() != before {
		t.Errorf("an override: %q, %d decoded defaults read", m["input.empty"], templates.DecodedHits()-before)
	}
	m = templates.Messages{"input.empty": "预设"}
	if err := templates.Default().Decode(templates.MessagesFile, &m); err != nil {
		t.Fatal(err)
	}
	if templates.DecodedHits() != before || len(m) < 2 {
		t.Errorf("a value already set: %d decoded defaults read, %d keys", templates.DecodedHits()-before, len(m))
	}
}
