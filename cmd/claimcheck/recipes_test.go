package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"go.yaml.in/yaml/v4"
)

// The CI recipes in docs/ci are run as written: the test reads their commands from the
// files, so a recipe that breaks fails here. Steps that install claimcheck are skipped; the
// binary built from this tree is on PATH instead.

const recipes = "../../docs/ci"

// recipeEnv is the environment of a recipe's commands: the built binary first on PATH.
func recipeEnv(extra map[string]string) []string {
	env := append(os.Environ(), "PATH="+binary()+string(os.PathListSeparator)+os.Getenv("PATH"), "NO_COLOR=1")
	for key, value := range extra {
		env = append(env, key+"="+value)
	}
	return env
}

// shell runs a script in dir and returns its exit code and output.
func shell(dir string, env []string, name string, args ...string) (int, string) {
	GinkgoHelper()
	if name == "claimcheck" { // exec looks names up in this process's PATH, not env's
		name = filepath.Join(binary(), name)
	}
	command := exec.Command(name, args...)
	command.Dir = dir
	command.Env = env
	out, err := command.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), string(out)
	}
	Expect(err).NotTo(HaveOccurred(), string(out))
	return 0, string(out)
}

type githubStep struct {
	ID   string            `yaml:"id"`
	Name string            `yaml:"name"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	Env  map[string]string `yaml:"env"`
	With map[string]string `yaml:"with"`
}

type githubWorkflow struct {
	Jobs map[string]struct {
		Steps []githubStep `yaml:"steps"`
	} `yaml:"jobs"`
}

var expression = regexp.MustCompile(`\$\{\{[^}]*\}\}`)

// runGitHub runs the workflow's run steps as the runner would (bash -e), with the ${{ }}
// values of the step environments taken from values by variable name, and returns the exit
// code of the first failing step (0 if none) and the steps that upload files.
func runGitHub(repo string, values map[string]string) (int, string, []githubStep) {
	GinkgoHelper()
	data, err := os.ReadFile(filepath.Join(recipes, "github-actions.yml"))
	Expect(err).NotTo(HaveOccurred())
	var workflow githubWorkflow
	Expect(yaml.Load(data, &workflow)).To(Succeed())
	job, ok := workflow.Jobs["claimcheck"]
	Expect(ok).To(BeTrue(), "the workflow has a claimcheck job")
	var uploads []githubStep
	ran := 0
	code, output := 0, ""
	for _, step := range job.Steps {
		if step.Uses != "" && strings.Contains(step.Uses, "upload") {
			Expect(step.If).To(Equal("always()"), "reports are uploaded when the check fails too")
			uploads = append(uploads, step)
		}
		if step.Run == "" || step.ID == "install" || code != 0 {
			continue
		}
		env := map[string]string{}
		for key, value := range step.Env {
			env[key] = expression.ReplaceAllString(value, values[key])
		}
		code, output = shell(repo, recipeEnv(env), "bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step.Run)
		ran++
	}
	Expect(ran).To(BeNumerically(">", 0), "the workflow runs claimcheck")
	return code, output, uploads
}

type gitlabJob struct {
	BeforeScript []string `yaml:"before_script"`
	Script       []string `yaml:"script"`
	Artifacts    struct {
		When    string   `yaml:"when"`
		Paths   []string `yaml:"paths"`
		Reports struct {
			JUnit string `yaml:"junit"`
		} `yaml:"reports"`
	} `yaml:"artifacts"`
}

// runGitLab runs the job's script lines in one shell, as the runner does.
func runGitLab(repo string, variables map[string]string) (int, string, gitlabJob) {
	GinkgoHelper()
	data, err := os.ReadFile(filepath.Join(recipes, "gitlab-ci.yml"))
	Expect(err).NotTo(HaveOccurred())
	var jobs map[string]gitlabJob
	Expect(yaml.Load(data, &jobs)).To(Succeed())
	job, ok := jobs["claimcheck"]
	Expect(ok).To(BeTrue(), "the file has a claimcheck job")
	Expect(job.Script).NotTo(BeEmpty())
	code, output := shell(repo, recipeEnv(variables), "sh", "-e", "-c", strings.Join(job.Script, "\n"))
	return code, output, job
}

// sarifResults reads a SARIF file's results as raw JSON.
func sarifResults(path string) []string {
	GinkgoHelper()
	data, err := os.ReadFile(path)
	Expect(err).NotTo(HaveOccurred())
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	Expect(json.Unmarshal(data, &log)).To(Succeed())
	Expect(log.Version).To(Equal("2.1.0"))
	var results []string
	for _, run := range log.Runs {
		for _, result := range run.Results {
			results = append(results, string(result))
		}
	}
	return results
}

// pullRequest commits an article on a branch off main and returns main's commit, the base
// a CI system gives.
func pullRequest(repo, name, text string) string {
	GinkgoHelper()
	base := git(repo, "rev-parse", "HEAD")
	git(repo, "checkout", "-q", "-b", "pr-"+strings.TrimSuffix(name, ".txt"))
	writeFile(filepath.Join(repo, "articles", name), text)
	git(repo, "add", filepath.Join("articles", name))
	git(repo, "commit", "-q", "-m", "add "+name)
	return base
}

var _ = Describe("the CI recipes in docs/ci", func() {
	It("GitHub Actions: fails on contradictions, uploads SARIF and the HTML report, honours the baseline and the pull request's base", func() {
		repo := seedsRepository()
		code, output, uploads := runGitHub(repo, nil)
		Expect(code).To(Equal(1), "a push: the seeds' own contradiction fails the run\n%s", output)
		Expect(output).To(ContainSubstring("error[rate_mismatch]"))
		Expect(uploads).To(HaveLen(2))
		for _, step := range uploads {
			switch {
			case strings.HasPrefix(step.Uses, "github/codeql-action/upload-sarif@"):
				Expect(sarifResults(filepath.Join(repo, step.With["sarif_file"]))).NotTo(BeEmpty())
			case strings.HasPrefix(step.Uses, "actions/upload-artifact@"):
				data, err := os.ReadFile(filepath.Join(repo, step.With["path"]))
				Expect(err).NotTo(HaveOccurred())
				Expect(string(data)).To(HavePrefix("<!DOCTYPE html>"))
			default:
				Fail("unexpected upload step " + step.Uses)
			}
		}

		// Record the known findings: the next push passes, reporting them unchanged.
		code, output = shell(repo, recipeEnv(nil), "claimcheck", "baseline", "update", "-o", ".claimcheck-baseline.json", "articles")
		Expect(code).To(Equal(0), output)
		os.Remove(filepath.Join(repo, "claimcheck.sarif"))
		git(repo, "add", ".claimcheck-baseline.json")
		git(repo, "commit", "-q", "-m", "baseline")
		code, output, _ = runGitHub(repo, nil)
		Expect(code).To(Equal(0), output)
		for _, result := range sarifResults(filepath.Join(repo, "claimcheck.sarif")) {
			Expect(result).To(MatchRegexp(`"baselineState":\s*"unchanged"`))
		}

		// A pull request that adds a contradiction fails, and reports only what involves it.
		base := pullRequest(repo, "contradicting.txt", contradictingArticle)
		code, output, _ = runGitHub(repo, map[string]string{"BASE": base})
		Expect(code).To(Equal(1), output)
		results := sarifResults(filepath.Join(repo, "claimcheck.sarif"))
		Expect(results).NotTo(BeEmpty())
		for _, result := range results {
			Expect(result).To(ContainSubstring("articles/contradicting.txt"))
			Expect(result).To(MatchRegexp(`"baselineState":\s*"new"`))
		}

		git(repo, "checkout", "-q", "main")
		base = pullRequest(repo, "harmless.txt", harmlessArticle)
		code, output, _ = runGitHub(repo, map[string]string{"BASE": base})
		Expect(code).To(Equal(0), output)
	})

	It("GitLab CI: fails on contradictions, writes the JUnit report and the HTML artifact, honours the merge request's base", func() {
		repo := seedsRepository()
		code, output, job := runGitLab(repo, nil)
		Expect(code).To(Equal(1), output)
		Expect(job.Artifacts.When).To(Equal("always"))
		Expect(filepath.Join(repo, job.Artifacts.Reports.JUnit)).To(BeAnExistingFile())
		Expect(job.Artifacts.Paths).NotTo(BeEmpty())
		for _, path := range job.Artifacts.Paths {
			Expect(filepath.Join(repo, path)).To(BeAnExistingFile())
		}
		Expect(strings.Join(job.BeforeScript, "\n")).To(ContainSubstring("go install github.com/claimcheck/claimcheck/cmd/claimcheck@"))

		base := pullRequest(repo, "harmless.txt", harmlessArticle)
		code, output, _ = runGitLab(repo, map[string]string{"CI_MERGE_REQUEST_DIFF_BASE_SHA": base})
		Expect(code).To(Equal(0), "the seeds' own finding is not the merge request's\n%s", output)

		git(repo, "checkout", "-q", "main")
		base = pullRequest(repo, "contradicting.txt", contradictingArticle)
		code, output, _ = runGitLab(repo, map[string]string{"CI_MERGE_REQUEST_DIFF_BASE_SHA": base})
		Expect(code).To(Equal(1), output)
		junit, err := os.ReadFile(filepath.Join(repo, job.Artifacts.Reports.JUnit))
		Expect(err).NotTo(HaveOccurred())
		Expect(string(junit)).To(ContainSubstring("articles/contradicting.txt"))
		Expect(string(junit)).NotTo(ContainSubstring("articles/004_"), "only what involves the merge request")
	})

	It("the pre-commit hook refuses a commit that adds a contradiction", func() {
		repo := seedsRepository()
		hook, err := os.ReadFile(filepath.Join(recipes, "pre-commit"))
		Expect(err).NotTo(HaveOccurred())
		Expect(string(hook)).To(HavePrefix("#!/bin/sh"))
		Expect(os.WriteFile(filepath.Join(repo, ".git", "hooks", "pre-commit"), hook, 0o755)).To(Succeed())
		commit := func(message string, args ...string) (int, string) {
			GinkgoHelper()
			return shell(repo, recipeEnv(nil), "git", append([]string{"-c", "core.hooksPath=.git/hooks", "-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message}, args...)...)
		}

		writeFile(filepath.Join(repo, "articles", "harmless.txt"), harmlessArticle)
		git(repo, "add", "-A")
		code, output := commit("harmless")
		Expect(code).To(Equal(0), output)

		writeFile(filepath.Join(repo, "articles", "contradicting.txt"), contradictingArticle)
		git(repo, "add", "-A")
		code, output = commit("contradicting")
		Expect(code).NotTo(Equal(0))
		Expect(output).To(ContainSubstring("error[rate_mismatch]"))
		Expect(output).To(ContainSubstring("articles/contradicting.txt"))
		Expect(git(repo, "log", "--format=%s", "-1")).To(Equal("harmless"), "the commit was refused")

		code, output = commit("contradicting, on purpose", "--no-verify")
		Expect(code).To(Equal(0), output)
	})

	It("the pre-commit framework hook runs the same check", func() {
		data, err := os.ReadFile(filepath.Join(recipes, "pre-commit-config.yaml"))
		Expect(err).NotTo(HaveOccurred())
		var config struct {
			Repos []struct {
				Hooks []struct {
					ID    string `yaml:"id"`
					Entry string `yaml:"entry"`
					Files string `yaml:"files"`
				} `yaml:"hooks"`
			} `yaml:"repos"`
		}
		Expect(yaml.Load(data, &config)).To(Succeed())
		hook := config.Repos[0].Hooks[0]
		Expect(hook.ID).To(Equal("claimcheck"))
		Expect(regexp.MustCompile(hook.Files).MatchString("articles/x.txt")).To(BeTrue())
		Expect(regexp.MustCompile(hook.Files).MatchString("articles/manifest.yaml")).To(BeTrue())

		repo := seedsRepository()
		writeFile(filepath.Join(repo, "articles", "harmless.txt"), harmlessArticle)
		code, output := shell(repo, recipeEnv(nil), "sh", "-c", hook.Entry)
		Expect(code).To(Equal(0), output)
		writeFile(filepath.Join(repo, "articles", "contradicting.txt"), contradictingArticle)
		code, output = shell(repo, recipeEnv(nil), "sh", "-c", hook.Entry)
		Expect(code).To(Equal(1), output)
	})
})
