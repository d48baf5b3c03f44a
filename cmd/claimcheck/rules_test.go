package main

import (
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("rules lint", func() {
	It("lists every problem in every file, positioned, and exits 2", func() {
		dir := GinkgoT().TempDir()
		Expect(os.WriteFile(filepath.Join(dir, "checks.yaml"), []byte(
			"checks:\n  - id: one\n    severty: error\n  - id: two\n    severity: fatal\n    description: d\n    scope: claim\n    violation: a.value > \"x\"\n    message: m\n"), 0o644)).To(Succeed())
		Expect(os.WriteFile(filepath.Join(dir, "metrics.yaml"), []byte(
			"metrics:\n  - id: m\n    cumulative: maybe\n    nouns: {english: [x]}\n"), 0o644)).To(Succeed())
		Expect(os.WriteFile(filepath.Join(dir, "entities.yaml"), []byte(
			"entities:\n  - {id: p, kind: region, part_of: q}\n  - {id: q, kind: region, part_of: p}\n"), 0o644)).To(Succeed())
		code, _, errOut := run("rules", "lint", dir)
		Expect(code).To(Equal(2))
		prefix := filepath.ToSlash(dir) + "/"
		for _, want := range []string{
			prefix + `checks.yaml:3:5: check: unknown key "severty"`,
			prefix + `checks.yaml:5:15: check.severity: expected one of error, warning, info, found "fatal"`,
			prefix + `checks.yaml:8:24: check two: violation (expected a true/false condition): invalid operation`,
			prefix + `metrics.yaml:3:17: metric.cumulative: expected true or false, found "maybe"`,
			prefix + `metrics.yaml:4:13: metric.nouns: "english" is not a language code`,
			prefix + `entities.yaml:2:5: entity p: part_of makes a cycle`,
		} {
			Expect(errOut).To(ContainSubstring(want))
		}
	})

	It("passes the bundled pack", func() {
		code, out, _ := run("rules", "lint", "../../rules")
		Expect(code).To(Equal(0))
		Expect(out).To(HavePrefix("ok: default:"))
	})
})

var _ = Describe("rules explain", func() {
	It("shows each default check's description, conditions and example, and that the example fires", func() {
		_, out, _ := run("rules", "lint", "../../rules")
		Expect(out).To(ContainSubstring("checks"))
		for _, id := range []string{"rate_mismatch", "conflicting_figures", "cumulative_decrease", "cumulative_update",
			"part_exceeds_whole", "parts_exceed_whole", "subperiod_exceeds_total", "percentage_out_of_range",
			"shares_exceed_hundred", "implausible_figure", "more_people_than_the_world", "followers_beyond_world"} {
			code, out, errOut := run("rules", "explain", id, "--rules", "../../rules")
			Expect(code).To(Equal(0), errOut)
			Expect(out).To(HavePrefix(id+" ("), id)
			Expect(out).To(ContainSubstring("rules/default/checks.yaml:"), id)
			Expect(out).To(ContainSubstring("Lets pass"), id+": the description says what it lets pass")
			Expect(out).To(ContainSubstring("fires when:\n"), id)
			Expect(out).To(ContainSubstring("example:\n"), id)
			Expect(out).To(ContainSubstring("(the check fires on this example)"), id)
		}
	})

	It("says when an example does not fire", func() {
		dir := GinkgoT().TempDir()
		Expect(os.MkdirAll(filepath.Join(dir, "newsroom"), 0o755)).To(Succeed())
		Expect(os.WriteFile(filepath.Join(dir, "newsroom", "checks.yaml"), []byte(`checks:
  - id: never
    severity: warning
    description: never fires
    scope: claim
    when: a.metric != ""
    violation: "false"
    message: m
    example: "أعلنت تويتر عن حذف 300 ألف حساب خلال عام 2017."
`), 0o644)).To(Succeed())
		code, out, _ := run("rules", "explain", "never", "--rules", "../../rules/default", "--rules", filepath.Join(dir, "newsroom"))
		Expect(code).To(Equal(0))
		Expect(out).To(ContainSubstring("applies when:\n  a.metric != \"\""))
		Expect(out).To(ContainSubstring("(the check does NOT fire on this example:)"))
		Expect(out).To(ContainSubstring("expected a never finding"))
	})

	It("names the checks there are when asked for one that is not", func() {
		code, _, errOut := run("rules", "explain", "no_such_check", "--rules", "../../rules")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring(`no check "no_such_check"`))
		Expect(strings.Count(errOut, ",")).To(BeNumerically(">=", 10))
	})
})
