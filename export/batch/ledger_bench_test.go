package batch

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fengong/export"
	"fengong/export/xlsx"
	"fengong/extract"
	"fengong/ledger"
	"fengong/ledger/ledgertest"
	"fengong/progress"
	"fengong/seeds"
)

// BenchmarkRunLedger12 is the full run on the seed with a real ledger
// holding 12 monthly periods of returns (two depts in three return each
// month, every task row filled, other words each month), showing the
// last. The ledger is built once, by collecting the filled workbooks.
func BenchmarkRunLedger12(b *testing.B) {
	t, err := extract.Read(seeds.Hunan2022Name, seeds.Hunan2022)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := extract.Parse(t, mustDirectory(b))
	if err != nil {
		b.Fatal(err)
	}
	rules, err := progress.LoadRules(nil)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	path := filepath.Join(dir, "fengong-ledger.db")
	sent := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	blank := map[string][]byte{}
	for i, d := range doc.Depts {
		if i%3 == 2 {
			continue
		}
		if blank[d.Name], err = xlsx.Dept(doc, d.Name, export.Options{Date: sent}); err != nil {
			b.Fatal(err)
		}
	}
	for m := 1; m <= 12; m++ {
		p, err := rules.Period(fmt.Sprintf("2022-%02d", m))
		if err != nil {
			b.Fatal(err)
		}
		in := filepath.Join(dir, p.Key)
		if err := os.Mkdir(in, 0o755); err != nil {
			b.Fatal(err)
		}
		for i, d := range doc.Depts {
			if blank[d.Name] == nil {
				continue
			}
			data, err := ledgertest.Fill(blank[d.Name], m)
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("%03d.xlsx", i)), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		received := p.Due.AddDate(0, 0, -1)
		res, err := ledger.Collect(context.Background(), ledger.Options{Ledger: path, Doc: doc, Period: p, Rules: rules,
			Files: []string{in}, Now: func() time.Time { return received }}, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		if res.Count(ledger.Accepted) != len(blank) {
			b.Fatalf("%s: %d accepted, want %d", p.Key, res.Count(ledger.Accepted), len(blank))
		}
	}
	out := filepath.Join(b.TempDir(), "pack")
	opt := testOptions(out)
	opt.Flags.Date = "2023-01-06"
	opt.Flags.Ledger = path
	opt.OpenLedger = func(path string) (ProgressSource, error) { return ledger.Open(path) }
	if _, err := Execute(context.Background(), opt); err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "通报", "督查通报-2022-12.pdf")); err != nil {
		b.Fatalf("the run did not read the ledger: %v", err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Execute(context.Background(), opt); err != nil {
			b.Fatal(err)
		}
	}
}
