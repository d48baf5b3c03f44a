package numbers

// TEMPORARY: replaced by the grammar on the numbers branch.

import (
	"strconv"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/claimcheck/claimcheck/checker/normalize"
)

type Scanner struct{ tolerance float64 }
type Option func(*Scanner)

func WithApproxTolerance(t float64) Option { return func(s *Scanner) { s.tolerance = t } }
func New(opts ...Option) *Scanner {
	s := &Scanner{tolerance: 0.1}
	for _, o := range opts {
		o(s)
	}
	return s
}
func (s *Scanner) Scan(text *normalize.Text, original []rune) []Quantity {
	var out []Quantity
	r := text.Runes
	for i := 0; i < len(r); i++ {
		if r[i] < '0' || r[i] > '9' {
			continue
		}
		j := i
		for j < len(r) && r[j] >= '0' && r[j] <= '9' {
			j++
		}
		v, _ := strconv.ParseFloat(string(r[i:j]), 64)
		q := Quantity{Start: text.Original(i), End: text.Original(j), NormStart: i, NormEnd: j, Value: v, Interval: interval.Exact(v), Qualifier: claim.Exact, IsClaim: true}
		if v >= 1990 && v <= 2030 {
			q.IsClaim, q.Kind = false, "year"
		}
		q.Text = string(original[q.Start:q.End])
		out = append(out, q)
		i = j
	}
	return out
}
