package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/config"
	"github.com/claimcheck/claimcheck/checker/corpus"
	"github.com/claimcheck/claimcheck/checker/source"
	bundled "github.com/claimcheck/claimcheck/rules"
	"github.com/spf13/cobra"
)

type streams struct {
	in       io.Reader
	out, err io.Writer
	// terminal and getenv decide colours; tests replace them.
	terminal func(io.Writer) bool
	getenv   func(string) string
	// dir is the working directory, where .claimcheck.yaml is looked for ("" reads it from
	// the process; tests set it).
	dir string
	// Global flags.
	configPath     string
	quiet, verbose bool
}

func newRootCommand(in io.Reader, out, errOut io.Writer) *cobra.Command {
	return newRoot(&streams{in: in, out: out, err: errOut, terminal: isTerminal, getenv: os.Getenv})
}

func newRoot(s *streams) *cobra.Command {
	in, out, errOut := s.in, s.out, s.err
	root := &cobra.Command{
		Use:           "claimcheck",
		Short:         "Extract numeric claims from news and flag contradictions",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: 2, message: fmt.Sprintf("%v (see %s --help)", err, c.CommandPath())}
	})
	root.PersistentFlags().StringVar(&s.configPath, "config", "", "configuration file (default: "+config.FileName+" in the working directory or the nearest parent; \"none\" reads none)")
	root.PersistentFlags().BoolVarP(&s.quiet, "quiet", "q", false, "print only errors on standard error: no progress bar, no notes")
	root.PersistentFlags().BoolVarP(&s.verbose, "verbose", "v", false, "print what was read, timings and files written on standard error")
	root.MarkFlagsMutuallyExclusive("quiet", "verbose")
	root.AddCommand(newCheckCommand(s), newExtractCommand(s), newReportCommand(s), newRulesCommand(s), newVersionCommand(s),
		newServeCommand(s), newBaselineCommand(s), newInitCommand(s))
	root.AddCommand(newIndexCommand(s), newClaimsCommand(s))
	return root
}

// rulesFlag collects --rules folders; none means ./rules when present, else the bundled copy.
type rulesFlag struct{ dirs []string }

func (r *rulesFlag) add(c *cobra.Command) {
	c.Flags().StringArrayVar(&r.dirs, "rules", nil, "rule pack folder, or a folder of packs (repeatable; later packs layer over earlier ones; default ./rules, else the bundled packs)")
}

// options turns the flag into checker options: each pack folder is a layer.
func (r *rulesFlag) options() ([]checker.Option, error) {
	dirs := r.dirs
	if len(dirs) == 0 {
		if info, err := os.Stat("rules"); err == nil && info.IsDir() {
			dirs = []string{"rules"}
		} else {
			var options []checker.Option
			entries, _ := fs.ReadDir(bundled.FS, ".")
			for _, entry := range entries {
				if entry.IsDir() {
					sub, _ := fs.Sub(bundled.FS, entry.Name())
					options = append(options, checker.WithRules(sub, "(bundled)/"+entry.Name()))
				}
			}
			return options, nil
		}
	}
	var options []checker.Option
	for _, dir := range dirs {
		packs, err := packFolders(dir)
		if err != nil {
			return nil, err
		}
		for _, pack := range packs {
			options = append(options, checker.WithRules(os.DirFS(pack), filepath.ToSlash(pack)))
		}
	}
	return options, nil
}

// packFolders: a folder with YAML files is a pack; otherwise each subfolder with YAML files
// is one, in name order ("default" first, so newsroom packs layer over it).
func packFolders(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &exitError{code: 2, message: fmt.Sprintf("rules %s: %v", dir, corpus.DescribeOpenError(err))}
	}
	var subfolders []string
	for _, entry := range entries {
		name := entry.Name()
		if !entry.IsDir() && (filepath.Ext(name) == ".yaml" || filepath.Ext(name) == ".yml") {
			return []string{dir}, nil
		}
		if entry.IsDir() && name != "tests" {
			subfolders = append(subfolders, filepath.Join(dir, name))
		}
	}
	sort.Slice(subfolders, func(i, j int) bool {
		di, dj := filepath.Base(subfolders[i]) == "default", filepath.Base(subfolders[j]) == "default"
		if di != dj {
			return di
		}
		return subfolders[i] < subfolders[j]
	})
	if len(subfolders) == 0 {
		return nil, &exitError{code: 2, message: fmt.Sprintf("rules %s: no rule pack (YAML files) in this folder", dir)}
	}
	return subfolders, nil
}

// newChecker loads the packs, printing every rule error positioned, with its snippet.
func newChecker(s *streams, r *rulesFlag, extra ...checker.Option) (*checker.Checker, error) {
	options, err := r.options()
	if err != nil {
		return nil, err
	}
	c, err := checker.New(append(options, extra...)...)
	if err != nil {
		printErrors(s.err, err)
		return nil, &exitError{code: 2, message: "the rule packs have errors; nothing was checked"}
	}
	return c, nil
}

func printErrors(w io.Writer, err error) {
	var list source.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(w, e.Format())
		}
		return
	}
	fmt.Fprintln(w, err)
}

func newVersionCommand(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			fmt.Fprintln(s.out, "claimcheck", checker.Version)
			return nil
		},
	}
}
