package index_test

import (
	"context"
	"math"
	"reflect"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/index/indextest"
	"github.com/claimcheck/claimcheck/checker/interval"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// sameClaim compares every field: floats by bits (NaN included), times by instant and UTC
// offset (a zone's name is not kept, as with gob).
func sameClaim(a, b claim.Claim) {
	var compare func(path string, x, y reflect.Value)
	compare = func(path string, x, y reflect.Value) {
		switch {
		case x.Type() == reflect.TypeOf(time.Time{}):
			tx, ty := x.Interface().(time.Time), y.Interface().(time.Time)
			Expect(tx.Equal(ty)).To(BeTrue(), path)
			_, offsetX := tx.Zone()
			_, offsetY := ty.Zone()
			Expect(offsetX).To(Equal(offsetY), path)
			Expect(tx.Location() == time.UTC).To(Equal(ty.Location() == time.UTC), path)
		case x.Kind() == reflect.Struct:
			for i := range x.NumField() {
				compare(path+"."+x.Type().Field(i).Name, x.Field(i), y.Field(i))
			}
		case x.Kind() == reflect.Float64:
			Expect(math.Float64bits(x.Float())).To(Equal(math.Float64bits(y.Float())), path)
		default:
			Expect(x.Interface()).To(Equal(y.Interface()), path)
		}
	}
	compare("Claim", reflect.ValueOf(a), reflect.ValueOf(b))
}

var _ = Describe("Stored mentions", func() {
	It("know every field of a claim (add a new one to codec.go, then here)", func() {
		Expect(reflect.TypeOf(claim.Claim{}).NumField()).To(Equal(index.ClaimFields))
		Expect(reflect.TypeOf(interval.Interval{}).NumField()).To(Equal(4))
		Expect(reflect.TypeOf(interval.Period{}).NumField()).To(Equal(3))
	})

	It("come back exactly, every field set, NaN, infinities and time zones included", func() {
		ctx := context.Background()
		store, err := index.Open(ctx, indextest.SQLiteDSN())
		Expect(err).NotTo(HaveOccurred())
		defer store.Close()
		day := time.Date(2018, 4, 10, 0, 0, 0, 0, time.UTC)
		full := claim.Claim{Article: "a.txt", Start: 3, End: 9, Line: 2, Col: 4, Text: "نحو ثلث", Value: math.NaN(),
			Interval: interval.Interval{Low: math.Inf(-1), High: 7.5, LowOpen: true, HighOpen: true}, Qualifier: claim.Fraction,
			IsClaim: true, Kind: "k", Reading: "read as thousands", Unit: "accounts", Metric: "accounts_removed", Subject: "twitter",
			Whole: 1200, Period: interval.Period{From: day.AddDate(-1, 0, 0), To: day, AsOf: true}, Rate: "day", Attribution: "بحسب",
			Sentence: "جملة", SentenceStart: -1, ArticleDate: time.Date(2018, 4, 10, 0, 0, 0, 0, time.FixedZone("x", 3600)),
			Outlet: "outlet", Language: "ar"}
		empty := claim.Claim{Article: "a.txt"}
		Expect(store.Put(ctx, index.Article{Path: "a.txt", Hash: "h", PackVersion: "v", Mentions: []claim.Claim{full, empty, full}})).To(Succeed())
		got, err := store.Articles(ctx, []string{"a.txt"})
		Expect(err).NotTo(HaveOccurred())
		Expect(got[0].Mentions).To(HaveLen(3))
		sameClaim(got[0].Mentions[0], full)
		sameClaim(got[0].Mentions[1], empty)
		sameClaim(got[0].Mentions[2], full)

		// The claims table, which draft checks query, keeps them exactly too.
		matches, err := store.Claims(ctx, index.Query{Metric: "accounts_removed"})
		Expect(err).NotTo(HaveOccurred())
		Expect(matches).To(HaveLen(2))
		sameClaim(matches[0].Claim, full)
		sameClaim(matches[1].Claim, full)
	})
})
