package report_test

import (
	"io"
	"testing"

	"github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/report"
)

// countingWriter counts what a formatter writes, so that the benchmark measures rendering and
// not a growing buffer.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)

// benchmarkFormat renders findings findings (the fixture's, repeated with distinct
// fingerprints) and reports the size of one report next to the time.
func benchmarkFormat(b *testing.B, name string, findings int) {
	gomega.RegisterTestingT(b)
	result := manyFindings(findings)
	formatter, err := report.New(name, report.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var size countingWriter
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		size = countingWriter{}
		if err := formatter.Format(&size, result); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size.n), "bytes/report")
}

func BenchmarkHTML10000(b *testing.B)     { benchmarkFormat(b, "html", 10000) }
func BenchmarkJSON10000(b *testing.B)     { benchmarkFormat(b, "json", 10000) }
func BenchmarkText10000(b *testing.B)     { benchmarkFormat(b, "text", 10000) }
func BenchmarkSARIF10000(b *testing.B)    { benchmarkFormat(b, "sarif", 10000) }
func BenchmarkMarkdown10000(b *testing.B) { benchmarkFormat(b, "markdown", 10000) }
