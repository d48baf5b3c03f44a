package rules

import (
	"math"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
)

// Env is what a condition sees. Pair checks read a and b; group checks read whole and
// parts; claim checks read a.
//
// Claims are pointers so that reading one field does not copy the whole claim.
type Env struct {
	A     *claim.Claim   `expr:"a"`
	B     *claim.Claim   `expr:"b"`
	Whole *claim.Claim   `expr:"whole"`
	Parts []*claim.Claim `expr:"parts"`
	// Tolerance is the check's relative tolerance (the pack's default when not set).
	Tolerance       float64 `expr:"tolerance"`
	WorldPopulation float64 `expr:"world_population"`

	// machine is reused across evaluations (the engine runs one at a time).
	machine *vm.VM
}

// functions are the typed helpers conditions call. They close over the pack for the
// subject hierarchy and metric properties.
func (p *Pack) functions() []expr.Option {
	type Interval = interval.Interval
	type Claim = *claim.Claim
	return []expr.Option{
		expr.Function("disjoint", func(args ...any) (any, error) {
			return args[0].(Interval).Disjoint(args[1].(Interval)), nil
		}, new(func(Interval, Interval) bool)),
		expr.Function("overlaps", func(args ...any) (any, error) {
			return args[0].(Interval).Overlaps(args[1].(Interval)), nil
		}, new(func(Interval, Interval) bool)),
		expr.Function("within", func(args ...any) (any, error) {
			return args[0].(Interval).Within(args[1].(Interval)), nil
		}, new(func(Interval, Interval) bool)),
		expr.Function("below", func(args ...any) (any, error) {
			return args[0].(Interval).Before(args[1].(Interval)), nil
		}, new(func(Interval, Interval) bool)),
		expr.Function("widen", func(args ...any) (any, error) {
			return args[0].(Interval).Widen(args[1].(float64)), nil
		}, new(func(Interval, float64) Interval)),
		expr.Function("exact", func(args ...any) (any, error) {
			return interval.Exact(args[0].(float64)), nil
		}, new(func(float64) Interval)),
		expr.Function("gap", func(args ...any) (any, error) {
			return interval.Gap(args[0].(Interval), args[1].(Interval)), nil
		}, new(func(Interval, Interval) float64)),
		expr.Function("relativeGap", func(args ...any) (any, error) {
			return interval.RelativeGap(args[0].(Interval), args[1].(Interval)), nil
		}, new(func(Interval, Interval) float64)),
		expr.Function("convert", func(args ...any) (any, error) {
			c := args[0].(Claim)
			converted, _ := interval.ConvertRate(c.Interval, c.Rate, args[1].(string))
			return converted, nil
		}, new(func(Claim, string) Interval)),
		expr.Function("convertible", func(args ...any) (any, error) {
			_, ok := interval.ConvertRate(args[0].(Claim).Interval, args[0].(Claim).Rate, args[1].(Claim).Rate)
			return ok, nil
		}, new(func(Claim, Claim) bool)),
		expr.Function("sum", func(args ...any) (any, error) {
			parts := args[0].([]Claim)
			intervals := make([]Interval, len(parts))
			for i, c := range parts {
				intervals[i] = c.Interval
			}
			return interval.Sum(intervals...), nil
		}, new(func([]Claim) Interval)),
		expr.Function("product", func(args ...any) (any, error) {
			x, y := args[0].(Interval), args[1].(Interval)
			return interval.Interval{Low: x.Low * y.Low, High: x.High * y.High, LowOpen: x.LowOpen || y.LowOpen, HighOpen: x.HighOpen || y.HighOpen}, nil
		}, new(func(Interval, Interval) Interval)),
		expr.Function("describe", func(args ...any) (any, error) {
			return args[0].(Interval).Describe(), nil
		}, new(func(Interval) string)),
		expr.Function("number", func(args ...any) (any, error) {
			return interval.FormatNumber(args[0].(float64)), nil
		}, new(func(float64) string)),
		expr.Function("percent", func(args ...any) (any, error) {
			return interval.FormatNumber(math.Round(args[0].(float64)*100)) + "%", nil
		}, new(func(float64) string)),
		expr.Function("partOf", func(args ...any) (any, error) {
			return p.PartOf(args[0].(string), args[1].(string)), nil
		}, new(func(string, string) bool)),
		expr.Function("ancestors", func(args ...any) (any, error) {
			return p.Ancestors(args[0].(string)), nil
		}, new(func(string) []string)),
		expr.Function("cumulative", func(args ...any) (any, error) {
			m := p.Metric(args[0].(string))
			return m != nil && m.Cumulative, nil
		}, new(func(string) bool)),
		expr.Function("maximum", func(args ...any) (any, error) {
			if m := p.Metric(args[0].(string)); m != nil && m.Max > 0 {
				return m.Max, nil
			}
			return math.Inf(1), nil
		}, new(func(string) float64)),
		expr.Function("label", func(args ...any) (any, error) {
			return p.Label(args[0].(string)), nil
		}, new(func(string) string)),
		expr.Function("samePeriod", func(args ...any) (any, error) {
			return SamePeriod(*args[0].(Claim), *args[1].(Claim)), nil
		}, new(func(Claim, Claim) bool)),
		expr.Function("explicit", func(args ...any) (any, error) {
			return args[0].(Claim).Period.Explicit(), nil
		}, new(func(Claim) bool)),
		expr.Function("periodsOverlap", func(args ...any) (any, error) {
			return args[0].(Claim).Period.Overlaps(args[1].(Claim).Period), nil
		}, new(func(Claim, Claim) bool)),
		expr.Function("subperiod", func(args ...any) (any, error) {
			a, b := args[0].(Claim).Period, args[1].(Claim).Period
			return b.Contains(a) && !a.Same(b), nil
		}, new(func(Claim, Claim) bool)),
		expr.Function("asOf", func(args ...any) (any, error) {
			return AsOf(*args[0].(Claim)), nil
		}, new(func(Claim) time.Time)),
		expr.Function("before", func(args ...any) (any, error) {
			return args[0].(time.Time).Before(args[1].(time.Time)), nil
		}, new(func(time.Time, time.Time) bool)),
		expr.Function("daysBetween", func(args ...any) (any, error) {
			return interval.DaysBetween(args[0].(time.Time), args[1].(time.Time)), nil
		}, new(func(time.Time, time.Time) int)),
		expr.Function("date", func(args ...any) (any, error) {
			t := args[0].(time.Time)
			if t.IsZero() {
				return "an unknown date", nil
			}
			return t.Format("2 January 2006"), nil
		}, new(func(time.Time) string)),
		expr.Function("known", func(args ...any) (any, error) {
			return !args[0].(time.Time).IsZero(), nil
		}, new(func(time.Time) bool)),
		expr.Function("period", func(args ...any) (any, error) {
			return DescribePeriod(*args[0].(Claim)), nil
		}, new(func(Claim) string)),
	}
}

// SamePeriod reports whether two claims speak of the same time: the same stated period, or
// both "as of" the same day (the same article, or articles of one date).
func SamePeriod(a, b claim.Claim) bool {
	if a.Period.Explicit() && b.Period.Explicit() {
		return a.Period.Same(b.Period)
	}
	if a.Period.Explicit() || b.Period.Explicit() {
		return false
	}
	if a.Article == b.Article {
		return true
	}
	return !a.ArticleDate.IsZero() && a.ArticleDate.Equal(b.ArticleDate)
}

// AsOf is the day a claim's figure stands for: the end of its period, else the article date.
func AsOf(c claim.Claim) time.Time {
	if !c.Period.To.IsZero() {
		return c.Period.To
	}
	return c.ArticleDate
}

// DescribePeriod says in words what time a claim covers.
func DescribePeriod(c claim.Claim) string {
	p := c.Period
	switch {
	case p.Explicit():
		return p.From.Format("2 Jan 2006") + " – " + p.To.Format("2 Jan 2006")
	case !p.To.IsZero():
		return "as of " + p.To.Format("2 Jan 2006")
	case !c.ArticleDate.IsZero():
		return "as of " + c.ArticleDate.Format("2 Jan 2006")
	}
	return "at an unknown date"
}

// Label is the English label of a metric or entity id, else the id itself.
func (p *Pack) Label(id string) string {
	if m := p.metricByID[id]; m != nil && m.Labels["en"] != "" {
		return m.Labels["en"]
	}
	if e := p.entityByID[id]; e != nil && e.Labels["en"] != "" {
		return e.Labels["en"]
	}
	return id
}
