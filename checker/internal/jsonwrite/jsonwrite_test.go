package jsonwrite_test

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/claimcheck/claimcheck/checker/internal/jsonwrite"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// encoded is what encoding/json writes for v, with or without HTML escaping.
func encoded(v any, escapeHTML bool) string {
	var b bytes.Buffer
	encoder := json.NewEncoder(&b)
	encoder.SetEscapeHTML(escapeHTML)
	if err := encoder.Encode(v); err != nil {
		panic(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

var _ = Describe("String", func() {
	DescribeTable("writes what encoding/json writes",
		func(s string) {
			for _, escapeHTML := range []bool{true, false} {
				Expect(string(jsonwrite.String(nil, s, escapeHTML))).To(Equal(encoded(s, escapeHTML)))
			}
		},
		Entry("Arabic", "أغلقت تيليغرام أكثر من 2000 قناة"),
		Entry("HTML", `<script>alert("x")</script> & more`),
		Entry("controls", "\x00\x01\b\f\n\r\t\x1f\x7f"),
		Entry("separators", "a\u2028b\u2029c"),
		Entry("invalid UTF-8", "a\xffb\xc3\xe2\x80"),
		Entry("empty", ""),
	)
})

var _ = Describe("Float", func() {
	DescribeTable("writes what encoding/json writes",
		func(v float64) { Expect(string(jsonwrite.Float(nil, v))).To(Equal(encoded(v, true))) },
		Entry("an integer", 2000.0),
		Entry("a fraction", 0.1+0.2),
		Entry("tiny", 1e-7),
		Entry("tiny negative", -3.5e-9),
		Entry("huge", 1e21),
		Entry("huger", 2.5e300),
		Entry("negative zero", math.Copysign(0, -1)),
		Entry("just under the switch", 999999999999999999999.0),
	)
})

// FuzzString holds String to encoding/json on arbitrary text.
func FuzzString(f *testing.F) {
	f.Add("أكثر من 2000 <قناة> & \"x\"\n")
	f.Add("\x00\xff\u2028")
	f.Fuzz(func(t *testing.T, s string) {
		for _, escapeHTML := range []bool{true, false} {
			if got, want := string(jsonwrite.String(nil, s, escapeHTML)), encoded(s, escapeHTML); got != want {
				t.Fatalf("escapeHTML %v:\n%s\nencoding/json:\n%s", escapeHTML, got, want)
			}
		}
	})
}

// FuzzFloat holds Float to encoding/json on finite numbers.
func FuzzFloat(f *testing.F) {
	f.Add(1e-7)
	f.Add(123456.789)
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		if got, want := string(jsonwrite.Float(nil, v)), encoded(v, true); got != want {
			t.Fatalf("%s, encoding/json %s", got, want)
		}
	})
}
