package ledger

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"fengong/export"
	"fengong/export/xlsx"
	"fengong/extract"
	"fengong/progress"
)

var clock = time.Date(2022, 4, 3, 9, 0, 0, 0, time.UTC)

func seed(tb testing.TB) *extract.Document {
	tb.Helper()
	dir, err := extract.LoadDirectory(nil)
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := extract.ParseFile("../seeds/hunan-2022.txt", dir)
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// env is a ledger in a temp dir and the options to collect into it.
type env struct {
	t   *testing.T
	dir string
	opt Options
}

func newEnv(t *testing.T, doc *extract.Document) *env {
	rules, err := progress.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := rules.Period("2022-03")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	return &env{t: t, dir: dir, opt: Options{Ledger: filepath.Join(dir, "fengong-ledger.db"), Doc: doc, Period: p, Rules: rules,
		Now: func() time.Time { return clock }}}
}

// workbook is dept's workbook of doc, with cells set: sheet!ref → value;
// a value starting with = is written as a formula.
func workbook(t *testing.T, doc *extract.Document, dept string, cells map[string]string) []byte {
	t.Helper()
	data, err := xlsx.Dept(doc, dept, export.Options{Date: clock})
	if err != nil {
		t.Fatal(err)
	}
	if len(cells) == 0 {
		return data
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for at, v := range cells {
		sheet, ref, _ := strings.Cut(at, "!")
		if strings.HasPrefix(v, "=") {
			err = f.SetCellFormula(sheet, ref, v)
		} else {
			err = f.SetCellValue(sheet, ref, v)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (e *env) write(name string, data []byte) string {
	p := filepath.Join(e.dir, "in", name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		e.t.Fatal(err)
	}
	return p
}

func (e *env) collect(files ...string) (*Result, string, error) {
	e.t.Helper()
	opt := e.opt
	opt.Files = files
	var out bytes.Buffer
	res, err := Collect(context.Background(), opt, &out)
	if err != nil && !errors.Is(err, ErrRefused) {
		e.t.Fatalf("collect: %v", err)
	}
	return res, out.String(), err
}

// counts are the rows of every table, and the archive's files.
func (e *env) counts() map[string]int {
	e.t.Helper()
	l, err := Open(e.opt.Ledger)
	if err != nil {
		e.t.Fatal(err)
	}
	defer l.Close()
	m := map[string]int{}
	for _, q := range []string{"returns", "reports", "status_history",
		"returns WHERE status = 'accepted'", "returns WHERE status = 'superseded'", "returns WHERE status = 'duplicate'", "returns WHERE status = 'refused'"} {
		var n int
		if err := l.db.QueryRow("SELECT count(*) FROM " + q).Scan(&n); err != nil {
			e.t.Fatal(err)
		}
		m[q] = n
	}
	ents, _ := os.ReadDir(ArchiveDir(e.opt.Ledger))
	m["archive"] = len(ents)
	return m
}

// depts are the first dept of doc with lead tasks (on the 牵头任务
// sheet), and another with a task the first lacks.
func depts(doc *extract.Document) (string, string) {
	var a string
	own := map[string]bool{}
	for _, d := range doc.Depts {
		if d.Lead == 0 {
			continue
		}
		if a == "" {
			a = d.Name
			for _, x := range doc.TasksOf(a) {
				own[x.Task.ID] = true
			}
			continue
		}
		for _, x := range doc.TasksOf(d.Name) {
			if !own[x.Task.ID] {
				return a, d.Name
			}
		}
	}
	return a, ""
}

// stored is the workbook with its parts stored instead of deflated: the
// same content in other bytes, as a re-save gives.
func stored(t *testing.T, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Store})
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	return out.Bytes()
}

func TestCollectDuplicateSupersede(t *testing.T) {
	doc := seed(t)
	e := newEnv(t, doc)
	a, _ := depts(doc)
	first := workbook(t, doc, a, map[string]string{"牵头任务!G3": "已完成年度目标", "牵头任务!J3": "已完成"})
	p1 := e.write("省财政厅-3月.xlsx", first)
	res, out, err := e.collect(p1)
	if err != nil || res.Files[0].Outcome != Accepted {
		t.Fatalf("first return: %v\n%s", err, out)
	}
	sum := sha256.Sum256(first)
	if got, err := os.ReadFile(filepath.Join(ArchiveDir(e.opt.Ledger), hex.EncodeToString(sum[:])+".xlsx")); err != nil || !bytes.Equal(got, first) {
		t.Errorf("archive copy of the accepted file: %v (equal %v)", err, bytes.Equal(got, first))
	}
	// the same bytes again, renamed; then the same content re-saved
	p2 := e.write("附件2 任务分解表（财政厅）.xlsx", first)
	resaved := stored(t, first)
	if bytes.Equal(resaved, first) {
		t.Fatal("re-saving gave the same bytes")
	}
	p3 := e.write("resaved.xlsx", resaved)
	res, out, err = e.collect(p2, p3)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, fr := range res.Files {
		if fr.Outcome != Duplicate {
			t.Errorf("%s: %s, want a duplicate\n%s", fr.Name, fr.Outcome, out)
		}
	}
	// a later return of the period supersedes the first
	second := workbook(t, doc, a, map[string]string{"牵头任务!G3": "全部完成", "牵头任务!J3": "已完成"})
	res, out, err = e.collect(e.write("省财政厅-3月-补报.xlsx", second))
	if err != nil || res.Files[0].Outcome != Accepted {
		t.Fatalf("second return: %v\n%s", err, out)
	}
	c := e.counts()
	if c["returns WHERE status = 'accepted'"] != 1 || c["returns WHERE status = 'superseded'"] != 1 || c["returns WHERE status = 'duplicate'"] != 2 {
		t.Errorf("counts %v, want 1 accepted, 1 superseded, 2 duplicates", c)
	}
	if c["archive"] != 2 {
		t.Errorf("archive holds %d files, want 2", c["archive"])
	}
	l, err := Open(e.opt.Ledger)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	in, err := l.Input(doc, e.opt.Period)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Returns) != 1 || in.Returns[0].Name != "省财政厅-3月-补报.xlsx" || in.Returns[0].Dept != a {
		t.Errorf("Input returns %+v, want the second return alone", in.Returns)
	}
	found := false
	for _, r := range in.Reports {
		if r.Dept == a && r.Progress == "全部完成" {
			found = true
		}
		if r.Progress == "已完成年度目标" {
			t.Errorf("a superseded report is in the input: %+v", r)
		}
	}
	if !found {
		t.Errorf("the second return's report is not in the input: %+v", in.Reports)
	}
}

func TestCollectRefusals(t *testing.T) {
	doc := seed(t)
	a, b := depts(doc)
	other := *doc
	other.Year = 2023
	// a task of the document that is not a's: another dept's
	own := map[string]bool{}
	for _, x := range doc.TasksOf(a) {
		own[x.Task.ID] = true
	}
	otherID := ""
	for _, x := range doc.TasksOf(b) {
		if !own[x.Task.ID] && otherID == "" {
			otherID = x.Task.ID
		}
	}
	if otherID == "" {
		t.Fatalf("%s has no task that %s lacks", b, a)
	}
	tests := []struct {
		name string
		data func(t *testing.T) []byte
		want string // in the reason
	}{
		{"another year", func(t *testing.T) []byte { return workbook(t, &other, a, nil) }, "2023"},
		{"task of another dept", func(t *testing.T) []byte {
			return workbook(t, doc, a, map[string]string{"牵头任务!Q3": otherID})
		}, otherID},
		{"unknown ID", func(t *testing.T) []byte { return workbook(t, doc, a, map[string]string{"牵头任务!Q3": "99.99"}) }, "99.99"},
		{"path ID", func(t *testing.T) []byte {
			return workbook(t, doc, a, map[string]string{"牵头任务!Q3": "../../etc/passwd"})
		}, "../../etc/passwd"},
		{"script ID", func(t *testing.T) []byte {
			return workbook(t, doc, a, map[string]string{"牵头任务!Q3": "<script>alert(1)</script>"})
		}, "<script>"},
		{"duplicate ID", func(t *testing.T) []byte {
			return workbook(t, doc, a, map[string]string{"牵头任务!Q4": doc.TasksOf(a)[0].Task.ID})
		}, doc.TasksOf(a)[0].Task.ID},
		{"formula ID", func(t *testing.T) []byte {
			return workbook(t, doc, a, map[string]string{"牵头任务!Q3": `="1.1"`})
		}, "牵头任务 3"},
		{"password-protected", func(t *testing.T) []byte {
			return append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 2048)...)
		}, "密码"},
		{"corrupt", func(t *testing.T) []byte { return []byte("PK\x03\x04 not a workbook") }, "损坏"},
		{"no identity", func(t *testing.T) []byte {
			f := excelize.NewFile()
			defer f.Close()
			buf, _ := f.WriteToBuffer()
			return buf.Bytes()
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, doc)
			// a good return first, so the counts have something to keep
			if _, out, err := e.collect(e.write("good.xlsx", workbook(t, doc, a, map[string]string{"牵头任务!G3": "推进中"}))); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			before := e.counts()
			name := "省财政厅-" + tt.name + ".xlsx"
			res, out, err := e.collect(e.write(name, tt.data(t)))
			if !errors.Is(err, ErrRefused) || res.Files[0].Outcome != Refused {
				t.Fatalf("got %v, want refused\n%s", err, out)
			}
			if !strings.Contains(out, name) || !strings.Contains(res.Files[0].Reason, tt.want) {
				t.Errorf("summary %q does not name the file and %q", out, tt.want)
			}
			after := e.counts()
			before["returns"]++
			before["returns WHERE status = 'refused'"]++
			for k, v := range before {
				if after[k] != v {
					t.Errorf("%s: %d after the refusal, want %d", k, after[k], v)
				}
			}
		})
	}
}

func TestFormulaNotTaken(t *testing.T) {
	doc := seed(t)
	e := newEnv(t, doc)
	a, _ := depts(doc)
	res, out, err := e.collect(e.write("x.xlsx", workbook(t, doc, a, map[string]string{"牵头任务!G3": "=cmd|' /C calc'!A0", "牵头任务!J3": "=1+1"})))
	if err != nil || res.Files[0].Outcome != Accepted {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out, "G3") || !strings.Contains(out, "J3") {
		t.Errorf("summary does not name the formula cells:\n%s", out)
	}
	l, _ := Open(e.opt.Ledger)
	defer l.Close()
	var n int
	l.db.QueryRow("SELECT count(*) FROM reports WHERE progress LIKE '=%' OR state LIKE '=%' OR progress LIKE '%calc%'").Scan(&n)
	if n != 0 {
		t.Errorf("%d reports hold a formula's text", n)
	}
}

func TestMigrateFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	l, err := open(context.Background(), path, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.db.Exec(`INSERT INTO documents (fingerprint, title, year) VALUES ('fp', '旧文件', 2022);
		INSERT INTO periods (document, key, start, end, due) VALUES (1, '2022-03', '2022-03-01', '2022-03-31', '2022-04-05')`); err != nil {
		t.Fatal(err)
	}
	l.Close()
	l, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var v, rep int
	var title string
	l.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != Version {
		t.Errorf("user_version %d after Open, want %d", v, Version)
	}
	if err := l.db.QueryRow("SELECT d.title, p.reported FROM documents d JOIN periods p ON p.document = d.id").Scan(&title, &rep); err != nil || title != "旧文件" {
		t.Errorf("old rows after migrating: %q %d %v", title, rep, err)
	}
	if _, err := l.db.Exec("INSERT INTO status_history (document, period, task, status, reason) VALUES (1, '2022-03', '1.1', 'green', '')"); err != nil {
		t.Errorf("status_history after migrating: %v", err)
	}
	// a ledger newer than the build is refused
	l.db.Exec("PRAGMA user_version = 99")
	l.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("opening a newer ledger: %v, want refused", err)
	}
}

func TestCollectSummaryLines(t *testing.T) {
	doc := seed(t)
	e := newEnv(t, doc)
	a, _ := depts(doc)
	good := workbook(t, doc, a, map[string]string{"牵头任务!G3": "推进中", "牵头任务!H3": "=1+1"})
	_, out, err := e.collect(e.write("省财政厅-3月.xlsx", good), e.write("再报.xlsx", good),
		e.write("路径.xlsx", workbook(t, doc, a, map[string]string{"牵头任务!Q3": "../../etc/passwd"})))
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("got %v, want ErrRefused", err)
	}
	t.Logf("\n%s", out)
	for _, want := range []string{"接收　省财政厅-3月.xlsx：" + a, "H3 存在问题", "重复　再报.xlsx", "拒收　路径.xlsx", "“../../etc/passwd”", "接收1份，重复1份，拒收1份"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

// TestOpenAwkwardPaths: a ledger in a folder whose name holds a space,
// Chinese, "%", "#", "?", "&" or "=" is made where it was asked for, and
// nowhere else (an unescaped "#" or "?" ended the file name: the ledger
// was made in the folder above, under a cut name).
func TestOpenAwkwardPaths(t *testing.T) {
	for _, name := range []string{"a b", "督办 台账", "x%20y", "p#q", "r?s", "t&u=v", "50%"} {
		root := t.TempDir()
		dir := filepath.Join(root, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "台账 "+name+".db")
		l, err := Open(p)
		if err != nil {
			t.Errorf("%q: %v", name, err)
			continue
		}
		l.Close()
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%q: no ledger where asked: %v", name, err)
		}
		if ents, _ := os.ReadDir(root); len(ents) != 1 {
			t.Errorf("%q: %d entries beside the ledger's folder, want none", name, len(ents)-1)
		}
	}
}
