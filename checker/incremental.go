package checker

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/engine"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/rules"
)

// An incremental check. Every check compares claims of one metric: a pair check a bucket
// (metric, subject) with itself, its ancestors' and its descendants' buckets; a group check a
// whole with every bucket under it; a claim check one figure. So when some articles change,
// only findings that touch a bucket of their claims (before or after the change) can differ:
// CheckIndexed keeps the previous run's findings in the index, drops those, and runs the
// engine again over just the buckets that can produce them. Checks over one article or
// sentence (same_article, same_sentence: they cross metrics, and one finding lists every
// article stating the same figures) are re-run over the whole corpus, which costs one linear
// pass. Runs where a check failed are checked in full. The result is the same as a run from
// scratch; tests compare them byte for byte.

// runRecord is what the index keeps of a run.
type runRecord struct {
	// Hashes are the content hashes of the articles checked, by path.
	Hashes map[string]string
	// Buckets are the (metric, subject) pairs of each article's claims, by path.
	Buckets map[string][]bucket
	// Findings are kept with references to their claims instead of copies: a finding that is
	// kept involves unchanged articles only, whose mentions the run has read anyway.
	Findings []findingRecord
	// Paths and Kinds are what claim references point into.
	Paths []string
	Kinds []bucket
}

type bucket struct{ Metric, Subject string }

type findingRecord struct {
	Finding claim.Finding // without its Claims
	// Claims holds four numbers per claim: index in Paths, start, end, index in Kinds.
	Claims []int32
}

func (record *runRecord) setFindings(findings []claim.Finding) {
	paths, kinds := map[string]int32{}, map[bucket]int32{}
	record.Findings = make([]findingRecord, len(findings))
	for i, f := range findings {
		refs := make([]int32, 0, 4*len(f.Claims))
		for _, m := range f.Claims {
			p, ok := paths[m.Article]
			if !ok {
				p = int32(len(record.Paths))
				paths[m.Article] = p
				record.Paths = append(record.Paths, m.Article)
			}
			b := bucket{m.Metric, m.Subject}
			k, ok := kinds[b]
			if !ok {
				k = int32(len(record.Kinds))
				kinds[b] = k
				record.Kinds = append(record.Kinds, b)
			}
			refs = append(refs, p, int32(m.Start), int32(m.End), k)
		}
		f.Claims = nil
		record.Findings[i] = findingRecord{Finding: f, Claims: refs}
	}
}

// buckets lists the buckets of a recorded finding's claims.
func (record *runRecord) buckets(f *findingRecord) []bucket {
	out := make([]bucket, 0, len(f.Claims)/4)
	for i := 3; i < len(f.Claims); i += 4 {
		out = append(out, record.Kinds[f.Claims[i]])
	}
	return out
}

// restore gives a recorded finding its claims back from the run's mentions.
func (record *runRecord) restore(f *findingRecord, mentions map[string][]claim.Claim) (claim.Finding, bool) {
	out := f.Finding
	out.Claims = make([]claim.Claim, 0, len(f.Claims)/4)
	for i := 0; i+3 < len(f.Claims); i += 4 {
		list := mentions[record.Paths[f.Claims[i]]]
		start, end := int(f.Claims[i+1]), int(f.Claims[i+2])
		j := sort.Search(len(list), func(j int) bool { return list[j].Start >= start })
		if j == len(list) || list[j].Start != start || list[j].End != end {
			return out, false
		}
		out.Claims = append(out.Claims, list[j])
	}
	return out, true
}

// runKey names the record of runs over the same paths with the same packs.
func runKey(packVersion string, paths []string) string {
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	sum := sha256.Sum256([]byte(packVersion + "\x00" + strings.Join(sorted, "\x00")))
	return "check:" + hex.EncodeToString(sum[:16])
}

// placeCheck reports whether a check compares the claims of one article or sentence, which
// an incremental run re-runs over every article rather than by bucket.
func placeCheck(check *rules.Check) bool {
	return (check.Candidates == rules.SameArticle || check.Candidates == rules.SameSentence) && check.Scope != rules.ScopeClaim
}

func bucketWise(check *rules.Check) bool { return !placeCheck(check) }

func bucketsByArticle(mentions []claim.Claim) map[string][]bucket {
	out := map[string][]bucket{}
	seen := map[string]map[bucket]bool{}
	for _, m := range mentions {
		if !m.IsClaim || m.Metric == "" {
			continue
		}
		b := bucket{m.Metric, m.Subject}
		if seen[m.Article] == nil {
			seen[m.Article] = map[bucket]bool{}
		}
		if !seen[m.Article][b] {
			seen[m.Article][b] = true
			out[m.Article] = append(out[m.Article], b)
		}
	}
	return out
}

func (c *Checker) checkIncremental(ctx context.Context, store index.Store, key string, extraction *Extraction, hashes map[string]string) (*report.Result, bool, error) {
	current := runRecord{Hashes: hashes, Buckets: bucketsByArticle(extraction.Mentions)}
	var findings []claim.Finding
	done := false
	previous, err := c.loadRun(ctx, store, key)
	if err != nil {
		return nil, false, err
	}
	if previous != nil {
		findings, done = c.redo(previous, &current, extraction)
	}
	if !done {
		found, errs, _ := c.engine.Run(extraction.Mentions)
		if len(errs) > 0 {
			// A failing check is reported as in a run from scratch and not remembered.
			return c.assemble(extraction, found, errs), false, nil
		}
		findings = found
	}
	current.setFindings(findings)
	if err := c.saveRun(ctx, store, key, &current); err != nil {
		return nil, false, err
	}
	return c.assemble(extraction, findings, nil), done, nil
}

func (c *Checker) loadRun(ctx context.Context, store index.Store, key string) (*runRecord, error) {
	data, err := store.Run(ctx, key)
	if err != nil || data == nil {
		return nil, err
	}
	var record runRecord
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&record); err != nil {
		return nil, nil // an unreadable record only costs a full run
	}
	return &record, nil
}

func (c *Checker) saveRun(ctx context.Context, store index.Store, key string, record *runRecord) error {
	var data bytes.Buffer
	if err := gob.NewEncoder(&data).Encode(record); err != nil {
		return err
	}
	return store.SaveRun(ctx, key, data.Bytes())
}

// redo computes the findings of the current extraction from the previous run's: it returns
// false when it cannot (a check failed), and the caller runs everything.
func (c *Checker) redo(previous, current *runRecord, extraction *Extraction) ([]claim.Finding, bool) {
	touched := map[bucket]bool{}
	changed := 0
	for path, hash := range current.Hashes {
		if previous.Hashes[path] != hash {
			changed++
			for _, b := range previous.Buckets[path] {
				touched[b] = true
			}
			for _, b := range current.Buckets[path] {
				touched[b] = true
			}
		}
	}
	for path := range previous.Hashes {
		if _, ok := current.Hashes[path]; !ok {
			changed++
			for _, b := range previous.Buckets[path] {
				touched[b] = true
			}
		}
	}
	mentions := make(map[string][]claim.Claim, len(extraction.Articles))
	for _, article := range extraction.Articles {
		mentions[article.Path] = article.Mentions
	}

	// Pair and claim checks: the touched buckets with their ancestors and descendants.
	// Group checks: every whole at or above a touched subject, with everything under it.
	pairScope := map[bucket]bool{}
	wholes := map[bucket]bool{}
	groupScope := map[bucket]bool{}
	children := map[string][]string{}
	for _, entity := range c.pack.Entities {
		if entity.PartOf != "" {
			children[entity.PartOf] = append(children[entity.PartOf], entity.ID)
		}
	}
	descendants := func(id string, visit func(string)) {
		pending := []string{id}
		for len(pending) > 0 {
			next := pending[len(pending)-1]
			pending = pending[:len(pending)-1]
			for _, child := range children[next] {
				visit(child)
				pending = append(pending, child)
			}
		}
	}
	for b := range touched {
		pairScope[b] = true
		if b.Subject == "" {
			continue
		}
		descendants(b.Subject, func(id string) { pairScope[bucket{b.Metric, id}] = true })
		up := append([]string{b.Subject}, c.pack.Ancestors(b.Subject)...)
		for _, id := range up {
			pairScope[bucket{b.Metric, id}] = true
			wholes[bucket{b.Metric, id}] = true
			groupScope[bucket{b.Metric, id}] = true
			descendants(id, func(child string) { groupScope[bucket{b.Metric, child}] = true })
		}
	}
	// One engine run over the buckets that can meet a touched one, limited to what involves a
	// touched bucket: a group whose whole is above a touched subject has a touched part.
	var input []claim.Claim
	for _, m := range extraction.Mentions {
		if !m.IsClaim || m.Metric == "" {
			continue
		}
		if b := (bucket{m.Metric, m.Subject}); pairScope[b] || groupScope[b] {
			input = append(input, m)
		}
	}
	fresh, errs, _ := c.engine.RunSelected(input, func(m *claim.Claim) bool { return touched[bucket{m.Metric, m.Subject}] }, bucketWise)
	if len(errs) > 0 {
		return nil, false
	}

	group, place := map[string]bool{}, map[string]bool{}
	for _, check := range c.pack.Checks {
		group[check.ID] = check.Scope == rules.ScopeGroup
		place[check.ID] = placeCheck(check)
	}
	touches := func(rule string, sides [][]int, claims []bucket) bool {
		if group[rule] {
			return wholes[claims[sides[0][0]]]
		}
		for _, b := range claims {
			if touched[b] {
				return true
			}
		}
		return false
	}
	bucketsOf := func(f *claim.Finding) []bucket {
		out := make([]bucket, len(f.Claims))
		for i, m := range f.Claims {
			out[i] = bucket{m.Metric, m.Subject}
		}
		return out
	}
	var out []claim.Finding
	for i := range previous.Findings {
		record := &previous.Findings[i]
		if changed > 0 && place[record.Finding.Rule] || touches(record.Finding.Rule, record.Finding.Sides, previous.buckets(record)) {
			continue
		}
		f, ok := previous.restore(record, mentions)
		if !ok {
			return nil, false
		}
		out = append(out, f)
	}
	if changed == 0 {
		return out, true
	}
	var redone []claim.Finding
	for i := range fresh {
		if touches(fresh[i].Rule, fresh[i].Sides, bucketsOf(&fresh[i])) {
			redone = append(redone, fresh[i])
		}
	}
	placed, errs, _ := c.engine.RunSelected(extraction.Mentions, nil, placeCheck)
	if len(errs) > 0 {
		return nil, false
	}
	if len(placed) > 0 {
		redone = append(redone, placed...)
		engine.SortFindings(redone)
	}
	// Both lists are in report order already (kept ones as they were): merge them.
	merged := make([]claim.Finding, 0, len(out)+len(redone))
	i, j := 0, 0
	for i < len(out) || j < len(redone) {
		if j == len(redone) || i < len(out) && !engine.LessFinding(&redone[j], &out[i]) {
			merged = append(merged, out[i])
			i++
		} else {
			merged = append(merged, redone[j])
			j++
		}
	}
	return merged, true
}
