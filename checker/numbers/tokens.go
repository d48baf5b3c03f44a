package numbers

import (
	"unicode"
)

type tokenKind uint8

const (
	tokWord tokenKind = iota
	tokNumber
	tokPunct
)

// token is a word, a digit run (with its separators) or one punctuation character of the
// normalized text. Whitespace makes no token; it is recorded on the token that follows.
type token struct {
	start, end int32 // normalized offsets, end exclusive
	kind       tokenKind
	// spaceBefore: whitespace separates this token from the previous one.
	spaceBefore bool
	// lineStart: first token of its line.
	lineStart bool
	// clitic is the number of prefix letters (و، ب، ل…) before the lexicon stem.
	clitic uint8
	// addressDist counts tokens since the last address word on this line (255: none).
	addressDist uint8
	// addressLine: the line named itself an address ("adresse:", "العنوان").
	addressLine bool
	r           rune // the character of a punctuation token
	lex         *entry
}

const noAddress = 255

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isArabicLetter(r rune) bool {
	return (r >= 0x0620 && r <= 0x064A) || (r >= 0x066E && r <= 0x06D3) || r == 0x06D5 || (r >= 0x06FA && r <= 0x06FF) ||
		(r >= 0x0750 && r <= 0x077F)
}

func isLetter(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return isArabicLetter(r) || unicode.IsLetter(r)
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\v', '\f':
		return true
	}
	// No space between U+00A1 and U+167F (Arabic among them): skip the table there.
	return r > 0x7f && (r <= 0xA0 || r >= 0x1680) && unicode.IsSpace(r)
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 || r == 0x85
}

// Character classes for tokenize, tested in this order: line breaks, other spaces, digits,
// letters of the Latin (any non-Arabic) and the Arabic scripts, anything else.
const (
	classOther uint8 = iota
	classBreak
	classSpace
	classDigit
	classLetter
	classArabic
)

func classOf(r rune) uint8 {
	switch {
	case isLineBreak(r):
		return classBreak
	case isSpace(r):
		return classSpace
	case isDigit(r):
		return classDigit
	case isArabicLetter(r):
		return classArabic
	case isLetter(r):
		return classLetter
	}
	return classOther
}

// classes is classOf for the characters below U+0800 (Latin, Arabic): one load.
var classes = func() (table [0x800]uint8) {
	for r := range table {
		table[r] = classOf(rune(r))
	}
	return table
}()

func class(r rune) uint8 {
	if uint32(r) < uint32(len(classes)) {
		return classes[r]
	}
	return classOf(r)
}

// tokenize splits the normalized runes into tokens, looking every word up once.
func (s *Scanner) tokenize(rs []rune, toks []token) []token {
	n := len(rs)
	space, lineStart := true, true
	addressDist, addressLine := uint8(noAddress), false
	for p := 0; p < n; {
		r := rs[p]
		c := class(r)
		switch c {
		case classSpace:
			space = true
			p++
			continue
		case classBreak:
			space, lineStart = true, true
			addressDist, addressLine = noAddress, false
			p++
			continue
		}
		// The token is written in place, field by field: a token built on the stack and
		// copied is stored as bytes and reloaded as words, which stalls the copy.
		toks = append(toks, token{})
		t := &toks[len(toks)-1]
		t.start, t.spaceBefore, t.lineStart, t.addressDist, t.addressLine = int32(p), space, lineStart, addressDist, addressLine
		switch c {
		case classDigit:
			t.kind = tokNumber
			p = scanDigits(rs, p)
		case classLetter, classArabic:
			t.kind = tokWord
			arabic := c == classArabic
			// The word's hash (wordHash) is taken as its letters are read: one pass fewer.
			// A word is a run of letters of one script (one class).
			h := (hashOffset ^ uint64(r)) * hashPrime
			q := p + 1
			for q < n && class(rs[q]) == c {
				h = (h ^ uint64(rs[q])) * hashPrime
				q++
			}
			// "year-old" is one English word for the grammar.
			if !arabic && q+4 <= n && rs[q] == '-' && q-p == 4 && rs[p] == 'y' && rs[p+1] == 'e' && rs[p+2] == 'a' && rs[p+3] == 'r' && rs[q+1] == 'o' && rs[q+2] == 'l' && rs[q+3] == 'd' {
				q += 4
				if q < n && rs[q] == 's' {
					q++
				}
				h = wordHash(rs[p:q])
			}
			t.lex, t.clitic = s.lookup(rs[p:q], arabic, h)
			p = q
		default:
			t.kind = tokPunct
			t.r = r
			p++
		}
		t.end = int32(p)
		if t.lex.has(fAddress) {
			addressDist = 0
			if t.lex.has(fAddressStrong) {
				addressLine = true
			}
		} else if addressDist < noAddress {
			addressDist++
		}
		space, lineStart = false, false
	}
	return toks
}

// scanDigits returns the end of the number starting at p: digits with "," thousands groups
// of exactly three digits, "." groups of three (274.460, 1.234.567) or one decimal part.
func scanDigits(rs []rune, p int) int {
	n := len(rs)
	q := p
	for q < n && isDigit(rs[q]) {
		q++
	}
	sawDot, sawComma := false, false
	for q+1 < n && (rs[q] == ',' || rs[q] == '.') && isDigit(rs[q+1]) {
		k := 0
		for q+1+k < n && isDigit(rs[q+1+k]) && k < 4 {
			k++
		}
		if rs[q] == ',' {
			// "1,5 مليون": a decimal comma, read only before a word (a scale).
			if (k == 1 || k == 2) && !sawDot && !sawComma && q == p+1 && letterAfter(rs, q+1+k) {
				q += 1 + k
				break
			}
			if k != 3 || sawDot {
				break
			}
			sawComma = true
			q += 4
			continue
		}
		if k == 3 && !sawComma {
			sawDot = true
			q += 4
			continue
		}
		if sawDot || sawComma && k == 3 {
			break
		}
		// A decimal part ends the number.
		q++
		for q < n && isDigit(rs[q]) {
			q++
		}
		break
	}
	return q
}

// cliticLetters may prefix a word: و ف ب ل ك.
func isClitic(r rune) bool { return r == 'و' || r == 'ف' || r == 'ب' || r == 'ل' || r == 'ك' }

const maxWordRunes = 24

// lookup finds a word, trying without one or two prefix clitics when the exact form is
// unknown. Stems shorter than three letters are only matched exactly (لست is not ل+ست).
// h is the word's wordHash.
func (s *Scanner) lookup(word []rune, arabic bool, h uint64) (*entry, uint8) {
	if len(word) > maxWordRunes {
		return nil, 0
	}
	if e := s.findHashed(word, h); e != nil {
		return e, 0
	}
	if !arabic || len(word) < 4 {
		return nil, 0
	}
	if isClitic(word[0]) {
		if e := s.find(word[1:]); e != nil && len(word)-1 >= 3 && !quantityNoun(word[0], word[1:]) {
			return e, 1
		}
		// لل is ل + ال with the alef dropped: للعشرات.
		if word[0] == 'ل' && word[1] == 'ل' {
			var buf [maxWordRunes + 1]rune
			buf[0] = 'ا'
			m := copy(buf[1:], word[1:])
			if e := s.find(buf[:m+1]); e != nil && e.flags&fDefinite != 0 {
				return e, 1
			}
		}
		if (word[0] == 'و' || word[0] == 'ف') && len(word) >= 5 && (word[1] == 'ب' || word[1] == 'ل' || word[1] == 'ك') {
			if e := s.find(word[2:]); e != nil && !quantityNoun(word[1], word[2:]) {
				return e, 2
			}
		}
	}
	return nil, 0
}

// quantityNoun reports whether clitic + rest is the noun كمية/كميات ("quantity"), which
// folds to ك + مية/ميات ("like a hundred", "like hundreds"): the noun is far the commoner
// reading ("كميات كبيرة من البيانات"), so it is never split.
func quantityNoun(clitic rune, rest []rune) bool {
	return clitic == 'ك' && len(rest) >= 3 && rest[0] == 'م' && rest[1] == 'ي'
}

func (s *Scanner) find(word []rune) *entry { return s.findHashed(word, wordHash(word)) }

func (s *Scanner) findHashed(word []rune, h uint64) *entry {
	if !s.lex.known.mayHold(h) {
		return nil
	}
	return s.lex.table.find(word, h)
}

// letterAfter: a letter follows position q, after at most one space.
func letterAfter(rs []rune, q int) bool {
	if q < len(rs) && rs[q] == ' ' {
		q++
	}
	return q < len(rs) && isLetter(rs[q])
}
