package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"path"
	"sort"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
)

// HTML writes one self-contained page: inline CSS and JavaScript, inline SVG charts, no
// request of any kind, so that the file opens from disk, travels as an attachment and prints.
// Every piece of article text goes through html/template's contextual escaping and through
// clean, which drops bidi controls that could reorder the page around them.
type HTML struct{}

//go:embed html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{"plural": plural}).Parse(htmlSource))

func (HTML) Format(w io.Writer, result *Result) error {
	return htmlTemplate.Execute(w, newHTMLPage(result))
}

type htmlPage struct {
	Lang      string
	Tool      Tool
	Counts    counts
	Severity  []htmlCount
	Rules     []htmlCount
	Findings  []htmlFinding
	Charts    []htmlChart
	Articles  []htmlArticle
	Metrics   []string
	Errors    []htmlError
	RuleIDs   []string
	HasErrors bool
}

type htmlCount struct {
	Name        string
	Count       int
	Description string
}

type htmlFinding struct {
	Rule        string
	Description string
	Severity    string
	Message     string
	Explanation string
	Baseline    string
	Fingerprint string
	// Articles and Metrics are space-separated tokens the filters match: article tokens are
	// indexes ("a0"), since paths may hold spaces; metric ids hold none (token makes sure).
	Articles string
	Metrics  string
	Sides    []htmlSide
	// Grouped is true when some side holds more than one claim: the card then labels its sides.
	Grouped bool
}

// htmlSide is one side of a disagreement: the first claim shown in full, and every other
// article that gives the same figure listed under it, instead of one box per repetition.
type htmlSide struct {
	Number int
	Claim  htmlClaim
	Also   []htmlClaim
	// Articles counts the distinct articles on this side.
	Articles int
}

type htmlClaim struct {
	Before, Mark, After string
	Dir, Lang           string
	Path                string
	Outlet, Date        string
	Line, Col           int
	Value               string
	Period              string
	Metric, Subject     string
	Attribution         string
}

type htmlArticle struct {
	Token    string
	Path     string
	Title    string
	TitleDir string
	Outlet   string
	Date     string
	Language string
	Mentions []htmlMention
}

type htmlMention struct {
	Line, Col int
	Text      string
	Dir       string
	Interval  string
	Qualifier string
	Metric    string
	Subject   string
	IsClaim   bool
	Kind      string
}

type htmlError struct {
	Where   string
	Message string
	Snippet string
	Dir     string
}

// token makes an identifier safe to use as one space-separated filter token.
func token(s string) string {
	return strings.Join(strings.Fields(clean(s)), "_")
}

func newHTMLPage(result *Result) htmlPage {
	c := countsOf(result)
	rules := ruleIndex(result.Rules)
	page := htmlPage{Lang: "en", Tool: Tool{Name: clean(result.Tool.Name), Version: clean(result.Tool.Version), Packs: clean(result.Tool.Packs)}, Counts: c}
	if page.Tool.Name == "" {
		page.Tool.Name = "claimcheck"
	}
	for _, severity := range severities {
		page.Severity = append(page.Severity, htmlCount{Name: string(severity), Count: c.BySeverity[severity]})
	}
	for _, id := range sortedKeys(c.ByRule) {
		page.Rules = append(page.Rules, htmlCount{Name: clean(id), Count: c.ByRule[id], Description: clean(rules[id].Description)})
		page.RuleIDs = append(page.RuleIDs, clean(id))
	}

	// Articles get tokens in path order; paths only seen in findings get them too.
	tokens := map[string]string{}
	arabic := 0
	for _, article := range result.Articles {
		tokens[article.Path] = fmt.Sprintf("a%d", len(tokens))
		view := htmlArticle{
			Token: tokens[article.Path], Path: clean(article.Path), Title: clean(article.Title),
			TitleDir: direction(article.Title), Outlet: clean(article.Outlet), Date: clean(article.Date),
			Language: clean(article.Language),
		}
		rtl := article.Language == "ar"
		for _, mention := range article.Mentions {
			view.Mentions = append(view.Mentions, htmlMention{
				Line: mention.Line, Col: mention.Col, Text: clean(mention.Text), Dir: direction(mention.Sentence),
				Interval: mention.Interval.String(), Qualifier: clean(string(mention.Qualifier)),
				Metric: clean(mention.Metric), Subject: clean(mention.Subject), IsClaim: mention.IsClaim, Kind: clean(mention.Kind),
			})
			if article.Language == "" && direction(mention.Sentence) == "rtl" {
				rtl = true
			}
		}
		if rtl {
			arabic++
		}
		page.Articles = append(page.Articles, view)
	}
	if arabic*2 > len(result.Articles) {
		page.Lang = "ar"
	}

	metrics := map[string]bool{}
	for _, finding := range result.Findings {
		view := htmlFinding{
			Rule: clean(finding.Rule), Description: clean(rules[finding.Rule].Description),
			Severity: clean(string(finding.Severity)), Message: clean(finding.Message),
			Explanation: clean(finding.Explanation), Baseline: clean(finding.Baseline), Fingerprint: clean(finding.Fingerprint),
		}
		var articleTokens, metricTokens []string
		for _, c := range finding.Claims {
			if _, ok := tokens[c.Article]; !ok {
				tokens[c.Article] = fmt.Sprintf("a%d", len(tokens))
				page.Articles = append(page.Articles, htmlArticle{Token: tokens[c.Article], Path: clean(c.Article)})
			}
			articleTokens = appendUnique(articleTokens, tokens[c.Article])
			if c.Metric != "" {
				metricTokens = appendUnique(metricTokens, token(c.Metric))
				metrics[token(c.Metric)] = true
			}
		}
		for i, side := range findingSides(finding) {
			group := htmlSide{Number: i + 1, Claim: newHTMLClaim(finding.Claims[side[0]])}
			articles := map[string]bool{}
			for k, index := range side {
				articles[finding.Claims[index].Article] = true
				if k > 0 {
					group.Also = append(group.Also, newHTMLClaim(finding.Claims[index]))
				}
			}
			group.Articles = len(articles)
			view.Grouped = view.Grouped || len(side) > 1
			view.Sides = append(view.Sides, group)
		}
		view.Articles = strings.Join(articleTokens, " ")
		view.Metrics = strings.Join(metricTokens, " ")
		page.Findings = append(page.Findings, view)
	}
	for metric := range metrics {
		page.Metrics = append(page.Metrics, metric)
	}
	sort.Strings(page.Metrics)
	page.Charts = charts(result.Findings)
	for _, e := range result.Errors {
		where := clean(e.File)
		if e.Line > 0 {
			where = fmt.Sprintf("%s:%d:%d", where, e.Line, e.Col)
		}
		page.Errors = append(page.Errors, htmlError{Where: where, Message: clean(e.Message), Snippet: clean(e.Snippet), Dir: direction(e.Snippet)})
	}
	page.HasErrors = len(page.Errors) > 0
	return page
}

func newHTMLClaim(c claim.Claim) htmlClaim {
	before, mark, after := sentenceParts(c)
	dir := direction(c.Sentence)
	lang := c.Language
	if lang == "" && dir == "rtl" {
		lang = "ar"
	}
	return htmlClaim{
		Before: clean(before), Mark: clean(mark), After: clean(after), Dir: dir, Lang: clean(lang),
		Path: clean(c.Article), Outlet: clean(c.Outlet), Date: formatDate(c.ArticleDate), Line: c.Line, Col: c.Col,
		Value: describeValue(c), Period: describePeriod(c.Period), Metric: clean(c.Metric), Subject: clean(c.Subject),
		Attribution: clean(c.Attribution),
	}
}

func appendUnique(list []string, s string) []string {
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}

// articleLabel is the short name a chart prints under a point: the outlet when known, else
// the file name.
func articleLabel(c claim.Claim) string {
	if c.Outlet != "" {
		return clean(c.Outlet)
	}
	name := path.Base(strings.ReplaceAll(c.Article, "\\", "/"))
	if runes := []rune(name); len(runes) > 18 {
		name = string(runes[:17]) + "…"
	}
	return clean(name)
}

// number formats a coordinate with one decimal, so that golden files do not depend on
// floating-point noise.
func number(v float64) string {
	if math.Abs(v) < 0.05 {
		return "0"
	}
	return fmt.Sprintf("%.1f", v)
}
