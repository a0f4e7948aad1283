package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// dump renders what a reader of the workbook sees as text: the document
// properties and defined names, then per sheet its layout (column widths,
// hidden columns, panes, merges, validations, page setup, header and
// footer) and its rows, each with its height and its cells joined by tabs.
// At most maxRows rows and maxCols columns per sheet are shown (0: all).
func dump(tb testing.TB, data []byte, maxRows, maxCols int) string {
	tb.Helper()
	f := open(tb, data)
	var out strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&out, format+"\n", args...) }
	props, err := f.GetDocProps()
	if err != nil {
		tb.Fatal(err)
	}
	p("properties: title=%q creator=%q created=%s modified=%s", props.Title, props.Creator, props.Created, props.Modified)
	for _, d := range f.GetDefinedName() {
		p("defined name: %s scope=%s refers=%s", d.Name, d.Scope, d.RefersTo)
	}
	for i, name := range f.GetSheetList() {
		p("")
		p("== sheet %s", name)
		if prot := protectionRe.FindString(rawSheet(tb, data, i)); prot != "" {
			p("protection: %s", prot)
		}
		rows, err := f.GetRows(name)
		if err != nil {
			tb.Fatal(err)
		}
		ncols := 0
		for _, r := range rows {
			ncols = max(ncols, len(r))
		}
		if maxCols > 0 && ncols > maxCols {
			p("columns: %d, showing %d", ncols, maxCols)
			ncols = maxCols
		}
		var widths, hidden []string
		for c := 1; c <= ncols; c++ {
			col, _ := excelize.ColumnNumberToName(c)
			w, err := f.GetColWidth(name, col)
			if err != nil {
				tb.Fatal(err)
			}
			widths = append(widths, fmt.Sprintf("%s=%g", col, w))
			if v, _ := f.GetColVisible(name, col); !v {
				hidden = append(hidden, col)
			}
		}
		p("widths: %s", strings.Join(widths, " "))
		p("hidden: %s", strings.Join(hidden, " "))
		panes, err := f.GetPanes(name)
		if err != nil {
			tb.Fatal(err)
		}
		p("panes: freeze=%v x=%d y=%d top-left=%s", panes.Freeze, panes.XSplit, panes.YSplit, panes.TopLeftCell)
		merges, err := f.GetMergeCells(name)
		if err != nil {
			tb.Fatal(err)
		}
		for _, m := range merges {
			p("merge: %s:%s", m.GetStartAxis(), m.GetEndAxis())
		}
		dvs, err := f.GetDataValidations(name)
		if err != nil {
			tb.Fatal(err)
		}
		for _, dv := range dvs {
			p("validation: %s type=%s list=%s error=%q", dv.Sqref, dv.Type, dv.Formula1, deref(dv.Error))
		}
		pl, err := f.GetPageLayout(name)
		if err != nil {
			tb.Fatal(err)
		}
		p("page: size=%d orientation=%s fit-width=%d fit-height=%d", deref(pl.Size), deref(pl.Orientation), deref(pl.FitToWidth), deref(pl.FitToHeight))
		hf, err := f.GetHeaderFooter(name)
		if err != nil {
			tb.Fatal(err)
		}
		if hf != nil {
			p("header: %q footer: %q", hf.OddHeader, hf.OddFooter)
		}
		for i, r := range rows {
			if maxRows > 0 && i >= maxRows {
				p("… %d more rows", len(rows)-maxRows)
				break
			}
			h, err := f.GetRowHeight(name, i+1)
			if err != nil {
				tb.Fatal(err)
			}
			if len(r) > ncols {
				r = r[:ncols]
			}
			for c, v := range r {
				if n := utf8.RuneCountInString(v); n > 120 {
					r[c] = fmt.Sprintf("%s…(%d runes)", truncate(v, 120), n)
				}
			}
			p("%d h=%g\t%s", i+1, h, strings.ReplaceAll(strings.Join(r, "\t"), "\n", `\n`))
		}
	}
	return out.String()
}

var protectionRe = regexp.MustCompile(`<sheetProtection[^>]*>`)

// rawSheet is the XML of the i-th sheet (0-based): fengong never deletes a
// sheet, so the parts are numbered in sheet order.
func rawSheet(tb testing.TB, data []byte, i int) string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	name := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
	rc, err := zr.Open(name)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func open(tb testing.TB, data []byte) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("open workbook: %v", err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the rendered workbook; run go test -update and review the diff\n%s", path, firstDiff(string(want), got))
	}
}

// firstDiff shows the first line where want and got part.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, a, b)
		}
	}
	return ""
}

func TestGolden(t *testing.T) {
	opt := testOptions()
	tests := []struct {
		name   string
		render func(t *testing.T) ([]byte, error)
		rows   int
		cols   int
	}{
		{"fixture-dept.golden", func(t *testing.T) ([]byte, error) { return Dept(fixture(), "省发展改革委", opt) }, 0, 0},
		{"fixture-master.golden", func(t *testing.T) ([]byte, error) { return Master(fixture(), opt) }, 0, 0},
		{"seed-dept.golden", func(t *testing.T) ([]byte, error) { return Dept(seed(t), "省发展改革委", opt) }, 0, 0},
		{"seed-master.golden", func(t *testing.T) ([]byte, error) { return Master(seed(t), opt) }, 25, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := tt.render(t)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, dump(t, data, tt.rows, tt.cols))
		})
	}
}
