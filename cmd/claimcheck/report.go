package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/claimcheck/claimcheck/checker/corpus"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/spf13/cobra"
)

func newReportCommand(s *streams) *cobra.Command {
	var from, format, output string
	c := &cobra.Command{
		Use:   "report --from results.json [--format FORMAT] [-o FILE]",
		Short: "Re-render a saved JSON run (claimcheck check --format json) in another format",
		Long: `Reads a run saved with "claimcheck check --format json -o results.json" and writes it in
another format, byte for byte what check would have written, without reading the articles or
the rules again. --from - reads standard input.

Exit codes: 0 written; 2 unreadable file, invalid JSON, or a schema_version this build does not read.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if from == "" {
				return &exitError{code: 2, message: "report: --from FILE is required (a run saved with check --format json)"}
			}
			formatter, err := report.New(format, report.Options{Color: s.color(output)})
			if err != nil {
				return &exitError{code: 2, message: err.Error()}
			}
			result, err := readResult(s.in, from)
			if err != nil {
				return &exitError{code: 2, message: err.Error()}
			}
			if err := write(s.out, output, func(w io.Writer) error { return formatter.Format(w, result) }); err != nil {
				return &exitError{code: 2, message: err.Error()}
			}
			return nil
		},
	}
	c.Flags().StringVar(&from, "from", "", "the saved JSON run to render (- for standard input)")
	c.Flags().StringVarP(&format, "format", "f", "text", "output format: "+joinNames())
	c.Flags().StringVarP(&output, "output", "o", "", "write the report to this file (default standard output)")
	return c
}

// readResult decodes a saved run. Fields this build does not know are ignored (a newer build
// may add some without changing the schema); a missing or different schema_version, invalid
// JSON and data after the object are errors, positioned when the decoder says where.
func readResult(stdin io.Reader, path string) (*report.Result, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %s", path, corpus.DescribeOpenError(err))
	}

	// The version is read first, alone, so that a run of another schema is named as such
	// rather than reported as whatever field it first disagrees on.
	var header struct {
		SchemaVersion *string `json:"schema_version"`
	}
	if err := json.Unmarshal(data, &header); err != nil {
		var typeError *json.UnmarshalTypeError
		if errors.As(err, &typeError) && typeError.Field == "" {
			return nil, fmt.Errorf("read %s: a JSON %s, not the object claimcheck check --format json writes", path, typeError.Value)
		}
		return nil, fmt.Errorf("read %s: %s", path, describeJSONError(data, err))
	}
	switch {
	case header.SchemaVersion == nil:
		return nil, fmt.Errorf("read %s: no schema_version: not a run saved with claimcheck check --format json", path)
	case *header.SchemaVersion != report.SchemaVersion:
		return nil, fmt.Errorf("read %s: schema_version %q, this claimcheck reads %q", path, *header.SchemaVersion, report.SchemaVersion)
	}

	var result report.Result
	if err := json.Unmarshal(data, &result); err != nil {
		return nil, fmt.Errorf("read %s: %s", path, describeJSONError(data, err))
	}
	return &result, nil
}

// describeJSONError says what is wrong with the JSON: line:col for a syntax error, the
// field path for a value of the wrong type.
func describeJSONError(data []byte, err error) string {
	var offset int64 = -1
	message := err.Error()
	var syntax *json.SyntaxError
	var typeError *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		// Offset counts the bytes read, the offending one included.
		offset = max(syntax.Offset-1, 0)
	case errors.As(err, &typeError):
		// No position: inside a claim (its own decoder) the offset counts from the claim.
		message = fmt.Sprintf("%s: a JSON %s where %s was expected", typeError.Field, typeError.Value, typeError.Type)
	}
	if offset < 0 || offset > int64(len(data)) {
		return "invalid JSON: " + message
	}
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:]))) + 1
	return fmt.Sprintf("invalid JSON at %d:%d: %s", line, col, message)
}
