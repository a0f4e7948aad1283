package charts

import (
	"bytes"
	"encoding/json"
	"testing"

	"fengong/export"
	"fengong/extract"
)

// TestTextFree: the pages TextFree names are the same bytes after every
// task's and item's words changed, and the others are not (so the test
// would see a page that starts printing them). The batch run keys the
// text-free pages without those words.
func TestTextFree(t *testing.T) {
	for name, doc := range map[string]*extract.Document{"seed": seed(t), "fixture": fixture()} {
		var edited extract.Document
		b, _ := json.Marshal(doc)
		if err := json.Unmarshal(b, &edited); err != nil {
			t.Fatal(err)
		}
		for i := range edited.Items {
			it := &edited.Items[i]
			it.Text = "改写" + it.Text
			for j := range it.Tasks {
				it.Tasks[j].Text = "改写后的任务：" + it.Tasks[j].Text
			}
		}
		opt := Options{Options: export.Options{Date: testDate}}
		before, err := Pages(doc, opt)
		if err != nil {
			t.Fatal(err)
		}
		after, err := Pages(&edited, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(before) != len(after) {
			t.Fatalf("%s: %d pages, then %d", name, len(before), len(after))
		}
		free := 0
		for i, p := range before {
			same := bytes.Equal(p.Data, after[i].Data)
			switch {
			case TextFree(p.Name) && !same:
				t.Errorf("%s: %s is text-free, but changed with the tasks' words", name, p.Name)
			case TextFree(p.Name):
				free++
			case p.Name == SearchPage && same:
				t.Errorf("%s: %s did not change with the tasks' words: is it text-free now?", name, p.Name)
			}
		}
		if free != 7 {
			t.Errorf("%s: %d text-free pages, want 7", name, free)
		}
	}
}
