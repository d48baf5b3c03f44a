package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/baseline"
	"github.com/claimcheck/claimcheck/checker/changes"
	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/config"
	"github.com/claimcheck/claimcheck/checker/corpus"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/server"
	"github.com/claimcheck/claimcheck/checker/source"
)

func newCheckCommand(s *streams) *cobra.Command {
	var rules rulesFlag
	var wanted reportFlags
	var failOn, draft, draftDate, baselinePath, changedSince, indexDSN string
	var rebuild bool
	c := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check articles for contradictory figures (default: .claimcheck.yaml's corpus, else ./seeds)",
		Long: `Reads the articles (files, folders, globs, - for standard input), extracts every numeric
claim, runs the rule packs' checks and reports the findings.

With --draft, checks one draft against the articles (the published archive) and against
itself, and reports only the findings that involve the draft.

With --index, the archive is a claim index (claimcheck index add): articles given as PATHs
are re-extracted only when their content changed; without PATH every indexed article is
checked; with --draft only the index's candidates for the draft's figures are read.

Settings come from .claimcheck.yaml (found upwards from the working directory) where the
command line gives none.

Exit codes: 0 no finding at or above --fail-on; 1 findings (with --baseline: new ones);
2 usage, configuration, rule or input errors.`,
		RunE: func(c *cobra.Command, paths []string) error {
			explicit := len(paths) > 0
			project, paths, err := s.settle(c, &rules, paths)
			if err != nil {
				return err
			}
			explicit = explicit || len(project.Corpus) > 0
			indexDSN = s.indexDSN(c, project, indexDSN)
			if rebuild && indexDSN == "" {
				return &exitError{code: 2, message: "--rebuild needs --index"}
			}
			if !c.Flags().Changed("fail-on") && project.FailOn != "" {
				failOn = project.FailOn
			}
			threshold, ok := severityThreshold(failOn)
			if !ok {
				return &exitError{code: 2, message: fmt.Sprintf("--fail-on %q: expected error, warning, info or none", failOn)}
			}
			reports, err := s.reports(project, wanted)
			if err != nil {
				return err
			}
			if !c.Flags().Changed("baseline") && project.Baseline != "" {
				baselinePath = s.local(project.Resolve(project.Baseline))
			}
			if draft != "" && changedSince != "" {
				return &exitError{code: 2, message: "--changed-since applies to a corpus, not to --draft"}
			}
			var known *baseline.File
			if baselinePath != "" {
				if known, err = readBaseline(baselinePath); err != nil {
					return err
				}
			}
			var changed *changes.Set
			if changedSince != "" {
				dir, err := s.workingDir()
				if err != nil {
					return err
				}
				if changed, err = changes.Since(c.Context(), dir, changedSince); err != nil {
					return &exitError{code: 2, message: "--changed-since: " + err.Error()}
				}
				s.note("%d files changed since %s", changed.Len(), changedSince)
			}

			bar := s.newProgress()
			ch, err := newChecker(s, &rules, checker.WithStdin(s.in), checker.WithProgress(bar.report))
			if err != nil {
				return err
			}
			start := time.Now()
			var store index.Store
			if indexDSN != "" {
				if store, err = openIndex(c.Context(), indexDSN); err != nil {
					return err
				}
				defer store.Close()
				if err := prepareIndex(c.Context(), s, ch, store, rebuild); err != nil {
					return err
				}
			}
			var result *report.Result
			switch {
			case draft != "" && store != nil:
				if explicit {
					return &exitError{code: 2, message: "--draft with --index checks against the index: give no PATH (index them with claimcheck index add)"}
				}
				result, err = s.checkDraft(c, ch, draft, draftDate, server.Indexed(ch, store))
			case draft != "":
				// Archive articles that could not be read are reported too: the draft was not
				// checked against them.
				archive := func(ctx context.Context, draft *checker.Extraction) (*report.Result, error) {
					read, err := ch.Extract(ctx, paths)
					if err != nil {
						return nil, err
					}
					result, err := ch.CheckDraft(ctx, draft, read)
					if err != nil {
						return nil, err
					}
					result.Errors = append(result.Errors, read.Errors...)
					source.ErrorList(result.Errors).Sort()
					result.Summary.Errors = len(result.Errors)
					return result, nil
				}
				result, err = s.checkDraft(c, ch, draft, draftDate, archive)
			case store != nil:
				result, err = s.checkWithIndex(c.Context(), ch, store, paths, explicit)
			default:
				result, err = ch.Check(c.Context(), paths)
			}
			bar.wait()
			if err != nil {
				return err
			}
			s.note("%d articles, %d claims, %d findings in %s", result.Summary.Articles, result.Summary.Claims, result.Summary.Findings, time.Since(start).Round(time.Millisecond))
			if changed != nil {
				before := len(result.Findings)
				n := keepChanged(result, changed)
				s.note("%d of %d findings involve the %d articles changed since %s", len(result.Findings), before, n, changedSince)
			}
			if known != nil {
				known.Apply(result)
				s.note("baseline %s: %d new, %d unchanged, %d absent", baselinePath, result.Summary.Baseline.New, result.Summary.Baseline.Unchanged, result.Summary.Baseline.Absent)
			}
			for _, r := range reports {
				if err := write(s.out, r.path, func(w io.Writer) error { return r.formatter.Format(w, result) }); err != nil {
					return &exitError{code: 2, message: err.Error()}
				}
				if r.path != "" && r.path != "-" {
					s.note("wrote %s report to %s", r.format, r.path)
				}
			}
			return outcome(s, result, threshold)
		},
	}
	rules.add(c)
	wanted.add(c)
	c.Flags().StringVar(&failOn, "fail-on", "error", "lowest severity that makes the exit code 1: error, warning, info or none")
	c.Flags().StringVar(&draft, "draft", "", "check this draft (- for standard input) against the articles, reporting only findings that involve it")
	c.Flags().StringVar(&draftDate, "draft-date", "", "the draft's publication date, YYYY-MM-DD (default: its front matter, else today)")
	c.Flags().StringVar(&baselinePath, "baseline", "", "baseline file of known findings (claimcheck baseline update): they show as unchanged and do not fail the run")
	c.Flags().StringVar(&indexDSN, "index", "", indexFlagHelp+" (e.g. "+defaultIndex+"; default: the configuration's index, else none): unchanged articles come from it, new and changed ones are extracted and stored; without PATH, checks every indexed article")
	c.Flags().BoolVar(&rebuild, "rebuild", false, "with --index: re-extract the index first when the rule packs changed")
	c.Flags().StringVar(&changedSince, "changed-since", "", "report only findings that involve articles changed since this git revision (still checked against the whole corpus)")
	return c
}

// checkWithIndex checks the given articles through the index (re-extracting what changed),
// or every indexed article when no PATH was given.
func (s *streams) checkWithIndex(ctx context.Context, ch *checker.Checker, store index.Store, paths []string, explicit bool) (*report.Result, error) {
	if !explicit {
		extraction, err := ch.IndexedCorpus(ctx, store)
		if err != nil {
			return nil, indexFailure(err)
		}
		return ch.CheckExtraction(ctx, extraction)
	}
	result, stats, err := ch.CheckIndexed(ctx, store, paths)
	if err != nil {
		return nil, indexFailure(err)
	}
	s.note("index: %d articles extracted, %d unchanged (%d of them not read: same size, time and manifest entry)", stats.Extracted, stats.Unchanged, stats.Unread)
	return result, nil
}

// keepChanged keeps the findings that cite an article in the change set, and says how many
// of the articles read changed.
func keepChanged(result *report.Result, changed *changes.Set) int {
	articles := map[string]bool{}
	for _, article := range result.Articles {
		if changed.Has(article.Path) {
			articles[article.Path] = true
		}
	}
	checker.KeepFindings(result, checker.Involving(articles))
	return len(articles)
}

// checkDraft reads the draft and the archive and checks one against the other.
func (s *streams) checkDraft(c *cobra.Command, ch *checker.Checker, path, date string, check server.Archive) (*report.Result, error) {
	var text io.Reader = s.in
	name := "-"
	if path != "-" {
		file, err := os.Open(path)
		if err != nil {
			return nil, &exitError{code: 2, message: fmt.Sprintf("--draft %s: %s", path, corpus.DescribeOpenError(err))}
		}
		defer file.Close()
		text, name = file, filepath.Clean(path)
	}
	if date == "" {
		date = time.Now().Format("2006-01-02")
	}
	draft, err := ch.ExtractDraft(c.Context(), checker.Draft{Name: name, Text: text, Date: date, MaxBytes: server.DefaultMaxBytes})
	if err != nil {
		var list source.ErrorList
		if errors.As(err, &list) {
			printErrors(s.err, list)
			return nil, &exitError{code: 2, message: fmt.Sprintf("--draft %s could not be read; nothing was checked", path)}
		}
		return nil, &exitError{code: 2, message: err.Error()}
	}
	result, err := check(c.Context(), draft)
	if err != nil {
		return nil, &exitError{code: 2, message: err.Error()}
	}
	return result, nil
}

func readBaseline(path string) (*baseline.File, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, &exitError{code: 2, message: fmt.Sprintf("--baseline %s: %s (write one with \"claimcheck baseline update -o %s\")", path, corpus.DescribeOpenError(err), path)}
	}
	defer file.Close()
	known, err := baseline.Read(path, file, checker.Version)
	if err != nil {
		var positioned *source.Error
		if errors.As(err, &positioned) {
			return nil, &exitError{code: 2, message: positioned.Format()}
		}
		return nil, &exitError{code: 2, message: err.Error()}
	}
	return known, nil
}

// namedReport is one report to write: a format, its formatter and its file.
type namedReport struct {
	format, path string
	formatter    report.Formatter
}

// reportFlags collects --format and --output in command-line order: an --output names the
// file of the --format before it (or, given first, of the next one), so that
// "-f text -f sarif -o r.sarif -f html -o r.html" writes three reports.
type reportFlags struct {
	list []config.Output
	set  bool
}

type formatFlag struct{ r *reportFlags }
type outputFlag struct{ r *reportFlags }

func (f formatFlag) Set(value string) error {
	f.r.set = true
	if n := len(f.r.list); n > 0 && f.r.list[n-1].Format == "" {
		f.r.list[n-1].Format = value // an --output given before its --format
		return nil
	}
	f.r.list = append(f.r.list, config.Output{Format: value})
	return nil
}

func (o outputFlag) Set(value string) error {
	o.r.set = true
	if n := len(o.r.list); n > 0 && o.r.list[n-1].Output == "" && o.r.list[n-1].Format != "" {
		o.r.list[n-1].Output = value
		return nil
	}
	o.r.list = append(o.r.list, config.Output{Output: value})
	return nil
}

func (formatFlag) String() string { return "" }
func (outputFlag) String() string { return "" }
func (formatFlag) Type() string   { return "format" }
func (outputFlag) Type() string   { return "file" }

func (r *reportFlags) add(c *cobra.Command) {
	c.Flags().VarP(formatFlag{r}, "format", "f", "output format: "+joinNames()+" (default text; repeatable, each --output naming the file of the --format before it)")
	c.Flags().VarP(outputFlag{r}, "output", "o", "write the report to this file, atomically (default standard output)")
}

// reports turns the flags, else the configuration's outputs, else a text report on standard
// output, into formatters. At most one report goes to standard output.
func (s *streams) reports(project *config.Config, flags reportFlags) ([]namedReport, error) {
	var wanted []config.Output
	switch {
	case flags.set:
		for _, output := range flags.list {
			if output.Format == "" {
				output.Format = "text"
			}
			wanted = append(wanted, output)
		}
	case len(project.Outputs) > 0:
		for _, output := range project.Outputs {
			if output.Output != "" && output.Output != "-" {
				output.Output = s.local(project.Resolve(output.Output))
			}
			wanted = append(wanted, output)
		}
	default:
		wanted = []config.Output{{Format: "text"}}
	}
	var reports []namedReport
	toStdout := 0
	for _, output := range wanted {
		stdout := output.Output == "" || output.Output == "-"
		if stdout {
			toStdout++
		}
		if toStdout > 1 && stdout {
			return nil, &exitError{code: 2, message: fmt.Sprintf("two reports for standard output (%s and another): give --output after all formats but one", output.Format)}
		}
		formatter, err := report.New(output.Format, report.Options{Color: s.color(output.Output)})
		if err != nil {
			return nil, &exitError{code: 2, message: err.Error()}
		}
		reports = append(reports, namedReport{format: output.Format, path: output.Output, formatter: formatter})
	}
	return reports, nil
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
// on a corpus it could not read. Findings already in the baseline do not count.
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
		if f.Severity.Rank() >= threshold && f.Baseline != "unchanged" {
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
