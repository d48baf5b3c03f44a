package index

import (
	"container/list"
	"context"
	"sync"
)

// DefaultCacheClaims is how many claims NewCache keeps unless told otherwise: about 225 MB
// of decoded claims (0.9 KB each with their sentence and article, measured), a fifth of a
// 100,000-article archive's claims.
const DefaultCacheClaims = 250_000

// CacheStats counts what a cache served from memory and what it read from its store.
type CacheStats struct {
	Hits, Misses int64 // buckets (one metric, one subject) found or read
	Claims       int   // claims held now
	Generation   int64 // the store generation the held buckets belong to
}

// Cache is a Store that keeps the claims of recently queried buckets (one metric and one
// subject) in memory, decoded, for a long-running reader such as the draft server: drafts
// about the same subjects then share one read and one decode. Every Claims call first reads
// the store's Generation (one small query) and drops every bucket when it moved, so writes
// by this process or any other are seen by the next call. Concurrent calls missing the same
// bucket wait for one read. Everything but Claims goes straight to the store.
type Cache struct {
	Store
	maxClaims int

	mutex      sync.Mutex
	generation int64
	buckets    map[bucketKey]*bucket
	recent     *list.List // of bucketKey, most recently used first
	claims     int
	hits       int64
	misses     int64
}

type bucketKey struct{ metric, subject string }

// anySubject keys the bucket of a whole metric (a query without subjects).
const anySubject = "\x00any"

type bucket struct {
	ready   chan struct{} // closed once matches or err is set
	matches []*Match      // sorted by path and position; shared, never written after ready
	err     error
	element *list.Element // nil while loading or when too large to keep
}

// NewCache wraps store with a cache of at most maxClaims decoded claims (0 or less:
// DefaultCacheClaims). A bucket larger than the whole cache is read for its query and not
// kept.
func NewCache(store Store, maxClaims int) *Cache {
	if maxClaims <= 0 {
		maxClaims = DefaultCacheClaims
	}
	return &Cache{Store: store, maxClaims: maxClaims, buckets: map[bucketKey]*bucket{}, recent: list.New()}
}

// Stats reports the cache's hits, misses and size.
func (c *Cache) Stats() CacheStats {
	c.mutex.Lock()
	defer c.mutex.Unlock()
	return CacheStats{Hits: c.hits, Misses: c.misses, Claims: c.claims, Generation: c.generation}
}

// Claims answers from the cached buckets of the query's metric and subjects, reading the
// missing ones from the store in one query.
func (c *Cache) Claims(ctx context.Context, query Query) ([]*Match, error) {
	generation, err := c.Store.Generation(ctx)
	if err != nil {
		return nil, err
	}
	subjects := query.Subjects
	if len(subjects) == 0 {
		subjects = []string{anySubject}
	}
	subjects = dedupe(subjects)

	c.mutex.Lock()
	if generation != c.generation {
		c.reset(generation)
	}
	found := make([]*bucket, 0, len(subjects))
	var load []string
	var loading []*bucket
	for _, subject := range subjects {
		key := bucketKey{query.Metric, subject}
		b := c.buckets[key]
		if b == nil {
			b = &bucket{ready: make(chan struct{})}
			c.buckets[key] = b
			load, loading = append(load, subject), append(loading, b)
			c.misses++
		} else {
			c.hits++
			if b.element != nil {
				c.recent.MoveToFront(b.element)
			}
		}
		found = append(found, b)
	}
	c.mutex.Unlock()

	if len(load) > 0 {
		c.load(ctx, generation, query.Metric, load, loading)
	}
	exclude := map[string]bool{}
	for _, path := range query.ExcludePaths {
		exclude[path] = true
	}
	runs := make([][]*Match, 0, len(found))
	for _, b := range found {
		select {
		case <-b.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if b.err != nil {
			return nil, b.err
		}
		run := make([]*Match, 0, len(b.matches))
		for _, match := range b.matches {
			if !exclude[match.Article.Path] && (query.Since == "" || match.Article.Date >= query.Since) {
				run = append(run, match)
			}
		}
		runs = append(runs, run)
	}
	return mergeRuns(runs), nil
}

// mergeRuns merges lists sorted by path and position, pairwise: each claim is moved
// log(len(runs)) times, where sorting the whole would compare it far more often.
func mergeRuns(runs [][]*Match) []*Match {
	if len(runs) == 0 {
		return []*Match{}
	}
	for len(runs) > 1 {
		next := make([][]*Match, 0, (len(runs)+1)/2)
		for i := 0; i < len(runs); i += 2 {
			if i+1 == len(runs) {
				next = append(next, runs[i])
				continue
			}
			a, b := runs[i], runs[i+1]
			merged := make([]*Match, 0, len(a)+len(b))
			for len(a) > 0 && len(b) > 0 {
				if b[0].Article.Path < a[0].Article.Path || b[0].Article.Path == a[0].Article.Path && b[0].Claim.Start < a[0].Claim.Start {
					merged, b = append(merged, b[0]), b[1:]
				} else {
					merged, a = append(merged, a[0]), a[1:]
				}
			}
			next = append(next, append(append(merged, a...), b...))
		}
		runs = next
	}
	return runs[0]
}

// load reads the buckets of these subjects in one query and publishes them. Buckets are
// kept only while the generation they were read under is still current: a reader that saw
// an older generation may publish to its waiters, never to later calls.
func (c *Cache) load(ctx context.Context, generation int64, metric string, subjects []string, buckets []*bucket) {
	query := Query{Metric: metric}
	if subjects[0] != anySubject {
		query.Subjects = subjects
	}
	// The read is shared with other callers waiting on these buckets: it must not end
	// because this caller's request did.
	matches, err := c.Store.Claims(context.WithoutCancel(ctx), query)
	bySubject := map[string][]*Match{}
	if err == nil {
		// Articles read again per row share one copy of their metadata.
		articles := map[string]Article{}
		for _, match := range matches {
			article, ok := articles[match.Article.Path]
			if !ok {
				article = match.Article
				articles[article.Path] = article
			}
			match.Article = article // the store's own matches: not shared yet
			subject := anySubject
			if query.Subjects != nil {
				subject = match.Claim.Subject
			}
			bySubject[subject] = append(bySubject[subject], match)
		}
	}

	c.mutex.Lock()
	defer c.mutex.Unlock()
	for i, subject := range subjects {
		b := buckets[i]
		key := bucketKey{metric, subject}
		b.matches, b.err = bySubject[subject], err
		close(b.ready)
		current := c.buckets[key] == b && c.generation == generation
		if err != nil || !current || len(b.matches) > c.maxClaims {
			if c.buckets[key] == b {
				delete(c.buckets, key)
			}
			continue
		}
		b.element = c.recent.PushFront(key)
		c.claims += len(b.matches)
	}
	for c.claims > c.maxClaims {
		oldest := c.recent.Back()
		key := oldest.Value.(bucketKey)
		c.claims -= len(c.buckets[key].matches)
		c.recent.Remove(oldest)
		delete(c.buckets, key)
	}
}

// reset drops every bucket; loads under way publish to their waiters only.
func (c *Cache) reset(generation int64) {
	c.generation = generation
	c.buckets = map[bucketKey]*bucket{}
	c.recent.Init()
	c.claims = 0
}

func dedupe(list []string) []string {
	seen := make(map[string]bool, len(list))
	out := make([]string, 0, len(list))
	for _, item := range list {
		if !seen[item] {
			seen[item] = true
			out = append(out, item)
		}
	}
	return out
}
