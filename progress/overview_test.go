package progress

import (
	"slices"
	"testing"
)

// Summarize counts who reported and what changed since the previous
// period's recorded statuses.
func TestSummarize(t *testing.T) {
	doc := testDoc(t)
	prev := &Summary{Period: "2022-06", Counts: map[Status]int{Green: 2, Red: 1}, Reported: 1, NotReported: 2}
	s := &Snapshot{
		Period: Period{Key: "2022-07"},
		Tasks: []TaskState{
			{TaskID: "1.1", Status: Red},  // green before: turned red
			{TaskID: "2.1", Status: Done}, // green before: completed
			{TaskID: "3.1", Status: Red},  // red before: not a change
		},
		Depts:    []DeptState{{Dept: "市发改委", Reported: true}, {Dept: "市财政局"}, {Dept: "市商务局"}},
		Counts:   map[Status]int{Red: 2, Done: 1},
		Previous: prev,
	}
	tests := []struct {
		name           string
		previous       *Summary
		before         map[string]Status
		red, completed []string
	}{
		{"changes", prev, map[string]Status{"1.1": Green, "2.1": Green, "3.1": Red}, []string{"1.1"}, []string{"2.1"}},
		{"a task not recorded before", prev, map[string]Status{"3.1": Red}, []string{"1.1"}, []string{"2.1"}},
		{"nothing changed", prev, map[string]Status{"1.1": Red, "2.1": Done, "3.1": Red}, nil, nil},
		{"first period", nil, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := *s
			s.Previous = tt.previous
			o := Summarize(doc, &s, tt.before)
			if o.Period != "2022-07" || o.Depts != 3 || o.Reported != 1 || !slices.Equal(o.NotReported, []string{"市财政局", "市商务局"}) || o.Tasks != 3 {
				t.Errorf("got %+v", o)
			}
			if o.Counts[Red] != 2 || o.Counts[Done] != 1 || o.Counts[Yellow] != 0 || len(o.Counts) != len(Order) {
				t.Errorf("counts %v", o.Counts)
			}
			ids := func(refs []TaskRef) []string {
				var out []string
				for _, r := range refs {
					out = append(out, r.ID)
					if r.Text == "" {
						t.Errorf("task %s without its text", r.ID)
					}
				}
				return out
			}
			if got := ids(o.TurnedRed); !slices.Equal(got, tt.red) {
				t.Errorf("turned red %q, want %q", got, tt.red)
			}
			if got := ids(o.Completed); !slices.Equal(got, tt.completed) {
				t.Errorf("completed %q, want %q", got, tt.completed)
			}
		})
	}
}
