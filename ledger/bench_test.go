package ledger

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"fengong/extract"
	"fengong/extract/synth"
	"fengong/ledger/ledgertest"
)

// BenchmarkCollect100 collects 100 returned workbooks, each dept's of a
// synthetic document filled in, into a fresh ledger.
func BenchmarkCollect100(b *testing.B) {
	dir, err := extract.LoadDirectory(nil)
	if err != nil {
		b.Fatal(err)
	}
	t, err := extract.Read("synth.txt", synth.Document(1))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := extract.Parse(t, dir)
	if err != nil {
		b.Fatal(err)
	}
	if len(doc.Depts) < 100 {
		b.Fatalf("%d depts, want 100", len(doc.Depts))
	}
	in := filepath.Join(b.TempDir(), "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		b.Fatal(err)
	}
	for i, d := range doc.Depts[:100] {
		data, err := ledgertest.Returned(doc, d.Name, clock, 1)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("%03d.xlsx", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	opt, err := crashOptions("", doc)
	if err != nil {
		b.Fatal(err)
	}
	opt.Files = []string{in}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		opt.Ledger = filepath.Join(b.TempDir(), fmt.Sprintf("ledger%d.db", n))
		res, err := Collect(context.Background(), opt, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		if res.Count(Accepted) != 100 {
			b.Fatalf("%d accepted, want 100", res.Count(Accepted))
		}
	}
}
