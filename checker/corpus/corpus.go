package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimcheck/claimcheck/checker/source"
	"github.com/claimcheck/claimcheck/checker/yamlnode"
	"go.yaml.in/yaml/v4"
)

// Article is one text with its metadata. Text is the file as read (BOM removed, invalid
// UTF-8 replaced by U+FFFD one for one), so offsets into it are offsets into the file.
type Article struct {
	// Path is the path as given on the command line (or joined under a given folder).
	Path     string
	Text     string
	Date     time.Time
	Outlet   string
	Language string
	Title    string
	// BodyStart is the character offset where the text after front matter begins.
	BodyStart int
	// Stamp is what the file looked like when it was read (see Stamp); empty for standard
	// input and for files modified too recently to trust.
	Stamp string
}

// Metadata is what a manifest entry or front matter may say about an article.
type Metadata struct {
	Date     string `yaml:"date"`
	Outlet   string `yaml:"outlet"`
	Language string `yaml:"language"`
	Title    string `yaml:"title"`
	Note     string `yaml:"note"`
}

// Manifest is manifest.yaml: metadata for the articles of its folder, by file name.
type Manifest struct {
	Articles map[string]Metadata `yaml:"articles"`
}

// ManifestName is the sidecar file a corpus folder may hold.
const ManifestName = "manifest.yaml"

// Loader reads articles.
type Loader struct {
	maxBytes int64
	stdin    io.Reader
	ext      map[string]bool
}

// Option configures a Loader.
type Option func(*Loader)

// WithMaxBytes refuses files larger than n bytes (default 64 MiB).
func WithMaxBytes(n int64) Option { return func(l *Loader) { l.maxBytes = n } }

// WithStdin sets what "-" reads.
func WithStdin(r io.Reader) Option { return func(l *Loader) { l.stdin = r } }

// New returns a Loader.
func New(options ...Option) *Loader {
	l := &Loader{maxBytes: 64 << 20, ext: map[string]bool{".txt": true, ".md": true, ".markdown": true, ".text": true}}
	for _, option := range options {
		option(l)
	}
	return l
}

// Load reads every path: a file, a folder (its article files, recursively, sorted), a glob,
// or "-" for standard input. Problems are returned as positioned errors beside the articles
// that did load.
func (l *Loader) Load(paths []string) ([]*Article, source.ErrorList) {
	jobs, errs := l.list(paths)
	return l.finish(jobs, errs)
}

// Kept is a listed file that LoadChanged did not read, because its stamp had not changed.
type Kept struct{ Path, Stamp string }

// LoadChanged is Load for a re-check: it lists the files, asks known for the stamps it
// remembers of them, and reads only the files whose stamp differs (or that have none); the
// others come back as kept. A claim index uses it so that an unchanged archive is not read.
func (l *Loader) LoadChanged(paths []string, known func(listed []string) (map[string]string, error)) ([]*Article, []Kept, source.ErrorList, error) {
	jobs, errs := l.list(paths)
	var listed []string
	for _, job := range jobs {
		if !job.done {
			listed = append(listed, job.path)
		}
	}
	stamps, err := known(listed)
	if err != nil {
		return nil, nil, nil, err
	}
	now := time.Now()
	var kept []Kept
	toRead := jobs[:0:0]
	for _, job := range jobs {
		if !job.done {
			if info, err := os.Stat(job.path); err == nil {
				if stamp := Stamp(info, job.meta, now); stamp != "" && stamps[job.path] == stamp {
					kept = append(kept, Kept{Path: job.path, Stamp: stamp})
					continue
				}
			}
		}
		toRead = append(toRead, job)
	}
	articles, errs := l.finish(toRead, errs)
	return articles, kept, errs, nil
}

// Stamp says what a file looked like: its size, its modification time and the manifest
// entry that gives its metadata, so that a change to any of them changes the stamp. A file
// modified within the last two seconds gets none: a second change within the same clock
// tick would not show (what git calls racily clean files), so such a file is always read.
func Stamp(info fs.FileInfo, meta *Metadata, now time.Time) string {
	modified := info.ModTime()
	if now.Sub(modified) < 2*time.Second {
		return ""
	}
	stamp := fmt.Sprintf("%d %d", info.Size(), modified.UnixNano())
	if meta != nil {
		stamp += fmt.Sprintf(" %q %q %q %q", meta.Date, meta.Outlet, meta.Language, meta.Title)
	}
	return stamp
}

// list expands the paths into the files to read (standard input read at once), with the
// manifest metadata of each.
func (l *Loader) list(paths []string) ([]loadJob, source.ErrorList) {
	var errs source.ErrorList
	seen := map[string]bool{}
	// Files are listed first and read after, on every core, in the order listed: a large
	// corpus re-checked through the claim index is mostly this reading.
	var jobs []loadJob
	add := func(path string, meta *Metadata) {
		if seen[path] {
			return
		}
		seen[path] = true
		jobs = append(jobs, loadJob{path: path, meta: meta})
	}
	for _, path := range paths {
		if path == "-" {
			if l.stdin == nil {
				errs = append(errs, &source.Error{File: "-", Message: "no standard input to read"})
				continue
			}
			article, fileErrs := l.read("-", l.stdin, nil)
			jobs = append(jobs, loadJob{path: "-", done: true, article: article, errs: fileErrs})
			continue
		}
		matches := []string{path}
		if strings.ContainsAny(path, "*?[") {
			found, err := filepath.Glob(path)
			if err != nil {
				errs = append(errs, &source.Error{File: path, Message: fmt.Sprintf("bad glob: %v", err)})
				continue
			}
			if len(found) == 0 {
				errs = append(errs, &source.Error{File: path, Message: "no file matches this pattern"})
				continue
			}
			matches = found
		}
		for _, match := range matches {
			info, err := os.Stat(match)
			if err != nil {
				errs = append(errs, &source.Error{File: match, Message: DescribeOpenError(err)})
				continue
			}
			if info.IsDir() {
				files, manifests, dirErrs := l.walk(match)
				errs = append(errs, dirErrs...)
				for _, file := range files {
					add(file, manifests.lookup(file))
				}
				continue
			}
			manifest, manifestErr := readManifest(filepath.Join(filepath.Dir(match), ManifestName))
			if manifestErr != nil {
				errs = append(errs, manifestErr)
			}
			add(match, manifest.lookup(match))
		}
	}
	return jobs, errs
}

// finish reads the listed files on every core and gathers articles and errors in order.
func (l *Loader) finish(jobs []loadJob, errs source.ErrorList) ([]*Article, source.ErrorList) {
	l.loadAll(jobs)
	var articles []*Article
	for _, job := range jobs {
		errs = append(errs, job.errs...)
		if job.article != nil {
			articles = append(articles, job.article)
		}
	}
	errs.Sort()
	return articles, errs
}

type loadJob struct {
	path    string
	meta    *Metadata
	done    bool
	article *Article
	errs    source.ErrorList
}

func (l *Loader) loadAll(jobs []loadJob) {
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	var group sync.WaitGroup
	for w := range workers {
		group.Add(1)
		go func() {
			defer group.Done()
			for i := w; i < len(jobs); i += workers {
				if !jobs[i].done {
					jobs[i].article, jobs[i].errs = l.loadFile(jobs[i].path, jobs[i].meta)
				}
			}
		}()
	}
	group.Wait()
}

// DescribeOpenError says in plain words why a path could not be opened.
func DescribeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

type manifestIndex map[string]Metadata

func (m manifestIndex) lookup(path string) *Metadata {
	if meta, ok := m[filepath.Clean(path)]; ok {
		return &meta
	}
	return nil
}

func readManifest(path string) (manifestIndex, *source.Error) {
	index := manifestIndex{}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return index, nil
	}
	if err != nil {
		return index, &source.Error{File: path, Message: DescribeOpenError(err)}
	}
	var manifest Manifest
	if err := yaml.Load(data, &manifest, yaml.WithKnownFields()); err != nil {
		return index, yamlnode.LoadError(path, string(data), err)
	}
	for name, meta := range manifest.Articles {
		index[filepath.Join(filepath.Dir(path), name)] = meta
	}
	return index, nil
}

// walk lists a folder's article files, sorted, and the manifests met on the way.
func (l *Loader) walk(root string) ([]string, manifestIndex, source.ErrorList) {
	var files []string
	var errs source.ErrorList
	manifests := manifestIndex{}
	err := filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &source.Error{File: path, Message: DescribeOpenError(err)})
			if entry != nil && entry.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := entry.Name()
		if entry.IsDir() {
			if path != root && strings.HasPrefix(name, ".") {
				return fs.SkipDir
			}
			return nil
		}
		if name == ManifestName {
			found, manifestErr := readManifest(path)
			if manifestErr != nil {
				errs = append(errs, manifestErr)
			}
			for k, v := range found {
				manifests[k] = v
			}
			return nil
		}
		if l.ext[strings.ToLower(filepath.Ext(name))] {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, &source.Error{File: root, Message: err.Error()})
	}
	sort.Strings(files)
	return files, manifests, errs
}

func (l *Loader) loadFile(path string, meta *Metadata) (*Article, source.ErrorList) {
	file, err := os.Open(path)
	if err != nil {
		return nil, source.ErrorList{{File: path, Message: DescribeOpenError(err)}}
	}
	defer file.Close()
	// Stamped before reading: a change made while reading shows as a different stamp later.
	info, statErr := file.Stat()
	article, errs := l.read(path, file, meta)
	if article != nil && statErr == nil {
		article.Stamp = Stamp(info, meta, time.Now())
	}
	return article, errs
}

// Read reads one article from r under the given path (a draft, standard input), with the
// same limits, decoding and front matter as files; meta may be nil.
func (l *Loader) Read(path string, r io.Reader, meta *Metadata) (*Article, source.ErrorList) {
	return l.read(path, r, meta)
}

func (l *Loader) read(path string, r io.Reader, meta *Metadata) (*Article, source.ErrorList) {
	data, err := io.ReadAll(io.LimitReader(r, l.maxBytes+1))
	if err != nil {
		return nil, source.ErrorList{{File: path, Message: fmt.Sprintf("read: %v", err)}}
	}
	if int64(len(data)) > l.maxBytes {
		return nil, source.ErrorList{{File: path, Message: fmt.Sprintf("file is larger than the %d-byte limit; skipped", l.maxBytes)}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, source.ErrorList{{File: path, Message: "empty file; skipped"}}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, source.ErrorList{{File: path, Message: "binary file (it holds NUL bytes), not text; skipped"}}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	text, errs := decode(path, data)
	article := &Article{Path: path, Text: text}
	if meta == nil {
		meta = &Metadata{}
	}
	if front, bodyStart, frontErr := frontMatter(path, text); frontErr != nil {
		errs = append(errs, frontErr)
	} else if front != nil {
		merged := *front
		if merged.Date == "" {
			merged.Date = meta.Date
		}
		if merged.Outlet == "" {
			merged.Outlet = meta.Outlet
		}
		if merged.Language == "" {
			merged.Language = meta.Language
		}
		meta = &merged
		article.BodyStart = bodyStart
	}
	article.Outlet, article.Title, article.Language = meta.Outlet, meta.Title, meta.Language
	if meta.Date != "" {
		date, err := time.Parse("2006-01-02", meta.Date)
		if err != nil {
			errs = append(errs, &source.Error{File: path, Message: fmt.Sprintf("date %q: expected YYYY-MM-DD", meta.Date)})
		} else {
			article.Date = date
		}
	}
	if article.Language == "" {
		article.Language = DetectLanguage(text)
	}
	if article.Title == "" {
		article.Title = firstLine(text[byteOffset(text, article.BodyStart):])
	}
	return article, errs
}

// decode keeps valid UTF-8 as is and replaces each invalid byte with U+FFFD, reporting the
// first few positions so that nothing is dropped silently.
func decode(path string, data []byte) (string, source.ErrorList) {
	if utf8.Valid(data) {
		return string(data), nil
	}
	var b strings.Builder
	var errs source.ErrorList
	lines := 1
	column := 1
	invalid := 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			invalid++
			if invalid <= 5 {
				errs = append(errs, &source.Error{File: path, Line: lines, Col: column, Warning: true, Message: fmt.Sprintf("invalid UTF-8 byte 0x%02x replaced by U+FFFD", data[0])})
			}
		}
		if r == '\n' {
			lines++
			column = 0
		}
		column++
		b.WriteRune(r)
		data = data[size:]
	}
	if invalid > 5 {
		errs = append(errs, &source.Error{File: path, Warning: true, Message: fmt.Sprintf("%d invalid UTF-8 bytes in all, each replaced by U+FFFD (is the file in another encoding?)", invalid)})
	}
	return b.String(), errs
}

// frontMatter reads a leading "---" YAML block; bodyStart is the character offset after it.
func frontMatter(path, text string) (*Metadata, int, *source.Error) {
	if !strings.HasPrefix(text, "---\n") && !strings.HasPrefix(text, "---\r\n") {
		return nil, 0, nil
	}
	rest := text[strings.IndexByte(text, '\n')+1:]
	end := strings.Index(rest, "\n---")
	if end < 0 {
		return nil, 0, nil
	}
	block := rest[:end]
	var meta Metadata
	if err := yaml.Load([]byte(block), &meta, yaml.WithKnownFields()); err != nil {
		e := yamlnode.LoadError(path, text, err)
		e.Line++ // the block starts on the second line of the file
		e.Snippet = source.LineText(text, e.Line)
		return nil, 0, e
	}
	after := rest[end+4:]
	if nl := strings.IndexByte(after, '\n'); nl >= 0 {
		after = after[nl+1:]
	} else {
		after = ""
	}
	// Characters before the body, counted over the front matter only (not the whole text).
	return &meta, utf8.RuneCountInString(text[:len(text)-len(after)]), nil
}

func byteOffset(text string, characters int) int {
	for i := range text {
		if characters == 0 {
			return i
		}
		characters--
	}
	return len(text)
}

func firstLine(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if utf8.RuneCountInString(line) > 120 {
				line = string([]rune(line)[:120]) + "…"
			}
			return line
		}
	}
	return ""
}

// DetectLanguage says "ar" when Arabic letters outnumber Latin ones, else "en".
func DetectLanguage(text string) string {
	arabic, latin := 0, 0
	for i, r := range text {
		if i > 20000 {
			break
		}
		switch {
		case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
			arabic++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	if arabic > latin {
		return "ar"
	}
	return "en"
}
