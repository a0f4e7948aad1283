// Package progress is the model of the 督办 cycle: what the units reported,
// period by period, and the status of every task that follows from it.
//
// It is the second model of fengong, beside extract's Document. The ledger
// (package ledger) stores returns; Evaluate turns a period's returns and
// the document into a Snapshot by the rules of templates/status.yaml; the
// exporters (export/xlsx, export/pdf, charts) render a Snapshot and never
// read the ledger themselves. Field names and Status codes are English for
// scripts; the words a reader sees come from templates/status.yaml.
package progress

import "time"

// Status is a task's status in one period. The codes are stable; the
// labels (已完成, 滞后, 预警, 正常) and fills (红黄绿) are in status.yaml.
type Status string

const (
	Done   Status = "done"   // 已完成
	Red    Status = "red"    // 滞后 (红): deadline passed and not done, or the unit says 滞后
	Yellow Status = "yellow" // 预警 (黄): behind 序时进度, or not reported by the period's due day
	Green  Status = "green"  // 正常 (绿)
)

// Order is the order statuses are listed and counted in everywhere.
var Order = []Status{Red, Yellow, Green, Done}

// Period is one reporting round (月调度、季检查、半年通报), keyed "2022-03".
type Period struct {
	Key   string    `json:"key"`   // YYYY-MM
	Start time.Time `json:"start"` // first day of the period
	End   time.Time `json:"end"`   // last day of the period
	Due   time.Time `json:"due"`   // the day units must have reported by
}

// Report is one unit's words on one task in one return, as typed in the
// returned workbook's input columns (values trimmed, never evaluated).
type Report struct {
	TaskID    string `json:"task"`
	Dept      string `json:"dept"`
	Progress  string `json:"progress"`   // 进展情况
	Problems  string `json:"problems"`   // 存在问题
	NextSteps string `json:"next_steps"` // 下步措施
	State     string `json:"state"`      // 完成状态 as the unit chose it
	Owner     string `json:"owner"`      // 责任人
	Contact   string `json:"contact"`    // 联系人
	Deadline  string `json:"deadline"`   // 完成时限 the unit wrote where the document set none
	// Period is the period the report was made for, Received when the
	// ledger took the file, File the archived copy's name (its sha256).
	Period   string    `json:"period"`
	Received time.Time `json:"received"`
	File     string    `json:"file"`
}

// Return is one accepted returned workbook of one dept for one period.
type Return struct {
	Dept     string    `json:"dept"`
	Period   string    `json:"period"`
	Name     string    `json:"name"`   // the file name as received
	SHA256   string    `json:"sha256"` // of the file; the archive copy's name
	Received time.Time `json:"received"`
	Rows     int       `json:"rows"` // task rows read
}

// Input is what the ledger holds for one document up to one period: the
// latest accepted report of each (task, dept) and the latest accepted
// return of each dept, for this period and the ones before it.
type Input struct {
	Period  Period
	Reports []Report // latest per (task, dept), any period up to this one
	Returns []Return // latest per dept for this period
	// History holds the summaries of earlier periods, oldest first, as the
	// ledger recorded them.
	History []Summary
}

// TaskState is one task's status in a period, with the reason a reader is
// shown and every responsible unit's latest words.
type TaskState struct {
	TaskID  string   `json:"task"`
	Status  Status   `json:"status"`
	Reason  string   `json:"reason"`  // 已过完成时限（6月底前）仍未完成, …
	Due     string   `json:"due"`     // the deadline read as a date, YYYY-MM-DD; "" when none
	Ongoing bool     `json:"ongoing"` // 年内持续推进, 长期坚持: no date
	Reports []Report `json:"reports"` // in the task's dept order; units not reported are absent
}

// DeptState is one dept's standing in a period. 未报送 is a status of the
// dept, not of its tasks.
type DeptState struct {
	Dept     string         `json:"dept"`
	Reported bool           `json:"reported"`
	Return   *Return        `json:"return,omitempty"`
	Counts   map[Status]int `json:"counts"` // of the tasks the dept leads or shares
}

// Summary is the count of one period, for trends and comparisons.
type Summary struct {
	Period      string         `json:"period"`
	Counts      map[Status]int `json:"counts"`
	Reported    int            `json:"reported"`
	NotReported int            `json:"not_reported"`
}

// Snapshot is the whole 督办 picture of one document in one period: what
// the exporters render.
type Snapshot struct {
	Period Period      `json:"period"`
	Tasks  []TaskState `json:"tasks"` // in document order
	Depts  []DeptState `json:"depts"` // in the document's dept order
	Counts map[Status]int
	// Previous is the summary of the period before, nil in the first;
	// Trend is every period up to and including this one, oldest first.
	Previous *Summary  `json:"previous,omitempty"`
	Trend    []Summary `json:"trend"`
}

// Task returns the state of the task with the given ID, or nil.
func (s *Snapshot) Task(id string) *TaskState {
	for i := range s.Tasks {
		if s.Tasks[i].TaskID == id {
			return &s.Tasks[i]
		}
	}
	return nil
}
