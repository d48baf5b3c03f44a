package checker_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimcheck/claimcheck/checker"
)

// draftOfWords builds an n-word draft from the seed articles' own text, so that it holds as
// many figures as real copy and repeats some of the archive's.
func draftOfWords(tb testing.TB, n int) string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seed articles: %v", err)
	}
	var words []string
	for len(words) < n {
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				tb.Fatal(err)
			}
			words = append(words, strings.Fields(string(data))...)
		}
	}
	return strings.Join(words[:n], " ")
}

// BenchmarkCheckDraft checks a 1,000-word draft against the seed archive, read once.
func BenchmarkCheckDraft(b *testing.B) {
	c, err := checker.New(checker.WithRules(os.DirFS("../rules/default"), "rules/default"))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	archive, err := c.Extract(ctx, []string{seeds})
	if err != nil {
		b.Fatal(err)
	}
	text := draftOfWords(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		draft, err := c.ExtractDraft(ctx, checker.Draft{Name: "draft", Text: strings.NewReader(text), Date: "2018-05-01"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.CheckDraft(ctx, draft, archive); err != nil {
			b.Fatal(err)
		}
	}
}
