package numbers

import (
	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/interval"
)

// Quantity is one numeric mention.
type Quantity struct {
	// Start and End are character offsets in the ORIGINAL text (End exclusive), covering the
	// qualifier, the number, its scale word and a percent sign: "أكثر من خمسة آلاف".
	Start, End int
	// NormStart and NormEnd are the same span in the normalized view, so that extract reads
	// the words around it without normalizing again.
	NormStart, NormEnd int
	// Text is the original text of the span.
	Text string
	// Value is the figure as written; NaN for vague amounts ("عشرات").
	Value     float64
	Interval  interval.Interval
	Qualifier claim.Qualifier
	// IsClaim is false for numbers that count nothing; Kind then says what they are:
	// year, date, time, phone, postcode, address, list_number, citation, age, duration, ordinal.
	IsClaim bool
	Kind    string
	// Reading records the choice made for an ambiguous form ("274.460: dot read as thousands separator").
	Reading string
	// Unit is "percent" for percentages, "fraction" for fractions (Value is then the share,
	// 1/3 for ثلث), else empty: the counted noun gives the unit.
	Unit string
}
