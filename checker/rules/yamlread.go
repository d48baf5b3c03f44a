package rules

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/claimcheck/claimcheck/checker/source"
	"go.yaml.in/yaml/v4"
)

// reader walks YAML nodes of one file and records positioned errors, so that one pass
// reports every mistake in the file rather than the first.
type reader struct {
	file   string
	text   string
	errors *source.ErrorList
}

func (r *reader) errorf(n *yaml.Node, format string, args ...any) {
	pos := source.Position{Line: 1, Col: 1}
	if n != nil {
		pos = source.Position{Line: n.Line, Col: n.Column}
	}
	r.errorAt(pos, format, args...)
}

// maxSnippet bounds the line quoted under an error: a 100,000-node condition on one line
// is reported by position, not reprinted.
const maxSnippet = 500

func (r *reader) errorAt(pos source.Position, format string, args ...any) {
	e := source.At(r.file, r.text, pos, format, args...)
	if len(e.Snippet) > maxSnippet {
		e.Snippet = ""
	}
	if len(e.Message) > maxSnippet {
		e.Message = e.Message[:maxSnippet] + "…"
	}
	*r.errors = append(*r.errors, e)
}

func position(n *yaml.Node) source.Position { return source.Position{Line: n.Line, Col: n.Column} }

// fields walks a mapping, calling the handler of each known key and reporting unknown keys
// with the keys that were expected. It returns the keys seen.
func (r *reader) fields(n *yaml.Node, what string, handlers map[string]func(*yaml.Node)) map[string]*yaml.Node {
	seen := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "%s: expected a mapping, found %s", what, describe(n))
		return seen
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if previous, dup := seen[key.Value]; dup {
			r.errorf(key, "%s: key %q repeats the one at line %d", what, key.Value, previous.Line)
			continue
		}
		seen[key.Value] = key
		handle, ok := handlers[key.Value]
		if !ok {
			r.errorf(key, "%s: unknown key %q (expected one of %s)%s", what, key.Value, keyList(handlers), suggest(key.Value, handlers))
			continue
		}
		handle(value)
	}
	return seen
}

func keyList(handlers map[string]func(*yaml.Node)) string {
	keys := make([]string, 0, len(handlers))
	for k := range handlers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// suggest names the closest known key when a typo is likely.
func suggest(key string, handlers map[string]func(*yaml.Node)) string {
	best, bestDistance := "", 3
	for k := range handlers {
		if d := editDistance(key, k); d < bestDistance || (d == bestDistance && k < best) {
			best, bestDistance = k, d
		}
	}
	if best == "" || bestDistance > 2 {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

func editDistance(a, b string) int {
	previous := make([]int, len(b)+1)
	current := make([]int, len(b)+1)
	for j := range previous {
		previous[j] = j
	}
	for i := 1; i <= len(a); i++ {
		current[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			current[j] = min(previous[j]+1, current[j-1]+1, previous[j-1]+cost)
		}
		previous, current = current, previous
	}
	return previous[len(b)]
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an empty document"
}

func (r *reader) string(n *yaml.Node, key string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		r.errorf(n, "%s: expected a string, found %s", key, describe(n))
		return ""
	}
	return n.Value
}

func (r *reader) boolean(n *yaml.Node, key string) bool {
	if n.Kind == yaml.ScalarNode {
		switch n.Value {
		case "true":
			return true
		case "false":
			return false
		}
	}
	r.errorf(n, "%s: expected true or false, found %s", key, describe(n))
	return false
}

func (r *reader) number(n *yaml.Node, key string) float64 {
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil {
			return v
		}
	}
	r.errorf(n, "%s: expected a number, found %s", key, describe(n))
	return 0
}

func (r *reader) strings(n *yaml.Node, key string) []string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "%s: expected a list of strings, found %s", key, describe(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		if s := r.string(item, key+" item"); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// perLanguage reads {ar: [...], en: [...]}; a language code is two or three letters.
func (r *reader) perLanguage(n *yaml.Node, key string) map[string][]string {
	out := map[string][]string{}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "%s: expected a mapping of language code to list (ar: [...], en: [...]), found %s", key, describe(n))
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		language := n.Content[i].Value
		if !validLanguage(language) {
			r.errorf(n.Content[i], "%s: %q is not a language code (expected ar, en, fr…)", key, language)
			continue
		}
		out[language] = append(out[language], r.strings(n.Content[i+1], key+"."+language)...)
	}
	return out
}

func (r *reader) labels(n *yaml.Node, key string) map[string]string {
	out := map[string]string{}
	if n.Kind == yaml.ScalarNode {
		out["en"] = n.Value
		return out
	}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "%s: expected a string or a mapping of language code to string, found %s", key, describe(n))
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		language := n.Content[i].Value
		if !validLanguage(language) {
			r.errorf(n.Content[i], "%s: %q is not a language code (expected ar, en, fr…)", key, language)
			continue
		}
		out[language] = r.string(n.Content[i+1], key+"."+language)
	}
	return out
}

func validLanguage(code string) bool {
	if len(code) < 2 || len(code) > 3 {
		return false
	}
	for _, c := range code {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func (r *reader) list(n *yaml.Node, key string, each func(*yaml.Node)) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "%s: expected a list, found %s", key, describe(n))
		return
	}
	for _, item := range n.Content {
		each(item)
	}
}

// validID accepts snake_case identifiers, which is what conditions and reports refer to.
func validID(id string) bool {
	if id == "" {
		return false
	}
	for i, c := range id {
		switch {
		case c >= 'a' && c <= 'z', c == '_':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
