package report

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/interval"
)

// severities lists the known severities, most severe first, for summaries and filters.
var severities = []claim.Severity{claim.Error, claim.Warning, claim.Info}

// counts is what every format summarises. Finding counts come from the findings themselves so
// that a summary never disagrees with the list it heads; articles and claims come from the
// run's Summary, falling back to the appendix when the Summary was left empty.
type counts struct {
	Articles   int
	Claims     int
	Findings   int
	BySeverity map[claim.Severity]int
	ByRule     map[string]int
	Errors     int
}

func countsOf(result *Result) counts {
	c := counts{
		Articles:   result.Summary.Articles,
		Claims:     result.Summary.Claims,
		Findings:   len(result.Findings),
		BySeverity: map[claim.Severity]int{},
		ByRule:     map[string]int{},
		Errors:     len(result.Errors),
	}
	if c.Articles == 0 {
		c.Articles = len(result.Articles)
	}
	if c.Claims == 0 {
		for _, article := range result.Articles {
			for _, mention := range article.Mentions {
				if mention.IsClaim {
					c.Claims++
				}
			}
		}
	}
	for _, finding := range result.Findings {
		c.BySeverity[finding.Severity]++
		c.ByRule[finding.Rule]++
	}
	return c
}

// sortedKeys returns the keys of a count map in order, for deterministic output.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}

// plural writes "1 article" or "3 articles".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// severityCounts writes "1 error, 0 warning, 2 info" in severity order.
func severityCounts(c counts) string {
	parts := make([]string, len(severities))
	for i, severity := range severities {
		parts[i] = fmt.Sprintf("%d %s", c.BySeverity[severity], severity)
	}
	return strings.Join(parts, ", ")
}

// ruleIndex finds rule metadata by id.
func ruleIndex(rules []Rule) map[string]Rule {
	index := make(map[string]Rule, len(rules))
	for _, rule := range rules {
		index[rule.ID] = rule
	}
	return index
}

// location writes "path:line:col" for a claim.
func location(c claim.Claim) string {
	return fmt.Sprintf("%s:%d:%d", c.Article, c.Line, c.Col)
}

// sentenceParts splits a claim's sentence around the mention, counting characters, so that
// the number can be highlighted as written. When the offsets do not fit the sentence (a
// claim built by hand, a sentence trimmed by the extractor) it falls back to the first
// occurrence of the mention text, and at last to the whole sentence with nothing marked.
func sentenceParts(c claim.Claim) (before, mention, after string) {
	runes := []rune(c.Sentence)
	start, end := c.Start-c.SentenceStart, c.End-c.SentenceStart
	if start >= 0 && end <= len(runes) && start <= end && (c.Text == "" || string(runes[start:end]) == c.Text) {
		return string(runes[:start]), string(runes[start:end]), string(runes[end:])
	}
	if c.Text != "" {
		if i := strings.Index(c.Sentence, c.Text); i >= 0 {
			return c.Sentence[:i], c.Text, c.Sentence[i+len(c.Text):]
		}
	}
	return c.Sentence, "", ""
}

// isBidiControl reports the embedding, override and isolate controls that can reorder the
// text around them (the "Trojan Source" characters). Marks (U+200E, U+200F) only affect
// neutral characters next to them and are kept.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// isControl reports the C0 and C1 control characters other than line breaks and tabs: ESC,
// CSI (U+009B) and the others a terminal obeys instead of showing.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\r' && r != '\t') || (r >= 0x7f && r < 0xa0)
}

// clean removes bidi controls from text shown to people, so that article text, file names
// and messages cannot reorder the report around them, and replaces other control characters
// with U+FFFD, one for one, so that they show instead of acting.
func clean(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return isBidiControl(r) || isControl(r) }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case isBidiControl(r):
			return -1
		case isControl(r):
			return utf8.RuneError
		}
		return r
	}, s)
}

// direction returns "rtl" when the first strong character of s is right-to-left (Arabic,
// Hebrew…) and "ltr" otherwise, the rule HTML's dir="auto" applies (Unicode bidi P2).
func direction(s string) string {
	for _, r := range s {
		properties, _ := bidi.LookupRune(r)
		switch properties.Class() {
		case bidi.L:
			return "ltr"
		case bidi.R, bidi.AL:
			return "rtl"
		}
	}
	return "ltr"
}

// displayWidth counts the terminal columns of s: combining marks (Arabic diacritics) and
// format characters take none. Wide East Asian characters are not handled: articles are
// Arabic and English.
func displayWidth(s string) int {
	width := 0
	for _, r := range s {
		if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
			continue
		}
		width++
	}
	return width
}

// flatten replaces line breaks and tabs one for one with spaces, so that a sentence prints on
// one line and character columns stay where they were.
func flatten(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\v', '\f':
			return ' '
		}
		return r
	}, s)
}

// excerpt keeps at most width characters of context on each side of the mention, cutting at a
// space where one is near and marking the cut with an ellipsis: long Arabic paragraphs wrap
// in a terminal and the caret under a wrapped line points nowhere.
func excerpt(before, mention, after string, width int) (string, string, string) {
	if utf8.RuneCountInString(before) > width {
		runes := []rune(before)
		cut := runes[len(runes)-width:]
		if i := strings.IndexByte(string(cut), ' '); i >= 0 && i < len(string(cut))/2 {
			before = "…" + string(cut)[i+1:]
		} else {
			before = "…" + string(cut)
		}
	}
	if utf8.RuneCountInString(after) > width {
		runes := []rune(after)
		cut := string(runes[:width])
		if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
			cut = cut[:i]
		}
		after = cut + "…"
	}
	return before, mention, after
}

// claimDate is where a claim sits on a time axis: the end of its period, else the date of
// its article. Zero when neither is known.
func claimDate(c claim.Claim) time.Time {
	if !c.Period.To.IsZero() {
		return c.Period.To
	}
	return c.ArticleDate
}

// formatDate writes a date as YYYY-MM-DD, empty when unknown.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// describePeriod writes a claim's period for people: "2011-01-01 to 2016-12-31", "as of
// 2014-10-13", or "" when unknown.
func describePeriod(p interval.Period) string {
	switch {
	case !p.Known():
		return ""
	case p.AsOf || p.From.IsZero():
		return "as of " + formatDate(p.To)
	case p.To.IsZero():
		return "since " + formatDate(p.From)
	}
	return formatDate(p.From) + " to " + formatDate(p.To)
}

// describeValue writes a claim's figure in words with its rate: "more than 2,000 a month".
func describeValue(c claim.Claim) string {
	text := c.Interval.Describe()
	if c.Rate != interval.None {
		text += " a " + string(c.Rate)
	}
	return text
}

// articleMeta writes "outlet, date" for what is known of a claim's article.
func articleMeta(c claim.Claim) string {
	var parts []string
	if c.Outlet != "" {
		parts = append(parts, c.Outlet)
	}
	if date := formatDate(c.ArticleDate); date != "" {
		parts = append(parts, date)
	}
	return strings.Join(parts, ", ")
}

// pathURI turns an article path as given into a relative URI reference: slashes for
// separators and percent-escapes for spaces, non-ASCII letters and reserved characters.
func pathURI(path string) string {
	path = strings.ReplaceAll(path, "\\", "/")
	return (&url.URL{Path: path}).EscapedPath()
}

// findingSides returns the finding's claims grouped by side, as indexes into Claims. Sides
// from the engine are kept when they are valid (every index in range, each claim once); a
// claim no side mentions gets a side of its own, and without Sides every claim is one.
func findingSides(finding claim.Finding) [][]int {
	used := make([]bool, len(finding.Claims))
	var sides [][]int
	for _, side := range finding.Sides {
		var group []int
		for _, index := range side {
			if index >= 0 && index < len(finding.Claims) && !used[index] {
				used[index] = true
				group = append(group, index)
			}
		}
		if len(group) > 0 {
			sides = append(sides, group)
		}
	}
	for index := range finding.Claims {
		if !used[index] {
			sides = append(sides, []int{index})
		}
	}
	return sides
}

// hasRightToLeft reports whether s holds a right-to-left letter (Arabic, Hebrew…).
func hasRightToLeft(s string) bool {
	for _, r := range s {
		properties, _ := bidi.LookupRune(r)
		if class := properties.Class(); class == bidi.R || class == bidi.AL {
			return true
		}
	}
	return false
}
