package rules

import (
	"crypto/sha256"
	"encoding/hex"

	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/source"
	"github.com/claimcheck/claimcheck/checker/yamlnode"
	"go.yaml.in/yaml/v4"
)

// Limits bound what a pack may cost to load: a rule file is small text written by people.
const (
	maxFileBytes = 2 << 20
	maxDepth     = 64
)

// Layer is one pack folder to load: a file system and the folder's name for messages.
type Layer struct {
	FS fs.FS
	// Name is how files are named in errors: "rules/default" gives "rules/default/checks.yaml".
	Name string
}

// Load reads the layers in order and merges them. Every problem in every file is returned
// as a source.ErrorList (sorted), never just the first.
func Load(layers ...Layer) (*Pack, error) {
	pack := &Pack{
		Settings:   Settings{ApproxTolerance: 0.10, Tolerance: 0.05, WorldPopulation: 8.2e9},
		metricByID: map[string]*Metric{},
		entityByID: map[string]*Entity{},
	}
	var errs source.ErrorList
	hash := sha256.New()
	checkByID := map[string]*Check{}
	for _, layer := range layers {
		files, err := packFiles(layer.FS)
		if err != nil {
			errs = append(errs, &source.Error{File: layer.Name, Message: fmt.Sprintf("read pack: %v", err)})
			continue
		}
		if len(files) == 0 {
			errs = append(errs, &source.Error{File: layer.Name, Message: "no rule files (*.yaml) in this folder"})
			continue
		}
		pack.Names = append(pack.Names, path.Base(layer.Name))
		for _, name := range files {
			display := path.Join(layer.Name, name)
			// Refuse an oversized file before reading it.
			if info, err := fs.Stat(layer.FS, name); err == nil && info.Size() > maxFileBytes {
				errs = append(errs, &source.Error{File: display, Line: 1, Col: 1,
					Message: fmt.Sprintf("rule file is %d bytes; the limit is %d", info.Size(), maxFileBytes)})
				continue
			}
			data, err := fs.ReadFile(layer.FS, name)
			if err != nil {
				errs = append(errs, &source.Error{File: display, Message: fmt.Sprintf("read rule file: %v", err)})
				continue
			}
			hash.Write([]byte(name))
			hash.Write(data)
			r := reader{yamlnode.New(display, string(data), &errs)}
			if len(data) > maxFileBytes {
				r.ErrorAt(source.Position{Line: 1, Col: 1}, "rule file is %d bytes; the limit is %d", len(data), maxFileBytes)
				continue
			}
			root, ok := r.Parse(maxDepth)
			if !ok {
				continue
			}
			if strings.HasPrefix(name, "tests/") {
				pack.Tests = append(pack.Tests, r.tests(root)...)
				continue
			}
			r.section(root, pack, checkByID)
		}
	}
	pack.Version = hex.EncodeToString(hash.Sum(nil))[:12]
	pack.validate(&errs)
	pack.compile(&errs)
	if len(errs) > 0 {
		errs.Sort()
		return pack, errs
	}
	return pack, nil
}

// packFiles lists the YAML files of a pack, sorted, tests last.
func packFiles(fsys fs.FS) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(name string, entry fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if entry.IsDir() {
			if name != "." && name != "tests" {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") {
			files = append(files, name)
		}
		return nil
	})
	sort.Slice(files, func(i, j int) bool {
		ti, tj := strings.HasPrefix(files[i], "tests/"), strings.HasPrefix(files[j], "tests/")
		if ti != tj {
			return tj
		}
		return files[i] < files[j]
	})
	return files, err
}

func (r *reader) section(root *yaml.Node, pack *Pack, checkByID map[string]*Check) {
	r.Fields(root, "rule file", map[string]func(*yaml.Node){
		"settings": func(n *yaml.Node) { r.settings(n, &pack.Settings) },
		"metrics":  func(n *yaml.Node) { r.List(n, "metrics", func(item *yaml.Node) { r.metric(item, pack) }) },
		"entities": func(n *yaml.Node) { r.List(n, "entities", func(item *yaml.Node) { r.entity(item, pack) }) },
		"checks":   func(n *yaml.Node) { r.List(n, "checks", func(item *yaml.Node) { r.check(item, pack, checkByID) }) },
	})
}

func (r *reader) settings(n *yaml.Node, settings *Settings) {
	r.Fields(n, "settings", map[string]func(*yaml.Node){
		"approx_tolerance": func(v *yaml.Node) { settings.ApproxTolerance = r.fraction(v, "settings.approx_tolerance") },
		"tolerance":        func(v *yaml.Node) { settings.Tolerance = r.fraction(v, "settings.tolerance") },
		"world_population": func(v *yaml.Node) { settings.WorldPopulation = r.Number(v, "settings.world_population") },
	})
}

func (r *reader) fraction(n *yaml.Node, key string) float64 {
	v := r.Number(n, key)
	if v < 0 || v >= 1 {
		r.Errorf(n, "%s: expected a relative tolerance from 0 to below 1 (0.1 is ±10%%), found %v", key, v)
	}
	return v
}

func (r *reader) metric(n *yaml.Node, pack *Pack) {
	m := &Metric{At: yamlnode.Position(n), File: r.File, Nouns: map[string][]string{}, Cues: map[string][]string{}}
	seen := r.Fields(n, "metric", map[string]func(*yaml.Node){
		"id":            func(v *yaml.Node) { m.ID = r.id(v, "metric.id") },
		"label":         func(v *yaml.Node) { m.Labels = r.labels(v, "metric.label") },
		"unit":          func(v *yaml.Node) { m.Unit = r.String(v, "metric.unit") },
		"cumulative":    func(v *yaml.Node) { m.Cumulative = r.Bool(v, "metric.cumulative") },
		"subject_kinds": func(v *yaml.Node) { m.SubjectKinds = r.Strings(v, "metric.subject_kinds", "strings") },
		"nouns":         func(v *yaml.Node) { m.Nouns = r.perLanguage(v, "metric.nouns") },
		"cues":          func(v *yaml.Node) { m.Cues = r.perLanguage(v, "metric.cues") },
		"max":           func(v *yaml.Node) { m.Max = r.Number(v, "metric.max") },
		"fallback":      func(v *yaml.Node) { m.Fallback = r.Bool(v, "metric.fallback") },
	})
	if seen["id"] == nil {
		r.Errorf(n, "metric: missing key \"id\"")
		return
	}
	if seen["nouns"] == nil {
		r.Errorf(n, "metric %s: missing key \"nouns\" (the counted nouns per language)", m.ID)
	}
	if previous := pack.metricByID[m.ID]; previous != nil {
		r.Errorf(seen["id"], "metric %q is defined twice (first at %s:%d:%d)", m.ID, previous.File, previous.At.Line, previous.At.Col)
		return
	}
	pack.metricByID[m.ID] = m
	pack.Metrics = append(pack.Metrics, m)
}

func (r *reader) entity(n *yaml.Node, pack *Pack) {
	e := &Entity{At: yamlnode.Position(n), File: r.File, Aliases: map[string][]string{}}
	seen := r.Fields(n, "entity", map[string]func(*yaml.Node){
		"id":      func(v *yaml.Node) { e.ID = r.id(v, "entity.id") },
		"kind":    func(v *yaml.Node) { e.Kind = r.String(v, "entity.kind") },
		"label":   func(v *yaml.Node) { e.Labels = r.labels(v, "entity.label") },
		"aliases": func(v *yaml.Node) { e.Aliases = r.perLanguage(v, "entity.aliases") },
		"part_of": func(v *yaml.Node) { e.PartOf = r.String(v, "entity.part_of") },
	})
	if seen["id"] == nil {
		r.Errorf(n, "entity: missing key \"id\"")
		return
	}
	if previous := pack.entityByID[e.ID]; previous != nil {
		// A later layer may add aliases to an entity it does not redefine.
		if seen["kind"] == nil && seen["part_of"] == nil && previous.File != r.File {
			for language, aliases := range e.Aliases {
				previous.Aliases[language] = append(previous.Aliases[language], aliases...)
			}
			return
		}
		r.Errorf(seen["id"], "entity %q is defined twice (first at %s:%d:%d); to add aliases in a later pack give only id and aliases", e.ID, previous.File, previous.At.Line, previous.At.Col)
		return
	}
	if seen["kind"] == nil {
		r.Errorf(n, "entity %s: missing key \"kind\" (platform, country, region, organisation, event…)", e.ID)
	}
	pack.entityByID[e.ID] = e
	pack.Entities = append(pack.Entities, e)
}

func (r *reader) id(n *yaml.Node, key string) string {
	id := r.String(n, key)
	if id != "" && !validID(id) {
		r.Errorf(n, "%s: %q is not a snake_case identifier (lower-case letters, digits, _)", key, id)
	}
	return id
}

var severities = map[string]bool{"error": true, "warning": true, "info": true}

func (r *reader) check(n *yaml.Node, pack *Pack, checkByID map[string]*Check) {
	c := &Check{At: yamlnode.Position(n), File: r.File, Enabled: true, Tolerance: -1}
	var override bool
	var whenNode, violationNode, messageNode, explainNode *yaml.Node
	seen := r.Fields(n, "check", map[string]func(*yaml.Node){
		"id":       func(v *yaml.Node) { c.ID = r.id(v, "check.id") },
		"override": func(v *yaml.Node) { override = r.Bool(v, "check.override") },
		"enabled":  func(v *yaml.Node) { c.Enabled = r.Bool(v, "check.enabled") },
		"severity": func(v *yaml.Node) {
			c.Severity = claim.Severity(r.oneOf(v, "check.severity", "error", "warning", "info"))
		},
		"description": func(v *yaml.Node) { c.Description = strings.TrimSpace(r.String(v, "check.description")) },
		"scope":       func(v *yaml.Node) { c.Scope = Scope(r.oneOf(v, "check.scope", "claim", "pair", "group")) },
		"candidates": func(v *yaml.Node) {
			c.Candidates = Candidates(r.oneOf(v, "check.candidates", string(SameMetricSubject), string(SubjectPartOf), string(SameArticle), string(SameSentence), string(Timeline)))
		},
		"when":      func(v *yaml.Node) { whenNode = v; c.When = r.String(v, "check.when") },
		"violation": func(v *yaml.Node) { violationNode = v; c.Violation = r.String(v, "check.violation") },
		"message":   func(v *yaml.Node) { messageNode = v; c.Message = strings.TrimSpace(r.String(v, "check.message")) },
		"explain":   func(v *yaml.Node) { explainNode = v; c.Explain = strings.TrimSpace(r.String(v, "check.explain")) },
		"tolerance": func(v *yaml.Node) { c.Tolerance = r.fraction(v, "check.tolerance") },
		"example":   func(v *yaml.Node) { c.Example = strings.TrimSpace(r.String(v, "check.example")) },
	})
	if seen["id"] == nil {
		r.Errorf(n, "check: missing key \"id\"")
		return
	}
	if override {
		r.override(n, c, seen, checkByID)
		return
	}
	if previous := checkByID[c.ID]; previous != nil {
		r.Errorf(seen["id"], "check %q is defined twice (first at %s:%d:%d); a later pack changes it with override: true", c.ID, previous.File, previous.At.Line, previous.At.Col)
		return
	}
	for _, key := range []string{"severity", "description", "scope", "violation", "message"} {
		if seen[key] == nil {
			r.Errorf(n, "check %s: missing key %q", c.ID, key)
		}
	}
	if c.Scope != ScopeClaim && seen["candidates"] == nil {
		r.Errorf(n, "check %s: a %s check needs \"candidates\" (%s, %s, %s, %s or %s)", c.ID, c.Scope, SameMetricSubject, SubjectPartOf, SameArticle, SameSentence, Timeline)
	}
	if c.Scope == ScopeGroup && c.Candidates != "" && c.Candidates != SubjectPartOf && c.Candidates != SameArticle && c.Candidates != SameSentence {
		r.Errorf(seen["candidates"], "check %s: group checks take candidates %s (a whole with its parts), %s or %s (the figures of one place)", c.ID, SubjectPartOf, SameArticle, SameSentence)
	}
	compileAt := func(node *yaml.Node) exprSite { return exprSite{reader: r, node: node} }
	c.compileSites = [4]exprSite{compileAt(whenNode), compileAt(violationNode), compileAt(messageNode), compileAt(explainNode)}
	checkByID[c.ID] = c
	pack.Checks = append(pack.Checks, c)
}

// override lets a later pack change a check's severity or switch it off, by id.
func (r *reader) override(n *yaml.Node, c *Check, seen map[string]*yaml.Node, checkByID map[string]*Check) {
	target := checkByID[c.ID]
	if target == nil {
		r.Errorf(seen["id"], "check %q: override names no check loaded before it", c.ID)
		return
	}
	for key, node := range seen {
		switch key {
		case "id", "override":
		case "severity":
			target.Severity = c.Severity
		case "enabled":
			target.Enabled = c.Enabled
		case "tolerance":
			target.Tolerance = c.Tolerance
		default:
			r.Errorf(node, "check %s: an override may change severity, enabled and tolerance, not %q", c.ID, key)
		}
	}
}

func (r *reader) oneOf(n *yaml.Node, key string, allowed ...string) string {
	value := r.String(n, key)
	for _, a := range allowed {
		if value == a {
			return value
		}
	}
	if value != "" {
		r.Errorf(n, "%s: expected one of %s, found %q", key, strings.Join(allowed, ", "), value)
	}
	return ""
}

func (r *reader) tests(root *yaml.Node) []*Test {
	var out []*Test
	r.Fields(root, "test file", map[string]func(*yaml.Node){
		"tests": func(n *yaml.Node) {
			r.List(n, "tests", func(item *yaml.Node) {
				if t := r.test(item); t != nil {
					out = append(out, t)
				}
			})
		},
	})
	return out
}

func (r *reader) test(n *yaml.Node) *Test {
	t := &Test{At: yamlnode.Position(n), File: r.File}
	expectations := func(v *yaml.Node, key string) []Expectation {
		var list []Expectation
		r.List(v, key, func(item *yaml.Node) {
			var e Expectation
			r.Fields(item, key, map[string]func(*yaml.Node){
				"rule":  func(v *yaml.Node) { e.Rule = r.String(v, key+".rule") },
				"quote": func(v *yaml.Node) { e.Quote = r.String(v, key+".quote") },
			})
			list = append(list, e)
		})
		return list
	}
	seen := r.Fields(n, "test", map[string]func(*yaml.Node){
		"name":   func(v *yaml.Node) { t.Name = r.String(v, "test.name") },
		"text":   func(v *yaml.Node) { t.Text = r.String(v, "test.text") },
		"date":   func(v *yaml.Node) { t.Date = r.String(v, "test.date") },
		"outlet": func(v *yaml.Node) { t.Outlet = r.String(v, "test.outlet") },
		"articles": func(v *yaml.Node) {
			r.List(v, "test.articles", func(item *yaml.Node) {
				var a TestArticle
				r.Fields(item, "test article", map[string]func(*yaml.Node){
					"path":   func(v *yaml.Node) { a.Path = r.String(v, "article.path") },
					"text":   func(v *yaml.Node) { a.Text = r.String(v, "article.text") },
					"date":   func(v *yaml.Node) { a.Date = r.String(v, "article.date") },
					"outlet": func(v *yaml.Node) { a.Outlet = r.String(v, "article.outlet") },
				})
				t.Articles = append(t.Articles, a)
			})
		},
		"expect": func(v *yaml.Node) { t.Expect = expectations(v, "expect") },
		"reject": func(v *yaml.Node) { t.Reject = expectations(v, "reject") },
	})
	if seen["name"] == nil {
		r.Errorf(n, "test: missing key \"name\"")
	}
	if seen["text"] == nil && seen["articles"] == nil {
		r.Errorf(n, "test %s: give \"text\" (one article) or \"articles\"", t.Name)
	}
	return t
}

// validate checks what one file cannot see alone: references and part_of cycles.
func (p *Pack) validate(errs *source.ErrorList) {
	kinds := map[string]bool{}
	for _, e := range p.Entities {
		kinds[e.Kind] = true
	}
	for _, e := range p.Entities {
		if e.PartOf == "" {
			continue
		}
		if p.entityByID[e.PartOf] == nil {
			*errs = append(*errs, &source.Error{File: e.File, Line: e.At.Line, Col: e.At.Col, Message: fmt.Sprintf("entity %s: part_of names unknown entity %q", e.ID, e.PartOf)})
			continue
		}
		// Walk up at most len(entities) steps: more means a cycle.
		current, steps := e, 0
		for current != nil && current.PartOf != "" && steps <= len(p.Entities) {
			current = p.entityByID[current.PartOf]
			steps++
			if current == e {
				*errs = append(*errs, &source.Error{File: e.File, Line: e.At.Line, Col: e.At.Col, Message: fmt.Sprintf("entity %s: part_of makes a cycle", e.ID)})
				break
			}
		}
		if current == e {
			e.PartOf = "" // break the cycle so that Ancestors ends
		}
	}
	for _, m := range p.Metrics {
		for _, kind := range m.SubjectKinds {
			if !kinds[kind] {
				*errs = append(*errs, &source.Error{File: m.File, Line: m.At.Line, Col: m.At.Col, Message: fmt.Sprintf("metric %s: subject_kinds names %q, which no entity has", m.ID, kind)})
			}
		}
	}
	for _, t := range p.Tests {
		for _, e := range append(append([]Expectation{}, t.Expect...), t.Reject...) {
			if !p.hasCheck(e.Rule) {
				*errs = append(*errs, &source.Error{File: t.File, Line: t.At.Line, Col: t.At.Col, Message: fmt.Sprintf("test %s: names unknown check %q", t.Name, e.Rule)})
			}
		}
	}
}

func (p *Pack) hasCheck(id string) bool {
	for _, c := range p.Checks {
		if c.ID == id {
			return true
		}
	}
	return false
}

// Check returns the check with id, or nil.
func (p *Pack) Check(id string) *Check {
	for _, c := range p.Checks {
		if c.ID == id {
			return c
		}
	}
	return nil
}
