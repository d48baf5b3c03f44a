package extract_test

import (
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimcheck/claimcheck/checker/corpus"
	"github.com/claimcheck/claimcheck/checker/extract"
	"github.com/claimcheck/claimcheck/checker/rules"
)

// The throughput benchmark reads a generated corpus of CLAIMCHECK_BENCH_MB megabytes
// (default 100; use a few while developing) of Arabic and English news articles, and compares
// the full pipeline (normalize, numbers, extract) with a plain UTF-8 decoding pass over the
// same bytes in the same run:
//
//	make bench-extract                      # 100 MB
//	CLAIMCHECK_BENCH_MB=8 go test ./checker/extract -run '^$' -bench Pipeline -benchmem

// Two densities of numbers: the seed articles' (about 1,500 mentions a megabyte: real news
// reports, which hold a figure every few sentences) and a dense setting (about 3,900, the
// generator's former default, between the seeds and the gold passages, which were picked for
// their figures: 4,700). Filler sentences are fillerOdds-1 in fillerOdds of the generator's
// picks.
const (
	realisticFillerOdds = 14
	denseFillerOdds     = 5
)

type benchSet struct {
	once     sync.Once
	articles []*corpus.Article
	bytes    int64
}

var benchSets = map[int]*benchSet{realisticFillerOdds: {}, denseFillerOdds: {}}

func benchCorpus(b *testing.B, fillerOdds int) ([]*corpus.Article, int64) {
	set := benchSets[fillerOdds]
	set.once.Do(func() {
		megabytes := 100
		if s := os.Getenv("CLAIMCHECK_BENCH_MB"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n <= 0 {
				b.Fatalf("CLAIMCHECK_BENCH_MB=%q: want a positive number", s)
			}
			megabytes = n
		}
		set.articles, set.bytes = generateCorpus(int64(megabytes)<<20, 11, fillerOdds)
	})
	return set.articles, set.bytes
}

// Vocabulary for the generator: the kinds of words real articles put around numbers.
var (
	arSubjects   = []string{"تويتر", "«تليجرام»", "فيسبوك", "يوتيوب", "إنستغرام", "تونس", "فرنسا", "ألمانيا", "بلجيكا", "العراق", "سوريا", "المغرب", "أوروبا", "الاتحاد الأوروبي", "يوروبول"}
	enSubjects   = []string{"Twitter", "Telegram", "Facebook", "YouTube", "Instagram", "Tunisia", "France", "Germany", "Belgium", "Iraq", "Syria", "Morocco", "Europe", "the European Union", "Europol"}
	arClaims     = []string{"أعلنت %s حذف %s حساب مرتبط بتنظيم داعش", "قالت %s إنها أغلقت %s قناة يومياً", "غادر %s مقاتل من %s للانضمام إلى التنظيم", "عاد %s مقاتل إلى %s خلال العام الماضي", "أسفر الهجوم في %s عن مقتل %s شخصاً وإصابة العشرات", "يوجد في المخيم %s طفلاً من %s", "بحسب بيانات %s فإن %s من المقاتلين عادوا"}
	enClaims     = []string{"%s said it had suspended %s accounts linked to the group", "%s removed %s videos in the second half of 2017", "%s fighters from %s have joined the group since 2014", "the attack in %s killed %s people and injured dozens", "about %s children from %s are held in camps, according to officials"}
	arQualifiers = []string{"", "", "نحو ", "حوالي ", "أكثر من ", "ما يزيد على ", "قرابة ", "ما لا يقل عن ", "أقل من "}
	enQualifiers = []string{"", "", "about ", "more than ", "nearly ", "at least ", "up to ", "over "}
	arScales     = []string{"", "", " ألف", " آلاف", " مليون", " ألفا"}
	enScales     = []string{"", "", " thousand", " million", "k"}
	arWords      = []string{"خمسة آلاف", "ثلاثة وعشرين ألفاً", "مئتين", "عشرات الآلاف", "ثلثهم", "بين 500 و550", "تسع", "المئات"}
	arFiller     = []string{
		"وأضاف المتحدث أن السلطات تتابع الملف عن كثب بالتنسيق مع الشركاء الدوليين.",
		"وتواجه الحكومات ضغوطاً متزايدة لمراقبة المحتوى المتطرف على الإنترنت.",
		"وكان الوزير قد أكد في مؤتمر صحفي عقده الخميس الماضي أن الإجراءات ستتواصل.",
		"ويرى خبراء أن التنظيمات المتطرفة تلجأ إلى تطبيقات مشفرة للهروب من الرقابة.",
		"ولم يصدر أي تعليق رسمي من الشركة حتى ساعة إعداد هذا التقرير.",
	}
	enFiller = []string{
		"The spokesman said the authorities were following the case closely with international partners.",
		"Governments face growing pressure to police extremist content online.",
		"Experts say extremist groups turn to encrypted apps to escape scrutiny.",
		"The company did not immediately respond to a request for comment.",
	}
	arDates = []string{"في 29 أبريل 2018", "بين عامي 2011 و2016", "خلال النصف الثاني من عام 2017", "منذ 2015 وحتى نهاية 2017", "في التاسع من أكتوبر", "يوم ٢٥ نوفمبر ٢٠١٩"}
	enDates = []string{"on April 3, 2017", "between 2011 and 2016", "in the second half of 2017", "since 2015", "on 21-22 November 2019"}
)

func arabicNumber(rng *rand.Rand) string {
	if rng.Intn(6) == 0 {
		return arWords[rng.Intn(len(arWords))]
	}
	n := strconv.Itoa(rng.Intn(100000))
	if rng.Intn(8) == 0 { // Arabic-Indic digits
		var b strings.Builder
		for _, r := range n {
			b.WriteRune('٠' + (r - '0'))
		}
		n = b.String()
	}
	if rng.Intn(10) == 0 {
		n = fmt.Sprintf("%d.%d", rng.Intn(10)+1, rng.Intn(10))
	}
	return arQualifiers[rng.Intn(len(arQualifiers))] + n + arScales[rng.Intn(len(arScales))]
}

func englishNumber(rng *rand.Rand) string {
	n := rng.Intn(1000000)
	s := strconv.Itoa(n)
	if n >= 1000 && rng.Intn(2) == 0 {
		s = fmt.Sprintf("%d,%03d", n/1000, n%1000)
	} else {
		s += enScales[rng.Intn(len(enScales))]
	}
	return enQualifiers[rng.Intn(len(enQualifiers))] + s
}

// generateCorpus builds about size bytes of articles (3-12 KB each, two thirds Arabic); one
// pick in fillerOdds is a sentence with a figure (and often a date), the others filler.
func generateCorpus(size int64, seed int64, fillerOdds int) ([]*corpus.Article, int64) {
	rng := rand.New(rand.NewSource(seed))
	var articles []*corpus.Article
	var total int64
	date := time.Date(2018, 4, 10, 0, 0, 0, 0, time.UTC)
	for total < size {
		arabic := rng.Intn(3) > 0
		target := 3000 + rng.Intn(9000)
		var b strings.Builder
		for b.Len() < target {
			switch {
			case arabic && rng.Intn(fillerOdds) > 0:
				b.WriteString(arFiller[rng.Intn(len(arFiller))])
			case arabic:
				template := arClaims[rng.Intn(len(arClaims))]
				subject := arSubjects[rng.Intn(len(arSubjects))]
				if strings.Index(template, "%s") < strings.Index(template, "حذف") || rng.Intn(2) == 0 {
					b.WriteString(fmt.Sprintf(template, subject, arabicNumber(rng)))
				} else {
					b.WriteString(fmt.Sprintf(template, arabicNumber(rng), subject))
				}
				if rng.Intn(2) == 0 {
					b.WriteString(" " + arDates[rng.Intn(len(arDates))] + "،")
				}
				b.WriteString(" " + arFiller[rng.Intn(len(arFiller))])
			case rng.Intn(fillerOdds) > 0:
				b.WriteString(enFiller[rng.Intn(len(enFiller))])
			default:
				template := enClaims[rng.Intn(len(enClaims))]
				b.WriteString(fmt.Sprintf(template, enSubjects[rng.Intn(len(enSubjects))], englishNumber(rng)))
				if rng.Intn(2) == 0 {
					b.WriteString(" " + enDates[rng.Intn(len(enDates))])
				}
				b.WriteString(".")
			}
			if rng.Intn(6) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		language := "en"
		if arabic {
			language = "ar"
		}
		text := b.String()
		articles = append(articles, &corpus.Article{Path: fmt.Sprintf("bench/%06d.txt", len(articles)), Text: text, Date: date, Language: language})
		total += int64(len(text))
	}
	return articles, total
}

// reportPerMB reports allocations and allocated bytes per megabyte of input.
func reportPerMB(b *testing.B, before runtime.MemStats, bytes int64) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	megabytes := float64(bytes) * float64(b.N) / (1 << 20)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/megabytes, "allocs/MB")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/megabytes/(1<<20), "allocMB/MB")
}

func BenchmarkPipeline(b *testing.B) {
	pack, err := rules.Load(rules.Layer{FS: os.DirFS(repositoryRoot + "/rules/default"), Name: "rules/default"})
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(pack)
	// decode and extract read the seeds' density of numbers; the -dense pair, 2.6 times as
	// many. Compare each extraction with the decoding pass of its pair.
	for _, set := range []struct {
		suffix     string
		fillerOdds int
	}{{"", realisticFillerOdds}, {"-dense", denseFillerOdds}} {
		benchmarkPipeline(b, x, set.suffix, set.fillerOdds)
	}
}

func benchmarkPipeline(b *testing.B, x *extract.Extractor, suffix string, fillerOdds int) {
	// The reference: decoding every rune of the same bytes, nothing else.
	b.Run("decode"+suffix, func(b *testing.B) {
		articles, bytes := benchCorpus(b, fillerOdds)
		b.SetBytes(bytes)
		b.ReportAllocs()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		b.ResetTimer()
		runes := 0
		for i := 0; i < b.N; i++ {
			for _, a := range articles {
				s := a.Text
				for len(s) > 0 {
					_, size := utf8.DecodeRuneInString(s)
					s = s[size:]
					runes++
				}
			}
		}
		b.StopTimer()
		reportPerMB(b, before, bytes)
		if runes == 0 {
			b.Fatal("no runes")
		}
	})

	b.Run("extract"+suffix, func(b *testing.B) {
		articles, bytes := benchCorpus(b, fillerOdds)
		b.SetBytes(bytes)
		b.ReportAllocs()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		b.ResetTimer()
		mentions := 0
		for i := 0; i < b.N; i++ {
			for _, a := range articles {
				mentions += len(x.Article(a))
			}
		}
		b.StopTimer()
		reportPerMB(b, before, bytes)
		b.ReportMetric(float64(mentions)/float64(b.N)/(float64(bytes)/(1<<20)), "mentions/MB")
	})
}
