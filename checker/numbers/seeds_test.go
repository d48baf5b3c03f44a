package numbers_test

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/numbers"
)

// golden renders a mention as "text|qualifier|kind|unit|low|high" for the seed lists.
func golden(q numbers.Quantity) string {
	kind := q.Kind
	if q.IsClaim {
		kind = "claim"
	}
	return strings.Join([]string{q.Text, string(q.Qualifier), kind, q.Unit, num(q.Interval.Low), num(q.Interval.High)}, "|")
}

func num(v float64) string {
	if math.IsInf(v, 1) {
		return "inf"
	}
	out := strconv.FormatFloat(v, 'f', 4, 64)
	return strings.TrimSuffix(strings.TrimRight(out, "0"), ".")
}

var seedMentions = map[string][]string{
	"000_95a4850d4a90ac9a.txt": {
		"تسع|exact|claim||9|9",
		"يومين|exact|duration||2|2",
		"نحو 42 ألف|approx|claim||37800|46200",
		"2011|exact|year||2011|2011",
		"2016|exact|year||2016|2016",
		"أكثر من خمسة آلاف|more_than|claim||5000|inf",
		"المئات|vague|claim||200|999",
		"التاسع من أكتوبر/تشرين الأول|exact|ordinal||9|9",
		"الثالث والعشرين|exact|ordinal||23|23",
		"أربعة آلاف|exact|claim||4000|4000",
		"ثلثهم|fraction|claim|fraction|0.3333|0.3333",
		"بين 500 و550|range|claim||500|550",
		"بين 700 و750|range|claim||700|750",
		"نحو 130|approx|claim||117|143",
		"أكثر من 300|more_than|claim||300|inf",
		"124|exact|claim||124|124",
		"138|exact|claim||138|138",
	},
	"001_f8f5d8320fd31d08.txt": {
		"العشرات|vague|claim||20|99",
		"8 أكتوبر|exact|date||8|8",
		"28|exact|claim||28|28",
		"عدة|vague|claim||3|9",
		"9 أكتوبر|exact|date||9|9",
		"3000|exact|claim||3000|3000",
		"عدة ملايين|vague|claim||3000000|9999999",
	},
	"002_68438a1aa9a4f2be.txt": {
		"80 %|exact|claim|percent|80|80",
		"4-41|exact|address||4|4",
		"1002|exact|address||1002|1002",
		"71905125|exact|phone||71905125|71905125",
		"71905115|exact|phone||71905115|71905115",
	},
	"003_2ee339602fd84b2e.txt": {
		"29 أبريل, 2018|exact|date||29|29",
		"2016|exact|year||2016|2016",
	},
	"004_0681050abb075594.txt": {
		"1|exact|list_number||1|1",
		"2|exact|list_number||2|2",
		"الثلاثة|exact|period||3|3",
		"60|exact|claim||60|60",
		"أكثر من 2000|more_than|claim||2000|inf",
		"15|exact|claim||15|15",
		"3|exact|list_number||3|3",
		"1.2 مليون|exact|claim||1200000|1200000",
		"2015|exact|year||2015|2015",
		"2017|exact|year||2017|2017",
		"النصف الثانى|fraction|ordinal|fraction|0.5|0.5",
		"2017|exact|year||2017|2017",
		"حوالى 274.460|approx|claim||247014|301906",
		"30 ألف|exact|claim||30000|30000",
		"حوالى 3 ملايين|approx|claim||2700000|3300000",
		"50 ألف|exact|claim||50000|50000",
		"15 ألفا|exact|claim||15000|15000",
		"عشرات الآلاف|vague|claim||20000|99999",
		"ما يزيد على مائة|more_than|claim||100|inf",
		"4|exact|list_number||4|4",
		"5|exact|list_number||5|5",
		"49|exact|claim||49|49",
	},
}

var _ = Describe("the seed articles", func() {
	files, _ := filepath.Glob("../../seeds/*.txt")

	It("are all there", func() {
		Expect(files).To(HaveLen(len(seedMentions)))
	})

	for _, path := range files {
		name := filepath.Base(path)
		It("reads every number of "+name, func() {
			data, err := os.ReadFile(path)
			Expect(err).NotTo(HaveOccurred())
			text := string(data)
			original := []rune(text)
			var qs []numbers.Quantity
			Expect(func() { qs = scan(text) }).NotTo(Panic())
			var got []string
			last := -1
			for _, q := range qs {
				Expect(q.Start).To(BeNumerically(">=", 0))
				Expect(q.Start).To(BeNumerically("<=", q.End))
				Expect(q.End).To(BeNumerically("<=", len(original)))
				Expect(q.Text).To(Equal(string(original[q.Start:q.End])))
				Expect(q.Start).To(BeNumerically(">", last), "sorted by start")
				last = q.Start
				got = append(got, golden(q))
			}
			Expect(got).To(Equal(seedMentions[name]))
		})
	}
})
