// Package indextest is test support for the claim index: the backends every index test
// runs against. PostgreSQL comes from CLAIMCHECK_TEST_POSTGRES (a DSN); without it, or when
// the server cannot be reached, PostgreSQL specs skip with a message, or fail when
// CLAIMCHECK_REQUIRE_POSTGRES=1 (CI).
package indextest

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	. "github.com/onsi/ginkgo/v2"
)

// Backend is one kind of index; NewDSN gives a fresh, empty index of that kind for the
// running spec and removes it after.
type Backend struct {
	Name   string
	NewDSN func() string
}

// Backends are SQLite and PostgreSQL.
func Backends() []Backend {
	return []Backend{{Name: "sqlite", NewDSN: SQLiteDSN}, {Name: "postgres", NewDSN: PostgresDSN}}
}

// SQLiteDSN is a new index file in the spec's temporary folder.
func SQLiteDSN() string {
	return filepath.Join(GinkgoT().TempDir(), "index.db")
}

// PostgresServer is the DSN of the test server, after skipping (or failing, when
// CLAIMCHECK_REQUIRE_POSTGRES=1) the spec when none is configured or reachable.
func PostgresServer() string {
	dsn := os.Getenv("CLAIMCHECK_TEST_POSTGRES")
	unavailable := func(why string) {
		if os.Getenv("CLAIMCHECK_REQUIRE_POSTGRES") == "1" {
			Fail("PostgreSQL is required (CLAIMCHECK_REQUIRE_POSTGRES=1) but " + why)
		}
		Skip("PostgreSQL tests skipped: " + why + " (set CLAIMCHECK_TEST_POSTGRES=postgres://user:password@127.0.0.1:5432/db)")
	}
	if dsn == "" {
		unavailable("CLAIMCHECK_TEST_POSTGRES is not set")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		unavailable(fmt.Sprintf("CLAIMCHECK_TEST_POSTGRES is not a valid DSN (%v)", err))
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		unavailable(fmt.Sprintf("the server is unreachable (%v)", err))
	}
	return dsn
}

// PostgresDSN is a fresh schema on the test server (through search_path), dropped after the spec.
func PostgresDSN() string {
	server := PostgresServer()
	schema := fmt.Sprintf("claimcheck_test_%d_%x", os.Getpid(), rand.Uint64())
	db, err := sql.Open("pgx", server)
	if err != nil {
		Fail(err.Error())
	}
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		db.Close()
		Fail(fmt.Sprintf("create test schema: %v", err))
	}
	DeferCleanup(func() {
		db.Exec("DROP SCHEMA " + schema + " CASCADE")
		db.Close()
	})
	u, err := url.Parse(server)
	if err != nil {
		Fail(err.Error())
	}
	query := u.Query()
	query.Set("search_path", schema)
	query.Set("application_name", schema)
	u.RawQuery = query.Encode()
	return u.String()
}

// ApplicationName is the application name a PostgresDSN's connections carry (its schema),
// to find them in pg_stat_activity.
func ApplicationName(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return ""
	}
	return u.Query().Get("application_name")
}
