package xlsx

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestColumnNames: excelize (third_party/excelize, whose table holds the
// first 702 columns' names and names the rest as asked) names every
// column by the spreadsheet rule (bijective base 26: A…Z, AA…ZZ,
// AAA…XFD), and reads each name back.
func TestColumnNames(t *testing.T) {
	var rule func(n int) string
	rule = func(n int) string {
		if n == 0 {
			return ""
		}
		return rule((n-1)/26) + string(rune('A'+(n-1)%26))
	}
	for n := excelize.MinColumns; n <= excelize.MaxColumns; n++ {
		got, err := excelize.ColumnNumberToName(n)
		if want := rule(n); err != nil || got != want {
			t.Fatalf("column %d: %q, %v; want %q", n, got, err, want)
		}
		if back, err := excelize.ColumnNameToNumber(got); err != nil || back != n {
			t.Fatalf("%s reads back as %d, %v; want %d", got, back, err, n)
		}
	}
	if last, _ := excelize.ColumnNumberToName(excelize.MaxColumns); last != "XFD" {
		t.Errorf("the last column is %q, want XFD", last)
	}
	for _, n := range []int{0, -1, excelize.MaxColumns + 1} {
		if _, err := excelize.ColumnNumberToName(n); err == nil {
			t.Errorf("column %d: no error", n)
		}
	}
}
