package templates

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Kept defaults. Every run reads the embedded YAML files it needs
// (orgnames.yaml, grammar.yaml, the dept directory, the exporters'
// wording): yaml.v3 took 8% of a one-edit --incremental run's CPU, 3.7 ms
// for orgnames.yaml alone. So each package that reads one also keeps it
// as Go code, a composite literal of the decoded value registered with
// Compiled as a package variable's initialiser (a file the tests write
// beside the type, defaults_gen.go; KeptSource makes it). Decode takes a default from
// there only when it is the embedded default (no override), when the code
// was made from these very bytes into this very type (the YAML's sha256
// and the type's shape are registered with it), and into a value that is
// still zero; anything else is decoded from the YAML, as before, so a
// stale file only costs the time. The tests hold every file to its YAML
// (TestDecodedDefaults, in package templates_test, which rewrites them
// with -update); the types kept this way are the ones registered with
// Decoded.
//
// Before 2026-11-29 they were kept as gob files in this package: decoding
// them took 2–3 ms of a one-edit run's CPU, and encoding/gob's own
// initialisation 0.4–0.7 ms of every command's start.
//
// A default read this way is not validated again: it was when its code
// was made, and Validate only checks.

// A Kept is a default file, or every default file of a folder ("depts/"),
// and the type it is decoded into.
type Kept struct {
	Name  string
	Proto any // a nil pointer of the type Decode is given
}

var (
	keptMu sync.Mutex
	kept   []Kept
)

// Decoded registers that the embedded default name (or each default file
// of a folder, when name ends in "/") is decoded into proto's type, a
// pointer, so that it is kept as code. It returns nothing of use; call it
// as a package-level var's value.
func Decoded(name string, proto any) struct{} {
	keptMu.Lock()
	defer keptMu.Unlock()
	kept = append(kept, Kept{name, proto})
	return struct{}{}
}

// KeptDefaults lists what Decoded registered, for the tests that make and
// check the kept code.
func KeptDefaults() []Kept {
	keptMu.Lock()
	defer keptMu.Unlock()
	return append([]Kept(nil), kept...)
}

// compiled is a default kept as code: what it was made from, and the
// function that builds it.
type compiled struct {
	source, shape string // the YAML's sha256; the type's, by shapeSum
	make          func() any
}

var (
	compiledMu sync.Mutex
	compiledBy = map[string]compiled{}
)

// Compiled registers the embedded default name as code: make returns a
// new value of it, decoded from the YAML whose sha256 is source into a
// type whose shape (shapeSum) is shape. The kept code calls it as a
// package variable's initialiser.
func Compiled(name, source, shape string, make func() any) struct{} {
	compiledMu.Lock()
	defer compiledMu.Unlock()
	compiledBy[name] = compiled{source, shape, make}
	return struct{}{}
}

// decodedHits counts the defaults Decode took from their kept code.
var decodedHits atomic.Int64

// fromDecoded fills v, which must be zero, from the kept code of name,
// made from src; false when there is none fit to use.
func fromDecoded(name string, src []byte, v any) bool {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || !rv.Elem().IsZero() {
		return false
	}
	compiledMu.Lock()
	c, ok := compiledBy[name]
	compiledMu.Unlock()
	if !ok || c.source != sum(src) || c.shape != shapeSum(rv.Type().Elem()) {
		return false
	}
	made := reflect.ValueOf(c.make())
	if made.Type() != rv.Type() {
		return false
	}
	rv.Elem().Set(made.Elem())
	decodedHits.Add(1)
	return true
}

// DefaultBytes is the embedded default name's YAML.
func DefaultBytes(name string) ([]byte, error) { return defaults.ReadFile(name) }

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// shapeSum sums what decoding into t depends on: its exported fields'
// names, tags and types, all the way down, so that a field added, renamed
// or retyped makes the kept code of t unfit. (Unexported fields, which
// neither fills, are left out: walking regexp's and sync's insides made
// it a tenth of a millisecond a type.)
func shapeSum(t reflect.Type) string {
	var b strings.Builder
	shape(&b, t, map[reflect.Type]bool{})
	s := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(s[:16])
}

func shape(b *strings.Builder, t reflect.Type, seen map[reflect.Type]bool) {
	if t.Name() != "" {
		b.WriteString(t.PkgPath() + "." + t.Name() + ":")
		if seen[t] {
			return
		}
		seen[t] = true
	}
	b.WriteString(t.Kind().String())
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		b.WriteByte('(')
		shape(b, t.Elem(), seen)
		b.WriteByte(')')
	case reflect.Array:
		b.WriteString(strconv.Itoa(t.Len()) + "(")
		shape(b, t.Elem(), seen)
		b.WriteByte(')')
	case reflect.Map:
		b.WriteByte('(')
		shape(b, t.Key(), seen)
		b.WriteByte(',')
		shape(b, t.Elem(), seen)
		b.WriteByte(')')
	case reflect.Struct:
		b.WriteByte('{')
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue // neither the YAML nor the kept code fills it
			}
			b.WriteString(f.Name + " " + strconv.Quote(string(f.Tag)) + " ")
			shape(b, f.Type, seen)
			b.WriteByte(';')
		}
		b.WriteByte('}')
	}
}
