package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The fork of excelize (third_party/excelize, FORK.md) as fengong relies
// on it.

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

// TestNewFileIndependent: excelize's NewFile gives workbooks that share
// nothing (a fork that shares its decoded template would fail here): one
// filled with cells, sheets, styles and properties leaves the next as
// empty as the one before it, to the byte.
func TestNewFileIndependent(t *testing.T) {
	bytesOf := func(f *excelize.File) []byte {
		t.Helper()
		b, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	before := bytesOf(excelize.NewFile())
	f := excelize.NewFile()
	if err := f.SetCellValue("Sheet1", "A1", "任务"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("单位"); err != nil {
		t.Fatal(err)
	}
	style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle("Sheet1", "A1", "A1", style); err != nil {
		t.Fatal(err)
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: "分工"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetColWidth("Sheet1", "A", "A", 30); err != nil {
		t.Fatal(err)
	}
	filled := bytesOf(f)
	after := excelize.NewFile()
	if got := after.GetSheetList(); len(got) != 1 || got[0] != "Sheet1" {
		t.Errorf("the next workbook's sheets: %q", got)
	}
	if v, _ := after.GetCellValue("Sheet1", "A1"); v != "" {
		t.Errorf("the next workbook's A1: %q", v)
	}
	if b := bytesOf(after); !bytes.Equal(b, before) || bytes.Equal(b, filled) {
		t.Errorf("the next workbook is not the empty one made before (%d bytes, %d before, %d filled)", len(b), len(before), len(filled))
	}
}

// BenchmarkNewFile: a workbook from excelize's template, as every
// workbook of a batch starts.
func BenchmarkNewFile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		excelize.NewFile()
	}
}
