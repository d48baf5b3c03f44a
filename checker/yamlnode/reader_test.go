package yamlnode_test

import (
	"strings"

	"github.com/claimcheck/claimcheck/checker/source"
	"github.com/claimcheck/claimcheck/checker/yamlnode"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"go.yaml.in/yaml/v4"
)

// read decodes text as a mapping of name (string) and sizes (list of numbers).
func read(text string) (name string, sizes []float64, errs source.ErrorList) {
	r := yamlnode.New("settings.yaml", text, &errs)
	root, ok := r.Parse(8)
	if !ok {
		return "", nil, errs
	}
	r.Fields(root, "settings", map[string]func(*yaml.Node){
		"name": func(n *yaml.Node) { name = r.String(n, "name") },
		"sizes": func(n *yaml.Node) {
			r.List(n, "sizes", func(item *yaml.Node) { sizes = append(sizes, r.Number(item, "sizes item")) })
		},
	})
	return name, sizes, errs
}

var _ = Describe("Reader", func() {
	It("reads known keys", func() {
		name, sizes, errs := read("name: وكالة\nsizes: [1, 2_000]\n")
		Expect(errs).To(BeEmpty())
		Expect(name).To(Equal("وكالة"))
		Expect(sizes).To(Equal([]float64{1, 2000}))
	})

	It("takes an empty or comments-only file as nothing", func() {
		for _, text := range []string{"", "# nothing\n", "~\n"} {
			_, _, errs := read(text)
			Expect(errs).To(BeEmpty(), text)
		}
	})

	DescribeTable("reports every mistake at line:col with what was expected",
		func(text string, line, col int, message string) {
			_, _, errs := read(text)
			Expect(errs).NotTo(BeEmpty())
			Expect(errs[0].Line).To(Equal(line))
			Expect(errs[0].Col).To(Equal(col))
			Expect(errs[0].Message).To(ContainSubstring(message))
		},
		Entry("an unknown key, with the likely one", "nmae: x\n", 1, 1, `unknown key "nmae" (expected one of name, sizes); did you mean "name"?`),
		Entry("a repeated key", "name: a\nname: b\n", 2, 1, `key "name" repeats the one at line 1`),
		Entry("a list for a string", "name: [a]\n", 1, 7, "name: expected a string, found a list"),
		Entry("a word for a number", "sizes: [1, many]\n", 1, 12, `sizes item: expected a number, found "many"`),
		Entry("a mapping for a list", "sizes: {a: 1}\n", 1, 8, "sizes: expected a list, found a mapping"),
		Entry("a list at the top", "- a\n", 1, 1, "settings: expected a mapping, found a list"),
		Entry("an alias", "name: &x a\nsizes: *x\n", 1, 7, "YAML aliases are not allowed"),
		Entry("too deep", "sizes: "+strings.Repeat("[", 20)+strings.Repeat("]", 20)+"\n", 1, 15, "nested deeper than 8 levels"),
		Entry("broken YAML", "name: [a\n", 2, 1, "YAML:"),
	)

	It("keeps a snippet with a caret under the column, in characters", func() {
		_, _, errs := read("name: وكالة\nsizes: [واحد]\n")
		Expect(errs).To(HaveLen(1))
		Expect(errs[0].Col).To(Equal(9))
		Expect(errs[0].Format()).To(ContainSubstring("settings.yaml:2:9"))
	})
})
