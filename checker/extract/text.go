package extract

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// token is a word of the normalized view: letters only (digits belong to quantities). Its
// small fields sit together and its spellings are one pointer, so that a token fills one
// 64-byte cache line: tokenize writes one per word of every article.
type token struct {
	text       string
	start, end int // normalized offsets
	// breakBefore is true when a clause mark (comma, colon, semicolon, dash) stands between
	// this token and the previous one.
	breakBefore bool
	// The entity alias starting here, looked up once (aliasState: 0 unknown, 1 none, 2 found).
	aliasState uint8
	aliasWords uint8
	// attribution caches isAttribution (0 unknown, 1 no, 2 yes): subject, topics and
	// attribution each ask it of the same words.
	attribution uint8
	// spellings are the lexicon words this word may be a spelling of (lexicon.spellingsOf),
	// looked up on first use (nil: not yet): most sentences hold no number and are never read.
	spellings *[]string
	lexicon   *lexicon
	alias     *phrase
}

// variants returns the lexicon words the token may be a spelling of.
func (t *token) variants() []string {
	if t.spellings == nil {
		t.spellings = t.lexicon.spellingsOf(t.text)
	}
	return *t.spellings
}

// sentence is a span of the normalized view.
type sentence struct {
	start, end int
	// paragraph counts blank-line separated paragraphs, to bound look-back.
	paragraph int
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool {
	if uint32(r) < uint32(len(wordRunes)) {
		return wordRunes[r] // inlined: Latin and Arabic, one load
	}
	return isOtherWordRune(r)
}

// wordRunes is isOtherWordRune for the characters below U+0800 (Latin, Arabic), as a table.
var wordRunes = func() (table [0x800]bool) {
	for r := range table {
		table[r] = isOtherWordRune(rune(r))
	}
	return table
}()

func isOtherWordRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 0x0621 && r <= 0x064A: // the normalized view's usual letters
		return true
	case r < 0x80:
		return r == '\''
	}
	return unicode.IsLetter(r) || r == '’'
}

// tokenize splits the document's view into letter words (d.tokens) and sentences
// (d.sentences), reusing their buffers. Token texts are slices of one string of the whole
// view, so that a word costs no allocation; d.view is a scratch buffer for its bytes, which
// the same pass encodes (each token's byte span waits in d.wordBytes until the string is made).
func (d *document) tokenize(l *lexicon) {
	runes := d.text.Runes
	// The rarely written lists (line starts, noted words) are appended to in d, not held
	// in local variables: the fewer values the loop holds, the fewer it spills to memory.
	tokens, view, wordBytes := d.tokens[:0], d.view[:0], d.wordBytes[:0]
	d.timeTokens, d.clauseTokens = d.timeTokens[:0], d.clauseTokens[:0]
	// Sized for the usual word length and the original's bytes, so that a large article's
	// buffers do not grow by doubling.
	if cap(tokens) < len(runes)/6 {
		tokens = make([]token, 0, len(runes)/6)
		wordBytes = make([]int32, 0, 2*(len(runes)/6))
	}
	if cap(view) < len(d.article.Text) {
		view = make([]byte, 0, len(d.article.Text))
	}
	splitter := sentenceSplitter{runes: runes, out: d.sentences[:0]}
	d.lineStarts = append(d.lineStarts[:0], 0)
	pendingBreak := false
	for i := 0; i < len(runes); {
		r := runes[i]
		if r == ' ' && i-splitter.start < maxSentence {
			// The space between words, the most common character outside them: nothing to
			// note, no sentence mark (the general case below, taken directly).
			view = append(view, ' ')
			i++
			continue
		}
		if !isWordRune(r) {
			switch r {
			case ',', ';', ':', '-', '.', '!', '?', '\n':
				// Quotes and brackets do not end a clause: "30 ألف حساب على «تليجرام»",
				// "تونس (6500)".
				pendingBreak = true
			}
			if r >= '0' && r <= '9' {
				pendingBreak = true // a number separates clauses for cue and subject look-up
			}
			if r == '\n' {
				// Every line end of the original is one of the view, which keeps its offset.
				d.lineStarts = append(d.lineStarts, int(d.text.Offsets[i])+1)
			}
			if r < 0x80 {
				view = append(view, byte(r))
			} else {
				view = appendRune(view, r)
			}
			if i-splitter.start >= maxSentence || r == '.' || r == '\n' || r == '?' || r == '!' || r == '؟' {
				splitter.step(i, r) // any other character inside a sentence changes nothing: no call
			}
			i++
			continue
		}
		start, startByte := i, len(view)
		// The word's characters are tested and encoded here, inline: the common ones
		// (Latin, Arabic) with one table load and one or two byte appends.
		for i < len(runes) {
			c := runes[i]
			if c < rune(len(wordRunes)) {
				if !wordRunes[c] {
					break
				}
				if c < 0x80 {
					view = append(view, byte(c))
				} else {
					view = append(view, byte(0xC0|c>>6), byte(0x80|c&0x3F))
				}
			} else {
				if !isOtherWordRune(c) {
					break
				}
				view = utf8.AppendRune(view, c)
			}
			i++
		}
		// Apostrophes belong inside a word ("it's"), not around it ("'يوروبول'").
		end, endByte := i, len(view)
		for start < end && isApostrophe(runes[start]) {
			start++
			startByte += utf8.RuneLen(runes[start-1])
		}
		for end > start && isApostrophe(runes[end-1]) {
			end--
			endByte -= utf8.RuneLen(runes[end])
		}
		if start == end {
			continue
		}
		// Written in place, field by field: a token built on the stack and copied is stored
		// as bytes and reloaded as words, which stalls the copy.
		tokens = append(tokens, token{})
		t := &tokens[len(tokens)-1]
		t.start, t.end, t.breakBefore, t.lexicon = start, end, pendingBreak, l
		wordBytes = append(wordBytes, int32(startByte), int32(endByte))
		// Words the reading of periods looks for, noted while their bytes are at hand: one
		// table look-up of their ending rules out most words.
		if end-start >= 2 && mayBeNoted(runes[start:end]) {
			word := view[startByte:endByte]
			if timeTriggers[string(word)] {
				d.timeTokens = append(d.timeTokens, int32(len(tokens)-1))
			}
			if clauseTriggers[string(word)] {
				d.clauseTokens = append(d.clauseTokens, int32(len(tokens)-1))
			}
		}
		pendingBreak = false
	}
	all := string(view)
	for k := range tokens {
		tokens[k].text = all[wordBytes[2*k]:wordBytes[2*k+1]]
	}
	d.tokens, d.view, d.wordBytes, d.sentences = tokens, view, wordBytes, splitter.finish()
}

// appendRune is utf8.AppendRune with the view's common characters (ASCII, Arabic) inline.
func appendRune(view []byte, r rune) []byte {
	if r < 0x80 {
		return append(view, byte(r))
	}
	if r < 0x800 {
		return append(view, byte(0xC0|r>>6), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(view, r)
}

// sentenceSplitter splits the view at sentence marks and line ends. A dot between digits
// (1.2) or after a single letter initial is not an end. Every mark is a character outside
// words, so tokenize hands it those characters only, in the same pass.
type sentenceSplitter struct {
	runes            []rune
	out              []sentence
	start, paragraph int
}

func (s *sentenceSplitter) emit(end int) {
	runes := s.runes
	for s.start < end && unicode.IsSpace(runes[s.start]) {
		s.start++
	}
	trimmed := end
	for trimmed > s.start && unicode.IsSpace(runes[trimmed-1]) {
		trimmed--
	}
	if trimmed > s.start {
		s.out = append(s.out, sentence{start: s.start, end: trimmed, paragraph: s.paragraph})
	}
	s.start = end
}

// step reads the character r at i, which is no word character.
func (s *sentenceSplitter) step(i int, r rune) {
	runes := s.runes
	// A "sentence" of thousands of characters is a list or a file without punctuation:
	// cut it at the next clause mark or space, so that look-ups around a number stay
	// local and a 50 MB single line is read in linear time.
	if i-s.start >= maxSentence && (r == ',' || r == ';' || r == ' ') {
		s.emit(i + 1)
		return
	}
	switch r {
	case '\n':
		s.emit(i + 1)
		if i+1 < len(runes) && (runes[i+1] == '\n' || runes[i+1] == '\r') {
			s.paragraph++
		}
	case '.', '!', '?', '؟':
		if r == '.' && i > 0 && i+1 < len(runes) && isDigit(runes[i-1]) && isDigit(runes[i+1]) {
			return
		}
		if i+1 < len(runes) && !unicode.IsSpace(runes[i+1]) && runes[i+1] != '"' && runes[i+1] != '»' && !isWordRune(runes[i+1]) {
			return
		}
		if r == '.' && abbreviationBefore(runes, i) {
			return // "St. Petersburg", "U.S.", "3 p.m. local time", "Aug. 1"
		}
		s.emit(i + 1)
	}
}

// finish ends the last sentence and returns them all.
func (s *sentenceSplitter) finish() []sentence {
	s.emit(len(s.runes))
	return s.out
}

// maxSentence is the length, in characters, past which a sentence is cut at a clause mark.
const maxSentence = 1000

// Abbreviations whose dot does not end a sentence (normalized, lower case).
var abbreviations = map[string]bool{
	"st": true, "mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true, "lt": true, "sgt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "vs": true, "etc": true, "inc": true, "corp": true, "co": true, "approx": true, "est": true,
}

// abbreviationBefore reports whether the dot at i closes an abbreviation or an initial.
func abbreviationBefore(runes []rune, i int) bool {
	start := i
	for start > 0 && (isWordRune(runes[start-1]) || runes[start-1] == '.') {
		start--
	}
	word := runes[start:i]
	if len(word) == 1 && word[0] < 0x80 {
		return true // an initial: "J. Smith", the "u" of "u.s."
	}
	if slices.Contains(word, '.') {
		return true // "u.s", "a.m", "p.m"
	}
	// The abbreviations are short ASCII words: spell the word into a small buffer, so that
	// the look-up allocates nothing.
	var buf [maxAbbreviation]byte
	if len(word) > len(buf) {
		return false
	}
	for k, r := range word {
		if r >= 0x80 {
			return false
		}
		buf[k] = byte(r)
	}
	return abbreviations[string(buf[:len(word)])]
}

// maxAbbreviation is the length of the longest abbreviation.
const maxAbbreviation = 6

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
