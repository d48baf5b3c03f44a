package numbers_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/normalize"
	"github.com/claimcheck/claimcheck/checker/numbers"
)

var _ = Describe("the quantity grammar", func() {
	DescribeTable("reads every form", check,
		// Sentences from the seed articles, verbatim.
		Entry("seed: approx with scale", "وانضم نحو 42 ألف شخص لتنظيم داعش", approx("نحو 42 ألف", 42000, 37800, 46200)),
		Entry("seed: more than, words with plural scale", "بينهم أكثر من خمسة آلاف شخص جاؤوا", moreThan("أكثر من خمسة آلاف", 5000)),
		Entry("seed: range with glued و", "وما يزال بين 500 و550 أوروبيا بين رجل وامرأة", between("بين 500 و550", 500, 550)),
		Entry("seed: range 700–750", "كما لايزال يوجد بين 700 و750 طفلًا محتجزين", between("بين 700 و750", 700, 750)),
		Entry("seed: dot as thousands separator", "تم إيقاف حوالى 274.460 حساب بشكل دائم",
			approx("حوالى 274.460", 274460, 247014, 301906).read("thousands separator")),
		Entry("seed: decimal million", "عن حذف 1.2 مليون حساب إرهابى", exact("1.2 مليون", 1.2e6)),
		Entry("seed: digits glued to the noun", "أودت بحياة 49قتيلاً، ونفذها", exact("49", 49)),
		Entry("seed: بـ glued before digits", "تأتي ألمانيا بـ124 بالغا و138 طفلا", exact("124", 124)),
		Entry("seed: و glued before digits", "تأتي ألمانيا بـ124 بالغا و138 طفلا", exact("138", 138)),
		Entry("seed: guillemet glued before digits", "بخلاف «انستجرام»50 ألف حساب، حذف", exact("50 ألف", 50000)),
		Entry("seed: accusative scale", "حذف منها 15 ألفا مؤخراً", exact("15 ألفا", 15000)),
		Entry("seed: tens of thousands", "بخلاف عشرات الآلاف من التويتات", vague("عشرات الآلاف", 20000, 99999)),
		Entry("seed: more than a hundred in words", "وكذلك ما يزيد على مائة فيديو وإصدار", moreThan("ما يزيد على مائة", 100)),
		Entry("seed: fraction with pronoun", "وقد عاد ثلثهم إلى دولهم الأصلية", fraction("ثلثهم", 1.0/3)),
		Entry("seed: percent with a space", "أن 80 % من أنصار «داعش» تم استقطابهم", exact("80 %", 80).percent()),
		Entry("seed: plain count", "بأنها تقوم بإغلاق 60 قناة مرتبطة", exact("60", 60)),
		Entry("seed: four digits that count channels", "يصل إلى أكثر من 2000 قناة شهرياً", moreThan("أكثر من 2000", 2000)),
		Entry("seed: thousands of accounts", "يمتلك تنظيم داعش، 30 ألف حساب على «تليجرام»", exact("30 ألف", 30000)),
		Entry("seed: approx plural scale", "كل حساب يتابعه حوالى 3 ملايين شخص", approx("حوالى 3 ملايين", 3e6, 2.7e6, 3.3e6)),
		Entry("seed: killed citizens", "وأسفر عن مقتل 15 مواطنا روسيا", exact("15", 15)),
		Entry("seed: ministers", "للالتقاء مع 28 وزيرا أوروبيا للداخلية", exact("28", 28)),
		Entry("seed: خمس-family word تسع", "إنها عملت مع تسع من أكبر منصات الإنترنت", exact("تسع", 9)),
		Entry("seed: dual duration", "على مدى يومين خلال الأسبوع الماضي", not("يومين", "duration", 2)),
		Entry("seed: floor number", "نهج الحمايدية الطابق 4-41 تونس 1002", not("4-41", "address", 4)),
		Entry("seed: postcode", "نهج الحمايدية الطابق 4-41 تونس 1002", not("1002", "address", 1002)),
		Entry("seed: telephone", "tel\u00a0: 71905125", not("71905125", "phone", 71905125)),
		Entry("seed: fax", "\u00a0fax:\u00a071905115", not("71905115", "phone", 71905115)),
		Entry("seed: list numbering", "\n1- فيس بوك داعش\n", not("1", "list_number", 1)),
		Entry("seed: date with commas", "  • | الأحد, 29 أبريل, 2018", not("29 أبريل, 2018", "date", 29)),
		Entry("seed: spelled ordinal date", "على أكراد سوريا في التاسع من أكتوبر/تشرين الأول لم يتوقف", not("التاسع من أكتوبر/تشرين الأول", "ordinal", 9)),
		Entry("seed: compound ordinal of the month", "لم يتوقف إلا في الثالث والعشرين منه بتدخل", not("الثالث والعشرين", "ordinal", 23)),
		Entry("seed: a named half of a year is an ordinal", "خلال النصف الثانى من عام 2017 تم إيقاف",
			fraction("النصف الثانى", 0.5).kindOf("ordinal")),
		Entry("a named quarter is an ordinal", "خلال الربع الثاني من العام", fraction("الربع الثاني", 0.25).kindOf("ordinal")),
		Entry("ordinal day with month and year", "منذ الأول من أغسطس 2015 وحتى", not("الأول من أغسطس 2015", "ordinal", 1)),
		Entry("first ordinal day of a range", "بين الحادي والعشرين والرابع والعشرين من نوفمبر", not("الحادي والعشرين", "ordinal", 21)),
		Entry("abbreviated month with its dot", "between Aug. 1, 2015 and", not("Aug. 1, 2015", "date", 1)),
		Entry("seed: year after عام", "خلال النصف الثانى من عام 2017 تم إيقاف", not("2017", "year", 2017)),
		Entry("seed: first year of عامي", "لتنظيم داعش الإرهابي بين عامي 2011 و2016، بينهم", not("2011", "year", 2011)),
		Entry("seed: second year of عامي", "لتنظيم داعش الإرهابي بين عامي 2011 و2016، بينهم", not("2016", "year", 2016)),
		Entry("seed: year after منذ", "حساب إرهابى منذ 2015 وحتى نهاية 2017.", not("2015", "year", 2015)),
		Entry("seed: year after نهاية", "حساب إرهابى منذ 2015 وحتى نهاية 2017.", not("2017", "year", 2017)),
		Entry("seed: approx 130", "نحو 130 شخصا بالغا وأكثر من 300 طفل", approx("نحو 130", 130, 117, 143)),
		Entry("seed: qualifier with و clitic", "نحو 130 شخصا بالغا وأكثر من 300 طفل", moreThan("أكثر من 300", 300)),
		Entry("seed: four thousand", "انضموا لداعش أربعة آلاف شخص من دول أوروبا", exact("أربعة آلاف", 4000)),
		Entry("seed: definite hundreds", "باستعادة المئات من مسلحي داعش", vague("المئات", 200, 999)),
		Entry("seed: definite tens", "فقد اتفقت العشرات من الدول", vague("العشرات", 20, 99)),
		Entry("seed: several", "وقد أغلق تويتر عدة حسابات، ومن تم", vague("عدة", 3, 9)),
		Entry("seed: several millions", "تتكلف عدة ملايين من اليورو", vague("عدة ملايين", 3e6, 9999999)),
		Entry("seed: day and month", "للحضور إلى اللكسمبورغ يوم 8 أكتوبر للالتقاء", not("8 أكتوبر", "date", 8)),
		Entry("seed: 3000 is a count", "لقد غادر 3000 مقاتل أوروبا", exact("3000", 3000)),
		Entry("seed: definite number after time noun is a period", "خلال الأعوام الثلاثة الماضية.", not("الثلاثة", "period", 3)),
		Entry("past N units is a period", "over the past three years", not("three", "period", 3)),
		Entry("N units before الماضية is a period", "خلال ثمانية أشهر الماضية", not("ثمانية", "period", 8)),
		Entry("year after بعد before a new clause", "الربيع العربي بعد 2011 وتوسع نفوذ التنظيم", not("2011", "year", 2011)),
		Entry("a count after بعد", "بعد 2000 حالة", exact("2000", 2000)),
		Entry("one right after a figure is no number", "وأن 600 واحد منهم عادوا", exact("600", 600)),
		Entry("hyphenated hours are a duration", "after a three-hour siege", not("three", "duration", 3)),
		Entry("hyphenated time unit is a period", "in the three-month period between October", not("three", "period", 3)),
		Entry("N units alone is a duration", "استمر الهجوم ثلاث ساعات", not("ثلاث", "duration", 3)),
		Entry("seed: year after العام", "في أغسطس من العام 2016، والضربة", not("2016", "year", 2016)),

		// Digits.
		Entry("Arabic-Indic digits", "قتل ٤٥ شخصا", exact("٤٥", 45)),
		Entry("Persian digits", "قتل ۴۵ شخصا", exact("۴۵", 45)),
		Entry("space as thousands separator", "بلغ عددهم 26 000 شخص", exact("26 000", 26000).read("space")),
		Entry("comma thousands", "حذف 1,500 حساب", exact("1,500", 1500)),
		Entry("Arabic thousands separator", "حذف ١٬٥٠٠ حساب", exact("١٬٥٠٠", 1500)),
		Entry("Arabic decimal separator", "بنسبة ٣٫٥ % فقط", exact("٣٫٥ %", 3.5).percent()),
		Entry("dot and three digits before a scale", "زار 636.248 ألف شخص", exact("636.248 ألف", 636248).read("decimal")),
		Entry("two decimals before a scale", "حذف 1.25 مليون حساب", exact("1.25 مليون", 1.25e6)),
		Entry("several dot groups", "زار الموقع 1.234.567 شخص", exact("1.234.567", 1234567)),
		Entry("milliard", "خسائر بقيمة 2.5 مليار دولار", exact("2.5 مليار", 2.5e9)),
		Entry("bn glued", "a $5bn loss", exact("5bn", 5e9)),
		Entry("k glued", "it has 30k followers", exact("30k", 30000)),
		Entry("m glued", "it removed 1.2m accounts", exact("1.2m", 1.2e6)),
		Entry("English scale word", "2 million people left", exact("2 million", 2e6)),
		Entry("English billion", "some 3 billion users", approx("some 3 billion", 3e9, 2.7e9, 3.3e9)),
		Entry("comma thousands English", "it removed 125,000 accounts", exact("125,000", 125000)),

		// Scale words alone and with words.
		Entry("dual thousand", "نحو ألفين مقاتل", approx("نحو ألفين", 2000, 1800, 2200)),
		Entry("dual thousand without hamza", "قتل الفين شخص", exact("الفين", 2000)),
		Entry("dual hundred, nominative, with units", "مئتان وخمسون شخصا", exact("مئتان وخمسون", 250)),
		Entry("dual hundred, genitive, after a qualifier", "أكثر من مائتين حساب", moreThan("أكثر من مائتين", 200)),
		Entry("dual million", "فر مليونين شخص", exact("مليونين", 2e6)),
		Entry("plural million after a unit", "ثلاثة ملايين لاجئ", exact("ثلاثة ملايين", 3e6)),
		Entry("plural milliard", "خمسة مليارات دولار", exact("خمسة مليارات", 5e9)),
		Entry("thousand alone", "ألف شخص", exact("ألف", 1000)),
		Entry("million alone", "مليون لاجئ", exact("مليون", 1e6)),
		Entry("bilion spelling", "2 بليون دولار", exact("2 بليون", 2e9)),

		// Arabic number words.
		Entry("one", "قتل شخص واحد فقط", exact("واحد", 1)),
		Entry("two nominative", "قتل اثنان من الجنود", exact("اثنان", 2)),
		Entry("three feminine", "اعتقلت ثلاث نساء", exact("ثلاث", 3)),
		Entry("ten", "عشرة أشخاص", exact("عشرة", 10)),
		Entry("eleven", "أحد عشر لاعبا", exact("أحد عشر", 11)),
		Entry("twelve genitive", "مع اثني عشر مقاتلا", exact("اثني عشر", 12)),
		Entry("thirteen", "ثلاثة عشر قتيلا", exact("ثلاثة عشر", 13)),
		Entry("twenty", "عشرين مقاتلا", exact("عشرين", 20)),
		Entry("fifty nominative", "خمسون جريحا", exact("خمسون", 50)),
		Entry("hundred and fifty", "مائة وخمسون شخصا", exact("مائة وخمسون", 150)),
		Entry("two hundred dual", "مئتي شخص", exact("مئتي", 200)),
		Entry("three hundred one word", "ثلاثمائة جندي", exact("ثلاثمائة", 300)),
		Entry("three hundred مئة spelling", "ثلاثمئة جندي", exact("ثلاثمئة", 300)),
		Entry("three hundred two words", "ثلاث مائة جندي", exact("ثلاث مائة", 300)),
		Entry("twenty-three thousand", "ثلاثة وعشرين ألفاً من المقاتلين", exact("ثلاثة وعشرين ألفاً", 23000)),
		Entry("five thousand", "خمسة آلاف شخص", exact("خمسة آلاف", 5000)),
		Entry("thousands and hundreds", "ثلاثة آلاف وخمسمائة جندي", exact("ثلاثة آلاف وخمسمائة", 3500)),
		Entry("twenty-five", "خمسة وعشرون قتيلا", exact("خمسة وعشرون", 25)),
		Entry("million and a half", "مليون وخمسمائة ألف لاجئ", exact("مليون وخمسمائة ألف", 1.5e6)),
		Entry("clitic ب before words", "قدرت بخمسة آلاف شخص", exact("خمسة آلاف", 5000)),
		Entry("definite number after definite noun", "وقعت الدول الثلاث الاتفاق", exact("الثلاث", 3)),
		Entry("eight", "ثمانية جنود", exact("ثمانية", 8)),
		Entry("hundred with tashkeel", "مِائَةُ شخصٍ", exact("مِائَةُ", 100)),

		// English number words.
		Entry("one hundred", "one hundred people", exact("one hundred", 100)),
		Entry("two hundred and fifty", "two hundred and fifty soldiers", exact("two hundred and fifty", 250)),
		Entry("hyphenated", "twenty-five accounts", exact("twenty-five", 25)),
		Entry("a thousand", "a thousand fighters", exact("a thousand", 1000)),
		Entry("three million", "three million users", exact("three million", 3e6)),
		Entry("nineteen", "nineteen hijackers", exact("nineteen", 19)),
		Entry("forty two", "forty two people", exact("forty two", 42)),
		Entry("a dozen", "a dozen countries", exact("a dozen", 12)),

		// Fractions.
		Entry("half with pronoun", "نصفهم من النساء", fraction("نصفهم", 0.5)),
		Entry("quarter with pronoun", "ربعها فقط", fraction("ربعها", 0.25)),
		Entry("two thirds", "ثلثا المقاتلين عادوا", fraction("ثلثا", 2.0/3)),
		Entry("one out of six", "1 من أصل 6 مقاتلين", fraction("1 من أصل 6", 1.0/6)),
		Entry("a third of them", "a third of them returned", fraction("a third", 1.0/3)),
		Entry("half of", "half of the accounts", fraction("half", 0.5)),
		Entry("two thirds English", "two thirds of the fighters", fraction("two thirds", 2.0/3)),
		Entry("one in five", "1 in 5 accounts", fraction("1 in 5", 0.2)),
		Entry("half an hour is a duration", "خلال نصف ساعة", fraction("نصف", 0.5).kindOf("duration")),

		// Percentages.
		Entry("percent glued", "80% of them", exact("80%", 80).percent()),
		Entry("percent before the number", "بنسبة %20 فقط", exact("%20", 20).percent()),
		Entry("Arabic percent sign before", "بنسبة ٪45 فقط", exact("٪45", 45).percent()),
		Entry("في المئة", "ارتفع 20 في المئة", exact("20 في المئة", 20).percent()),
		Entry("في المائة", "ارتفع 20 في المائة", exact("20 في المائة", 20).percent()),
		Entry("بالمئة", "تراجع 35 بالمئة", exact("35 بالمئة", 35).percent()),
		Entry("بالمائة", "تراجع 35 بالمائة", exact("35 بالمائة", 35).percent()),
		Entry("percent word", "rose 12 percent", exact("12 percent", 12).percent()),
		Entry("per cent", "rose 12 per cent", exact("12 per cent", 12).percent()),
		Entry("qualified percent", "أكثر من 60 % من", moreThan("أكثر من 60 %", 60).percent()),
		Entry("words percent", "عشرين في المئة", exact("عشرين في المئة", 20).percent()),

		// Ranges.
		Entry("elided scale", "ما بين 27 و31 ألف مقاتل", between("ما بين 27 و31 ألف", 27000, 31000)),
		Entry("from … to", "من 20 إلى 30 شخصا", between("من 20 إلى 30", 20, 30)),
		Entry("dash", "سقط 20-30 قتيلا", between("20-30", 20, 30)),
		Entry("between … and", "between 20 and 30 people", between("between 20 and 30", 20, 30)),
		Entry("to", "20 to 30 people", between("20 to 30", 20, 30)),
		Entry("from … to English", "from 20 to 30 people", between("from 20 to 30", 20, 30)),
		Entry("percent range", "بين 20 و30 في المئة", between("بين 20 و30 في المئة", 20, 30).percent()),
		Entry("word range", "بين خمسة وعشرة أشخاص", between("بين خمسة وعشرة", 5, 10)),
		Entry("separate و", "بين 500 و 550 شخصا", between("بين 500 و 550", 500, 550)),

		Entry("approximate range", "نحو 20 إلى 30 ألفا", between("نحو 20 إلى 30 ألفا", 20000, 30000).upTo(33000).asLow(18000)),
		Entry("digits with scales joined by و", "7 ملايين و500 ألف لاجئ", exact("7 ملايين و500 ألف", 7.5e6)),
		Entry("decimal comma before a scale", "قرابة 1,5 مليون لاجئ", approx("قرابة 1,5 مليون", 1.5e6, 1.35e6, 1.65e6).read("comma read as decimal")),
		Entry("one out of every five", "2 من كل 5 حسابات", fraction("2 من كل 5", 0.4)),
		Entry("dual construct of thousand", "ألفي شخص", exact("ألفي", 2000)),
		Entry("digits glued after a word", "روسيا4700 مقاتل", exact("4700", 4700)),
		Entry("English year after the", "the 2016 attacks", not("2016", "year", 2016)),
		Entry("phone in spaced groups", "هاتف 71 905 125", not("71 905 125", "phone", 71905125)),

		// Qualifiers.
		Entry("حوالي", "حوالي 50 شخصا", approx("حوالي 50", 50, 45, 55)),
		Entry("قرابة", "قرابة 200 شخص", approx("قرابة 200", 200, 180, 220)),
		Entry("ما يقارب", "ما يقارب 1000 شخص", approx("ما يقارب 1000", 1000, 900, 1100)),
		Entry("ما يقرب من", "ما يقرب من 300 شخص", approx("ما يقرب من 300", 300, 270, 330)),
		Entry("يقارب", "عدد يقارب 40 شخصا", approx("يقارب 40", 40, 36, 44)),
		Entry("تقريبا after", "قتل 100 تقريبا", approx("100 تقريبا", 100, 90, 110)),
		Entry("ما يزيد عن", "ما يزيد عن 70 شخصا", moreThan("ما يزيد عن 70", 70)),
		Entry("يزيد عن", "عدد يزيد عن 80 شخصا", moreThan("يزيد عن 80", 80)),
		Entry("أزيد من", "أزيد من 90 شخصا", moreThan("أزيد من 90", 90)),
		Entry("فوق", "فوق 1000 شخص", moreThan("فوق 1000", 1000)),
		Entry("أقل من", "أقل من 10 أشخاص", lessThan("أقل من 10", 10)),
		Entry("ما دون", "ما دون 100 شخص", lessThan("ما دون 100", 100)),
		Entry("ما لا يقل عن", "ما لا يقل عن 20 شخصا", atLeast("ما لا يقل عن 20", 20)),
		Entry("على الأقل after", "قتل 20 على الأقل", atLeast("20 على الأقل", 20)),
		Entry("على الأقل before", "قتل على الأقل 20 شخصا", atLeast("على الأقل 20", 20)),
		Entry("حتى", "حتى 50 شخصا", atMost("حتى 50", 50)),
		Entry("ما يصل إلى", "ما يصل إلى 400 شخص", atMost("ما يصل إلى 400", 400)),
		Entry("about", "about 300 people", approx("about 300", 300, 270, 330)),
		Entry("around", "around 40 people", approx("around 40", 40, 36, 44)),
		Entry("approximately", "approximately 1,000 people", approx("approximately 1,000", 1000, 900, 1100)),
		Entry("nearly: close to and under", "nearly 500 people", approx("nearly 500", 500, 450, 500)),
		Entry("almost: close to and under", "injuring almost 50", approx("almost 50", 50, 45, 50)),
		Entry("في حدود: approx", "في حدود 3 آلاف مقاتل", approx("في حدود 3 آلاف", 3000, 2700, 3300)),
		Entry("يتجاوز: more than", "أن عددهم يتجاوز ستة آلاف شخص", moreThan("يتجاوز ستة آلاف", 6000)),
		Entry("qualifier before a detached الـ", "حذف حوالي الـ 26 ألف مادة", approx("حوالي الـ 26 ألف", 26000, 23400, 28600)),
		Entry("compound: thousands and units with و", "تعليق نحو 274 ألف و460 حساب", approx("نحو 274 ألف و460", 274460, 247014, 301906)),
		Entry("compound: accusative thousands and units", "حوالي 376 الفًا و890 حساب", approx("حوالي 376 الفًا و890", 376890, 339201, 414579)),
		Entry("compound: millions and thousands", "7 ملايين و500 ألف", exact("7 ملايين و500 ألف", 7.5e6)),
		Entry("a few hundreds", "عاد بضع مئات منهم", vague("بضع مئات", 300, 999)),
		Entry("more than half", "more than half of them", fraction("more than half", 0.5).asQual(claim.MoreThan).asLow(0.5).upTo(1).openLow()),
		Entry("clock time p.m.", "at 3 p.m. local time", not("3 p.m.", "time", 3)),
		Entry("clock time a.m.", "shortly after 2 a.m. on Sunday", not("2 a.m.", "time", 2)),
		Entry("clock time صباحا", "عند الساعة 9 صباحا", not("9 صباحا", "time", 9)),
		Entry("quarter Q4", "removed in Q4 2017", not("4", "ordinal", 4)),
		Entry("distance", "على بعد 45 كيلومترا من الحدود", not("45 كيلومترا", "distance", 45)),
		Entry("more than", "more than 5,000 accounts", moreThan("more than 5,000", 5000)),
		Entry("over", "over 100 accounts", moreThan("over 100", 100)),
		Entry("at least", "at least 12 people", atLeast("at least 12", 12)),
		Entry("up to", "up to 300 people", atMost("up to 300", 300)),
		Entry("fewer than", "fewer than 10 people", lessThan("fewer than 10", 10)),
		Entry("under", "under 50 people", lessThan("under 50", 50)),
		Entry("or more", "50 or more people", atLeast("50 or more", 50)),

		// Vague amounts.
		Entry("عشرات", "قتل عشرات المدنيين", vague("عشرات", 20, 99)),
		Entry("مئات", "اعتقل مئات الأشخاص", vague("مئات", 200, 999)),
		Entry("آلاف alone", "آلاف المقاتلين", vague("آلاف", 2000, 9999)),
		Entry("مئات الآلاف", "مئات الآلاف من اللاجئين", vague("مئات الآلاف", 200000, 999999)),
		Entry("ملايين alone", "ملايين المستخدمين", vague("ملايين", 2e6, 9999999)),
		Entry("بضعة", "بضعة أيام", vague("بضعة", 3, 9)),
		Entry("dozens", "dozens of people", vague("dozens", 24, 99)),
		Entry("hundreds", "hundreds of accounts", vague("hundreds", 200, 999)),
		Entry("thousands", "thousands of accounts", vague("thousands", 2000, 9999)),
		Entry("tens of thousands", "tens of thousands of posts", vague("tens of thousands", 20000, 99999)),
		Entry("several", "several accounts", vague("several", 3, 9)),
		Entry("a few", "a few accounts", vague("a few", 3, 9)),

		// Years and year-like counts.
		Entry("عام", "في عام 2016 قتل", not("2016", "year", 2016)),
		Entry("في", "في 2015، أعلن", not("2015", "year", 2015)),
		Entry("in", "in 2015 the group", not("2015", "year", 2015)),
		Entry("since", "since 2015, the group", not("2015", "year", 2015)),
		Entry("year range", "خلال 2011-2016 قتل", not("2011-2016", "year", 2011).upTo(2016)),
		Entry("year-like count", "أغلقت 1500 حساب", exact("1500", 1500)),
		Entry("era letter", "سنة 1439 هـ", not("1439 هـ", "year", 1439)),

		// Dates.
		Entry("day month year", "في 29 أبريل 2018 أعلن", not("29 أبريل 2018", "date", 29)),
		Entry("English day month", "on 8 October the ministers", not("8 October", "date", 8)),
		Entry("English month day year", "on October 8, 2019 the", not("October 8, 2019", "date", 8)),
		Entry("day range", "21-24 November", not("21-24 November", "date", 21).upTo(24)),
		Entry("Levantine month", "في 3 تشرين الأول 2019", not("3 تشرين الأول 2019", "date", 3)),
		Entry("Maghrebi month", "يوم 15 جانفي 2015", not("15 جانفي 2015", "date", 15)),
		Entry("Maghrebi April", "يوم 5 أفريل", not("5 أفريل", "date", 5)),
		Entry("Maghrebi May", "يوم 12 ماي 2016", not("12 ماي 2016", "date", 12)),
		Entry("Maghrebi June", "يوم 3 جوان", not("3 جوان", "date", 3)),
		Entry("Maghrebi July", "يوم 14 جويلية", not("14 جويلية", "date", 14)),
		Entry("Maghrebi August", "يوم 20 أوت", not("20 أوت", "date", 20)),
		Entry("month and year is a year that names its month", "في أكتوبر 2019 أعلن", not("أكتوبر 2019", "year", 2019)),
		Entry("ordinal suffix", "on the 8th October", not("8th October", "date", 8)),
		Entry("eleventh of September", "الحادي عشر من سبتمبر", not("الحادي عشر من سبتمبر", "ordinal", 11)),

		// Durations, times, phones, lists, citations, ages.
		Entry("خلال 48 ساعة", "خلال 48 ساعة", not("48", "duration", 48)),
		Entry("three days in words", "ثلاثة أيام من القتال", not("ثلاثة", "duration", 3)),
		Entry("for 3 days", "for 3 days", not("3", "duration", 3)),
		Entry("clock time", "الساعة 10:30 صباحا", not("10:30", "time", 10)),
		Entry("هاتف", "هاتف: 71905125", not("71905125", "phone", 71905125)),
		Entry("country code", "call +216 71 905 125 now", not("+216 71 905 125", "phone", 216)),
		Entry("list with dot", "\n2. second item", not("2", "list_number", 2)),
		Entry("citation", "as reported[6] by", not("[6]", "citation", 6)),
		Entry("age after عمره", "شاب عمره 25 عاما", not("25", "age", 25)),
		Entry("aged", "a man aged 25 was", not("25", "age", 25)),
		Entry("age bracket", "18-24 year-olds use it", not("18-24 year-olds", "age", 18).upTo(24)),
		Entry("year-old", "a 25-year-old man", not("25-year-old", "age", 25)),
	)

	DescribeTable("finds nothing in words that are no quantities",
		func(sentence string) {
			Expect(scan(sentence)).To(BeEmpty())
		},
		Entry("ordinal alone", "الفصل الأول من التقرير"),
		Entry("weekday الاثنين", "اليوم الاثنين"),
		Entry("weekday الأحد", "الأحد الماضي"),
		Entry("لست is not ل+ست", "لست أدري"),
		Entry("qualifier without a number", "باتت أكثر إدراكا"),
		Entry("the third", "the third day"),
	)

	It("widens approximations by the tolerance option", func() {
		s := numbers.New(numbers.WithApproxTolerance(0.2))
		text := "نحو 100 شخص"
		qs := s.Scan(normalize.String(text), []rune(text))
		Expect(qs).To(HaveLen(1))
		Expect(qs[0].Qualifier).To(Equal(claim.Approx))
		Expect(qs[0].Interval.Low).To(BeNumerically("~", 80, 1e-9))
		Expect(qs[0].Interval.High).To(BeNumerically("~", 120, 1e-9))
	})
})

var _ = Describe("words that are no numbers", func() {
	It("reads no number in 'one' right after a figure", func() {
		qs := scan("وأن 600 واحد منهم عادوا إلى تونس")
		Expect(qs).To(HaveLen(1), describe(qs))
		Expect(qs[0].Text).To(Equal("600"))
	})
})
