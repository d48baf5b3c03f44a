package interval

// Rate is the time unit a figure is counted per: "60 a day" has rate Day. The empty rate
// means a plain count, not a rate.
type Rate = string // an alias, so that rule conditions compare it with plain strings

const (
	None  Rate = ""
	Day   Rate = "day"
	Week  Rate = "week"
	Month Rate = "month"
	Year  Rate = "year"
)

// RateDays is the calendar length of one unit of the rate as an interval of days: a month is
// 28 to 31 days, a year 365 to 366. ok is false for None and unknown rates.
func RateDays(r Rate) (low, high float64, ok bool) {
	switch r {
	case Day:
		return 1, 1, true
	case Week:
		return 7, 7, true
	case Month:
		return 28, 31, true
	case Year:
		return 365, 366, true
	}
	return 0, 0, false
}

// ValidRate reports whether r is a known rate or None.
func ValidRate(r Rate) bool {
	_, _, ok := RateDays(r)
	return ok || r == None
}

// ConvertRate converts a count per `from` into a count per `to` by calendar bounds, so that
// 60 a day is [1680, 1860] a month and 2,000 a month is [64.5, 71.4] a day. ok is false when
// either rate is None or unknown.
func ConvertRate(i Interval, from, to Rate) (Interval, bool) {
	fromLow, fromHigh, ok1 := RateDays(from)
	toLow, toHigh, ok2 := RateDays(to)
	if !ok1 || !ok2 {
		return i, false
	}
	if from == to {
		return i, true
	}
	return i.Scale(toLow/fromHigh, toHigh/fromLow), true
}
