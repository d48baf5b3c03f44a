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

// Version changes whenever the same seed starts giving other articles, so that corpora kept
// between benchmark runs are regenerated.
const Version = "2"

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
	depth    map[string]int // entity id → number of part_of steps to its root
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
	g.depth = map[string]int{}
	for _, entity := range pack.Entities {
		g.depth[entity.ID] = len(pack.Ancestors(entity.ID))
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
	return Article{Name: Name(i), Date: date, Outlet: outlet, Language: language, Text: text}
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

// figure is the true value of a metric for a subject in a year: consistent across the
// part_of hierarchy (a subject's figure is at most a tenth of its parent's, so parts never
// sum past their whole) and growing a little every year.
func (g *Generator) figure(t topic, year int) int {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s|%s", t.metric.ID, t.subject)
	v := h.Sum64()
	base := 1000000 * (2 + int(v%8)) / 10 // 200,000 … 900,000 for the world
	for range g.depth[t.subject] {
		base /= 10
	}
	return max(10, base*(10+year-2012)/10)
}

// claimSentence states a figure of the topic: most of the time the true one (exactly, about
// it, or more than 90% of it); one time in fifty a wrong one, which the checks should flag.
func (g *Generator) claimSentence(r *rand.Rand, language string, t topic, articleYear int, outlet string) string {
	year := articleYear - r.IntN(3)
	value := g.figure(t, year)
	wrong := r.IntN(50) == 0
	if wrong {
		value = value*3 + 7
	}
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	alias := pick(g.aliases[language][t.subject])
	noun := pick(t.metric.Nouns[language])
	cue := pick(t.metric.Cues[language])
	how := r.IntN(4) // exact, exact, about, more than
	if wrong {
		how = 0
	}
	if how == 3 {
		value = value * 9 / 10
	}
	if language == "ar" {
		qualifier := []string{"", "", "نحو ", "أكثر من "}[how]
		period := pick([]string{fmt.Sprintf("خلال عام %d", year), fmt.Sprintf("في عام %d", year)})
		return pick([]string{
			fmt.Sprintf("وبحسب تقرير نشرته %s، %s «%s» %s%d %s %s.", outlet, cue, alias, qualifier, value, noun, period),
			fmt.Sprintf("وقال مسؤول إن %s %s %s%d %s %s، وفق ما نقلته %s.", alias, cue, qualifier, value, noun, period, outlet),
			fmt.Sprintf("وأشارت الإحصاءات إلى أن %s %s %s%d %s %s.", alias, cue, qualifier, value, noun, period),
		})
	}
	qualifier := []string{"", "", "about ", "more than "}[how]
	period := pick([]string{fmt.Sprintf("in %d", year), fmt.Sprintf("during %d", year)})
	return pick([]string{
		fmt.Sprintf("According to %s, %s %s %s%d %s %s.", outlet, alias, cue, qualifier, value, noun, period),
		fmt.Sprintf("Officials said %s %s %s%d %s %s.", alias, cue, qualifier, value, noun, period),
		fmt.Sprintf("Figures published by %s show that %s %s %s%d %s %s.", outlet, alias, cue, qualifier, value, noun, period),
	})
}

// Most sentences of a news article hold no number.
var arabicPlain = []string{
	"ويرى خبراء أن المشكلة أعمق من أن تحل بقرارات إدارية سريعة، وأن المواجهة الفكرية لا تقل أهمية عن المواجهة الأمنية.",
	"وشددت الوزارة في بيانها على ضرورة التعاون بين الدول وشركات التكنولوجيا لمواجهة الدعاية المتطرفة.",
	"وتسعى الحكومات إلى إلزام المنصات بحذف المحتوى المتطرف خلال ساعات من الإبلاغ عنه.",
	"ويؤكد باحثون أن التنظيمات المتطرفة تنتقل بسرعة من منصة إلى أخرى كلما شددت الرقابة عليها.",
	"ولم ترد الشركة على طلب للتعليق حتى وقت نشر هذا التقرير.",
	"ويقول مراقبون إن الأرقام المعلنة لا تعكس الحجم الحقيقي للظاهرة، لأن كثيراً من الحسابات تعود للظهور بأسماء جديدة.",
	"وتطالب منظمات حقوقية بالتوازن بين مكافحة التطرف وحماية حرية التعبير على الإنترنت.",
	"وأوضح المصدر أن التحقيقات ما تزال جارية لمعرفة الجهات التي تقف وراء هذه الشبكات.",
}

var englishPlain = []string{
	"Experts say the problem runs deeper than quick administrative decisions can reach, and that the battle of ideas matters as much as security.",
	"The ministry stressed in its statement that states and technology companies must work together against extremist propaganda.",
	"Governments want platforms to remove extremist content within hours of it being reported.",
	"Researchers say extremist groups move quickly from one platform to another whenever moderation tightens.",
	"The company did not respond to a request for comment by the time of publication.",
	"Observers say the published numbers understate the problem, because many accounts come back under new names.",
	"Rights groups call for a balance between countering extremism and protecting free expression online.",
	"The source said investigations were still under way to identify who runs the networks.",
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
	if r.IntN(3) > 0 {
		list = englishPlain
		if language == "ar" {
			list = arabicPlain
		}
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

// Name is the file name of the i-th article.
func Name(i int) string { return fmt.Sprintf("%06d.txt", i) }

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
