package rules_test

import (
	"errors"
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/claimcheck/claimcheck/checker/rules"
	"github.com/claimcheck/claimcheck/checker/source"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// billionLaughs is the classic alias bomb: nine levels of nine aliases each.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for level := 'b'; level <= 'i'; level++ {
		previous := string(level - 1)
		fmt.Fprintf(&b, "%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", level, level, previous, previous, previous, previous, previous, previous, previous, previous, previous)
	}
	b.WriteString("checks: *i\n")
	return b.String()
}

func nested(depth int) string {
	return "settings: " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n"
}

func hugeFile() string {
	var b strings.Builder
	b.WriteString("entities:\n")
	for i := 0; b.Len() < 10<<20; i++ {
		fmt.Fprintf(&b, "  - {id: place_%d, kind: region, aliases: {en: [place number %d]}}\n", i, i)
	}
	return b.String()
}

func hugeCondition(nodes int) string {
	return "checks:\n  - id: huge\n    severity: error\n    description: d\n    scope: claim\n    message: m\n    violation: \"" +
		strings.Repeat("a.value + ", nodes/2) + "1 > 0\"\n"
}

var _ = Describe("bad input", func() {
	DescribeTable("is refused with a clear, short message",
		func(text func() string, want string) {
			layer := rules.Layer{FS: fstest.MapFS{"bad.yaml": {Data: []byte(text())}}, Name: "newsroom"}
			_, err := rules.Load(defaultLayer(), layer)
			Expect(err).To(HaveOccurred())
			var list source.ErrorList
			Expect(errors.As(err, &list)).To(BeTrue())
			Expect(list.Error()).To(ContainSubstring(want))
			for _, e := range list {
				Expect(len(e.Format())).To(BeNumerically("<", 2000), "the message quotes no megabytes")
				Expect(e.File).To(Equal("newsroom/bad.yaml"))
			}
		},
		Entry("an alias bomb (billion laughs)", billionLaughs, "YAML aliases are not allowed"),
		Entry("a 10 MB rule file", hugeFile, "the limit is"),
		Entry("1,000-level nesting", func() string { return nested(1000) }, "YAML nested deeper than 64 levels"),
		Entry("an expr condition of 100,000 nodes", func() string { return hugeCondition(100_000) }, "exceeds maximum allowed nodes"),
	)
})
