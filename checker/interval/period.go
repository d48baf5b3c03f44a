package interval

import "time"

// Period is the time a figure covers. From and To are days (UTC midnight); a zero From
// means "since whenever", which is how a cumulative "as of" figure reads: everything up to
// To. A Period with both ends zero is unknown.
type Period struct {
	From time.Time `json:"from" expr:"from"`
	To   time.Time `json:"to" expr:"to"`
	// AsOf marks a period taken from the article's date rather than stated in the text.
	AsOf bool `json:"as_of,omitempty" expr:"as_of"`
}

// Known reports whether the period says anything.
func (p Period) Known() bool { return !p.From.IsZero() || !p.To.IsZero() }

// Explicit reports whether the text stated the period (both ends, not an "as of" date).
func (p Period) Explicit() bool { return !p.AsOf && !p.From.IsZero() && !p.To.IsZero() }

// Same reports whether two periods are the same stated span.
func (p Period) Same(q Period) bool {
	return p.Explicit() && q.Explicit() && p.From.Equal(q.From) && p.To.Equal(q.To)
}

// Overlaps reports whether two known periods share a day. An open From reaches back forever.
func (p Period) Overlaps(q Period) bool {
	if !p.Known() || !q.Known() {
		return false
	}
	return !p.endsBefore(q) && !q.endsBefore(p)
}

func (p Period) endsBefore(q Period) bool {
	return !p.To.IsZero() && !q.From.IsZero() && p.To.Before(q.From)
}

// Contains reports whether q lies inside p (both explicit).
func (p Period) Contains(q Period) bool {
	return p.Explicit() && q.Explicit() && !q.From.Before(p.From) && !q.To.After(p.To)
}

// End is the last day the period covers, zero when unknown.
func (p Period) End() time.Time { return p.To }

// DayOf truncates a time to its UTC day.
func DayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DaysBetween is the number of whole days from a to b (negative when b is earlier).
func DaysBetween(a, b time.Time) int {
	return int(DayOf(b).Sub(DayOf(a)).Hours() / 24)
}
