package engine

import (
	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/rules"
	"github.com/claimcheck/claimcheck/checker/source"
)

// ReferenceRunSelected is RunSelected as it was before focused runs skipped untouched
// blocks (reference_test.go), for the differential test.
func (e *Engine) ReferenceRunSelected(claims []claim.Claim, focus func(*claim.Claim) bool, selected func(*rules.Check) bool) ([]claim.Finding, source.ErrorList, Stats) {
	return e.referenceRunSelected(claims, focus, selected)
}
