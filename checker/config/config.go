package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/source"
)

// FileName is the project file looked for in the working directory and its parents.
const FileName = ".claimcheck.yaml"

// Config is a project file. Paths are as written; Resolve makes them relative to the file.
type Config struct {
	// File is the path the configuration was read from; Dir is its folder.
	File, Dir string
	// Corpus lists the articles checked when the command line gives none.
	Corpus []string
	// Rules lists rule pack folders (or folders of packs), layered in order.
	Rules []string
	// Index is the claim index file, for commands that read one.
	Index string
	// FailOn is the lowest severity that fails a run: error, warning, info or none.
	FailOn string
	// Baseline is the baseline file of known findings.
	Baseline string
	// Outputs are the reports to write, each a format and a file ("" for standard output).
	Outputs []Output
}

// Output is one report: its format and where it goes.
type Output struct {
	Format string
	Output string
}

// Find looks for FileName in dir and each parent folder, and returns its path, or "" when
// there is none.
func Find(dir string) (string, error) {
	for {
		path := filepath.Join(dir, FileName)
		info, err := os.Stat(path)
		switch {
		case err == nil && !info.IsDir():
			return path, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("look for %s: %w", path, err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and decodes a configuration file.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read configuration %s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse decodes a configuration; every problem is reported as a source.Error in a
// source.ErrorList, each at its line:col with the line and a caret.
func Parse(path string, data []byte) (*Config, error) {
	config := &Config{File: path, Dir: filepath.Dir(path)}
	var errs source.ErrorList
	r := &reader{file: path, text: string(data), errors: &errs}
	var document yaml.Node
	loader, err := yaml.NewLoader(bytes.NewReader(data))
	if err == nil {
		err = loader.Load(&document)
	}
	if errors.Is(err, io.EOF) {
		return config, nil // an empty file (or comments only) configures nothing
	}
	if err != nil {
		return nil, source.ErrorList{r.yamlError(err)}
	}
	if document.Kind == 0 || len(document.Content) == 0 {
		return config, nil // an empty file (or comments only) configures nothing
	}
	root := document.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return config, nil
	}
	r.fields(root, "configuration", map[string]func(*yaml.Node){
		"corpus":   func(n *yaml.Node) { config.Corpus = r.strings(n, "corpus") },
		"rules":    func(n *yaml.Node) { config.Rules = r.strings(n, "rules") },
		"index":    func(n *yaml.Node) { config.Index = r.string(n, "index") },
		"baseline": func(n *yaml.Node) { config.Baseline = r.string(n, "baseline") },
		"fail_on": func(n *yaml.Node) {
			config.FailOn = r.string(n, "fail_on")
			switch config.FailOn {
			case "error", "warning", "info", "none", "":
			default:
				r.errorf(n, "fail_on: %q is not a severity (expected error, warning, info or none)", config.FailOn)
			}
		},
		"outputs": func(n *yaml.Node) { config.Outputs = r.outputs(n) },
	})
	if len(errs) > 0 {
		return nil, errs
	}
	return config, nil
}

// Resolve makes a path written in the file relative to the file's folder; absolute paths
// and "-" stay as they are.
func (c *Config) Resolve(path string) string {
	if path == "" || path == "-" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(c.Dir, path)
}

func (r *reader) outputs(n *yaml.Node) []Output {
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "outputs: expected a list of {format, output}, found %s", describe(n))
		return nil
	}
	var outputs []Output
	toStdout := 0
	for _, item := range n.Content {
		var output Output
		seen := r.fields(item, "outputs entry", map[string]func(*yaml.Node){
			"format": func(v *yaml.Node) {
				output.Format = r.string(v, "format")
				if _, err := report.New(output.Format, report.Options{}); err != nil && output.Format != "" {
					r.errorf(v, "format: %v", err)
				}
			},
			"output": func(v *yaml.Node) { output.Output = r.string(v, "output") },
		})
		if item.Kind == yaml.MappingNode && seen["format"] == nil {
			r.errorf(item, "outputs entry: missing key \"format\" (one of %s)", strings.Join(report.Names(), ", "))
		}
		if output.Output == "" || output.Output == "-" {
			toStdout++
			if toStdout == 2 {
				r.errorf(item, "outputs entry: a second report to standard output; give it an output file")
			}
		}
		outputs = append(outputs, output)
	}
	return outputs
}

// reader walks YAML nodes and records positioned errors, so that one pass reports every
// mistake in the file.
type reader struct {
	file   string
	text   string
	errors *source.ErrorList
}

func (r *reader) errorf(n *yaml.Node, format string, args ...any) {
	*r.errors = append(*r.errors, source.At(r.file, r.text, source.Position{Line: max(n.Line, 1), Col: max(n.Column, 1)}, format, args...))
}

func (r *reader) yamlError(err error) *source.Error {
	var loadErrors *yaml.LoadErrors
	var loadError *yaml.LoadError
	switch {
	case errors.As(err, &loadErrors) && len(loadErrors.Errors) > 0:
		loadError = loadErrors.Errors[0]
	case errors.As(err, &loadError):
	default:
		return &source.Error{File: r.file, Message: "YAML: " + err.Error()}
	}
	return source.At(r.file, r.text, source.Position{Line: max(loadError.Mark.Line, 1), Col: max(loadError.Mark.Column, 1)}, "YAML: %s", loadError.Message)
}

// fields walks a mapping, calling the handler of each known key and reporting unknown and
// repeated keys; it returns the keys seen.
func (r *reader) fields(n *yaml.Node, what string, handlers map[string]func(*yaml.Node)) map[string]*yaml.Node {
	seen := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "%s: expected a mapping, found %s", what, describe(n))
		return seen
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if previous, repeated := seen[key.Value]; repeated {
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

func (r *reader) string(n *yaml.Node, key string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		r.errorf(n, "%s: expected a string, found %s", key, describe(n))
		return ""
	}
	return n.Value
}

// strings reads a list of strings; a single string is a list of one.
func (r *reader) strings(n *yaml.Node, key string) []string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "%s: expected a list of paths, found %s", key, describe(n))
		return nil
	}
	var out []string
	for _, item := range n.Content {
		if s := r.string(item, key); s != "" {
			out = append(out, s)
		}
	}
	return out
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
