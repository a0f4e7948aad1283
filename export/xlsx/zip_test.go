package xlsx

import (
	"bytes"
	"strings"
	"testing"
)

// TestSharedParts: the parts every dept workbook shares are deflated once
// per batch (the theme is kept once, not once per workbook), and a
// workbook is the same bytes whether its parts came from the batch or
// were deflated for it alone.
func TestSharedParts(t *testing.T) {
	doc := seed(t)
	opt := testOptions()
	batch, err := NewRenderer(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	depts := doc.Depts[:5]
	for _, d := range depts {
		if _, err := batch.Dept(d.Name); err != nil {
			t.Fatal(err)
		}
	}
	themes := 0
	for k := range batch.zips.shared {
		if strings.HasPrefix(k, "xl/theme/") {
			themes++
		}
		if strings.HasPrefix(k, "xl/worksheets/") {
			t.Errorf("a sheet kept for the batch: %.40s", k)
		}
	}
	if themes != 1 {
		t.Errorf("the theme kept %d times, want once", themes)
	}
	for _, d := range depts {
		alone, err := NewRenderer(doc, opt)
		if err != nil {
			t.Fatal(err)
		}
		want, err := alone.Dept(d.Name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := batch.Dept(d.Name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: the batch's workbook differs from one made alone (%v)", d.Name, err)
		}
	}
}
