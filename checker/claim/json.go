package claim

import (
	"math"
	"strconv"
	"time"

	"github.com/claimcheck/claimcheck/checker/internal/jsonwrite"
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

func appendFloat(dst []byte, v float64) []byte { return jsonwrite.Float(dst, v) }

// appendString quotes as json.Marshal does, HTML escaped.
func appendString(dst []byte, s string) []byte { return jsonwrite.String(dst, s, true) }
