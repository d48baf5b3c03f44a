package report

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/claimcheck/claimcheck/checker/interval"
)

// Chart geometry in SVG user units; the SVG scales to its container through its viewBox.
const (
	chartWidth  = 640
	chartHeight = 280
	plotLeft    = 78
	plotRight   = chartWidth - 24
	plotTop     = 24
	plotBottom  = chartHeight - 64
	// logThreshold is the spread (largest over smallest figure) beyond which the y axis
	// turns logarithmic, so that 3,000 and 1.2 million stay readable on one chart.
	logThreshold = 100
)

type htmlChart struct {
	Index                    int
	Metric, Subject          string
	Rate                     string
	Log                      bool
	Width, Height            int
	Left, Right, Top, Bottom int
	YTicks                   []chartTick
	XLabels                  []chartTick
	Points                   []chartPoint
	TimeAxis                 bool
	Converted                bool
	Undated                  int
	// TickX is where the y tick labels end, just left of the axis.
	TickX int
}

type chartTick struct {
	Position string
	Label    string
	// Line is the row of a stacked label under the x axis, as an SVG y coordinate.
	Line string
}

type chartPoint struct {
	X                                  string
	BarX, TickLeft, TickRight, FigureX string
	Top, Bottom, Height                string
	Value                              string
	HasValue                           bool
	UpArrow, DownArrow                 bool
	OpenTop, OpenBottom                bool
	ArrowUp, ArrowDown                 string
	Label, Title                       string
	Figure, FigureY                    string
	// FigureAnchor puts the label right of the bar in the left half of the plot and left of
	// it in the right half, so that labels stay inside the chart.
	FigureAnchor string
}

type chartClaim struct {
	claim claim.Claim
	// shown is the interval drawn after conversion to the chart's rate.
	shown     interval.Interval
	value     float64
	converted bool
	date      time.Time
}

// charts draws one chart per (metric, subject) that two or more claims among the findings
// share, in metric and subject order.
func charts(findings []claim.Finding) []htmlChart {
	type key struct{ metric, subject string }
	groups := map[key][]claim.Claim{}
	seen := map[string]bool{}
	for _, finding := range findings {
		for _, c := range finding.Claims {
			if c.Metric == "" {
				continue
			}
			id := fmt.Sprintf("%s\x00%d\x00%d", c.Article, c.Start, c.End)
			if seen[id] {
				continue
			}
			seen[id] = true
			k := key{c.Metric, c.Subject}
			groups[k] = append(groups[k], c)
		}
	}
	keys := make([]key, 0, len(groups))
	for k, claims := range groups {
		if len(claims) >= 2 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].metric != keys[j].metric {
			return keys[i].metric < keys[j].metric
		}
		return keys[i].subject < keys[j].subject
	})
	var out []htmlChart
	for _, k := range keys {
		if chart, ok := drawChart(groups[k]); ok {
			chart.Index = len(out)
			chart.Metric, chart.Subject = clean(k.metric), clean(k.subject)
			out = append(out, chart)
		}
	}
	return out
}

// commonRate picks the rate most claims use, so that "60 a day" and "2,000 a month" land on
// one axis; ties go to the longer unit, which keeps numbers whole.
func commonRate(claims []claim.Claim) interval.Rate {
	count := map[interval.Rate]int{}
	for _, c := range claims {
		if c.Rate != interval.None {
			count[c.Rate]++
		}
	}
	best := interval.None
	for _, rate := range []interval.Rate{interval.Year, interval.Month, interval.Week, interval.Day} {
		if count[rate] > count[best] || (best == interval.None && count[rate] > 0) {
			best = rate
		}
	}
	return best
}

func drawChart(claims []claim.Claim) (htmlChart, bool) {
	chart := htmlChart{
		Width: chartWidth, Height: chartHeight, Left: plotLeft, Right: plotRight, Top: plotTop, Bottom: plotBottom,
		TickX: plotLeft - 6,
	}
	rate := commonRate(claims)
	chart.Rate = string(rate)
	points := make([]chartClaim, 0, len(claims))
	for _, c := range claims {
		p := chartClaim{claim: c, shown: c.Interval, value: c.Value, date: claimDate(c)}
		if c.Rate != interval.None && c.Rate != rate {
			if converted, ok := interval.ConvertRate(c.Interval, c.Rate, rate); ok {
				p.shown, p.value, p.converted = converted, math.NaN(), true
				chart.Converted = true
			}
		}
		points = append(points, p)
	}
	sort.SliceStable(points, func(i, j int) bool {
		a, b := points[i], points[j]
		if a.date.IsZero() != b.date.IsZero() {
			return b.date.IsZero()
		}
		if !a.date.Equal(b.date) {
			return a.date.Before(b.date)
		}
		if a.claim.Article != b.claim.Article {
			return a.claim.Article < b.claim.Article
		}
		return a.claim.Start < b.claim.Start
	})

	// The y domain covers every finite figure and bound; a log axis needs positive ones.
	low, high := math.Inf(1), math.Inf(-1)
	for _, p := range points {
		for _, v := range []float64{p.shown.Low, p.shown.High, p.value} {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				continue
			}
			if v > 0 {
				low = math.Min(low, v)
			}
			high = math.Max(high, v)
		}
	}
	if math.IsInf(high, -1) {
		return chart, false
	}
	if math.IsInf(low, 1) {
		low = high
	}
	chart.Log = low > 0 && high/low > logThreshold
	var y func(float64) float64
	if chart.Log {
		bottom, top := math.Floor(math.Log10(low)), math.Ceil(math.Log10(high))
		if top == bottom {
			top++
		}
		y = func(v float64) float64 {
			v = math.Max(v, math.Pow(10, bottom))
			return plotBottom - (math.Log10(v)-bottom)/(top-bottom)*(plotBottom-plotTop)
		}
		for e := bottom; e <= top; e++ {
			chart.YTicks = append(chart.YTicks, chartTick{Position: number(y(math.Pow(10, e))), Label: interval.FormatNumber(math.Pow(10, e))})
		}
	} else {
		step := niceStep(high / 4)
		top := math.Ceil(high*1.1/step) * step
		if top == 0 {
			top = 1
		}
		y = func(v float64) float64 { return plotBottom - v/top*(plotBottom-plotTop) }
		for v := 0.0; v <= top+step/2; v += step {
			chart.YTicks = append(chart.YTicks, chartTick{Position: number(y(v)), Label: interval.FormatNumber(v)})
		}
	}

	// The x axis is proportional to time when every claim has a date and the dates differ;
	// otherwise the points are spaced evenly in date order.
	first, last := time.Time{}, time.Time{}
	dated := 0
	for _, p := range points {
		if p.date.IsZero() {
			chart.Undated++
			continue
		}
		dated++
		if first.IsZero() || p.date.Before(first) {
			first = p.date
		}
		if last.IsZero() || p.date.After(last) {
			last = p.date
		}
	}
	chart.TimeAxis = dated == len(points) && last.After(first)
	const inset = 48
	width := float64(plotRight-plotLeft) - 2*inset
	xs := make([]float64, len(points))
	for i, p := range points {
		if chart.TimeAxis {
			xs[i] = plotLeft + inset + p.date.Sub(first).Hours()/last.Sub(first).Hours()*width
		} else {
			xs[i] = plotLeft + inset + (float64(i)+0.5)/float64(len(points))*width
		}
	}
	// Points on one date stand side by side instead of on top of each other.
	for i := 0; i < len(points); {
		j := i
		for j < len(points) && xs[j] == xs[i] {
			j++
		}
		for k := i; k < j; k++ {
			xs[k] += (float64(k-i) - float64(j-i-1)/2) * 18
		}
		i = j
	}

	labelRow := map[string]int{}
	var placed []labelBox
	for i, p := range points {
		view := chartPoint{
			X: number(xs[i]), BarX: number(xs[i] - 3), TickLeft: number(xs[i] - 7), TickRight: number(xs[i] + 7),
			Label: articleLabel(p.claim),
		}
		topValue, bottomValue := p.shown.High, p.shown.Low
		yTop, yBottom := float64(plotTop), float64(plotBottom)
		if math.IsInf(topValue, 1) {
			view.UpArrow = true
			view.ArrowUp = fmt.Sprintf("%s,%d %s,%d %s,%d", number(xs[i]-5), plotTop+8, number(xs[i]), plotTop, number(xs[i]+5), plotTop+8)
		} else {
			yTop = y(topValue)
			view.OpenTop = p.shown.HighOpen
		}
		if chart.Log && bottomValue <= 0 {
			view.DownArrow = true
			view.ArrowDown = fmt.Sprintf("%s,%d %s,%d %s,%d", number(xs[i]-5), plotBottom-8, number(xs[i]), plotBottom, number(xs[i]+5), plotBottom-8)
		} else if !math.IsInf(bottomValue, -1) {
			yBottom = y(math.Max(bottomValue, 0))
			view.OpenBottom = p.shown.LowOpen
		}
		view.Top, view.Bottom = number(yTop), number(yBottom)
		view.Height = number(math.Max(yBottom-yTop, 0))
		if !math.IsNaN(p.value) && !math.IsInf(p.value, 0) {
			view.HasValue, view.Value = true, number(y(p.value))
		}
		figure := p.shown.Describe()
		if rate != interval.None && p.claim.Rate != interval.None {
			figure += " / " + string(rate)
		}
		view.Figure = figure
		figureY := math.Max(yTop-8, plotTop-8)
		if view.UpArrow {
			figureY = float64(plotTop) + 22
		}
		label := placeLabel(&placed, xs, i, figureY, figure)
		view.FigureX, view.FigureY, view.FigureAnchor = number(label.x), number(label.y), label.anchor
		view.Title = fmt.Sprintf("%s — %s — %s", clean(location(p.claim)), clean(p.claim.Text), figure)
		if p.converted {
			view.Title += fmt.Sprintf(" (converted from %s a %s)", p.claim.Interval.Describe(), p.claim.Rate)
		}
		date := formatDate(p.date)
		if date == "" {
			date = "undated"
		}
		// Under the axis: the date, then one row per article on that date; points of one date
		// that stand apart (an axis in date order) each get the date.
		if i == 0 || date != formatDateOr(points[i-1].date) || xs[i]-xs[i-1] > 40 {
			chart.XLabels = append(chart.XLabels, chartTick{Position: number(xs[i]), Label: date, Line: number(plotBottom + 18)})
			labelRow[date] = 0
		}
		labelRow[date]++
		chart.XLabels = append(chart.XLabels, chartTick{Position: number(xs[i]), Label: view.Label, Line: number(float64(plotBottom+18) + 14*float64(labelRow[date]))})
		chart.Points = append(chart.Points, view)
	}
	return chart, true
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	magnitude := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*magnitude >= raw {
			return m * magnitude
		}
	}
	return 10 * magnitude
}

// formatDateOr writes a point's date as its x label does.
func formatDateOr(t time.Time) string {
	if date := formatDate(t); date != "" {
		return date
	}
	return "undated"
}

// labelBox is the space a figure label takes, estimated: SVG text cannot be measured here.
type labelBox struct{ left, right, y float64 }

type labelPlace struct {
	x, y   float64
	anchor string
}

// placeLabel puts a point's figure label beside its bar: right of it, else left, on the first
// line down (from the top of the bar) where it stays inside the plot, overlaps no label already
// placed and crosses no other point's bar, so that figures drawn close together stay readable
// and each label sits next to its own bar.
func placeLabel(placed *[]labelBox, xs []float64, index int, y float64, text string) labelPlace {
	width := 6.5 * float64(len([]rune(text)))
	x := xs[index]
	fits := func(box labelBox) bool {
		if box.left < plotLeft+2 || box.right > plotRight-2 {
			return false
		}
		for k, other := range xs {
			if k != index && box.left-8 < other && other < box.right+8 {
				return false
			}
		}
		for _, other := range *placed {
			if box.left < other.right && other.left < box.right && math.Abs(box.y-other.y) < 13 {
				return false
			}
		}
		return true
	}
	right := func(y float64) labelBox { return labelBox{left: x + 9, right: x + 9 + width, y: y} }
	left := func(y float64) labelBox { return labelBox{left: x - 9 - width, right: x - 9, y: y} }
	for line := 0; line < 12; line++ {
		row := y + 14*float64(line)
		if box := right(row); fits(box) {
			*placed = append(*placed, box)
			return labelPlace{x: x + 9, y: row, anchor: "start"}
		}
		if box := left(row); fits(box) {
			*placed = append(*placed, box)
			return labelPlace{x: x - 9, y: row, anchor: "end"}
		}
	}
	// Nowhere free: the side with more room, at the bar's top.
	if x < (plotLeft+plotRight)/2 {
		*placed = append(*placed, right(y))
		return labelPlace{x: x + 9, y: y, anchor: "start"}
	}
	*placed = append(*placed, left(y))
	return labelPlace{x: x - 9, y: y, anchor: "end"}
}
