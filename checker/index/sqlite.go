package index

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go
)

// sqliteHeader opens every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// busyTimeout is how long a writer waits for another process's transaction (milliseconds).
const busyTimeout = 30000

var sqliteDialect = &dialect{
	name: "sqlite",
	migrations: [][]string{{
		`CREATE TABLE schema_version (version INTEGER NOT NULL)`,
		`CREATE TABLE articles (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, date TEXT NOT NULL,
			outlet TEXT NOT NULL, language TEXT NOT NULL, title TEXT NOT NULL, pack_version TEXT NOT NULL,
			mention_count INTEGER NOT NULL, claim_count INTEGER NOT NULL, mentions BLOB NOT NULL)`,
		`CREATE INDEX articles_pack_version ON articles (pack_version)`,
		`CREATE TABLE claims (article_id INTEGER NOT NULL, ord INTEGER NOT NULL, metric TEXT NOT NULL, subject TEXT NOT NULL,
			date TEXT NOT NULL, value REAL, quote TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (article_id, ord))`,
		`CREATE INDEX claims_metric_subject ON claims (metric, subject, date)`,
	}, {
		// Schema 2: the last run's findings per corpus, for incremental checks.
		`CREATE TABLE runs (key TEXT PRIMARY KEY, data BLOB NOT NULL)`,
	}, {
		// Schema 3: each article file's stamp (size, modification time, manifest entry), so
		// that a re-check skips reading files that did not change.
		`ALTER TABLE articles ADD COLUMN stamp TEXT NOT NULL DEFAULT ''`,
	}, {
		// Schema 4: a counter moved by every write, so that a cache of claims in a
		// long-running reader (index.Cache) knows when to drop what it holds.
		`CREATE TABLE generation (value INTEGER NOT NULL)`,
		`INSERT INTO generation (value) VALUES (0)`,
	}},
	tables:   `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
	describe: describeSQLite,
}

func describeSQLite(err error) error {
	message := err.Error()
	switch {
	case strings.Contains(message, "file is not a database"), strings.Contains(message, "malformed"):
		return fmt.Errorf("%w: the file is damaged or not an SQLite database (%v)", ErrNotIndex, err)
	case strings.Contains(message, "database is locked"), strings.Contains(message, "SQLITE_BUSY"):
		return fmt.Errorf("another process held the index for more than %d s (%w)", busyTimeout/1000, err)
	case strings.Contains(message, "disk is full"), strings.Contains(message, "SQLITE_FULL"):
		return fmt.Errorf("the disk is full; the write was rolled back and what was indexed before is intact (%w)", err)
	case strings.Contains(message, "readonly"), strings.Contains(message, "unable to open"):
		return fmt.Errorf("cannot write the index file (%w)", err)
	}
	return err
}

func openSQLite(ctx context.Context, path string) (Store, error) {
	if err := checkSQLiteFile(path); err != nil {
		return nil, err
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open index %s: %w", path, err)
		}
	}
	// busy_timeout first: switching to WAL needs a lock another process may hold.
	// synchronous(NORMAL) in WAL keeps the file consistent after a crash; only the last
	// commits before a power loss may roll back. Immediate transactions take the write lock
	// when they begin, so two writers queue behind busy_timeout instead of deadlocking.
	dsn := fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate", path, busyTimeout)
	// SQLite answers "busy" at once, without waiting behind busy_timeout, to a connection that
	// opens a file while another is switching it to WAL or recovering its journal: two
	// processes creating one index at the same moment meet exactly that. Such an open is
	// tried again, for as long as busy_timeout would have waited.
	deadline := time.Now().Add(busyTimeout * time.Millisecond)
	for pause := 10 * time.Millisecond; ; pause = min(2*pause, 500*time.Millisecond) {
		store, err := openSQLiteOnce(ctx, path, dsn)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return store, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("open index %s: %w", path, ctx.Err())
		case <-time.After(pause):
		}
	}
}

func isBusy(err error) bool {
	message := err.Error()
	return strings.Contains(message, "database is locked") || strings.Contains(message, "SQLITE_BUSY")
}

func openSQLiteOnce(ctx context.Context, path, dsn string) (Store, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	dialect := *sqliteDialect
	dialect.size = func(ctx context.Context, db *sql.DB) (int64, error) {
		// The database itself; the WAL is a journal that checkpoints fold back into it.
		var pages, pageSize int64
		if err := db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
			return 0, err
		}
		if err := db.QueryRowContext(ctx, "PRAGMA page_size").Scan(&pageSize); err != nil {
			return 0, err
		}
		return pages * pageSize, nil
	}
	store := &sqlStore{db: db, dialect: &dialect, location: path}
	if err := store.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return store, nil
}

// checkSQLiteFile refuses, before SQLite touches it, a path that is a folder or a file that
// is not an SQLite database (SQLite would otherwise fail later with a terse message).
func checkSQLiteFile(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open index %s: %w", path, err)
	}
	if info.IsDir() {
		return fmt.Errorf("open index %s: %w: it is a folder; give the index file (e.g. %s)", path, ErrNotIndex, filepath.Join(path, "index.db"))
	}
	if info.Size() == 0 {
		return nil
	}
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open index %s: %w", path, err)
	}
	defer file.Close()
	header := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(file, header); err != nil || !bytes.Equal(header, []byte(sqliteHeader)) {
		return fmt.Errorf("open index %s: %w: the file is not an SQLite database", path, ErrNotIndex)
	}
	return nil
}
