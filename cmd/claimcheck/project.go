package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/claimcheck/claimcheck/checker/config"
	"github.com/claimcheck/claimcheck/checker/source"
)

// workingDir is where relative paths and the configuration search start.
func (s *streams) workingDir() (string, error) {
	if s.dir != "" {
		return filepath.Abs(s.dir)
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", &exitError{code: 2, message: fmt.Sprintf("read working directory: %v", err)}
	}
	return dir, nil
}

// project reads the configuration in effect: --config, else .claimcheck.yaml found upwards
// from the working directory, else an empty one. Errors print positioned, exit 2.
func (s *streams) project() (*config.Config, error) {
	dir, err := s.workingDir()
	if err != nil {
		return nil, err
	}
	path := s.configPath
	switch path {
	case "none":
		return &config.Config{Dir: dir}, nil
	case "":
		if path, err = config.Find(dir); err != nil {
			return nil, &exitError{code: 2, message: err.Error()}
		}
		if path == "" {
			return &config.Config{Dir: dir}, nil
		}
	default:
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
	}
	project, err := config.Load(path)
	if err != nil {
		var list source.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				e.File = s.local(e.File)
				fmt.Fprintln(s.err, e.Format())
			}
			return nil, &exitError{code: 2, message: fmt.Sprintf("configuration %s has errors; nothing was checked", s.local(path))}
		}
		return nil, &exitError{code: 2, message: err.Error()}
	}
	s.note("configuration: %s", s.local(path))
	return project, nil
}

// local shows an absolute path relative to the working directory, so that reports name
// articles as a person there would type them.
func (s *streams) local(path string) string {
	if path == "" || path == "-" || !filepath.IsAbs(path) {
		return path
	}
	dir, err := s.workingDir()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(dir, path); err == nil {
		return rel
	}
	return path
}

// resolved turns the configuration's paths (relative to its file) into paths for this
// process; absolute paths stay as written.
func (s *streams) resolved(project *config.Config, paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		if filepath.IsAbs(p) || p == "-" {
			out[i] = p
			continue
		}
		out[i] = s.local(project.Resolve(p))
	}
	return out
}

// settle reads the configuration and fills in what the command line left out: the corpus
// paths and the packs. Every command that reads a corpus starts with it.
func (s *streams) settle(c *cobra.Command, rules *rulesFlag, args []string) (*config.Config, []string, error) {
	project, err := s.project()
	if err != nil {
		return nil, nil, err
	}
	s.applyRules(c, project, rules)
	return project, s.corpusPaths(project, args), nil
}

// corpusPaths: the command line's, else the configuration's, else ./seeds.
func (s *streams) corpusPaths(project *config.Config, args []string) []string {
	switch {
	case len(args) > 0:
		return args
	case len(project.Corpus) > 0:
		return s.resolved(project, project.Corpus)
	}
	return []string{"seeds"}
}

// applyRules uses the configuration's packs when --rules was not given.
func (s *streams) applyRules(c *cobra.Command, project *config.Config, rules *rulesFlag) {
	if !c.Flags().Changed("rules") && len(project.Rules) > 0 {
		rules.dirs = s.resolved(project, project.Rules)
	}
}

// note prints an informational line with --verbose.
func (s *streams) note(format string, args ...any) {
	if s.verbose {
		fmt.Fprintf(s.err, "claimcheck: "+format+"\n", args...)
	}
}
