package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
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
	if code != exitOK || !strings.Contains(out, "items 82") || !strings.Contains(out, "地区生产总值增长6.5%以上") || !strings.Contains(out, "hunan-2022.txt:39:") {
		t.Errorf("exit %d, got:\n%s", code, out)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	notzip := filepath.Join(dir, "report.docx")
	os.WriteFile(notzip, []byte("plain text, not a zip"), 0o644)
	binary := filepath.Join(dir, "scan.txt")
	os.WriteFile(binary, append([]byte("1.推进工作。\n"), 0, 1, 2, 3, 0, 0), 0o644)
	utf16 := filepath.Join(dir, "utf16.txt") // UTF-16LE saved without a byte order mark
	var u16 []byte
	for _, r := range "1.推进工作。（省财政厅牵头）\n2.加强建设。（省商务厅牵头）\n" {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	os.WriteFile(utf16, u16, 0o644)
	noItems := filepath.Join(dir, "notice.txt")
	os.WriteFile(noItems, []byte("这是一份通知，没有编号的任务。\n请各单位认真落实。\n"), 0o644)
	tests := []struct {
		args    []string
		code    int
		message string
	}{
		{nil, exitUsage, "usage"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"extract"}, exitUsage, "exactly one FILE"},
		{[]string{"extract", "--format", "xml", "x.txt"}, exitUsage, "--format"},
		{[]string{"extract", filepath.Join(dir, "missing.txt")}, exitFailed, "missing.txt"},
		{[]string{"extract", empty}, exitFailed, "empty.txt: empty input"},
		{[]string{"extract", notzip}, exitFailed, "report.docx"},
		{[]string{"extract", binary}, exitFailed, "scan.txt:2"},
		{[]string{"extract", utf16}, exitFailed, "utf16.txt:1: binary input, not text: NUL byte; looks like UTF-16 (little-endian) without a byte order mark; save it as UTF-8"},
		{[]string{"extract", noItems}, exitFailed, "notice.txt: no numbered items found"},
		{[]string{"run", "-o", filepath.Join(dir, "pack"), noItems}, exitFailed, "notice.txt"},
		{[]string{"run", "a.txt", "b.txt"}, exitUsage, "at most one FILE"},
		{[]string{"run", "--log-format", "xml"}, exitUsage, "--log-format"},
		{[]string{"version"}, exitOK, ""},
	}
	for _, tc := range tests {
		code, _, errs := run(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.message) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d with %q", tc.args, code, errs, tc.code, tc.message)
		}
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
		{&batch.PartialError{Failed: 2, Dir: "/srv/out"}, exitPartial, "partial: 2 file(s) failed, the rest are in /srv/out"},
		{fmt.Errorf("run: %w", batch.ErrPartial), exitPartial, "partial"},
		{&batch.InterruptedError{Stage: "export", Dir: "/srv/out", Cause: errors.New("terminated signal received")}, exitFailed,
			"interrupted (terminated signal received) during export; nothing was published, /srv/out keeps the previous pack"},
		{errors.New("input: no such file"), exitFailed, "fengong: input: no such file"},
	}
	for _, tc := range tests {
		var stderr bytes.Buffer
		if code := exitCode(tc.err, &stderr); code != tc.code || !strings.Contains(stderr.String(), tc.message) {
			t.Errorf("exitCode(%v): %d %q, want %d with %q", tc.err, code, stderr.String(), tc.code, tc.message)
		}
	}
}
