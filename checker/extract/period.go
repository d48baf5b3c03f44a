package extract

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/claimcheck/claimcheck/checker/numbers"
)

// periodMention is a time the text states and where it stands: a period a figure may
// cover, a single day (when something happened: the period only of an earlier report), or a
// time the article's date is needed to place ("ديسمبر الجاري" in an undated article), which
// still takes figures away from the periods around it.
type periodMention struct {
	sentence int
	at, end  int // normalized offsets
	period   interval.Period
	day      bool
	// backReference marks "the same period", "في آخر فترة": resolved to the time stated before.
	backReference bool
	// ignored marks a time read only to be skipped (when a report was published).
	ignored bool
	// comparison marks the base of a comparison ("مقارنة بالعام الماضي", "compared with
	// 2016"): no figure's period, but its sentence has a time of its own, and the time of
	// the sentences before does not go on into it.
	comparison bool
}

// resolved reports whether the mention places a period (else it only blocks).
func (p periodMention) resolved() bool { return p.period.Known() }

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
	out = append(out, timeWords()...)
	return append(out, attributionMarkers...)
}

func endOfMonth(year int, month time.Month) time.Time { return day(year, month+1, 1).AddDate(0, 0, -1) }

// calendarDate reads a date mention's year, month and day from its normalized words:
// "29 ابريل, 2018", "aug. 1, 2015", "december 2017", "الرابع والعشرين من تشرين الثاني".
// Zero parts are missing. It reads the runes in place: dates are many in dense text.
func calendarDate(text []rune) (year int, month time.Month, dayOfMonth int) {
	var buf [32]byte
	previous := ""
	for i := 0; i < len(text); {
		for i < len(text) && isDateSeparator(text[i]) {
			i++
		}
		start := i
		for i < len(text) && !isDateSeparator(text[i]) {
			i++
		}
		field := text[start:i]
		if len(field) == 0 {
			break
		}
		if n, ok := digits(field); ok {
			switch {
			case n >= 1900 && n <= 2100:
				year = n
			case n >= 1 && n <= 31 && dayOfMonth == 0:
				dayOfMonth = n
			}
			previous = ""
			continue
		}
		word := buf[:0]
		for _, r := range field {
			if len(word)+4 > len(buf) {
				word = word[:0]
				break
			}
			word = appendRune(word, r)
		}
		if second, ok := secondMonthWords[previous]; ok {
			if m, ok := second[string(word)]; ok {
				month = m // "تشرين الثاني": the second word decides
			}
		}
		if m, ok := monthsByName[string(word)]; ok && month == 0 {
			month = m
		}
		previous = ""
		if _, ok := secondMonthWords[string(word)]; ok {
			previous = string(word)
		}
	}
	return year, month, dayOfMonth
}

func isDateSeparator(r rune) bool {
	return r == ' ' || r == ',' || r == '.' || r == '/' || r == '-' || r == '\n'
}

// digits reads a field of ASCII digits.
func digits(field []rune) (int, bool) {
	if len(field) == 0 || len(field) > 9 {
		return 0, false
	}
	n := 0
	for _, r := range field {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = 10*n + int(r-'0')
	}
	return n, true
}

// bounds is the first and last day a non-claim mention names: a day, a month or a year.
type bounds struct {
	from, to time.Time
	month    bool // a whole month: "أكتوبر 2014", "December 2017"
}

func (x *Extractor) boundsOf(doc *document, q numbers.Quantity) (bounds, bool) {
	switch q.Kind {
	case "date", "year", "ordinal":
	default:
		return bounds{}, false
	}
	y, m, d := calendarDate(doc.text.Runes[q.NormStart:q.NormEnd])
	if q.Kind == "ordinal" {
		// "الأول من أغسطس 2015": the day is the ordinal's value.
		if m == 0 || y == 0 || q.Value < 1 || q.Value > 31 {
			return bounds{}, false
		}
		d = int(q.Value)
	}
	if q.Kind == "year" && m == 0 {
		if year, ok := yearOf(q); ok {
			return bounds{from: day(year, 1, 1), to: day(year, 12, 31)}, true
		}
		return bounds{}, false
	}
	switch {
	case y == 0 || m == 0:
		return bounds{}, false
	case d == 0:
		return bounds{from: day(y, m, 1), to: endOfMonth(y, m), month: true}, true
	default:
		return bounds{from: day(y, m, d), to: day(y, m, d)}, true
	}
}

// periods reads the stated periods of the article from its date and year mentions and the
// words before them: "بين عامي 2011 و2016", "منذ 2015 وحتى نهاية 2017", "النصف الثاني من عام
// 2017", "الربع الثالث من 2018", "Q4 2017", "between August 1, 2015 and December 31, 2017",
// "between October and December 2017", "since mid-2015", "أكتوبر 2014", "خلال الأعوام
// الثلاثة الماضية" (against the article date).
func (x *Extractor) periods(doc *document, quantities []numbers.Quantity) []periodMention {
	out := doc.periods[:0] // the previous article's buffer
	add := func(q numbers.Quantity, from, to time.Time) {
		out = append(out, periodMention{sentence: doc.sentenceAt(q.NormStart), at: q.NormStart, end: q.NormEnd, period: interval.Period{From: from, To: to}})
	}
	lastYear := 0
	for i := 0; i < len(quantities); i++ {
		q := quantities[i]
		if q.IsClaim {
			continue
		}
		if q.Kind == "period" && q.Unit != "fraction" {
			x.relativePeriod(doc, q, add)
			continue
		}
		if letter := partLetter(doc, q); (q.Kind == "ordinal" || q.Kind == "period") && (q.Unit == "fraction" || letter != 0) {
			// "في الربع الثالث", "in Q4" with no year after it: the year the text is about
			// (the last one named before), else the article's.
			if i+1 < len(quantities) && quantities[i+1].Kind == "year" && len(doc.wordsBetween(q.NormEnd, quantities[i+1].NormStart)) <= 3 {
				continue // "الربع الثالث من 2018": read with the year
			}
			words := doc.wordsBetween(q.NormStart, q.NormEnd)
			n, quarter := ordinalIn(words), containsAny(words, quarterWords)
			if letter != 0 {
				n, quarter = int(q.Value), letter == 'q'
			}
			if containsAny(doc.wordsAfter(q.NormEnd, 1), lastPartWords) {
				n = 2 // "الربع الأخير", "النصف الأخير"
				if quarter {
					n = 4
				}
			}
			if n <= 0 || !quarter && !containsAny(words, halfWords) {
				continue
			}
			if from, to, ok := doc.yearPart(lastYear, n, quarter); ok {
				add(q, from, to)
			} else {
				add(q, time.Time{}, time.Time{}) // no year to place it in: it only blocks
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
		if x.yearlessDays(doc, quantities, i, lastYear, &out) {
			continue
		}
		b, ok := x.boundsOf(doc, q)
		if !ok {
			continue
		}
		before := doc.wordsBefore(q.NormStart, 5)
		// Which period words stand before, read once: the cases below test them.
		near, all := wordBits(before[max(0, len(before)-3):]), wordBits(before)
		if near&bitComparison != 0 {
			out = append(out, periodMention{sentence: doc.sentenceAt(q.NormStart), at: q.NormStart, end: q.NormEnd, comparison: true})
			continue
		}
		if len(before) > 0 && eventTimeWords[before[len(before)-1].text] {
			// "بعد 2011", "after 2015": when something began, not the span of a figure; it
			// still keeps the figures near it from the periods around.
			add(q, time.Time{}, time.Time{})
			continue
		}
		// A second date or year soon after, linked by و/and/to/حتى: a range ("بين 2011
		// و2016", "منذ 2015 وحتى نهاية 2017", "July 1, 2017 through December 31, 2017").
		if i+1 < len(quantities) && !quantities[i+1].IsClaim {
			next := quantities[i+1]
			between := doc.wordsBetween(q.NormEnd, next.NormStart)
			if nb, ok := x.boundsOf(doc, next); ok && nb.to.After(b.from) && len(between) <= 3 && (containsAny(between, rangeLinks) || len(between) == 0 && doc.text.Slice(q.NormEnd, next.NormStart) == "-") {
				from := b.from
				if all&bitMid != 0 {
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
		isMonth := b.month
		switch {
		case from.Equal(to):
			// A day is when something happened, not the span a figure covers: kept for the
			// figures of an earlier report ("the previous toll of 11").
			out = append(out, periodMention{sentence: doc.sentenceAt(q.NormStart), at: q.NormStart, end: q.NormEnd, period: interval.Period{From: from, To: to}, day: true})
			continue
		case isMonth:
			// "between October and December 2017": a month named before the link.
			if len(before) >= 2 && rangeLinks[last] || len(before) >= 2 && containsAny(before[len(before)-1:], rangeLinks) {
				if m, ok := monthsByName[before[len(before)-2].text]; ok && m < from.Month() {
					from = day(from.Year(), m, 1)
				}
			}
			if all&bitSince != 0 || wordBits(before[max(0, len(before)-2):])&bitStarting != 0 {
				to = doc.article.Date // "منذ يوليو 2015", "since July 2015", "اعتباراً من يناير 2016"
			}
		case i > 0 && quantities[i-1].Kind == "period" && quantities[i-1].NormEnd <= q.NormStart && len(doc.wordsBetween(quantities[i-1].NormEnd, q.NormStart)) <= 3 &&
			(ordinalIn(doc.wordsBetween(quantities[i-1].NormEnd, q.NormStart)) == 1 || ordinalIn(doc.wordsBefore(quantities[i-1].NormStart, 2)) == 1) && monthsUnit(doc.wordsBefore(q.NormStart, 6)) && quantities[i-1].Value >= 1 && quantities[i-1].Value <= 12:
			// "الأشهر الثلاثة الأولى من 2018", "the first three months of 2018".
			to = endOfMonth(from.Year(), time.Month(quantities[i-1].Value))
		case all&bitHalf != 0 && ordinalIn(before) == 1:
			to = day(from.Year(), 6, 30)
		case all&bitHalf != 0 && ordinalIn(before) == 2:
			from = day(from.Year(), 7, 1)
		case all&bitQuarter != 0 && near&bitLastPart != 0:
			from = day(from.Year(), 10, 1) // "الربع الأخير من 2017", "the last quarter of 2017"
		case all&bitHalf != 0 && near&bitLastPart != 0:
			from = day(from.Year(), 7, 1)
		case all&bitQuarter != 0 && ordinalIn(before) > 0:
			n := time.Month(3 * ordinalIn(before))
			from, to = day(from.Year(), n-2, 1), endOfMonth(from.Year(), n)
		case quarterBefore(doc, q) > 0:
			n := time.Month(3 * quarterBefore(doc, q))
			from, to = day(from.Year(), n-2, 1), endOfMonth(from.Year(), n)
		case all&bitSince != 0:
			if all&bitMid != 0 {
				from = day(from.Year(), 7, 1)
			}
			to = doc.article.Date // zero when the article's date is unknown: "since" has no end then
		case near&bitStart != 0:
			to = endOfMonth(from.Year(), 1) // "at the start of 2017", "مطلع 2017": its first month
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
//  0. for a figure of an earlier report ("the previous toll of 11", "were initially
//     reported"), the day stated in its scope or last before; a
//     figure of the present ("more than 75,000 today") has none, and one with "حاليا"/"now"
//     before it only a period of its own clause;
//  1. the nearest time within the number's scope (between the sentence's neighbouring
//     claims, a figure's attribute aside): "42 ألف … بين عامي 2011 و2016، بينهم أكثر من
//     خمسة آلاف" both take 2011–2016; a time that cannot be placed ("ديسمبر الجاري" in an
//     undated article) gives none; a day only in the number's own clause, after it, with
//     no event between; a total ("العدد الإجمالي") only a time stated after that word;
//  2. a period that opens the sentence ("In 2017, Twitter removed … and YouTube …", or set
//     off by a comma) or that stands in the first claim's clause when the number is that
//     claim, unless a word like "now"/"حاليا" turns to the present in between;
//  3. the time of the previous sentences of the paragraph (up to three back; the previous
//     paragraph's too when the sentence opens by pointing back: "those videos"), unless the
//     time turns to the present, the sentence is about the present ("لا يزالون") or has a
//     time of its own, if only the base of a comparison ("مقارنة بالعام الماضي").
//
// A figure that says where another comes from ("42 ألف إرهابي من 120 دولة") has none.
func (x *Extractor) periodFor(doc *document, periods []periodMention, mentions []*mention, i int) interval.Period {
	m := mentions[i]
	q := m.quantity
	if isAttribute(doc, mentions, i) {
		return interval.Period{}
	}
	s := doc.sentences[m.sentence]
	scopeStart := max(s.start, previousClaimEnd(mentions, i, s.start))
	scopeEnd := s.end
	for j := i + 1; j < len(mentions) && mentions[j].sentence == m.sentence; j++ {
		if mentions[j].quantity.IsClaim && !isAttribute(doc, mentions, j) {
			scopeEnd = mentions[j].quantity.NormStart
			break
		}
	}
	inSentence := periodsOf(periods, m.sentence)
	clause := doc.clauseWords(q, scopeStart, scopeEnd)
	if clause.earlier {
		if p, ok := doc.earlierDay(periods, inSentence, m, scopeStart, scopeEnd); ok {
			return p
		}
	}
	if clause.presentAfter {
		return interval.Period{}
	}
	total := clause.total
	best, bestDistance := interval.Period{}, math.MaxInt
	for _, p := range inSentence {
		if p.comparison || p.at < scopeStart || p.at >= scopeEnd || p.at < total {
			continue
		}
		// A day is the span of a figure only in its own clause, after it, with no event
		// between ("suspended 10,000 accounts on Monday", not "14 people died in the bombing
		// on Monday": the day is the bombing's).
		if p.day && (p.at < q.NormEnd || doc.markBetween(q.NormEnd, p.at) || doc.eventBetween(q.NormEnd, p.at)) {
			continue
		}
		d := p.at - q.NormStart
		if d < 0 {
			d = -d
		}
		// A period in the number's own clause wins over one across a comma: "… في 2018، ثم 3
		// ملايين في الربع الثالث".
		if doc.markBetween(min(p.at, q.NormEnd), max(p.at, q.NormStart)) {
			if clause.presentBefore {
				continue
			}
			d += 1 << 20
			if p.at > q.NormStart {
				d += 1 << 21 // across a mark, a period after the number is rather the next clause's
			}
		}
		if d < bestDistance {
			best, bestDistance = p.period, d
		}
	}
	if bestDistance != math.MaxInt || total >= 0 || clause.presentBefore {
		return best
	}
	firstClaim, firstIndex := q.NormStart, i
	for j := i - 1; j >= 0 && mentions[j].sentence == m.sentence; j-- {
		if mentions[j].quantity.IsClaim {
			firstClaim, firstIndex = mentions[j].quantity.NormStart, j
		}
	}
	stated := false
	for _, p := range inSentence {
		if p.day || p.comparison {
			continue
		}
		stated = true
		if p.at < firstClaim && (firstIndex == i || doc.opensSentence(s, p, firstClaim)) {
			best = p.period
			if doc.turnsToPresent(p.end, q.NormStart) {
				best = interval.Period{}
			}
		}
	}
	if stated {
		return best
	}
	return x.carriedPeriod(doc, periods, mentions, i, firstClaim)
}

// eventWords name events: a day after them is when the event happened.
var eventWords = withClitics(map[string]bool{"attack": true, "attacks": true, "bombing": true, "blast": true, "explosion": true, "shooting": true, "raid": true,
	"هجوم": true, "الهجوم": true, "تفجير": true, "التفجير": true, "انفجار": true, "الانفجار": true, "اعتداء": true, "الاعتداء": true, "حادث": true, "الحادث": true, "هجمات": true, "الهجمات": true})

func (d *document) eventBetween(from, to int) bool {
	for k := d.tokenAt(from); k < len(d.tokens) && d.tokens[k].start < to; k++ {
		if eventWords[d.tokens[k].text] {
			return true
		}
	}
	return false
}

// opensSentence reports whether a period before the sentence's first claim governs the
// whole sentence: it opens it ("In 2017, …", "وفي 2017 …") or a clause mark sets it off
// from the first claim's clause; "قامت منذ 2013 بمنع 27 ألفا …، كما … 100 خلية" is the
// first clause's only.
func (d *document) opensSentence(s sentence, p periodMention, firstClaim int) bool {
	if d.markBetween(p.end, firstClaim) {
		return true
	}
	// The period's own words ("كان النصف الثاني من عام 2017", "In the second half of 2017")
	// may come first: count the words before them.
	k := d.tokenAt(p.at)
	for j := k - 1; j >= 0 && j >= k-5 && d.tokens[j].start >= s.start && containsAny(d.tokens[j:j+1], periodPhraseWords); j-- {
		k = j
	}
	return k < len(d.tokens) && len(d.wordsBetween(s.start, d.tokens[k].start)) <= 2
}

// periodPhraseWords are the words a stated period may open with before its number.
var periodPhraseWords = func() map[string]bool {
	out := map[string]bool{"في": true, "in": true, "during": true, "خلال": true, "of": true, "من": true, "the": true, "at": true, "on": true}
	for _, set := range []map[string]bool{sinceWords, rangeStarts, halfWords, quarterWords, midWords, startWords, yearNouns, monthNouns, lastPartWords} {
		for w := range set {
			out[w] = true
		}
	}
	for w := range ordinalWords {
		out[w] = true
	}
	for w := range monthsByName {
		out[w] = true
	}
	return out
}()

// carriedPeriod is the time of the previous sentences that a sentence with none of its own
// continues (periodFor, 3).
func (x *Extractor) carriedPeriod(doc *document, periods []periodMention, mentions []*mention, i, firstClaim int) interval.Period {
	m := mentions[i]
	s := doc.sentences[m.sentence]
	first := sort.Search(len(periods), func(k int) bool { return periods[k].sentence >= m.sentence-3 })
	if first == len(periods) || periods[first].sentence >= m.sentence {
		return interval.Period{} // no time stated in the sentences before: most figures
	}
	pointsBack := doc.pointsBack(s, firstClaim)
	if doc.turnsToPresent(s.start, s.end) {
		return interval.Period{} // "و50% لا يزالون في سوريا": the sentence is about now
	}
	for _, p := range periodsOf(periods, m.sentence) {
		if p.comparison {
			return interval.Period{} // "ارتفاعا بنسبة 80% مقارنة بالعام الماضي": a time of its own
		}
	}
	for j := m.sentence - 1; j >= 0 && j >= m.sentence-3; j-- {
		if doc.sentences[j].paragraph != doc.sentences[j+1].paragraph {
			// "A vast majority of those videos": a paragraph that opens by pointing back
			// goes on with the previous one.
			if j+1 == m.sentence && !pointsBack || j+1 != m.sentence && !doc.pointsBack(doc.sentences[j+1], firstClaimIn(doc, mentions, j+1)) {
				break
			}
		}
		var last *periodMention
		for k, p := range periodsOf(periods, j) {
			if !p.day && !p.comparison {
				last = &periodsOf(periods, j)[k]
			}
		}
		if last == nil {
			continue
		}
		if doc.turnsToPresent(last.end, m.quantity.NormStart) {
			break // "In June 2014, 12,000 …, and now there are … . Tunisia has about 6,000"
		}
		return last.period
	}
	return interval.Period{}
}

// firstClaimIn is where the first claim of a sentence starts, its end when it has none.
func firstClaimIn(doc *document, mentions []*mention, sentenceIndex int) int {
	k := sort.Search(len(mentions), func(k int) bool { return mentions[k].sentence >= sentenceIndex })
	for ; k < len(mentions) && mentions[k].sentence == sentenceIndex; k++ {
		if mentions[k].quantity.IsClaim {
			return mentions[k].quantity.NormStart
		}
	}
	return doc.sentences[sentenceIndex].end
}

// pointsBack reports whether a sentence opens by pointing back to what was said before:
// "Of those", "This is down", "Of that number", "وعلى الرغم من … هذه الأرقام".
func (d *document) pointsBack(s sentence, firstClaim int) bool {
	words := d.wordsBetween(s.start, firstClaim)
	if len(words) > 8 {
		return false
	}
	for k := range words {
		if anaphoraTriggers[words[k].text] || words[k].text == "that" && k+1 < len(words) && anaphoraNouns[words[k+1].text] {
			return true
		}
	}
	return false
}

// totalTriggers and anaphoraTriggers are totalWords and anaphoraWords as written, clitics
// and all.
var (
	totalTriggers    = withClitics(totalWords)
	anaphoraTriggers = withClitics(anaphoraWords)
)

// isAttribute reports whether claim i says where the claim before it comes from: "42 ألف
// إرهابي من 120 دولة", "27 و31 ألفا، قادمين من 86 دولة", "27,000 to 31,000 from 86
// countries". It has no period of its own and does not end the scope of the claim before.
func isAttribute(doc *document, mentions []*mention, i int) bool {
	q := mentions[i].quantity
	if !q.IsClaim || q.Unit != "" {
		return false
	}
	k := doc.tokenAt(q.NormStart)
	if k == 0 || doc.tokens[k-1].text != "من" && doc.tokens[k-1].text != "from" {
		return false
	}
	previous := previousClaim(mentions, i)
	if previous == nil || previous.sentence != mentions[i].sentence {
		return false
	}
	return len(doc.wordsBetween(previous.quantity.NormEnd, doc.tokens[k-1].start)) <= 1
}

// clause is what the words of a number's own clause say of its time.
type clause struct {
	earlier bool // an earlier report: "the previous toll of 11", "were initially reported"
	// The figure is of the present: "more than 75,000 today" (after it: no period at all),
	// "الموجودين حاليا … ثلاثة آلاف" (before it: only a period of its own clause, as in
	// "أعلنت اليوم أنها حذفت 10 آلاف حساب في 2017").
	presentBefore, presentAfter bool
	// total is where a word making the number a total stands before it ("وصل العدد
	// الإجمالي … إلى أزيد من 610 آلاف"), -1 when none.
	total int
}

// clauseWords reads the words of the number's clause: up to twelve before it (eight for
// the present, six for an earlier report) and eight after it, within its scope. The words
// are the few tokenize noted (clauseTokens).
func (d *document) clauseWords(q numbers.Quantity, scopeStart, scopeEnd int) clause {
	c := clause{total: -1}
	k := d.tokenAt(q.NormStart)
	after := d.tokenAt(q.NormEnd)
	notes := d.clauseTokens
	first := sort.Search(len(notes), func(i int) bool { return int(notes[i]) >= k-12 })
	for i := first; i < len(notes) && int(notes[i]) < after+8 && int(notes[i]) < k+8; i++ {
		j := int(notes[i])
		text := d.tokens[j].text
		switch {
		case j < k:
			if d.tokens[j].start < scopeStart || !d.sameClauseBefore(j, k, q.NormStart) {
				continue
			}
			c.earlier = c.earlier || j >= k-6 && earlierWords[text]
			c.presentBefore = c.presentBefore || j >= k-8 && presentWords[text]
			if totalTriggers[text] {
				c.total = d.tokens[j].start // the nearest
			}
		case j >= after:
			if d.tokens[j].start >= scopeEnd || !d.sameClauseAfter(after, j, q.NormEnd) {
				continue
			}
			c.earlier = c.earlier || earlierWords[text]
			c.presentAfter = c.presentAfter || presentWords[text]
		}
	}
	return c
}

// sameClauseBefore reports whether no clause mark stands between token j and the number
// starting at numberStart (token k is the first at or after it).
func (d *document) sameClauseBefore(j, k, numberStart int) bool {
	for i := j; i < k; i++ {
		if d.breakAfter(i, numberStart) {
			return false
		}
	}
	return true
}

// sameClauseAfter reports whether no clause mark stands between the number ending at
// numberEnd (token after is the first after it) and token j.
func (d *document) sameClauseAfter(after, j, numberEnd int) bool {
	for i := after; i <= j; i++ {
		if d.tokens[i].breakBefore && d.tokens[i].start > numberEnd+1 {
			return false
		}
	}
	return true
}

// clauseTriggers is every word clauseWords looks for.
var clauseTriggers = func() map[string]bool {
	out := map[string]bool{}
	for _, set := range []map[string]bool{presentWords, earlierWords, totalTriggers} {
		for w := range set {
			out[w] = true
		}
	}
	return out
}()

// earlierDay is the day of an earlier report: the nearest one stated in its scope before
// the article's date, else the last one stated before it in the sentence and the previous
// ones of the paragraph.
func (d *document) earlierDay(periods, inSentence []periodMention, m *mention, scopeStart, scopeEnd int) (interval.Period, bool) {
	usable := func(p periodMention) bool {
		return p.day && (d.article.Date.IsZero() || p.period.From.Before(d.article.Date))
	}
	best, bestDistance := interval.Period{}, math.MaxInt
	for _, p := range inSentence {
		if !usable(p) || p.at < scopeStart || p.at >= scopeEnd {
			continue
		}
		if dist := abs(p.at - m.quantity.NormStart); dist < bestDistance {
			best, bestDistance = p.period, dist
		}
	}
	if bestDistance != math.MaxInt {
		return best, true
	}
	first := sort.Search(len(periods), func(k int) bool { return periods[k].at >= m.quantity.NormStart }) - 1
	for k := first; k >= 0 && periods[k].sentence >= m.sentence-3; k-- {
		if d.sentences[periods[k].sentence].paragraph != d.sentences[m.sentence].paragraph {
			break
		}
		if usable(periods[k]) {
			return periods[k].period, true
		}
	}
	return interval.Period{}, false
}

// breakAfter reports whether a clause mark follows token j, before the next token or, at
// the last token before a number, before the number's start.
func (d *document) breakAfter(j, numberStart int) bool {
	if j+1 < len(d.tokens) && d.tokens[j+1].start <= numberStart {
		return d.tokens[j+1].breakBefore
	}
	return d.tokens[j].end < numberStart && d.markBetween(d.tokens[j].end, numberStart)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
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
var presentWords = map[string]bool{"now": true, "currently": true, "today": true, "still": true, "الان": true, "حاليا": true, "اليوم": true,
	"يزال": true, "يزالون": true, "تزال": true, "مازال": true, "مازالوا": true, "زالوا": true}

func (d *document) turnsToPresent(from, to int) bool {
	// The words are among those tokenize noted (clauseTokens): a search, not a walk.
	notes := d.clauseTokens
	first := d.tokenAt(from)
	for i := sort.Search(len(notes), func(i int) bool { return int(notes[i]) >= first }); i < len(notes); i++ {
		t := &d.tokens[notes[i]]
		if t.start >= to {
			break
		}
		if presentWords[t.text] {
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

// Bits of wordBits: which period words a few words hold.
const (
	bitHalf uint16 = 1 << iota
	bitQuarter
	bitLastPart
	bitSince
	bitMid
	bitStart
	bitStarting
	bitComparison
)

// periodWordBits maps each period word to its bit.
var periodWordBits = func() map[string]uint16 {
	out := map[string]uint16{}
	for bit, set := range map[uint16]map[string]bool{bitHalf: halfWords, bitQuarter: quarterWords, bitLastPart: lastPartWords, bitSince: sinceWords,
		bitMid: midWords, bitStart: startWords, bitStarting: startingWords, bitComparison: comparisonWords} {
		for w := range set {
			out[w] |= bit
		}
	}
	return out
}()

// wordBits is the union of the bits of the period words among words.
func wordBits(words []token) uint16 {
	var bits uint16
	for i := range words {
		for _, form := range words[i].variants() {
			bits |= periodWordBits[form]
		}
	}
	return bits
}

// yearlessDays reads a day or days of a month named without a year ("April 3", "بين الحادي
// والعشرين والرابع والعشرين من تشرين الثاني نوفمبر الحالي"): the year is placed as a
// month's (monthYear), with "الحالي"/"الماضي" after the month's other name.
func (x *Extractor) yearlessDays(doc *document, quantities []numbers.Quantity, i, lastYear int, out *[]periodMention) bool {
	q := quantities[i]
	if q.Kind != "date" && (q.Kind != "ordinal" || q.Unit == "fraction") {
		return false
	}
	y, month, d := calendarDate(doc.text.Runes[q.NormStart:q.NormEnd])
	if q.Kind == "ordinal" {
		d = int(q.Value)
	}
	if y != 0 || month == 0 || d < 1 || d > 31 {
		return false
	}
	k := doc.sameMonth(doc.tokenAt(q.NormEnd), month)
	past := k < len(doc.tokens) && doc.hasForm(k, pastWords)
	current := k < len(doc.tokens) && doc.hasForm(k, currentWords)
	at, from := q.NormStart, d
	// "بين الحادي والعشرين والرابع والعشرين من …": the first day of the range before.
	if i > 0 {
		if p := quantities[i-1]; p.Kind == "ordinal" && p.Unit != "fraction" && p.Value >= 1 && int(p.Value) < d && len(doc.wordsBetween(p.NormEnd, q.NormStart)) <= 1 {
			at, from = p.NormStart, int(p.Value)
		}
	}
	year, ok := doc.monthYear(month, month, past, current, lastYear)
	p := periodMention{sentence: doc.sentenceAt(at), at: at, end: q.NormEnd}
	switch {
	case !ok && from == d:
		return true // a day that cannot be placed: no period, nothing to block
	case ok:
		p.period = interval.Period{From: day(year, month, from), To: day(year, month, d)}
		p.day = from == d
	}
	*out = append(*out, p)
	return true
}
