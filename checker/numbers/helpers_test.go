package numbers_test

import (
	"math"

	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/normalize"
	"github.com/claimcheck/claimcheck/checker/numbers"
)

var scanner = numbers.New()

func scan(s string) []numbers.Quantity {
	return scanner.Scan(normalize.String(s), []rune(s))
}

var inf = math.Inf(1)

// want is the expected reading of one mention, found in the sentence by its exact text.
type want struct {
	text              string
	value             float64
	low, high         float64
	lowOpen, highOpen bool
	qual              claim.Qualifier
	isClaim           bool
	kind              string
	unit              string
	reading           string // substring of Reading; "" means Reading must be empty
}

func exact(text string, v float64) want {
	return want{text: text, value: v, low: v, high: v, qual: claim.Exact, isClaim: true}
}

func approx(text string, v, lo, hi float64) want {
	return want{text: text, value: v, low: lo, high: hi, qual: claim.Approx, isClaim: true}
}

func moreThan(text string, v float64) want {
	return want{text: text, value: v, low: v, high: inf, lowOpen: true, qual: claim.MoreThan, isClaim: true}
}

func atLeast(text string, v float64) want {
	return want{text: text, value: v, low: v, high: inf, qual: claim.AtLeast, isClaim: true}
}

func lessThan(text string, v float64) want {
	return want{text: text, value: v, low: 0, high: v, highOpen: true, qual: claim.LessThan, isClaim: true}
}

func atMost(text string, v float64) want {
	return want{text: text, value: v, low: 0, high: v, qual: claim.AtMost, isClaim: true}
}

func between(text string, lo, hi float64) want {
	return want{text: text, value: lo, low: lo, high: hi, qual: claim.Range, isClaim: true}
}

func vague(text string, lo, hi float64) want {
	return want{text: text, value: math.NaN(), low: lo, high: hi, qual: claim.Vague, isClaim: true}
}

func fraction(text string, share float64) want {
	return want{text: text, value: share, low: share, high: share, qual: claim.Fraction, isClaim: true, unit: "fraction"}
}

func not(text, kind string, v float64) want {
	return want{text: text, value: v, low: v, high: v, qual: claim.Exact, kind: kind}
}

func (w want) percent() want                 { w.unit = "percent"; return w }
func (w want) read(r string) want            { w.reading = r; return w }
func (w want) upTo(hi float64) want          { w.high = hi; return w }
func (w want) kindOf(k string) want          { w.kind, w.isClaim = k, false; return w }
func (w want) asQual(q claim.Qualifier) want { w.qual = q; return w }

// check finds the mention whose text is w.text and compares every field.
func check(sentence string, w want) {
	qs := scan(sentence)
	var found []numbers.Quantity
	for _, q := range qs {
		if q.Text == w.text {
			found = append(found, q)
		}
	}
	ExpectWithOffset(1, found).To(HaveLen(1), "mentions of %q in %q: %s", w.text, sentence, describe(qs))
	q := found[0]
	rs := []rune(sentence)
	ExpectWithOffset(1, string(rs[q.Start:q.End])).To(Equal(w.text))
	if math.IsNaN(w.value) {
		ExpectWithOffset(1, math.IsNaN(q.Value)).To(BeTrue(), "value %v", q.Value)
	} else {
		ExpectWithOffset(1, q.Value).To(BeNumerically("~", w.value, 1e-9), "value")
	}
	ExpectWithOffset(1, q.Interval.Low).To(BeNumerically("~", w.low, 1e-9), "low")
	if math.IsInf(w.high, 1) {
		ExpectWithOffset(1, math.IsInf(q.Interval.High, 1)).To(BeTrue(), "high %v", q.Interval.High)
	} else {
		ExpectWithOffset(1, q.Interval.High).To(BeNumerically("~", w.high, 1e-9), "high")
	}
	ExpectWithOffset(1, q.Interval.LowOpen).To(Equal(w.lowOpen), "low open")
	ExpectWithOffset(1, q.Interval.HighOpen).To(Equal(w.highOpen), "high open")
	ExpectWithOffset(1, q.Qualifier).To(Equal(w.qual), "qualifier")
	ExpectWithOffset(1, q.IsClaim).To(Equal(w.isClaim), "is claim")
	ExpectWithOffset(1, q.Kind).To(Equal(w.kind), "kind")
	ExpectWithOffset(1, q.Unit).To(Equal(w.unit), "unit")
	if w.reading == "" {
		ExpectWithOffset(1, q.Reading).To(BeEmpty(), "reading")
	} else {
		ExpectWithOffset(1, q.Reading).To(ContainSubstring(w.reading), "reading")
	}
	ExpectWithOffset(1, q.NormStart).To(BeNumerically("<=", q.NormEnd))
}

func describe(qs []numbers.Quantity) string {
	s := ""
	for _, q := range qs {
		s += "[" + q.Text + "|" + string(q.Qualifier) + "|" + q.Kind + "] "
	}
	return s
}

func (w want) asLow(lo float64) want { w.low = lo; return w }
func (w want) openLow() want         { w.lowOpen = true; return w }
