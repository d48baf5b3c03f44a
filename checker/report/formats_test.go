package report_test

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/report"
)

// columns counts terminal columns the way the text format does: combining marks (Arabic
// tanween in يومياً) take none.
func columns(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
			n++
		}
	}
	return n
}

// manyFindings repeats the fixture's findings until there are n of them.
func manyFindings(n int) *report.Result {
	result := fixtureResult()
	base := result.Findings
	result.Findings = nil
	for i := 0; i < n; i++ {
		finding := base[i%len(base)]
		finding.Fingerprint = fmt.Sprintf("%s-%d", finding.Fingerprint, i)
		result.Findings = append(result.Findings, finding)
	}
	return result
}

var _ = Describe("text", func() {
	It("puts the caret under the number in the quoted sentence", func() {
		result := fixtureResult()
		lines := strings.Split(string(render("text", report.Options{}, result)), "\n")
		checked := 0
		for _, finding := range result.Findings {
			for _, c := range finding.Claims {
				prefix := fmt.Sprintf("  %s:%d:%d", c.Article, c.Line, c.Col)
				for i, line := range lines {
					if !strings.HasPrefix(line, prefix) || !strings.Contains(line, `"`) {
						continue
					}
					at := strings.Index(line, c.Text)
					Expect(at).To(BeNumerically(">", 0), line)
					caret := lines[i+1]
					marker := "^" + strings.Repeat("~", len([]rune(c.Text))-1)
					if c.Language == "ar" {
						// Arabic lines also name the number, for terminals that reorder them.
						marker += " " + c.Text
					}
					Expect(strings.TrimLeft(caret, " ")).To(Equal(marker))
					Expect(strings.Index(caret, "^")).To(Equal(columns(line[:at])), line)
					checked++
				}
			}
		}
		Expect(checked).To(Equal(4), "one quoted sentence per side")
	})

	It("prints the summary line and colours only when asked", func() {
		plain := string(render("text", report.Options{}, fixtureResult()))
		Expect(plain).To(HaveSuffix("5 articles, 12 claims, 2 findings (1 error, 0 warning, 1 info), 1 error\n"))
		Expect(plain).To(ContainSubstring("seeds/broken.txt:2:5: error: invalid UTF-8"))
		Expect(plain).NotTo(ContainSubstring("\x1b["))
		coloured := string(render("text", report.Options{Color: true}, fixtureResult()))
		Expect(coloured).To(ContainSubstring("\x1b[1;31merror\x1b[0m[rate_mismatch]"))
	})
})

var _ = Describe("html", func() {
	It("renders one card per finding, Arabic sentences right to left, and a chart per shared figure", func() {
		result := fixtureResult()
		page := string(render("html", report.Options{}, result))
		Expect(strings.Count(page, `<article class="finding"`)).To(Equal(len(result.Findings)))
		Expect(page).To(ContainSubstring(`<html lang="ar" dir="ltr">`))
		Expect(regexp.MustCompile(`<blockquote class="sentence" dir="rtl" lang="ar">`).FindAllString(page, -1)).To(HaveLen(4))
		Expect(page).To(ContainSubstring(`<blockquote class="sentence" dir="ltr" lang="en">`))
		Expect(page).To(ContainSubstring(`<mark>أكثر من خمسة آلاف</mark>`))
		Expect(page).To(ContainSubstring(`<svg class="chart" data-metric="fighters_joined" data-subject="europe"`))
		Expect(page).NotTo(MatchRegexp(`(?i)(src|href)=|url\(["']?(https?:|//)|@import`), "no external request")
	})

	It("stays light with 2,000 findings", func() {
		page := string(render("html", report.Options{}, manyFindings(2000)))
		Expect(strings.Count(page, `<article class="finding"`)).To(Equal(2000))
		Expect(strings.Count(page, "<script>")).To(Equal(1))
	})
})

var _ = Describe("markdown", func() {
	It("caps the table at 50 rows and says how many more", func() {
		out := string(render("markdown", report.Options{}, manyFindings(60)))
		Expect(strings.Count(out, "\n| **error** |") + strings.Count(out, "\n| **warning** |") + strings.Count(out, "\n| info |")).To(Equal(50))
		Expect(out).To(ContainSubstring("_and 10 more_"))
		Expect(strings.Count(out, "<details>")).To(Equal(50))
	})

	It("stays under the 65,536 characters of a GitHub comment with 10,000 findings", func() {
		out := string(render("markdown", report.Options{}, manyFindings(10000)))
		Expect(utf8.RuneCountInString(out)).To(BeNumerically("<", 65536))
		Expect(out).To(ContainSubstring("_and 9950 more_"))
	})

	It("escapes table and emphasis characters in quoted text", func() {
		result := fixtureResult()
		result.Findings[0].Message = "a | b * c `d` <e>"
		out := string(render("markdown", report.Options{}, result))
		Expect(out).To(ContainSubstring("a \\| b \\* c \\`d\\` &lt;e&gt;"))
	})
})

var _ = Describe("junit", func() {
	It("counts tests and failing tests", func() {
		out := string(render("junit", report.Options{}, fixtureResult()))
		// Four rules and the unreadable input; one rule fails (the error finding; info passes).
		Expect(out).To(ContainSubstring(`<testsuite name="claimcheck" tests="5" failures="1" errors="1" skipped="0">`))
		Expect(strings.Count(out, "<failure ")).To(Equal(1))
		Expect(out).To(ContainSubstring(`<testcase name="part_exceeds_whole" classname="claimcheck.rules"></testcase>`))
	})

	It("fails only on new findings when a baseline was given, as the exit code does", func() {
		result := fixtureResult()
		for i := range result.Findings {
			result.Findings[i].Baseline = "unchanged"
		}
		out := string(render("junit", report.Options{}, result))
		Expect(out).To(ContainSubstring(`failures="0"`))
		Expect(out).NotTo(ContainSubstring("<failure "))
		Expect(out).To(ContainSubstring("error (unchanged): "))
		result.Findings[0].Baseline = "new"
		out = string(render("junit", report.Options{}, result))
		Expect(strings.Count(out, "<failure ")).To(Equal(1))
		Expect(out).To(ContainSubstring("baseline new"))
	})
})

var _ = Describe("severity ranks", func() {
	It("maps info to a SARIF note", func() {
		result := fixtureResult()
		result.Findings = result.Findings[1:]
		Expect(result.Findings[0].Severity).To(Equal(claim.Info))
		Expect(string(render("sarif", report.Options{}, result))).To(ContainSubstring(`"level": "note"`))
	})
})

var _ = Describe("markdown quotes", func() {
	DescribeTable("keep a sentence that looks like a block inside its quote",
		func(sentence, quoted string) {
			result := fixtureResult()
			c := &result.Findings[1].Claims[0]
			c.Sentence, c.SentenceStart, c.Start, c.End, c.Text = sentence, 0, len([]rune(sentence)), len([]rune(sentence)), ""
			Expect(string(render("markdown", report.Options{}, result))).To(ContainSubstring("\n> " + quoted + "\n"))
		},
		Entry("a list item", "- 3000 fighters", `\- 3000 fighters`),
		Entry("a numbered item", "3000. fighters left", `3000\. fighters left`),
		Entry("a setext underline", "=== 3000", `\=== 3000`),
		Entry("a heading", "# 3000", `\# 3000`),
		Entry("a nested quote", "> 3000", `&gt; 3000`),
		Entry("plain text", "3000 fighters", `3000 fighters`),
	)
})
