package rules

import (
	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/source"
	"github.com/expr-lang/expr/vm"
)

// Pack is one or more layered pack folders merged: later packs add metrics and entities and
// may override a check's severity or switch it off by id.
type Pack struct {
	// Names of the merged packs, in load order.
	Names []string
	// Version is a hash of every pack file's bytes: claims extracted with one version are not
	// mixed silently with another's.
	Version  string
	Settings Settings
	Metrics  []*Metric
	Entities []*Entity
	Checks   []*Check
	// Tests are the rule tests found beside the packs (tests/*.yaml).
	Tests []*Test

	metricByID map[string]*Metric
	entityByID map[string]*Entity
}

// Settings tune extraction and comparison for the whole pack.
type Settings struct {
	// ApproxTolerance widens "about N" to N±tolerance (default 0.10).
	ApproxTolerance float64
	// Tolerance is the default relative tolerance of value comparisons (default 0.05).
	Tolerance float64
	// WorldPopulation bounds plausibility checks (default 8.2e9).
	WorldPopulation float64
}

// Metric is something articles count.
type Metric struct {
	ID     string
	Labels map[string]string
	// Unit names what one counts ("accounts", "people", "percent").
	Unit string
	// Cumulative figures may only grow over time (people who ever joined); others count
	// within a period (accounts removed in 2017).
	Cumulative bool
	// SubjectKinds limits which entity kinds can be this metric's subject ("platform").
	SubjectKinds []string
	// Nouns are counted nouns per language; Cues are verbs or phrases that must occur near
	// the number for the metric to apply (none: the noun alone decides).
	Nouns map[string][]string
	Cues  map[string][]string
	// Fallback makes the metric its nouns' default: it applies when the noun is counted and
	// no cue of any metric stands near ("50 ألف حساب على إنستغرام" counts accounts held).
	Fallback bool
	// Max is a plausibility bound for one figure (0: none).
	Max  float64
	At   source.Position
	File string
}

// Entity is a subject: a platform, country, region, organisation or event.
type Entity struct {
	ID      string
	Kind    string
	Labels  map[string]string
	Aliases map[string][]string
	PartOf  string
	At      source.Position
	File    string
}

// Scope says what a check compares.
type Scope string

const (
	ScopeClaim Scope = "claim"
	ScopePair  Scope = "pair"
	ScopeGroup Scope = "group"
)

// Candidates selects which claims a pair or group check sees, through the blocking index.
type Candidates string

const (
	// SameMetricSubject pairs claims of one metric and subject.
	SameMetricSubject Candidates = "same_metric_subject"
	// SubjectPartOf pairs a claim with claims of the same metric whose subject contains it
	// (a = part, b = whole); for groups, the whole with all its direct parts.
	SubjectPartOf Candidates = "subject_part_of"
	// SameArticle pairs claims of one article; for groups, all the article's figures.
	SameArticle Candidates = "same_article"
	// SameSentence pairs claims of one sentence; for groups, all the sentence's figures.
	SameSentence Candidates = "same_sentence"
	// Timeline pairs claims of one metric and subject along time: each figure with the
	// figures of the previous date (asOf) that has any, so that a count's history is
	// compared step by step, linearly, instead of every report against every other.
	Timeline Candidates = "timeline"
)

// Check is a compiled rule.
type Check struct {
	ID          string
	Severity    claim.Severity
	Description string
	Scope       Scope
	Candidates  Candidates
	// When and Violation are expr conditions; When may be empty (always applies).
	When      string
	Violation string
	// Message and Explain are templates: text with {{ expr }} parts.
	Message   string
	Explain   string
	Tolerance float64
	Enabled   bool
	// Example is a short article text on which the check fires, for `rules explain`.
	Example string
	At      source.Position
	File    string

	// compileSites remember where each expression stands in its YAML file, so that an expr
	// error is shifted to its position there.
	compileSites [4]exprSite
	when         *vm.Program
	filterA      *vm.Program
	filterB      *vm.Program
	valueFilterA *vm.Program
	fastA        []func(*claim.Claim) bool
	fastB        []func(*claim.Claim) bool
	symmetric    bool
	valueFilterB *vm.Program
	violation    *vm.Program
	message      *Template
	explain      *Template
}

// Test is a small article with the findings that must and must not appear on it.
type Test struct {
	Name     string
	Text     string
	Date     string
	Outlet   string
	Articles []TestArticle
	Expect   []Expectation
	Reject   []Expectation
	At       source.Position
	File     string
}

// TestArticle is one article of a multi-article test.
type TestArticle struct {
	Path   string
	Text   string
	Date   string
	Outlet string
}

// Expectation names a finding by rule id and, optionally, a text every one of its claims'
// quotes must include.
type Expectation struct {
	Rule  string
	Quote string
}

// Metric returns the metric with id, or nil.
func (p *Pack) Metric(id string) *Metric { return p.metricByID[id] }

// Entity returns the entity with id, or nil.
func (p *Pack) Entity(id string) *Entity { return p.entityByID[id] }

// Ancestors lists the entities that contain id, nearest first (france → western_europe →
// europe). Cycles are refused at load time, so this ends.
func (p *Pack) Ancestors(id string) []string {
	var out []string
	for e := p.entityByID[id]; e != nil && e.PartOf != ""; e = p.entityByID[e.PartOf] {
		out = append(out, e.PartOf)
	}
	return out
}

// PartOf reports whether part lies inside whole (strictly).
func (p *Pack) PartOf(part, whole string) bool {
	for _, id := range p.Ancestors(part) {
		if id == whole {
			return true
		}
	}
	return false
}
