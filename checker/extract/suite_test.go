package extract_test

import (
	"os"
	"testing"

	"github.com/claimcheck/claimcheck/checker/extract"
	"github.com/claimcheck/claimcheck/checker/rules"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestExtract(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "extract")
}

const repositoryRoot = "../.."

// newExtractor reads the bundled default pack, as the CLI does.
func newExtractor() *extract.Extractor {
	pack, err := rules.Load(rules.Layer{FS: os.DirFS(repositoryRoot + "/rules/default"), Name: "rules/default"})
	Expect(err).NotTo(HaveOccurred())
	return extract.New(pack)
}
