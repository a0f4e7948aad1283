package progress

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"fengong/extract"
	"fengong/templates"
)

// StatusFile holds the status rules inside a templates set.
const StatusFile = "status.yaml"

// kept decoded (templates.Decoded)
var _ = templates.Decoded(StatusFile, (*Rules)(nil))

// Rules are the status rules of templates/status.yaml, which an office can
// override key by key. See that file for what each key means.
type Rules struct {
	PeriodKind   string   `yaml:"period"`  // month or quarter
	DueDay       int      `yaml:"due_day"` // day of the month after the period
	Labels       Words    `yaml:"labels"`
	Fills        Words    `yaml:"fills"`
	DoneWords    []string `yaml:"done"`
	LagWords     []string `yaml:"lagging"`
	PercentWords []string `yaml:"percent_words"`
	BehindPoints float64  `yaml:"behind_points"`
	Reasons      struct {
		Done        string `yaml:"done"`
		Lagging     string `yaml:"lagging"`
		Overdue     string `yaml:"overdue"`
		Behind      string `yaml:"behind"`
		NotReported string `yaml:"not_reported"`
		Normal      string `yaml:"normal"`
	} `yaml:"reasons"`

	vocab   *extract.Vocabulary
	percent *regexp.Regexp
}

// Words are a word or a fill for each status, and for a dept's standing.
type Words struct {
	Done        string `yaml:"done"`
	Red         string `yaml:"red"`
	Yellow      string `yaml:"yellow"`
	Green       string `yaml:"green"`
	NotReported string `yaml:"not_reported"`
	Reported    string `yaml:"reported"`
}

// Of is the word for a status.
func (w Words) Of(s Status) string {
	switch s {
	case Done:
		return w.Done
	case Red:
		return w.Red
	case Yellow:
		return w.Yellow
	case Green:
		return w.Green
	}
	return ""
}

// Label is the reader's word for a status: 已完成, 滞后, 预警, 正常.
func (r *Rules) Label(s Status) string { return r.Labels.Of(s) }

// Fill is the RGB hex fill of a status.
func (r *Rules) Fill(s Status) string { return r.Fills.Of(s) }

var reHex = regexp.MustCompile(`^[0-9A-Fa-f]{6}$`)

// Validate checks the rules after decoding (templates.Validator).
func (r *Rules) Validate() error {
	if r.PeriodKind != "month" && r.PeriodKind != "quarter" {
		return &templates.KeyError{Key: "period", Detail: fmt.Sprintf("%q is not month or quarter", r.PeriodKind)}
	}
	if r.DueDay < 1 || r.DueDay > 28 {
		return &templates.KeyError{Key: "due_day", Detail: fmt.Sprintf("%d is not a day from 1 to 28", r.DueDay)}
	}
	if r.BehindPoints < 0 || r.BehindPoints > 100 {
		return &templates.KeyError{Key: "behind_points", Detail: fmt.Sprintf("%g is not 0 to 100", r.BehindPoints)}
	}
	for _, f := range []struct{ key, v string }{{"done", r.Fills.Done}, {"red", r.Fills.Red}, {"yellow", r.Fills.Yellow}, {"green", r.Fills.Green}, {"not_reported", r.Fills.NotReported}} {
		if !reHex.MatchString(f.v) {
			return &templates.KeyError{Key: "fills." + f.key, Detail: fmt.Sprintf("%q is not an RGB hex colour like FFC7CE", f.v)}
		}
	}
	if len(r.DoneWords) == 0 {
		return &templates.KeyError{Key: "done", Detail: "no word means done"}
	}
	return nil
}

// LoadRules reads templates/status.yaml (embedded default, then the
// override directory's keys) and the deadline words of grammar.yaml, by
// which a unit's own 完成时限 is read. ts nil is the embedded default.
func LoadRules(ts *templates.Set) (*Rules, error) {
	if ts == nil {
		ts = templates.Default()
	}
	var r Rules
	if err := ts.Decode(StatusFile, &r); err != nil {
		return nil, err
	}
	v, err := extract.LoadVocabulary(ts)
	if err != nil {
		return nil, err
	}
	r.vocab = v
	words := make([]string, 0, len(r.PercentWords))
	for _, w := range r.PercentWords {
		if w = strings.TrimSpace(w); w != "" {
			words = append(words, regexp.QuoteMeta(w))
		}
	}
	if len(words) > 0 {
		r.percent = regexp.MustCompile(`(?:` + strings.Join(words, "|") + `)[^0-9，。；,;]{0,6}?(\d{1,3}(?:\.\d+)?)\s*[%％]`)
	}
	return &r, nil
}

// Period is the period of the key (2022-03) by the rules: a month, or the
// quarter ending in that month; its due day is DueDay of the month after.
func (r *Rules) Period(key string) (Period, error) {
	t, err := time.Parse("2006-01", key)
	if err != nil {
		return Period{}, fmt.Errorf("period %q: not YYYY-MM", key)
	}
	start := t
	if r.PeriodKind == "quarter" {
		if t.Month()%3 != 0 {
			return Period{}, fmt.Errorf("period %q: a quarter is keyed by its last month (03, 06, 09, 12)", key)
		}
		start = t.AddDate(0, -2, 0)
	}
	end := t.AddDate(0, 1, -1)
	due := time.Date(t.Year(), t.Month()+1, r.DueDay, 0, 0, 0, 0, time.UTC)
	return Period{Key: key, Start: start, End: end, Due: due}, nil
}

// Last is the key of the latest period that ended before date: on
// 2022-04-03 a monthly office reports on 2022-03, a quarterly one on
// 2022-03 too (the first quarter). It is the period a run or a status
// shows when none is named.
func (r *Rules) Last(date time.Time) string {
	t := time.Date(date.Year(), date.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
	if r.PeriodKind == "quarter" {
		for t.Month()%3 != 0 {
			t = t.AddDate(0, -1, 0)
		}
	}
	return t.Format("2006-01")
}

// Evaluate gives every task of doc its status in in.Period by the rules,
// and every dept its standing. It never reads the clock: the period's end
// is "now".
//
// A task's status, the first rule that holds:
//
//  1. 已完成: its deciding units all report done (a 完成状态 of the done
//     words). The deciding units are the leads; without a lead, every
//     unit the task names; for a task of every dept, every unit that
//     reported on it.
//  2. 滞后 (红): any responsible unit's 完成状态 holds a lagging word, or
//     the deadline passed before the period's end and it is not done.
//  3. 预警 (黄): a deciding unit's reported share is behind 序时进度 by
//     more than behind_points, or a deciding unit has not reported for the
//     period by its due day.
//  4. 正常 (绿) otherwise.
//
// The deadline is the task's Due; a task without one takes the date its
// units wrote in 完成时限 (the latest), read by grammar.yaml's words.
func Evaluate(doc *extract.Document, rules *Rules, in Input) *Snapshot {
	s := &Snapshot{Period: in.Period, Counts: map[Status]int{}}
	byTask := map[string][]Report{}
	for _, rep := range in.Reports {
		if rep.Period != "" && rep.Period > in.Period.Key {
			continue // a later period's words are not known yet
		}
		if rep.blank() {
			continue // a row the unit left empty: it has not reported on the task
		}
		byTask[rep.TaskID] = append(byTask[rep.TaskID], rep)
	}
	returned := map[string]*Return{}
	for i := range in.Returns {
		if rt := &in.Returns[i]; rt.Period == in.Period.Key || rt.Period == "" {
			returned[rt.Dept] = rt
		}
	}
	deptCounts := map[string]map[Status]int{}
	for i := range doc.Items {
		for j := range doc.Items[i].Tasks {
			t := &doc.Items[i].Tasks[j]
			ts := rules.task(doc, t, byTask[t.ID], returned, in.Period)
			s.Tasks = append(s.Tasks, ts)
			s.Counts[ts.Status]++
			for _, d := range doc.Depts {
				if t.RoleOf(d.Name) == "" {
					continue
				}
				if deptCounts[d.Name] == nil {
					deptCounts[d.Name] = map[Status]int{}
				}
				deptCounts[d.Name][ts.Status]++
			}
		}
	}
	sum := Summary{Period: in.Period.Key, Counts: s.Counts}
	for _, d := range doc.Depts {
		ds := DeptState{Dept: d.Name, Counts: deptCounts[d.Name]}
		if ds.Counts == nil {
			ds.Counts = map[Status]int{}
		}
		if rt := returned[d.Name]; rt != nil {
			ds.Reported, ds.Return = true, rt
			sum.Reported++
		} else {
			sum.NotReported++
		}
		s.Depts = append(s.Depts, ds)
	}
	for _, h := range in.History {
		if h.Period < in.Period.Key {
			s.Trend = append(s.Trend, h)
		}
	}
	if len(s.Trend) > 0 {
		prev := s.Trend[len(s.Trend)-1]
		s.Previous = &prev
	}
	s.Trend = append(s.Trend, sum)
	return s
}

// task is one task's state.
func (r *Rules) task(doc *extract.Document, t *extract.Task, reps []Report, returned map[string]*Return, p Period) TaskState {
	ts := TaskState{TaskID: t.ID, Due: t.Due, Ongoing: t.Ongoing}
	named := t.Depts()
	byDept := map[string]Report{}
	for _, rep := range reps {
		if t.RoleOf(rep.Dept) == "" && !(t.All && doc.Dept(rep.Dept) != nil) {
			continue // not a unit of this task
		}
		if old, ok := byDept[rep.Dept]; !ok || rep.Period >= old.Period {
			byDept[rep.Dept] = rep
		}
	}
	for _, d := range doc.Depts { // the task's dept order: leads first, then the document's
		if _, ok := byDept[d.Name]; ok && !contains(named, d.Name) {
			named = append(named, d.Name)
		}
	}
	for _, d := range named {
		if rep, ok := byDept[d]; ok {
			ts.Reports = append(ts.Reports, rep)
		}
	}
	deciding := t.Lead
	if len(deciding) == 0 {
		deciding = t.Depts()
	}
	if len(deciding) == 0 {
		for _, rep := range ts.Reports {
			deciding = append(deciding, rep.Dept)
		}
	}
	if ts.Due == "" && !ts.Ongoing && r.vocab != nil {
		for _, rep := range ts.Reports { // a unit's own 完成时限 where the document set none
			if due, _ := r.vocab.ReadDue(rep.Deadline, doc.Year); due > ts.Due {
				ts.Due = due
			}
		}
	}
	set := func(s Status, reason string, kv ...string) TaskState {
		ts.Status, ts.Reason = s, templates.Fill(reason, kv...)
		return ts
	}

	// 1. done
	done := len(deciding) > 0
	for _, d := range deciding {
		rep, ok := byDept[d]
		if !ok || !r.isDone(rep.State) {
			done = false
			break
		}
	}
	if done {
		return set(Done, r.Reasons.Done, "dept", strings.Join(deciding, "、"))
	}
	// 2. red: a unit says it lags, or the deadline passed
	for _, rep := range ts.Reports {
		if r.isLagging(rep.State) {
			return set(Red, r.Reasons.Lagging, "dept", rep.Dept)
		}
	}
	asOf := p.End
	if due, err := time.Parse("2006-01-02", ts.Due); err == nil && due.Before(asOf) {
		deadline := t.Deadline
		if deadline == "" {
			deadline = templates.Date(due)
		}
		return set(Red, r.Reasons.Overdue, "deadline", deadline, "due", templates.Date(due))
	}
	// 3. yellow: behind 序时进度, or not reported by the due day
	if !ts.Ongoing {
		if exp, ok := expected(ts.Due, doc.Year, asOf); ok {
			for _, d := range deciding {
				rep, ok := byDept[d]
				if !ok {
					continue
				}
				if pct, ok := r.percentOf(rep); ok && exp-pct > r.BehindPoints {
					return set(Yellow, r.Reasons.Behind, "dept", d, "percent", num(pct), "expected", num(exp), "points", num(r.BehindPoints))
				}
			}
		}
	}
	for _, d := range deciding {
		rt := returned[d]
		if rt == nil || rt.Received.After(endOfDay(p.Due)) {
			return set(Yellow, r.Reasons.NotReported, "dept", d, "due", templates.Date(p.Due))
		}
	}
	return set(Green, r.Reasons.Normal)
}

// blank reports whether a unit wrote nothing in a task's row: a returned
// workbook holds a row for each of the unit's tasks, and the rows it did
// not fill are no report (they neither decide a task of every dept nor
// show as the unit's words).
func (rep *Report) blank() bool {
	for _, s := range []string{rep.State, rep.Progress, rep.Problems, rep.NextSteps, rep.Owner, rep.Contact, rep.Deadline} {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

func endOfDay(t time.Time) time.Time { return t.AddDate(0, 0, 1).Add(-time.Nanosecond) }

// expected is the 序时进度 at asOf, in percent: the share of the time from
// the year's start to the deadline (the year's end when there is none)
// that has passed.
func expected(due string, year int, asOf time.Time) (float64, bool) {
	end, err := time.Parse("2006-01-02", due)
	if err != nil {
		if year == 0 {
			year = asOf.Year()
		}
		end = time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	if year == 0 {
		year = end.Year()
	}
	start := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	if !end.After(start) {
		return 0, false
	}
	share := float64(asOf.Sub(start)+24*time.Hour) / float64(end.Sub(start)+24*time.Hour) * 100
	return math.Max(0, math.Min(100, math.Round(share))), true
}

func (r *Rules) isDone(state string) bool {
	state = strings.Trim(strings.TrimSpace(state), "。.！!")
	for _, w := range r.DoneWords {
		if state == w {
			return true
		}
	}
	return false
}

func (r *Rules) isLagging(state string) bool {
	for _, w := range r.LagWords {
		if w != "" && strings.Contains(state, w) {
			return true
		}
	}
	return false
}

// percentOf is the share a unit reports, from 完成状态, else 进展情况.
func (r *Rules) percentOf(rep Report) (float64, bool) {
	if r.percent == nil {
		return 0, false
	}
	for _, s := range []string{rep.State, rep.Progress} {
		if m := r.percent.FindStringSubmatch(s); m != nil {
			v, err := strconv.ParseFloat(m[1], 64)
			if err == nil && v <= 100 {
				return v, true
			}
		}
	}
	return 0, false
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
