package claim

import (
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// AppendJSON appends the claim's JSON contract to dst: the bytes encoding/json gives for the
// contract struct (HTML-escaped strings, its float format, the same field order and
// omissions), written without reflection. Reports and the draft server write thousands of
// claims per answer, and reflection was a quarter of a draft check's time.
func (c Claim) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"article":`...)
	dst = appendString(dst, c.Article)
	dst = append(dst, `,"start":`...)
	dst = strconv.AppendInt(dst, int64(c.Start), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(c.End), 10)
	dst = append(dst, `,"line":`...)
	dst = strconv.AppendInt(dst, int64(c.Line), 10)
	dst = append(dst, `,"col":`...)
	dst = strconv.AppendInt(dst, int64(c.Col), 10)
	dst = append(dst, `,"text":`...)
	dst = appendString(dst, c.Text)
	dst = append(dst, `,"value":`...)
	dst = appendFinite(dst, c.Value)
	dst = append(dst, `,"low":`...)
	dst = appendFinite(dst, c.Interval.Low)
	dst = append(dst, `,"high":`...)
	dst = appendFinite(dst, c.Interval.High)
	if c.Interval.LowOpen {
		dst = append(dst, `,"low_open":true`...)
	}
	if c.Interval.HighOpen {
		dst = append(dst, `,"high_open":true`...)
	}
	dst = append(dst, `,"qualifier":`...)
	dst = appendString(dst, c.Qualifier)
	dst = append(dst, `,"is_claim":`...)
	dst = strconv.AppendBool(dst, c.IsClaim)
	if c.Kind != "" {
		dst = append(dst, `,"kind":`...)
		dst = appendString(dst, c.Kind)
	}
	if c.Reading != "" {
		dst = append(dst, `,"reading":`...)
		dst = appendString(dst, c.Reading)
	}
	dst = append(dst, `,"unit":`...)
	dst = appendText(dst, c.Unit)
	dst = append(dst, `,"metric":`...)
	dst = appendText(dst, c.Metric)
	dst = append(dst, `,"subject":`...)
	dst = appendText(dst, c.Subject)
	if c.Whole > 0 && !math.IsInf(c.Whole, 0) {
		dst = append(dst, `,"whole":`...)
		dst = appendFloat(dst, c.Whole)
	}
	dst = append(dst, `,"period_from":`...)
	dst = appendDate(dst, c.Period.From)
	dst = append(dst, `,"period_to":`...)
	dst = appendDate(dst, c.Period.To)
	if c.Period.AsOf {
		dst = append(dst, `,"period_as_of":true`...)
	}
	dst = append(dst, `,"rate":`...)
	dst = appendText(dst, c.Rate)
	if c.Attribution != "" {
		dst = append(dst, `,"attribution":`...)
		dst = appendString(dst, c.Attribution)
	}
	dst = append(dst, `,"sentence":`...)
	dst = appendString(dst, c.Sentence)
	dst = append(dst, `,"sentence_start":`...)
	dst = strconv.AppendInt(dst, int64(c.SentenceStart), 10)
	if !c.ArticleDate.IsZero() {
		dst = append(dst, `,"date":`...)
		dst = appendDate(dst, c.ArticleDate)
	}
	if c.Outlet != "" {
		dst = append(dst, `,"outlet":`...)
		dst = appendString(dst, c.Outlet)
	}
	if c.Language != "" {
		dst = append(dst, `,"language":`...)
		dst = appendString(dst, c.Language)
	}
	return append(dst, '}')
}

// appendText writes an empty string as null, as the contract's *string fields do.
func appendText(dst []byte, s string) []byte {
	if s == "" {
		return append(dst, "null"...)
	}
	return appendString(dst, s)
}

func appendDate(dst []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(dst, "null"...)
	}
	dst = append(dst, '"')
	dst = t.AppendFormat(dst, dateLayout)
	return append(dst, '"')
}

// appendFinite writes NaN and infinities as null.
func appendFinite(dst []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(dst, "null"...)
	}
	return appendFloat(dst, v)
}

// appendFloat formats as encoding/json does: %f between 1e-6 and 1e21, %e outside, with an
// exponent of at least one digit ("1e-07" becomes "1e-7").
func appendFloat(dst []byte, v float64) []byte {
	format := byte('f')
	if abs := math.Abs(v); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, v, format, -1, 64)
	if format == 'e' {
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

const hexDigits = "0123456789abcdef"

// appendString quotes s as encoding/json does with HTML escaping: <, > and & as \u003c,
// \u003e and \u0026, U+2028 and U+2029 escaped, invalid UTF-8 as \ufffd.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
