// Package progresstest builds 督办 snapshots for the exporters' tests
// while the ledger and the status rules are not at hand: a Snapshot of a
// document that gives every task a status and the units reports, by a
// fixed rule, so that tests and goldens are deterministic.
//
// The words of the reports stand in for what units type into their
// returned workbooks; they are test data, not wording of fengong.
package progresstest

import (
	"fmt"
	"time"

	"fengong/extract"
	"fengong/progress"
)

// Snapshot returns a snapshot of doc for the period of month (1–12) of
// year, with the two months before it as its trend (the first when month
// is 1 has no previous period). Task i (from 0, in document order) is
// red when i%7 == 3, yellow when i%5 == 1, done when i%4 == 0, else
// green; dept j (in the document's dept order) has not reported when
// j%6 == 5. Every responsible dept that has reported gives each of its
// tasks a report.
func Snapshot(doc *extract.Document, year, month int) *progress.Snapshot {
	start := time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
	p := progress.Period{
		Key:   start.Format("2006-01"),
		Start: start,
		End:   start.AddDate(0, 1, -1),
		Due:   start.AddDate(0, 1, 4),
	}
	s := &progress.Snapshot{Period: p, Counts: map[progress.Status]int{}}
	reported := map[string]bool{}
	for j, d := range doc.Depts {
		reported[d.Name] = j%6 != 5
	}
	counts := map[string]map[progress.Status]int{}
	i := 0
	for _, it := range doc.Items {
		for k := range it.Tasks {
			t := &it.Tasks[k]
			st := progress.Green
			switch {
			case i%7 == 3:
				st = progress.Red
			case i%5 == 1:
				st = progress.Yellow
			case i%4 == 0:
				st = progress.Done
			}
			ts := progress.TaskState{TaskID: t.ID, Status: st}
			switch st {
			case progress.Red:
				ts.Reason = "已过完成时限仍未完成"
				if t.Deadline != "" {
					ts.Reason = "已过完成时限（" + t.Deadline + "）仍未完成"
				}
			case progress.Yellow:
				ts.Reason = "进度滞后于序时进度"
			}
			for _, d := range t.Depts() {
				if counts[d] == nil {
					counts[d] = map[progress.Status]int{}
				}
				counts[d][st]++
				if !reported[d] {
					continue
				}
				ts.Reports = append(ts.Reports, report(t, d, st, p))
			}
			s.Tasks = append(s.Tasks, ts)
			s.Counts[st]++
			i++
		}
	}
	sum := progress.Summary{Period: p.Key, Counts: s.Counts}
	for _, d := range doc.Depts {
		ds := progress.DeptState{Dept: d.Name, Reported: reported[d.Name], Counts: counts[d.Name]}
		if ds.Counts == nil {
			ds.Counts = map[progress.Status]int{}
		}
		if ds.Reported {
			ds.Return = &progress.Return{Dept: d.Name, Period: p.Key, Name: d.Name + "-" + p.Key + ".xlsx",
				SHA256: fmt.Sprintf("%064x", len(d.Name)), Received: p.Due.AddDate(0, 0, -2), Rows: d.Total()}
			sum.Reported++
		} else {
			sum.NotReported++
		}
		s.Depts = append(s.Depts, ds)
	}
	// the months before: fewer done, more red and yellow, as work goes on
	for back := min(2, month-1); back >= 1; back-- {
		c := map[progress.Status]int{}
		moved := min(back*2, s.Counts[progress.Done])
		c[progress.Done] = s.Counts[progress.Done] - moved
		c[progress.Green] = s.Counts[progress.Green] + moved - back
		c[progress.Yellow] = s.Counts[progress.Yellow] + back
		c[progress.Red] = s.Counts[progress.Red]
		if c[progress.Green] < 0 {
			c[progress.Yellow] += c[progress.Green]
			c[progress.Green] = 0
		}
		key := start.AddDate(0, -back, 0).Format("2006-01")
		s.Trend = append(s.Trend, progress.Summary{Period: key, Counts: c,
			Reported: max(0, sum.Reported-back), NotReported: sum.NotReported + min(back, sum.Reported)})
	}
	if n := len(s.Trend); n > 0 {
		prev := s.Trend[n-1]
		s.Previous = &prev
	}
	s.Trend = append(s.Trend, sum)
	return s
}

// report is a dept's words on a task of the given status.
func report(t *extract.Task, dept string, st progress.Status, p progress.Period) progress.Report {
	r := progress.Report{TaskID: t.ID, Dept: dept, Period: p.Key, Received: p.Due.AddDate(0, 0, -2)}
	switch st {
	case progress.Done:
		r.Progress, r.State = "已按要求全部完成，相关材料已归档。", "已完成"
	case progress.Green:
		r.Progress, r.State = "按计划推进，已完成阶段性目标，正在组织下一阶段实施。", "正常推进"
		r.NextSteps = "继续按序时推进。"
	case progress.Yellow:
		r.Progress, r.State = "已启动前期工作，完成方案起草，正在征求有关单位意见。", "进度滞后"
		r.Problems = "部分配套资金尚未到位，项目用地手续办理进度较慢。"
		r.NextSteps = "加强与有关部门对接，争取月底前完成。"
	case progress.Red:
		r.Progress, r.State = "受多种因素影响，工作推进不及预期。", "滞后"
		r.Problems = "牵头协调机制尚未建立，部分单位配合不够，资金缺口较大。"
		r.NextSteps = "提请分管领导专题调度，倒排工期加快推进。"
	}
	return r
}
