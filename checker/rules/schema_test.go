package rules_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing/fstest"

	"github.com/claimcheck/claimcheck/checker/rules"
	"github.com/claimcheck/claimcheck/checker/source"
	bundled "github.com/claimcheck/claimcheck/rules"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"
)

const schemaPath = "../../rules/pack.schema.json"

func packSchema() *jsonschema.Schema {
	file, err := os.Open(schemaPath)
	Expect(err).NotTo(HaveOccurred())
	defer file.Close()
	document, err := jsonschema.UnmarshalJSON(file)
	Expect(err).NotTo(HaveOccurred())
	compiler := jsonschema.NewCompiler()
	Expect(compiler.AddResource("pack.schema.json", document)).To(Succeed())
	schema, err := compiler.Compile("pack.schema.json")
	Expect(err).NotTo(HaveOccurred())
	return schema
}

// validateYAML checks one YAML file against the schema, as an editor's language server does.
func validateYAML(schema *jsonschema.Schema, text string) error {
	var value any
	Expect(yaml.Unmarshal([]byte(text), &value)).To(Succeed())
	data, err := json.Marshal(value)
	Expect(err).NotTo(HaveOccurred())
	instance, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	Expect(err).NotTo(HaveOccurred())
	return schema.Validate(instance)
}

// loaderErrors loads the default pack with one more file at name.
func loaderErrors(name, text string) []string {
	layer := rules.Layer{FS: fstest.MapFS{name: {Data: []byte(text)}}, Name: "newsroom"}
	_, err := rules.Load(defaultLayer(), layer)
	if err == nil {
		return nil
	}
	var list source.ErrorList
	Expect(errors.As(err, &list)).To(BeTrue())
	var out []string
	for _, e := range list {
		out = append(out, e.Error())
	}
	return out
}

var _ = Describe("the pack schema", func() {
	schema := packSchema()

	It("accepts every file of the default pack, each of which names it for the YAML language server", func() {
		count := 0
		Expect(fs.WalkDir(bundled.FS, "default", func(name string, entry fs.DirEntry, err error) error {
			Expect(err).NotTo(HaveOccurred())
			if entry.IsDir() || !strings.HasSuffix(name, ".yaml") {
				return nil
			}
			count++
			data, err := fs.ReadFile(bundled.FS, name)
			Expect(err).NotTo(HaveOccurred())
			Expect(validateYAML(schema, string(data))).To(Succeed(), name)
			firstLine, _, _ := strings.Cut(string(data), "\n")
			Expect(firstLine).To(HavePrefix("# yaml-language-server: $schema="), name)
			Expect(firstLine).To(HaveSuffix("pack.schema.json"), name)
			return nil
		})).To(Succeed())
		Expect(count).To(BeNumerically(">=", 5))
	})

	DescribeTable("and the loader both reject a bad file",
		func(name, text, loaderSays string) {
			Expect(validateYAML(schema, text)).To(HaveOccurred(), "the schema accepts it")
			Expect(strings.Join(loaderErrors(name, text), "\n")).To(ContainSubstring(loaderSays))
		},
		Entry("a misspelt key", "extra.yaml", "checks:\n  - id: x\n    severty: error\n", `unknown key "severty"`),
		Entry("an unknown section", "extra.yaml", "metric:\n  - id: x\n", `unknown key "metric"`),
		Entry("a boolean that is not one", "extra.yaml", "metrics:\n  - id: m\n    nouns: {en: [x]}\n    cumulative: maybe\n", "expected true or false"),
		Entry("an unknown severity", "extra.yaml", "checks:\n  - {id: y, severity: fatal, description: d, scope: claim, violation: 'true', message: m}\n", "expected one of error, warning, info"),
		Entry("a pair check without candidates", "extra.yaml", "checks:\n  - {id: y, severity: error, description: d, scope: pair, violation: 'true', message: m}\n", `needs "candidates"`),
		Entry("a group check over the wrong candidates", "extra.yaml", "checks:\n  - {id: y, severity: error, description: d, scope: group, candidates: timeline, violation: 'true', message: m}\n", "group checks take candidates subject_part_of"),
		Entry("unknown candidates", "extra.yaml", "checks:\n  - {id: y, severity: error, description: d, scope: pair, candidates: everything, violation: 'true', message: m}\n", "check.candidates: expected one of"),
		Entry("a check without its violation", "extra.yaml", "checks:\n  - {id: y, severity: error, description: d, scope: claim, message: m}\n", `missing key "violation"`),
		Entry("an id that is not snake_case", "extra.yaml", "checks:\n  - {id: Rate-Check, severity: error, description: d, scope: claim, violation: 'true', message: m}\n", "is not a snake_case identifier"),
		Entry("a metric without nouns", "extra.yaml", "metrics:\n  - {id: m, unit: people}\n", `missing key "nouns"`),
		Entry("a tolerance of 150%", "extra.yaml", "settings:\n  tolerance: 1.5\n", "expected a relative tolerance"),
		Entry("an unknown setting", "extra.yaml", "settings:\n  tolerence: 0.1\n", `unknown key "tolerence"`),
		Entry("a language that is no code", "extra.yaml", "entities:\n  - {id: x_place, kind: region, aliases: {english: [x]}}\n", "is not a language code"),
		Entry("a new entity without a kind", "extra.yaml", "entities:\n  - {id: x_place, part_of: europe}\n", `missing key "kind"`),
		Entry("an override that changes more than it may", "extra.yaml", "checks:\n  - {id: rate_mismatch, override: true, description: other}\n", "an override may change severity, enabled and tolerance"),
		Entry("a list where a mapping belongs", "extra.yaml", "checks:\n  - [id, x]\n", "check: expected a mapping"),
		Entry("a test without text or articles", "tests/extra.yaml", "tests:\n  - {name: t, expect: [{rule: rate_mismatch}]}\n", `give "text"`),
		Entry("a test expectation with an unknown key", "tests/extra.yaml", "tests:\n  - {name: t, text: x, expect: [{rule: rate_mismatch, qoute: y}]}\n", `unknown key "qoute"`),
	)
})
