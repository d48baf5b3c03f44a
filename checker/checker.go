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
const Version = "0.2.0"

// Checker checks corpora against loaded packs. It is safe for concurrent use.
type Checker struct {
	pack      *rules.Pack
	extractor *extract.Extractor
	engine    *engine.Engine
	loader    *corpus.Loader
	progress  func(done, total int)
}

type settings struct {
	layers        []rules.Layer
	corpusOptions []corpus.Option
	progress      func(done, total int)
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

// WithProgress calls report after each article is read, with how many are done out of how
// many; the caller draws it (a progress bar on a terminal, nothing otherwise). It may be
// called from the goroutine running Extract only.
func WithProgress(report func(done, total int)) Option {
	return func(s *settings) { s.progress = report }
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
	return &Checker{pack: pack, extractor: extract.New(pack), engine: engine.New(pack), loader: corpus.New(s.corpusOptions...), progress: s.progress}, nil
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
	return c.extractArticles(ctx, articles, errs, c.progress)
}

func (c *Checker) extractArticles(ctx context.Context, articles []*corpus.Article, errs source.ErrorList, progress func(done, total int)) (*Extraction, error) {
	out := &Extraction{Errors: errs}
	sort.SliceStable(articles, func(i, j int) bool { return articles[i].Path < articles[j].Path })
	for i, article := range articles {
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
		if progress != nil {
			progress(i+1, len(articles))
		}
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

// result assembles a Result around findings: the tool, the enabled rules and the summary.
func (c *Checker) result(findings []claim.Finding, errs source.ErrorList, articles []report.Article) *report.Result {
	errs.Sort()
	result := &report.Result{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "claimcheck", Version: Version, Packs: c.pack.Version},
		Findings:      findings,
		Errors:        errs,
		Articles:      articles,
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

// assemble builds the result of a run from its extraction and the checks' output.
func (c *Checker) assemble(extraction *Extraction, findings []claim.Finding, checkErrors source.ErrorList) *report.Result {
	return c.result(findings, append(append(source.ErrorList(nil), extraction.Errors...), checkErrors...), extraction.Articles)
}

// KeepFindings drops the findings keep refuses and recounts the summary; the articles and
// errors stay (a filtered run still read the whole corpus).
func KeepFindings(result *report.Result, keep func(claim.Finding) bool) {
	kept := result.Findings[:0:0]
	for _, finding := range result.Findings {
		if keep(finding) {
			kept = append(kept, finding)
		}
	}
	result.Findings = kept
	baseline := result.Summary.Baseline
	result.Summary = summarize(result)
	result.Summary.Baseline = baseline
}

// Involving accepts the findings that cite a claim of one of the articles (paths as the
// claims carry them).
func Involving(articles map[string]bool) func(claim.Finding) bool {
	return func(finding claim.Finding) bool {
		for _, c := range finding.Claims {
			if articles[c.Article] {
				return true
			}
		}
		return false
	}
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
