package report_test

import (
	"bytes"
	"encoding/json"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/report"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("AppendJSON", func() {
	DescribeTable("writes what a json.Encoder without HTML escaping writes",
		func(result func() *report.Result) {
			var want bytes.Buffer
			encoder := json.NewEncoder(&want)
			encoder.SetEscapeHTML(false)
			Expect(encoder.Encode(result())).To(Succeed())
			got, err := report.AppendJSON(nil, result())
			Expect(err).NotTo(HaveOccurred())
			Expect(string(got) + "\n").To(Equal(want.String()))
		},
		Entry("the fixture result", fixtureResult),
		Entry("hostile text in every field", hostileResult),
		Entry("an empty result: nil lists are null", func() *report.Result { return &report.Result{} }),
		Entry("empty lists, nil mentions and a nil side", func() *report.Result {
			result := fixtureResult()
			result.Findings[0].Sides = [][]int{nil, {0, 1}}
			result.Findings[0].Claims = nil
			result.Articles[0].Mentions = nil
			result.Articles[0].Title, result.Articles[0].Outlet = "", ""
			result.Rules = []report.Rule{}
			return result
		}),
		Entry("findings with no claims listed", func() *report.Result {
			result := fixtureResult()
			result.Findings = append(result.Findings, claim.Finding{Rule: "r", Claims: []claim.Claim{}})
			return result
		}),
	)
})
