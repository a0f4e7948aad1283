package xlsx

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fengong/export"
	"fengong/templates"
)

// A one-key xlsx.yaml override changes that key and nothing else; an
// unknown key is an error naming the override file and line.
func TestWordingOneKeyOverride(t *testing.T) {
	def, err := loadWording(export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, yaml string
		edit       func(w *wording) // what the override changes; nil for an error
		line       int
	}{
		{"top key", "source_line: 原文第{line}行\n", func(w *wording) { w.SourceLine = "原文第{line}行" }, 0},
		{"nested key", "dept:\n  sheets:\n    lead: 本单位牵头\n", func(w *wording) { w.Dept.Sheets.Lead = "本单位牵头" }, 0},
		{"unknown key", "# mine\nsource_lien: x\n", nil, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, TemplateFile), []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			ts, err := templates.New(dir)
			if err != nil {
				t.Fatal(err)
			}
			got, err := loadWording(export.Options{Templates: ts})
			if tc.edit == nil {
				var e *templates.Error
				if !errors.As(err, &e) || !errors.Is(err, templates.ErrUnknownKey) || e.Line != tc.line || !strings.Contains(err.Error(), filepath.Join(dir, TemplateFile)) {
					t.Fatalf("got %v, want an unknown key at %s:%d", err, TemplateFile, tc.line)
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
