package batch

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// The pack DIR held before a swap is kept as the spare, and the next run
// builds its pack in it: the pack is the one a fresh run makes, the
// files it reuses stay the same inodes, and the previous pack's files
// (which the spare shares with DIR) are never written into.
func TestSpareReused(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "pack")
	opt := testOptions(out)
	mustRun(t, opt)
	if _, err := os.Lstat(spareName(out)); err == nil {
		t.Fatal("a spare after the first run, which replaced no pack")
	}
	opt.Incremental = true
	edited := writeInput(t, "hunan-2022.txt", editedSeed(t))
	original := writeInput(t, "hunan-2022.txt", opt.Seed)
	// the 教育厅's files are the same inode in the spare and in DIR after
	// the first edit, and change with the second
	more := bytes.Replace(editedSeed(t), []byte("增加公办义务教育学位。"), []byte("增加公办义务教育和学前教育学位。"), 1)
	if bytes.Equal(more, editedSeed(t)) {
		t.Fatal("the seed no longer holds 增加公办义务教育学位")
	}
	edited2 := writeInput(t, "hunan-2022.txt", more)
	for i, input := range []string{edited, original, edited, edited2, original} {
		before := tree(t, out)
		inode := map[string]uint64{}
		for p := range before {
			inode[p] = ino(t, filepath.Join(out, p))
		}
		opt.Flags.Input = input
		res := mustRun(t, opt)
		spare := spareName(out)
		// the previous pack is the spare, untouched
		sameTree(t, before, tree(t, spare))
		checkPack(t, out)
		kept := 0
		for _, f := range readManifest(t, out).Files {
			if f.Origin == OriginReused && ino(t, filepath.Join(out, f.Path)) == inode[f.Path] {
				kept++
			}
		}
		if kept != res.Reused || kept < 250 {
			t.Errorf("run %d: %d reused files are the previous inodes, %d reused", i+2, kept, res.Reused)
		}
		entries, _ := os.ReadDir(base)
		if len(entries) != 2 {
			t.Errorf("run %d: beside the pack: %v, want the spare only", i+2, entries)
		}
	}
	// another date renders every file again: the spare's files that DIR
	// does not share are written over (the same inodes), the shared ones
	// are replaced, and the previous pack is still the spare, untouched
	before := tree(t, out)
	spareInodes := map[uint64]bool{}
	filepath.WalkDir(spareName(out), func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := os.Lstat(p); err == nil && links(fi) == 1 {
				spareInodes[ino(t, p)] = true
			}
		}
		return err
	})
	opt.Flags.Date = "2022-03-02"
	mustRun(t, opt)
	sameTree(t, before, tree(t, spareName(out)))
	checkPack(t, out)
	over := 0
	for _, f := range readManifest(t, out).Files {
		if spareInodes[ino(t, filepath.Join(out, f.Path))] {
			over++
		}
	}
	if over == 0 || len(spareInodes) == 0 {
		t.Errorf("no file of the spare written over (%d of the spare's own)", len(spareInodes))
	}

	// the last pack is what a fresh run makes of the same input
	fresh := filepath.Join(t.TempDir(), "pack")
	o := testOptions(fresh)
	o.Flags.Input, o.Flags.Date = original, opt.Flags.Date
	mustRun(t, o)
	a, b := tree(t, out), tree(t, fresh)
	delete(a, manifestName)
	delete(b, manifestName)
	delete(a, "变更.md")
	delete(b, "变更.md")
	delete(a, "变更.html")
	delete(b, "变更.html")
	sameTree(t, a, b)
}

// A spare planted beside DIR by someone who can write there gives the
// pack nothing: its links are removed, not followed; a file that is a
// hard link of a file elsewhere is replaced, not written into; what the
// pack does not have goes.
func TestSpareHostile(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "pack")
	opt := testOptions(out)
	mustRun(t, opt)
	secretPath, secret := secretFile(t)
	secretDir := t.TempDir()
	spare := spareName(out)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(spare, "单位"), 0o755))
	// a folder of the pack that is a link to a folder elsewhere
	must(os.Symlink(secretDir, filepath.Join(spare, "单位", "省财政厅")))
	// a file of the pack that is a hard link of a file elsewhere
	must(os.MkdirAll(filepath.Join(spare, "汇总"), 0o755))
	must(os.Link(secretPath, filepath.Join(spare, "汇总", "汇总表.xlsx")))
	// a file where the pack has a folder, and junk
	must(os.WriteFile(filepath.Join(spare, "charts"), []byte("x"), 0o644))
	must(os.WriteFile(filepath.Join(spare, "junk.txt"), []byte("x"), 0o644))
	must(syscall.Mkfifo(filepath.Join(spare, "fifo"), 0o644))
	must(os.Symlink(secretPath, filepath.Join(spare, "model.json")))
	// a folder where the pack has a file
	must(os.MkdirAll(filepath.Join(spare, "汇总", "总体简报.pdf", "x"), 0o755))
	must(os.WriteFile(filepath.Join(spare, "汇总", "总体简报.pdf", "x", "y"), []byte("x"), 0o644))

	opt.Incremental = true
	mustRun(t, opt)
	checkPack(t, out)
	noLeak(t, out, secret)
	if got, _ := os.ReadFile(secretPath); string(got) != string(secret) {
		t.Errorf("the file the spare linked to was written into: %q", got)
	}
	if entries, _ := os.ReadDir(secretDir); len(entries) != 0 {
		t.Errorf("the folder the spare linked to got %v", entries)
	}
}

func ino(t *testing.T, p string) uint64 {
	t.Helper()
	fi, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}

// The spare is listed once, by whichever of the run's goroutines needs it
// first (the look-ahead that stats its files, the folders made ahead, the
// writer), and the others wait for that listing before they read it: an
// incremental run could die of "concurrent map read and map write" while
// the folders were made ahead (about one run in 75, 2026-11-29). The race
// detector fails any access the listing is not ordered before, however
// the goroutines happen to run; .ci/run runs this test with -race.
func TestSpareListedOnce(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	var dirs []string
	for i := range 40 {
		dirs = append(dirs, path.Join("单位", strconv.Itoa(i)))
	}
	for round := range 10 {
		spare := spareName(out)
		if err := os.RemoveAll(spare); err != nil {
			t.Fatal(err)
		}
		for i, d := range dirs {
			if err := os.MkdirAll(filepath.Join(spare, d), 0o755); err != nil {
				t.Fatal(err)
			}
			if i%2 == 0 { // a stale file to be written over
				if err := os.WriteFile(filepath.Join(spare, d, "a.txt"), []byte("old"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		p, err := newPublisher(out)
		if err != nil {
			t.Fatal(err)
		}
		p.start()
		p.lookAhead(nil, nil)
		p.makeAhead(dirs)
		for _, d := range dirs {
			p.send(&File{Path: path.Join(d, "a.txt")}, []byte(d))
		}
		if err := p.drain(); err != nil {
			t.Fatal(err)
		}
		if !p.adopted {
			t.Fatalf("round %d: the spare was not adopted", round)
		}
		for _, d := range dirs {
			if got, err := os.ReadFile(filepath.Join(p.tmp, d, "a.txt")); err != nil || string(got) != d {
				t.Fatalf("round %d: %s/a.txt: %q, %v", round, d, got, err)
			}
		}
		p.abort()
	}
}
