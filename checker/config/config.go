package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/source"
	"github.com/claimcheck/claimcheck/checker/yamlnode"
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
	r := &reader{yamlnode.New(path, string(data), &errs)}
	root, ok := r.Parse(maxDepth)
	if !ok {
		if len(errs) > 0 {
			return nil, errs
		}
		return config, nil // an empty file (or comments only) configures nothing
	}
	r.Fields(root, "configuration", map[string]func(*yaml.Node){
		"corpus":   func(n *yaml.Node) { config.Corpus = r.Strings(n, "corpus", "paths") },
		"rules":    func(n *yaml.Node) { config.Rules = r.Strings(n, "rules", "paths") },
		"index":    func(n *yaml.Node) { config.Index = r.String(n, "index") },
		"baseline": func(n *yaml.Node) { config.Baseline = r.String(n, "baseline") },
		"fail_on": func(n *yaml.Node) {
			config.FailOn = r.String(n, "fail_on")
			switch config.FailOn {
			case "error", "warning", "info", "none", "":
			default:
				r.Errorf(n, "fail_on: %q is not a severity (expected error, warning, info or none)", config.FailOn)
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

// reader walks the configuration's nodes; yamlnode.Reader records every mistake positioned.
type reader struct{ *yamlnode.Reader }

// maxDepth bounds nesting: a configuration is two levels deep.
const maxDepth = 16

func (r *reader) outputs(n *yaml.Node) []Output {
	if n.Kind != yaml.SequenceNode {
		r.Errorf(n, "outputs: expected a list of {format, output}, found %s", yamlnode.Describe(n))
		return nil
	}
	var outputs []Output
	toStdout := 0
	for _, item := range n.Content {
		var output Output
		seen := r.Fields(item, "outputs entry", map[string]func(*yaml.Node){
			"format": func(v *yaml.Node) {
				output.Format = r.String(v, "format")
				if _, err := report.New(output.Format, report.Options{}); err != nil && output.Format != "" {
					r.Errorf(v, "format: %v", err)
				}
			},
			"output": func(v *yaml.Node) { output.Output = r.String(v, "output") },
		})
		if item.Kind == yaml.MappingNode && seen["format"] == nil {
			r.Errorf(item, "outputs entry: missing key \"format\" (one of %s)", strings.Join(report.Names(), ", "))
		}
		if output.Output == "" || output.Output == "-" {
			toStdout++
			if toStdout == 2 {
				r.Errorf(item, "outputs entry: a second report to standard output; give it an output file")
			}
		}
		outputs = append(outputs, output)
	}
	return outputs
}
