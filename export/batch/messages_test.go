package batch

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fengong/export/pdf/font"
)

// Regression: --incremental over a DIR with no previous pack skipped the
// reuse silently. A skip is logged as a warning with its reason.
func TestSkipIsLogged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	var logs bytes.Buffer
	opt := testOptions(out)
	opt.Incremental = true
	opt.Flags.Formats = []string{FormatXLSX}
	opt.Log = slog.New(slog.NewTextHandler(&logs, nil))
	mustRun(t, opt)
	if !strings.Contains(logs.String(), "level=WARN msg=skipped stage=export") || !strings.Contains(logs.String(), "no previous pack to reuse") {
		t.Errorf("the skip was not logged as a warning:\n%s", logs.String())
	}
	// a previous pack whose model.json is a link: the report compares
	// with nothing, and says why in the log
	os.Remove(filepath.Join(out, modelName))
	os.Symlink("manifest.json", filepath.Join(out, modelName))
	logs.Reset()
	mustRun(t, opt)
	if !strings.Contains(logs.String(), "msg=skipped stage=manifest") || !strings.Contains(logs.String(), "symbolic link") {
		t.Errorf("the skipped comparison was not logged:\n%s", logs.String())
	}
}

func TestSkipped(t *testing.T) {
	a, b := &SkipError{Reason: "a"}, &SkipError{Reason: "b"}
	if r, ok := skipped(errors.Join(a, b)); !ok || len(r) != 2 {
		t.Errorf("two joined skips: %v %v", r, ok)
	}
	if _, ok := skipped(errors.Join(a, errors.New("disk full"))); ok {
		t.Errorf("a skip joined with an error is a skip")
	}
	if _, ok := skipped(nil); ok {
		t.Errorf("nil is a skip")
	}
}

// Regression: a run stopped by SIGTERM said only "context canceled".
func TestInterruptedSaysWhy(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "pack")
	mustRun(t, testOptions(out))
	before := tree(t, out)
	ctx, cancel := context.WithCancelCause(context.Background())
	opt := testOptions(out)
	opt.afterRun = func(stage string) {
		if stage == "extract" {
			cancel(errors.New("terminated signal received"))
		}
	}
	_, err := Execute(ctx, opt)
	var ie *InterruptedError
	if !errors.As(err, &ie) || !errors.Is(err, context.Canceled) && !strings.Contains(err.Error(), "terminated") {
		t.Fatalf("got %v, want an InterruptedError", err)
	}
	for _, want := range []string{"interrupted (terminated signal received)", "nothing was published", out + " keeps the previous pack"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	sameTree(t, before, tree(t, out))
	entries, _ := os.ReadDir(base)
	if len(entries) != 1 {
		t.Errorf("beside the pack: %v", entries)
	}
}

// Regression: a killed run left excelize's temporary files in $TMPDIR.
// The exporters get a scratch folder beside DIR, with the temporary mark,
// removed at the end of a run and by the run after a killed one.
func TestScratchFolderBesideDIR(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "pack")
	left := filepath.Join(base, ".pack"+tempMark+"999999.scratch")
	os.MkdirAll(left, 0o700)
	os.WriteFile(filepath.Join(left, "excelize-123"), make([]byte, 1024), 0o600)
	opt := testOptions(out)
	var during []string
	opt.afterRun = func(stage string) {
		if stage == "validate" {
			entries, _ := os.ReadDir(base)
			for _, e := range entries {
				during = append(during, e.Name())
			}
		}
	}
	mustRun(t, opt)
	want := siblingName(out, tempMark) + ".scratch"
	found := false
	for _, n := range during {
		found = found || filepath.Join(base, n) == want
	}
	if !found {
		t.Errorf("no scratch folder %s during the run: %q", filepath.Base(want), during)
	}
	entries, _ := os.ReadDir(base)
	if len(entries) != 1 {
		t.Errorf("beside the pack after the run: %v", entries)
	}
}

// A previous manifest that cannot be read is told as a skip of the stage
// that first reads it (the pack is opened in the background from
// preflight on), and the run renders everything.
func TestUnreadableManifestIsLogged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	opt := testOptions(out)
	opt.Flags.Formats = []string{FormatXLSX}
	mustRun(t, opt)
	if err := os.WriteFile(filepath.Join(out, manifestName), []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	opt.Incremental = true
	opt.Log = slog.New(slog.NewTextHandler(&logs, nil))
	res := mustRun(t, opt)
	if !strings.Contains(logs.String(), "msg=skipped stage=unchanged") || !strings.Contains(logs.String(), "unreadable") {
		t.Errorf("the unreadable manifest was not logged as a skip:\n%s", logs.String())
	}
	if res.Reused != 0 || res.Files == 0 {
		t.Errorf("over an unreadable manifest: %d files, %d reused; want every file rendered", res.Files, res.Reused)
	}
}

// The machine's standard faces, looked for while preflight goes on, are
// the run's: the heading face found in a font folder draws the headings
// (the log says where from) and its hash is one of the inputs; a face
// that is no single TrueType font is passed over, with a warning.
func TestFoundFontsUsed(t *testing.T) {
	dir := t.TempDir()
	face := font.Hei()
	if err := os.WriteFile(filepath.Join(dir, "simhei.ttf"), face, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "simkai.ttf"), []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "pack")
	opt := testOptions(out)
	opt.Flags.Formats = []string{FormatPDF}
	opt.Flags.Depts = []string{"省财政厅"}
	opt.FontDirs = []string{dir}
	var logs bytes.Buffer
	opt.Log = slog.New(slog.NewTextHandler(&logs, nil))
	mustRun(t, opt)
	h := readManifest(t, out).Inputs.Hashes
	if h["fonts.heading"] != sha(face) {
		t.Errorf("fonts.heading = %q, want the found face's sha256", h["fonts.heading"])
	}
	if _, ok := h["fonts.subheading"]; ok {
		t.Errorf("the face passed over has a hash: %q", h["fonts.subheading"])
	}
	if !strings.Contains(logs.String(), filepath.Join(dir, "simhei.ttf")) || !strings.Contains(logs.String(), "pdf font passed over") {
		t.Errorf("the found and the passed-over faces are not logged:\n%s", logs.String())
	}
}
