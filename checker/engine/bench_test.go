package engine_test

import (
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/engine"
	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/claimcheck/claimcheck/checker/rules"
	"github.com/claimcheck/claimcheck/checker/source"
	bundled "github.com/claimcheck/claimcheck/rules"
)

// defaultPack loads the bundled default pack.
func defaultPack(b *testing.B) *rules.Pack {
	sub, err := fs.Sub(bundled.FS, "default")
	if err != nil {
		b.Fatal(err)
	}
	pack, err := rules.Load(rules.Layer{FS: sub, Name: "rules/default"})
	if err != nil {
		b.Fatal(err)
	}
	return pack
}

// BenchmarkEngine checks generated claims with the default pack at three sizes, to show how
// time, pairs evaluated per claim and peak heap grow. `make bench` runs it; see README
// "Rule engine at scale".
func BenchmarkEngine(b *testing.B) {
	pack := defaultPack(b)
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			claims := generateClaims(pack, n, 1)
			runtime.GC()
			b.ReportAllocs()
			b.ResetTimer()
			var stats engine.Stats
			var found []claim.Finding
			peak := watchHeap()
			for range b.N {
				found, _, stats = engine.New(pack).Run(claims)
			}
			b.StopTimer()
			findings := len(found)
			// What stays live: the claims and the findings (garbage excluded).
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			runtime.KeepAlive(found)
			runtime.KeepAlive(claims)
			b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "live-heap-MB")
			b.ReportMetric(float64(stats.PairsEvaluated)/float64(stats.Claims), "pairs/claim")
			b.ReportMetric(float64(stats.Figures)/float64(stats.Claims), "figures/claim")
			b.ReportMetric(float64(findings), "findings")
			b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
		})
	}
}

// BenchmarkEngineFocused is a draft's check in the engine alone: generated archives of
// 10,000 and 100,000 claims with three articles (30 claims, a draft's share) in focus, run by
// RunFocused and by the engine before it skipped untouched blocks (ReferenceRunSelected), whose
// cost followed the archive.
func BenchmarkEngineFocused(b *testing.B) {
	pack := defaultPack(b)
	e := engine.New(pack)
	for _, n := range []int{10_000, 100_000} {
		claims := generateClaims(pack, n, 1)
		draft := map[string]bool{"archive/7.txt": true, "archive/" + strconv.Itoa(n/20) + ".txt": true, "archive/" + strconv.Itoa(n/10-3) + ".txt": true}
		focus := func(c *claim.Claim) bool { return draft[c.Article] }
		for _, run := range []struct {
			name string
			run  func([]claim.Claim, func(*claim.Claim) bool, func(*rules.Check) bool) ([]claim.Finding, source.ErrorList, engine.Stats)
		}{{"focused", e.RunSelected}, {"reference", e.ReferenceRunSelected}} {
			b.Run(fmt.Sprintf("claims=%d/%s", n, run.name), func(b *testing.B) {
				b.ReportAllocs()
				var found []claim.Finding
				var stats engine.Stats
				for range b.N {
					found, _, stats = run.run(claims, focus, nil)
				}
				b.ReportMetric(float64(len(found)), "findings")
				b.ReportMetric(float64(stats.PairsEvaluated), "pairs")
			})
		}
	}
}

// watchHeap samples the live heap until the returned function is called, which returns
// the peak seen (the generated claims included).
func watchHeap() func() uint64 {
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if m.HeapAlloc > peak.Load() {
			peak.Store(m.HeapAlloc)
		}
	}
	go func() {
		defer close(done)
		ticker := time.NewTicker(20 * time.Millisecond)
		defer ticker.Stop()
		for {
			select {
			case <-stop:
				return
			case <-ticker.C:
				sample()
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		sample()
		return peak.Load()
	}
}

// zipf picks index i of n with probability ∝ 1/(i+1)^s: a few big subjects, a long tail.
type zipf struct{ cumulative []float64 }

func newZipf(n int, s float64) *zipf {
	z := &zipf{cumulative: make([]float64, n)}
	total := 0.0
	for i := range n {
		total += 1 / math.Pow(float64(i+1), s)
		z.cumulative[i] = total
	}
	for i := range z.cumulative {
		z.cumulative[i] /= total
	}
	return z
}

func (z *zipf) pick(r *rand.Rand) int {
	x := r.Float64()
	lo, hi := 0, len(z.cumulative)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if z.cumulative[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// generateClaims makes n claims the way an archive states them: ten per article, articles
// spread over six years, metrics and subjects Zipf-distributed, most figures repeating a
// "true" value per metric, subject and period (news repeat figures), some approximate,
// some with a rate, a few misprints; cumulative counts grow over time.
func generateClaims(pack *rules.Pack, n int, seed uint64) []claim.Claim {
	r := rand.New(rand.NewPCG(seed, seed*7+1))
	type target struct {
		metric   *rules.Metric
		subjects []string
	}
	var targets []target
	for _, m := range pack.Metrics {
		t := target{metric: m}
		for _, e := range pack.Entities {
			for _, kind := range m.SubjectKinds {
				if e.Kind == kind {
					t.subjects = append(t.subjects, e.ID)
				}
			}
		}
		if len(t.subjects) > 0 {
			targets = append(targets, t)
		}
	}
	// Sizes follow the hierarchy: a leaf has its own size, a region a bit more than the sum
	// of its parts, so that only the injected disagreements make part-whole findings.
	children := map[string][]string{}
	for _, e := range pack.Entities {
		if e.PartOf != "" {
			children[e.PartOf] = append(children[e.PartOf], e.ID)
		}
	}
	size := map[string]float64{}
	var sizeOf func(id string) float64
	sizeOf = func(id string) float64 {
		if v, ok := size[id]; ok {
			return v
		}
		v := float64(1+hash(id)%9) * 100
		for _, child := range children[id] {
			v += sizeOf(child) * 1.3
		}
		size[id] = math.Round(v/100) * 100
		return size[id]
	}
	metricPick := newZipf(len(targets), 1.1)
	subjectPicks := map[int]*zipf{}
	start := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)
	outlets := []string{"wire", "daily", "weekly", "broadcaster", "blog"}
	claims := make([]claim.Claim, 0, n)
	var article string
	var date time.Time
	var outlet string
	for i := range n {
		if i%10 == 0 {
			article = "archive/" + strconv.Itoa(i/10) + ".txt"
			date = start.AddDate(0, 0, r.IntN(6*365))
			outlet = outlets[r.IntN(len(outlets))]
		}
		ti := metricPick.pick(r)
		t := targets[ti]
		if subjectPicks[ti] == nil {
			subjectPicks[ti] = newZipf(len(t.subjects), 1.2)
		}
		subject := t.subjects[subjectPicks[ti].pick(r)]
		c := claim.Claim{
			Article: article, Start: (i % 10) * 120, Line: 1 + i%10, Col: 5, IsClaim: true,
			Metric: t.metric.ID, Subject: subject, Unit: t.metric.Unit, ArticleDate: date, Outlet: outlet,
			Qualifier: claim.Exact, Sentence: "generated", SentenceStart: (i % 10) * 120,
		}
		// The true value depends on metric and subject (and, for stated periods, the year).
		base := sizeOf(subject) * float64(1+hash(t.metric.ID)%5)
		percent := t.metric.Unit == "percent"
		if percent {
			base = float64(5 + hash(t.metric.ID+subject)%60)
		}
		var value float64
		switch {
		case t.metric.Cumulative:
			// Grows over time; reports are rounded to the hundred.
			value = math.Round(base*(1+float64(date.Sub(start).Hours()/24)/700)/100) * 100
		case r.IntN(10) < 3:
			y := 2014 + r.IntN(6)
			c.Period = interval.Period{From: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)}
			value = base
			if !percent {
				value *= float64(1 + y%3)
			}
		default:
			value = base
		}
		switch x := r.IntN(100); {
		case x < 2 && !percent:
			value *= 2 // a disagreeing source, copied by others
		case x < 12 && !percent:
			c.Rate = interval.Rate("day")
			value = math.Max(1, math.Round(value/30))
		}
		c.Value = value
		c.Interval = interval.Exact(value)
		if r.IntN(10) == 0 {
			c.Qualifier = claim.Approx
			c.Interval = interval.Interval{Low: value * 0.9, High: value * 1.1}
		}
		c.Text = strconv.FormatFloat(value, 'f', -1, 64)
		c.End = c.Start + len(c.Text)
		claims = append(claims, c)
	}
	return claims
}

func hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
