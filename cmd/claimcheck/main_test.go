package main

import (
	"os"
	"path/filepath"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestCommand(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "claimcheck command")
}

// run executes the CLI in-process with empty standard input.
func run(args ...string) (int, string, string) { return runWith("", args...) }

var _ = Describe("exit codes", func() {
	It("is 1 on the seeds, which hold an error-level finding", func() {
		code, out, _ := run("check", "../../seeds", "--rules", "../../rules")
		Expect(code).To(Equal(1))
		Expect(out).To(ContainSubstring("error[rate_mismatch]"))
	})
	It("is 0 when --fail-on none", func() {
		code, _, _ := run("check", "../../seeds", "--rules", "../../rules", "--fail-on", "none")
		Expect(code).To(Equal(0))
	})
	It("is 2 for a missing path, an unknown format, and a bad flag value", func() {
		code, out, _ := run("check", "no/such/path", "--rules", "../../rules")
		Expect(code).To(Equal(2))
		Expect(out).To(ContainSubstring("no/such/path: error: no such file or folder"))
		code, _, errOut := run("check", "--format", "pdf", "--rules", "../../rules")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring(`unknown format "pdf"`))
		code, _, _ = run("check", "--fail-on", "fatal")
		Expect(code).To(Equal(2))
	})
	It("is 2 for a rule file with a typo, reported at file:line:col with a caret", func() {
		dir := GinkgoT().TempDir()
		Expect(os.WriteFile(filepath.Join(dir, "checks.yaml"), []byte("checks:\n  - id: x\n    severty: error\n"), 0o644)).To(Succeed())
		code, _, errOut := run("rules", "lint", dir)
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring(filepath.ToSlash(dir) + `/checks.yaml:3:5: check: unknown key "severty"`))
		Expect(errOut).To(ContainSubstring(`did you mean "severity"?`))
		Expect(errOut).To(ContainSubstring("    ^"))
	})
	It("writes the JSON contract and the extract contract", func() {
		code, out, _ := run("check", "../../seeds", "--rules", "../../rules", "--format", "json")
		Expect(code).To(Equal(1))
		Expect(out).To(ContainSubstring(`"schema_version": "1"`))
		code, out, _ = run("extract", "../../seeds", "--rules", "../../rules", "--all")
		Expect(code).To(Equal(0))
		Expect(out).To(ContainSubstring(`"text":"حوالى 274.460","value":274460`))
		Expect(out).To(ContainSubstring(`"is_claim":false`))
	})
})
