package interval_test

import (
	"math"
	"time"

	"github.com/claimcheck/claimcheck/checker/interval"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("Interval", func() {
	DescribeTable("Disjoint",
		func(a, b interval.Interval, disjoint bool) {
			Expect(a.Disjoint(b)).To(Equal(disjoint))
			Expect(b.Disjoint(a)).To(Equal(disjoint))
			Expect(a.Overlaps(b)).To(Equal(!disjoint))
		},
		Entry("points that differ", interval.Exact(3), interval.Exact(4), true),
		Entry("equal points", interval.Exact(3), interval.Exact(3), false),
		Entry("3,000 against more than 5,000", interval.Exact(3000), interval.MoreThan(5000), true),
		Entry("5,000 against more than 5,000 (open end)", interval.Exact(5000), interval.MoreThan(5000), true),
		Entry("5,000 against at least 5,000", interval.Exact(5000), interval.AtLeast(5000), false),
		Entry("about 130 against 140", interval.Approx(130, 0.1), interval.Exact(140), false),
		Entry("ranges that touch", interval.Between(500, 550), interval.Between(550, 600), false),
		Entry("fewer than 10 against 10", interval.LessThan(10), interval.Exact(10), true),
	)

	It("converts rates by calendar bounds", func() {
		month, ok := interval.ConvertRate(interval.Exact(60), interval.Day, interval.Month)
		Expect(ok).To(BeTrue())
		Expect(month.Low).To(Equal(1680.0))
		Expect(month.High).To(Equal(1860.0))
		Expect(month.Disjoint(interval.MoreThan(2000))).To(BeTrue())

		day, ok := interval.ConvertRate(interval.Exact(2000), interval.Month, interval.Day)
		Expect(ok).To(BeTrue())
		Expect(day.Low).To(BeNumerically("~", 64.516, 0.001))
		Expect(day.High).To(BeNumerically("~", 71.428, 0.001))

		_, ok = interval.ConvertRate(interval.Exact(1), interval.None, interval.Day)
		Expect(ok).To(BeFalse())
	})

	It("keeps an unbounded end unbounded through conversion and sums", func() {
		year, _ := interval.ConvertRate(interval.MoreThan(100), interval.Day, interval.Year)
		Expect(year.Low).To(Equal(36500.0))
		Expect(math.IsInf(year.High, 1)).To(BeTrue())
		sum := interval.Sum(interval.Exact(130), interval.MoreThan(300), interval.Between(1, 2))
		Expect(sum.Low).To(Equal(431.0))
		Expect(sum.LowOpen).To(BeTrue())
	})

	DescribeTable("Describe and RelativeGap",
		func(a, b interval.Interval, words string, gap float64) {
			Expect(a.Describe()).To(Equal(words))
			Expect(interval.RelativeGap(a, b)).To(BeNumerically("~", gap, 0.0001))
		},
		Entry("point", interval.Exact(274460), interval.Exact(274460), "274,460", 0.0),
		Entry("more than", interval.MoreThan(5000), interval.Exact(3000), "more than 5,000", 0.4),
		Entry("range", interval.Between(1680, 1860), interval.MoreThan(2000), "1,680–1,860", 0.07),
		Entry("at most", interval.AtMost(10), interval.Exact(20), "at most 10", 0.5),
	)

	It("widens bounded ends only", func() {
		w := interval.MoreThan(100).Widen(0.1)
		Expect(w.Low).To(Equal(90.0))
		Expect(math.IsInf(w.High, 1)).To(BeTrue())
	})

	Describe("Period", func() {
		day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
		years := interval.Period{From: day("2015-01-01"), To: day("2017-12-31")}
		half := interval.Period{From: day("2017-07-01"), To: day("2017-12-31")}
		It("knows containment and overlap", func() {
			Expect(years.Contains(half)).To(BeTrue())
			Expect(half.Contains(years)).To(BeFalse())
			Expect(years.Overlaps(half)).To(BeTrue())
			Expect(half.Same(half)).To(BeTrue())
			asOf := interval.Period{To: day("2014-10-15"), AsOf: true}
			Expect(asOf.Explicit()).To(BeFalse())
			Expect(asOf.Overlaps(years)).To(BeFalse())
			Expect(interval.DaysBetween(day("2018-04-05"), day("2018-04-10"))).To(Equal(5))
		})
	})
})
