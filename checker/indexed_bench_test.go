package checker_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/internal/benchdata"
)

// Claim index benchmarks (README, "Claim index"). Sizes come from the environment so that
// `make bench` stays quick and a full run is one variable away:
//
//	CLAIMCHECK_BENCH_ARTICLES  archive size for the build and the draft check (default 2000; full 100000)
//	CLAIMCHECK_BENCH_RECHECK   corpus size for the re-check after one change (default 1000; full 10000)
//	CLAIMCHECK_TEST_POSTGRES   a PostgreSQL DSN; without it the PostgreSQL cases skip
//	CLAIMCHECK_BENCH_DIR       where generated corpora and indexes are kept between runs (default $TMPDIR/claimcheck-bench)

func benchSize(name string, fallback int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return fallback
}

func benchDir(b *testing.B) string {
	dir := os.Getenv("CLAIMCHECK_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "claimcheck-bench")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchChecker(b *testing.B) *checker.Checker {
	c, err := checker.New(checker.WithRules(os.DirFS("../rules/default"), "rules/default"))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// benchCorpus generates n articles once and keeps them.
func benchCorpus(b *testing.B, c *checker.Checker, name string, n int) (string, []string) {
	dir, paths, err := benchdata.Corpus(benchDir(b), c, name, n)
	if err != nil {
		b.Fatal(err)
	}
	return dir, paths
}

// benchDSN is the index location of one backend and name; fresh empties it first.
func benchDSN(b *testing.B, backend, name string, fresh bool) string {
	if backend == "sqlite" {
		path := filepath.Join(benchDir(b), name+".db")
		if fresh {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(path + suffix)
			}
		}
		return path
	}
	server := os.Getenv("CLAIMCHECK_TEST_POSTGRES")
	if server == "" {
		b.Skip("CLAIMCHECK_TEST_POSTGRES is not set: PostgreSQL benchmarks skipped")
	}
	db, err := sql.Open("pgx", server)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	schema := "claimcheck_bench_" + name
	if fresh {
		db.Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE")
	}
	if _, err := db.Exec("CREATE SCHEMA IF NOT EXISTS " + schema); err != nil {
		b.Skipf("PostgreSQL unreachable: %v", err)
	}
	u, err := url.Parse(server)
	if err != nil {
		b.Fatal(err)
	}
	query := u.Query()
	query.Set("search_path", schema)
	u.RawQuery = query.Encode()
	return u.String()
}

// fill indexes paths in chunks, so that memory stays bounded on large corpora.
func fill(b *testing.B, c *checker.Checker, store index.Store, paths []string) {
	if err := benchdata.Fill(context.Background(), c, store, paths); err != nil {
		b.Fatal(err)
	}
}

// ensureIndex returns an index of paths, building it (untimed) unless it already holds them.
func ensureIndex(b *testing.B, c *checker.Checker, backend, name string, paths []string) string {
	dsn := benchDSN(b, backend, name, false)
	reset := func() error { benchDSN(b, backend, name, true); return nil }
	if err := benchdata.EnsureIndex(context.Background(), c, dsn, paths, reset); err != nil {
		b.Fatal(err)
	}
	return dsn
}

func reportMedian(b *testing.B, durations []time.Duration) {
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	b.ReportMetric(float64(durations[len(durations)/2].Microseconds())/1000, "ms-median")
}

// cpuTime is the process's user and system CPU time: on a machine shared with other work it
// tells the cost of an operation apart from the wait for a core.
func cpuTime() time.Duration {
	var usage syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &usage)
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}

func reportCPU(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkIndexBuild indexes the generated archive from empty: articles/s with every core
// extracting, and bytes on disk per article.
func BenchmarkIndexBuild(b *testing.B) {
	n := benchSize("CLAIMCHECK_BENCH_ARTICLES", 2000)
	c := benchChecker(b)
	_, paths := benchCorpus(b, c, "archive", n)
	for _, backend := range []string{"sqlite", "postgres"} {
		b.Run(backend, func(b *testing.B) {
			b.ReportAllocs()
			var status index.Status
			var elapsed time.Duration
			for range b.N {
				dsn := benchDSN(b, backend, fmt.Sprintf("archive%dv%s", n, corpusVersion(c)), true)
				start := time.Now()
				store, err := index.Open(context.Background(), dsn)
				if err != nil {
					b.Fatal(err)
				}
				fill(b, c, store, paths)
				elapsed += time.Since(start)
				if status, err = store.Status(context.Background()); err != nil {
					b.Fatal(err)
				}
				store.Close()
			}
			b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "articles/s")
			b.ReportMetric(float64(status.Bytes)/float64(n), "B/article")
			b.ReportMetric(float64(status.Claims)/float64(n), "claims/article")
		})
	}
}

// BenchmarkIndexCheckDraft checks one 1,000-word article against the indexed archive:
// opening the index, extracting the draft, fetching its candidates and running the checks.
func corpusVersion(c *checker.Checker) string { return benchdata.Version(c) }

func BenchmarkIndexCheckDraft(b *testing.B) {
	n := benchSize("CLAIMCHECK_BENCH_ARTICLES", 2000)
	c := benchChecker(b)
	_, paths := benchCorpus(b, c, "archive", n)
	draftPath := filepath.Join(benchDir(b), "draft.txt")
	if err := os.WriteFile(draftPath, []byte(benchdata.Draft(c)), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, backend := range []string{"sqlite", "postgres"} {
		b.Run(backend, func(b *testing.B) {
			dsn := ensureIndex(b, c, backend, fmt.Sprintf("archive%dv%s", n, corpusVersion(c)), paths)
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			var durations []time.Duration
			var candidates, findings int
			var cpu time.Duration
			for range b.N {
				start, startCPU := time.Now(), cpuTime()
				store, err := index.Open(ctx, dsn)
				if err != nil {
					b.Fatal(err)
				}
				extraction, err := c.Extract(ctx, []string{draftPath})
				if err != nil {
					b.Fatal(err)
				}
				// CheckAgainstIndex in its two steps, to count the candidates fetched.
				archive, err := c.ArchiveFromIndex(ctx, store, extraction)
				if err != nil {
					b.Fatal(err)
				}
				result, err := c.CheckDraft(ctx, extraction, archive)
				if err != nil {
					b.Fatal(err)
				}
				candidates = len(archive.Mentions)
				findings = len(result.Findings)
				store.Close()
				durations, cpu = append(durations, time.Since(start)), cpu+cpuTime()-startCPU
			}
			reportMedian(b, durations)
			reportCPU(b, cpu)
			b.ReportMetric(float64(candidates), "candidates")
			b.ReportMetric(float64(findings), "findings")
		})
	}
}

// recheckEdits makes every edit of the re-check benchmark new, across backends and runs.
var recheckEdits = int(time.Now().UnixNano() % 1000000)

// BenchmarkIndexRecheck re-checks an indexed corpus after one article changed: every file is
// read and hashed, one is extracted again, the rest come from the index, then the checks run.
func BenchmarkIndexRecheck(b *testing.B) {
	n := benchSize("CLAIMCHECK_BENCH_RECHECK", 1000)
	c := benchChecker(b)
	dir, paths := benchCorpus(b, c, "recheck", n)
	original, err := os.ReadFile(paths[0])
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(paths[0], original, 0o644) })
	for _, backend := range []string{"sqlite", "postgres"} {
		b.Run(backend, func(b *testing.B) {
			dsn := ensureIndex(b, c, backend, fmt.Sprintf("recheck%dv%s", n, corpusVersion(c)), paths)
			ctx := context.Background()
			// The corpus was checked once before (that run's findings are what a re-check updates).
			warm, err := index.Open(ctx, dsn)
			if err != nil {
				b.Fatal(err)
			}
			if _, _, err := c.CheckIndexed(ctx, warm, []string{dir}); err != nil {
				b.Fatal(err)
			}
			warm.Close()
			b.ReportAllocs()
			b.ResetTimer()
			var durations []time.Duration
			var cpu time.Duration
			for range b.N {
				b.StopTimer()
				recheckEdits++
				text := fmt.Sprintf("%s\nAccording to Reuters, Telegram closed %d channels in 2016.\n", original, 100+recheckEdits)
				if err := os.WriteFile(paths[0], []byte(text), 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				start, startCPU := time.Now(), cpuTime()
				store, err := index.Open(ctx, dsn)
				if err != nil {
					b.Fatal(err)
				}
				_, stats, err := c.CheckIndexed(ctx, store, []string{dir})
				if err != nil {
					b.Fatal(err)
				}
				store.Close()
				durations, cpu = append(durations, time.Since(start)), cpu+cpuTime()-startCPU
				if stats.Extracted != 1 || !stats.Incremental {
					b.Fatalf("%+v: want one article extracted and an incremental check", stats)
				}
			}
			reportMedian(b, durations)
			reportCPU(b, cpu)
		})
	}
}
