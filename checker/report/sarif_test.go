package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/claimcheck/claimcheck/checker/report"
)

const sarifSchemaPath = "../../fixtures/sarif/sarif-schema-2.1.0.json"

// sarifSchema compiles the official SARIF 2.1.0 schema, asserting formats (uri,
// uri-reference) too, which JSON Schema 2020-12 only annotates by default.
//
// The published file has one known defect: the region definition lists its anyOf (startLine,
// charOffset or byteOffset required) inside "properties", which the 2020-12 metaschema
// rejects. The file stays as published; the copy in memory moves that anyOf where it was
// meant to be, which also makes the constraint apply.
func sarifSchema() *jsonschema.Schema {
	file, err := os.Open(sarifSchemaPath)
	Expect(err).NotTo(HaveOccurred())
	defer file.Close()
	document, err := jsonschema.UnmarshalJSON(file)
	Expect(err).NotTo(HaveOccurred())
	region := document.(map[string]any)["definitions"].(map[string]any)["region"].(map[string]any)
	properties := region["properties"].(map[string]any)
	Expect(properties).To(HaveKey("anyOf"), "the schema changed: revisit the region fix")
	region["anyOf"] = properties["anyOf"]
	delete(properties, "anyOf")
	compiler := jsonschema.NewCompiler()
	compiler.AssertFormat()
	Expect(compiler.AddResource("sarif-schema-2.1.0.json", document)).To(Succeed())
	schema, err := compiler.Compile("sarif-schema-2.1.0.json")
	Expect(err).NotTo(HaveOccurred())
	return schema
}

func validateSARIF(data []byte) error {
	instance, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	Expect(err).NotTo(HaveOccurred())
	return sarifSchema().Validate(instance)
}

// sarifDocument is the part of a SARIF log the tests read back.
type sarifDocument struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID                   string `json:"id"`
					FullDescription      struct{ Text string }
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string `json:"ruleId"`
			RuleIndex           int    `json:"ruleIndex"`
			Level               string `json:"level"`
			Message             struct{ Text string }
			BaselineState       string            `json:"baselineState"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []sarifLocation   `json:"locations"`
			RelatedLocations    []sarifLocation   `json:"relatedLocations"`
		} `json:"results"`
	} `json:"runs"`
}

type sarifLocation struct {
	ID               int `json:"id"`
	Message          struct{ Text string }
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine, StartColumn, EndLine, EndColumn int
			CharOffset, CharLength                     int
			Snippet                                    struct{ Text string }
		} `json:"region"`
	} `json:"physicalLocation"`
}

var _ = Describe("SARIF", func() {
	It("validates the golden file against the official SARIF 2.1.0 schema", func() {
		data, err := os.ReadFile(filepath.Join(goldenDir, "sarif.sarif"))
		Expect(err).NotTo(HaveOccurred())
		Expect(validateSARIF(data)).To(Succeed())
	})

	It("places every claim in characters of the original file", func() {
		result := fixtureResult()
		var log sarifDocument
		Expect(json.Unmarshal(render("sarif", report.Options{}, result), &log)).To(Succeed())
		Expect(log.Version).To(Equal("2.1.0"))
		Expect(log.Schema).To(Equal("https://json.schemastore.org/sarif-2.1.0.json"))
		Expect(log.Runs).To(HaveLen(1))
		run := log.Runs[0]
		Expect(run.ColumnKind).To(Equal("unicodeCodePoints"))
		Expect(run.Tool.Driver.Name).To(Equal("claimcheck"))
		Expect(run.Tool.Driver.Rules).To(HaveLen(len(result.Rules)))
		Expect(run.Results).To(HaveLen(len(result.Findings)))

		levels := map[string]string{"error": "error", "warning": "warning", "info": "note"}
		for i, finding := range result.Findings {
			got := run.Results[i]
			Expect(got.RuleID).To(Equal(finding.Rule))
			Expect(run.Tool.Driver.Rules[got.RuleIndex].ID).To(Equal(finding.Rule))
			Expect(got.Level).To(Equal(levels[string(finding.Severity)]))
			Expect(got.Message.Text).To(Equal(finding.Message))
			Expect(got.PartialFingerprints).To(HaveKeyWithValue("claimcheck/v1", finding.Fingerprint))
			Expect(got.BaselineState).To(Equal(finding.Baseline))
			Expect(got.Locations).To(HaveLen(1))
			Expect(got.RelatedLocations).To(HaveLen(len(finding.Claims) - 1))

			locations := append(got.Locations, got.RelatedLocations...)
			for k, c := range finding.Claims {
				location := locations[k]
				Expect(location.PhysicalLocation.ArtifactLocation.URI).To(Equal(c.Article))
				region := location.PhysicalLocation.Region
				Expect([]int{region.StartLine, region.StartColumn}).To(Equal([]int{c.Line, c.Col}))
				Expect(region.EndLine).To(Equal(c.Line))
				Expect(region.EndColumn).To(Equal(c.Col + len([]rune(c.Text))))
				// The offsets must select the mention in the file itself, counted in runes.
				data, err := os.ReadFile(filepath.Join(root, c.Article))
				Expect(err).NotTo(HaveOccurred())
				runes := []rune(string(data))
				Expect(string(runes[region.CharOffset : region.CharOffset+region.CharLength])).To(Equal(region.Snippet.Text))
				Expect(region.Snippet.Text).To(Equal(c.Text))
				if k > 0 {
					Expect(location.ID).To(Equal(k))
					Expect(location.Message.Text).NotTo(BeEmpty())
				}
			}
		}
	})

	It("omits baselineState when no baseline was given", func() {
		result := fixtureResult()
		for i := range result.Findings {
			result.Findings[i].Baseline = ""
		}
		Expect(string(render("sarif", report.Options{}, result))).NotTo(ContainSubstring("baselineState"))
	})
})
