package numbers

import (
	"math/bits"
	"slices"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/normalize"
)

// role is what a word contributes to a number.
type role uint8

const (
	roleNone role = iota
	// roleUnit: Arabic 1–10, English 0–19.
	roleUnit
	// roleTeenPrefix: أحد/اثنا, only a number when عشر follows.
	roleTeenPrefix
	roleTens
	// roleHundred: a hundreds value in one word (ثلاثمائة, مئتين).
	roleHundred
	// roleHundredWord: مائة/hundred, which multiplies a unit before it.
	roleHundredWord
	roleScale
	// roleScaleDual: ألفين = 2×1000; it takes no number before it.
	roleScaleDual
	// roleScalePlural: آلاف is a scale after a number and a vague amount alone.
	roleScalePlural
	roleVague
	roleFraction
)

type flag uint64

const (
	fMonth flag = 1 << iota
	fTimeUnit
	fTimeDual
	fYearStrong
	fAge
	fPhone
	fAddress
	fAddressStrong
	fFunction
	fDefinite
	fEnglish
	fOrdinal
	fTeenSuffix
	fPercentWord
	fPeriodNext
	fBetween
	fFrom
	fRangeTo
	fWaw
	fAnd
	fArticle
	fMonthPart
	fOutOf
	fEnglishFraction
	fEra
	fYearOld
	// fPast: "الماضية", "past", "last": a number of time units near it names a stretch of time.
	fPast
	// fDistance: a unit of length after a number ("45 كيلومترا").
	fDistance
	// fBareArticle: "الـ" written apart before a number ("حوالي الـ 26 ألف").
	fBareArticle
	// fClock: "a.m.", "p.m." after a number make a time.
	fClock
	// fYearBefore: "منذ", "بعد", "since", "after": a year-like number after it is a year.
	fYearBefore
	// fShortTime: hours, minutes, days: "a three-hour siege" is a duration.
	fShortTime
	// fEnglishOrdinal: "first", "second", "last" before "half"/"quarter".
	fEnglishOrdinal
)

// entry is everything the grammar knows about one normalized word form.
type entry struct {
	role    role
	value   float64
	lo, hi  float64 // vague amounts
	flags   flag
	month   int8
	ordinal int8
	// quals lists the qualifier phrases that end with this word, for the look-back.
	quals []int
}

func (e *entry) has(f flag) bool { return e != nil && e.flags&f != 0 }

// phrase is a qualifier written before (or, when after is set, after) a number.
type phrase struct {
	words []*entry
	qual  claim.Qualifier
	after bool
}

type lexicon struct {
	words map[string]*entry
	// known is a Bloom filter of words' keys, and table the words by the same hash: most
	// text words are no number word, and hashing their runes is cheaper than encoding them
	// for a map look-up (Scanner.find).
	known   wordFilter
	table   wordTable
	phrases []phrase
	waw     *entry
	ma      *entry // ما
	min     *entry // من
	asl     *entry // أصل
	kull    *entry // كل
	mnh     *entry // منه
	of      *entry // of
	a       *entry // a / an
	dozen   *entry
	few     *entry
	percent *entry // "percent" / "pct"
	per     *entry
	cent    *entry
	old     *entry
	years   *entry
	in      *entry
	out     *entry
}

func (l *lexicon) add(word string, r role, value float64, flags flag) *entry {
	key := normalize.Word(word)
	e := l.words[key]
	if e == nil {
		e = &entry{}
		l.words[key] = e
	}
	if r != roleNone && e.role == roleNone {
		e.role = r
		e.value = value
	}
	e.flags |= flags
	return e
}

func (l *lexicon) vague(word string, lo, hi float64, flags flag) {
	e := l.add(word, roleVague, 0, flags)
	e.lo, e.hi = lo, hi
}

// definite adds the ال form of an Arabic word.
func (l *lexicon) definite(word string, r role, value float64, flags flag) *entry {
	return l.add("ال"+word, r, value, flags|fDefinite)
}

var arabicUnits = []struct {
	forms []string
	value float64
}{
	{[]string{"واحد", "واحدة", "واحدا"}, 1},
	{[]string{"اثنان", "اثنين", "اثنتان", "اثنتين"}, 2},
	{[]string{"ثلاث", "ثلاثة"}, 3},
	{[]string{"أربع", "أربعة"}, 4},
	{[]string{"خمس", "خمسة"}, 5},
	{[]string{"ست", "ستة"}, 6},
	{[]string{"سبع", "سبعة"}, 7},
	{[]string{"ثمان", "ثماني", "ثمانية"}, 8},
	{[]string{"تسع", "تسعة"}, 9},
	{[]string{"عشر", "عشرة"}, 10},
}

var arabicTens = []struct {
	forms []string
	value float64
}{
	{[]string{"عشرون", "عشرين"}, 20},
	{[]string{"ثلاثون", "ثلاثين"}, 30},
	{[]string{"أربعون", "أربعين"}, 40},
	{[]string{"خمسون", "خمسين"}, 50},
	{[]string{"ستون", "ستين"}, 60},
	{[]string{"سبعون", "سبعين"}, 70},
	{[]string{"ثمانون", "ثمانين"}, 80},
	{[]string{"تسعون", "تسعين"}, 90},
}

var hundredPrefixes = []struct {
	forms []string
	value float64
}{
	{[]string{"ثلاث"}, 3}, {[]string{"أربع"}, 4}, {[]string{"خمس"}, 5}, {[]string{"ست"}, 6},
	{[]string{"سبع"}, 7}, {[]string{"ثمان", "ثماني"}, 8}, {[]string{"تسع"}, 9},
}

var months = []struct {
	forms []string
	month int8
}{
	{[]string{"يناير", "جانفي", "كانون الثاني", "january", "jan"}, 1},
	{[]string{"فبراير", "فيفري", "فبرير", "شباط", "february", "feb"}, 2},
	{[]string{"مارس", "آذار", "march", "mar"}, 3},
	{[]string{"أبريل", "إبريل", "ابريل", "أفريل", "نيسان", "april", "apr"}, 4},
	{[]string{"مايو", "ماي", "أيار", "may"}, 5},
	{[]string{"يونيو", "يونيه", "جوان", "حزيران", "june", "jun"}, 6},
	{[]string{"يوليو", "يوليه", "يوليوز", "جويلية", "تموز", "july", "jul"}, 7},
	{[]string{"أغسطس", "أوت", "غشت", "آب", "august", "aug"}, 8},
	{[]string{"سبتمبر", "شتنبر", "أيلول", "september", "sep", "sept"}, 9},
	{[]string{"أكتوبر", "اكتوبر", "تشرين", "october", "oct"}, 10},
	{[]string{"نوفمبر", "نونبر", "november", "nov"}, 11},
	{[]string{"ديسمبر", "دجنبر", "كانون", "december", "dec"}, 12},
}

// approxBelow is "almost 50": close to the figure and under it, [50×(1−tolerance), 50]. The
// mention's qualifier is approx.
const approxBelow claim.Qualifier = "approx_below"

var qualifierPhrases = []struct {
	text  string
	qual  claim.Qualifier
	after bool
}{
	{"نحو", claim.Approx, false},
	{"في حدود", claim.Approx, false},
	{"ما يتجاوز", claim.MoreThan, false},
	{"يتجاوز", claim.MoreThan, false},
	{"تتجاوز", claim.MoreThan, false},
	{"يتخطى", claim.MoreThan, false},
	{"تفوق", claim.MoreThan, false},
	{"حوالي", claim.Approx, false},
	{"حوالى", claim.Approx, false},
	{"قرابة", claim.Approx, false},
	{"زهاء", claim.Approx, false},
	{"ما يقارب", claim.Approx, false},
	{"يقارب", claim.Approx, false},
	{"ما يقرب من", claim.Approx, false},
	{"يقرب من", claim.Approx, false},
	{"ما يناهز", claim.Approx, false},
	{"يناهز", claim.Approx, false},
	{"تقريبا", claim.Approx, false},
	{"تقريبا", claim.Approx, true},
	{"أكثر من", claim.MoreThan, false},
	{"ما يزيد على", claim.MoreThan, false},
	{"ما يزيد عن", claim.MoreThan, false},
	{"يزيد على", claim.MoreThan, false},
	{"يزيد عن", claim.MoreThan, false},
	{"أزيد من", claim.MoreThan, false},
	{"ما يربو على", claim.MoreThan, false},
	{"يربو على", claim.MoreThan, false},
	{"ما يفوق", claim.MoreThan, false},
	{"يفوق", claim.MoreThan, false},
	{"فوق", claim.MoreThan, false},
	{"أقل من", claim.LessThan, false},
	{"ما دون", claim.LessThan, false},
	{"ما لا يقل عن", claim.AtLeast, false},
	{"لا يقل عن", claim.AtLeast, false},
	{"على الأقل", claim.AtLeast, false},
	{"على الأقل", claim.AtLeast, true},
	{"حتى", claim.AtMost, false},
	{"ما يصل إلى", claim.AtMost, false},
	{"يصل إلى", claim.AtMost, false},
	{"ما لا يزيد عن", claim.AtMost, false},
	{"ما لا يزيد على", claim.AtMost, false},
	{"لا يزيد عن", claim.AtMost, false},
	{"about", claim.Approx, false},
	{"around", claim.Approx, false},
	{"approximately", claim.Approx, false},
	{"roughly", claim.Approx, false},
	{"nearly", approxBelow, false},
	{"almost", approxBelow, false},
	{"just under", approxBelow, false},
	{"some", claim.Approx, false},
	{"an estimated", claim.Approx, false},
	{"circa", claim.Approx, false},
	{"or so", claim.Approx, true},
	{"more than", claim.MoreThan, false},
	{"over", claim.MoreThan, false},
	{"in excess of", claim.MoreThan, false},
	{"upwards of", claim.MoreThan, false},
	{"at least", claim.AtLeast, false},
	{"no fewer than", claim.AtLeast, false},
	{"no less than", claim.AtLeast, false},
	{"or more", claim.AtLeast, true},
	{"up to", claim.AtMost, false},
	{"at most", claim.AtMost, false},
	{"no more than", claim.AtMost, false},
	{"fewer than", claim.LessThan, false},
	{"less than", claim.LessThan, false},
	{"under", claim.LessThan, false},
	{"below", claim.LessThan, false},
}

var fractionSuffixes = []string{"", "ه", "ها", "هم", "هما", "هن", "كم", "نا"}

func buildLexicon() *lexicon {
	l := &lexicon{words: make(map[string]*entry, 2048)}

	// Arabic cardinals.
	for _, u := range arabicUnits {
		for _, f := range u.forms {
			l.add(f, roleUnit, u.value, 0)
			if u.value >= 3 {
				// "الأعوام الثلاثة": the definite number follows a definite noun. Not 1 and 2:
				// الاثنين and الأحد are also weekdays.
				l.definite(f, roleUnit, u.value, 0)
			}
		}
	}
	l.add("عشر", roleUnit, 10, fTeenSuffix)
	l.add("عشرة", roleUnit, 10, fTeenSuffix)
	for _, f := range []string{"أحد", "إحدى"} {
		l.add(f, roleTeenPrefix, 1, 0)
	}
	for _, f := range []string{"اثنا", "اثني", "اثنتا", "اثنتي"} {
		l.add(f, roleTeenPrefix, 2, 0)
	}
	for _, t := range arabicTens {
		for _, f := range t.forms {
			l.add(f, roleTens, t.value, 0)
			l.definite(f, roleTens, t.value, 0)
		}
	}
	for _, h := range []string{"مائة", "مئة", "مية"} {
		l.add(h, roleHundredWord, 100, 0)
	}
	for _, h := range []string{"مائتان", "مائتين", "مئتان", "مئتين", "مائتا", "مئتا", "مائتي", "مئتي"} {
		l.add(h, roleHundred, 200, 0)
	}
	for _, p := range hundredPrefixes {
		for _, f := range p.forms {
			for _, h := range []string{"مائة", "مئة"} {
				l.add(f+h, roleHundred, p.value*100, 0)
			}
		}
	}
	for _, s := range []struct {
		forms []string
		value float64
	}{
		{[]string{"ألف", "ألفا"}, 1e3},
		{[]string{"مليون", "مليونا"}, 1e6},
		{[]string{"مليار", "مليارا", "بليون", "بليونا"}, 1e9},
		{[]string{"ترليون", "تريليون"}, 1e12},
	} {
		for _, f := range s.forms {
			l.add(f, roleScale, s.value, 0)
		}
	}
	for _, s := range []struct {
		forms []string
		value float64
	}{
		{[]string{"ألفان", "ألفين", "الفين", "ألفي"}, 2e3},
		{[]string{"مليونان", "مليونين", "مليوني"}, 2e6},
		{[]string{"ملياران", "مليارين"}, 2e9},
	} {
		for _, f := range s.forms {
			l.add(f, roleScaleDual, s.value, 0)
		}
	}
	for _, s := range []struct {
		form  string
		value float64
	}{{"آلاف", 1e3}, {"ملايين", 1e6}, {"مليارات", 1e9}, {"بلايين", 1e9}} {
		e := l.add(s.form, roleScalePlural, s.value, 0)
		e.lo, e.hi = 2, 9
		e = l.definite(s.form, roleScalePlural, s.value, 0)
		e.lo, e.hi = 2, 9
	}
	for _, v := range []struct {
		form   string
		lo, hi float64
	}{{"عشرات", 20, 99}, {"مئات", 200, 999}, {"عدة", 3, 9}, {"بضعة", 3, 9}, {"بضع", 3, 9}} {
		l.vague(v.form, v.lo, v.hi, 0)
		if v.lo >= 20 {
			l.vague("ال"+v.form, v.lo, v.hi, fDefinite)
		}
	}

	// Fractions, with the pronouns that glue to them (ثلثهم).
	for _, f := range []struct {
		stem  string
		share float64
	}{{"ثلث", 1.0 / 3}, {"ربع", 0.25}, {"نصف", 0.5}, {"سدس", 1.0 / 6}, {"ثلثا", 2.0 / 3}, {"ثلثي", 2.0 / 3}} {
		for _, suffix := range fractionSuffixes {
			l.add(f.stem+suffix, roleFraction, f.share, 0)
		}
		l.definite(f.stem, roleFraction, f.share, 0)
	}
	l.add("ثلثان", roleFraction, 2.0/3, 0)
	l.add("ثلثين", roleFraction, 2.0/3, 0)

	// Spelled ordinals (only read inside dates).
	for _, o := range []struct {
		forms []string
		value int8
	}{
		{[]string{"الأول", "الأولى"}, 1}, {[]string{"الثاني", "الثانية"}, 2}, {[]string{"الثالث", "الثالثة"}, 3},
		{[]string{"الرابع", "الرابعة"}, 4}, {[]string{"الخامس", "الخامسة"}, 5}, {[]string{"السادس", "السادسة"}, 6},
		{[]string{"السابع", "السابعة"}, 7}, {[]string{"الثامن", "الثامنة"}, 8}, {[]string{"التاسع", "التاسعة"}, 9},
		{[]string{"العاشر", "العاشرة"}, 10}, {[]string{"الحادي", "الحادية"}, 1},
	} {
		for _, f := range o.forms {
			e := l.add(f, roleNone, 0, fOrdinal|fPeriodNext|fMonthPart)
			e.ordinal = o.value
		}
	}
	l.add("الأخير", roleNone, 0, fPeriodNext|fPast)
	l.add("الأخيرة", roleNone, 0, fPeriodNext|fPast)
	for _, w := range []string{"الماضي", "الماضية", "الماضيين", "الماضيتين", "المنصرم", "المنصرمة", "المقبل", "المقبلة", "القادم", "القادمة",
		"past", "last", "previous", "preceding", "next", "coming", "first"} {
		l.add(w, roleNone, 0, fPast)
	}

	for _, m := range months {
		for _, f := range m.forms {
			e := l.add(f, roleNone, 0, fMonth)
			e.month = m.month
		}
	}

	timeUnits := []string{
		"يوم", "أيام", "يوما", "ساعة", "ساعات", "أسبوع", "أسابيع", "أسبوعا", "شهر", "أشهر", "شهور", "شهرا",
		"سنة", "سنوات", "سنين", "عام", "أعوام", "عاما", "دقيقة", "دقائق", "ثانية", "ثوان", "ثواني", "ليلة", "ليال",
		"عقد", "عقود", "قرن", "قرون",
		"day", "days", "hour", "hours", "week", "weeks", "month", "months", "year", "years", "minute", "minutes",
		"second", "seconds", "decade", "decades", "night", "nights",
	}
	for _, u := range timeUnits {
		l.add(u, roleNone, 0, fTimeUnit)
	}
	for _, u := range []string{"أيام", "ساعات", "أسابيع", "أشهر", "شهور", "سنوات", "أعوام", "دقائق", "سنين", "عقود"} {
		l.definite(u, roleNone, 0, fTimeUnit)
	}
	for _, u := range []string{"يومين", "يومان", "ساعتين", "ساعتان", "أسبوعين", "أسبوعان", "شهرين", "شهران",
		"سنتين", "سنتان", "عامين", "عامان", "دقيقتين", "ليلتين", "عقدين"} {
		l.add(u, roleNone, 2, fTimeUnit|fTimeDual).value = 2
	}

	for _, w := range []string{"عام", "العام", "عامي", "سنة", "السنة", "سنتي", "year", "fiscal", "the"} {
		l.add(w, roleNone, 0, fYearStrong)
	}
	for _, w := range []string{"م", "ه", "ad", "bc", "ce", "bce", "هجري", "ميلادي", "هجرية", "ميلادية"} {
		l.add(w, roleNone, 0, fEra)
	}
	for _, w := range []string{"عمره", "عمرها", "عمرهم", "عمر", "العمر", "سن", "السن", "البالغ", "البالغة", "aged", "age", "ages"} {
		l.add(w, roleNone, 0, fAge)
	}
	for _, w := range []string{"tel", "tél", "tel.", "telephone", "téléphone", "phone", "fax", "mobile", "mob", "gsm", "هاتف",
		"الهاتف", "فاكس", "الفاكس", "جوال", "الجوال", "موبايل", "تليفون", "هـ", "whatsapp"} {
		if w == "هـ" {
			continue
		}
		l.add(w, roleNone, 0, fPhone)
	}
	for _, w := range []string{"نهج", "الطابق", "طابق", "زنقة", "شارع", "rue", "avenue", "floor", "suite", "zip", "postcode", "cedex"} {
		l.add(w, roleNone, 0, fAddress)
	}
	for _, w := range []string{"adresse", "address", "العنوان", "عنوان"} {
		l.add(w, roleNone, 0, fAddress|fAddressStrong)
	}
	for _, w := range []string{
		"في", "من", "إلى", "الى", "على", "عن", "و", "أو", "ثم", "حتى", "منذ", "بعد", "قبل", "خلال", "مع", "أن", "إن",
		"لا", "لم", "لن", "قد", "كان", "التي", "الذي", "هذا", "هذه", "بين", "نهاية", "بداية", "مطلع", "أواخر", "أوائل",
		"منتصف", "بحلول", "ف", "ب", "ل", "ك",
		"the", "and", "or", "to", "in", "of", "on", "at", "for", "by", "from", "with", "since", "until", "till", "as",
		"was", "were", "is", "are", "when", "while", "after", "before", "during", "through", "that", "this", "a", "an",
	} {
		l.add(w, roleNone, 0, fFunction)
	}
	for _, w := range []string{"بين", "between"} {
		l.add(w, roleNone, 0, fBetween)
	}
	for _, w := range []string{"من", "from"} {
		l.add(w, roleNone, 0, fFrom)
	}
	for _, w := range []string{"إلى", "حتى", "to", "through"} {
		l.add(w, roleNone, 0, fRangeTo)
	}
	l.waw = l.add("و", roleNone, 0, fWaw)
	l.add("ال", roleNone, 0, fBareArticle)
	for _, w := range []string{"كيلومتر", "كيلومترا", "كيلومترات", "كلم", "كم", "متر", "مترا", "أمتار", "ميل", "ميلا", "أميال",
		"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters"} {
		l.add(w, roleNone, 0, fDistance)
	}
	for _, w := range []string{"منذ", "بعد", "قبل", "خلال", "مطلع", "أواخر", "since", "after", "before", "until", "till", "during"} {
		l.add(w, roleNone, 0, fYearBefore)
	}
	for _, w := range []string{"first", "second", "third", "fourth", "last"} {
		l.add(w, roleNone, 0, fEnglishOrdinal)
	}
	for _, w := range []string{"hour", "hours", "minute", "minutes", "day", "days", "night", "nights", "second", "seconds"} {
		l.add(w, roleNone, 0, fShortTime)
	}
	for _, w := range []string{"am", "pm", "صباحا", "مساء", "مساءا", "ظهرا", "فجرا", "ليلا"} {
		l.add(w, roleNone, 0, fClock)
	}
	l.add("and", roleNone, 0, fAnd)
	for _, w := range []string{"المئة", "المائة", "المية"} {
		l.add(w, roleNone, 0, fPercentWord)
	}
	l.min = l.add("من", roleNone, 0, 0)
	l.ma = l.add("ما", roleNone, 0, 0)
	l.asl = l.add("أصل", roleNone, 0, fOutOf)
	l.kull = l.add("كل", roleNone, 0, 0)
	l.mnh = l.add("منه", roleNone, 0, 0)
	l.of = l.add("of", roleNone, 0, 0)
	l.a = l.add("a", roleNone, 0, fArticle)
	l.add("an", roleNone, 0, fArticle)
	l.dozen = l.add("dozen", roleNone, 12, 0)
	l.few = l.add("few", roleNone, 0, 0)
	l.percent = l.add("percent", roleNone, 0, fPercentWord)
	l.add("pct", roleNone, 0, fPercentWord)
	l.per = l.add("per", roleNone, 0, 0)
	l.cent = l.add("cent", roleNone, 0, 0)
	l.add("year-old", roleNone, 0, fYearOld)
	l.add("year-olds", roleNone, 0, fYearOld)
	l.old = l.add("old", roleNone, 0, 0)
	l.years = l.add("years", roleNone, 0, 0)
	l.in = l.add("in", roleNone, 0, 0)
	l.out = l.add("out", roleNone, 0, 0)

	// English cardinals.
	english := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for v, w := range english {
		l.add(w, roleUnit, float64(v), fEnglish)
	}
	for k, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		l.add(w, roleTens, float64(20+10*k), fEnglish)
	}
	l.add("hundred", roleHundredWord, 100, fEnglish)
	l.add("thousand", roleScale, 1e3, fEnglish)
	l.add("million", roleScale, 1e6, fEnglish)
	l.add("billion", roleScale, 1e9, fEnglish)
	l.add("trillion", roleScale, 1e12, fEnglish)
	l.add("k", roleScale, 1e3, fEnglish)
	l.add("m", roleScale, 1e6, fEnglish)
	l.add("mn", roleScale, 1e6, fEnglish)
	l.add("bn", roleScale, 1e9, fEnglish)
	for _, v := range []struct {
		form   string
		lo, hi float64
		base   float64 // what "tens of thousands" multiplies by
	}{{"dozens", 24, 99, 0}, {"tens", 20, 99, 0}, {"hundreds", 200, 999, 100}, {"thousands", 2000, 9999, 1e3},
		{"millions", 2e6, 9999999, 1e6}, {"billions", 2e9, 9999999999, 1e9}, {"several", 3, 9, 0}} {
		l.vague(v.form, v.lo, v.hi, fEnglish)
		l.words[v.form].value = v.base
	}
	for _, f := range []struct {
		form  string
		share float64
	}{{"half", 0.5}, {"third", 1.0 / 3}, {"thirds", 1.0 / 3}, {"quarter", 0.25}, {"quarters", 0.25},
		{"fifth", 0.2}, {"fifths", 0.2}} {
		l.add(f.form, roleFraction, f.share, fEnglish|fEnglishFraction)
	}

	for _, q := range qualifierPhrases {
		var words []*entry
		for _, w := range splitWords(q.text) {
			words = append(words, l.add(w, roleNone, 0, 0))
		}
		l.phrases = append(l.phrases, phrase{words: words, qual: q.qual, after: q.after})
		if !q.after {
			last := words[len(words)-1]
			last.quals = append(last.quals, len(l.phrases)-1)
		}
	}
	l.table.slots = make([]wordSlot, 4<<bits.Len(uint(len(l.words))))
	for key, e := range l.words {
		l.known.add([]rune(key))
		l.table.add([]rune(key), e)
	}
	return l
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// wordFilter is a Bloom filter over words as runes: no false negatives, about one false
// positive in a hundred with the lexicon's few thousand words.
type wordFilter [1024]uint64

// wordHash is FNV-1a over a word's runes.
func wordHash(word []rune) uint64 {
	h := uint64(hashOffset)
	for _, r := range word {
		h ^= uint64(r)
		h *= hashPrime
	}
	return h
}

// FNV-1a's 64-bit constants.
const (
	hashOffset = 14695981039346656037
	hashPrime  = 1099511628211
)

// wordTable is an open-addressing hash table from words as runes to their entries, at most
// a quarter full.
type wordTable struct {
	slots []wordSlot
}

type wordSlot struct {
	hash  uint64
	word  []rune
	entry *entry
}

func (t *wordTable) add(word []rune, e *entry) {
	mask := uint64(len(t.slots) - 1)
	h := wordHash(word)
	for i := h & mask; ; i = (i + 1) & mask {
		if t.slots[i].entry == nil {
			t.slots[i] = wordSlot{hash: h, word: word, entry: e}
			return
		}
	}
}

// find is the entry of word, nil when it has none.
func (t *wordTable) find(word []rune, h uint64) *entry {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		slot := &t.slots[i]
		if slot.entry == nil {
			return nil
		}
		if slot.hash == h && slices.Equal(slot.word, word) {
			return slot.entry
		}
	}
}

func (f *wordFilter) add(word []rune) {
	h := wordHash(word)
	for _, bit := range [2]uint64{h & 0xffff, (h >> 32) & 0xffff} {
		f[bit>>6] |= 1 << (bit & 63)
	}
}

// mayHold reports whether a word of hash h may be one of the words added; false is certain.
func (f *wordFilter) mayHold(h uint64) bool {
	a, b := h&0xffff, (h>>32)&0xffff
	return f[a>>6]&(1<<(a&63)) != 0 && f[b>>6]&(1<<(b&63)) != 0
}
