package fuzz

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

// Bad input must scan in linear time without panicking; each case has a time budget far
// above what a linear scan needs, so that a quadratic path fails loudly.
func TestBadInput(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	binary := make([]byte, 2<<20)
	rng.Read(binary)
	cases := map[string]string{
		"one long line":   strings.Repeat("وانضم نحو 42 ألف شخص بين 500 و550 أكثر من 2000 قناة، 274.460 حساب ", 2<<20/100),
		"only digits":     strings.Repeat("1234567890", 2<<20/10),
		"digit groups":    strings.Repeat("1,000.", 2<<20/6),
		"dot groups":      strings.Repeat("1.234", 2<<20/5),
		"spaced groups":   strings.Repeat("123 ", 2<<20/4),
		"random binary":   string(binary),
		"number words":    strings.Repeat("ثلاثة وعشرين ألفاً و", 2<<20/40),
		"qualifier chain": strings.Repeat("أكثر من ", 2<<20/16),
		"percent signs":   strings.Repeat("%1%", 2<<20/3),
		"dashes":          strings.Repeat("1-", 2<<20/2),
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			checkScan(t, s)
			if d := time.Since(start); d > 3*time.Second {
				t.Fatalf("took %v", d)
			}
		})
	}
}
