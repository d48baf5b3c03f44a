package extract

import (
	"math"
	"sort"
	"strconv"
	"strings"
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
	quarterWords = map[string]bool{"الربع": true, "quarter": true}
	ordinalWords = map[string]int{"الاول": 1, "الاولي": 1, "first": 1, "الثاني": 2, "الثانيه": 2, "second": 2,
		"الثالث": 3, "الثالثه": 3, "third": 3, "الرابع": 4, "الرابعه": 4, "fourth": 4}
	sinceWords     = map[string]bool{"منذ": true, "since": true}
	midWords       = map[string]bool{"منتصف": true, "mid": true, "middle": true}
	startWords     = map[string]bool{"مطلع": true, "بدايه": true, "اوائل": true, "early": true, "beginning": true, "start": true}
	rangeStarts    = map[string]bool{"بين": true, "between": true, "من": true, "from": true, "عامي": true, "سنتي": true}
	rangeLinks     = map[string]bool{"و": true, "and": true, "to": true, "through": true, "until": true, "till": true, "حتي": true, "الي": true, "وحتي": true, "والي": true}
	eventTimeWords = map[string]bool{"بعد": true, "قبل": true, "after": true, "before": true}
	pastWords      = map[string]bool{"الماضي": true, "الماضيه": true, "الماضيين": true, "المنصرم": true, "المنصرمه": true, "الاخيره": true, "الاخير": true, "past": true, "last": true}
	unitMonths     = map[string]int{"اعوام": 12, "الاعوام": 12, "سنوات": 12, "السنوات": 12, "عاما": 12, "years": 12, "year": 12,
		"اشهر": 1, "الاشهر": 1, "شهور": 1, "الشهور": 1, "شهرا": 1, "months": 1, "month": 1}
	monthsByName = map[string]time.Month{
		"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
		"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
		"كانون": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9, "تشرين": 10,
		"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	}
)

// grammarWords lists the words the extractor's own grammar looks for (period words,
// attribution markers), so that they are read with clitics like lexicon words.
func grammarWords() []string {
	var out []string
	for _, set := range []map[string]bool{halfWords, quarterWords, sinceWords, midWords, startWords, rangeStarts, rangeLinks, pastWords} {
		for w := range set {
			out = append(out, w)
		}
	}
	for w := range ordinalWords {
		out = append(out, w)
	}
	for w := range unitMonths {
		out = append(out, w)
	}
	for w := range monthsByName {
		out = append(out, w)
	}
	return append(out, attributionMarkers...)
}

func endOfMonth(year int, month time.Month) time.Time { return day(year, month+1, 1).AddDate(0, 0, -1) }

// calendarDate reads a date mention's year, month and day from its normalized words:
// "29 ابريل, 2018", "aug. 1, 2015", "december 2017". Zero parts are missing.
func calendarDate(text string) (year int, month time.Month, dayOfMonth int) {
	for _, field := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '/' || r == '-' }) {
		if m, ok := monthsByName[field]; ok && month == 0 {
			month = m
			continue
		}
		n, err := strconv.Atoi(field)
		switch {
		case err != nil:
		case n >= 1900 && n <= 2100:
			year = n
		case n >= 1 && n <= 31 && dayOfMonth == 0:
			dayOfMonth = n
		}
	}
	return year, month, dayOfMonth
}

// bounds is the first and last day a non-claim mention names: a day, a month or a year.
type bounds struct{ from, to time.Time }

func (x *Extractor) boundsOf(doc *document, q numbers.Quantity) (bounds, bool) {
	switch q.Kind {
	case "date", "year", "ordinal":
	default:
		return bounds{}, false
	}
	y, m, d := calendarDate(doc.text.Slice(q.NormStart, q.NormEnd))
	if q.Kind == "ordinal" {
		// "الأول من أغسطس 2015": the day is the ordinal's value.
		if m == 0 || y == 0 || q.Value < 1 || q.Value > 31 {
			return bounds{}, false
		}
		d = int(q.Value)
	}
	if q.Kind == "year" && m == 0 {
		if year, ok := yearOf(q); ok {
			return bounds{day(year, 1, 1), day(year, 12, 31)}, true
		}
		return bounds{}, false
	}
	switch {
	case y == 0 || m == 0:
		return bounds{}, false
	case d == 0:
		return bounds{day(y, m, 1), endOfMonth(y, m)}, true
	default:
		return bounds{day(y, m, d), day(y, m, d)}, true
	}
}

// periods reads the stated periods of the article from its date and year mentions and the
// words before them: "بين عامي 2011 و2016", "منذ 2015 وحتى نهاية 2017", "النصف الثاني من عام
// 2017", "الربع الثالث من 2018", "Q4 2017", "between August 1, 2015 and December 31, 2017",
// "between October and December 2017", "since mid-2015", "أكتوبر 2014", "خلال الأعوام
// الثلاثة الماضية" (against the article date).
func (x *Extractor) periods(doc *document, quantities []numbers.Quantity) []periodMention {
	var out []periodMention
	add := func(q numbers.Quantity, from, to time.Time) {
		out = append(out, periodMention{sentence: doc.sentenceAt(q.NormStart), at: q.NormStart, period: interval.Period{From: from, To: to}})
	}
	lastYear := 0
	for i := 0; i < len(quantities); i++ {
		q := quantities[i]
		if q.IsClaim {
			continue
		}
		if q.Kind == "period" {
			x.relativePeriod(doc, q, add)
			continue
		}
		if q.Kind == "ordinal" && q.Unit == "fraction" {
			// "في الربع الثالث" with no year after it: the year the text is about (the last
			// one named before), else the article's.
			if i+1 < len(quantities) && quantities[i+1].Kind == "year" && len(doc.wordsBetween(q.NormEnd, quantities[i+1].NormStart)) <= 3 {
				continue // "الربع الثالث من 2018": read with the year
			}
			year := lastYear
			if year == 0 && !doc.article.Date.IsZero() {
				year = doc.article.Date.Year()
			}
			words := doc.wordsBetween(q.NormStart, q.NormEnd)
			if n := ordinalIn(words); year != 0 && n > 0 {
				switch {
				case containsAny(words, quarterWords) && n <= 4:
					add(q, day(year, time.Month(3*n-2), 1), endOfMonth(year, time.Month(3*n)))
				case containsAny(words, halfWords) && n <= 2:
					add(q, day(year, time.Month(6*n-5), 1), endOfMonth(year, time.Month(6*n)))
				}
			}
			continue
		}
		if y, ok := yearOf(q); ok && q.Kind == "year" {
			lastYear = y
		}
		// A year range read as one quantity: [2011, 2016].
		if from, ok := yearOf(numbers.Quantity{Value: q.Interval.Low}); ok && q.Kind == "year" && q.Interval.High != q.Interval.Low {
			if to, ok := yearOf(numbers.Quantity{Value: q.Interval.High}); ok {
				add(q, day(from, 1, 1), day(to, 12, 31))
				continue
			}
		}
		b, ok := x.boundsOf(doc, q)
		if !ok {
			continue
		}
		before := doc.wordsBefore(q.NormStart, 5)
		if len(before) > 0 && eventTimeWords[before[len(before)-1].text] {
			continue // "بعد 2011", "after 2015": when something began, not the span of a figure
		}
		// A second date or year soon after, linked by و/and/to/حتى: a range ("بين 2011
		// و2016", "منذ 2015 وحتى نهاية 2017", "July 1, 2017 through December 31, 2017").
		if i+1 < len(quantities) && !quantities[i+1].IsClaim {
			next := quantities[i+1]
			between := doc.wordsBetween(q.NormEnd, next.NormStart)
			if nb, ok := x.boundsOf(doc, next); ok && nb.to.After(b.from) && len(between) <= 3 && (containsAny(between, rangeLinks) || len(between) == 0 && doc.text.Slice(q.NormEnd, next.NormStart) == "-") {
				from := b.from
				if containsAny(before, midWords) {
					from = day(from.Year(), 7, 1)
				}
				add(q, from, nb.to)
				i++
				continue
			}
		}
		from, to := b.from, b.to
		last := ""
		if len(before) > 0 {
			last = before[len(before)-1].text
		}
		isMonth := from.Day() == 1 && to.Equal(endOfMonth(from.Year(), from.Month())) && from.Month() == to.Month()
		switch {
		case from.Equal(to):
			continue // a day is when something happened, not the span a figure covers
		case isMonth:
			// "between October and December 2017": a month named before the link.
			if len(before) >= 2 && rangeLinks[last] || len(before) >= 2 && containsAny(before[len(before)-1:], rangeLinks) {
				if m, ok := monthsByName[before[len(before)-2].text]; ok && m < from.Month() {
					from = day(from.Year(), m, 1)
				}
			}
		case i > 0 && quantities[i-1].Kind == "period" && quantities[i-1].NormEnd <= q.NormStart && len(doc.wordsBetween(quantities[i-1].NormEnd, q.NormStart)) <= 3 &&
			(ordinalIn(doc.wordsBetween(quantities[i-1].NormEnd, q.NormStart)) == 1 || ordinalIn(doc.wordsBefore(quantities[i-1].NormStart, 2)) == 1) && monthsUnit(doc.wordsBefore(q.NormStart, 6)) && quantities[i-1].Value >= 1 && quantities[i-1].Value <= 12:
			// "الأشهر الثلاثة الأولى من 2018", "the first three months of 2018".
			to = endOfMonth(from.Year(), time.Month(quantities[i-1].Value))
		case containsAny(before, halfWords) && ordinalIn(before) == 1:
			to = day(from.Year(), 6, 30)
		case containsAny(before, halfWords) && ordinalIn(before) == 2:
			from = day(from.Year(), 7, 1)
		case containsAny(before, quarterWords) && ordinalIn(before) > 0:
			n := time.Month(3 * ordinalIn(before))
			from, to = day(from.Year(), n-2, 1), endOfMonth(from.Year(), n)
		case quarterBefore(doc, q) > 0:
			n := time.Month(3 * quarterBefore(doc, q))
			from, to = day(from.Year(), n-2, 1), endOfMonth(from.Year(), n)
		case containsAny(before, sinceWords):
			if containsAny(before, midWords) {
				from = day(from.Year(), 7, 1)
			}
			to = doc.article.Date // zero when the article's date is unknown: "since" has no end then
		case len(before) > 0:
			if month, ok := monthsByName[last]; ok {
				from, to = day(from.Year(), month, 1), endOfMonth(from.Year(), month)
			}
		}
		add(q, from, to)
	}
	return out
}

// relativePeriod reads "خلال الأعوام الثلاثة الماضية", "the past three years", "the last
// six months" against the article's date.
func (x *Extractor) relativePeriod(doc *document, q numbers.Quantity, add func(numbers.Quantity, time.Time, time.Time)) {
	if doc.article.Date.IsZero() || math.IsNaN(q.Value) || q.Value <= 0 || q.Value > 100 {
		return
	}
	around := append(append([]token(nil), doc.wordsBefore(q.NormStart, 2)...), doc.wordsAfter(q.NormEnd, 2)...)
	months := 0
	for _, t := range around {
		if n, ok := unitMonths[t.text]; ok {
			months = n
		}
	}
	if months == 0 || !containsAny(around, pastWords) {
		return
	}
	to := doc.article.Date
	add(q, to.AddDate(0, -months*int(q.Value), 0), to)
}

// monthsUnit reports whether the words name months ("الأشهر", "months").
func monthsUnit(words []token) bool {
	for _, t := range words {
		if n, ok := unitMonths[t.text]; ok && n == 1 {
			return true
		}
	}
	return false
}

func ordinalIn(words []token) int {
	for i := range words {
		for _, form := range words[i].variants() {
			if n, ok := ordinalWords[form]; ok {
				return n
			}
		}
	}
	return 0
}

// quarterBefore reads "q4 2017", "h2 2017" (h: halves, returned as quarters 2 and 4) just
// before a year.
func quarterBefore(doc *document, q numbers.Quantity) int {
	from := max(0, q.NormStart-4)
	fields := strings.Fields(doc.text.Slice(from, q.NormStart))
	if len(fields) == 0 {
		return 0
	}
	w := fields[len(fields)-1]
	if len(w) != 2 || w[1] < '1' || w[1] > '4' {
		return 0
	}
	switch w[0] {
	case 'q':
		return int(w[1] - '0')
	}
	return 0
}

// periodFor is the stated period a number stands in, in order of preference:
//  1. the nearest period within the number's scope (between the sentence's neighbouring
//     claims): "42 ألف … بين عامي 2011 و2016، بينهم أكثر من خمسة آلاف" both take 2011–2016;
//  2. a period that opens the sentence, before its first claim ("In 2017, Twitter removed …
//     and YouTube …"), unless a word like "now"/"حاليا" turns to the present in between;
//  3. the last period stated in the previous sentences of the same paragraph (up to three
//     back), under the same condition ("Between August 1, 2015 and … Of those 274,460 …").
func (x *Extractor) periodFor(doc *document, periods []periodMention, mentions []*mention, i int) interval.Period {
	m := mentions[i]
	s := doc.sentences[m.sentence]
	scopeStart := max(s.start, previousClaimEnd(mentions, i, s.start))
	scopeEnd := min(s.end, nextClaimStart(mentions, i, s.end))
	inSentence := periodsOf(periods, m.sentence)
	best, bestDistance := interval.Period{}, math.MaxInt
	for _, p := range inSentence {
		if p.at < scopeStart || p.at >= scopeEnd {
			continue
		}
		d := p.at - m.quantity.NormStart
		if d < 0 {
			d = -d
		}
		// A period in the number's own clause wins over one across a comma: "… في 2018، ثم 3
		// ملايين في الربع الثالث".
		if doc.markBetween(min(p.at, m.quantity.NormEnd), max(p.at, m.quantity.NormStart)) {
			d += 1 << 20
		}
		if d < bestDistance {
			best, bestDistance = p.period, d
		}
	}
	if best.Known() {
		return best
	}
	if len(inSentence) > 0 {
		firstClaim := m.quantity.NormStart
		for j := i - 1; j >= 0 && mentions[j].sentence == m.sentence; j-- {
			if mentions[j].quantity.IsClaim {
				firstClaim = mentions[j].quantity.NormStart
			}
		}
		for _, p := range inSentence {
			if p.at < firstClaim {
				best = p.period
				if doc.turnsToPresent(p.at, m.quantity.NormStart) {
					best = interval.Period{}
				}
			}
		}
		return best
	}
	for j := m.sentence - 1; j >= 0 && j >= m.sentence-3 && doc.sentences[j].paragraph == s.paragraph; j-- {
		if previous := periodsOf(periods, j); len(previous) > 0 {
			last := previous[len(previous)-1]
			if doc.turnsToPresent(last.at, m.quantity.NormStart) {
				break // "In June 2014, 12,000 …, and now there are … . Tunisia has about 6,000"
			}
			return last.period
		}
	}
	return interval.Period{}
}

// periodsOf is the periods stated in one sentence (periods are in text order).
func periodsOf(periods []periodMention, sentenceIndex int) []periodMention {
	first := sort.Search(len(periods), func(i int) bool { return periods[i].sentence >= sentenceIndex })
	last := first
	for last < len(periods) && periods[last].sentence == sentenceIndex {
		last++
	}
	return periods[first:last]
}

// Words that turn from a past period to the present: "and now, there are …".
var presentWords = map[string]bool{"now": true, "currently": true, "today": true, "الان": true, "حاليا": true, "اليوم": true, "الحالي": true}

func (d *document) turnsToPresent(from, to int) bool {
	for k := d.tokenAt(from); k < len(d.tokens) && d.tokens[k].start < to; k++ {
		if presentWords[d.tokens[k].text] {
			return true
		}
	}
	return false
}

func (d *document) wordsBefore(normOffset, n int) []token {
	k := d.tokenAt(normOffset)
	return d.tokens[max(0, k-n):k]
}

// wordsAfter is the n tokens from a normalized offset on.
func (d *document) wordsAfter(normOffset, n int) []token {
	k := d.tokenAt(normOffset)
	return d.tokens[k:min(len(d.tokens), k+n)]
}

// wordsBetween is the tokens in [from, to).
func (d *document) wordsBetween(from, to int) []token {
	k := d.tokenAt(from)
	end := k
	for end < len(d.tokens) && d.tokens[end].start < to {
		end++
	}
	return d.tokens[k:end]
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
