package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"fengong/ledger"
	"fengong/progress"
	"fengong/templates"
)

// cmdCollect loads returned dept workbooks into the 督办 ledger: fengong
// collect --ledger FILE --period YYYY-MM [--input DOC] [--date YYYY-MM-DD]
// DIR|FILE…. The document (default: the bundled seed) is the one the
// workbooks were sent out for; each file's outcome is printed, one line
// each. The files are received now, or on --date's day, or at
// SOURCE_DATE_EPOCH. It returns the wording its error is to be reported in.
func cmdCollect(args []string, stdout, stderr io.Writer, getenv func(string) string) (templates.Messages, error) {
	msgs := clerkWording("")
	fs := quietFlagSet("collect", stderr)
	ledgerPath := fs.String("ledger", "", "the 督办 ledger FILE (SQLite; made when missing)")
	period := fs.String("period", "", "the reporting period YYYY-MM the files report on")
	input := fs.String("input", "", "the 分工 document the workbooks were sent out for (default: the bundled seed)")
	tmpl := fs.String("templates", "", "templates directory overriding the embedded defaults")
	date := fs.String("date", "", "the day YYYY-MM-DD the files were received (default: now, else SOURCE_DATE_EPOCH)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return msgs, err
	}
	if *ledgerPath == "" || *period == "" || len(pos) == 0 {
		return msgs, usageError("usage.collect_args", "collect needs --ledger FILE, --period YYYY-MM and at least one file or folder")
	}
	doc, ts, msgs, err := readDocument(*tmpl, *input)
	if err != nil {
		return msgs, err
	}
	rules, err := progress.LoadRules(ts)
	if err != nil {
		return msgs, err
	}
	p, err := rules.Period(*period)
	if err != nil {
		return msgs, usageError("usage.period", err.Error(), "value", *period)
	}
	now, err := receivedClock(*date, getenv)
	if err != nil {
		return msgs, err
	}
	ctx, stop := interruptible()
	defer stop()
	_, err = ledger.Collect(ctx, ledger.Options{
		Ledger: *ledgerPath, Doc: doc, Period: p, Rules: rules, Templates: ts,
		Files: pos, Now: now, Messages: msgs,
	}, stdout)
	if errors.Is(err, ledger.ErrRefused) {
		return msgs, templates.Fail("collect.some_refused", errRefused)
	}
	return msgs, err
}

// errRefused marks a collect that refused some files and took the rest:
// exit 3, like a run that wrote some depts' files.
var errRefused = errors.New("some returned workbooks were refused")

// receivedClock is when collected files are received: --date's day (at
// 00:00 UTC), else the instant SOURCE_DATE_EPOCH names, else the clock.
// A return's time decides whether it came by the period's due day, so a
// clerk who collects late files, and a test, give the day.
func receivedClock(date string, getenv func(string) string) (func() time.Time, error) {
	if date != "" {
		d, err := time.Parse("2006-01-02", strings.TrimSpace(date))
		if err != nil {
			return nil, templates.Fail("config.date", fmt.Errorf("--date: date %q is not YYYY-MM-DD", date), "from", "--date", "value", date)
		}
		return func() time.Time { return d }, nil
	}
	if e := getenv("SOURCE_DATE_EPOCH"); e != "" {
		sec, err := strconv.ParseInt(strings.TrimSpace(e), 10, 64)
		if err != nil {
			return nil, templates.Fail("config.epoch", fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", e), "value", e)
		}
		t := time.Unix(sec, 0).UTC()
		return func() time.Time { return t }, nil
	}
	return time.Now, nil
}
