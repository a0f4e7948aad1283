package ledger

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations build the schema, in order: migrations[i] takes a ledger
// from version i to i+1 (PRAGMA user_version). A released migration is
// never edited; a change is a new one at the end.
var migrations = []string{
	// 1: the document, its depts, tasks and periods; the returns and the
	// reports read from them
	`CREATE TABLE documents (
		id          INTEGER PRIMARY KEY,
		fingerprint TEXT NOT NULL UNIQUE,
		title       TEXT NOT NULL,
		year        INTEGER NOT NULL
	);
	CREATE TABLE depts (
		document INTEGER NOT NULL REFERENCES documents(id),
		name     TEXT NOT NULL,
		seq      INTEGER NOT NULL,
		PRIMARY KEY (document, name)
	);
	CREATE TABLE tasks (
		document INTEGER NOT NULL REFERENCES documents(id),
		task     TEXT NOT NULL,
		seq      INTEGER NOT NULL,
		text     TEXT NOT NULL,
		deadline TEXT NOT NULL,
		PRIMARY KEY (document, task)
	);
	CREATE TABLE periods (
		document INTEGER NOT NULL REFERENCES documents(id),
		key      TEXT NOT NULL,
		start    TEXT NOT NULL,
		end      TEXT NOT NULL,
		due      TEXT NOT NULL,
		PRIMARY KEY (document, key)
	);
	CREATE TABLE returns (
		id       INTEGER PRIMARY KEY,
		document INTEGER REFERENCES documents(id),
		dept     TEXT NOT NULL,
		period   TEXT NOT NULL,
		name     TEXT NOT NULL,
		sha256   TEXT NOT NULL,
		received TEXT NOT NULL,
		status   TEXT NOT NULL CHECK (status IN ('accepted', 'duplicate', 'superseded', 'refused')),
		reason   TEXT NOT NULL DEFAULT '',
		rows     INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX returns_by_dept ON returns (document, dept, period, status);
	CREATE INDEX returns_by_sha ON returns (sha256);
	CREATE TABLE reports (
		return     INTEGER NOT NULL REFERENCES returns(id),
		task       TEXT NOT NULL,
		progress   TEXT NOT NULL,
		problems   TEXT NOT NULL,
		next_steps TEXT NOT NULL,
		state      TEXT NOT NULL,
		owner      TEXT NOT NULL,
		contact    TEXT NOT NULL,
		deadline   TEXT NOT NULL,
		sheet      TEXT NOT NULL,
		row        INTEGER NOT NULL,
		formulas   TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (return, task)
	);`,
	// 2: the status of every task in every period, as Evaluate gave it
	// when the period's last file was collected, and the period's
	// reported / not reported counts
	`CREATE TABLE status_history (
		document INTEGER NOT NULL REFERENCES documents(id),
		period   TEXT NOT NULL,
		task     TEXT NOT NULL,
		status   TEXT NOT NULL,
		reason   TEXT NOT NULL,
		PRIMARY KEY (document, period, task)
	);
	ALTER TABLE periods ADD COLUMN reported INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE periods ADD COLUMN not_reported INTEGER NOT NULL DEFAULT 0;`,
}

// Version is the schema version this build writes.
var Version = len(migrations)

// migrate brings db up to version to, each step in its own transaction
// with the user_version it reaches, so a killed migration leaves the
// version before it.
func migrate(ctx context.Context, db *sql.DB, to int) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("ledger schema version %d is newer than this fengong (%d)", v, len(migrations))
	}
	for ; v < to; v++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate ledger to version %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
