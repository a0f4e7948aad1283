package batch

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestMarshal: the pack's JSON is indented by two spaces, with a final
// newline and HTML left as is, the bytes json.Encoder gives so set.
func TestMarshal(t *testing.T) {
	for _, v := range []any{
		map[string]any{
			"text":  "<b>关于“十大”&项目</b>",
			"list":  []any{1, 2.5, nil, []string{}, map[string]int{}},
			"inner": map[string]any{"a": []string{"x", "y"}, "b": true},
		},
		// what a string may hold that indenting must copy as it is
		map[string]any{
			`a"b\c`:    []string{`{"x":[1,2]}`, "\\", `\"`, "line\nbreak\ttab", "\u2028\u00e9\x01", `,:[]{}`},
			"":         map[string]any{"": []any{}, "e": map[string]any{}},
			"nested":   [][]any{{}, {[]any{}}, {map[string]any{"k": []int{}}}},
			"numbers":  []any{-1, 1e21, 0.000001, 3.14},
			"invalid":  string([]byte{0xff, 'a', 0xfe}),
			"brackets": "]}[{",
		},
		[]any{},
		"just a string",
		nil,
	} {
		marshalsAsEncoder(t, v)
	}
	if _, err := marshal(map[string]any{"x": func() {}}); err == nil {
		t.Error("a value with no JSON gave no error")
	}
}

// FuzzMarshal: whatever a string holds, marshal's indenting gives
// json.Encoder's bytes.
func FuzzMarshal(f *testing.F) {
	for _, s := range []string{"", `"`, `\`, "{[,:]}", "\u2028", "a\x00b", "关于“十大”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		marshalsAsEncoder(t, map[string]any{s: []any{s, map[string]string{s: s}, []any{}, map[string]any{}}})
	})
}

// marshalsAsEncoder checks that marshal(v) gives the bytes of a
// json.Encoder that indents by two spaces and leaves HTML as is.
func marshalsAsEncoder(t *testing.T, v any) {
	t.Helper()
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	got, err := marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("marshal(%v) gave\n%s\nwant\n%s", v, got, want.Bytes())
	}
}
