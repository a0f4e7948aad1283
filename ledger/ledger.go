// Package ledger is the 督办 ledger: an SQLite file (github.com/ncruces/
// go-sqlite3, SQLite translated to pure Go by wasm2go) holding every workbook the depts returned, what they wrote in
// it, and the status of every task period by period. `fengong collect`
// fills it (Collect) and `fengong run --ledger` reads it (Input).
//
// Writes are one transaction per file, with PRAGMA synchronous=FULL in
// rollback-journal mode: a collect killed at any moment leaves the ledger
// as it was before the file or with the file complete. Every accepted
// file is archived verbatim, named by its sha256, in the folder beside the
// ledger (ArchiveDir); the copy is written and synced before the
// transaction commits, so a crash leaves at most an archive file no row
// names, which the next collect of the same file reuses, or a copy under
// its temporary name, which the next collect removes. TestCollectKilled
// kills collects with SIGKILL at 20 moments, inside the transactions and
// between them, and checks all of this.
package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	// registers the "sqlite3" driver. Not modernc.org/sqlite: its packages'
	// initialisation (its libc's, SQLite's tables) cost every fengong
	// command 3–4 ms of start-up, a ledger or not; this one's instantiates
	// SQLite when a ledger is opened (about 3 ms, once).
	_ "github.com/ncruces/go-sqlite3/driver"

	"fengong/extract"
	"fengong/progress"
)

// Ledger is an open ledger file.
type Ledger struct {
	db   *sql.DB
	path string
}

// ArchiveDir is the folder the accepted files of the ledger at path are
// archived in: fengong-ledger.db → fengong-ledger-archive.
func ArchiveDir(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + "-archive"
}

// Open opens the ledger at path, creating it when missing, and migrates
// it to this build's schema.
func Open(path string) (*Ledger, error) {
	return open(context.Background(), path, Version)
}

func open(ctx context.Context, path string, version int) (*Ledger, error) {
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("ledger %s: folder %s does not exist", path, filepath.Dir(path))
	}
	db, err := sql.Open("sqlite3", dsn(path, "busy_timeout(10000)", "journal_mode(DELETE)", "synchronous(FULL)", "foreign_keys(1)"))
	if err != nil {
		return nil, fmt.Errorf("ledger %s: %w", path, err)
	}
	// one connection: the pragmas hold on it and writes are serial anyway
	db.SetMaxOpenConns(1)
	if err := migrate(ctx, db, version); err != nil {
		db.Close()
		return nil, fmt.Errorf("ledger %s: %w", path, err)
	}
	return &Ledger{db: db, path: path}, nil
}

// dsn is the SQLite URI of the file at path with the given pragmas. The
// path is escaped: a "?", "#" or "%" in a folder's name (50%, 第#2批)
// would otherwise end the file name or be read as an escape, and the
// ledger be opened somewhere else.
func dsn(path string, pragmas ...string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/… → file:///C:/…
	}
	q := url.Values{"_pragma": pragmas}
	return (&url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}).String()
}

// Close closes the ledger.
func (l *Ledger) Close() error { return l.db.Close() }

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

const timeFormat = time.RFC3339Nano

// Input is what the ledger holds for doc up to period p: the latest
// report of each (task, dept) in p or before, the accepted return of each
// dept in p, and the summaries of the periods before p.
func (l *Ledger) Input(doc *extract.Document, p progress.Period) (progress.Input, error) {
	return input(context.Background(), l.db, doc, p)
}

func input(ctx context.Context, q querier, doc *extract.Document, p progress.Period) (progress.Input, error) {
	in := progress.Input{Period: p}
	var docID int64
	err := q.QueryRowContext(ctx, "SELECT id FROM documents WHERE fingerprint = ?", doc.Fingerprint()).Scan(&docID)
	if errors.Is(err, sql.ErrNoRows) {
		return in, nil // nothing collected for this document yet
	}
	if err != nil {
		return in, err
	}
	// the accepted returns up to p: one per (dept, period), the later
	// ones of a period having superseded the earlier
	rows, err := q.QueryContext(ctx, `SELECT r.id, r.dept, r.period, r.name, r.sha256, r.received, r.rows,
		x.task, x.progress, x.problems, x.next_steps, x.state, x.owner, x.contact, x.deadline
		FROM returns r LEFT JOIN reports x ON x.return = r.id
		WHERE r.document = ? AND r.status = 'accepted' AND r.period <= ?
		ORDER BY r.period, r.id, x.row`, docID, p.Key)
	if err != nil {
		return in, err
	}
	defer rows.Close()
	latest := map[[2]string]int{}
	seen := map[int64]bool{}
	for rows.Next() {
		var id int64
		var ret progress.Return
		var received string
		var task, pr, pb, ns, st, ow, ct, dl sql.NullString
		if err := rows.Scan(&id, &ret.Dept, &ret.Period, &ret.Name, &ret.SHA256, &received, &ret.Rows,
			&task, &pr, &pb, &ns, &st, &ow, &ct, &dl); err != nil {
			return in, err
		}
		ret.Received, _ = time.Parse(timeFormat, received)
		if !seen[id] && ret.Period == p.Key {
			in.Returns = append(in.Returns, ret)
		}
		seen[id] = true
		if !task.Valid {
			continue
		}
		rep := progress.Report{TaskID: task.String, Dept: ret.Dept, Progress: pr.String, Problems: pb.String,
			NextSteps: ns.String, State: st.String, Owner: ow.String, Contact: ct.String, Deadline: dl.String,
			Period: ret.Period, Received: ret.Received, File: ret.SHA256}
		k := [2]string{rep.TaskID, rep.Dept}
		if i, ok := latest[k]; ok {
			in.Reports[i] = rep // rows come in period order: the later wins
			continue
		}
		latest[k] = len(in.Reports)
		in.Reports = append(in.Reports, rep)
	}
	if err := rows.Err(); err != nil {
		return in, err
	}
	rows.Close()
	in.History, err = history(ctx, q, docID, p.Key)
	return in, err
}

// history is the summaries of the periods before key, oldest first, as
// the status history recorded them.
func history(ctx context.Context, q querier, docID int64, key string) ([]progress.Summary, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.key, p.reported, p.not_reported, h.status, count(h.task)
		FROM periods p JOIN status_history h ON h.document = p.document AND h.period = p.key
		WHERE p.document = ? AND p.key < ? GROUP BY p.key, h.status ORDER BY p.key, h.status`, docID, key)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []progress.Summary
	for rows.Next() {
		var k, st string
		var rep, not, n int
		if err := rows.Scan(&k, &rep, &not, &st, &n); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Period != k {
			out = append(out, progress.Summary{Period: k, Counts: map[progress.Status]int{}, Reported: rep, NotReported: not})
		}
		out[len(out)-1].Counts[progress.Status(st)] = n
	}
	return out, rows.Err()
}

// Periods is the keys of the periods a collect recorded for doc, oldest
// first; none when nothing was collected for it.
func (l *Ledger) Periods(doc *extract.Document) ([]string, error) {
	rows, err := l.db.Query(`SELECT p.key FROM periods p JOIN documents d ON d.id = p.document
		WHERE d.fingerprint = ? ORDER BY p.key`, doc.Fingerprint())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// Statuses is the status of each task of doc in the period key, as the
// status history recorded it when the period's last file was collected;
// empty when none was.
func (l *Ledger) Statuses(doc *extract.Document, key string) (map[string]progress.Status, error) {
	rows, err := l.db.Query(`SELECT h.task, h.status FROM status_history h JOIN documents d ON d.id = h.document
		WHERE d.fingerprint = ? AND h.period = ?`, doc.Fingerprint(), key)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]progress.Status{}
	for rows.Next() {
		var task, st string
		if err := rows.Scan(&task, &st); err != nil {
			return nil, err
		}
		out[task] = progress.Status(st)
	}
	return out, rows.Err()
}
