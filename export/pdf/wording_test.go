package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fengong/templates"
)

// A one-key pdf.yaml override changes that key and nothing else; an
// unknown key is an error naming the override file and line.
func TestWordingOneKeyOverride(t *testing.T) {
	def, err := loadWording(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, yaml string
		edit       func(w *wording) // what the override changes; nil for an error
		line       int
	}{
		{"top key", "default_title: 工作分工\n", func(w *wording) { w.DefaultTitle = "工作分工" }, 0},
		{"nested key", "brief:\n  chart_heading: 图\n", func(w *wording) { w.Brief.ChartHeading = "图" }, 0},
		{"unknown key", "brief:\n  chart_heading: 图\n  chart_haeding: 图\n", nil, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "pdf.yaml"), []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			ts, err := templates.New(dir)
			if err != nil {
				t.Fatal(err)
			}
			got, err := loadWording(ts)
			if tc.edit == nil {
				var e *templates.Error
				if !errors.As(err, &e) || !errors.Is(err, templates.ErrUnknownKey) || e.Line != tc.line || !strings.Contains(err.Error(), filepath.Join(dir, "pdf.yaml")) {
					t.Fatalf("got %v, want an unknown key at pdf.yaml:%d", err, tc.line)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := *def
			tc.edit(&want)
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("the override changed more than its key:\ngot  %+v\nwant %+v", *got, want)
			}
		})
	}
}
