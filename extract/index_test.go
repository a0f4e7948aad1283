package extract

import (
	"reflect"
	"testing"

	"fengong/extract/synth"
)

// TestIndex: an Index gives what Document.TasksOf, TargetsOf and Dept
// give, for every dept of the seed and of a synthetic document (with
// 各部门单位 tasks), and for a name the document does not list.
func TestIndex(t *testing.T) {
	for name, doc := range map[string]*Document{
		"seed":  parseSeedAs(t, "seed.txt", seedBytes(t)),
		"synth": parseSeedAs(t, "synth.txt", synth.Document(2)),
	} {
		x := doc.Index()
		all := 0
		for _, it := range doc.Items {
			for _, tk := range it.Tasks {
				if tk.All {
					all++
				}
			}
		}
		names := []string{"不在名单中的单位"}
		for _, d := range doc.Depts {
			names = append(names, d.Name)
		}
		for _, d := range names {
			want := doc.TasksOf(d)
			got := x.TasksOf(d)
			if len(got) != len(want) {
				t.Fatalf("%s %s: %d tasks, TasksOf gives %d", name, d, len(got), len(want))
			}
			for i, a := range want {
				if g := got[i]; g.Task != a.Task || g.Role != a.Role || g.Item != a.Item {
					t.Errorf("%s %s: task %d is %s %s, want %s %s", name, d, i, g.Task.ID, g.Role, a.Task.ID, a.Role)
				}
			}
			if got, want := x.TargetsOf(d), doc.TargetsOf(d); !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s: targets %v, want %v", name, d, got, want)
			}
			if got, want := x.Dept(d), doc.Dept(d); got != want {
				t.Errorf("%s %s: dept %p, want %p", name, d, got, want)
			}
		}
		if name == "seed" && all == 0 {
			t.Errorf("the seed has no 各部门单位 task to test")
		}
	}
}
