package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/config"
	"github.com/claimcheck/claimcheck/checker/report"
)

const twitterDraft = "قالت تويتر إنها أوقفت 900 ألف حساب خلال النصف الثاني من عام 2017 بسبب الترويج للإرهاب.\n"

func decode(out string) *report.Result {
	GinkgoHelper()
	var result report.Result
	Expect(json.Unmarshal([]byte(out), &result)).To(Succeed(), out)
	return &result
}

var _ = Describe("check --draft", func() {
	It("reports the draft against the archive, naming the article, its outlet and date", func() {
		archive := decode(func() string {
			_, out, _ := run("check", "../../seeds", "--rules", "../../rules", "--format", "json")
			return out
		}())
		draft := filepath.Join(GinkgoT().TempDir(), "draft.md")
		writeFile(draft, twitterDraft)
		code, out, _ := run("check", "--draft", draft, "--draft-date", "2018-05-01", "../../seeds", "--rules", "../../rules")
		Expect(code).To(Equal(1))
		Expect(out).To(ContainSubstring(draft + ":1:"))
		Expect(out).To(ContainSubstring("1 finding"))

		code, out, _ = run("check", "--draft", draft, "--draft-date", "2018-05-01", "../../seeds", "--rules", "../../rules", "--format", "json")
		Expect(code).To(Equal(1))
		result := decode(out)
		Expect(result.Findings).To(HaveLen(1))
		published := map[string]report.Article{}
		for _, article := range archive.Articles {
			published[article.Path] = article
		}
		cited := 0
		for _, c := range result.Findings[0].Claims {
			if article, ok := published[c.Article]; ok {
				cited++
				Expect(c.Outlet).To(Equal(article.Outlet))
				Expect(c.ArticleDate.Format("2006-01-02")).To(Equal(article.Date))
				// The text format prints them beside the quote too.
				_, text, _ := run("check", "--draft", draft, "--draft-date", "2018-05-01", "../../seeds", "--rules", "../../rules")
				Expect(text).To(ContainSubstring(c.Article + ":"))
				Expect(text).To(ContainSubstring("(" + article.Outlet + ", " + article.Date + ")"))
			} else {
				Expect(c.Article).To(Equal(draft))
			}
		}
		Expect(cited).To(Equal(1))
	})

	It("reads the draft from standard input", func() {
		code, out, _ := runWith(twitterDraft, "check", "--draft", "-", "--draft-date", "2018-05-01", "../../seeds", "--rules", "../../rules", "--format", "json")
		Expect(code).To(Equal(1))
		result := decode(out)
		Expect(result.Findings).To(HaveLen(1))
		Expect(result.Articles[0].Path).To(Equal("-"))
	})

	It("passes a draft that contradicts nothing, though the archive contradicts itself", func() {
		code, out, _ := runWith("The desk added 12 photos on Monday.\n", "check", "--draft", "-", "../../seeds", "--rules", "../../rules")
		Expect(code).To(Equal(0))
		Expect(out).To(ContainSubstring("0 findings"))
	})

	It("says why a draft cannot be checked", func() {
		code, _, errOut := runWith("", "check", "--draft", "-", "../../seeds", "--rules", "../../rules")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("empty"))
		huge := filepath.Join(GinkgoT().TempDir(), "huge.md")
		file, err := os.Create(huge)
		Expect(err).NotTo(HaveOccurred())
		Expect(file.Truncate(100 << 20)).To(Succeed()) // 100 MB, sparse
		file.Close()
		code, _, errOut = run("check", "--draft", huge, "../../seeds", "--rules", "../../rules")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("draft larger than the 1048576-byte limit"))
		code, _, errOut = run("check", "--draft", "no/such/draft.md", "../../seeds", "--rules", "../../rules")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("--draft no/such/draft.md: no such file or folder"))
		code, _, errOut = run("check", "--draft", "-", "--changed-since", "HEAD", "--rules", "../../rules")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("--changed-since applies to a corpus"))
	})
})

var _ = Describe("baselines", func() {
	It("suppresses known findings until they change, in every format, and fails on new ones", func() {
		repo := seedsRepository()
		inDir(repo)
		// No ./rules in the repository: the bundled packs check it.
		code, _, errOut := run("baseline", "update", "-o", "known.json", "articles")
		Expect(code).To(Equal(0), errOut)
		Expect(errOut).To(MatchRegexp(`wrote known.json: \d+ findings`))
		data, err := os.ReadFile("known.json")
		Expect(err).NotTo(HaveOccurred())
		Expect(string(data)).To(ContainSubstring(`"format": "claimcheck-baseline"`))
		Expect(string(data)).To(ContainSubstring(`"version": "` + checker.Version + `"`))

		code, out, _ := run("check", "articles", "--baseline", "known.json")
		Expect(code).To(Equal(0), "every finding is known")
		Expect(out).To(ContainSubstring("(unchanged)"))
		Expect(out).NotTo(ContainSubstring("(new)"))
		Expect(out).To(MatchRegexp(`baseline: 0 new, \d+ unchanged`))

		writeFile("articles/new.txt", contradictingArticle)
		code, out, _ = run("check", "articles", "--baseline", "known.json", "-f", "sarif")
		Expect(code).To(Equal(1))
		Expect(out).To(ContainSubstring(`"baselineState": "new"`))
		Expect(out).To(ContainSubstring(`"baselineState": "unchanged"`))
	})

	It("refuses a baseline from another version or another tool, and a missing one", func() {
		dir := GinkgoT().TempDir()
		old := filepath.Join(dir, "old.json")
		writeFile(old, `{"format": "claimcheck-baseline", "version": 1, "tool": {"name": "claimcheck", "version": "0.0.1"}, "findings": []}`)
		code, _, errOut := run("check", "../../seeds", "--rules", "../../rules", "--baseline", old)
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("written by claimcheck 0.0.1, this is " + checker.Version))
		Expect(errOut).To(ContainSubstring("claimcheck baseline update -o " + old))

		sarif := filepath.Join(dir, "report.sarif")
		writeFile(sarif, `{"version": "2.1.0", "runs": []}`)
		code, _, errOut = run("check", "../../seeds", "--rules", "../../rules", "--baseline", sarif)
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("not a claimcheck baseline"))

		code, _, errOut = run("check", "../../seeds", "--rules", "../../rules", "--baseline", filepath.Join(dir, "none.json"))
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("no such file or folder"))
	})
})

var _ = Describe("--changed-since", func() {
	It("reports only findings that involve changed articles, checked against the whole corpus", func() {
		repo := seedsRepository()
		inDir(repo)
		code, out, _ := run("check", "articles", "--changed-since", "HEAD")
		Expect(code).To(Equal(0), "nothing changed: the seeds' own findings are not reported")
		Expect(out).To(ContainSubstring("0 findings"))

		writeFile("articles/harmless.txt", harmlessArticle)
		code, _, _ = run("check", "articles", "--changed-since", "HEAD")
		Expect(code).To(Equal(0))

		writeFile("articles/contradicting.txt", contradictingArticle)
		code, out, _ = run("check", "articles", "--changed-since", "HEAD", "--format", "json")
		Expect(code).To(Equal(1))
		result := decode(out)
		Expect(result.Findings).NotTo(BeEmpty())
		for _, finding := range result.Findings {
			var articles []string
			for _, c := range finding.Claims {
				articles = append(articles, c.Article)
			}
			Expect(articles).To(ContainElement("articles/contradicting.txt"))
		}
		Expect(len(result.Articles)).To(BeNumerically(">", 2), "the whole corpus was read")

		git(repo, "add", "-A")
		git(repo, "commit", "-q", "-m", "two more")
		code, _, _ = run("check", "articles", "--changed-since", "HEAD")
		Expect(code).To(Equal(0), "committed: no longer changed since HEAD")
		code, _, _ = run("check", "articles", "--changed-since", "HEAD~1")
		Expect(code).To(Equal(1))
	})

	It("refuses a revision that does not exist", func() {
		repo := seedsRepository()
		inDir(repo)
		code, _, errOut := run("check", "articles", "--changed-since", "no-such-branch")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring(`--changed-since: revision "no-such-branch": no such commit`))
	})
})

var _ = Describe(".claimcheck.yaml", func() {
	It("is found upwards from the working directory, and flags override it", func() {
		repo := seedsRepository()
		writeFile(filepath.Join(repo, config.FileName), "corpus: [articles]\nfail_on: none\noutputs:\n  - {format: json, output: out/report.json}\n  - {format: text}\n")
		Expect(os.MkdirAll(filepath.Join(repo, "out", "deep"), 0o755)).To(Succeed())
		inDir(filepath.Join(repo, "out", "deep"))
		code, out, errOut := run("check", "--verbose")
		Expect(code).To(Equal(0), "fail_on: none")
		Expect(out).To(ContainSubstring("../../articles/004_0681050abb075594.txt:30:"))
		Expect(errOut).To(ContainSubstring("configuration: ../../" + config.FileName))
		Expect(errOut).To(ContainSubstring("wrote json report to ../report.json"))
		Expect(filepath.Join(repo, "out", "report.json")).To(BeAnExistingFile())

		code, out, _ = run("check", "--fail-on", "error", "--format", "markdown")
		Expect(code).To(Equal(1), "the flag overrides fail_on")
		Expect(out).To(HavePrefix("**claimcheck**"))

		code, out, _ = run("check", "--config", "none")
		Expect(code).To(Equal(2), "no configuration read: the default corpus ./seeds, not here")
		Expect(out).To(ContainSubstring("seeds: error: no such file or folder"))

		elsewhere := GinkgoT().TempDir()
		inDir(elsewhere)
		code, _, errOut = run("check", "--config", filepath.Join(repo, config.FileName), "--verbose")
		Expect(code).To(Equal(0), "the named file's fail_on: none\n%s", errOut)
		Expect(errOut).To(ContainSubstring("configuration: "))
	})

	It("reports a typo at file:line:col and checks nothing", func() {
		dir := GinkgoT().TempDir()
		writeFile(filepath.Join(dir, config.FileName), "corpus: [articles]\nfail_onn: warning\n")
		inDir(dir)
		code, out, errOut := run("check")
		Expect(code).To(Equal(2))
		Expect(out).To(BeEmpty())
		Expect(errOut).To(ContainSubstring(config.FileName + `:2:1: configuration: unknown key "fail_onn"`))
		Expect(errOut).To(ContainSubstring(`did you mean "fail_on"?`))
		Expect(errOut).To(ContainSubstring("\n  ^"))
	})

	It("is written, commented, by init, which keeps an existing one", func() {
		repo := seedsRepository()
		inDir(repo)
		code, _, errOut := run("init")
		Expect(code).To(Equal(0), errOut)
		data, err := os.ReadFile(config.FileName)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(data)).To(Equal(config.Template))
		Expect(string(data)).To(ContainSubstring("# "))
		code, _, errOut = run("init")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("already exists"))
		code, _, _ = run("init", "--force")
		Expect(code).To(Equal(0))
		code, out, _ := run("check")
		Expect(code).To(Equal(1), "the template's corpus is articles/, which holds the seeds")
		Expect(out).To(ContainSubstring("rate_mismatch"))
	})
})

var _ = Describe("reports and streams", func() {
	It("writes several formats in one run: the n-th output with the n-th format", func() {
		dir := GinkgoT().TempDir()
		sarif, html := filepath.Join(dir, "r.sarif"), filepath.Join(dir, "r.html")
		code, out, _ := run("check", "../../seeds", "--rules", "../../rules", "-f", "sarif", "-o", sarif, "-f", "html", "-o", html, "-f", "text")
		Expect(code).To(Equal(1))
		Expect(out).To(ContainSubstring("error[rate_mismatch]"))
		Expect(sarif).To(BeAnExistingFile())
		Expect(html).To(BeAnExistingFile())
		code, _, errOut := run("check", "../../seeds", "--rules", "../../rules", "-f", "json", "-f", "text")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("two reports for standard output"))
		json := filepath.Join(dir, "r.json")
		code, out, _ = run("check", "../../seeds", "--rules", "../../rules", "-o", json, "-f", "json", "-f", "markdown")
		Expect(code).To(Equal(1))
		Expect(out).To(HavePrefix("**claimcheck**"), "an --output given first names the next format's file")
		data, err := os.ReadFile(json)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(data)).To(HavePrefix("{"))
	})

	It("prints nothing on standard error when it is not a terminal, notes with --verbose", func() {
		code, _, errOut := run("check", "../../seeds", "--rules", "../../rules")
		Expect(code).To(Equal(1))
		Expect(errOut).To(BeEmpty())
		_, _, errOut = run("check", "../../seeds", "--rules", "../../rules", "--verbose")
		Expect(errOut).To(MatchRegexp(`claimcheck: \d+ articles, \d+ claims, \d+ findings in`))
		code, _, errOut = run("check", "../../seeds", "--rules", "../../rules", "--quiet", "--verbose")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("none of the others can be"))
	})
})

var _ = Describe("serve", func() {
	It("answers over loopback and stops gracefully on SIGTERM", func() {
		command := exec.Command(filepath.Join(binary(), "claimcheck"), "serve", "--addr", "127.0.0.1:0", "../../seeds", "--rules", "../../rules")
		stderr, err := command.StderrPipe()
		Expect(err).NotTo(HaveOccurred())
		Expect(command.Start()).To(Succeed())
		DeferCleanup(func() { command.Process.Kill() })
		lines := bufio.NewScanner(stderr)
		Expect(lines.Scan()).To(BeTrue())
		address := regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+)/`).FindStringSubmatch(lines.Text())
		Expect(address).To(HaveLen(2), lines.Text())

		response, err := http.Get(address[1] + "/healthz")
		Expect(err).NotTo(HaveOccurred())
		Expect(response.StatusCode).To(Equal(http.StatusOK))
		response.Body.Close()
		response, err = http.Post(address[1]+"/v1/check?date=2018-05-01", "text/plain", strings.NewReader(twitterDraft))
		Expect(err).NotTo(HaveOccurred())
		data, _ := io.ReadAll(response.Body)
		response.Body.Close()
		Expect(response.StatusCode).To(Equal(http.StatusOK))
		Expect(decode(string(data)).Findings).To(HaveLen(1))
		response, err = http.Post(address[1]+"/v1/check", "text/plain", strings.NewReader(""))
		Expect(err).NotTo(HaveOccurred())
		response.Body.Close()
		Expect(response.StatusCode).To(Equal(http.StatusBadRequest))

		Expect(command.Process.Signal(syscall.SIGTERM)).To(Succeed())
		done := make(chan error, 1)
		go func() {
			for lines.Scan() {
				GinkgoWriter.Println(lines.Text())
			}
			done <- command.Wait()
		}()
		Eventually(done, 10*time.Second).Should(Receive(BeNil()), "exit 0 after SIGTERM")
	})

	It("refuses to serve an archive it could not read", func() {
		code, _, errOut := run("serve", "--addr", "127.0.0.1:0", "no/such/archive", "--rules", "../../rules")
		Expect(code).To(Equal(2))
		Expect(errOut).To(ContainSubstring("no/such/archive: no such file or folder"))
	})
})
