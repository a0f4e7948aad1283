package xlsx

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"

	"fengong/extract"
)

// lender is a Parts that lends the parts of one previous copy whose keys
// it recorded, and records the keys of the copy being made.
type lender struct {
	prev     []byte
	prevKeys map[string]string
	keys     map[string]string
	lent     []string
}

func (l *lender) Part(name, key string) ([]byte, uint32, uint64, bool) {
	if l.prevKeys[name] != key {
		return nil, 0, 0, false
	}
	raw, crc, size, ok := PartOf(l.prev, name)
	if ok {
		l.lent = append(l.lent, name)
	}
	return raw, crc, size, ok
}

func (l *lender) Keep(name, key string) {
	if l.keys == nil {
		l.keys = map[string]string{}
	}
	l.keys[name] = key
}

// masterWith renders doc's master workbook lending from prev.
func masterWith(t *testing.T, doc *extract.Document, prev *lender) ([]byte, *lender) {
	return bookWith(t, doc, prev, (*Renderer).Master)
}

// bookWith renders a workbook of doc with make, lending from prev.
func bookWith(t *testing.T, doc *extract.Document, prev *lender, make func(*Renderer) ([]byte, error)) ([]byte, *lender) {
	t.Helper()
	r, err := NewRenderer(doc, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	l := &lender{}
	if prev != nil {
		l.prev, l.prevKeys = prev.prev, prev.keys
	}
	data, err := make(r.WithParts(l))
	if err != nil {
		t.Fatal(err)
	}
	l.prev = data
	return data, l
}

// The master workbook made again after an edit takes the sheets the edit
// left alone from its previous copy, and is byte for byte the workbook
// made from nothing: an edit of a task's wording changes the 总表 only;
// an edit of its units changes the 责任矩阵 too.
func TestMasterParts(t *testing.T) {
	base := seed(t)
	_, first := masterWith(t, base, nil)
	if len(first.keys) != 6 || len(first.lent) != 0 {
		t.Fatalf("first copy: keys %v, lent %v; want the 6 sheets' keys, nothing lent", first.keys, first.lent)
	}
	edit := func(change func(*extract.Task)) *extract.Document {
		doc := seed(t)
		change(&doc.Items[3].Tasks[0])
		return doc
	}
	for _, tc := range []struct {
		name   string
		doc    *extract.Document
		redone []string // the parts made again
	}{
		{"same", seed(t), nil},
		{"wording", edit(func(task *extract.Task) { task.Text += "（修改）" }), []string{"xl/worksheets/sheet1.xml"}},
		{"units", edit(func(task *extract.Task) { task.Lead = append(task.Lead, base.Depts[len(base.Depts)-1].Name) }),
			[]string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, l := masterWith(t, tc.doc, first)
			fresh, err := Master(tc.doc, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, fresh) {
				t.Fatalf("made with the previous copy's parts (%v): %d bytes, made from nothing %d bytes, not the same", l.lent, len(got), len(fresh))
			}
			var redone []string
			for _, name := range slices.Sorted(maps.Keys(l.keys)) {
				if !slices.Contains(l.lent, name) {
					redone = append(redone, name)
				}
			}
			if !slices.Equal(redone, tc.redone) {
				t.Errorf("made again %v, want %v (lent %v)", redone, tc.redone, l.lent)
			}
		})
	}
	// a workbook that is no zip, or lacks the part, lends nothing
	for _, data := range [][]byte{nil, []byte("PK\x03\x04 not a zip"), first.prev[:len(first.prev)/2]} {
		if _, _, _, ok := PartOf(data, "xl/worksheets/sheet2.xml"); ok {
			t.Errorf("PartOf(%q…) lent a part", strings.ToValidUTF8(string(data[:min(len(data), 8)]), "?"))
		}
	}
}

// A dept's workbook made again after an edit of a task it leads takes
// every sheet but the 牵头任务 from its previous copy, and is byte for
// byte the workbook made from nothing.
func TestDeptParts(t *testing.T) {
	base := seed(t)
	dept := base.ByWorkload()[0].Name
	deptOf := func(r *Renderer) ([]byte, error) { return r.Dept(dept) }
	_, first := bookWith(t, base, nil, deptOf)
	if len(first.keys) < 3 {
		t.Fatalf("first copy: keys %v; want one per sheet", first.keys)
	}
	doc := seed(t)
	var edited bool
	for i := range doc.Items {
		for j := range doc.Items[i].Tasks {
			if task := &doc.Items[i].Tasks[j]; !edited && slices.Contains(task.Lead, dept) {
				task.Text += "（修改）"
				edited = true
			}
		}
	}
	if !edited {
		t.Fatalf("%s leads no task", dept)
	}
	got, l := bookWith(t, doc, first, deptOf)
	r, err := NewRenderer(doc, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := r.Dept(dept)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, fresh) {
		t.Fatalf("made with the previous copy's parts (%v) it is not the workbook made from nothing", l.lent)
	}
	if len(l.lent) != len(l.keys)-1 || slices.Contains(l.lent, "xl/worksheets/sheet2.xml") {
		t.Errorf("lent %v of %d sheets; want all but the 牵头任务 (sheet2)", l.lent, len(l.keys))
	}
}
