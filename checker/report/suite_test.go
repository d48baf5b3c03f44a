package report_test

import (
	"flag"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// update rewrites the golden files instead of comparing with them:
// go test ./checker/report/... -update
var update = flag.Bool("update", false, "rewrite the golden files under fixtures/report/golden")

func TestReport(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Report Suite")
}
