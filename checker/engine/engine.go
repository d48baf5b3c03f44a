package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/rules"
	"github.com/claimcheck/claimcheck/checker/source"
)

// Engine runs one pack's checks.
type Engine struct {
	pack *rules.Pack
}

// New returns an Engine for pack.
func New(pack *rules.Pack) *Engine { return &Engine{pack: pack} }

// Stats counts the work done, for benchmarks and --verbose.
type Stats struct {
	Claims         int
	Figures        int // distinct figures after folding repeats
	PairsEvaluated int
}

// figure is a set of claims that state the same thing: one side of a disagreement.
type figure struct {
	key    string
	claims []int // indexes into the claims slice
}

func figureKey(c *claim.Claim) string {
	iv := c.Interval
	return fmt.Sprintf("%s|%s|%g|%g|%t|%t|%s|%s|%s|%s|%s|%t", c.Metric, c.Subject, iv.Low, iv.High, iv.LowOpen, iv.HighOpen,
		c.Rate, c.Unit, c.Qualifier, c.Period.From.Format("2006-01-02"), c.Period.To.Format("2006-01-02"), c.Period.AsOf)
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
// what the archive holds. A nil focus selects every claim.
func (e *Engine) RunFocused(claims []claim.Claim, focus func(*claim.Claim) bool) ([]claim.Finding, source.ErrorList, Stats) {
	run := &runState{engine: e, claims: claims, findings: map[string]*claim.Finding{}, errorsByCheck: map[string]int{}}
	run.index()
	run.focus(focus)
	for _, check := range e.pack.Checks {
		if !check.Usable() {
			continue
		}
		switch check.Scope {
		case rules.ScopeClaim:
			run.claimCheck(check)
		case rules.ScopePair:
			run.pairCheck(check)
		case rules.ScopeGroup:
			run.groupCheck(check)
		}
	}
	return run.sortedFindings(), run.errors, run.stats
}

type runState struct {
	engine        *Engine
	claims        []claim.Claim
	figures       []*figure
	figureOf      []int
	bySubject     map[string][]int // metric|subject -> figure indexes
	byAncestor    map[string][]int // metric|ancestor -> figure indexes of parts
	byArticle     map[string][]int
	bySentence    map[string][]int
	findings      map[string]*claim.Finding
	focused       []bool // by figure; nil means every figure
	errors        source.ErrorList
	errorsByCheck map[string]int
	stats         Stats
}

func (r *runState) index() {
	r.figureOf = make([]int, len(r.claims))
	byKey := map[string]int{}
	r.bySubject, r.byAncestor, r.byArticle, r.bySentence = map[string][]int{}, map[string][]int{}, map[string][]int{}, map[string][]int{}
	for i := range r.claims {
		c := &r.claims[i]
		r.figureOf[i] = -1
		if !c.IsClaim || c.Metric == "" {
			continue
		}
		r.stats.Claims++
		key := figureKey(c)
		f, ok := byKey[key]
		if !ok {
			f = len(r.figures)
			byKey[key] = f
			r.figures = append(r.figures, &figure{key: key})
			if c.Subject != "" {
				r.bySubject[c.Metric+"|"+c.Subject] = append(r.bySubject[c.Metric+"|"+c.Subject], f)
				for _, ancestor := range r.engine.pack.Ancestors(c.Subject) {
					r.byAncestor[c.Metric+"|"+ancestor] = append(r.byAncestor[c.Metric+"|"+ancestor], f)
				}
			}
		}
		r.figures[f].claims = append(r.figures[f].claims, i)
		r.figureOf[i] = f
		r.byArticle[c.Article] = appendOnce(r.byArticle[c.Article], f)
		sentenceKey := fmt.Sprintf("%s|%d", c.Article, c.SentenceStart)
		r.bySentence[sentenceKey] = appendOnce(r.bySentence[sentenceKey], f)
	}
	r.stats.Figures = len(r.figures)
}

// focus marks the figures with a claim that focus selects.
func (r *runState) focus(focus func(*claim.Claim) bool) {
	if focus == nil {
		return
	}
	r.focused = make([]bool, len(r.figures))
	for i := range r.claims {
		if f := r.figureOf[i]; f >= 0 && !r.focused[f] && focus(&r.claims[i]) {
			r.focused[f] = true
		}
	}
}

func (r *runState) inFocus(f int) bool { return r.focused == nil || r.focused[f] }

func appendOnce(list []int, f int) []int {
	if len(list) > 0 && list[len(list)-1] == f {
		return list
	}
	return append(list, f)
}

func (r *runState) representative(f int) claim.Claim { return r.claims[r.figures[f].claims[0]] }

func (r *runState) env(check *rules.Check) *rules.Env {
	return &rules.Env{Tolerance: check.Tolerance, WorldPopulation: r.engine.pack.Settings.WorldPopulation}
}

func (r *runState) claimCheck(check *rules.Check) {
	for f := range r.figures {
		if !r.inFocus(f) {
			continue
		}
		env := r.env(check)
		env.A = r.representative(f)
		if r.evaluate(check, env, f) {
			r.report(check, env, [][]int{r.figures[f].claims})
		}
	}
}

func (r *runState) pairCheck(check *rules.Check) {
	visit := func(a, b int) {
		if a == b || !r.inFocus(a) && !r.inFocus(b) {
			return
		}
		env := r.env(check)
		env.A, env.B = r.representative(a), r.representative(b)
		r.stats.PairsEvaluated++
		if r.evaluate(check, env, a, b) {
			r.report(check, env, [][]int{r.figures[a].claims, r.figures[b].claims})
		}
	}
	unordered := func(buckets map[string][]int) {
		for _, key := range sortedKeys(buckets) {
			list := buckets[key]
			for i := 0; i < len(list); i++ {
				for j := i + 1; j < len(list); j++ {
					visit(list[i], list[j])
				}
			}
		}
	}
	switch check.Candidates {
	case rules.SameMetricSubject:
		unordered(r.bySubject)
	case rules.SameArticle:
		unordered(r.byArticle)
	case rules.SameSentence:
		unordered(r.bySentence)
	case rules.SubjectPartOf:
		// a is the part, b the whole.
		for _, key := range sortedKeys(r.byAncestor) {
			wholes := r.bySubject[key]
			for _, part := range r.byAncestor[key] {
				for _, whole := range wholes {
					visit(part, whole)
				}
			}
		}
	}
}

// groupCheck evaluates a whole with its parts: when (a = part, b = whole) selects the parts;
// nested parts are dropped in favour of the outermost, and a subject with several figures
// contributes its smallest.
func (r *runState) groupCheck(check *rules.Check) {
	for _, key := range sortedKeys(r.byAncestor) {
		partInFocus := false
		for _, part := range r.byAncestor[key] {
			partInFocus = partInFocus || r.inFocus(part)
		}
		for _, whole := range r.bySubject[key] {
			if !partInFocus && !r.inFocus(whole) {
				continue
			}
			bySubject := map[string]int{}
			for _, part := range r.byAncestor[key] {
				env := r.env(check)
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
				continue
			}
			sort.Ints(parts)
			env := r.env(check)
			env.Whole = r.representative(whole)
			sides := [][]int{r.figures[whole].claims}
			for _, part := range parts {
				env.Parts = append(env.Parts, r.representative(part))
				sides = append(sides, r.figures[part].claims)
			}
			env.A, env.B = env.Whole, env.Whole
			violated, err := check.Violated(env)
			if err != nil {
				r.runtimeError(check, err, append([]int{whole}, parts...)...)
				continue
			}
			if violated {
				r.report(check, env, sides)
			}
		}
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

// runtimeError records a failing evaluation; one entry per check, then a count, so that a
// broken condition does not flood the report.
func (r *runState) runtimeError(check *rules.Check, err error, figures ...int) {
	r.errorsByCheck[check.ID]++
	if r.errorsByCheck[check.ID] > 1 {
		return
	}
	var where []string
	for _, f := range figures {
		c := r.representative(f)
		where = append(where, fmt.Sprintf("%s:%d:%d", c.Article, c.Line, c.Col))
	}
	r.errors = append(r.errors, &source.Error{File: check.File, Line: check.At.Line, Col: check.At.Col,
		Message: fmt.Sprintf("check %s failed on claims at %s: %v", check.ID, strings.Join(where, ", "), err)})
}

// report adds a finding or merges it into the one for the same disagreement.
func (r *runState) report(check *rules.Check, env *rules.Env, sides [][]int) {
	var keys []string
	for _, side := range sides {
		keys = append(keys, r.figures[r.figureOf[side[0]]].key)
	}
	identity := check.ID + "\x00" + strings.Join(keys, "\x00")
	if _, seen := r.findings[identity]; seen {
		return
	}
	message, err := check.RenderMessage(env)
	if err != nil {
		message = check.ID
		r.runtimeError(check, fmt.Errorf("message: %w", err), r.figureOf[sides[0][0]])
	}
	explanation, err := check.RenderExplanation(env)
	if err != nil {
		r.runtimeError(check, fmt.Errorf("explain: %w", err), r.figureOf[sides[0][0]])
	}
	finding := &claim.Finding{Rule: check.ID, Severity: check.Severity, Message: oneLine(message), Explanation: oneLine(explanation)}
	var articles []string
	for _, side := range sides {
		var indexes []int
		for _, i := range side {
			indexes = append(indexes, len(finding.Claims))
			finding.Claims = append(finding.Claims, r.claims[i])
			articles = append(articles, r.claims[i].Article)
		}
		finding.Sides = append(finding.Sides, indexes)
	}
	sort.Strings(articles)
	hash := sha256.Sum256([]byte(identity + "\x00" + strings.Join(articles, "\x00")))
	finding.Fingerprint = hex.EncodeToString(hash[:])[:16]
	r.findings[identity] = finding
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (r *runState) sortedFindings() []claim.Finding {
	out := make([]claim.Finding, 0, len(r.findings))
	for _, f := range r.findings {
		out = append(out, *f)
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
