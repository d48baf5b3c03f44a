package gold

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/claimcheck/claimcheck/checker/corpus"
	"go.yaml.in/yaml/v4"
)

// Mention is one hand-annotated mention (fixtures/gold/README.md documents the fields).
type Mention struct {
	Text       string   `yaml:"text"`
	Start      int      `yaml:"start"`
	End        int      `yaml:"end"`
	Value      *float64 `yaml:"value"`
	Low        *float64 `yaml:"low"`
	High       *float64 `yaml:"high"`
	LowOpen    bool     `yaml:"low_open"`
	HighOpen   bool     `yaml:"high_open"`
	Qualifier  string   `yaml:"qualifier"`
	IsClaim    bool     `yaml:"is_claim"`
	Kind       *string  `yaml:"kind"`
	Unit       *string  `yaml:"unit"`
	Metric     *string  `yaml:"metric"`
	Subject    *string  `yaml:"subject"`
	Rate       *string  `yaml:"rate"`
	PeriodFrom *string  `yaml:"period_from"`
	PeriodTo   *string  `yaml:"period_to"`
	Whole      *float64 `yaml:"whole"`
}

// File is one gold file: an article (a seed, read from the corpus with its manifest) or a
// passage (its text is in the file).
type File struct {
	Path     string
	Article  *corpus.Article
	Mentions []Mention
}

type passage struct {
	Source struct {
		Outlet string `yaml:"outlet"`
		Date   string `yaml:"date"`
	} `yaml:"source"`
	Language string    `yaml:"language"`
	Text     string    `yaml:"text"`
	Article  string    `yaml:"article"`
	Mentions []Mention `yaml:"mentions"`
}

// Gold sets: the development set (seeds and passages, which the extractor was tuned on) and
// the held-out passages (annotated before the extractor ever ran on them, never tuned on).
const (
	SetDevelopment = "dev"
	SetHeldOut     = "heldout"
)

// heldOutDirectory is the folder of fixtures/gold that holds the held-out set.
const heldOutDirectory = "heldout"

// LoadSet reads one gold set from root's fixtures/gold: SetDevelopment (seeds and passages)
// or SetHeldOut.
func LoadSet(root, set string) ([]File, error) {
	dir := filepath.Join(root, "fixtures", "gold")
	switch set {
	case SetDevelopment:
		return Load(root, dir)
	case SetHeldOut:
		return Load(root, filepath.Join(dir, heldOutDirectory))
	default:
		return nil, fmt.Errorf("load gold set: unknown set %q (want %s or %s)", set, SetDevelopment, SetHeldOut)
	}
}

// Load reads every gold file under dir (fixtures/gold), except the held-out folder below it
// unless dir is that folder itself, so the development set's scores and bars never include
// the held-out passages. Seed files name their article relative to root (the repository),
// which is read through the corpus loader so that it gets its manifest's date as the CLI would.
func Load(root, dir string) ([]File, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, entry os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if entry.IsDir() && path != dir && entry.Name() == heldOutDirectory {
			return filepath.SkipDir
		}
		if !entry.IsDir() && strings.HasSuffix(path, ".yaml") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list gold files: %w", err)
	}
	sort.Strings(paths)
	loader := corpus.New()
	var files []File
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read gold file: %w", err)
		}
		var p passage
		if err := yaml.Unmarshal(data, &p); err != nil {
			return nil, fmt.Errorf("parse gold file %s: %w", path, err)
		}
		file := File{Path: path, Mentions: p.Mentions}
		if p.Article != "" {
			articles, errs := loader.Load([]string{filepath.Join(root, p.Article)})
			if len(errs) > 0 || len(articles) != 1 {
				return nil, fmt.Errorf("load gold article %s: %v", p.Article, errs)
			}
			file.Article = articles[0]
		} else {
			article := &corpus.Article{Path: path, Text: p.Text, Outlet: p.Source.Outlet, Language: p.Language}
			if p.Source.Date != "" {
				date, err := time.Parse("2006-01-02", p.Source.Date)
				if err != nil {
					return nil, fmt.Errorf("parse date of %s: %w", path, err)
				}
				article.Date = date
			}
			file.Article = article
		}
		if err := checkOffsets(file); err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return files, nil
}

// checkOffsets makes sure every mention's span holds its text, so that a mistyped offset
// cannot silently score as a miss.
func checkOffsets(file File) error {
	runes := []rune(file.Article.Text)
	for _, m := range file.Mentions {
		if m.Start < 0 || m.End > len(runes) || m.Start >= m.End || string(runes[m.Start:m.End]) != m.Text {
			return fmt.Errorf("gold %s: mention %q at %d..%d does not match the text", file.Path, m.Text, m.Start, m.End)
		}
	}
	return nil
}
