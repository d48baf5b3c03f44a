// Command claimcheck-gen writes a generated corpus of realistic Arabic and English articles
// (package checker/corpusgen) for benchmarks: claimcheck-gen -n 10000 -o /tmp/corpus.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/claimcheck/claimcheck/checker/corpusgen"
	"github.com/claimcheck/claimcheck/checker/rules"
	bundled "github.com/claimcheck/claimcheck/rules"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	first := flag.Int("first", 0, "index of the first article")
	out := flag.String("o", "corpus", "output folder")
	seed := flag.Uint64("seed", 1, "random seed")
	least := flag.Int("min-words", 400, "shortest article, in words")
	most := flag.Int("max-words", 1200, "longest article, in words")
	flag.Parse()
	sub, _ := fs.Sub(bundled.FS, "default")
	pack, err := rules.Load(rules.Layer{FS: sub, Name: "default"})
	if err != nil {
		fmt.Fprintln(os.Stderr, "claimcheck-gen:", err)
		os.Exit(2)
	}
	generator := corpusgen.New(pack, *seed, corpusgen.WithWords(*least, *most))
	if _, err := generator.Write(*out, *first, *n); err != nil {
		fmt.Fprintln(os.Stderr, "claimcheck-gen:", err)
		os.Exit(2)
	}
	fmt.Printf("%d articles written to %s\n", *n, *out)
}
