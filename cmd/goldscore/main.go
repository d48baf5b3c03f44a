// Command goldscore scores extraction against the hand-annotated mentions of fixtures/gold and
// prints precision and recall per field (the README's "Extraction quality" table).
//
//	go run ./cmd/goldscore                 # the table
//	go run ./cmd/goldscore -misses metric  # and every disagreement on one field (all: every field)
//	go run ./cmd/goldscore -set heldout    # the held-out passages only (fixtures/gold/heldout)
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/extract"
	"github.com/claimcheck/claimcheck/checker/gold"
	"github.com/claimcheck/claimcheck/checker/rules"
)

func main() {
	root := flag.String("root", ".", "repository root (holds fixtures/gold, seeds and rules)")
	misses := flag.String("misses", "", "also list the disagreements of this field (all: every field)")
	set := flag.String("set", gold.SetDevelopment, "gold set to score: dev (seeds and passages) or heldout")
	flag.Parse()
	if err := run(*root, *set, *misses); err != nil {
		fmt.Fprintln(os.Stderr, "goldscore:", err)
		os.Exit(2)
	}
}

func run(root, set, misses string) error {
	pack, err := rules.Load(rules.Layer{FS: os.DirFS(filepath.Join(root, "rules", "default")), Name: "rules/default"})
	if err != nil {
		return fmt.Errorf("load rules: %w", err)
	}
	files, err := gold.LoadSet(root, set)
	if err != nil {
		return err
	}
	extractor := extract.New(pack)
	result := gold.Run(files, func(f gold.File) []claim.Claim { return extractSafely(extractor, f) })
	result.Table(os.Stdout)
	if misses != "" {
		field := misses
		if field == "all" {
			field = ""
		}
		fmt.Println()
		result.WriteMisses(os.Stdout, field)
	}
	return nil
}

// extractSafely extracts one gold file, turning a panic of the extractor into no predictions
// (every mention of the file a miss) and a warning, so that one crashing passage is scored
// and reported instead of hiding the rest of the table.
func extractSafely(extractor *extract.Extractor, file gold.File) (claims []claim.Claim) {
	defer func() {
		if recovered := recover(); recovered != nil {
			fmt.Fprintf(os.Stderr, "goldscore: extraction of %s panicked (%v): scored with no predictions\n", file.Path, recovered)
			claims = nil
		}
	}()
	return extractor.Article(file.Article)
}
