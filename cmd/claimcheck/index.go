package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/claimcheck/claimcheck/checker/config"
	"io"
	"strings"
	"time"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/spf13/cobra"
)

// defaultIndex is where the index commands keep the claim index when --index is not given.
const defaultIndex = ".claimcheck/index.db"

const indexFlagHelp = "claim index: an SQLite file or a postgres:// URL"

func openIndex(ctx context.Context, dsn string) (index.Store, error) {
	store, err := index.Open(ctx, dsn)
	if err != nil {
		return nil, &exitError{code: 2, message: err.Error()}
	}
	return store, nil
}

// indexDSN is the index a corpus command uses: --index, else the configuration's index (a
// path relative to the configuration file, or a URL), else none.
func (s *streams) indexDSN(c *cobra.Command, project *config.Config, flag string) string {
	if c.Flags().Changed("index") || project.Index == "" {
		return flag
	}
	if strings.Contains(project.Index, "://") {
		return project.Index
	}
	return s.local(project.Resolve(project.Index))
}

// openIndexWithPacks loads the packs and opens the index the commands that write it use.
func (s *streams) openIndexWithPacks(ctx context.Context, rules *rulesFlag, dsn string) (*checker.Checker, index.Store, error) {
	checker, err := newChecker(s, rules)
	if err != nil {
		return nil, nil, err
	}
	store, err := openIndex(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	return checker, store, nil
}

// indexFailure turns an index error into exit code 2 with its words.
func indexFailure(err error) error {
	var mismatch *index.PackMismatchError
	if errors.As(err, &mismatch) {
		return &exitError{code: 2, message: mismatch.Error()}
	}
	return &exitError{code: 2, message: err.Error()}
}

// prepareIndex checks that the index matches the packs, rebuilding it first when asked.
func prepareIndex(ctx context.Context, s *streams, c *checker.Checker, store index.Store, rebuild bool) error {
	if rebuild {
		stats, errs, err := c.IndexRebuild(ctx, store)
		for _, e := range errs {
			fmt.Fprintln(s.err, e.Format())
		}
		if err != nil {
			return indexFailure(err)
		}
		if stats.Extracted > 0 || stats.Removed > 0 {
			fmt.Fprintf(s.err, "rebuilt the index: %d articles re-extracted, %d removed (file gone)\n", stats.Extracted, stats.Removed)
		}
	}
	if err := c.VerifyIndex(ctx, store); err != nil {
		return indexFailure(err)
	}
	return nil
}

func newIndexCommand(s *streams) *cobra.Command {
	var dsn string
	parent := &cobra.Command{
		Use:   "index",
		Short: "Keep a claim index of the archive (add, status, rm, rebuild)",
		Long: `The claim index remembers every article's claims with its content hash, so that a large
archive is read once. It is an SQLite file (default ` + defaultIndex + `) or a shared
PostgreSQL database (--index postgres://user:password@host/db).`,
	}
	parent.PersistentFlags().StringVar(&dsn, "index", defaultIndex, indexFlagHelp+" (default: the configuration's index, else "+defaultIndex+")")
	parent.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		project, err := s.project()
		if err != nil {
			return err
		}
		dsn = s.indexDSN(c, project, dsn)
		return nil
	}
	parent.AddCommand(newIndexAddCommand(s, &dsn), newIndexStatusCommand(s, &dsn), newIndexRemoveCommand(s, &dsn), newIndexRebuildCommand(s, &dsn))
	return parent
}

func newIndexAddCommand(s *streams, dsn *string) *cobra.Command {
	var rules rulesFlag
	var rebuild bool
	c := &cobra.Command{
		Use:   "add PATH...",
		Short: "Extract new or changed articles and store their claims",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, paths []string) error {
			checker, store, err := s.openIndexWithPacks(c.Context(), &rules, *dsn)
			if err != nil {
				return err
			}
			defer store.Close()
			if err := prepareIndex(c.Context(), s, checker, store, rebuild); err != nil {
				return err
			}
			stats, errs, err := checker.IndexAdd(c.Context(), store, paths)
			for _, e := range errs {
				fmt.Fprintln(s.err, e.Format())
			}
			if err != nil {
				return indexFailure(err)
			}
			fmt.Fprintf(s.out, "%d articles indexed, %d unchanged\n", stats.Extracted, stats.Unchanged)
			for _, e := range errs {
				if !e.Warning {
					return &exitError{code: 2, message: "some articles could not be read (listed above)"}
				}
			}
			return nil
		},
	}
	rules.add(c)
	c.Flags().BoolVar(&rebuild, "rebuild", false, "re-extract the index first when the rule packs changed")
	return c
}

func newIndexStatusCommand(s *streams, dsn *string) *cobra.Command {
	var rules rulesFlag
	var format string
	c := &cobra.Command{
		Use:   "status",
		Short: "Articles, claims, pack version and size of the index",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return &exitError{code: 2, message: fmt.Sprintf("unknown format %q for index status (want text or json)", format)}
			}
			checker, store, err := s.openIndexWithPacks(c.Context(), &rules, *dsn)
			if err != nil {
				return err
			}
			defer store.Close()
			status, err := store.Status(c.Context())
			if err != nil {
				return indexFailure(err)
			}
			current := checker.VerifyIndex(c.Context(), store) == nil
			if format == "json" {
				encoder := json.NewEncoder(s.out)
				encoder.SetIndent("", "  ")
				return encoder.Encode(map[string]any{"backend": status.Backend, "location": status.Location, "articles": status.Articles,
					"mentions": status.Mentions, "claims": status.Claims, "pack_versions": nonNil(status.PackVersions),
					"rules_pack_version": checker.Pack().Version, "current": current, "bytes": status.Bytes, "schema_version": status.SchemaVersion})
			}
			fmt.Fprintf(s.out, "index:         %s (%s, schema %d)\n", status.Location, status.Backend, status.SchemaVersion)
			fmt.Fprintf(s.out, "articles:      %d\n", status.Articles)
			fmt.Fprintf(s.out, "claims:        %d (of %d numeric mentions)\n", status.Claims, status.Mentions)
			versions := strings.Join(status.PackVersions, ", ")
			if versions == "" {
				versions = "none yet"
			}
			fmt.Fprintf(s.out, "pack version:  %s", versions)
			if !current {
				fmt.Fprintf(s.out, " (the rules in use are %s: run `claimcheck index rebuild`)", checker.Pack().Version)
			}
			fmt.Fprintln(s.out)
			fmt.Fprintf(s.out, "size:          %s\n", humanBytes(status.Bytes))
			return nil
		},
	}
	rules.add(c)
	c.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	return c
}

func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func newIndexRemoveCommand(s *streams, dsn *string) *cobra.Command {
	return &cobra.Command{
		Use:   "rm PATH...",
		Short: "Remove articles from the index (a folder removes every article under it)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, paths []string) error {
			store, err := openIndex(c.Context(), *dsn)
			if err != nil {
				return err
			}
			defer store.Close()
			entries, err := store.Entries(c.Context(), nil)
			if err != nil {
				return indexFailure(err)
			}
			var remove []string
			for _, entry := range entries {
				for _, path := range paths {
					folder := strings.TrimSuffix(path, "/") + "/"
					if entry.Path == path || strings.HasPrefix(entry.Path, folder) {
						remove = append(remove, entry.Path)
						break
					}
				}
			}
			removed, err := store.Remove(c.Context(), remove)
			if err != nil {
				return indexFailure(err)
			}
			fmt.Fprintf(s.out, "%d articles removed\n", removed)
			if removed == 0 {
				return &exitError{code: 2, message: "no indexed article matches " + strings.Join(paths, ", ")}
			}
			return nil
		},
	}
}

func newIndexRebuildCommand(s *streams, dsn *string) *cobra.Command {
	var rules rulesFlag
	c := &cobra.Command{
		Use:   "rebuild",
		Short: "Re-extract every article the current rule packs did not produce",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			checker, store, err := s.openIndexWithPacks(c.Context(), &rules, *dsn)
			if err != nil {
				return err
			}
			defer store.Close()
			stats, errs, err := checker.IndexRebuild(c.Context(), store)
			for _, e := range errs {
				fmt.Fprintln(s.err, e.Format())
			}
			if err != nil {
				return indexFailure(err)
			}
			fmt.Fprintf(s.out, "%d articles re-extracted, %d already current, %d removed (file gone)\n", stats.Extracted, stats.Unchanged, stats.Removed)
			return nil
		},
	}
	rules.add(c)
	return c
}

func newClaimsCommand(s *streams) *cobra.Command {
	var dsn, metric, subject, since, format string
	c := &cobra.Command{
		Use:   "claims --metric M [--subject S] [--since DATE]",
		Short: "List every figure the archive holds for a metric and subject",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			project, err := s.project()
			if err != nil {
				return err
			}
			dsn = s.indexDSN(c, project, dsn)
			if metric == "" {
				return &exitError{code: 2, message: "--metric is required (a metric id of the packs, e.g. accounts_removed)"}
			}
			if since != "" {
				if _, err := time.Parse("2006-01-02", since); err != nil {
					return &exitError{code: 2, message: fmt.Sprintf("--since %q: expected YYYY-MM-DD", since)}
				}
			}
			if format != "text" && format != "json" {
				return &exitError{code: 2, message: fmt.Sprintf("unknown format %q for claims (want text or json)", format)}
			}
			store, err := openIndex(c.Context(), dsn)
			if err != nil {
				return err
			}
			defer store.Close()
			query := index.Query{Metric: metric, Since: since}
			if subject != "" {
				query.Subjects = []string{subject}
			}
			matches, err := store.Claims(c.Context(), query)
			if err != nil {
				return indexFailure(err)
			}
			if format == "json" {
				claims := make([]claim.Claim, 0, len(matches))
				for _, m := range matches {
					claims = append(claims, m.Claim)
				}
				encoder := json.NewEncoder(s.out)
				encoder.SetEscapeHTML(false)
				encoder.SetIndent("", "  ")
				return encoder.Encode(claims)
			}
			printClaims(s.out, matches)
			return nil
		},
	}
	c.Flags().StringVar(&dsn, "index", defaultIndex, indexFlagHelp)
	c.Flags().StringVar(&metric, "metric", "", "metric id (required)")
	c.Flags().StringVar(&subject, "subject", "", "subject id (default: every subject)")
	c.Flags().StringVar(&since, "since", "", "only articles dated on or after this day (YYYY-MM-DD)")
	c.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json (an array of claim objects)")
	return c
}

func printClaims(w io.Writer, matches []*index.Match) {
	for _, m := range matches {
		date := m.Article.Date
		if date == "" {
			date = "(no date)"
		}
		subject := m.Claim.Subject
		if subject == "" {
			subject = "-"
		}
		fmt.Fprintf(w, "%s:%d:%d: %s %s %s: %s\n    %s\n", m.Claim.Article, m.Claim.Line, m.Claim.Col, date, m.Claim.Metric, subject,
			m.Claim.Text, strings.Join(strings.Fields(m.Claim.Sentence), " "))
	}
	fmt.Fprintf(w, "%d figures\n", len(matches))
}
