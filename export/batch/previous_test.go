package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestPreviousFolders: the previous pack's files are found through their
// folders, each opened once and at most maxOpenFolders kept open; past
// that, through DIR, and a folder that is a link is refused either way.
func TestPreviousFolders(t *testing.T) {
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, manifestName), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	n := maxOpenFolders + 20
	for i := range n {
		dir := filepath.Join(out, "单位", fmt.Sprintf("d%03d", i))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "f.xlsx"), []byte{byte(i)}, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// a folder past the limit and one within it replaced by links to a
	// folder outside the pack that holds the same file name
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "f.xlsx"), []byte("secret"), 0o644)
	for _, i := range []int{3, n - 3} {
		symlink(t, outside, filepath.Join(out, "单位", fmt.Sprintf("d%03d", i)))
	}

	p, skips, err := openPrevious(out)
	if err != nil || len(skips) > 0 {
		t.Fatalf("openPrevious: %v %v", err, skips)
	}
	defer p.close()
	for i := range n {
		rel := fmt.Sprintf("单位/d%03d/f.xlsx", i)
		data, err := p.read(rel, 16)
		if i == 3 || i == n-3 {
			if err == nil || !errors.Is(err, errNotRegular) {
				t.Errorf("%s through a link: read %q, err %v; want it refused", rel, data, err)
			}
			continue
		}
		if err != nil || len(data) != 1 || data[0] != byte(i) {
			t.Errorf("%s: read %v, %v", rel, data, err)
		}
	}
	if len(p.open) > maxOpenFolders {
		t.Errorf("%d folders kept open, want at most %d", len(p.open), maxOpenFolders)
	}
}
