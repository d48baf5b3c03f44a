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
// engine again over just the buckets that can produce them. Packs with same_article or
// same_sentence checks (which cross metrics), and runs where a check failed, are checked in
// full. The result is the same as a run from scratch; tests compare them byte for byte.

// runRecord is what the index keeps of a run.
type runRecord struct {
	// Hashes are the content hashes of the articles checked, by path.
	Hashes map[string]string
	// Buckets are the (metric, subject) pairs of each article's claims, by path.
	Buckets  map[string][]bucket
	Findings []claim.Finding
}

type bucket struct{ Metric, Subject string }

// runKey names the record of runs over the same paths with the same packs.
func runKey(packVersion string, paths []string) string {
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	sum := sha256.Sum256([]byte(packVersion + "\x00" + strings.Join(sorted, "\x00")))
	return "check:" + hex.EncodeToString(sum[:16])
}

// incrementable reports whether every enabled check compares within a metric.
func (c *Checker) incrementable() bool {
	for _, check := range c.pack.Checks {
		if check.Usable() && (check.Candidates == rules.SameArticle || check.Candidates == rules.SameSentence) && check.Scope != rules.ScopeClaim {
			return false
		}
	}
	return true
}

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
	if c.incrementable() {
		previous, err := c.loadRun(ctx, store, key)
		if err != nil {
			return nil, false, err
		}
		if previous != nil {
			findings, done = c.redo(previous, &current, extraction)
		}
	}
	if !done {
		found, errs, _ := c.engine.Run(extraction.Mentions)
		if len(errs) > 0 {
			// A failing check is reported as in a run from scratch and not remembered.
			return c.assemble(extraction, found, errs), false, nil
		}
		findings = found
	}
	current.Findings = findings
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
	if changed == 0 {
		return previous.Findings, true
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
	var pairInput, groupInput []claim.Claim
	for _, m := range extraction.Mentions {
		if !m.IsClaim || m.Metric == "" {
			continue
		}
		b := bucket{m.Metric, m.Subject}
		if pairScope[b] {
			pairInput = append(pairInput, m)
		}
		if groupScope[b] {
			groupInput = append(groupInput, m)
		}
	}
	pairEngine, groupEngine := c.scopedEngines()
	pairFindings, pairErrors, _ := pairEngine.Run(pairInput)
	groupFindings, groupErrors, _ := groupEngine.Run(groupInput)
	if len(pairErrors) > 0 || len(groupErrors) > 0 {
		return nil, false
	}

	group := map[string]bool{}
	for _, check := range c.pack.Checks {
		group[check.ID] = check.Scope == rules.ScopeGroup
	}
	touches := func(f *claim.Finding) bool {
		if group[f.Rule] {
			whole := f.Claims[f.Sides[0][0]]
			return wholes[bucket{whole.Metric, whole.Subject}]
		}
		for _, m := range f.Claims {
			if touched[bucket{m.Metric, m.Subject}] {
				return true
			}
		}
		return false
	}
	var out []claim.Finding
	for i := range previous.Findings {
		if !touches(&previous.Findings[i]) {
			out = append(out, previous.Findings[i])
		}
	}
	for _, list := range [][]claim.Finding{pairFindings, groupFindings} {
		for i := range list {
			if touches(&list[i]) {
				out = append(out, list[i])
			}
		}
	}
	engine.SortFindings(out)
	return out, true
}

// scopedEngines are engines of this pack's pair and claim checks, and of its group checks.
func (c *Checker) scopedEngines() (*engine.Engine, *engine.Engine) {
	pairs, groups := *c.pack, *c.pack
	pairs.Checks, groups.Checks = nil, nil
	for _, check := range c.pack.Checks {
		if check.Scope == rules.ScopeGroup {
			groups.Checks = append(groups.Checks, check)
		} else {
			pairs.Checks = append(pairs.Checks, check)
		}
	}
	return engine.New(&pairs), engine.New(&groups)
}
