package ledger

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"fengong/progress"
)

// A unit that types a date into 完成时限 where the document set none (Excel
// keeps the serial 44742 under a date format) gives the task that
// deadline: the ledger keeps the date as 公文 write it, and the status
// rules read it.
func TestCollectDateDeadline(t *testing.T) {
	doc := seed(t)
	e := newEnv(t, doc)
	a, _ := depts(doc)
	f, err := excelize.OpenReader(bytes.NewReader(workbook(t, doc, a, map[string]string{"牵头任务!G3": "推进中"})))
	if err != nil {
		t.Fatal(err)
	}
	id, _ := f.GetCellValue("牵头任务", "Q3")
	if doc.Task(id) == nil || doc.Task(id).Due != "" {
		t.Fatalf("task %s of 牵头任务 row 3 has a deadline in the document; the test needs one without", id)
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("牵头任务", "F3", 44742); err != nil { // 2022-06-30
		t.Fatal(err)
	}
	if err := f.SetCellStyle("牵头任务", "F3", "F3", style); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	if _, out, err := e.collect(e.write("日期.xlsx", buf.Bytes())); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	l, err := Open(e.opt.Ledger)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	in, err := l.Input(doc, e.opt.Period)
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, r := range in.Reports {
		if r.TaskID == id && r.Dept == a {
			got = r.Deadline
		}
	}
	if got != "2022年6月30日" {
		t.Errorf("the ledger keeps 完成时限 %q, want 2022年6月30日", got)
	}
	s := progress.Evaluate(doc, e.opt.Rules, in)
	if ts := s.Task(id); ts == nil || ts.Due != "2022-06-30" {
		t.Errorf("task %s: %+v, want due 2022-06-30", id, ts)
	}
}
