package numbers

import (
	"math"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/interval"
)

// mention reads the quantity whose number starts at token i; spanFrom is where its span
// starts when a glued "%" comes first ("%20").
func (st *state) mention(i, spanFrom int) (mention, bool) {
	c, ok := st.core(i)
	if !ok {
		return mention{}, false
	}
	m := mention{from: c.from, to: c.to, ns: c.ns, ne: c.ne, value: c.value, isClaim: true, qual: claim.Exact, reading: c.reading}
	if spanFrom < i {
		m.from, m.ns, m.unit = spanFrom, int(st.toks[spanFrom].start), "percent"
	}
	if c.digits && (c.plain || c.spaceGrouped && c.scale == 1) && spanFrom == i {
		if kind, to, ok := st.digitsKind(c); ok {
			m = st.simple(i, to, c.value, kind)
			if kind == "citation" {
				m.ns = int(st.toks[i].start)
			}
			return m, true
		}
	}
	if c.fraction {
		return st.fractionMention(c, m), true
	}
	if c.vague {
		m.qual = claim.Vague
		m.iv = interval.Interval{Low: c.lo, High: c.hi}
		if st.percentAfter(&m) {
			m.unit = "percent"
		}
		return m, true
	}
	st.compoundScale(&c, &m)
	if st.percentAfter(&m) {
		m.unit = "percent"
	}

	// Ranges and "1 من أصل 6".
	if st.rangeMention(&c, &m) {
		return m, true
	}
	if st.outOf(&c, &m) {
		return m, true
	}

	// Numbers that count nothing.
	if kind, to, ok := st.contextKind(&c, &m); ok {
		m.to, m.ne = to, int(st.toks[to-1].end)
		m.isClaim, m.kind, m.qual = false, kind, claim.Exact
		m.iv = interval.Exact(m.value)
		return m, true
	}
	st.qualify(&m)
	return m, true
}

// digitsKind tells plain digits that are times, list numbers, phone numbers, addresses
// or identifiers; to is the token after the mention.
func (st *state) digitsKind(c core) (string, int, bool) {
	i := c.from
	t := &st.toks[i]
	// 10:30
	if c.plain && c.nDigits <= 2 && c.value <= 24 && st.punct(i+1, ':') && st.glued(i+1) && st.number(i+2) && st.glued(i+2) &&
		st.toks[i+2].end-st.toks[i+2].start == 2 {
		to := i + 3
		if st.punct(to, ':') && st.glued(to) && st.number(to+1) && st.glued(to+1) {
			to += 2
		}
		return "time", to, true
	}
	// "1- فيس بوك" at the start of a line.
	if t.lineStart && c.plain && c.nDigits <= 3 && (st.punct(i+1, '-') || st.punct(i+1, '.') || st.punct(i+1, ')')) &&
		!(st.number(i+2) && st.glued(i+2)) {
		return "list_number", c.to, true
	}
	// Phone: a phone word shortly before on the line, or a long run starting with 0.
	if st.phoneContext(i) || c.nDigits >= 8 && st.rs[t.start] == '0' {
		return "phone", st.phoneTail(c.to), true
	}
	// "تونس 1002": a postcode closes an address line.
	postcode := t.addressDist < noAddress && c.nDigits >= 4 && c.nDigits <= 5 && (i+1 >= len(st.toks) || st.toks[i+1].lineStart)
	if t.addressLine || t.addressDist <= 3 || postcode {
		to := c.to
		for k := 0; k < 4 && (st.punct(to, '-') || st.punct(to, '/')) && st.glued(to) && st.number(to+1) && st.glued(to+1); k++ {
			to += 2
		}
		return "address", to, true
	}
	if c.nDigits > 12 {
		return "identifier", c.to, true
	}
	return "", 0, false
}

func (st *state) phoneContext(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if st.word(k).has(fPhone) {
			return true
		}
		if st.toks[k].lineStart {
			break
		}
	}
	return false
}

// phoneTail extends a phone number over the digit groups that follow on its line.
func (st *state) phoneTail(to int) int {
	for k := 0; k < 6; k++ {
		switch {
		case st.number(to) && st.sameLine(to) && st.toks[to].spaceBefore && st.toks[to].end-st.toks[to].start <= 4:
			to++
		case (st.punct(to, '-') || st.punct(to, '.')) && st.number(to+1) && st.sameLine(to+1):
			to += 2
		default:
			return to
		}
	}
	return to
}

// percentAfter takes a percent sign or word after the number: "80 %", "20 في المئة",
// "20 بالمئة", "20 percent", "20 per cent".
func (st *state) percentAfter(m *mention) bool {
	j := m.to
	if j >= len(st.toks) || !st.sameLine(j) {
		return false
	}
	switch {
	case st.punct(j, '%'):
		m.to, m.ne = j+1, int(st.toks[j].end)
		return true
	case st.bare(j) != nil && st.bare(j).has(fFunction) && st.bare(j+1).has(fPercentWord) && st.rs[st.toks[j].start] == 'ف':
		m.to, m.ne = j+2, int(st.toks[j+1].end)
		return true
	case st.word(j).has(fPercentWord) && (st.toks[j].clitic == 0 || st.rs[st.toks[j].start] == 'ب') && st.toks[j].lineStart == false:
		m.to, m.ne = j+1, int(st.toks[j].end)
		return true
	case st.bare(j) == st.l.per && st.bare(j+1) == st.l.cent:
		m.to, m.ne = j+2, int(st.toks[j+1].end)
		return true
	}
	return false
}

// rangeMention reads "بين 500 و550", "ما بين 27 و31 ألف", "من 20 إلى 30", "20-30",
// "between 20 and 30", "20 to 30".
func (st *state) rangeMention(c *core, m *mention) bool {
	j := m.to
	if j >= len(st.toks) || !st.sameLine(j) {
		return false
	}
	p := c.from - 1
	if m.unit == "percent" && m.from < c.from {
		p = m.from - 1
	}
	between := p >= st.lastEnd && st.word(p).has(fBetween)
	from := p >= st.lastEnd && st.bare(p).has(fFrom)
	y := -1
	switch {
	case between && st.bare(j) == st.l.waw && (st.number(j+1) || st.isNumberWord(j+1)):
		y = j + 1
	case between && st.toks[j].kind == tokWord && st.hasWaw(j) && st.isNumberWord(j):
		y = j
	case between && st.bare(j).has(fAnd) && (st.number(j+1) || st.isNumberWord(j+1)):
		y = j + 1
	case c.digits && st.punct(j, '-') && st.number(j+1) && st.sameLine(j+1):
		y = j + 1
	case st.bare(j).has(fRangeTo) && (from || st.rs[st.toks[j].start] == 't' || st.rs[st.toks[j].start] == 'ا' && c.digits) &&
		(st.number(j+1) || st.isNumberWord(j+1)) && st.sameLine(j+1):
		y = j + 1
	}
	if y < 0 {
		return false
	}
	yc, ok := st.core(y)
	if !ok || yc.vague || yc.fraction || yc.digits != c.digits {
		return false
	}
	ym := mention{to: yc.to, ne: yc.ne}
	percent := st.percentAfter(&ym)
	low, high := c.value, yc.value
	// "ما بين 27 و31 ألف": the scale written once applies to both ends.
	if c.scale == 1 && yc.scale > 1 && c.value*yc.scale <= yc.value {
		low = c.value * yc.scale
	}
	m.to, m.ne = ym.to, ym.ne
	if percent {
		m.unit = "percent"
	}
	if !between && !from {
		// "نحو 20 إلى 30 ألفا": an approximate range is widened by the tolerance.
		if q, first := st.qualifierBefore(m.from); q == claim.Approx {
			m.from, m.ns = first, st.startOf(first)
			defer func() {
				if m.isClaim {
					m.iv = m.iv.Widen(st.s.tolerance)
				}
			}()
		}
	}
	if between || from {
		m.from, m.ns = p, st.startOf(p)
		if between && st.bare(p-1) == st.l.ma && p-1 >= st.lastEnd {
			m.from, m.ns = p-1, int(st.toks[p-1].start)
		}
	}
	m.value = math.Min(low, high)
	m.iv = interval.Between(low, high)
	m.qual = claim.Range
	if c.reading == "" {
		m.reading = yc.reading
	}
	// Day ranges before a month, age brackets, year ranges and durations count nothing.
	both := c.plain && yc.plain
	switch {
	case both && low >= 1 && high <= 31 && st.monthAfter(m.to) > m.to:
		m.to = st.yearAfter(st.monthAfter(m.to))
		m.ne = int(st.toks[m.to-1].end)
		m.kind = "date"
	case st.ageContext(m.from, m.to) > 0:
		m.to = st.ageContext(m.from, m.to)
		m.ne = int(st.toks[m.to-1].end)
		m.kind = "age"
	case both && isYearLike(low) && isYearLike(high) && c.nDigits == 4 && yc.nDigits == 4:
		m.kind = "year"
	case st.word(m.to).has(fTimeUnit) && st.sameLine(m.to):
		m.kind = "duration"
	default:
		return true
	}
	m.isClaim = false
	m.qual = claim.Exact
	m.value = low
	m.iv = interval.Between(low, high)
	return true
}

// outOf reads "1 من أصل 6", "1 out of 6", "one in five" as a fraction.
func (st *state) outOf(c *core, m *mention) bool {
	j := m.to
	y := -1
	switch {
	case st.bare(j) == st.l.min && st.bare(j+1) == st.l.asl:
		y = j + 2
	case st.bare(j) == st.l.out && st.bare(j+1) == st.l.of:
		y = j + 2
	case st.bare(j) == st.l.in && c.value < 100:
		y = j + 1
	case st.bare(j) == st.l.min && st.bare(j+1) == st.l.kull:
		y = j + 2
	}
	if y < 0 || y >= len(st.toks) || !st.sameLine(y) {
		return false
	}
	yc, ok := st.core(y)
	if !ok || yc.vague || yc.fraction || yc.value <= 0 || yc.value < c.value || !(st.number(y) || st.isNumberWord(y)) {
		return false
	}
	if st.word(yc.to).has(fTimeUnit) {
		return false
	}
	share := c.value / yc.value
	m.to, m.ne = yc.to, yc.ne
	m.value, m.iv, m.qual, m.unit = share, interval.Exact(share), claim.Fraction, "fraction"
	return true
}

// fractionMention: ثلث, نصفهم, a third; "النصف الثاني من عام 2017" is a period.
func (st *state) fractionMention(c core, m mention) mention {
	m.value, m.iv, m.qual, m.unit = c.value, interval.Exact(c.value), claim.Fraction, "fraction"
	j := c.to
	// "the second half of 2016", "the fourth quarter of 2017": a named part of a year.
	if p := c.from - 1; p >= st.lastEnd && st.bare(p).has(fEnglishOrdinal) && st.bare(j) == st.l.of {
		m.from, m.ns = p, st.startOf(p)
		m.isClaim, m.kind = false, "ordinal"
		return m
	}
	switch {
	case st.bare(j).has(fOrdinal) && st.bare(j).has(fPeriodNext):
		// "النصف الثاني", "الربع الأول": a named part of a year.
		m.to, m.ne = j+1, int(st.toks[j].end)
		m.isClaim, m.kind = false, "ordinal"
		return m
	case st.bare(j).has(fPeriodNext) || st.bare(j) == st.l.min && st.word(j+1).has(fYearStrong):
		m.isClaim, m.kind = false, "period"
		return m
	case st.word(j).has(fTimeUnit):
		m.isClaim, m.kind = false, "duration"
		return m
	}
	q, from := st.qualifierBefore(m.from)
	if q != "" {
		m.from, m.ns = from, st.startOf(from)
		if q == approxBelow {
			q = claim.Approx
		}
		m.qual = q // "more than half": the bound is the qualifier's; the unit says fraction
		switch q {
		case claim.MoreThan:
			m.iv = interval.Interval{Low: c.value, High: 1, LowOpen: true}
		case claim.AtLeast:
			m.iv = interval.Interval{Low: c.value, High: 1}
		case claim.LessThan:
			m.iv = interval.LessThan(c.value)
		case claim.AtMost:
			m.iv = interval.AtMost(c.value)
		case claim.Approx:
			m.iv = interval.Approx(c.value, st.s.tolerance)
		}
	}
	return m
}

// contextKind tells dates, ages, durations and years; to is the token after the mention.
func (st *state) contextKind(c *core, m *mention) (string, int, bool) {
	i := c.from
	if m.unit == "" && c.digits && c.plain {
		// "8th October", "the 21st": an ordinal.
		if e := st.word(m.to); st.glued(m.to) && e == nil && st.ordinalSuffix(m.to) {
			if to := st.monthAfter(m.to + 1); to > m.to+1 {
				return "date", st.yearAfter(to), true
			}
			return "ordinal", m.to + 1, true
		}
		if c.value >= 1 && c.value <= 31 && c.nDigits <= 2 {
			if to := st.monthAfter(m.to); to > m.to {
				return "date", st.yearAfter(to), true
			}
		}
	}
	if to := st.ageContext(m.from, m.to); to > 0 {
		return "age", to, true
	}
	// "45 كيلومترا", "10 km": a distance.
	if m.unit == "" && st.word(m.to).has(fDistance) && st.sameLine(m.to) {
		return "distance", m.to + 1, true
	}
	// "3 p.m.", "10 am", "الساعة 9 صباحا": a clock time.
	if m.unit == "" && c.value <= 24 {
		if st.word(m.to).has(fClock) {
			return "time", m.to + 1, true
		}
		if w := st.wordText(m.to); (w == "a" || w == "p") && st.punct(m.to+1, '.') && st.wordText(m.to+2) == "m" && st.glued(m.to+1) && st.glued(m.to+2) {
			to := m.to + 3
			if st.punct(to, '.') && st.glued(to) {
				to++
			}
			return "time", to, true
		}
	}
	// "Q4", "H2": a quarter or half of a year.
	if c.digits && c.nDigits == 1 && c.from > 0 && st.glued(c.from) {
		if w := st.wordText(c.from - 1); w == "q" || w == "h" {
			return "ordinal", m.to, true
		}
	}
	// "three-month period", "a six-month": a hyphenated time unit names a stretch of time; "a
	// three-hour siege" is how long an event lasted.
	if m.unit == "" && st.punct(m.to, '-') && st.glued(m.to) && st.glued(m.to+1) && st.word(m.to+1).has(fTimeUnit) {
		if st.word(m.to + 1).has(fShortTime) {
			return "duration", m.to, true
		}
		return "period", m.to, true
	}
	if m.unit == "" && st.word(m.to).has(fTimeUnit) && st.sameLine(m.to) && !st.word(m.to).has(fTimeDual) {
		// "the past three years", "الثلاثة أشهر الماضية": a stretch of time before now.
		if st.word(c.from-1).has(fPast) || st.word(m.to+1).has(fPast) {
			return "period", m.to, true
		}
		return "duration", m.to, true
	}
	// "الأعوام الثلاثة الماضية": a definite number after a time noun names a stretch of time.
	if st.word(c.from).has(fDefinite) && st.word(c.from-1).has(fTimeUnit) {
		return "period", m.to, true
	}
	if m.unit == "" && c.digits && c.plain {
		if st.word(m.to).has(fEra) && st.toks[m.to].clitic == 0 && st.sameLine(m.to) && c.nDigits == 4 {
			return "year", m.to + 1, true
		}
		if c.nDigits == 4 && isYearLike(c.value) && st.isYear(i, m.to) {
			return "year", m.to, true
		}
	}
	return "", 0, false
}

func isYearLike(v float64) bool { return v >= 1900 && v <= 2100 }

// isYear decides a four-digit number between 1900 and 2100: a year after عام/year or a
// year just before; a count when a qualifier comes first or a counted noun follows
// ("2000 قناة"); a year otherwise.
func (st *state) isYear(i, to int) bool {
	p := i - 1
	for p >= 0 && st.toks[p].kind == tokPunct && st.toks[p].r != '%' && p > i-3 {
		p--
	}
	if e := st.word(p); e.has(fYearStrong) {
		return true
	}
	// "بين عامي 2011 و2016", "2015 وحتى 2017".
	if st.lastYear >= i-3 && st.lastYear <= i {
		return true
	}
	if q, _ := st.qualifierBefore(i); q != "" {
		return false
	}
	if st.inListOfCounts(i, to) {
		return false
	}
	// "بعد 2011 وتوسع …", "since 2015": a time preposition makes it a year even before a word.
	if st.bare(p).has(fYearBefore) && st.toks[p].kind == tokWord && p == i-1 && (!st.nounAfter(to) || st.startsWithWaw(to)) {
		return true
	}
	if st.nounAfter(to) {
		return false
	}
	return true
}

// inListOfCounts: "تونس (6500) والسعودية (2500) … وتركيا (2100)": a figure in parentheses in
// a list of parenthesized figures where another one cannot be a year is a count like them.
func (st *state) inListOfCounts(i, to int) bool {
	if !st.punct(i-1, '(') || !st.punct(to, ')') {
		return false
	}
	const reach = 12 // tokens either side: a few list items
	for j := max(i-reach, 1); j < min(to+reach, len(st.toks)-1); j++ {
		if j == i || !st.number(j) || !st.punct(j-1, '(') || !st.punct(j+1, ')') || st.lineBetween(i, j) {
			continue
		}
		if v, ok := st.digitsValue(j); ok && !isYearLike(v) {
			return true
		}
	}
	return false
}

// lineBetween reports whether a line starts between tokens a and b (either order).
func (st *state) lineBetween(a, b int) bool {
	for k := min(a, b) + 1; k <= max(a, b); k++ {
		if st.toks[k].lineStart {
			return true
		}
	}
	return false
}

// digitsValue is the value of a number token made of digits only.
func (st *state) digitsValue(j int) (float64, bool) {
	t := &st.toks[j]
	v := 0.0
	for _, r := range st.rs[t.start:t.end] {
		if !isDigit(r) {
			return 0, false
		}
		v = v*10 + float64(r-'0')
	}
	return v, t.end > t.start
}

// startsWithWaw: word j begins with و, a new clause ("2011 وتوسع").
func (st *state) startsWithWaw(j int) bool {
	return j < len(st.toks) && st.toks[j].kind == tokWord && st.rs[st.toks[j].start] == 'و'
}

// nounAfter: the token after the number is a word that can be the counted noun.
func (st *state) nounAfter(j int) bool {
	if j >= len(st.toks) || st.toks[j].kind != tokWord || !st.sameLine(j) {
		return false
	}
	e := st.toks[j].lex
	if e == nil {
		// "2000 وظيفة" counts jobs; a glued word after و is only a noun when unknown.
		return true
	}
	return !(e.has(fFunction) || e.has(fYearStrong) || e.has(fMonth) || e.has(fRangeTo) || e.has(fBetween) || e.has(fEra))
}

func (st *state) ordinalSuffix(j int) bool {
	t := &st.toks[j]
	if t.kind != tokWord || t.end-t.start != 2 {
		return false
	}
	a, b := st.rs[t.start], st.rs[t.start+1]
	return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h'
}

// monthAfter returns the token after a month name that follows at j ("29 أبريل", "9 من
// أكتوبر", "أكتوبر/تشرين الأول"), or j when none does.
func (st *state) monthAfter(j int) int {
	k := j
	if st.punct(k, ',') {
		k++
	}
	if st.bare(k) == st.l.min || st.bare(k) == st.l.of {
		k++
	}
	if !st.bare(k).has(fMonth) || !st.sameLine(k) {
		return j
	}
	k++
	if st.bare(k).has(fMonthPart) {
		k++
	}
	if st.punct(k, '/') && st.bare(k+1).has(fMonth) {
		k += 2
		if st.bare(k).has(fMonthPart) {
			k++
		}
	}
	return k
}

// yearAfter extends a date over a year: "29 أبريل, 2018".
func (st *state) yearAfter(j int) int {
	k := j
	if st.punct(k, ',') {
		k++
	}
	if st.number(k) && st.sameLine(k) && st.toks[k].end-st.toks[k].start == 4 && st.plainDigits(k) {
		return k + 1
	}
	return j
}

// ageContext returns the token after an age mention, or 0: "عمره 25 عاما", "aged 25",
// "18-24 year-olds", "25-year-old", "25 years old".
func (st *state) ageContext(from, to int) int {
	for k := from - 1; k >= 0 && k >= from-2 && k >= st.lastEnd; k-- {
		if st.word(k).has(fAge) {
			return to
		}
		if st.toks[k].lineStart {
			break
		}
	}
	j := to
	if st.punct(j, '-') && st.glued(j) {
		j++
	}
	if st.bare(j).has(fYearOld) {
		return j + 1
	}
	if st.bare(j) == st.l.years && st.bare(j+1) == st.l.old {
		return j + 2
	}
	return 0
}

// qualifierBefore matches a qualifier phrase ending just before token i; it returns the
// qualifier and the phrase's first token.
func (st *state) qualifierBefore(i int) (claim.Qualifier, int) {
	if st.bare(i-1).has(fBareArticle) && i-1 >= st.lastEnd {
		i-- // "حوالي الـ 26 ألف"
	}
	last := i - 1
	e := st.word(last)
	if e == nil || len(e.quals) == 0 || last < st.lastEnd {
		return "", i
	}
	for _, pi := range e.quals {
		p := &st.l.phrases[pi]
		n := len(p.words)
		first := i - n
		if first < st.lastEnd || first < 0 {
			continue
		}
		ok := true
		for k, w := range p.words {
			j := first + k
			if st.word(j) != w || (k > 0 && st.toks[j].clitic != 0) || (k > 0 && st.toks[j].lineStart) {
				ok = false
				break
			}
		}
		if ok {
			return p.qual, first
		}
	}
	return "", i
}

// qualify sets the qualifier and interval of a claim from a phrase before or after it.
func (st *state) qualify(m *mention) {
	q, from := st.qualifierBefore(m.from)
	if q != "" {
		m.from, m.ns = from, st.startOf(from)
	} else {
		q = st.qualifierAfter(m)
	}
	if q == "" {
		q = claim.Exact
	}
	m.qual = q
	v := m.value
	switch q {
	case approxBelow:
		m.qual = claim.Approx
		m.iv = interval.Interval{Low: v * (1 - st.s.tolerance), High: v}
	case claim.Approx:
		m.iv = interval.Approx(v, st.s.tolerance)
	case claim.MoreThan:
		m.iv = interval.MoreThan(v)
	case claim.AtLeast:
		m.iv = interval.AtLeast(v)
	case claim.LessThan:
		m.iv = interval.LessThan(v)
	case claim.AtMost:
		m.iv = interval.AtMost(v)
	default:
		m.iv = interval.Exact(v)
	}
}

func (st *state) qualifierAfter(m *mention) claim.Qualifier {
	j := m.to
	if j >= len(st.toks) || !st.sameLine(j) {
		return ""
	}
	for pi := range st.l.phrases {
		p := &st.l.phrases[pi]
		if !p.after {
			continue
		}
		ok := true
		for k, w := range p.words {
			if st.bare(j+k) != w {
				ok = false
				break
			}
		}
		if ok {
			m.to = j + len(p.words)
			m.ne = int(st.toks[m.to-1].end)
			return p.qual
		}
	}
	return ""
}

// ordinalDate reads "التاسع من أكتوبر", "الثالث والعشرين منه": a spelled day of the month.
func (st *state) ordinalDate(i int) (mention, bool) {
	e := st.word(i)
	v := float64(e.ordinal)
	j := i + 1
	if st.bare(j).has(fTeenSuffix) {
		v += 10
		j++
	} else if n := st.word(j); n != nil && n.role == roleTens && n.has(fDefinite) && st.hasWaw(j) && v < 10 {
		v += n.value
		j++
	}
	end := j
	switch {
	case st.bare(j) == st.l.mnh:
	case st.bare(j) == st.l.min && st.bare(j+1).has(fMonth):
		// "الأول من أغسطس 2015": the month and year belong to the day.
		end = st.yearAfter(st.monthAfter(j))
	case j < len(st.toks) && st.hasWaw(j) && st.word(j).has(fOrdinal) && st.dayOfMonthAt(j):
		// "بين الحادي والعشرين والرابع والعشرين من نوفمبر": the first day of a range.
	default:
		return mention{}, false
	}
	m := st.simple(i, end, v, "ordinal")
	m.ns = st.startOf(i)
	return m, true
}

// dayOfMonthAt reports whether an ordinal day of the month ("الرابع والعشرين من نوفمبر",
// "الرابع منه") starts at word j.
func (st *state) dayOfMonthAt(j int) bool {
	e := st.word(j)
	if e == nil || e.ordinal == 0 {
		return false
	}
	k := j + 1
	if st.bare(k).has(fTeenSuffix) {
		k++
	} else if n := st.word(k); n != nil && n.role == roleTens && n.has(fDefinite) && st.hasWaw(k) {
		k++
	}
	if k >= len(st.toks) {
		return false
	}
	return st.bare(k) == st.l.mnh || st.bare(k) == st.l.min && st.bare(k+1).has(fMonth)
}

// monthFirstDate reads "October 8, 2019" and "أكتوبر 2019".
// An abbreviated month may carry its dot ("Aug. 1, 2015"). A month and a year without a
// day ("June 2014", "أكتوبر 2014") are a year mention that names its month.
func (st *state) monthFirstDate(i int) (mention, bool) {
	j := i + 1
	if st.punct(j, '.') && st.glued(j) {
		j++
	}
	if !st.number(j) || !st.sameLine(j) || !st.plainDigits(j) {
		return mention{}, false
	}
	c := st.digitsCore(j)
	switch {
	case c.nDigits <= 2 && c.value >= 1 && c.value <= 31 && c.plain:
		m := st.simple(i, st.yearAfter(j+1), c.value, "date")
		m.ns = st.startOf(i)
		return m, true
	case c.nDigits == 4 && c.plain && isYearLike(c.value):
		m := st.simple(i, j+1, c.value, "year")
		m.ns = st.startOf(i)
		return m, true
	}
	return mention{}, false
}

// compoundScale joins "7 ملايين و500 ألف" into one figure: a smaller scale after و adds.
func (st *state) compoundScale(c *core, m *mention) {
	if !c.digits || c.scale <= 1 {
		return
	}
	j := m.to
	y := -1
	switch {
	case st.bare(j) == st.l.waw && st.number(j+1) && st.glued(j+1):
		y = j + 1
	case st.bare(j) == st.l.waw && st.number(j+1) && st.sameLine(j+1):
		y = j + 1
	}
	if y < 0 || !st.sameLine(j) {
		return
	}
	yc := st.digitsCore(y)
	if yc.scale <= 1 || yc.scale >= c.scale || yc.value >= c.scale {
		return
	}
	c.value += yc.value
	c.to = yc.to
	m.value, m.to, m.ne = c.value, yc.to, yc.ne
}
