package normalize

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text is the normalized view of a string with its offset map.
type Text struct {
	// Runes is the normalized text.
	Runes []rune
	// Offsets[i] is the character offset in the original of Runes[i]; Offsets[len(Runes)] is
	// the original's length, so a half-open span maps with Original(start), Original(end).
	// int32: half the memory of int, and articles are far below 2^31 characters.
	Offsets []int32
}

// String normalizes s.
func String(s string) *Text {
	t := &Text{}
	t.Reset(s)
	return t
}

// Reset normalizes s into t, reusing t's buffers: a reader of many articles keeps one Text
// and allocates nothing once the buffers have grown to the largest article.
func (t *Text) Reset(s string) { t.ResetRunes([]rune(s)) }

// ResetRunes is Reset for a text already decoded into runes (one decoding pass fewer).
func (t *Text) ResetRunes(s []rune) {
	if cap(t.Runes) < len(s) || cap(t.Offsets) < len(s)+1 {
		// Folding never lengthens the text except for ligatures, which the slow path grows for.
		t.Runes = make([]rune, 0, len(s))
		t.Offsets = make([]int32, 0, len(s)+1)
	}
	// The fast path writes by index into the full buffers; n is the length so far.
	runes, offsets := t.Runes[:cap(t.Runes)], t.Offsets[:cap(t.Offsets)]
	n := 0
	for i, r := range s {
		// Fast path: ASCII lower-case and digits, and the Arabic letters that fold to
		// themselves, are kept as they are.
		if keepsItself(r) && n < len(runes) && n < len(offsets) {
			runes[n], offsets[n] = r, int32(i)
			n++
			continue
		}
		t.Runes, t.Offsets = runes[:n], offsets[:n]
		t.appendFolded(r, int32(i))
		n = len(t.Runes)
		runes, offsets = t.Runes[:cap(t.Runes)], t.Offsets[:cap(t.Offsets)]
	}
	t.Runes, t.Offsets = runes[:n], append(offsets[:n], int32(len(s)))
}

// CheckpointEvery is the spacing, in characters, of the byte offsets ResetString records.
const CheckpointEvery = 32

// ResetString is Reset for a reader that also needs the original's characters and a way back
// to its bytes: decoded receives the characters of s (as []rune(s) decodes them) and
// checkpoints the byte offset of every CheckpointEvery-th character, and of the end when the
// count of characters is a multiple of CheckpointEvery. Both reuse the storage given, and
// are returned.
func (t *Text) ResetString(s string, decoded []rune, checkpoints []int32) ([]rune, []int32) {
	_, checkpoints = t.reset(s, checkpoints)
	// len(s) bytes hold at most as many characters.
	if cap(decoded) < len(s) {
		decoded = make([]rune, 0, len(s))
	}
	decoded = decoded[:0]
	for _, r := range s {
		decoded = append(decoded, r)
	}
	return decoded, checkpoints
}

// ResetOriginal is ResetString for a reader that needs the original's characters only here
// and there (the texts of a few mentions): o indexes s by its checkpoints instead of holding
// its characters, which spares writing four bytes a character. o's buffers are reused.
func (t *Text) ResetOriginal(s string, o *Original) {
	o.Text = s
	o.Characters, o.Checkpoints = t.reset(s, o.Checkpoints)
}

// reset normalizes s into t in one decoding pass and records its checkpoints
// (ResetString). It returns the count of characters.
func (t *Text) reset(s string, checkpoints []int32) (int, []int32) {
	if cap(t.Runes) < len(s) || cap(t.Offsets) < len(s)+1 {
		t.Runes = make([]rune, 0, len(s))
		t.Offsets = make([]int32, 0, len(s)+1)
	}
	checkpoints = checkpoints[:0]
	// As in ResetRunes, the fast path writes by index into the full buffers; n is the
	// normalized length so far, i the count of characters.
	runes, offsets := t.Runes[:cap(t.Runes)], t.Offsets[:cap(t.Offsets)]
	n, i, at := 0, 0, 0
	for at < len(s) {
		// A block of CheckpointEvery characters starts here: its loop has no checkpoint to
		// keep (the fewer values the loop holds, the fewer it spills to memory).
		checkpoints = append(checkpoints, int32(at))
		for blockEnd := i + CheckpointEvery; i < blockEnd && at < len(s); i++ {
			// ASCII and two-byte characters (Arabic) inline and without a branch between
			// them (an Arabic article switches between the two at every space); the rest,
			// and invalid bytes, as utf8 decodes them.
			c, next := s[at], byte(0)
			if at+1 < len(s) {
				next = s[at+1]
			}
			size := int(leadSize[c])
			var r rune
			if size == 0 || size-int(continuation[next]) > 1 {
				r, size = utf8.DecodeRuneInString(s[at:])
			} else {
				two := -rune(size - 1) // all ones for a two-byte character, else zero
				r = rune(c)&^two | (rune(c&0x1F)<<6|rune(next&0x3F))&two
			}
			at += size
			// Below U+0800 (Latin, Arabic: nearly every character of an article) the fold
			// is one table load, punctuation, capitals and the folded Arabic letters
			// included.
			if r < foldedBelow && n < len(runes) && n < len(offsets) {
				if f := foldTable[r]; f >= 0 {
					runes[n], offsets[n] = f, int32(i)
					n++
				}
				continue
			}
			t.Runes, t.Offsets = runes[:n], offsets[:n]
			t.appendFolded(r, int32(i))
			n = len(t.Runes)
			runes, offsets = t.Runes[:cap(t.Runes)], t.Offsets[:cap(t.Offsets)]
		}
	}
	if i%CheckpointEvery == 0 {
		checkpoints = append(checkpoints, int32(len(s)))
	}
	t.Runes, t.Offsets = runes[:n], append(offsets[:n], int32(i))
	return i, checkpoints
}

// Original is an original text indexed by character without being decoded: the byte offset
// of every CheckpointEvery-th character (ResetOriginal).
type Original struct {
	Text string
	// Characters is the text's length in characters (invalid bytes count one each).
	Characters int
	// Checkpoints[k] is the byte offset of character k*CheckpointEvery.
	Checkpoints []int32
}

// ByteOffset maps a character offset to its byte offset: from the checkpoint at or before
// it, decoding at most CheckpointEvery-1 characters forward. Offsets outside the text are
// clamped to it.
func (o *Original) ByteOffset(characters int) int {
	characters = max(0, min(characters, o.Characters))
	k := characters / CheckpointEvery
	return o.forward(k*CheckpointEvery, int(o.Checkpoints[k]), characters)
}

// Slice returns the original text of the characters [start, end) (no copy).
func (o *Original) Slice(start, end int) string {
	startByte := o.ByteOffset(start)
	end = max(0, min(end, o.Characters))
	// The end from the start when no checkpoint lies between them: fewer characters to step.
	if start = max(0, start); start <= end && end/CheckpointEvery*CheckpointEvery <= start {
		return o.Text[startByte:o.forward(start, startByte, end)]
	}
	return o.Text[startByte:o.ByteOffset(end)]
}

// forward steps from character from, at byte at, to character to, and returns its byte
// offset. It reads each character's length from its first bytes (as utf8 decodes it), with
// ASCII and two-byte characters inline.
func (o *Original) forward(from, at, to int) int {
	text := o.Text
	for ; from < to && at < len(text); from++ {
		if c := text[at]; c < 0x80 {
			at++
		} else if c >= 0xC2 && c <= 0xDF && at+1 < len(text) && text[at+1]&0xC0 == 0x80 {
			at += 2
		} else {
			_, size := utf8.DecodeRuneInString(text[at:])
			at += size
		}
	}
	return at
}

// leadSize[c] is the length of the character a byte starts when it is ASCII (1) or the lead
// of a two-byte character (2), else 0; continuation[c] is 1 for a continuation byte.
var leadSize, continuation = func() (lead, cont [256]uint8) {
	for c := range 256 {
		switch {
		case c < 0x80:
			lead[c] = 1
		case c >= 0xC2 && c <= 0xDF:
			lead[c] = 2
		}
		if c&0xC0 == 0x80 {
			cont[c] = 1
		}
	}
	return lead, cont
}()

// foldedBelow bounds foldTable: Latin and Arabic, and no presentation form (which may fold
// to several characters).
const foldedBelow = 0x800

// foldTable[r] is Rune(r) for the characters below foldedBelow, -1 for those the view drops.
var foldTable = func() (table [foldedBelow]rune) {
	for r := range table {
		if f, keep := Rune(rune(r)); keep {
			table[r] = f
		} else {
			table[r] = -1
		}
	}
	return table
}()

// keepsItself reports whether r is its own normalized form and never dropped: ASCII
// lower-case letters, digits and the space, and the Arabic letters that fold to themselves.
// Bit masks answer in one test each, before the full fold.
func keepsItself(r rune) bool {
	if r < 0x80 {
		return asciiKept[r>>6]&(1<<(r&63)) != 0
	}
	d := uint32(r - arabicFirst)
	return d < 64 && arabicKept&(1<<d) != 0
}

const arabicFirst = 'ء'

var (
	asciiKept  = keptMask(0, 128)
	arabicKept = keptMask(arabicFirst, 64)[0]
)

// keptMask builds the bit mask of the characters in [first, first+n) that keep themselves,
// from the explicit test.
func keptMask(first rune, n int) [2]uint64 {
	var mask [2]uint64
	for k := 0; k < n; k++ {
		r := first + rune(k)
		if (r >= 'a' && r <= 'z') || r == ' ' || (r >= '0' && r <= '9') ||
			(r >= 'ء' && r <= 'غ' && r != 'أ' && r != 'إ' && r != 'آ' && r != 'ئ' && r != 'ؤ' && r != 'ة') || (r >= 'ف' && r <= 'ي' && r != 'ى') {
			mask[k>>6] |= 1 << (k & 63)
		}
	}
	return mask
}

// Original maps a normalized offset back to a character offset in the original text.
func (t *Text) Original(i int) int {
	if i < 0 {
		return 0
	}
	if i >= len(t.Offsets) {
		return int(t.Offsets[len(t.Offsets)-1])
	}
	return int(t.Offsets[i])
}

// Slice returns the normalized runes in [start, end) as a string.
func (t *Text) Slice(start, end int) string { return string(t.Runes[start:end]) }

func (t *Text) appendFolded(r rune, offset int32) {
	if isPresentationForm(r) {
		for _, folded := range norm.NFKC.String(string(r)) {
			if f, keep := Rune(folded); keep {
				t.Runes = append(t.Runes, f)
				t.Offsets = append(t.Offsets, offset)
			}
		}
		return
	}
	if f, keep := Rune(r); keep {
		t.Runes = append(t.Runes, f)
		t.Offsets = append(t.Offsets, offset)
	}
}

func isPresentationForm(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF && r != 0xFEFF)
}

// Rune folds one character; keep is false for characters the view drops (diacritics,
// tatweel, zero-width marks, the byte order mark).
func Rune(r rune) (folded rune, keep bool) {
	switch {
	case r >= '0' && r <= '9', r >= 'a' && r <= 'z':
		return r, true
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A'), true
	case r >= '٠' && r <= '٩': // Arabic-Indic digits
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹': // Persian (extended Arabic-Indic) digits
		return '0' + (r - '۰'), true
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640: // harakat, superscript alef, tatweel
		return 0, false
	case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F, r == 0xFEFF,
		r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069: // zero-width and bidi controls
		return 0, false
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا', true
	case 'ى':
		return 'ي', true
	case 'ئ':
		return 'ي', true
	case 'ؤ':
		return 'و', true
	case 'ة':
		return 'ه', true
	case 'ک':
		return 'ك', true
	case 'ی':
		return 'ي', true
	case '٫':
		return '.', true
	case '٬', '،':
		return ',', true
	case '٪':
		return '%', true
	case '؛':
		return ';', true
	case '؟':
		return '?', true
	case 0x00A0, 0x2007, 0x202F, 0x2009, 0x200A, '\t':
		return ' ', true
	case '\u2013', '\u2014', '\u2212':
		return '-', true
	}
	if r < 0x80 || (r >= 0x0600 && r <= 0x06FF) {
		return r, true // no case in Arabic; ASCII upper case is handled above
	}
	if unicode.IsUpper(r) {
		return unicode.ToLower(r), true
	}
	return r, true
}

// Word normalizes a lexicon entry the same way as article text, so that aliases and text
// meet in one spelling.
func Word(s string) string { return string(String(s).Runes) }
