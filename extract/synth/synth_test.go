package synth

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"testing"
	"unicode/utf8"

	"fengong/extract"
)

func TestDocumentDeterministic(t *testing.T) {
	for _, scale := range []int{1, 3} {
		a, b := Document(scale), Document(scale)
		if !bytes.Equal(a, b) {
			t.Errorf("scale %d: two calls differ", scale)
		}
	}
	if bytes.Equal(Document(1), Document(2)) {
		t.Error("scales 1 and 2 give the same document")
	}
	if !bytes.Equal(Document(0), Document(1)) || !bytes.Equal(Document(-5), Document(1)) {
		t.Error("a scale below 1 does not count as 1")
	}
}

var (
	reItem    = regexp.MustCompile(`(?m)^([0-9]+)\.`)
	reHeading = regexp.MustCompile(`(?m)^[一二三四五六七八九十]{1,3}、`)
)

func TestDocumentShape(t *testing.T) {
	one := len(Document(1))
	if one < 40_000 || one > 50_000 {
		t.Errorf("scale 1: got %d bytes, want about the seed's 44 KB", one)
	}
	for _, scale := range []int{1, 2, 5, 20} {
		t.Run(fmt.Sprint(scale), func(t *testing.T) {
			doc := Document(scale)
			if !utf8.Valid(doc) {
				t.Fatal("not valid UTF-8")
			}
			if bytes.ContainsAny(doc, "\r\x00") || !bytes.HasSuffix(doc, []byte("。\n")) && !bytes.HasSuffix(doc, []byte(")\n")) {
				t.Errorf("bad line ends or bytes: ends %q", doc[len(doc)-8:])
			}
			// size grows linearly: within 15% of scale × the size of scale 1
			if r := float64(len(doc)) / float64(scale*one); r < 0.85 || r > 1.15 {
				t.Errorf("got %d bytes, %.2f times scale × %d", len(doc), r, one)
			}
			items := reItem.FindAllSubmatch(doc, -1)
			if len(items) != Items*scale {
				t.Fatalf("got %d items, want %d", len(items), Items*scale)
			}
			for i, m := range items {
				if string(m[1]) != fmt.Sprint(i+1) {
					t.Fatalf("item %d is numbered %s", i+1, m[1])
				}
			}
			if n := len(reHeading.FindAll(doc, -1)); n < 10 || n > 99 {
				t.Errorf("got %d section headings", n)
			}
			for _, want := range []string{"(各部门单位分别负责)", "牵头,", "等按职责分工负责)", "分别负责)", "(有关部门按职责分工负责)", "大", ",即", "%以上"} {
				if !bytes.Contains(doc, []byte(want)) {
					t.Errorf("no %q", want)
				}
			}
		})
	}
}

// TestDocumentNamesEveryDept checks without the parser that each of the
// Depts(scale) depts is named, in full or by its alias.
func TestDocumentNamesEveryDept(t *testing.T) {
	for _, scale := range []int{1, 4} {
		doc := Document(scale)
		pool := deptPool(Depts(scale))
		if len(pool) != Depts(scale) {
			t.Fatalf("scale %d: pool of %d depts, want %d", scale, len(pool), Depts(scale))
		}
		for _, d := range pool {
			named := bytes.Contains(doc, []byte(d.name)) || d.alias != "" && bytes.Contains(doc, []byte(d.alias))
			if d.city != "" {
				named = named || bytes.Contains(doc, []byte(d.city+"、")) || bytes.Contains(doc, []byte("、"+d.city))
			}
			if !named {
				t.Errorf("scale %d: %q is not named", scale, d.name)
			}
		}
	}
}

// TestDocumentParses checks the counts the generator promises against what
// extract.Parse finds.
func TestDocumentParses(t *testing.T) {
	dir, err := extract.LoadDirectory(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, scale := range []int{1, 4} {
		t.Run(fmt.Sprint(scale), func(t *testing.T) {
			text, err := extract.Read("synth.txt", Document(scale))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := extract.Parse(text, dir)
			if err != nil {
				t.Fatalf("extract.Parse: %v", err)
			}
			if got, want := len(doc.Items), Items*scale; got != want {
				t.Errorf("got %d items, want %d", got, want)
			}
			pool := deptPool(Depts(scale))
			for _, d := range pool {
				if doc.Dept(d.name) == nil {
					t.Errorf("dept %q is missing", d.name)
				}
			}
			for _, d := range doc.Depts {
				if !slices.ContainsFunc(pool, func(p dept) bool { return p.name == d.Name }) {
					t.Errorf("got dept %q, which the document does not name", d.Name)
				}
			}
			if len(doc.Targets) == 0 || len(doc.Lists) == 0 || len(doc.Sections) < 10 {
				t.Errorf("got %d targets, %d lists, %d sections", len(doc.Targets), len(doc.Lists), len(doc.Sections))
			}
		})
	}
}

func BenchmarkDocument(b *testing.B) {
	for _, scale := range []int{1, 20} {
		b.Run(fmt.Sprint(scale), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Document(scale)
			}
		})
	}
}
