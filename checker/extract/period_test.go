package extract_test

import (
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/corpus"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// checkUndatedPeriod reads a text whose article date is unknown and expects the period of
// the claim whose text is text ("-": none; a "since" has no end then).
func checkUndatedPeriod(text, mention, from, to string) {
	claims := newExtractor().Article(&corpus.Article{Path: "undated.txt", Text: text})
	var found *claim.Claim
	for i := range claims {
		if claims[i].Text == mention {
			found = &claims[i]
		}
	}
	Expect(found).NotTo(BeNil(), "no mention %q in %v", mention, claims)
	date := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.Format("2006-01-02")
	}
	Expect(date(found.Period.From)).To(Equal(from), "period from")
	Expect(date(found.Period.To)).To(Equal(to), "period to")
}

// The article date of checkReading is Tuesday 10 April 2018.
var _ = Describe("periods: scope, carry-over and times without a year", func() {
	DescribeTable("reads the period a figure covers", checkReading,
		// A period governs the next sentences of its paragraph.
		Entry("carried: a count in the next sentence", "حذفت تويتر 500 ألف حساب في النصف الثاني من 2016. وقالت إن 376 ألفا و890 حساباً منها علقت بسبب الترويج للإرهاب.",
			reading{text: "376 ألفا و890", from: "2016-07-01", to: "2016-12-31"}),
		Entry("carried: a count in the next sentence (English)", "YouTube pulled 8 million videos in Q4 2017. It said 6.7 million videos were first flagged by its software, and 76 percent of those were removed early.",
			reading{text: "76 percent", from: "2017-10-01", to: "2017-12-31"}),
		Entry("carried: into a paragraph that points back", "Google took down 8 million videos between October and December 2017.\n\nA vast majority of those videos, 6.7 million, were flagged by automated systems.",
			reading{text: "6.7 million", from: "2017-10-01", to: "2017-12-31"}),
		Entry("carried: not into another paragraph", "Google took down 8 million videos between October and December 2017.\n\nTwitter suspended 300,000 accounts.",
			reading{text: "300,000", from: "-"}),
		Entry("carried: a share in the next sentence", "حذفت تويتر 300 ألف حساب في 2017. وأغلق 74% منها قبل نشر أول تغريدة.",
			reading{text: "74%", from: "2017-01-01", to: "2017-12-31"}),
		Entry("carried: a share in the next sentence (English)", "Twitter suspended 300,000 accounts in 2017. 93% were flagged by internal tools.",
			reading{text: "93%", from: "2017-01-01", to: "2017-12-31"}),
		Entry("carried: not into a sentence about the present", "انضم أكثر من 42 ألف إرهابي إلى داعش بين عامي 2011 و2016. وقتل 20% منهم في المعارك، و50% لا يزالون في سوريا.",
			reading{text: "20%", from: "-"}),
		Entry("carried: not into a sentence about the present (English)", "More than 27,000 foreign fighters travelled to Syria between 2011 and 2015. Between 20 and 30 percent have returned home, and many are still fighting.",
			reading{text: "Between 20 and 30 percent", from: "-"}),
		Entry("carried: not into a sentence with a time of its own (a comparison)", "حذفت تويتر 300 ألف حساب في 2017. وارتفعت عمليات الوقف بنسبة 80% مقارنة بالعام الماضي.",
			reading{text: "80%", from: "-"}),
		Entry("carried: not into a sentence with a time of its own (English)", "Twitter suspended 300,000 accounts in 2017. Suspensions rose 80% compared with 2016.",
			reading{text: "80%", from: "-"}),
		Entry("carried: not past a sentence that turns to the present (still)", "Twitter suspended 300,000 accounts in 2017. Many are still active, and 40,000 were restored.",
			reading{text: "40,000", from: "-"}),
		// Scope within the sentence.
		Entry("scope: a figure of origin does not end the scope", "أكثر من 42 ألف إرهابي من 120 دولة انضموا إلى داعش في الفترة ما بين 2011 و2016",
			reading{text: "أكثر من 42 ألف", from: "2011-01-01", to: "2016-12-31"}),
		Entry("scope: a figure of origin takes no period", "أكثر من 42 ألف إرهابي من 120 دولة انضموا إلى داعش في الفترة ما بين 2011 و2016",
			reading{text: "120", from: "-"}),
		Entry("scope: a figure of origin takes no period (English)", "30,000 fighters from 86 countries joined the group between 2011 and 2016.",
			reading{text: "86", from: "-"}),
		Entry("scope: a period inside the first clause stays there", "وأعلن أن الأجهزة الأمنية قامت منذ العام 2013 بمنع 27 ألفا و371 شخصا من السفر، كما نجحت في تفكيك 100 خلية",
			reading{text: "100", from: "-"}),
		Entry("scope: a period inside the first clause stays there (English)", "The agencies have since 2013 stopped 27,371 people from travelling; they also dismantled 100 cells.",
			reading{text: "100", from: "-"}),
		Entry("scope: a period that opens the sentence governs it", "كان النصف الثاني من عام 2017 شهد تعليق 274 ألف حساب، وذلك بانخفاض قدره 8.4 في المائة في عدد الحسابات",
			reading{text: "8.4 في المائة", from: "2017-07-01", to: "2017-12-31"}),
		Entry("scope: a total takes no period stated before it", "أوقفت تويتر 250 ألف حساب منذ بداية 2016 حيث وصل العدد الإجمالي للحسابات المغلقة إلى أزيد من 610 آلاف حساب",
			reading{text: "أزيد من 610 آلاف", from: "-"}),
		Entry("scope: a total takes no period stated before it (English)", "Twitter suspended 250,000 accounts since the start of 2016, bringing the total number of suspended accounts to 610,000.",
			reading{text: "610,000", from: "-"}),
		Entry("scope: a figure of the present", "The camp went from about 10,000 people last December to more than 75,000 today.",
			reading{text: "more than 75,000", from: "-"}),
		Entry("scope: the day of a statement keeps the period of the figure's clause", "أعلنت تويتر اليوم أنها حذفت 10 آلاف حساب في 2017",
			reading{text: "10 آلاف", from: "2017-01-01", to: "2017-12-31"}),
		Entry("scope: the day of a statement keeps the period of the figure's clause (English)", "Twitter today said it removed 10,000 accounts in 2017.",
			reading{text: "10,000", from: "2017-01-01", to: "2017-12-31"}),
		Entry("scope: a figure of the present takes no period from before", "حذفت تويتر 300 ألف حساب في 2017. ويقدر عدد الحسابات الموجودة حاليا بنحو 50 ألف حساب.",
			reading{text: "نحو 50 ألف", from: "-"}),
		Entry("scope: the base of a comparison is no period", "ارتفعت عمليات الوقف اليومي للحسابات بنسبة 80% مقارنة بالعام الماضي",
			reading{text: "80%", from: "-"}),
		Entry("scope: the base of a comparison is no period (English)", "Daily suspensions of accounts are up 80% compared with last year.",
			reading{text: "80%", from: "-"}),
		Entry("scope: when a report was published is no period", "وأشار تقرير نشره خبراء من الأمم المتحدة في تموز الماضي إلى وجود نحو 5500 مقاتل تونسي",
			reading{text: "نحو 5500", from: "-"}),
		Entry("scope: when a report was published is no period (English)", "A report released by UN experts last July found about 5,500 Tunisian fighters.",
			reading{text: "about 5,500", from: "-"}),
		// Since: an open end (to the article's date).
		Entry("since: a month and year", "حذفت تويتر 125 ألف حساب منذ يوليو 2015", reading{text: "125 ألف", from: "2015-07-01", to: "2018-04-10"}),
		Entry("since: a month and year (English)", "Twitter has suspended 125,000 accounts since July 2015.", reading{text: "125,000", from: "2015-07-01", to: "2018-04-10"}),
		Entry("since: mid last year", "أوقفت تويتر أكثر من 125 ألف حساب منذ منتصف العام الماضي", reading{text: "أكثر من 125 ألف", from: "2017-07-01", to: "2018-04-10"}),
		Entry("since: a month without its year", "بينما أزيلت 7 ملايين رسالة اعتباراً من كانون الثاني الماضي", reading{text: "7 ملايين", from: "2018-01-01", to: "2018-04-10"}),
		Entry("since: last July (English)", "Twitter has suspended 125,000 accounts since last July.", reading{text: "125,000", from: "2017-07-01", to: "2018-04-10"}),
		// Quarters and halves.
		Entry("quarter: the fourth, with no year, that has ended", "YouTube removed 8 million videos during the fourth quarter.", reading{text: "8 million", from: "2017-10-01", to: "2017-12-31"}),
		Entry("quarter: Q4 with no year, that has ended", "YouTube pulled more than 8 million videos in Q4, the company said.", reading{text: "more than 8 million", from: "2017-10-01", to: "2017-12-31"}),
		Entry("quarter: الربع الأخير من", "حذف فيسبوك 3 ملايين محتوى في الربع الأخير من 2017", reading{text: "3 ملايين", from: "2017-10-01", to: "2017-12-31"}),
		Entry("quarter: الربع الأخير with no year", "حذف فيسبوك 3 ملايين محتوى خلال الربع الأخير", reading{text: "3 ملايين", from: "2017-10-01", to: "2017-12-31"}),
		Entry("start of a year: its first month", "It said at the start of 2017, 8 percent of the videos were taken down early.", reading{text: "8 percent", from: "2017-01-01", to: "2017-01-31"}),
		// Times relative to the article's date.
		Entry("relative: last year", "حذف فيسبوك 3 ملايين منشور العام الماضي", reading{text: "3 ملايين", from: "2017-01-01", to: "2017-12-31"}),
		Entry("relative: last year (English)", "Facebook removed 3 million posts last year.", reading{text: "3 million", from: "2017-01-01", to: "2017-12-31"}),
		Entry("relative: since the start of this month", "أغلقت تليجرام 2000 قناة منذ بداية الشهر الجاري", reading{text: "2000", from: "2018-04-01", to: "2018-04-10"}),
		Entry("relative: this month (English)", "Telegram closed 2,000 channels this month.", reading{text: "2,000", from: "2018-04-01", to: "2018-04-10"}),
		Entry("relative: last December", "The camp went from about 10,000 people last December to more than 75,000 today.",
			reading{text: "about 10,000", from: "2017-12-01", to: "2017-12-31"}),
		Entry("relative: a range of past months", "وقفز الرقم إلى 9.4 مليون محتوى بين نيسان وحزيران الماضيين", reading{text: "9.4 مليون", from: "2017-04-01", to: "2017-06-30"}),
		Entry("relative: days of a past month", "أوقف حوالي 26 ألف مادة خلال العملية التي جرت بين الحادي والعشرين والرابع والعشرين من آذار/ مارس الماضي",
			reading{text: "حوالي 26 ألف", from: "2018-03-21", to: "2018-03-24"}),
		Entry("relative: on Monday", "Twitter suspended 10,000 accounts on Monday.", reading{text: "10,000", from: "2018-04-09", to: "2018-04-09"}),
		Entry("relative: يوم الاثنين", "أغلقت تليجرام 500 قناة يوم الاثنين", reading{text: "500", from: "2018-04-09", to: "2018-04-09"}),
		Entry("relative: the day of an event is not the toll's", "Fourteen people have died in the bombing on Monday, officials said.", reading{text: "Fourteen", from: "-"}),
		Entry("relative: the day said is not the figure's", "Twitter said Thursday it has suspended 10,000 accounts.", reading{text: "10,000", from: "-"}),
		// An earlier report takes the day stated before.
		Entry("relative: a day of the figure's own clause", "The death toll had stood at 11 people on Monday.", reading{text: "11", from: "2018-04-09", to: "2018-04-09"}),
		Entry("relative: a day before the figure is when something was said", "The ministry on Monday said 200 fighters had returned since 2014.",
			reading{text: "200", from: "2014-01-01", to: "2018-04-10"}),
		Entry("relative: this year", "وحذفت الشركة 5 آلاف حساب هذه السنة", reading{text: "5 آلاف", from: "2018-01-01", to: "2018-04-10"}),
		Entry("earlier report: the previous toll", "Fourteen people have died in the bombing on Monday, April 9, the minister said Tuesday, revising the previous toll of 11 deaths.",
			reading{text: "11", from: "2018-04-09", to: "2018-04-09"}),
		Entry("earlier report: الحصيلة السابقة, the day in the sentence before", "وقع الهجوم يوم الاثنين. وكانت الحصيلة السابقة 11 قتيلا",
			reading{text: "11", from: "2018-04-09", to: "2018-04-09"}),
		// "The same period": the period stated before.
		Entry("same period: الفترة ذاتها", "حذفت تويتر 300 ألف حساب في النصف الثاني من 2017. وقالت إن 74 في المائة من الحسابات المعلقة في آخر فترة أغلقت مبكراً",
			reading{text: "74 في المائة", from: "2017-07-01", to: "2017-12-31"}),
		Entry("same period: a year earlier is a comparison's base", "Facebook removed 1.9 million posts in the first quarter of 2018. In the same period a year earlier, it removed 1.1 million.",
			reading{text: "1.1 million", from: "-"}),
		Entry("same period: من العام الماضي is a comparison's base", "حذف فيسبوك 1.9 مليون منشور في الربع الأول من 2018. وفي نفس الفترة من العام الماضي حذف 1.1 مليون.",
			reading{text: "1.1 مليون", from: "-"}),
		Entry("same period: the most recent reporting period", "Twitter suspended 300,000 accounts in the second half of 2017. Government reports made up less than 0.2% of suspensions in the most recent reporting period.",
			reading{text: "less than 0.2%", from: "2017-07-01", to: "2017-12-31"}),
	)

	DescribeTable("without the article's date", checkUndatedPeriod,
		Entry("a time that needs the date blocks the periods around it", "في حزيران 2014 كان عددهم يقدر بـ12 ألف شخص، أما في كانون الأول/ ديسمبر الجاري فتراوح بين 27 و31 ألفا.",
			"بين 27 و31 ألفا", "-", "-"),
		Entry("a time that needs the date blocks the periods around it (English)", "In June 2014 there were 12,000 fighters. This December there are 27,000 fighters.",
			"27,000", "-", "-"),
		Entry("a past month takes the year named before", "وأزيل 1.9 مليون محتوى في الأشهر الثلاثة الأولى من 2018، ثم 9.4 مليون محتوى بين نيسان حزيران الماضيين",
			"9.4 مليون", "2018-04-01", "2018-06-30"),
		Entry("since has no end", "Twitter has shut down over 125,000 accounts since mid-2015.", "over 125,000", "2015-07-01", "-"),
	)
})
