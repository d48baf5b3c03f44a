package corpusgen

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimcheck/claimcheck/checker/rules"
)

// Article is one generated article.
type Article struct {
	// Name is a file name: "000042.txt".
	Name     string
	Date     string
	Outlet   string
	Language string
	// Text is the article with its YAML front matter (date, outlet, language).
	Text string
}

// Generator makes articles from a pack's lexicons.
type Generator struct {
	seed     uint64
	words    [2]int
	arabic   float64
	claimGap int
	metrics  map[string][]*rules.Metric // by language, those with nouns and cues
	subjects map[string][]*rules.Entity // by metric id
	aliases  map[string]map[string][]string
}

// Option configures a Generator.
type Option func(*Generator)

// WithWords sets the article length range in words (default 400–1,200).
func WithWords(least, most int) Option {
	return func(g *Generator) { g.words = [2]int{least, max(least, most)} }
}

// WithArabicShare sets the share of Arabic articles (default 0.7; the rest are English).
func WithArabicShare(share float64) Option { return func(g *Generator) { g.arabic = share } }

// WithClaimEvery sets how many sentences there are per figure-stating sentence (default 5).
func WithClaimEvery(sentences int) Option {
	return func(g *Generator) { g.claimGap = max(1, sentences) }
}

// New returns a Generator over pack's metrics and entities.
func New(pack *rules.Pack, seed uint64, options ...Option) *Generator {
	g := &Generator{seed: seed, words: [2]int{400, 1200}, arabic: 0.7, claimGap: 5,
		metrics: map[string][]*rules.Metric{}, subjects: map[string][]*rules.Entity{}, aliases: map[string]map[string][]string{}}
	for _, option := range options {
		option(g)
	}
	for _, language := range []string{"ar", "en"} {
		g.aliases[language] = map[string][]string{}
		for _, entity := range pack.Entities {
			if list := entity.Aliases[language]; len(list) > 0 {
				g.aliases[language][entity.ID] = list
			}
		}
		for _, metric := range pack.Metrics {
			if len(metric.Nouns[language]) > 0 && len(metric.Cues[language]) > 0 && metric.Unit != "percent" {
				g.metrics[language] = append(g.metrics[language], metric)
			}
		}
	}
	for _, metric := range pack.Metrics {
		for _, entity := range pack.Entities {
			if len(metric.SubjectKinds) == 0 || contains(metric.SubjectKinds, entity.Kind) {
				g.subjects[metric.ID] = append(g.subjects[metric.ID], entity)
			}
		}
	}
	return g
}

func contains(list []string, s string) bool {
	for _, item := range list {
		if item == s {
			return true
		}
	}
	return false
}

var outlets = []string{"Al-Ahram", "Asharq Al-Awsat", "Al Jazeera", "Reuters", "Le Monde", "The Guardian", "Al-Masry Al-Youm", "Hespress", "BBC Arabic", "Associated Press"}

// Article returns the i-th article; the same seed and i always give the same text.
func (g *Generator) Article(i int) Article {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)))
	language := "en"
	if r.Float64() < g.arabic {
		language = "ar"
	}
	year := 2012 + r.IntN(9)
	date := fmt.Sprintf("%d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28))
	outlet := outlets[r.IntN(len(outlets))]
	target := g.words[0] + r.IntN(g.words[1]-g.words[0]+1)
	var body strings.Builder
	// A topic: most figures of one article are about one or two metrics and subjects.
	topics := g.topics(r, language, 2)
	words, sentences := 0, 0
	for words < target {
		var sentence string
		if sentences%g.claimGap == g.claimGap-1 && len(topics) > 0 {
			sentence = g.claimSentence(r, language, topics[r.IntN(len(topics))], year, outlet)
		} else {
			sentence = g.filler(r, language, year)
		}
		sentences++
		words += len(strings.Fields(sentence))
		body.WriteString(sentence)
		if sentences%4 == 0 {
			body.WriteString("\n\n")
		} else {
			body.WriteString(" ")
		}
	}
	text := fmt.Sprintf("---\ndate: %s\noutlet: %s\nlanguage: %s\n---\n%s\n", date, outlet, language, strings.TrimSpace(body.String()))
	return Article{Name: fmt.Sprintf("%06d.txt", i), Date: date, Outlet: outlet, Language: language, Text: text}
}

type topic struct {
	metric  *rules.Metric
	subject string
}

func (g *Generator) topics(r *rand.Rand, language string, n int) []topic {
	var out []topic
	metrics := g.metrics[language]
	for range n {
		if len(metrics) == 0 {
			break
		}
		metric := metrics[r.IntN(len(metrics))]
		var candidates []string
		for _, entity := range g.subjects[metric.ID] {
			if len(g.aliases[language][entity.ID]) > 0 {
				candidates = append(candidates, entity.ID)
			}
		}
		if len(candidates) == 0 {
			continue
		}
		sort.Strings(candidates)
		out = append(out, topic{metric: metric, subject: candidates[r.IntN(len(candidates))]})
	}
	return out
}

// canonical is one of three figures (the first most often) a newsroom repeats for a metric,
// subject and year: a base of the metric and subject that grows a little each year, and two
// variants 5% apart, so that most figures agree and some conflict.
func canonical(t topic, year, variant int) int {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s|%s", t.metric.ID, t.subject)
	v := h.Sum64()
	base := []int{10, 100, 1000, 10000}[v%4] * (1 + int(v/4%9))
	grown := base * (10 + year - 2012) / 10
	return grown * (100 + 5*variant) / 100
}

func (g *Generator) claimSentence(r *rand.Rand, language string, t topic, articleYear int, outlet string) string {
	year := articleYear - r.IntN(3)
	variant := 0
	if r.IntN(5) == 0 {
		variant = 1 + r.IntN(2)
	}
	value := canonical(t, year, variant)
	if r.IntN(20) == 0 {
		value = value*3 + 7 // now and then a figure that disagrees
	}
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	alias := pick(g.aliases[language][t.subject])
	noun := pick(t.metric.Nouns[language])
	cue := pick(t.metric.Cues[language])
	if language == "ar" {
		qualifier := pick([]string{"", "", "نحو ", "أكثر من ", "حوالي "})
		period := pick([]string{fmt.Sprintf("خلال عام %d", year), fmt.Sprintf("في عام %d", year), fmt.Sprintf("خلال عام %d", year), fmt.Sprintf("منذ عام %d", year)})
		return pick([]string{
			fmt.Sprintf("وبحسب تقرير نشرته %s، %s «%s» %s%d %s %s.", outlet, cue, alias, qualifier, value, noun, period),
			fmt.Sprintf("وقال مسؤول إن %s %s %s%d %s %s، وفق ما نقلته %s.", alias, cue, qualifier, value, noun, period, outlet),
			fmt.Sprintf("وأشارت الإحصاءات إلى أن %s %s %s%d %s %s.", alias, cue, qualifier, value, noun, period),
		})
	}
	qualifier := pick([]string{"", "", "about ", "more than ", "nearly "})
	period := pick([]string{fmt.Sprintf("in %d", year), fmt.Sprintf("during %d", year), fmt.Sprintf("in %d", year), fmt.Sprintf("since %d", year)})
	return pick([]string{
		fmt.Sprintf("According to %s, %s %s %s%d %s %s.", outlet, alias, cue, qualifier, value, noun, period),
		fmt.Sprintf("Officials said %s %s %s%d %s %s.", alias, cue, qualifier, value, noun, period),
		fmt.Sprintf("Figures published by %s show that %s %s %s%d %s %s.", outlet, alias, cue, qualifier, value, noun, period),
	})
}

var arabicFiller = []string{
	"وأضاف المتحدث في مؤتمر صحفي عقد يوم %d مارس %d أن الحكومة تتابع الملف عن كثب مع الشركاء الدوليين.",
	"ويرى خبراء أن المشكلة أعمق من أن تحل بقرارات إدارية سريعة، وأن المواجهة الفكرية لا تقل أهمية عن المواجهة الأمنية.",
	"وكان الشاب البالغ من العمر %d عاماً قد غادر بلاده في صيف عام %d دون أن يخبر أسرته.",
	"ويمكن التواصل مع المركز على الرقم 0020223%d أو عبر موقعه الإلكتروني.",
	"وتناولت الدراسة الصادرة في عام %d أسباب انتشار الخطاب المتطرف على الشبكات الاجتماعية وطرق مواجهته.",
	"وشددت الوزارة في بيانها على ضرورة التعاون بين الدول وشركات التكنولوجيا لمواجهة الدعاية المتطرفة.",
	"وفي الفصل %d من التقرير، يعرض الباحثون توصيات عملية لصناع القرار في المنطقة.",
	"وتعود جذور الأزمة إلى ما قبل عام %d، حين بدأت التنظيمات المتطرفة في استخدام التطبيقات المشفرة.",
}

var englishFiller = []string{
	"The spokesman told a news conference on %d March %d that the government was following the issue closely with its partners.",
	"Experts say the problem runs deeper than quick administrative decisions can reach, and that the battle of ideas matters as much as security.",
	"The %d-year-old left his country in the summer of %d without telling his family.",
	"The centre can be reached on +44 20 7946 %d or through its website.",
	"A study published in %d looked at why extremist messages spread on social networks and how to counter them.",
	"The ministry stressed in its statement that states and technology companies must work together against extremist propaganda.",
	"In chapter %d of the report, the researchers set out practical recommendations for policymakers in the region.",
	"The roots of the crisis go back to before %d, when extremist groups began to use encrypted applications.",
}

func (g *Generator) filler(r *rand.Rand, language string, year int) string {
	list := englishFiller
	if language == "ar" {
		list = arabicFiller
	}
	template := list[r.IntN(len(list))]
	args := make([]any, strings.Count(template, "%d"))
	for i := range args {
		switch {
		case strings.Contains(template, "0020223"), strings.Contains(template, "7946"):
			args[i] = 1000 + r.IntN(9000)
		case i == 0 && (strings.Contains(template, "مارس") || strings.Contains(template, "March")):
			args[i] = 1 + r.IntN(28)
		case i == 0 && (strings.Contains(template, "عاماً") || strings.Contains(template, "year-old")):
			args[i] = 17 + r.IntN(30)
		case i == 0 && (strings.Contains(template, "الفصل") || strings.Contains(template, "chapter")):
			args[i] = 1 + r.IntN(12)
		default:
			args[i] = year - r.IntN(6)
		}
	}
	return fmt.Sprintf(template, args...)
}

// Write writes articles first … first+n-1 into dir, creating it, and returns their paths.
func (g *Generator) Write(dir string, first, n int) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("write corpus: %w", err)
	}
	paths := make([]string, 0, n)
	for i := first; i < first+n; i++ {
		article := g.Article(i)
		path := filepath.Join(dir, article.Name)
		if err := os.WriteFile(path, []byte(article.Text), 0o644); err != nil {
			return nil, fmt.Errorf("write corpus: %w", err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}
