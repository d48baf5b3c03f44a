package index

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/claimcheck/claimcheck/checker/claim"
)

// SchemaVersion is the schema this code reads and writes; older ones are migrated on open.
const SchemaVersion = 4

// ContentHash is the hash stored with an article: everything extraction reads from it.
func ContentHash(text, date, outlet, language, title string) string {
	h := sha256.New()
	for _, part := range []string{text, date, outlet, language, title} {
		fmt.Fprintf(h, "%d:", len(part))
		h.Write([]byte(part))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// dialect is what differs between the SQL backends.
type dialect struct {
	name string
	// migrations[i] takes the schema from version i to i+1; migrations[0] creates it.
	migrations [][]string
	// tables lists the tables of the current schema (in the connection's schema).
	tables string
	// lock serialises writers inside a transaction (PostgreSQL); SQLite's immediate
	// transactions already do.
	lock string
	size func(ctx context.Context, db *sql.DB) (int64, error)
	// describe turns a driver error into words.
	describe func(err error) error
}

// sqlStore is the Store over database/sql shared by both backends. Statements use $n
// placeholders, which SQLite reads as numbered parameters.
type sqlStore struct {
	db       *sql.DB
	dialect  *dialect
	location string
}

func (s *sqlStore) fail(verb string, err error) error {
	return fmt.Errorf("%s %s: %w", verb, s.location, s.dialect.describe(err))
}

// begin starts a write transaction, queued behind the dialect's writer lock where it has one
// (PostgreSQL's advisory lock; SQLite's immediate transactions lock by themselves).
func (s *sqlStore) begin(ctx context.Context) (*sql.Tx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if s.dialect.lock != "" {
		if _, err := tx.ExecContext(ctx, s.dialect.lock); err != nil {
			tx.Rollback()
			return nil, err
		}
	}
	return tx, nil
}

// migrate creates the schema in an empty database, upgrades an older one, and refuses a
// database that holds something else.
func (s *sqlStore) migrate(ctx context.Context) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return s.fail("open index", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, s.dialect.tables)
	if err != nil {
		return s.fail("open index", err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return s.fail("open index", err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s.fail("open index", err)
	}
	version := 0
	switch {
	case len(tables) == 0:
	case contains(tables, "schema_version"):
		if err := tx.QueryRowContext(ctx, "SELECT version FROM schema_version").Scan(&version); err != nil {
			return fmt.Errorf("open index %s: %w: its schema_version table is unreadable (%v)", s.location, ErrNotIndex, s.dialect.describe(err))
		}
	default:
		sort.Strings(tables)
		return fmt.Errorf("open index %s: %w: the database holds other tables (%s)", s.location, ErrNotIndex, strings.Join(tables, ", "))
	}
	if version > SchemaVersion {
		return fmt.Errorf("open index %s: its schema version %d is newer than this claimcheck reads (%d): upgrade claimcheck", s.location, version, SchemaVersion)
	}
	if version == SchemaVersion {
		return nil
	}
	for ; version < SchemaVersion; version++ {
		for _, statement := range s.dialect.migrations[version] {
			if _, err := tx.ExecContext(ctx, statement); err != nil {
				return fmt.Errorf("migrate index %s to schema %d: %w", s.location, version+1, s.dialect.describe(err))
			}
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM schema_version"); err != nil {
		return s.fail("migrate index", err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_version (version) VALUES ($1)", SchemaVersion); err != nil {
		return s.fail("migrate index", err)
	}
	if err := tx.Commit(); err != nil {
		return s.fail("migrate index", err)
	}
	return nil
}

func contains(list []string, name string) bool {
	for _, item := range list {
		if item == name {
			return true
		}
	}
	return false
}

func (s *sqlStore) Put(ctx context.Context, article Article) error {
	return s.put(ctx, article, true)
}

func (s *sqlStore) Replace(ctx context.Context, article Article) error {
	return s.put(ctx, article, false)
}

// claimsPerInsert bounds one multi-row INSERT (SQLite allows 32766 parameters).
const claimsPerInsert = 200

func (s *sqlStore) put(ctx context.Context, article Article, strict bool) error {
	blob, err := encodeMentions(article.Mentions)
	if err != nil {
		return fmt.Errorf("encode mentions of %s: %w", article.Path, err)
	}
	type row struct {
		ord                    int
		metric, subject, quote string
		value                  any
		json                   string
	}
	var rows []row
	for i, mention := range article.Mentions {
		if !mention.IsClaim || mention.Metric == "" {
			continue
		}
		data, err := encodeClaim(mention)
		if err != nil {
			return fmt.Errorf("encode claim of %s: %w", article.Path, err)
		}
		var value any
		if !math.IsNaN(mention.Value) && !math.IsInf(mention.Value, 0) {
			value = mention.Value
		}
		rows = append(rows, row{i, mention.Metric, mention.Subject, mention.Text, value, string(data)})
	}

	fail := func(err error) error {
		return fmt.Errorf("index %s into %s: %w", article.Path, s.location, s.dialect.describe(err))
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()
	if strict {
		if err := s.samePack(ctx, tx, article); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM claims WHERE article_id IN (SELECT id FROM articles WHERE path = $1)", article.Path); err != nil {
		return fail(err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM articles WHERE path = $1", article.Path); err != nil {
		return fail(err)
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO articles (path, hash, date, outlet, language, title, pack_version, mention_count, claim_count, mentions, stamp)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		article.Path, article.Hash, article.Date, article.Outlet, article.Language, article.Title, article.PackVersion,
		len(article.Mentions), len(rows), blob, article.Stamp).Scan(&id)
	if err != nil {
		return fail(err)
	}
	for start := 0; start < len(rows); start += claimsPerInsert {
		end := min(start+claimsPerInsert, len(rows))
		var statement strings.Builder
		statement.WriteString("INSERT INTO claims (article_id, ord, metric, subject, date, value, quote, json) VALUES ")
		args := make([]any, 0, (end-start)*8)
		for i, r := range rows[start:end] {
			if i > 0 {
				statement.WriteString(", ")
			}
			n := len(args)
			fmt.Fprintf(&statement, "($%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d)", n+1, n+2, n+3, n+4, n+5, n+6, n+7, n+8)
			args = append(args, id, r.ord, r.metric, r.subject, article.Date, r.value, r.quote, r.json)
		}
		if _, err := tx.ExecContext(ctx, statement.String(), args...); err != nil {
			return fail(err)
		}
	}
	if err := s.bump(ctx, tx); err != nil {
		return fail(err)
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return nil
}

// samePack refuses an article whose pack version differs from another stored article's. The
// distinct versions come from the pack_version index (one or two rows, whatever the size).
func (s *sqlStore) samePack(ctx context.Context, tx *sql.Tx, article Article) error {
	rows, err := tx.QueryContext(ctx, distinctPackVersions)
	if err != nil {
		return fmt.Errorf("index %s into %s: %w", article.Path, s.location, s.dialect.describe(err))
	}
	var others []string
	for rows.Next() {
		var version string
		if err := rows.Scan(&version); err != nil {
			rows.Close()
			return fmt.Errorf("index %s into %s: %w", article.Path, s.location, s.dialect.describe(err))
		}
		if version != article.PackVersion {
			others = append(others, version)
		}
	}
	rows.Close()
	for _, other := range others {
		// The article being replaced does not count: replacing the last old one is allowed.
		var count int
		err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM articles WHERE pack_version = $1 AND path <> $2", other, article.Path).Scan(&count)
		if err != nil {
			return fmt.Errorf("index %s into %s: %w", article.Path, s.location, s.dialect.describe(err))
		}
		if count > 0 {
			return &PackMismatchError{Index: []string{other}, Pack: article.PackVersion}
		}
	}
	return nil
}

func (s *sqlStore) Remove(ctx context.Context, paths []string) (int, error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return 0, s.fail("remove from index", err)
	}
	defer tx.Rollback()
	removed := 0
	for _, path := range paths {
		if _, err := tx.ExecContext(ctx, "DELETE FROM claims WHERE article_id IN (SELECT id FROM articles WHERE path = $1)", path); err != nil {
			return 0, s.fail("remove from index", err)
		}
		result, err := tx.ExecContext(ctx, "DELETE FROM articles WHERE path = $1", path)
		if err != nil {
			return 0, s.fail("remove from index", err)
		}
		n, _ := result.RowsAffected()
		removed += int(n)
	}
	if err := s.bump(ctx, tx); err != nil {
		return 0, s.fail("remove from index", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, s.fail("remove from index", err)
	}
	return removed, nil
}

// SetStamps records new stamps of stored articles whose content did not change (a file
// touched, or stored before it could be trusted), in one transaction.
func (s *sqlStore) SetStamps(ctx context.Context, stamps map[string]string) error {
	if len(stamps) == 0 {
		return nil
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return s.fail("update index", err)
	}
	defer tx.Rollback()
	paths := make([]string, 0, len(stamps))
	for path := range stamps {
		paths = append(paths, path)
	}
	sort.Strings(paths) // one order for every writer
	for _, path := range paths {
		if _, err := tx.ExecContext(ctx, "UPDATE articles SET stamp = $1 WHERE path = $2", stamps[path], path); err != nil {
			return s.fail("update index", err)
		}
	}
	if err := s.bump(ctx, tx); err != nil {
		return s.fail("update index", err)
	}
	if err := tx.Commit(); err != nil {
		return s.fail("update index", err)
	}
	return nil
}

const articleColumns = "path, hash, date, outlet, language, title, pack_version, stamp"

func scanArticle(scanner interface{ Scan(...any) error }, extra ...any) (Article, error) {
	var a Article
	err := scanner.Scan(append([]any{&a.Path, &a.Hash, &a.Date, &a.Outlet, &a.Language, &a.Title, &a.PackVersion, &a.Stamp}, extra...)...)
	return a, err
}

func (s *sqlStore) Entries(ctx context.Context, paths []string) ([]Article, error) {
	return s.articles(ctx, paths, false)
}

// pathsPerQuery bounds an IN list.
const pathsPerQuery = 500

func (s *sqlStore) Articles(ctx context.Context, paths []string) ([]Article, error) {
	return s.articles(ctx, paths, true)
}

func (s *sqlStore) articles(ctx context.Context, paths []string, withMentions bool) ([]Article, error) {
	var out []Article
	var blobs [][]byte
	columns := articleColumns
	if withMentions {
		columns += ", mentions"
	}
	read := func(where string, args []any) error {
		rows, err := s.db.QueryContext(ctx, "SELECT "+columns+" FROM articles"+where, args...)
		if err != nil {
			return s.fail("read index", err)
		}
		defer rows.Close()
		for rows.Next() {
			var blob []byte
			var extra []any
			if withMentions {
				extra = append(extra, &blob)
			}
			a, err := scanArticle(rows, extra...)
			if err != nil {
				return s.fail("read index", err)
			}
			out = append(out, a)
			blobs = append(blobs, blob)
		}
		if err := rows.Err(); err != nil {
			return s.fail("read index", err)
		}
		return nil
	}
	if paths == nil {
		if err := read("", nil); err != nil {
			return nil, err
		}
	}
	for start := 0; start < len(paths); start += pathsPerQuery {
		chunk := paths[start:min(start+pathsPerQuery, len(paths))]
		where, args := inList("path", chunk, 0)
		if err := read(" WHERE "+where, args); err != nil {
			return nil, err
		}
	}
	if withMentions {
		if err := s.decodeMentions(out, blobs); err != nil {
			return nil, err
		}
	}
	// Sorted here: PostgreSQL's collation may not order paths bytewise.
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// decodeMentions decodes the articles' mention blobs on every core: on a large re-check it is
// most of the time spent reading the index.
func (s *sqlStore) decodeMentions(articles []Article, blobs [][]byte) error {
	return onEveryCore(len(articles), func(i int) error {
		a := &articles[i]
		var err error
		if a.Mentions, err = decodeMentions(blobs[i]); err != nil {
			return fmt.Errorf("read index %s: the mentions of %s are damaged: %w", s.location, a.Path, err)
		}
		if a.Mentions == nil {
			// The extractor returns an empty list, never nil; the stored form does not keep the difference.
			a.Mentions = []claim.Claim{}
		}
		return nil
	})
}

// onEveryCore runs work(0…n-1) spread over the processors and returns the first error of
// the lowest-numbered worker that failed; a failed worker stops its share.
func onEveryCore(n int, work func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	errs := make([]error, workers)
	var group sync.WaitGroup
	for w := range workers {
		group.Add(1)
		go func() {
			defer group.Done()
			for i := w; i < n; i += workers {
				if err := work(i); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	group.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// inList writes "column IN ($n+1, …)" with its arguments.
func inList(column string, values []string, n int) (string, []any) {
	var b strings.Builder
	args := make([]any, len(values))
	b.WriteString(column + " IN (")
	for i, value := range values {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", n+i+1)
		args[i] = value
	}
	b.WriteString(")")
	return b.String(), args
}

func (s *sqlStore) Claims(ctx context.Context, query Query) ([]*Match, error) {
	where := []string{"c.metric = $1"}
	args := []any{query.Metric}
	if len(query.Subjects) > 0 {
		clause, more := inList("c.subject", query.Subjects, len(args))
		where, args = append(where, clause), append(args, more...)
	}
	if query.Since != "" {
		args = append(args, query.Since)
		where = append(where, fmt.Sprintf("c.date >= $%d", len(args)))
	}
	if len(query.ExcludePaths) > 0 {
		clause, more := inList("a.path", query.ExcludePaths, len(args))
		where, args = append(where, "NOT "+clause), append(args, more...)
	}
	// Ordered here rather than by the database: no sort step in the query plan, and bytewise.
	rows, err := s.db.QueryContext(ctx, "SELECT a.path, a.hash, a.date, a.outlet, a.language, a.title, a.pack_version, a.stamp, c.ord, c.json FROM claims c JOIN articles a ON a.id = c.article_id WHERE "+
		strings.Join(where, " AND "), args...)
	if err != nil {
		return nil, s.fail("query index", err)
	}
	defer rows.Close()
	type row struct {
		match Match
		ord   int
		data  []byte
	}
	var found []row
	for rows.Next() {
		var r row
		if r.match.Article, err = scanArticle(rows, &r.ord, &r.data); err != nil {
			return nil, s.fail("query index", err)
		}
		found = append(found, r)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("query index", err)
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].match.Article.Path != found[j].match.Article.Path {
			return found[i].match.Article.Path < found[j].match.Article.Path
		}
		return found[i].ord < found[j].ord
	})
	out := make([]Match, len(found))
	blobs := make([][]byte, len(found))
	for i := range found {
		out[i], blobs[i] = found[i].match, found[i].data
	}
	// Decoding the claims is most of a draft check's time against a large archive: on
	// every core.
	err = onEveryCore(len(out), func(i int) error {
		if err := decodeClaim(blobs[i], &out[i].Claim); err != nil {
			return fmt.Errorf("query index %s: a claim of %s is damaged: %w", s.location, out[i].Article.Path, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	pointers := make([]*Match, len(out))
	for i := range out {
		pointers[i] = &out[i]
	}
	return pointers, nil
}

// bump moves the generation inside a write transaction: readers that cache claims (Cache)
// see the change at their next read, whichever process wrote.
func (s *sqlStore) bump(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "UPDATE generation SET value = value + 1")
	return err
}

// Generation is a number that changes with every write to the stored articles.
func (s *sqlStore) Generation(ctx context.Context) (int64, error) {
	var generation int64
	if err := s.db.QueryRowContext(ctx, "SELECT value FROM generation").Scan(&generation); err != nil {
		return 0, s.fail("read index", err)
	}
	return generation, nil
}

// distinctPackVersions lists the pack versions in order by hopping along the pack_version
// index from one value to the next (a loose index scan): one probe per version, where
// SELECT DISTINCT walks an entry per article (6 ms at 100,000 articles, on every draft).
const distinctPackVersions = `WITH RECURSIVE versions (version) AS (
		SELECT MIN(pack_version) FROM articles
		UNION ALL
		SELECT (SELECT MIN(pack_version) FROM articles WHERE pack_version > versions.version) FROM versions WHERE versions.version IS NOT NULL)
	SELECT version FROM versions WHERE version IS NOT NULL`

func (s *sqlStore) PackVersions(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, distinctPackVersions)
	if err != nil {
		return nil, s.fail("read index", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, s.fail("read index", err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("read index", err)
	}
	return out, nil
}

func (s *sqlStore) Status(ctx context.Context) (Status, error) {
	status := Status{Backend: s.dialect.name, Location: s.location}
	if err := s.db.QueryRowContext(ctx, "SELECT version FROM schema_version").Scan(&status.SchemaVersion); err != nil {
		return status, s.fail("read index", err)
	}
	var mentions, claims sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT COUNT(*), CAST(SUM(mention_count) AS BIGINT), CAST(SUM(claim_count) AS BIGINT) FROM articles").Scan(&status.Articles, &mentions, &claims)
	if err != nil {
		return status, s.fail("read index", err)
	}
	status.Mentions, status.Claims = int(mentions.Int64), int(claims.Int64)
	if status.PackVersions, err = s.PackVersions(ctx); err != nil {
		return status, err
	}
	if status.Bytes, err = s.dialect.size(ctx, s.db); err != nil {
		return status, s.fail("read index size", err)
	}
	return status, nil
}

func (s *sqlStore) SaveRun(ctx context.Context, key string, data []byte) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO runs (key, data) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET data = excluded.data", key, data)
	if err != nil {
		return s.fail("save run in index", err)
	}
	return nil
}

func (s *sqlStore) Run(ctx context.Context, key string) ([]byte, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, "SELECT data FROM runs WHERE key = $1", key).Scan(&data)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, s.fail("read run from index", err)
	}
	return data, nil
}

func (s *sqlStore) Close() error { return s.db.Close() }
