package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// runWith executes the CLI in-process with standard input and returns the exit code and
// both streams.
func runWith(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	root := newRootCommand(strings.NewReader(stdin), &out, &errOut)
	root.SetArgs(args)
	err := root.Execute()
	code := 0
	if err != nil {
		code = 2
		if exit, ok := err.(*exitError); ok {
			code = exit.code
			errOut.WriteString(exit.message)
		} else {
			errOut.WriteString(err.Error())
		}
	}
	return code, out.String(), errOut.String()
}

// inDir runs the rest of the spec with dir as the working directory.
func inDir(dir string) {
	GinkgoHelper()
	previous, err := os.Getwd()
	Expect(err).NotTo(HaveOccurred())
	Expect(os.Chdir(dir)).To(Succeed())
	DeferCleanup(os.Chdir, previous)
}

var (
	binaryOnce sync.Once
	binaryDir  string
	binaryErr  error
)

// binary builds claimcheck once for the specs that run it as a process, and returns the
// folder that holds it (to put on PATH).
func binary() string {
	GinkgoHelper()
	binaryOnce.Do(func() {
		binaryDir, binaryErr = os.MkdirTemp("", "claimcheck-bin-")
		if binaryErr != nil {
			return
		}
		here, _ := os.Getwd()
		command := exec.Command("go", "build", "-o", filepath.Join(binaryDir, "claimcheck"), ".")
		command.Dir = here
		if out, err := command.CombinedOutput(); err != nil {
			binaryErr = err
			GinkgoWriter.Println(string(out))
		}
	})
	Expect(binaryErr).NotTo(HaveOccurred(), "build claimcheck")
	return binaryDir
}

var _ = AfterSuite(func() {
	if binaryDir != "" {
		os.RemoveAll(binaryDir)
	}
})

// git runs git in dir with a fixed identity, so that commits work on any machine.
func git(dir string, args ...string) string {
	GinkgoHelper()
	command := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	out, err := command.CombinedOutput()
	Expect(err).NotTo(HaveOccurred(), string(out))
	return strings.TrimSpace(string(out))
}

// seedsRepository makes a git repository whose articles/ folder holds the seed corpus, in
// one commit, and returns its path.
func seedsRepository() string {
	GinkgoHelper()
	if _, err := exec.LookPath("git"); err != nil {
		Skip("git not installed")
	}
	repo := GinkgoT().TempDir()
	articles := filepath.Join(repo, "articles")
	Expect(os.MkdirAll(articles, 0o755)).To(Succeed())
	files, err := filepath.Glob("../../seeds/*")
	Expect(err).NotTo(HaveOccurred())
	for _, file := range files {
		if ext := filepath.Ext(file); ext != ".txt" && ext != ".yaml" {
			continue
		}
		data, err := os.ReadFile(file)
		Expect(err).NotTo(HaveOccurred())
		Expect(os.WriteFile(filepath.Join(articles, filepath.Base(file)), data, 0o644)).To(Succeed())
	}
	git(repo, "init", "-q", "-b", "main")
	git(repo, "add", "-A")
	git(repo, "commit", "-q", "-m", "the published articles")
	return repo
}

// Articles added in the workflows: one contradicts itself (a daily rate against a monthly
// one), one has nothing to contradict.
const (
	contradictingArticle = "---\ndate: 2021-03-01\noutlet: Desk\n---\nتقول إدارة تطبيق «تليجرام» إنها تقوم بإغلاق 60 قناة مرتبطة بداعش يومياً، وأن هذا الرقم يصل إلى أكثر من 2000 قناة شهرياً.\n"
	harmlessArticle      = "---\ndate: 2021-03-01\noutlet: Desk\n---\nThe desk added 12 photos to the gallery on Monday.\n"
)

func writeFile(path, text string) {
	GinkgoHelper()
	Expect(os.MkdirAll(filepath.Dir(path), 0o755)).To(Succeed())
	Expect(os.WriteFile(path, []byte(text), 0o644)).To(Succeed())
}
