package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"fengong/extract"
	"fengong/progress"
)

// The 督办 parts of the workbooks, written only when export.Options.Progress
// is set (a run with a ledger): in the 汇总表 the 进展台账 (every task and
// each unit's latest words, with its status filled 红黄绿), the 报送情况
// (who returned, when, which file) and status counts in 单位汇总; in a
// dept's 任务分解表 its last reported words, so it updates rather than
// retypes. Status words and fills are status.yaml's.

// fillStyle is a centred cell style filled with an RGB hex colour, made
// once per colour.
func (b *book) fillStyle(rgb string) (int, error) {
	if id, ok := b.fills[rgb]; ok {
		return id, nil
	}
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	id, err := b.f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Family: b.w.Font, Size: b.w.FontSize}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rgb}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	if err != nil {
		return 0, err
	}
	if b.fills == nil {
		b.fills = map[string]int{}
	}
	b.fills[rgb] = id
	return id, nil
}

// statusCells are the filled status cells of a snapshot's statuses.
func (b *book) statusCells(rules *progress.Rules) (map[progress.Status]excelize.Cell, error) {
	out := map[progress.Status]excelize.Cell{}
	for _, s := range progress.Order {
		id, err := b.fillStyle(rules.Fill(s))
		if err != nil {
			return nil, err
		}
		out[s] = excelize.Cell{StyleID: id, Value: rules.Label(s)}
	}
	return out, nil
}

func (b *book) periodLine(p progress.Period) string {
	return fill(b.w.Progress.Period, "{period}", p.Key, "{start}", cnDate(p.Start.Year(), int(p.Start.Month()), p.Start.Day()),
		"{end}", cnDate(p.End.Year(), int(p.End.Month()), p.End.Day()), "{due}", cnDate(p.Due.Year(), int(p.Due.Month()), p.Due.Day()))
}

func cnDate(y, m, d int) string { return fmt.Sprintf("%d年%d月%d日", y, m, d) }

// ledgerSheet is the 进展台账: a row per unit report of every task (a task
// no unit reported on has one row with the unit columns blank), in
// document order, the task's status filled.
func (b *book) ledgerSheet(doc *extract.Document, snap *progress.Snapshot, rules *progress.Rules) (*sheet, error) {
	h, st, w := b.w.Progress.Ledger, b.style, b.w
	cells, err := b.statusCells(rules)
	if err != nil {
		return nil, err
	}
	type ref struct {
		task   *progress.TaskState
		report int // -1: none
	}
	var refs []ref
	for i := range snap.Tasks {
		ts := &snap.Tasks[i]
		if len(ts.Reports) == 0 {
			refs = append(refs, ref{ts, -1})
		}
		for j := range ts.Reports {
			refs = append(refs, ref{ts, j})
		}
	}
	cols := []column{
		{head: h.Seq, min: 6, style: st.center},
		{head: h.ID, min: 8, style: st.center},
		{head: h.Text, min: 30, max: 40, style: st.text},
		{head: h.Lead, min: 10, max: 16, style: st.text},
		{head: h.Deadline, min: 8, max: 12, style: st.center},
		{head: h.Status, min: 6, style: st.center},
		{head: h.Reason, min: 16, max: 28, style: st.text},
		{head: h.Dept, min: 10, max: 16, style: st.text},
		{head: h.State, min: 8, max: 10, style: st.center},
		{head: h.Progress, min: 20, max: 36, style: st.text},
		{head: h.Problems, min: 14, max: 24, style: st.text},
		{head: h.NextSteps, min: 14, max: 24, style: st.text},
		{head: h.Period, min: 8, style: st.center},
	}
	return &sheet{
		name: w.Progress.Sheets.Ledger, cols: cols, rows: len(refs), filter: true, freezeX: 2,
		top: [][]any{{b.periodLine(snap.Period)}},
		row: func(i int, r []any) {
			rf := refs[i]
			t := doc.Task(rf.task.TaskID)
			r[0], r[1], r[5], r[6] = i+1, rf.task.TaskID, cells[rf.task.Status], rf.task.Reason
			if t != nil {
				r[2], r[3] = w.taskText(t), w.join(t.Lead)
				deadline := t.Deadline
				if deadline == "" && rf.task.Due != "" {
					deadline = rf.task.Due
				}
				r[4] = deadline
			}
			if rf.report >= 0 {
				rep := &rf.task.Reports[rf.report]
				r[7], r[8], r[9], r[10], r[11], r[12] = rep.Dept, rep.State, rep.Progress, rep.Problems, rep.NextSteps, rep.Period
			}
		},
	}, nil
}

// returnsSheet is the 报送情况: every dept in the document's order, whether
// it returned its workbook for the period, when, which file, and the
// status counts of its tasks.
func (b *book) returnsSheet(snap *progress.Snapshot, rules *progress.Rules) (*sheet, error) {
	h, st, w := b.w.Progress.Returns, b.style, b.w
	yes, err := b.fillStyle(rules.Fill(progress.Green))
	if err != nil {
		return nil, err
	}
	no, err := b.fillStyle(rules.Fills.NotReported)
	if err != nil {
		return nil, err
	}
	cols := []column{
		{head: h.Seq, min: 6, style: st.center},
		{head: h.Dept, min: 12, max: 28, style: st.text},
		{head: h.Status, min: 8, style: st.center},
		{head: h.Received, min: 16, style: st.center},
		{head: h.File, min: 16, max: 36, style: st.text},
		{head: h.Rows, min: 8, style: st.center},
		{head: h.Red, min: 6, style: st.center},
		{head: h.Yellow, min: 6, style: st.center},
		{head: h.Green, min: 6, style: st.center},
		{head: h.Done, min: 6, style: st.center},
	}
	return &sheet{
		name: w.Progress.Sheets.Returns, cols: cols, rows: len(snap.Depts), filter: true,
		top: [][]any{{b.periodLine(snap.Period)}},
		row: func(i int, r []any) {
			d := &snap.Depts[i]
			r[0], r[1] = i+1, d.Dept
			if d.Reported && d.Return != nil {
				r[2] = excelize.Cell{StyleID: yes, Value: rules.Labels.Reported}
				if !d.Return.Received.IsZero() {
					r[3] = d.Return.Received.UTC().Format("2006-01-02 15:04")
				}
				r[4], r[5] = d.Return.Name, d.Return.Rows
			} else {
				r[2] = excelize.Cell{StyleID: no, Value: rules.Labels.NotReported}
			}
			r[6], r[7], r[8], r[9] = d.Counts[progress.Red], d.Counts[progress.Yellow], d.Counts[progress.Green], d.Counts[progress.Done]
		},
	}, nil
}

// deptCounts adds the status counts to the 单位汇总's columns and rows.
func (b *book) deptCounts(s *sheet, depts []extract.Dept, snap *progress.Snapshot) {
	h, st := b.w.Progress.Depts, b.style
	counts := map[string]map[progress.Status]int{}
	for _, d := range snap.Depts {
		counts[d.Dept] = d.Counts
	}
	n := len(s.cols)
	for _, head := range []string{h.Red, h.Yellow, h.Green, h.Done} {
		s.cols = append(s.cols, column{head: head, min: 6, style: st.center})
	}
	row := s.row
	s.row = func(i int, r []any) {
		row(i, r[:n])
		c := counts[depts[i].Name]
		r[n], r[n+1], r[n+2], r[n+3] = c[progress.Red], c[progress.Yellow], c[progress.Green], c[progress.Done]
	}
}

// lastWords are a dept's latest words on each of its tasks, by task ID.
func lastWords(snap *progress.Snapshot, dept string) map[string]*progress.Report {
	if snap == nil {
		return nil
	}
	out := map[string]*progress.Report{}
	for i := range snap.Tasks {
		for j := range snap.Tasks[i].Reports {
			if rep := &snap.Tasks[i].Reports[j]; rep.Dept == dept {
				out[rep.TaskID] = rep
			}
		}
	}
	return out
}

// prefill puts a dept's last reported words in a task row's input cells,
// so the unit updates them rather than types them again. The cells stay
// input cells (unlocked, filled as inputs).
func (b *book) prefill(r []any, rep *progress.Report) {
	if rep == nil {
		return
	}
	st := b.style
	in := func(col, style int, v string) {
		if v != "" {
			r[col-1] = excelize.Cell{StyleID: style, Value: v}
		}
	}
	in(colOwner, st.input, rep.Owner)
	in(colContact, st.input, rep.Contact)
	in(colProgress, st.input, rep.Progress)
	in(colProblems, st.input, rep.Problems)
	in(colNextSteps, st.input, rep.NextSteps)
	in(colStatus, st.inputCenter, rep.State)
	if c, ok := r[colDeadline-1].(excelize.Cell); ok && c.Value == nil { // the document set no deadline
		in(colDeadline, st.inputCenter, rep.Deadline)
	}
}
