package changes

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/claimcheck/claimcheck/checker/corpus"
)

// Set is the files changed since a revision: committed, staged, unstaged, and untracked
// ones (new articles not yet added), by absolute path.
type Set struct {
	base  string
	files map[string]bool
}

// Since lists the files changed in the git repository holding dir since revision rev.
// Relative paths later given to Has are read against dir.
func Since(ctx context.Context, dir, rev string) (*Set, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("revision %q: a revision cannot start with '-'", rev)
	}
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("find git repository of %s: %w", dir, err)
	}
	root := strings.TrimSpace(string(top))
	if _, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("revision %q: no such commit in the git repository at %s", rev, root)
	}
	changed, err := git(ctx, root, "diff", "--name-only", "-z", "--end-of-options", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("list files changed since %s: %w", rev, err)
	}
	untracked, err := git(ctx, root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, fmt.Errorf("list untracked files: %w", err)
	}
	set := &Set{base: resolve("", dir), files: map[string]bool{}}
	root = resolve("", root)
	for _, list := range [][]byte{changed, untracked} {
		for _, name := range bytes.Split(list, []byte{0}) {
			if len(name) > 0 {
				set.files[filepath.Join(root, filepath.FromSlash(string(name)))] = true
			}
		}
	}
	return set, nil
}

// Len is how many files changed.
func (s *Set) Len() int { return len(s.files) }

// Has says whether the article at path changed, or the manifest.yaml beside it that gives
// its metadata.
func (s *Set) Has(path string) bool {
	if path == "-" {
		return true // standard input is not in git: always new
	}
	abs := resolve(s.base, path)
	return s.files[abs] || s.files[filepath.Join(filepath.Dir(abs), corpus.ManifestName)]
}

// resolve makes path absolute against base and resolves symbolic links (a temporary folder
// may be a link), falling back to the cleaned path when it no longer exists.
func resolve(base, path string) string {
	if !filepath.IsAbs(path) {
		if base == "" {
			abs, err := filepath.Abs(path)
			if err == nil {
				path = abs
			}
		} else {
			path = filepath.Join(base, path)
		}
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	if real, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
		return filepath.Join(real, filepath.Base(path))
	}
	return filepath.Clean(path)
}

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	command := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	command.Stderr = &stderr
	out, err := command.Output()
	if err != nil {
		var exit *exec.ExitError
		if message := strings.TrimSpace(stderr.String()); message != "" && errors.As(err, &exit) {
			return nil, errors.New(message)
		}
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errors.New("git is not installed")
		}
		return nil, err
	}
	return out, nil
}
