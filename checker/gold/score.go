package gold

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
)

// Fields scored, in table order.
var Fields = []string{"detection", "is_claim", "kind", "value", "interval", "qualifier", "unit", "metric", "subject", "rate", "period"}

// Score is one field's counts: Correct of Predicted (non-null predictions) and of Gold
// (non-null gold values).
type Score struct {
	Correct, Predicted, Gold int
}

// Precision is Correct/Predicted (1 when nothing was predicted).
func (s Score) Precision() float64 { return ratio(s.Correct, s.Predicted) }

// Recall is Correct/Gold (1 when the gold has none).
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Miss is one disagreement, for reading what went wrong.
type Miss struct {
	File, Field, Text string
	Start             int
	Gold, Predicted   string
}

// Result is the scores of a run over the gold files.
type Result struct {
	Scores map[string]*Score
	Misses []Miss
	// Files and Mentions count what was scored.
	Files, Mentions int
}

// Extractor reads every mention of an article (claims and non-claims).
type Extractor func(file File) []claim.Claim

// Run extracts every gold file and scores the mentions.
func Run(files []File, extract Extractor) *Result {
	result := &Result{Scores: map[string]*Score{}}
	for _, f := range Fields {
		result.Scores[f] = &Score{}
	}
	for _, file := range files {
		result.Files++
		result.Mentions += len(file.Mentions)
		result.scoreFile(file, extract(file))
	}
	return result
}

// pair is an aligned gold and predicted mention.
type pair struct {
	gold      int
	predicted int
}

// align pairs gold and predicted mentions one to one by character overlap, largest overlap
// first, so that "بين 500 و550" is matched with its range and not with a stray "500".
func align(golds []Mention, predicted []claim.Claim) []pair {
	type candidate struct{ gold, predicted, overlap int }
	var candidates []candidate
	for g, m := range golds {
		for p, c := range predicted {
			overlap := min(m.End, c.End) - max(m.Start, c.Start)
			if overlap > 0 {
				candidates = append(candidates, candidate{g, p, overlap})
			}
		}
	}
	sort.SliceStable(candidates, func(i, j int) bool { return candidates[i].overlap > candidates[j].overlap })
	usedGold, usedPredicted := map[int]bool{}, map[int]bool{}
	var pairs []pair
	for _, c := range candidates {
		if usedGold[c.gold] || usedPredicted[c.predicted] {
			continue
		}
		usedGold[c.gold], usedPredicted[c.predicted] = true, true
		pairs = append(pairs, pair{c.gold, c.predicted})
	}
	return pairs
}

// view is a mention's fields as the gold vocabulary writes them; "" is null.
type view map[string]string

func (r *Result) scoreFile(file File, predicted []claim.Claim) {
	pairs := align(file.Mentions, predicted)
	goldViews := make([]view, len(file.Mentions))
	for i, m := range file.Mentions {
		goldViews[i] = goldView(m)
	}
	predictedViews := make([]view, len(predicted))
	for i, c := range predicted {
		predictedViews[i] = predictedView(c)
	}
	// Non-null counts: every mention's field, matched or not.
	for _, v := range goldViews {
		for _, f := range Fields {
			if v[f] != "" {
				r.Scores[f].Gold++
			}
		}
	}
	for _, v := range predictedViews {
		for _, f := range Fields {
			if v[f] != "" {
				r.Scores[f].Predicted++
			}
		}
	}
	matchedGold := map[int]bool{}
	for _, p := range pairs {
		matchedGold[p.gold] = true
		g, c := goldViews[p.gold], predictedViews[p.predicted]
		for _, f := range Fields {
			if g[f] != "" && same(f, g[f], c[f]) {
				r.Scores[f].Correct++
			} else if g[f] != "" || c[f] != "" {
				r.Misses = append(r.Misses, Miss{File: file.Path, Field: f, Text: file.Mentions[p.gold].Text, Start: file.Mentions[p.gold].Start, Gold: g[f], Predicted: c[f]})
			}
		}
	}
	for i, m := range file.Mentions {
		if !matchedGold[i] {
			r.Misses = append(r.Misses, Miss{File: file.Path, Field: "detection", Text: m.Text, Start: m.Start, Gold: "mention"})
		}
	}
	used := map[int]bool{}
	for _, p := range pairs {
		used[p.predicted] = true
	}
	for i, c := range predicted {
		if !used[i] {
			r.Misses = append(r.Misses, Miss{File: file.Path, Field: "detection", Text: c.Text, Start: c.Start, Predicted: "mention"})
		}
	}
}

func same(field, gold, predicted string) bool {
	if field == "value" || field == "interval" {
		return sameNumbers(gold, predicted)
	}
	return gold == predicted
}

// sameNumbers compares space-separated numbers within a relative 1e-3 (fractions are written
// 0.3333 in the gold); flags compare as words.
func sameNumbers(gold, predicted string) bool {
	a, b := strings.Fields(gold), strings.Fields(predicted)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		var x, y float64
		_, errX := fmt.Sscan(a[i], &x)
		_, errY := fmt.Sscan(b[i], &y)
		if errX != nil || errY != nil {
			if a[i] != b[i] {
				return false
			}
			continue
		}
		if math.Abs(x-y) > 1e-3*math.Max(1, math.Max(math.Abs(x), math.Abs(y))) {
			return false
		}
	}
	return true
}

// Claim fields (value, interval, qualifier, unit, metric, subject, rate, period) are scored on
// claims only: a year's "metric" means nothing. kind is scored on non-claims.
func goldView(m Mention) view {
	v := view{"detection": "mention", "is_claim": flag(m.IsClaim)}
	if !m.IsClaim {
		v["kind"] = deref(m.Kind)
		return v
	}
	if m.Value != nil {
		v["value"] = number(*m.Value)
	}
	v["interval"] = bounds(m.Low, m.High, m.LowOpen, m.HighOpen)
	v["qualifier"] = m.Qualifier
	v["unit"] = deref(m.Unit)
	v["metric"] = deref(m.Metric)
	v["subject"] = deref(m.Subject)
	v["rate"] = deref(m.Rate)
	if m.PeriodFrom != nil || m.PeriodTo != nil {
		v["period"] = deref(m.PeriodFrom) + ".." + deref(m.PeriodTo)
	}
	return v
}

func predictedView(c claim.Claim) view {
	v := view{"detection": "mention", "is_claim": flag(c.IsClaim)}
	if !c.IsClaim {
		v["kind"] = c.Kind
		return v
	}
	value, in := c.Value, c.Interval
	unit := ""
	switch {
	case c.Unit == "percent":
		unit = "percent"
	case c.Unit == "fraction":
		unit = "fraction"
	}
	// The extractor turns "ثلثهم" into the count it implies (a third of the 4,000); the gold
	// writes the share. Divide back: the share is the count over the whole.
	if c.Qualifier == claim.Fraction && c.Whole > 0 {
		value /= c.Whole
		in = in.Scale(1/c.Whole, 1/c.Whole)
		unit = "fraction"
	}
	if !math.IsNaN(value) && !math.IsInf(value, 0) {
		v["value"] = number(value)
	}
	var low, high *float64
	// A count's lower bound of 0 is no bound stated ("up to 3,000"): the gold writes null.
	upTo := c.Qualifier == claim.AtMost || c.Qualifier == claim.LessThan
	if !math.IsInf(in.Low, 0) && !(in.Low == 0 && upTo) {
		low = &in.Low
	}
	if !math.IsInf(in.High, 0) {
		high = &in.High
	}
	v["interval"] = bounds(low, high, in.LowOpen, in.HighOpen)
	v["qualifier"] = c.Qualifier
	v["unit"] = unit
	v["metric"] = c.Metric
	v["subject"] = c.Subject
	v["rate"] = c.Rate
	if c.Period.Known() && !c.Period.AsOf {
		to := c.Period.To
		// "since 2015" runs to the article's date; the gold writes only the start.
		if !to.IsZero() && to.Equal(c.ArticleDate) {
			to = time.Time{}
		}
		v["period"] = date(c.Period.From) + ".." + date(to)
	}
	return v
}

// flag makes is_claim a positive class: precision is the share of mentions read as claims
// that are claims, recall the share of claims read as claims.
func flag(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func number(v float64) string { return fmt.Sprintf("%g", v) }

func bounds(low, high *float64, lowOpen, highOpen bool) string {
	end := func(v *float64) string {
		if v == nil {
			return "null"
		}
		return number(*v)
	}
	return fmt.Sprintf("%s %s %v %v", end(low), end(high), lowOpen, highOpen)
}

// Table writes the scores as a Markdown table.
func (r *Result) Table(w io.Writer) {
	fmt.Fprintf(w, "%d files, %d gold mentions\n\n", r.Files, r.Mentions)
	fmt.Fprintln(w, "| field | precision | recall | F1 | correct | predicted | gold |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, f := range Fields {
		s := r.Scores[f]
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |\n", f, s.Precision(), s.Recall(), s.F1(), s.Correct, s.Predicted, s.Gold)
	}
}

// WriteMisses lists the disagreements of one field ("" for all).
func (r *Result) WriteMisses(w io.Writer, field string) {
	for _, m := range r.Misses {
		if field != "" && m.Field != field {
			continue
		}
		fmt.Fprintf(w, "%s:%d %s %q gold=%q predicted=%q\n", m.File, m.Start, m.Field, m.Text, m.Gold, m.Predicted)
	}
}
