package checker_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"
	"time"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/corpusgen"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/index/indextest"
	"github.com/claimcheck/claimcheck/checker/report"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func jsonOf(result *report.Result) string {
	var b bytes.Buffer
	Expect(report.JSON{}.Format(&b, result)).To(Succeed())
	return b.String()
}

// indexedCorpus writes the seeds (renamed) and generated articles under one folder.
func indexedCorpus(c *checker.Checker, generated int) string {
	dir := GinkgoT().TempDir()
	seedDir := filepath.Join(dir, "seeds")
	Expect(os.Mkdir(seedDir, 0o755)).To(Succeed())
	copySeeds(seedDir, nil)
	_, err := corpusgen.New(c.Pack(), 7, corpusgen.WithWords(150, 400)).Write(filepath.Join(dir, "generated"), 0, generated)
	Expect(err).NotTo(HaveOccurred())
	return dir
}

// edit replaces the first occurrence of old in a file.
func edit(path, old, replacement string) {
	text := mustRead(path)
	Expect(text).To(ContainSubstring(old))
	Expect(os.WriteFile(path, []byte(strings.Replace(text, old, replacement, 1)), 0o644)).To(Succeed())
}

// withAlias is the default pack plus a layer that adds an alias: another pack version.
func withAlias() *checker.Checker {
	layer := fstest.MapFS{"extra.yaml": {Data: []byte("entities:\n  - id: telegram\n    aliases: {en: [telegram messenger]}\n")}}
	c, err := checker.New(checker.WithRules(os.DirFS("../rules/default"), "rules/default"), checker.WithRules(layer, "newsroom"))
	Expect(err).NotTo(HaveOccurred())
	return c
}

var _ = Describe("Checking through the claim index", func() {
	ctx := context.Background()
	for _, backend := range indextest.Backends() {
		Context("on "+backend.Name, func() {
			var c *checker.Checker
			var store index.Store
			var corpus string
			BeforeEach(func() {
				c = newChecker()
				corpus = indexedCorpus(c, 24)
				var err error
				store, err = index.Open(ctx, backend.NewDSN())
				Expect(err).NotTo(HaveOccurred())
				DeferCleanup(store.Close)
			})

			It("reads no file whose size, modification time and manifest entry are the stored ones", func() {
				// Files written a moment ago are read every time: a second change within the
				// same clock tick would not show in their stamp.
				_, stats, err := c.CheckIndexed(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(stats.Unread).To(BeZero())
				past := time.Now().Add(-time.Hour).Truncate(time.Second)
				Expect(filepath.Walk(corpus, func(path string, _ os.FileInfo, err error) error {
					if err != nil {
						return err
					}
					return os.Chtimes(path, past, past)
				})).To(Succeed())
				_, stats, err = c.CheckIndexed(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(stats.Unread).To(BeZero(), "the first run after records the stamps")

				full, err := c.Check(ctx, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				again, stats, err := c.CheckIndexed(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(stats).To(Equal(checker.IndexStats{Unchanged: 29, Unread: 29, Incremental: true}))
				Expect(jsonOf(again)).To(Equal(jsonOf(full)))

				// What the index trusts is the stamp, as git's index does: an edit of the same
				// size whose modification time is put back is not seen...
				seed := filepath.Join(corpus, "seeds", "renamed_004_0681050abb075594.txt")
				edit(seed, "بإغلاق 60 قناة", "بإغلاق 80 قناة")
				Expect(os.Chtimes(seed, past, past)).To(Succeed())
				stale, stats, err := c.CheckIndexed(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(stats.Unread).To(Equal(29))
				Expect(jsonOf(stale)).To(Equal(jsonOf(full)))

				// ...and any edit that moves the modification time is read.
				later := past.Add(time.Minute)
				Expect(os.Chtimes(seed, later, later)).To(Succeed())
				fresh, err := c.Check(ctx, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(jsonOf(fresh)).NotTo(Equal(jsonOf(full)))
				edited, stats, err := c.CheckIndexed(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(stats).To(Equal(checker.IndexStats{Extracted: 1, Unchanged: 28, Unread: 28, Incremental: true}))
				Expect(jsonOf(edited)).To(Equal(jsonOf(fresh)))
			})

			It("gives byte for byte the result of a run from scratch, first, unchanged and after edits", func() {
				full, err := c.Check(ctx, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(full.Findings).NotTo(BeEmpty())
				first, stats, err := c.CheckIndexed(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(stats).To(Equal(checker.IndexStats{Extracted: 29}))
				Expect(jsonOf(first)).To(Equal(jsonOf(full)))

				again, stats, err := c.CheckIndexed(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(stats).To(Equal(checker.IndexStats{Unchanged: 29, Incremental: true}))
				Expect(jsonOf(again)).To(Equal(jsonOf(full)))

				// A seed whose daily rate now fits, and a generated article with one more sentence.
				edit(filepath.Join(corpus, "seeds", "renamed_004_0681050abb075594.txt"), "بإغلاق 60 قناة", "بإغلاق 80 قناة")
				edit(filepath.Join(corpus, "generated", "000003.txt"), "\n---\n", "\n---\nAccording to Reuters, Telegram closed 4100 channels in 2016. ")
				fresh, err := c.Check(ctx, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(jsonOf(fresh)).NotTo(Equal(jsonOf(full)))
				edited, stats, err := c.CheckIndexed(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(stats).To(Equal(checker.IndexStats{Extracted: 2, Unchanged: 27, Incremental: true}))
				Expect(jsonOf(edited)).To(Equal(jsonOf(fresh)))

				// One article gone, one new: the run remembered in the index still gives the
				// result from scratch.
				Expect(os.Remove(filepath.Join(corpus, "generated", "000010.txt"))).To(Succeed())
				Expect(os.WriteFile(filepath.Join(corpus, "generated", "new.txt"), []byte(mustRead(filepath.Join(corpus, "generated", "000011.txt"))+"\nOfficials said Telegram closed 9 channels in 2016.\n"), 0o644)).To(Succeed())
				fresh, err = c.Check(ctx, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				moved, stats, err := c.CheckIndexed(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(stats).To(Equal(checker.IndexStats{Extracted: 1, Unchanged: 28, Incremental: true}))
				Expect(jsonOf(moved)).To(Equal(jsonOf(fresh)))

				stored, err := c.IndexedCorpus(ctx, store)
				Expect(err).NotTo(HaveOccurred())
				whole, err := c.CheckExtraction(ctx, stored)
				Expect(err).NotTo(HaveOccurred())
				Expect(store.Remove(ctx, []string{filepath.Join(corpus, "generated", "000010.txt")})).To(Equal(1))
				whole, err = c.CheckExtraction(ctx, mustIndexedCorpus(c, store))
				Expect(err).NotTo(HaveOccurred())
				Expect(jsonOf(whole)).To(Equal(jsonOf(fresh)))
			})

			It("refuses claims of other packs until rebuilt, then matches the new packs' run", func() {
				_, _, err := c.IndexAdd(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				other := withAlias()
				Expect(other.Pack().Version).NotTo(Equal(c.Pack().Version))
				_, _, err = other.CheckIndexed(ctx, store, []string{corpus})
				var mismatch *index.PackMismatchError
				Expect(errors.As(err, &mismatch)).To(BeTrue())
				Expect(err.Error()).To(ContainSubstring("run `claimcheck index rebuild`"))
				_, err = other.ArchiveFromIndex(ctx, store, &checker.Extraction{})
				Expect(errors.As(err, &mismatch)).To(BeTrue())

				Expect(os.Remove(filepath.Join(corpus, "generated", "000005.txt"))).To(Succeed())
				stats, errs, err := other.IndexRebuild(ctx, store)
				Expect(err).NotTo(HaveOccurred())
				Expect(errs).To(HaveLen(1))
				Expect(stats).To(Equal(checker.IndexStats{Extracted: 28, Removed: 1}))
				Expect(other.VerifyIndex(ctx, store)).To(Succeed())
				indexed, stats, err := other.CheckIndexed(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(stats.Unchanged).To(Equal(28))
				full, err := other.Check(ctx, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				Expect(jsonOf(indexed)).To(Equal(jsonOf(full)))
			})

			It("gives a draft only the archive claims its checks can meet, and the same pair findings", func() {
				_, _, err := c.IndexAdd(ctx, store, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				draftPath := filepath.Join(GinkgoT().TempDir(), "draft.txt")
				// A draft that repeats an archived article with one figure changed.
				text := strings.Replace(mustRead(filepath.Join(corpus, "seeds", "renamed_000_95a4850d4a90ac9a.txt")), "أكثر من خمسة آلاف شخص", "نحو ألف شخص", 1)
				Expect(os.WriteFile(draftPath, []byte("---\ndate: 2018-05-01\n---\n"+text), 0o644)).To(Succeed())
				draft, err := c.Extract(ctx, []string{draftPath})
				Expect(err).NotTo(HaveOccurred())
				archive, err := c.ArchiveFromIndex(ctx, store, draft)
				Expect(err).NotTo(HaveOccurred())
				Expect(archive.Mentions).NotTo(BeEmpty())

				related := map[string]bool{}
				for _, m := range draft.Mentions {
					if m.IsClaim && m.Metric != "" && m.Subject != "" {
						related[m.Metric+"|"+m.Subject] = true
						for _, ancestor := range c.Pack().Ancestors(m.Subject) {
							related[m.Metric+"|"+ancestor] = true
						}
						for _, entity := range c.Pack().Entities {
							if c.Pack().PartOf(entity.ID, m.Subject) {
								related[m.Metric+"|"+entity.ID] = true
							}
						}
					}
				}
				Expect(related).NotTo(BeEmpty())
				for _, m := range archive.Mentions {
					Expect(related).To(HaveKey(m.Metric+"|"+m.Subject), m.Text)
				}
				everything, err := c.Extract(ctx, []string{corpus})
				Expect(err).NotTo(HaveOccurred())
				candidates := 0
				for _, m := range everything.Mentions {
					if related[m.Metric+"|"+m.Subject] && m.IsClaim {
						candidates++
					}
				}
				Expect(archive.Mentions).To(HaveLen(candidates))

				// Pair findings that involve the draft are the same as against the whole archive
				// (a run from scratch over the archive and the draft).
				merged := &checker.Extraction{Articles: append(append([]report.Article{}, archive.Articles...), draft.Articles...)}
				sort.SliceStable(merged.Articles, func(i, j int) bool { return merged.Articles[i].Path < merged.Articles[j].Path })
				for _, article := range merged.Articles {
					merged.Mentions = append(merged.Mentions, article.Mentions...)
				}
				narrow, err := c.CheckExtraction(ctx, merged)
				Expect(err).NotTo(HaveOccurred())
				wide, err := c.Check(ctx, []string{corpus, draftPath})
				Expect(err).NotTo(HaveOccurred())
				Expect(draftFindings(c, narrow, draftPath)).NotTo(BeEmpty())
				Expect(draftFindings(c, narrow, draftPath)).To(Equal(draftFindings(c, wide, draftPath)))

				// The focused check gives the same findings about the draft, and only those.
				focused, err := c.CheckAgainstIndex(ctx, store, draft)
				Expect(err).NotTo(HaveOccurred())
				Expect(draftFindings(c, focused, draftPath)).To(Equal(draftFindings(c, wide, draftPath)))
				for _, f := range focused.Findings {
					Expect(f.Claims).To(ContainElement(HaveField("Article", draftPath)), f.Message)
				}
				// In one step (reading the index's claims in place) or in two (an Extraction of
				// them, then CheckDraft), the answer is the same to the byte.
				extracted, err := c.ArchiveFromIndex(ctx, store, draft)
				Expect(err).NotTo(HaveOccurred())
				twoSteps, err := c.CheckDraft(ctx, draft, extracted)
				Expect(err).NotTo(HaveOccurred())
				oneStep, err := json.Marshal(focused)
				Expect(err).NotTo(HaveOccurred())
				Expect(json.Marshal(twoSteps)).To(Equal(oneStep))
				// The archive articles come with the claims the findings quote, and nothing else:
				// the answer stays small however many candidates there were.
				quoted := map[string]bool{}
				for _, f := range focused.Findings {
					for _, c := range f.Claims {
						quoted[fmt.Sprintf("%s@%d", c.Article, c.Start)] = true
					}
				}
				Expect(focused.Articles[0].Path).To(Equal(draftPath))
				Expect(focused.Articles[0].Mentions).To(HaveLen(len(draft.Mentions)))
				Expect(len(focused.Articles)).To(BeNumerically(">", 1))
				for _, article := range focused.Articles[1:] {
					Expect(article.Mentions).NotTo(BeEmpty())
					for _, m := range article.Mentions {
						Expect(quoted).To(HaveKey(fmt.Sprintf("%s@%d", article.Path, m.Start)))
					}
				}
			})
		})
	}
})

func mustIndexedCorpus(c *checker.Checker, store index.Store) *checker.Extraction {
	extraction, err := c.IndexedCorpus(context.Background(), store)
	Expect(err).NotTo(HaveOccurred())
	return extraction
}

// draftFindings are the fingerprints and messages of pair findings with a claim of path.
func draftFindings(c *checker.Checker, result *report.Result, path string) []string {
	pairs := map[string]bool{}
	for _, check := range c.Pack().Checks {
		pairs[check.ID] = check.Scope == "pair"
	}
	var out []string
	for _, f := range result.Findings {
		if !pairs[f.Rule] {
			continue
		}
		for _, m := range f.Claims {
			if m.Article == path {
				out = append(out, f.Fingerprint+" "+f.Message)
				break
			}
		}
	}
	return out
}

var _ = Describe("Incremental checks through the index", func() {
	It("stay equal to runs from scratch over rounds of random edits, removals and additions", func() {
		ctx := context.Background()
		c := newChecker()
		dir := GinkgoT().TempDir()
		generator := corpusgen.New(c.Pack(), 11, corpusgen.WithWords(150, 400))
		paths, err := generator.Write(dir, 0, 80)
		Expect(err).NotTo(HaveOccurred())
		store, err := index.Open(ctx, indextest.SQLiteDSN())
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(store.Close)
		_, _, err = c.CheckIndexed(ctx, store, []string{dir})
		Expect(err).NotTo(HaveOccurred())
		random := GinkgoRandomSeed()
		next := 1000
		for round := range 5 {
			for k := range 3 {
				pick := paths[int(random+int64(round*7+k*13))%len(paths)]
				if _, err := os.Stat(pick); err != nil {
					continue // removed in an earlier round
				}
				switch (round + k) % 4 {
				case 0: // a figure changes
					text := mustRead(pick)
					if i := strings.IndexAny(text[40:], "123456789"); i >= 0 {
						i += 40
						Expect(os.WriteFile(pick, []byte(text[:i]+"7"+text[i+1:]), 0o644)).To(Succeed())
					}
				case 1: // a sentence from another article, about other metrics and subjects
					other := generator.Article(next)
					next++
					body := other.Text[strings.Index(other.Text, "\n---\n")+5:]
					Expect(os.WriteFile(pick, []byte(mustRead(pick)+body[:min(len(body), 600)]), 0o644)).To(Succeed())
				case 2: // an article goes
					os.Remove(pick)
				case 3: // a new one comes
					added, err := generator.Write(dir, next, 1)
					Expect(err).NotTo(HaveOccurred())
					paths = append(paths, added...)
					next++
				}
			}
			fresh, err := c.Check(ctx, []string{dir})
			Expect(err).NotTo(HaveOccurred())
			indexed, stats, err := c.CheckIndexed(ctx, store, []string{dir})
			Expect(err).NotTo(HaveOccurred())
			Expect(stats.Incremental).To(BeTrue())
			Expect(jsonOf(indexed)).To(Equal(jsonOf(fresh)), "round %d", round)
		}
	})
})
