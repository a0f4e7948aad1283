package pdf

import (
	"bytes"
	"encoding/json"
	"testing"

	"fengong/extract"
)

// A dept's brief does not depend on the characters of the rest of the
// batch: with a new character in another dept's task, the batch cut of
// the faces changes, but the fingerprint and the untouched dept's brief
// are the same bytes. --incremental reuses such briefs.
func TestFingerprint(t *testing.T) {
	doc, r := seedRenderer(t)
	// a copy of the model whose first task of another dept brings in
	// characters the seed does not have
	var edited extract.Document
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &edited); err != nil {
		t.Fatal(err)
	}
	var keep, change string
	for _, d := range doc.Depts {
		for _, a := range doc.TasksOf(d.Name) {
			if a.Role == extract.RoleLead && !a.Task.All && len(a.Task.Co) == 0 && len(a.Task.Respective) == 0 && len(a.Task.Lead) == 1 {
				if change == "" {
					change = d.Name
					edited.Task(a.Task.ID).Text += "（鹦鹉螺鲸）"
				} else if keep == "" && d.Name != change {
					keep = d.Name
				}
			}
		}
	}
	if keep == "" || change == "" {
		t.Fatal("the seed has no two depts leading tasks alone")
	}
	r2, err := NewRenderer(&edited, testOptions(), Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(r.faces[0].draw.Data, r2.faces[0].draw.Data) {
		t.Fatal("the edit did not change the batch cut: the test proves nothing")
	}
	if r.Fingerprint() != r2.Fingerprint() {
		t.Errorf("the fingerprint follows the batch's characters")
	}
	a, err := r.Dept(keep)
	if err != nil {
		t.Fatal(err)
	}
	b2, err := r2.Dept(keep)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b2) {
		t.Errorf("%s's brief changed with another dept's characters", keep)
	}
	if a, _ := r.Dept(change); bytes.Equal(a, mustDept(t, r2, change)) {
		t.Errorf("%s's brief did not change with its task", change)
	}
}

func mustDept(t *testing.T, r *Renderer, d string) []byte {
	t.Helper()
	b, err := r.Dept(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
