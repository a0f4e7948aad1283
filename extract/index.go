package extract

import "slices"

// Index answers Document.TasksOf, TargetsOf and Dept for every dept at
// once, made in one pass over the model. Each of those scans the whole
// document: an exporter that calls them once per dept costs the square of
// the document's size (500 depts of 4,000 tasks, a second). An Index
// reads the document as it was when made; make another after changing
// it. It is safe for concurrent use.
type Index struct {
	doc     *Document
	dept    map[string]*Dept
	tasks   map[string][]Assignment // as TasksOf gives them, for the document's depts
	targets map[string][]int        // by item key: indexes into doc.Targets, in order
	lists   map[string][]int        // by task ID: indexes into doc.Lists, in order
}

// Index makes the document's Index.
func (d *Document) Index() *Index {
	x := &Index{doc: d, dept: map[string]*Dept{}, tasks: map[string][]Assignment{},
		targets: map[string][]int{}, lists: map[string][]int{}}
	for i := range d.Depts {
		if _, dup := x.dept[d.Depts[i].Name]; !dup {
			x.dept[d.Depts[i].Name] = &d.Depts[i]
		}
	}
	for i := range d.Items {
		it := &d.Items[i]
		for j := range it.Tasks {
			t := &it.Tasks[j]
			seen := map[string]bool{}
			add := func(name string) {
				if seen[name] {
					return
				}
				seen[name] = true
				if r := t.RoleOf(name); r != "" {
					x.tasks[name] = append(x.tasks[name], Assignment{Item: it, Task: t, Role: r})
				}
			}
			for _, l := range [][]string{t.Lead, t.Respective, t.Co} {
				for _, name := range l {
					add(name)
				}
			}
			if t.All {
				for name := range x.dept {
					add(name)
				}
			}
		}
	}
	for i, t := range d.Targets {
		x.targets[t.ItemKey] = append(x.targets[t.ItemKey], i)
	}
	for i, l := range d.Lists {
		x.lists[l.Task] = append(x.lists[l.Task], i)
	}
	return x
}

// Document is the document the index was made of.
func (x *Index) Document() *Document { return x.doc }

// Dept is Document.Dept.
func (x *Index) Dept(name string) *Dept { return x.dept[name] }

// TasksOf is Document.TasksOf.
func (x *Index) TasksOf(dept string) []Assignment {
	if _, ok := x.dept[dept]; !ok {
		// a name the document's dept list lacks: only a scan knows which
		// 各部门单位 tasks it carries
		return x.doc.TasksOf(dept)
	}
	return x.tasks[dept]
}

// TargetsOf is Document.TargetsOf: the targets of the items of dept's
// tasks, in document order.
func (x *Index) TargetsOf(dept string) []Target {
	var out []Target
	for _, i := range x.TargetIndexes(dept) {
		out = append(out, x.doc.Targets[i])
	}
	return out
}

// TargetIndexes are the positions in Document.Targets of TargetsOf(dept),
// in document order.
func (x *Index) TargetIndexes(dept string) []int {
	var idx []int
	items := map[string]bool{}
	for _, a := range x.TasksOf(dept) {
		if !items[a.Item.Key] {
			items[a.Item.Key] = true
			idx = append(idx, x.targets[a.Item.Key]...)
		}
	}
	slices.Sort(idx)
	return idx
}

// ListIndexes are the positions in Document.Lists of the lists of the
// task with id, in order.
func (x *Index) ListIndexes(taskID string) []int { return x.lists[taskID] }
