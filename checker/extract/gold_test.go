package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/gold"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// Bars per field: just under what extraction reaches today, so that a regression of one
// mention fails. Raise them when extraction improves (go run ./cmd/goldscore prints the
// figures; -misses FIELD lists the disagreements).
var bars = map[string]struct{ precision, recall float64 }{
	"detection": {0.99, 0.99},
	"is_claim":  {0.984, 0.999},
	"kind":      {0.985, 0.97},
	"value":     {0.975, 0.99},
	"interval":  {0.97, 0.984},
	"qualifier": {0.97, 0.985},
	"unit":      {0.99, 0.99},
	"metric":    {0.965, 0.955},
	"subject":   {0.945, 0.95},
	"rate":      {0.99, 0.99},
	"period":    {0.97, 0.80},
}

var _ = Describe("extraction scored against the gold annotations", func() {
	It("reaches the bar of every field", func() {
		files, err := gold.Load(repositoryRoot, filepath.Join(repositoryRoot, "fixtures", "gold"))
		Expect(err).NotTo(HaveOccurred())
		Expect(files).To(HaveLen(45))
		mentions := 0
		for _, f := range files {
			mentions += len(f.Mentions)
		}
		Expect(mentions).To(Equal(283))
		x := newExtractor()
		result := gold.Run(files, func(f gold.File) []claim.Claim { return x.Article(f.Article) })
		if testing.Verbose() {
			var table strings.Builder
			result.Table(&table)
			_, _ = os.Stdout.WriteString("\n" + table.String())
		}
		for _, field := range gold.Fields {
			bar, ok := bars[field]
			Expect(ok).To(BeTrue(), "no bar for %s", field)
			score := result.Scores[field]
			Expect(score.Precision()).To(BeNumerically(">=", bar.precision), "%s precision", field)
			Expect(score.Recall()).To(BeNumerically(">=", bar.recall), "%s recall", field)
		}
	})
})
