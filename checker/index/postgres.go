package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

var postgresDialect = &dialect{
	name: "postgres",
	migrations: [][]string{{
		`CREATE TABLE schema_version (version INTEGER NOT NULL)`,
		`CREATE TABLE articles (id BIGSERIAL PRIMARY KEY, path TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, date TEXT NOT NULL,
			outlet TEXT NOT NULL, language TEXT NOT NULL, title TEXT NOT NULL, pack_version TEXT NOT NULL,
			mention_count INTEGER NOT NULL, claim_count INTEGER NOT NULL, mentions BYTEA NOT NULL)`,
		`CREATE INDEX articles_pack_version ON articles (pack_version)`,
		`CREATE TABLE claims (article_id BIGINT NOT NULL, ord INTEGER NOT NULL, metric TEXT NOT NULL, subject TEXT NOT NULL,
			date TEXT NOT NULL, value DOUBLE PRECISION, quote TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (article_id, ord))`,
		`CREATE INDEX claims_metric_subject ON claims (metric, subject, date)`,
	}, {
		// Schema 2: the last run's findings per corpus, for incremental checks.
		`CREATE TABLE runs (key TEXT PRIMARY KEY, data BYTEA NOT NULL)`,
	}, {
		// Schema 3: each article file's stamp (size, modification time, manifest entry), so
		// that a re-check skips reading files that did not change.
		`ALTER TABLE articles ADD COLUMN stamp TEXT NOT NULL DEFAULT ''`,
	}, {
		// Schema 4: a counter moved by every write, so that a cache of claims in a
		// long-running reader (index.Cache) knows when to drop what it holds.
		`CREATE TABLE generation (value BIGINT NOT NULL)`,
		`INSERT INTO generation (value) VALUES (0)`,
	}},
	tables: `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
	// Writers of one schema queue behind one advisory lock, held until their transaction ends:
	// the pack version check and the write are then atomic, as with SQLite's write lock.
	lock: `SELECT pg_advisory_xact_lock(hashtext('claimcheck:' || current_schema()))`,
	size: func(ctx context.Context, db *sql.DB) (int64, error) {
		var size int64
		err := db.QueryRowContext(ctx, `SELECT CAST(COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS BIGINT) FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'
			AND c.relname IN ('schema_version', 'articles', 'claims', 'runs', 'generation')`).Scan(&size)
		return size, err
	},
	describe: describePostgres,
}

func describePostgres(err error) error {
	var pgError *pgconn.PgError
	var connectError *pgconn.ConnectError
	var netError net.Error
	switch {
	case errors.As(err, &connectError):
		return fmt.Errorf("cannot reach the PostgreSQL server (is it running?): %w", err)
	case errors.As(err, &pgError) && strings.HasPrefix(pgError.Code, "57P"), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		errors.As(err, &netError), strings.Contains(err.Error(), "conn closed"), strings.Contains(err.Error(), "connection reset"):
		return fmt.Errorf("lost the PostgreSQL server (stopped or unreachable); the write in progress was rolled back: %w", err)
	case errors.As(err, &pgError) && pgError.Code == "53100":
		return fmt.Errorf("the PostgreSQL server's disk is full; the write was rolled back and what was indexed before is intact: %w", err)
	}
	return err
}

// redact hides a password in a DSN shown in messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

func openPostgres(ctx context.Context, dsn string) (Store, error) {
	location := redact(dsn)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", location, err)
	}
	// Bounded, so that an unreachable server is an error and not a hang.
	pingContext, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingContext); err != nil {
		db.Close()
		return nil, fmt.Errorf("open index %s: %w", location, describePostgres(err))
	}
	store := &sqlStore{db: db, dialect: postgresDialect, location: location}
	if err := store.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return store, nil
}
