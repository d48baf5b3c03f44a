package index_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/index/indextest"
	"github.com/claimcheck/claimcheck/checker/interval"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var subjects = []string{"twitter", "telegram", "france", "europe"}

// article makes a stored article with n claims (alternating two metrics, cycling through
// subjects) and one non-claim (a year).
func article(path, date, version string, n int) index.Article {
	day, _ := time.Parse("2006-01-02", date)
	a := index.Article{Path: path, Hash: index.ContentHash(path+version, date, "outlet", "ar", "title"), Date: date,
		Outlet: "outlet", Language: "ar", Title: "title of " + path, PackVersion: version, Mentions: []claim.Claim{}}
	for i := range n {
		value := float64(100 * (i + 1))
		a.Mentions = append(a.Mentions, claim.Claim{Article: path, Start: 10 * i, End: 10*i + 5, Line: 1, Col: 10*i + 1,
			Text: fmt.Sprintf("أكثر من %g حساب", value), Value: value, Interval: interval.Interval{Low: value, High: math.Inf(1), LowOpen: true},
			Qualifier: claim.MoreThan, IsClaim: true, Unit: "accounts", Metric: []string{"accounts_removed", "channels_closed"}[i%2],
			Subject: subjects[i%len(subjects)], Period: interval.Period{To: day, AsOf: true}, Sentence: "جملة فيها رقم",
			ArticleDate: day, Outlet: "outlet", Language: "ar"})
	}
	a.Mentions = append(a.Mentions, claim.Claim{Article: path, Start: 900, End: 904, Text: "2017", Value: 2017,
		Interval: interval.Exact(2017), Qualifier: claim.Exact, Kind: "year", ArticleDate: day})
	return a
}

// contract is the JSON of mentions, to compare claims (NaN and times included) as the
// reports print them.
func contract(mentions []claim.Claim) string {
	data, err := json.Marshal(mentions)
	Expect(err).NotTo(HaveOccurred())
	return string(data)
}

func open(dsn string) index.Store {
	store, err := index.Open(context.Background(), dsn)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(store.Close)
	return store
}

// One behaviour, one suite: every spec below runs against each backend, and again behind a
// Cache, which must not change what any query answers.
var _ = Describe("Store", func() {
	for _, backend := range indextest.Backends() {
		Context("on "+backend.Name, func() {
			describeStore(backend, open)
		})
		Context("on "+backend.Name+" behind a cache", func() {
			describeStore(backend, func(dsn string) index.Store {
				// A small cache, so that the specs also see buckets evicted and read again.
				return index.NewCache(open(dsn), 5)
			})
		})
	}
})

func describeStore(backend indextest.Backend, open func(dsn string) index.Store) {
	ctx := context.Background()
	var dsn string
	var store index.Store
	BeforeEach(func() {
		dsn = backend.NewDSN()
		store = open(dsn)
	})

	It("starts empty, at the current schema version", func() {
		status, err := store.Status(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(status.Backend).To(Equal(backend.Name))
		Expect(status.Articles).To(BeZero())
		Expect(status.PackVersions).To(BeEmpty())
		Expect(status.SchemaVersion).To(Equal(index.SchemaVersion))
		Expect(status.Bytes).To(BeNumerically(">", 0))
	})

	It("gives back every mention as it was stored, and counts them", func() {
		stored := []index.Article{article("b.txt", "2018-04-10", "v1", 6), article("a.txt", "2017-01-02", "v1", 3), article("c.txt", "", "v1", 0)}
		for _, a := range stored {
			Expect(store.Put(ctx, a)).To(Succeed())
		}
		got, err := store.Articles(ctx, nil)
		Expect(err).NotTo(HaveOccurred())
		Expect(got).To(HaveLen(3))
		Expect(got[0].Path).To(Equal("a.txt"))
		Expect(got[1].Title).To(Equal("title of b.txt"))
		Expect(contract(got[1].Mentions)).To(Equal(contract(stored[0].Mentions)))
		Expect(got[2].Mentions).NotTo(BeNil())
		Expect(got[2].Mentions).To(HaveLen(1))

		some, err := store.Articles(ctx, []string{"c.txt", "missing.txt"})
		Expect(err).NotTo(HaveOccurred())
		Expect(some).To(HaveLen(1))
		entries, err := store.Entries(ctx, nil)
		Expect(err).NotTo(HaveOccurred())
		Expect(entries).To(HaveLen(3))
		Expect(entries[1].Hash).To(Equal(stored[0].Hash))
		Expect(entries[1].Mentions).To(BeNil())

		status, err := store.Status(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(status.Articles).To(Equal(3))
		Expect(status.Claims).To(Equal(9))
		Expect(status.Mentions).To(Equal(12))
		Expect(status.PackVersions).To(Equal([]string{"v1"}))
	})

	It("replaces an article stored again under the same path", func() {
		Expect(store.Put(ctx, article("a.txt", "2017-01-02", "v1", 8))).To(Succeed())
		Expect(store.Put(ctx, article("a.txt", "2017-01-03", "v1", 2))).To(Succeed())
		status, err := store.Status(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(status.Articles).To(Equal(1))
		Expect(status.Claims).To(Equal(2))
		matches, err := store.Claims(ctx, index.Query{Metric: "accounts_removed"})
		Expect(err).NotTo(HaveOccurred())
		Expect(matches).To(HaveLen(1))
		Expect(matches[0].Article.Date).To(Equal("2017-01-03"))
	})

	It("refuses to mix pack versions, unless replacing for a rebuild", func() {
		Expect(store.Put(ctx, article("a.txt", "2017-01-02", "v1", 2))).To(Succeed())
		err := store.Put(ctx, article("b.txt", "2017-01-02", "v2", 2))
		var mismatch *index.PackMismatchError
		Expect(errors.As(err, &mismatch)).To(BeTrue())
		Expect(err.Error()).To(ContainSubstring("claimcheck index rebuild"))
		Expect(store.Replace(ctx, article("b.txt", "2017-01-02", "v2", 2))).To(Succeed())
		versions, err := store.PackVersions(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(versions).To(Equal([]string{"v1", "v2"}))
		// The only article of another version may itself be replaced: the index is then uniform.
		Expect(store.Put(ctx, article("a.txt", "2017-01-02", "v2", 2))).To(Succeed())
		versions, _ = store.PackVersions(ctx)
		Expect(versions).To(Equal([]string{"v2"}))
	})

	It("finds claims by metric, subjects and date, leaving out given articles", func() {
		Expect(store.Put(ctx, article("old.txt", "2015-05-05", "v1", 8))).To(Succeed())
		Expect(store.Put(ctx, article("new.txt", "2019-05-05", "v1", 8))).To(Succeed())
		all, err := store.Claims(ctx, index.Query{Metric: "accounts_removed"})
		Expect(err).NotTo(HaveOccurred())
		Expect(all).To(HaveLen(8))
		Expect(all[0].Article.Path).To(Equal("new.txt"))
		Expect(all[0].Claim.Start).To(BeNumerically("<", all[1].Claim.Start))
		subject, err := store.Claims(ctx, index.Query{Metric: "accounts_removed", Subjects: []string{"twitter"}})
		Expect(err).NotTo(HaveOccurred())
		Expect(subject).To(HaveLen(4))
		for _, m := range subject {
			Expect(m.Claim.Subject).To(Equal("twitter"))
			Expect(m.Claim.Metric).To(Equal("accounts_removed"))
		}
		recent, err := store.Claims(ctx, index.Query{Metric: "accounts_removed", Subjects: []string{"twitter", "france"}, Since: "2018-01-01"})
		Expect(err).NotTo(HaveOccurred())
		Expect(recent).To(HaveLen(4))
		Expect(recent[0].Article.Path).To(Equal("new.txt"))
		others, err := store.Claims(ctx, index.Query{Metric: "channels_closed", ExcludePaths: []string{"new.txt"}})
		Expect(err).NotTo(HaveOccurred())
		Expect(others).To(HaveLen(4))
		Expect(others[0].Claim.Article).To(Equal("old.txt"))
		none, err := store.Claims(ctx, index.Query{Metric: "no_such_metric"})
		Expect(err).NotTo(HaveOccurred())
		Expect(none).To(BeEmpty())
	})

	It("removes articles with their claims", func() {
		Expect(store.Put(ctx, article("a.txt", "2017-01-02", "v1", 4))).To(Succeed())
		Expect(store.Put(ctx, article("b.txt", "2017-01-02", "v1", 4))).To(Succeed())
		removed, err := store.Remove(ctx, []string{"a.txt", "missing.txt"})
		Expect(err).NotTo(HaveOccurred())
		Expect(removed).To(Equal(1))
		matches, err := store.Claims(ctx, index.Query{Metric: "accounts_removed"})
		Expect(err).NotTo(HaveOccurred())
		Expect(matches).To(HaveLen(2))
		Expect(matches[0].Article.Path).To(Equal("b.txt"))
	})

	It("keeps what it holds across reopening", func() {
		Expect(store.Put(ctx, article("a.txt", "2017-01-02", "v1", 4))).To(Succeed())
		Expect(store.Close()).To(Succeed())
		again := open(dsn)
		status, err := again.Status(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(status.Articles).To(Equal(1))
		Expect(status.Claims).To(Equal(4))
	})

	It("migrates an index of schema 1, keeping its articles", func() {
		Expect(store.Put(ctx, article("a.txt", "2017-01-02", "v1", 3))).To(Succeed())
		Expect(store.Close()).To(Succeed())
		driver := map[string]string{"sqlite": "sqlite", "postgres": "pgx"}[backend.Name]
		db, err := sql.Open(driver, dsn)
		Expect(err).NotTo(HaveOccurred())
		_, err = db.Exec("DROP TABLE runs")
		Expect(err).NotTo(HaveOccurred())
		_, err = db.Exec("DROP TABLE generation")
		Expect(err).NotTo(HaveOccurred())
		_, err = db.Exec("ALTER TABLE articles DROP COLUMN stamp")
		Expect(err).NotTo(HaveOccurred())
		_, err = db.Exec("UPDATE schema_version SET version = 1")
		Expect(err).NotTo(HaveOccurred())
		Expect(db.Close()).To(Succeed())

		again := open(dsn)
		status, err := again.Status(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(status.SchemaVersion).To(Equal(index.SchemaVersion))
		Expect(status.Articles).To(Equal(1))
		entries, err := again.Entries(ctx, []string{"a.txt"})
		Expect(err).NotTo(HaveOccurred())
		Expect(entries).To(HaveLen(1))
		Expect(entries[0].Stamp).To(BeEmpty(), "an article indexed before stamps is read again")
		Expect(again.SaveRun(ctx, "k", []byte("record"))).To(Succeed())
		Expect(again.SaveRun(ctx, "k", []byte("newer"))).To(Succeed())
		Expect(again.Run(ctx, "k")).To(Equal([]byte("newer")))
		Expect(again.Run(ctx, "missing")).To(BeNil())
		before, err := again.Generation(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(again.Put(ctx, article("b.txt", "2017-01-02", "v1", 1))).To(Succeed())
		Expect(again.Generation(ctx)).To(BeNumerically(">", before))
	})

	It("moves its generation with every write, and only then", func() {
		generation := func() int64 {
			value, err := store.Generation(ctx)
			Expect(err).NotTo(HaveOccurred())
			return value
		}
		start := generation()
		Expect(store.Put(ctx, article("a.txt", "2017-01-02", "v1", 2))).To(Succeed())
		afterPut := generation()
		Expect(afterPut).NotTo(Equal(start))
		_, err := store.Claims(ctx, index.Query{Metric: "accounts_removed"})
		Expect(err).NotTo(HaveOccurred())
		Expect(store.SaveRun(ctx, "k", []byte("record"))).To(Succeed())
		Expect(generation()).To(Equal(afterPut), "reads and run records change no claim")
		Expect(store.SetStamps(ctx, map[string]string{"a.txt": "stamp"})).To(Succeed())
		afterStamps := generation()
		Expect(afterStamps).NotTo(Equal(afterPut))
		Expect(store.Remove(ctx, []string{"a.txt"})).To(Equal(1))
		Expect(generation()).NotTo(Equal(afterStamps))
	})

	It("survives a writer killed mid-write: what was indexed stays, nothing is half written", func() {
		written := killWriterMidway(dsn)
		again := open(dsn)
		expectConsistent(again, written)
	})

	It("lets two writers add at once: every article is indexed once", func() {
		Expect(store.Close()).To(Succeed())
		addTogether(dsn, 2, 40)
		again := open(dsn)
		status, err := again.Status(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(status.Articles).To(Equal(40))
		expectConsistent(again, 40)
	})
}

// expectConsistent checks that the index holds at least `least` articles and that each
// article's claim rows are exactly its claims: no article is half written.
func expectConsistent(store index.Store, least int) {
	ctx := context.Background()
	articles, err := store.Articles(ctx, nil)
	Expect(err).NotTo(HaveOccurred())
	Expect(len(articles)).To(BeNumerically(">=", least))
	rows := map[string]int{}
	for _, metric := range []string{"accounts_removed", "channels_closed"} {
		matches, err := store.Claims(ctx, index.Query{Metric: metric})
		Expect(err).NotTo(HaveOccurred())
		for _, m := range matches {
			rows[m.Article.Path]++
		}
	}
	claims := 0
	for _, a := range articles {
		want := 0
		for _, m := range a.Mentions {
			if m.IsClaim && m.Metric != "" {
				want++
			}
		}
		Expect(rows[a.Path]).To(Equal(want), a.Path)
		claims += want
	}
	status, err := store.Status(ctx)
	Expect(err).NotTo(HaveOccurred())
	Expect(status.Claims).To(Equal(claims))
}
