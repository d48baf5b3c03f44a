package main

import (
	"bytes"
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
	var format, output, failOn string
	c := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check articles for contradictory figures (default PATH ./seeds)",
		Long: `Reads the articles (files, folders, globs, - for standard input), extracts every numeric
claim, runs the rule packs' checks and reports the findings.

Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage, rule or input errors.`,
		RunE: func(c *cobra.Command, paths []string) error {
			if len(paths) == 0 {
				paths = []string{"seeds"}
			}
			threshold, ok := severityThreshold(failOn)
			if !ok {
				return &exitError{code: 2, message: fmt.Sprintf("--fail-on %q: expected error, warning, info or none", failOn)}
			}
			formatter, err := report.New(format, report.Options{Color: s.color(output)})
			if err != nil {
				return &exitError{code: 2, message: err.Error()}
			}
			checker, err := newChecker(s, &rules, checker.WithStdin(s.in))
			if err != nil {
				return err
			}
			result, err := checker.Check(c.Context(), paths)
			if err != nil {
				return &exitError{code: 2, message: err.Error()}
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
	return c
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

// color decides whether the text format may use colours: only when writing to a terminal,
// never into a file, and never when NO_COLOR is set to anything (https://no-color.org).
func (s *streams) color(output string) bool {
	terminal, getenv := s.terminal, s.getenv
	if terminal == nil {
		terminal = isTerminal
	}
	if getenv == nil {
		getenv = os.Getenv
	}
	return (output == "" || output == "-") && terminal(s.out) && getenv("NO_COLOR") == ""
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
