package numbers

import (
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/claimcheck/claimcheck/checker/normalize"
)

// Scanner reads quantities from normalized text. It is immutable after New and safe for
// concurrent use.
type Scanner struct {
	lex       *lexicon
	tolerance float64
	// tokens recycles token buffers between scans; a scan's buffer is its own.
	tokens sync.Pool
}

// Option configures a Scanner.
type Option func(*Scanner)

// WithApproxTolerance sets the relative half-width of approximate figures: with 0.10,
// "نحو 130" is [117, 143].
func WithApproxTolerance(t float64) Option {
	return func(s *Scanner) {
		if t >= 0 && !math.IsNaN(t) && !math.IsInf(t, 0) {
			s.tolerance = t
		}
	}
}

// New builds a Scanner; the word tables are built here once.
func New(opts ...Option) *Scanner {
	s := &Scanner{lex: buildLexicon(), tolerance: 0.10}
	for _, o := range opts {
		o(s)
	}
	s.tokens.New = func() any { b := make([]token, 0, 1024); return &b }
	return s
}

// Scan returns the quantities of text sorted by Start. original is the original text as
// runes (the string text was normalized from), for Quantity.Text.
func (s *Scanner) Scan(text *normalize.Text, original []rune) []Quantity {
	return s.AppendScan(nil, text, original)
}

// AppendScan is Scan appending to dst, so that a reader of many texts reuses one buffer.
func (s *Scanner) AppendScan(dst []Quantity, text *normalize.Text, original []rune) []Quantity {
	return s.appendScan(dst, text, original, len(original), nil)
}

// AppendScanOriginal is AppendScan for a text normalized by ResetOriginal: each Quantity.Text
// is a slice of the original string, found through its checkpoints, with no copy when the
// slice is valid UTF-8 (else it is re-encoded as AppendScan's are, invalid bytes as U+FFFD).
func (s *Scanner) AppendScanOriginal(dst []Quantity, text *normalize.Text, original *normalize.Original) []Quantity {
	return s.appendScan(dst, text, nil, original.Characters, original)
}

// appendScan reads the original's characters from runes, or when indexed is set, from it.
func (s *Scanner) appendScan(dst []Quantity, text *normalize.Text, runes []rune, characters int, indexed *normalize.Original) []Quantity {
	if text == nil || len(text.Runes) == 0 {
		return dst
	}
	buf := s.tokens.Get().(*[]token)
	if want := len(text.Runes)/4 + 64; cap(*buf) < want {
		*buf = make([]token, 0, want)
	}
	toks := s.tokenize(text.Runes, (*buf)[:0])
	st := state{s: s, l: s.lex, rs: text.Runes, toks: toks, text: text, orig: runes, origLen: characters, indexed: indexed, lastYear: -10, out: dst, first: len(dst)}
	for i := 0; i < len(toks); {
		if !st.mayStart(i) {
			i++ // most tokens: skip without building a mention
			continue
		}
		m, ok := st.parseAt(i)
		if !ok {
			i++
			continue
		}
		if m.to <= i {
			m.to = i + 1 // every mention consumes its first token: the scan always advances
		}
		st.emit(&m)
		i = m.to
	}
	st.fillTexts()
	// Keep pooled buffers bounded so that one huge article does not pin its memory.
	if cap(toks) <= 1<<16 {
		*buf = toks[:0]
		s.tokens.Put(buf)
	}
	return st.out
}

type state struct {
	s    *Scanner
	l    *lexicon
	rs   []rune
	toks []token
	text *normalize.Text
	orig []rune
	// origLen is the original's length in characters; indexed, when set, holds the original
	// in place of orig (AppendScanOriginal).
	origLen int
	indexed *normalize.Original
	out     []Quantity
	// first is the index in out of this scan's first quantity (AppendScan).
	first int
	// lastEnd is the token after the last mention: qualifiers are not looked for before it.
	lastEnd int
	// lastYear is the token index after the last year mention, to chain "2011 و2016".
	lastYear int
}

// mention is a quantity under construction; from/to are token indices, ns/ne the span.
type mention struct {
	from, to int
	ns, ne   int
	value    float64
	iv       interval.Interval
	qual     claim.Qualifier
	isClaim  bool
	kind     string
	reading  string
	unit     string
}

// core is a number as written, before context: digits with their scale, number words,
// a vague amount or a fraction.
type core struct {
	from, to int
	ns, ne   int
	value    float64
	lo, hi   float64
	scale    float64
	digits   bool
	plain    bool // digits only: no separator, no scale
	// spaceGrouped: "26 000", digit groups joined across spaces.
	spaceGrouped bool
	nDigits      int
	vague        bool
	fraction     bool
	reading      string
}

func (st *state) word(j int) *entry {
	if j < 0 || j >= len(st.toks) || st.toks[j].kind != tokWord {
		return nil
	}
	return st.toks[j].lex
}

// bare is the entry of word j when it has no clitic.
func (st *state) bare(j int) *entry {
	if e := st.word(j); e != nil && st.toks[j].clitic == 0 {
		return e
	}
	return nil
}

// wordText is the normalized text of word token j ("" when j is no word).
func (st *state) wordText(j int) string {
	if j < 0 || j >= len(st.toks) || st.toks[j].kind != tokWord {
		return ""
	}
	return string(st.rs[st.toks[j].start:st.toks[j].end])
}

func (st *state) punct(j int, r rune) bool {
	return j >= 0 && j < len(st.toks) && st.toks[j].kind == tokPunct && st.toks[j].r == r
}

func (st *state) number(j int) bool {
	return j >= 0 && j < len(st.toks) && st.toks[j].kind == tokNumber
}

// glued: token j follows j-1 without whitespace.
func (st *state) glued(j int) bool { return j < len(st.toks) && !st.toks[j].spaceBefore }

// sameLine: token j is on the line of the token before it.
func (st *state) sameLine(j int) bool { return j < len(st.toks) && !st.toks[j].lineStart }

func (st *state) startOf(j int) int { return int(st.toks[j].start) + int(st.toks[j].clitic) }

func (st *state) hasWaw(j int) bool {
	t := &st.toks[j]
	return t.clitic == 1 && st.rs[t.start] == 'و'
}

// isNumberWord: word j can start a number (digits excluded).
func (st *state) isNumberWord(j int) bool {
	e := st.word(j)
	if e == nil || e.role == roleNone || e.role == roleFraction {
		return false
	}
	return e.role != roleTeenPrefix || st.bare(j+1).has(fTeenSuffix)
}

// mayStart is parseAt's first test: only digits, number-lexicon words and the punctuation
// that opens a citation, a leading percent sign or a telephone number can start a mention.
func (st *state) mayStart(i int) bool {
	switch t := &st.toks[i]; t.kind {
	case tokWord:
		// The word cases of parseAt: a number word, a date's or duration's word, an article.
		return t.lex != nil && (t.lex.role != roleNone || t.lex.flags&(fOrdinal|fMonth|fTimeDual|fArticle) != 0)
	case tokPunct:
		return t.r == '[' || t.r == '%' || t.r == '+'
	}
	return true
}

func (st *state) parseAt(i int) (mention, bool) {
	t := &st.toks[i]
	switch t.kind {
	case tokNumber:
		return st.mention(i, i)
	case tokPunct:
		switch t.r {
		case '[':
			if st.number(i+1) && st.punct(i+2, ']') && st.glued(i+1) && st.glued(i+2) {
				m := st.simple(i, i+3, st.digitsCore(i+1).value, "citation")
				return m, true
			}
		case '%':
			if st.number(i+1) && st.glued(i+1) {
				return st.mention(i+1, i)
			}
		case '+':
			// "+02:00": a time-zone offset, not a telephone number.
			if st.number(i+1) && st.glued(i+1) && st.punct(i+2, ':') && st.glued(i+2) && st.number(i+3) && st.glued(i+3) &&
				st.toks[i+1].end-st.toks[i+1].start == 2 && st.toks[i+3].end-st.toks[i+3].start == 2 {
				return st.simple(i, i+4, st.digitsCore(i+1).value, "time"), true
			}
			if st.number(i+1) && st.glued(i+1) {
				c := st.digitsCore(i + 1)
				m := st.simple(i, c.to, c.value, "phone")
				m.to = st.phoneTail(m.to)
				m.ne = int(st.toks[m.to-1].end)
				return m, true
			}
		}
		return mention{}, false
	}
	e := t.lex
	if e == nil {
		return mention{}, false
	}
	switch {
	case e.has(fOrdinal):
		return st.ordinalDate(i)
	case e.has(fMonth):
		if m, ok := st.monthFirstDate(i); ok {
			return m, true
		}
	case e.has(fTimeDual) && t.clitic <= 1:
		m := st.simple(i, i+1, 2, "duration")
		m.ns = st.startOf(i)
		return m, true
	}
	// "600 واحد منهم": "one" right after a figure is a pronoun for what it counts, no number.
	if e.role != roleNone && e.value == 1 && t.clitic == 0 && i > 0 && st.number(i-1) && st.sameLine(i) && !st.isEnglishWord(i) {
		return mention{}, false
	}
	if e.role != roleNone || e.has(fArticle) {
		return st.mention(i, i)
	}
	return mention{}, false
}

func (st *state) isEnglishWord(j int) bool { return st.word(j).has(fEnglish) }

// simple is a non-claim mention over tokens [from, to).
func (st *state) simple(from, to int, v float64, kind string) mention {
	return mention{from: from, to: to, ns: int(st.toks[from].start), ne: int(st.toks[to-1].end),
		value: v, iv: interval.Exact(v), qual: claim.Exact, kind: kind}
}

func (st *state) emit(m *mention) {
	start, end := st.text.Original(m.ns), st.text.Original(m.ne)
	if end > st.origLen {
		end = st.origLen
	}
	if start > end {
		start = end
	}
	q := Quantity{
		Start: start, End: end, NormStart: m.ns, NormEnd: m.ne,
		Value: m.value, Interval: m.iv, Qualifier: m.qual, IsClaim: m.isClaim, Kind: m.kind,
		Reading: m.reading, Unit: m.unit,
	}
	if st.out == nil {
		st.out = make([]Quantity, 0, 16)
	}
	st.out = append(st.out, q)
	st.lastEnd = m.to
	if m.kind == "year" {
		st.lastYear = m.to
	}
}

// fillTexts sets every Quantity.Text from one string, so that a scan allocates its texts
// once rather than once per mention.
func (st *state) fillTexts() {
	if st.indexed != nil {
		for i := st.first; i < len(st.out); i++ {
			text := st.indexed.Slice(st.out[i].Start, st.out[i].End)
			if !utf8.ValidString(text) {
				text = string([]rune(text))
			}
			st.out[i].Text = text
		}
		return
	}
	size := 0
	for i := st.first; i < len(st.out); i++ {
		for _, r := range st.orig[st.out[i].Start:st.out[i].End] {
			size += utf8.RuneLen(r)
		}
	}
	if size == 0 {
		return
	}
	var b strings.Builder // its String does not copy
	b.Grow(size)
	for i := st.first; i < len(st.out); i++ {
		for _, r := range st.orig[st.out[i].Start:st.out[i].End] {
			b.WriteRune(r)
		}
	}
	all := b.String()
	pos := 0
	for i := st.first; i < len(st.out); i++ {
		n := 0
		for _, r := range st.orig[st.out[i].Start:st.out[i].End] {
			n += utf8.RuneLen(r)
		}
		st.out[i].Text = all[pos : pos+n]
		pos += n
	}
}
