package batch

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestMarshal: the pack's JSON is indented by two spaces, with a final
// newline and HTML left as is, the bytes json.Encoder gives so set.
func TestMarshal(t *testing.T) {
	v := map[string]any{
		"text":  "<b>关于“十大”&项目</b>",
		"list":  []any{1, 2.5, nil, []string{}, map[string]int{}},
		"inner": map[string]any{"a": []string{"x", "y"}, "b": true},
	}
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
		t.Errorf("marshal gave\n%s\nwant\n%s", got, want.Bytes())
	}
	if _, err := marshal(map[string]any{"x": func() {}}); err == nil {
		t.Error("a value with no JSON gave no error")
	}
}
