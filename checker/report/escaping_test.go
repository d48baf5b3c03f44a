package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"golang.org/x/net/html"

	"github.com/claimcheck/claimcheck/checker/report"
)

// hostile carries markup, an attribute break-out, a textarea end, bidi controls (a
// right-to-left override and a left-to-right isolate) that could reorder the page, terminal
// controls (ESC, CSI, backspace), and a line break into a Markdown fence and heading.
const hostile = `<script>alert(1)</script> "onerror=alert(1) x=" </textarea> ` + "\u202e" + `evil` + "\u2066" +
	` x` + "\x1b[2J\u009b31m\b" + "\n```\n# pwned | ]]> <!-- `code` *"

// xmlSafe is what an XML document can carry of s: characters outside XML's range become U+FFFD.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
			return utf8.RuneError
		}
		return r
	}, s)
}

// isControl reports characters a terminal obeys: C0 controls but the line break, and C1.
func isControl(r rune) bool { return (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) }

func isBidiControl(r rune) bool { return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) }

// hostileResult puts the hostile text into every string a report shows: paths, outlets,
// titles, sentences, messages, explanations, rule ids and descriptions, the tool version.
func hostileResult() *report.Result {
	result := fixtureResult()
	result.Tool.Name = hostile
	result.Tool.Version = hostile
	result.Tool.Packs = hostile
	for i := range result.Rules {
		result.Rules[i].ID = hostile + result.Rules[i].ID
		result.Rules[i].Description = hostile
		result.Rules[i].Source = hostile
	}
	prefix := utf8.RuneCountInString(hostile)
	for i := range result.Findings {
		finding := &result.Findings[i]
		finding.Rule = hostile + finding.Rule
		finding.Message = hostile
		finding.Explanation = hostile
		finding.Fingerprint = hostile
		finding.Baseline = hostile
		for k := range finding.Claims {
			c := &finding.Claims[k]
			c.Article = hostile + c.Article
			c.Outlet = hostile
			c.Metric = hostile + c.Metric
			c.Subject = hostile
			c.Attribution = hostile
			c.Unit, c.Qualifier, c.Kind, c.Reading, c.Language = hostile, hostile, hostile, hostile, hostile
			// The mention as written starts with the hostile text too: the sentence gets it
			// just before the number, and the offsets move back to select both.
			runes := []rune(c.Sentence)
			at := c.Start - c.SentenceStart
			c.Sentence = string(runes[:at]) + hostile + string(runes[at:])
			c.Text = hostile + c.Text
			c.End += prefix
		}
	}
	for i := range result.Articles {
		article := &result.Articles[i]
		article.Path = hostile + article.Path
		article.Outlet = hostile
		article.Title = hostile
		article.Date = hostile
		article.Language = hostile
		for k := range article.Mentions {
			mention := &article.Mentions[k]
			mention.Text = hostile + mention.Text
			mention.Sentence = hostile
			mention.Metric, mention.Subject, mention.Kind, mention.Qualifier = hostile, hostile, hostile, hostile
		}
	}
	result.Errors[0].File = hostile
	result.Errors[0].Message = hostile
	result.Errors[0].Snippet = hostile
	return result
}

var _ = Describe("escaping", func() {
	var result *report.Result
	BeforeEach(func() { result = hostileResult() })

	It("keeps article text, file names and messages inert in HTML", func() {
		out := render("html", report.Options{}, result)
		Expect(string(out)).NotTo(ContainSubstring("<script>alert"))
		Expect(string(out)).NotTo(ContainSubstring("</textarea>"))
		Expect(bytes.ContainsFunc(out, isBidiControl)).To(BeFalse(), "a bidi control reached the page")
		Expect(bytes.ContainsFunc(out, isControl)).To(BeFalse(), "a control character reached the page")

		document, err := html.Parse(bytes.NewReader(out))
		Expect(err).NotTo(HaveOccurred())
		scripts, highlighted := 0, 0
		var walk func(*html.Node)
		walk = func(node *html.Node) {
			if node.Type == html.ElementNode {
				for _, attribute := range node.Attr {
					Expect(strings.HasPrefix(strings.ToLower(attribute.Key), "on")).To(BeFalse(),
						"event handler attribute %q on <%s>", attribute.Key, node.Data)
				}
				Expect(node.Data).NotTo(Equal("textarea"))
				switch node.Data {
				case "script":
					scripts++
					Expect(node.FirstChild.Data).NotTo(ContainSubstring("alert(1)"))
				case "mark":
					highlighted++
				}
			}
			if node.Type == html.TextNode && strings.Contains(node.Data, "alert(1)") {
				// The hostile text is shown, as text.
				Expect(node.Parent.Data).NotTo(Equal("script"))
			}
			for child := node.FirstChild; child != nil; child = child.NextSibling {
				walk(child)
			}
		}
		walk(document)
		Expect(scripts).To(Equal(1), "only the report's own script")
		Expect(highlighted).To(Equal(6), "the numbers are still highlighted behind the hostile prefix")
		Expect(string(out)).To(ContainSubstring("&lt;script&gt;alert(1)&lt;/script&gt;"))
	})

	It("gives a terminal no control character, bidi override or line of its own", func() {
		for _, color := range []bool{false, true} {
			out := string(render("text", report.Options{Color: color}, result))
			if color {
				// The report's own colours are the only escapes.
				out = regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(out, "")
			}
			Expect(strings.ContainsFunc(out, isBidiControl)).To(BeFalse())
			Expect(strings.ContainsFunc(out, isControl)).To(BeFalse(), "colour %v", color)
			for _, line := range strings.Split(out, "\n") {
				Expect(line).NotTo(HavePrefix("# pwned"))
				Expect(line).NotTo(HavePrefix("```"))
			}
		}
	})

	It("keeps Markdown text inside its table cell, quote or list item", func() {
		markdown := string(render("markdown", report.Options{}, result))
		Expect(strings.ContainsFunc(markdown, isBidiControl)).To(BeFalse())
		Expect(strings.ContainsFunc(markdown, isControl)).To(BeFalse())
		Expect(markdown).NotTo(ContainSubstring("<script>"))
		Expect(markdown).NotTo(ContainSubstring("</textarea>"))
		Expect(markdown).NotTo(ContainSubstring("<!--"))
		Expect(markdown).To(ContainSubstring("&lt;script&gt;"))
		// Every line that shows hostile text is a table row, a quote or a list item of the
		// report's own, and the text's table bars, code ticks and emphasis are escaped.
		shown := 0
		for _, line := range strings.Split(markdown, "\n") {
			if !strings.Contains(line, "pwned") {
				continue
			}
			shown++
			if strings.HasPrefix(line, "<details><summary>") {
				// A summary is HTML: escaped as HTML, markup and comment openers included.
				Expect(line).To(ContainSubstring("pwned | ]]&gt; &lt;!-- `code` *"))
				continue
			}
			Expect(line).To(MatchRegexp("^(\\| |> |- also |- error: |Arithmetic: |\\*\\*claimcheck)"), line)
			Expect(line).To(ContainSubstring(`pwned \| \]\]&gt; &lt;\!-- \` + "`" + `code\` + "`" + ` \*`))
		}
		Expect(shown).To(BeNumerically(">", 5))
		Expect(strings.Count(markdown, "<details>")).To(Equal(strings.Count(markdown, "</details>")))
	})

	It("keeps JSON parseable and round-trips the text", func() {
		out := render("json", report.Options{}, result)
		var back report.Result
		Expect(json.Unmarshal(out, &back)).To(Succeed())
		Expect(back.Findings[0].Message).To(Equal(hostile))
		Expect(back.Findings[0].Claims[0].Article).To(Equal(result.Findings[0].Claims[0].Article))
		Expect(back.Findings[0].Claims[0].Sentence).To(Equal(result.Findings[0].Claims[0].Sentence))
		Expect(back.Rules[0].Description).To(Equal(hostile))
		Expect(back.Findings[0].Claims[0].Text).To(Equal(result.Findings[0].Claims[0].Text))
		Expect(back.Findings[0].Claims[0].Language).To(Equal(hostile))
		Expect(back.Tool.Name).To(Equal(hostile))
		Expect(back.Articles[0].Title).To(Equal(hostile))
		Expect(back.Errors[0].Snippet).To(Equal(hostile))
	})

	It("keeps SARIF valid and round-trips the text", func() {
		out := render("sarif", report.Options{}, result)
		Expect(validateSARIF(out)).To(Succeed())
		var log sarifDocument
		Expect(json.Unmarshal(out, &log)).To(Succeed())
		run := log.Runs[0]
		Expect(run.Results[0].Message.Text).To(Equal(hostile))
		Expect(run.Results[0].RuleID).To(Equal(result.Findings[0].Rule))
		Expect(run.Tool.Driver.Rules[0].FullDescription.Text).To(Equal(hostile))
		Expect(run.Results[0].Locations[0].PhysicalLocation.Region.Snippet.Text).To(Equal(result.Findings[0].Claims[0].Text))
		uri := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI
		path, err := url.PathUnescape(uri)
		Expect(err).NotTo(HaveOccurred())
		Expect(path).To(Equal(result.Findings[0].Claims[0].Article))
	})

	It("keeps JUnit well-formed and round-trips the text", func() {
		out := render("junit", report.Options{}, result)
		var suites struct {
			Suites []struct {
				Cases []struct {
					Name     string `xml:"name,attr"`
					Failures []struct {
						Message string `xml:"message,attr"`
						Body    string `xml:",chardata"`
					} `xml:"failure"`
					SystemOut string `xml:"system-out"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		Expect(xml.Unmarshal(out, &suites)).To(Succeed())
		cases := suites.Suites[0].Cases
		Expect(cases[3].Name).To(Equal(xmlSafe(result.Rules[3].ID)))
		Expect(result.Rules[3].ID).To(Equal(result.Findings[0].Rule))
		Expect(cases[3].Failures).To(HaveLen(1))
		Expect(cases[3].Failures[0].Message).To(Equal(xmlSafe(hostile)), "everything but the characters XML cannot hold")
		Expect(cases[3].Failures[0].Body).To(ContainSubstring(xmlSafe(result.Findings[0].Claims[2].Article)))
		Expect(cases[1].SystemOut).To(ContainSubstring(xmlSafe(hostile)))
	})
})
