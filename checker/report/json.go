package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/internal/jsonwrite"
)

// JSON writes the JSON contract of DESIGN.md, indented, with a trailing newline.
type JSON struct{}

func (JSON) Format(w io.Writer, result *Result) error {
	compact, err := AppendJSON(nil, result)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	out.Grow(len(compact) * 2)
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = out.WriteTo(w)
	return err
}

// AppendJSON appends the result as compact JSON, byte for byte what a json.Encoder with
// SetEscapeHTML(false) writes (without its newline): claims, findings and articles are
// written without reflection, which with the re-compacting of each claim's MarshalJSON was
// a third of the draft server's time. Claims keep their own HTML escaping, as there.
func AppendJSON(dst []byte, result *Result) ([]byte, error) {
	var err error
	dst = append(dst, `{"schema_version":`...)
	dst = jsonwrite.String(dst, result.SchemaVersion, false)
	dst = append(dst, `,"tool":`...)
	if dst, err = appendEncoded(dst, result.Tool); err != nil {
		return nil, err
	}
	dst = append(dst, `,"findings":`...)
	if result.Findings == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i := range result.Findings {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendFinding(dst, &result.Findings[i])
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `,"summary":`...)
	if dst, err = appendEncoded(dst, result.Summary); err != nil {
		return nil, err
	}
	dst = append(dst, `,"errors":`...)
	if dst, err = appendEncoded(dst, result.Errors); err != nil {
		return nil, err
	}
	dst = append(dst, `,"rules":`...)
	if dst, err = appendEncoded(dst, result.Rules); err != nil {
		return nil, err
	}
	dst = append(dst, `,"articles":`...)
	if result.Articles == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i := range result.Articles {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendArticle(dst, &result.Articles[i])
		}
		dst = append(dst, ']')
	}
	return append(dst, '}'), nil
}

// appendEncoded writes the small parts through encoding/json, as the Encoder would.
func appendEncoded(dst []byte, value any) ([]byte, error) {
	var b bytes.Buffer
	encoder := json.NewEncoder(&b)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(value); err != nil {
		return nil, err
	}
	return append(dst, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...), nil
}

func appendFinding(dst []byte, f *claim.Finding) []byte {
	dst = append(dst, `{"rule":`...)
	dst = jsonwrite.String(dst, f.Rule, false)
	dst = append(dst, `,"severity":`...)
	dst = jsonwrite.String(dst, string(f.Severity), false)
	dst = append(dst, `,"message":`...)
	dst = jsonwrite.String(dst, f.Message, false)
	if f.Explanation != "" {
		dst = append(dst, `,"explanation":`...)
		dst = jsonwrite.String(dst, f.Explanation, false)
	}
	dst = append(dst, `,"fingerprint":`...)
	dst = jsonwrite.String(dst, f.Fingerprint, false)
	dst = append(dst, `,"claims":`...)
	dst = appendClaims(dst, f.Claims)
	if len(f.Sides) > 0 {
		dst = append(dst, `,"sides":[`...)
		for i, side := range f.Sides {
			if i > 0 {
				dst = append(dst, ',')
			}
			if side == nil {
				dst = append(dst, "null"...)
				continue
			}
			dst = append(dst, '[')
			for j, index := range side {
				if j > 0 {
					dst = append(dst, ',')
				}
				dst = strconv.AppendInt(dst, int64(index), 10)
			}
			dst = append(dst, ']')
		}
		dst = append(dst, ']')
	}
	if f.Baseline != "" {
		dst = append(dst, `,"baseline":`...)
		dst = jsonwrite.String(dst, f.Baseline, false)
	}
	return append(dst, '}')
}

func appendArticle(dst []byte, a *Article) []byte {
	dst = append(dst, `{"path":`...)
	dst = jsonwrite.String(dst, a.Path, false)
	for _, field := range [...]struct{ name, value string }{
		{`,"title":`, a.Title}, {`,"outlet":`, a.Outlet}, {`,"date":`, a.Date}, {`,"language":`, a.Language},
	} {
		if field.value != "" {
			dst = append(dst, field.name...)
			dst = jsonwrite.String(dst, field.value, false)
		}
	}
	dst = append(dst, `,"mentions":`...)
	dst = appendClaims(dst, a.Mentions)
	return append(dst, '}')
}

func appendClaims(dst []byte, claims []claim.Claim) []byte {
	if claims == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i := range claims {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = claims[i].AppendJSON(dst)
	}
	return append(dst, ']')
}
