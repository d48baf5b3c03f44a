package engine_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/engine"
	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/claimcheck/claimcheck/checker/rules"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// extraChecks exercise what the default pack does not: runtime errors part way through a
// run (which claims the first failure names, and how many follow, depend on the order of
// evaluation), a pair check that reads the outlet (a per-context view over blocks), and a
// group check over one sentence.
const extraChecks = `checks:
  - id: fails_on_some_pairs
    severity: error
    description: fails at run time on some pairs only
    scope: pair
    candidates: same_metric_subject
    when: a.unit == b.unit && a.outlet != b.outlet
    violation: "int(a.value) % (a.start % 5) + int(b.value) % (b.line % 3) == 1"
    message: "{{a.outlet}} against {{b.outlet}}: {{a.value}} / {{b.value}}"
  - id: fails_on_some_claims
    severity: warning
    description: fails at run time on some claims only
    scope: claim
    when: a.metric != ""
    violation: "int(a.value) % (a.line % 4) == 1"
    message: "{{a.text}} at line {{a.line}}"
  - id: sentence_total
    severity: info
    description: several figures of one sentence
    scope: group
    candidates: same_sentence
    when: a.unit == b.unit && a.rate == b.rate
    violation: len(parts) >= 2 && sum(parts).low > 1000
    message: "{{len(parts)}} figures add up to {{describe(sum(parts))}}"
  - id: outlets_disagree_on_parts
    severity: info
    description: a part larger than its whole in another outlet
    scope: pair
    candidates: subject_part_of
    when: a.unit == b.unit && a.outlet != b.outlet && samePeriod(a, b)
    violation: a.interval.low > b.interval.high
    message: "{{a.outlet}}: {{a.subject}} above {{b.subject}} in {{b.outlet}}"
`

// denseClaims makes n claims packed into few blocks: a handful of metrics (counts, a
// cumulative count, a percentage, followers and accounts), subjects along one part_of chain
// and its siblings, values drawn from a short list so that figures repeat and disagree,
// few dates, stated periods and sub-periods, rates, vague and approximate qualifiers, and
// several claims per sentence.
func denseClaims(r *rand.Rand, n int) []claim.Claim {
	type metric struct{ id, unit string }
	metrics := []metric{
		{"fighters_joined", "people"}, {"fighters_killed", "people"}, {"people_held", "adults"},
		{"accounts_removed", "accounts"}, {"followers", "people"}, {"accounts_held", "accounts"},
		{"recruited_online", "percent"},
	}
	places := []string{"world", "europe", "western_europe", "france", "germany", "belgium", "sweden", "maghreb", "tunisia", ""}
	platforms := []string{"twitter", "telegram", "facebook", ""}
	values := []float64{50, 60, 100, 120, 300, 450, 1000, 1500, 3000, 5000, 9e9, 12e9}
	percents := []float64{5, 20, 45, 55, 60, 120}
	outlets := []string{"wire", "daily", "blog"}
	sentences := []string{"each account has followers", "a plain sentence", "an increase was reported", "on average per account"}
	start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	articles := 1 + n/6
	claims := make([]claim.Claim, 0, n)
	for range n {
		article := r.IntN(articles)
		m := metrics[r.IntN(len(metrics))]
		subject := places[r.IntN(len(places))]
		if m.unit == "accounts" || m.id == "followers" {
			subject = platforms[r.IntN(len(platforms))]
		}
		value := values[r.IntN(len(values))]
		if m.unit == "percent" {
			value = percents[r.IntN(len(percents))]
		}
		sentence := r.IntN(3)
		c := claim.Claim{
			Article: fmt.Sprintf("a%03d.txt", article), Start: sentence*100 + r.IntN(90), Line: 1 + r.IntN(5), Col: 1 + r.IntN(3),
			IsClaim: r.IntN(20) != 0, Metric: m.id, Subject: subject, Unit: m.unit, Value: value,
			Interval: interval.Exact(value), Qualifier: claim.Exact,
			Sentence: sentences[(article+sentence)%len(sentences)], SentenceStart: sentence * 100,
			Outlet: outlets[article%len(outlets)],
		}
		if article%7 != 0 { // a few articles without a date: the article stands for the period
			c.ArticleDate = start.AddDate(0, 0, 30*(article%5))
		}
		switch x := r.IntN(10); {
		case x < 2:
			y := 2015 + r.IntN(2)
			c.Period = interval.Period{From: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)}
		case x < 3:
			c.Period = interval.Period{From: time.Date(2015, 7, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2015, 12, 31, 0, 0, 0, 0, time.UTC)}
		case x < 4 && m.unit != "percent":
			c.Rate = interval.Rate([]string{"day", "month"}[r.IntN(2)])
		}
		switch r.IntN(8) {
		case 0:
			c.Qualifier = claim.Approx
			c.Interval = interval.Interval{Low: value * 0.9, High: value * 1.1}
		case 1:
			c.Qualifier = claim.Vague
		}
		if r.IntN(30) == 0 {
			c.Metric = "" // a number that is no claim of a metric
		}
		c.Text = strconv.FormatFloat(value, 'f', -1, 64)
		c.End = c.Start + len(c.Text)
		claims = append(claims, c)
	}
	return claims
}

// focuses are the ways callers focus a run: a draft's articles, an edit's buckets, claims
// picked at random.
func focuses(r *rand.Rand, claims []claim.Claim) map[string]func(*claim.Claim) bool {
	articles := map[string]bool{}
	buckets := map[string]bool{}
	picked := map[int]bool{}
	for range 1 + r.IntN(3) {
		c := claims[r.IntN(len(claims))]
		articles[c.Article] = true
		buckets[c.Metric+"|"+c.Subject] = true
	}
	for range 1 + r.IntN(5) {
		picked[claims[r.IntN(len(claims))].Start*1000+claims[r.IntN(len(claims))].Line] = true
	}
	return map[string]func(*claim.Claim) bool{
		"articles": func(c *claim.Claim) bool { return articles[c.Article] },
		"buckets":  func(c *claim.Claim) bool { return buckets[c.Metric+"|"+c.Subject] },
		"claims":   func(c *claim.Claim) bool { return picked[c.Start*1000+c.Line] },
		"nothing":  func(*claim.Claim) bool { return false },
		"all":      nil,
	}
}

var _ = Describe("focused runs", func() {
	// RunFocused skips blocks, partitions and places no focused figure is in; what it reports
	// must not change: every finding, its wording, sides, claims and order, and every error
	// entry are those of the engine before it skipped anything (reference_test.go).
	It("report what the unskipped engine reports, on random claim sets and focus sets", func() {
		pack := loadPack(extraChecks)
		e := engine.New(pack)
		seed := GinkgoRandomSeed()
		compared, withFindings, withErrors := 0, 0, 0
		for round := range 40 {
			r := rand.New(rand.NewPCG(uint64(seed), uint64(round)))
			var claims []claim.Claim
			if round%4 == 3 {
				claims = generateClaims(pack, 500+r.IntN(3000), uint64(seed)+uint64(round))
			} else {
				claims = denseClaims(r, 50+r.IntN(400))
			}
			var selected func(*rules.Check) bool
			if round%5 == 4 { // a subset of the checks, as an incremental run asks
				skip := pack.Checks[r.IntN(len(pack.Checks))].ID
				selected = func(c *rules.Check) bool { return c.ID != skip }
			}
			for name, focus := range focuses(r, claims) {
				want, wantErrors, wantStats := e.ReferenceRunSelected(claims, focus, selected)
				got, gotErrors, gotStats := e.RunSelected(claims, focus, selected)
				where := fmt.Sprintf("seed %d, round %d, focus %s", seed, round, name)
				Expect(got).To(Equal(want), where)
				Expect(gotErrors).To(Equal(wantErrors), where)
				Expect(gotStats).To(Equal(wantStats), where)
				compared++
				if len(want) > 0 {
					withFindings++
				}
				if len(wantErrors) > 0 {
					withErrors++
				}
			}
		}
		// The comparison means something only if the runs found things and failed somewhere.
		Expect(withFindings).To(BeNumerically(">", compared/2))
		Expect(withErrors).To(BeNumerically(">", compared/4))
	})
})
