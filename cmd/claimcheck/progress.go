package main

import (
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progressDelay keeps short runs quiet: the bar appears only once a run has lasted this long.
const progressDelay = 700 * time.Millisecond

// progress draws articles read, articles/s and the ETA on standard error when it is a
// terminal and --quiet is not given; otherwise it does nothing.
type progress struct {
	container *mpb.Progress
	bar       *mpb.Bar
	once      sync.Once
}

func (s *streams) newProgress() *progress {
	if s.quiet || !isTerminal(s.err) {
		return &progress{}
	}
	delay := make(chan struct{})
	time.AfterFunc(progressDelay, func() { close(delay) })
	return &progress{container: mpb.New(mpb.WithOutput(s.err), mpb.WithWidth(40), mpb.WithRenderDelay(delay))}
}

// report is the checker's WithProgress callback.
func (p *progress) report(done, total int) {
	if p.container == nil {
		return
	}
	p.once.Do(func() {
		p.bar = p.container.AddBar(int64(total),
			mpb.PrependDecorators(decor.Name("articles "), decor.CountersNoUnit("%d/%d")),
			mpb.AppendDecorators(decor.AverageSpeed(0, " %.0f articles/s"), decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_GO)),
			mpb.BarRemoveOnComplete())
	})
	p.bar.SetCurrent(int64(done))
}

// wait lets the bar finish drawing (and erase itself) before the report is written.
func (p *progress) wait() {
	if p.container == nil {
		return
	}
	if p.bar != nil && !p.bar.Completed() {
		p.bar.Abort(true)
	}
	p.container.Wait()
}
