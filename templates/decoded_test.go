package templates_test

import (
	"bytes"
	"flag"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
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

var update = flag.Bool("update", false, "rewrite the kept defaults' code")

// keptFile is the kept code of a package's defaults, beside its types.
const keptFile = "defaults_gen.go"

// TestDecodedDefaults holds every default kept as code (defaults_gen.go
// in the package of its type) to its YAML: made from the same bytes into
// the same type, with the same value as a fresh decoding; and Decode
// takes it. With -update it writes the files that differ.
func TestDecodedDefaults(t *testing.T) {
	type entry struct {
		name  string
		src   []byte
		fresh any
	}
	byPkg := map[string][]entry{}
	pkgName := map[string]string{}
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
			byPkg[typ.PkgPath()] = append(byPkg[typ.PkgPath()], entry{name, src, fresh})
			pkgName[typ.PkgPath()], _, _ = strings.Cut(typ.String(), ".")
		}
	}
	n := 0
	for _, pkg := range slices.Sorted(maps.Keys(byPkg)) {
		es := byPkg[pkg]
		slices.SortFunc(es, func(a, b entry) int { return strings.Compare(a.name, b.name) })
		var names []string
		var srcs [][]byte
		var vals []any
		for _, e := range es {
			names, srcs, vals = append(names, e.name), append(srcs, e.src), append(vals, e.fresh)
		}
		code, err := templates.KeptSource(pkg, pkgName[pkg], names, srcs, vals)
		if err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		rel, ok := strings.CutPrefix(pkg, "fengong/")
		if !ok {
			t.Fatalf("%s: not a package of this module", pkg)
		}
		file := filepath.Join("..", filepath.FromSlash(rel), keptFile)
		if pkg == "fengong/templates" {
			file = keptFile
		}
		if old, err := os.ReadFile(file); err != nil || !bytes.Equal(old, code) {
			if !*update {
				t.Errorf("%s: stale or missing (%v); run go test ./templates -run TestDecodedDefaults -update", file, err)
				continue
			}
			if err := os.WriteFile(file, code, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s; run the test again to check it", file)
			continue
		}
		// and Decode takes each from its code, with the YAML's value
		for _, e := range es {
			n++
			before := templates.DecodedHits()
			got := reflect.New(reflect.TypeOf(e.fresh).Elem()).Interface()
			if err := templates.Default().Decode(e.name, got); err != nil {
				t.Fatal(err)
			}
			if templates.DecodedHits() != before+1 {
				t.Errorf("Decode(%s) did not take the code in %s", e.name, file)
			}
			if !reflect.DeepEqual(got, e.fresh) {
				t.Errorf("Decode(%s) from %s differs from the YAML's", e.name, file)
			}
		}
	}
	if n < 9 && !*update {
		t.Errorf("%d defaults kept as code, want the 9 files the packages register", n)
	}
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
	if ts.Embedded(templates.MessagesFile) || !ts.Embedded("grammar.yaml") || !(*templates.Set)(nil).Embedded(templates.MessagesFile) || !templates.Default().Embedded(templates.MessagesFile) {
		t.Error("Embedded: an override is not told from the embedded default")
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

// TestKeptSource: the kept code of a value spells what the YAML can fill
// (exported fields, nil and empty lists apart, maps in key order, named
// and anonymous types, pointers), leaves out the zero fields and the
// unexported ones, and refuses what has no literal.
func TestKeptSource(t *testing.T) {
	type inner struct {
		N    int
		Tags []string
	}
	type sample struct {
		Name   string
		Ratio  float64
		On     bool
		Empty  []string
		Nil    []string
		Byname map[string]*inner
		Anon   struct {
			A string `yaml:"a"`
		}
		hidden string
	}
	v := &sample{Name: "甲\"乙", Ratio: 0.1, On: true, Empty: []string{}, Byname: map[string]*inner{"b": {N: 2}, "a": {Tags: []string{"x"}}}, hidden: "no"}
	v.Anon.A = "z"
	src, err := templates.KeptSource("fengong/templates_test", "templates_test", []string{"s.yaml"}, [][]byte{[]byte("s")}, []any{v})
	if err != nil {
		t.Fatal(err)
	}
	code := string(src)
	for _, want := range []string{`Name:  "甲\"乙"`, "Ratio: 0.1", "On:    true", "Empty: []string{}", `"a": {`, `"b": {`, `Tags: []string{`, "Anon: struct {", "A string \"yaml:\\\"a\\\"\""} {
		if !strings.Contains(code, want) {
			t.Errorf("no %q in\n%s", want, code)
		}
	}
	if strings.Contains(code, "Nil") || strings.Contains(code, "hidden") || strings.Index(code, `"a": {`) > strings.Index(code, `"b": {`) {
		t.Errorf("zero or unexported fields written, or the map out of order:\n%s", code)
	}
	type bad struct{ F func() }
	if _, err := templates.KeptSource("p", "p", []string{"b.yaml"}, [][]byte{nil}, []any{&bad{F: func() {}}}); err == nil {
		t.Error("a func field: no error")
	}
}
