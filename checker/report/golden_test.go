package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/report"
)

const goldenDir = "../../fixtures/report/golden"

// goldens names each format's golden file.
var goldens = map[string]string{
	"text":     "text.txt",
	"json":     "json.json",
	"html":     "html.html",
	"sarif":    "sarif.sarif",
	"junit":    "junit.xml",
	"markdown": "markdown.md",
}

func render(name string, options report.Options, result *report.Result) []byte {
	formatter, err := report.New(name, options)
	ExpectWithOffset(1, err).NotTo(HaveOccurred())
	var out bytes.Buffer
	ExpectWithOffset(1, formatter.Format(&out, result)).To(Succeed())
	return out.Bytes()
}

var _ = Describe("formatters", func() {
	var result *report.Result
	BeforeEach(func() { result = fixtureResult() })

	It("registers every format the CLI offers", func() {
		Expect(report.Names()).To(ConsistOf("text", "json", "html", "sarif", "junit", "markdown"))
	})

	It("rejects an unknown format and lists the valid ones", func() {
		_, err := report.New("yaml", report.Options{})
		Expect(err).To(MatchError(ContainSubstring(`unknown format "yaml"`)))
		for _, name := range report.Names() {
			Expect(err.Error()).To(ContainSubstring(name))
		}
	})

	for name, file := range goldens {
		It("matches the golden "+file, func() {
			if _, err := report.New(name, report.Options{}); err != nil {
				Skip(err.Error())
			}
			got := render(name, report.Options{}, result)
			path := filepath.Join(goldenDir, file)
			if *update {
				Expect(os.WriteFile(path, got, 0o644)).To(Succeed())
				return
			}
			want, err := os.ReadFile(path)
			Expect(err).NotTo(HaveOccurred(), "no golden file; run go test ./checker/report/... -update")
			if !bytes.Equal(got, want) {
				Fail(fmt.Sprintf("%s differs from the golden file (rerun with -update if intended):\n%s",
					name, unifiedDiff(string(want), string(got))))
			}
		})

		It("writes "+name+" deterministically", func() {
			if _, err := report.New(name, report.Options{}); err != nil {
				Skip(err.Error())
			}
			Expect(render(name, report.Options{}, result)).To(Equal(render(name, report.Options{}, fixtureResult())))
		})
	}
})

var _ = Describe("a saved JSON run", func() {
	// claimcheck report --from re-renders a saved run: every format must come out byte for
	// byte as it did from the run itself, so claims and findings must survive JSON.
	for _, source := range []struct {
		name   string
		result func() *report.Result
	}{{"the seeds fixture", fixtureResult}, {"hostile text in every field", hostileResult}} {
		It("renders "+source.name+" identically in every format", func() {
			direct := source.result()
			var back report.Result
			Expect(json.Unmarshal(render("json", report.Options{}, direct), &back)).To(Succeed())
			for _, name := range report.Names() {
				for _, color := range []bool{false, true} {
					options := report.Options{Color: color}
					Expect(string(render(name, options, &back))).To(Equal(string(render(name, options, direct))), "%s (colour %v)", name, color)
				}
			}
		})
	}
})

type diffLine struct {
	mark byte
	text string
}

// unifiedDiff is a small line diff (longest common subsequence) with three lines of context,
// enough to read a golden-file mismatch.
func unifiedDiff(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var lines []diffLine
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			lines = append(lines, diffLine{' ', a[i]})
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			lines = append(lines, diffLine{'+', b[j]})
			j++
		default:
			lines = append(lines, diffLine{'-', a[i]})
			i++
		}
	}
	// Keep the changed lines and three lines around each; mark gaps with @@.
	const context = 3
	keep := make([]bool, len(lines))
	for k, l := range lines {
		if l.mark != ' ' {
			for c := max(k-context, 0); c <= min(k+context, len(lines)-1); c++ {
				keep[c] = true
			}
		}
	}
	var out strings.Builder
	out.WriteString("--- golden\n+++ got\n")
	for k, l := range lines {
		if !keep[k] {
			continue
		}
		if k > 0 && !keep[k-1] {
			out.WriteString("@@\n")
		}
		fmt.Fprintf(&out, "%c%s\n", l.mark, l.text)
	}
	return out.String()
}
