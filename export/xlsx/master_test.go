package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fengong/extract"
)

func TestMaster(t *testing.T) {
	w := testWording(t)
	sh := w.Master.Sheets
	for _, tc := range docs() {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc(t)
			data, err := Master(doc, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			f := open(t, data)
			want := []string{sh.Tasks, sh.Matrix, sh.Depts, sh.Targets, sh.Lists, sh.Warnings}
			if got := f.GetSheetList(); !slices.Equal(got, want) {
				t.Fatalf("got sheets %q, want %q", got, want)
			}
			rows := func(sheet string) [][]string {
				r, err := f.GetRows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				return r[1:]
			}

			// 总表: every task, in document order, found by its hidden ID
			tasks := rows(sh.Tasks)
			var ids []string
			for _, it := range doc.Items {
				for _, task := range it.Tasks {
					ids = append(ids, task.ID)
				}
			}
			var got []string
			for _, r := range tasks {
				got = append(got, r[10])
			}
			if !slices.Equal(got, ids) {
				t.Errorf("总表: got task IDs %q, want %q", got, ids)
			}
			if v, _ := f.GetColVisible(sh.Tasks, "K"); v {
				t.Error("总表: task ID column K is visible")
			}

			// 责任矩阵: a row per dept in doc.Depts order, the strongest role per item
			matrix := rows(sh.Matrix)
			if len(matrix) != len(doc.Depts) {
				t.Fatalf("责任矩阵: got %d rows, want %d", len(matrix), len(doc.Depts))
			}
			for d, dept := range doc.Depts {
				r := matrix[d]
				for len(r) < len(doc.Items)+2 {
					r = append(r, "")
				}
				if r[0] != clean(dept.Name) {
					t.Errorf("责任矩阵 row %d: got dept %q, want %q", d+2, truncate(r[0], 20), truncate(dept.Name, 20))
				}
				for i, it := range doc.Items {
					if got, want := r[i+1], strongestMark(w, &it, dept.Name); got != want {
						t.Errorf("责任矩阵 %q item %d: got %q, want %q", truncate(dept.Name, 20), it.Number, got, want)
					}
				}
				if got, want := r[len(doc.Items)+1], strconv.Itoa(dept.Total()); got != want {
					t.Errorf("责任矩阵 %q: got total %q, want %q", truncate(dept.Name, 20), got, want)
				}
			}
			panes, _ := f.GetPanes(sh.Matrix)
			if !panes.Freeze || panes.XSplit != 1 || panes.YSplit != 1 {
				t.Errorf("责任矩阵: got panes %+v, want frozen at B2", panes)
			}

			// 单位汇总: doc.ByWorkload order, the model's counts
			summary := rows(sh.Depts)
			for i, d := range doc.ByWorkload() {
				want := []string{strconv.Itoa(i + 1), clean(d.Name), d.Kind, strconv.Itoa(d.Lead), strconv.Itoa(d.Co),
					strconv.Itoa(d.Respective), strconv.Itoa(d.All), strconv.Itoa(d.Total())}
				if i >= len(summary) || !slices.Equal(summary[i], want) {
					t.Errorf("单位汇总 row %d: want %q", i+2, want)
				}
			}
			if len(summary) != len(doc.Depts) {
				t.Errorf("单位汇总: got %d rows, want %d", len(summary), len(doc.Depts))
			}

			targets := rows(sh.Targets)
			if len(targets) != len(doc.Targets) {
				t.Errorf("量化指标: got %d rows, want %d", len(targets), len(doc.Targets))
			}
			for i, tg := range doc.Targets {
				if i < len(targets) && (targets[i][7] != tg.Text || targets[i][4] != strconv.FormatFloat(tg.Value, 'f', -1, 64)) {
					t.Errorf("量化指标 row %d: got %q, want text %q value %v", i+2, targets[i], tg.Text, tg.Value)
				}
			}

			var members []string
			for _, l := range doc.Lists {
				if len(l.Members) == 0 {
					members = append(members, "")
				}
				members = append(members, l.Members...)
			}
			var gotMembers []string
			for _, r := range rows(sh.Lists) {
				for len(r) < 8 {
					r = append(r, "")
				}
				gotMembers = append(gotMembers, r[7])
			}
			if !slices.Equal(gotMembers, members) {
				t.Errorf("重点清单: got members %q, want %q", gotMembers, members)
			}

			warnings := rows(sh.Warnings)
			if len(warnings) != len(doc.Warnings) {
				t.Errorf("提醒: got %d rows, want %d", len(warnings), len(doc.Warnings))
			}
			for i, x := range doc.Warnings {
				if i < len(warnings) && (warnings[i][3] != x.Message || warnings[i][1] != "第"+strconv.Itoa(x.Line)+"行") {
					t.Errorf("提醒 row %d: got %q, want line %d %q", i+2, warnings[i], x.Line, x.Message)
				}
			}
		})
	}
}

// strongestMark is the mark the matrix should show, computed from the
// model's RoleOf independently of the exporter.
func strongestMark(w *wording, it *extract.Item, dept string) string {
	rank := map[extract.Role]int{extract.RoleAll: 1, extract.RoleCo: 2, extract.RoleRespective: 3, extract.RoleLead: 4}
	best := extract.Role("")
	for i := range it.Tasks {
		if r := it.Tasks[i].RoleOf(dept); rank[r] > rank[best] {
			best = r
		}
	}
	if best == "" {
		return ""
	}
	return w.Master.Matrix.Marks.name(best)
}

func TestMasterEmptyDocument(t *testing.T) {
	data, err := Master(&extract.Document{}, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 {
			t.Errorf("%s: got %d rows, want the header alone", sheet, len(rows))
		}
	}
}

// TestMasterTooManyItems checks the matrix stops at Excel's column limit
// and says so, rather than failing.
func TestMasterTooManyItems(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a 16 400-item document")
	}
	w := testWording(t)
	doc := scale(fixture(), matrixCols/4+1)
	data, err := Master(doc, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	rows, err := f.GetRows(w.Master.Sheets.Matrix)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows[0]) != matrixCols+2 {
		t.Errorf("责任矩阵: got %d columns, want %d", len(rows[0]), matrixCols+2)
	}
	last := len(doc.Depts) + 3
	if got, want := mustValue(t, f, w.Master.Sheets.Matrix, cell(1, last)), fill(w.Master.Matrix.Truncated, "{n}", strconv.Itoa(matrixCols)); got != want {
		t.Errorf("责任矩阵 A%d: got %q, want %q", last, got, want)
	}
}

func TestOrderedZip(t *testing.T) {
	big := strings.Repeat("<row>省发展改革委</row>", 30000)
	parts := []struct{ name, body string }{
		{"xl/worksheets/sheet2.xml", big},
		{"xl/worksheets/sheet1.xml", "<a/>"},
		{"[Content_Types].xml", "<Types/>"},
		{"_rels/.rels", ""},
	}
	pool := newFlatePool()
	var first []byte
	// twice through one pool: the second archive borrows the first's
	// compressor and must come out the same
	for round := range 2 {
		var buf bytes.Buffer
		z := orderedZipper(pool, nil)(&buf)
		for _, p := range parts {
			w, err := z.Create(p.name)
			if err != nil {
				t.Fatal(err)
			}
			for s := p.body; len(s) > 0; { // in pieces
				n := min(len(s), 4093)
				if _, err := io.WriteString(w, s[:n]); err != nil {
					t.Fatal(err)
				}
				s = s[n:]
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		if round == 0 {
			first = bytes.Clone(buf.Bytes())
		} else if !bytes.Equal(first, buf.Bytes()) {
			t.Errorf("round %d: archive differs from the first", round)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(rc) // checks the CRC too
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			for _, p := range parts {
				if p.name == f.Name && string(body) != p.body {
					t.Errorf("%s: got %d bytes back, want %d", f.Name, len(body), len(p.body))
				}
			}
			if f.Method != zip.Deflate {
				t.Errorf("%s: got method %d, want deflate", f.Name, f.Method)
			}
			if f.Name == "xl/worksheets/sheet2.xml" && f.CompressedSize64*10 > f.UncompressedSize64 {
				t.Errorf("%s: %d bytes compressed to %d, want a tenth or less", f.Name, f.UncompressedSize64, f.CompressedSize64)
			}
		}
		want := []string{"[Content_Types].xml", "_rels/.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}
		if !slices.Equal(names, want) {
			t.Errorf("got parts %q, want %q", names, want)
		}
	}
}

// TestMasterPrint checks the print setup of every master sheet: A4
// landscape, one page wide, the header row on every page, and the
// 责任矩阵's dept names too.
func TestMasterPrint(t *testing.T) {
	w := testWording(t)
	data, err := Master(seed(t), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	names := map[string]bool{}
	for _, d := range f.GetDefinedName() {
		names[d.Scope+" "+d.Name+" "+d.RefersTo] = true
	}
	for _, name := range f.GetSheetList() {
		pl, err := f.GetPageLayout(name)
		if err != nil {
			t.Fatal(err)
		}
		props, err := f.GetSheetProps(name)
		if err != nil {
			t.Fatal(err)
		}
		if deref(pl.Size) != paperA4 || deref(pl.Orientation) != "landscape" || !deref(props.FitToPage) ||
			deref(pl.FitToWidth) != 1 || deref(pl.FitToHeight) != 0 {
			t.Errorf("%s: got size %d %s fitToPage %v fit %d×%d, want A4 landscape one page wide", name,
				deref(pl.Size), deref(pl.Orientation), deref(props.FitToPage), deref(pl.FitToWidth), deref(pl.FitToHeight))
		}
		q := quoteSheet(name)
		want := name + " _xlnm.Print_Titles " + q + "!$1:$1"
		if name == w.Master.Sheets.Matrix {
			want = name + " _xlnm.Print_Titles " + q + "!$A:$A," + q + "!$1:$1"
		}
		if !names[want] {
			t.Errorf("%s: no print titles %q in %v", name, want, names)
		}
	}
}
