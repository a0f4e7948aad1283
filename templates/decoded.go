package templates

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/gob"
	"encoding/hex"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Decoded defaults. Every run decodes the embedded YAML files it reads
// (orgnames.yaml, grammar.yaml, the dept directory, the exporters'
// wording): yaml.v3 took 8% of a one-edit --incremental run's CPU, 3.7 ms
// for orgnames.yaml alone. So the embedded defaults are also kept
// decoded, as gob in decoded/: 0.17 ms for orgnames.yaml. A file is read
// from there only when it is the embedded default (no override), when
// its decoded form was made from these very bytes into this very type
// (the YAML's sha256 and the type's shape are in its header), and into a
// value that is still zero; anything else is decoded from the YAML, as
// before, so a stale file only costs the time. The tests hold every file
// to its YAML (TestDecodedDefaults, in package templates_test, which
// rewrites them with -update), and the types read this way are the ones
// registered with Decoded.
//
// A default read this way is not validated again: it was when its
// decoded form was made, and Validate only checks.

//go:embed decoded
var decodedFiles embed.FS

// DecodedDir is where the decoded defaults are kept, in this package's
// folder.
const DecodedDir = "decoded"

// decodedHeader opens a decoded default: what it was made from.
type decodedHeader struct {
	Source string // the YAML's sha256
	Shape  string // the type's, by shapeSum
}

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
// pointer, so that its decoded form is kept in decoded/. It returns
// nothing of use; call it as a package-level var's value.
func Decoded(name string, proto any) struct{} {
	keptMu.Lock()
	defer keptMu.Unlock()
	kept = append(kept, Kept{name, proto})
	return struct{}{}
}

// KeptDefaults lists what Decoded registered, for the tests that make and
// check the decoded files.
func KeptDefaults() []Kept {
	keptMu.Lock()
	defer keptMu.Unlock()
	return append([]Kept(nil), kept...)
}

// decodedHits counts the defaults read from their decoded form.
var decodedHits atomic.Int64

// DecodedPath is the decoded default of name for v's type, in this
// package's folder.
func DecodedPath(name string, v any) string {
	t := reflect.TypeOf(v).Elem()
	typ := strings.NewReplacer("/", "-", ".", "-").Replace(t.PkgPath()) + "." + t.Name()
	return DecodedDir + "/" + strings.ReplaceAll(name, "/", "-") + "@" + typ + ".gob"
}

// fromDecoded fills v, which must be zero, from the decoded default of
// name made from src; false when there is none fit to use.
func fromDecoded(name string, src []byte, v any) bool {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || !rv.Elem().IsZero() {
		return false
	}
	b, err := decodedFiles.ReadFile(DecodedPath(name, v))
	if err != nil {
		return false
	}
	dec := gob.NewDecoder(bytes.NewReader(b))
	var h decodedHeader
	if dec.Decode(&h) != nil || h.Source != sum(src) || h.Shape != shapeSum(rv.Type().Elem()) {
		return false
	}
	fresh := reflect.New(rv.Type().Elem())
	if dec.DecodeValue(fresh) != nil {
		return false
	}
	rv.Elem().Set(fresh.Elem())
	decodedHits.Add(1)
	return true
}

// EncodeDecoded is the decoded form of v, decoded from src: what
// decoded/ keeps.
func EncodeDecoded(src []byte, v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(decodedHeader{Source: sum(src), Shape: shapeSum(reflect.TypeOf(v).Elem())}); err != nil {
		return nil, err
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DefaultBytes is the embedded default name's YAML.
func DefaultBytes(name string) ([]byte, error) { return defaults.ReadFile(name) }

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// shapeSum sums what decoding into t depends on: its fields' names, tags
// and types, all the way down, so that a field added, renamed or retyped
// makes the decoded defaults of t unfit.
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
			b.WriteString(f.Name + " " + strconv.Quote(string(f.Tag)) + " ")
			shape(b, f.Type, seen)
			b.WriteByte(';')
		}
		b.WriteByte('}')
	}
}
