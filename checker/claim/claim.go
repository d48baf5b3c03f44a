package claim

import (
	"encoding/json"
	"math"
	"time"

	"github.com/claimcheck/claimcheck/checker/interval"
)

// Qualifier says how the text bounds a figure.
type Qualifier = string

const (
	Exact    Qualifier = "exact"
	Approx   Qualifier = "approx"
	MoreThan Qualifier = "more_than"
	AtLeast  Qualifier = "at_least"
	LessThan Qualifier = "less_than"
	AtMost   Qualifier = "at_most"
	Range    Qualifier = "range"
	Vague    Qualifier = "vague"
	Fraction Qualifier = "fraction"
)

// Claim is one numeric mention in an article with what it counts. Offsets are characters of
// the original file, End exclusive. Field tags name what rule conditions see (expr) and what
// the JSON contract prints.
type Claim struct {
	Article string `expr:"article"`
	Start   int    `expr:"start"`
	End     int    `expr:"end"`
	Line    int    `expr:"line"`
	Col     int    `expr:"col"`
	// Text is the mention as written, qualifier and scale words included.
	Text string `expr:"text"`
	// Value is the figure as written (the point), NaN when the text gives none ("dozens").
	Value     float64           `expr:"value"`
	Interval  interval.Interval `expr:"interval"`
	Qualifier Qualifier         `expr:"qualifier"`
	IsClaim   bool              `expr:"is_claim"`
	// Kind says what a non-claim is: year, date, time, phone, postcode, list_number,
	// citation, age, duration, ordinal. Empty for claims.
	Kind string `expr:"kind"`
	// Reading records how an ambiguous mark was read ("274.460 read as thousands separator").
	Reading string `expr:"reading"`
	Unit    string `expr:"unit"`
	Metric  string `expr:"metric"`
	Subject string `expr:"subject"`
	// Whole is the figure a fraction or percentage is of, when the sentence gives it.
	Whole       float64         `expr:"whole"`
	Period      interval.Period `expr:"period"`
	Rate        interval.Rate   `expr:"rate"`
	Attribution string          `expr:"attribution"`
	Sentence    string          `expr:"sentence"`
	// SentenceStart is the character offset of Sentence in the file, to place highlights.
	SentenceStart int `expr:"sentence_start"`
	// Article metadata, copied so that a claim stands alone in reports and rule conditions.
	ArticleDate time.Time `expr:"date"`
	Outlet      string    `expr:"outlet"`
	Language    string    `expr:"language"`
}

// contract is the JSON shape of a claim (DESIGN.md, extract contract).
type contract struct {
	Article     string    `json:"article"`
	Start       int       `json:"start"`
	End         int       `json:"end"`
	Line        int       `json:"line"`
	Col         int       `json:"col"`
	Text        string    `json:"text"`
	Value       *float64  `json:"value"`
	Low         *float64  `json:"low"`
	High        *float64  `json:"high"`
	LowOpen     bool      `json:"low_open,omitempty"`
	HighOpen    bool      `json:"high_open,omitempty"`
	Qualifier   Qualifier `json:"qualifier"`
	IsClaim     bool      `json:"is_claim"`
	Kind        string    `json:"kind,omitempty"`
	Reading     string    `json:"reading,omitempty"`
	Unit        *string   `json:"unit"`
	Metric      *string   `json:"metric"`
	Subject     *string   `json:"subject"`
	Whole       *float64  `json:"whole,omitempty"`
	PeriodFrom  *string   `json:"period_from"`
	PeriodTo    *string   `json:"period_to"`
	PeriodAsOf  bool      `json:"period_as_of,omitempty"`
	Rate        *string   `json:"rate"`
	Attribution *string   `json:"attribution,omitempty"`
	Sentence    string    `json:"sentence"`
	SentenceAt  int       `json:"sentence_start"`
	Date        *string   `json:"date,omitempty"`
	Outlet      *string   `json:"outlet,omitempty"`
	Language    string    `json:"language,omitempty"`
}

const dateLayout = "2006-01-02"

// MarshalJSON writes the extract contract: open or unknown bounds are null. It is
// AppendJSON; marshalContract is the same through reflection, kept as the reference the
// tests hold AppendJSON to.
func (c Claim) MarshalJSON() ([]byte, error) {
	return c.AppendJSON(make([]byte, 0, 256+len(c.Sentence)+len(c.Article))), nil
}

func (c Claim) marshalContract() ([]byte, error) {
	out := contract{
		Article: c.Article, Start: c.Start, End: c.End, Line: c.Line, Col: c.Col, Text: c.Text,
		Value: finite(c.Value), Low: finite(c.Interval.Low), High: finite(c.Interval.High),
		LowOpen: c.Interval.LowOpen, HighOpen: c.Interval.HighOpen,
		Qualifier: c.Qualifier, IsClaim: c.IsClaim, Kind: c.Kind, Reading: c.Reading,
		Unit: text(c.Unit), Metric: text(c.Metric), Subject: text(c.Subject),
		PeriodFrom: date(c.Period.From), PeriodTo: date(c.Period.To), PeriodAsOf: c.Period.AsOf,
		Rate: text(c.Rate), Attribution: text(c.Attribution),
		Sentence: c.Sentence, SentenceAt: c.SentenceStart,
		Date: date(c.ArticleDate), Outlet: text(c.Outlet), Language: c.Language,
	}
	if c.Whole > 0 {
		out.Whole = finite(c.Whole)
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads the contract back, so that a saved run can be re-rendered.
func (c *Claim) UnmarshalJSON(data []byte) error {
	var in contract
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	*c = Claim{
		Article: in.Article, Start: in.Start, End: in.End, Line: in.Line, Col: in.Col, Text: in.Text,
		Value: orNaN(in.Value), Qualifier: in.Qualifier, IsClaim: in.IsClaim, Kind: in.Kind, Reading: in.Reading,
		Unit: deref(in.Unit), Metric: deref(in.Metric), Subject: deref(in.Subject),
		Rate: deref(in.Rate), Attribution: deref(in.Attribution),
		Sentence: in.Sentence, SentenceStart: in.SentenceAt, Outlet: deref(in.Outlet), Language: in.Language,
	}
	c.Interval = interval.Interval{Low: orInf(in.Low, -1), High: orInf(in.High, 1), LowOpen: in.LowOpen, HighOpen: in.HighOpen}
	if in.Low == nil && in.Qualifier != "" {
		c.Interval.Low = 0
	}
	if in.Whole != nil {
		c.Whole = *in.Whole
	}
	c.Period = interval.Period{From: parseDate(in.PeriodFrom), To: parseDate(in.PeriodTo), AsOf: in.PeriodAsOf}
	c.ArticleDate = parseDate(in.Date)
	return nil
}

func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func orNaN(v *float64) float64 {
	if v == nil {
		return math.NaN()
	}
	return *v
}

func orInf(v *float64, sign int) float64 {
	if v == nil {
		return math.Inf(sign)
	}
	return *v
}

func text(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func date(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(dateLayout)
	return &s
}

func parseDate(s *string) time.Time {
	if s == nil {
		return time.Time{}
	}
	t, err := time.Parse(dateLayout, *s)
	if err != nil {
		return time.Time{}
	}
	return t
}
