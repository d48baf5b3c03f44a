package main

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/claimcheck/claimcheck/checker/report"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimcheck/claimcheck/checker/corpusgen"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/index/indextest"
	"github.com/claimcheck/claimcheck/checker/rules"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// TestCLIChild runs the CLI in a child process: the test binary run again with
// CLAIMCHECK_CLI_CHILD holding the arguments (separated by newlines).
func TestCLIChild(t *testing.T) {
	args := os.Getenv("CLAIMCHECK_CLI_CHILD")
	if args == "" {
		return
	}
	os.Exit(exitCode(newRootCommandWith(strings.Split(args, "\n"))))
}

func newRootCommandWith(args []string) error {
	root := newRootCommand(os.Stdin, os.Stdout, os.Stderr)
	root.SetArgs(args)
	return root.Execute()
}

func cliChild(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCLIChild$")
	cmd.Env = append(os.Environ(), "CLAIMCHECK_CLI_CHILD="+strings.Join(args, "\n"))
	return cmd
}

func generate(dir string, n int) {
	sub := os.DirFS("../../rules/default")
	pack, err := rules.Load(rules.Layer{FS: sub, Name: "default"})
	Expect(err).NotTo(HaveOccurred())
	_, err = corpusgen.New(pack, 3, corpusgen.WithWords(150, 300)).Write(dir, 0, n)
	Expect(err).NotTo(HaveOccurred())
}

func indexedArticles(dsn string) int {
	store, err := index.Open(context.Background(), dsn)
	Expect(err).NotTo(HaveOccurred())
	defer store.Close()
	status, err := store.Status(context.Background())
	Expect(err).NotTo(HaveOccurred())
	return status.Articles
}

var _ = Describe("claimcheck index", func() {
	for _, backend := range indextest.Backends() {
		Context("on "+backend.Name, func() {
			It("checks a draft against the index as against the folder it indexed", func() {
				dsn := backend.NewDSN()
				code, _, errOut := run("index", "add", "--index", dsn, "--rules", "../../rules", "../../seeds")
				Expect(code).To(Equal(0), errOut)
				draft := filepath.Join(GinkgoT().TempDir(), "draft.md")
				Expect(os.WriteFile(draft, []byte("قالت تويتر إنها أوقفت 900 ألف حساب خلال النصف الثاني من عام 2017 بسبب الترويج للإرهاب.\n"), 0o644)).To(Succeed())
				code, fromIndex, errOut := run("check", "--draft", draft, "--draft-date", "2018-05-01", "--index", dsn, "--rules", "../../rules", "--format", "json")
				Expect(code).To(Equal(1), errOut)
				_, fromFolder, _ := run("check", "--draft", draft, "--draft-date", "2018-05-01", "../../seeds", "--rules", "../../rules", "--format", "json")
				var indexed, read report.Result
				Expect(json.Unmarshal([]byte(fromIndex), &indexed)).To(Succeed())
				Expect(json.Unmarshal([]byte(fromFolder), &read)).To(Succeed())
				Expect(indexed.Findings).To(HaveLen(1))
				Expect(indexed.Findings).To(Equal(read.Findings))

				code, _, errOut = run("check", "--draft", draft, "--index", dsn, "--rules", "../../rules", "../../seeds")
				Expect(code).To(Equal(2))
				Expect(errOut).To(ContainSubstring("give no PATH"))
			})

			It("adds, reports, lists, checks, removes and rebuilds", func() {
				dsn := backend.NewDSN()
				code, out, errOut := run("index", "add", "--index", dsn, "--rules", "../../rules", "../../seeds")
				Expect(code).To(Equal(0), errOut)
				Expect(out).To(Equal("5 articles indexed, 0 unchanged\n"))
				code, out, _ = run("index", "add", "--index", dsn, "--rules", "../../rules", "../../seeds")
				Expect(code).To(Equal(0))
				Expect(out).To(Equal("0 articles indexed, 5 unchanged\n"))

				code, out, _ = run("index", "status", "--index", dsn, "--rules", "../../rules", "--format", "json")
				Expect(code).To(Equal(0))
				var status map[string]any
				Expect(json.Unmarshal([]byte(out), &status)).To(Succeed())
				Expect(status["articles"]).To(BeNumerically("==", 5))
				Expect(status["claims"]).To(BeNumerically(">", 0))
				Expect(status["current"]).To(BeTrue())
				Expect(status["bytes"]).To(BeNumerically(">", 0))
				code, out, _ = run("index", "status", "--index", dsn, "--rules", "../../rules")
				Expect(code).To(Equal(0))
				Expect(out).To(MatchRegexp(`articles:\s+5\n`))

				code, out, _ = run("claims", "--index", dsn, "--metric", "channels_closed", "--subject", "telegram")
				Expect(code).To(Equal(0))
				Expect(out).To(ContainSubstring("../../seeds/004_0681050abb075594.txt:30:"))
				Expect(out).To(ContainSubstring("2018-04-10 channels_closed telegram: 60"))
				code, out, _ = run("claims", "--index", dsn, "--metric", "channels_closed", "--since", "2019-01-01", "--format", "json")
				Expect(code).To(Equal(0))
				Expect(strings.TrimSpace(out)).To(Equal("[]"))

				_, full, _ := run("check", "--rules", "../../rules", "--format", "json", "../../seeds")
				code, indexed, _ := run("check", "--index", dsn, "--rules", "../../rules", "--format", "json", "../../seeds")
				Expect(code).To(Equal(1))
				Expect(indexed).To(Equal(full))
				code, whole, _ := run("check", "--index", dsn, "--rules", "../../rules", "--format", "json")
				Expect(code).To(Equal(1))
				Expect(whole).To(Equal(full))

				code, out, _ = run("index", "rm", "--index", dsn, "../../seeds/004_0681050abb075594.txt")
				Expect(code).To(Equal(0))
				Expect(out).To(Equal("1 articles removed\n"))
				code, out, _ = run("index", "rm", "--index", dsn, "../../seeds/")
				Expect(code).To(Equal(0))
				Expect(out).To(Equal("4 articles removed\n"))
				code, _, errOut = run("index", "rm", "--index", dsn, "nothing.txt")
				Expect(code).To(Equal(2))
				Expect(errOut).To(ContainSubstring("no indexed article matches nothing.txt"))

				code, _, _ = run("index", "add", "--index", dsn, "--rules", "../../rules", "../../seeds")
				Expect(code).To(Equal(0))
				packs := GinkgoT().TempDir()
				Expect(os.CopyFS(filepath.Join(packs, "default"), os.DirFS("../../rules/default"))).To(Succeed())
				Expect(os.WriteFile(filepath.Join(packs, "default", "extra.yaml"), []byte("entities:\n  - id: telegram\n    aliases: {en: [telegram messenger]}\n"), 0o644)).To(Succeed())
				code, _, errOut = run("check", "--index", dsn, "--rules", packs, "../../seeds")
				Expect(code).To(Equal(2))
				Expect(errOut).To(ContainSubstring("run `claimcheck index rebuild` (or pass --rebuild)"))
				code, out, _ = run("index", "status", "--index", dsn, "--rules", packs)
				Expect(code).To(Equal(0))
				Expect(out).To(ContainSubstring("run `claimcheck index rebuild`"))
				code, out, errOut = run("index", "rebuild", "--index", dsn, "--rules", packs)
				Expect(code).To(Equal(0), errOut)
				Expect(out).To(Equal("5 articles re-extracted, 0 already current, 0 removed (file gone)\n"))
				code, _, errOut = run("check", "--index", dsn, "--rules", "../../rules", "--rebuild", "../../seeds")
				Expect(code).To(Equal(1), errOut)
				Expect(errOut).To(ContainSubstring("rebuilt the index: 5 articles re-extracted"))
			})
		})
	}

	It("says what is wrong with a file that is not an index, and leaves it alone", func() {
		path := filepath.Join(GinkgoT().TempDir(), "report.json")
		Expect(os.WriteFile(path, []byte(`{"findings": []}`), 0o644)).To(Succeed())
		code, _, errOut := run("index", "status", "--index", path, "--rules", "../../rules")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring(path + ": not a claimcheck index: the file is not an SQLite database"))
		code, _, errOut = run("check", "--index", path, "--rules", "../../rules", "../../seeds")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("not a claimcheck index"))
		Expect(mustReadFile(path)).To(Equal(`{"findings": []}`))
	})

	It("says when the PostgreSQL server does not answer", func() {
		code, _, errOut := run("index", "status", "--index", "postgres://u:secret@127.0.0.1:1/db?sslmode=disable", "--rules", "../../rules")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("cannot reach the PostgreSQL server (is it running?)"))
		Expect(errOut).NotTo(ContainSubstring("secret"))
	})

	It("keeps what was indexed when `index add` is killed mid-write, and finishes on the next run", func() {
		corpus := filepath.Join(GinkgoT().TempDir(), "corpus")
		generate(corpus, 2000)
		dsn := indextest.SQLiteDSN()
		child := cliChild("index", "add", "--index", dsn, "--rules", "../../rules", corpus)
		Expect(child.Start()).To(Succeed())
		Eventually(func() int {
			if _, err := os.Stat(dsn); err != nil {
				return 0
			}
			return indexedArticles(dsn)
		}).WithTimeout(60 * time.Second).WithPolling(2 * time.Millisecond).Should(BeNumerically(">=", 20))
		Expect(child.Process.Kill()).To(Succeed())
		Expect(child.Wait()).To(HaveOccurred(), "killed before it finished")
		before := indexedArticles(dsn)
		Expect(before).To(BeNumerically(">=", 20))
		Expect(before).To(BeNumerically("<", 2000))

		code, out, errOut := run("index", "add", "--index", dsn, "--rules", "../../rules", corpus)
		Expect(code).To(Equal(0), errOut)
		Expect(out).To(Equal(fmt.Sprintf("%d articles indexed, %d unchanged\n", 2000-before, before)))
		_, full, _ := run("check", "--rules", "../../rules", "--format", "json", corpus)
		_, indexed, _ := run("check", "--index", dsn, "--rules", "../../rules", "--format", "json", corpus)
		Expect(indexed).To(Equal(full))
	})

	It("lets two `index add` processes fill one SQLite file at once: every article once", func() {
		corpus := filepath.Join(GinkgoT().TempDir(), "corpus")
		generate(corpus, 60)
		dsn := indextest.SQLiteDSN()
		var group sync.WaitGroup
		outputs := make([]string, 2)
		errs := make([]error, 2)
		for i := range 2 {
			group.Add(1)
			go func() {
				defer group.Done()
				data, err := cliChild("index", "add", "--index", dsn, "--rules", "../../rules", corpus).CombinedOutput()
				outputs[i], errs[i] = string(data), err
			}()
		}
		group.Wait()
		for i := range 2 {
			Expect(errs[i]).NotTo(HaveOccurred(), outputs[i])
		}
		Expect(indexedArticles(dsn)).To(Equal(60))
		code, out, _ := run("index", "add", "--index", dsn, "--rules", "../../rules", corpus)
		Expect(code).To(Equal(0))
		Expect(out).To(Equal("0 articles indexed, 60 unchanged\n"))
	})
})

func mustReadFile(path string) string {
	data, err := os.ReadFile(path)
	Expect(err).NotTo(HaveOccurred())
	return string(data)
}
