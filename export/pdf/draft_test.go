package pdf

import (
	"bytes"
	"reflect"
	"testing"
	"time"
)

// TestDraft: a brief's draft draws the brief's bytes; its Sum is the same
// for the same brief, and changes with any field of the document
// information the PDF carries (the subsets aside, which change no byte)
// and with the layout.
func TestDraft(t *testing.T) {
	_, r := seedRenderer(t)
	want, err := r.Brief()
	if err != nil {
		t.Fatal(err)
	}
	d, err := r.BriefDraft()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := d.Draw(); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("the draft draws other bytes than Brief (%v)", err)
	}
	again, _ := r.BriefDraft()
	base := d.Sum()
	if again.Sum() != base {
		t.Fatal("the same brief gives two sums")
	}
	meta := reflect.ValueOf(&again.meta).Elem()
	for i := range meta.NumField() {
		c := *again
		m := reflect.ValueOf(&c.meta).Elem().Field(i)
		switch name := meta.Type().Field(i).Name; m.Kind() {
		case reflect.String:
			m.SetString(m.String() + "乙")
		case reflect.Bool:
			m.SetBool(!m.Bool())
		case reflect.Struct:
			m.Set(reflect.ValueOf(c.meta.Date.Add(time.Second)))
		case reflect.Interface:
			continue // Subsets: where the streams come from, not what they are
		default:
			t.Errorf("Meta.%s: a field of kind %s, which this test cannot change", name, m.Kind())
			continue
		}
		if c.Sum() == base {
			t.Errorf("Meta.%s changed, the draft's sum did not", meta.Type().Field(i).Name)
		}
	}
	l := *again.layout
	l.Width++
	c := *again
	c.layout = &l
	if c.Sum() == base {
		t.Error("the layout changed, the draft's sum did not")
	}
}
