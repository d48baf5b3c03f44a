package normalize_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimcheck/claimcheck/checker/normalize"
)

// BenchmarkResetOriginal normalizes the seed articles (Arabic and English news) as the
// extractor does, reusing one Text and one Original:
//
//	go test ./checker/normalize -run '^$' -bench .
func BenchmarkResetOriginal(b *testing.B) {
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) == 0 {
		b.Skip("no seed articles")
	}
	var all strings.Builder
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		all.Write(data)
	}
	s := all.String()
	var t normalize.Text
	var original normalize.Original
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		t.ResetOriginal(s, &original)
	}
}
