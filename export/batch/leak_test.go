package batch

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// secretFile writes a file outside every pack that a hostile writer of
// DIR would like the next run to copy into the pack.
func secretFile(t *testing.T) (string, []byte) {
	t.Helper()
	secret := []byte("SECRET-7f3a9c1e-do-not-publish\n")
	p := filepath.Join(t.TempDir(), "shadow")
	if err := os.WriteFile(p, secret, 0o600); err != nil {
		t.Fatal(err)
	}
	return p, secret
}

// noLeak checks that no file of the pack holds the secret and that the
// pack holds no symbolic link.
func noLeak(t *testing.T, dir string, secret []byte) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			t.Errorf("%s: a symbolic link in the pack", p)
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(b, bytes.TrimSpace(secret)) {
			t.Errorf("%s: holds the secret file's bytes", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func readManifest(t *testing.T, dir string) *Manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return &m
}

func writeManifest(t *testing.T, dir string, m *Manifest) {
	t.Helper()
	b, err := marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, manifestName), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.RemoveAll(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// Regression: an unchanged model made the run copy the previous 变更.md,
// through whatever 变更.md was, into the new pack.
func TestNoLeakThroughSymlinkedChangeReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	secretPath, secret := secretFile(t)
	symlink(t, secretPath, filepath.Join(out, "变更.md"))
	mustRun(t, testOptions(out))
	noLeak(t, out, secret)
	checkPack(t, out)
	report, _ := os.ReadFile(filepath.Join(out, "变更.md"))
	if !strings.Contains(string(report), "无变化") {
		t.Errorf("the report was not regenerated:\n%s", report)
	}
}

// Regression: the previous manifest's path of the change report was read
// as given, so ../../../../etc/passwd came into the pack.
func TestNoLeakThroughManifestPath(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	secretPath, secret := secretFile(t)
	rel, err := filepath.Rel(out, secretPath)
	if err != nil || !strings.HasPrefix(rel, "..") {
		t.Fatalf("rel %q %v", rel, err)
	}
	m := readManifest(t, out)
	for i := range m.Files {
		if m.Files[i].Kind == KindChanges {
			m.Files[i].Path = filepath.ToSlash(rel)
		}
	}
	m.Files = append(m.Files, FileEntry{Path: "/" + strings.TrimLeft(filepath.ToSlash(secretPath), "/"), Kind: KindChanges, SHA256: sha(secret)})
	writeManifest(t, out, m)
	mustRun(t, testOptions(out))
	noLeak(t, out, secret)
	checkPack(t, out)
}

// The report is made again on every run: a new date shows, and two runs
// over the same previous pack write the same bytes.
func TestChangeReportRegenerated(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	opt := testOptions(out)
	opt.Flags.Date = "2022-04-02"
	mustRun(t, opt)
	first, _ := os.ReadFile(filepath.Join(out, "变更.md"))
	if !strings.Contains(string(first), "2022年4月2日") || strings.Contains(string(first), "2022年3月1日") {
		t.Errorf("the report keeps a stale date:\n%s", first)
	}
	mustRun(t, opt)
	again, _ := os.ReadFile(filepath.Join(out, "变更.md"))
	if !bytes.Equal(first, again) {
		t.Errorf("a rerun changed 变更.md:\n%s\n---\n%s", first, again)
	}
}

// Regression: --incremental hard-linked whatever stood at a dept file's
// path, a symbolic link included, into the new pack.
func TestIncrementalNoLeakThroughSymlinks(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	secretPath, secret := secretFile(t)
	m := readManifest(t, out)
	// a dept file replaced by a link to the secret, its manifest hash
	// set to match
	target := "单位/省发展改革委/省发展改革委.xlsx"
	symlink(t, secretPath, filepath.Join(out, filepath.FromSlash(target)))
	// a dept folder replaced by a link to a folder holding the secret
	// under the dept's file name
	evil := t.TempDir()
	os.WriteFile(filepath.Join(evil, "省财政厅.xlsx"), secret, 0o644)
	symlink(t, evil, filepath.Join(out, "单位", "省财政厅"))
	for i := range m.Files {
		switch m.Files[i].Path {
		case target, "单位/省财政厅/省财政厅.xlsx":
			m.Files[i].SHA256, m.Files[i].Bytes = sha(secret), int64(len(secret))
		}
	}
	writeManifest(t, out, m)

	opt := testOptions(out)
	opt.Incremental = true
	res := mustRun(t, opt)
	noLeak(t, out, secret)
	checkPack(t, out)
	if res.Reused == 0 {
		t.Errorf("nothing reused: the other depts' files should be")
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	mustRun(t, testOptions(fresh))
	a, b := tree(t, fresh), tree(t, out)
	for _, p := range []string{"变更.md", "变更.html", manifestName} { // 首次生成 vs 无变化
		delete(a, p)
		delete(b, p)
	}
	sameTree(t, a, b)
}
