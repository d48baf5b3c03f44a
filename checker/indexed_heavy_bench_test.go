package checker_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/corpusgen"
	"github.com/claimcheck/claimcheck/checker/index"
)

// BenchmarkCheckAgainstIndexHeavy is the draft server's work per request without HTTP: a
// 1,000-word draft checked against a large claim index through a warm index.Cache, and the
// result marshalled to JSON. It needs an existing index and skips without one:
//
//	CLAIMCHECK_BENCH_INDEX       the index to read (opened for reading only; nothing is stored)
//	CLAIMCHECK_BENCH_DRAFTS_DIR  a folder of drafts (*.txt, front matter allowed), checked in
//	                             turn; default: 20 generated drafts (corpusgen seed 99)
func BenchmarkCheckAgainstIndexHeavy(b *testing.B) {
	dsn := os.Getenv("CLAIMCHECK_BENCH_INDEX")
	if dsn == "" {
		b.Skip("CLAIMCHECK_BENCH_INDEX is not set: no index to check drafts against")
	}
	c := benchChecker(b)
	ctx := context.Background()
	store, err := index.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	cache := index.NewCache(store, 0)
	var texts []string
	if dir := os.Getenv("CLAIMCHECK_BENCH_DRAFTS_DIR"); dir != "" {
		paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(paths) == 0 {
			b.Fatalf("CLAIMCHECK_BENCH_DRAFTS_DIR=%q: no *.txt drafts (%v)", dir, err)
		}
		sort.Strings(paths)
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	} else {
		generator := corpusgen.New(c.Pack(), 99, corpusgen.WithWords(1000, 1000))
		for i := range 20 {
			texts = append(texts, generator.Article(i).Text)
		}
	}
	drafts := make([]*checker.Extraction, len(texts))
	candidates, findings := 0, 0
	for i, text := range texts {
		if drafts[i], err = c.ExtractDraft(ctx, checker.Draft{Name: "draft", Text: strings.NewReader(text)}); err != nil {
			b.Fatal(err)
		}
		// Warm the cache: every bucket the draft asks for is read once, untimed.
		archive, err := c.ArchiveFromIndex(ctx, cache, drafts[i])
		if err != nil {
			b.Fatal(err)
		}
		candidates += len(archive.Mentions)
		result, err := c.CheckAgainstIndex(ctx, cache, drafts[i])
		if err != nil {
			b.Fatal(err)
		}
		findings += len(result.Findings)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		result, err := c.CheckAgainstIndex(ctx, cache, drafts[i%len(drafts)])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(result); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(candidates)/float64(len(drafts)), "candidates/draft")
	b.ReportMetric(float64(findings)/float64(len(drafts)), "findings/draft")
}
