package extract_test

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/gold"
	"github.com/claimcheck/claimcheck/checker/normalize"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// Isolated presentation forms (U+FE70–U+FEFF) of Arabic letters; NFKC folds each to its letter.
var presentationForms = map[rune]rune{
	'ا': 0xFE8D, 'ب': 0xFE8F, 'ت': 0xFE95, 'ث': 0xFE99, 'ج': 0xFE9D, 'ح': 0xFEA1, 'خ': 0xFEA5, 'د': 0xFEA9,
	'ذ': 0xFEAB, 'ر': 0xFEAD, 'ز': 0xFEAF, 'س': 0xFEB1, 'ش': 0xFEB5, 'ص': 0xFEB9, 'ض': 0xFEBD, 'ط': 0xFEC1,
	'ظ': 0xFEC5, 'ع': 0xFEC9, 'غ': 0xFECD, 'ف': 0xFED1, 'ق': 0xFED5, 'ك': 0xFED9, 'ل': 0xFEDD, 'م': 0xFEE1,
	'ن': 0xFEE5, 'ه': 0xFEE9, 'و': 0xFEED, 'ي': 0xFEF1,
}

// respell rewrites a text the way other outlets and keyboards write the same words: final
// ي/ى swapped, ة written ه, hamza seats dropped (أ/إ/آ → ا), letters as presentation forms,
// diacritics and tatweel inserted. It returns the new text and, for every character offset of
// the old text (and its end), the offset of the same character in the new one.
func respell(text string, rng *rand.Rand) (string, []int) {
	runes := []rune(text)
	var b strings.Builder
	at := make([]int, 0, len(runes)+1)
	n := 0
	write := func(r rune) { b.WriteRune(r); n++ }
	for i, r := range runes {
		at = append(at, n)
		wordEnd := i+1 == len(runes) || !isArabicLetter(runes[i+1])
		switch {
		case r == 'ي' && wordEnd && rng.Intn(2) == 0:
			r = 'ى'
		case r == 'ى' && rng.Intn(2) == 0:
			r = 'ي'
		case r == 'ة' && rng.Intn(2) == 0:
			r = 'ه'
		case (r == 'أ' || r == 'إ' || r == 'آ') && rng.Intn(2) == 0:
			r = 'ا'
		case presentationForms[r] != 0 && rng.Intn(8) == 0:
			r = presentationForms[r]
		}
		write(r)
		if isArabicLetter(runes[i]) && !wordEnd {
			switch rng.Intn(10) {
			case 0:
				write('\u064E') // fatha
			case 1:
				write('\u0640') // tatweel
			case 2:
				write('\u0651') // shadda
			}
		}
	}
	at = append(at, n)
	return b.String(), at
}

func isArabicLetter(r rune) bool { return r >= 0x0621 && r <= 0x064A }

// meaning is what a mention says, without its spelling: the same under any respelling.
func meaning(c claim.Claim, at []int) string {
	start, end := c.Start, c.End
	if at != nil {
		start, end = at[start], at[end]
	}
	return fmt.Sprintf("%d-%d claim=%v kind=%s value=%v interval=%v qualifier=%s unit=%s metric=%s subject=%s rate=%s period=%v whole=%v attribution=%s",
		start, end, c.IsClaim, c.Kind, c.Value, c.Interval, c.Qualifier, c.Unit, c.Metric, c.Subject, c.Rate, c.Period, c.Whole,
		string(normalize.String(c.Attribution).Runes))
}

var _ = Describe("spelling variants", func() {
	It("never change what is read from the gold passages", func() {
		files, err := gold.Load(repositoryRoot, filepath.Join(repositoryRoot, "fixtures", "gold"))
		Expect(err).NotTo(HaveOccurred())
		x := newExtractor()
		rng := rand.New(rand.NewSource(3))
		changed := 0
		for _, file := range files {
			for round := 0; round < 3; round++ {
				text, at := respell(file.Article.Text, rng)
				if text != file.Article.Text {
					changed++
				}
				variant := *file.Article
				variant.Text = text
				variant.BodyStart = at[file.Article.BodyStart]
				var want, got []string
				for _, c := range x.Article(file.Article) {
					want = append(want, meaning(c, at))
				}
				for _, c := range x.Article(&variant) {
					got = append(got, meaning(c, nil))
				}
				Expect(got).To(Equal(want), "%s, round %d", file.Path, round)
			}
		}
		Expect(changed).To(BeNumerically(">", 60), "the respelling must change most texts")
	})
})
