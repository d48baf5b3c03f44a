// Command claimcheck extracts numeric claims from news articles and flags contradictions.
//
// Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage, configuration, rule
// or input errors.
package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	err := newRootCommand(os.Stdin, os.Stdout, os.Stderr).Execute()
	os.Exit(exitCode(err))
}

// exitError carries an exit code up to main, the only place that exits.
type exitError struct {
	code    int
	message string
}

func (e *exitError) Error() string { return e.message }

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var exit *exitError
	if errors.As(err, &exit) {
		if exit.message != "" {
			fmt.Fprintln(os.Stderr, "claimcheck:", exit.message)
		}
		return exit.code
	}
	fmt.Fprintln(os.Stderr, "claimcheck:", err)
	return 2
}
