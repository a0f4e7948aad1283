package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fengong/ledger"
	"fengong/progress"
)

// returned writes dept's workbook of the pack at out into dir as name,
// with cells set as the dept would type them: sheet!ref → value.
func returned(t *testing.T, out, dept, dir, name string, cells map[string]string) string {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join(out, "单位", dept, dept+".xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for at, v := range cells {
		sheet, ref, _ := strings.Cut(at, "!")
		if err := f.SetCellStr(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, name)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestStatus is the summary through the command, as the clerk's cycle
// goes: a ledger nobody has reported to (everyone on the 催办名单), one
// period collected, then a second in which a task turns red and one is
// completed; the text of the last is golden.
func TestStatus(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "pack")
	if code, _, errs := run(t, "run", "-q", "-o", out, "--date", "2022-04-10", "--formats", "xlsx", "--dept", "省财政厅,省税务局"); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	db := filepath.Join(dir, "督办.db")

	// no ledger yet: exit 1, the file named, and none made
	code, _, errs := run(t, "status", "--ledger", db)
	if code != exitFailed || !strings.Contains(errs, "fengong：找不到台账文件 "+db) {
		t.Errorf("missing ledger: exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("status made the ledger it was asked about: %v", err)
	}

	// an empty ledger: every unit is on the 催办名单; without --period the
	// period is the last one ended before SOURCE_DATE_EPOCH's day
	l, err := ledger.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	var stdout, stderr bytes.Buffer
	epoch := func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1649548800" // 2022-04-10
		}
		return ""
	}
	if code := Main([]string{"status", "--ledger", db}, &stdout, &stderr, epoch); code != exitOK {
		t.Fatalf("empty ledger: exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"2022-03报送期（台账 " + db + "）", "报送：100个单位，已报送0个，未报送100个", "催办名单：省委统战部、", "、湘西自治州人民政府\n",
		"本期是台账中的第一个报送期", "台账中还没有《落实〈政府工作报告〉重点工作分工的意见》的任何报送；如各单位报送的是另一份文件，请用 --input 指定"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("empty ledger: status lacks %q:\n%s", want, stdout.String())
		}
	}

	// 2022-03: 省财政厅 reports 11.2 and 27.1 under way
	in := filepath.Join(dir, "收文")
	os.MkdirAll(in, 0o755)
	march := returned(t, out, "省财政厅", in, "财政厅-3月.xlsx", map[string]string{
		"牵头任务!G3": "已出台实施方案", "牵头任务!J3": "推进中",
		"牵头任务!G4": "预算改革完成60%", "牵头任务!J4": "推进中",
	})
	if code, stdout, errs := run(t, "collect", "--ledger", db, "--period", "2022-03", march); code != exitOK {
		t.Fatalf("collect 2022-03: exit %d: %s%s", code, stdout, errs)
	}
	code, text, errs := run(t, "status", "--ledger", db)
	if code != exitOK || !strings.Contains(text, "2022-03报送期") || strings.Contains(text, "还没有") || !strings.Contains(text, "已报送1个，未报送99个") || strings.Contains(text, "催办名单：省财政厅") || strings.Contains(text, "、省财政厅、") {
		t.Errorf("after one return: exit %d %s\n%s", code, errs, text)
	}

	// 2022-04: 11.2 lags (red), 27.1 is done; 省税务局 reports too
	april := returned(t, out, "省财政厅", in, "财政厅-4月.xlsx", map[string]string{
		"牵头任务!G3": "部分政策尚未落地", "牵头任务!J3": "进展缓慢",
		"牵头任务!G4": "预算改革已完成", "牵头任务!J4": "已完成",
	})
	tax := returned(t, out, "省税务局", in, "税务局-4月.xlsx", nil)
	if code, stdout, errs := run(t, "collect", "--ledger", db, "--period", "2022-04", april, tax); code != exitOK {
		t.Fatalf("collect 2022-04: exit %d: %s%s", code, stdout, errs)
	}
	code, text, errs = run(t, "status", "--ledger", db)
	if code != exitOK {
		t.Fatalf("status: exit %d: %s", code, errs)
	}
	for _, want := range []string{"2022-04报送期", "已报送2个，未报送98个", "与2022-03报送期相比：", "已报送1→2个单位", "转为滞后：11.2（推行“免申即享”", "本期已完成：27.1（推动预算改革"} {
		if !strings.Contains(text, want) {
			t.Errorf("status lacks %q:\n%s", want, text)
		}
	}
	golden(t, "status.golden.txt", strings.ReplaceAll(text, db, "督办.db"))

	// an earlier period on request: the same ledger, March's view
	if code, text, _ := run(t, "status", "--ledger", db, "--period", "2022-03"); code != exitOK || !strings.Contains(text, "已报送1个") || strings.Contains(text, "相比") {
		t.Errorf("--period 2022-03: exit %d\n%s", code, text)
	}

	// JSON for scripts: English field names, the same numbers
	code, js, errs := run(t, "status", "--ledger", db, "--format", "json")
	var o struct {
		Period      string         `json:"period"`
		Depts       int            `json:"depts"`
		Reported    int            `json:"reported"`
		NotReported []string       `json:"not_reported"`
		Counts      map[string]int `json:"counts"`
		Previous    *struct {
			Period string `json:"period"`
		} `json:"previous"`
		TurnedRed []struct{ ID string } `json:"turned_red"`
		Completed []struct{ ID string } `json:"completed"`
	}
	if err := json.Unmarshal([]byte(js), &o); err != nil || code != exitOK {
		t.Fatalf("--format json: exit %d, %v: %s%s", code, err, js, errs)
	}
	if o.Period != "2022-04" || o.Depts != 100 || o.Reported != 2 || len(o.NotReported) != 98 || o.Previous == nil || o.Previous.Period != "2022-03" ||
		len(o.TurnedRed) != 1 || o.TurnedRed[0].ID != "11.2" || len(o.Completed) != 1 || o.Completed[0].ID != "27.1" || o.Counts["red"] == 0 {
		t.Errorf("--format json: %+v", o)
	}
}

// The command line and the ledger file go wrong in the clerk's words,
// with the README's exit codes.
func TestStatusErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "台账.db")
	if err := os.WriteFile(notDB, []byte("这不是数据库，只是一段文字，长度足够让 SQLite 读它的文件头。"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		message string
	}{
		{"no ledger flag", []string{"status"}, exitUsage, "status 需要 --ledger 台账文件"},
		{"a file too", []string{"status", "--ledger", notDB, "x.xlsx"}, exitUsage, "status 需要 --ledger 台账文件"},
		{"bad period", []string{"status", "--ledger", notDB, "--period", "2022年3月"}, exitUsage, "--period 应写成“年-月”，如 2022-03，不能是“2022年3月”"},
		{"bad format", []string{"status", "--ledger", notDB, "--format", "xml"}, exitUsage, "--format 只能是 json 或 text"},
		{"missing ledger", []string{"status", "--ledger", filepath.Join(dir, "无.db")}, exitFailed, "找不到台账文件 " + filepath.Join(dir, "无.db")},
		{"ledger is a folder", []string{"status", "--ledger", dir}, exitFailed, "找不到台账文件 " + dir},
		{"not a ledger", []string{"status", "--ledger", notDB}, exitFailed, "台账文件 " + notDB + " 无法读取"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := run(t, tc.args...)
			if code != tc.code || !strings.Contains(errs, "fengong："+tc.message) {
				t.Errorf("%q: exit %d, stderr %q; want exit %d with %q", tc.args, code, errs, tc.code, tc.message)
			}
		})
	}
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/fengong -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs; run go test ./cmd/fengong -update and review the diff\ngot:\n%s\nwant:\n%s", p, got, want)
	}
}

// A change line names five tasks, each with the start of its text, then
// says how many there are.
func TestStatusTaskList(t *testing.T) {
	msgs := clerkWording("")
	refs := func(n int) []progress.TaskRef {
		var out []progress.TaskRef
		for i := 1; i <= n; i++ {
			out = append(out, progress.TaskRef{ID: strconv.Itoa(i) + ".1", Text: "推进工作"})
		}
		return out
	}
	tests := []struct {
		tasks []progress.TaskRef
		want  string
	}{
		{refs(1), "1.1（推进工作）"},
		{refs(5), "1.1（推进工作）、2.1（推进工作）、3.1（推进工作）、4.1（推进工作）、5.1（推进工作）"},
		{refs(7), "1.1（推进工作）、2.1（推进工作）、3.1（推进工作）、4.1（推进工作）、5.1（推进工作）等7项"},
		{[]progress.TaskRef{{ID: "9.9", Text: "一二三四五六七八九十一二三四五六七"}}, "9.9（一二三四五六七八九十一二三四五六…）"},
	}
	for _, tt := range tests {
		if got := taskList(tt.tasks, msgs); got != tt.want {
			t.Errorf("taskList(%d tasks) = %q, want %q", len(tt.tasks), got, tt.want)
		}
	}
}
