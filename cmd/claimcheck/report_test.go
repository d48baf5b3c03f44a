package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/report"
)

var _ = Describe("report --from", func() {
	var saved string
	BeforeEach(func() {
		saved = filepath.Join(GinkgoT().TempDir(), "results.json")
		code, _, errOut := run("check", "../../seeds", "--rules", "../../rules", "--format", "json", "-o", saved)
		Expect(code).To(Equal(1), errOut)
	})

	It("re-renders the saved seeds run byte for byte what check writes, in every format", func() {
		for _, format := range report.Names() {
			code, direct, errOut := run("check", "../../seeds", "--rules", "../../rules", "--format", format)
			Expect(code).To(Equal(1), errOut)
			code, again, errOut := run("report", "--from", saved, "--format", format)
			Expect(code).To(Equal(0), errOut)
			Expect(again).NotTo(BeEmpty())
			Expect(again).To(Equal(direct), format)
		}
	})

	It("writes to -o FILE and reads standard input with --from -", func() {
		out := filepath.Join(GinkgoT().TempDir(), "report.html")
		code, stdout, errOut := run("report", "--from", saved, "--format", "html", "-o", out)
		Expect(code).To(Equal(0), errOut)
		Expect(stdout).To(BeEmpty())
		page, err := os.ReadFile(out)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(page)).To(HavePrefix("<!DOCTYPE html>"))

		data, err := os.ReadFile(saved)
		Expect(err).NotTo(HaveOccurred())
		var stdoutBuffer, stderrBuffer bytes.Buffer
		root := newRootCommand(bytes.NewReader(data), &stdoutBuffer, &stderrBuffer)
		root.SetArgs([]string{"report", "--from", "-", "--format", "json"})
		Expect(root.Execute()).To(Succeed())
		Expect(stdoutBuffer.Bytes()).To(Equal(data))
	})

	DescribeTable("refuses what it cannot render, with exit 2",
		func(content string, message string) {
			path := filepath.Join(GinkgoT().TempDir(), "results.json")
			Expect(os.WriteFile(path, []byte(content), 0o644)).To(Succeed())
			code, out, errOut := run("report", "--from", path)
			Expect(code).To(Equal(2))
			Expect(out).To(BeEmpty())
			Expect(errOut).To(ContainSubstring(message))
		},
		Entry("truncated JSON", `{"schema_version": "1",`+"\n"+`  "findings": [`, "invalid JSON"),
		Entry("a syntax error, positioned", `{"schema_version": "1",`+"\n"+`  "findings": [1,}`, "invalid JSON at 2:18"),
		Entry("another schema version", `{"schema_version": "2", "findings": []}`, `schema_version "2", this claimcheck reads "1"`),
		Entry("no schema version", `{"findings": []}`, "no schema_version"),
		Entry("not an object", `[]`, "a JSON array, not the object"),
		Entry("a field of the wrong type", `{"schema_version": "1", "findings": "none"}`, "findings: a JSON string"),
		Entry("trailing data", `{"schema_version": "1"} {}`, "invalid JSON at 1:25: invalid character '{' after top-level value"),
		Entry("an empty file", ``, "invalid JSON"),
	)

	It("needs --from and a readable file, and knows its formats", func() {
		code, _, errOut := run("report")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("--from FILE is required"))
		code, _, errOut = run("report", "--from", "no/such/results.json")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("no/such/results.json: no such file or folder"))
		code, _, errOut = run("report", "--from", saved, "--format", "pdf")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring(`unknown format "pdf"`))
	})
})

var _ = Describe("colours", func() {
	// runWith runs the CLI with a pretend terminal and environment.
	runWith := func(terminal bool, env map[string]string, args ...string) string {
		var out, errOut bytes.Buffer
		s := &streams{in: strings.NewReader(""), out: &out, err: &errOut,
			terminal: func(io.Writer) bool { return terminal }, getenv: func(name string) string { return env[name] }}
		root := newRoot(s)
		root.SetArgs(args)
		_ = root.Execute()
		return out.String()
	}
	args := []string{"check", "../../seeds", "--rules", "../../rules"}

	It("colours the text report on a terminal", func() {
		Expect(runWith(true, nil, args...)).To(ContainSubstring("\x1b[1;31merror\x1b[0m"))
	})
	It("never with NO_COLOR, whatever its value", func() {
		for _, value := range []string{"1", "0", "false"} {
			Expect(runWith(true, map[string]string{"NO_COLOR": value}, args...)).NotTo(ContainSubstring("\x1b["), value)
		}
	})
	It("never off a terminal, nor into a file", func() {
		Expect(runWith(false, nil, args...)).NotTo(ContainSubstring("\x1b["))
		file := filepath.Join(GinkgoT().TempDir(), "report.txt")
		Expect(runWith(true, nil, append(args, "-o", file)...)).To(BeEmpty())
		written, err := os.ReadFile(file)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(written)).To(ContainSubstring("error[rate_mismatch]"))
		Expect(string(written)).NotTo(ContainSubstring("\x1b["))
	})
	It("follows the same rules when re-rendering", func() {
		saved := filepath.Join(GinkgoT().TempDir(), "results.json")
		runWith(false, nil, append(args, "--format", "json", "-o", saved)...)
		Expect(runWith(true, nil, "report", "--from", saved)).To(ContainSubstring("\x1b["))
		Expect(runWith(true, map[string]string{"NO_COLOR": "1"}, "report", "--from", saved)).NotTo(ContainSubstring("\x1b["))
	})
})
