package extract_test

import (
	"os"
	"sync"
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

var (
	extractorOnce sync.Once
	extractor     *extract.Extractor
)

// newExtractor reads the bundled default pack, as the CLI does, once for the suite (an
// Extractor is immutable).
func newExtractor() *extract.Extractor {
	extractorOnce.Do(func() {
		pack, err := rules.Load(rules.Layer{FS: os.DirFS(repositoryRoot + "/rules/default"), Name: "rules/default"})
		Expect(err).NotTo(HaveOccurred())
		extractor = extract.New(pack)
	})
	return extractor
}
