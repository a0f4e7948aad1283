package pdf

import (
	"testing"

	"fengong/export/pdf/draw"
)

// TestNoLargerThanStock: no brief of the seed is larger than stock fpdf
// would make it. The patched fpdf deflates with klauspost/compress at a
// faster level and writes a CIDToGIDMap only up to the highest code used;
// the same briefs drawn with stock fpdf's streams (the standard library's
// zlib at BestSpeed, a map of all 65,536 codes) are the yardstick. Stock
// fpdf's other differences (the runes U+0000–U+0038 in every subset, its
// /W array) only make its PDFs larger still.
func TestNoLargerThanStock(t *testing.T) {
	doc, r := seedRenderer(t)
	ours := map[string]int{}
	render := func(into map[string]int) {
		for _, d := range doc.Depts {
			b, err := r.Dept(d.Name)
			if err != nil {
				t.Fatal(err)
			}
			into[d.Name] = len(b)
		}
		b, err := r.Brief()
		if err != nil {
			t.Fatal(err)
		}
		into["总体简报"] = len(b)
	}
	render(ours)
	stock := map[string]int{}
	draw.SetStockStreams(true)
	defer draw.SetStockStreams(false)
	render(stock)
	draw.SetStockStreams(false)
	worst, total, totalStock := 0.0, 0, 0
	for name, n := range ours {
		total += n
		totalStock += stock[name]
		if n > stock[name] {
			t.Errorf("%s: %d bytes, stock fpdf's streams make %d", name, n, stock[name])
		}
		worst = max(worst, float64(n)/float64(stock[name]))
	}
	t.Logf("%d briefs: %d bytes, with stock fpdf's streams %d; the closest is %.1f%% of stock", len(ours), total, totalStock, 100*worst)
}
