package ledger

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fengong/export"
	"fengong/export/xlsx"
	"fengong/extract"
	"fengong/progress"
	"fengong/templates"
)

// Options are what a collect needs. Now is the clock: the CLI passes
// time.Now (or the --date); Collect never reads the clock itself.
type Options struct {
	Ledger    string             // the ledger file
	Doc       *extract.Document  // the document returns are matched against
	Period    progress.Period    // the period the files report on
	Rules     *progress.Rules    // status rules, for the status history
	Templates *templates.Set     // wording of the workbooks and messages
	Files     []string           // files and folders (their .xlsx files, not recursed)
	Now       func() time.Time   // when a file is received
	Limits    *xlsx.Limits       // nil: xlsx.DefaultLimits
	Messages  templates.Messages // nil: loaded from Templates

	// hook, when set, is called at the named points of a collect (see
	// collector.at); the crash test kills the process there.
	hook func(point string)
}

// Outcome is what became of one file.
type Outcome string

// The outcomes of a file.
const (
	Accepted  Outcome = "accepted"
	Duplicate Outcome = "duplicate"
	Refused   Outcome = "refused"
)

// FileResult is one file's outcome, with its one-line reason.
type FileResult struct {
	Path, Name, SHA256, Dept string
	Outcome                  Outcome
	Reason                   string // why it was refused or is a duplicate, in the clerk's words
	// Detail is the Go error behind a refusal (English, for a log or a
	// library user); the clerk's Reason never carries it.
	Detail string
	Notes  []string // cells not read (formulas), for the office to check
	Rows   int
}

// Result is a collect's outcome, in the order the files were taken.
type Result struct {
	Files []FileResult
}

// Count is the number of files with outcome o.
func (r *Result) Count(o Outcome) int {
	n := 0
	for _, f := range r.Files {
		if f.Outcome == o {
			n++
		}
	}
	return n
}

// ErrRefused is returned by Collect when any file was refused; the
// Result says which and why.
var ErrRefused = errors.New("some returned workbooks were refused")

// Collect reads the returned workbooks in opt.Files into the ledger, one
// transaction per file, and writes a line per file to w (接收, 重复 or
// 拒收 with the reason, in the wording of messages.yaml). It returns
// ErrRefused when any file was refused; the others are still collected.
func Collect(ctx context.Context, opt Options, w io.Writer) (*Result, error) {
	if opt.Doc == nil || opt.Now == nil || opt.Rules == nil {
		return nil, errors.New("collect: a document, a clock and status rules are needed")
	}
	msg := opt.Messages
	if msg == nil {
		m, err := templates.LoadMessages(opt.Templates)
		if err != nil {
			return nil, err
		}
		msg = m
	}
	lim := xlsx.DefaultLimits
	if opt.Limits != nil {
		lim = *opt.Limits
	}
	files, err := listFiles(opt.Files)
	if err != nil {
		return nil, err
	}
	unlock, err := lockLedger(opt.Ledger)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := removeTemps(ArchiveDir(opt.Ledger)); err != nil {
		return nil, fmt.Errorf("ledger %s: %w", opt.Ledger, err)
	}
	l, err := open(ctx, opt.Ledger, Version)
	if err != nil {
		return nil, err
	}
	defer l.Close()
	c := &collector{l: l, opt: opt, msg: msg, lim: lim, xopt: export.Options{Templates: opt.Templates}}
	if err := c.prepare(ctx); err != nil {
		return nil, fmt.Errorf("ledger %s: %w", opt.Ledger, err)
	}
	res := &Result{}
	for _, path := range files {
		fr, err := c.file(ctx, path)
		if err != nil {
			return res, fmt.Errorf("ledger %s: %s: %w", opt.Ledger, path, err)
		}
		res.Files = append(res.Files, fr)
		fmt.Fprintln(w, c.line(fr))
	}
	fmt.Fprintln(w, msg.Text("collect.summary", "accepted", strconv.Itoa(res.Count(Accepted)),
		"duplicate", strconv.Itoa(res.Count(Duplicate)), "refused", strconv.Itoa(res.Count(Refused)),
		"period", opt.Period.Key, "ledger", opt.Ledger))
	if res.Count(Refused) > 0 {
		return res, ErrRefused
	}
	return res, nil
}

// listFiles expands folders to their .xlsx files, sorted by name (Excel's
// ~$ lock files and hidden files left out); files named are taken
// whatever their extension.
func listFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, templates.Fail("collect.not_found", err, "path", a)
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		ents, err := os.ReadDir(a)
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			n := e.Name()
			if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(n), ".xlsx") && !strings.HasPrefix(n, "~$") && !strings.HasPrefix(n, ".") {
				out = append(out, filepath.Join(a, n))
			}
		}
	}
	return out, nil
}

type collector struct {
	l     *Ledger
	opt   Options
	msg   templates.Messages
	lim   xlsx.Limits
	xopt  export.Options
	docID int64
	fp    string
	depts map[string]bool
	tasks map[string]bool            // every task ID of the document
	owns  map[string]map[string]bool // dept → its task IDs
}

// prepare records the document, its depts and tasks, and the period.
func (c *collector) prepare(ctx context.Context) error {
	doc, p := c.opt.Doc, c.opt.Period
	c.fp = doc.Fingerprint()
	c.depts, c.tasks, c.owns = map[string]bool{}, map[string]bool{}, map[string]map[string]bool{}
	for _, d := range doc.Depts {
		c.depts[d.Name] = true
		own := map[string]bool{}
		for _, a := range doc.TasksOf(d.Name) {
			own[a.Task.ID] = true
		}
		c.owns[d.Name] = own
	}
	tx, err := c.l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO documents (fingerprint, title, year) VALUES (?, ?, ?)
		ON CONFLICT (fingerprint) DO UPDATE SET title = excluded.title, year = excluded.year`, c.fp, doc.Title, doc.Year); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, "SELECT id FROM documents WHERE fingerprint = ?", c.fp).Scan(&c.docID); err != nil {
		return err
	}
	for i, d := range doc.Depts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO depts (document, name, seq) VALUES (?, ?, ?)
			ON CONFLICT DO UPDATE SET seq = excluded.seq`, c.docID, d.Name, i); err != nil {
			return err
		}
	}
	seq := 0
	for i := range doc.Items {
		for j := range doc.Items[i].Tasks {
			t := &doc.Items[i].Tasks[j]
			c.tasks[t.ID] = true
			if _, err := tx.ExecContext(ctx, `INSERT INTO tasks (document, task, seq, text, deadline) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO UPDATE SET seq = excluded.seq, text = excluded.text, deadline = excluded.deadline`,
				c.docID, t.ID, seq, t.Text, t.Deadline); err != nil {
				return err
			}
			seq++
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO periods (document, key, start, end, due) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT DO UPDATE SET start = excluded.start, end = excluded.end, due = excluded.due`,
		c.docID, p.Key, day(p.Start), day(p.End), day(p.Due)); err != nil {
		return err
	}
	c.at("prepare.tx")
	if err := tx.Commit(); err != nil {
		return err
	}
	c.at("prepare.committed")
	return nil
}

// at marks a named point of the collect for Options.hook: prepare.tx and
// prepare.committed; per file read, archive.synced (the copy written
// under its temporary name), archived, tx.return (the return's row
// written), tx.reports, tx.history (the last write before the commit) and
// committed.
func (c *collector) at(point string) {
	if c.opt.hook != nil {
		c.opt.hook(point)
	}
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// refusal is a file refused: its message key and values, all in the
// clerk's words (a value read from the file is quoted by shown), and the
// Go error behind it, which is not printed.
type refusal struct {
	key   string
	pairs []string
	err   error
}

func refuse(key string, pairs ...string) *refusal { return &refusal{key: key, pairs: pairs} }

// refuseErr is a refusal caused by err.
func refuseErr(err error, key string, pairs ...string) *refusal {
	return &refusal{key: key, pairs: pairs, err: err}
}

// shown is a value from a file made safe to print on one line: control
// and bidi characters dropped, cut to 40 characters, quoted.
func shown(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') {
			return -1
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return "“" + s + "”"
}

// file collects one file.
func (c *collector) file(ctx context.Context, path string) (FileResult, error) {
	fr := FileResult{Path: path, Name: filepath.Base(path)}
	data, ref := c.read(path)
	c.at("read")
	if data != nil {
		sum := sha256.Sum256(data)
		fr.SHA256 = hex.EncodeToString(sum[:])
	}
	var ret *xlsx.Returned
	if ref == nil {
		ret, ref = c.check(data)
	}
	if ref != nil {
		fr.Outcome, fr.Reason = Refused, c.msg.Text(ref.key, ref.pairs...)
		if ref.err != nil {
			fr.Detail = ref.err.Error()
		}
		return fr, c.record(ctx, fr, nil)
	}
	fr.Dept, fr.Rows = ret.Identity.Dept, len(ret.Rows)
	for _, r := range ret.Rows {
		for _, f := range r.Formulas {
			fr.Notes = append(fr.Notes, c.msg.Text("collect.formula", "sheet", r.Sheet, "cell", f))
		}
	}
	dup, err := c.duplicate(ctx, fr, ret)
	if err != nil {
		return fr, err
	}
	if dup != "" {
		fr.Outcome, fr.Reason = Duplicate, dup
		return fr, c.record(ctx, fr, nil)
	}
	// the archive copy first: a crash after it and before the commit
	// leaves a file no row names, never a row without its file
	if err := archive(ArchiveDir(c.opt.Ledger), fr.SHA256, data, func() { c.at("archive.synced") }); err != nil {
		return fr, err
	}
	c.at("archived")
	fr.Outcome = Accepted
	return fr, c.record(ctx, fr, ret)
}

// read reads the file, refusing one over the size limit unread.
func (c *collector) read(path string) ([]byte, *refusal) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, unreadable(err)
	}
	if st.Size() > c.lim.File {
		return nil, refuse("collect.too_large", "size", mb(st.Size()), "limit", mb(c.lim.File))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unreadable(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, c.lim.File+1))
	if err != nil {
		return nil, unreadable(err)
	}
	if int64(len(data)) > c.lim.File {
		return nil, refuse("collect.too_large", "size", "> "+mb(c.lim.File), "limit", mb(c.lim.File))
	}
	return data, nil
}

// unreadable is the refusal of a file the system would not read.
func unreadable(err error) *refusal {
	if errors.Is(err, fs.ErrPermission) {
		return refuseErr(err, "collect.no_permission")
	}
	return refuseErr(err, "collect.unreadable")
}

// mb is a size as a clerk reads it: 8.0 MB, or 20.4 KB below a megabyte.
func mb(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// check reads the workbook and checks that it is of the document and of
// the dept it names, with that dept's task IDs only, each once.
func (c *collector) check(data []byte) (*xlsx.Returned, *refusal) {
	ret, err := xlsx.ReadReturnsLimited(data, c.xopt, c.lim)
	var cols *xlsx.ColumnsError
	switch {
	case errors.Is(err, xlsx.ErrTooLarge):
		return nil, refuseErr(err, "collect.unzips_too_large")
	case errors.Is(err, xlsx.ErrProtected):
		return nil, refuseErr(err, "collect.protected")
	case errors.Is(err, xlsx.ErrNoTaskSheet):
		return nil, refuseErr(err, "collect.no_task_sheet")
	case errors.As(err, &cols):
		names := func(heads []string) string {
			q := make([]string, len(heads))
			for i, h := range heads {
				q[i] = shown(h)
			}
			return strings.Join(q, c.msg.Text("summary.names"))
		}
		detail := c.msg.Text("collect.columns_missing", "sheet", shown(cols.Sheet), "columns", names(cols.Missing))
		if len(cols.Missing) == 0 {
			detail = c.msg.Text("collect.columns_twice", "sheet", shown(cols.Sheet), "columns", names(cols.Twice))
		}
		return nil, refuseErr(err, "collect.columns", "detail", detail)
	case err != nil:
		return nil, refuseErr(err, "collect.corrupt")
	}
	id, doc := ret.Identity, c.opt.Doc
	switch {
	case id.Fingerprint == "":
		return nil, refuse("collect.no_identity")
	case id.Fingerprint != c.fp:
		return nil, refuse("collect.other_document", "title", shown(id.Title), "year", shown(id.Year),
			"doc_title", shown(doc.Title), "doc_year", strconv.Itoa(doc.Year))
	case id.Layout != xlsx.Layout:
		return nil, refuse("collect.layout", "layout", shown(id.Layout), "want", xlsx.Layout)
	case !c.depts[id.Dept]:
		return nil, refuse("collect.unknown_dept", "dept", shown(id.Dept))
	}
	seen := map[string]bool{}
	for _, r := range ret.Rows {
		at := r.Sheet + " " + strconv.Itoa(r.Row)
		switch {
		case r.TaskID == "":
			return nil, refuse("collect.id_formula", "at", at)
		case !c.tasks[r.TaskID]:
			return nil, refuse("collect.unknown_id", "id", shown(r.TaskID), "at", at)
		case !c.owns[id.Dept][r.TaskID]:
			return nil, refuse("collect.other_dept_id", "id", shown(r.TaskID), "at", at, "dept", id.Dept)
		case seen[r.TaskID]:
			return nil, refuse("collect.duplicate_id", "id", shown(r.TaskID), "at", at)
		}
		seen[r.TaskID] = true
	}
	return ret, nil
}

// duplicate says why a file changes nothing: its bytes were collected
// before, or it says what the dept's latest return of the period says.
func (c *collector) duplicate(ctx context.Context, fr FileResult, ret *xlsx.Returned) (string, error) {
	var name string
	err := c.l.db.QueryRowContext(ctx, `SELECT name FROM returns WHERE document = ? AND sha256 = ? AND status IN ('accepted', 'superseded')
		ORDER BY id LIMIT 1`, c.docID, fr.SHA256).Scan(&name)
	if err == nil {
		return c.msg.Text("collect.same_file", "earlier", shown(name)), nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	var id int64
	err = c.l.db.QueryRowContext(ctx, `SELECT id, name FROM returns WHERE document = ? AND dept = ? AND period = ? AND status = 'accepted'`,
		c.docID, fr.Dept, c.opt.Period.Key).Scan(&id, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	rows, err := c.l.db.QueryContext(ctx, `SELECT task, progress, problems, next_steps, state, owner, contact, deadline
		FROM reports WHERE return = ? ORDER BY task`, id)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var before [][8]string
	for rows.Next() {
		var v [8]string
		if err := rows.Scan(&v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]); err != nil {
			return "", err
		}
		before = append(before, v)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	now := make([][8]string, len(ret.Rows))
	for i, r := range ret.Rows {
		now[i] = [8]string{r.TaskID, r.Progress, r.Problems, r.NextSteps, r.Status, r.Owner, r.Contact, r.Deadline}
	}
	slices.SortFunc(now, func(a, b [8]string) int { return strings.Compare(a[0], b[0]) })
	if slices.Equal(before, now) {
		return c.msg.Text("collect.same_content", "earlier", shown(name)), nil
	}
	return "", nil
}

// record writes one file's outcome in one transaction: the return, and
// for an accepted one its reports, the supersession of the dept's earlier
// return of the period and the period's status history. A refused file
// leaves its name, sha256 and reason, nothing of its content, not even
// the dept it names.
func (c *collector) record(ctx context.Context, fr FileResult, ret *xlsx.Returned) error {
	tx, err := c.l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	received := c.opt.Now().UTC().Format(timeFormat)
	period := c.opt.Period.Key
	if fr.Outcome == Refused {
		fr.Dept, fr.Rows = "", 0
	}
	if fr.Outcome == Accepted {
		if _, err := tx.ExecContext(ctx, `UPDATE returns SET status = 'superseded'
			WHERE document = ? AND dept = ? AND period = ? AND status = 'accepted'`, c.docID, fr.Dept, period); err != nil {
			return err
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO returns (document, dept, period, name, sha256, received, status, reason, rows)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.docID, fr.Dept, period, fr.Name, fr.SHA256, received, string(fr.Outcome), fr.Reason, fr.Rows)
	if err != nil {
		return err
	}
	c.at("tx.return")
	if fr.Outcome == Accepted {
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for _, r := range ret.Rows {
			if _, err := tx.ExecContext(ctx, `INSERT INTO reports (return, task, progress, problems, next_steps, state,
				owner, contact, deadline, sheet, row, formulas) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, r.TaskID, r.Progress, r.Problems, r.NextSteps, r.Status, r.Owner, r.Contact, r.Deadline,
				r.Sheet, r.Row, strings.Join(r.Formulas, "\n")); err != nil {
				return err
			}
		}
		c.at("tx.reports")
		if err := c.history(ctx, tx); err != nil {
			return err
		}
		c.at("tx.history")
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	c.at("committed")
	return nil
}

// history evaluates the period with what the transaction holds and
// replaces the period's status history with it.
func (c *collector) history(ctx context.Context, tx *sql.Tx) error {
	in, err := input(ctx, tx, c.opt.Doc, c.opt.Period)
	if err != nil {
		return err
	}
	s := progress.Evaluate(c.opt.Doc, c.opt.Rules, in)
	if _, err := tx.ExecContext(ctx, "DELETE FROM status_history WHERE document = ? AND period = ?", c.docID, c.opt.Period.Key); err != nil {
		return err
	}
	for _, t := range s.Tasks {
		if _, err := tx.ExecContext(ctx, `INSERT INTO status_history (document, period, task, status, reason) VALUES (?, ?, ?, ?, ?)`,
			c.docID, c.opt.Period.Key, t.TaskID, string(t.Status), t.Reason); err != nil {
			return err
		}
	}
	rep, not := 0, 0
	for _, d := range s.Depts {
		if d.Reported {
			rep++
		} else {
			not++
		}
	}
	_, err = tx.ExecContext(ctx, "UPDATE periods SET reported = ?, not_reported = ? WHERE document = ? AND key = ?", rep, not, c.docID, c.opt.Period.Key)
	return err
}

// line is the summary line of one file.
func (c *collector) line(fr FileResult) string {
	var s string
	switch fr.Outcome {
	case Accepted:
		s = c.msg.Text("collect.accepted", "file", fr.Name, "dept", fr.Dept, "rows", strconv.Itoa(fr.Rows))
	case Duplicate:
		s = c.msg.Text("collect.duplicate", "file", fr.Name, "reason", fr.Reason)
	default:
		s = c.msg.Text("collect.refused", "file", fr.Name, "reason", fr.Reason)
	}
	for _, n := range fr.Notes {
		s += "\n  " + n
	}
	return s
}
