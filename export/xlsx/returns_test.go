package xlsx

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
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
