package progress

import "fengong/extract"

// Overview is the short account of one period that `fengong status`
// prints for the cron log and the clerk: who has reported, the counts by
// status, and what changed since the previous period. Field names are
// English for scripts; the words are messages.yaml's (status.*) and the
// labels status.yaml's.
type Overview struct {
	Period   string `json:"period"`
	Depts    int    `json:"depts"`
	Reported int    `json:"reported"`
	// NotReported is the 催办名单: the depts that have not reported for
	// the period, in the document's dept order.
	NotReported []string       `json:"not_reported"`
	Tasks       int            `json:"tasks"`
	Counts      map[Status]int `json:"counts"` // every status of Order, 0 included
	// Previous is the summary of the period before (as the ledger
	// recorded it), nil in the first period.
	Previous *Summary `json:"previous,omitempty"`
	// TurnedRed are the tasks red now that were not red in the previous
	// period; Completed those done now that were not done then. Both in
	// document order, empty without a previous period.
	TurnedRed []TaskRef `json:"turned_red"`
	Completed []TaskRef `json:"completed"`
}

// TaskRef names a task: its ID and its text.
type TaskRef struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Summarize is the Overview of s, a snapshot of doc. before is the status
// of every task in s.Previous's period (the ledger's status history); a
// task it lacks counts as neither red nor done then.
func Summarize(doc *extract.Document, s *Snapshot, before map[string]Status) Overview {
	o := Overview{
		Period:      s.Period.Key,
		Depts:       len(s.Depts),
		NotReported: []string{},
		Tasks:       len(s.Tasks),
		Counts:      map[Status]int{},
		Previous:    s.Previous,
		TurnedRed:   []TaskRef{},
		Completed:   []TaskRef{},
	}
	for _, st := range Order {
		o.Counts[st] = s.Counts[st]
	}
	for _, d := range s.Depts {
		if d.Reported {
			o.Reported++
		} else {
			o.NotReported = append(o.NotReported, d.Dept)
		}
	}
	if s.Previous == nil {
		return o
	}
	text := map[string]string{}
	for i := range doc.Items {
		for _, t := range doc.Items[i].Tasks {
			text[t.ID] = t.Text
		}
	}
	for _, t := range s.Tasks {
		was, ok := before[t.TaskID]
		switch {
		case t.Status == Red && (!ok || was != Red):
			o.TurnedRed = append(o.TurnedRed, TaskRef{t.TaskID, text[t.TaskID]})
		case t.Status == Done && (!ok || was != Done):
			o.Completed = append(o.Completed, TaskRef{t.TaskID, text[t.TaskID]})
		}
	}
	return o
}
