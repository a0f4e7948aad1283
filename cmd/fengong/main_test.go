package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fengong/export/batch"
)

var update = flag.Bool("update", false, "rewrite golden files")

func noEnv(string) string { return "" }

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb, noEnv)
	return code, out.String(), errb.String()
}

func TestExtractJSON(t *testing.T) {
	code, out, errs := run(t, "extract", "../../seeds/hunan-2022.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Source struct{ Name, Sha256, Encoding string }
		Items  []struct {
			Number int
			Tasks  []json.RawMessage
		}
		Targets []struct{ Op string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 82 || len(doc.Targets) != 17 || doc.Source.Encoding != "utf-8" || len(doc.Source.Sha256) != 64 {
		t.Errorf("got %d items, %d targets, source %+v", len(doc.Items), len(doc.Targets), doc.Source)
	}
	for _, key := range []string{`"number_inferred"`, `"first_item"`, `"respective"`, `"deadline"`, `"declared"`, `"aliases"`, `"warnings"`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

func TestExtractText(t *testing.T) {
	code, out, _ := run(t, "extract", "--format", "text", "../../seeds/hunan-2022.txt")
	if code != exitOK || !strings.Contains(out, "条目 82 条") || !strings.Contains(out, "地区生产总值增长6.5%以上") || !strings.Contains(out, "hunan-2022.txt:39:") {
		t.Errorf("exit %d, got:\n%s", code, out)
	}
}

// Every error path of run, extract and the config reads in Chinese, from
// messages.yaml, with the exit code of the README's table; the file (and
// line) is named where there is one.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	notzip := write("report.docx", []byte("plain text, not a zip"))
	badxlsx := write("table.xlsx", []byte("PK\x03\x04 broken"))
	binary := write("scan.txt", append([]byte("1.推进工作。\n"), 0, 1, 2, 3, 0, 0))
	var u16 []byte // UTF-16LE saved without a byte order mark
	for _, r := range "1.推进工作。（省财政厅牵头）\n2.加强建设。（省商务厅牵头）\n" {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	utf16 := write("utf16.txt", u16)
	noItems := write("notice.txt", []byte("这是一份通知，没有编号的任务。\n请各单位认真落实。\n"))
	good := write("good.txt", []byte("1.推进工作。（省财政厅牵头）\n2.加强建设。（省商务厅牵头）\n"))
	config := func(name, text string) string { return write(name, []byte(text)) }
	typo := config("typo.yaml", "# 配置\nformats: [xlsx]\noutptu: out\n")
	badType := config("badtype.yaml", "jobs: 很多\n")
	syntax := config("syntax.yaml", "formats: [xlsx\n")
	badFormat := config("format.yaml", "formats: [docx]\n")
	twice := config("twice.yaml", "formats: [xlsx, xlsx]\n")
	badName := config("name.yaml", "names:\n  brief: 简报.doc\n")
	badJobs := config("jobs.yaml", "jobs: -2\n")
	badDate := config("date.yaml", "date: 三月一日\n")
	tmpl := filepath.Join(dir, "tmpl")
	os.Mkdir(tmpl, 0o755)
	write("tmpl/xlsx.yaml", []byte("master:\n  sheets:\n    tsaks: 任务\n"))
	msgTmpl := filepath.Join(dir, "msgtmpl")
	os.Mkdir(msgTmpl, 0o755)
	write("msgtmpl/messages.yaml", []byte("input.empty: 空文件：{where}\n"))
	notPack := filepath.Join(dir, "notpack")
	os.Mkdir(notPack, 0o755)
	write("notpack/别的文件.txt", []byte("x"))
	out := func() string { return filepath.Join(t.TempDir(), "pack") }
	tests := []struct {
		name    string
		args    []string
		code    int
		message string
	}{
		{"no command", nil, exitUsage, "usage"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "没有“frobnicate”这个命令"},
		{"extract no file", []string{"extract"}, exitUsage, "extract 需要且只需要一个文件"},
		{"extract format", []string{"extract", "--format", "xml", "x.txt"}, exitUsage, "--format 只能是 json 或 text，不能是“xml”"},
		{"extract bad flag", []string{"extract", "--zzz", "x.txt"}, exitUsage, "命令行参数有误"},
		{"extract missing", []string{"extract", filepath.Join(dir, "missing.txt")}, exitFailed, "找不到输入文件 " + filepath.Join(dir, "missing.txt")},
		{"extract empty", []string{"extract", empty}, exitFailed, "empty.txt：文件是空的"},
		{"extract not zip", []string{"extract", notzip}, exitFailed, "report.docx：不是有效的 .docx 文件"},
		{"extract bad xlsx", []string{"extract", badxlsx}, exitFailed, "table.xlsx：文件已损坏或格式不对"},
		{"extract binary", []string{"extract", binary}, exitFailed, "scan.txt:2：不是文本文件"},
		{"extract utf16", []string{"extract", utf16}, exitFailed, "utf16.txt:1：看起来是没有字节顺序标记的 UTF-16 文本"},
		{"extract no items", []string{"extract", noItems}, exitFailed, "notice.txt：没有找到带编号的条目"},
		{"extract templates missing", []string{"extract", "--templates", filepath.Join(dir, "nope"), good}, exitFailed, "找不到模板文件夹"},
		{"extract own messages", []string{"extract", "--templates", msgTmpl, empty}, exitFailed, "空文件：empty.txt"},
		{"run no items", []string{"run", "-o", out(), noItems}, exitFailed, "notice.txt：没有找到带编号的条目"},
		{"run two files", []string{"run", "a.txt", "b.txt"}, exitUsage, "run 最多只接受一个文件"},
		{"run log format", []string{"run", "--log-format", "xml"}, exitUsage, "--log-format 只能是 text 或 json"},
		{"run missing input", []string{"run", "-o", out(), filepath.Join(dir, "missing.txt")}, exitFailed, "找不到输入文件"},
		{"run input is a folder", []string{"run", "-o", out(), dir}, exitFailed, "是文件夹，请给出一个文件"},
		{"run bad date", []string{"run", "-o", out(), "--date", "2022-13-01", good}, exitFailed, "--date 的日期“2022-13-01”不是 年-月-日 格式"},
		{"run unknown dept", []string{"run", "-o", out(), "--dept", "省外星局", good}, exitFailed, "指定的单位“省外星局”在 good.txt 的任务中没有出现"},
		{"run output is a file", []string{"run", "-o", good, good}, exitFailed, "已存在但不是文件夹"},
		{"run output not a pack", []string{"run", "-o", notPack, good}, exitFailed, "不是 fengong 成果包，不会覆盖它"},
		{"run template typo", []string{"run", "-o", out(), "--templates", tmpl, good}, exitFailed, filepath.Join(tmpl, "xlsx.yaml") + ":3：未知配置项 master.sheets.tsaks，是否想写 tasks？"},
		{"config missing", []string{"run", "--config", filepath.Join(dir, "none.yaml"), good}, exitFailed, "找不到配置文件"},
		{"config typo", []string{"run", "--config", typo, good}, exitFailed, "typo.yaml:3：未知配置项 outptu，是否想写 output？"},
		{"config bad type", []string{"run", "--config", badType, good}, exitFailed, "badtype.yaml:1：配置值的类型不对"},
		{"config syntax", []string{"run", "--config", syntax, good}, exitFailed, "syntax.yaml:1：YAML 格式有误"},
		{"config format", []string{"run", "--config", badFormat, good}, exitFailed, "formats 中的“docx”不认识"},
		{"config format twice", []string{"run", "--config", twice, good}, exitFailed, "formats 中“xlsx”写了两次"},
		{"config name", []string{"run", "--config", badName, good}, exitFailed, "names.brief 的“简报.doc”必须以 .pdf 结尾"},
		{"config jobs", []string{"run", "--config", badJobs, good}, exitFailed, "jobs 必须是正数，不能是 -2"},
		{"config date", []string{"run", "--config", badDate, good}, exitFailed, "config 的日期“三月一日”不是 年-月-日 格式"},
		{"collect bad date", []string{"collect", "--ledger", filepath.Join(dir, "督办.db"), "--period", "2022-03", "--date", "4月3日", good}, exitFailed, "--date 的日期“4月3日”不是 年-月-日 格式"},
		{"version", []string{"version"}, exitOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := run(t, tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.message) {
				t.Errorf("%q: exit %d, stderr %q; want exit %d with %q", tc.args, code, errs, tc.code, tc.message)
			}
			if tc.code != exitOK && tc.args != nil && !strings.Contains(errs, "fengong：") {
				t.Errorf("%q: stderr %q has no fengong： line", tc.args, errs)
			}
		})
	}
}

// The manifest of a run on the seed is golden: every path, kind, count
// and hash a clerk or a cron job relies on.
func TestRunManifestGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	code, stdout, errs := run(t, "run", "-q", "-o", out, "--date", "2022-03-01")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if stdout != "" {
		t.Errorf("-q printed %q", stdout)
	}
	got, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	// the build ID is the test binary's, which every change makes anew
	id := buildID()
	if id == "" || !bytes.Contains(got, []byte(`"build": "`+id+`"`)) {
		t.Errorf("manifest.json does not name the build %q", id)
	}
	got = bytes.Replace(got, []byte(`"build": "`+id+`"`), []byte(`"build": "BUILD"`), 1)
	p := filepath.Join("testdata", "manifest.golden.json")
	if *update {
		os.WriteFile(p, got, 0o644)
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("manifest.json differs from %s; run go test ./cmd/fengong -update and review the diff", p)
	}
}

// TestRunLedger runs with --ledger on a ledger nobody has reported to yet:
// the period is the last one ended before the date, every unit is 未报送,
// and the 督查通报 says so.
func TestRunLedger(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "pack")
	code, _, errs := run(t, "run", "-q", "-o", out, "--date", "2022-04-10", "--ledger", filepath.Join(dir, "台账.db"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	notice := filepath.Join(out, "通报", "督查通报-2022-03.pdf")
	if _, err := os.Stat(notice); err != nil {
		t.Fatalf("no 通报: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: install poppler-utils to read the 通报")
	}
	text, err := exec.Command("pdftotext", notice, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"关于2022年3月重点工作推进情况的通报", "已报送\n0个，未报送100个"} {
		if !strings.Contains(strings.ReplaceAll(string(text), "\n", ""), strings.ReplaceAll(want, "\n", "")) {
			t.Errorf("通报 lacks %q", want)
		}
	}
	// the same run without --ledger writes no 通报
	plain := filepath.Join(dir, "plain")
	if code, _, errs := run(t, "run", "-q", "-o", plain, "--date", "2022-04-10"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(plain, "通报")); !os.IsNotExist(err) {
		t.Errorf("a run without a ledger wrote 通报: %v", err)
	}
}

func TestRunJSONLogs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	code, _, errs := run(t, "run", "--log-format", "json", "--formats", "xlsx", "-o", out, "--date", "2022-03-01")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Errorf("log line is not JSON: %q", l)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "单位", "省发展改革委", "省发展改革委.pdf")); err == nil {
		t.Errorf("--formats xlsx wrote a PDF")
	}
}

// exitCode is the one mapping from errors to exit codes, partial runs and
// interrupted ones included.
func TestExitCodeMapping(t *testing.T) {
	tests := []struct {
		err     error
		code    int
		message string
	}{
		{nil, exitOK, ""},
		{flag.ErrHelp, exitOK, ""},
		{fmt.Errorf("%w: bad flag", errUsage), exitUsage, "usage"},
		{&batch.PartialError{Failed: 2, Dir: "/srv/out"}, exitPartial, "fengong：2 个文件没有生成成功，其余已写到 /srv/out"},
		{fmt.Errorf("run: %w", batch.ErrPartial), exitPartial, "partial"},
		{&batch.InterruptedError{Stage: "export", Dir: "/srv/out", Cause: errors.New("terminated signal received")}, exitFailed,
			"运行在 export 阶段被中断（terminated signal received）；没有发布任何文件，/srv/out 仍是上次的成果包"},
		{fmt.Errorf("publish: %w", batch.ErrLocked), exitFailed, "fengong：出错了：publish: another fengong run"},
		{&os.PathError{Op: "open", Path: "/srv/x", Err: os.ErrPermission}, exitFailed, "fengong：没有权限读写 /srv/x"},
	}
	msgs := clerkWording("")
	for _, tc := range tests {
		var stderr bytes.Buffer
		if code := exitCode(tc.err, &stderr, msgs); code != tc.code || !strings.Contains(stderr.String(), tc.message) {
			t.Errorf("exitCode(%v): %d %q, want %d with %q", tc.err, code, stderr.String(), tc.code, tc.message)
		}
	}
}

// TestCollect is the 督办 cycle through the commands: send (run), take
// back one unit's workbook, a copy of it and a broken file (collect: exit
// 3, each file's outcome printed), then run with the ledger: the 通报
// counts the unit as reported.
func TestCollect(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "pack")
	if code, _, errs := run(t, "run", "-q", "-o", out, "--date", "2022-04-10"); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	ret := filepath.Join(dir, "returns")
	if err := os.Mkdir(ret, 0o755); err != nil {
		t.Fatal(err)
	}
	wb, err := os.ReadFile(filepath.Join(out, "单位", "省财政厅", "省财政厅.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"财政厅-3月.xlsx": wb, "再报.xlsx": wb, "坏.xlsx": []byte("junk")} {
		if err := os.WriteFile(filepath.Join(ret, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "督办.db")
	code, stdout, errs := run(t, "collect", "--ledger", db, "--period", "2022-03", ret)
	if code != exitPartial {
		t.Fatalf("collect: exit %d, want %d: %s", code, exitPartial, errs)
	}
	for _, want := range []string{"接收", "重复", "拒收　坏.xlsx", "接收1份，重复1份，拒收1份"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("collect printed %q, want %q in it", stdout, want)
		}
	}
	if !strings.Contains(errs, "拒收") {
		t.Errorf("collect's error %q is not the clerk's words", errs)
	}
	if code, _, errs := run(t, "collect", "--ledger", db, ret); code != exitUsage {
		t.Errorf("collect without --period: exit %d, want %d: %s", code, exitUsage, errs)
	}
	if code, _, errs := run(t, "run", "-q", "-o", out, "--date", "2022-04-10", "--ledger", db); code != exitOK {
		t.Fatalf("run --ledger: exit %d: %s", code, errs)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: install poppler-utils to read the 通报")
	}
	text, err := exec.Command("pdftotext", filepath.Join(out, "通报", "督查通报-2022-03.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if s := strings.ReplaceAll(string(text), "\n", ""); !strings.Contains(s, "已报送1个，未报送99个") {
		t.Errorf("the 通报 does not count the unit that reported: %.300s", s)
	}
}

// The Go note of a build ID is read field by field; a note that is not
// one gives no ID.
func TestGoBuildID(t *testing.T) {
	note := func(nameSize, descSize, typ uint32, name, desc string) []byte {
		b := binary.LittleEndian.AppendUint32(nil, nameSize)
		b = binary.LittleEndian.AppendUint32(b, descSize)
		b = binary.LittleEndian.AppendUint32(b, typ)
		return append(append(b, name...), desc...)
	}
	for _, tc := range []struct {
		note []byte
		want string
	}{
		{note(4, 7, 4, "Go\x00\x00", "abc/def"), "abc/def"},
		{note(4, 9, 4, "Go\x00\x00", "abc/def"), ""}, // desc cut short
		{note(4, 7, 3, "Go\x00\x00", "abc/def"), ""}, // another type
		{note(4, 7, 4, "GNU\x00", "abc/def"), ""},    // another owner
		{[]byte("Go"), ""},
	} {
		if got := goBuildID(tc.note, binary.LittleEndian); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.note, got, tc.want)
		}
	}
}

// A second --incremental run of the same binary on the same input stops
// before extracting and says that nothing changed.
func TestRunIncrementalUnchanged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	if code, _, errs := run(t, "run", "-q", "-o", out, "--date", "2022-03-01"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, stdout, errs := run(t, "run", "-v", "--incremental", "-o", out, "--date", "2022-03-01")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(stdout, "没有变化：") || !strings.Contains(stdout, "未改写") {
		t.Errorf("stdout %q, want the 没有变化 line", stdout)
	}
	if strings.Contains(errs, "stage=extract") || !strings.Contains(errs, "stage=unchanged") {
		t.Errorf("stages logged:\n%s\nwant a stop after read", errs)
	}
}
