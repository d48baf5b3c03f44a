package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/source"
)

// Text writes findings compiler-style for a terminal:
//
//	path:line:col: severity[rule]: message
//	  path:line:col (outlet, date): "…sentence with the number…"
//	                                          ^~~
//	  = the arithmetic that fired
//
// Sentences print in logical order and the caret's column is the display width (combining
// marks take none) of everything before the number in that order: what most terminals show
// (xterm, kitty, alacritty, tmux, Windows Terminal) and what an editor's line:col jumps to.
// Terminals that apply the Unicode bidi algorithm (VTE, Konsole, Terminal.app) lay the Arabic
// run out right to left, which no column choice can follow for every terminal; there the caret
// line also names the number it marks, and with colours the number itself is underlined.
type Text struct {
	// Color adds ANSI colours; the caller decides (terminal, NO_COLOR), never this package.
	Color bool
}

// contextWidth is how many characters of the sentence a claim line keeps on each side of the
// number.
const contextWidth = 60

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiGreen  = "\x1b[1;32m"
	// ansiUnderline marks the number inside the sentence: attributes travel with the
	// characters, so the mark stays on the number wherever a bidi terminal puts it.
	ansiUnderline = "\x1b[1;4m"
)

func (t Text) paint(code, s string) string {
	if !t.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (t Text) severity(s claim.Severity) string {
	switch s {
	case claim.Error:
		return t.paint(ansiRed, string(s))
	case claim.Warning:
		return t.paint(ansiYellow, string(s))
	case claim.Info:
		return t.paint(ansiCyan, string(s))
	}
	// A severity read back from a saved run may be anything.
	return t.paint(ansiBold, plain(string(s)))
}

func (t Text) Format(w io.Writer, result *Result) error {
	out := bufio.NewWriter(w)
	for _, e := range result.Errors {
		t.writeError(out, e)
	}
	for _, finding := range result.Findings {
		t.writeFinding(out, finding)
	}
	c := countsOf(result)
	fmt.Fprintf(out, "%s, %s, %s (%s), %s",
		plural(c.Articles, "article"), plural(c.Claims, "claim"), plural(c.Findings, "finding"),
		severityCounts(c), plural(c.Errors, "error"))
	if b := result.Summary.Baseline; b != nil {
		fmt.Fprintf(out, "; baseline: %d new, %d unchanged, %d absent", b.New, b.Unchanged, b.Absent)
	}
	out.WriteString("\n")
	return out.Flush()
}

// writeError prints a positioned error like a compiler does, with the snippet and a caret.
func (t Text) writeError(out *bufio.Writer, e *source.Error) {
	where := plain(e.File)
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d:%d", where, e.Line, e.Col)
	}
	fmt.Fprintf(out, "%s: %s: %s\n", t.paint(ansiBold, where), t.paint(ansiRed, "error"), plain(e.Message))
	if e.Snippet != "" && e.Col > 0 {
		caret := source.Caret(plain(e.Snippet), e.Col)
		lines := strings.SplitN(caret, "\n", 2)
		fmt.Fprintln(out, lines[0])
		if len(lines) == 2 {
			fmt.Fprintln(out, t.paint(ansiGreen, lines[1]))
		}
	}
}

func (t Text) writeFinding(out *bufio.Writer, finding claim.Finding) {
	where := "claimcheck"
	if len(finding.Claims) > 0 {
		where = plain(location(finding.Claims[0]))
	}
	baseline := ""
	if finding.Baseline != "" {
		baseline = " (" + plain(finding.Baseline) + ")"
	}
	fmt.Fprintf(out, "%s: %s[%s]: %s%s\n", t.paint(ansiBold, where), t.severity(finding.Severity),
		plain(finding.Rule), plain(finding.Message), baseline)
	for _, side := range findingSides(finding) {
		t.writeClaim(out, finding.Claims[side[0]])
		// The other articles on the same side: one line each, not the same sentence again.
		for _, index := range side[1:] {
			c := finding.Claims[index]
			where := plain(location(c))
			if meta := articleMeta(c); meta != "" {
				where += " (" + plain(meta) + ")"
			}
			fmt.Fprintf(out, "    also %s: %s\n", where, plain(c.Text))
		}
	}
	if finding.Explanation != "" {
		fmt.Fprintf(out, "  = %s\n", t.paint(ansiDim, plain(finding.Explanation)))
	}
}

// writeClaim prints one claim's position, its sentence around the number, and a caret line
// whose ^ sits under the first character of the number and whose ~ run covers the rest.
func (t Text) writeClaim(out *bufio.Writer, c claim.Claim) {
	prefix := "  " + plain(location(c))
	if meta := articleMeta(c); meta != "" {
		prefix += " (" + plain(meta) + ")"
	}
	prefix += ": "
	before, mention, after := sentenceParts(c)
	// Clean each part on its own so that a removed control character cannot shift the caret.
	before, mention, after = plain(before), plain(mention), plain(after)
	before, mention, after = excerpt(before, mention, after, contextWidth)
	fmt.Fprintf(out, "%s\"%s%s%s\"\n", t.paint(ansiBold, prefix), before, t.paint(ansiUnderline, mention), after)
	if mention == "" {
		return
	}
	pad := displayWidth(prefix) + 1 + displayWidth(before)
	marker := t.paint(ansiGreen, "^"+strings.Repeat("~", max(displayWidth(mention)-1, 0)))
	if hasRightToLeft(before + mention + after) {
		// A terminal that lays Arabic out right to left moves the number away from the caret's
		// column; naming the number keeps the caret line unambiguous there too.
		marker += " " + mention
	}
	fmt.Fprintf(out, "%s%s\n", strings.Repeat(" ", pad), marker)
}

// plain makes text safe for a terminal on one line: line breaks become spaces (one for one, so
// columns stay), bidi controls go, and other control characters (ESC, CSI…) that a terminal
// would obey become U+FFFD.
func plain(s string) string { return clean(flatten(s)) }
