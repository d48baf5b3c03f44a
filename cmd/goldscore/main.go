// Command goldscore scores extraction against the hand-annotated mentions of fixtures/gold and
// prints precision and recall per field (the README's "Extraction quality" table).
//
//	go run ./cmd/goldscore                 # the table
//	go run ./cmd/goldscore -misses metric  # and every disagreement on one field (all: every field)
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
	flag.Parse()
	if err := run(*root, *misses); err != nil {
		fmt.Fprintln(os.Stderr, "goldscore:", err)
		os.Exit(2)
	}
}

func run(root, misses string) error {
	pack, err := rules.Load(rules.Layer{FS: os.DirFS(filepath.Join(root, "rules", "default")), Name: "rules/default"})
	if err != nil {
		return fmt.Errorf("load rules: %w", err)
	}
	files, err := gold.Load(root, filepath.Join(root, "fixtures", "gold"))
	if err != nil {
		return err
	}
	extractor := extract.New(pack)
	result := gold.Run(files, func(f gold.File) []claim.Claim { return extractor.Article(f.Article) })
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
