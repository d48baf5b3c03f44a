package report_test

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/source"
)

// root is the module root, where article paths are relative to, as the CLI sees them.
const root = "../.."

// article is one real file read for the fixture, with what it takes to place mentions in it.
type article struct {
	meta  report.Article
	text  string
	lines *source.Lines
	date  time.Time
}

func loadArticle(path, outlet, date, language string) *article {
	data, err := os.ReadFile(filepath.Join(root, path))
	Expect(err).NotTo(HaveOccurred())
	text := string(data)
	a := &article{text: text, lines: source.NewLines(text)}
	a.meta = report.Article{Path: path, Outlet: outlet, Date: date, Language: language}
	if date != "" {
		a.date, err = time.Parse("2006-01-02", date)
		Expect(err).NotTo(HaveOccurred())
	}
	return a
}

// mention finds text inside context (which must occur once in the article) and returns a
// claim whose offsets, line:col and sentence are computed from the file, in characters.
func (a *article) mention(context, text string) claim.Claim {
	ExpectWithOffset(1, strings.Count(a.text, context)).To(Equal(1), "context %q must occur once in %s", context, a.meta.Path)
	inside := strings.Index(context, text)
	ExpectWithOffset(1, inside).To(BeNumerically(">=", 0), "%q not in %q", text, context)
	at := strings.Index(a.text, context) + inside
	start := utf8.RuneCountInString(a.text[:at])
	end := start + utf8.RuneCountInString(text)
	position := a.lines.Position(start)
	sentence, sentenceAt := sentenceAround(a.text, at)
	return claim.Claim{
		Article: a.meta.Path, Start: start, End: end, Line: position.Line, Col: position.Col, Text: text,
		IsClaim: true, Sentence: sentence, SentenceStart: utf8.RuneCountInString(a.text[:sentenceAt]),
		ArticleDate: a.date, Outlet: a.meta.Outlet, Language: a.meta.Language,
		Period: interval.Period{To: a.date, AsOf: true},
	}
}

// sentenceAround returns the sentence holding the byte offset at and the byte offset where
// it starts: from the previous line break or sentence end to the next one, terminator kept.
func sentenceAround(text string, at int) (string, int) {
	ends := func(i int) bool {
		switch text[i] {
		case '\n':
			return true
		case '.', '!', '?':
			return i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '\n' || text[i+1] == '\r'
		}
		return strings.HasPrefix(text[i:], "؟")
	}
	start := at
	for start > 0 && !ends(start-1) {
		start--
	}
	for start < at && (text[start] == ' ' || text[start] == '\u00a0') {
		start++
	}
	end := at
	for end < len(text) && text[end] != '\n' && !ends(end) {
		end++
	}
	if end < len(text) && text[end] != '\n' {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	return strings.TrimRight(text[start:end], "\r"), start
}

func with(c claim.Claim, value float64, span interval.Interval, qualifier claim.Qualifier, unit, metric, subject string) claim.Claim {
	c.Value, c.Interval, c.Qualifier, c.Unit, c.Metric, c.Subject = value, span, qualifier, unit, metric, subject
	return c
}

func notClaim(c claim.Claim, value float64, kind string) claim.Claim {
	c.Value, c.Interval, c.Qualifier, c.IsClaim, c.Kind = value, interval.Exact(value), claim.Exact, false, kind
	c.Period = interval.Period{}
	return c
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	Expect(err).NotTo(HaveOccurred())
	return t
}

func fingerprint(rule string, claims ...claim.Claim) string {
	hash := sha256.New()
	hash.Write([]byte(rule))
	for _, c := range claims {
		fmt.Fprintf(hash, "\x00%s\x00%s\x00%s", c.Metric, c.Subject, c.Interval)
	}
	return fmt.Sprintf("%x", hash.Sum(nil))[:16]
}

// fixtureResult builds a realistic result from the seed articles and two real English news
// passages (fixtures/report/README.md gives their sources): a Telegram rate that contradicts
// itself (004), whose monthly side an English article repeats, European fighters counted at two
// dates (000, 001), and Twitter's consistent figures in both languages, in the appendix only.
func fixtureResult() *report.Result {
	isis := loadArticle("seeds/000_95a4850d4a90ac9a.txt", "", "2019-11-25", "ar")
	isis.meta.Title = "أوروبا تطوق شبكات داعش الالكترونية"
	magharebia := loadArticle("seeds/001_f8f5d8320fd31d08.txt", "Magharebia", "2014-10-13", "ar")
	weekly := loadArticle("seeds/004_0681050abb075594.txt", "", "2018-04-12", "ar")
	weekly.meta.Title = `العالم يعلن الحرب على "الخلافة الافتراضية" لداعش`
	times := loadArticle("fixtures/report/articles/twitter_en.txt", "The Washington Times", "2018-04-06", "en")
	// The stored page of this one gives no date: the report must cope with an undated article.
	ifp := loadArticle("fixtures/report/articles/telegram_en.txt", "IFP News", "", "en")

	// Telegram: 60 channels a day against more than 2,000 a month, in one sentence; Telegram's
	// own statement, quoted in English, gives the same monthly figure (and "over 60" a day,
	// which agrees with it).
	daily := with(weekly.mention("بإغلاق 60 قناة", "60"), 60, interval.Exact(60), claim.Exact, "channels", "channels_closed", "telegram")
	daily.Rate = interval.Day
	monthly := with(weekly.mention("يصل إلى أكثر من 2000 قناة", "أكثر من 2000"), 2000, interval.MoreThan(2000), claim.MoreThan, "channels", "channels_closed", "telegram")
	monthly.Rate = interval.Month
	for _, c := range []*claim.Claim{&daily, &monthly} {
		c.Attribution = "إدارة تطبيق «تليجرام»"
	}
	overDaily := with(ifp.mention("block over 60 ISIS", "over 60"), 60, interval.MoreThan(60), claim.MoreThan, "channels", "channels_closed", "telegram")
	overDaily.Rate = interval.Day
	statedMonthly := with(ifp.mention("more than 2,000 channels each month", "more than 2,000"), 2000, interval.MoreThan(2000), claim.MoreThan, "channels", "channels_closed", "telegram")
	statedMonthly.Rate = interval.Month
	for _, c := range []*claim.Claim{&overDaily, &statedMonthly} {
		c.Attribution = "Telegram"
	}
	perMonth, ok := interval.ConvertRate(daily.Interval, interval.Day, interval.Month)
	Expect(ok).To(BeTrue())
	Expect(perMonth.Disjoint(monthly.Interval)).To(BeTrue())
	overPerMonth, ok := interval.ConvertRate(overDaily.Interval, interval.Day, interval.Month)
	Expect(ok).To(BeTrue())
	Expect(overPerMonth.Disjoint(statedMonthly.Interval)).To(BeFalse(), "over 60 a day agrees with more than 2,000 a month")

	// Twitter, July to December 2017 and August 2015 to December 2017: both languages agree.
	secondHalf := interval.Period{From: day("2017-07-01"), To: day("2017-12-31")}
	sinceAugust := interval.Period{From: day("2015-08-01"), To: day("2017-12-31")}
	overHalf := with(times.mention("suspended over 270,000 accounts", "over 270,000"), 270000, interval.MoreThan(270000), claim.MoreThan, "accounts", "accounts_suspended", "twitter")
	total := with(times.mention("A total over 1.2 million", "over 1.2 million"), 1200000, interval.MoreThan(1200000), claim.MoreThan, "accounts", "accounts_suspended", "twitter")
	suspended := with(times.mention("including 274,460 during", "274,460"), 274460, interval.Exact(274460), claim.Exact, "accounts", "accounts_suspended", "twitter")
	overHalf.Period, total.Period, suspended.Period = secondHalf, sinceAugust, secondHalf
	arabicSuspended := with(weekly.mention("حوالى 274.460 حساب", "حوالى 274.460"), 274460, interval.Approx(274460, 0.1), claim.Approx, "accounts", "accounts_suspended", "twitter")
	arabicSuspended.Period, arabicSuspended.Reading = secondHalf, "274.460 read as thousands separator"
	Expect(suspended.Interval.Disjoint(overHalf.Interval)).To(BeFalse())
	Expect(suspended.Interval.Disjoint(arabicSuspended.Interval)).To(BeFalse())

	// European fighters: 3,000 in October 2014, more than 5,000 by the end of 2016.
	left := with(magharebia.mention("لقد غادر 3000 مقاتل أوروبا", "3000"), 3000, interval.Exact(3000), claim.Exact, "people", "fighters_joined", "europe")
	joined := with(isis.mention("بينهم أكثر من خمسة آلاف شخص", "أكثر من خمسة آلاف"), 5000, interval.MoreThan(5000), claim.MoreThan, "people", "fighters_joined", "europe")
	joined.Period = interval.Period{From: day("2011-01-01"), To: day("2016-12-31")}
	joined.Attribution = "بيانات مجلس الشؤون الخارجية التابع للاتحاد الأوروبي"
	worldwide := with(isis.mention("وانضم نحو 42 ألف شخص", "نحو 42 ألف"), 42000, interval.Approx(42000, 0.1), claim.Approx, "people", "fighters_joined", "isis")
	worldwide.Period = joined.Period

	findings := []claim.Finding{
		{
			Rule: "rate_mismatch", Severity: claim.Error,
			Message: fmt.Sprintf("Telegram channels closed: 60 a day is %s a month, below the %s a month the same sentence gives",
				perMonth.Describe(), monthly.Interval.Describe()),
			Explanation: fmt.Sprintf("60 a day × 28–31 days = %s a month; %s a month is %s; disjoint, gap %s (%.0f%%)",
				perMonth, monthly.Interval.Describe(), monthly.Interval, interval.FormatNumber(interval.Gap(perMonth, monthly.Interval)),
				100*interval.RelativeGap(perMonth, monthly.Interval)),
			Fingerprint: fingerprint("rate_mismatch", daily, monthly), Baseline: "new",
			// Two articles give the monthly side: one side, every article listed.
			Claims: []claim.Claim{daily, monthly, statedMonthly}, Sides: [][]int{{0}, {1, 2}},
		},
		{
			Rule: "cumulative_update", Severity: claim.Info,
			Message: "European fighters: 3,000 as of 2014-10-13, more than 5,000 for 2011–2016; the count grew, as a cumulative figure may",
			Explanation: fmt.Sprintf("%s (2014-10-13) before %s (2016-12-31): later figure larger, consistent with growth",
				left.Interval, joined.Interval),
			Fingerprint: fingerprint("cumulative_update", left, joined), Claims: []claim.Claim{left, joined}, Sides: [][]int{{0}, {1}},
		},
	}

	// The appendix lists every mention, claims or not.
	isis.meta.Mentions = []claim.Claim{
		worldwide,
		notClaim(isis.mention("بين عامي 2011 و2016", "2011"), 2011, "year"),
		notClaim(isis.mention("2011 و2016", "2016"), 2016, "year"),
		joined,
	}
	magharebia.meta.Mentions = []claim.Claim{left}
	killed := with(weekly.mention("مقتل 15 مواطنا", "15"), 15, interval.Exact(15), claim.Exact, "people", "people_killed", "russia")
	weekly.meta.Mentions = []claim.Claim{
		notClaim(weekly.mention("1-\u00a0فيس بوك داعش", "1"), 1, "list_number"),
		daily, monthly, killed, arabicSuspended,
	}
	times.meta.Mentions = []claim.Claim{
		overHalf,
		notClaim(times.mention("the last half of 2017", "2017"), 2017, "year"),
		total, suspended,
	}
	ifp.meta.Mentions = []claim.Claim{overDaily, statedMonthly}

	result := &report.Result{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "claimcheck", Version: "0.3.0-test", Packs: "default@6f1c2a9e"},
		Findings:      findings,
		Errors: []*source.Error{{
			File: "seeds/broken.txt", Line: 2, Col: 5, Message: "invalid UTF-8 (byte 0xff); the file was skipped",
			Snippet: "نحو \ufffd قتيل",
		}},
		Rules: []report.Rule{
			{ID: "conflicting_figures", Severity: claim.Warning, Description: "Two figures for the same metric, subject and period do not overlap.", Source: "rules/default/checks.yaml:12:3"},
			{ID: "cumulative_update", Severity: claim.Info, Description: "A cumulative count changed between two dates; shown for context.", Source: "rules/default/checks.yaml:58:3"},
			{ID: "part_exceeds_whole", Severity: claim.Error, Description: "A part is larger than its whole.", Source: "rules/default/checks.yaml:74:3"},
			{ID: "rate_mismatch", Severity: claim.Error, Description: "A rate disagrees with another rate of the same metric and subject once converted by calendar bounds.", Source: "rules/default/checks.yaml:31:3"},
		},
		Articles: []report.Article{ifp.meta, times.meta, isis.meta, magharebia.meta, weekly.meta},
	}
	summary := report.Summary{Articles: len(result.Articles), Findings: len(findings), Errors: len(result.Errors),
		BySeverity: map[string]int{}, ByRule: map[string]int{}}
	for _, a := range result.Articles {
		summary.Mentions += len(a.Mentions)
		for _, m := range a.Mentions {
			if m.IsClaim {
				summary.Claims++
			}
		}
	}
	for _, f := range findings {
		summary.BySeverity[string(f.Severity)]++
		summary.ByRule[f.Rule]++
	}
	result.Summary = summary
	return result
}
