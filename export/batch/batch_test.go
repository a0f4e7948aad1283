package batch

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fengong/extract"
	"fengong/seeds"
)

func testOptions(out string) Options {
	return Options{
		Flags:    Config{Output: out, Date: "2022-03-01"},
		Seed:     seeds.Hunan2022,
		SeedName: seeds.Hunan2022Name,
		Now:      func() time.Time { panic("the clock must not be read when a date is given") },
		Version:  "test",
	}
}

func mustRun(t *testing.T, opt Options) Result {
	t.Helper()
	res, err := Execute(context.Background(), opt)
	if err != nil {
		t.Fatalf("Execute: %v", err)
	}
	return res
}

// tree reads every file below dir: relative slash path -> content.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	for p, x := range a {
		y, ok := b[p]
		if !ok {
			t.Errorf("%s: missing from the second tree", p)
		} else if !bytes.Equal(x, y) {
			t.Errorf("%s: bytes differ", p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			t.Errorf("%s: missing from the first tree", p)
		}
	}
}

// checkPack verifies a pack against its manifest: every file listed,
// every hash right, nothing unlisted.
func checkPack(t *testing.T, dir string) *Manifest {
	t.Helper()
	files := tree(t, dir)
	var m Manifest
	if err := json.Unmarshal(files[manifestName], &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	listed := map[string]bool{manifestName: true}
	for _, f := range m.Files {
		listed[f.Path] = true
		b, ok := files[f.Path]
		if !ok {
			t.Errorf("%s: listed in the manifest, not on disk", f.Path)
			continue
		}
		if sha(b) != f.SHA256 || int64(len(b)) != f.Bytes {
			t.Errorf("%s: hash or size differs from the manifest", f.Path)
		}
	}
	for p := range files {
		if !listed[p] {
			t.Errorf("%s: on disk, not in the manifest", p)
		}
	}
	return &m
}

func TestEndToEndSeed(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	m := checkPack(t, out)
	doc := loadModel(t, out)
	if len(doc.Items) != 82 || m.Counts.Items != 82 {
		t.Errorf("items: got %d (manifest %d), want 82", len(doc.Items), m.Counts.Items)
	}
	perDept := map[string]map[string]int{}
	for _, f := range m.Files {
		if f.Dept != "" {
			if perDept[f.Dept] == nil {
				perDept[f.Dept] = map[string]int{}
			}
			perDept[f.Dept][f.Kind]++
			if f.Tasks == nil {
				t.Errorf("%s: no task counts", f.Path)
			}
		}
	}
	for _, d := range doc.Depts {
		if perDept[d.Name][KindDeptWorkbook] != 1 || perDept[d.Name][KindDeptBrief] != 1 {
			t.Errorf("%s: got %v, want one workbook and one brief", d.Name, perDept[d.Name])
		}
	}
	if len(perDept) != len(doc.Depts) {
		t.Errorf("files for %d depts, the model has %d", len(perDept), len(doc.Depts))
	}
	for _, want := range []string{"汇总/汇总表.xlsx", "汇总/总体简报.pdf", "charts/index.html", "model.json", "变更.md", "单位/省发展改革委/省发展改革委.xlsx", "单位/省发展改革委/省发展改革委.pdf"} {
		found := false
		for _, f := range m.Files {
			found = found || f.Path == want
		}
		if !found {
			t.Errorf("%s: not in the pack", want)
		}
	}
	if m.Status != "ok" || len(m.Failures) != 0 {
		t.Errorf("status %q failures %v", m.Status, m.Failures)
	}
	if _, err := os.Stat(siblingName(out, tempMark)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("temporary directory left behind: %v", err)
	}
}

func loadModel(t *testing.T, dir string) *extract.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, modelName))
	if err != nil {
		t.Fatal(err)
	}
	var d extract.Document
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return &d
}

func TestRerunIsByteIdentical(t *testing.T) {
	base := t.TempDir()
	a, b := filepath.Join(base, "a"), filepath.Join(base, "b")
	mustRun(t, testOptions(a))
	first := tree(t, a)
	opt := testOptions(b)
	opt.Flags.Jobs = 1
	mustRun(t, opt) // elsewhere, one worker
	sameTree(t, first, tree(t, b))
	// over its own previous pack, the change report says 无变化 instead
	// of 首次生成; from then on every rerun is the same
	mustRun(t, testOptions(a))
	second := tree(t, a)
	mustRun(t, testOptions(a))
	sameTree(t, second, tree(t, a))
	for _, p := range []string{"变更.md", "变更.html", manifestName} {
		delete(first, p)
		delete(second, p)
	}
	sameTree(t, first, second)
}

// editedSeed changes one task's text and moves one task to another lead.
func editedSeed(t *testing.T) []byte {
	t.Helper()
	s := string(seeds.Hunan2022)
	for _, r := range [][2]string{
		{"加强县域商业体系建设。(省商务厅牵头)", "加强县域商业体系和物流配送建设。(省商务厅牵头)"},
		{"加大消费者权益保护力度。(省市场监督管理局牵头)", "加大消费者权益保护力度。(省商务厅牵头)"},
		{"新建5G基站2.5万个", "新建5G基站3万个"},
	} {
		if !strings.Contains(s, r[0]) {
			t.Fatalf("seed no longer holds %q", r[0])
		}
		s = strings.Replace(s, r[0], r[1], 1)
	}
	return []byte(s)
}

func writeInput(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	for p, b := range tree(t, src) {
		d := filepath.Join(dst, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(d), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(d, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestIncrementalEqualsFullRun(t *testing.T) {
	base := t.TempDir()
	full, inc := filepath.Join(base, "full"), filepath.Join(base, "inc")
	mustRun(t, testOptions(full))
	copyTree(t, full, inc)
	edited := writeInput(t, "hunan-2022-修订.txt", editedSeed(t))

	opt := testOptions(full)
	opt.Flags.Input = edited
	mustRun(t, opt)
	opt = testOptions(inc)
	opt.Flags.Input = edited
	opt.Incremental = true
	res := mustRun(t, opt)
	// the same pack, but for the manifest marking the reused files
	incTree := tree(t, inc)
	marked := bytes.Count(incTree[manifestName], []byte(`"origin": "reused"`))
	incTree[manifestName] = bytes.ReplaceAll(incTree[manifestName], []byte(`"origin": "reused"`), []byte(`"origin": "rendered"`))
	sameTree(t, tree(t, full), incTree)
	if res.Reused == 0 {
		t.Errorf("incremental run reused nothing")
	}
	if marked != res.Reused {
		t.Errorf("manifest marks %d files reused, the run reused %d", marked, res.Reused)
	}
	m := checkPack(t, inc)
	// the depts whose tasks changed were rendered again, not reused
	for _, f := range m.Files {
		if f.Dept == "省商务厅" || f.Dept == "省市场监督管理局" {
			if f.Key == "" {
				t.Errorf("%s: no key", f.Path)
			}
		}
	}
	if res.Reused >= res.Files-2 {
		t.Errorf("reused %d of %d files: the changed depts must be rendered again", res.Reused, res.Files)
	}
	// every workbook of a dept the edit does not touch is reused
	wb := 0
	for _, f := range m.Files {
		if f.Kind == KindDeptWorkbook {
			wb++
		}
	}
	if res.Reused < wb-3 {
		t.Errorf("reused %d files, want at least the %d untouched depts' workbooks", res.Reused, wb-3)
	}
}

func TestChangeReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	first, _ := os.ReadFile(filepath.Join(out, "变更.md"))
	if !strings.Contains(string(first), "首次生成") {
		t.Errorf("first report: got %s", first)
	}
	opt := testOptions(out)
	opt.Flags.Input = writeInput(t, "hunan-2022.txt", editedSeed(t))
	mustRun(t, opt)
	got, _ := os.ReadFile(filepath.Join(out, "变更.md"))
	for _, want := range []string{
		"修改 7.2：加强县域商业体系**和物流配送**建设。（省商务厅牵头）",
		"## 需重新下发",
		"责任调整 9.2：加大消费者权益保护力度。",
		"原：省市场监督管理局牵头",
		"现：省商务厅牵头",
		"调整 5G基站：新建5G基站2.5万个 → 新建5G基站3万个",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("变更.md lacks %q:\n%s", want, got)
		}
	}
	// a rerun on the same input finds nothing changed, and says so the
	// same way every time
	mustRun(t, opt)
	again, _ := os.ReadFile(filepath.Join(out, "变更.md"))
	if !strings.Contains(string(again), "无变化") {
		t.Errorf("rerun: got\n%s", again)
	}
	mustRun(t, opt)
	third, _ := os.ReadFile(filepath.Join(out, "变更.md"))
	if !bytes.Equal(third, again) {
		t.Errorf("a second rerun changed 变更.md")
	}
}

func TestPartialFailure(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	opt := testOptions(out)
	opt.failDept = "省财政厅"
	res, err := Execute(context.Background(), opt)
	if !errors.Is(err, ErrPartial) {
		t.Fatalf("got %v, want ErrPartial", err)
	}
	if len(res.Failures) != 2 {
		t.Errorf("failures: got %v, want the dept's workbook and brief", res.Failures)
	}
	m := checkPack(t, out)
	if m.Status != "partial" || len(m.Failures) != 2 || m.Failures[0].Dept != "省财政厅" {
		t.Errorf("manifest: status %q failures %+v", m.Status, m.Failures)
	}
	if _, err := os.Stat(filepath.Join(out, "单位", "省发展改革委", "省发展改革委.xlsx")); err != nil {
		t.Errorf("other depts' files missing: %v", err)
	}
}

func TestLock(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	l, err := acquireLock(out, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Execute(context.Background(), testOptions(out))
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "pid") {
		t.Errorf("second run: got %v, want ErrLocked naming the holder", err)
	}
	if _, serr := os.Stat(out); !errors.Is(serr, fs.ErrNotExist) {
		t.Errorf("a locked-out run wrote %s", out)
	}
	l.release()

	// a lock file left by a dead process is taken over, and said so
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	os.WriteFile(lockPath(out), []byte(itoaPid(dead.Process.Pid)), 0o644)
	var logs bytes.Buffer
	opt := testOptions(out)
	opt.Log = slog.New(slog.NewTextHandler(&logs, nil))
	mustRun(t, opt)
	if !strings.Contains(logs.String(), "stale lock") {
		t.Errorf("stale lock not reported: %s", logs.String())
	}
}

func itoaPid(p int) string { b, _ := json.Marshal(p); return string(b) }

func zipBomb(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for i := 0; i < 100; i++ {
		w.Write(zeros)
	}
	zw.Close()
	return buf.Bytes()
}

func TestHostileInputLeavesPackUntouched(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "pack")
	mustRun(t, testOptions(out))
	before := tree(t, out)
	gbBad := []byte("1.推进工作。（省财政厅牵头）\n\x81\x30\xff\xfe坏字节\n")
	cases := []struct {
		name, file string
		data       []byte
		want       error
	}{
		{"empty", "empty.txt", nil, extract.ErrEmpty},
		{"binary", "logo.txt", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...), extract.ErrBinary},
		{"invalid GB18030", "gb.txt", gbBad, extract.ErrEncoding},
		{"docx zip bomb", "bomb.docx", zipBomb(t), extract.ErrTooLarge},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opt := testOptions(out)
			opt.Flags.Input = writeInput(t, tc.file, tc.data)
			_, err := Execute(context.Background(), opt)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.file) {
				t.Errorf("error %q does not name the file", err)
			}
			sameTree(t, before, tree(t, out))
			entries, _ := os.ReadDir(base)
			if len(entries) != 1 { // the pack; a run removes its lock file
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("beside the pack: %q", names)
			}
		})
	}
}

func TestRefusesForeignDirectory(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "notes.docx"), []byte("mine"), 0o644)
	_, err := Execute(context.Background(), testOptions(out))
	if err == nil || !strings.Contains(err.Error(), "not a fengong pack") {
		t.Errorf("got %v, want a refusal", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "notes.docx")); string(b) != "mine" {
		t.Errorf("user's file touched")
	}
}

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "fengong.yaml")
	os.WriteFile(cfg, []byte("title: 测试标题\nformats: [xlsx]\noutput: packs/out\ncolour: red\n"), 0o644)
	_, err := LoadConfig(cfg)
	if err == nil || !strings.Contains(err.Error(), "colour") {
		t.Errorf("unknown key: got %v, want an error naming it", err)
	}
	os.WriteFile(cfg, []byte("title: 测试标题\nformats: [xlsx]\noutput: packs/out\ndate: 2021-01-01\n"), 0o644)
	c, err := LoadConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if c.Output != filepath.Join(dir, "packs/out") {
		t.Errorf("output: got %q, want it relative to the config file", c.Output)
	}
	c = c.Override(Config{Date: "2022-03-01", Formats: []string{"pdf"}})
	if c.Date != "2022-03-01" || c.Formats[0] != "pdf" || c.Title != "测试标题" {
		t.Errorf("override: got %+v", c)
	}
	bad := Config{Names: Names{DeptsDir: "../x"}}
	if err := bad.normalise(); err == nil {
		t.Errorf("names.depts_dir ../x accepted")
	}
}

func TestResolveDate(t *testing.T) {
	clock := func() time.Time { return time.Date(2026, 11, 26, 23, 30, 0, 0, time.UTC) }
	tests := []struct {
		cfg      string
		flag     bool
		epoch    string
		want, by string
	}{
		{"2022-03-01", true, "0", "2022-03-01", "--date"},
		{"2021-01-01", false, "1646092800", "2022-03-01", "SOURCE_DATE_EPOCH"},
		{"2021-01-01", false, "", "2021-01-01", "config"},
		{"", false, "", "2026-11-26", "clock"},
	}
	for _, tc := range tests {
		d, by, err := resolveDate(tc.cfg, tc.flag, tc.epoch, clock)
		if err != nil || d.Format("2006-01-02") != tc.want || by != tc.by {
			t.Errorf("resolveDate(%q, %v, %q): got %s %s %v, want %s %s", tc.cfg, tc.flag, tc.epoch, d.Format("2006-01-02"), by, err, tc.want, tc.by)
		}
	}
}

// TestKilledRunLeavesCompletePack kills real runs with SIGKILL at many
// moments; the pack in DIR must always be complete and consistent.
func TestKilledRunLeavesCompletePack(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "fengong")
	build := exec.Command("go", "build", "-buildvcs=false", "-o", bin, "fengong/cmd/fengong")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	base := t.TempDir()
	out := filepath.Join(base, "pack")
	run := func(date string) *exec.Cmd {
		return exec.Command(bin, "run", "-q", "-o", out, "--date", date)
	}
	if b, err := run("2022-03-01").CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	checkPack(t, out)
	for i, delay := range []time.Duration{5, 20, 50, 100, 150, 200, 300, 400, 500, 700, 900} {
		cmd := run("2022-03-0" + string(rune('2'+i%7)))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		m := checkPack(t, out)
		if m.Status != "ok" {
			t.Errorf("after a kill at %v: status %q", delay*time.Millisecond, m.Status)
		}
	}
	// the next run cleans up what the killed ones left and succeeds
	if b, err := run("2022-03-01").CombinedOutput(); err != nil {
		t.Fatalf("run after kills: %v\n%s", err, b)
	}
	checkPack(t, out)
	entries, _ := os.ReadDir(base)
	for _, e := range entries {
		if strings.Contains(e.Name(), tempMark) || strings.Contains(e.Name(), oldMark) {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// A user's TrueType font from the config is used and fingerprinted; a
// font file that is not one TrueType face is refused before anything is
// written.
func TestConfigFonts(t *testing.T) {
	base := t.TempDir()
	font, err := filepath.Abs(filepath.Join("..", "pdf", "font", "wqy-microhei.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	opt := testOptions(filepath.Join(base, "pack"))
	opt.Flags.Formats = []string{FormatPDF}
	opt.Flags.Fonts = Fonts{Heading: font}
	mustRun(t, opt)
	m := checkPack(t, filepath.Join(base, "pack"))
	if m.Inputs.Hashes["fonts.heading"] == "" {
		t.Errorf("the heading font is not in the manifest's input hashes: %v", m.Inputs.Hashes)
	}

	bad := writeInput(t, "simsun.ttc", []byte("ttcf\x00\x01\x00\x00 not really a collection"))
	opt = testOptions(filepath.Join(base, "other"))
	opt.Flags.Fonts = Fonts{Body: bad}
	if _, err := Execute(context.Background(), opt); err == nil || !strings.Contains(err.Error(), "pdf") {
		t.Errorf("a .ttc font: got %v, want a clear error", err)
	}
	if _, err := os.Stat(filepath.Join(base, "other")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused run wrote its output directory")
	}
}
