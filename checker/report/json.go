package report

import (
	"encoding/json"
	"io"
)

// JSON writes the JSON contract of DESIGN.md, indented, with a trailing newline.
type JSON struct{}

func (JSON) Format(w io.Writer, result *Result) error {
	encoder := json.NewEncoder(w)
	encoder.SetIndent("", "  ")
	encoder.SetEscapeHTML(false)
	return encoder.Encode(result)
}
