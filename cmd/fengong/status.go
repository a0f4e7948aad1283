package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"fengong/ledger"
	"fengong/progress"
	"fengong/templates"
)

// statusTasks is how many tasks a change line of `fengong status` names
// before it says 等N项.
const statusTasks = 5

// cmdStatus prints the 督办 summary of one period: fengong status --ledger
// FILE [--period YYYY-MM] [--input DOC] [--templates DIR] [--format
// text|json]. The period is the latest the ledger holds for the document,
// else the last one ended before today (SOURCE_DATE_EPOCH, as a run). It
// never writes to the ledger but to bring its schema up to date.
func cmdStatus(args []string, stdout, stderr io.Writer, getenv func(string) string) (templates.Messages, error) {
	msgs := clerkWording("")
	fs := quietFlagSet("status", stderr)
	ledgerPath := fs.String("ledger", "", "the 督办 ledger FILE (SQLite) fengong collect fills")
	period := fs.String("period", "", "the reporting period YYYY-MM (default: the latest in the ledger)")
	input := fs.String("input", "", "the 分工 document the workbooks were sent out for (default: the bundled seed)")
	tmpl := fs.String("templates", "", "templates directory overriding the embedded defaults")
	format := fs.String("format", "text", "output format: text or json")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return msgs, err
	}
	if *ledgerPath == "" || len(pos) > 0 {
		return msgs, usageError("usage.status_args", "status needs --ledger FILE and takes no other file")
	}
	if !oneOf(*format, "json", "text") {
		return msgs, usageError("usage.format", fmt.Sprintf("--format must be json or text, not %q", *format), "value", *format)
	}
	doc, ts, msgs, err := readDocument(*tmpl, *input)
	if err != nil {
		return msgs, err
	}
	rules, err := progress.LoadRules(ts)
	if err != nil {
		return msgs, err
	}
	if *period != "" {
		if _, err := rules.Period(*period); err != nil {
			return msgs, usageError("usage.period", err.Error(), "value", *period)
		}
	}
	// a missing ledger is not made: status only reads
	if st, err := os.Stat(*ledgerPath); err != nil || st.IsDir() {
		if err == nil {
			err = fmt.Errorf("ledger %s is a folder", *ledgerPath)
		}
		return msgs, templates.Fail("status.no_ledger", err, "path", *ledgerPath)
	}
	l, err := ledger.Open(*ledgerPath)
	if err != nil {
		return msgs, templates.Fail("status.bad_ledger", err, "path", *ledgerPath)
	}
	defer l.Close()
	keys, err := l.Periods(doc)
	if err != nil {
		return msgs, templates.Fail("status.bad_ledger", err, "path", *ledgerPath)
	}
	key := *period
	if key == "" {
		if len(keys) > 0 {
			key = keys[len(keys)-1]
		} else if key, err = defaultPeriod(rules, getenv); err != nil {
			return msgs, err
		}
	}
	p, err := rules.Period(key)
	if err != nil {
		return msgs, err
	}
	in, err := l.Input(doc, p)
	if err != nil {
		return msgs, templates.Fail("status.bad_ledger", err, "path", *ledgerPath)
	}
	snap := progress.Evaluate(doc, rules, in)
	var before map[string]progress.Status
	if snap.Previous != nil {
		if before, err = l.Statuses(doc, snap.Previous.Period); err != nil {
			return msgs, templates.Fail("status.bad_ledger", err, "path", *ledgerPath)
		}
	}
	o := progress.Summarize(doc, snap, before)
	if strings.EqualFold(*format, "json") {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return msgs, enc.Encode(o)
	}
	writeStatus(stdout, o, rules, msgs, *ledgerPath)
	if len(keys) == 0 {
		fmt.Fprintln(stdout, templates.BookTitles(msgs.Text("status.nothing", "title", doc.Title)))
	}
	return msgs, nil
}

// defaultPeriod is the period a status shows of a ledger that holds none
// for the document: the last one ended before today, or before
// SOURCE_DATE_EPOCH's day when set, as a run takes it.
func defaultPeriod(rules *progress.Rules, getenv func(string) string) (string, error) {
	now := time.Now().UTC()
	if e := getenv("SOURCE_DATE_EPOCH"); e != "" {
		sec, err := strconv.ParseInt(e, 10, 64)
		if err != nil {
			return "", templates.Fail("config.epoch", fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", e), "value", e)
		}
		now = time.Unix(sec, 0).UTC()
	}
	return rules.Last(now), nil
}

// writeStatus is the summary for the clerk, in the words of
// messages.yaml (status.*) and the labels of status.yaml.
func writeStatus(w io.Writer, o progress.Overview, rules *progress.Rules, m templates.Messages, ledgerPath string) {
	n := strconv.Itoa
	sep := m.Text("summary.names")
	fmt.Fprintln(w, m.Text("status.head", "period", o.Period, "ledger", ledgerPath))
	fmt.Fprintln(w, m.Text("status.reported", "depts", n(o.Depts), "reported", n(o.Reported), "not_reported", n(len(o.NotReported))))
	if len(o.NotReported) > 0 {
		fmt.Fprintln(w, m.Text("status.urge", "names", strings.Join(o.NotReported, sep)))
	}
	counts := make([]string, 0, len(progress.Order))
	for _, st := range progress.Order {
		counts = append(counts, m.Text("status.count", "label", rules.Label(st), "n", n(o.Counts[st])))
	}
	fmt.Fprintln(w, m.Text("status.counts", "tasks", n(o.Tasks), "counts", strings.Join(counts, m.Text("summary.parts"))))
	if o.Previous == nil {
		fmt.Fprintln(w, m.Text("status.first"))
		return
	}
	var changes []string
	for _, st := range progress.Order {
		changes = append(changes, m.Text("status.change", "label", rules.Label(st), "before", n(o.Previous.Counts[st]), "now", n(o.Counts[st])))
	}
	fmt.Fprintln(w, m.Text("status.previous", "previous", o.Previous.Period, "changes", strings.Join(changes, m.Text("summary.parts")),
		"before", n(o.Previous.Reported), "now", n(o.Reported)))
	if len(o.TurnedRed) > 0 {
		fmt.Fprintln(w, m.Text("status.turned_red", "label", rules.Label(progress.Red), "tasks", taskList(o.TurnedRed, m)))
	}
	if len(o.Completed) > 0 {
		fmt.Fprintln(w, m.Text("status.completed", "label", rules.Label(progress.Done), "tasks", taskList(o.Completed, m)))
	}
}

// taskList names the first statusTasks tasks, each with the start of its
// text, then 等N项.
func taskList(tasks []progress.TaskRef, m templates.Messages) string {
	parts := make([]string, 0, statusTasks)
	for i, t := range tasks {
		if i == statusTasks {
			break
		}
		text := []rune(t.Text)
		if len(text) > 16 {
			text = append(text[:16], '…')
		}
		parts = append(parts, m.Text("status.task", "id", t.ID, "text", string(text)))
	}
	s := strings.Join(parts, m.Text("summary.names"))
	if len(tasks) > statusTasks {
		s += m.Text("status.more", "n", strconv.Itoa(len(tasks)))
	}
	return s
}
