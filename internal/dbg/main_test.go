package dbg

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/claimcheck/claimcheck/checker/corpus"
	"github.com/claimcheck/claimcheck/checker/extract"
	"github.com/claimcheck/claimcheck/checker/rules"
)

func TestDbg(t *testing.T) {
	pack, err := rules.Load(rules.Layer{FS: os.DirFS("/work/wt-extract/rules/default"), Name: "rules/default"})
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(pack)
	text := os.Getenv("TEXT")
	a := &corpus.Article{Path: "x", Text: text, Date: time.Date(2018, 4, 10, 0, 0, 0, 0, time.UTC)}
	for _, c := range x.Article(a) {
		fmt.Printf("%q claim=%v kind=%s v=%v %v q=%s unit=%s metric=%s subject=%s rate=%s period=%v..%v asof=%v attr=%q\n", c.Text, c.IsClaim, c.Kind, c.Value, c.Interval, c.Qualifier, c.Unit, c.Metric, c.Subject, c.Rate, c.Period.From.Format("2006-01-02"), c.Period.To.Format("2006-01-02"), c.Period.AsOf, c.Attribution)
	}
}
