package gold_test

import (
	"path/filepath"
	"strings"

	"github.com/claimcheck/claimcheck/checker/gold"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("gold sets", func() {
	It("loads the held-out passages with every offset resolving to its text", func() {
		// LoadSet fails on a mention whose span does not hold its text.
		files, err := gold.LoadSet(repositoryRoot, gold.SetHeldOut)
		Expect(err).NotTo(HaveOccurred())
		Expect(len(files)).To(BeNumerically(">=", 8))
		for _, f := range files {
			Expect(f.Path).To(ContainSubstring(filepath.Join("fixtures", "gold", "heldout")))
			Expect(f.Article.Language).To(BeElementOf("ar", "en"), f.Path)
			Expect(f.Mentions).NotTo(BeEmpty(), f.Path)
			runes := []rune(f.Article.Text)
			for _, m := range f.Mentions {
				Expect(string(runes[m.Start:m.End])).To(Equal(m.Text), f.Path)
				Expect(m.Qualifier).NotTo(BeEmpty(), "%s: %s", f.Path, m.Text)
				if !m.IsClaim {
					Expect(m.Kind).NotTo(BeNil(), "%s: non-claim %s needs a kind", f.Path, m.Text)
				}
			}
		}
	})

	It("keeps the held-out passages out of the development set", func() {
		files, err := gold.LoadSet(repositoryRoot, gold.SetDevelopment)
		Expect(err).NotTo(HaveOccurred())
		Expect(files).NotTo(BeEmpty())
		for _, f := range files {
			Expect(strings.Contains(filepath.ToSlash(f.Path), "/heldout/")).To(BeFalse(), f.Path)
		}
	})

	It("refuses an unknown set", func() {
		_, err := gold.LoadSet(repositoryRoot, "training")
		Expect(err).To(MatchError(ContainSubstring("unknown set")))
	})
})
