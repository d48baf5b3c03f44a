package checker_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/source"
)

// A draft that restates Telegram's daily closures and contradicts itself on the monthly
// figure (a rule test of the default pack).
const contradictoryDraft = "تقول إدارة تطبيق «تليجرام» إنها تقوم بإغلاق 60 قناة مرتبطة بداعش يومياً، وأن هذا الرقم يصل إلى أكثر من 2000 قناة شهرياً."

func draft(name, text, date string) checker.Draft {
	return checker.Draft{Name: name, Text: strings.NewReader(text), Date: date, Outlet: "Desk"}
}

var _ = Describe("CheckDraft", func() {
	var c *checker.Checker
	var archive *checker.Extraction
	ctx := context.Background()
	BeforeEach(func() {
		c = newChecker()
		var err error
		archive, err = c.Extract(ctx, []string{seeds})
		Expect(err).NotTo(HaveOccurred())
	})

	It("reports the draft against a published article, naming its path, outlet and date", func() {
		// Restate one published figure with another value: the archive's own claim decides
		// what the draft says, so the test holds whichever seed carries it.
		var published claim.Claim
		for _, m := range archive.Mentions {
			if m.IsClaim && m.Metric == "channels_closed" && m.Rate == "day" {
				published = m
			}
		}
		Expect(published.Article).NotTo(BeEmpty())
		text := "أعلنت إدارة تطبيق «تليجرام» أنها تقوم بإغلاق 200 قناة مرتبطة بداعش يومياً."
		d, err := c.ExtractDraft(ctx, draft("draft.md", text, published.ArticleDate.Format("2006-01-02")))
		Expect(err).NotTo(HaveOccurred())
		result, err := c.CheckDraft(ctx, d, archive)
		Expect(err).NotTo(HaveOccurred())
		Expect(result.Findings).NotTo(BeEmpty())
		for _, finding := range result.Findings {
			var articles []string
			for _, claim := range finding.Claims {
				articles = append(articles, claim.Article)
				if claim.Article == published.Article {
					Expect(claim.Outlet).To(Equal(published.Outlet))
					Expect(claim.ArticleDate).To(Equal(published.ArticleDate))
				}
			}
			Expect(articles).To(ContainElements("draft.md", published.Article))
		}
		Expect(result.Articles[0].Path).To(Equal("draft.md"))
		Expect(result.Articles[1].Path).To(Equal(published.Article))
		Expect(result.Summary.Findings).To(Equal(len(result.Findings)))
	})

	It("reports the draft against itself", func() {
		d, err := c.ExtractDraft(ctx, draft("draft.md", contradictoryDraft, "2021-01-01"))
		Expect(err).NotTo(HaveOccurred())
		result, err := c.CheckDraft(ctx, d, &checker.Extraction{})
		Expect(err).NotTo(HaveOccurred())
		Expect(findingsByRule(result)["rate_mismatch"]).To(HaveLen(1))
	})

	It("leaves out what the archive says against itself", func() {
		whole, err := c.CheckExtraction(ctx, archive)
		Expect(err).NotTo(HaveOccurred())
		Expect(whole.Findings).NotTo(BeEmpty(), "the archive disagrees with itself")
		d, err := c.ExtractDraft(ctx, draft("draft.md", "The desk added 12 photos on Monday.", "2021-01-01"))
		Expect(err).NotTo(HaveOccurred())
		result, err := c.CheckDraft(ctx, d, archive)
		Expect(err).NotTo(HaveOccurred())
		Expect(result.Findings).To(BeEmpty())
		Expect(result.Articles).To(HaveLen(1))
	})

	It("takes a draft with a published article's path as its new version", func() {
		path := filepath.Join(seeds, "004_0681050abb075594.txt")
		data, err := os.ReadFile(path)
		Expect(err).NotTo(HaveOccurred())
		whole, err := c.CheckExtraction(ctx, archive)
		Expect(err).NotTo(HaveOccurred())
		Expect(findingsByRule(whole)["rate_mismatch"]).To(HaveLen(1))

		fixed := strings.Replace(string(data), "أكثر من 2000 قناة شهرياً", "1800 قناة شهرياً", 1)
		Expect(fixed).NotTo(Equal(string(data)))
		d, err := c.ExtractDraft(ctx, checker.Draft{Name: path, Text: strings.NewReader(fixed), Date: "2018-04-10"})
		Expect(err).NotTo(HaveOccurred())
		result, err := c.CheckDraft(ctx, d, archive)
		Expect(err).NotTo(HaveOccurred())
		Expect(findingsByRule(result)["rate_mismatch"]).To(BeEmpty(), "the published version's contradiction is gone from the draft")
	})

	It("leaves the archive as it was, for the next draft", func() {
		before := len(archive.Mentions)
		first := archive.Mentions[0]
		d, err := c.ExtractDraft(ctx, draft("draft.md", contradictoryDraft, "2018-04-10"))
		Expect(err).NotTo(HaveOccurred())
		_, err = c.CheckDraft(ctx, d, archive)
		Expect(err).NotTo(HaveOccurred())
		Expect(archive.Mentions).To(HaveLen(before))
		Expect(archive.Mentions[0].Article).To(Equal(first.Article))
	})

	DescribeTable("refuses a draft it cannot read, saying why",
		func(text, date, message string) {
			_, err := c.ExtractDraft(ctx, draft("draft.md", text, date))
			Expect(err).To(MatchError(ContainSubstring(message)))
			var list source.ErrorList
			Expect(errorsAs(err, &list)).To(BeTrue())
			Expect(list[0].File).To(Equal("draft.md"))
		},
		Entry("empty", "", "", "empty"),
		Entry("blank", "  \n ", "", "empty"),
		Entry("binary", "12\x00 schools", "", "binary"),
		Entry("a malformed date", "12 schools", "2018/05/01", "expected YYYY-MM-DD"),
	)

	It("refuses a draft over its limit after reading one byte more", func() {
		text := strings.Repeat("قتل 12 شخصاً. ", 1000)
		reader := strings.NewReader(text)
		_, err := c.ExtractDraft(ctx, checker.Draft{Name: "draft.md", Text: reader, MaxBytes: 1000})
		Expect(err).To(MatchError(ContainSubstring("draft larger than the 1000-byte limit")))
		Expect(reader.Len()).To(Equal(len(text) - 1001))
	})

	It("keeps replaced bytes of a draft as warnings", func() {
		d, err := c.ExtractDraft(ctx, draft("draft.md", "قتل 12 \xff شخصاً", "2018-05-01"))
		Expect(err).NotTo(HaveOccurred())
		Expect(d.Errors).NotTo(BeEmpty())
		Expect(d.Errors[0].Warning).To(BeTrue())
	})
})

var _ = Describe("front-door helpers", func() {
	ctx := context.Background()

	It("reports progress after each article", func() {
		var calls [][2]int
		c, err := checker.New(checker.WithRules(os.DirFS("../rules/default"), "rules/default"),
			checker.WithProgress(func(done, total int) { calls = append(calls, [2]int{done, total}) }))
		Expect(err).NotTo(HaveOccurred())
		extraction, err := c.Extract(ctx, []string{seeds})
		Expect(err).NotTo(HaveOccurred())
		n := len(extraction.Articles)
		Expect(calls).To(HaveLen(n))
		for i, call := range calls {
			Expect(call).To(Equal([2]int{i + 1, n}))
		}
	})

	It("keeps the findings that involve given articles and recounts the summary", func() {
		result, err := newChecker().Check(ctx, []string{seeds})
		Expect(err).NotTo(HaveOccurred())
		Expect(len(result.Findings)).To(BeNumerically(">=", 2))
		target := result.Findings[0].Claims[0].Article
		want := 0
		for _, f := range result.Findings {
			if checker.Involving(map[string]bool{target: true})(f) {
				want++
			}
		}
		checker.KeepFindings(result, checker.Involving(map[string]bool{target: true}))
		Expect(result.Findings).To(HaveLen(want))
		Expect(result.Summary.Findings).To(Equal(want))
		Expect(result.Articles).NotTo(BeEmpty(), "the corpus read stays in the appendix")
		checker.KeepFindings(result, checker.Involving(map[string]bool{}))
		Expect(result.Findings).To(BeEmpty())
		Expect(result.Summary.BySeverity["error"]).To(BeZero())
	})
})

func errorsAs(err error, target any) bool { return errors.As(err, target) }
