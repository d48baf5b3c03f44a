package checker

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/corpus"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/source"
)

// IndexStats counts what an indexed run did.
type IndexStats struct {
	// Extracted articles were new or changed (or from another pack version): read again and stored.
	Extracted int
	// Unchanged articles came from the index.
	Unchanged int
	// Unread of the unchanged were not even read: their stamp (size, modification time,
	// manifest entry) was the stored one.
	Unread int
	// Removed articles were dropped from the index (a rebuild whose file is gone).
	Removed int
	// Incremental says that CheckIndexed updated the previous run's findings instead of
	// running every check again.
	Incremental bool
}

// VerifyIndex reports a *index.PackMismatchError when the index holds claims extracted with
// other packs than this checker's.
func (c *Checker) VerifyIndex(ctx context.Context, store index.Store) error {
	versions, err := store.PackVersions(ctx)
	if err != nil {
		return err
	}
	for _, version := range versions {
		if version != c.pack.Version {
			return &index.PackMismatchError{Index: versions, Pack: c.pack.Version}
		}
	}
	return nil
}

// ExtractIndexed is Extract with the index as a memory: articles whose text and metadata are
// unchanged since they were stored take their mentions from the index; new and changed ones
// are extracted and stored, each in its own transaction. The result equals Extract's.
func (c *Checker) ExtractIndexed(ctx context.Context, store index.Store, paths []string) (*Extraction, IndexStats, error) {
	extraction, stats, _, err := c.syncIndex(ctx, store, paths, true)
	return extraction, stats, err
}

// CheckIndexed is Check through the index: the same result as a run from scratch. It also
// remembers the run's findings in the index, so that the next CheckIndexed of the same paths
// re-evaluates only the checks a changed article can touch (see incremental.go).
func (c *Checker) CheckIndexed(ctx context.Context, store index.Store, paths []string) (*report.Result, IndexStats, error) {
	extraction, stats, hashes, err := c.syncIndex(ctx, store, paths, true)
	if err != nil {
		return nil, stats, err
	}
	if err := ctx.Err(); err != nil {
		return nil, stats, err
	}
	result, incremental, err := c.checkIncremental(ctx, store, runKey(c.pack.Version, paths), extraction, hashes)
	stats.Incremental = incremental
	return result, stats, err
}

// IndexAdd stores the articles of paths that are new or changed. The errors are the articles
// that could not be read, as Extract reports them.
func (c *Checker) IndexAdd(ctx context.Context, store index.Store, paths []string) (IndexStats, source.ErrorList, error) {
	extraction, stats, _, err := c.syncIndex(ctx, store, paths, false)
	if err != nil {
		return stats, nil, err
	}
	return stats, extraction.Errors, nil
}

// IndexRebuild re-extracts, from their files, every stored article that another pack
// version produced, replacing each in its own transaction: an interrupted rebuild resumes
// where it stopped. Articles whose file can no longer be read are removed and reported.
func (c *Checker) IndexRebuild(ctx context.Context, store index.Store) (IndexStats, source.ErrorList, error) {
	var stats IndexStats
	entries, err := store.Entries(ctx, nil)
	if err != nil {
		return stats, nil, err
	}
	var stale []string
	for _, entry := range entries {
		if entry.PackVersion != c.pack.Version {
			stale = append(stale, entry.Path)
		} else {
			stats.Unchanged++
		}
	}
	if len(stale) == 0 {
		return stats, nil, nil
	}
	articles, errs := c.loader.Load(stale)
	loaded := map[string]bool{}
	for _, article := range articles {
		loaded[article.Path] = true
	}
	var gone []string
	for _, path := range stale {
		if !loaded[path] {
			gone = append(gone, path)
		}
	}
	if len(gone) > 0 {
		if stats.Removed, err = store.Remove(ctx, gone); err != nil {
			return stats, errs, err
		}
	}
	err = c.extractAll(ctx, articles, func(article *corpus.Article, mentions []claim.Claim) error {
		stats.Extracted++
		return store.Replace(ctx, c.indexArticle(article, mentions))
	})
	return stats, errs, err
}

// IndexedCorpus is every stored article, as Extract would give it, without reading a file.
func (c *Checker) IndexedCorpus(ctx context.Context, store index.Store) (*Extraction, error) {
	if err := c.VerifyIndex(ctx, store); err != nil {
		return nil, err
	}
	articles, err := store.Articles(ctx, nil)
	if err != nil {
		return nil, err
	}
	out := &Extraction{}
	for _, stored := range articles {
		out.Articles = append(out.Articles, reportArticle(stored, stored.Mentions))
		out.Mentions = append(out.Mentions, stored.Mentions...)
	}
	return out, nil
}

// ArchiveFromIndex returns the archive side of a draft check: only the stored claims that can
// meet the draft's claims in a check, that is claims of the same metric whose subject is a
// draft claim's subject, one of its ancestors or one of its descendants (part_of), with their
// articles' metadata. Each article's Mentions holds only those claims. The draft's own
// articles (same paths) are left out. A group check (parts summing past a whole) sees the
// draft's parts with the archive's whole and the archive's parts under a draft whole; a sum
// over archive siblings of a draft part is out of its reach.
func (c *Checker) ArchiveFromIndex(ctx context.Context, store index.Store, draft *Extraction) (*Extraction, error) {
	matches, err := c.candidates(ctx, store, draft)
	if err != nil {
		return nil, err
	}
	// One array holds every claim; each article's Mentions is its run in it.
	out := &Extraction{Mentions: make([]claim.Claim, len(matches))}
	for i, match := range matches {
		out.Mentions[i] = match.Claim
	}
	for start := 0; start < len(matches); {
		end := start + 1
		for end < len(matches) && matches[end].Article.Path == matches[start].Article.Path {
			end++
		}
		out.Articles = append(out.Articles, reportArticle(matches[start].Article, out.Mentions[start:end:end]))
		start = end
	}
	return out, nil
}

// candidates are ArchiveFromIndex's claims with their articles, by path and position, as the
// store gives them (read-only: a Cache shares them).
func (c *Checker) candidates(ctx context.Context, store index.Store, draft *Extraction) ([]*index.Match, error) {
	if err := c.VerifyIndex(ctx, store); err != nil {
		return nil, err
	}
	subjects := c.candidateSubjects(draft.Mentions)
	var exclude []string
	for _, article := range draft.Articles {
		exclude = append(exclude, article.Path)
	}
	metrics := make([]string, 0, len(subjects))
	for metric := range subjects {
		metrics = append(metrics, metric)
	}
	sort.Strings(metrics)
	var matches []*index.Match
	for _, metric := range metrics {
		list := make([]string, 0, len(subjects[metric]))
		for subject := range subjects[metric] {
			list = append(list, subject)
		}
		sort.Strings(list)
		found, err := store.Claims(ctx, index.Query{Metric: metric, Subjects: list, ExcludePaths: exclude})
		if err != nil {
			return nil, err
		}
		matches = append(matches, found...)
	}
	// Each metric's claims come by path and position; several are merged.
	if len(metrics) > 1 {
		slices.SortStableFunc(matches, func(a, b *index.Match) int { return comparePlace(&a.Claim, &b.Claim) })
	}
	return matches, nil
}

// candidateSubjects maps each metric of the draft's comparable claims to the subjects its
// archive candidates may have: the claim's subject, its ancestors and its descendants.
func (c *Checker) candidateSubjects(mentions []claim.Claim) map[string]map[string]bool {
	children := map[string][]string{}
	for _, entity := range c.pack.Entities {
		if entity.PartOf != "" {
			children[entity.PartOf] = append(children[entity.PartOf], entity.ID)
		}
	}
	out := map[string]map[string]bool{}
	for _, m := range mentions {
		if !m.IsClaim || m.Metric == "" || m.Subject == "" {
			continue
		}
		set := out[m.Metric]
		if set == nil {
			set = map[string]bool{}
			out[m.Metric] = set
		}
		if set[m.Subject] {
			continue
		}
		set[m.Subject] = true
		for _, ancestor := range c.pack.Ancestors(m.Subject) {
			set[ancestor] = true
		}
		pending := []string{m.Subject}
		for len(pending) > 0 {
			next := pending[len(pending)-1]
			pending = pending[:len(pending)-1]
			for _, child := range children[next] {
				if !set[child] {
					set[child] = true
					pending = append(pending, child)
				}
			}
		}
	}
	return out
}

func reportArticle(stored index.Article, mentions []claim.Claim) report.Article {
	return report.Article{Path: stored.Path, Title: stored.Title, Outlet: stored.Outlet, Date: stored.Date, Language: stored.Language, Mentions: mentions}
}

func (c *Checker) indexArticle(article *corpus.Article, mentions []claim.Claim) index.Article {
	date := ""
	if !article.Date.IsZero() {
		date = article.Date.Format("2006-01-02")
	}
	return index.Article{Path: article.Path, Hash: index.ContentHash(article.Text, date, article.Outlet, article.Language, article.Title),
		Date: date, Outlet: article.Outlet, Language: article.Language, Title: article.Title, PackVersion: c.pack.Version,
		Stamp: article.Stamp, Mentions: mentions}
}

// syncIndex loads paths, extracts and stores what the index lacks, and, when keep is set,
// returns the whole extraction as Extract would, with each article's content hash.
func (c *Checker) syncIndex(ctx context.Context, store index.Store, paths []string, keep bool) (*Extraction, IndexStats, map[string]string, error) {
	var stats IndexStats
	if err := c.VerifyIndex(ctx, store); err != nil {
		return nil, stats, nil, err
	}
	// Files whose stamp (size, modification time, manifest entry) is the one stored are not
	// read at all: their stored entry stands for them.
	stored := map[string]index.Article{}
	articles, kept, errs, err := c.loader.LoadChanged(paths, func(listed []string) (map[string]string, error) {
		entries, err := store.Entries(ctx, listed)
		if err != nil {
			return nil, err
		}
		stamps := make(map[string]string, len(entries))
		for _, entry := range entries {
			if entry.PackVersion == c.pack.Version {
				stored[entry.Path] = entry
				stamps[entry.Path] = entry.Stamp
			}
		}
		return stamps, nil
	})
	if err != nil {
		return nil, stats, nil, err
	}
	stats.Unread = len(kept)
	unread := make(map[string]bool, len(kept))
	for _, k := range kept {
		entry := stored[k.Path]
		date, _ := time.Parse("2006-01-02", entry.Date) // empty: no date
		articles = append(articles, &corpus.Article{Path: entry.Path, Title: entry.Title, Outlet: entry.Outlet, Language: entry.Language,
			Date: date, Stamp: k.Stamp})
		unread[k.Path] = true
	}
	sort.SliceStable(articles, func(i, j int) bool { return articles[i].Path < articles[j].Path })
	storedHash := map[string]string{}
	for path, entry := range stored {
		storedHash[path] = entry.Hash
	}
	// A file read with an error or a warning (bytes replaced, say) is never stamped: it is read
	// again every time, so that its errors show in every run as in a run from scratch.
	withErrors := make(map[string]bool, len(errs))
	for _, e := range errs {
		withErrors[e.File] = true
	}
	for _, article := range articles {
		if withErrors[article.Path] {
			article.Stamp = ""
		}
	}
	mentions := make([][]claim.Claim, len(articles))
	var changed []*corpus.Article
	var unchanged []string
	restamp := map[string]string{}
	position := map[*corpus.Article]int{}
	hashes := make(map[string]string, len(articles))
	for i, article := range articles {
		position[article] = i
		hash := storedHash[article.Path]
		if !unread[article.Path] {
			hash = c.indexArticle(article, nil).Hash
		}
		hashes[article.Path] = hash
		if article.Path != "-" && storedHash[article.Path] == hash {
			unchanged = append(unchanged, article.Path)
			if stamp := article.Stamp; stamp != stored[article.Path].Stamp {
				restamp[article.Path] = stamp
			}
			continue
		}
		changed = append(changed, article)
	}
	stats.Unchanged = len(unchanged)
	if err := store.SetStamps(ctx, restamp); err != nil {
		return nil, stats, nil, err
	}
	err = c.extractAll(ctx, changed, func(article *corpus.Article, found []claim.Claim) error {
		if keep {
			mentions[position[article]] = found
		}
		if article.Path == "-" {
			return nil // standard input has no stable path to remember it by
		}
		stats.Extracted++
		return store.Put(ctx, c.indexArticle(article, found))
	})
	if err != nil {
		return nil, stats, nil, err
	}
	out := &Extraction{Errors: errs}
	if !keep {
		return out, stats, hashes, nil
	}
	if len(unchanged) > 0 {
		stored, err := store.Articles(ctx, unchanged)
		if err != nil {
			return nil, stats, nil, err
		}
		byPath := make(map[string][]claim.Claim, len(stored))
		for _, article := range stored {
			byPath[article.Path] = article.Mentions
		}
		for i, article := range articles {
			if found, ok := byPath[article.Path]; ok && mentions[i] == nil {
				mentions[i] = found
			}
		}
	}
	total := 0
	for i, article := range articles {
		if mentions[i] == nil {
			return nil, stats, nil, fmt.Errorf("read index: %s vanished from the index while it was read", article.Path)
		}
		total += len(mentions[i])
	}
	out.Mentions = make([]claim.Claim, 0, total)
	for i, article := range articles {
		entry := report.Article{Path: article.Path, Title: article.Title, Outlet: article.Outlet, Language: article.Language, Mentions: mentions[i]}
		if !article.Date.IsZero() {
			entry.Date = article.Date.Format("2006-01-02")
		}
		out.Mentions = append(out.Mentions, mentions[i]...)
		out.Articles = append(out.Articles, entry)
	}
	return out, stats, hashes, nil
}

// extractAll extracts articles on every core and hands each result, in the articles' order,
// to store, which runs on the calling goroutine (one writer).
func (c *Checker) extractAll(ctx context.Context, articles []*corpus.Article, store func(*corpus.Article, []claim.Claim) error) error {
	if len(articles) == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		article *corpus.Article
		done    chan []claim.Claim
	}
	jobs := make(chan job)
	queue := make(chan job, 4*runtime.GOMAXPROCS(0))
	var workers sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for j := range jobs {
				j.done <- c.extractor.Article(j.article)
			}
		}()
	}
	go func() {
		defer close(queue)
		defer close(jobs)
		for _, article := range articles {
			j := job{article: article, done: make(chan []claim.Claim, 1)}
			select {
			case queue <- j:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer workers.Wait()
	fail := func(err error) error {
		cancel()
		for range queue {
		}
		return err
	}
	for j := range queue {
		var found []claim.Claim
		select {
		case found = <-j.done:
		case <-ctx.Done():
			return fail(ctx.Err())
		}
		if err := store(j.article, found); err != nil {
			return fail(err)
		}
	}
	return ctx.Err()
}

// CheckAgainstIndex checks a draft against the indexed archive: CheckDraft over
// ArchiveFromIndex's candidates, which it reads in place rather than copying them into an
// Extraction first, so the cost follows the draft, not the archive's size.
func (c *Checker) CheckAgainstIndex(ctx context.Context, store index.Store, draft *Extraction) (*report.Result, error) {
	matches, err := c.candidates(ctx, store, draft)
	if err != nil {
		return nil, err
	}
	claims := make([]*claim.Claim, len(matches))
	articles := make(map[string]*index.Article, len(matches)/4)
	for i, match := range matches {
		claims[i] = &match.Claim
		if _, ok := articles[match.Article.Path]; !ok {
			articles[match.Article.Path] = &match.Article
		}
	}
	return c.checkDraft(ctx, draft, claims, func(path string) report.Article { return reportArticle(*articles[path], nil) })
}
