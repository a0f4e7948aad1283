package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"fengong/ledger"
	"fengong/progress"
	"fengong/templates"
)

// cmdCollect loads returned dept workbooks into the 督办 ledger: fengong
// collect --ledger FILE --period YYYY-MM [--input DOC] DIR|FILE…. The
// document (default: the bundled seed) is the one the workbooks were sent
// out for; each file's outcome is printed, one line each. It returns the
// wording its error is to be reported in.
func cmdCollect(args []string, stdout, stderr io.Writer) (templates.Messages, error) {
	msgs := clerkWording("")
	fs := quietFlagSet("collect", stderr)
	ledgerPath := fs.String("ledger", "", "the 督办 ledger FILE (SQLite; made when missing)")
	period := fs.String("period", "", "the reporting period YYYY-MM the files report on")
	input := fs.String("input", "", "the 分工 document the workbooks were sent out for (default: the bundled seed)")
	tmpl := fs.String("templates", "", "templates directory overriding the embedded defaults")
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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	_, err = ledger.Collect(ctx, ledger.Options{
		Ledger: *ledgerPath, Doc: doc, Period: p, Rules: rules, Templates: ts,
		Files: pos, Now: time.Now, Messages: msgs,
	}, stdout)
	if errors.Is(err, ledger.ErrRefused) {
		return msgs, templates.Fail("collect.some_refused", errRefused)
	}
	return msgs, err
}

// errRefused marks a collect that refused some files and took the rest:
// exit 3, like a run that wrote some depts' files.
var errRefused = errors.New("some returned workbooks were refused")
