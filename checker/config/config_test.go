package config_test

import (
	"errors"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/config"
	"github.com/claimcheck/claimcheck/checker/source"
)

var _ = Describe("Parse", func() {
	It("reads every key", func() {
		c, err := config.Parse("/project/.claimcheck.yaml", []byte(`
corpus: [articles, "extra/*.md"]
rules: rules
index: archive.idx
fail_on: warning
baseline: .claimcheck-baseline.json
outputs:
  - {format: text}
  - {format: sarif, output: out/claimcheck.sarif}
`))
		Expect(err).NotTo(HaveOccurred())
		Expect(c.Corpus).To(Equal([]string{"articles", "extra/*.md"}))
		Expect(c.Rules).To(Equal([]string{"rules"}))
		Expect(c.Index).To(Equal("archive.idx"))
		Expect(c.FailOn).To(Equal("warning"))
		Expect(c.Baseline).To(Equal(".claimcheck-baseline.json"))
		Expect(c.Outputs).To(Equal([]config.Output{{Format: "text"}, {Format: "sarif", Output: "out/claimcheck.sarif"}}))
		Expect(c.Resolve("articles")).To(Equal(filepath.FromSlash("/project/articles")))
		Expect(c.Resolve("/abs")).To(Equal("/abs"))
		Expect(c.Resolve("-")).To(Equal("-"))
	})

	It("takes the template claimcheck init writes", func() {
		c, err := config.Parse(".claimcheck.yaml", []byte(config.Template))
		Expect(err).NotTo(HaveOccurred())
		Expect(c.Corpus).To(Equal([]string{"articles"}))
		Expect(c.FailOn).To(Equal("error"))
		Expect(c.Outputs).To(Equal([]config.Output{{Format: "text"}}))
	})

	It("takes an empty file", func() {
		_, err := config.Parse(".claimcheck.yaml", []byte("# nothing yet\n"))
		Expect(err).NotTo(HaveOccurred())
	})

	DescribeTable("reports each mistake at its line:col, with the line and a caret",
		func(text string, line, col int, message string) {
			_, err := config.Parse(".claimcheck.yaml", []byte(text))
			Expect(err).To(HaveOccurred())
			var list source.ErrorList
			Expect(errors.As(err, &list)).To(BeTrue())
			Expect(list[0].Line).To(Equal(line), list.Error())
			Expect(list[0].Col).To(Equal(col), list.Error())
			Expect(list[0].Error()).To(ContainSubstring(message))
			if list[0].Snippet != "" {
				Expect(list[0].Format()).To(ContainSubstring("^"))
			}
		},
		Entry("a typo in a key", "corpus: [a]\nfail_onn: error\n", 2, 1, `unknown key "fail_onn" (expected one of baseline, corpus, fail_on, index, outputs, rules); did you mean "fail_on"?`),
		Entry("a typo in a nested key", "outputs:\n  - {format: text, ouptut: x}\n", 2, 20, `unknown key "ouptut"`),
		Entry("an unknown format", "outputs:\n  - format: pdf\n", 2, 13, `unknown format "pdf"`),
		Entry("an output without format", "outputs:\n  - output: x.json\n", 2, 5, `missing key "format"`),
		Entry("two reports to standard output", "outputs:\n  - format: text\n  - format: json\n", 3, 5, "a second report to standard output"),
		Entry("a bad severity", "fail_on: fatal\n", 1, 10, `"fatal" is not a severity`),
		Entry("a mapping for a list", "corpus: {a: b}\n", 1, 9, "expected a list of paths"),
		Entry("a repeated key", "index: a\nindex: b\n", 2, 1, `key "index" repeats the one at line 1`),
		Entry("a list at the top", "- a\n", 1, 1, "expected a mapping"),
		Entry("broken YAML", "corpus: [a\n", 2, 1, "YAML"),
		Entry("a tab for indentation", "corpus:\n\t- a\n", 2, 1, "YAML"),
	)

	It("reports every mistake of a file in one pass", func() {
		_, err := config.Parse(".claimcheck.yaml", []byte("corpuss: a\nfail_on: x\n"))
		var list source.ErrorList
		Expect(errors.As(err, &list)).To(BeTrue())
		Expect(list).To(HaveLen(2))
	})
})

var _ = Describe("Find", func() {
	It("finds the file in the folder or its nearest parent, or none", func() {
		root := GinkgoT().TempDir()
		deep := filepath.Join(root, "a", "b", "c")
		Expect(os.MkdirAll(deep, 0o755)).To(Succeed())
		path, err := config.Find(deep)
		Expect(err).NotTo(HaveOccurred())
		if path != "" { // a parent of the temporary folder may hold one; it must be outside root
			Expect(path).NotTo(HavePrefix(root))
		}
		Expect(os.WriteFile(filepath.Join(root, "a", config.FileName), []byte("index: x\n"), 0o644)).To(Succeed())
		path, err = config.Find(deep)
		Expect(err).NotTo(HaveOccurred())
		Expect(path).To(Equal(filepath.Join(root, "a", config.FileName)))
		Expect(os.WriteFile(filepath.Join(deep, config.FileName), []byte("index: y\n"), 0o644)).To(Succeed())
		path, err = config.Find(deep)
		Expect(err).NotTo(HaveOccurred())
		Expect(path).To(Equal(filepath.Join(deep, config.FileName)))
		c, err := config.Load(path)
		Expect(err).NotTo(HaveOccurred())
		Expect(c.Index).To(Equal("y"))
		Expect(c.Dir).To(Equal(deep))
	})
})
