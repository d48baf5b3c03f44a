package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/internal/browsertest"
)

var _ = Describe("the editor's page in a browser", func() {
	It("highlights an Arabic draft's numbers right to left, with the conflicts beside them, and requests nothing else", func() {
		binary := browsertest.Binary()
		ts := newServer()
		twitter, published := twitterDraft()
		draft := twitter + "\n\n" + selfContradiction + "\n\nThe desk added 12 photos on Monday."

		dir := GinkgoT().TempDir()
		var mutex sync.Mutex
		var requested, problems []string
		browser := browsertest.Open(binary, dir, 1280, 1600, func(event any) {
			mutex.Lock()
			defer mutex.Unlock()
			switch e := event.(type) {
			case *network.EventRequestWillBeSent:
				requested = append(requested, e.Request.URL)
			case *runtime.EventExceptionThrown:
				problems = append(problems, e.ExceptionDetails.Text)
			case *runtime.EventConsoleAPICalled:
				if e.Type == runtime.ConsoleAPICalledTypeError {
					problems = append(problems, "console error")
				}
			}
		})
		ctx, cancel := context.WithTimeout(browser, 30*time.Second)
		defer cancel()

		Expect(chromedp.Do(ctx,
			chromedp.Navigate(ts.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS("#draft")),
			chromedp.SetValue(chromedp.CSS("#draft"), draft),
			chromedp.SetValue(chromedp.CSS("#date"), "2018-05-01"),
			chromedp.Click(chromedp.CSS("#check")),
			chromedp.WaitVisible(chromedp.CSS("#conflicts .card")),
		)).To(Succeed())

		evaluate := func(expression string) any {
			GinkgoHelper()
			value, err := chromedp.Run(ctx, chromedp.Evaluate[any](expression))
			Expect(err).NotTo(HaveOccurred(), expression)
			return value
		}
		strings := func(expression string) []string {
			GinkgoHelper()
			value, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](expression))
			Expect(err).NotTo(HaveOccurred(), expression)
			return value
		}
		cards := evaluate(`document.querySelectorAll("#conflicts .card").length`)
		claims := evaluate(`document.querySelectorAll("#text mark.number.claim").length`)
		conflicts := evaluate(`document.querySelectorAll("#text mark.conflict").length`)
		conflictTexts := strings(`Array.from(document.querySelectorAll("#text mark.conflict")).map(m => m.textContent)`)
		directions := strings(`Array.from(document.querySelectorAll("#text p")).map(p => p.getAttribute("dir"))`)
		computed := strings(`Array.from(document.querySelectorAll("#text p, #conflicts .sentence")).map(p => getComputedStyle(p).direction)`)
		sources := strings(`Array.from(document.querySelectorAll("#conflicts .published .source")).map(p => p.textContent)`)
		markColor := evaluate(`getComputedStyle(document.querySelector("#text mark.conflict")).backgroundColor`)

		if path := os.Getenv("CLAIMCHECK_PAGE_SCREENSHOT"); path != "" {
			shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			Expect(err).NotTo(HaveOccurred())
			Expect(os.WriteFile(path, shot, 0o644)).To(Succeed())
		}

		// The page shows what the API answers for the same draft.
		request, _ := json.Marshal(map[string]string{"text": draft, "date": "2018-05-01"})
		status, data := post(ts.URL+"/v1/check", "application/json", bytes.NewReader(request))
		Expect(status).To(Equal(http.StatusOK))
		result := decodeResult(data)
		Expect(result.Findings).NotTo(BeEmpty())
		Expect(cards).To(BeNumerically("==", len(result.Findings)))

		Expect(claims).To(BeNumerically(">=", 3), "the draft's claims are highlighted")
		Expect(conflicts).To(BeNumerically(">=", 3), "the Twitter figure and both Telegram figures are in conflicts")
		Expect(conflictTexts).To(ContainElement(ContainSubstring("900")))
		Expect(directions).To(Equal([]string{"rtl", "rtl", "ltr"}), "each paragraph takes its own direction")
		Expect(computed[:2]).To(HaveEach("rtl"))
		Expect(sources).To(ContainElement(And(ContainSubstring(published.Path), ContainSubstring(published.Outlet), ContainSubstring(published.Date))))
		Expect(markColor).NotTo(Equal("rgba(0, 0, 0, 0)"), "the inline style ran under the Content-Security-Policy")

		mutex.Lock()
		defer mutex.Unlock()
		Expect(problems).To(BeEmpty())
		Expect(requested).To(ContainElement(ts.URL + "/v1/check"))
		for _, url := range requested {
			// data: URLs are the browser's own (the date field's calendar icon).
			Expect(url).To(Or(HavePrefix(ts.URL+"/"), HavePrefix("data:")), "request left the server")
		}
	})
})
