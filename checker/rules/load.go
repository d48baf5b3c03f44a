package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/source"
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
			data, err := fs.ReadFile(layer.FS, name)
			if err != nil {
				errs = append(errs, &source.Error{File: display, Message: fmt.Sprintf("read rule file: %v", err)})
				continue
			}
			hash.Write([]byte(name))
			hash.Write(data)
			r := &reader{file: display, text: string(data), errors: &errs}
			if len(data) > maxFileBytes {
				r.errorAt(source.Position{Line: 1, Col: 1}, "rule file is %d bytes; the limit is %d", len(data), maxFileBytes)
				continue
			}
			root, ok := r.parse(data)
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

// parse decodes one file into a node tree, refusing aliases (no alias bombs: a pack has
// no use for them) and absurd nesting.
func (r *reader) parse(data []byte) (*yaml.Node, bool) {
	var root yaml.Node
	if err := yaml.Load(data, &root); err != nil {
		var loadError *yaml.LoadError
		if errors.As(err, &loadError) && loadError.Mark.Line > 0 {
			r.errorAt(source.Position{Line: loadError.Mark.Line, Col: max(loadError.Mark.Column, 1)}, "YAML: %s", loadError.Message)
		} else {
			r.errorAt(source.Position{Line: 1, Col: 1}, "YAML: %v", err)
		}
		return nil, false
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, false // an empty file is allowed: a placeholder
	}
	if bad := firstAliasOrDeep(&root, 0); bad != nil {
		if bad.Kind == yaml.AliasNode || bad.Anchor != "" {
			r.errorf(bad, "YAML aliases are not allowed in rule packs (write the value out)")
		} else {
			r.errorf(bad, "YAML nested deeper than %d levels", maxDepth)
		}
		return nil, false
	}
	return root.Content[0], true
}

func firstAliasOrDeep(n *yaml.Node, depth int) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	if depth > maxDepth {
		return n
	}
	for _, child := range n.Content {
		if bad := firstAliasOrDeep(child, depth+1); bad != nil {
			return bad
		}
	}
	return nil
}

func (r *reader) section(root *yaml.Node, pack *Pack, checkByID map[string]*Check) {
	r.fields(root, "rule file", map[string]func(*yaml.Node){
		"settings": func(n *yaml.Node) { r.settings(n, &pack.Settings) },
		"metrics":  func(n *yaml.Node) { r.list(n, "metrics", func(item *yaml.Node) { r.metric(item, pack) }) },
		"entities": func(n *yaml.Node) { r.list(n, "entities", func(item *yaml.Node) { r.entity(item, pack) }) },
		"checks":   func(n *yaml.Node) { r.list(n, "checks", func(item *yaml.Node) { r.check(item, pack, checkByID) }) },
	})
}

func (r *reader) settings(n *yaml.Node, settings *Settings) {
	r.fields(n, "settings", map[string]func(*yaml.Node){
		"approx_tolerance": func(v *yaml.Node) { settings.ApproxTolerance = r.fraction(v, "settings.approx_tolerance") },
		"tolerance":        func(v *yaml.Node) { settings.Tolerance = r.fraction(v, "settings.tolerance") },
		"world_population": func(v *yaml.Node) { settings.WorldPopulation = r.number(v, "settings.world_population") },
	})
}

func (r *reader) fraction(n *yaml.Node, key string) float64 {
	v := r.number(n, key)
	if v < 0 || v >= 1 {
		r.errorf(n, "%s: expected a relative tolerance from 0 to below 1 (0.1 is ±10%%), found %v", key, v)
	}
	return v
}

func (r *reader) metric(n *yaml.Node, pack *Pack) {
	m := &Metric{At: position(n), File: r.file, Nouns: map[string][]string{}, Cues: map[string][]string{}}
	seen := r.fields(n, "metric", map[string]func(*yaml.Node){
		"id":            func(v *yaml.Node) { m.ID = r.id(v, "metric.id") },
		"label":         func(v *yaml.Node) { m.Labels = r.labels(v, "metric.label") },
		"unit":          func(v *yaml.Node) { m.Unit = r.string(v, "metric.unit") },
		"cumulative":    func(v *yaml.Node) { m.Cumulative = r.boolean(v, "metric.cumulative") },
		"subject_kinds": func(v *yaml.Node) { m.SubjectKinds = r.strings(v, "metric.subject_kinds") },
		"nouns":         func(v *yaml.Node) { m.Nouns = r.perLanguage(v, "metric.nouns") },
		"cues":          func(v *yaml.Node) { m.Cues = r.perLanguage(v, "metric.cues") },
		"max":           func(v *yaml.Node) { m.Max = r.number(v, "metric.max") },
		"fallback":      func(v *yaml.Node) { m.Fallback = r.boolean(v, "metric.fallback") },
	})
	if seen["id"] == nil {
		r.errorf(n, "metric: missing key \"id\"")
		return
	}
	if seen["nouns"] == nil {
		r.errorf(n, "metric %s: missing key \"nouns\" (the counted nouns per language)", m.ID)
	}
	if previous := pack.metricByID[m.ID]; previous != nil {
		r.errorf(seen["id"], "metric %q is defined twice (first at %s:%d:%d)", m.ID, previous.File, previous.At.Line, previous.At.Col)
		return
	}
	pack.metricByID[m.ID] = m
	pack.Metrics = append(pack.Metrics, m)
}

func (r *reader) entity(n *yaml.Node, pack *Pack) {
	e := &Entity{At: position(n), File: r.file, Aliases: map[string][]string{}}
	seen := r.fields(n, "entity", map[string]func(*yaml.Node){
		"id":      func(v *yaml.Node) { e.ID = r.id(v, "entity.id") },
		"kind":    func(v *yaml.Node) { e.Kind = r.string(v, "entity.kind") },
		"label":   func(v *yaml.Node) { e.Labels = r.labels(v, "entity.label") },
		"aliases": func(v *yaml.Node) { e.Aliases = r.perLanguage(v, "entity.aliases") },
		"part_of": func(v *yaml.Node) { e.PartOf = r.string(v, "entity.part_of") },
	})
	if seen["id"] == nil {
		r.errorf(n, "entity: missing key \"id\"")
		return
	}
	if previous := pack.entityByID[e.ID]; previous != nil {
		// A later layer may add aliases to an entity it does not redefine.
		if seen["kind"] == nil && seen["part_of"] == nil && previous.File != r.file {
			for language, aliases := range e.Aliases {
				previous.Aliases[language] = append(previous.Aliases[language], aliases...)
			}
			return
		}
		r.errorf(seen["id"], "entity %q is defined twice (first at %s:%d:%d); to add aliases in a later pack give only id and aliases", e.ID, previous.File, previous.At.Line, previous.At.Col)
		return
	}
	if seen["kind"] == nil {
		r.errorf(n, "entity %s: missing key \"kind\" (platform, country, region, organisation, event…)", e.ID)
	}
	pack.entityByID[e.ID] = e
	pack.Entities = append(pack.Entities, e)
}

func (r *reader) id(n *yaml.Node, key string) string {
	id := r.string(n, key)
	if id != "" && !validID(id) {
		r.errorf(n, "%s: %q is not a snake_case identifier (lower-case letters, digits, _)", key, id)
	}
	return id
}

var severities = map[string]bool{"error": true, "warning": true, "info": true}

func (r *reader) check(n *yaml.Node, pack *Pack, checkByID map[string]*Check) {
	c := &Check{At: position(n), File: r.file, Enabled: true, Tolerance: -1}
	var override bool
	var whenNode, violationNode, messageNode, explainNode *yaml.Node
	seen := r.fields(n, "check", map[string]func(*yaml.Node){
		"id":       func(v *yaml.Node) { c.ID = r.id(v, "check.id") },
		"override": func(v *yaml.Node) { override = r.boolean(v, "check.override") },
		"enabled":  func(v *yaml.Node) { c.Enabled = r.boolean(v, "check.enabled") },
		"severity": func(v *yaml.Node) {
			c.Severity = claim.Severity(r.oneOf(v, "check.severity", "error", "warning", "info"))
		},
		"description": func(v *yaml.Node) { c.Description = strings.TrimSpace(r.string(v, "check.description")) },
		"scope":       func(v *yaml.Node) { c.Scope = Scope(r.oneOf(v, "check.scope", "claim", "pair", "group")) },
		"candidates": func(v *yaml.Node) {
			c.Candidates = Candidates(r.oneOf(v, "check.candidates", string(SameMetricSubject), string(SubjectPartOf), string(SameArticle), string(SameSentence)))
		},
		"when":      func(v *yaml.Node) { whenNode = v; c.When = r.string(v, "check.when") },
		"violation": func(v *yaml.Node) { violationNode = v; c.Violation = r.string(v, "check.violation") },
		"message":   func(v *yaml.Node) { messageNode = v; c.Message = strings.TrimSpace(r.string(v, "check.message")) },
		"explain":   func(v *yaml.Node) { explainNode = v; c.Explain = strings.TrimSpace(r.string(v, "check.explain")) },
		"tolerance": func(v *yaml.Node) { c.Tolerance = r.fraction(v, "check.tolerance") },
		"example":   func(v *yaml.Node) { c.Example = strings.TrimSpace(r.string(v, "check.example")) },
	})
	if seen["id"] == nil {
		r.errorf(n, "check: missing key \"id\"")
		return
	}
	if override {
		r.override(n, c, seen, checkByID)
		return
	}
	if previous := checkByID[c.ID]; previous != nil {
		r.errorf(seen["id"], "check %q is defined twice (first at %s:%d:%d); a later pack changes it with override: true", c.ID, previous.File, previous.At.Line, previous.At.Col)
		return
	}
	for _, key := range []string{"severity", "description", "scope", "violation", "message"} {
		if seen[key] == nil {
			r.errorf(n, "check %s: missing key %q", c.ID, key)
		}
	}
	if c.Scope != ScopeClaim && seen["candidates"] == nil {
		r.errorf(n, "check %s: a %s check needs \"candidates\" (%s, %s, %s or %s)", c.ID, c.Scope, SameMetricSubject, SubjectPartOf, SameArticle, SameSentence)
	}
	if c.Scope == ScopeGroup && c.Candidates != "" && c.Candidates != SubjectPartOf {
		r.errorf(seen["candidates"], "check %s: group checks take candidates %s (the whole with its parts)", c.ID, SubjectPartOf)
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
		r.errorf(seen["id"], "check %q: override names no check loaded before it", c.ID)
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
			r.errorf(node, "check %s: an override may change severity, enabled and tolerance, not %q", c.ID, key)
		}
	}
}

func (r *reader) oneOf(n *yaml.Node, key string, allowed ...string) string {
	value := r.string(n, key)
	for _, a := range allowed {
		if value == a {
			return value
		}
	}
	if value != "" {
		r.errorf(n, "%s: expected one of %s, found %q", key, strings.Join(allowed, ", "), value)
	}
	return ""
}

func (r *reader) tests(root *yaml.Node) []*Test {
	var out []*Test
	r.fields(root, "test file", map[string]func(*yaml.Node){
		"tests": func(n *yaml.Node) {
			r.list(n, "tests", func(item *yaml.Node) {
				if t := r.test(item); t != nil {
					out = append(out, t)
				}
			})
		},
	})
	return out
}

func (r *reader) test(n *yaml.Node) *Test {
	t := &Test{At: position(n), File: r.file}
	expectations := func(v *yaml.Node, key string) []Expectation {
		var list []Expectation
		r.list(v, key, func(item *yaml.Node) {
			var e Expectation
			r.fields(item, key, map[string]func(*yaml.Node){
				"rule":  func(v *yaml.Node) { e.Rule = r.string(v, key+".rule") },
				"quote": func(v *yaml.Node) { e.Quote = r.string(v, key+".quote") },
			})
			list = append(list, e)
		})
		return list
	}
	seen := r.fields(n, "test", map[string]func(*yaml.Node){
		"name":   func(v *yaml.Node) { t.Name = r.string(v, "test.name") },
		"text":   func(v *yaml.Node) { t.Text = r.string(v, "test.text") },
		"date":   func(v *yaml.Node) { t.Date = r.string(v, "test.date") },
		"outlet": func(v *yaml.Node) { t.Outlet = r.string(v, "test.outlet") },
		"articles": func(v *yaml.Node) {
			r.list(v, "test.articles", func(item *yaml.Node) {
				var a TestArticle
				r.fields(item, "test article", map[string]func(*yaml.Node){
					"path":   func(v *yaml.Node) { a.Path = r.string(v, "article.path") },
					"text":   func(v *yaml.Node) { a.Text = r.string(v, "article.text") },
					"date":   func(v *yaml.Node) { a.Date = r.string(v, "article.date") },
					"outlet": func(v *yaml.Node) { a.Outlet = r.string(v, "article.outlet") },
				})
				t.Articles = append(t.Articles, a)
			})
		},
		"expect": func(v *yaml.Node) { t.Expect = expectations(v, "expect") },
		"reject": func(v *yaml.Node) { t.Reject = expectations(v, "reject") },
	})
	if seen["name"] == nil {
		r.errorf(n, "test: missing key \"name\"")
	}
	if seen["text"] == nil && seen["articles"] == nil {
		r.errorf(n, "test %s: give \"text\" (one article) or \"articles\"", t.Name)
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
