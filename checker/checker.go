package checker

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"sort"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/corpus"
	"github.com/claimcheck/claimcheck/checker/engine"
	"github.com/claimcheck/claimcheck/checker/extract"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/rules"
	"github.com/claimcheck/claimcheck/checker/source"
)

// Version is the program version reported in results.
const Version = "0.1.0"

// Checker checks corpora against loaded packs. It is safe for concurrent use.
type Checker struct {
	pack      *rules.Pack
	extractor *extract.Extractor
	engine    *engine.Engine
	loader    *corpus.Loader
}

type settings struct {
	layers        []rules.Layer
	corpusOptions []corpus.Option
}

// Option configures a Checker.
type Option func(*settings)

// WithRules adds a pack folder (a layer); later layers add to and override earlier ones.
func WithRules(fsys fs.FS, name string) Option {
	return func(s *settings) { s.layers = append(s.layers, rules.Layer{FS: fsys, Name: name}) }
}

// WithStdin sets what the path "-" reads.
func WithStdin(r io.Reader) Option {
	return func(s *settings) { s.corpusOptions = append(s.corpusOptions, corpus.WithStdin(r)) }
}

// WithMaxFileBytes refuses article files larger than n bytes.
func WithMaxFileBytes(n int64) Option {
	return func(s *settings) { s.corpusOptions = append(s.corpusOptions, corpus.WithMaxBytes(n)) }
}

// New loads the packs. A pack with errors returns them as a source.ErrorList.
func New(options ...Option) (*Checker, error) {
	var s settings
	for _, option := range options {
		option(&s)
	}
	if len(s.layers) == 0 {
		return nil, fmt.Errorf("load rules: no rule pack given")
	}
	pack, err := rules.Load(s.layers...)
	if err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	return &Checker{pack: pack, extractor: extract.New(pack), engine: engine.New(pack), loader: corpus.New(s.corpusOptions...)}, nil
}

// Pack is the loaded, merged pack.
func (c *Checker) Pack() *rules.Pack { return c.pack }

// Extraction is what reading a corpus gave: the articles with their mentions, and errors.
type Extraction struct {
	Articles []report.Article
	Mentions []claim.Claim
	Errors   source.ErrorList
}

// Extract reads the corpus and every numeric mention in it.
func (c *Checker) Extract(ctx context.Context, paths []string) (*Extraction, error) {
	articles, errs := c.loader.Load(paths)
	out := &Extraction{Errors: errs}
	sort.SliceStable(articles, func(i, j int) bool { return articles[i].Path < articles[j].Path })
	for _, article := range articles {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		mentions := c.extractor.Article(article)
		out.Mentions = append(out.Mentions, mentions...)
		entry := report.Article{Path: article.Path, Title: article.Title, Outlet: article.Outlet, Language: article.Language, Mentions: mentions}
		if !article.Date.IsZero() {
			entry.Date = article.Date.Format("2006-01-02")
		}
		out.Articles = append(out.Articles, entry)
	}
	return out, nil
}

// Check reads the corpus, runs the checks and assembles the result.
func (c *Checker) Check(ctx context.Context, paths []string) (*report.Result, error) {
	extraction, err := c.Extract(ctx, paths)
	if err != nil {
		return nil, err
	}
	return c.CheckExtraction(ctx, extraction)
}

// CheckExtraction runs the checks over mentions that were already read: from Extract, from a
// claim index, or both merged (a draft against an archive). Articles must be sorted by path.
func (c *Checker) CheckExtraction(ctx context.Context, extraction *Extraction) (*report.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	findings, checkErrors, _ := c.engine.Run(extraction.Mentions)
	return c.assemble(extraction, findings, checkErrors), nil
}

// assemble builds the result of a run from its extraction and the checks' output.
func (c *Checker) assemble(extraction *Extraction, findings []claim.Finding, checkErrors source.ErrorList) *report.Result {
	errs := append(append(source.ErrorList(nil), extraction.Errors...), checkErrors...)
	errs.Sort()
	result := &report.Result{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "claimcheck", Version: Version, Packs: c.pack.Version},
		Findings:      findings,
		Errors:        errs,
		Articles:      extraction.Articles,
	}
	if result.Findings == nil {
		result.Findings = []claim.Finding{}
	}
	if result.Errors == nil {
		result.Errors = []*source.Error{}
	}
	for _, check := range c.pack.Checks {
		if check.Enabled {
			result.Rules = append(result.Rules, report.Rule{ID: check.ID, Severity: check.Severity, Description: check.Description,
				Source: fmt.Sprintf("%s:%d:%d", check.File, check.At.Line, check.At.Col)})
		}
	}
	result.Summary = summarize(result)
	return result
}

func summarize(result *report.Result) report.Summary {
	summary := report.Summary{Articles: len(result.Articles), Findings: len(result.Findings), Errors: len(result.Errors),
		BySeverity: map[string]int{"error": 0, "warning": 0, "info": 0}, ByRule: map[string]int{}}
	for _, article := range result.Articles {
		summary.Mentions += len(article.Mentions)
		for _, m := range article.Mentions {
			if m.IsClaim {
				summary.Claims++
			}
		}
	}
	for _, f := range result.Findings {
		summary.BySeverity[string(f.Severity)]++
		summary.ByRule[f.Rule]++
	}
	return summary
}
