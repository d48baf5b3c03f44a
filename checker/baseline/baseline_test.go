package baseline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/baseline"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/source"
)

const (
	contradiction = "تقول إدارة تطبيق «تليجرام» إنها تقوم بإغلاق 60 قناة مرتبطة بداعش يومياً، وأن هذا الرقم يصل إلى أكثر من 2000 قناة شهرياً."
	consistent    = "تقول إدارة تطبيق «تليجرام» إنها تقوم بإغلاق 60 قناة مرتبطة بداعش يومياً، وأن هذا الرقم يصل إلى 1800 قناة شهرياً."
)

// checkText checks a one-article corpus holding text.
func checkText(dir, text string) *report.Result {
	GinkgoHelper()
	Expect(os.WriteFile(filepath.Join(dir, "article.txt"), []byte("---\ndate: 2018-04-10\n---\n"+text+"\n"), 0o644)).To(Succeed())
	c, err := checker.New(checker.WithRules(os.DirFS("../../rules/default"), "rules/default"))
	Expect(err).NotTo(HaveOccurred())
	result, err := c.Check(context.Background(), []string{dir})
	Expect(err).NotTo(HaveOccurred())
	return result
}

func roundTrip(file *baseline.File) *baseline.File {
	GinkgoHelper()
	var out bytes.Buffer
	Expect(file.Write(&out)).To(Succeed())
	read, err := baseline.Read("baseline.json", &out, checker.Version)
	Expect(err).NotTo(HaveOccurred())
	return read
}

var _ = Describe("a baseline", func() {
	var dir string
	BeforeEach(func() { dir = GinkgoT().TempDir() })

	It("marks known findings unchanged and others new, and counts them", func() {
		first := checkText(dir, contradiction)
		Expect(first.Findings).NotTo(BeEmpty())
		known := roundTrip(baseline.New(first))
		Expect(known.Tool.Version).To(Equal(checker.Version))
		Expect(known.Findings).To(HaveLen(len(first.Findings)))

		again := checkText(dir, contradiction)
		known.Apply(again)
		for _, f := range again.Findings {
			Expect(f.Baseline).To(Equal("unchanged"))
		}
		Expect(*again.Summary.Baseline).To(Equal(report.BaselineCounts{Unchanged: len(again.Findings)}))

		empty := roundTrip(baseline.New(&report.Result{Tool: first.Tool}))
		fresh := checkText(dir, contradiction)
		empty.Apply(fresh)
		for _, f := range fresh.Findings {
			Expect(f.Baseline).To(Equal("new"))
		}
	})

	It("makes a finding that was fixed and comes back new again", func() {
		known := roundTrip(baseline.New(checkText(dir, contradiction)))
		fixed := checkText(dir, consistent)
		Expect(fixed.Findings).To(BeEmpty())
		known.Apply(fixed)
		Expect(fixed.Summary.Baseline.Absent).To(Equal(len(known.Findings)), "the baseline's finding is gone")

		// CI rewrites the baseline once the fix is in; the contradiction then comes back.
		updated := roundTrip(baseline.New(fixed))
		back := checkText(dir, contradiction)
		Expect(back.Findings).NotTo(BeEmpty())
		updated.Apply(back)
		for _, f := range back.Findings {
			Expect(f.Baseline).To(Equal("new"))
		}
		Expect(back.Summary.Baseline.New).To(Equal(len(back.Findings)))
	})

	It("shows the state in every format, SARIF's baselineState included", func() {
		result := checkText(dir, contradiction)
		roundTrip(baseline.New(&report.Result{Tool: result.Tool})).Apply(result)
		shown := map[string]string{
			"text":     "(new)",
			"json":     `"baseline": "new"`,
			"html":     `<span class="baseline">new</span>`,
			"sarif":    `"baselineState": "new"`,
			"junit":    "baseline new",
			"markdown": "| new |",
		}
		Expect(report.Names()).To(ConsistOf(keys(shown)), "a new format must show the state too")
		for name, want := range shown {
			formatter, err := report.New(name, report.Options{})
			Expect(err).NotTo(HaveOccurred())
			var out bytes.Buffer
			Expect(formatter.Format(&out, result)).To(Succeed())
			Expect(out.String()).To(ContainSubstring(want), name)
		}
	})

	DescribeTable("refuses a file it cannot trust, saying what to do",
		func(content string, message string, positioned bool) {
			_, err := baseline.Read("known.json", strings.NewReader(content), checker.Version)
			Expect(err).To(HaveOccurred())
			Expect(err.Error()).To(ContainSubstring(message))
			var positionedError *source.Error
			Expect(err).To(BeAssignableToTypeOf(positionedError))
			if positioned {
				Expect(err.(*source.Error).Line).To(BeNumerically(">", 0))
			}
		},
		Entry("another tool version", baselineJSON(baseline.Format, baseline.Version, "0.0.1"), `written by claimcheck 0.0.1, this is `+checker.Version, false),
		Entry("another format version", baselineJSON(baseline.Format, 99, checker.Version), "format version 99 is not supported", false),
		Entry("another kind of file", `{"schema_version": "1"}`, `unknown field "schema_version"`, false),
		Entry("a file with no format", `{"findings": []}`, `not a claimcheck baseline (format ""`, false),
		Entry("malformed JSON", "{\n  \"format\": \"claimcheck-baseline\",\n  \"version\": 1,,\n}", "not a claimcheck baseline", true),
		Entry("a wrong type", "{\n  \"version\": \"one\"\n}", "not a claimcheck baseline", true),
	)

	It("says how to rewrite it", func() {
		_, err := baseline.Read("known.json", strings.NewReader(baselineJSON(baseline.Format, baseline.Version, "0.0.1")), checker.Version)
		Expect(err.Error()).To(ContainSubstring(`claimcheck baseline update -o known.json`))
	})
})

func baselineJSON(format string, version int, tool string) string {
	data, _ := json.Marshal(map[string]any{"format": format, "version": version, "tool": map[string]string{"name": "claimcheck", "version": tool}, "findings": []any{}})
	return string(data)
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
