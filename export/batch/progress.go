package batch

import (
	"context"
	"fmt"
	"time"

	"fengong/extract"
	"fengong/progress"
)

// ProgressSource is where a run reads what the units returned: the ledger
// (package ledger, which `fengong collect` fills). Input gives the latest
// accepted reports and returns of the document up to the period.
type ProgressSource interface {
	Input(doc *extract.Document, p progress.Period) (progress.Input, error)
	Close() error
}

// OpenLedger opens the ledger file at path. The CLI sets Options.OpenLedger
// to the ledger package's opener.
type OpenLedger func(path string) (ProgressSource, error)

// evaluateProgress is the progress stage: with a ledger, the period's
// returns become the 督办 snapshot the exporters render (export.Options.
// Progress); without one it is skipped, and the pack is what it was
// before the 督办 cycle.
func evaluateProgress(_ context.Context, r *Run) error {
	if r.cfg.Ledger == "" {
		return &SkipError{Reason: "no ledger (--ledger or ledger: in fengong.yaml): no 督办 status in this pack"}
	}
	if r.opt.OpenLedger == nil {
		return fmt.Errorf("ledger %s: this build cannot read ledgers", r.cfg.Ledger)
	}
	rules, err := progress.LoadRules(r.tmpl)
	if err != nil {
		return err
	}
	b, err := r.tmpl.ReadFile(progress.StatusFile)
	if err != nil {
		return err
	}
	r.hashes["templates/"+progress.StatusFile] = sha(b)
	key := r.cfg.Period
	if key == "" {
		key = lastPeriod(rules, r.date)
	}
	p, err := rules.Period(key)
	if err != nil {
		return fmt.Errorf("--period: %w", err)
	}
	src, err := r.opt.OpenLedger(r.cfg.Ledger)
	if err != nil {
		return fmt.Errorf("ledger %s: %w", r.cfg.Ledger, err)
	}
	in, err := src.Input(r.doc, p)
	if cerr := src.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("ledger %s: %w", r.cfg.Ledger, err)
	}
	in.Period = p
	r.snap = progress.Evaluate(r.doc, rules, in)
	c := r.snap.Counts
	r.log.Info("progress", "period", p.Key, "ledger", r.cfg.Ledger, "reports", len(in.Reports), "returns", len(in.Returns),
		"red", c[progress.Red], "yellow", c[progress.Yellow], "green", c[progress.Green], "done", c[progress.Done])
	return nil
}

// lastPeriod is the latest period that ended before the run's date: on
// 2022-04-03 a monthly office reports on 2022-03, a quarterly one on
// 2022-03 too (the first quarter).
func lastPeriod(rules *progress.Rules, date time.Time) string { return rules.Last(date) }

// period is the key of the period the pack shows, "" without a ledger.
func (r *Run) period() string {
	if r.snap == nil {
		return ""
	}
	return r.snap.Period.Key
}
