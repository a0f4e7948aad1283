package xlsx

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestReturnsRoundTrip(t *testing.T) {
	w := testWording(t)
	lead, co, all := w.Dept.Sheets.Lead, w.Dept.Sheets.Co, w.Dept.Sheets.All
	data, err := Dept(fixture(), "省发展改革委", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	// fill it in as a dept would
	f := open(t, data)
	fills := []struct {
		sheet, ref string
		value      any
	}{
		{lead, "J3", "已完成"},
		{lead, "G3", "  已完成全年目标，\n地区生产总值增长7%。 "},
		{lead, "H3", "无"},
		{lead, "I3", "继续跟踪"},
		{lead, "K3", 42},
		{lead, "D3", " 张三 "},
		{lead, "E3", "李四 0731-1234"},
		{co, "J4", "滞后"},
		{co, "H4", "=资金未到位"},
		{co, "F4", "9月底前"}, // 3.2 has no deadline in the document
		{all, "G3", "推进中"},
	}
	for _, x := range fills {
		if err := f.SetCellValue(x.sheet, x.ref, x.value); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	ret, err := ReadReturns(buf.Bytes(), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	got := ret.Rows
	want := []Return{
		{TaskID: "1.1", Status: "已完成", Progress: "已完成全年目标，\n地区生产总值增长7%。", Problems: "无", NextSteps: "继续跟踪", Note: "42",
			Owner: "张三", Contact: "李四 0731-1234", Deadline: "年内持续推进", Sheet: lead, Row: 3},
		{TaskID: "1.2", Deadline: "6月底前", Sheet: co, Row: 3},
		{TaskID: "3.2", Status: "滞后", Problems: "=资金未到位", Deadline: "9月底前", Sheet: co, Row: 4},
		{TaskID: "2.2", Progress: "推进中", Sheet: all, Row: 3},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadReturns:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestReturnsSeed(t *testing.T) {
	doc := seed(t)
	w := testWording(t)
	for _, d := range doc.Depts {
		data, err := Dept(doc, d.Name, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		ret, err := ReadReturns(data, testOptions())
		if err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		got := ret.Rows
		if want := IdentityOf(doc, d.Name); ret.Identity != want {
			t.Errorf("%s: identity %+v, want %+v", d.Name, ret.Identity, want)
		}
		tasks := doc.TasksOf(d.Name)
		if len(got) != len(tasks) {
			t.Fatalf("%s: got %d returns, want %d", d.Name, len(got), len(tasks))
		}
		byID := map[string]Return{}
		for _, r := range got {
			byID[r.TaskID] = r
		}
		for _, a := range tasks {
			r, ok := byID[a.Task.ID]
			if !ok {
				t.Errorf("%s: task %s not read back", d.Name, a.Task.ID)
				continue
			}
			if r.Sheet != sheetOfRole(w, a.Role) || r.Status != "" || r.Progress != "" {
				t.Errorf("%s: task %s: got %+v, want a blank row on %s", d.Name, a.Task.ID, r, sheetOfRole(w, a.Role))
			}
		}
	}
}

func TestReturnsErrors(t *testing.T) {
	master, err := Master(fixture(), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	noAll := fixture()
	noAll.Items = noAll.Items[2:]
	empty, err := Dept(noAll, deptEmpty, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		data   []byte
		noTask bool // want ErrNoTaskSheet rather than a read error
	}{
		{"nil", nil, false},
		{"not a zip", []byte("PK\x03\x04 not really"), false},
		{"text", bytes.Repeat([]byte("省发展改革委"), 100), false},
		{"master workbook", master, true},
		{"dept without tasks", empty, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadReturns(tt.data, testOptions())
			if err == nil {
				t.Fatalf("got %d returns and no error, want an error", len(got.Rows))
			}
			if errors.Is(err, ErrNoTaskSheet) != tt.noTask {
				t.Errorf("got error %v, want ErrNoTaskSheet: %v", err, tt.noTask)
			}
		})
	}
}

func TestReturnsSkipsClearedIDs(t *testing.T) {
	w := testWording(t)
	data, err := Dept(fixture(), "省发展改革委", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	if err := f.SetCellValue(w.Dept.Sheets.Co, "Q3", ""); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadReturns(buf.Bytes(), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range got.Rows {
		ids = append(ids, r.TaskID)
	}
	if want := []string{"1.1", "3.2", "2.2"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("got task IDs %q, want %q", ids, want)
	}
}

// A date a dept typed into 完成时限 (or that Excel or WPS made of
// 2022-06-30) is a serial number under a date format: it reads back as the
// date, written as 公文 do, whatever the format; a plain number, a number
// under a time format and text stay as they are.
func TestReturnsDateCells(t *testing.T) {
	w := testWording(t)
	co := w.Dept.Sheets.Co
	ymd := `yyyy"年"m"月"d"日"`
	quotedD := `0"d"` // a d inside quotes is text, not a day
	tests := []struct {
		name     string
		value    any
		numFmt   int
		custom   *string
		date1904 bool
		want     string
	}{
		{"built-in m/d/yy", 44742, 14, nil, false, "2022年6月30日"},
		{"built-in Chinese yyyy年m月d日", 44742, 31, nil, false, "2022年6月30日"},
		{"custom yyyy年m月d日", 44742, 0, &ymd, false, "2022年6月30日"},
		{"custom yyyy-mm-dd", 44742, 0, ptr("yyyy-mm-dd"), false, "2022年6月30日"},
		{"with a time", 44742.75, 22, nil, false, "2022年6月30日"},
		{"1904 date system", 43280, 14, nil, true, "2022年6月30日"},
		{"plain number", 44742, 0, nil, false, "44742"},
		{"number format 0.00", 44742, 2, nil, false, "44742"},
		{"time of day", 0.5, 20, nil, false, "0.5"},
		{"time format h:mm on a big number", 44742, 20, nil, false, "44742"},
		{"quoted d in a number format", 44742, 0, &quotedD, false, "44742"},
		{"text under a date format", "2022年6月底前", 14, nil, false, "2022年6月底前"},
		{"digits typed as text", "44742", 14, nil, false, "44742"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Dept(fixture(), "省发展改革委", testOptions())
			if err != nil {
				t.Fatal(err)
			}
			f := open(t, data)
			if tt.date1904 {
				if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: ptr(true)}); err != nil {
					t.Fatal(err)
				}
			}
			style, err := f.NewStyle(&excelize.Style{NumFmt: tt.numFmt, CustomNumFmt: tt.custom})
			if err != nil {
				t.Fatal(err)
			}
			if s, ok := tt.value.(string); ok {
				err = f.SetCellStr(co, "F4", s)
			} else {
				err = f.SetCellValue(co, "F4", tt.value)
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStyle(co, "F4", "F4", style); err != nil {
				t.Fatal(err)
			}
			buf, err := f.WriteToBuffer()
			if err != nil {
				t.Fatal(err)
			}
			ret, err := ReadReturns(buf.Bytes(), testOptions())
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range ret.Rows {
				if r.Sheet == co && r.Row == 4 {
					if r.Deadline != tt.want {
						t.Errorf("完成时限 read as %q, want %q", r.Deadline, tt.want)
					}
					return
				}
			}
			t.Fatalf("row %s 4 not read", co)
		})
	}
}

func ptr[T any](v T) *T { return &v }
