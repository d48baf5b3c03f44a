package changes_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/changes"
)

// git runs git in dir with a fixed identity, so that commits work on any machine.
func git(dir string, args ...string) {
	GinkgoHelper()
	command := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	out, err := command.CombinedOutput()
	Expect(err).NotTo(HaveOccurred(), string(out))
}

func write(path, text string) {
	GinkgoHelper()
	Expect(os.MkdirAll(filepath.Dir(path), 0o755)).To(Succeed())
	Expect(os.WriteFile(path, []byte(text), 0o644)).To(Succeed())
}

var _ = Describe("Since", func() {
	var repo string
	ctx := context.Background()
	BeforeEach(func() {
		if _, err := exec.LookPath("git"); err != nil {
			Skip("git not installed")
		}
		repo = GinkgoT().TempDir()
		git(repo, "init", "-q", "-b", "main")
		write(filepath.Join(repo, "articles", "a.txt"), "a")
		write(filepath.Join(repo, "articles", "b.txt"), "b")
		write(filepath.Join(repo, "other", "c.txt"), "c")
		write(filepath.Join(repo, "other", "manifest.yaml"), "articles: {}\n")
		write(filepath.Join(repo, "other", "d.txt"), "d")
		git(repo, "add", "-A")
		git(repo, "commit", "-q", "-m", "first")
	})

	It("lists files changed since a revision: committed, staged, unstaged and untracked", func() {
		write(filepath.Join(repo, "articles", "a.txt"), "a, committed")
		git(repo, "commit", "-q", "-am", "second")
		write(filepath.Join(repo, "articles", "b.txt"), "b, not yet committed")
		write(filepath.Join(repo, "articles", "new.txt"), "untracked")
		set, err := changes.Since(ctx, repo, "HEAD~1")
		Expect(err).NotTo(HaveOccurred())
		Expect(set.Has(filepath.Join(repo, "articles", "a.txt"))).To(BeTrue())
		Expect(set.Has(filepath.Join(repo, "articles", "b.txt"))).To(BeTrue())
		Expect(set.Has(filepath.Join(repo, "articles", "new.txt"))).To(BeTrue())
		Expect(set.Has(filepath.Join(repo, "other", "c.txt"))).To(BeFalse())

		set, err = changes.Since(ctx, repo, "HEAD")
		Expect(err).NotTo(HaveOccurred())
		Expect(set.Has(filepath.Join(repo, "articles", "a.txt"))).To(BeFalse(), "committed before HEAD")
		Expect(set.Has(filepath.Join(repo, "articles", "b.txt"))).To(BeTrue())
	})

	It("reads relative paths against the folder it was given", func() {
		write(filepath.Join(repo, "articles", "b.txt"), "changed")
		set, err := changes.Since(ctx, filepath.Join(repo, "articles"), "HEAD")
		Expect(err).NotTo(HaveOccurred())
		Expect(set.Has("b.txt")).To(BeTrue())
		Expect(set.Has("a.txt")).To(BeFalse())
		Expect(set.Has("-")).To(BeTrue(), "standard input is never in git")
	})

	It("counts an article as changed when the manifest beside it changed", func() {
		write(filepath.Join(repo, "other", "manifest.yaml"), "articles: {c.txt: {date: 2020-01-01}}\n")
		set, err := changes.Since(ctx, repo, "HEAD")
		Expect(err).NotTo(HaveOccurred())
		Expect(set.Has(filepath.Join(repo, "other", "c.txt"))).To(BeTrue())
		Expect(set.Has(filepath.Join(repo, "articles", "a.txt"))).To(BeFalse())
	})

	It("refuses a revision that does not exist, or a folder outside git", func() {
		_, err := changes.Since(ctx, repo, "no-such-branch")
		Expect(err).To(MatchError(ContainSubstring(`revision "no-such-branch": no such commit`)))
		_, err = changes.Since(ctx, repo, "--output=/tmp/x")
		Expect(err).To(MatchError(ContainSubstring("cannot start with '-'")))
		_, err = changes.Since(ctx, GinkgoT().TempDir(), "HEAD")
		Expect(err).To(MatchError(ContainSubstring("find git repository")))
	})
})
