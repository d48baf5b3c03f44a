package server_test

import (
	"context"
	"os"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker"
)

func TestServer(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "server")
}

// The checker and the seed archive are loaded once, as `claimcheck serve` does.
var (
	shared  *checker.Checker
	archive *checker.Extraction
)

var _ = BeforeSuite(func() {
	var err error
	shared, err = checker.New(checker.WithRules(os.DirFS("../../rules/default"), "rules/default"))
	Expect(err).NotTo(HaveOccurred())
	archive, err = shared.Extract(context.Background(), []string{"../../seeds"})
	Expect(err).NotTo(HaveOccurred())
	Expect(archive.Errors).To(BeEmpty())
	Expect(archive.Articles).NotTo(BeEmpty())
})
