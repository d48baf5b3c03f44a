package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/rules"
	"github.com/spf13/cobra"
)

func newRulesCommand(s *streams) *cobra.Command {
	c := &cobra.Command{Use: "rules", Short: "Lint, test and explain rule packs"}
	c.AddCommand(newRulesLintCommand(s), newRulesTestCommand(s), newRulesExplainCommand(s))
	return c
}

func rulesFromArgs(args []string) *rulesFlag {
	return &rulesFlag{dirs: args}
}

func newRulesLintCommand(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "lint [DIR...]",
		Short: "Report every problem in the rule packs as file:line:col (exit 2 on any)",
		RunE: func(c *cobra.Command, args []string) error {
			checker, err := newChecker(s, rulesFromArgs(args))
			if err != nil {
				return err
			}
			pack := checker.Pack()
			fmt.Fprintf(s.out, "ok: %s: %d metrics, %d entities, %d checks, %d tests (version %s)\n",
				strings.Join(pack.Names, ", "), len(pack.Metrics), len(pack.Entities), len(pack.Checks), len(pack.Tests), pack.Version)
			return nil
		},
	}
}

func newRulesTestCommand(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "test [DIR...]",
		Short: "Run the packs' tests (tests/*.yaml): findings that must and must not appear",
		RunE: func(c *cobra.Command, args []string) error {
			flags := rulesFromArgs(args)
			base, err := newChecker(s, flags)
			if err != nil {
				return err
			}
			options, err := flags.options()
			if err != nil {
				return err
			}
			passed, failed := 0, 0
			for _, test := range base.Pack().Tests {
				problems, err := runRuleTest(c.Context(), options, test)
				if err != nil {
					return &exitError{code: 2, message: err.Error()}
				}
				if len(problems) == 0 {
					passed++
					fmt.Fprintf(s.out, "PASS %s (%s:%d)\n", test.Name, test.File, test.At.Line)
					continue
				}
				failed++
				fmt.Fprintf(s.out, "FAIL %s (%s:%d)\n", test.Name, test.File, test.At.Line)
				for _, p := range problems {
					fmt.Fprintf(s.out, "    %s\n", p)
				}
			}
			fmt.Fprintf(s.out, "%d passed, %d failed\n", passed, failed)
			if failed > 0 {
				return &exitError{code: 1}
			}
			return nil
		},
	}
}

// runRuleTest writes the test's articles to a temporary folder, checks them with the packs
// and compares the findings with the expectations.
func runRuleTest(ctx context.Context, options []checker.Option, test *rules.Test) ([]string, error) {
	dir, err := os.MkdirTemp("", "claimcheck-rule-test-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	articles := test.Articles
	if len(articles) == 0 {
		articles = []rules.TestArticle{{Path: "article.txt", Text: test.Text, Date: test.Date, Outlet: test.Outlet}}
	}
	manifest := "articles:\n"
	for i, a := range articles {
		name := a.Path
		if name == "" {
			name = fmt.Sprintf("article_%d.txt", i+1)
		}
		name = filepath.Base(name)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(a.Text), 0o644); err != nil {
			return nil, err
		}
		manifest += fmt.Sprintf("  %q: {date: %q, outlet: %q}\n", name, a.Date, a.Outlet)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(manifest), 0o644); err != nil {
		return nil, err
	}
	c, err := checker.New(options...)
	if err != nil {
		return nil, err
	}
	result, err := c.Check(ctx, []string{dir})
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, e := range result.Errors {
		problems = append(problems, "error: "+e.Error())
	}
	matches := func(e rules.Expectation) bool {
		for _, f := range result.Findings {
			if f.Rule == e.Rule && quoted(f, e.Quote) {
				return true
			}
		}
		return false
	}
	for _, e := range test.Expect {
		if !matches(e) {
			problems = append(problems, fmt.Sprintf("expected a %s finding%s; got %s", e.Rule, quoteNote(e.Quote), summarizeFindings(result.Findings)))
		}
	}
	for _, e := range test.Reject {
		if matches(e) {
			problems = append(problems, fmt.Sprintf("did not expect a %s finding%s", e.Rule, quoteNote(e.Quote)))
		}
	}
	return problems, nil
}

func quoted(f claim.Finding, quote string) bool {
	if quote == "" {
		return true
	}
	for _, c := range f.Claims {
		if strings.Contains(c.Sentence, quote) || strings.Contains(c.Text, quote) {
			return true
		}
	}
	return false
}

func quoteNote(quote string) string {
	if quote == "" {
		return ""
	}
	return fmt.Sprintf(" quoting %q", quote)
}

func summarizeFindings(findings []claim.Finding) string {
	if len(findings) == 0 {
		return "no findings"
	}
	var parts []string
	for _, f := range findings {
		parts = append(parts, f.Rule+": "+f.Message)
	}
	return strings.Join(parts, "; ")
}

func newRulesExplainCommand(s *streams) *cobra.Command {
	var flags rulesFlag
	c := &cobra.Command{
		Use:   "explain CHECK_ID",
		Short: "Say what a check does, its conditions and an example",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			base, err := newChecker(s, &flags)
			if err != nil {
				return err
			}
			check := base.Pack().Check(args[0])
			if check == nil {
				var ids []string
				for _, c := range base.Pack().Checks {
					ids = append(ids, c.ID)
				}
				return &exitError{code: 2, message: fmt.Sprintf("no check %q (checks: %s)", args[0], strings.Join(ids, ", "))}
			}
			fmt.Fprintf(s.out, "%s (%s, %s scope", check.ID, check.Severity, check.Scope)
			if check.Candidates != "" {
				fmt.Fprintf(s.out, ", candidates %s", check.Candidates)
			}
			fmt.Fprintf(s.out, ")\ndefined at %s:%d:%d\n\n%s\n\n", check.File, check.At.Line, check.At.Col, check.Description)
			if check.When != "" {
				fmt.Fprintf(s.out, "applies when:\n  %s\n", check.When)
			}
			fmt.Fprintf(s.out, "fires when:\n  %s\n", check.Violation)
			fmt.Fprintf(s.out, "message:\n  %s\n", check.Message)
			if check.Example != "" {
				fmt.Fprintf(s.out, "\nexample:\n  %s\n", check.Example)
				options, err := flags.options()
				if err != nil {
					return err
				}
				problems, err := runRuleTest(c.Context(), options, &rules.Test{Name: "example", Text: check.Example, Expect: []rules.Expectation{{Rule: check.ID}}})
				switch {
				case err != nil:
					fmt.Fprintf(s.out, "  (the example could not be checked: %v)\n", err)
				case len(problems) == 0:
					fmt.Fprintln(s.out, "  (the check fires on this example)")
				default:
					fmt.Fprintln(s.out, "  (the check does NOT fire on this example:)")
					for _, p := range problems {
						fmt.Fprintf(s.out, "    %s\n", p)
					}
				}
			}
			return nil
		},
	}
	flags.add(c)
	return c
}
