package engine_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/engine"
	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/claimcheck/claimcheck/checker/rules"
	bundled "github.com/claimcheck/claimcheck/rules"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func defaultLayer() rules.Layer {
	sub, err := fs.Sub(bundled.FS, "default")
	Expect(err).NotTo(HaveOccurred())
	return rules.Layer{FS: sub, Name: "rules/default"}
}

func loadPack(extra string) *rules.Pack {
	layers := []rules.Layer{defaultLayer()}
	if extra != "" {
		layers = append(layers, rules.Layer{FS: fstest.MapFS{"extra.yaml": {Data: []byte(extra)}}, Name: "newsroom"})
	}
	pack, err := rules.Load(layers...)
	Expect(err).NotTo(HaveOccurred())
	return pack
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	Expect(err).NotTo(HaveOccurred())
	return t
}

// figure builds a claim as extraction would: an exact count of metric for subject.
func figure(article string, date time.Time, metric, subject string, value float64) claim.Claim {
	return claim.Claim{
		Article: article, Start: 10, End: 14, Line: 1, Col: 11, Text: fmt.Sprint(value),
		Value: value, Interval: interval.Exact(value), Qualifier: claim.Exact, IsClaim: true,
		Unit: unitOf(metric), Metric: metric, Subject: subject, ArticleDate: date, Sentence: "s",
	}
}

func unitOf(metric string) string {
	switch metric {
	case "accounts_removed":
		return "accounts"
	case "fighters_joined":
		return "people"
	}
	return "items"
}

func year(c claim.Claim, y int) claim.Claim {
	c.Period = interval.Period{From: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)}
	return c
}

func byRule(findings []claim.Finding, rule string) []claim.Finding {
	var out []claim.Finding
	for _, f := range findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func articlesOf(f claim.Finding, side int) []string {
	var out []string
	for _, i := range f.Sides[side] {
		out = append(out, f.Claims[i].Article)
	}
	return out
}

var _ = Describe("archive scale", func() {
	It("reports 1,000 articles repeating two conflicting figures as one finding listing every article", func() {
		pack := loadPack("")
		var claims []claim.Claim
		var low, high []string
		start := day("2018-01-01")
		for i := range 1000 {
			name := fmt.Sprintf("archive/%04d.txt", i)
			value := 300000.0
			if i%2 == 1 {
				value = 900000
			}
			claims = append(claims, year(figure(name, start.AddDate(0, 0, i), "accounts_removed", "twitter", value), 2017))
			if value == 300000 {
				low = append(low, name)
			} else {
				high = append(high, name)
			}
		}
		findings, errs, stats := engine.New(pack).Run(claims)
		Expect(errs).To(BeEmpty())
		Expect(findings).To(HaveLen(1))
		f := findings[0]
		Expect(f.Rule).To(Equal("conflicting_figures"))
		Expect(f.Sides).To(HaveLen(2))
		Expect(f.Claims).To(HaveLen(1000))
		Expect(articlesOf(f, 0)).To(Equal(low))
		Expect(articlesOf(f, 1)).To(Equal(high))
		Expect(stats.Figures).To(Equal(2))
	})

	It("merges the same disagreement found on different days into one finding", func() {
		pack := loadPack("")
		var claims []claim.Claim
		for i := range 20 {
			date := day("2018-03-01").AddDate(0, 0, i)
			low := figure(fmt.Sprintf("a%02d.txt", i), date, "accounts_removed", "twitter", 300000)
			high := figure(fmt.Sprintf("b%02d.txt", i), date, "accounts_removed", "twitter", 900000)
			if i%2 == 0 {
				claims = append(claims, low, high)
			} else {
				claims = append(claims, high, low) // the pair meets in the other order
			}
		}
		findings, _, _ := engine.New(pack).Run(claims)
		Expect(findings).To(HaveLen(1))
		Expect(articlesOf(findings[0], 0)).To(HaveLen(20))
		Expect(articlesOf(findings[0], 0)[0]).To(HavePrefix("a"), "each side lists the articles that state its figure")
		Expect(articlesOf(findings[0], 1)).To(HaveLen(20))
		Expect(articlesOf(findings[0], 1)[19]).To(HavePrefix("b"))
	})

	It("lists the articles of each sentence apart for a check that reads the sentence", func() {
		pack := loadPack("")
		var claims []claim.Claim
		for i := range 50 {
			accounts := figure(fmt.Sprintf("s%02d.txt", i), day("2018-03-01"), "accounts_held", "telegram", 30000)
			accounts.Unit = "accounts"
			followers := figure(accounts.Article, accounts.ArticleDate, "followers", "telegram", 3e6)
			followers.Unit, followers.Start = "people", 40
			accounts.Sentence = fmt.Sprintf("sentence %d: 30,000 accounts, each followed by 3 million people", i)
			followers.Sentence = accounts.Sentence
			claims = append(claims, accounts, followers)
		}
		findings, _, _ := engine.New(pack).Run(claims)
		found := byRule(findings, "followers_beyond_world")
		Expect(found).To(HaveLen(1))
		Expect(articlesOf(found[0], 0)).To(HaveLen(50))
		Expect(articlesOf(found[0], 1)).To(HaveLen(50))
	})

	It("is deterministic and error-free on a generated archive", func() {
		pack := loadPack("")
		claims := generateClaims(pack, 20_000, 7)
		first, errs, stats := engine.New(pack).Run(claims)
		Expect(errs).To(BeEmpty())
		Expect(first).NotTo(BeEmpty())
		Expect(stats.PairsEvaluated).To(BeNumerically("<", 2*stats.Claims))
		second, _, _ := engine.New(pack).Run(claims)
		Expect(second).To(Equal(first))
	})

	It("evaluates a number of pairs linear in the claims on one big block", func() {
		pack := loadPack("")
		var claims []claim.Claim
		const n = 4000
		for i := range n {
			// One metric and subject; a cumulative count reported daily, rising with noise.
			date := day("2014-01-01").AddDate(0, 0, i/2)
			claims = append(claims, figure(fmt.Sprintf("d%05d.txt", i), date, "fighters_joined", "europe", float64(1000+i+(i%7)*3)))
		}
		_, _, stats := engine.New(pack).Run(claims)
		Expect(stats.Claims).To(Equal(n))
		Expect(stats.PairsEvaluated).To(BeNumerically("<", 10*n))
	})
})

var _ = Describe("part and whole", func() {
	It("adds up the parts of one whole, in the whole's partition only", func() {
		pack := loadPack("")
		date := day("2019-11-25")
		claims := []claim.Claim{
			figure("a.txt", date, "fighters_joined", "france", 3000),
			figure("a.txt", date, "fighters_joined", "germany", 2500),
			figure("a.txt", date, "fighters_joined", "europe", 5000),
			// Another day's figures form another partition.
			figure("b.txt", day("2019-12-01"), "fighters_joined", "france", 100),
		}
		claims[1].Start, claims[2].Start = 50, 90
		findings, errs, _ := engine.New(pack).Run(claims)
		Expect(errs).To(BeEmpty())
		sum := byRule(findings, "parts_exceed_whole")
		Expect(sum).To(HaveLen(1))
		Expect(sum[0].Sides).To(HaveLen(3))
		Expect(sum[0].Claims[sum[0].Sides[0][0]].Subject).To(Equal("europe"))
		Expect(byRule(findings, "part_exceeds_whole")).To(BeEmpty())
	})
})

var _ = Describe("time", func() {
	It("calls a cumulative count that falls between two articles a contradiction and a rise an update", func() {
		pack := loadPack("")
		claims := []claim.Claim{
			figure("early.txt", day("2015-01-10"), "fighters_joined", "europe", 5000),
			figure("middle.txt", day("2016-06-01"), "fighters_joined", "europe", 3000),
			figure("late.txt", day("2018-02-01"), "fighters_joined", "europe", 6000),
		}
		findings, errs, _ := engine.New(pack).Run(claims)
		Expect(errs).To(BeEmpty())
		decrease := byRule(findings, "cumulative_decrease")
		Expect(decrease).To(HaveLen(1))
		Expect(articlesOf(decrease[0], 0)).To(Equal([]string{"early.txt"}))
		Expect(articlesOf(decrease[0], 1)).To(Equal([]string{"middle.txt"}))
		update := byRule(findings, "cumulative_update")
		Expect(update).To(HaveLen(1))
		Expect(update[0].Severity).To(Equal(claim.Info))
		Expect(articlesOf(update[0], 0)).To(Equal([]string{"middle.txt"}))
	})

	It("calls two figures for one stated period a contradiction whatever the articles' dates", func() {
		pack := loadPack("")
		claims := []claim.Claim{
			year(figure("2018.txt", day("2018-01-10"), "accounts_removed", "twitter", 300000), 2017),
			year(figure("2020.txt", day("2020-06-01"), "accounts_removed", "twitter", 900000), 2017),
		}
		findings, _, _ := engine.New(pack).Run(claims)
		Expect(byRule(findings, "conflicting_figures")).To(HaveLen(1))
	})
})

var _ = Describe("runtime errors", func() {
	It("turns a failing check into an error entry naming it and the claims; the other checks still run", func() {
		pack := loadPack(`checks:
  - id: divides_by_zero
    severity: error
    description: fails at run time
    scope: claim
    violation: a.line % (a.col - a.col) == 0
    message: m
  - id: huge_range
    severity: error
    description: builds a range far beyond the memory budget
    scope: pair
    candidates: same_metric_subject
    violation: "all(1..1000000000, # > 0)"
    message: m
  - id: huge_map
    severity: error
    description: maps over a huge range in a claim check
    scope: claim
    violation: "len(map(1..1000000000, # * 2)) > 0"
    message: m
`)
		claims := []claim.Claim{
			year(figure("a.txt", day("2018-01-10"), "accounts_removed", "twitter", 300000), 2017),
			year(figure("b.txt", day("2018-01-10"), "accounts_removed", "twitter", 900000), 2017),
		}
		findings, errs, _ := engine.New(pack).Run(claims)
		Expect(byRule(findings, "conflicting_figures")).To(HaveLen(1))
		Expect(errs).To(HaveLen(3))
		joined := errs.Error()
		Expect(joined).To(ContainSubstring("newsroom/extra.yaml:2:5: check divides_by_zero failed on the claims at a.txt:1:11"))
		Expect(joined).To(ContainSubstring("integer divide by zero"))
		Expect(joined).To(ContainSubstring("(and 1 more evaluations of this check failed)"))
		Expect(joined).To(ContainSubstring("check huge_range failed on the claims at a.txt:1:11 \"300000\", b.txt:1:11 \"900000\""))
		Expect(joined).To(ContainSubstring("memory budget exceeded"))
		Expect(joined).To(ContainSubstring("check huge_map failed"))
	})
})

var _ = Describe("fingerprints", func() {
	write := func(dir, name, text string) {
		Expect(os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)).To(Succeed())
	}
	run := func(first, second string) []claim.Finding {
		dir := GinkgoT().TempDir()
		write(dir, "a.txt", first)
		write(dir, "b.txt", second)
		write(dir, "manifest.yaml", "articles:\n  a.txt: {date: 2018-04-10}\n  b.txt: {date: 2018-04-12}\n")
		sub, err := fs.Sub(bundled.FS, "default")
		Expect(err).NotTo(HaveOccurred())
		c, err := checker.New(checker.WithRules(sub, "rules/default"))
		Expect(err).NotTo(HaveOccurred())
		result, err := c.Check(context.Background(), []string{dir})
		Expect(err).NotTo(HaveOccurred())
		return result.Findings
	}
	It("survive reformatting of unrelated text", func() {
		before := run("أعلنت تويتر عن حذف 300 ألف حساب خلال عام 2017.",
			"قالت تويتر إنها حذفت 900 ألف حساب خلال عام 2017.")
		after := run("مقدمة جديدة للتقرير.\n\n   أعلنت   تويتر، في بيان مطول، عن حذف 300 ألف حساب خلال عام 2017.\n\nوتابع البيان أن الشركة تعمل مع الحكومات.",
			"في تقرير آخر،\nقالت تويتر إنها حذفت 900 ألف حساب خلال عام 2017، من دون تفاصيل.")
		Expect(byRule(before, "conflicting_figures")).To(HaveLen(1))
		Expect(byRule(after, "conflicting_figures")).To(HaveLen(1))
		Expect(after[0].Claims[0].Start).NotTo(Equal(before[0].Claims[0].Start))
		Expect(byRule(after, "conflicting_figures")[0].Fingerprint).To(Equal(byRule(before, "conflicting_figures")[0].Fingerprint))
		changed := run("أعلنت تويتر عن حذف 300 ألف حساب خلال عام 2017.", "قالت تويتر إنها حذفت 800 ألف حساب خلال عام 2017.")
		Expect(byRule(changed, "conflicting_figures")[0].Fingerprint).NotTo(Equal(byRule(before, "conflicting_figures")[0].Fingerprint))
	})
})

var _ = Describe("partitions", func() {
	It("derives them from the when condition's top-level equalities", func() {
		pack := loadPack("")
		Expect(pack.Check("conflicting_figures").PartitionFields()).To(Equal([]string{"period", "rate", "unit"}))
		Expect(pack.Check("cumulative_decrease").PartitionFields()).To(Equal([]string{"unit"}))
		Expect(strings.Join(pack.Check("rate_mismatch").PartitionFields(), ",")).To(Equal("period,unit"))
		Expect(pack.Check("followers_beyond_world").PartitionFields()).To(Equal([]string{"subject"}))
	})

	It("reads per-claim filters off when, and whether b's mirror a's", func() {
		pack := loadPack("")
		conflicting := pack.Check("conflicting_figures")
		Expect(conflicting.HasFilters()).To(BeTrue())
		Expect(conflicting.Symmetric()).To(BeTrue())
		Expect(pack.Check("part_exceeds_whole").Symmetric()).To(BeFalse(), "only the whole must not be vague")
		vague := figure("v.txt", day("2018-01-01"), "accounts_removed", "twitter", 300)
		vague.Qualifier = claim.Vague
		exact := figure("e.txt", day("2018-01-01"), "accounts_removed", "twitter", 300)
		env := &rules.Env{A: &vague, B: &exact}
		Expect(conflicting.FilterA(env)).To(BeFalse())
		Expect(conflicting.FilterB(env)).To(BeTrue())
	})
})
