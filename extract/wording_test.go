package extract

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fengong/templates"
)

// A one-key override of warnings.yaml or grammar.yaml changes that key and
// nothing else (a list is replaced whole); an unknown key is an error
// naming the override file and line.
func TestWordingOneKeyOverride(t *testing.T) {
	defMsgs, err := LoadMessages(nil)
	if err != nil {
		t.Fatal(err)
	}
	defVocab, err := LoadVocabulary(nil)
	if err != nil {
		t.Fatal(err)
	}
	msgs := func(key, value string) any {
		m := Messages{}
		for k, v := range defMsgs {
			m[k] = v
		}
		m[key] = value
		return m
	}
	for _, tc := range []struct {
		name, file, yaml string
		want             func() any // nil for an error
		line             int
	}{
		{"one warning", MessagesFile, "truncated: 原文在此结束\n", func() any { return msgs("truncated", "原文在此结束") }, 0},
		{"deadlines", GrammarFile, "deadlines: [年内]\n", func() any {
			var v Vocabulary
			if err := templates.Default().Decode(GrammarFile, &v); err != nil {
				t.Fatal(err)
			}
			v.Deadlines = []string{"年内"}
			v.prepare()
			return &v
		}, 0},
		{"warning typo", MessagesFile, "truncated: 原文在此结束\ntruncate: 原文在此结束\n", nil, 2},
		{"grammar typo", GrammarFile, "# mine\n\ndeadline: [年内]\n", nil, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			ts, err := templates.New(dir)
			if err != nil {
				t.Fatal(err)
			}
			var got any
			if tc.file == MessagesFile {
				got, err = LoadMessages(ts)
			} else {
				got, err = LoadVocabulary(ts)
			}
			if tc.want == nil {
				var e *templates.Error
				if !errors.As(err, &e) || !errors.Is(err, templates.ErrUnknownKey) || e.Line != tc.line || !strings.Contains(err.Error(), filepath.Join(dir, tc.file)) {
					t.Fatalf("got %v, want an unknown key at %s:%d", err, tc.file, tc.line)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := tc.want(); !reflect.DeepEqual(got, want) {
				t.Errorf("the override changed more than its key")
			}
			if tc.file == GrammarFile && reflect.DeepEqual(got, defVocab) {
				t.Errorf("the override changed nothing")
			}
		})
	}
}

// --depts-file with --templates: a directory read from a file of its own
// still takes the set's warning wording (it took the embedded one).
func TestParseDirectoryWithTemplates(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, MessagesFile), []byte("truncated: 原文在此结束\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ts, err := templates.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseDirectoryWith(ts, []byte("depts: [{name: 省财政厅, kind: 省直部门}]\n"), "mine.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.messages()["truncated"]; got != "原文在此结束" {
		t.Errorf("truncated = %q, want the override's", got)
	}
	if _, err := ParseDirectoryWith(ts, []byte("depts: [{name: 省财政厅, kidn: 省直部门}]\n"), "mine.yaml"); !errors.Is(err, templates.ErrUnknownKey) || !strings.Contains(err.Error(), "mine.yaml:1") {
		t.Errorf("unknown key: got %v, want one at mine.yaml:1", err)
	}
}
