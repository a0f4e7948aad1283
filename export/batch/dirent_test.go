//go:build unix

package batch

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"syscall"
	"testing"
)

// TestListFolder: listFolder names what os.ReadDir names, tells folders
// and regular files from the rest (a link is never taken for its
// target), and gives each file's inode and the folder's device as lstat
// does, where the system says them (keep trusts them instead of a stat).
func TestListFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "文件.pdf"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "单位"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("文件.pdf", filepath.Join(dir, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("单位", filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	fifo := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644) == nil
	got, dev, err := listFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names, wantNames []string
	for _, e := range got {
		names = append(names, e.name)
	}
	for _, e := range want {
		wantNames = append(wantNames, e.Name())
	}
	slices.Sort(names)
	if !slices.Equal(names, wantNames) {
		t.Fatalf("names %q, want %q", names, wantNames)
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if d, _, ok := fileID(fi); ok && d != dev {
		t.Errorf("device %d, want %d", dev, d)
	}
	kinds := map[string]entryKind{"文件.pdf": entryFile, "单位": entryDir, "link.pdf": entryOther, "linkdir": entryOther, "fifo": entryOther}
	for _, e := range got {
		if e.kind != kinds[e.name] {
			t.Errorf("%s: kind %d, want %d", e.name, e.kind, kinds[e.name])
		}
		if e.kind != entryFile {
			continue
		}
		fi, err := os.Lstat(filepath.Join(dir, e.name))
		if err != nil {
			t.Fatal(err)
		}
		if _, ino, ok := fileID(fi); ok && dev != 0 && e.ino != ino {
			t.Errorf("%s: inode %d, want %d", e.name, e.ino, ino)
		}
	}
	if !fifo {
		t.Log("no FIFO made here")
	}
	if _, _, err := listFolder(filepath.Join(dir, "linkdir")); err == nil && runtime.GOOS == "linux" {
		t.Error("a link to a folder was listed")
	}
}
