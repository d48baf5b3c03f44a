package report

import (
	"encoding/json"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/claimcheck/claimcheck/checker/claim"
)

// SARIF writes a SARIF 2.1.0 log with one run, for code-scanning dashboards. Regions count
// Unicode code points (run.columnKind), the unit of every claimcheck offset. The output holds
// no timestamp and no absolute path of its own, so that two runs over the same input match.
type SARIF struct{}

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// sarifFingerprint names the partial fingerprint; bump the version when Fingerprint's
	// recipe changes, so that dashboards do not match old and new fingerprints.
	sarifFingerprint = "claimcheck/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name       string               `json:"name"`
	Version    string               `json:"version,omitempty"`
	Rules      []sarifRule          `json:"rules"`
	Properties *sarifToolProperties `json:"properties,omitempty"`
}

type sarifToolProperties struct {
	Packs string `json:"packs,omitempty"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     *sarifMessage      `json:"shortDescription,omitempty"`
	FullDescription      *sarifMessage      `json:"fullDescription,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           *sarifRuleSource   `json:"properties,omitempty"`
}

type sarifRuleSource struct {
	Source string `json:"source,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	BaselineState       string            `json:"baselineState,omitempty"`
	Properties          *sarifProperties  `json:"properties,omitempty"`
}

type sarifProperties struct {
	Explanation string `json:"explanation,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
	ContextRegion    *sarifRegion          `json:"contextRegion,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int           `json:"startLine,omitempty"`
	StartColumn int           `json:"startColumn,omitempty"`
	EndLine     int           `json:"endLine,omitempty"`
	EndColumn   int           `json:"endColumn,omitempty"`
	CharOffset  *int          `json:"charOffset,omitempty"`
	CharLength  *int          `json:"charLength,omitempty"`
	Snippet     *sarifMessage `json:"snippet,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

// sarifLevel maps severities to SARIF levels: info is a note.
func sarifLevel(s claim.Severity) string {
	switch s {
	case claim.Error:
		return "error"
	case claim.Warning:
		return "warning"
	}
	return "note"
}

func (SARIF) Format(w io.Writer, result *Result) error {
	driver := sarifDriver{Name: "claimcheck", Version: result.Tool.Version, Rules: []sarifRule{}}
	if result.Tool.Name != "" {
		driver.Name = result.Tool.Name
	}
	if result.Tool.Packs != "" {
		driver.Properties = &sarifToolProperties{Packs: result.Tool.Packs}
	}
	indexes := map[string]int{}
	for _, rule := range result.Rules {
		if _, ok := indexes[rule.ID]; ok {
			continue
		}
		indexes[rule.ID] = len(driver.Rules)
		descriptor := sarifRule{ID: rule.ID, DefaultConfiguration: sarifConfiguration{Level: sarifLevel(rule.Severity)}}
		if rule.Description != "" {
			descriptor.ShortDescription = &sarifMessage{Text: firstSentence(rule.Description)}
			descriptor.FullDescription = &sarifMessage{Text: rule.Description}
		}
		if rule.Source != "" {
			descriptor.Properties = &sarifRuleSource{Source: rule.Source}
		}
		driver.Rules = append(driver.Rules, descriptor)
	}
	// A finding of a rule the result does not describe still gets a descriptor, so that
	// every ruleIndex points somewhere.
	var missing []string
	missingSeverity := map[string]claim.Severity{}
	for _, finding := range result.Findings {
		if _, ok := indexes[finding.Rule]; !ok {
			if _, seen := missingSeverity[finding.Rule]; !seen {
				missing = append(missing, finding.Rule)
			}
			missingSeverity[finding.Rule] = finding.Severity
		}
	}
	sort.Strings(missing)
	for _, id := range missing {
		indexes[id] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{ID: id, DefaultConfiguration: sarifConfiguration{Level: sarifLevel(missingSeverity[id])}})
	}

	run := sarifRun{Tool: sarifTool{Driver: driver}, ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	for _, finding := range result.Findings {
		index := indexes[finding.Rule]
		out := sarifResult{
			RuleID: finding.Rule, RuleIndex: &index, Level: sarifLevel(finding.Severity),
			Message: sarifMessage{Text: finding.Message},
		}
		if finding.Fingerprint != "" {
			out.PartialFingerprints = map[string]string{sarifFingerprint: finding.Fingerprint}
		}
		switch finding.Baseline {
		case "new", "unchanged", "updated", "absent":
			out.BaselineState = finding.Baseline
		}
		if finding.Explanation != "" {
			out.Properties = &sarifProperties{Explanation: finding.Explanation}
		}
		for i, c := range finding.Claims {
			location := sarifClaimLocation(c)
			if i == 0 {
				out.Locations = append(out.Locations, location)
				continue
			}
			id := i
			location.ID = &id
			location.Message = &sarifMessage{Text: claimSummary(c)}
			out.RelatedLocations = append(out.RelatedLocations, location)
		}
		run.Results = append(run.Results, out)
	}

	if len(result.Errors) > 0 {
		invocation := sarifInvocation{ExecutionSuccessful: false}
		for _, e := range result.Errors {
			notification := sarifNotification{Level: "error", Message: sarifMessage{Text: e.Message}}
			location := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: pathURI(e.File)}}}
			if e.Line > 0 {
				location.PhysicalLocation.Region = &sarifRegion{StartLine: e.Line, StartColumn: max(e.Col, 1)}
				if e.Snippet != "" {
					location.PhysicalLocation.Region.Snippet = &sarifMessage{Text: e.Snippet}
				}
			}
			notification.Locations = []sarifLocation{location}
			invocation.ToolExecutionNotifications = append(invocation.ToolExecutionNotifications, notification)
		}
		run.Invocations = []sarifInvocation{invocation}
	}

	encoder := json.NewEncoder(w)
	encoder.SetIndent("", "  ")
	encoder.SetEscapeHTML(false)
	return encoder.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifClaimLocation places a claim: the mention as the region (end column exclusive, as
// SARIF wants) and its sentence as the context region.
func sarifClaimLocation(c claim.Claim) sarifLocation {
	start, length := c.Start, max(c.End-c.Start, 0)
	region := &sarifRegion{StartLine: max(c.Line, 1), StartColumn: max(c.Col, 1), CharOffset: &start, CharLength: &length}
	region.EndLine, region.EndColumn = region.StartLine, region.StartColumn+length
	if newlines := strings.Count(c.Text, "\n"); newlines > 0 {
		region.EndLine += newlines
		region.EndColumn = utf8.RuneCountInString(c.Text[strings.LastIndexByte(c.Text, '\n')+1:]) + 1
	}
	if c.Text != "" {
		region.Snippet = &sarifMessage{Text: c.Text}
	}
	location := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: pathURI(c.Article)},
		Region:           region,
	}}
	if c.Sentence != "" && c.SentenceStart >= 0 {
		offset, size := c.SentenceStart, utf8.RuneCountInString(c.Sentence)
		location.PhysicalLocation.ContextRegion = &sarifRegion{CharOffset: &offset, CharLength: &size, Snippet: &sarifMessage{Text: c.Sentence}}
	}
	return location
}

// claimSummary describes a related claim in one line: "more than 2,000 a month (أكثر من
// 2000), 2018-04-12".
func claimSummary(c claim.Claim) string {
	text := describeValue(c)
	if c.Text != "" {
		text += " (" + c.Text + ")"
	}
	if meta := articleMeta(c); meta != "" {
		text += ", " + meta
	}
	return text
}

// firstSentence is a rule's short description: its description up to the first full stop.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
