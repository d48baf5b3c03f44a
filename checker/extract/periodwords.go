package extract

import (
	"cmp"
	"slices"
	"sort"
	"time"

	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/claimcheck/claimcheck/checker/numbers"
)

// Words of times stated without a number, normalized: month and day names, "last year",
// "الشهر الجاري", "the same period".
var (
	currentWords = map[string]bool{"الجاري": true, "الحالي": true, "الحاليه": true, "الجاريه": true, "this": true, "current": true, "هذا": true, "هذه": true}
	yearNouns    = map[string]bool{"عام": true, "العام": true, "سنه": true, "السنه": true, "year": true}
	monthNouns   = map[string]bool{"شهر": true, "الشهر": true, "month": true}
	weekdays     = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
		"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
		"الاحد": time.Sunday, "الاثنين": time.Monday, "الثلاثاء": time.Tuesday, "الاربعاء": time.Wednesday, "الخميس": time.Thursday, "الجمعه": time.Friday, "السبت": time.Saturday}
	// A time after these is the base of a comparison ("مقارنة بالعام الماضي", "compared
	// with last year"), not the span of the figure.
	comparisonWords = map[string]bool{"مقارنه": true, "بالمقارنه": true, "compared": true, "than": true, "versus": true}
	// "the same period", "في آخر فترة", "the most recent reporting period": the period
	// stated before.
	periodNouns     = map[string]bool{"فتره": true, "الفتره": true, "period": true}
	samePeriodWords = map[string]bool{"ذاتها": true, "نفسها": true, "نفس": true, "ذات": true, "same": true, "اخر": true, "الاخيره": true, "latest": true, "recent": true}
	// Words that mark a figure as an earlier report ("the previous toll of 11", "were
	// initially reported"): its time is a day stated before.
	earlierWords = map[string]bool{"previous": true, "earlier": true, "initially": true, "initial": true,
		"السابقه": true, "السابق": true, "سابقا": true, "الاوليه": true}
	// Words before a sentence's first figure that point back to what the previous sentences
	// said ("Of those", "that number", "هذه الأرقام"): the sentence continues their time.
	anaphoraWords = map[string]bool{"those": true, "these": true, "this": true, "هذه": true, "هذا": true, "ذلك": true, "تلك": true, "هؤلاء": true}
	// "that number", "that figure": "that" points back only before such a noun.
	anaphoraNouns = map[string]bool{"number": true, "figure": true, "total": true, "amount": true, "period": true}
	// Words that make a figure a total ("العدد الإجمالي للحسابات … أزيد من 610 آلاف",
	// "bringing the total to 15"): it takes only a period stated after them.
	totalWords = map[string]bool{"الاجمالي": true, "اجمالي": true, "اجمالا": true, "مجموع": true, "المجموع": true, "total": true, "overall": true, "altogether": true}
	// Words a bare month name needs before it when it is also a common word ("may",
	// "march", "مارس", "اب").
	monthCues = map[string]bool{"in": true, "since": true, "last": true, "this": true, "early": true, "late": true, "mid": true, "of": true, "from": true,
		"between": true, "and": true, "to": true, "through": true, "until": true, "during": true, "by": true, "next": true,
		"في": true, "منذ": true, "شهر": true, "من": true, "بين": true, "حتي": true, "الي": true, "خلال": true, "مطلع": true, "منتصف": true, "نهايه": true, "اواخر": true}
	ambiguousMonths = map[string]bool{"may": true, "march": true, "مارس": true, "اب": true, "ماي": true}
	// Arabic month names of two words: "تشرين الثاني", "كانون الأول".
	secondMonthWords = map[string]map[string]time.Month{
		"تشرين": {"الاول": 10, "الثاني": 11},
		"كانون": {"الاول": 12, "الثاني": 1},
	}
)

// timeTriggers is every word a time stated without a number starts with: a month, a day
// name, "العام"/"year", "الشهر"/"month", "الفترة"/"period", "الربع"/"quarter", "النصف"/"half".
var timeTriggers = func() map[string]bool {
	out := map[string]bool{}
	for w := range monthsByName {
		out[w] = true
	}
	for w := range secondMonthWords {
		out[w] = true
	}
	for w := range weekdays {
		out[w] = true
	}
	for _, set := range []map[string]bool{yearNouns, monthNouns, periodNouns, quarterWords, halfWords} {
		for w := range set {
			out[w] = true
		}
	}
	return withClitics(out)
}()

// noted is a bit set of a hash of the last letters (tail) of every word that tokenize
// notes for the reading of periods: a word ending otherwise is none, which 8 KB of bits
// tell faster than a map.
var noted = func() *[1 << 10]uint64 {
	var bits [1 << 10]uint64
	for _, set := range []map[string]bool{timeTriggers, clauseTriggers} {
		for w := range set {
			h := tail([]rune(w))
			bits[h>>6] |= 1 << (h & 63)
		}
	}
	return &bits
}()

// mayBeNoted reports whether a word may be one tokenize notes.
func mayBeNoted(word []rune) bool {
	h := tail(word)
	return noted[h>>6]&(1<<(h&63)) != 0
}

// tail hashes a word's last three letters (all of a shorter word's): two would let
// through every plural in ين and every word in ان.
func tail(w []rune) uint16 {
	// The count of letters hashed, then each letter's low 16 bits, unrolled: tokenize asks it
	// of every word.
	var x uint64
	switch n := len(w); {
	case n >= 3:
		x = 3<<48 | uint64(w[n-3]&0xFFFF)<<32 | uint64(w[n-2]&0xFFFF)<<16 | uint64(w[n-1]&0xFFFF)
	case n == 2:
		x = 2<<32 | uint64(w[0]&0xFFFF)<<16 | uint64(w[1]&0xFFFF)
	case n == 1:
		x = 1<<16 | uint64(w[0]&0xFFFF)
	}
	return uint16((x * 0x9E3779B97F4A7C15) >> 48)
}

// withClitics adds to a set of normalized words their spellings with a clitic glued before
// ("والعام", "بنيسان", "للفترة"), so that a word's text as written is looked up once,
// without working out its spellings.
func withClitics(set map[string]bool) map[string]bool {
	out := map[string]bool{}
	for w := range set {
		out[w] = true
		if w[0] < 0x80 {
			continue
		}
		stems := []string{w}
		if len(w) > len("ال") && w[:len("ال")] == "ال" {
			stems = append(stems, w[len("ال"):])
		}
		for _, stem := range stems {
			for _, p := range prefixes {
				out[p+stem] = true
			}
		}
	}
	return out
}

// timeWords lists the words above for the lexicon (grammarWords).
func timeWords() []string {
	var out []string
	for _, set := range []map[string]bool{shiftWords, lastPartWords, startingWords, publicationVerbs, speechVerbs, totalWords, currentWords, yearNouns, monthNouns, comparisonWords, periodNouns, samePeriodWords, earlierWords, anaphoraWords, monthCues, ambiguousMonths} {
		for w := range set {
			out = append(out, w)
		}
	}
	for w := range weekdays {
		out = append(out, w)
	}
	for w := range anaphoraNouns {
		out = append(out, w)
	}
	return append(out, "that", "يوم", "امس", "اعتبارا", "بدايه", "starting", "الان", "now", "حتي", "until", "far", "so")
}

// hasForm reports whether token k may be a spelling of a word of set.
func (d *document) hasForm(k int, set map[string]bool) bool {
	if k < 0 || k >= len(d.tokens) {
		return false
	}
	for _, form := range d.tokens[k].variants() {
		if set[form] {
			return true
		}
	}
	return false
}

// monthAt is the month token k names ("تشرين الثاني" takes two tokens), 0 when none.
func (d *document) monthAt(k int) (time.Month, int) {
	for _, form := range d.tokens[k].variants() {
		if second, ok := secondMonthWords[form]; ok && k+1 < len(d.tokens) {
			for _, next := range d.tokens[k+1].variants() {
				if m, ok := second[next]; ok {
					return m, 2
				}
			}
		}
		if m, ok := monthsByName[form]; ok {
			return m, 1
		}
	}
	return 0, 0
}

// wordPeriods reads the times stated without a year of their own in the sentences that
// hold claims and the few before them: "last December", "بين نيسان وحزيران الماضيين",
// "بين الحادي والعشرين والرابع والعشرين من نوفمبر الحالي", "العام الماضي", "this month",
// "on Monday", "the same period", "during the fourth quarter". They are placed against the
// article's date, else the year named last before (a past month), else they only block.
func (x *Extractor) wordPeriods(doc *document, quantities []numbers.Quantity, mentions []*mention, out []periodMention) []periodMention {
	added := len(out)
	q := 0 // the first quantity ending after the token
	lastYear := 0
	claim := 0 // the first claim in or after the token's sentence
	for next, k := range doc.timeTokens {
		k := int(k)
		t := &doc.tokens[k]
		if next > 0 && k <= int(doc.timeTokens[next-1]) {
			continue
		}
		for q < len(quantities) && quantities[q].NormEnd <= t.start {
			if y, ok := yearOf(quantities[q]); ok && quantities[q].Kind == "year" {
				lastYear = y
			}
			q++
		}
		if q < len(quantities) && quantities[q].NormStart <= t.start {
			continue // inside a number: "June 2014" is read with its year
		}
		s := doc.sentenceAt(t.start)
		for claim < len(mentions) && (mentions[claim].sentence < s || !mentions[claim].quantity.IsClaim) {
			claim++
		}
		if claim == len(mentions) || mentions[claim].sentence > s+3 {
			continue // no claim in this sentence or the next three: its times matter to none
		}
		if q > 0 && t.start-quantities[q-1].NormEnd <= 3 && quantities[q-1].Kind != "" {
			if m, n := doc.monthAt(k); m != 0 {
				doc.timeTokens[next] = int32(k + n - 1) // "تشرين الثاني نوفمبر": the other name of the date's month
				continue
			}
		}
		var p periodMention
		var n int
		var ok bool
		if p, n, ok = x.monthPeriod(doc, quantities, k, lastYear); !ok {
			if p, n, ok = doc.relativePeriodWords(k, lastYear); !ok {
				continue
			}
		}
		p.sentence = s
		if !p.ignored {
			out = append(out, p)
		}
		doc.timeTokens[next] = int32(k + n - 1) // the words read are not read again
	}
	if len(out) == added {
		return out
	}
	slices.SortStableFunc(out, func(a, b periodMention) int { return cmp.Compare(a.at, b.at) })
	// "the same period": the time stated last before it, placed or not.
	for i := range out {
		if !out[i].backReference {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if !out[j].day && !out[j].backReference && !out[j].comparison {
				out[i].period = out[j].period
				break
			}
		}
	}
	return out
}

// sameMonth skips the month's other name after token end ("كانون الأول/ ديسمبر").
func (d *document) sameMonth(end int, month time.Month) int {
	if end > 0 && end < len(d.tokens) && d.tokens[end].start-d.tokens[end-1].end <= 3 {
		if m, n := d.monthAt(end); m == month {
			return end + n
		}
	}
	return end
}

// monthPeriod reads a month named without a year at token k: its days ("بين الحادي
// والعشرين والرابع والعشرين من نوفمبر"), a range of months, "since" (From only), and
// "الماضي"/"last" or "الجاري"/"this" to place it.
func (x *Extractor) monthPeriod(doc *document, quantities []numbers.Quantity, k, lastYear int) (periodMention, int, bool) {
	month, words := doc.monthAt(k)
	if month == 0 {
		return periodMention{}, 0, false
	}
	t := doc.tokens[k]
	if words == 1 && doc.hasForm(k, ambiguousMonths) && !doc.hasForm(k-1, monthCues) {
		return periodMention{}, 0, false // "may", "مارس" (practised) without a cue before
	}
	if t.text[0] < 0x80 && !doc.hasForm(k-1, monthCues) {
		return periodMention{}, 0, false // an English month alone is a name ("April Smith")
	}
	end := doc.sameMonth(k+words, month)
	last := month
	// A range: "بين نيسان وحزيران", "between October and December", "نيسان حزيران".
	if next := end; next < len(doc.tokens) && !doc.tokens[next].breakBefore {
		if rangeLinks[doc.tokens[next].text] {
			next++
		}
		if next < len(doc.tokens) {
			if m, n := doc.monthAt(next); m > month {
				last, end = m, doc.sameMonth(next+n, m)
			}
		}
	}
	if y := quantityAt(quantities, t.end, doc.tokens[end-1].end+12); y != nil && (y.Kind == "year" || y.Kind == "date") {
		return periodMention{}, 0, false // "نيسان من عام 2018", "between July and December 2017": read with the year
	}
	past, current := false, false
	if end < len(doc.tokens) && !doc.tokens[end].breakBefore {
		past, current = doc.hasForm(end, pastWords), doc.hasForm(end, currentWords)
		if past || current {
			end++
		}
	}
	past = past || doc.hasForm(k-1, pastWords)
	current = current || k > 0 && doc.tokens[k-1].text == "this"
	before := doc.wordsBefore(t.start, 3)
	p := periodMention{at: t.start, end: doc.tokens[end-1].end}
	switch {
	case containsAny(before, comparisonWords):
		p.comparison = true // "compared with last December": no period, a time of its sentence's own
		return p, end - k, true
	case doc.statementTime(k):
		p.ignored = true // "نشرت في أكتوبر الماضي": read, so that its other name is not, and dropped
		return p, end - k, true
	}
	year, ok := doc.monthYear(month, last, past, current, lastYear)
	// Ordinal days before: "بين الحادي والعشرين والرابع والعشرين من تشرين الثاني".
	if k > 0 && (doc.tokens[k-1].text == "من" || doc.tokens[k-1].text == "of") {
		if d2 := ordinalDayBefore(quantities, doc.tokens[k-1].start); d2 != nil {
			p.at = d2.NormStart
			from := int(d2.Value)
			if d1 := ordinalDayBefore(quantities, d2.NormStart); d1 != nil && d1.Value < d2.Value && len(doc.wordsBetween(d1.NormEnd, d2.NormStart)) <= 1 {
				p.at, from = d1.NormStart, int(d1.Value)
			}
			if ok {
				p.period = interval.Period{From: day(year, month, from), To: day(year, month, int(d2.Value))}
				p.day = p.period.From.Equal(p.period.To)
			}
			return p, end - k, true
		}
	}
	since := containsAny(before, sinceWords) || containsAny(before, startWords) && (doc.tokens[k-1].text == "من" || doc.tokens[k-1].text == "اعتبارا")
	since = since || containsAny(doc.wordsBefore(t.start, 2), startingWords)
	if !ok || !past && !current && !since {
		// No year to place it in, or none said ("تتكلف عدة ملايين في شهر نوفمبر" may
		// well be ahead): it only blocks.
		return p, end - k, true
	}
	p.period = interval.Period{From: day(year, month, 1), To: endOfMonth(year, last)}
	if since {
		p.period.To = doc.article.Date
		end = doc.untilNow(end)
		p.end = doc.tokens[end-1].end
	}
	return p, end - k, true
}

// Words of "اعتباراً من", "starting in" (a since), and of "وحتى الآن", "until now", "so far".
var (
	startingWords = map[string]bool{"اعتبارا": true, "starting": true}
	untilWords    = map[string]bool{"حتي": true, "until": true, "so": true}
	nowWords      = map[string]bool{"الان": true, "now": true, "far": true}
	dayNounWords  = map[string]bool{"يوم": true, "امس": true}
)

// untilNow extends a "since" over "وحتى الآن", "until now", "so far" after it.
func (d *document) untilNow(end int) int {
	if end+1 < len(d.tokens) && d.hasForm(end, untilWords) && d.hasForm(end+1, nowWords) {
		return end + 2
	}
	return end
}

// quantityAt is the quantity starting in [from, to), nil when none.
func quantityAt(quantities []numbers.Quantity, from, to int) *numbers.Quantity {
	i := sort.Search(len(quantities), func(i int) bool { return quantities[i].NormStart >= from })
	if i < len(quantities) && quantities[i].NormStart < to {
		return &quantities[i]
	}
	return nil
}

// ordinalDayBefore is the ordinal day ("الحادي والعشرين", "21st") ending just before an
// offset, nil when none.
func ordinalDayBefore(quantities []numbers.Quantity, at int) *numbers.Quantity {
	i := sort.Search(len(quantities), func(i int) bool { return quantities[i].NormEnd > at }) - 1
	if i < 0 {
		return nil
	}
	q := &quantities[i]
	if q.Kind != "ordinal" || q.Unit == "fraction" || q.Value < 1 || q.Value > 31 || at-q.NormEnd > 3 {
		return nil
	}
	return q
}

// monthYear places a month (or a range of months ending with last) named without its year:
// the article's year for "الجاري"/"this", the last such month before the article's date
// for "الماضي"/"last" and the last one up to it otherwise; with no article date, the year
// named last before, for a past month only.
func (d *document) monthYear(month, last time.Month, past, current bool, lastYear int) (int, bool) {
	date := d.article.Date
	if date.IsZero() {
		if current || lastYear == 0 {
			return 0, false
		}
		return lastYear, true
	}
	year := date.Year()
	switch {
	case current:
	case past && last >= date.Month(), last > date.Month():
		year--
	}
	return year, true
}

// relativePeriodWords reads, at token k, "العام الماضي", "last year", "this year", "الشهر
// الجاري", "last month" (with "منذ"/"since", "منتصف"/"mid" and "مطلع"/"start" before),
// "the same period", "في آخر فترة", a day ("on Monday", "يوم الاثنين") and a part of a
// year with no year ("during the fourth quarter", "الربع الأخير").
func (d *document) relativePeriodWords(k, lastYear int) (periodMention, int, bool) {
	p, n, ok := d.relativeTime(k, lastYear)
	switch {
	case !ok:
	case containsAny(d.wordsBefore(d.tokens[k].start, 3), comparisonWords):
		return periodMention{at: p.at, end: p.end, comparison: true}, n, true // "مقارنة بالعام الماضي"
	case d.statementTime(k):
		return p, 0, false // "said Tuesday"
	}
	return p, n, ok
}

// relativeTime is relativePeriodWords before the look at the words before.
func (d *document) relativeTime(k, lastYear int) (periodMention, int, bool) {
	t := d.tokens[k]
	date := d.article.Date
	p := periodMention{at: t.start, end: t.end}
	before := d.wordsBefore(t.start, 3)
	switch {
	case d.hasForm(k, yearNouns) || d.hasForm(k, monthNouns):
		year := d.hasForm(k, yearNouns)
		past, current := false, false
		switch {
		case k+1 < len(d.tokens) && !d.tokens[k+1].breakBefore && d.hasForm(k+1, pastWords) && !(t.text[0] < 0x80):
			past, p.end = true, d.tokens[k+1].end
		case k+1 < len(d.tokens) && !d.tokens[k+1].breakBefore && d.hasForm(k+1, currentWords) && !(t.text[0] < 0x80):
			current, p.end = true, d.tokens[k+1].end
		case k > 0 && (d.tokens[k-1].text == "last"):
			past, p.at = true, d.tokens[k-1].start
		case k > 0 && (d.tokens[k-1].text == "this" || d.tokens[k-1].text == "هذا" || d.tokens[k-1].text == "هذه"):
			current, p.at = true, d.tokens[k-1].start
		}
		if !past && !current {
			return p, 0, false
		}
		n := 1
		if p.end > t.end {
			n = 2
		}
		// "لنفس الفترة من العام الماضي": the base of a comparison.
		if k >= 2 && d.hasForm(k-2, periodNouns) {
			return p, 0, false
		}
		since := containsAny(before, sinceWords) || containsAny(before, startWords)
		mid := containsAny(before, midWords)
		if date.IsZero() {
			return p, n, true // only blocks
		}
		var from, to time.Time
		switch {
		case year && past:
			from, to = day(date.Year()-1, 1, 1), day(date.Year()-1, 12, 31)
		case year:
			from, to = day(date.Year(), 1, 1), date
		case past:
			first := day(date.Year(), date.Month(), 1).AddDate(0, -1, 0)
			from, to = first, endOfMonth(first.Year(), first.Month())
		default:
			from, to = day(date.Year(), date.Month(), 1), date
		}
		if mid && year {
			from = day(from.Year(), 7, 1)
		}
		if since || mid && containsAny(before, sinceWords) {
			to = date
			end := d.untilNow(k + n)
			p.end = d.tokens[end-1].end
			n = end - k
		}
		p.period = interval.Period{From: from, To: to}
		return p, n, true
	case d.hasForm(k, periodNouns):
		// "the same period", "الفترة ذاتها", "في آخر فترة", "the latest reporting period",
		// not "the previous period" nor "نفس الفترة من العام الماضي".
		near := d.tokens[max(0, k-5):min(len(d.tokens), k+2)]
		if !containsAny(near, samePeriodWords) {
			return p, 0, false
		}
		// "نفس الفترة من العام الماضي", "the same period a year earlier": a comparison's base.
		for j := k + 1; j < len(d.tokens) && j <= k+3 && !d.tokens[j].breakBefore; j++ {
			if d.hasForm(j, yearNouns) && (d.hasForm(j+1, shiftWords) || d.hasForm(j-1, shiftWords)) {
				p.comparison = true
				return p, 1, true
			}
		}
		p.backReference = true
		return p, 1, true
	}
	if wd, ok := d.weekdayAt(k); ok {
		if date.IsZero() {
			return p, 0, false
		}
		back := (int(date.Weekday()) - int(wd) + 7) % 7
		on := date.AddDate(0, 0, -back)
		p.period, p.day = interval.Period{From: on, To: on}, true
		return p, 1, true
	}
	// "during the fourth quarter", "الربع الأخير" (no number: the quantities hold the others).
	if d.hasForm(k, quarterWords) || d.hasForm(k, halfWords) {
		quarter := d.hasForm(k, quarterWords)
		n := ordinalIn(d.tokens[max(0, k-1):min(len(d.tokens), k+2)])
		if d.hasForm(k+1, lastPartWords) || d.hasForm(k-1, lastPartWords) {
			n = 2
			if quarter {
				n = 4
			}
		}
		if n <= 0 || k+2 < len(d.tokens) && (d.tokens[k+1].text == "of" || d.tokens[k+2].text == "من" || d.tokens[k+1].text == "من") {
			return p, 0, false // "the last quarter of 2017": read with the year
		}
		if from, to, ok := d.yearPart(lastYear, n, quarter); ok {
			p.period = interval.Period{From: from, To: to}
		}
		return p, 1, true
	}
	return p, 0, false
}

// shiftWords move a time back: "a year earlier", "العام الماضي", "السنة السابقة".
var shiftWords = map[string]bool{"earlier": true, "before": true, "ago": true, "previous": true, "last": true, "prior": true,
	"الماضي": true, "الماضيه": true, "السابق": true, "السابقه": true, "المنصرم": true}

// lastPartWords name the last quarter or half of a year.
var lastPartWords = map[string]bool{"الاخير": true, "الاخيره": true, "last": true, "final": true}

// weekdayAt reads a day name at token k: "on Monday", "Tuesday", "يوم الاثنين" (the Arabic
// names also mean "the two", "the one": they need يوم, أمس or الماضي with them).
func (d *document) weekdayAt(k int) (time.Weekday, bool) {
	for _, form := range d.tokens[k].variants() {
		wd, ok := weekdays[form]
		if !ok {
			continue
		}
		if d.tokens[k].text[0] >= 0x80 && !d.hasForm(k-1, dayNounWords) && !d.hasForm(k+1, pastWords) {
			return 0, false
		}
		return wd, true
	}
	return 0, false
}

// yearPart is the quarter or half n of the year the text is about: the year named last
// before, else the article's (the previous one when the part has not ended by its date:
// "YouTube pulled 8 million videos in Q4", said in April).
func (d *document) yearPart(lastYear, n int, quarter bool) (time.Time, time.Time, bool) {
	year, fromArticle := lastYear, false
	if year == 0 {
		if d.article.Date.IsZero() {
			return time.Time{}, time.Time{}, false
		}
		year, fromArticle = d.article.Date.Year(), true
	}
	months := 6
	if quarter {
		months = 3
	}
	if n*months > 12 {
		return time.Time{}, time.Time{}, false
	}
	to := endOfMonth(year, time.Month(n*months))
	if fromArticle && to.After(d.article.Date) {
		year--
		to = endOfMonth(year, time.Month(n*months))
	}
	return day(year, time.Month(n*months-months+1), 1), to, true
}

// partLetter is 'q' or 'h' when the number is a quarter or half written "Q4", "H2".
func partLetter(doc *document, q numbers.Quantity) byte {
	if q.NormStart < 1 || q.NormEnd-q.NormStart != 1 {
		return 0
	}
	switch doc.text.Runes[q.NormStart-1] {
	case 'q':
		return 'q'
	case 'h':
		return 'h'
	}
	return 0
}

// statementVerbs publish or say: a time right after them is when a figure was published
// ("وفقاً لإحصائيات نشرت في أكتوبر الماضي", "a report released in July"), not its span.
var (
	publicationVerbs = map[string]bool{"نشر": true, "نشرت": true, "نشره": true, "نشرته": true, "نشرها": true, "صدر": true, "صدرت": true, "اصدر": true, "اصدرت": true,
		"published": true, "released": true, "issued": true}
	speechVerbs = map[string]bool{"said": true, "announced": true, "قال": true, "قالت": true, "اعلن": true, "اعلنت": true}
)

// statementTime reports whether the time at token k tells when something was published
// (a publication verb among the six words before it in its clause: "تقرير كان نشره خبراء
// من الأمم المتحدة في تموز الماضي") or said ("said Tuesday", "قالت اليوم").
func (d *document) statementTime(k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if d.hasForm(j, publicationVerbs) || j >= k-2 && d.hasForm(j, speechVerbs) {
			return true
		}
		if d.tokens[j+1].breakBefore && j+1 < k {
			return false
		}
	}
	return false
}
