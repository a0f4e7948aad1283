package templates

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The kinds of YAML error, for errors.Is.
var (
	ErrUnknownKey = errors.New("unknown key")
	ErrBadValue   = errors.New("bad value")
	ErrSyntax     = errors.New("not valid YAML")
	ErrInvalid    = errors.New("invalid value") // a Validate method refused the file
)

// Error is an error in a YAML file (a template, a config), at a line where
// there is one. Err is one of ErrUnknownKey, ErrBadValue, ErrSyntax or
// ErrInvalid; Detail is the parser's or the validator's own words.
type Error struct {
	File    string // the file's path, or "embedded:<name>"
	Line    int    // 1-based; 0 when not known
	Key     string // dotted path of the key at fault, e.g. "dept.sheets.lead"
	Suggest string // for an unknown key: a known key of the same mapping close to it
	Detail  string
	Err     error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	switch {
	case e.Err == ErrUnknownKey:
		b.WriteString("unknown key " + e.Key)
		if e.Suggest != "" {
			b.WriteString(" (did you mean " + e.Suggest + "?)")
		}
	case e.Key != "":
		b.WriteString(e.Key + ": " + e.Detail)
	default:
		b.WriteString(e.Detail)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Validator is a decoded file that checks its own values. Decode and
// DecodeFile call it after decoding; its error is reported as ErrInvalid
// naming the file (and the key and line when it returns a *KeyError).
// Validate only checks: it must not change the value, since a default
// read from its decoded form (decoded.go) is not validated again.
type Validator interface {
	Validate() error
}

// KeyError is a Validate error about one key, by its dotted path. Known,
// when set, lists the keys a map accepts: Key is then an unknown key
// (ErrUnknownKey) and the nearest known one is suggested.
type KeyError struct {
	Key    string
	Detail string
	Known  []string
}

func (e *KeyError) Error() string {
	if e.Known != nil {
		return "unknown key " + e.Key
	}
	return e.Key + ": " + e.Detail
}

// DecodeFile decodes one YAML document (a config file, say) into v: an
// unknown key or a value of the wrong type is an *Error naming origin, the
// line and the key; an empty document leaves v as it is. v's Validate, if
// it has one, runs last.
func DecodeFile(origin string, data []byte, v any) error {
	root, err := parse(origin, data)
	if err != nil {
		return err
	}
	if err := check(origin, root, v); err != nil {
		return err
	}
	return validate(origin, root, v)
}

// parse reads data into its document's top node, nil for an empty file.
func parse(origin string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		line, detail := lineOf(err.Error())
		return nil, &Error{File: origin, Line: line, Detail: detail, Err: ErrSyntax}
	}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil, nil
		}
		return doc.Content[0], nil
	}
	return &doc, nil
}

// check decodes root into v with known fields
// only, so that an unknown key or a wrong value is found with the line of
// the file it is in.
func check(origin string, root *yaml.Node, v any) error {
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer {
		return fmt.Errorf("%s: decode into %T, want a pointer", origin, v)
	}
	if root == nil {
		return nil
	}
	if e := unknownKey(root, t.Elem(), ""); e != nil {
		e.File = origin
		return e
	}
	// the node parsed once is decoded: unknownKey has found every key v
	// does not know, with its line
	if err := root.Decode(v); err != nil {
		line, detail := lineOf(err.Error())
		return &Error{File: origin, Line: line, Detail: detail, Err: ErrBadValue}
	}
	return nil
}

var lineRE = regexp.MustCompile(`line (\d+): (.*)`)

// lineOf takes the first line number and its words out of a yaml.v3 error.
func lineOf(msg string) (int, string) {
	m := lineRE.FindStringSubmatch(msg)
	if m == nil {
		return 0, strings.TrimPrefix(msg, "yaml: ")
	}
	n, _ := strconv.Atoi(m[1])
	return n, m[2]
}

func validate(origin string, root *yaml.Node, v any) error {
	val, ok := v.(Validator)
	if !ok {
		return nil
	}
	err := val.Validate()
	if err == nil {
		return nil
	}
	e := &Error{File: origin, Detail: err.Error(), Err: ErrInvalid}
	var ke *KeyError
	if errors.As(err, &ke) {
		e.Key, e.Detail = ke.Key, ke.Detail
		if ke.Known != nil {
			e.Err, e.Suggest = ErrUnknownKey, closest(ke.Key, ke.Known)
		}
		if k := lookup(root, ke.Key); k != nil {
			e.Line = k.Line
		}
	}
	return e
}

// lookup finds the key node of a dotted path in a mapping, nil if absent.
func lookup(n *yaml.Node, path string) *yaml.Node {
	if n != nil && n.Kind == yaml.MappingNode { // a key that holds dots itself
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == path {
				return n.Content[i]
			}
		}
	}
	var key *yaml.Node
	for _, part := range strings.Split(path, ".") {
		if n == nil || n.Kind != yaml.MappingNode {
			return key // the nearest key there is
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == part {
				key, next = n.Content[i], n.Content[i+1]
			}
		}
		if next == nil {
			return key
		}
		n = next
	}
	return key
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

// unknownKey walks n beside the type it decodes into and returns the first
// mapping key the type does not have, with the known key closest to it.
func unknownKey(n *yaml.Node, t reflect.Type, path string) *Error {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return nil // the type reads itself
	}
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return nil // the decoder says what is wrong
		}
		fields := map[string]reflect.Type{}
		var names []string
		structFields(t, fields, &names)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Value == "<<" {
				continue
			}
			ft, ok := fields[k.Value]
			if !ok {
				return &Error{Line: k.Line, Key: join(k.Value), Suggest: closest(k.Value, names), Err: ErrUnknownKey}
			}
			if e := unknownKey(val, ft, join(k.Value)); e != nil {
				return e
			}
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if e := unknownKey(n.Content[i+1], t.Elem(), join(n.Content[i].Value)); e != nil {
				return e
			}
		}
	case reflect.Slice, reflect.Array:
		if n.Kind != yaml.SequenceNode {
			return nil
		}
		for i, c := range n.Content {
			if e := unknownKey(c, t.Elem(), join(strconv.Itoa(i))); e != nil {
				return e
			}
		}
	}
	return nil
}

// structFields lists the YAML keys of a struct as yaml.v3 names them.
func structFields(t reflect.Type, fields map[string]reflect.Type, names *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if strings.Contains(","+opts+",", ",inline,") {
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				structFields(ft, fields, names)
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Type
		*names = append(*names, name)
	}
}

// closest is the known key nearest to k in edits, if it is near enough to
// be a typo.
func closest(k string, names []string) string {
	best, bestD := "", -1
	for _, n := range names {
		d := distance(k, n)
		if bestD < 0 || d < bestD {
			best, bestD = n, d
		}
	}
	if bestD < 0 || bestD > max(1, len([]rune(k))/3) {
		return ""
	}
	return best
}

// distance is the Damerau (optimal string alignment) distance of a and b.
func distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// merge lays over onto base key by key: a mapping merges with a mapping,
// anything else (a scalar, a sequence) replaces the base's value whole.
func merge(base, over *yaml.Node) *yaml.Node {
	if base == nil {
		return over
	}
	if over == nil {
		return base
	}
	if base.Kind != yaml.MappingNode || over.Kind != yaml.MappingNode {
		return over
	}
	out := *base
	out.Content = append([]*yaml.Node(nil), base.Content...)
	for i := 0; i+1 < len(over.Content); i += 2 {
		k, v := over.Content[i], over.Content[i+1]
		found := false
		for j := 0; j+1 < len(out.Content); j += 2 {
			if out.Content[j].Value == k.Value {
				out.Content[j+1] = merge(out.Content[j+1], v)
				found = true
				break
			}
		}
		if !found {
			out.Content = append(out.Content, k, v)
		}
	}
	return &out
}
