package ledger

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"fengong/extract"
	"fengong/ledger/ledgertest"
	"fengong/progress"
)

// crashEnv, set in the environment of the test binary, makes TestMain
// collect instead of testing: "LEDGER|DIR|N" collects the .xlsx files of
// DIR into LEDGER for 2022-03, and at the Nth point the collect marks
// (Options.hook) the process kills itself with SIGKILL; N 0 never kills.
const crashEnv = "FENGONG_LEDGER_CRASH_CHILD"

func TestMain(m *testing.M) {
	if v := os.Getenv(crashEnv); v != "" {
		os.Exit(crashChild(v))
	}
	os.Exit(m.Run())
}

// crashChild is the collect the crash test kills: exit 0 when every file
// was taken, 3 when some were refused, 1 on an error.
func crashChild(v string) int {
	parts := strings.Split(v, "|")
	if len(parts) != 3 {
		fmt.Fprintf(os.Stderr, "%s=%q: want LEDGER|DIR|N\n", crashEnv, v)
		return 1
	}
	n, err := strconv.Atoi(parts[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	dir, err := extract.LoadDirectory(nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	doc, err := extract.ParseFile("../seeds/hunan-2022.txt", dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	opt, err := crashOptions(parts[0], doc)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	opt.Files = []string{parts[1]}
	seen := 0
	opt.hook = func(string) {
		if seen++; seen == n {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // the signal is on its way
		}
	}
	_, err = Collect(context.Background(), opt, os.Stdout)
	switch {
	case errors.Is(err, ErrRefused):
		return 3
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// crashOptions collect for 2022-03 into ledger at a fixed clock.
func crashOptions(ledger string, doc *extract.Document) (Options, error) {
	rules, err := progress.LoadRules(nil)
	if err != nil {
		return Options{}, err
	}
	p, err := rules.Period("2022-03")
	if err != nil {
		return Options{}, err
	}
	return Options{Ledger: ledger, Doc: doc, Period: p, Rules: rules, Now: func() time.Time { return clock }}, nil
}

// crashFiles writes the returned workbooks of the crash test to dir, in
// the order a collect takes them (by name): 21 depts' filled returns, a
// junk file and a workbook of another document among them (refused), the
// same bytes as an earlier return under another name and a re-save of
// another (duplicates), and a second return of a dept (superseding).
func crashFiles(t *testing.T, doc *extract.Document, dir string) {
	t.Helper()
	var leads []string
	for _, d := range doc.Depts {
		if d.Lead > 0 {
			leads = append(leads, d.Name)
		}
	}
	if len(leads) < 21 {
		t.Fatalf("the seed has %d lead depts, want 21", len(leads))
	}
	returned := func(d *extract.Document, dept string, v int) []byte {
		data, err := ledgertest.Returned(d, dept, clock, v)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	other := *doc
	other.Year = 2023
	files := map[string][]byte{}
	for i := range 20 {
		files[fmt.Sprintf("%02d.xlsx", i)] = returned(doc, leads[i], 1)
	}
	files["10a-junk.xlsx"] = []byte("not a workbook")
	files["20-same-bytes.xlsx"] = files["03.xlsx"]
	files["21-resaved.xlsx"] = stored(t, files["05.xlsx"])
	files["22-second.xlsx"] = returned(doc, leads[2], 2)
	files["23-other-document.xlsx"] = returned(&other, leads[4], 1)
	files["24.xlsx"] = returned(doc, leads[20], 1)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// point is a moment of the uninterrupted collect: its name, the file
// being worked on (-1 before the first) and the state the ledger must be
// in when the collect is killed there (an index into the states).
type point struct {
	name  string
	file  int
	state int
}

// TestCollectKilled kills a collect with SIGKILL at 20 of the points it
// marks, inside and between the transactions, each time on a fresh
// ledger. After each kill the ledger must pass PRAGMA integrity_check,
// hold exactly what the uninterrupted collect held before the file being
// worked on or after it, name no archive copy that is missing; and a
// collect of the same folder again must complete with what the
// uninterrupted collect gave, leaving no temporary file.
func TestCollectKilled(t *testing.T) {
	doc := seed(t)
	base := t.TempDir()
	in := filepath.Join(base, "in")
	crashFiles(t, doc, in)
	names, err := listFiles([]string{in})
	if err != nil {
		t.Fatal(err)
	}
	shas := make([]string, len(names))
	for i, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		shas[i] = hex.EncodeToString(sum[:])
	}

	// the uninterrupted collect, in this process: its points and the
	// state after each commit
	ref := filepath.Join(base, "ref", "fengong-ledger.db")
	os.MkdirAll(filepath.Dir(ref), 0o755)
	opt, err := crashOptions(ref, doc)
	if err != nil {
		t.Fatal(err)
	}
	opt.Files = []string{in}
	states := []string{dump(t, "")} // before prepare: the empty schema
	var points []point
	file := -1
	opt.hook = func(name string) {
		if name == "read" {
			file++
		}
		if name == "committed" || name == "prepare.committed" {
			states = append(states, dump(t, ref))
		}
		points = append(points, point{name, file, len(states) - 1})
	}
	res, err := Collect(context.Background(), opt, &bytes.Buffer{})
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("uninterrupted collect: %v, want some refused", err)
	}
	if len(res.Files) != len(names) || len(states) != len(names)+2 {
		t.Fatalf("uninterrupted collect: %d files, %d states, want %d and %d", len(res.Files), len(states), len(names), len(names)+2)
	}
	outcomes := map[Outcome]int{}
	for _, fr := range res.Files {
		outcomes[fr.Outcome]++
	}
	if outcomes[Accepted] != 22 || outcomes[Duplicate] != 2 || outcomes[Refused] != 2 {
		t.Fatalf("uninterrupted collect: %v, want 22 accepted, 2 duplicates, 2 refused", outcomes)
	}
	final := outcome(t, ref)

	// the 20 moments: 6 picked, and 14 spread over the run
	var kills []int
	pick := func(file int, name string) {
		for i, p := range points {
			if (file == -2 || p.file == file) && p.name == name {
				kills = append(kills, i)
				return
			}
		}
		t.Fatalf("no point %s of file %d", name, file)
	}
	second := slices.Index(names, filepath.Join(in, "22-second.xlsx"))
	pick(-2, "prepare.tx")
	pick(second, "tx.reports")
	pick(second, "tx.history")
	pick(slices.Index(names, filepath.Join(in, "20-same-bytes.xlsx")), "tx.return")
	pick(slices.Index(names, filepath.Join(in, "10a-junk.xlsx")), "tx.return")
	pick(len(names)-1, "archive.synced")
	for i := range 14 {
		k := (2*i + 1) * len(points) / 28
		for slices.Contains(kills, k) {
			k++
		}
		kills = append(kills, k)
	}
	slices.Sort(kills)
	if len(slices.Compact(slices.Clone(kills))) != 20 || kills[19] >= len(points) {
		t.Fatalf("moments %v of %d points, want 20 distinct", kills, len(points))
	}
	kinds := map[string]bool{}
	for _, k := range kills {
		kinds[points[k].name] = true
	}
	for _, want := range []string{"read", "archive.synced", "archived", "tx.return", "tx.reports", "tx.history", "committed"} {
		if !kinds[want] {
			t.Errorf("no kill at a %s point: %v", want, kinds)
		}
	}

	for i, k := range kills {
		p := points[k]
		t.Run(fmt.Sprintf("%02d-%s-file%d", i, p.name, p.file), func(t *testing.T) {
			t.Parallel()
			ledger := filepath.Join(base, fmt.Sprintf("kill%02d", i), "fengong-ledger.db")
			os.MkdirAll(filepath.Dir(ledger), 0o755)
			if code, killed := collectChild(t, ledger, in, k+1); !killed {
				t.Fatalf("the collect was not killed at point %d (exit %d)", k+1, code)
			}
			if got := dump(t, ledger); got != states[p.state] {
				t.Errorf("the ledger is in no state of the uninterrupted collect, want the state %d:\n%s", p.state, diff(states[p.state], got))
			}
			// an archive copy no row names is only the file being worked on
			var working string
			if p.file >= 0 {
				working = shas[p.file]
			}
			checkArchive(t, "after the kill", ledger, working, p.name == "archive.synced")

			// collect again, in this process: it completes, with what the
			// uninterrupted collect gave
			again := opt
			again.Ledger, again.hook = ledger, nil
			if _, err := Collect(context.Background(), again, io.Discard); !errors.Is(err, ErrRefused) {
				t.Fatalf("collect again: %v, want ErrRefused", err)
			}
			got := outcome(t, ledger)
			// the files the killed collect committed are taken again as
			// duplicates, or refused again
			want := final
			for f := range max(p.state-1, 0) {
				if res.Files[f].Outcome == Refused {
					want.refused++
				} else {
					want.duplicates++
				}
			}
			if got.content != want.content || got.duplicates != want.duplicates || got.refused != want.refused {
				t.Errorf("after collecting again: %d duplicates, %d refused, want %d and %d; content:\n%s",
					got.duplicates, got.refused, want.duplicates, want.refused, diff(want.content, got.content))
			}
			checkArchive(t, "collected again", ledger, "", false)
			if _, err := os.Stat(ledger + "-journal"); err == nil {
				t.Errorf("collected again: a journal is left beside the ledger")
			}
		})
	}
}

// collectChild runs a collect of dir into ledger in a child process,
// killed at the nth point (0: never), and says how it ended.
func collectChild(t *testing.T, ledger, dir string, n int) (code int, killed bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashEnv+"="+ledger+"|"+dir+"|"+strconv.Itoa(n))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return -1, ws.Signal() == syscall.SIGKILL
		}
		if ee.ExitCode() == 1 {
			t.Logf("collect: %s", stderr.String())
		}
		return ee.ExitCode(), false
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, false
}

// tables are the ledger's tables with the columns that order their rows.
var tables = []struct{ name, order string }{
	{"documents", "id"},
	{"depts", "document, name"},
	{"tasks", "document, task"},
	{"periods", "document, key"},
	{"returns", "id"},
	{"reports", "return, task"},
	{"status_history", "document, period, task"},
}

// dump is every row of the ledger at path, one line each, after PRAGMA
// integrity_check says ok; "" dumps a ledger just made.
func dump(t *testing.T, path string) string {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "empty.db")
		l, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		l.Close()
	}
	db := openRaw(t, path)
	defer db.Close()
	var b strings.Builder
	for _, tb := range tables {
		fmt.Fprintf(&b, "%s:\n", tb.name)
		b.WriteString(rows(t, db, "SELECT * FROM "+tb.name+" ORDER BY "+tb.order))
	}
	return b.String()
}

// openRaw opens the ledger at path as it is, without migrating it, and
// checks its integrity; opening rolls back what a killed collect left in
// its journal.
func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("ledger: %v", err)
	}
	db, err := sql.Open("sqlite3", dsn(path, "busy_timeout(10000)"))
	if err != nil {
		t.Fatal(err)
	}
	var ok string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check of %s: %q %v", path, ok, err)
	}
	return db
}

// rows is what query gives, a line a row.
func rows(t *testing.T, db *sql.DB, query string) string {
	t.Helper()
	r, err := db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer r.Close()
	cols, _ := r.Columns()
	var b strings.Builder
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for r.Next() {
		if err := r.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteByte('\t')
			}
			fmt.Fprintf(&b, "%v", v)
		}
		b.WriteByte('\n')
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// result is what a ledger holds once every file is in, without the rows
// a collect adds for a file taken again: the accepted and superseded
// returns, their reports, the status history and the periods; and the
// number of duplicate and refused returns.
type result struct {
	content             string
	duplicates, refused int
}

func outcome(t *testing.T, path string) result {
	t.Helper()
	db := openRaw(t, path)
	defer db.Close()
	var res result
	res.content = rows(t, db, `SELECT dept, period, name, sha256, received, status, reason, rows FROM returns
		WHERE status IN ('accepted', 'superseded') ORDER BY sha256`) +
		rows(t, db, `SELECT r.sha256, x.task, x.progress, x.problems, x.next_steps, x.state, x.owner, x.contact, x.deadline, x.sheet, x.row, x.formulas
		FROM reports x JOIN returns r ON r.id = x.return ORDER BY r.sha256, x.task`) +
		rows(t, db, "SELECT * FROM status_history ORDER BY document, period, task") +
		rows(t, db, "SELECT * FROM periods ORDER BY document, key")
	db.QueryRow("SELECT count(*) FROM returns WHERE status = 'duplicate'").Scan(&res.duplicates)
	db.QueryRow("SELECT count(*) FROM returns WHERE status = 'refused'").Scan(&res.refused)
	return res
}

// checkArchive checks the archive beside the ledger: every accepted or
// superseded return's copy is there with its bytes, a copy no row names
// is the one of sha working, if any, and no temporary file is left unless
// tmp (a kill while the copy was being written).
func checkArchive(t *testing.T, at, ledger, working string, tmp bool) {
	t.Helper()
	db := openRaw(t, ledger)
	defer db.Close()
	named := map[string]bool{}
	for _, sha := range strings.Fields(rows(t, db, "SELECT sha256 FROM returns WHERE status IN ('accepted', 'superseded')")) {
		named[sha] = true
		data, err := os.ReadFile(filepath.Join(ArchiveDir(ledger), sha+".xlsx"))
		sum := sha256.Sum256(data)
		if err != nil || hex.EncodeToString(sum[:]) != sha {
			t.Errorf("%s: the archive copy of %s: %v (sha256 %x)", at, sha, err, sum)
		}
	}
	ents, _ := os.ReadDir(ArchiveDir(ledger))
	for _, e := range ents {
		sha, ok := strings.CutSuffix(e.Name(), ".xlsx")
		if ok && (named[sha] || sha == working) || tmp && strings.HasPrefix(e.Name(), ".tmp-") {
			continue
		}
		t.Errorf("%s: %s left in the archive", at, e.Name())
	}
}

// diff is the first lines where two dumps differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d (of %d and %d):\n  want %.200q\n  got  %.200q", i+1, len(w), len(g), a, b)
		}
	}
	return "(same)"
}
