package index_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/index/indextest"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// countingStore counts the claim reads that reach the store, and can hold them or fail them.
type countingStore struct {
	index.Store
	reads atomic.Int64
	hold  chan struct{} // when set, reads wait for it to close
	fail  atomic.Bool
}

func (s *countingStore) Claims(ctx context.Context, query index.Query) ([]*index.Match, error) {
	s.reads.Add(1)
	if s.hold != nil {
		<-s.hold
	}
	if s.fail.Load() {
		return nil, errors.New("the store is unreachable")
	}
	return s.Store.Claims(ctx, query)
}

var _ = Describe("Cache", func() {
	ctx := context.Background()
	for _, backend := range indextest.Backends() {
		It("sees what another process wrote at its next read, on "+backend.Name, func() {
			dsn := backend.NewDSN()
			cache := index.NewCache(open(dsn), 0)
			writer := open(dsn) // another connection pool: as another process would write
			Expect(writer.Put(ctx, article("a.txt", "2017-01-02", "v1", 8))).To(Succeed())
			query := index.Query{Metric: "accounts_removed", Subjects: []string{"twitter", "france"}}
			first, err := cache.Claims(ctx, query)
			Expect(err).NotTo(HaveOccurred())
			Expect(first).To(HaveLen(4))
			again, err := cache.Claims(ctx, query)
			Expect(err).NotTo(HaveOccurred())
			Expect(again).To(Equal(first))
			Expect(cache.Stats().Hits).To(BeEquivalentTo(2))

			Expect(writer.Put(ctx, article("b.txt", "2018-01-02", "v1", 4))).To(Succeed())
			after, err := cache.Claims(ctx, query)
			Expect(err).NotTo(HaveOccurred())
			Expect(after).To(HaveLen(6))
			Expect(after[len(after)-1].Article.Path).To(Equal("b.txt"))
			Expect(writer.Remove(ctx, []string{"a.txt"})).To(Equal(1))
			Expect(cache.Claims(ctx, query)).To(HaveLen(2))
		})
	}

	It("reads a bucket once for concurrent callers that miss it", func() {
		store := open(indextest.SQLiteDSN())
		Expect(store.Put(ctx, article("a.txt", "2017-01-02", "v1", 8))).To(Succeed())
		counting := &countingStore{Store: store, hold: make(chan struct{})}
		cache := index.NewCache(counting, 0)
		query := index.Query{Metric: "accounts_removed", Subjects: []string{"twitter"}}
		const callers = 20
		var wait sync.WaitGroup
		results := make([]int, callers)
		for i := range callers {
			wait.Add(1)
			go func() {
				defer GinkgoRecover()
				defer wait.Done()
				matches, err := cache.Claims(ctx, query)
				Expect(err).NotTo(HaveOccurred())
				results[i] = len(matches)
			}()
		}
		Eventually(func() int64 { s := cache.Stats(); return s.Hits + s.Misses }).Should(BeEquivalentTo(callers))
		close(counting.hold)
		wait.Wait()
		Expect(counting.reads.Load()).To(BeEquivalentTo(1))
		for _, n := range results {
			Expect(n).To(Equal(2))
		}
	})

	It("keeps no more claims than its bound, and forgets the least recently used bucket", func() {
		store := open(indextest.SQLiteDSN())
		Expect(store.Put(ctx, article("a.txt", "2017-01-02", "v1", 16))).To(Succeed())
		counting := &countingStore{Store: store}
		cache := index.NewCache(counting, 4) // each subject of accounts_removed holds 4 claims here
		twitter := index.Query{Metric: "accounts_removed", Subjects: []string{"twitter"}}
		france := index.Query{Metric: "accounts_removed", Subjects: []string{"france"}}
		Expect(cache.Claims(ctx, twitter)).To(HaveLen(4))
		Expect(cache.Claims(ctx, twitter)).To(HaveLen(4))
		Expect(counting.reads.Load()).To(BeEquivalentTo(1))
		Expect(cache.Claims(ctx, france)).To(HaveLen(4)) // twitter's bucket goes
		Expect(cache.Stats().Claims).To(Equal(4))
		Expect(cache.Claims(ctx, twitter)).To(HaveLen(4))
		Expect(counting.reads.Load()).To(BeEquivalentTo(3))

		all := index.Query{Metric: "accounts_removed"} // 8 claims: more than the bound, not kept
		Expect(cache.Claims(ctx, all)).To(HaveLen(8))
		Expect(cache.Claims(ctx, all)).To(HaveLen(8))
		Expect(counting.reads.Load()).To(BeEquivalentTo(5))
		Expect(cache.Stats().Claims).To(BeNumerically("<=", 4))
	})

	It("does not keep a failed read, and answers the next call from the store", func() {
		store := open(indextest.SQLiteDSN())
		Expect(store.Put(ctx, article("a.txt", "2017-01-02", "v1", 8))).To(Succeed())
		counting := &countingStore{Store: store}
		cache := index.NewCache(counting, 0)
		query := index.Query{Metric: "accounts_removed"}
		counting.fail.Store(true)
		_, err := cache.Claims(ctx, query)
		Expect(err).To(MatchError(ContainSubstring("unreachable")))
		counting.fail.Store(false)
		Expect(cache.Claims(ctx, query)).To(HaveLen(4))
	})

	It("finishes a shared read even when the caller that started it gives up", func() {
		store := open(indextest.SQLiteDSN())
		Expect(store.Put(ctx, article("a.txt", "2017-01-02", "v1", 8))).To(Succeed())
		counting := &countingStore{Store: store, hold: make(chan struct{})}
		cache := index.NewCache(counting, 0)
		query := index.Query{Metric: "accounts_removed"}
		cancelled, cancel := context.WithCancel(ctx)
		first := make(chan error, 1)
		go func() {
			_, err := cache.Claims(cancelled, query)
			first <- err
		}()
		Eventually(func() int64 { return counting.reads.Load() }).Should(BeEquivalentTo(1))
		second := make(chan int, 1)
		go func() {
			defer GinkgoRecover()
			matches, err := cache.Claims(ctx, query)
			Expect(err).NotTo(HaveOccurred())
			second <- len(matches)
		}()
		Eventually(func() int64 { return cache.Stats().Hits }).Should(BeEquivalentTo(1))
		cancel()
		close(counting.hold)
		Eventually(second).Should(Receive(Equal(4)))
		Eventually(first).Should(Receive())
	})
})
