package report

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
)

// Markdown writes a summary short enough for a pull-request comment: one line of counts, a
// table of at most markdownRows findings, and the claims of each listed finding quoted in a
// collapsible <details>. Quoted text is escaped for Markdown and HTML, since comments render
// both; bidi controls are dropped.
type Markdown struct{}

// markdownRows caps the table: hosting sites truncate long comments.
const markdownRows = 50

func (Markdown) Format(w io.Writer, result *Result) error {
	out := bufio.NewWriter(w)
	c := countsOf(result)
	fmt.Fprintf(out, "**claimcheck**: %s (%s) in %s, %s",
		plural(c.Findings, "finding"), severityCounts(c), plural(c.Articles, "article"), plural(c.Claims, "claim"))
	if c.Errors > 0 {
		fmt.Fprintf(out, ", %s reading input", plural(c.Errors, "error"))
	}
	if b := result.Summary.Baseline; b != nil {
		fmt.Fprintf(out, "; against the baseline: %d new, %d unchanged", b.New, b.Unchanged)
	}
	out.WriteString("\n\n")

	shown := result.Findings
	if len(shown) > markdownRows {
		shown = shown[:markdownRows]
	}
	if len(shown) > 0 {
		// The baseline column appears only when a baseline was given.
		withBaseline := result.Summary.Baseline != nil
		for _, finding := range shown {
			withBaseline = withBaseline || finding.Baseline != ""
		}
		if withBaseline {
			out.WriteString("| Severity | Rule | Baseline | Where | Message |\n| --- | --- | --- | --- | --- |\n")
		} else {
			out.WriteString("| Severity | Rule | Where | Message |\n| --- | --- | --- | --- |\n")
		}
		for _, finding := range shown {
			where := ""
			if len(finding.Claims) > 0 {
				where = location(finding.Claims[0])
			}
			if withBaseline {
				fmt.Fprintf(out, "| %s | %s | %s | %s | %s |\n", markdownSeverity(finding.Severity),
					markdownEscape(finding.Rule), markdownEscape(finding.Baseline), markdownEscape(where), markdownEscape(finding.Message))
				continue
			}
			fmt.Fprintf(out, "| %s | %s | %s | %s |\n", markdownSeverity(finding.Severity),
				markdownEscape(finding.Rule), markdownEscape(where), markdownEscape(finding.Message))
		}
		if more := len(result.Findings) - len(shown); more > 0 {
			fmt.Fprintf(out, "\n_and %d more_\n", more)
		}
		out.WriteString("\n")
		for _, finding := range shown {
			writeMarkdownDetails(out, finding)
		}
	}
	for _, e := range result.Errors {
		fmt.Fprintf(out, "- error: %s\n", markdownEscape(e.Error()))
	}
	return out.Flush()
}

func markdownSeverity(s claim.Severity) string {
	switch s {
	case claim.Error, claim.Warning:
		return "**" + markdownEscape(string(s)) + "**"
	}
	return markdownEscape(string(s))
}

// writeMarkdownDetails quotes a finding's claims, the number in bold, in a collapsed block.
func writeMarkdownDetails(out *bufio.Writer, finding claim.Finding) {
	summary := finding.Rule
	if len(finding.Claims) > 0 {
		summary += " at " + location(finding.Claims[0])
	}
	// The summary is HTML, not Markdown: escape it as HTML only.
	fmt.Fprintf(out, "<details><summary>%s</summary>\n\n", htmlEscape(clean(flatten(summary))))
	for _, side := range findingSides(finding) {
		c := finding.Claims[side[0]]
		before, mention, after := sentenceParts(c)
		// Enough of the sentence to read the number in context; the comment must stay short.
		before, mention, after = excerpt(flatten(before), flatten(mention), flatten(after), contextWidth)
		quote := markdownLineStart(markdownEscape(strings.TrimLeft(before, " ")))
		if mention != "" {
			quote += "**" + markdownEscape(mention) + "**"
		}
		quote += markdownEscape(strings.TrimRight(after, " "))
		fmt.Fprintf(out, "> %s\n>\n> — %s", quote, markdownEscape(location(c)))
		if meta := articleMeta(c); meta != "" {
			fmt.Fprintf(out, " (%s)", markdownEscape(meta))
		}
		out.WriteString("\n\n")
		// The same figure in other articles: listed, not quoted again.
		for _, index := range side[1:] {
			also := finding.Claims[index]
			fmt.Fprintf(out, "- also %s: %s", markdownEscape(location(also)), markdownEscape(also.Text))
			if meta := articleMeta(also); meta != "" {
				fmt.Fprintf(out, " (%s)", markdownEscape(meta))
			}
			out.WriteString("\n")
		}
		if len(side) > 1 {
			out.WriteString("\n")
		}
	}
	if finding.Explanation != "" {
		fmt.Fprintf(out, "Arithmetic: %s\n\n", markdownEscape(finding.Explanation))
	}
	out.WriteString("</details>\n\n")
}

// markdownEscaper backslash-escapes the characters Markdown gives meaning to and writes the
// HTML ones as entities, so that quoted article text stays text in a table cell or a quote.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `|`, `\|`,
	`#`, `\#`, `~`, `\~`, `!`, `\!`,
	`&`, `&amp;`, `<`, `&lt;`, `>`, `&gt;`,
)

// listMarker matches what would open a list at the start of a line: "1." or "2)".
var listMarker = regexp.MustCompile(`^([0-9]+)([.)])`)

// markdownLineStart escapes what only means something at the start of a line (a list item,
// a setext underline), for escaped text that opens a quote line.
func markdownLineStart(s string) string {
	if s != "" && strings.ContainsRune("-+=", rune(s[0])) {
		return `\` + s
	}
	return listMarker.ReplaceAllString(s, `$1\$2`)
}

func markdownEscape(s string) string {
	return markdownEscaper.Replace(clean(flatten(s)))
}

var htmlEscaper = strings.NewReplacer(`&`, `&amp;`, `<`, `&lt;`, `>`, `&gt;`, `"`, `&#34;`, `'`, `&#39;`)

func htmlEscape(s string) string { return htmlEscaper.Replace(s) }
