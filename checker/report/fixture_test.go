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

// fixtureResult builds a realistic result from the seed articles: a Telegram rate that
// contradicts itself (004), European fighters counted at two dates (000, 001), and an English
// contradiction (fixtures/report/articles/twitter_en.txt).
func fixtureResult() *report.Result {
	isis := loadArticle("seeds/000_95a4850d4a90ac9a.txt", "", "2019-11-25", "ar")
	isis.meta.Title = "أوروبا تطوق شبكات داعش الالكترونية"
	magharebia := loadArticle("seeds/001_f8f5d8320fd31d08.txt", "Magharebia", "2014-10-13", "ar")
	weekly := loadArticle("seeds/004_0681050abb075594.txt", "", "2018-04-12", "ar")
	weekly.meta.Title = `العالم يعلن الحرب على "الخلافة الافتراضية" لداعش`
	wire := loadArticle("fixtures/report/articles/twitter_en.txt", "Wire (test fixture)", "2018-04-06", "en")
	wire.meta.Title = "Twitter suspends hundreds of thousands of accounts over extremist content"

	// Telegram: 60 channels a day against more than 2,000 a month, in one sentence.
	daily := with(weekly.mention("بإغلاق 60 قناة", "60"), 60, interval.Exact(60), claim.Exact, "channels", "channels_closed", "telegram")
	daily.Rate = interval.Day
	monthly := with(weekly.mention("يصل إلى أكثر من 2000 قناة", "أكثر من 2000"), 2000, interval.MoreThan(2000), claim.MoreThan, "channels", "channels_closed", "telegram")
	monthly.Rate = interval.Month
	for _, c := range []*claim.Claim{&daily, &monthly} {
		c.Attribution = "إدارة تطبيق «تليجرام»"
	}
	perMonth, ok := interval.ConvertRate(daily.Interval, interval.Day, interval.Month)
	Expect(ok).To(BeTrue())
	Expect(perMonth.Disjoint(monthly.Interval)).To(BeTrue())

	// Twitter, July to December 2017: the Arabic weekly agrees with the English wire's
	// 274,460; the wire's later "more than 300,000" does not.
	secondHalf := interval.Period{From: day("2017-07-01"), To: day("2017-12-31")}
	suspended := with(wire.mention("suspended 274,460 accounts", "274,460"), 274460, interval.Exact(274460), claim.Exact, "accounts", "accounts_suspended", "twitter")
	more := with(wire.mention("at more than 300,000", "more than 300,000"), 300000, interval.MoreThan(300000), claim.MoreThan, "accounts", "accounts_suspended", "twitter")
	suspended.Period, more.Period = secondHalf, secondHalf
	more.Attribution = "A company spokesperson"
	arabicSuspended := with(weekly.mention("حوالى 274.460 حساب", "حوالى 274.460"), 274460, interval.Approx(274460, 0.1), claim.Approx, "accounts", "accounts_suspended", "twitter")
	arabicSuspended.Period, arabicSuspended.Reading = secondHalf, "274.460 read as thousands separator"
	Expect(suspended.Interval.Disjoint(more.Interval)).To(BeTrue())

	// European fighters: 3,000 in October 2014, more than 5,000 by the end of 2016.
	left := with(magharebia.mention("لقد غادر 3000 مقاتل أوروبا", "3000"), 3000, interval.Exact(3000), claim.Exact, "people", "fighters_joined", "europe")
	joined := with(isis.mention("بينهم أكثر من خمسة آلاف شخص", "أكثر من خمسة آلاف"), 5000, interval.MoreThan(5000), claim.MoreThan, "people", "fighters_joined", "europe")
	joined.Period = interval.Period{From: day("2011-01-01"), To: day("2016-12-31")}
	joined.Attribution = "بيانات مجلس الشؤون الخارجية التابع للاتحاد الأوروبي"
	total := with(isis.mention("وانضم نحو 42 ألف شخص", "نحو 42 ألف"), 42000, interval.Approx(42000, 0.1), claim.Approx, "people", "fighters_joined", "isis")
	total.Period = joined.Period

	findings := []claim.Finding{
		{
			Rule: "rate_mismatch", Severity: claim.Error,
			Message: fmt.Sprintf("Telegram channels closed: 60 a day is %s a month, below the %s a month the same sentence gives",
				perMonth.Describe(), monthly.Interval.Describe()),
			Explanation: fmt.Sprintf("60 a day × 28–31 days = %s a month; %s a month is %s; disjoint, gap %s (%.0f%%)",
				perMonth, monthly.Interval.Describe(), monthly.Interval, interval.FormatNumber(interval.Gap(perMonth, monthly.Interval)),
				100*interval.RelativeGap(perMonth, monthly.Interval)),
			Fingerprint: fingerprint("rate_mismatch", daily, monthly), Claims: []claim.Claim{daily, monthly}, Baseline: "new",
		},
		{
			Rule: "conflicting_figures", Severity: claim.Warning,
			Message: fmt.Sprintf("Twitter accounts suspended in July–December 2017: %s against %s",
				suspended.Interval.Describe(), more.Interval.Describe()),
			Explanation: fmt.Sprintf("%s and %s are disjoint for 2017-07-01 to 2017-12-31, gap %s (%.1f%%)",
				suspended.Interval, more.Interval, interval.FormatNumber(interval.Gap(suspended.Interval, more.Interval)),
				100*interval.RelativeGap(suspended.Interval, more.Interval)),
			Fingerprint: fingerprint("conflicting_figures", suspended, more), Claims: []claim.Claim{suspended, more}, Baseline: "unchanged",
		},
		{
			Rule: "cumulative_update", Severity: claim.Info,
			Message: "European fighters: 3,000 as of 2014-10-13, more than 5,000 for 2011–2016; the count grew, as a cumulative figure may",
			Explanation: fmt.Sprintf("%s (2014-10-13) before %s (2016-12-31): later figure larger, consistent with growth",
				left.Interval, joined.Interval),
			Fingerprint: fingerprint("cumulative_update", left, joined), Claims: []claim.Claim{left, joined},
		},
	}

	// The appendix lists every mention, claims or not.
	isis.meta.Mentions = []claim.Claim{
		total,
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
	wire.meta.Mentions = []claim.Claim{suspended, more}

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
		Articles: []report.Article{wire.meta, isis.meta, magharebia.meta, weekly.meta},
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
