package checker

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/corpus"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/source"
)

// Draft is an article before publication. Its claims carry Name as their article path, so
// findings point into it; front matter in the text, if any, fills what is left blank here.
type Draft struct {
	Name string
	Text io.Reader
	// Date (YYYY-MM-DD), Outlet, Language (detected when empty) and Title describe the draft
	// as it would be published; the date is what time-aware checks compare.
	Date, Outlet, Language, Title string
	// MaxBytes refuses a longer draft after reading at most one byte more (0: the corpus
	// limit for files).
	MaxBytes int64
}

// ExtractDraft reads a draft with the corpus limits and decoding and extracts its mentions.
// A draft that cannot be read (empty, binary, too large, a malformed date) is an error
// holding a source.ErrorList; replaced invalid bytes are warnings in the Extraction.
func (c *Checker) ExtractDraft(ctx context.Context, draft Draft) (*Extraction, error) {
	name := draft.Name
	if name == "" {
		name = "draft"
	}
	text := draft.Text
	if draft.MaxBytes > 0 {
		data, err := io.ReadAll(io.LimitReader(draft.Text, draft.MaxBytes+1))
		if err != nil {
			return nil, fmt.Errorf("read draft: %w", source.ErrorList{{File: name, Message: fmt.Sprintf("read: %v", err)}})
		}
		if int64(len(data)) > draft.MaxBytes {
			return nil, fmt.Errorf("read draft: %w", source.ErrorList{{File: name, Message: fmt.Sprintf("draft larger than the %d-byte limit; not checked", draft.MaxBytes)}})
		}
		text = bytes.NewReader(data)
	}
	meta := &corpus.Metadata{Date: draft.Date, Outlet: draft.Outlet, Language: draft.Language, Title: draft.Title}
	article, errs := c.loader.Read(name, text, meta)
	var fatal source.ErrorList
	for _, e := range errs {
		if !e.Warning {
			fatal = append(fatal, e)
		}
	}
	if article == nil || len(fatal) > 0 {
		return nil, fmt.Errorf("read draft: %w", fatal)
	}
	return c.extractArticles(ctx, []*corpus.Article{article}, errs, nil)
}

// CheckDraft checks a draft against an archive and against itself, and keeps only the
// findings that cite a claim of the draft: what the draft would add to the record. The
// archive is any Extraction: a corpus read with Extract, or the candidates a claim index
// returns for the draft. It is read, never changed, so one archive serves concurrent calls.
// An archive article with the draft's path is left out: the draft is its new version.
//
// Each finding's archive claims carry their article's path, date and outlet; the result's
// articles are the draft, with every mention, followed by the archive articles the findings
// cite, each with only the claims they cite.
func (c *Checker) CheckDraft(ctx context.Context, draft, archive *Extraction) (*report.Result, error) {
	if archive == nil {
		archive = &Extraction{}
	}
	candidates := make([]*claim.Claim, len(archive.Mentions))
	for i := range archive.Mentions {
		candidates[i] = &archive.Mentions[i]
	}
	articles := make(map[string]report.Article, len(archive.Articles))
	for _, article := range archive.Articles {
		articles[article.Path] = article
	}
	return c.checkDraft(ctx, draft, candidates, func(path string) report.Article { return articles[path] })
}

// comparePlace orders claims by article path, then position.
func comparePlace(a, b *claim.Claim) int {
	if order := strings.Compare(a.Article, b.Article); order != 0 {
		return order
	}
	return cmp.Compare(a.Start, b.Start)
}

// checkDraft is CheckDraft over the archive's claims, which it reads and never changes (an
// index cache shares them between requests), and the metadata of their articles.
func (c *Checker) checkDraft(ctx context.Context, draft *Extraction, candidates []*claim.Claim, article func(path string) report.Article) (*report.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	inDraft := map[string]bool{}
	for _, article := range draft.Articles {
		inDraft[article.Path] = true
	}
	// Checks across articles only compare claims of one metric (same subject, or subject
	// part of subject), so archive claims of other metrics can never meet the draft.
	metrics := map[string]bool{}
	for _, m := range draft.Mentions {
		if m.IsClaim && m.Metric != "" {
			metrics[m.Metric] = true
		}
	}
	// In corpus order (by path, then position), as a full run reads them: which claim is a
	// and which b, and so a finding's wording, does not depend on which side is the draft.
	// Both sides come in that order already (they are sorted when not); they are merged
	// and each claim copied once.
	ours := make([]*claim.Claim, len(draft.Mentions))
	for i := range draft.Mentions {
		ours[i] = &draft.Mentions[i]
	}
	theirs := make([]*claim.Claim, 0, len(candidates))
	for _, m := range candidates {
		if metrics[m.Metric] && m.IsClaim && !inDraft[m.Article] {
			theirs = append(theirs, m)
		}
	}
	for _, side := range [][]*claim.Claim{ours, theirs} {
		if !slices.IsSortedFunc(side, comparePlace) {
			slices.SortStableFunc(side, comparePlace)
		}
	}
	mentions := make([]claim.Claim, 0, len(ours)+len(theirs))
	for len(ours) > 0 || len(theirs) > 0 {
		if len(theirs) == 0 || len(ours) > 0 && comparePlace(ours[0], theirs[0]) <= 0 {
			mentions, ours = append(mentions, *ours[0]), ours[1:]
		} else {
			mentions, theirs = append(mentions, *theirs[0]), theirs[1:]
		}
	}
	// Only what involves the draft is evaluated: archive claims are compared with the
	// draft's, never with each other, so the cost follows the draft, not the archive.
	findings, checkErrors, _ := c.engine.RunFocused(mentions, func(m *claim.Claim) bool { return inDraft[m.Article] })
	involving := Involving(inDraft)
	kept := make([]claim.Finding, 0, len(findings))
	type place struct {
		article string
		start   int
	}
	cited := map[place]bool{}
	for _, finding := range findings {
		if !involving(finding) {
			continue
		}
		kept = append(kept, finding)
		for _, c := range finding.Claims {
			cited[place{c.Article, c.Start}] = true
		}
	}
	// The archive articles the findings cite, in path order, each with the claims they cite:
	// whether the archive is a folder or an index's candidates, the result is the same, and
	// small.
	articles := append([]report.Article(nil), draft.Articles...)
	for i := range mentions {
		m := &mentions[i]
		if inDraft[m.Article] || !cited[place{m.Article, m.Start}] {
			continue
		}
		if last := len(articles) - 1; last < len(draft.Articles) || articles[last].Path != m.Article {
			entry := article(m.Article)
			entry.Path, entry.Mentions = m.Article, nil
			articles = append(articles, entry)
		}
		last := &articles[len(articles)-1]
		last.Mentions = append(last.Mentions, *m)
	}
	return c.result(kept, append(append(source.ErrorList(nil), draft.Errors...), checkErrors...), articles), nil
}
