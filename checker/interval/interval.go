package interval

import (
	"math"
	"strconv"
	"strings"
)

// Interval is a set of values [Low, High]. An unbounded end is ±Inf; an open end excludes
// its bound, so "more than 5,000" is (5000, +Inf).
type Interval struct {
	Low      float64 `json:"low" expr:"low"`
	High     float64 `json:"high" expr:"high"`
	LowOpen  bool    `json:"low_open,omitempty" expr:"low_open"`
	HighOpen bool    `json:"high_open,omitempty" expr:"high_open"`
}

// Exact is the point interval [v, v].
func Exact(v float64) Interval { return Interval{Low: v, High: v} }

// Between is the closed interval [low, high], swapping the ends when given backwards.
func Between(low, high float64) Interval {
	if low > high {
		low, high = high, low
	}
	return Interval{Low: low, High: high}
}

// Approx is v widened by the relative tolerance on both sides: Approx(130, 0.1) is [117, 143].
func Approx(v, tolerance float64) Interval {
	d := math.Abs(v) * tolerance
	return Interval{Low: v - d, High: v + d}
}

// MoreThan is (v, +Inf).
func MoreThan(v float64) Interval { return Interval{Low: v, High: math.Inf(1), LowOpen: true} }

// AtLeast is [v, +Inf).
func AtLeast(v float64) Interval { return Interval{Low: v, High: math.Inf(1)} }

// LessThan is [0, v): counts are never negative.
func LessThan(v float64) Interval { return Interval{Low: 0, High: v, HighOpen: true} }

// AtMost is [0, v].
func AtMost(v float64) Interval { return Interval{Low: 0, High: v} }

// Unknown is [0, +Inf): a count about which nothing is known.
func Unknown() Interval { return Interval{Low: 0, High: math.Inf(1)} }

// IsPoint reports whether the interval holds exactly one value.
func (i Interval) IsPoint() bool { return i.Low == i.High && !i.LowOpen && !i.HighOpen }

// Bounded reports whether both ends are finite.
func (i Interval) Bounded() bool { return !math.IsInf(i.Low, 0) && !math.IsInf(i.High, 0) }

// Contains reports whether v lies in the interval.
func (i Interval) Contains(v float64) bool {
	above := v > i.Low || (v == i.Low && !i.LowOpen)
	below := v < i.High || (v == i.High && !i.HighOpen)
	return above && below
}

// Before reports whether every value of i is below every value of j.
func (i Interval) Before(j Interval) bool {
	return i.High < j.Low || (i.High == j.Low && (i.HighOpen || j.LowOpen))
}

// Disjoint reports whether no value lies in both intervals.
func (i Interval) Disjoint(j Interval) bool { return i.Before(j) || j.Before(i) }

// Overlaps reports whether some value lies in both intervals.
func (i Interval) Overlaps(j Interval) bool { return !i.Disjoint(j) }

// Within reports whether i lies entirely inside j.
func (i Interval) Within(j Interval) bool {
	lowOK := i.Low > j.Low || (i.Low == j.Low && (!j.LowOpen || i.LowOpen))
	highOK := i.High < j.High || (i.High == j.High && (!j.HighOpen || i.HighOpen))
	return lowOK && highOK
}

// Add is the interval of x+y for x in i and y in j.
func (i Interval) Add(j Interval) Interval {
	return Interval{Low: i.Low + j.Low, High: i.High + j.High, LowOpen: i.LowOpen || j.LowOpen, HighOpen: i.HighOpen || j.HighOpen}
}

// Scale multiplies a non-negative interval by the non-negative factor range [low, high].
func (i Interval) Scale(low, high float64) Interval {
	return Interval{Low: mul(i.Low, low), High: mul(i.High, high), LowOpen: i.LowOpen, HighOpen: i.HighOpen}
}

// mul treats 0×Inf as 0: a factor of zero empties even an unbounded count.
func mul(a, b float64) float64 {
	if a == 0 || b == 0 {
		return 0
	}
	return a * b
}

// Sum adds intervals; the sum of none is [0, 0].
func Sum(intervals ...Interval) Interval {
	total := Exact(0)
	for _, i := range intervals {
		total = total.Add(i)
	}
	return total
}

// Gap is the distance between two disjoint intervals, 0 when they overlap.
func Gap(i, j Interval) float64 {
	switch {
	case i.Before(j):
		return j.Low - i.High
	case j.Before(i):
		return i.Low - j.High
	}
	return 0
}

// RelativeGap is Gap divided by the larger of the two nearest ends, so that 3,000 against
// more than 5,000 is 0.4. It is 0 when they overlap.
func RelativeGap(i, j Interval) float64 {
	gap := Gap(i, j)
	if gap == 0 {
		return 0
	}
	var far float64
	if i.Before(j) {
		far = j.Low
	} else {
		far = i.Low
	}
	if far == 0 {
		return math.Inf(1)
	}
	return gap / math.Abs(far)
}

// Widen grows a bounded interval by the relative tolerance on each side; comparisons with a
// tolerance use it so that rounding in one outlet is not a contradiction.
func (i Interval) Widen(tolerance float64) Interval {
	if tolerance <= 0 {
		return i
	}
	out := i
	if !math.IsInf(i.Low, 0) {
		out.Low = i.Low - math.Abs(i.Low)*tolerance
	}
	if !math.IsInf(i.High, 0) {
		out.High = i.High + math.Abs(i.High)*tolerance
	}
	return out
}

// String renders the interval in mathematical notation with readable numbers:
// [1,680, 1,860], (5,000, ∞).
func (i Interval) String() string {
	if i.IsPoint() {
		return FormatNumber(i.Low)
	}
	var b strings.Builder
	if i.LowOpen {
		b.WriteByte('(')
	} else {
		b.WriteByte('[')
	}
	b.WriteString(FormatNumber(i.Low))
	b.WriteString(", ")
	b.WriteString(FormatNumber(i.High))
	if i.HighOpen || math.IsInf(i.High, 1) {
		b.WriteByte(')')
	} else {
		b.WriteByte(']')
	}
	return b.String()
}

// Describe renders the interval in words an editor reads: "more than 5,000", "1,680–1,860".
func (i Interval) Describe() string {
	switch {
	case i.IsPoint():
		return FormatNumber(i.Low)
	case math.IsInf(i.High, 1) && i.LowOpen:
		return "more than " + FormatNumber(i.Low)
	case math.IsInf(i.High, 1):
		return "at least " + FormatNumber(i.Low)
	case i.Low <= 0 && i.HighOpen:
		return "fewer than " + FormatNumber(i.High)
	case i.Low <= 0:
		return "at most " + FormatNumber(i.High)
	}
	return FormatNumber(i.Low) + "–" + FormatNumber(i.High)
}

// FormatNumber writes a number with thousands separators and at most two decimals.
func FormatNumber(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "-∞"
	case math.IsNaN(v):
		return "?"
	}
	negative := v < 0
	v = math.Abs(v)
	whole := math.Floor(v)
	fraction := math.Round((v-whole)*100) / 100
	if fraction >= 1 {
		whole++
		fraction = 0
	}
	digits := strconv.FormatFloat(whole, 'f', 0, 64)
	var b strings.Builder
	if negative {
		b.WriteByte('-')
	}
	for k, d := range digits {
		if k > 0 && (len(digits)-k)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if fraction > 0 {
		b.WriteString(strings.TrimPrefix(strconv.FormatFloat(fraction, 'f', -1, 64), "0"))
	}
	return b.String()
}
