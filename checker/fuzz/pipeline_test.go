package fuzz

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimcheck/claimcheck/checker/corpus"
	"github.com/claimcheck/claimcheck/checker/extract"
	"github.com/claimcheck/claimcheck/checker/rules"
)

func newExtractor(tb testing.TB) *extract.Extractor {
	tb.Helper()
	pack, err := rules.Load(rules.Layer{FS: os.DirFS("../../rules/default"), Name: "rules/default"})
	if err != nil {
		tb.Fatal(err)
	}
	return extract.New(pack)
}

// badFiles writes the bad inputs of the brief at a given size: one line without a newline,
// a file of only digits, and random bytes.
func badFiles(tb testing.TB, dir string, size int) map[string]string {
	tb.Helper()
	rng := rand.New(rand.NewSource(5))
	sentence := "وانضم نحو 42 ألف شخص بين عامي 2011 و2016، بينهم أكثر من خمسة آلاف شخص، وأغلقت «تليجرام» 60 قناة يومياً، Twitter suspended 274,460 accounts; "
	binary := make([]byte, size)
	rng.Read(binary)
	contents := map[string][]byte{
		"single-line.txt": []byte(strings.Repeat(sentence, size/len(sentence)+1)[:size]),
		"digits.txt":      []byte(strings.Repeat("0123456789", size/10+1)[:size]),
		"binary.txt":      binary,
	}
	paths := map[string]string{}
	for name, data := range contents {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			tb.Fatal(err)
		}
		paths[name] = path
	}
	return paths
}

// readBad loads and extracts one bad file through the corpus loader, as the CLI does, and
// checks what comes out. A binary file is refused by the loader with a positioned error; its
// bytes are then read as text anyway (invalid UTF-8 replaced) to exercise the extractor.
func readBad(tb testing.TB, x *extract.Extractor, path string) int {
	tb.Helper()
	articles, errs := corpus.New(corpus.WithMaxBytes(64 << 20)).Load([]string{path})
	if len(articles) == 0 {
		if len(errs) == 0 {
			tb.Fatalf("%s: neither an article nor an error", path)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		articles = []*corpus.Article{{Path: path, Text: strings.ToValidUTF8(string(data), "\uFFFD")}}
	}
	mentions := 0
	for _, a := range articles {
		n := utf8.RuneCountInString(a.Text)
		last := -1
		for _, c := range x.Article(a) {
			if c.Start < 0 || c.End > n || c.Start > c.End || c.Start < last {
				tb.Fatalf("%s: mention %q at [%d, %d) outside or out of order (text of %d characters)", path, c.Text, c.Start, c.End, n)
			}
			last = c.Start
			mentions++
		}
	}
	return mentions
}

// The brief's bad inputs through the whole pipeline (loader, normalize, numbers, extract):
// no panic, no hang, offsets inside the text. The test runs them at 2 MB to keep `make test`
// fast on a shared machine; BenchmarkBadInput runs the brief's 50 MB (make bench).
func TestBadInputPipeline(t *testing.T) {
	x := newExtractor(t)
	for name, path := range badFiles(t, t.TempDir(), 2<<20) {
		t.Run(name, func(t *testing.T) {
			readBad(t, x, path)
		})
	}
}

func BenchmarkBadInput(b *testing.B) {
	x := newExtractor(b)
	const size = 50 << 20
	paths := badFiles(b, b.TempDir(), size)
	for _, name := range []string{"single-line.txt", "digits.txt", "binary.txt"} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				readBad(b, x, paths[name])
			}
		})
	}
}

// FuzzExtract runs the whole reading of an article (normalize, numbers, extract) on any text:
// no panic, offsets inside the text and in order, low ≤ value ≤ high.
func FuzzExtract(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	x := newExtractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		a := &corpus.Article{Path: "fuzz.txt", Text: s}
		n := utf8.RuneCountInString(s)
		last := -1
		for _, c := range x.Article(a) {
			if c.Start < 0 || c.End > n || c.Start > c.End || c.Start < last {
				t.Fatalf("mention %q at [%d, %d) outside or out of order (%d characters)", c.Text, c.Start, c.End, n)
			}
			last = c.Start
			if c.Interval.Low > c.Interval.High {
				t.Fatalf("mention %q: interval %v", c.Text, c.Interval)
			}
		}
	})
}
