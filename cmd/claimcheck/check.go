package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func newCheckCommand(s *streams) *cobra.Command {
	var rules rulesFlag
	var format, output, failOn, indexDSN string
	var rebuild bool
	c := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check articles for contradictory figures (default PATH ./seeds)",
		Long: `Reads the articles (files, folders, globs, - for standard input), extracts every numeric
claim, runs the rule packs' checks and reports the findings.

Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage, rule or input errors.`,
		RunE: func(c *cobra.Command, paths []string) error {
			explicit := len(paths) > 0
			if len(paths) == 0 {
				paths = []string{"seeds"}
			}
			threshold, ok := severityThreshold(failOn)
			if !ok {
				return &exitError{code: 2, message: fmt.Sprintf("--fail-on %q: expected error, warning, info or none", failOn)}
			}
			formatter, err := report.New(format, report.Options{Color: output == "" && isTerminal(s.out) && os.Getenv("NO_COLOR") == ""})
			if err != nil {
				return &exitError{code: 2, message: err.Error()}
			}
			checker, err := newChecker(s, &rules, checker.WithStdin(s.in))
			if err != nil {
				return err
			}
			result, err := checkWithIndex(c.Context(), s, checker, indexDSN, rebuild, paths, explicit)
			if err != nil {
				return err
			}
			if err := write(s.out, output, func(w io.Writer) error { return formatter.Format(w, result) }); err != nil {
				return &exitError{code: 2, message: err.Error()}
			}
			return outcome(s, result, threshold)
		},
	}
	rules.add(c)
	c.Flags().StringVarP(&format, "format", "f", "text", "output format: "+joinNames())
	c.Flags().StringVarP(&output, "output", "o", "", "write the report to this file (default standard output)")
	c.Flags().StringVar(&failOn, "fail-on", "error", "lowest severity that makes the exit code 1: error, warning, info or none")
	c.Flags().StringVar(&indexDSN, "index", "", indexFlagHelp+" (e.g. "+defaultIndex+"): unchanged articles come from it, new and changed ones are extracted and stored; without PATH, checks every indexed article")
	c.Flags().BoolVar(&rebuild, "rebuild", false, "with --index: re-extract the index first when the rule packs changed")
	return c
}

// checkWithIndex runs the check, through the claim index when one is given.
func checkWithIndex(ctx context.Context, s *streams, c *checker.Checker, dsn string, rebuild bool, paths []string, explicit bool) (*report.Result, error) {
	if dsn == "" {
		if rebuild {
			return nil, &exitError{code: 2, message: "--rebuild needs --index"}
		}
		result, err := c.Check(ctx, paths)
		if err != nil {
			return nil, &exitError{code: 2, message: err.Error()}
		}
		return result, nil
	}
	store, err := openIndex(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	if err := prepareIndex(ctx, s, c, store, rebuild); err != nil {
		return nil, err
	}
	if !explicit {
		extraction, err := c.IndexedCorpus(ctx, store)
		if err != nil {
			return nil, indexFailure(err)
		}
		result, err := c.CheckExtraction(ctx, extraction)
		if err != nil {
			return nil, &exitError{code: 2, message: err.Error()}
		}
		return result, nil
	}
	result, _, err := c.CheckIndexed(ctx, store, paths)
	if err != nil {
		return nil, indexFailure(err)
	}
	return result, nil
}

func joinNames() string {
	var b bytes.Buffer
	for i, name := range report.Names() {
		if i > 0 {
			b.WriteString("|")
		}
		b.WriteString(name)
	}
	return b.String()
}

func severityThreshold(name string) (int, bool) {
	switch name {
	case "none":
		return 1 << 30, true
	case "error", "warning", "info":
		return claim.Severity(name).Rank(), true
	}
	return 0, false
}

// outcome maps a result to the exit code contract. Input errors that lost an article
// (unreadable, binary, empty corpus) are exit 2 even when findings exist: CI must not pass
// on a corpus it could not read.
func outcome(s *streams, result *report.Result, threshold int) error {
	lost := 0
	for _, e := range result.Errors {
		if !e.Warning {
			lost++
		}
	}
	if len(result.Articles) == 0 {
		return &exitError{code: 2, message: "no article could be read (empty corpus)"}
	}
	if lost > 0 {
		return &exitError{code: 2, message: fmt.Sprintf("%d input or rule errors (listed in the report)", lost)}
	}
	for _, f := range result.Findings {
		if f.Severity.Rank() >= threshold {
			return &exitError{code: 1}
		}
	}
	return nil
}

// write sends output to a file (atomically: a failed run leaves no half report) or stdout.
func write(stdout io.Writer, path string, render func(io.Writer) error) error {
	if path == "" || path == "-" {
		return render(stdout)
	}
	var buffer bytes.Buffer
	if err := render(&buffer); err != nil {
		return err
	}
	temporary := path + ".tmp"
	if err := os.WriteFile(temporary, buffer.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(temporary, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
