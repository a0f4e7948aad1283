package batch

import (
	"reflect"
	"testing"

	"fengong/extract"
)

// TestDeptViewSum: a dept view's sum changes with each of its fields and
// each field of its tasks (a field added to deptKeyView or
// assignmentView fails here until deptKeyView.sum writes it), and a
// value moved from one list to the next is not the same view.
func TestDeptViewSum(t *testing.T) {
	base := func() *deptKeyView {
		return &deptKeyView{
			Stem:    "省财政厅",
			Dept:    &extract.Dept{Name: "省财政厅"},
			Tasks:   []assignmentView{{Item: "i1", Role: extract.RoleLead, Task: "t1"}, {Item: "i2", Role: extract.RoleCo, Task: "t2"}},
			Targets: []string{"g1"},
			Lists:   []string{"l1"},
		}
	}
	want := base().sum()
	if base().sum() != want {
		t.Fatal("the same view, two sums")
	}
	change := func(f reflect.Value) {
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "改")
		case reflect.Slice:
			f.Set(reflect.Append(f, reflect.New(f.Type().Elem()).Elem()))
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem())) // nil or not, a new zero value
		default:
			t.Fatalf("a field of kind %s: teach this test to change it", f.Kind())
		}
	}
	vt := reflect.TypeFor[deptKeyView]()
	for i := range vt.NumField() {
		v := base()
		change(reflect.ValueOf(v).Elem().Field(i))
		if v.sum() == want {
			t.Errorf("deptKeyView.%s changed, the sum did not", vt.Field(i).Name)
		}
	}
	at := reflect.TypeFor[assignmentView]()
	for i := range at.NumField() {
		for j := range 2 {
			v := base()
			change(reflect.ValueOf(&v.Tasks[j]).Elem().Field(i))
			if v.sum() == want {
				t.Errorf("task %d's %s changed, the sum did not", j, at.Field(i).Name)
			}
		}
	}
	a, b := base(), base()
	a.Targets, a.Lists = []string{"g1", "l1"}, nil
	b.Targets, b.Lists = []string{"g1"}, []string{"l1"}
	if a.sum() == b.sum() {
		t.Error("a sum moved from the targets to the lists: the same view")
	}
	c := base()
	c.Tasks[0], c.Tasks[1] = c.Tasks[1], c.Tasks[0]
	if c.sum() == want {
		t.Error("the tasks in another order: the same view")
	}
}
