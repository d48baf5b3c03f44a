// Package index is the claim index: a persistent store of every article's mentions, keyed by
// path and content hash, so that an archive is read once and checked many times.
//
// Two backends stand behind one Store interface: an embedded SQLite file (modernc.org/sqlite,
// pure Go, WAL, busy timeout) and a shared PostgreSQL database (pgx). Open picks one from the
// DSN. The schema is created and migrated here, recorded in a schema_version table.
//
// Each article is written in its own transaction (its row and its claim rows together), so a
// killed process, a stopped server or a full disk loses at most the article being written and
// never leaves half of one. Every article records the pack version that produced its claims;
// Put refuses to store an article made with another version than the ones already stored,
// which is how claims from different lexicons are never mixed silently.
package index
