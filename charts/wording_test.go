package charts

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

// A one-key charts.yaml override changes that key and nothing else; an
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
		{"top key", "back: 回到总览\n", func(w *wording) { w.Back = "回到总览" }, 0},
		{"nested key", "dept:\n  tasks: 本单位任务\n", func(w *wording) { w.Dept.Tasks = "本单位任务" }, 0},
		{"unknown key", "# mine\nbcak: 回到总览\n", nil, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, wordingFile), []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			ts, err := templates.New(dir)
			if err != nil {
				t.Fatal(err)
			}
			got, err := loadWording(export.Options{Templates: ts})
			if tc.edit == nil {
				var e *templates.Error
				if !errors.As(err, &e) || !errors.Is(err, templates.ErrUnknownKey) || e.Line != tc.line || !strings.Contains(err.Error(), filepath.Join(dir, wordingFile)) {
					t.Fatalf("got %v, want an unknown key at %s:%d", err, wordingFile, tc.line)
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
