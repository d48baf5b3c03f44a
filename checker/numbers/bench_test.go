package numbers_test

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/claimcheck/claimcheck/checker/normalize"
	"github.com/claimcheck/claimcheck/checker/numbers"
)

var benchSentences = []string{
	"وانضم نحو 42 ألف شخص لتنظيم داعش الإرهابي بين عامي 2011 و2016، بينهم أكثر من خمسة آلاف شخص جاؤوا من دول أوروبية.",
	"وما يزال بين 500 و550 أوروبيا بين رجل وامرأة في كنف داعش، وتأتي ألمانيا بـ124 بالغا و138 طفلا.",
	"ونص «تويتر» في تقريره على أنه خلال النصف الثانى من عام 2017 تم إيقاف حوالى 274.460 حساب بشكل دائم.",
	"يمتلك تنظيم داعش 30 ألف حساب على «تليجرام»، كل حساب يتابعه حوالى 3 ملايين شخص، بخلاف «انستجرام»50 ألف حساب.",
	"وقالت الشرطة الأوروبية في بيان إنها عملت مع تسع من أكبر منصات الإنترنت للتصدي لعمليات الدعاية على مدى يومين.",
	"Europol said it worked with nine platforms; more than 5,000 accounts and about 300 people, between 20 and 30 percent.",
	"Twitter suspended 274,460 accounts in the second half of 2017 and 1.2 million since 2015, according to its report.",
	"هذه السياسة الجديدة التي يحذر منها مراقبون ستكون اكثر صعوبة من محاربة التنظيم على الارض نتيجة طبيعة الشبكة العنكبوتية.",
}

// mixedText builds about size bytes of Arabic and English news sentences.
func mixedText(size int) string {
	rng := rand.New(rand.NewSource(7))
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(benchSentences[rng.Intn(len(benchSentences))])
		if rng.Intn(5) == 0 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

func BenchmarkScan(b *testing.B) {
	text := mixedText(1 << 20)
	norm := normalize.String(text)
	original := []rune(text)
	s := numbers.New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Scan(norm, original)
	}
}

// BenchmarkNormalizeAndScan includes normalization, the cost a caller pays per article.
func BenchmarkNormalizeAndScan(b *testing.B) {
	text := mixedText(1 << 20)
	s := numbers.New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Scan(normalize.String(text), []rune(text))
	}
}

// BenchmarkHuge scans a 50 MB single-line text: it must stay linear.
func BenchmarkHuge(b *testing.B) {
	text := strings.ReplaceAll(mixedText(50<<20), "\n", " ")
	norm := normalize.String(text)
	original := []rune(text)
	s := numbers.New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Scan(norm, original)
	}
}

func BenchmarkPathological(b *testing.B) {
	for name, unit := range map[string]string{"percent": "%1%", "dashes": "1-", "digits": "1234567890"} {
		for _, size := range []int{1 << 20, 4 << 20} {
			text := strings.Repeat(unit, size/len(unit))
			norm := normalize.String(text)
			original := []rune(text)
			s := numbers.New()
			b.Run(name+"/"+strings.Repeat("M", size>>20), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					s.Scan(norm, original)
				}
			})
		}
	}
}
