package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/source"
)

// Format names the file kind, so that another JSON file given by mistake is told apart.
const Format = "claimcheck-baseline"

// Version is the version of the file's shape; bump it when the shape changes.
const Version = 1

// File is a baseline: the fingerprints of known findings, with enough of each finding for a
// person reviewing the file in a diff.
type File struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// Tool is the claimcheck that wrote the file: fingerprints are only comparable between
	// runs of one version.
	Tool     report.Tool `json:"tool"`
	Findings []Entry     `json:"findings"`
}

// Entry is one known finding.
type Entry struct {
	Fingerprint string         `json:"fingerprint"`
	Rule        string         `json:"rule"`
	Severity    claim.Severity `json:"severity"`
	Message     string         `json:"message"`
	// Where is the first claim's path:line:col when the baseline was written.
	Where string `json:"where,omitempty"`
}

// New records every finding of a result, sorted by fingerprint so that the file diffs well.
func New(result *report.Result) *File {
	file := &File{Format: Format, Version: Version, Tool: result.Tool, Findings: []Entry{}}
	seen := map[string]bool{}
	for _, finding := range result.Findings {
		if finding.Fingerprint == "" || seen[finding.Fingerprint] {
			continue
		}
		seen[finding.Fingerprint] = true
		entry := Entry{Fingerprint: finding.Fingerprint, Rule: finding.Rule, Severity: finding.Severity, Message: finding.Message}
		if len(finding.Claims) > 0 {
			c := finding.Claims[0]
			entry.Where = fmt.Sprintf("%s:%d:%d", c.Article, c.Line, c.Col)
		}
		file.Findings = append(file.Findings, entry)
	}
	sort.Slice(file.Findings, func(i, j int) bool { return file.Findings[i].Fingerprint < file.Findings[j].Fingerprint })
	return file
}

// Write writes the file as indented JSON with a trailing newline.
func (f *File) Write(w io.Writer) error {
	encoder := json.NewEncoder(w)
	encoder.SetIndent("", "  ")
	encoder.SetEscapeHTML(false)
	return encoder.Encode(f)
}

// Read parses a baseline written by this tool version. name is used in errors, which are
// source.Errors (with line:col for JSON syntax errors) saying what to do.
func Read(name string, r io.Reader, toolVersion string) (*File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &source.Error{File: name, Message: fmt.Sprintf("read baseline: %v", err)}
	}
	var file File
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&file); err != nil {
		return nil, jsonError(name, data, err)
	}
	rewrite := fmt.Sprintf(`rewrite it with "claimcheck baseline update -o %s"`, name)
	switch {
	case file.Format != Format:
		return nil, &source.Error{File: name, Message: fmt.Sprintf("not a claimcheck baseline (format %q, expected %q); %s", file.Format, Format, rewrite)}
	case file.Version != Version:
		return nil, &source.Error{File: name, Message: fmt.Sprintf("baseline format version %d is not supported (this claimcheck reads version %d); %s", file.Version, Version, rewrite)}
	case file.Tool.Version != toolVersion:
		return nil, &source.Error{File: name, Message: fmt.Sprintf("baseline written by claimcheck %s, this is %s, and fingerprints may differ between versions; %s", orUnknown(file.Tool.Version), toolVersion, rewrite)}
	}
	return &file, nil
}

func orUnknown(s string) string {
	if s == "" {
		return "(unknown version)"
	}
	return s
}

// jsonError positions a JSON syntax or type error at its line:col.
func jsonError(name string, data []byte, err error) error {
	var syntax *json.SyntaxError
	var typeError *json.UnmarshalTypeError
	offset := int64(-1)
	switch {
	case errors.As(err, &syntax):
		offset = syntax.Offset
	case errors.As(err, &typeError):
		offset = typeError.Offset
	}
	if offset < 0 {
		return &source.Error{File: name, Message: fmt.Sprintf("not a claimcheck baseline: %v", err)}
	}
	text := string(data)
	characters := source.RuneCount(string(data[:min(int(offset), len(data))]))
	position := source.NewLines(text).Position(max(characters-1, 0))
	return source.At(name, text, position, "not a claimcheck baseline: %v", err)
}

// Apply marks each finding "new" or "unchanged" and sets the result's baseline counts.
// A finding that was fixed and later comes back is new again once the baseline has been
// rewritten without it.
func (f *File) Apply(result *report.Result) {
	known := make(map[string]bool, len(f.Findings))
	for _, entry := range f.Findings {
		known[entry.Fingerprint] = true
	}
	counts := &report.BaselineCounts{}
	reported := map[string]bool{}
	for i := range result.Findings {
		finding := &result.Findings[i]
		reported[finding.Fingerprint] = true
		if known[finding.Fingerprint] {
			finding.Baseline = "unchanged"
			counts.Unchanged++
		} else {
			finding.Baseline = "new"
			counts.New++
		}
	}
	for fingerprint := range known {
		if !reported[fingerprint] {
			counts.Absent++
		}
	}
	result.Summary.Baseline = counts
}
