package xlsx

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// returned is the fixture's 省发展改革委 workbook after edit, saved.
func returned(t *testing.T, edit func(f interface {
	SetCellValue(string, string, any) error
}) error) []byte {
	t.Helper()
	data, err := Dept(fixture(), "省发展改革委", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if edit == nil {
		return data
	}
	f := open(t, data)
	if err := edit(f); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// patchZip rewrites the parts of a zip whose name matches.
func patchZip(t *testing.T, data []byte, name string, patch func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == name {
			b, found = patch(b), true
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("no part %s", name)
	}
	return out.Bytes()
}

// sheetPart is the part of the fixture workbook's sheet at index i (the
// 说明 sheet is 1, 牵头任务 2, 配合任务 3, 全体任务 4).
func sheetPart(i int) string { return "xl/worksheets/sheet" + string(rune('0'+i)) + ".xml" }

// cache gives the formula cell ref the cached string value v, as Excel
// writes it after calculating, and which excelize cannot write itself.
func cache(t *testing.T, ref, v string) func([]byte) []byte {
	return func(b []byte) []byte {
		re := regexp.MustCompile(`<c r="` + ref + `"([^>]*?)(?: t="[a-z]+")?>(<f[^>]*?(?:/>|>[^<]*</f>))(?:<v>[^<]*</v>|<v/>)?</c>`)
		if !re.Match(b) {
			t.Fatalf("no formula cell %s in %s", ref, b)
		}
		return re.ReplaceAll(b, []byte(`<c r="`+ref+`"$1 t="str">$2<v>`+v+`</v></c>`))
	}
}

func rowsByID(rows []Return) map[string]Return {
	m := map[string]Return{}
	for _, r := range rows {
		m[r.TaskID] = r
	}
	return m
}

func TestReturnsFormulas(t *testing.T) {
	w := testWording(t)
	lead, co := w.Dept.Sheets.Lead, w.Dept.Sheets.Co
	f := open(t, returned(t, nil))
	for _, x := range []struct{ sheet, ref, formula string }{
		{lead, "G3", "=1+1"},
		{lead, "J3", "=cmd|' /C calc'!A0"},
		{co, "J3", "=cmd|' /C calc'!A0"}, // no cached value
		{co, "Q4", `="3.2"`},             // the ID itself
	} {
		if err := f.SetCellFormula(x.sheet, x.ref, x.formula); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellValue(lead, "H3", "无")
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	data := patchZip(t, buf.Bytes(), sheetPart(2), cache(t, "J3", "已完成"))
	data = patchZip(t, data, sheetPart(2), cache(t, "G3", "2"))
	data = patchZip(t, data, sheetPart(3), cache(t, "Q4", "3.2"))
	// an empty formula element with a cached value, which excelize
	// reads as no formula at all
	data = patchZip(t, data, sheetPart(4), func(b []byte) []byte {
		re := regexp.MustCompile(`<c r="J3"([^>]*?)(?:/>|></c>)`)
		if !re.Match(b) {
			t.Fatalf("no empty J3 in %s", b)
		}
		return re.ReplaceAll(b, []byte(`<c r="J3"$1 t="str"><f></f><v>已完成</v></c>`))
	})
	got, err := ReadReturns(data, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := []Return{
		{TaskID: "1.1", Problems: "无", Deadline: "年内持续推进", Sheet: lead, Row: 3,
			Formulas: []string{"G3 进展情况", "J3 完成状态"}},
		{TaskID: "1.2", Deadline: "6月底前", Sheet: co, Row: 3, Formulas: []string{"J3 完成状态"}},
		{TaskID: "", Sheet: co, Row: 4, Formulas: []string{"Q4 " + w.Dept.Columns.ID}},
		{TaskID: "2.2", Sheet: w.Dept.Sheets.All, Row: 3, Formulas: []string{"J3 完成状态"}},
	}
	if !reflect.DeepEqual(got.Rows, want) {
		t.Errorf("ReadReturns:\ngot  %+v\nwant %+v", got.Rows, want)
	}
	for _, r := range got.Rows {
		for _, v := range []string{r.Status, r.Progress, r.TaskID} {
			if v == "已完成" || v == "2" || v == "3.2" || strings.HasPrefix(v, "=") {
				t.Errorf("row %d: a formula's value %q was taken as input", r.Row, v)
			}
		}
	}
}

func TestReturnsLayoutChanged(t *testing.T) {
	w := testWording(t)
	lead, co, all := w.Dept.Sheets.Lead, w.Dept.Sheets.Co, w.Dept.Sheets.All
	data := returned(t, nil)
	f := open(t, data)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// fill in, then: a column inserted before A holding 出处 text, the two
	// co rows swapped, a renamed sheet, a merged cell, extra rows and columns
	must(f.SetCellValue(co, "G3", "1.2的进展"))
	must(f.SetCellValue(co, "G4", "3.2的进展"))
	must(f.SetCellValue(co, "J4", "滞后"))
	must(f.SetCellValue(lead, "G3", "1.1的进展"))
	must(f.InsertCols(co, "A", 1))
	must(f.SetCellValue(co, "A2", "出处"))
	must(f.SetCellValue(co, "A3", "第5行"))
	must(f.SetCellValue(co, "A4", "第9行"))
	r3, err := f.GetRows(co)
	must(err)
	row3, row4 := r3[2], r3[3]
	must(f.SetSheetRow(co, "A3", &row4))
	must(f.SetSheetRow(co, "A4", &row3))
	must(f.SetSheetName(lead, "一月报送"))
	must(f.MergeCell("一月报送", "K3", "L3"))
	must(f.SetCellValue(all, "A9", "以下为补充说明"))
	must(f.SetCellValue(all, "R2", "我们的备注列"))
	must(f.SetCellValue(all, "R3", "随便写"))
	buf, err := f.WriteToBuffer()
	must(err)
	got, err := ReadReturns(buf.Bytes(), testOptions())
	must(err)
	byID := rowsByID(got.Rows)
	if len(got.Rows) != 4 {
		t.Errorf("got %d rows, want 4: %+v", len(got.Rows), got.Rows)
	}
	for _, c := range []struct{ id, progress, status, sheet string }{
		{"1.1", "1.1的进展", "", "一月报送"},
		{"1.2", "1.2的进展", "", co},
		{"3.2", "3.2的进展", "滞后", co},
		{"2.2", "", "", all},
	} {
		r, ok := byID[c.id]
		if !ok {
			t.Errorf("task %s not read; got IDs %v", c.id, reflect.ValueOf(byID).MapKeys())
			continue
		}
		if r.Progress != c.progress || r.Status != c.status || r.Sheet != c.sheet {
			t.Errorf("task %s: got %+v, want progress %q status %q on %s", c.id, r, c.progress, c.status, c.sheet)
		}
	}
}

func TestReturnsColumnsChanged(t *testing.T) {
	w := testWording(t)
	co := w.Dept.Sheets.Co
	for _, tt := range []struct {
		name string
		edit func(f interface {
			SetCellValue(string, string, any) error
		}) error
	}{
		{"heading twice", func(f interface {
			SetCellValue(string, string, any) error
		}) error {
			return f.SetCellValue(co, "R2", w.Dept.Columns.Progress)
		}},
		{"heading gone", func(f interface {
			SetCellValue(string, string, any) error
		}) error {
			return f.SetCellValue(co, "G2", "情况")
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadReturns(returned(t, tt.edit), testOptions())
			if !errors.Is(err, ErrColumns) {
				t.Errorf("got %v, want ErrColumns", err)
			}
		})
	}
}

// zipOf writes a zip of the given parts, each produced by a writer func.
func zipOf(t *testing.T, method uint16, parts map[string]func(io.Writer)) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for name, fill := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		fill(w)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestReturnsHostileSize checks that oversized and bomb-like files are
// refused before they are unzipped, within a memory bound: ReadReturns
// may allocate at most maxAlloc on any of them (measured with
// runtime.MemStats.TotalAlloc, which counts every allocation, so it bounds
// the peak heap too).
func TestReturnsHostileSize(t *testing.T) {
	const maxAlloc = 16 << 20
	good := returned(t, nil)
	// a real workbook with a worksheet padded to 200 MB unpacked
	var padded []byte
	{
		zr, _ := zip.NewReader(bytes.NewReader(good), int64(len(good)))
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, zf := range zr.File {
			rc, _ := zf.Open()
			w, _ := zw.Create(zf.Name)
			if zf.Name == sheetPart(2) {
				b, _ := io.ReadAll(rc)
				i := bytes.Index(b, []byte("<sheetData>"))
				w.Write(b[:i])
				pad := bytes.Repeat([]byte(" "), 1<<20)
				for range 200 {
					w.Write(pad)
				}
				w.Write(b[i:])
			} else {
				io.Copy(w, rc)
			}
			rc.Close()
		}
		zw.Close()
		padded = out.Bytes()
	}
	big := make([]byte, 50<<20)
	rand.Read(big)
	huge := zipOf(t, zip.Store, map[string]func(io.Writer){"xl/workbook.xml": func(w io.Writer) { w.Write(big) }})
	// a part of 256 MB of zeros deflated to 250 KB: the classic bomb
	bomb := zipOf(t, zip.Deflate, map[string]func(io.Writer){"xl/worksheets/sheet1.xml": func(w io.Writer) {
		z := make([]byte, 1<<20)
		for range 256 {
			w.Write(z)
		}
	}})
	// a bomb that lies: it declares 1 KB and inflates to 64 MB
	var lying bytes.Buffer
	{
		var raw bytes.Buffer
		zw := zip.NewWriter(&raw)
		w, _ := zw.Create("x")
		z := make([]byte, 1<<20)
		for range 64 {
			w.Write(z)
		}
		zw.Close()
		zr, _ := zip.NewReader(bytes.NewReader(raw.Bytes()), int64(raw.Len()))
		body, _ := zr.File[0].OpenRaw()
		comp, _ := io.ReadAll(body)
		zw = zip.NewWriter(&lying)
		for _, name := range []string{"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"} {
			h := &zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: 0, CompressedSize64: uint64(len(comp)), UncompressedSize64: 1024}
			w, _ := zw.CreateRaw(h)
			w.Write(comp)
		}
		zw.Close()
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 4096)...)
	for _, tt := range []struct {
		name string
		data []byte
		want error
	}{
		{"50 MB workbook", huge, ErrTooLarge},
		{"padded to 200 MB unpacked", padded, ErrTooLarge},
		{"zip bomb", bomb, ErrTooLarge},
		{"lying zip bomb", lying.Bytes(), ErrCorrupt},
		{"password-protected", ole, ErrProtected},
		{"truncated", good[:len(good)/2], ErrCorrupt},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := ReadReturns(tt.data, testOptions())
			runtime.ReadMemStats(&after)
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%s (%.1f MB file): %v; allocated %.1f MB", tt.name, float64(len(tt.data))/(1<<20), err, float64(alloc)/(1<<20))
			if alloc > maxAlloc {
				t.Errorf("allocated %d bytes refusing it, want at most %d", alloc, maxAlloc)
			}
		})
	}
}

// TestIdentitySurvivesLibreOffice re-saves a returned workbook with
// LibreOffice and reads it back: the identity and the rows must survive.
func TestIdentitySurvivesLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed: the LibreOffice re-save is not checked")
	}
	w := testWording(t)
	data := returned(t, func(f interface {
		SetCellValue(string, string, any) error
	}) error {
		return f.SetCellValue(w.Dept.Sheets.Co, "G4", "3.2的进展")
	})
	dir := t.TempDir()
	in := filepath.Join(dir, "省发展改革委-3月.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved, err := os.ReadFile(filepath.Join(out, filepath.Base(in)))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(saved, data) {
		t.Fatal("LibreOffice returned the file unchanged")
	}
	got, err := ReadReturns(saved, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if want := IdentityOf(fixture(), "省发展改革委"); got.Identity != want {
		t.Errorf("identity after re-save %+v, want %+v", got.Identity, want)
	}
	if r := rowsByID(got.Rows)["3.2"]; r.Progress != "3.2的进展" {
		t.Errorf("task 3.2 after re-save: %+v", r)
	}
	if len(got.Rows) != 4 {
		t.Errorf("got %d rows after re-save, want 4", len(got.Rows))
	}
}
