package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/extract"
	"github.com/claimcheck/claimcheck/checker/gold"
	"github.com/claimcheck/claimcheck/checker/rules"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// An Extractor recycles each reading's buffers and caches word spellings for every reader:
// neither may let one article's reading change another's.
var _ = Describe("an Extractor that has read other articles", func() {
	var (
		files []gold.File
		pack  *rules.Pack
		alone [][]string // each article read by an Extractor of its own
	)
	BeforeEach(func() {
		var err error
		files, err = gold.Load(repositoryRoot, filepath.Join(repositoryRoot, "fixtures", "gold"))
		Expect(err).NotTo(HaveOccurred())
		Expect(files).NotTo(BeEmpty())
		pack, err = rules.Load(rules.Layer{FS: os.DirFS(repositoryRoot + "/rules/default"), Name: "rules/default"})
		Expect(err).NotTo(HaveOccurred())
		alone = make([][]string, len(files))
		for i, f := range files {
			alone[i] = printed(extract.New(pack).Article(f.Article))
		}
	})

	It("reads each article as a fresh one does, in any order", func() {
		x := extract.New(pack)
		for round := 0; round < 2; round++ {
			for i := len(files) - 1; i >= 0; i-- {
				Expect(printed(x.Article(files[i].Article))).To(Equal(alone[i]), "%s, round %d", files[i].Article.Path, round)
			}
		}
	})

	It("reads the same from goroutines sharing it", func() {
		x := extract.New(pack)
		const readers = 8
		got := make([][][]string, readers)
		var wg sync.WaitGroup
		for r := range readers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[r] = make([][]string, len(files))
				for k := range files {
					i := (k + r*7) % len(files) // each reader its own order
					got[r][i] = printed(x.Article(files[i].Article))
				}
			}()
		}
		wg.Wait()
		for r := range readers {
			for i := range files {
				Expect(got[r][i]).To(Equal(alone[i]), "reader %d, %s", r, files[i].Article.Path)
			}
		}
	})
})

// printed spells claims out, so that vague amounts (value NaN) compare equal.
func printed(claims []claim.Claim) []string {
	out := make([]string, len(claims))
	for i, c := range claims {
		out[i] = fmt.Sprintf("%+v", c)
	}
	return out
}
