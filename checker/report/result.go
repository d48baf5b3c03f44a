package report

import (
	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/source"
)

// SchemaVersion is the version of the JSON contract; bump it when the shape changes.
const SchemaVersion = "1"

// Result is everything one run produced, in a stable order: findings by severity, rule and
// first position; articles by path; errors by file and position.
type Result struct {
	SchemaVersion string          `json:"schema_version"`
	Tool          Tool            `json:"tool"`
	Findings      []claim.Finding `json:"findings"`
	Summary       Summary         `json:"summary"`
	Errors        []*source.Error `json:"errors"`
	Rules         []Rule          `json:"rules"`
	Articles      []Article       `json:"articles"`
}

// Tool names the program and the rule packs that produced the result.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// Packs is the pack version (a hash of the pack files), so results from different
	// lexicons are told apart.
	Packs string `json:"packs"`
}

// Summary counts what the run saw.
type Summary struct {
	Articles   int            `json:"articles"`
	Mentions   int            `json:"mentions"`
	Claims     int            `json:"claims"`
	Findings   int            `json:"findings"`
	BySeverity map[string]int `json:"by_severity"`
	ByRule     map[string]int `json:"by_rule"`
	Errors     int            `json:"errors"`
	// Baseline counts the findings against a baseline, when one was given.
	Baseline *BaselineCounts `json:"baseline,omitempty"`
}

// BaselineCounts says how many findings are new, how many were already in the baseline, and
// how many of the baseline's findings this run did not report (fixed, or outside its scope).
type BaselineCounts struct {
	New       int `json:"new"`
	Unchanged int `json:"unchanged"`
	Absent    int `json:"absent"`
}

// Rule is the metadata of a check, for reports that describe the rules they apply.
type Rule struct {
	ID          string         `json:"id"`
	Severity    claim.Severity `json:"severity"`
	Description string         `json:"description"`
	// Source is where the check is defined: "rules/checks.yaml:12:3".
	Source string `json:"source,omitempty"`
}

// Article is one article's metadata and every numeric mention read in it, for the appendix.
type Article struct {
	Path     string        `json:"path"`
	Title    string        `json:"title,omitempty"`
	Outlet   string        `json:"outlet,omitempty"`
	Date     string        `json:"date,omitempty"`
	Language string        `json:"language,omitempty"`
	Mentions []claim.Claim `json:"mentions"`
}
