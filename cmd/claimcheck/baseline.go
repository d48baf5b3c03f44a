package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/baseline"
)

// defaultBaseline is where a baseline goes when neither -o nor the configuration say.
const defaultBaseline = ".claimcheck-baseline.json"

func newBaselineCommand(s *streams) *cobra.Command {
	c := &cobra.Command{Use: "baseline", Short: "Record the findings a corpus already has, so that CI fails only on new ones"}
	c.AddCommand(newBaselineUpdateCommand(s))
	return c
}

func newBaselineUpdateCommand(s *streams) *cobra.Command {
	var rules rulesFlag
	var output string
	c := &cobra.Command{
		Use:   "update [PATH...]",
		Short: "Check the corpus and write every finding's fingerprint to the baseline file",
		Long: `Checks the corpus (PATHs, default the configuration's corpus, else ./seeds) and writes the
baseline: a versioned JSON file with every finding's fingerprint, for check --baseline.
The file goes to -o, else the configuration's baseline, else ` + defaultBaseline + `.
Exit 2 when an article could not be read: a baseline of part of the corpus would hide nothing.`,
		RunE: func(c *cobra.Command, paths []string) error {
			project, paths, err := s.settle(c, &rules, paths)
			if err != nil {
				return err
			}
			if output == "" {
				output = defaultBaseline
				if project.Baseline != "" {
					output = s.local(project.Resolve(project.Baseline))
				}
			}
			bar := s.newProgress()
			ch, err := newChecker(s, &rules, checker.WithStdin(s.in), checker.WithProgress(bar.report))
			if err != nil {
				return err
			}
			result, err := ch.Check(c.Context(), paths)
			bar.wait()
			if err != nil {
				return &exitError{code: 2, message: err.Error()}
			}
			for _, e := range result.Errors {
				fmt.Fprintln(s.err, e.Format())
			}
			if err := outcome(s, result, 1<<30); err != nil {
				return err
			}
			file := baseline.New(result)
			if err := write(s.out, output, func(w io.Writer) error { return file.Write(w) }); err != nil {
				return &exitError{code: 2, message: err.Error()}
			}
			if !s.quiet && output != "-" {
				fmt.Fprintf(s.err, "claimcheck: wrote %s: %d findings in %d articles\n", output, len(file.Findings), len(result.Articles))
			}
			return nil
		},
	}
	rules.add(c)
	c.Flags().StringVarP(&output, "output", "o", "", "baseline file to write (- for standard output; default the configuration's baseline, else "+defaultBaseline+")")
	return c
}
