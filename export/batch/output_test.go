package batch

import (
	"bytes"
	"context"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshot lists everything below dir, hidden files, links and folders
// included: path -> mode and content (a link's target).
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			to, _ := os.Readlink(p)
			out[rel] = "link " + to
		case d.IsDir():
			out[rel] = "dir"
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = "file " + string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameSnapshot(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, v := range after {
		if w, ok := before[p]; !ok {
			t.Errorf("%s: made by a refused run", p)
		} else if v != w {
			t.Errorf("%s: changed by a refused run", p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("%s: removed by a refused run", p)
		}
	}
}

// Regression: the lock file was made before DIR was checked, so refused
// runs left locks in /, in /dev and inside other packs.
func TestRefusedOutputWritesNothing(t *testing.T) {
	base := t.TempDir()
	pack := filepath.Join(base, "pack")
	mustRun(t, testOptions(pack))
	file := filepath.Join(base, "notes.txt")
	os.WriteFile(file, []byte("mine"), 0o644)
	foreign := filepath.Join(base, "foreign")
	os.Mkdir(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "a.docx"), []byte("mine"), 0o644)
	cases := []struct{ name, out, want string }{
		{"a file", file, "not a folder"},
		{"a folder inside a pack", filepath.Join(pack, "单位"), "inside the fengong pack"},
		{"a dept folder inside a pack", filepath.Join(pack, "单位", "省财政厅"), "inside the fengong pack"},
		{"a new folder inside a pack", filepath.Join(pack, "单位", "新", "x"), "inside the fengong pack"},
		{"a folder of other files", foreign, "not a fengong pack"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, base)
			_, err := Execute(context.Background(), testOptions(tc.out))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
			sameSnapshot(t, before, snapshot(t, base))
		})
	}
}

func TestRefusesDevNull(t *testing.T) {
	fi, err := os.Stat("/dev/null")
	if err != nil || fi.Mode()&fs.ModeDevice == 0 {
		t.Fatalf("/dev/null: %v %v", fi, err)
	}
	before, _ := os.ReadDir("/dev")
	_, err = Execute(context.Background(), testOptions("/dev/null"))
	if err == nil || !strings.Contains(err.Error(), "device") {
		t.Errorf("got %v, want a refusal naming a device", err)
	}
	after, _ := os.ReadDir("/dev")
	if len(after) != len(before) {
		t.Errorf("/dev: %d entries before, %d after", len(before), len(after))
	}
	if _, err := os.Lstat("/dev/.null.fengong.lock"); err == nil {
		t.Errorf("a lock file was left in /dev")
	}
}

// The root of the file system is refused by the check itself, so no test
// has to try a run there.
func TestCheckOutputRefusesRoot(t *testing.T) {
	for _, root := range []string{"/", filepath.VolumeName(os.TempDir()) + string(filepath.Separator)} {
		if _, err := checkOutput(root); err == nil || !strings.Contains(err.Error(), "root") {
			t.Errorf("checkOutput(%q): got %v, want a refusal", root, err)
		}
	}
}

// A refused run (bad input) removes its lock and the folders it made
// above DIR.
func TestRefusedRunRemovesItsLockAndFolders(t *testing.T) {
	base := t.TempDir()
	opt := testOptions(filepath.Join(base, "a", "b", "pack"))
	opt.Flags.Input = writeInput(t, "empty.txt", nil)
	if _, err := Execute(context.Background(), opt); err == nil {
		t.Fatal("no error")
	}
	sameSnapshot(t, map[string]string{".": "dir"}, snapshot(t, base))
}

// -o link: a link to a pack is followed, and the run locks and publishes
// at its target; the link is left as it was and sees the new pack. A link
// that dangles is refused before anything is written.
func TestOutputSymlink(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	mustRun(t, testOptions(real))
	link := filepath.Join(base, "link")
	os.Symlink("real", link)

	opt := testOptions(link)
	opt.Flags.Date = "2022-04-02"
	res := mustRun(t, opt)
	if res.Dir != real {
		t.Errorf("published at %s, want the link's target %s", res.Dir, real)
	}
	if to, err := os.Readlink(link); err != nil || to != "real" {
		t.Errorf("the link was replaced: %q %v", to, err)
	}
	m := checkPack(t, real)
	if m.Inputs.Date != "2022-04-02" {
		t.Errorf("the link's target is stale: date %s", m.Inputs.Date)
	}
	// both names take the same lock
	l, err := acquireLock(real, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Execute(context.Background(), testOptions(link)); err == nil || !strings.Contains(err.Error(), "another fengong run") {
		t.Errorf("a run through the link while the target is locked: got %v", err)
	}
	l.release()

	dangling := filepath.Join(base, "dangling")
	os.Symlink(filepath.Join(base, "nowhere"), dangling)
	before := snapshot(t, base)
	_, err = Execute(context.Background(), testOptions(dangling))
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("dangling link: got %v, want a refusal", err)
	}
	sameSnapshot(t, before, snapshot(t, base))
}

// Regression: the lock file was opened through a link planted at its
// name, and truncated.
func TestLockIgnoresPlantedLink(t *testing.T) {
	base := t.TempDir()
	victim := filepath.Join(base, "victim")
	os.WriteFile(victim, []byte("keep me"), 0o644)
	out := filepath.Join(base, "pack")
	os.Symlink(victim, lockPath(out))
	if _, err := Execute(context.Background(), testOptions(out)); err == nil {
		t.Errorf("a run through a planted lock link succeeded")
	}
	if b, _ := os.ReadFile(victim); !bytes.Equal(b, []byte("keep me")) {
		t.Errorf("the link's target was written: %q", b)
	}
}
