package progress

import (
	"fengong/extract"
	"fengong/templates"
)

// Rules are the status rules of templates/status.yaml, which an office can
// override key by key.
//
// STUB: the fields, LoadRules and Evaluate are being built (issue 14); the
// signatures are the contract the ledger and the exporters code against.
type Rules struct{}

// LoadRules reads templates/status.yaml (embedded default, then the
// override directory's keys).
func LoadRules(ts *templates.Set) (*Rules, error) { return &Rules{}, nil }

// Evaluate gives every task of doc its status in in.Period by the rules,
// and every dept its standing. It never reads the clock: the period's
// dates are the only "now".
func Evaluate(doc *extract.Document, rules *Rules, in Input) *Snapshot {
	s := &Snapshot{Period: in.Period, Counts: map[Status]int{}, Trend: append([]Summary(nil), in.History...)}
	return s
}
