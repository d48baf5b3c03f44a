package extract_test

import (
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/corpus"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// reading is what a table entry expects of the claim whose text is text; empty fields are
// not checked, "-" expects none.
type reading struct {
	text, metric, subject, rate, from, to, attribution string
}

var articleDate = time.Date(2018, 4, 10, 0, 0, 0, 0, time.UTC)

func checkReading(sentence string, want reading) {
	x := newExtractor()
	claims := x.Article(&corpus.Article{Path: "table.txt", Text: sentence, Date: articleDate})
	var found *claim.Claim
	for i := range claims {
		if claims[i].Text == want.text {
			found = &claims[i]
		}
	}
	Expect(found).NotTo(BeNil(), "no mention %q in %v", want.text, claims)
	Expect(found.IsClaim).To(BeTrue())
	expect := func(field, got, want string) {
		if want == "" {
			return
		}
		if want == "-" {
			want = ""
		}
		ExpectWithOffset(2, got).To(Equal(want), field)
	}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	expect("metric", found.Metric, want.metric)
	expect("subject", found.Subject, want.subject)
	expect("rate", found.Rate, want.rate)
	if !found.Period.AsOf {
		expect("period from", date(found.Period.From), want.from)
		expect("period to", date(found.Period.To), want.to)
	} else {
		expect("period from", "", want.from)
	}
	expect("attribution", found.Attribution, want.attribution)
}

var _ = Describe("claims: metric, subject, period, rate, attribution", func() {
	DescribeTable("reads every form", checkReading,
		// Metric from the counted noun and the cue.
		Entry("accounts deleted", "أعلنت تويتر حذف 1.2 مليون حساب", reading{text: "1.2 مليون", metric: "accounts_removed", subject: "twitter"}),
		Entry("accounts suspended (English)", "Twitter suspended 274,460 accounts.", reading{text: "274,460", metric: "accounts_removed", subject: "twitter"}),
		Entry("accounts without a cue: held (fallback)", "بخلاف «انستجرام»50 ألف حساب", reading{text: "50 ألف", metric: "accounts_held", subject: "instagram"}),
		Entry("accounts owned", "يمتلك تنظيم داعش 30 ألف حساب على «تليجرام»", reading{text: "30 ألف", metric: "accounts_held", subject: "telegram"}),
		Entry("coordination keeps the metric", "يمتلك التنظيم 30 ألف حساب على «تليجرام»، كل حساب يتابعه حوالى 3 ملايين شخص، بخلاف «انستجرام»50 ألف حساب",
			reading{text: "50 ألف", metric: "accounts_held", subject: "instagram"}),
		Entry("channels closed a day", "تقوم «تليجرام» بإغلاق 60 قناة مرتبطة بداعش يومياً", reading{text: "60", metric: "channels_closed", subject: "telegram", rate: "day"}),
		Entry("fighters joined", "وانضم نحو 42 ألف شخص لتنظيم داعش", reading{text: "نحو 42 ألف", metric: "fighters_joined"}),
		Entry("fighters left a region", "لقد غادر 3000 مقاتل أوروبا لخوض الجهاد", reading{text: "3000", metric: "fighters_joined", subject: "europe"}),
		Entry("fighters returned, destination is no subject", "عاد 800 مقاتل تونسي إلى تونس", reading{text: "800", metric: "fighters_returned", subject: "tunisia"}),
		Entry("noun before the number", "أن عدد المقاتلين التونسيين الذين سافروا إلى سوريا للانضمام إلى الجماعات الإرهابية بلغ ثلاثة آلاف",
			reading{text: "ثلاثة آلاف", metric: "fighters_joined", subject: "tunisia"}),
		Entry("killed: the noun is its own cue", "المذبحة التى أودت بحياة 49قتيلاً في أورلاندو", reading{text: "49", metric: "killed", subject: "orlando_2016"}),
		Entry("killed citizens need the cue", "حادث بطرسبورج الذى أسفر عن مقتل 15 مواطنا روسيا", reading{text: "15", metric: "killed", subject: "st_petersburg_2017"}),
		Entry("killed (English)", "The blast in St. Petersburg killed 14 people.", reading{text: "14", metric: "killed", subject: "st_petersburg_2017"}),
		Entry("injured (English)", "At least 51 people were injured in the St Petersburg metro blast.", reading{text: "At least 51", metric: "injured", subject: "st_petersburg_2017"}),
		Entry("flagged by tools is not removed", "YouTube removed 8 million videos. A vast majority of those videos, 6.7 million, were flagged for removal by automated systems.",
			reading{text: "6.7 million", metric: "flagged_by_tools", subject: "youtube"}),
		Entry("children held in camps", "كما لايزال يوجد بين 700 و750 طفلًا محتجزين في المخيمات", reading{text: "بين 700 و750", metric: "children_held"}),
		Entry("adults held", "وتحتجز قوات سوريا الديمقراطية نحو 2000 مقاتل أجنبي بالغ", reading{text: "نحو 2000", metric: "people_held"}),
		Entry("percent of a group", "أن 80 % من أنصار «داعش» تم استقطابهم عبر الإنترنت", reading{text: "80 %", metric: "recruited_online", subject: "islamic_state"}),
		Entry("attribution: قال", "وقال الوزير إن 3000 مقاتل غادروا أوروبا", reading{text: "3000", metric: "fighters_joined", subject: "europe", attribution: "وقال الوزير"}),
		Entry("camp population", "يقطن مخيم الهول نحو 72 ألف شخص", reading{text: "نحو 72 ألف", metric: "camp_population", subject: "al_hol"}),
		Entry("a list of parallel figures keeps the metric", "قائمة المقاتلين الأجانب في العراق وسوريا تشمل تونس (6500) والسعودية (2500) وروسيا (2400)",
			reading{text: "2400", metric: "fighters_joined", subject: "russia"}),
		Entry("an English list keeps the metric", "Tunisia has the largest number of recruits, about 6,000, followed by Saudi Arabia with 2,500; Russia with 2,400",
			reading{text: "2,400", metric: "fighters_joined", subject: "russia"}),
		Entry("foreign fighters joined", "In June 2014, 12,000 foreign fighters were identified in the region", reading{text: "12,000", metric: "fighters_joined", from: "2014-06-01", to: "2014-06-30"}),
		Entry("hyphenated alias", "Al-Hol holds about 51,000 people, most of them women and children", reading{text: "about 51,000", metric: "camp_population", subject: "al_hol"}),
		// Metric: a noun without a cue carries the metric its kind of noun had just before.
		Entry("a noun without a cue carries the metric of the sentences before", "وشارك الآلاف من المقاتلين التونسيين في نزاعات في الخارج.\n\nوذكرت الحكومة التونسية في وقت سابق بأنهم في حدود 3 آلاف مقاتل.",
			reading{text: "في حدود 3 آلاف", metric: "fighters_joined", subject: "tunisia"}),
		Entry("a noun without a cue carries the metric (English)", "About 1,500 fighters have returned to Tunisia. Officials said they were 1,700 fighters by March.",
			reading{text: "1,700", metric: "fighters_returned"}),
		Entry("a cue of another metric stops the carried metric", "Twitter removed 10,000 accounts last month. The company has 300 million users.",
			reading{text: "300 million", metric: "-"}),
		Entry("a cue of another metric stops the carried metric (Arabic)", "حذفت تويتر 10 آلاف حساب الشهر الماضي. ولدى الشركة 300 مليون مستخدم.",
			reading{text: "300 مليون", metric: "-"}),
		Entry("a repeated noun keeps its metric over another sentence", "يبلغ تعداد مخيم الهول 71905 أشخاص، ويبلغ تعداد العراقيين منهم 30875 شخصاً. أما السوريون فهم 30593 شخصاً.",
			reading{text: "30593", metric: "camp_population", subject: "syria"}),
		Entry("a share carries no metric from the figures before", "Twitter suspended 274,460 accounts, down 8.4% from the previous period. Government figures are less than 0.2% of all suspensions.",
			reading{text: "less than 0.2%", metric: "-"}),
		Entry("a figure stated again keeps its metric, not its noun's default", "Twitter suspended 274,460 accounts in the second half of 2017. Of 274,460 accounts, 93% were flagged by internal tools.",
			reading{text: "274,460", metric: "accounts_removed", subject: "twitter"}),
		Entry("a figure stated again keeps its metric (Arabic)", "علقت تويتر 274 ألف حساب خلال النصف الثاني من العام. ومن بين 274 ألف حساب، رصدت الأدوات الآلية 93 في المائة.",
			reading{text: "274 ألف", metric: "accounts_removed", subject: "twitter"}),
		Entry("a list item whose noun counts otherwise takes no metric from the list", "تحتجز القوات 4 آلاف امرأة و8 آلاف طفل", reading{text: "8 آلاف", metric: "-"}),
		Entry("a list item whose noun counts otherwise (English)", "The forces detain 4,000 women and 8,000 children.", reading{text: "8,000", metric: "-"}),
		// Metric: scopes around nested figures, partitives, compounds, openings, shares.
		Entry("a figure of origin does not end the clause", "ولفت المصادر إلى أن أكثر من 42 ألف إرهابي من 120 دولة انضموا إلى داعش",
			reading{text: "أكثر من 42 ألف", metric: "fighters_joined", subject: "-"}),
		Entry("a figure of origin does not end the clause (English)", "More than 27,000 fighters from 86 countries joined the group.",
			reading{text: "More than 27,000", metric: "fighters_joined", subject: "-"}),
		Entry("the verb of a partitive reaches over a destination", "عاد منهم حتى الآن إلى الدول الأربع المذكورة 1000 شخص فقط",
			reading{text: "1000", metric: "fighters_returned"}),
		Entry("an English compound modifier before the noun", "Twitter says it has shut down over 125,000 terrorist- or terrorism- related accounts since mid-2015.",
			reading{text: "over 125,000", metric: "accounts_removed", subject: "twitter"}),
		Entry("a hyphenated modifier before the noun", "Twitter removed 10,000 ISIS-linked accounts.", reading{text: "10,000", metric: "accounts_removed", subject: "twitter"}),
		Entry("the verb opening the sentence governs its first figure", "يعج مخيم الهول، الواقع على بعد 45 كيلومترا شرق محافظة الحسكة، بنحو 72 ألفا من الفارين من مناطق «داعش» سابقاً",
			reading{text: "نحو 72 ألفا", metric: "camp_population", subject: "al_hol"}),
		Entry("the subject opening an English sentence governs its first figure", "Government reports of violations represent less than 0.2% of all suspensions.",
			reading{text: "less than 0.2%", metric: "government_reports_share"}),
		Entry("a share's cue far after it", "وقالت الشركة إن 74 في المائة من الحسابات المعلقة في آخر فترة أغلقت قبل نشر أولى تغريدتها",
			reading{text: "74 في المائة", metric: "removed_before_first_post"}),
		Entry("the whole's adjective does not say what the share counts", "Twitter said 93 percent of the suspended accounts were flagged by internal, proprietary tools.",
			reading{text: "93 percent", metric: "flagged_by_tools", subject: "twitter"}),
		Entry("a relative pronoun names the people counted", "في حين تقدر نسبة الذين عادوا إلى أوطانهم بين 20 و30%", reading{text: "بين 20 و30%", metric: "fighters_returned"}),
		Entry("a relative pronoun names the people counted (English)", "The share of those who returned home is 20 percent.", reading{text: "20 percent", metric: "fighters_returned"}),
		Entry("a relative pronoun of another clause names no group", "Of the 5,000 who left, 1,000 returned.", reading{text: "1,000", metric: "-"}),
		Entry("a relative pronoun of another clause names no group (Arabic)", "ومن بين خمسة آلاف الذين غادروا، عاد 1000.", reading{text: "1000", metric: "-"}),
		Entry("a sentence pointing back takes the figure before", "YouTube removed 8 million videos. A vast majority of those videos, 6.7 million, were flagged by automated systems. Of that number, 76 percent were removed before the videos got a single view.",
			reading{text: "76 percent", metric: "removed_before_first_view"}),
		Entry("a sentence pointing back takes the figure before (Arabic)", "حذفت يوتيوب 8 ملايين مقطع فيديو. ومن هذا العدد، أزيل 76 في المائة قبل أي مشاهدة.",
			reading{text: "76 في المائة", metric: "removed_before_first_view"}),
		Entry("the longer cue wins at the same distance: a return feared", "حذرت تقارير إعلامية أوروبية من عودة ما يصل إلى 3 آلاف إرهابي إلى عدة دول أوروبية",
			reading{text: "ما يصل إلى 3 آلاف", metric: "fighters_expected_return"}),
		Entry("a return made", "أعلنت الوزارة عودة 800 مقاتل إلى تونس", reading{text: "800", metric: "fighters_returned"}),
		Entry("the longer cue wins at the same distance (English)", "The company said 300 accounts were flagged for review.", reading{text: "300", metric: "content_reviewed"}),
		Entry("a count of people is not a camp's without a camp", "الدواعش الأوروبيين الذين يتراوح تعدادهم من 1200 إلى 3000 شخص", reading{text: "من 1200 إلى 3000", metric: "-"}),
		Entry("a later figure takes the metric a cue of the sentence's lead names", "يعيش في المخيم المكتظ 12 ألف مقاتل أجنبي مع عائلاتهم التي تضم 4 آلاف امرأة و8 آلاف طفل",
			reading{text: "8 آلاف", metric: "children_held"}),
		Entry("a later figure takes the metric a cue of the sentence's lead names (English)", "Living in the camp are 12,000 foreign fighters with their families, including 4,000 women and 8,000 children.",
			reading{text: "8,000", metric: "children_held"}),
		Entry("a construct-state plural is the noun", "وتحتجز قوات سوريا الديمقراطية نحو ألفين من مسلحي داعش", reading{text: "نحو ألفين", metric: "people_held"}),
		Entry("a construct-state plural is the noun (fighters)", "عاد 800 من مقاتلي داعش التونسيين إلى بلادهم", reading{text: "800", metric: "fighters_returned", subject: "tunisia"}),
		Entry("a relative clause on the counted noun holds its cue", "But there are also around 8,000 women and children from 60 other nationalities who live in a part of the camp known as the Annex.",
			reading{text: "around 8,000", metric: "people_held"}),
		Entry("a relative clause on the counted noun holds its cue (Arabic)", "وهناك أيضا نحو 8 آلاف امرأة من 60 جنسية أخرى اللواتي يعشن في قسم خاص من المخيم",
			reading{text: "نحو 8 آلاف", metric: "people_held"}),
		Entry("nouns coordinated with the counted noun are one phrase", "وتطالب أوروبا باستعادة المئات من مسلحي داعش الأجانب وأبنائهم وزوجاتهم المحتجزين لدى قوات سوريا الديمقراطية",
			reading{text: "المئات", metric: "people_held", subject: "europe"}),
		Entry("a place inside an organisation's name is no subject", "Europe is urged to take back 2,000 fighters held by the Syrian Democratic Forces.",
			reading{text: "2,000", metric: "people_held", subject: "europe"}),
		// Subject: names inside longer names, organisations, events named later.
		Entry("a name inside a longer name is the longer one's", "عملت الشرطة الأوروبية مع شرطة 11 دولة على التصدي لداعش", reading{text: "11", metric: "countries", subject: "europol"}),
		Entry("a name inside a longer name (English)", "The action involved units from the European Union and 17 countries.", reading{text: "17", metric: "countries", subject: "eu"}),
		Entry("an organisation is no subject of a figure without a metric", "ISIS ran a network of 400 cells.", reading{text: "400", metric: "-", subject: "-"}),
		Entry("an organisation is no subject of a figure without a metric (Arabic)", "يدير تنظيم داعش شبكة من 400 خلية", reading{text: "400", metric: "-", subject: "-"}),
		Entry("the event named after the figure outranks the country before", "The United States suffered the worst mass shooting in its history when 50 people were killed in Orlando.",
			reading{text: "50", metric: "killed", subject: "orlando_2016"}),
		Entry("the event named after the figure outranks the country before (Arabic)", "شهدت الولايات المتحدة أسوأ حادث إطلاق نار حين قتل 50 شخصا في أورلاندو",
			reading{text: "50", metric: "killed", subject: "orlando_2016"}),
		Entry("a destination word reaches over the head noun of a name", "وأشارت إلى أن 30% منهم قد رجعوا إلى دول الاتحاد الأوروبي", reading{text: "30%", subject: "-"}),
		Entry("a destination word reaches over the head noun of a name (English)", "It said 30 percent of them returned to the countries of the European Union.", reading{text: "30 percent", subject: "-"}),
		Entry("tweets are Twitter's", "وذكر أن أنصار «داعش» يرسلون 100 ألف «تغريدة» يوميا", reading{text: "100 ألف", metric: "content_published", subject: "twitter", rate: "day"}),
		Entry("tweets are Twitter's (English)", "Supporters of ISIS send 100,000 tweets a day.", reading{text: "100,000", metric: "content_published", subject: "twitter", rate: "day"}),
		// Subject: lists of places, nested figures, figures describing another's group.
		Entry("a list of places is no one subject", "و3700 منهم قدموا من ألمانيا وبريطانيا وفرنسا وبلجيكا", reading{text: "3700", subject: "-"}),
		Entry("a list of places is no one subject, nor the figure's before", "ارتفع عدد المقاتلين القادمين من الاتحاد الأوروبي إلى خمسة آلاف على الأقل، 3700 منهم قدموا من ألمانيا وبريطانيا وفرنسا",
			reading{text: "3700", metric: "fighters_joined", subject: "-"}),
		Entry("a list of places is no one subject (English)", "Some 3,700 of them came from Germany and Britain.", reading{text: "Some 3,700", subject: "-"}),
		Entry("a sentence naming a list of places has no topic", "يضم المخيم نازحين من الجنسيتين السورية والعراقية. ويعيش في المخيم 12 ألف مقاتل أجنبي.",
			reading{text: "12 ألف", subject: "-"}),
		Entry("a sentence naming a list of places has no topic (English)", "Most are Syrians and Iraqis. But there are also 8,000 women held in the camp.",
			reading{text: "8,000", subject: "-"}),
		Entry("a nested figure is about no one", "But there are also around 8,000 women and children from 60 other nationalities.", reading{text: "60", metric: "countries", subject: "-"}),
		Entry("a nested figure is about no one (Arabic)", "عاد منهم حتى الآن إلى الدول الأربع المذكورة 1000 شخص", reading{text: "الأربع", metric: "countries", subject: "-"}),
		Entry("a nested figure is about the place its own words name", "حذرت التقارير من عودة 3 آلاف إرهابي إلى عدة دول أوروبية", reading{text: "عدة", metric: "countries", subject: "europe"}),
		Entry("a figure describing another's group takes its subject", "يبلغ تعداد مخيم الهول 71905 أشخاص، حيث يبلغ تعداد العراقيين منهم 30875 شخصاً من 8746 عائلة",
			reading{text: "8746", metric: "camp_families", subject: "iraq"}),
		Entry("a figure describing another's group takes its subject (English)", "The camp holds 71,905 people; Iraqis number 30,875 people from 8,746 families.",
			reading{text: "8,746", metric: "camp_families", subject: "iraq"}),
		Entry("a figure of a noun no metric counts takes no subject from the sentences before", "He estimated that about 43 percent of the camp residents are Syrians. Of the total population, 66 percent are children.",
			reading{text: "66 percent", subject: "-"}),
		Entry("a figure of a noun no metric counts takes no subject from the sentences before (Arabic)", "ويشكل السوريون 43 في المائة من سكان المخيم. ومن إجمالي السكان، 66 في المائة من الأطفال.",
			reading{text: "66 في المائة", subject: "-"}),
		Entry("an increment after its noun keeps its toll's subject", "ارتفعت حصيلة تفجير سان بطرسبورغ إلى 15 قتيلا. وتوفي خمسة أشخاص آخرون لاحقا متأثرين بجروحهم.",
			reading{text: "خمسة", metric: "-", subject: "st_petersburg_2017"}),
		Entry("an increment keeps its toll's subject (English)", "The toll of the St Petersburg blast rose to 15. Eight more people died later from their injuries.",
			reading{text: "Eight", metric: "-", subject: "st_petersburg_2017"}),
		Entry("Europol's counter-terrorism centre is Europol", "The action day involved units from Europol's European Counter Terrorism Centre (ECTC) and 17 countries.",
			reading{text: "17", metric: "countries", subject: "europol"}),
		Entry("Europol's counter-terrorism centre is Europol (Arabic)", "شارك في الحملة المركز الأوروبي لمكافحة الإرهاب و17 دولة", reading{text: "17", metric: "countries", subject: "europol"}),
		Entry("a list of platforms is no one subject", "فتمت متابعة 9 من أكبر منصات الإنترنت من بينها جوجل وتويتر وإنستجرام وتليجرام", reading{text: "9", metric: "platforms", subject: "-"}),
		Entry("a list of platforms is no one subject (English)", "Facebook and Twitter removed 500 accounts.", reading{text: "500", metric: "accounts_removed", subject: "-"}),
		Entry("the topic of أما … ف is its clause's subject", "وأشار التقرير إلى وجود 2400 شخص من روسيا، أما إجمالي عدد المقاتلين القادمين من الجمهوريات المستقلة، فبلغ 4700 شخص",
			reading{text: "4700", metric: "fighters_joined", subject: "former_soviet_union"}),
		Entry("the topic of As for is its clause's subject", "The report counts 2,400 fighters from Russia. As for fighters who came from the former Soviet republics, they number 4,700 people.",
			reading{text: "4,700", metric: "fighters_joined", subject: "former_soviet_union"}),
		// Subject: destinations.
		Entry("a destination word reaches over a list of places", "ذكرت الصحيفة أن عدد المقاتلين الأجانب الذين سافروا إلى العراق وسوريا يقدر بأكثر من 27 ألفا",
			reading{text: "أكثر من 27 ألفا", metric: "fighters_joined", subject: "-"}),
		Entry("a destination word reaches over a list of places (English)", "The number of foreign fighters who travelled to Iraq and Syria is more than 27,000.",
			reading{text: "more than 27,000", metric: "fighters_joined", subject: "-"}),
		// Metric: choices between nouns, cues and units.
		Entry("a measure word defers to the noun a cue ties before it", "وقدرت الحكومة عدد المقاتلين الأجانب في ليبيا، في شهر مايو، بنحو 5 آلاف شخص",
			reading{text: "نحو 5 آلاف", metric: "fighters_joined"}),
		Entry("عدد names the counted noun far before the figure", "أما عدد المقاتلين الأجانب القادمين إلى العراق من دول شمال أفريقيا خلال العامين الماضيين، فارتفع من 1500 شخص",
			reading{text: "1500", metric: "fighters_joined"}),
		Entry("a noun before of another unit is no counted noun", "ينتمي المقاتلون إلى دول كثيرة، وبلغ عددهم 2000 شخص", reading{text: "2000", metric: "-"}),
		Entry("the verb opening the sentence is its first figure's cue", "جاء المقاتلون من دول كثيرة، وبلغ عددهم 2000 شخص", reading{text: "2000", metric: "fighters_joined"}),
		Entry("users banned are accounts removed", "حظرت تويتر حسابات أكثر من 20 ألف مستخدم", reading{text: "أكثر من 20 ألف", metric: "accounts_removed", subject: "twitter"}),
		Entry("a share prefers a share metric", "Twitter said 70% of its accounts were closed before their first tweet.",
			reading{text: "70%", metric: "removed_before_first_post", subject: "twitter"}),
		Entry("a count never takes a share metric", "The camp holds around 9,000 women and children.", reading{text: "around 9,000", metric: "people_held"}),
		Entry("a percentage change", "حذفت فيسبوك 500 ألف حساب، بانخفاض قدره 12 في المائة في عدد الحسابات", reading{text: "12 في المائة", metric: "accounts_removed_change", subject: "facebook"}),
		Entry("a verb before منهم is the part's", "هناك نحو ألفي مقاتل مغربي في العراق عاد منهم 300", reading{text: "300", metric: "fighters_returned"}),
		Entry("the previous figure's verb is not the next one's", "About 200 fighters left Canada to fight abroad, officials say, and 60 have returned.",
			reading{text: "60", metric: "fighters_returned"}),
		Entry("a clause mark ends the previous figure's cue", "عاد 300 مقاتل، بينهم 90 يقبعون في السجون، و40 تحت الإقامة الجبرية", reading{text: "40", metric: "under_house_arrest"}),
		Entry("an increment is no toll", "Five people died on Monday and three more died in hospital, bringing the toll to 8.",
			reading{text: "three", metric: "-"}),
		Entry("figures after an increment keep counting the dead", "Five people died on Monday and three more died in hospital, bringing the toll to 8.",
			reading{text: "8", metric: "killed"}),
		Entry("a number word after its noun counts that noun", "وعادت إلى الدول الثلاث المذكورة 500 مقاتل", reading{text: "الثلاث", metric: "countries"}),
		Entry("a nationality counts people, by cue", "قال الوزير إن 40% من المغاربة المذكورين يوجدون حاليا في سوريا", reading{text: "40%", metric: "fighters_remaining", subject: "morocco"}),
		Entry("from a region is where from, not what is counted", "وجاء أكثر من ألفين من الدول الأوروبية: فرنسا وألمانيا", reading{text: "أكثر من ألفين", metric: "fighters_joined", subject: "europe"}),
		Entry("of them, after a full stop, takes the people before", "انضم نحو 8 آلاف إرهابي إلى التنظيم من الدول الأوروبية. وقتل 25% منهم في المعارك، و40% عادوا إلى بلدانهم.",
			reading{text: "25%", metric: "fighters_killed", subject: "europe"}),
		Entry("a camp's residents and people held there", "يعيش في مخيم الهول 9 آلاف مقاتل أجنبي", reading{text: "9 آلاف", metric: "people_held", subject: "al_hol"}),
		Entry("euros", "تستعد فرونتكس لإطلاق عملية تتكلف 3 ملايين يورو", reading{text: "3 ملايين", metric: "cost_eur", subject: "frontex"}),
		Entry("government requests", "Twitter received 5,000 government requests for information.", reading{text: "5,000", metric: "government_requests", subject: "twitter"}),
		Entry("fighters expected back", "1500 مقاتل في طريقهم إلى أوروبا", reading{text: "1500", metric: "fighters_expected_return"}),
		// Subject.
		Entry("subject: the sentence's topic, not a platform named in a side clause",
			"موقع تويتر، وهو أعلى منصات التواصل استخداما، قبل أن يتراجع لصالح «إنستجرام» و«جوجل بلس»، أعلن عن حذف 1.2 مليون حساب إرهابى",
			reading{text: "1.2 مليون", metric: "accounts_removed", subject: "twitter"}),
		Entry("subject: the country before its figure in a list", "تشمل تونس (6500) والسعودية (2500) وروسيا (2400)", reading{text: "2500", subject: "saudi_arabia"}),
		Entry("subject: with, in an English list", "Tunisia has the most, followed by Saudi Arabia with 2,500; Russia with 2,400", reading{text: "2,500", subject: "saudi_arabia"}),
		Entry("subject: a parallel figure keeps it, a new list after ثم does not give it", "وبعد فرنسا، تأتي ألمانيا بـ124 بالغا و138 طفلا ثم كل من بلجيكا وهولندا",
			reading{text: "138", subject: "germany"}),
		Entry("subject: a partitive keeps it", "بخلاف «انستجرام»50 ألف حساب، حذف منها 15 ألفا مؤخراً", reading{text: "15 ألفا", metric: "accounts_removed", subject: "instagram"}),
		Entry("subject: a country named as the place is not who is counted", "عاد 600 مقاتل تونسي إلى بلادهم، بينما قتل 800 مقاتل في سوريا",
			reading{text: "800", subject: "tunisia"}),
		Entry("subject: the place when nothing else is named", "قتل 15 شخصا في فرنسا", reading{text: "15", metric: "killed", subject: "france"}),
		Entry("subject: an alias between apostrophes", "وقالت الشرطة الأوروبية 'يوروبول' في بيان إنها عملت مع تسع من أكبر منصات الإنترنت",
			reading{text: "تسع", metric: "platforms", subject: "europol"}),
		Entry("subject: the paragraph's topic", "Europol led the action. It reviewed 1,906 items.", reading{text: "1,906", subject: "europol"}),
		Entry("subject: the source is not the subject", "أغلقت 100 حساب بحسب بيانات تويتر", reading{text: "100", subject: "-", attribution: "بحسب بيانات تويتر"}),
		Entry("subject: the speaker may be", "قالت تويتر إنها حذفت 100 حساب", reading{text: "100", subject: "twitter", attribution: "قالت تويتر"}),
		// Periods.
		Entry("period: بين عامي", "وانضم نحو 42 ألف شخص لتنظيم داعش بين عامي 2011 و2016", reading{text: "نحو 42 ألف", from: "2011-01-01", to: "2016-12-31"}),
		Entry("period: the range reaches the next clause", "وانضم نحو 42 ألف شخص بين عامي 2011 و2016، بينهم أكثر من خمسة آلاف شخص جاؤوا من دول أوروبية",
			reading{text: "أكثر من خمسة آلاف", from: "2011-01-01", to: "2016-12-31", subject: "europe"}),
		Entry("period: النصف الثاني", "خلال النصف الثانى من عام 2017 تم إيقاف حوالى 274.460 حساب", reading{text: "حوالى 274.460", from: "2017-07-01", to: "2017-12-31"}),
		Entry("period: النصف الأول", "حذفت تويتر 100 ألف حساب في النصف الأول من 2016", reading{text: "100 ألف", from: "2016-01-01", to: "2016-06-30"}),
		Entry("period: منذ … وحتى نهاية", "حذف 1.2 مليون حساب إرهابى منذ 2015 وحتى نهاية 2017", reading{text: "1.2 مليون", from: "2015-01-01", to: "2017-12-31"}),
		Entry("period: منذ runs to the article date", "حذف 250 ألف حساب منذ بداية 2016", reading{text: "250 ألف", from: "2016-01-01", to: "2018-04-10"}),
		Entry("period: since mid-year", "Twitter has shut down over 125,000 accounts since mid-2015.", reading{text: "over 125,000", from: "2015-07-01", to: "2018-04-10"}),
		Entry("period: the past three years, against the article date", "قتلت هجمات داعش 300 شخص خلال الأعوام الثلاثة الماضية", reading{text: "300", from: "2015-04-10", to: "2018-04-10"}),
		Entry("period: the past six months", "Twitter removed 300,000 accounts over the past six months", reading{text: "300,000", from: "2017-10-10", to: "2018-04-10"}),
		Entry("period: a month", "أغلقت تويتر 500 حساب في أكتوبر 2014", reading{text: "500", from: "2014-10-01", to: "2014-10-31"}),
		Entry("period: a quarter", "أزال فيسبوك 3 ملايين محتوى في الربع الثالث من 2018", reading{text: "3 ملايين", from: "2018-07-01", to: "2018-09-30"}),
		Entry("period: a quarter without its year takes the year named before", "حذف فيسبوك 1.9 مليون محتوى في 2018، ثم 3 ملايين محتوى في الربع الثالث",
			reading{text: "3 ملايين", from: "2018-07-01", to: "2018-09-30"}),
		Entry("period: the first three months", "وأزيل 1.9 مليون محتوى في الأشهر الثلاثة الأولى من 2018", reading{text: "1.9 مليون", from: "2018-01-01", to: "2018-03-31"}),
		Entry("period: the first three months (English)", "YouTube removed 2 million videos in the first three months of 2018", reading{text: "2 million", from: "2018-01-01", to: "2018-03-31"}),
		Entry("period: Q4", "YouTube removed 8 million videos in Q4 2017.", reading{text: "8 million", from: "2017-10-01", to: "2017-12-31"}),
		Entry("period: between two dates", "Between August 1, 2015 and December 31, 2017, Twitter suspended 1,210,357 accounts.", reading{text: "1,210,357", from: "2015-08-01", to: "2017-12-31"}),
		Entry("period: between two months", "YouTube took down 8 million videos between October and December 2017.", reading{text: "8 million", from: "2017-10-01", to: "2017-12-31"}),
		Entry("period: carried from the previous sentence", "Between July 1, 2017 and December 31, 2017 Twitter suspended 274,460 accounts. Of those, 93% were flagged by tools.",
			reading{text: "93%", from: "2017-07-01", to: "2017-12-31"}),
		Entry("period: not past a turn to the present", "In June 2014, 12,000 foreign fighters were identified, and now there are 27,000 to 31,000.",
			reading{text: "27,000 to 31,000", from: "-"}),
		Entry("period: not carried past a turn to the present in the previous sentence",
			"In June 2014, 12,000 foreign fighters were identified, and now there are 27,000 to 31,000. Tunisia has the largest number of recruits, about 6,000.",
			reading{text: "about 6,000", from: "-"}),
		Entry("period: a year after بعد is when something began", "ومع اندلاع الانتفاضات بعد 2011 سافر الآلاف من الشباب", reading{text: "الآلاف", from: "-"}),
		// Rates.
		Entry("rate: شهرياً", "يصل إلى أكثر من 2000 قناة شهرياً", reading{text: "أكثر من 2000", rate: "month"}),
		Entry("rate: كل شهر", "تغلق تليجرام 2000 قناة كل شهر", reading{text: "2000", rate: "month"}),
		Entry("rate: في اليوم", "تحذف 60 قناة في اليوم", reading{text: "60", rate: "day"}),
		Entry("rate: a day", "Telegram closes 60 channels a day.", reading{text: "60", rate: "day"}),
		Entry("rate: per week", "Telegram closes 400 channels per week.", reading{text: "400", rate: "week"}),
		Entry("rate: far after the noun, in the clause", "ما يزيد على مائة فيديو وإصدار مرئى للتنظيم على شبكات التواصل الاجتماعى يومياً",
			reading{text: "ما يزيد على مائة", rate: "day"}),
		Entry("rate: a rate adjective on the count", "وتشهد عمليات الحذف اليومي للحسابات ارتفاعا بنسبة 40%", reading{text: "40%", rate: "day"}),
		Entry("rate: within 24 hours", "Twitter suspended 5,000 accounts linked to the group within 24 hours.", reading{text: "5,000", rate: "day"}),
		Entry("rate: no adjective of another clause", "في تقريرها الشهري، قالت الشركة إنها حذفت 300 حساب", reading{text: "300", rate: "-"}),
		Entry("subject: a name before a comma is another clause's", "About 40 percent of the residents are Syrians, 45 percent are Iraqis.",
			reading{text: "45 percent", subject: "iraq"}),
		Entry("subject: the article's platform", "Twitter published its report on Monday.\n\nThe company suspended 300,000 accounts in the period.",
			reading{text: "300,000", metric: "accounts_removed", subject: "twitter"}),
		Entry("subject: where fighters are is not where they come from", "قدر التقرير عدد المقاتلين الأجانب في سوريا بنحو 20 ألف شخص", reading{text: "نحو 20 ألف", subject: "-"}),
		Entry("rate: none in a date (في شهر نوفمبر)", "مبادرة تتكلف عدة ملايين من اليورو في شهر نوفمبر", reading{text: "عدة ملايين", rate: "-"}),
		// Attribution.
		Entry("attribution: بحسب", "انضم 42 ألف شخص، بحسب بيانات مجلس الشؤون الخارجية", reading{text: "42 ألف", attribution: "بحسب بيانات مجلس الشؤون الخارجية"}),
		Entry("attribution: وفق", "حذف 100 حساب وفق تقرير الشركة", reading{text: "100", attribution: "وفق تقرير الشركة"}),
		Entry("attribution: according to", "About 120 fighters left, according to the Soufan Group.", reading{text: "About 120", attribution: "according to the Soufan Group"}),
		Entry("attribution: said", "Europol said 26,000 items were removed.", reading{text: "26,000", attribution: "Europol said"}),
	)
})

var _ = Describe("a figure inside a word with a glued preposition", func() {
	It("is read without a panic when a relative pronoun may stand before it", func() {
		// A held-out passage (fixtures/gold/heldout/ar_05) once crashed the extractor here.
		text := "لافتة إلى أن وسائل الإعلام كانت تنشر تعليمات وشعارات إرهابية بأكثر من 30 لغة، التي تستخدمها."
		var claims []claim.Claim
		Expect(func() { claims = newExtractor().Article(&corpus.Article{Path: "glued.txt", Text: text}) }).NotTo(Panic())
		Expect(claims).To(ContainElement(HaveField("Text", "أكثر من 30")))
	})
})
