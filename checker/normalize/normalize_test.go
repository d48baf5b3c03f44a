package normalize_test

import (
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/normalize"
)

// offsetsOK checks the map's invariants: one offset per rune plus the end, non-decreasing,
// within the original, ending at its length.
func offsetsOK(original string, t *normalize.Text) {
	n := len([]rune(original))
	ExpectWithOffset(1, t.Offsets).To(HaveLen(len(t.Runes) + 1))
	for i := 1; i < len(t.Offsets); i++ {
		ExpectWithOffset(1, t.Offsets[i]).To(BeNumerically(">=", t.Offsets[i-1]))
	}
	ExpectWithOffset(1, int(t.Offsets[len(t.Offsets)-1])).To(Equal(n))
	if len(t.Offsets) > 1 {
		ExpectWithOffset(1, t.Offsets[0]).To(BeNumerically(">=", 0))
	}
}

var _ = Describe("String", func() {
	DescribeTable("folds the text and maps every character back",
		func(original, normalized string, offsets []int32) {
			t := normalize.String(original)
			Expect(string(t.Runes)).To(Equal(normalized))
			Expect(t.Offsets).To(Equal(offsets))
			offsetsOK(original, t)
		},
		Entry("ASCII unchanged, Latin lowercased", "Ab1", "ab1", []int32{0, 1, 2, 3}),
		Entry("diacritics dropped", "مِائَة", "مايه", []int32{0, 2, 3, 5, 6}),
		Entry("tanween dropped", "ألفاً", "الفا", []int32{0, 1, 2, 3, 5}),
		Entry("tatweel dropped", "بـ124", "ب124", []int32{0, 2, 3, 4, 5}),
		Entry("hamza and alef variants", "أإآٱ", "اااا", []int32{0, 1, 2, 3, 4}),
		Entry("ya and ta marbuta", "حوالى مئة", "حوالي ميه", []int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}),
		Entry("Arabic-Indic digits", "٢٠١٨", "2018", []int32{0, 1, 2, 3, 4}),
		Entry("Persian digits", "۱۲۳۴", "1234", []int32{0, 1, 2, 3, 4}),
		Entry("Arabic decimal and thousands separators", "٣٫٥ ١٬٠٠٠", "3.5 1,000", []int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}),
		Entry("Arabic percent sign", "٪20", "%20", []int32{0, 1, 2, 3}),
		Entry("NBSP to space", "tel\u00a0: 7", "tel : 7", []int32{0, 1, 2, 3, 4, 5, 6, 7}),
		Entry("CRLF kept, offsets exact", "a\r\nb", "a\r\nb", []int32{0, 1, 2, 3, 4}),
		Entry("lam-alef ligature U+FEFB expands to two letters on one offset", "\ufefbن", "لان", []int32{0, 0, 1, 2}),
		Entry("presentation form of beh", "\ufe91", "ب", []int32{0, 1}),
		Entry("byte order mark dropped", "\ufeff1", "1", []int32{1, 2}),
		Entry("zero-width and bidi marks dropped", "1\u200f2\u200e", "12", []int32{0, 2, 4}),
		Entry("en dash to hyphen", "20\u201330", "20-30", []int32{0, 1, 2, 3, 4, 5}),
		Entry("Arabic comma", "،", ",", []int32{0, 1}),
		Entry("empty", "", "", []int32{0}),
	)

	It("maps normalized spans back with Original", func() {
		original := "وانضمَّ نحو ٤٢ ألفاً"
		t := normalize.String(original)
		rs := []rune(original)
		view := string(t.Runes)
		start := len([]rune(view[:len("وانضم نحو ")]))
		end := len(t.Runes)
		Expect(string(rs[t.Original(start):t.Original(end)])).To(Equal("٤٢ ألفاً"))
		Expect(t.Slice(start, start+2)).To(Equal("42"))
		Expect(t.Original(-3)).To(Equal(0))
		Expect(t.Original(len(t.Offsets) + 5)).To(Equal(len(rs)))
	})

	It("keeps offsets exact on a seed line with no-break spaces", func() {
		original := "adresse:\u00a0نهج الحمايدية الطابق 4-41 تونس 1002\r\n"
		t := normalize.String(original)
		offsetsOK(original, t)
		rs := []rune(original)
		for i, r := range t.Runes {
			if r >= '0' && r <= '9' {
				Expect(rs[t.Original(i)]).To(Equal(r))
			}
		}
	})
})

var _ = Describe("ResetString", func() {
	DescribeTable("decodes and folds in one pass as []rune and Reset do, with byte checkpoints",
		func(original string) {
			var t normalize.Text
			// Recycled buffers, once too small and once larger than the text.
			for _, size := range []int{0, 4 * len(original)} {
				decoded, checkpoints := t.ResetString(original, make([]rune, 1, 1+size), make([]int32, 3, 3+size))
				Expect(decoded).To(Equal([]rune(original)))
				Expect(t.Runes).To(Equal(normalize.String(original).Runes))
				Expect(t.Offsets).To(Equal(normalize.String(original).Offsets))
				var want []int32
				characters := 0
				for at := range original { // each character's first byte; invalid bytes one each
					if characters%normalize.CheckpointEvery == 0 {
						want = append(want, int32(at))
					}
					characters++
				}
				if characters%normalize.CheckpointEvery == 0 {
					want = append(want, int32(len(original)))
				}
				Expect(checkpoints).To(Equal(want))

				// ResetOriginal fills the same view and checkpoints without the characters,
				// and its index maps every character back to its bytes.
				var indexed normalize.Text
				index := normalize.Original{Checkpoints: make([]int32, 2, 2+size)}
				indexed.ResetOriginal(original, &index)
				Expect(indexed.Runes).To(Equal(t.Runes))
				Expect(indexed.Offsets).To(Equal(t.Offsets))
				Expect(index.Checkpoints).To(Equal(want))
				Expect(index.Characters).To(Equal(characters))
				Expect(index.Text).To(Equal(original))
				var starts []int
				for at := range original {
					starts = append(starts, at)
				}
				starts = append(starts, len(original))
				for k, at := range starts {
					Expect(index.ByteOffset(k)).To(Equal(at))
				}
				Expect(index.ByteOffset(-1)).To(Equal(0))
				Expect(index.ByteOffset(characters + 5)).To(Equal(len(original)))
				for start := range starts {
					for _, end := range []int{start, start + 1, start + 31, start + 32, start + 33, characters} {
						end = min(end, characters)
						Expect(index.Slice(start, end)).To(Equal(original[starts[start]:starts[end]]), "characters [%d, %d)", start, end)
					}
				}
			}
		},
		Entry("empty", ""),
		Entry("ASCII, 32 characters exactly", "0123456789abcdefghijABCDEFGHIJ.,"),
		Entry("Arabic with diacritics, digits and a ligature", strings.Repeat("وانضمَّ نحو ٤٢ ألفاً ﻻن بـ١٢٤‏، ", 5)),
		Entry("three- and four-byte characters", strings.Repeat("€ 5 — 😀 «x» ", 9)),
		Entry("invalid bytes, read one by one", "a\xff\xc3(b\xe2\x82 \xf0\x9f\x98"+strings.Repeat("\x80", 40)),
	)
})

var _ = Describe("Word and Rune", func() {
	DescribeTable("Word folds a lexicon entry like the text",
		func(in, out string) { Expect(normalize.Word(in)).To(Equal(out)) },
		Entry("hamza on alef", "أكثر", "اكثر"),
		Entry("madda", "آلاف", "الاف"),
		Entry("alef maqsura", "حتى", "حتي"),
		Entry("hamza on ya", "مئات", "ميات"),
		Entry("ta marbuta", "قرابة", "قرابه"),
		Entry("tanween", "ألفاً", "الفا"),
		Entry("Latin case", "Telegram", "telegram"),
	)

	DescribeTable("Rune keeps or drops one character",
		func(in rune, out rune, keep bool) {
			f, k := normalize.Rune(in)
			Expect(k).To(Equal(keep))
			if keep {
				Expect(f).To(Equal(out))
			}
		},
		Entry("fatha", rune(0x064E), rune(0), false),
		Entry("superscript alef", rune(0x0670), rune(0), false),
		Entry("tatweel", rune(0x0640), rune(0), false),
		Entry("Arabic-Indic five", '٥', '5', true),
		Entry("Persian five", '۵', '5', true),
		Entry("NBSP", rune(0x00A0), ' ', true),
		Entry("narrow NBSP", rune(0x202F), ' ', true),
		Entry("Farsi yeh", 'ی', 'ي', true),
		Entry("keheh", 'ک', 'ك', true),
		Entry("minus sign", rune(0x2212), '-', true),
		Entry("Greek capital", 'Σ', 'σ', true),
	)
})
