package extract

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/corpus"
	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/claimcheck/claimcheck/checker/normalize"
	"github.com/claimcheck/claimcheck/checker/numbers"
	"github.com/claimcheck/claimcheck/checker/rules"
	"github.com/claimcheck/claimcheck/checker/source"
)

// Window sizes, in words: a cue or rate this far from its number still belongs to it.
const (
	cueWindowBefore = 6
	cueWindowAfter  = 6
	nounWindow      = 3
)

// Extractor reads claims from articles with one pack's lexicons. It is safe for concurrent
// use: its only changing state is a pool of buffers and a cache of word spellings, neither
// of which changes a reading.
type Extractor struct {
	lexicon *lexicon
	scanner *numbers.Scanner
	// documents recycles the buffers of one article's reading (runes, normalized view,
	// tokens, sentences, caches): most of what a reading used to allocate. A document is
	// owned by one call of Article at a time, so sharing the Extractor stays safe.
	documents sync.Pool
}

// New builds an Extractor for a pack.
func New(pack *rules.Pack) *Extractor {
	return &Extractor{
		lexicon: newLexicon(pack),
		scanner: numbers.New(numbers.WithApproxTolerance(pack.Settings.ApproxTolerance)),
	}
}

// document is one article being read.
type document struct {
	article *corpus.Article
	// original indexes the article's text by character (its length, the byte offset of every
	// checkpointEvery-th character): the way back from character offsets to its bytes.
	original  normalize.Original
	text      *normalize.Text
	tokens    []token
	sentences []sentence
	// lineStarts[i] is the character offset where line i+1 begins (source.Lines, without
	// a second decoding pass).
	lineStarts []int
	// attributions caches each sentence's attribution (read false: not read yet).
	attributions []cachedAttribution
	// sentenceTexts caches the original text of the sentences that hold mentions.
	sentenceTexts map[int]string
	// topicSpans[i] is where sentence i's topics lie in topicHits, read once per sentence
	// (topics): a mention looks back over dozens of sentences for the article's topic.
	topicSpans []topicSpan
	topicHits  []aliasHit
	// normalized is text's storage; mentions and mentionPointers back Article's mentions.
	normalized normalize.Text
	quantities []numbers.Quantity
	view       []byte
	wordBytes  []int32
	// timeTokens are the tokens that may start a time stated without a number (wordPeriods);
	// clauseTokens those that may tell a figure's time in its clause (clauseWords).
	timeTokens, clauseTokens []int32
	// periods is the stated times' buffer (periods, wordPeriods).
	periods []periodMention
	// tokenIndex[b] is tokenAt(b<<tokenBucketShift) (indexTokens).
	tokenIndex      []int32
	mentions        []mention
	mentionPointers []*mention
}

// topicSpan is a sentence's window of document.topicHits; read false: not read yet.
type topicSpan struct {
	read     bool
	from, to int32
}

type cachedAttribution struct {
	read bool
	text string
}

// maxRecycled bounds the buffers kept for the next article (in characters), so that one
// huge article does not pin its memory in the pool.
const maxRecycled = 1 << 20

// reset prepares a recycled document for an article: one decoding pass fills the normalized
// view and the byte checkpoints (tokenize finds the line starts).
func (d *document) reset(article *corpus.Article) {
	d.article = article
	d.normalized.ResetOriginal(article.Text, &d.original)
	d.text = &d.normalized
	clear(d.sentenceTexts)
	d.topicHits = d.topicHits[:0]
}

// position is source.Lines.Position over lineStarts: line:col of a character offset.
func (d *document) position(offset int) source.Position {
	offset = max(0, min(offset, d.original.Characters))
	line := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > offset }) - 1
	return source.Position{Line: line + 1, Col: offset - d.lineStarts[line] + 1}
}

// mention is a quantity on its way to a claim.
type mention struct {
	quantity numbers.Quantity
	sentence int
	claim    claim.Claim
	// noun is the index of the counted noun's token, -1 when none.
	noun int
	// nounText is the counted noun's normalized text, for ellipsis ("و550" counts what 500 counts).
	nounText string
	// metric is what the noun counts, also for an increment, whose claim has none: "eight
	// more died later …, bringing the total to 15" still counts the dead.
	metric string
	// nesting caches nested: 0 not read yet, 1 no, 2 yes.
	nesting uint8
}

// Article extracts every numeric mention of an article, claims and non-claims, in text order.
func (x *Extractor) Article(article *corpus.Article) []claim.Claim {
	doc, _ := x.documents.Get().(*document)
	if doc == nil {
		doc = &document{}
	}
	defer x.recycle(doc)
	doc.reset(article)
	doc.tokenize(x.lexicon)
	doc.indexTokens()
	doc.attributions = resize(doc.attributions, len(doc.sentences))
	doc.topicSpans = resize(doc.topicSpans, len(doc.sentences))

	quantities := x.scanner.AppendScanOriginal(doc.quantities[:0], doc.text, &doc.original)
	doc.quantities = quantities
	// Sized once: a mention is large, and growing by doubling would copy it over and over.
	if cap(doc.mentions) < len(quantities) {
		doc.mentions = make([]mention, 0, len(quantities))
	}
	doc.mentions = doc.mentions[:0]
	for _, q := range quantities {
		if q.Start < article.BodyStart {
			continue
		}
		doc.mentions = append(doc.mentions, mention{quantity: q, sentence: doc.sentenceAt(q.NormStart), noun: -1})
	}
	mentions := doc.mentionPointers[:0]
	for i := range doc.mentions {
		mentions = append(mentions, &doc.mentions[i])
	}
	doc.mentionPointers = mentions
	periods := x.wordPeriods(doc, quantities, mentions, x.periods(doc, quantities))
	doc.periods = periods
	for i, m := range mentions {
		x.read(doc, mentions, i, periods)
		_ = m
	}
	out := make([]claim.Claim, len(mentions))
	for i, m := range mentions {
		out[i] = m.claim
	}
	return out
}

// resize returns a zeroed slice of n elements, reusing s's storage when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// indexTokens fills tokenIndex: for each bucket of offsets, the first token starting at
// or after the bucket's first offset.
func (d *document) indexTokens() {
	n := len(d.text.Runes)>>tokenBucketShift + 1
	if cap(d.tokenIndex) < n {
		d.tokenIndex = make([]int32, n)
	}
	d.tokenIndex = d.tokenIndex[:n]
	b := 0
	for k := range d.tokens {
		for ; b < n && b<<tokenBucketShift <= d.tokens[k].start; b++ {
			d.tokenIndex[b] = int32(k)
		}
	}
	for ; b < n; b++ {
		d.tokenIndex[b] = int32(len(d.tokens))
	}
}

// recycle returns a document to the pool unless it grew past maxRecycled.
func (x *Extractor) recycle(doc *document) {
	if cap(doc.normalized.Runes) > maxRecycled {
		return
	}
	doc.article = nil
	x.documents.Put(doc)
}

func (d *document) sentenceAt(normOffset int) int {
	i := sort.Search(len(d.sentences), func(i int) bool { return d.sentences[i].end > normOffset })
	if i == len(d.sentences) {
		return len(d.sentences) - 1
	}
	return i
}

// tokenAt is the index of the first token starting at or after a normalized offset: a
// bucket look-up and a step or two, as the reading of each number asks it a dozen times.
func (d *document) tokenAt(normOffset int) int {
	if normOffset < 0 || normOffset>>tokenBucketShift >= len(d.tokenIndex) {
		return sort.Search(len(d.tokens), func(i int) bool { return d.tokens[i].start >= normOffset })
	}
	k := int(d.tokenIndex[normOffset>>tokenBucketShift])
	for k < len(d.tokens) && d.tokens[k].start < normOffset {
		k++
	}
	return k
}

// tokenBucketShift sets the width of tokenIndex's buckets: 16 characters hold a few words.
const tokenBucketShift = 4

func (x *Extractor) read(doc *document, mentions []*mention, i int, periods []periodMention) {
	m := mentions[i]
	q := m.quantity
	s := doc.sentences[m.sentence]
	sentenceStart, sentenceEnd := doc.text.Original(s.start), doc.text.Original(s.end)
	pos := doc.position(q.Start)
	c := claim.Claim{
		Article: doc.article.Path, Start: q.Start, End: q.End, Line: pos.Line, Col: pos.Col,
		Text: q.Text, Value: q.Value, Interval: q.Interval, Qualifier: q.Qualifier,
		IsClaim: q.IsClaim, Kind: q.Kind, Reading: q.Reading, Unit: q.Unit,
		Sentence: doc.sentenceText(m.sentence, sentenceStart, sentenceEnd), SentenceStart: sentenceStart,
		ArticleDate: doc.article.Date, Outlet: doc.article.Outlet, Language: doc.article.Language,
	}
	m.claim = c
	if !q.IsClaim {
		return
	}
	previous := previousClaim(mentions, i)

	// What is counted: the noun after the number (within a few words, through "من"/"of").
	m.noun, m.nounText = x.countedNoun(doc, q, s)
	if k := x.definiteNumberNoun(doc, q); k >= 0 {
		m.noun, m.nounText = k, doc.tokens[k].text // "الدول الأربع": the number word is the noun's adjective
	}
	fraction := q.Unit == "fraction" && previous != nil && previous.noun >= 0
	if fraction {
		m.noun, m.nounText = previous.noun, previous.nounText // "ثلثهم": a third of what was counted
	}
	var byCue bool
	c.Metric, byCue = x.metricAndCue(doc, mentions, i)
	if c.Metric != "" && !byCue && !fraction {
		// "Of 274,460 accounts, 93% were flagged": a figure the article gave before says again
		// what it counted, rather than the noun's default.
		if metric := x.repeatedMetric(doc, mentions, i); metric != "" {
			c.Metric = metric
		}
	}
	if c.Metric == "" && !fraction {
		// The noun stated before: "عدد المقاتلين الذين سافروا … بلغ ثلاثة آلاف", "the
		// largest number of recruits, about 6,000". The nearest noun that makes a metric:
		// "الجماعات الإرهابية" between them is an adjective, not the count. A noun after the
		// number that makes none (a nationality, "شخص", "مستخدم") is a measure word of the
		// noun before when a cue ties that noun to the figure and both count the same unit:
		// "عدد المقاتلين الأجانب … يقدر بـ12 ألف شخص", not "من دول الاتحاد … من 2500 شخص".
		after, afterText := m.noun, m.nounText
		for _, k := range x.nounsBefore(doc, mentions, i) {
			m.noun, m.nounText = k, doc.tokens[k].text
			metric, byCue := x.metricAndCue(doc, mentions, i)
			if c.Metric = metric; c.Metric != "" && (after < 0 || byCue && x.mayCount(doc, after, x.lexicon.metrics[metric].Unit)) {
				break
			}
			m.noun, m.nounText, c.Metric = after, afterText, ""
		}
		if c.Metric == "" && m.noun < 0 && previous != nil && previous.noun >= 0 {
			// Ellipsis: "بين 500 و550 طفلا"; a noun stated between the two figures came first
			// ("… 30593 شخصاً، ويبلغ تعداد العائلات 8983").
			m.noun, m.nounText = previous.noun, previous.nounText
			c.Metric = x.metric(doc, mentions, i)
		}
	}
	if c.Metric == "" && m.noun < 0 && x.partitiveAround(doc, q) {
		// "منهم", "of them" with no noun in the sentence: the people of a figure of the
		// sentences before ("أكثر من 42 ألف إرهابي … . وقتل 20% منهم في المعارك"), tied to
		// this figure by a cue.
		for j := i - 1; j >= 0 && mentions[j].sentence >= m.sentence-2; j-- {
			p := mentions[j]
			if p.noun < 0 || !p.quantity.IsClaim || doc.sentences[p.sentence].paragraph != s.paragraph {
				continue
			}
			if _, _, nationality := x.lexicon.aliasAt(doc.tokens, p.noun); nationality {
				continue // "them" are people a noun named, not a place
			}
			m.noun, m.nounText = p.noun, p.nounText
			if metric, byCue := x.metricAndCue(doc, mentions, i); byCue {
				c.Metric = metric
				break
			}
			m.noun, m.nounText = -1, ""
		}
	}
	if c.Metric == "" && m.noun < 0 {
		// "تقدر نسبة الذين عادوا إلى أوطانهم بين 20 و30%", "the share of those who returned":
		// the people a relative pronoun names, tied to the figure by a cue.
		if k := x.relativeBefore(doc, mentions, i); k >= 0 {
			m.noun, m.nounText = k, doc.tokens[k].text
			if metric, byCue := x.metricAndCue(doc, mentions, i); byCue {
				c.Metric = metric
			} else {
				m.noun, m.nounText = -1, ""
			}
		}
	}
	if same := sameNounBefore(mentions, i); c.Metric == "" && same != nil {
		c.Metric = same.metric // coordination: "30 ألف حساب على «تليجرام» … و50 ألف حساب"
	}
	// A list of parallel figures: "تونس (6500) والسعودية (2500) وروسيا (2400)", "Saudi
	// Arabia with 2,500; Russia with 2,400": a figure that says nothing of what it counts
	// counts what the one before it counts.
	if c.Metric == "" && previous != nil && previous.claim.Metric != "" && previous.quantity.Unit == q.Unit && x.parallel(doc, previous, m) &&
		(m.noun < 0 || x.isAlias(doc, m.noun) || containsID(x.nounMetrics(doc, m.noun), previous.claim.Metric)) {
		// ("4 آلاف امرأة و8 آلاف طفل": a noun of its own that cannot count the same says
		// otherwise; a name after the figure is the next item's: "ومصر(ثمانمئة) وألمانيا")
		c.Metric = previous.claim.Metric
	}
	if c.Metric == "" && !fraction && m.noun >= 0 && !x.cuesNear(doc, mentions, i) {
		// No cue near: the noun counts what the article was counting with a noun of its kind
		// just before ("عودة 1715 مقاتلا … وشارك الآلاف من المقاتلين … . … بأنهم في حدود 3 آلاف
		// مقاتل", "تعداد العراقيين منهم 30875 شخصاً … . أما السوريون فهم 30593 شخصاً").
		c.Metric = x.carriedMetric(doc, mentions, i)
		if c.Metric == "" {
			c.Metric = x.leadMetric(doc, mentions, i)
		}
	}
	m.metric = c.Metric
	if c.Metric != "" && x.increment(doc, m) {
		c.Metric = "" // "eight more died": an increment, not the toll
	}
	if metric := x.lexicon.metrics[c.Metric]; metric != nil && c.Unit == "" {
		c.Unit = metric.Unit
	}

	// A fraction of a whole the sentence gave before: "أربعة آلاف … عاد ثلثهم".
	var whole *mention
	if q.Unit == "fraction" && previous != nil && previous.claim.Unit != "fraction" && previous.claim.Unit != "percent" &&
		previous.claim.Qualifier != claim.LessThan && previous.claim.Qualifier != claim.AtMost && x.refersBack(doc, q) {
		whole = previous
		share := q.Value
		c.Whole = previous.claim.Value
		c.Value = previous.claim.Value * share
		c.Interval = previous.claim.Interval.Scale(share, share)
		if c.Unit == "" || c.Unit == "fraction" {
			c.Unit = previous.claim.Unit
		}
		if c.Metric != "" && x.lexicon.metrics[c.Metric] != nil {
			c.Unit = x.lexicon.metrics[c.Metric].Unit
		}
	}

	c.Subject = x.subject(doc, mentions, i, m.metric) // an increment's subject is its toll's
	if c.Subject == severalPlaces {
		c.Subject = ""
	} else if c.Subject == "" && whole != nil {
		c.Subject = whole.claim.Subject
	} else if c.Subject == "" && previous != nil && previous.claim.Metric == c.Metric && c.Metric != "" {
		c.Subject = previous.claim.Subject
	}
	c.Rate = x.rate(doc, mentions, i)
	c.Period = x.periodFor(doc, periods, mentions, i)
	if !c.Period.Known() && !doc.article.Date.IsZero() {
		c.Period = interval.Period{To: doc.article.Date, AsOf: true}
	}
	c.Attribution = doc.attributionOf(m.sentence)
	m.claim = c
}

// isAlias reports whether an entity's name starts at token k.
func (x *Extractor) isAlias(doc *document, k int) bool {
	_, _, ok := x.lexicon.aliasAt(doc.tokens, k)
	return ok
}

// Relative pronouns that name people: "الذين عادوا", "those who returned".
var relativePronouns = map[string]bool{"الذين": true, "اللذين": true, "اللواتي": true, "اللاتي": true, "who": true}

// Relative pronouns of things, which also open a clause on a counted noun.
var relativeObjects = map[string]bool{"التي": true, "الذي": true, "which": true}

// relativeAfter is the relative pronoun opening a clause on the counted noun of figure m
// within a few words after it and before limit (no clause mark but nested figures between),
// or -1.
func (x *Extractor) relativeAfter(doc *document, m *mention, first, limit int) int {
	if m.noun < first {
		return -1
	}
	for k := m.noun + 1; k < len(doc.tokens) && k <= m.noun+relativeReach && doc.tokens[k].start < limit; k++ {
		if doc.tokens[k].breakBefore && doc.markBetween(doc.tokens[k-1].end, doc.tokens[k].start) {
			return -1
		}
		if relativePronouns[doc.tokens[k].text] || relativeObjects[doc.tokens[k].text] {
			return k
		}
	}
	return -1
}

// relativeReach is how far after the counted noun, in words, a relative clause may open;
// relativeClause how many of its words are read for cues.
const (
	relativeReach  = 6
	relativeClause = 8
)

// relativeBefore is the relative pronoun for people standing a few words before figure i
// in its clause, or -1.
func (x *Extractor) relativeBefore(doc *document, mentions []*mention, i int) int {
	m := mentions[i]
	limit := doc.sentences[m.sentence].start
	if previous := previousClaim(mentions, i); previous != nil {
		limit = previous.quantity.NormEnd
	}
	first := doc.tokenAt(m.quantity.NormStart)
	if first == 0 || doc.markBetween(doc.tokens[first-1].end, m.quantity.NormStart) {
		return -1 // "Of the 5,000 who left, 1,000 returned": another clause's pronoun
	}
	for k := first - 1; k >= 0 && k >= first-cueWindowBefore && doc.tokens[k].start >= limit; k-- {
		if relativePronouns[doc.tokens[k].text] {
			return k
		}
		if doc.tokens[k].breakBefore {
			break
		}
	}
	return -1
}

// carryBack is how many sentences back a figure without a cue looks for the metric its
// noun carries (carriedMetric).
const carryBack = 3

// nounMetrics lists the metrics the noun at token k may count: its own, or, for a
// nationality, every metric of people.
func (x *Extractor) nounMetrics(doc *document, k int) []phrase {
	if candidates := x.lexicon.nouns.matchAll(doc.tokens, k); len(candidates) > 0 {
		return candidates
	}
	if p, _, ok := x.lexicon.aliasAt(doc.tokens, k); ok && x.isGeographic(p.id) {
		return x.lexicon.peopleMetrics
	}
	return nil
}

// cuesNear reports whether a cue of any metric stands near figure i: one its noun cannot
// count says the figure counts something else ("The company has 300 million users" after a
// count of accounts removed), so it carries no metric from elsewhere.
// A cue that is itself a counted noun ("عائلاتهم") names another group, not what is done.
func (x *Extractor) cuesNear(doc *document, mentions []*mention, i int) bool {
	m := mentions[i]
	s := doc.sentences[m.sentence]
	limit := s.start
	if previous := x.previousOuterClaim(doc, mentions, i); previous != nil {
		limit = max(limit, previous.quantity.NormEnd)
	}
	first := doc.tokenAt(m.quantity.NormStart)
	for k := first - 1; k >= 0 && k >= first-cueWindowBefore && doc.tokens[k].start >= limit; k-- {
		if x.verbCue(doc, k) {
			return true
		}
	}
	end := min(s.end, x.nextOuterClaimStart(doc, mentions, i, s.end))
	after := doc.tokenAt(m.quantity.NormEnd)
	for k := after; k < len(doc.tokens) && k < after+cueWindowAfter && doc.tokens[k].start < end; k++ {
		if k > after && doc.tokens[k].breakBefore && k > m.noun {
			break
		}
		if x.verbCue(doc, k) {
			return true
		}
	}
	return false
}

// verbCue reports whether token k is a cue that is no counted noun.
func (x *Extractor) verbCue(doc *document, k int) bool {
	if _, _, ok := x.lexicon.cues.match(doc.tokens, k); !ok {
		return false
	}
	_, _, noun := x.lexicon.nouns.match(doc.tokens, k)
	return !noun
}

// carriedMetric is the metric of the nearest figure of the last sentences (carryBack) that
// the noun of figure i may count, in the same unit: the metric a pronoun or a repeated noun
// carries when no cue stands near a count.
func (x *Extractor) carriedMetric(doc *document, mentions []*mention, i int) string {
	m := mentions[i]
	if m.quantity.Unit == "percent" {
		return "" // shares are each of something else: "less than 0.2% of all suspensions"
	}
	candidates := x.nounMetrics(doc, m.noun)
	for j := i - 1; j >= 0 && mentions[j].sentence >= m.sentence-carryBack; j-- {
		p := mentions[j]
		if p.quantity.IsClaim && p.metric != "" && p.quantity.Unit == m.quantity.Unit && containsID(candidates, p.metric) {
			return p.metric
		}
	}
	return ""
}

// leadMetric is, for a later figure of a sentence, the metric of its noun that a cue in the
// sentence's lead (its words before the first figure) names: "يعيش في المخيم المكتظ 12 ألف
// مقاتل أجنبي مع عائلاتهم التي تضم 4 آلاف امرأة و8 آلاف طفل" (children held in the camp).
// The cue nearest the figure decides.
func (x *Extractor) leadMetric(doc *document, mentions []*mention, i int) string {
	m := mentions[i]
	s := doc.sentences[m.sentence]
	lead := -1
	for j := i - 1; j >= 0 && mentions[j].sentence == m.sentence; j-- {
		if mentions[j].quantity.IsClaim {
			lead = mentions[j].quantity.NormStart
		}
	}
	if lead < 0 {
		return "" // the first figure: its own cues were read
	}
	candidates := x.nounMetrics(doc, m.noun)
	for k := doc.tokenAt(lead) - 1; k >= 0 && doc.tokens[k].start >= s.start; k-- {
		for _, p := range x.lexicon.cues.matchAll(doc.tokens, k) {
			if metric := x.lexicon.metrics[p.id]; containsID(candidates, p.id) && (metric.Unit == "percent") == (m.quantity.Unit == "percent") {
				return p.id
			}
		}
	}
	return ""
}

// repeatedMetric is the metric of an earlier figure of the article with the same value and
// unit that the noun of figure i may count: the figure stated again.
func (x *Extractor) repeatedMetric(doc *document, mentions []*mention, i int) string {
	m := mentions[i]
	if m.noun < 0 || m.quantity.Value == 0 {
		return ""
	}
	candidates := x.nounMetrics(doc, m.noun)
	for j := i - 1; j >= 0 && mentions[j].sentence >= m.sentence-articleTopicSentences; j-- {
		p := mentions[j]
		if p.quantity.IsClaim && p.metric != "" && p.quantity.Value == m.quantity.Value && p.quantity.Unit == m.quantity.Unit &&
			p.quantity.Qualifier == m.quantity.Qualifier && containsID(candidates, p.metric) {
			return p.metric
		}
	}
	return ""
}

// mayCount reports whether the noun at token k may count a unit: "شخص" counts people, so
// "عائلاتهم التي تضم 4 آلاف امرأة" counts no families. A word that is no noun (a
// nationality) may count anything.
func (x *Extractor) mayCount(doc *document, k int, unit string) bool {
	noun := false
	for _, form := range doc.tokens[k].variants() {
		for _, p := range x.lexicon.nouns[form] {
			if matchRest(p.words[1:], doc.tokens[k+1:]) {
				if x.lexicon.metrics[p.id].Unit == unit {
					return true
				}
				noun = true
			}
		}
	}
	return !noun
}

// definiteNumberNoun is the noun a number word with the article follows as its adjective
// ("الدول الأربع", "الأشهر الستة"), or -1.
func (x *Extractor) definiteNumberNoun(doc *document, q numbers.Quantity) int {
	first := doc.tokenAt(q.NormStart)
	if first >= len(doc.tokens) || first == 0 || doc.tokens[first].start != q.NormStart || !strings.HasPrefix(doc.tokens[first].text, "ال") || doc.tokens[first].breakBefore {
		return -1
	}
	if _, _, ok := x.lexicon.nouns.match(doc.tokens, first-1); ok {
		return first - 1
	}
	return -1
}

// Words after a number that make it an increment: "eight more died", "خمسة آخرون".
var incrementWords = map[string]bool{"more": true, "another": true, "additional": true, "اخرون": true, "اخرين": true, "اضافيين": true}

// increment reports whether a number counts an addition to a figure given elsewhere.
func (x *Extractor) increment(doc *document, m *mention) bool {
	next := doc.wordsAfter(m.quantity.NormEnd, 1)
	if len(next) == 1 && incrementWords[next[0].text] {
		return true
	}
	// After the counted noun: "خمسة أشخاص آخرون", "five people more".
	k := m.noun + 1
	return m.noun >= doc.tokenAt(m.quantity.NormEnd) && k < len(doc.tokens) && !doc.tokens[k].breakBefore && incrementWords[doc.tokens[k].text]
}

// refersBack reports whether a fraction points back at a figure already given: a glued
// pronoun ("ثلثهم", "نصفها") or "منهم", "of them" after it. "more than half of those
// removed" is a share of something else.
func (x *Extractor) refersBack(doc *document, q numbers.Quantity) bool {
	last := doc.tokenAt(q.NormEnd) - 1
	if last >= 0 && doc.tokens[last].end == q.NormEnd {
		for _, suffix := range []string{"هم", "ها", "هما", "هن"} {
			if strings.HasSuffix(doc.tokens[last].text, suffix) {
				return true
			}
		}
	}
	next := doc.wordsAfter(q.NormEnd, 2)
	if len(next) > 0 && (next[0].text == "منهم" || next[0].text == "منها") {
		return true
	}
	return len(next) == 2 && next[0].text == "of" && next[1].text == "them"
}

func previousClaim(mentions []*mention, i int) *mention {
	for j := i - 1; j >= 0; j-- {
		if mentions[j].sentence != mentions[i].sentence {
			return nil
		}
		if mentions[j].quantity.IsClaim {
			return mentions[j]
		}
	}
	return nil
}

// parallel reports whether two figures of a sentence stand in a list: nothing but entity
// names, و/and, "with" and punctuation between them.
func (x *Extractor) parallel(doc *document, previous, m *mention) bool {
	from, to := doc.tokenAt(previous.quantity.NormEnd), doc.tokenAt(m.quantity.NormStart)
	if to-from > 6 {
		return false
	}
	for k := from; k < to; k++ {
		if _, n, ok := x.lexicon.aliasAt(doc.tokens, k); ok {
			k += n - 1
			continue
		}
		switch doc.tokens[k].text {
		case "و", "and", "with", "مع", "ب", "followed", "by":
			continue
		}
		if _, _, ok := x.lexicon.nouns.match(doc.tokens, k); ok && k == from {
			continue // "124 بالغا و138 طفلا": the first figure's noun
		}
		return false
	}
	return true
}

// ammaTopic reports whether the clause mark before token k closes the topic of "أما …، فـ"
// or "As for …,": the clause after it is about that topic ("أما إجمالي عدد المقاتلين
// القادمين من الجمهوريات المستقلة، فبلغ 4700", "As for the former Soviet republics, 4,700").
func (x *Extractor) ammaTopic(doc *document, k, scopeStart int) bool {
	if k == 0 || !doc.tokens[k].breakBefore {
		return false
	}
	arabic := strings.HasPrefix(doc.tokens[k].text, "ف")
	for j := k - 1; j >= 0 && j >= k-ammaReach && doc.tokens[j].start >= scopeStart; j-- {
		if arabic && (doc.tokens[j].text == "اما" || doc.tokens[j].text == "واما") {
			return true
		}
		if doc.tokens[j].text == "as" && j+1 < k && doc.tokens[j+1].text == "for" {
			return true
		}
		if doc.tokens[j].breakBefore {
			return false
		}
	}
	return false
}

// ammaReach bounds, in words, the topic of "أما …، فـ".
const ammaReach = 12

// severalPlaces is what subject returns for a figure about a list of places: no subject, and
// none to be taken from the figures around it.
const severalPlaces = "\x00several"

// continues reports whether figure m describes the group figure previous counts: "30875
// شخصاً من 8746 عائلة", "4,000 people from 900 families" (the previous noun, then من/from).
func (x *Extractor) continues(doc *document, previous, m *mention) bool {
	from, to := doc.tokenAt(previous.quantity.NormEnd), doc.tokenAt(m.quantity.NormStart)
	return to-from == 2 && from == previous.noun && (doc.tokens[from+1].text == "من" || doc.tokens[from+1].text == "from") && !doc.markBetween(previous.quantity.NormEnd, m.quantity.NormStart)
}

// inList reports whether the place or platform named at token k is coordinated with another
// ("ألمانيا وبريطانيا", "Syrians and Iraqis", "جوجل وتويتر"): a figure about them is about
// none alone.
func (x *Extractor) inList(tokens []token, k int) bool {
	p, n, _ := x.lexicon.aliasAt(tokens, k)
	if !x.isGeographic(p.id) && x.lexicon.entities[p.id].Kind != "platform" {
		return false
	}
	next := k + n
	if next < len(tokens) && !tokens[next].breakBefore {
		joined := strings.HasPrefix(tokens[next].text, "و") // "وبريطانيا"
		if tokens[next].text == "و" || tokens[next].text == "and" {
			next, joined = next+1, true
		}
		if joined && next < len(tokens) && !tokens[next].breakBefore && x.otherOfKind(tokens, next, p.id) {
			return true
		}
	}
	if k > 0 && !tokens[k].breakBefore {
		before := k - 1
		if tokens[before].text == "and" || tokens[before].text == "و" {
			before--
		} else if !strings.HasPrefix(tokens[k].text, "و") {
			return false
		}
		if before >= 0 && !tokens[before+1].breakBefore {
			if from := x.aliasCovering(tokens, before); from >= 0 && x.otherOfKind(tokens, from, p.id) {
				return true
			}
		}
	}
	return false
}

// otherOfKind reports whether token k starts the name of another place than id (of another
// platform, when id is one).
func (x *Extractor) otherOfKind(tokens []token, k int, id string) bool {
	q, _, ok := x.lexicon.aliasAt(tokens, k)
	return ok && q.id != id && (x.isGeographic(q.id) && x.isGeographic(id) || x.lexicon.entities[q.id].Kind == x.lexicon.entities[id].Kind)
}

// Words after which a clause turns to another subject: "… و138 طفلا ثم كل من بلجيكا".
var clauseTurns = map[string]bool{"ثم": true, "بينما": true, "فيما": true, "لكن": true, "then": true, "while": true, "whereas": true, "but": true}

// partitiveBefore reports whether "منها"/"منهم"/"of them" stands just before a number: the
// figure is a part of the one before it.
func (d *document) partitiveBefore(normOffset int) bool {
	for _, t := range d.wordsBefore(normOffset, 2) {
		switch t.text {
		case "منها", "منهم", "بينهم", "them", "whom", "which":
			return true
		}
	}
	return false
}

// partitiveAround reports whether "منهم"/"منها"/"of them" stands right before or after a
// number, or a sentence opens by pointing back to a figure before ("Of that number, 76
// percent", "من هذا العدد").
func (x *Extractor) partitiveAround(doc *document, q numbers.Quantity) bool {
	if doc.partitiveBefore(q.NormStart) || doc.anaphoricOpening(q.NormStart) {
		return true
	}
	next := doc.wordsAfter(q.NormEnd, 2)
	if len(next) > 0 && partitives[next[0].text] {
		return true
	}
	return len(next) == 2 && next[0].text == "of" && next[1].text == "them"
}

// anaphoricOpenings open a sentence whose figures are parts of a figure stated before.
var anaphoricOpenings = [][]string{
	{"of", "that", "number"}, {"of", "this", "number"}, {"of", "those"}, {"of", "these"}, {"of", "them"},
	{"among", "them"}, {"among", "those"}, {"من", "هذا", "العدد"}, {"من", "بين", "هولاء"}, {"من", "هولاء"}, {"من", "بينهم"},
}

// anaphoricOpening reports whether the sentence of a number opens with an anaphoricOpenings
// phrase a few words before it.
func (d *document) anaphoricOpening(normOffset int) bool {
	s := d.sentences[d.sentenceAt(normOffset)]
	first, number := d.tokenAt(s.start), d.tokenAt(normOffset)
	if number-first > 5 {
		return false
	}
	for _, phrase := range anaphoricOpenings {
		if first+len(phrase) <= number && wordsAre(d.tokens[first:first+len(phrase)], phrase) {
			return true
		}
	}
	return false
}

// wordsAre reports whether tokens spell words; the first may carry a glued "و" ("ومن").
func wordsAre(tokens []token, words []string) bool {
	for k, w := range words {
		if tokens[k].text != w && (k > 0 || tokens[k].text != "و"+w) {
			return false
		}
	}
	return true
}

// Partitive pronouns: what follows them is a part of the figure before.
var partitives = map[string]bool{"منهم": true, "منها": true}

// sameNounBefore is the latest claim of the sentence that counts the same noun and has a metric.
func sameNounBefore(mentions []*mention, i int) *mention {
	m := mentions[i]
	if m.noun < 0 {
		return nil
	}
	for j := i - 1; j >= 0 && mentions[j].sentence == m.sentence; j-- {
		if p := mentions[j]; p.quantity.IsClaim && p.nounText == m.nounText && p.metric != "" {
			return p
		}
	}
	return nil
}

func nextClaimStart(mentions []*mention, i int, limit int) int {
	for j := i + 1; j < len(mentions); j++ {
		if mentions[j].sentence != mentions[i].sentence {
			break
		}
		if mentions[j].quantity.IsClaim {
			return mentions[j].quantity.NormStart
		}
	}
	return limit
}

func previousClaimEnd(mentions []*mention, i int, limit int) int {
	if p := previousClaim(mentions, i); p != nil {
		return p.quantity.NormEnd
	}
	return limit
}

// countedNoun finds the noun a number counts: one of the first words after it, skipping
// "من"/"of" and, in English, adjectives before the noun.
func (x *Extractor) countedNoun(doc *document, q numbers.Quantity, s sentence) (int, string) {
	first := doc.tokenAt(q.NormEnd)
	// "من", "of" and "the" lead to the noun without taking a place in the window: "93
	// percent of the suspended accounts".
	window, head := nounWindow, first
	for k := first; k < len(doc.tokens) && k < first+window; k++ {
		t := doc.tokens[k]
		if t.start >= s.end || (k > first && t.breakBefore && !doc.compoundHyphen(k-1)) || destinationWords[t.text] {
			break // "40% عادوا إلى بلدانهم": where they went is not what is counted
		}
		if doc.compoundHyphen(k) {
			window++ // "over 125,000 terrorist- or terrorism- related accounts": a modifier's part
		}
		_, nounWords, isNoun := x.lexicon.nouns.match(doc.tokens, k)
		_, aliasWords, isAlias := x.lexicon.aliasAt(doc.tokens, k)
		if isNoun && (!isAlias || aliasWords <= nounWords || k == first) {
			return k, t.text
		}
		// A longer entity name after "من" is no counted noun: "من الدول الأوروبية" says
		// where from.
		if isAlias && k == head && !doc.markBetween(q.NormEnd, t.start) && !doc.compoundHyphen(k+aliasWords-1) {
			return k, t.text // a nationality as the counted noun: "550 أوروبيا", "60% من التونسيين"
		}
		if leadWords[t.text] && k == head {
			window, head = window+1, k+1
		}
	}
	return -1, ""
}

// compoundHyphen reports whether the English word at token k ends in a hyphen glued to it
// ("terrorism-related", "terrorist- or"): a part of a compound modifier, not a clause mark.
func (d *document) compoundHyphen(k int) bool {
	t := &d.tokens[k]
	if t.text == "" || t.text[0] >= 0x80 || t.end >= len(d.text.Runes) || d.text.Runes[t.end] != '-' {
		return false
	}
	if k+1 >= len(d.tokens) {
		return false
	}
	for _, r := range d.text.Runes[t.end+1 : d.tokens[k+1].start] {
		if r != ' ' {
			return false
		}
	}
	return true
}

// Words that lead from a number to its noun.
var leadWords = map[string]bool{"من": true, "of": true, "the": true}

// nounsBefore lists the counted nouns before a number that has none after it, nearest
// first, within its scope (not past the previous number of the sentence) and a dozen words.
func (x *Extractor) nounsBefore(doc *document, mentions []*mention, i int) []int {
	m := mentions[i]
	s := doc.sentences[m.sentence]
	limit := max(s.start, previousClaimEnd(mentions, i, s.start))
	first := doc.tokenAt(m.quantity.NormStart)
	var out []int
	for k := first - 1; k >= 0 && k >= first-12 && doc.tokens[k].start >= limit; k-- {
		if _, _, ok := x.lexicon.nouns.match(doc.tokens, k); ok {
			out = append(out, k)
		}
	}
	// "عدد X", "the number of X" names what the sentence counts however far the figure
	// comes after it: "أما عدد المقاتلين الأجانب القادمين إلى سوريا من دول الاتحاد
	// الأوروبي، فارتفع خلال الفترة ذاتها، من 2500 شخص".
	for k := first - 13; k >= 0 && k >= first-countWindow && doc.tokens[k].start >= limit; k-- {
		if !countWords[doc.tokens[k].text] {
			continue
		}
		for j := k + 1; j < first && j <= k+3; j++ {
			if _, _, ok := x.lexicon.nouns.match(doc.tokens, j); ok {
				out = append(out, j)
				break
			}
		}
		break
	}
	return out
}

// countWords name the counted noun after them ("عدد المقاتلين", "number of fighters");
// countWindow is how far before the figure they are looked for, in words.
var countWords = map[string]bool{"عدد": true, "اجمالي": true, "number": true, "total": true}

const countWindow = 30

// metric picks the metric whose noun the number counts and whose cue stands nearest. A
// noun that is itself one of the metric's cues ("49 قتيلا", "49 killed") is its own cue; when
// no cue stands near, a metric without cues or marked fallback decides.
func (x *Extractor) metric(doc *document, mentions []*mention, i int) string {
	metric, _ := x.metricAndCue(doc, mentions, i)
	return metric
}

// metricAndCue is metric, and whether a cue (rather than the noun alone) decided it.
func (x *Extractor) metricAndCue(doc *document, mentions []*mention, i int) (string, bool) {
	m := mentions[i]
	if m.noun < 0 {
		return "", false
	}
	candidates := x.lexicon.nouns.matchAll(doc.tokens, m.noun)
	if _, aliasWords, ok := x.lexicon.aliasAt(doc.tokens, m.noun); ok && len(candidates) > 0 && aliasWords > len(candidates[0].words) &&
		m.noun > 0 && leadWords[doc.tokens[m.noun-1].text] {
		candidates = nil // "5 آلاف من الدول الأوروبية" says where from; "عدة دول أوروبية" counts countries
	}
	nationality := false
	if len(candidates) == 0 {
		// A nationality counts people ("60% من التونسيين المذكورين يوجدون في سوريا"), and so
		// does a relative pronoun ("نسبة الذين عادوا إلى أوطانهم"): any metric of people,
		// chosen by its cue alone.
		if p, _, ok := x.lexicon.aliasAt(doc.tokens, m.noun); ok && x.isGeographic(p.id) || relativePronouns[doc.tokens[m.noun].text] {
			candidates, nationality = x.lexicon.peopleMetrics, true
		}
	}
	if len(candidates) == 0 {
		return "", false
	}
	s := doc.sentences[m.sentence]
	before := x.cuesBefore(doc, mentions, i, s)
	after := x.cuesAfter(doc, mentions, i, s)
	for _, p := range x.lexicon.cues.matchAll(doc.tokens, m.noun) {
		after.set(p.id, 0)
	}
	// A noun stated before the number brings the cues right after it: "المقاتلين الذين
	// سافروا … بلغ ثلاثة آلاف", unless it is the previous figure's noun, whose cues are that
	// figure's ("120 fighters left …, and 40 have returned", "3000 حساب حذفت … و40").
	previous := previousClaim(mentions, i)
	if first := doc.tokenAt(m.quantity.NormStart); m.noun < first && doc.tokens[m.noun].start >= s.start && (previous == nil || doc.tokens[m.noun].start >= previous.quantity.NormEnd && previous.noun != m.noun) {
		for k, distance := m.noun+1, 1; k < first && distance <= cueWindowAfter; k, distance = k+1, distance+1 {
			for _, p := range x.lexicon.cues.matchAll(doc.tokens, k) {
				after.set(p.id, distance)
			}
		}
	}
	// A percentage is first a share metric's (unit percent) when one's cue stands near:
	// "74% of those accounts were suspended before their first tweet" is a share of removed
	// accounts, not a count of them. A count is never a share metric's.
	percent := m.quantity.Unit == "percent"
	// Ties in distance go to the longer cue, the more specific ("حذرت من عودة" is a return
	// feared, not one made), then to the metric defined first.
	best, bestDistance, bestWords, bestOrder, bestShare := "", math.MaxInt, 0, math.MaxInt, false
	for _, candidate := range candidates {
		metric := x.lexicon.metrics[candidate.id]
		share := metric.Unit == "percent"
		if share && !percent && m.quantity.Unit != "fraction" {
			continue
		}
		distance, words := math.MaxInt-1, 0 // the noun alone decides, last
		d, ok := before.get(candidate.id)
		if d2, ok2 := after.get(candidate.id); ok2 && (!ok || d2.distance < d.distance) {
			d, ok = d2, true
		}
		switch {
		case ok:
			distance, words = d.distance, d.words
		case hasCues(metric) && (!metric.Fallback || percent), nationality:
			continue // a share of accounts is no count of accounts held; a nationality needs a cue
		}
		order := x.lexicon.order[candidate.id]
		preferred := percent && share && !bestShare
		nearer := distance < bestDistance || distance == bestDistance && (words > bestWords || words == bestWords && order < bestOrder)
		if preferred || (share == bestShare || !percent) && nearer {
			best, bestDistance, bestWords, bestOrder, bestShare = candidate.id, distance, words, order, share
		}
	}
	return best, best != "" && bestDistance < math.MaxInt-1
}

// cueDistances maps metric ids to the word distance of their nearest cue and that cue's
// length in words: a handful of entries, so a slice beats a map.
type cueDistances []cueDistance

type cueDistance struct {
	id              string
	distance, words int
}

// set keeps the smaller distance for an id (a one-word cue).
func (c *cueDistances) set(id string, distance int) { c.setCue(id, distance, 1) }

// setCue keeps the nearest cue for an id, the longer one at the same distance.
func (c *cueDistances) setCue(id string, distance, words int) {
	for k := range *c {
		if e := &(*c)[k]; e.id == id {
			if distance < e.distance || distance == e.distance && words > e.words {
				e.distance, e.words = distance, words
			}
			return
		}
	}
	if *c == nil {
		*c = make(cueDistances, 0, 4) // one allocation for the usual few cues
	}
	*c = append(*c, cueDistance{id, distance, words})
}

func (c cueDistances) get(id string) (cueDistance, bool) {
	for _, e := range c {
		if e.id == id {
			return e, true
		}
	}
	return cueDistance{}, false
}

func hasCues(m *rules.Metric) bool {
	for _, cues := range m.Cues {
		if len(cues) > 0 {
			return true
		}
	}
	return false
}

// cuesBefore maps metric id to the word distance of its nearest cue before the number,
// within the window, not reaching back past the previous number of the sentence.
func (x *Extractor) cuesBefore(doc *document, mentions []*mention, i int, s sentence) cueDistances {
	var found cueDistances
	q := mentions[i].quantity
	previous := x.previousOuterClaim(doc, mentions, i)
	limit, hasPrevious := s.start, previous != nil
	if hasPrevious {
		limit = max(limit, previous.quantity.NormEnd)
	}
	first := doc.tokenAt(q.NormStart)
	for k, distance := first-1, 1; k >= 0 && distance <= partitiveWindow && doc.tokens[k].start >= limit; k, distance = k-1, distance+1 {
		// The words after the previous figure up to a clause mark are that figure's: "190
		// يقبعون في السجون، و137 تحت الإقامة الجبرية".
		if hasPrevious && k+1 < first && doc.markBetween(doc.tokens[k].end, doc.tokens[k+1].start) {
			break
		}
		if distance > cueWindowBefore {
			// Past the window only the verb of a partitive counts: "عاد منهم حتى الآن إلى
			// الدول الأربع المذكورة 1000 شخص" (the verb before "منهم" is the part's).
			if partitives[doc.tokens[k].text] && k > 0 {
				for _, p := range x.lexicon.cues.matchAll(doc.tokens, k-1) {
					found.set(p.id, distance+1)
				}
				break
			}
			continue
		}
		for _, p := range x.lexicon.cues.matchAll(doc.tokens, k) {
			// A cue of several words is as near as its last word: "من عودة 3 آلاف".
			found.setCue(p.id, max(1, distance-len(p.words)+1), len(p.words))
		}
	}
	if !hasPrevious {
		// The words opening a sentence (an Arabic verb, an English subject) govern its first
		// figure however far: "يعج مخيم الهول، الواقع على بعد 45 كيلومترا شرق محافظة الحسكة …،
		// بنحو 72 ألفا", "Government reports of violations … represent less than 0.2%".
		for k := doc.tokenAt(s.start); k < first-cueWindowBefore && k < doc.tokenAt(s.start)+openingWords; k++ {
			for _, p := range x.lexicon.cues.matchAll(doc.tokens, k) {
				found.set(p.id, first-k)
			}
		}
	}
	return found
}

// openingWords is how many words open a sentence as its verb (cuesBefore).
const openingWords = 2

// partitiveWindow is how far before a figure, in words, a partitive's verb still counts.
const partitiveWindow = 12

// Prepositions that put a figure inside another's noun phrase (nested).
var nestingWords = map[string]bool{"من": true, "الي": true, "في": true, "from": true, "to": true, "in": true, "across": true}

// nested reports whether figure p stands inside another figure's phrase as where its people
// come from or go: a count of countries or of other things counted without cues, after a
// preposition ("42 ألف إرهابي من 120 دولة انضموا", "عاد منهم إلى الدول الأربع المذكورة 1000
// شخص", "from 86 countries"). Such a figure does not end the cue scope of the figures around it.
func (x *Extractor) nested(doc *document, p *mention) bool {
	if p.nesting == 0 {
		p.nesting = 1
		if x.readNested(doc, p) {
			p.nesting = 2
		}
	}
	return p.nesting == 2
}

func (x *Extractor) readNested(doc *document, p *mention) bool {
	if !p.quantity.IsClaim {
		return false
	}
	first := doc.tokenAt(p.quantity.NormStart)
	noun, before := x.definiteNumberNoun(doc, p.quantity), first-1
	if noun >= 0 {
		before = noun - 1
	} else {
		noun, _ = x.countedNoun(doc, p.quantity, doc.sentences[p.sentence])
	}
	if noun < 0 || before < 0 || !nestingWords[doc.tokens[before].text] {
		return false
	}
	candidates := x.lexicon.nouns.matchAll(doc.tokens, noun)
	for _, c := range candidates {
		if hasCues(x.lexicon.metrics[c.id]) {
			return false
		}
	}
	return len(candidates) > 0
}

// previousOuterClaim is previousClaim passing over nested figures.
func (x *Extractor) previousOuterClaim(doc *document, mentions []*mention, i int) *mention {
	for j := i - 1; j >= 0 && mentions[j].sentence == mentions[i].sentence; j-- {
		if mentions[j].quantity.IsClaim && !x.nested(doc, mentions[j]) {
			return mentions[j]
		}
	}
	return nil
}

// nextOuterClaimStart is nextClaimStart passing over nested figures.
func (x *Extractor) nextOuterClaimStart(doc *document, mentions []*mention, i int, limit int) int {
	for j := i + 1; j < len(mentions) && mentions[j].sentence == mentions[i].sentence; j++ {
		if mentions[j].quantity.IsClaim && !x.nested(doc, mentions[j]) {
			return mentions[j].quantity.NormStart
		}
	}
	return limit
}

// nestedBetween reports whether the break between tokens k-1 and k is only a nested figure.
func (x *Extractor) nestedBetween(doc *document, mentions []*mention, i, k int) bool {
	from, to := doc.tokens[k-1].end, doc.tokens[k].start
	if doc.markBetween(from, to) {
		return false
	}
	for j := i + 1; j < len(mentions) && mentions[j].quantity.NormStart < to; j++ {
		if mentions[j].quantity.NormStart >= from && x.nested(doc, mentions[j]) {
			return true
		}
	}
	return false
}

// cuesAfter looks after the counted noun, within the clause (a comma or the next number ends it).
func (x *Extractor) cuesAfter(doc *document, mentions []*mention, i int, s sentence) cueDistances {
	var found cueDistances
	m := mentions[i]
	limit := min(s.end, x.nextOuterClaimStart(doc, mentions, i, s.end))
	first := doc.tokenAt(m.quantity.NormEnd)
	share := m.quantity.Unit == "percent" || m.quantity.Unit == "fraction"
	window := cueWindowAfter
	if share {
		window = shareWindow
	}
	wholeEnd := x.wholeEnd(doc, m, first)
	if r := x.relativeAfter(doc, m, first, limit); r >= 0 {
		// A relative clause on the counted noun says what it counts however long the noun
		// phrase before it: "8,000 women and children from 60 other nationalities who live
		// in a part of the camp".
		window = max(window, r-first+1+relativeClause)
	}
	for k, distance := first, 1; k < len(doc.tokens) && distance <= window; k, distance = k+1, distance+1 {
		t := doc.tokens[k]
		if t.start >= limit || (k > first && t.breakBefore && k > m.noun && !x.nestedBetween(doc, mentions, i, k)) {
			break // a comma after the counted noun ends the number's clause
		}
		cues := x.lexicon.cues.matchAll(doc.tokens, k)
		if len(cues) > 0 && k+1 < len(doc.tokens) && partitives[doc.tokens[k+1].text] {
			break // "ثلاثة آلاف مقاتل … عاد منهم 600": the verb is the part's
		}
		if len(cues) == 0 && m.noun >= first && k > m.noun && coordinated(doc.tokens, k, m.noun) {
			distance-- // "المئات من مسلحي داعش الأجانب وأبنائهم وزوجاتهم المحتجزين": one noun phrase
		}
		for _, p := range cues {
			switch {
			case distance > cueWindowAfter && share && x.lexicon.metrics[p.id].Unit != "percent":
				// Far after a share, only a share's cue: "74 في المائة من الحسابات المعلقة في آخر
				// فترة أغلقت قبل نشر أولى تغريدتها".
			case k < wholeEnd:
				found.set(p.id, distance+shareWindow) // the whole's word, after what the share says
			default:
				found.setCue(p.id, distance, len(p.words))
			}
		}
	}
	return found
}

// coordinated reports whether token k, after the counted noun at token noun, is a noun
// coordinated with it by a glued "و": after at most three words of the noun's phrase, a run
// of such nouns ("مسلحي داعش الأجانب وأبنائهم وزوجاتهم").
func coordinated(tokens []token, k, noun int) bool {
	j := k
	for j > noun && gluedAnd(tokens[j].text) && !tokens[j].breakBefore {
		j--
	}
	if j == k || j-noun > 3 {
		return false
	}
	for ; j > noun; j-- {
		if tokens[j].breakBefore {
			return false
		}
	}
	return true
}

// gluedAnd reports whether a word opens with a glued "و" before a word of its own.
func gluedAnd(word string) bool {
	return strings.HasPrefix(word, "و") && utf8.RuneCountInString(word) > 3
}

// shareWindow is how far after a percentage or a fraction, in words, a share's cue still counts.
const shareWindow = 12

// wholeEnd is, for a share of a group named after it ("93 percent of the suspended accounts
// were flagged", "74 في المائة من الحسابات المعلقة أغلقت"), the token after the words that
// describe the whole: its noun and the adjectives before (English) or after it (Arabic,
// definite like the noun). Their cues say what the whole is, not what the share says.
// first is the token after the number; it returns first when the figure is no such share.
func (x *Extractor) wholeEnd(doc *document, m *mention, first int) int {
	if m.quantity.Unit != "percent" && m.quantity.Unit != "fraction" || m.noun <= first || !leadWords[doc.tokens[first].text] {
		return first
	}
	end := m.noun + 1
	if strings.HasPrefix(doc.tokens[m.noun].text, "ال") {
		for end < len(doc.tokens) && !doc.tokens[end].breakBefore && strings.HasPrefix(doc.tokens[end].text, "ال") {
			end++
		}
	}
	return end
}

// Attribution markers cut the clause: a source named after "بحسب" is not the subject.
var attributionMarkers = []string{"بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا", "according", "citing"}

func isAttribution(t *token) bool {
	if t.attribution == 0 {
		t.attribution = 1
		for _, form := range t.variants() { // the lexicon words it may spell: usually none
			if containsString(attributionMarkers, form) {
				t.attribution = 2
				break
			}
		}
	}
	return t.attribution == 2
}

// subject finds the entity a number is about, in order of preference:
//  1. the nearest alias in the number's own clause (no comma or other clause mark between
//     them), before it ("تونس (6500)", "Saudi Arabia with 2,500") or after it ("30 ألف حساب
//     على «تليجرام»"), within the scope between the sentence's neighbouring numbers;
//  2. the sentence's topic: its first alias before the number ("موقع تويتر، وهو … لصالح
//     «جوجل بلس»، أعلن … حذف 1.2 مليون حساب" is Twitter's figure, not Google's);
//  3. the topic of the previous sentences of the same paragraph.
//
// A source named after an attribution marker ("بحسب بيانات الاتحاد الأوروبي") is never the
// subject.
func (x *Extractor) subject(doc *document, mentions []*mention, i int, metricID string) string {
	m := mentions[i]
	s := doc.sentences[m.sentence]
	kinds := map[string]bool{}
	if metric := x.lexicon.metrics[metricID]; metric != nil {
		for _, k := range metric.SubjectKinds {
			kinds[k] = true
		}
	}
	// With no kinds to go by, an organisation is never the subject: it is the group fighters
	// join or that posts, not what a count is about ("أنصار «داعش» يرسلون 100 ألف «تغريدة»").
	allowed := func(id string) bool {
		if len(kinds) == 0 {
			return x.lexicon.entities[id].Kind != "organisation"
		}
		return kinds[x.lexicon.entities[id].Kind]
	}
	// The metric's first subject kind is the one it is mostly about; countries and regions
	// rank alike ("من الدول الأوروبية: بلجيكا، وفرنسا…" is about Europe, named first).
	rank := func(id string) int {
		if metric := x.lexicon.metrics[metricID]; metric != nil {
			for r, k := range metric.SubjectKinds {
				if k == x.lexicon.entities[id].Kind || x.isGeographic(id) && (k == "country" || k == "region") {
					return r
				}
			}
		}
		return 0
	}
	afterToken := doc.tokenAt(m.quantity.NormEnd)
	if x.nested(doc, m) {
		// "from 60 other nationalities", "إلى الدول الأربع": where from or to, about no one
		// but the place its own words name ("إلى عدة دول أوروبية").
		for k := afterToken; k < len(doc.tokens) && k <= m.noun+1 && (k == afterToken || !doc.tokens[k].breakBefore); k++ {
			if p, _, ok := x.lexicon.aliasAt(doc.tokens, k); ok && allowed(p.id) {
				return p.id
			}
		}
		return ""
	}
	scopeStart := max(s.start, previousClaimEnd(mentions, i, s.start))
	scopeEnd := min(s.end, nextClaimStart(mentions, i, s.end))
	numberToken := doc.tokenAt(m.quantity.NormStart)

	// 1. The number's clause: walk outwards until a clause mark. A country named as the place
	// ("قتل 800 في سوريا", "fighters in Syria and Iraq") is kept only as a last resort: counts of
	// people are mostly about where they come from.
	best, bestDistance, place := "", math.MaxInt, ""
	for k, distance := numberToken-1, 1; k >= 0 && doc.tokens[k].start >= scopeStart; k, distance = k-1, distance+1 {
		if isAttribution(&doc.tokens[k]) || k == numberToken-1 && doc.tokens[k].end < m.quantity.NormStart && doc.markBetween(doc.tokens[k].end, m.quantity.NormStart) {
			break // "… are Syrians, 42 percent are Iraqis": a name before a comma is another clause's
		}
		if from := x.aliasCovering(doc.tokens, k); from < k && from >= 0 && doc.tokens[from].start >= scopeStart {
			k, distance = from, distance+k-from // "الشرطة الأوروبية" is Europol, not Europe
		}
		if p, _, ok := x.lexicon.aliasAt(doc.tokens, k); ok && allowed(p.id) && !x.isDestination(doc.tokens, k) {
			if !x.isPlace(doc.tokens, k, p.id) {
				if x.inList(doc.tokens, k) {
					return severalPlaces // "قدموا من ألمانيا وبريطانيا وفرنسا": no one subject
				}
				best, bestDistance = p.id, distance
				break
			}
			if place == "" {
				place = p.id
			}
		}
		if doc.tokens[k].breakBefore && !x.ammaTopic(doc, k, scopeStart) {
			break
		}
	}
	for k, distance := afterToken, 1; k < len(doc.tokens) && doc.tokens[k].start < scopeEnd && distance < bestDistance; k, distance = k+1, distance+1 {
		t := &doc.tokens[k]
		if isAttribution(t) || (k > afterToken && t.breakBefore && k > m.noun) || (k == afterToken && doc.markBetween(m.quantity.NormEnd, t.start)) || clauseTurns[t.text] {
			break
		}
		p, n, ok := x.lexicon.aliasAt(doc.tokens, k)
		if ok && n > 1 && !allowed(p.id) {
			k, distance = k+n-1, distance+n-1 // "قوات سوريا الديمقراطية" names no Syria
			continue
		}
		if ok && allowed(p.id) && !x.isDestination(doc.tokens, k) {
			if !x.isPlace(doc.tokens, k, p.id) {
				if x.inList(doc.tokens, k) {
					return severalPlaces
				}
				best = p.id
				break
			}
			if place == "" {
				place = p.id
			}
		}
	}
	numberStart := m.quantity.NormStart
	if best != "" {
		// "مقتل 15 مواطنا روسيا" in a sentence about the Saint Petersburg bombing: the
		// metric's first kind (the event) named in the sentence wins over a nationality. A
		// place named earlier does not win over the clause's own place ("6000 من فرنسا،
		// بينما 5000 من أوروبا الغربية"): both say where people came from; nor does a camp
		// over the nationality its figure counts ("تعداد العراقيين منهم 30875 شخصاً").
		if r := rank(best); r > 0 {
			if topic := x.firstAlias(doc, m.sentence, s.end, allowed, rank); topic != "" && rank(topic) < r && x.lexicon.entities[topic].Kind == "event" {
				return topic
			}
		}
		return best
	}
	// A figure in a list or a partitive takes the subject of the figure it continues:
	// "ألمانيا بـ124 بالغا و138 طفلا", "«انستجرام»50 ألف حساب، حذف منها 15 ألفا".
	if previous := previousClaim(mentions, i); previous != nil && previous.claim.Subject != "" && allowed(previous.claim.Subject) &&
		(x.parallel(doc, previous, m) || doc.partitiveBefore(m.quantity.NormStart) || x.continues(doc, previous, m)) {
		return previous.claim.Subject
	}
	// 2. The sentence's topic; a name of the metric's first kind later in the sentence
	// outranks it ("The United States suffered … when 50 people were killed … in Orlando").
	if topic := x.firstAlias(doc, m.sentence, numberStart, allowed, rank); topic != "" {
		if later := x.firstAlias(doc, m.sentence, s.end, allowed, rank); rank(later) < rank(topic) && rank(later) == 0 {
			return later
		}
		return topic
	}
	// 3. The paragraph's topic, from the nearest previous sentence that names one. A figure
	// of a noun no metric counts is not carried so far: the sentences before may name the
	// people it is a part of ("43 percent … are Syrians. … 66 percent are children"), where
	// one with no noun continues them ("Eleven died at the scene").
	if metricID == "" && m.noun >= 0 {
		return ""
	}
	for j := m.sentence - 1; j >= 0 && j >= m.sentence-3 && doc.sentences[j].paragraph == s.paragraph; j-- {
		if topic := x.firstAlias(doc, j, doc.sentences[j].end, allowed, rank); topic != "" {
			return topic
		}
	}
	// 4. What the article is about, for a count of a platform's, a camp's, an event's or an
	// agency's ("the death toll had stood at 11" in a report on one bombing): the first such
	// entity it names. Countries and regions are not carried so far: a count of fighters
	// without one is the world's.
	if len(kinds) > 0 {
		for j := max(0, m.sentence-articleTopicSentences); j < m.sentence; j++ {
			for _, hit := range x.topics(doc, j) {
				if allowed(hit.id) && !hit.place && !x.isGeographic(hit.id) {
					return hit.id
				}
			}
		}
	}
	// 5. The place, when nothing else is named, for a count of what happened there ("قتل 15
	// شخصا في فرنسا"). Where people are ("المقاتلين الأجانب في سوريا", "held in Syria") is
	// not where they come from, which counts of people are about.
	if !kinds["event"] {
		return ""
	}
	if place != "" {
		return place
	}
	for _, hit := range x.topics(doc, m.sentence) {
		if hit.at < numberStart && hit.place && allowed(hit.id) {
			return hit.id
		}
	}
	return ""
}

// articleTopicSentences bounds how far back the article's topic is looked for.
const articleTopicSentences = 40

// isGeographic reports whether an entity is a place (country, region, city) rather than an
// event, a camp, a platform or an organisation.
func (x *Extractor) isGeographic(id string) bool {
	switch x.lexicon.entities[id].Kind {
	case "country", "region", "city":
		return true
	}
	return false
}

// Words that make the country after them a place: "في سوريا", "in Syria".
var placeWords = map[string]bool{"في": true, "داخل": true, "in": true, "inside": true, "at": true}

// isPlace reports whether the country or region named at token k is where something is or
// happens ("في سوريا") rather than who is counted. Camps, cities and events stay subjects.
func (x *Extractor) isPlace(tokens []token, k int, id string) bool {
	switch x.lexicon.entities[id].Kind {
	case "country", "region":
	default:
		return false
	}
	for j := k - 1; j >= 0 && j >= k-3 && !tokens[j+1].breakBefore; j-- {
		if placeWords[tokens[j].text] {
			return true
		}
		if _, _, ok := x.lexicon.aliasAt(tokens, j); !ok && tokens[j].text != "و" && tokens[j].text != "and" {
			return false // "في سوريا والعراق": the place words reach over a list of places only
		}
	}
	return false
}

// Words before a place that make it a destination ("سافروا إلى سوريا", "travelled to
// Syria"): where people went is never the origin a count of them is about.
var destinationWords = map[string]bool{"الي": true, "نحو": true, "to": true, "into": true, "towards": true}

// isDestination reports whether the name at token k follows a destination word, also
// further down a list of names ("سافروا إلى العراق وسوريا", "travelled to Iraq and Syria").
func (x *Extractor) isDestination(tokens []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-destinationReach && !tokens[j+1].breakBefore; j-- {
		if destinationWords[tokens[j].text] {
			return true
		}
		if tokens[j].text != "و" && tokens[j].text != "and" && !destinationHeads[tokens[j].text] && !x.withinAlias(tokens, j) {
			return false
		}
	}
	return false
}

// destinationHeads may stand between a destination word and the name: "إلى دول الاتحاد
// الأوروبي", "to the countries of the EU".
var destinationHeads = map[string]bool{"دول": true, "بلدان": true, "بلاد": true, "مدن": true, "مدينه": true,
	"the": true, "countries": true, "country": true, "of": true}

// destinationReach bounds, in words, the list of names a destination word reaches over.
const destinationReach = 6

// aliasCovering is the first token of the longest entity name covering token j that starts
// up to three words before it, or -1.
func (x *Extractor) aliasCovering(tokens []token, j int) int {
	for from := max(0, j-3); from <= j; from++ {
		if _, n, ok := x.lexicon.aliasAt(tokens, from); ok && from+n > j {
			return from
		}
	}
	return -1
}

// withinAlias reports whether token j ends or is inside an entity name starting at most
// three words before it.
func (x *Extractor) withinAlias(tokens []token, j int) bool {
	for from := j; from >= 0 && from >= j-3; from-- {
		if _, n, ok := x.lexicon.aliasAt(tokens, from); ok && from+n > j {
			return true
		}
	}
	return false
}

// markBetween reports whether a clause mark stands in [from, to) of the normalized view. An
// empty or reversed range holds none: a figure inside a word with a glued preposition
// ("بأكثر من 30") starts before the end of the token it is read from.
func (d *document) markBetween(from, to int) bool {
	from, to = max(from, 0), min(to, len(d.text.Runes))
	if from >= to {
		return false
	}
	for _, r := range d.text.Runes[from:to] {
		switch r {
		case ',', ';', ':', '.', '!', '?', '\n', '-':
			return true
		}
	}
	return false
}

// firstAlias is the first allowed entity named in a sentence before to, of the best-ranked
// kind, not counting sources named after an attribution marker nor destinations.
func (x *Extractor) firstAlias(doc *document, sentenceIndex, to int, allowed func(string) bool, rank func(string) int) string {
	best, bestRank := "", math.MaxInt
	for _, hit := range x.topics(doc, sentenceIndex) {
		if hit.at >= to {
			break
		}
		if allowed(hit.id) && !hit.place && !hit.list && rank(hit.id) < bestRank {
			best, bestRank = hit.id, rank(hit.id)
		}
	}
	return best
}

// aliasHit is an entity named in a sentence, where it starts.
type aliasHit struct {
	at    int
	id    string
	place bool // named as the place (isPlace)
	list  bool // one of a list of places (inList): no sentence's topic alone
}

// topics lists the entities a sentence names that may be its topic, read once per sentence.
func (x *Extractor) topics(doc *document, sentenceIndex int) []aliasHit {
	span := &doc.topicSpans[sentenceIndex]
	if span.read {
		return doc.topicHits[span.from:span.to:span.to]
	}
	s := doc.sentences[sentenceIndex]
	hits := doc.topicHits
	from := len(hits)
	for k := doc.tokenAt(s.start); k < len(doc.tokens) && doc.tokens[k].start < s.end; k++ {
		if isAttribution(&doc.tokens[k]) {
			// Skip the source's words up to the next clause mark.
			for k+1 < len(doc.tokens) && !doc.tokens[k+1].breakBefore {
				k++
			}
			continue
		}
		if p, n, ok := x.lexicon.aliasAt(doc.tokens, k); ok {
			if !x.isDestination(doc.tokens, k) {
				hits = append(hits, aliasHit{at: doc.tokens[k].start, id: p.id, place: x.isPlace(doc.tokens, k, p.id), list: x.inList(doc.tokens, k)})
			}
			k += n - 1 // the words of a name name nothing else ("الشرطة الأوروبية")
		}
	}
	doc.topicHits = hits
	*span = topicSpan{read: true, from: int32(from), to: int32(len(hits))}
	return hits[from:len(hits):len(hits)]
}

// Rate words, normalized.
var rateWords = map[string]interval.Rate{
	"يوم": interval.Day, "اسبوع": interval.Week, "شهر": interval.Month, "سنه": interval.Year, "عام": interval.Year,
	"يوميا": interval.Day, "اليوم": interval.Day, "يومي": interval.Day, "daily": interval.Day, "day": interval.Day,
	"اسبوعيا": interval.Week, "الاسبوع": interval.Week, "weekly": interval.Week, "week": interval.Week,
	"شهريا": interval.Month, "الشهر": interval.Month, "monthly": interval.Month, "month": interval.Month,
	"سنويا": interval.Year, "عاميا": interval.Year, "السنه": interval.Year, "العام": interval.Year, "annually": interval.Year, "yearly": interval.Year, "year": interval.Year,
}

// rate finds a rate word in the number's clause: "يومياً", "في اليوم", "كل شهر", "a day".
func (x *Extractor) rate(doc *document, mentions []*mention, i int) interval.Rate {
	m := mentions[i]
	s := doc.sentences[m.sentence]
	limit := min(s.end, nextClaimStart(mentions, i, s.end))
	first := doc.tokenAt(m.quantity.NormEnd)
	for k := first; k < len(doc.tokens) && k < first+10; k++ {
		t := doc.tokens[k]
		if t.start >= limit {
			break
		}
		if k > first && hours[t.text] && strings.TrimSpace(string(doc.text.Runes[doc.tokens[k-1].end:t.start])) == "24" {
			return interval.Day // "خلال 24 ساعة", "in 24 hours"
		}
		if k > first && t.breakBefore && k > m.noun+1 && m.noun >= 0 {
			break
		}
		if r, ok := rateAt(doc.tokens, k); ok {
			return r
		}
	}
	// A rate adjective on the counted noun or the cue before the number: "عمليات الوقف
	// اليومي للحسابات تشهد ارتفاعا بنسبة 80%", "daily suspensions rose to 1,000".
	scope := max(s.start, previousClaimEnd(mentions, i, s.start))
	number := doc.tokenAt(m.quantity.NormStart)
	for k := number - 1; k > 0 && k >= number-cueWindowBefore && doc.tokens[k-1].start >= scope; k-- {
		if k+1 < number && doc.tokens[k+1].breakBefore {
			break // another clause
		}
		if r, ok := rateAdjectives[doc.tokens[k].text]; ok && x.namesCount(doc.tokens, k-1) {
			return r
		}
	}
	return interval.None
}

// Words for hours, after "24": a count within 24 hours is a daily one.
var hours = map[string]bool{"ساعه": true, "hours": true, "hour": true}

// rateAdjectives qualify a count's noun or verb ("الوقف اليومي", "daily suspensions").
var rateAdjectives = map[string]interval.Rate{
	"اليومي": interval.Day, "اليوميه": interval.Day, "يومي": interval.Day, "يوميه": interval.Day, "daily": interval.Day,
	"الاسبوعي": interval.Week, "الاسبوعيه": interval.Week, "weekly": interval.Week,
	"الشهري": interval.Month, "الشهريه": interval.Month, "monthly": interval.Month,
}

// namesCount reports whether token k is a counted noun or a cue of the lexicon.
func (x *Extractor) namesCount(tokens []token, k int) bool {
	if _, _, ok := x.lexicon.nouns.match(tokens, k); ok {
		return true
	}
	_, _, ok := x.lexicon.cues.match(tokens, k)
	return ok
}

func rateAt(tokens []token, k int) (interval.Rate, bool) {
	word := tokens[k].text
	switch word {
	case "يوميا", "اسبوعيا", "شهريا", "سنويا", "daily", "weekly", "monthly", "annually", "yearly":
		return rateWords[word], true
	}
	if k == 0 {
		return interval.None, false
	}
	// Two-word forms: "في اليوم", "كل شهر", "a day", "per month", "each week".
	previous := tokens[k-1].text
	unit, ok := rateWords[word]
	if !ok {
		unit, ok = rateWords[strings.TrimPrefix(word, "ال")]
	}
	if !ok {
		return interval.None, false
	}
	if k+1 < len(tokens) {
		if _, month := monthsByName[tokens[k+1].text]; month {
			return interval.None, false // "في شهر نوفمبر" is a date
		}
	}
	switch previous {
	case "في", "كل", "a", "per", "each", "every", "an":
		if word == "العام" || word == "year" && previous == "a" {
			return unit, previous != "في" // "في العام" is usually a date ("في العام الماضي")
		}
		return unit, true
	}
	return interval.None, false
}

// originalText is the original text between two character offsets: a slice of the article's
// string (no copy), found with a cursor that moves forward as the reading does.
func (d *document) originalText(start, end int) string {
	return d.article.Text[d.byteOffset(start):d.byteOffset(end)]
}

// byteOffset maps a character offset of the original text to its byte offset
// (normalize.Original.ByteOffset).
func (d *document) byteOffset(characters int) int { return d.original.ByteOffset(characters) }

// sentenceText is a sentence's original text, one string shared by all its mentions.
func (d *document) sentenceText(index, start, end int) string {
	if d.sentenceTexts == nil {
		d.sentenceTexts = make(map[int]string)
	}
	text, ok := d.sentenceTexts[index]
	if !ok {
		text = d.originalText(start, end)
		d.sentenceTexts[index] = text
	}
	return text
}

// attributionOf is the attribution of a sentence, read once for all its numbers.
func (d *document) attributionOf(sentenceIndex int) string {
	if a := &d.attributions[sentenceIndex]; !a.read {
		a.read, a.text = true, attribution(d, d.sentences[sentenceIndex])
	}
	return d.attributions[sentenceIndex].text
}

// Speech verbs name who says a figure: the speaker is an attribution and, unlike a source
// after "بحسب", may well be the subject ("قالت تويتر إنها حذفت …", "Twitter said").
var (
	speechVerbsBefore = map[string]bool{"قال": true, "قالت": true, "اعلن": true, "اعلنت": true, "اكد": true, "اكدت": true,
		"اوضح": true, "اوضحت": true, "ذكر": true, "ذكرت": true, "افاد": true, "افادت": true, "صرح": true, "صرحت": true}
	speechVerbsAfter = map[string]bool{"said": true, "says": true, "announced": true, "reported": true, "reports": true, "stated": true, "told": true}
	// Words that end the speaker's name: "قالت الشركة إن …", "قال … في بيان".
	speakerEnds = map[string]bool{"ان": true, "انه": true, "انها": true, "في": true, "ل": true, "خلال": true, "امس": true, "اليوم": true,
		"عن": true, "ايضا": true, "الماضي": true, "السبت": true, "الاحد": true, "الاثنين": true, "الثلاثاء": true, "الاربعاء": true, "الخميس": true, "الجمعه": true,
		"on": true, "in": true, "that": true, "the": false}
)

// attribution returns who a sentence's figures come from: the source after a marker
// ("بحسب بيانات …", "according to …"), else the speaker of a speech verb ("قالت الشرطة
// الأوروبية …", "… Europol said").
func attribution(doc *document, s sentence) string {
	first := doc.tokenAt(s.start)
	span := func(from, to int) string {
		return strings.TrimSpace(doc.originalText(doc.text.Original(doc.tokens[from].start), doc.text.Original(doc.tokens[to-1].end)))
	}
	for k := first; k < len(doc.tokens) && doc.tokens[k].start < s.end; k++ {
		if !isAttribution(&doc.tokens[k]) {
			continue
		}
		end := k + 1
		for end < len(doc.tokens) && doc.tokens[end].start < s.end && end < k+8 && !doc.tokens[end].breakBefore {
			end++
		}
		if end == k+1 {
			continue
		}
		return span(k, end)
	}
	for k := first; k < len(doc.tokens) && doc.tokens[k].start < s.end; k++ {
		word := doc.tokens[k].text
		if stem := strings.TrimPrefix(word, "و"); speechVerbsBefore[stem] || speechVerbsBefore[word] {
			end := k + 1
			for end < len(doc.tokens) && doc.tokens[end].start < s.end && end < k+5 && !doc.tokens[end].breakBefore && !speakerEnds[doc.tokens[end].text] {
				end++
			}
			if end > k+1 {
				return span(k, end)
			}
		}
		if speechVerbsAfter[word] && k > first {
			from := k
			for from > first && from > k-4 && !doc.tokens[from].breakBefore {
				from--
			}
			return span(from, k+1)
		}
	}
	return ""
}
