package index

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
)

// Article is one indexed article: where it was read, a hash of what extraction read (text and
// metadata), its metadata, the pack version that extracted it and every mention found.
type Article struct {
	Path string
	// Hash is the hex SHA-256 of the article's text and metadata (see ContentHash).
	Hash        string
	Date        string // YYYY-MM-DD or empty
	Outlet      string
	Language    string
	Title       string
	PackVersion string
	// Stamp is what the file looked like when it was read (corpus.Stamp): a re-check reads
	// again only files whose stamp changed. Empty: always read again.
	Stamp string
	// Mentions are every numeric mention, claims and non-claims, as extracted. Entries and
	// Matches leave it nil.
	Mentions []claim.Claim
}

// Query selects stored claims: one metric, optionally some subjects and an earliest
// article date.
type Query struct {
	Metric string
	// Subjects limits the claims to these subjects; empty means any subject.
	Subjects []string
	// Since keeps claims of articles dated on or after it (YYYY-MM-DD); empty keeps all.
	Since string
	// ExcludePaths leaves out claims of these articles (a draft's own).
	ExcludePaths []string
}

// Match is a stored claim with its article's metadata.
type Match struct {
	Article Article
	Claim   claim.Claim
}

// Status describes an index.
type Status struct {
	Backend  string
	Location string
	Articles int
	// Mentions counts every stored mention; Claims those with a metric (what checks compare).
	Mentions int
	Claims   int
	// PackVersions are the versions of the stored articles: one, or none when empty. More
	// than one means a rebuild was interrupted.
	PackVersions []string
	// Bytes is the size on disk: SQLite's database pages (without the transient WAL journal);
	// PostgreSQL's tables with their indexes and TOAST data.
	Bytes         int64
	SchemaVersion int
}

// Store is a claim index. Implementations are safe for concurrent use.
type Store interface {
	// Put stores an article in one transaction, replacing the one with the same path. It
	// refuses, with a *PackMismatchError, an article whose pack version differs from another
	// stored article's.
	Put(ctx context.Context, article Article) error
	// Replace is Put without the pack version check: a rebuild replaces old articles one by one.
	Replace(ctx context.Context, article Article) error
	// SetStamps records the stamps of stored articles (by path) whose content is unchanged.
	SetStamps(ctx context.Context, stamps map[string]string) error
	// Remove deletes the articles with these exact paths and says how many there were.
	Remove(ctx context.Context, paths []string) (int, error)
	// Entries lists the stored articles with these paths without their mentions, sorted by
	// path; nil paths lists every article.
	Entries(ctx context.Context, paths []string) ([]Article, error)
	// Articles returns the stored articles with these paths, with their mentions; paths
	// that are not stored are left out. Nil paths returns every article. Sorted by path.
	Articles(ctx context.Context, paths []string) ([]Article, error)
	// Claims returns the stored claims that match the query, by article path and position.
	// The matches are read-only: a Cache hands the same ones to every caller.
	Claims(ctx context.Context, query Query) ([]*Match, error)
	// PackVersions lists the distinct pack versions of the stored articles.
	PackVersions(ctx context.Context) ([]string, error)
	Status(ctx context.Context) (Status, error)
	// Generation is a number that changes whenever stored articles change, whichever
	// process changed them: a reader that keeps claims in memory compares it to know when
	// they are stale.
	Generation(ctx context.Context) (int64, error)
	// SaveRun keeps an opaque record of a run (the checker's findings) under key, replacing
	// the previous one; Run reads it back, nil when there is none.
	SaveRun(ctx context.Context, key string, data []byte) error
	Run(ctx context.Context, key string) ([]byte, error)
	Close() error
}

// PackMismatchError says that the index holds claims from another pack version.
type PackMismatchError struct {
	Index []string // versions stored
	Pack  string   // the version of the packs in use
}

func (e *PackMismatchError) Error() string {
	return fmt.Sprintf("the index holds claims extracted with pack version %s but the rules in use are version %s: run `claimcheck index rebuild` (or pass --rebuild) to re-extract the archive with the current rules",
		strings.Join(e.Index, ", "), e.Pack)
}

// ErrNotIndex marks a file or database that is not a claimcheck index.
var ErrNotIndex = errors.New("not a claimcheck index")

// Open opens (creating and migrating when needed) the index a DSN names: postgres:// or
// postgresql:// URLs select PostgreSQL; anything else is an SQLite file path (an optional
// "sqlite:" prefix is dropped).
func Open(ctx context.Context, dsn string) (Store, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return openPostgres(ctx, dsn)
	case dsn == "":
		return nil, fmt.Errorf("open index: no location given")
	default:
		return openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	}
}
