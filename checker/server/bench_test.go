package server_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/corpusgen"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/internal/benchdata"
	"github.com/claimcheck/claimcheck/checker/server"
)

// benchClients is how many clients send drafts at once.
const benchClients = 20

// BenchmarkServer measures throughput and latency of POST /v1/check for a 1,000-word draft,
// 20 clients at once over loopback. The archive is the seeds unless CLAIMCHECK_BENCH_ARCHIVE
// lists other paths (comma-separated), CLAIMCHECK_BENCH_ARTICLES=N asks for the index
// benchmarks' generated archive of N articles (built or reused, indexed in SQLite, with its
// generated draft; `make bench-server`), or CLAIMCHECK_BENCH_INDEX names a claim index (an
// SQLite file or a postgres:// URL, built with the same packs: `claimcheck index add`), which
// is opened once and queried for each draft's candidates through an index.Cache, as `serve
// --index` does (CLAIMCHECK_BENCH_CACHE=0: without the cache, every request reads its
// candidates). The draft is 1,000 words of the seeds unless CLAIMCHECK_BENCH_DRAFT names a file
// or CLAIMCHECK_BENCH_DRAFTS=N asks for N different generated drafts, sent in turn (many
// editors at once); CLAIMCHECK_BENCH_WARM=1 sends each draft once before timing.
func BenchmarkServer(b *testing.B) {
	c, err := checker.New(checker.WithRules(os.DirFS("../../rules/default"), "rules/default"))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var archive server.Archive
	var articles int
	dsn := os.Getenv("CLAIMCHECK_BENCH_INDEX")
	generatedDraft := ""
	if n, err := strconv.Atoi(os.Getenv("CLAIMCHECK_BENCH_ARTICLES")); err == nil && n > 0 && dsn == "" {
		// The index benchmarks' generated archive and its SQLite index, built once (minutes at
		// 100,000 articles) and kept in CLAIMCHECK_BENCH_DIR, with their 1,000-word draft.
		dir := os.Getenv("CLAIMCHECK_BENCH_DIR")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "claimcheck-bench")
		}
		_, paths, err := benchdata.Corpus(dir, c, "archive", n)
		if err != nil {
			b.Fatal(err)
		}
		dsn = benchdata.SQLite(dir, c, "archive", n)
		if err := benchdata.EnsureIndex(ctx, c, dsn, paths, func() error { return benchdata.RemoveSQLite(dsn) }); err != nil {
			b.Fatal(err)
		}
		generatedDraft = benchdata.Draft(c)
	}
	if dsn != "" {
		opened, err := index.Open(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		defer opened.Close()
		store := index.Store(index.NewCache(opened, index.DefaultCacheClaims))
		if os.Getenv("CLAIMCHECK_BENCH_CACHE") == "0" {
			store = opened
		}
		if err := c.VerifyIndex(ctx, store); err != nil {
			b.Fatal(err)
		}
		status, err := store.Status(ctx)
		if err != nil {
			b.Fatal(err)
		}
		articles = status.Articles
		archive = server.Indexed(c, store)
	} else {
		paths := []string{"../../seeds"}
		if list := os.Getenv("CLAIMCHECK_BENCH_ARCHIVE"); list != "" {
			paths = strings.Split(list, ",")
		}
		read, err := c.Extract(ctx, paths)
		if err != nil {
			b.Fatal(err)
		}
		articles = len(read.Articles)
		archive = server.Static(c, read)
	}
	ts := httptest.NewServer(server.New(c, archive).Handler())
	defer ts.Close()
	texts := []string{benchDraft(b, 1000)}
	if generatedDraft != "" {
		texts = []string{generatedDraft}
	}
	if path := os.Getenv("CLAIMCHECK_BENCH_DRAFT"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		texts = []string{string(data)}
	}
	if n := os.Getenv("CLAIMCHECK_BENCH_DRAFTS"); n != "" {
		// Many editors at once: n different generated drafts, sent in turn, so that requests
		// also meet buckets no earlier draft asked for.
		count, err := strconv.Atoi(n)
		if err != nil || count < 1 {
			b.Fatalf("CLAIMCHECK_BENCH_DRAFTS=%q: expected a count", n)
		}
		generator := corpusgen.New(c.Pack(), 99, corpusgen.WithWords(1000, 1000))
		texts = texts[:0]
		for i := range count {
			texts = append(texts, generator.Article(i).Text)
		}
	}
	var sent atomic.Int64
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: benchClients}}
	defer client.CloseIdleConnections()

	if os.Getenv("CLAIMCHECK_BENCH_WARM") == "1" {
		// A server that has run a while: every draft sent once before the clock starts, so
		// the figures leave out the first reads of the index into the cache.
		for _, text := range texts {
			response, err := client.Post(ts.URL+"/v1/check?date=2018-05-01", "text/plain", strings.NewReader(text))
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, response.Body)
			response.Body.Close()
		}
	}
	latencies := make([]time.Duration, 0, b.N)
	var mutex sync.Mutex
	jobs := make(chan struct{})
	var wait sync.WaitGroup
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < benchClients; i++ {
		wait.Add(1)
		go func() {
			defer wait.Done()
			for range jobs {
				text := texts[int(sent.Add(1)-1)%len(texts)]
				start := time.Now()
				response, err := client.Post(ts.URL+"/v1/check?date=2018-05-01", "text/plain", strings.NewReader(text))
				if err != nil {
					b.Error(err)
					continue
				}
				io.Copy(io.Discard, response.Body)
				response.Body.Close()
				if response.StatusCode != http.StatusOK {
					b.Errorf("status %d", response.StatusCode)
				}
				took := time.Since(start)
				mutex.Lock()
				latencies = append(latencies, took)
				mutex.Unlock()
			}
		}()
	}
	for i := 0; i < b.N; i++ {
		jobs <- struct{}{}
	}
	close(jobs)
	wait.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	percentile := func(p float64) float64 {
		return float64(latencies[min(int(p*float64(len(latencies))), len(latencies)-1)]) / float64(time.Millisecond)
	}
	b.ReportMetric(percentile(0.50), "p50-ms")
	b.ReportMetric(percentile(0.99), "p99-ms")
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(articles), "archive-articles")
}

// benchDraft builds an n-word draft from the seed articles' own words.
func benchDraft(tb testing.TB, n int) string {
	tb.Helper()
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seed articles: %v", err)
	}
	var words []string
	for len(words) < n {
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				tb.Fatal(err)
			}
			words = append(words, strings.Fields(string(data))...)
		}
	}
	return strings.Join(words[:n], " ")
}
