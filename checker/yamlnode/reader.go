package yamlnode

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/claimcheck/claimcheck/checker/source"
	"go.yaml.in/yaml/v4"
)

// maxSnippet bounds the line quoted under an error: a 100,000-node expression on one line
// is reported by position, not reprinted.
const maxSnippet = 500

// Reader walks the nodes of one file and appends positioned errors to Errors.
type Reader struct {
	File   string
	Text   string
	Errors *source.ErrorList
}

// New returns a reader of one file's text that appends to errs.
func New(file, text string, errs *source.ErrorList) *Reader {
	return &Reader{File: file, Text: text, Errors: errs}
}

// Position is where a node starts, never before 1:1.
func Position(n *yaml.Node) source.Position {
	if n == nil {
		return source.Position{Line: 1, Col: 1}
	}
	return source.Position{Line: max(n.Line, 1), Col: max(n.Column, 1)}
}

// Errorf records an error at a node.
func (r *Reader) Errorf(n *yaml.Node, format string, args ...any) {
	r.ErrorAt(Position(n), format, args...)
}

// ErrorAt records an error at a position.
func (r *Reader) ErrorAt(pos source.Position, format string, args ...any) {
	e := source.At(r.File, r.Text, pos, format, args...)
	if len(e.Snippet) > maxSnippet {
		e.Snippet = ""
	}
	if len(e.Message) > maxSnippet {
		e.Message = e.Message[:maxSnippet] + "…"
	}
	*r.Errors = append(*r.Errors, e)
}

// Parse decodes the text into a node tree and returns the document's root, refusing
// aliases (no alias bombs: hand-written settings have no use for them) and nesting deeper
// than maxDepth. ok is false after an error or for an empty document (comments only).
func (r *Reader) Parse(maxDepth int) (root *yaml.Node, ok bool) {
	var document yaml.Node
	loader, err := yaml.NewLoader(strings.NewReader(r.Text))
	if err == nil {
		err = loader.Load(&document)
	}
	if errors.Is(err, io.EOF) {
		return nil, false // no document at all: comments only
	}
	if err != nil {
		r.loadError(err)
		return nil, false
	}
	if document.Kind == 0 || len(document.Content) == 0 {
		return nil, false
	}
	if bad := firstAliasOrDeep(&document, 0, maxDepth); bad != nil {
		if bad.Kind == yaml.AliasNode || bad.Anchor != "" {
			r.Errorf(bad, "YAML aliases are not allowed (write the value out)")
		} else {
			r.Errorf(bad, "YAML nested deeper than %d levels", maxDepth)
		}
		return nil, false
	}
	root = document.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, false
	}
	return root, true
}

func (r *Reader) loadError(err error) {
	*r.Errors = append(*r.Errors, LoadError(r.File, r.Text, err))
}

// LoadError positions an error of the YAML decoder (which has its own mark type) as a
// source.Error, for callers that decode with yaml.Load directly.
func LoadError(file, text string, err error) *source.Error {
	var loadErrors *yaml.LoadErrors
	var loadError *yaml.LoadError
	switch {
	case errors.As(err, &loadErrors) && len(loadErrors.Errors) > 0:
		loadError = loadErrors.Errors[0]
	case errors.As(err, &loadError):
	}
	if loadError == nil || loadError.Mark.Line <= 0 {
		return source.At(file, text, source.Position{Line: 1, Col: 1}, "YAML: %v", err)
	}
	return source.At(file, text, source.Position{Line: loadError.Mark.Line, Col: max(loadError.Mark.Column, 1)}, "YAML: %s", loadError.Message)
}

func firstAliasOrDeep(n *yaml.Node, depth, maxDepth int) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	if depth > maxDepth {
		return n
	}
	for _, child := range n.Content {
		if bad := firstAliasOrDeep(child, depth+1, maxDepth); bad != nil {
			return bad
		}
	}
	return nil
}

// Fields walks a mapping, calling the handler of each known key and reporting unknown keys
// (with the expected ones and the likeliest meant) and repeated keys. It returns the keys seen.
func (r *Reader) Fields(n *yaml.Node, what string, handlers map[string]func(*yaml.Node)) map[string]*yaml.Node {
	seen := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "%s: expected a mapping, found %s", what, Describe(n))
		return seen
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if previous, repeated := seen[key.Value]; repeated {
			r.Errorf(key, "%s: key %q repeats the one at line %d", what, key.Value, previous.Line)
			continue
		}
		seen[key.Value] = key
		handle, ok := handlers[key.Value]
		if !ok {
			r.Errorf(key, "%s: unknown key %q (expected one of %s)%s", what, key.Value, keyList(handlers), suggest(key.Value, handlers))
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

// suggest names the closest known key when a typo is likely (at most two edits away).
func suggest(key string, handlers map[string]func(*yaml.Node)) string {
	best, bestDistance := "", 3
	for k := range handlers {
		if d := editDistance(key, k); d < bestDistance || (d == bestDistance && k < best) {
			best, bestDistance = k, d
		}
	}
	if best == "" {
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

// Describe says what a node is, for "expected X, found Y" messages.
func Describe(n *yaml.Node) string {
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

// String reads a scalar.
func (r *Reader) String(n *yaml.Node, key string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		r.Errorf(n, "%s: expected a string, found %s", key, Describe(n))
		return ""
	}
	return n.Value
}

// Strings reads a list of strings; a single string is a list of one. what names the items
// in the message ("strings", "paths").
func (r *Reader) Strings(n *yaml.Node, key, what string) []string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		r.Errorf(n, "%s: expected a list of %s, found %s", key, what, Describe(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		if s := r.String(item, key+" item"); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Bool reads true or false.
func (r *Reader) Bool(n *yaml.Node, key string) bool {
	if n.Kind == yaml.ScalarNode {
		switch n.Value {
		case "true":
			return true
		case "false":
			return false
		}
	}
	r.Errorf(n, "%s: expected true or false, found %s", key, Describe(n))
	return false
}

// Number reads a number; underscores group digits (1_000_000).
func (r *Reader) Number(n *yaml.Node, key string) float64 {
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil {
			return v
		}
	}
	r.Errorf(n, "%s: expected a number, found %s", key, Describe(n))
	return 0
}

// List calls each for the items of a list; nothing (null) is an empty list.
func (r *Reader) List(n *yaml.Node, key string, each func(*yaml.Node)) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		r.Errorf(n, "%s: expected a list, found %s", key, Describe(n))
		return
	}
	for _, item := range n.Content {
		each(item)
	}
}
