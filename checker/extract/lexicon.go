package extract

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/claimcheck/claimcheck/checker/normalize"
	"github.com/claimcheck/claimcheck/checker/rules"
)

// phrase is a lexicon entry split into normalized words.
type phrase struct {
	words []string
	id    string
	order int
}

// phraseIndex finds multi-word entries by their first word; entries are tried longest first.
type phraseIndex map[string][]phrase

func (index phraseIndex) add(text, id string, order int) {
	// Split as the tokenizer does: "al-hol" is the two words al, hol.
	words := strings.FieldsFunc(normalize.Word(text), func(r rune) bool { return !isWordRune(r) })
	if len(words) == 0 {
		return
	}
	first := words[0]
	list := append(index[first], phrase{words: words, id: id, order: order})
	// Longest first, then definition order, so that "أوروبا الغربية" wins over "أوروبا".
	for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	index[first] = list
}

// lexicon is the pack's vocabulary in normalized form.
type lexicon struct {
	nouns    phraseIndex // noun -> metric id
	cues     phraseIndex // cue -> metric id
	aliases  phraseIndex // alias -> entity id
	metrics  map[string]*rules.Metric
	entities map[string]*rules.Entity
	order    map[string]int // metric definition order, for ties
	// peopleMetrics are the metrics that count people, for a nationality as the counted noun.
	peopleMetrics []phrase
	// words is every word of the lexicon and of the extractor's own grammar.
	words map[string]bool
	// latin maps each Latin word of words to the list of itself: its spellings.
	latin map[string]*[]string
	// none is the spellings of a word that spells no lexicon word, shared.
	none []string
	// cache maps text words to their spellings (spellingsOf).
	cache spellingCache
}

// spellingCache maps text words to their spellings for every reader of a lexicon. Reads go
// to an immutable snapshot without locking: a plain map look-up, several times faster than
// sync.Map's. New words wait in a locked map until the next snapshot copies them in; copies
// grow geometrically, so each word is copied a bounded number of times.
type spellingCache struct {
	snapshot atomic.Pointer[map[string]*[]string]
	mu       sync.Mutex
	pending  map[string]*[]string
	size     int // entries in all, at most maxCachedSpellings
}

func (c *spellingCache) load(word string) (*[]string, bool) {
	if m := c.snapshot.Load(); m != nil {
		if spellings, ok := (*m)[word]; ok {
			return spellings, true
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	spellings, ok := c.pending[word]
	return spellings, ok
}

func (c *spellingCache) store(word string, spellings *[]string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.size >= maxCachedSpellings {
		return
	}
	if _, ok := c.pending[word]; ok {
		return
	}
	if c.pending == nil {
		c.pending = map[string]*[]string{}
	}
	// A copy of the word: the text's own would pin the whole article's view.
	c.pending[strings.Clone(word)] = spellings
	c.size++
	old := c.snapshot.Load()
	kept := 0
	if old != nil {
		kept = len(*old)
	}
	if len(c.pending) < max(64, kept/4) {
		return
	}
	merged := make(map[string]*[]string, kept+len(c.pending))
	if old != nil {
		for w, s := range *old {
			merged[w] = s
		}
	}
	for w, s := range c.pending {
		merged[w] = s
	}
	c.snapshot.Store(&merged)
	c.pending = nil
}

func newLexicon(pack *rules.Pack) *lexicon {
	l := &lexicon{nouns: phraseIndex{}, cues: phraseIndex{}, aliases: phraseIndex{}, metrics: map[string]*rules.Metric{}, entities: map[string]*rules.Entity{}, order: map[string]int{}}
	for i, m := range pack.Metrics {
		l.metrics[m.ID] = m
		l.order[m.ID] = i
		switch m.Unit {
		case "people", "adults", "children":
			l.peopleMetrics = append(l.peopleMetrics, phrase{id: m.ID, order: i})
		}
		for _, words := range m.Nouns {
			for _, w := range words {
				l.nouns.add(w, m.ID, i)
			}
		}
		for _, words := range m.Cues {
			for _, w := range words {
				l.cues.add(w, m.ID, i)
			}
		}
	}
	for i, e := range pack.Entities {
		l.entities[e.ID] = e
		for _, words := range e.Aliases {
			for _, w := range words {
				l.aliases.add(w, e.ID, i)
			}
		}
	}
	l.words = map[string]bool{}
	for _, index := range []phraseIndex{l.nouns, l.cues, l.aliases} {
		for _, list := range index {
			for _, p := range list {
				for _, w := range p.words {
					l.words[w] = true
				}
			}
		}
	}
	for _, w := range grammarWords() {
		l.words[normalize.Word(w)] = true
	}
	l.latin = map[string]*[]string{}
	for w := range l.words {
		if len(w) > 0 && w[0] < 0x80 {
			l.latin[w] = &[]string{w}
		}
	}
	return l
}

// maxCachedSpellings bounds the spelling cache: a corpus has a vocabulary of some hundred
// thousand words; random bytes would have no end of them.
const maxCachedSpellings = 1 << 18

// spellingsOf lists the lexicon words a text word may be a spelling of, in the order forms
// gives them ("والعراق" → العراق, عراق). Each distinct word is worked out once and cached.
// The list is shared by reference, never nil, so that a token keeps it in one word (variants).
func (l *lexicon) spellingsOf(word string) *[]string {
	if len(word) == 0 || word[0] < 0x80 {
		if spellings := l.latin[word]; spellings != nil {
			return spellings // forms gives a Latin word only itself: no cache needed
		}
		return &l.none
	}
	if cached, ok := l.cache.load(word); ok {
		return cached
	}
	var out []string
	for _, form := range forms(word) {
		if l.words[form] && !containsString(out, form) {
			out = append(out, form)
		}
	}
	spellings := &l.none
	if len(out) > 0 {
		// A new list header only for a word that spells something: taking out's own
		// address would move it to the heap on every call.
		spellings = new([]string)
		*spellings = out
	}
	l.cache.store(word, spellings)
	return spellings
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func containsString(list []string, s string) bool { return indexOf(list, s) >= 0 }

// Arabic clitics that may be glued before a word, longest first.
var prefixes = []string{"وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "و", "ف", "ب", "ل", "ك", "ال"}

// Arabic endings that do not change what a word names: accusative tanween alef, attached
// pronouns.
var suffixes = []string{"هما", "هم", "ها", "ه", "ا"}

// forms lists the spellings under which a text word may be listed in the lexicon.
func forms(word string) []string {
	if len(word) == 0 || word[0] < 0x80 {
		return []string{word} // Latin words take no Arabic clitics
	}
	var stemArray [8]string
	stems := append(stemArray[:0], word)
	for _, p := range prefixes {
		if strings.HasPrefix(word, p) && len([]rune(word))-len([]rune(p)) >= 2 {
			rest := word[len(p):]
			stems = append(stems, rest)
			if p == "لل" || p == "ولل" {
				stems = append(stems, "ال"+rest)
			}
			if p == "و" || p == "ف" || p == "ب" || p == "ك" {
				// و + ال… : keep the article as a stem too (والعراق -> العراق).
				if strings.HasPrefix(rest, "ال") {
					stems = append(stems, rest[len("ال"):])
				}
			}
		}
	}
	out := make([]string, 0, 2*len(stems)+2)
	out = append(out, stems...)
	for _, stem := range stems {
		for _, s := range suffixes {
			if strings.HasSuffix(stem, s) && len([]rune(stem))-len([]rune(s)) >= 2 {
				out = append(out, stem[:len(stem)-len(s)])
			}
		}
	}
	return out
}

// match finds the longest entry of index that starts at token i; it returns the entry and
// the number of tokens it covers.
func (index phraseIndex) match(tokens []token, i int) (phrase, int, bool) {
	for _, form := range tokens[i].variants() {
		for _, p := range index[form] {
			if matchRest(p.words[1:], tokens[i+1:]) {
				return p, len(p.words), true
			}
		}
	}
	return phrase{}, 0, false
}

// matchAll lists every entry starting at token i (all metrics a noun may count). When the
// entries found are neighbours in one list of the index, the usual case, the list is
// returned as a window of the index itself, without allocating; callers only read it.
func (index phraseIndex) matchAll(tokens []token, i int) []phrase {
	var out []phrase
	owned := false // out is a slice of its own, not a window of an index list
	for _, form := range tokens[i].variants() {
		list := index[form]
		for k := range list {
			p := &list[k]
			if containsID(out, p.id) || !matchRest(p.words[1:], tokens[i+1:]) {
				continue
			}
			switch {
			case owned:
				out = append(out, *p)
			case len(out) == 0 || k > 0 && &out[len(out)-1] == &list[k-1]:
				out = list[k-len(out) : k+1 : k+1] // the window grows by its next entry
			default:
				out = append(append(make([]phrase, 0, len(out)+4), out...), *p)
				owned = true
			}
		}
	}
	return out
}

func matchRest(words []string, tokens []token) bool {
	if len(words) > len(tokens) {
		return false
	}
	for k, w := range words {
		ok := false
		for _, form := range tokens[k].variants() {
			if form == w {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// aliasAt is the entity alias starting at token i, looked up once per token.
func (l *lexicon) aliasAt(tokens []token, i int) (phrase, int, bool) {
	t := &tokens[i]
	if t.aliasState == 0 {
		t.aliasState = 1
		if p, n := l.aliases.matchEntry(tokens, i); p != nil {
			t.alias, t.aliasWords, t.aliasState = p, uint8(min(n, 255)), 2
		}
	}
	if t.aliasState != 2 {
		return phrase{}, 0, false
	}
	return *t.alias, int(t.aliasWords), true
}

// matchEntry is match returning the entry itself, which lives as long as the lexicon.
func (index phraseIndex) matchEntry(tokens []token, i int) (*phrase, int) {
	for _, form := range tokens[i].variants() {
		list := index[form]
		for k := range list {
			if matchRest(list[k].words[1:], tokens[i+1:]) {
				return &list[k], len(list[k].words)
			}
		}
	}
	return nil, 0
}

func containsID(phrases []phrase, id string) bool {
	for _, p := range phrases {
		if p.id == id {
			return true
		}
	}
	return false
}
