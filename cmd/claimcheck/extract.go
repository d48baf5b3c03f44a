package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/spf13/cobra"
)

func newExtractCommand(s *streams) *cobra.Command {
	var rules rulesFlag
	var format, output string
	var all bool
	c := &cobra.Command{
		Use:   "extract [PATH...]",
		Short: "List the numeric claims found in articles (default: .claimcheck.yaml's corpus, else ./seeds)",
		RunE: func(c *cobra.Command, paths []string) error {
			_, paths, err := s.settle(c, &rules, paths)
			if err != nil {
				return err
			}
			if format != "jsonl" && format != "json" {
				return &exitError{code: 2, message: fmt.Sprintf("unknown format %q for extract (want jsonl or json)", format)}
			}
			checker, err := newChecker(s, &rules, checker.WithStdin(s.in))
			if err != nil {
				return err
			}
			extraction, err := checker.Extract(c.Context(), paths)
			if err != nil {
				return &exitError{code: 2, message: err.Error()}
			}
			err = write(s.out, output, func(w io.Writer) error {
				encoder := json.NewEncoder(w)
				encoder.SetEscapeHTML(false)
				if format == "json" {
					encoder.SetIndent("", "  ")
				}
				for _, m := range extraction.Mentions {
					if !all && !m.IsClaim {
						continue
					}
					if err := encoder.Encode(m); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return &exitError{code: 2, message: err.Error()}
			}
			for _, e := range extraction.Errors {
				fmt.Fprintln(s.err, e.Format())
			}
			if len(extraction.Articles) == 0 {
				return &exitError{code: 2, message: "no article could be read (empty corpus)"}
			}
			for _, e := range extraction.Errors {
				if !e.Warning {
					return &exitError{code: 2}
				}
			}
			return nil
		},
	}
	rules.add(c)
	c.Flags().StringVarP(&format, "format", "f", "jsonl", "output format: jsonl (one object per mention) or json")
	c.Flags().StringVarP(&output, "output", "o", "", "write to this file (default standard output)")
	c.Flags().BoolVar(&all, "all", false, "include mentions that are not claims (years, dates, phone numbers…) with is_claim false")
	return c
}
