package report_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/report"
)

const screenshotPath = "../../fixtures/report/screenshot.png"

// chromium finds a Chromium binary; the browser test skips without one.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

var _ = Describe("HTML report in a browser", func() {
	It("shows Arabic right to left, filters by severity, draws charts and requests nothing", func() {
		binary := chromium()
		if binary == "" {
			Skip("chromium not installed: apt-get install chromium")
		}
		result := fixtureResult()
		dir := GinkgoT().TempDir()
		page := filepath.Join(dir, "report.html")
		Expect(os.WriteFile(page, render("html", report.Options{}, result), 0o644)).To(Succeed())

		options := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(binary),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.UserDataDir(filepath.Join(dir, "profile")),
			chromedp.WindowSize(1280, 3000),
		)
		allocator, cancelAllocator := chromedp.NewExecAllocator(context.Background(), options...)
		defer cancelAllocator()
		browser, cancelBrowser := chromedp.NewContext(allocator)
		defer cancelBrowser()

		// Listening starts the browser; its context must have no timeout (it would stop the
		// browser), so the time limit goes on a context derived after.
		var mutex sync.Mutex
		var requested []string
		Expect(chromedp.Listen(browser, func(event any) {
			if sent, ok := event.(*network.EventRequestWillBeSent); ok {
				mutex.Lock()
				requested = append(requested, sent.Request.URL)
				mutex.Unlock()
			}
		})).To(Succeed(), "start chromium")
		ctx, cancel := context.WithTimeout(browser, 20*time.Second)
		defer cancel()

		evaluate := func(expression string, into any) {
			GinkgoHelper()
			switch target := into.(type) {
			case *int:
				value, err := chromedp.Run(ctx, chromedp.Evaluate[int](expression))
				Expect(err).NotTo(HaveOccurred(), expression)
				*target = value
			case *[]string:
				value, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](expression))
				Expect(err).NotTo(HaveOccurred(), expression)
				*target = value
			case *[]bool:
				value, err := chromedp.Run(ctx, chromedp.Evaluate[[]bool](expression))
				Expect(err).NotTo(HaveOccurred(), expression)
				*target = value
			}
		}

		var cards, charts int
		var directions []string
		var hiddenAfterUntick, shownAfterRetick, otherCardsHidden []bool
		errorBox := chromedp.CSS(`input[name="severity"][value="error"]`)
		errorCards := `Array.from(document.querySelectorAll('article.finding[data-severity="error"]'))`
		Expect(chromedp.Do(ctx, chromedp.Navigate("file://"+page), chromedp.WaitReady(chromedp.CSS("body")))).To(Succeed())
		evaluate(`document.querySelectorAll("article.finding").length`, &cards)
		// Every block of article text that holds Arabic letters must lay out right to left.
		evaluate(`Array.from(document.querySelectorAll(".sentence, td[dir]"))
			.filter(e => /[\u0600-\u06FF]/.test(e.textContent))
			.map(e => getComputedStyle(e).direction)`, &directions)
		Expect(chromedp.Do(ctx, chromedp.Click(errorBox))).To(Succeed())
		evaluate(errorCards+`.map(e => e.offsetParent === null && getComputedStyle(e).display === "none")`, &hiddenAfterUntick)
		evaluate(`Array.from(document.querySelectorAll('article.finding:not([data-severity="error"])')).map(e => e.offsetParent === null)`, &otherCardsHidden)
		Expect(chromedp.Do(ctx, chromedp.Click(errorBox))).To(Succeed())
		evaluate(errorCards+`.map(e => e.offsetParent !== null && getComputedStyle(e).display !== "none")`, &shownAfterRetick)
		evaluate(`document.querySelectorAll('svg.chart[data-metric="fighters_joined"][data-subject="europe"]').length`, &charts)
		// The other filters: pick a value, fire the change event the form listens to, count.
		visibleWith := func(selector, value string) int {
			GinkgoHelper()
			var visible int
			evaluate(`(() => {
				const field = document.querySelector(`+"`"+selector+"`"+`);
				field.value = `+"`"+value+"`"+`;
				field.dispatchEvent(new Event("change", {bubbles: true}));
				const n = document.querySelectorAll("article.finding:not(.hidden)").length;
				field.value = "";
				field.dispatchEvent(new Event("change", {bubbles: true}));
				return n;
			})()`, &visible)
			return visible
		}
		Expect(visibleWith("#filter-rule", "cumulative_update")).To(Equal(1))
		Expect(visibleWith("#filter-metric", "channels_closed")).To(Equal(1))
		Expect(visibleWith("#filter-article", "a3")).To(Equal(1), "the Arabic weekly (seeds/004)")
		Expect(visibleWith("#filter-search", "274,460")).To(Equal(1))
		Expect(visibleWith("#filter-search", "no such text")).To(Equal(0))
		_, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.scrollTo(0, 0), 0`))
		Expect(err).NotTo(HaveOccurred())
		// CaptureScreenshot takes the viewport, which the window size makes the whole report.
		screenshot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		Expect(err).NotTo(HaveOccurred())

		Expect(cards).To(Equal(len(result.Findings)))
		Expect(directions).NotTo(BeEmpty())
		Expect(directions).To(HaveEach("rtl"))
		Expect(hiddenAfterUntick).To(HaveLen(1))
		Expect(hiddenAfterUntick).To(HaveEach(BeTrue()), "unticking error hides the error cards")
		Expect(otherCardsHidden).To(HaveEach(BeFalse()), "the other cards stay")
		Expect(shownAfterRetick).To(HaveEach(BeTrue()), "ticking error again shows them")
		Expect(charts).To(Equal(1))

		mutex.Lock()
		defer mutex.Unlock()
		Expect(requested).NotTo(BeEmpty(), "the page load itself is a request")
		for _, url := range requested {
			Expect(strings.HasPrefix(url, "file://") || strings.HasPrefix(url, "data:")).To(BeTrue(), "request left the page: %s", url)
		}

		// The screenshot is for people to look at: write it when asked, or when there is none.
		if _, err := os.Stat(screenshotPath); *update || os.IsNotExist(err) {
			Expect(os.WriteFile(screenshotPath, screenshot, 0o644)).To(Succeed())
		}
	})
})
