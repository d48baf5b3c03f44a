package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
)

// JUnit writes JUnit XML for CI dashboards: one test case per rule, failing with one
// <failure> per error or warning finding; info findings, and findings a baseline already
// holds ("unchanged"), go to the case's <system-out>, so a dashboard shows them without
// failing the build, as the exit code does. Unreadable inputs become one extra case
// with an <error> per problem. encoding/xml escapes all text and replaces characters XML
// cannot hold.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitFailure `xml:"failure"`
	Errors    []junitFailure `xml:"error"`
	SystemOut string         `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

func (JUnit) Format(w io.Writer, result *Result) error {
	suite := junitSuite{Name: "claimcheck"}
	if result.Tool.Version != "" {
		suite.Properties = append(suite.Properties, junitProperty{Name: "version", Value: result.Tool.Version})
	}
	if result.Tool.Packs != "" {
		suite.Properties = append(suite.Properties, junitProperty{Name: "packs", Value: result.Tool.Packs})
	}
	byRule := map[string][]claim.Finding{}
	for _, finding := range result.Findings {
		byRule[finding.Rule] = append(byRule[finding.Rule], finding)
	}
	var ids []string
	seen := map[string]bool{}
	for _, rule := range result.Rules {
		if !seen[rule.ID] {
			seen[rule.ID] = true
			ids = append(ids, rule.ID)
		}
	}
	// Rules that fired without being described still get a case, after the described ones.
	var extra []string
	for id := range byRule {
		if !seen[id] {
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	ids = append(ids, extra...)

	for _, id := range ids {
		test := junitCase{Name: id, Classname: "claimcheck.rules"}
		var out strings.Builder
		for _, finding := range byRule[id] {
			if (finding.Severity == claim.Error || finding.Severity == claim.Warning) && finding.Baseline != "unchanged" {
				test.Failures = append(test.Failures, junitFailure{
					Message: finding.Message, Type: string(finding.Severity), Body: junitBody(finding),
				})
				continue
			}
			out.WriteString(string(finding.Severity) + baselineNote(finding) + ": " + finding.Message + "\n" + junitBody(finding))
		}
		test.SystemOut = out.String()
		if len(test.Failures) > 0 {
			suite.Failures++
		}
		suite.Cases = append(suite.Cases, test)
	}
	if len(result.Errors) > 0 {
		test := junitCase{Name: "inputs", Classname: "claimcheck.inputs"}
		for _, e := range result.Errors {
			test.Errors = append(test.Errors, junitFailure{Message: e.Error(), Type: "input", Body: e.Format() + "\n"})
		}
		suite.Errors++
		suite.Cases = append(suite.Cases, test)
	}
	suite.Tests = len(suite.Cases)

	suites := junitSuites{Name: "claimcheck", Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	encoder := xml.NewEncoder(w)
	encoder.Indent("", "  ")
	if err := encoder.Encode(suites); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitBody lists where the finding's claims are and what they say, one per line, then the
// arithmetic that fired.
func junitBody(finding claim.Finding) string {
	var b strings.Builder
	for _, c := range finding.Claims {
		fmt.Fprintf(&b, "%s: %s: %s\n", location(c), describeValue(c), strings.TrimSpace(flatten(c.Sentence)))
	}
	if finding.Explanation != "" {
		fmt.Fprintf(&b, "= %s\n", finding.Explanation)
	}
	if finding.Fingerprint != "" {
		fmt.Fprintf(&b, "fingerprint %s\n", finding.Fingerprint)
	}
	if finding.Baseline != "" {
		fmt.Fprintf(&b, "baseline %s\n", finding.Baseline)
	}
	return b.String()
}

// baselineNote writes " (new)" or " (unchanged)" when a baseline was given.
func baselineNote(finding claim.Finding) string {
	if finding.Baseline == "" {
		return ""
	}
	return " (" + finding.Baseline + ")"
}
