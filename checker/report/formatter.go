package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Formatter writes a Result in one format.
type Formatter interface {
	Format(w io.Writer, result *Result) error
}

// Options tune formatters that have something to tune; the zero value is plain output.
type Options struct {
	// Color enables ANSI colours in the text format (only on a terminal, never with NO_COLOR:
	// the caller decides).
	Color bool
}

var constructors = map[string]func(Options) Formatter{
	"text":     func(options Options) Formatter { return Text{Color: options.Color} },
	"json":     func(Options) Formatter { return JSON{} },
	"html":     func(Options) Formatter { return HTML{} },
	"sarif":    func(Options) Formatter { return SARIF{} },
	"junit":    func(Options) Formatter { return JUnit{} },
	"markdown": func(Options) Formatter { return Markdown{} },
}

// New returns the formatter registered under name.
func New(name string, options Options) (Formatter, error) {
	make, ok := constructors[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Names(), ", "))
	}
	return make(options), nil
}

// Names lists the registered formats, sorted.
func Names() []string {
	names := make([]string, 0, len(constructors))
	for name := range constructors {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
