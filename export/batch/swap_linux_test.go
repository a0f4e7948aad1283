package batch

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// The pack being built is marked as the top of a hierarchy (ext4 then
// spreads its folders over block groups of their own), and the mark is
// cleared before the swap: the published DIR carries no attribute it did
// not have. A file system without attribute flags (tmpfs) refuses the
// mark, and the run is the same.
func TestSpreadFolders(t *testing.T) {
	dir := t.TempDir()
	err := spreadFolders(dir)
	if errors.Is(err, unix.ENOTTY) || errors.Is(err, unix.EOPNOTSUPP) {
		t.Logf("%s: no attribute flags on this file system (%v); the mark is only a hint", dir, err)
	} else {
		if err != nil {
			t.Fatalf("spreadFolders: %v", err)
		}
		if on, err := topdir(dir); err != nil || !on {
			t.Fatalf("after spreadFolders: marked %v (%v)", on, err)
		}
		if err := unspreadFolders(dir); err != nil {
			t.Fatal(err)
		}
		if on, err := topdir(dir); err != nil || on {
			t.Fatalf("after unspreadFolders: marked %v (%v)", on, err)
		}
	}

	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	if on, err := topdir(out); err == nil && on {
		t.Error("the published pack is still marked as the top of a hierarchy")
	}
	if _, err := os.Stat(filepath.Join(out, manifestName)); err != nil {
		t.Fatal(err)
	}
}

// topdir reports whether dir is marked as the top of a hierarchy.
func topdir(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	flags, err := unix.IoctlGetUint32(int(f.Fd()), unix.FS_IOC_GETFLAGS)
	return flags&fsTopdirFl != 0, err
}
