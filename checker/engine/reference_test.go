package engine

// The rule engine as it was before focused runs skipped the blocks no focused figure is in:
// the reference the differential test (focused_test.go) compares RunSelected with. Only
// names differ from that version; do not change what it does.

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/rules"
	"github.com/claimcheck/claimcheck/checker/source"
)

type referenceFigure struct {
	value  value
	name   string // value.String(), computed when a finding needs it
	claims []int  // indexes into the claims slice
}

// referenceRunSelected is RunSelected before focused runs skipped untouched blocks.
func (e *Engine) referenceRunSelected(claims []claim.Claim, focus func(*claim.Claim) bool, selected func(*rules.Check) bool) ([]claim.Finding, source.ErrorList, Stats) {
	run := &referenceRunState{engine: e, claims: claims, findings: map[string]*referencePending{}, failures: map[string]*referenceFailure{}}
	run.index()
	run.focus(focus)
	for _, check := range e.pack.Checks {
		if !check.Usable() || selected != nil && !selected(check) {
			continue
		}
		run.useView(check)
		switch check.Scope {
		case rules.ScopeClaim:
			run.claimCheck(check)
		case rules.ScopePair:
			run.pairCheck(check)
		case rules.ScopeGroup:
			run.groupCheck(check)
		}
	}
	return run.sortedFindings(), run.errorList(), run.stats
}

type referenceRunState struct {
	engine        *Engine
	claims        []claim.Claim
	figures       []*referenceFigure
	reps          []*claim.Claim              // each referenceFigure's first claim
	referenceView *referenceView              // what the current check evaluates
	keyCache      map[string][]string         // partition keys of figures, by fields
	filters       map[string]*referenceFilter // referenceFilter results of figures, by when condition
	figureView    *referenceView              // one unit per referenceFigure
	bySubject     map[string][]int            // metric|subject -> referenceFigure indexes
	byAncestor    map[string][]int            // metric|ancestor -> referenceFigure indexes of parts
	findings      map[string]*referencePending
	failures      map[string]*referenceFailure
	focused       []bool // by referenceFigure; nil means every referenceFigure
	stats         Stats
}

// referencePending is a finding whose sides may still grow as other figures state the same values.
type referencePending struct {
	finding claim.Finding
	names   []string // what each side states
	sides   [][]int  // claim indexes per side
}

type referenceFailure struct {
	entry *source.Error
	count int
}

func (r *referenceRunState) index() {
	referenceByKey := map[foldKey]int{}
	r.bySubject, r.byAncestor = map[string][]int{}, map[string][]int{}
	ancestors := map[string][]string{}
	for i := range r.claims {
		c := &r.claims[i]
		if !c.IsClaim || c.Metric == "" {
			continue
		}
		r.stats.Claims++
		key := r.engine.foldKeyOf(c)
		f, ok := referenceByKey[key]
		if !ok {
			f = len(r.figures)
			referenceByKey[key] = f
			r.figures = append(r.figures, &referenceFigure{value: key.value})
			r.reps = append(r.reps, c)
			if c.Subject != "" {
				block := c.Metric + "|" + c.Subject
				r.bySubject[block] = append(r.bySubject[block], f)
				list, seen := ancestors[c.Subject]
				if !seen {
					list = r.engine.pack.Ancestors(c.Subject)
					ancestors[c.Subject] = list
				}
				for _, ancestor := range list {
					r.byAncestor[c.Metric+"|"+ancestor] = append(r.byAncestor[c.Metric+"|"+ancestor], f)
				}
			}
		}
		r.figures[f].claims = append(r.figures[f].claims, i)
	}
	r.stats.Figures = len(r.figures)
}

// focus marks the figures with a claim that focus selects.
func (r *referenceRunState) focus(focus func(*claim.Claim) bool) {
	if focus == nil {
		return
	}
	r.focused = make([]bool, len(r.figures))
	for f, fig := range r.figures {
		for _, c := range fig.claims {
			if focus(&r.claims[c]) {
				r.focused[f] = true
				break
			}
		}
	}
}

// inFocus reports whether the current referenceView's unit u belongs to a focused referenceFigure.
func (r *referenceRunState) inFocus(u int) bool {
	return r.focused == nil || r.focused[r.referenceView.referenceFigure[u]]
}

// byPlace lists the units of each article (or sentence), in article and offset order, for
// the checks that ask for it. Such a check reads the article (and sentence) as context, so
// each unit lies in one place.
func (r *referenceRunState) byPlace(sentence bool) [][]int {
	// Bucket by article first (one map pass, then the distinct articles sorted) rather than
	// sorting every unit by its article's path: an incremental run re-reads per-article
	// checks over the whole corpus, and string comparisons in a sort dominated that.
	byArticle := map[string][]int{}
	for u, rep := range r.referenceView.reps {
		byArticle[rep.Article] = append(byArticle[rep.Article], u)
	}
	articles := make([]string, 0, len(byArticle))
	for article := range byArticle {
		articles = append(articles, article)
	}
	sort.Strings(articles)
	var places [][]int
	for _, article := range articles {
		units := byArticle[article]
		if !sentence {
			places = append(places, units)
			continue
		}
		slices.SortStableFunc(units, func(a, b int) int {
			return cmp.Compare(r.referenceView.reps[a].SentenceStart, r.referenceView.reps[b].SentenceStart)
		})
		start := 0
		for i := range units {
			if i == len(units)-1 || r.referenceView.reps[units[i]].SentenceStart != r.referenceView.reps[units[i+1]].SentenceStart {
				places = append(places, units[start:i+1:i+1])
				start = i + 1
			}
		}
	}
	return places
}

// referenceOrdered lists a bucket map's lists in key order.
func referenceOrdered(buckets map[string][]int) [][]int {
	keys := referenceSortedKeys(buckets)
	out := make([][]int, len(keys))
	for i, key := range keys {
		out[i] = buckets[key]
	}
	return out
}

// referenceView is what one check evaluates: units of claims it cannot tell apart. For most checks a
// unit is a referenceFigure; a check that reads the article or the sentence sees a referenceFigure's claims
// split by those fields. Candidate lists hold figures; expand turns them into units.
type referenceView struct {
	reps            []*claim.Claim // the claim conditions see for each unit
	claims          [][]int        // the claims of each unit
	referenceFigure []int          // the referenceFigure of each unit, whose values name a finding's side
	// Units of referenceFigure f are first[f] up to end[f] (each referenceFigure's units are made together);
	// nil: unit i is referenceFigure i.
	first, end []int32
}

func (v *referenceView) expand(figures []int) []int {
	if v.first == nil {
		return figures
	}
	var out []int
	for _, f := range figures {
		for u := v.first[f]; u < v.end[f]; u++ {
			out = append(out, int(u))
		}
	}
	return out
}

func (v *referenceView) expandMap(buckets map[string][]int) map[string][]int {
	if v.first == nil {
		return buckets
	}
	out := make(map[string][]int, len(buckets))
	for k, list := range buckets {
		out[k] = v.expand(list)
	}
	return out
}

func (r *referenceRunState) useView(check *rules.Check) {
	fields := r.engine.contexts[check]
	if len(fields) == 0 {
		if r.figureView == nil {
			r.figureView = &referenceView{reps: r.reps, claims: make([][]int, len(r.figures)), referenceFigure: make([]int, len(r.figures))}
			for f, fig := range r.figures {
				r.figureView.claims[f] = fig.claims
				r.figureView.referenceFigure[f] = f
			}
		}
		r.referenceView = r.figureView
		return
	}
	// First pass: which figures the check can see at all, and how many claims they hold
	// (at most one unit each), so the referenceView is allocated once.
	env := r.env(check)
	visible := make([]bool, len(r.figures))
	total := 0
	for f, fig := range r.figures {
		if check.HasValueFilter() {
			env.A = r.reps[f]
			if !check.ValueFilter(env) {
				continue
			}
		}
		visible[f] = true
		total += len(fig.claims)
	}
	v := &referenceView{first: make([]int32, len(r.figures)), end: make([]int32, len(r.figures)),
		reps: make([]*claim.Claim, 0, total), claims: make([][]int, 0, total), referenceFigure: make([]int, 0, total)}
	var key, previous []byte
	contextKey := func(buffer []byte, c *claim.Claim) []byte {
		buffer = buffer[:0]
		for _, field := range fields {
			buffer = append(buffer, contextFields[field](c)...)
			buffer = append(buffer, 0)
		}
		return buffer
	}
	for f, fig := range r.figures {
		v.first[f], v.end[f] = int32(len(v.reps)), int32(len(v.reps))
		if !visible[f] {
			continue
		}
		// Claims come in corpus order, so claims of one context are contiguous; a context
		// met again later makes a second unit that sees the same thing, and its findings
		// merge with the first's.
		start := 0
		previous = contextKey(previous, &r.claims[fig.claims[0]])
		for k := 1; k <= len(fig.claims); k++ {
			if k < len(fig.claims) {
				key = contextKey(key, &r.claims[fig.claims[k]])
				if string(key) == string(previous) {
					continue
				}
			}
			v.reps = append(v.reps, &r.claims[fig.claims[start]])
			v.claims = append(v.claims, fig.claims[start:k:k])
			v.referenceFigure = append(v.referenceFigure, f)
			v.end[f] = int32(len(v.reps))
			start = k
			previous, key = key, previous
		}
	}
	r.referenceView = v
}

func (r *referenceRunState) representative(u int) *claim.Claim { return r.referenceView.reps[u] }

func (r *referenceRunState) env(check *rules.Check) *rules.Env {
	return &rules.Env{Tolerance: check.Tolerance, WorldPopulation: r.engine.pack.Settings.WorldPopulation}
}

func (r *referenceRunState) claimCheck(check *rules.Check) {
	env := r.env(check)
	only := r.referenceFilter(check)
	for f := range r.referenceView.reps {
		if !only.A(f) || !r.inFocus(f) {
			continue
		}
		env.A = r.representative(f)
		if r.evaluate(check, env, f) {
			r.report(check, env, f)
		}
	}
}

// partitionKey is what a and b must share for the check's when condition to hold.
func (r *referenceRunState) partitionKey(fields []string, f int) string {
	c := r.representative(f)
	var b strings.Builder
	for _, field := range fields {
		switch {
		case field == rules.PeriodField:
			// Mirrors rules.SamePeriod: the stated period, else the article date, else the article.
			switch {
			case c.Period.Explicit():
				b.WriteString("P" + c.Period.From.Format(time.DateOnly) + c.Period.To.Format(time.DateOnly))
			case !c.ArticleDate.IsZero():
				b.WriteString("D" + c.ArticleDate.Format(time.DateOnly))
			default:
				b.WriteString("A" + c.Article)
			}
		case valueFields[field] != nil:
			b.WriteString(valueFields[field](c))
		case contextFields[field] != nil:
			b.WriteString(contextFields[field](c))
		}
		b.WriteByte(0)
	}
	return b.String()
}

// split groups units by the check's partition key, in key order so that runs are
// deterministic; the groups share one backing array.
func (r *referenceRunState) split(check *rules.Check, list []int) ([]string, [][]int) {
	fields := r.engine.partitions[check]
	if len(fields) == 0 || len(list) == 0 {
		return []string{""}, [][]int{list}
	}
	keyOf := r.partitionKeys(fields)
	type keyed struct {
		key  string
		unit int
	}
	sorted := make([]keyed, len(list))
	for i, u := range list {
		sorted[i] = keyed{keyOf(u), u}
	}
	slices.SortStableFunc(sorted, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	units := make([]int, len(sorted))
	var keys []string
	var groups [][]int
	start := 0
	for i := range sorted {
		units[i] = sorted[i].unit
		if i == len(sorted)-1 || sorted[i+1].key != sorted[i].key {
			keys = append(keys, sorted[i].key)
			groups = append(groups, units[start:i+1:i+1])
			start = i + 1
		}
	}
	return keys, groups
}

// referenceByKey indexes split's result by key.
func referenceByKey(keys []string, groups [][]int) map[string][]int {
	out := make(map[string][]int, len(keys))
	for i, key := range keys {
		out[key] = groups[i]
	}
	return out
}

// partitionKeys returns the partition key of a unit; for referenceFigure units the keys are kept
// for the other checks that partition on the same fields.
func (r *referenceRunState) partitionKeys(fields []string) func(int) string {
	if r.referenceView != r.figureView {
		return func(u int) string { return r.partitionKey(fields, u) }
	}
	signature := strings.Join(fields, ",")
	if r.keyCache == nil {
		r.keyCache = map[string][]string{}
	}
	cache := r.keyCache[signature]
	if cache == nil {
		cache = make([]string, len(r.figures))
		r.keyCache[signature] = cache
	}
	return func(u int) string {
		if cache[u] == "" {
			cache[u] = r.partitionKey(fields, u)
		}
		return cache[u]
	}
}

// referenceFilter is the per-referenceFigure result of a check's a-only and b-only conditions, computed once
// per referenceFigure when first needed.
type referenceFilter struct {
	r     *referenceRunState
	check *rules.Check
	env   *rules.Env
	a, b  []int8 // 0 unknown, 1 passes, 2 fails
}

func (r *referenceRunState) referenceFilter(check *rules.Check) *referenceFilter {
	if !check.HasFilters() {
		return nil
	}
	// Checks with one when condition over the same units share their filters' results.
	shared := r.referenceView == r.figureView
	key := check.When + "\x00" + strconv.FormatFloat(check.Tolerance, 'g', -1, 64)
	if shared {
		if f := r.filters[key]; f != nil {
			return f
		}
	}
	f := &referenceFilter{r: r, check: check, env: r.env(check), a: make([]int8, len(r.referenceView.reps))}
	f.b = f.a
	if !check.Symmetric() {
		f.b = make([]int8, len(r.referenceView.reps))
	}
	if shared {
		if r.filters == nil {
			r.filters = map[string]*referenceFilter{}
		}
		r.filters[key] = f
	}
	return f
}

// A reports whether referenceFigure f can be a; a failing referenceFilter counts as passing so that the full
// condition reports the error.
func (f *referenceFilter) A(referenceFigure int) bool {
	if f == nil {
		return true
	}
	if f.a[referenceFigure] == 0 {
		f.env.A = f.r.representative(referenceFigure)
		f.a[referenceFigure] = 1
		if ok, err := f.check.FilterA(f.env); err == nil && !ok {
			f.a[referenceFigure] = 2
		}
	}
	return f.a[referenceFigure] == 1
}

// B reports whether referenceFigure f can be b.
func (f *referenceFilter) B(referenceFigure int) bool {
	if f == nil {
		return true
	}
	if f.check.Symmetric() {
		return f.A(referenceFigure)
	}
	if f.b[referenceFigure] == 0 {
		f.env.B = f.r.representative(referenceFigure)
		f.b[referenceFigure] = 1
		if ok, err := f.check.FilterB(f.env); err == nil && !ok {
			f.b[referenceFigure] = 2
		}
	}
	return f.b[referenceFigure] == 1
}

// keep returns the figures of list for which test holds (list itself when no referenceFilter).
func (f *referenceFilter) keep(list []int, test func(int) bool) []int {
	if f == nil {
		return list
	}
	var out []int
	for _, referenceFigure := range list {
		if test(referenceFigure) {
			out = append(out, referenceFigure)
		}
	}
	return out
}

func (f *referenceFilter) either(referenceFigure int) bool {
	return f.A(referenceFigure) || f.B(referenceFigure)
}

func (r *referenceRunState) pairCheck(check *rules.Check) {
	env := r.env(check)
	only := r.referenceFilter(check)
	visit := func(a, b int) {
		if a == b || !only.A(a) || !only.B(b) || !r.inFocus(a) && !r.inFocus(b) {
			return
		}
		env.A, env.B = r.representative(a), r.representative(b)
		r.stats.PairsEvaluated++
		if r.evaluate(check, env, a, b) {
			r.report(check, env, a, b)
		}
	}
	allPairs := func(buckets [][]int) {
		for _, bucket := range buckets {
			if len(bucket) < 2 {
				continue
			}
			_, groups := r.split(check, only.keep(bucket, only.either))
			for _, list := range groups {
				for i := 0; i < len(list); i++ {
					for j := i + 1; j < len(list); j++ {
						visit(list[i], list[j])
					}
				}
			}
		}
	}
	switch check.Candidates {
	case rules.SameMetricSubject:
		allPairs(referenceOrdered(r.referenceView.expandMap(r.bySubject)))
	case rules.SameArticle:
		allPairs(r.byPlace(false))
	case rules.SameSentence:
		allPairs(r.byPlace(true))
	case rules.Timeline:
		for _, bucket := range referenceSortedKeys(r.bySubject) {
			_, groups := r.split(check, only.keep(r.referenceView.expand(r.bySubject[bucket]), only.either))
			for _, list := range groups {
				r.timeline(list, visit)
			}
		}
	case rules.SubjectPartOf:
		// a is the part, b the whole.
		for _, bucket := range referenceSortedKeys(r.byAncestor) {
			wholes := r.bySubject[bucket]
			if len(wholes) == 0 {
				continue
			}
			keys, parts := r.split(check, only.keep(r.referenceView.expand(r.byAncestor[bucket]), only.A))
			wholesByKey := referenceByKey(r.split(check, only.keep(r.referenceView.expand(wholes), only.B)))
			for i, key := range keys {
				for _, part := range parts[i] {
					for _, whole := range wholesByKey[key] {
						visit(part, whole)
					}
				}
			}
		}
	}
}

// timeline orders figures by the day they stand for and pairs each day's figures with the
// previous day's (a earlier, b later).
func (r *referenceRunState) timeline(list []int, visit func(a, b int)) {
	type dated struct {
		referenceFigure int
		day             int64
	}
	sorted := make([]dated, len(list))
	for i, f := range list {
		sorted[i] = dated{f, rules.AsOf(*r.representative(f)).Unix()}
	}
	slices.SortStableFunc(sorted, func(a, b dated) int { return cmp.Compare(a.day, b.day) })
	var previous, current []int
	for i, d := range sorted {
		f := d.referenceFigure
		if i > 0 && d.day != sorted[i-1].day {
			previous, current = current, nil
		}
		current = append(current, f)
		for _, earlier := range previous {
			visit(earlier, f)
		}
	}
}

// groupCheck evaluates a whole with its parts: when (a = part, b = whole) selects the parts;
// nested parts are dropped in favour of the outermost, and a subject with several figures
// contributes its smallest.
func (r *referenceRunState) groupCheck(check *rules.Check) {
	env := r.env(check)
	only := r.referenceFilter(check)
	if check.Candidates == rules.SameArticle || check.Candidates == rules.SameSentence {
		r.placeGroups(check, env, only)
		return
	}
	for _, bucket := range referenceSortedKeys(r.byAncestor) {
		wholes := r.bySubject[bucket]
		if len(wholes) == 0 {
			continue
		}
		keys, parts := r.split(check, only.keep(r.referenceView.expand(r.byAncestor[bucket]), only.A))
		wholesByKey := referenceByKey(r.split(check, only.keep(r.referenceView.expand(wholes), only.B)))
		for i, key := range keys {
			for _, whole := range wholesByKey[key] {
				r.group(check, env, whole, parts[i], true)
			}
		}
	}
}

// placeGroups evaluates the figures of one article (or sentence) as a group without a
// whole: parts are the figures for which when holds with a = the referenceFigure and b = the first
// referenceFigure of the partition; whole is that first referenceFigure.
func (r *referenceRunState) placeGroups(check *rules.Check, env *rules.Env, only *referenceFilter) {
	for _, place := range r.byPlace(check.Candidates == rules.SameSentence) {
		if len(place) < 2 {
			continue
		}
		_, groups := r.split(check, only.keep(place, only.A))
		for _, list := range groups {
			if len(list) < 2 {
				continue
			}
			sort.Ints(list)
			r.group(check, env, list[0], list, false)
		}
	}
}

func (r *referenceRunState) group(check *rules.Check, env *rules.Env, whole int, candidates []int, wholeSide bool) {
	if r.focused != nil && !r.inFocus(whole) && !slices.ContainsFunc(candidates, r.inFocus) {
		return
	}
	bySubject := map[string]int{}
	for _, part := range candidates {
		env.A, env.B = r.representative(part), r.representative(whole)
		r.stats.PairsEvaluated++
		applies, err := check.Applies(env)
		if err != nil {
			r.runtimeError(check, err, part, whole)
			continue
		}
		if !applies {
			continue
		}
		subject := env.A.Subject
		if current, ok := bySubject[subject]; !ok || r.representative(part).Interval.Low < r.representative(current).Interval.Low {
			bySubject[subject] = part
		}
	}
	var parts []int
	for subject, part := range bySubject {
		nested := false
		for other := range bySubject {
			if other != subject && r.engine.pack.PartOf(subject, other) {
				nested = true
				break
			}
		}
		if !nested {
			parts = append(parts, part)
		}
	}
	if len(parts) < 2 {
		return
	}
	sort.Ints(parts)
	env.Whole = r.representative(whole)
	env.Parts = env.Parts[:0]
	for _, part := range parts {
		env.Parts = append(env.Parts, r.representative(part))
	}
	env.A, env.B = env.Whole, env.Whole
	figures := parts
	if wholeSide {
		figures = append([]int{whole}, parts...)
	}
	violated, err := check.Violated(env)
	if err != nil {
		r.runtimeError(check, err, figures...)
		return
	}
	if violated {
		r.report(check, env, figures...)
	}
}

func (r *referenceRunState) evaluate(check *rules.Check, env *rules.Env, figures ...int) bool {
	applies, err := check.Applies(env)
	if err == nil && applies {
		var violated bool
		violated, err = check.Violated(env)
		if err == nil {
			return violated
		}
	}
	if err != nil {
		r.runtimeError(check, err, figures...)
	}
	return false
}

// runtimeError records a failing evaluation: one entry per check naming the claims of the
// first referenceFailure, then a count, so that a broken condition does not flood the report.
func (r *referenceRunState) runtimeError(check *rules.Check, err error, figures ...int) {
	if f := r.failures[check.ID]; f != nil {
		f.count++
		return
	}
	var where []string
	for _, f := range figures {
		c := r.representative(f)
		where = append(where, fmt.Sprintf("%s:%d:%d %q", c.Article, c.Line, c.Col, c.Text))
	}
	message := strings.Join(strings.Fields(err.Error()), " ")
	entry := &source.Error{File: check.File, Line: check.At.Line, Col: check.At.Col,
		Message: fmt.Sprintf("check %s failed on the claims at %s: %s", check.ID, strings.Join(where, ", "), message)}
	r.failures[check.ID] = &referenceFailure{entry: entry, count: 1}
}

func (r *referenceRunState) errorList() source.ErrorList {
	var list source.ErrorList
	for _, id := range referenceSortedFailureIDs(r.failures) {
		f := r.failures[id]
		if f.count > 1 {
			f.entry.Message += fmt.Sprintf(" (and %d more evaluations of this check failed)", f.count-1)
		}
		list = append(list, f.entry)
	}
	return list
}

func referenceSortedFailureIDs(m map[string]*referenceFailure) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// name is what a unit states, which identifies a finding's side.
func (r *referenceRunState) name(u int) string {
	fig := r.figures[r.referenceView.referenceFigure[u]]
	if fig.name == "" {
		fig.name = fig.value.String()
	}
	return fig.name
}

// report adds a finding, or adds the figures' claims to the finding that states the same
// disagreement (same rule, same values on each side).
func (r *referenceRunState) report(check *rules.Check, env *rules.Env, figures ...int) {
	names := make([]string, len(figures))
	for i, f := range figures {
		names[i] = r.name(f)
	}
	// Unordered candidates may meet one disagreement as (a, b) and as (b, a).
	keyNames := names
	if check.Scope == rules.ScopePair && check.Candidates != rules.SubjectPartOf && check.Candidates != rules.Timeline {
		keyNames = append([]string(nil), names...)
		sort.Strings(keyNames)
	}
	identity := check.ID + "\x00" + strings.Join(keyNames, "\x00")
	if existing, seen := r.findings[identity]; seen {
		used := make([]bool, len(existing.names))
		for i, f := range figures {
			side := i
			for j, name := range existing.names {
				if !used[j] && name == names[i] {
					side = j
					break
				}
			}
			used[side] = true
			existing.sides[side] = append(existing.sides[side], r.referenceView.claims[f]...)
		}
		return
	}
	message, err := check.RenderMessage(env)
	if err != nil {
		message = check.ID
		r.runtimeError(check, fmt.Errorf("message: %w", err), figures...)
	}
	explanation, err := check.RenderExplanation(env)
	if err != nil {
		r.runtimeError(check, fmt.Errorf("explain: %w", err), figures...)
	}
	hash := sha256.Sum256([]byte(identity))
	p := &referencePending{names: names, finding: claim.Finding{Rule: check.ID, Severity: check.Severity, Message: referenceOneLine(message),
		Explanation: referenceOneLine(explanation), Fingerprint: hex.EncodeToString(hash[:])[:16]}}
	for _, f := range figures {
		p.sides = append(p.sides, append([]int(nil), r.referenceView.claims[f]...))
	}
	r.findings[identity] = p
}

func referenceOneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// build lists each side's claims once, in article and offset order.
func (r *referenceRunState) build(p *referencePending) claim.Finding {
	finding := p.finding
	total := 0
	for _, side := range p.sides {
		total += len(side)
	}
	finding.Claims = make([]claim.Claim, 0, total)
	for _, side := range p.sides {
		sort.Slice(side, func(i, j int) bool {
			a, b := &r.claims[side[i]], &r.claims[side[j]]
			if a.Article != b.Article {
				return a.Article < b.Article
			}
			if a.Start != b.Start {
				return a.Start < b.Start
			}
			return side[i] < side[j]
		})
		var indexes []int
		for i, c := range side {
			if i > 0 && c == side[i-1] {
				continue
			}
			indexes = append(indexes, len(finding.Claims))
			finding.Claims = append(finding.Claims, r.claims[c])
		}
		finding.Sides = append(finding.Sides, indexes)
	}
	return finding
}

func (r *referenceRunState) sortedFindings() []claim.Finding {
	out := make([]claim.Finding, 0, len(r.findings))
	for _, p := range r.findings {
		out = append(out, r.build(p))
	}
	SortFindings(out)
	return out
}

// SortFindings puts findings in report order (LessFinding). Findings merged from several
func referenceSortedKeys(m map[string][]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
