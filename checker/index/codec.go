package index

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
)

// The mentions of an article are stored in a compact binary form: a table of the article's
// distinct strings (its path, sentences, metric and subject ids… are repeated across
// mentions), then each mention's fields. Decoding it allocates each string once, which is most
// of what a large re-check spends reading the index. Every field of claim.Claim is written;
// a test fails when the struct gains one that this codec does not know.

// codecMagic opens a blob in this form; gob (the first form) never starts with it.
var codecMagic = []byte{0xFF, 'C', 1}

// ClaimFields is the number of claim.Claim fields the codec writes (for the guard test).
const ClaimFields = 24

type encoder struct {
	strings map[string]uint64
	table   [][]byte
	body    []byte
}

func (e *encoder) str(s string) {
	i, ok := e.strings[s]
	if !ok {
		i = uint64(len(e.table))
		e.strings[s] = i
		e.table = append(e.table, []byte(s))
	}
	e.body = binary.AppendUvarint(e.body, i)
}

func (e *encoder) int(v int) { e.body = binary.AppendVarint(e.body, int64(v)) }
func (e *encoder) float(v float64) {
	e.body = binary.LittleEndian.AppendUint64(e.body, math.Float64bits(v))
}
func (e *encoder) time(t time.Time) error {
	data, err := t.MarshalBinary()
	if err != nil {
		return err
	}
	e.body = append(e.body, byte(len(data)))
	e.body = append(e.body, data...)
	return nil
}

func encodeMentions(mentions []claim.Claim) ([]byte, error) {
	e := &encoder{strings: map[string]uint64{}}
	e.body = binary.AppendUvarint(e.body, uint64(len(mentions)))
	for i := range mentions {
		m := &mentions[i]
		var flags byte
		for bit, set := range []bool{m.Interval.LowOpen, m.Interval.HighOpen, m.IsClaim, m.Period.AsOf} {
			if set {
				flags |= 1 << bit
			}
		}
		e.str(m.Article)
		e.int(m.Start)
		e.int(m.End)
		e.int(m.Line)
		e.int(m.Col)
		e.str(m.Text)
		e.float(m.Value)
		e.float(m.Interval.Low)
		e.float(m.Interval.High)
		e.body = append(e.body, flags)
		e.str(m.Qualifier)
		e.str(m.Kind)
		e.str(m.Reading)
		e.str(m.Unit)
		e.str(m.Metric)
		e.str(m.Subject)
		e.float(m.Whole)
		for _, t := range []time.Time{m.Period.From, m.Period.To} {
			if err := e.time(t); err != nil {
				return nil, err
			}
		}
		e.str(m.Rate)
		e.str(m.Attribution)
		e.str(m.Sentence)
		e.int(m.SentenceStart)
		if err := e.time(m.ArticleDate); err != nil {
			return nil, err
		}
		e.str(m.Outlet)
		e.str(m.Language)
	}
	out := append([]byte(nil), codecMagic...)
	out = binary.AppendUvarint(out, uint64(len(e.table)))
	for _, s := range e.table {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	return append(out, e.body...), nil
}

var errDamaged = errors.New("damaged mentions")

type decoder struct {
	data    []byte
	strings []string
	err     error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.data)
	if n <= 0 {
		d.err, d.data = errDamaged, nil
		return 0
	}
	d.data = d.data[n:]
	return v
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.data)
	if n <= 0 {
		d.err, d.data = errDamaged, nil
		return 0
	}
	d.data = d.data[n:]
	return int(v)
}

func (d *decoder) str() string {
	i := d.uvarint()
	if i >= uint64(len(d.strings)) {
		d.err = errDamaged
		return ""
	}
	return d.strings[i]
}

func (d *decoder) float() float64 {
	if len(d.data) < 8 {
		d.err, d.data = errDamaged, nil
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.data))
	d.data = d.data[8:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.data) < 1 {
		d.err = errDamaged
		return 0
	}
	b := d.data[0]
	d.data = d.data[1:]
	return b
}

func (d *decoder) time() time.Time {
	n := int(d.byte())
	if len(d.data) < n {
		d.err, d.data = errDamaged, nil
		return time.Time{}
	}
	var t time.Time
	if err := t.UnmarshalBinary(d.data[:n]); err != nil {
		d.err = errDamaged
	}
	d.data = d.data[n:]
	return t
}

func decodeMentions(data []byte) ([]claim.Claim, error) {
	if !bytes.HasPrefix(data, codecMagic) {
		var mentions []claim.Claim
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&mentions); err != nil {
			return nil, err
		}
		return mentions, nil
	}
	d := &decoder{data: data[len(codecMagic):]}
	count := d.uvarint()
	if count > uint64(len(d.data)) {
		return nil, errDamaged
	}
	d.strings = make([]string, 0, count)
	for range count {
		n := d.uvarint()
		if n > uint64(len(d.data)) {
			return nil, errDamaged
		}
		d.strings = append(d.strings, string(d.data[:n]))
		d.data = d.data[n:]
	}
	n := d.uvarint()
	if n > uint64(len(d.data)) {
		return nil, errDamaged
	}
	mentions := make([]claim.Claim, n)
	for i := range mentions {
		m := &mentions[i]
		m.Article = d.str()
		m.Start, m.End, m.Line, m.Col = d.int(), d.int(), d.int(), d.int()
		m.Text = d.str()
		m.Value = d.float()
		m.Interval.Low, m.Interval.High = d.float(), d.float()
		flags := d.byte()
		m.Interval.LowOpen, m.Interval.HighOpen, m.IsClaim, m.Period.AsOf = flags&1 != 0, flags&2 != 0, flags&4 != 0, flags&8 != 0
		m.Qualifier, m.Kind, m.Reading, m.Unit, m.Metric, m.Subject = d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
		m.Whole = d.float()
		m.Period.From, m.Period.To = d.time(), d.time()
		m.Rate, m.Attribution, m.Sentence = d.str(), d.str(), d.str()
		m.SentenceStart = d.int()
		m.ArticleDate = d.time()
		m.Outlet, m.Language = d.str(), d.str()
		if d.err != nil {
			return nil, fmt.Errorf("mention %d: %w", i, d.err)
		}
	}
	if len(d.data) != 0 {
		return nil, errDamaged
	}
	return mentions, nil
}

// claimPrefix marks a claims-table value written with the codec; rows written before hold
// the JSON contract, which starts with '{'.
const claimPrefix = "c1:"

// encodeClaim writes one claim for the claims table's text column: the codec in base64
// (PostgreSQL's text holds no NUL byte). A draft check decodes thousands of candidate
// claims, and this decodes several times faster than JSON.
func encodeClaim(c claim.Claim) (string, error) {
	data, err := encodeMentions([]claim.Claim{c})
	if err != nil {
		return "", err
	}
	return claimPrefix + base64.RawStdEncoding.EncodeToString(data), nil
}

// decodeClaim reads a claims-table value written by encodeClaim or, before it, as JSON.
func decodeClaim(text []byte, into *claim.Claim) error {
	if !bytes.HasPrefix(text, []byte(claimPrefix)) {
		return json.Unmarshal(text, into)
	}
	data := make([]byte, base64.RawStdEncoding.DecodedLen(len(text)-len(claimPrefix)))
	n, err := base64.RawStdEncoding.Decode(data, text[len(claimPrefix):])
	if err != nil {
		return err
	}
	mentions, err := decodeMentions(data[:n])
	if err != nil {
		return err
	}
	if len(mentions) != 1 {
		return errDamaged
	}
	*into = mentions[0]
	return nil
}
