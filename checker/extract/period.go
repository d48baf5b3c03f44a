package extract

import (
	"math"
	"sort"
	"time"

	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/claimcheck/claimcheck/checker/numbers"
)

// periodMention is a stated period and where it stands.
type periodMention struct {
	sentence int
	at       int // normalized offset
	period   interval.Period
}

func day(year int, month time.Month, d int) time.Time {
	return time.Date(year, month, d, 0, 0, 0, 0, time.UTC)
}

func yearOf(q numbers.Quantity) (int, bool) {
	v := q.Value
	if math.IsNaN(v) {
		v = q.Interval.Low
	}
	if v < 1900 || v > 2100 || v != math.Trunc(v) {
		return 0, false
	}
	return int(v), true
}

// Words around years that make periods, normalized.
var (
	halfWords    = map[string]bool{"النصف": true, "half": true}
	firstWords   = map[string]bool{"الاول": true, "first": true}
	secondWords  = map[string]bool{"الثاني": true, "second": true}
	sinceWords   = map[string]bool{"منذ": true, "since": true}
	endWords     = map[string]bool{"نهايه": true, "end": true, "اواخر": true}
	rangeStarts  = map[string]bool{"بين": true, "between": true, "من": true, "from": true, "عامي": true, "سنتي": true}
	monthsByName = map[string]time.Month{
		"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
		"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
		"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	}
)

// periods reads the stated periods of the article from its year mentions and the words
// before them: "بين عامي 2011 و2016", "منذ 2015 وحتى نهاية 2017", "النصف الثاني من عام
// 2017", "أكتوبر 2014", "in 2017".
func (x *Extractor) periods(doc *document, quantities []numbers.Quantity) []periodMention {
	var out []periodMention
	for i := 0; i < len(quantities); i++ {
		q := quantities[i]
		if q.IsClaim || (q.Kind != "year" && q.Kind != "date" && q.Kind != "period") {
			continue
		}
		// A year range read as one quantity: [2011, 2016].
		if from, ok := yearOf(numbers.Quantity{Value: q.Interval.Low}); ok && q.Interval.High != q.Interval.Low {
			if to, ok := yearOf(numbers.Quantity{Value: q.Interval.High}); ok {
				out = append(out, periodMention{sentence: doc.sentenceAt(q.NormStart), at: q.NormStart, period: interval.Period{From: day(from, 1, 1), To: day(to, 12, 31)}})
				continue
			}
		}
		year, ok := yearOf(q)
		if !ok {
			continue
		}
		before := doc.wordsBefore(q.NormStart, 5)
		sentenceIndex := doc.sentenceAt(q.NormStart)
		period := interval.Period{From: day(year, 1, 1), To: day(year, 12, 31)}
		// A second year soon after: a range ("بين 2011 و2016", "منذ 2015 وحتى نهاية 2017").
		if i+1 < len(quantities) && !quantities[i+1].IsClaim {
			if next, ok := yearOf(quantities[i+1]); ok && next > year && doc.wordCountBetween(q.NormEnd, quantities[i+1].NormStart) <= 3 &&
				(containsAny(before, rangeStarts) || containsAny(before, sinceWords)) {
				out = append(out, periodMention{sentence: sentenceIndex, at: q.NormStart, period: interval.Period{From: day(year, 1, 1), To: day(next, 12, 31)}})
				i++
				continue
			}
		}
		switch {
		case containsAny(before, halfWords) && containsAny(before, firstWords):
			period = interval.Period{From: day(year, 1, 1), To: day(year, 6, 30)}
		case containsAny(before, halfWords) && containsAny(before, secondWords):
			period = interval.Period{From: day(year, 7, 1), To: day(year, 12, 31)}
		case containsAny(before, sinceWords):
			to := doc.article.Date
			if to.IsZero() {
				continue
			}
			period = interval.Period{From: day(year, 1, 1), To: to}
		case len(before) > 0:
			if month, ok := monthsByName[before[len(before)-1].text]; ok {
				period = interval.Period{From: day(year, month, 1), To: day(year, month+1, 1).AddDate(0, 0, -1)}
			}
		}
		if q.Kind == "date" {
			continue // a day is when something happened, not the span a figure covers
		}
		out = append(out, periodMention{sentence: sentenceIndex, at: q.NormStart, period: period})
	}
	return out
}

// nearestPeriod is the stated period of the sentence closest to the number.
func nearestPeriod(periods []periodMention, sentenceIndex, at int) interval.Period {
	best, bestDistance := interval.Period{}, math.MaxInt
	// periods are in text order: start at the sentence's first.
	first := sort.Search(len(periods), func(i int) bool { return periods[i].sentence >= sentenceIndex })
	for _, p := range periods[first:] {
		if p.sentence != sentenceIndex {
			break
		}
		d := p.at - at
		if d < 0 {
			d = -d
		}
		if d < bestDistance {
			best, bestDistance = p.period, d
		}
	}
	return best
}

// wordsBefore is the n tokens before a normalized offset.
func (d *document) wordsBefore(normOffset, n int) []token {
	k := d.tokenAt(normOffset)
	return d.tokens[max(0, k-n):k]
}

func (d *document) wordCountBetween(from, to int) int {
	return sort.Search(len(d.tokens), func(i int) bool { return d.tokens[i].start >= to }) - d.tokenAt(from)
}

func containsAny(words []token, set map[string]bool) bool {
	for i := range words {
		for _, form := range words[i].variants() {
			if set[form] {
				return true
			}
		}
	}
	return false
}
