package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"strings"
	"unicode/utf8"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"golang.org/x/net/html"

	"github.com/claimcheck/claimcheck/checker/report"
)

// hostile carries markup, an attribute break-out, a textarea end and bidi controls (a
// right-to-left override and a left-to-right isolate) that could reorder the page.
const hostile = `<script>alert(1)</script> "onerror=alert(1) x=" </textarea> ` + "\u202e" + `evil` + "\u2066" + ` x`

func isBidiControl(r rune) bool { return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) }

// hostileResult puts the hostile text into every string a report shows: paths, outlets,
// titles, sentences, messages, explanations, rule ids and descriptions, the tool version.
func hostileResult() *report.Result {
	result := fixtureResult()
	result.Tool.Version = hostile
	result.Tool.Packs = hostile
	for i := range result.Rules {
		result.Rules[i].ID = hostile + result.Rules[i].ID
		result.Rules[i].Description = hostile
	}
	prefix := utf8.RuneCountInString(hostile)
	for i := range result.Findings {
		finding := &result.Findings[i]
		finding.Rule = hostile + finding.Rule
		finding.Message = hostile
		finding.Explanation = hostile
		for k := range finding.Claims {
			c := &finding.Claims[k]
			c.Article = hostile + c.Article
			c.Outlet = hostile
			c.Metric = hostile + c.Metric
			c.Subject = hostile
			c.Attribution = hostile
			// Prefixing the sentence moves it back so that the offsets still select the number.
			c.Sentence = hostile + c.Sentence
			c.SentenceStart -= prefix
		}
	}
	for i := range result.Articles {
		article := &result.Articles[i]
		article.Path = hostile + article.Path
		article.Outlet = hostile
		article.Title = hostile
		for k := range article.Mentions {
			article.Mentions[k].Text = hostile + article.Mentions[k].Text
			article.Mentions[k].Sentence = hostile
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
		Expect(highlighted).To(Equal(5), "the numbers are still highlighted behind the hostile prefix")
		Expect(string(out)).To(ContainSubstring("&lt;script&gt;alert(1)&lt;/script&gt;"))
	})

	It("drops bidi controls from the text and Markdown reports and escapes Markdown", func() {
		for _, name := range []string{"text", "markdown"} {
			out := render(name, report.Options{}, result)
			Expect(bytes.ContainsFunc(out, isBidiControl)).To(BeFalse(), name)
		}
		markdown := string(render("markdown", report.Options{}, result))
		Expect(markdown).NotTo(ContainSubstring("<script>"))
		Expect(markdown).NotTo(ContainSubstring("</textarea>"))
		Expect(markdown).To(ContainSubstring("&lt;script&gt;"))
	})

	It("keeps JSON parseable and round-trips the text", func() {
		out := render("json", report.Options{}, result)
		var back report.Result
		Expect(json.Unmarshal(out, &back)).To(Succeed())
		Expect(back.Findings[0].Message).To(Equal(hostile))
		Expect(back.Findings[0].Claims[0].Article).To(Equal(result.Findings[0].Claims[0].Article))
		Expect(back.Findings[0].Claims[0].Sentence).To(Equal(result.Findings[0].Claims[0].Sentence))
		Expect(back.Rules[0].Description).To(Equal(hostile))
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
		Expect(cases[3].Name).To(Equal(result.Rules[3].ID))
		Expect(cases[3].Name).To(Equal(result.Findings[0].Rule))
		Expect(cases[3].Failures).To(HaveLen(1))
		Expect(cases[3].Failures[0].Message).To(Equal(hostile))
		Expect(cases[3].Failures[0].Body).To(ContainSubstring(result.Findings[0].Claims[2].Article))
		Expect(cases[1].SystemOut).To(ContainSubstring(hostile))
	})
})
