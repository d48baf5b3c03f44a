package rules_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing/fstest"

	"github.com/claimcheck/claimcheck/checker/rules"
	"github.com/claimcheck/claimcheck/checker/source"
	bundled "github.com/claimcheck/claimcheck/rules"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func defaultLayer() rules.Layer {
	sub, err := fs.Sub(bundled.FS, "default")
	Expect(err).NotTo(HaveOccurred())
	return rules.Layer{FS: sub, Name: "rules/default"}
}

// loadErrors loads a one-file pack layered over the default pack and returns its errors.
func loadErrors(file string) []string {
	layer := rules.Layer{FS: fstest.MapFS{"extra.yaml": {Data: []byte(file)}}, Name: "newsroom"}
	_, err := rules.Load(defaultLayer(), layer)
	if err == nil {
		return nil
	}
	var list source.ErrorList
	Expect(errors.As(err, &list)).To(BeTrue(), "errors come as a positioned list")
	var out []string
	for _, e := range list {
		out = append(out, e.Error())
	}
	return out
}

var _ = Describe("Load", func() {
	It("loads the default pack with every condition compiled", func() {
		pack, err := rules.Load(defaultLayer())
		Expect(err).NotTo(HaveOccurred())
		Expect(pack.Metric("channels_closed")).NotTo(BeNil())
		Expect(pack.Ancestors("france")).To(Equal([]string{"western_europe", "europe", "world"}))
		Expect(pack.PartOf("germany", "europe")).To(BeTrue())
		Expect(pack.PartOf("europe", "germany")).To(BeFalse())
		for _, check := range pack.Checks {
			Expect(check.Usable()).To(BeTrue(), check.ID)
			Expect(check.Description).NotTo(BeEmpty(), check.ID)
		}
		Expect(pack.Version).To(HaveLen(12))
	})

	DescribeTable("reports each mistake at file:line:col with the key and what was expected",
		func(file string, want ...string) {
			errs := loadErrors(file)
			Expect(errs).NotTo(BeEmpty())
			joined := strings.Join(errs, "\n")
			for _, w := range want {
				Expect(joined).To(ContainSubstring(w))
			}
		},
		Entry("a typo in a key", "checks:\n  - id: x\n    severity: error\n    descripton: y\n",
			`newsroom/extra.yaml:4:5: check: unknown key "descripton"`, `did you mean "description"?`),
		Entry("a wrong type", "metrics:\n  - id: m\n    nouns: {en: [x]}\n    cumulative: maybe\n",
			`newsroom/extra.yaml:4:17: metric.cumulative: expected true or false, found "maybe"`),
		Entry("an unknown severity", "checks:\n  - id: y\n    severity: fatal\n    description: d\n    scope: claim\n    violation: 'true'\n    message: m\n",
			`newsroom/extra.yaml:3:15: check.severity: expected one of error, warning, info, found "fatal"`),
		Entry("an expr type error, shifted into the YAML file",
			"checks:\n  - id: z\n    severity: error\n    description: d\n    scope: claim\n    violation: a.value > \"many\"\n    message: m\n",
			`newsroom/extra.yaml:6:24: check z: violation (expected a true/false condition): invalid operation: >`),
		Entry("an unknown function in a message template",
			"checks:\n  - id: w\n    severity: error\n    description: d\n    scope: claim\n    violation: 'false'\n    message: \"value {{ nosuch(a) }}\"\n",
			`newsroom/extra.yaml:7:`, `unknown name nosuch`),
		Entry("a duplicate check id", "checks:\n  - id: rate_mismatch\n    severity: error\n    description: d\n    scope: claim\n    violation: 'true'\n    message: m\n",
			`newsroom/extra.yaml:2:5: check "rate_mismatch" is defined twice`),
		Entry("a part_of cycle", "entities:\n  - {id: a_place, kind: region, part_of: b_place}\n  - {id: b_place, kind: region, part_of: a_place}\n",
			`part_of makes a cycle`),
		Entry("an unknown part_of", "entities:\n  - {id: c_place, kind: region, part_of: atlantis}\n",
			`newsroom/extra.yaml:2:5: entity c_place: part_of names unknown entity "atlantis"`),
		Entry("YAML syntax", "checks: [\n", `newsroom/extra.yaml:2:1: YAML:`),
		Entry("an alias (no alias bombs)", "a: &x [1]\nb: *x\n", `YAML aliases are not allowed`),
	)

	It("lets a later pack override a check's severity by id and add aliases", func() {
		layer := rules.Layer{FS: fstest.MapFS{"extra.yaml": {Data: []byte(
			"checks:\n  - {id: conflicting_figures, override: true, severity: warning}\nentities:\n  - {id: telegram, aliases: {en: [tg]}}\n")}}, Name: "newsroom"}
		pack, err := rules.Load(defaultLayer(), layer)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(pack.Check("conflicting_figures").Severity)).To(Equal("warning"))
		Expect(pack.Entity("telegram").Aliases["en"]).To(ContainElement("tg"))
	})

	It("refuses an oversized condition when the pack loads", func() {
		huge := "checks:\n  - id: big\n    severity: error\n    description: d\n    scope: claim\n    violation: \"" + strings.Repeat("1 + ", 20000) + "1 > 0\"\n    message: m\n"
		Expect(strings.Join(loadErrors(huge), "\n")).To(ContainSubstring("check big: violation"))
	})
})
