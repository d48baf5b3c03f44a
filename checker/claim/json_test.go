package claim_test

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/interval"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// sample is a claim with every field set, from the first seed article.
func sample() claim.Claim {
	day := time.Date(2015, 3, 2, 0, 0, 0, 0, time.UTC)
	return claim.Claim{Article: "seeds/01.txt", Start: 120, End: 126, Line: 3, Col: 14, Text: "أكثر من 2000",
		Value: 2000, Interval: interval.Interval{Low: 2000, High: math.Inf(1), LowOpen: true}, Qualifier: claim.MoreThan,
		IsClaim: true, Reading: "2.000 read as thousands", Unit: "channels", Metric: "channels_closed", Subject: "telegram",
		Whole: 5000, Period: interval.Period{From: day, To: day.AddDate(0, 1, -1), AsOf: true}, Rate: "month",
		Attribution: "وبحسب الشركة", Sentence: "أغلقت تيليغرام أكثر من 2000 قناة في الشهر.", SentenceStart: 100,
		ArticleDate: day, Outlet: "Al Jazeera", Language: "ar"}
}

var _ = Describe("a claim's JSON", func() {
	DescribeTable("is byte for byte what reflection writes",
		func(change func(*claim.Claim)) {
			c := sample()
			change(&c)
			want, err := claim.MarshalByReflection(c)
			Expect(err).NotTo(HaveOccurred())
			Expect(string(c.AppendJSON(nil))).To(Equal(string(want)))
			got, err := json.Marshal(c)
			Expect(err).NotTo(HaveOccurred())
			Expect(string(got)).To(Equal(string(want)))
		},
		Entry("every field set", func(*claim.Claim) {}),
		Entry("the zero claim", func(c *claim.Claim) { *c = claim.Claim{} }),
		Entry("no figure: NaN value, unbounded interval", func(c *claim.Claim) {
			c.Value, c.Interval = math.NaN(), interval.Interval{Low: math.Inf(-1), High: math.Inf(1)}
		}),
		Entry("an infinite whole is left out", func(c *claim.Claim) { c.Whole = math.Inf(1) }),
		Entry("a NaN whole is left out", func(c *claim.Claim) { c.Whole = math.NaN() }),
		Entry("tiny and huge figures switch to exponents", func(c *claim.Claim) {
			c.Value, c.Interval.Low, c.Interval.High, c.Whole = 1e-7, -3.5e-9, 1e21, 2.5e300
		}),
		Entry("fractions and negative zero", func(c *claim.Claim) { c.Value, c.Interval.Low = 0.1+0.2, math.Copysign(0, -1) }),
		Entry("HTML, quotes, controls and separators in text", func(c *claim.Claim) {
			c.Sentence = "<script>alert(\"x\")</script> & \\ \b\f\n\r\t\x00\x1f\x7f \u2028\u2029 end"
			c.Article = `dir/"quoted" & <b>.txt`
		}),
		Entry("invalid UTF-8", func(c *claim.Claim) { c.Sentence, c.Text = "a\xffb\xc3", "\xe2\x80" }),
		Entry("an empty kind, reading, attribution, outlet and language are left out", func(c *claim.Claim) {
			c.Kind, c.Reading, c.Attribution, c.Outlet, c.Language = "", "", "", "", ""
			c.Period, c.ArticleDate = interval.Period{}, time.Time{}
		}),
	)
})

// FuzzClaimJSON holds AppendJSON to the reflection encoder on arbitrary strings and figures.
func FuzzClaimJSON(f *testing.F) {
	f.Add("أكثر من 2000 <قناة>", "seeds/01.txt", 2000.0, 1e-7, 5, true)
	f.Add("\x00\xff\u2028\"\\", "", math.NaN(), math.Inf(1), -1, false)
	f.Fuzz(func(t *testing.T, text, article string, value, low float64, start int, open bool) {
		c := sample()
		c.Text, c.Sentence, c.Attribution, c.Article = text, text+article, article, article
		c.Value, c.Interval.Low, c.Whole, c.Start, c.Interval.LowOpen = value, low, low, start, open
		want, err := claim.MarshalByReflection(c)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.AppendJSON(nil); string(got) != string(want) {
			t.Fatalf("AppendJSON:\n%s\nreflection:\n%s", got, want)
		}
	})
}
