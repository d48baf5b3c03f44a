package engine

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/rules"
	"github.com/claimcheck/claimcheck/checker/source"
)

// Engine runs one pack's checks.
type Engine struct {
	pack *rules.Pack
	// contexts are, per check, the claim fields beyond the figure itself that its conditions
	// read (article, sentence…): claims of one figure that differ there are evaluated apart.
	contexts map[*rules.Check][]string
	// partitions are, per check, the fields its when condition requires a and b to share.
	partitions map[*rules.Check][]string
}

// New returns an Engine for pack.
func New(pack *rules.Pack) *Engine {
	e := &Engine{pack: pack, contexts: map[*rules.Check][]string{}, partitions: map[*rules.Check][]string{}}
	for _, check := range pack.Checks {
		e.partitions[check] = check.PartitionFields()
		for _, field := range check.ReadFields() {
			if _, ok := contextFields[field]; ok {
				e.contexts[check] = append(e.contexts[check], field)
			}
		}
	}
	return e
}

// Stats counts the work done, for benchmarks and --verbose.
type Stats struct {
	Claims         int
	Figures        int // distinct figures after folding repeats
	PairsEvaluated int // pair and group candidates whose conditions ran
}

// value is what a claim states, apart from where and when it was read: one side of a
// disagreement. Findings whose sides state the same values are one finding.
type value struct {
	metric, subject, rate, unit, qualifier string
	low, high, number, whole               uint64 // float bits: NaN folds with NaN
	lowOpen, highOpen, asOf                bool
	from, to                               int64 // period, Unix seconds
}

func valueOf(c *claim.Claim) value {
	iv := c.Interval
	return value{
		metric: c.Metric, subject: c.Subject, rate: string(c.Rate), unit: c.Unit, qualifier: c.Qualifier,
		low: math.Float64bits(iv.Low), high: math.Float64bits(iv.High), number: math.Float64bits(c.Value), whole: math.Float64bits(c.Whole),
		lowOpen: iv.LowOpen, highOpen: iv.HighOpen, asOf: c.Period.AsOf,
		from: c.Period.From.Unix(), to: c.Period.To.Unix(),
	}
}

func (v value) String() string {
	day := func(seconds int64) string {
		t := time.Unix(seconds, 0).UTC()
		if t.Year() <= 1 {
			return "-"
		}
		return t.Format("2006-01-02")
	}
	return fmt.Sprintf("%s|%s|%v|%v|%t|%t|%v|%v|%s|%s|%s|%s|%s|%t", v.metric, v.subject,
		math.Float64frombits(v.low), math.Float64frombits(v.high), v.lowOpen, v.highOpen,
		math.Float64frombits(v.number), math.Float64frombits(v.whole), v.rate, v.unit, v.qualifier, day(v.from), day(v.to), v.asOf)
}

// foldKey is what every check sees of a claim: claims with one key are one figure.
type foldKey struct {
	value
	// date and article matter when the period is not stated: asOf and samePeriod read them.
	date    int64
	article string
}

// contextFields read a claim field that is not part of its value, for fold keys and
// partitions.
var contextFields = map[string]func(*claim.Claim) string{
	"article":        func(c *claim.Claim) string { return c.Article },
	"outlet":         func(c *claim.Claim) string { return c.Outlet },
	"language":       func(c *claim.Claim) string { return c.Language },
	"attribution":    func(c *claim.Claim) string { return c.Attribution },
	"text":           func(c *claim.Claim) string { return c.Text },
	"sentence":       func(c *claim.Claim) string { return c.Sentence },
	"kind":           func(c *claim.Claim) string { return c.Kind },
	"reading":        func(c *claim.Claim) string { return c.Reading },
	"start":          func(c *claim.Claim) string { return strconv.Itoa(c.Start) },
	"end":            func(c *claim.Claim) string { return strconv.Itoa(c.End) },
	"line":           func(c *claim.Claim) string { return strconv.Itoa(c.Line) },
	"col":            func(c *claim.Claim) string { return strconv.Itoa(c.Col) },
	"sentence_start": func(c *claim.Claim) string { return strconv.Itoa(c.SentenceStart) },
	"date":           func(c *claim.Claim) string { return strconv.FormatInt(c.ArticleDate.Unix(), 10) },
}

// valueFields are the string fields of the value, for partitions.
var valueFields = map[string]func(*claim.Claim) string{
	"metric":    func(c *claim.Claim) string { return c.Metric },
	"subject":   func(c *claim.Claim) string { return c.Subject },
	"rate":      func(c *claim.Claim) string { return string(c.Rate) },
	"unit":      func(c *claim.Claim) string { return c.Unit },
	"qualifier": func(c *claim.Claim) string { return c.Qualifier },
}

func (e *Engine) foldKeyOf(c *claim.Claim) foldKey {
	key := foldKey{value: valueOf(c)}
	if !c.Period.Explicit() {
		key.date = c.ArticleDate.Unix()
		if c.ArticleDate.IsZero() {
			key.article = c.Article
		}
	}
	return key
}

// figure is a set of claims that state the same thing and that no check can tell apart.
type figure struct {
	value  value
	name   string // value.String(), computed when a finding needs it
	claims []int  // indexes into the claims slice
}

// Run evaluates every enabled check. Runtime errors in a check become error entries naming
// the check and the claims; the other checks still run.
func (e *Engine) Run(claims []claim.Claim) ([]claim.Finding, source.ErrorList, Stats) {
	return e.RunFocused(claims, nil)
}

// RunFocused is Run limited to what involves the claims focus selects: claim checks on their
// figures, pair checks on pairs with one of them, group checks on wholes that are one of them
// or have one among their parts. The other claims are there to be compared with. A draft
// checked against an archive, or the buckets an edit touched, cost what they touch and not
// what the archive holds: blocks (metric and subject), part-whole buckets, places and
// partitions without a focused figure are skipped before their figures' filters and
// partition keys are computed. A nil focus selects every claim.
func (e *Engine) RunFocused(claims []claim.Claim, focus func(*claim.Claim) bool) ([]claim.Finding, source.ErrorList, Stats) {
	return e.RunSelected(claims, focus, nil)
}

// RunSelected is RunFocused over the checks selected accepts (nil: every enabled check), for
// callers that treat some checks apart (an incremental run re-reads per-article checks).
func (e *Engine) RunSelected(claims []claim.Claim, focus func(*claim.Claim) bool, selected func(*rules.Check) bool) ([]claim.Finding, source.ErrorList, Stats) {
	run := &runState{engine: e, claims: claims, findings: map[string]*pending{}, failures: map[string]*failure{}}
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

type runState struct {
	engine     *Engine
	claims     []claim.Claim
	figures    []*figure
	reps       []*claim.Claim      // each figure's first claim
	figureOf   []int32             // by claim: its figure, -1 for mentions that are no claim
	view       *view               // what the current check evaluates
	keyCache   map[string][]string // partition keys of figures, by fields
	filters    map[string]*filter  // filter results of figures, by when condition
	figureView *view               // one unit per figure
	bySubject  map[string][]int    // metric|subject -> figure indexes
	byAncestor map[string][]int    // metric|ancestor -> figure indexes of parts
	findings   map[string]*pending
	failures   map[string]*failure
	focused    []bool // by figure; nil means every figure
	// In a focused run: the focused figures in order, and what each family of checks sees.
	focusedList []int
	scopes      map[scopeKind]*scope
	keyBuffer   []byte
	stats       Stats
}

// pending is a finding whose sides may still grow as other figures state the same values.
type pending struct {
	finding claim.Finding
	names   []string // what each side states
	sides   [][]int  // claim indexes per side
}

type failure struct {
	entry *source.Error
	count int
}

// blockKey is a metric and a subject, before they are joined into a bucket key.
type blockKey struct{ metric, subject string }

// block holds the figures of one metric and subject and the part-whole buckets they are
// parts in, so that bucket keys are joined once per block rather than once per figure.
type block struct {
	key       string
	figures   []int
	ancestors []*[]int
}

func (r *runState) index() {
	byKey := map[foldKey]int{}
	blocks := map[blockKey]*block{}
	var order []*block
	byAncestor := map[string]*[]int{}
	r.figureOf = make([]int32, len(r.claims))
	counts := []int{}
	// Figures are allocated in slabs: one allocation per thousand, none copied as they grow.
	var slab []figure
	for i := range r.claims {
		c := &r.claims[i]
		if !c.IsClaim || c.Metric == "" {
			r.figureOf[i] = -1
			continue
		}
		r.stats.Claims++
		key := r.engine.foldKeyOf(c)
		f, ok := byKey[key]
		if !ok {
			f = len(r.figures)
			byKey[key] = f
			if len(slab) == cap(slab) {
				slab = make([]figure, 0, 1024)
			}
			slab = append(slab, figure{value: key.value})
			r.figures = append(r.figures, &slab[len(slab)-1])
			r.reps = append(r.reps, c)
			counts = append(counts, 0)
			if c.Subject != "" {
				b := blocks[blockKey{c.Metric, c.Subject}]
				if b == nil {
					b = &block{key: c.Metric + "|" + c.Subject}
					for _, ancestor := range r.engine.pack.Ancestors(c.Subject) {
						bucket := c.Metric + "|" + ancestor
						list := byAncestor[bucket]
						if list == nil {
							list = new([]int)
							byAncestor[bucket] = list
						}
						b.ancestors = append(b.ancestors, list)
					}
					blocks[blockKey{c.Metric, c.Subject}] = b
					order = append(order, b)
				}
				b.figures = append(b.figures, f)
				for _, list := range b.ancestors {
					*list = append(*list, f)
				}
			}
		}
		r.figureOf[i] = int32(f)
		counts[f]++
	}
	// Each figure's claims, in corpus order, share one backing array.
	all := make([]int, r.stats.Claims)
	offset := 0
	for f, n := range counts {
		r.figures[f].claims = all[offset : offset : offset+n]
		offset += n
	}
	for i, f := range r.figureOf {
		if f >= 0 {
			r.figures[f].claims = append(r.figures[f].claims, i)
		}
	}
	r.bySubject = make(map[string][]int, len(order))
	for _, b := range order {
		r.bySubject[b.key] = b.figures
	}
	r.byAncestor = make(map[string][]int, len(byAncestor))
	for bucket, list := range byAncestor {
		r.byAncestor[bucket] = *list
	}
	r.stats.Figures = len(r.figures)
}

// focus marks the figures with a claim that focus selects.
func (r *runState) focus(focus func(*claim.Claim) bool) {
	if focus == nil {
		return
	}
	r.focused = make([]bool, len(r.figures))
	r.focusedList = []int{}
	for i, f := range r.figureOf {
		if f >= 0 && !r.focused[f] && focus(&r.claims[i]) {
			r.focused[f] = true
		}
	}
	for f, in := range r.focused {
		if in {
			r.focusedList = append(r.focusedList, f)
		}
	}
}

// inFocus reports whether the current view's unit u belongs to a focused figure.
func (r *runState) inFocus(u int) bool { return r.focused == nil || r.focused[r.view.figureOf(u)] }

// scopeKind names the families of checks that see the same figures in a focused run.
type scopeKind int

const (
	claimScope   scopeKind = iota // the focused figures
	subjectScope                  // the blocks (metric and subject) of focused figures
	partOfScope                   // the part-whole buckets with a focused whole or part
	placeScope                    // the articles with a claim of a focused figure
	emptyScope                    // candidates no check family knows: nothing to see
)

// scope is what a focused run needs of one family of checks: the buckets with a focused
// figure, in key order (a full run's order), and their figures in figure order.
type scope struct {
	keys     []string
	figures  []int
	articles map[string]bool // placeScope
}

func kindOf(check *rules.Check) scopeKind {
	switch {
	case check.Scope == rules.ScopeClaim:
		return claimScope
	case check.Candidates == rules.SameArticle || check.Candidates == rules.SameSentence:
		return placeScope
	case check.Scope == rules.ScopeGroup || check.Candidates == rules.SubjectPartOf:
		return partOfScope
	case check.Candidates == rules.SameMetricSubject || check.Candidates == rules.Timeline:
		return subjectScope
	}
	return emptyScope
}

// scopeOf returns what check can see in a focused run (nil in a full run).
func (r *runState) scopeOf(check *rules.Check) *scope {
	if r.focused == nil {
		return nil
	}
	kind := kindOf(check)
	if s := r.scopes[kind]; s != nil {
		return s
	}
	s := &scope{}
	marked := make([]bool, len(r.figures))
	keys := map[string]bool{}
	switch kind {
	case claimScope:
		s.figures = r.focusedList
	case subjectScope:
		for _, f := range r.focusedList {
			if c := r.reps[f]; c.Subject != "" {
				keys[c.Metric+"|"+c.Subject] = true
			}
		}
		for key := range keys {
			for _, f := range r.bySubject[key] {
				marked[f] = true
			}
		}
	case partOfScope:
		for _, f := range r.focusedList {
			c := r.reps[f]
			if c.Subject == "" {
				continue
			}
			// As a whole, and as a part of each of its ancestors that has a whole.
			if key := c.Metric + "|" + c.Subject; len(r.byAncestor[key]) > 0 {
				keys[key] = true
			}
			for _, ancestor := range r.engine.pack.Ancestors(c.Subject) {
				if key := c.Metric + "|" + ancestor; len(r.bySubject[key]) > 0 {
					keys[key] = true
				}
			}
		}
		for key := range keys {
			for _, f := range r.bySubject[key] {
				marked[f] = true
			}
			for _, f := range r.byAncestor[key] {
				marked[f] = true
			}
		}
	case placeScope:
		s.articles = map[string]bool{}
		for _, f := range r.focusedList {
			for _, c := range r.figures[f].claims {
				s.articles[r.claims[c].Article] = true
			}
		}
		// Claims come in corpus order: runs of one article share the answer.
		previous, in, started := "", false, false
		for i, f := range r.figureOf {
			if f < 0 {
				continue
			}
			if article := r.claims[i].Article; !started || article != previous {
				previous, in, started = article, s.articles[article], true
			}
			if in {
				marked[f] = true
			}
		}
	}
	if kind != claimScope {
		s.figures = []int{}
		for f, in := range marked {
			if in {
				s.figures = append(s.figures, f)
			}
		}
	}
	s.keys = make([]string, 0, len(keys))
	for key := range keys {
		s.keys = append(s.keys, key)
	}
	sort.Strings(s.keys)
	if r.scopes == nil {
		r.scopes = map[scopeKind]*scope{}
	}
	r.scopes[kind] = s
	return s
}

// byPlace lists the units of each article (or sentence), in article and offset order, for
// the checks that ask for it. Such a check reads the article (and sentence) as context, so
// each unit lies in one place. In a focused run only the places of articles listed are
// wanted.
func (r *runState) byPlace(sentence bool, articles map[string]bool) [][]int {
	// Bucket by article first (one map pass, then the distinct articles sorted) rather than
	// sorting every unit by its article's path: an incremental run re-reads per-article
	// checks over the whole corpus, and string comparisons in a sort dominated that.
	byArticle := map[string][]int{}
	for u, rep := range r.view.reps {
		if articles != nil && !articles[rep.Article] {
			continue
		}
		byArticle[rep.Article] = append(byArticle[rep.Article], u)
	}
	keys := make([]string, 0, len(byArticle))
	for article := range byArticle {
		keys = append(keys, article)
	}
	sort.Strings(keys)
	var places [][]int
	for _, article := range keys {
		units := byArticle[article]
		if !sentence {
			places = append(places, units)
			continue
		}
		slices.SortStableFunc(units, func(a, b int) int {
			return cmp.Compare(r.view.reps[a].SentenceStart, r.view.reps[b].SentenceStart)
		})
		start := 0
		for i := range units {
			if i == len(units)-1 || r.view.reps[units[i]].SentenceStart != r.view.reps[units[i+1]].SentenceStart {
				places = append(places, units[start:i+1:i+1])
				start = i + 1
			}
		}
	}
	return places
}

// view is what one check evaluates: units of claims it cannot tell apart. For most checks a
// unit is a figure; a check that reads the article or the sentence sees a figure's claims
// split by those fields. Candidate lists hold figures; expand turns them into units.
type view struct {
	run    *runState
	reps   []*claim.Claim // the claim conditions see for each unit
	claims [][]int        // the claims of each unit; nil: unit i is figure i
	figure []int          // the figure of each unit, whose values name a finding's side
	// Units of figure f are first[f] up to end[f] (each figure's units are made together);
	// nil: unit i is figure i.
	first, end []int32
}

func (v *view) figureOf(u int) int {
	if v.figure == nil {
		return u
	}
	return v.figure[u]
}

func (v *view) claimsOf(u int) []int {
	if v.claims == nil {
		return v.run.figures[u].claims
	}
	return v.claims[u]
}

func (v *view) expand(figures []int) []int {
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

func (v *view) expandMap(buckets map[string][]int) map[string][]int {
	if v.first == nil {
		return buckets
	}
	out := make(map[string][]int, len(buckets))
	for k, list := range buckets {
		out[k] = v.expand(list)
	}
	return out
}

func (r *runState) useView(check *rules.Check) {
	fields := r.engine.contexts[check]
	if len(fields) == 0 {
		if r.figureView == nil {
			r.figureView = &view{run: r, reps: r.reps}
		}
		r.view = r.figureView
		return
	}
	// In a focused run only the figures of the check's scope get units; their order, and so
	// every comparison and finding, is a full run's.
	figures := func(yield func(int) bool) {
		if s := r.scopeOf(check); s != nil {
			for _, f := range s.figures {
				if !yield(f) {
					return
				}
			}
			return
		}
		for f := range r.figures {
			if !yield(f) {
				return
			}
		}
	}
	// First pass: which figures the check can see at all, and how many claims they hold
	// (at most one unit each), so the view is allocated once.
	env := r.env(check)
	visible := make([]bool, len(r.figures))
	total := 0
	for f := range figures {
		if check.HasValueFilter() {
			env.A = r.reps[f]
			if !check.ValueFilter(env) {
				continue
			}
		}
		visible[f] = true
		total += len(r.figures[f].claims)
	}
	v := &view{run: r, first: make([]int32, len(r.figures)), end: make([]int32, len(r.figures)),
		reps: make([]*claim.Claim, 0, total), claims: make([][]int, 0, total), figure: make([]int, 0, total)}
	var articles map[string]bool
	if s := r.scopeOf(check); s != nil && s.articles != nil && slices.Contains(fields, "article") {
		articles = s.articles
	}
	var key, previous []byte
	contextKey := func(buffer []byte, c *claim.Claim) []byte {
		buffer = buffer[:0]
		for _, field := range fields {
			buffer = append(buffer, contextFields[field](c)...)
			buffer = append(buffer, 0)
		}
		return buffer
	}
	for f := range figures {
		fig := r.figures[f]
		v.first[f], v.end[f] = int32(len(v.reps)), int32(len(v.reps))
		if !visible[f] {
			continue
		}
		for rest := fig.claims; len(rest) > 0; {
			claims := rest
			if articles != nil {
				// A place check in a focused run meets only the units of the articles listed;
				// the article is part of the context, so no unit spans two articles.
				article, n := r.claims[rest[0]].Article, 1
				for n < len(rest) && r.claims[rest[n]].Article == article {
					n++
				}
				claims, rest = rest[:n], rest[n:]
				if !articles[article] {
					continue
				}
			} else {
				rest = nil
			}
			// Claims come in corpus order, so claims of one context are contiguous; a
			// context met again later makes a second unit that sees the same thing, and its
			// findings merge with the first's.
			start := 0
			previous = contextKey(previous, &r.claims[claims[0]])
			for k := 1; k <= len(claims); k++ {
				if k < len(claims) {
					key = contextKey(key, &r.claims[claims[k]])
					if string(key) == string(previous) {
						continue
					}
				}
				v.reps = append(v.reps, &r.claims[claims[start]])
				v.claims = append(v.claims, claims[start:k:k])
				v.figure = append(v.figure, f)
				v.end[f] = int32(len(v.reps))
				start = k
				previous, key = key, previous
			}
		}
	}
	r.view = v
}

func (r *runState) representative(u int) *claim.Claim { return r.view.reps[u] }

func (r *runState) env(check *rules.Check) *rules.Env {
	return &rules.Env{Tolerance: check.Tolerance, WorldPopulation: r.engine.pack.Settings.WorldPopulation}
}

func (r *runState) claimCheck(check *rules.Check) {
	env := r.env(check)
	only := r.filter(check)
	if s := r.scopeOf(check); s != nil {
		// The focused figures' units, in unit order as a full run meets them.
		for _, u := range r.view.expand(s.figures) {
			if !only.A(u) {
				continue
			}
			env.A = r.representative(u)
			if r.evaluate(check, env, u) {
				r.report(check, env, u)
			}
		}
		return
	}
	for f := range r.view.reps {
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
func (r *runState) partitionKey(fields []string, f int) string {
	r.keyBuffer = r.appendPartitionKey(r.keyBuffer[:0], fields, f)
	return string(r.keyBuffer)
}

// appendPartitionKey appends unit f's partition key to buffer.
func (r *runState) appendPartitionKey(buffer []byte, fields []string, f int) []byte {
	c := r.representative(f)
	for _, field := range fields {
		switch {
		case field == rules.PeriodField:
			// Mirrors rules.SamePeriod: the stated period, else the article date, else the article.
			switch {
			case c.Period.Explicit():
				buffer = appendDay(append(buffer, 'P'), c.Period.From)
				buffer = appendDay(buffer, c.Period.To)
			case !c.ArticleDate.IsZero():
				buffer = appendDay(append(buffer, 'D'), c.ArticleDate)
			default:
				buffer = append(append(buffer, 'A'), c.Article...)
			}
		case valueFields[field] != nil:
			buffer = append(buffer, valueFields[field](c)...)
		case contextFields[field] != nil:
			buffer = append(buffer, contextFields[field](c)...)
		}
		buffer = append(buffer, 0)
	}
	return buffer
}

// appendDay appends t.Format(time.DateOnly), without the layout interpreter for the years
// it prints with four digits.
func appendDay(buffer []byte, t time.Time) []byte {
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		return t.AppendFormat(buffer, time.DateOnly)
	}
	return append(buffer, byte('0'+year/1000), byte('0'+year/100%10), byte('0'+year/10%10), byte('0'+year%10), '-',
		byte('0'+int(month)/10), byte('0'+int(month)%10), '-', byte('0'+day/10), byte('0'+day%10))
}

// split groups the units of list that pass test by the check's partition key, in key order
// so that runs are deterministic; the groups share one backing array. In a focused run it
// returns only the groups whose key within lists (the keys of focused units: focusKeys),
// without the filters of the other units.
func (r *runState) split(check *rules.Check, list []int, only *filter, test func(*filter, int) bool, within map[string]string) ([]string, [][]int) {
	fields := r.engine.partitions[check]
	if r.focused == nil {
		list = only.keep(list, test)
		if len(fields) == 0 || len(list) == 0 {
			return []string{""}, [][]int{list}
		}
	}
	type keyed struct {
		key  string
		unit int
	}
	var sorted []keyed
	if r.focused == nil {
		keyOf := r.partitionKeys(fields)
		sorted = make([]keyed, len(list))
		for i, u := range list {
			sorted[i] = keyed{keyOf(u), u}
		}
	} else {
		if len(within) == 0 {
			return nil, nil
		}
		for _, u := range list {
			r.keyBuffer = r.appendPartitionKey(r.keyBuffer[:0], fields, u)
			if key, ok := within[string(r.keyBuffer)]; ok && (only == nil || test(only, u)) {
				sorted = append(sorted, keyed{key, u})
			}
		}
		if len(sorted) == 0 {
			return nil, nil
		}
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

// focusKeys adds to keys the partition keys of the focused units of list that pass test.
func (r *runState) focusKeys(check *rules.Check, list []int, only *filter, test func(*filter, int) bool, keys map[string]string) map[string]string {
	fields := r.engine.partitions[check]
	for _, u := range list {
		if !r.inFocus(u) || only != nil && !test(only, u) {
			continue
		}
		if keys == nil {
			keys = map[string]string{}
		}
		r.keyBuffer = r.appendPartitionKey(r.keyBuffer[:0], fields, u)
		if _, seen := keys[string(r.keyBuffer)]; !seen {
			key := string(r.keyBuffer)
			keys[key] = key
		}
	}
	return keys
}

// ordered lists a bucket map's lists in key order.
func ordered(buckets map[string][]int) [][]int {
	keys := sortedKeys(buckets)
	out := make([][]int, len(keys))
	for i, key := range keys {
		out[i] = buckets[key]
	}
	return out
}

// byKey indexes split's result by key.
func byKey(keys []string, groups [][]int) map[string][]int {
	out := make(map[string][]int, len(keys))
	for i, key := range keys {
		out[key] = groups[i]
	}
	return out
}

// partitionKeys returns the partition key of a unit; for figure units the keys are kept
// for the other checks that partition on the same fields.
func (r *runState) partitionKeys(fields []string) func(int) string {
	if r.view != r.figureView {
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

// filter is the per-figure result of a check's a-only and b-only conditions, computed once
// per figure when first needed.
type filter struct {
	r     *runState
	check *rules.Check
	env   *rules.Env
	a, b  []int8 // 0 unknown, 1 passes, 2 fails
}

func (r *runState) filter(check *rules.Check) *filter {
	if !check.HasFilters() {
		return nil
	}
	// Checks with one when condition over the same units share their filters' results.
	shared := r.view == r.figureView
	key := check.When + "\x00" + strconv.FormatFloat(check.Tolerance, 'g', -1, 64)
	if shared {
		if f := r.filters[key]; f != nil {
			return f
		}
	}
	f := &filter{r: r, check: check, env: r.env(check), a: make([]int8, len(r.view.reps))}
	f.b = f.a
	if !check.Symmetric() {
		f.b = make([]int8, len(r.view.reps))
	}
	if shared {
		if r.filters == nil {
			r.filters = map[string]*filter{}
		}
		r.filters[key] = f
	}
	return f
}

// A reports whether figure f can be a; a failing filter counts as passing so that the full
// condition reports the error.
func (f *filter) A(figure int) bool {
	if f == nil {
		return true
	}
	if f.a[figure] == 0 {
		f.env.A = f.r.representative(figure)
		f.a[figure] = 1
		if ok, err := f.check.FilterA(f.env); err == nil && !ok {
			f.a[figure] = 2
		}
	}
	return f.a[figure] == 1
}

// B reports whether figure f can be b.
func (f *filter) B(figure int) bool {
	if f == nil {
		return true
	}
	if f.check.Symmetric() {
		return f.A(figure)
	}
	if f.b[figure] == 0 {
		f.env.B = f.r.representative(figure)
		f.b[figure] = 1
		if ok, err := f.check.FilterB(f.env); err == nil && !ok {
			f.b[figure] = 2
		}
	}
	return f.b[figure] == 1
}

// keep returns the figures of list for which test holds (list itself when no filter).
func (f *filter) keep(list []int, test func(*filter, int) bool) []int {
	if f == nil {
		return list
	}
	var out []int
	for _, figure := range list {
		if test(f, figure) {
			out = append(out, figure)
		}
	}
	return out
}

func (f *filter) either(figure int) bool { return f.A(figure) || f.B(figure) }

// The tests split and keep apply, as method expressions.
var (
	canBeA      = (*filter).A
	canBeB      = (*filter).B
	canBeEither = (*filter).either
)

func (r *runState) pairCheck(check *rules.Check) {
	env := r.env(check)
	only := r.filter(check)
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
	s := r.scopeOf(check)
	// pairs visits every pair of list in order (i before j); in a focused run only those
	// with a focused unit, which are the only ones visit evaluates.
	var later []int
	pairs := func(list []int) {
		if s == nil {
			for i := 0; i < len(list); i++ {
				for j := i + 1; j < len(list); j++ {
					visit(list[i], list[j])
				}
			}
			return
		}
		later = later[:0]
		for j, u := range list {
			if r.inFocus(u) {
				later = append(later, j)
			}
		}
		for i := range list {
			for len(later) > 0 && later[0] <= i {
				later = later[1:]
			}
			if r.inFocus(list[i]) {
				for j := i + 1; j < len(list); j++ {
					visit(list[i], list[j])
				}
				continue
			}
			if len(later) == 0 {
				break // no focused unit from here on
			}
			for _, j := range later {
				visit(list[i], list[j])
			}
		}
	}
	allPairs := func(buckets [][]int) {
		for _, bucket := range buckets {
			if len(bucket) < 2 {
				continue
			}
			var within map[string]string
			if s != nil {
				within = r.focusKeys(check, bucket, only, canBeEither, nil)
			}
			_, groups := r.split(check, bucket, only, canBeEither, within)
			for _, list := range groups {
				pairs(list)
			}
		}
	}
	// subjectBuckets lists the blocks a check of one metric and subject sees, in key order.
	subjectBuckets := func() [][]int {
		if s == nil {
			return ordered(r.view.expandMap(r.bySubject))
		}
		out := make([][]int, len(s.keys))
		for i, key := range s.keys {
			out[i] = r.view.expand(r.bySubject[key])
		}
		return out
	}
	var articles map[string]bool
	if s != nil {
		articles = s.articles
	}
	switch check.Candidates {
	case rules.SameMetricSubject:
		allPairs(subjectBuckets())
	case rules.SameArticle:
		allPairs(r.byPlace(false, articles))
	case rules.SameSentence:
		allPairs(r.byPlace(true, articles))
	case rules.Timeline:
		for _, bucket := range subjectBuckets() {
			var within map[string]string
			if s != nil {
				within = r.focusKeys(check, bucket, only, canBeEither, nil)
			}
			_, groups := r.split(check, bucket, only, canBeEither, within)
			for _, list := range groups {
				r.timeline(list, visit)
			}
		}
	case rules.SubjectPartOf:
		// a is the part, b the whole.
		r.partsAndWholes(check, only, func(parts, wholes []int) {
			for _, part := range parts {
				for _, whole := range wholes {
					visit(part, whole)
				}
			}
		})
	}
}

// partsAndWholes calls each with the parts and the wholes of each part-whole bucket and
// partition (parts pass the check's a filter, wholes its b filter), in bucket and key order.
// In a focused run only buckets and partitions with a focused part or whole are met.
func (r *runState) partsAndWholes(check *rules.Check, only *filter, each func(parts, wholes []int)) {
	keys := r.scopeKeys(check)
	for _, bucket := range keys {
		wholes := r.bySubject[bucket]
		if len(wholes) == 0 {
			continue
		}
		partUnits, wholeUnits := r.view.expand(r.byAncestor[bucket]), r.view.expand(wholes)
		var within map[string]string
		if r.focused != nil {
			within = r.focusKeys(check, partUnits, only, canBeA, nil)
			within = r.focusKeys(check, wholeUnits, only, canBeB, within)
		}
		partKeys, parts := r.split(check, partUnits, only, canBeA, within)
		wholesByKey := byKey(r.split(check, wholeUnits, only, canBeB, within))
		for i, key := range partKeys {
			each(parts[i], wholesByKey[key])
		}
	}
}

// scopeKeys lists the part-whole buckets a check walks: every one in a full run.
func (r *runState) scopeKeys(check *rules.Check) []string {
	if s := r.scopeOf(check); s != nil {
		return s.keys
	}
	return sortedKeys(r.byAncestor)
}

// timeline orders figures by the day they stand for and pairs each day's figures with the
// previous day's (a earlier, b later).
func (r *runState) timeline(list []int, visit func(a, b int)) {
	type dated struct {
		figure int
		day    int64
	}
	sorted := make([]dated, len(list))
	for i, f := range list {
		sorted[i] = dated{f, rules.AsOf(*r.representative(f)).Unix()}
	}
	slices.SortStableFunc(sorted, func(a, b dated) int { return cmp.Compare(a.day, b.day) })
	var previous, current []int
	for i, d := range sorted {
		f := d.figure
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
func (r *runState) groupCheck(check *rules.Check) {
	env := r.env(check)
	only := r.filter(check)
	if check.Candidates == rules.SameArticle || check.Candidates == rules.SameSentence {
		r.placeGroups(check, env, only)
		return
	}
	r.partsAndWholes(check, only, func(parts, wholes []int) {
		for _, whole := range wholes {
			r.group(check, env, whole, parts, true)
		}
	})
}

// placeGroups evaluates the figures of one article (or sentence) as a group without a
// whole: parts are the figures for which when holds with a = the figure and b = the first
// figure of the partition; whole is that first figure.
func (r *runState) placeGroups(check *rules.Check, env *rules.Env, only *filter) {
	var articles map[string]bool
	if s := r.scopeOf(check); s != nil {
		articles = s.articles
	}
	for _, place := range r.byPlace(check.Candidates == rules.SameSentence, articles) {
		if len(place) < 2 {
			continue
		}
		var within map[string]string
		if r.focused != nil {
			within = r.focusKeys(check, place, only, canBeA, nil)
		}
		_, groups := r.split(check, place, only, canBeA, within)
		for _, list := range groups {
			if len(list) < 2 {
				continue
			}
			sort.Ints(list)
			r.group(check, env, list[0], list, false)
		}
	}
}

func (r *runState) group(check *rules.Check, env *rules.Env, whole int, candidates []int, wholeSide bool) {
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

func (r *runState) evaluate(check *rules.Check, env *rules.Env, figures ...int) bool {
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
// first failure, then a count, so that a broken condition does not flood the report.
func (r *runState) runtimeError(check *rules.Check, err error, figures ...int) {
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
	r.failures[check.ID] = &failure{entry: entry, count: 1}
}

func (r *runState) errorList() source.ErrorList {
	var list source.ErrorList
	for _, id := range sortedFailureIDs(r.failures) {
		f := r.failures[id]
		if f.count > 1 {
			f.entry.Message += fmt.Sprintf(" (and %d more evaluations of this check failed)", f.count-1)
		}
		list = append(list, f.entry)
	}
	return list
}

func sortedFailureIDs(m map[string]*failure) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// name is what a unit states, which identifies a finding's side.
func (r *runState) name(u int) string {
	fig := r.figures[r.view.figureOf(u)]
	if fig.name == "" {
		fig.name = fig.value.String()
	}
	return fig.name
}

// report adds a finding, or adds the figures' claims to the finding that states the same
// disagreement (same rule, same values on each side).
func (r *runState) report(check *rules.Check, env *rules.Env, figures ...int) {
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
			existing.sides[side] = append(existing.sides[side], r.view.claimsOf(f)...)
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
	p := &pending{names: names, finding: claim.Finding{Rule: check.ID, Severity: check.Severity, Message: oneLine(message),
		Explanation: oneLine(explanation), Fingerprint: hex.EncodeToString(hash[:])[:16]}}
	for _, f := range figures {
		p.sides = append(p.sides, append([]int(nil), r.view.claimsOf(f)...))
	}
	r.findings[identity] = p
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// build lists each side's claims once, in article and offset order.
func (r *runState) build(p *pending) claim.Finding {
	finding := p.finding
	total := 0
	for _, side := range p.sides {
		total += len(side)
	}
	finding.Claims = make([]claim.Claim, 0, total)
	for _, side := range p.sides {
		slices.SortFunc(side, func(i, j int) int {
			a, b := &r.claims[i], &r.claims[j]
			if order := strings.Compare(a.Article, b.Article); order != 0 {
				return order
			}
			if order := cmp.Compare(a.Start, b.Start); order != 0 {
				return order
			}
			return cmp.Compare(i, j)
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

func (r *runState) sortedFindings() []claim.Finding {
	out := make([]claim.Finding, 0, len(r.findings))
	for _, p := range r.findings {
		out = append(out, r.build(p))
	}
	SortFindings(out)
	return out
}

// SortFindings puts findings in report order (LessFinding). Findings merged from several
// runs (an incremental check) are ordered with it.
func SortFindings(out []claim.Finding) {
	sort.Slice(out, func(i, j int) bool { return LessFinding(&out[i], &out[j]) })
}

// LessFinding is the report order: severity, rule, first claim's position, fingerprint.
func LessFinding(a, b *claim.Finding) bool {
	if a.Severity.Rank() != b.Severity.Rank() {
		return a.Severity.Rank() > b.Severity.Rank()
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	ca, cb := a.Claims[0], b.Claims[0]
	if ca.Article != cb.Article {
		return ca.Article < cb.Article
	}
	if ca.Start != cb.Start {
		return ca.Start < cb.Start
	}
	return a.Fingerprint < b.Fingerprint
}

func sortedKeys(m map[string][]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
