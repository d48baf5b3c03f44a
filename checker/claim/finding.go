package claim

// Severity orders findings: info never fails a run.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank is higher for more severe findings; unknown severities rank below info.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Finding is a disagreement a check found among claims.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Explanation is the arithmetic that fired, in plain words.
	Explanation string `json:"explanation,omitempty"`
	// Fingerprint identifies the disagreement across runs: rule id + normalized claims, so it
	// survives edits to unrelated text.
	Fingerprint string `json:"fingerprint"`
	// Claims are the figures involved; Sides groups them when many articles repeat one side
	// of the same disagreement (Sides[i] lists indexes into Claims).
	Claims []Claim `json:"claims"`
	Sides  [][]int `json:"sides,omitempty"`
	// Baseline is "new" or "unchanged" when a baseline was given.
	Baseline string `json:"baseline,omitempty"`
}
