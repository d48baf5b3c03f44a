package fuzz

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/claimcheck/claimcheck/checker/normalize"
	"github.com/claimcheck/claimcheck/checker/numbers"
)

var scanner = numbers.New()

var seeds = []string{
	"وانضم نحو 42 ألف شخص لتنظيم داعش الإرهابي بين عامي 2011 و2016، بينهم أكثر من خمسة آلاف شخص",
	"وما يزال بين 500 و550 أوروبيا. تأتي ألمانيا بـ124 بالغا و138 طفلا",
	"تم إيقاف حوالى 274.460 حساب؛ حذف 1.2 مليون حساب؛ 636.248 ألف؛ 26 000",
	"«انستجرام»50 ألف حساب، حذف منها 15 ألفا، عشرات الآلاف، ما يزيد على مائة فيديو",
	"عاد ثلثهم، 80 % من أنصار، %20، ٪45، 20 في المئة، 1 من أصل 6",
	"ما بين 27 و31 ألف، من 20 إلى 30، 20-30، ثلاثة وعشرين ألفاً، مائة وخمسون",
	"في التاسع من أكتوبر/تشرين الأول، الثالث والعشرين منه، النصف الثانى من عام 2017",
	"adresse:\u00a0نهج الحمايدية الطابق 4-41 تونس 1002\n\u00a0\ntel\u00a0: 71905125\n fax:\u00a071905115",
	"\n1- فيس بوك داعش\n2. item [6] 10:30 +216 71 905 125",
	"  • | الأحد, 29 أبريل, 2018; 21-24 November; October 8, 2019; aged 25; 18-24 year-olds",
	"about 300 people, more than 5,000, tens of thousands, two hundred and fifty, a third of them",
	"مِائَةُ \ufefbن بـــ١٢٤ ۴۵\r\n\u200f٣٫٥",
	"1,2,3,,4..5.666.7777 ,000 0.0.0 9999999999999999999999999",
	"هاتف 71 905 125 123 123 123 123 123 123 123; 7 ملايين و500 ألف؛ قرابة 1,5 مليون؛ 2 من كل 5؛ نحو 20 إلى 30 ألفا",
	"",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := normalize.String(s)
		n := utf8.RuneCountInString(s)
		if len(text.Offsets) != len(text.Runes)+1 {
			t.Fatalf("%d offsets for %d runes", len(text.Offsets), len(text.Runes))
		}
		if int(text.Offsets[len(text.Offsets)-1]) != n {
			t.Fatalf("last offset %d, want %d", text.Offsets[len(text.Offsets)-1], n)
		}
		for i, o32 := range text.Offsets {
			o := int(o32)
			if o < 0 || o > n {
				t.Fatalf("offset %d = %d outside [0, %d]", i, o, n)
			}
			if i > 0 && o32 < text.Offsets[i-1] {
				t.Fatalf("offsets decrease at %d", i)
			}
		}
		// The one-pass reader of strings agrees with Reset and decodes as []rune does.
		var one normalize.Text
		decoded, checkpoints := one.ResetString(s, nil, nil)
		if string(decoded) != string([]rune(s)) || !slices.Equal(one.Runes, text.Runes) || !slices.Equal(one.Offsets, text.Offsets) {
			t.Fatalf("ResetString differs from String on %q", s)
		}
		if want := n/normalize.CheckpointEvery + 1; len(checkpoints) != want {
			t.Fatalf("%d checkpoints for %d characters, want %d", len(checkpoints), n, want)
		}
		for k, at := range checkpoints {
			if k*normalize.CheckpointEvery < n && utf8.RuneCountInString(s[:at]) != k*normalize.CheckpointEvery {
				t.Fatalf("checkpoint %d at byte %d", k, at)
			}
		}
		// The reader without decoded characters agrees, and its index finds every
		// character's bytes.
		var indexed normalize.Text
		var original normalize.Original
		indexed.ResetOriginal(s, &original)
		if original.Characters != n || !slices.Equal(original.Checkpoints, checkpoints) || !slices.Equal(indexed.Runes, text.Runes) || !slices.Equal(indexed.Offsets, text.Offsets) {
			t.Fatalf("ResetOriginal differs from ResetString on %q", s)
		}
		at := 0
		for k := 0; k <= n; k++ {
			if got := original.ByteOffset(k); got != at {
				t.Fatalf("character %d: byte %d, want %d", k, got, at)
			}
			if at < len(s) {
				_, size := utf8.DecodeRuneInString(s[at:])
				at += size
			}
		}
		for start := 0; start <= n; start += 7 {
			for _, end := range []int{start, start + 1, start + 40, n} {
				end = min(end, n)
				if got, want := original.Slice(start, end), s[original.ByteOffset(start):original.ByteOffset(end)]; got != want {
					t.Fatalf("characters [%d, %d): %q, want %q", start, end, got, want)
				}
			}
		}
		// Normalizing is idempotent on the view.
		again := normalize.String(string(text.Runes))
		if string(again.Runes) != string(text.Runes) {
			t.Fatalf("not idempotent: %q -> %q", string(text.Runes), string(again.Runes))
		}
	})
}

func FuzzScan(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	if files, _ := filepath.Glob("../../seeds/*.txt"); len(files) > 0 {
		for _, path := range files {
			if data, err := os.ReadFile(path); err == nil {
				f.Add(string(data))
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkScan(t, s)
	})
}

// checkScan asserts the properties every scan must have.
func checkScan(t *testing.T, s string) {
	t.Helper()
	original := []rune(s)
	text := normalize.String(s)
	qs := scanner.Scan(text, original)
	// The scan of a text indexed by checkpoints finds the same mentions with the same texts.
	var indexedText normalize.Text
	var index normalize.Original
	indexedText.ResetOriginal(s, &index)
	indexed := scanner.AppendScanOriginal(nil, &indexedText, &index)
	if len(indexed) != len(qs) {
		t.Fatalf("AppendScanOriginal found %d mentions, AppendScan %d", len(indexed), len(qs))
	}
	last := -1
	for k, q := range qs {
		if q.Start < 0 || q.Start > q.End || q.End > len(original) {
			t.Fatalf("mention %d: span [%d, %d) outside [0, %d]", k, q.Start, q.End, len(original))
		}
		if q.NormStart < 0 || q.NormStart > q.NormEnd || q.NormEnd > len(text.Runes) {
			t.Fatalf("mention %d: normalized span [%d, %d) outside [0, %d]", k, q.NormStart, q.NormEnd, len(text.Runes))
		}
		if q.Text != string(original[q.Start:q.End]) {
			t.Fatalf("mention %d: text %q, original has %q", k, q.Text, string(original[q.Start:q.End]))
		}
		got, want := indexed[k], q
		if math.IsNaN(got.Value) && math.IsNaN(want.Value) {
			got.Value, want.Value = 0, 0 // NaN (a vague figure) equals nothing, itself included
		}
		if got != want {
			t.Fatalf("mention %d: AppendScanOriginal read %+v, AppendScan %+v", k, indexed[k], q)
		}
		if q.Start < last {
			t.Fatalf("mention %d: not sorted by start", k)
		}
		last = q.Start
		iv := q.Interval
		if math.IsNaN(iv.Low) || math.IsNaN(iv.High) || iv.Low > iv.High {
			t.Fatalf("mention %d %q: bad interval %+v", k, q.Text, iv)
		}
		if !math.IsNaN(q.Value) && !math.IsInf(q.Value, 0) {
			if q.Value < iv.Low || q.Value > iv.High {
				t.Fatalf("mention %d %q: value %v outside %v", k, q.Text, q.Value, iv)
			}
		}
		if q.Kind == "" != q.IsClaim {
			t.Fatalf("mention %d %q: is_claim %v with kind %q", k, q.Text, q.IsClaim, q.Kind)
		}
	}
}
