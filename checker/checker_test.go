package checker_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/report"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

const seeds = "../seeds"

func newChecker() *checker.Checker {
	c, err := checker.New(checker.WithRules(os.DirFS("../rules/default"), "rules/default"))
	Expect(err).NotTo(HaveOccurred())
	return c
}

func findingsByRule(result *report.Result) map[string][]claim.Finding {
	out := map[string][]claim.Finding{}
	for _, f := range result.Findings {
		out[f.Rule] = append(out[f.Rule], f)
	}
	return out
}

// copySeeds copies the seed corpus under new names, applying text replacements to one file.
func copySeeds(dir string, edits map[string][2]string) {
	entries, err := os.ReadDir(seeds)
	Expect(err).NotTo(HaveOccurred())
	manifest, err := os.ReadFile(filepath.Join(seeds, "manifest.yaml"))
	Expect(err).NotTo(HaveOccurred())
	renamed := string(manifest)
	for _, entry := range entries {
		if filepath.Ext(entry.Name()) != ".txt" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(seeds, entry.Name()))
		Expect(err).NotTo(HaveOccurred())
		text := string(data)
		if edit, ok := edits[entry.Name()]; ok {
			Expect(text).To(ContainSubstring(edit[0]))
			text = strings.Replace(text, edit[0], edit[1], 1)
		}
		newName := "renamed_" + entry.Name()
		renamed = strings.ReplaceAll(renamed, entry.Name(), newName)
		Expect(os.WriteFile(filepath.Join(dir, newName), []byte(text), 0o644)).To(Succeed())
	}
	Expect(os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(renamed), 0o644)).To(Succeed())
}

var _ = Describe("Check on the seed corpus", func() {
	var result *report.Result
	BeforeEach(func() {
		var err error
		result, err = newChecker().Check(context.Background(), []string{seeds})
		Expect(err).NotTo(HaveOccurred())
		Expect(result.Errors).To(BeEmpty())
	})

	It("reports the Telegram channel-closure rate that does not add up, quoting both sentences", func() {
		byRule := findingsByRule(result)
		Expect(byRule["rate_mismatch"]).To(HaveLen(1))
		f := byRule["rate_mismatch"][0]
		Expect(f.Severity).To(Equal(claim.Error))
		Expect(f.Message).To(Equal("channels closed for Telegram: 60 a day does not add up to more than 2,000 a month"))
		Expect(f.Explanation).To(ContainSubstring("60 a day is 1,680–1,860 a month"))
		Expect(f.Claims).To(HaveLen(2))
		Expect(f.Claims[0].Text).To(Equal("60"))
		Expect(f.Claims[1].Text).To(Equal("أكثر من 2000"))
		for _, c := range f.Claims {
			Expect(c.Article).To(Equal("../seeds/004_0681050abb075594.txt"))
			Expect(c.Sentence).To(ContainSubstring("يومياً، وأن هذا الرقم يصل إلى أكثر من 2000 قناة شهرياً"))
			Expect(c.Line).To(Equal(30))
			// Offsets are characters of the original file.
			runes := []rune(mustRead("../seeds/004_0681050abb075594.txt"))
			Expect(string(runes[c.Start:c.End])).To(Equal(c.Text))
		}
	})

	It("shows the European fighter counts of 2014 and 2011-2016 as an update over time", func() {
		byRule := findingsByRule(result)
		Expect(byRule["cumulative_update"]).To(HaveLen(1))
		f := byRule["cumulative_update"][0]
		Expect(f.Severity).To(Equal(claim.Info))
		texts := []string{f.Claims[0].Text, f.Claims[1].Text}
		Expect(texts).To(ConsistOf("3000", "أكثر من خمسة آلاف"))
		Expect(f.Claims[0].Subject).To(Equal("europe"))
		Expect(f.Message).To(ContainSubstring("3,000 (as of 15 Oct 2014) then more than 5,000 (1 Jan 2011 – 31 Dec 2016)"))
	})

	It("warns that 30,000 Telegram accounts each followed by about 3 million people exceed the world", func() {
		byRule := findingsByRule(result)
		Expect(byRule["followers_beyond_world"]).To(HaveLen(1))
		f := byRule["followers_beyond_world"][0]
		Expect(f.Severity).To(Equal(claim.Warning))
		texts := []string{f.Claims[0].Text, f.Claims[1].Text}
		Expect(texts).To(ConsistOf("30 ألف", "حوالى 3 ملايين"))
		Expect(f.Message).To(ContainSubstring("more than the world's population"))
	})

	It("flags nothing else: the seeds' consistent figures pass", func() {
		Expect(result.Findings).To(HaveLen(3))
		Expect(result.Summary.BySeverity).To(Equal(map[string]int{"error": 1, "warning": 1, "info": 1}))
	})

	It("is deterministic: the same corpus gives byte-identical JSON", func() {
		again, err := newChecker().Check(context.Background(), []string{seeds})
		Expect(err).NotTo(HaveOccurred())
		var first, second bytes.Buffer
		Expect(report.JSON{}.Format(&first, result)).To(Succeed())
		Expect(report.JSON{}.Format(&second, again)).To(Succeed())
		Expect(first.String()).To(Equal(second.String()))
	})
})

var _ = Describe("Findings follow the text, not the file names", func() {
	It("drops the rate finding when the daily figure fits the monthly one, and renames follow", func() {
		dir := GinkgoT().TempDir()
		copySeeds(dir, map[string][2]string{"004_0681050abb075594.txt": {"بإغلاق 60 قناة", "بإغلاق 80 قناة"}})
		result, err := newChecker().Check(context.Background(), []string{dir})
		Expect(err).NotTo(HaveOccurred())
		byRule := findingsByRule(result)
		Expect(byRule["rate_mismatch"]).To(BeEmpty(), "80 a day is 2,240–2,480 a month: more than 2,000")
		Expect(byRule["cumulative_update"]).To(HaveLen(1))
		Expect(byRule["cumulative_update"][0].Claims[0].Article).To(ContainSubstring("renamed_"))
	})

	It("turns the fighters' update into a contradiction when the later figure falls", func() {
		dir := GinkgoT().TempDir()
		copySeeds(dir, map[string][2]string{"000_95a4850d4a90ac9a.txt": {"أكثر من خمسة آلاف شخص", "نحو ألف شخص"}})
		result, err := newChecker().Check(context.Background(), []string{dir})
		Expect(err).NotTo(HaveOccurred())
		byRule := findingsByRule(result)
		Expect(byRule["cumulative_update"]).To(BeEmpty())
		Expect(byRule["cumulative_decrease"]).To(HaveLen(1))
		Expect(byRule["cumulative_decrease"][0].Severity).To(Equal(claim.Error))
	})
})

var _ = Describe("Bad input", func() {
	It("reports a missing path, a binary file and bad UTF-8, and still checks the rest", func() {
		dir := GinkgoT().TempDir()
		Expect(os.WriteFile(filepath.Join(dir, "binary.txt"), []byte{0x00, 0x01, 0x02}, 0o644)).To(Succeed())
		Expect(os.WriteFile(filepath.Join(dir, "latin1.txt"), []byte("Telegram closes 60 channels a day\xff and more than 2000 channels a month."), 0o644)).To(Succeed())
		result, err := newChecker().Check(context.Background(), []string{dir, filepath.Join(dir, "missing.txt")})
		Expect(err).NotTo(HaveOccurred())
		var messages []string
		for _, e := range result.Errors {
			messages = append(messages, e.Error())
		}
		Expect(messages).To(ContainElement(ContainSubstring("binary.txt: binary file")))
		Expect(messages).To(ContainElement(ContainSubstring("missing.txt: no such file or folder")))
		Expect(messages).To(ContainElement(ContainSubstring("latin1.txt:1:34: invalid UTF-8 byte 0xff replaced by U+FFFD")))
		Expect(result.Articles).To(HaveLen(1))
		Expect(findingsByRule(result)["rate_mismatch"]).To(HaveLen(1))
	})
})

func mustRead(path string) string {
	data, err := os.ReadFile(path)
	Expect(err).NotTo(HaveOccurred())
	return string(data)
}
