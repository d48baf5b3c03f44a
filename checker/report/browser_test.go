package report_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker/internal/browsertest"
	"github.com/claimcheck/claimcheck/checker/report"
)

const screenshotPath = "../../fixtures/report/screenshot.png"

// violationRecorder runs in the page before its own script: it records every resource the
// Content-Security-Policy refused, which is how a blocked request would show.
const violationRecorder = `window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) { window.__violations.push(e.blockedURI || e.violatedDirective); });`

// browser is one headless Chromium with a tab, recording every request the tab sends.
type browser struct {
	ctx       context.Context
	mutex     sync.Mutex
	requested []string
}

// openBrowser starts Chromium with the flags the issue lists and a temporary profile. The
// browser stops when the spec ends; actions time out after timeout.
func openBrowser(binary, dir string, timeout time.Duration) *browser {
	GinkgoHelper()
	b := &browser{}
	tab := browsertest.Open(binary, dir, 1280, 2200, func(event any) {
		if sent, ok := event.(*network.EventRequestWillBeSent); ok {
			b.mutex.Lock()
			b.requested = append(b.requested, sent.Request.URL)
			b.mutex.Unlock()
		}
	})
	ctx, cancel := context.WithTimeout(tab, timeout)
	DeferCleanup(cancel)
	b.ctx = ctx
	_, err := chromedp.Run(ctx, call(page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: violationRecorder}))
	Expect(err).NotTo(HaveOccurred())
	return b
}

// call wraps one DevTools command as a chromedp action.
func call[P, R any](command cdp.Command[P, R], params P) chromedp.Action[R] {
	return func(ctx context.Context, target *chromedp.Target) (R, error) {
		return cdp.Call(ctx, target, command, params)
	}
}

func (b *browser) open(path string) {
	GinkgoHelper()
	Expect(chromedp.Do(b.ctx, chromedp.Navigate("file://"+path), chromedp.WaitReady(chromedp.CSS("body")))).To(Succeed())
}

// evaluate runs JavaScript in the page, awaiting a promise when it returns one.
func evaluate[T any](b *browser, expression string) T {
	GinkgoHelper()
	value, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expression, chromedp.EvalAwaitPromise))
	Expect(err).NotTo(HaveOccurred(), expression)
	return value
}

// requests returns the URLs the tab has asked for so far.
func (b *browser) requests() []string {
	b.mutex.Lock()
	defer b.mutex.Unlock()
	return append([]string(nil), b.requested...)
}

// visibleCards counts the finding cards a person would see.
const visibleCards = `Array.from(document.querySelectorAll("article.finding")).filter(e => e.offsetParent !== null && getComputedStyle(e).display !== "none").length`

var _ = Describe("HTML report in a browser", func() {
	It("lays out Arabic right to left, filters, draws charts, prints, and requests nothing", func() {
		binary := browsertest.Binary()
		result := fixtureResult()
		dir := GinkgoT().TempDir()
		file := filepath.Join(dir, "report.html")
		Expect(os.WriteFile(file, render("html", report.Options{}, result), 0o644)).To(Succeed())
		b := openBrowser(binary, dir, 30*time.Second)
		b.open(file)

		By("the page direction: an English page whose Arabic blocks run right to left")
		Expect(evaluate[[]string](b, `[document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction]`)).
			To(Equal([]string{"ar", "ltr", "ltr"}))
		arabic := evaluate[[]string](b, `Array.from(document.querySelectorAll(".sentence, td[dir]"))
			.filter(e => /[\u0600-\u06FF]/.test(e.textContent)).map(e => getComputedStyle(e).direction)`)
		Expect(arabic).NotTo(BeEmpty())
		Expect(arabic).To(HaveEach("rtl"))
		english := evaluate[[]string](b, `Array.from(document.querySelectorAll(".sentence"))
			.filter(e => !/[\u0600-\u06FF]/.test(e.textContent)).map(e => getComputedStyle(e).direction)`)
		Expect(english).NotTo(BeEmpty())
		Expect(english).To(HaveEach("ltr"))

		By("one card per finding, sides grouped")
		Expect(evaluate[int](b, `document.querySelectorAll("article.finding").length`)).To(Equal(len(result.Findings)))
		Expect(evaluate[int](b, visibleCards)).To(Equal(len(result.Findings)))
		Expect(evaluate[int](b, `document.querySelectorAll("article.finding[data-rule=rate_mismatch] section.side").length`)).To(Equal(2))
		// The other article on the second side is listed, visible, with its figure as written.
		Expect(evaluate[[]string](b, `Array.from(document.querySelectorAll("article.finding[data-rule=rate_mismatch] ul.also li")).filter(e => e.offsetParent !== null).map(e => e.querySelector(".where").textContent + " " + e.querySelector("mark").textContent)`)).
			To(Equal([]string{"fixtures/report/articles/telegram_en.txt:1:81 · IFP News more than 2,000"}))

		By("a severity filter hides and shows cards")
		errorBox := chromedp.CSS(`input[name="severity"][value="error"]`)
		errors := `Array.from(document.querySelectorAll('article.finding[data-severity="error"]'))`
		Expect(chromedp.Do(b.ctx, chromedp.Click(errorBox))).To(Succeed())
		Expect(evaluate[[]bool](b, errors+`.map(e => e.offsetParent === null)`)).To(And(HaveLen(1), HaveEach(BeTrue())), "unticking error hides the error card")
		Expect(evaluate[int](b, visibleCards)).To(Equal(len(result.Findings)-1), "the other cards stay")
		Expect(evaluate[string](b, `document.getElementById("shown").textContent`)).To(Equal("1 of 2 findings shown"))
		Expect(chromedp.Do(b.ctx, chromedp.Click(errorBox))).To(Succeed())
		Expect(evaluate[[]bool](b, errors+`.map(e => e.offsetParent !== null)`)).To(HaveEach(BeTrue()), "ticking error again shows it")
		Expect(evaluate[int](b, visibleCards)).To(Equal(len(result.Findings)))

		By("the rule, article and metric filters")
		// Pick a value, fire the change event the form listens to, count, then reset.
		visibleWith := func(selector, value string) int {
			GinkgoHelper()
			return evaluate[int](b, fmt.Sprintf(`(() => {
				const field = document.querySelector(%q);
				field.value = %q;
				field.dispatchEvent(new Event("change", {bubbles: true}));
				const n = %s;
				field.value = "";
				field.dispatchEvent(new Event("change", {bubbles: true}));
				return n;
			})()`, selector, value, visibleCards))
		}
		articleToken := func(path string) string {
			GinkgoHelper()
			return evaluate[string](b, fmt.Sprintf(`Array.from(document.querySelectorAll("#filter-article option")).find(o => o.textContent === %q).value`, path))
		}
		Expect(visibleWith("#filter-rule", "cumulative_update")).To(Equal(1))
		Expect(visibleWith("#filter-rule", "rate_mismatch")).To(Equal(1))
		Expect(visibleWith("#filter-metric", "channels_closed")).To(Equal(1))
		Expect(visibleWith("#filter-metric", "fighters_joined")).To(Equal(1))
		Expect(visibleWith("#filter-article", articleToken("seeds/004_0681050abb075594.txt"))).To(Equal(1))
		Expect(visibleWith("#filter-article", articleToken("fixtures/report/articles/telegram_en.txt"))).To(Equal(1), "an article listed on a grouped side")
		Expect(visibleWith("#filter-article", articleToken("fixtures/report/articles/twitter_en.txt"))).To(Equal(0), "consistent figures raise no finding")
		Expect(evaluate[int](b, visibleCards)).To(Equal(len(result.Findings)), "every filter reset")

		By("the search box, typed into")
		typeSearch := func(text string) int {
			GinkgoHelper()
			evaluate[bool](b, `(() => { const box = document.getElementById("filter-search"); box.value = ""; box.dispatchEvent(new Event("input")); return true; })()`)
			if text != "" {
				Expect(chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.CSS("#filter-search"), text))).To(Succeed())
			}
			// The box waits for a pause in typing before filtering.
			return evaluate[int](b, `new Promise(resolve => setTimeout(() => resolve(`+visibleCards+`), 250))`)
		}
		Expect(typeSearch("Telegram")).To(Equal(1))
		Expect(typeSearch("3000")).To(Equal(1), "numerals as written")
		Expect(typeSearch("no such text")).To(Equal(0))
		Expect(evaluate[bool](b, `document.getElementById("no-match").hidden`)).To(BeFalse())
		Expect(typeSearch("")).To(Equal(len(result.Findings)))

		By("the chart of the European fighter figures")
		Expect(evaluate[[]float64](b, `(() => {
			const charts = document.querySelectorAll('svg.chart[data-metric="fighters_joined"][data-subject="europe"]');
			if (charts.length !== 1) { return [charts.length]; }
			const box = charts[0].getBoundingClientRect();
			return [charts.length, charts[0].querySelectorAll("g.point").length, box.width, box.height];
		})()`)).To(SatisfyAll(HaveLen(4), HaveExactElements(1.0, 2.0, BeNumerically(">", 100), BeNumerically(">", 50))))

		// CaptureScreenshot takes the viewport; FullScreenshot shifts right-to-left pages.
		_, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`window.scrollTo(0, 0), 0`))
		Expect(err).NotTo(HaveOccurred())
		screenshot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
		Expect(err).NotTo(HaveOccurred())
		Expect(screenshot).To(HavePrefix("\x89PNG"))
		// The screenshot is for people to look at: written with -update (make golden) or when
		// there is none, and in any case next to the page for this run.
		Expect(os.WriteFile(filepath.Join(dir, "screenshot.png"), screenshot, 0o644)).To(Succeed())
		if _, err := os.Stat(screenshotPath); *update || os.IsNotExist(err) {
			Expect(os.WriteFile(screenshotPath, screenshot, 0o644)).To(Succeed())
		}

		By("printing: a print stylesheet, and a PDF")
		Expect(evaluate[bool](b, `Array.from(document.styleSheets).some(sheet => Array.from(sheet.cssRules).some(rule => rule.media && rule.media.mediaText === "print"))`)).To(BeTrue())
		_, err = chromedp.Run(b.ctx, call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}))
		Expect(err).NotTo(HaveOccurred())
		Expect(evaluate[[]string](b, `[getComputedStyle(document.getElementById("filters")).display, getComputedStyle(document.querySelector("article.finding")).contentVisibility]`)).
			To(Equal([]string{"none", "visible"}), "filters hidden and every card rendered on paper")
		_, err = chromedp.Run(b.ctx, call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}))
		Expect(err).NotTo(HaveOccurred())
		pdf, err := chromedp.Run(b.ctx, call(page.PrintToPDF, page.PrintToPDFParams{}))
		Expect(err).NotTo(HaveOccurred())
		Expect(pdf.Data).To(HavePrefix("%PDF-"))
		Expect(len(pdf.Data)).To(BeNumerically(">", 10000))
		Expect(evaluate[bool](b, `Array.from(document.querySelectorAll("ul.also details")).every(d => d.open)`)).To(BeTrue(), "printing unfolds every side")

		By("no request left the page")
		Expect(evaluate[[]string](b, `window.__violations`)).To(BeEmpty(), "the page tried to load something")
		requested := b.requests()
		Expect(requested).To(ContainElement("file://"+file), "the page load itself is seen")
		for _, url := range requested {
			Expect(url == "file://"+file || strings.HasPrefix(url, "data:")).To(BeTrue(), "request left the page: %s", url)
		}
		// Both recorders work: an image from elsewhere is refused by the policy, and the attempt
		// shows in the page and in the network events.
		Expect(evaluate[[]string](b, `new Promise(resolve => {
			document.addEventListener("securitypolicyviolation", () => resolve(window.__violations), {once: true});
			const image = document.createElement("img");
			image.src = "https://example.invalid/pixel.png";
			document.body.append(image);
		})`)).To(ContainElement("https://example.invalid/pixel.png"))
		Eventually(b.requests).Should(ContainElement("https://example.invalid/pixel.png"))
	})
})

// toggleTimed flips a filter in the page and resolves, after the next frame is painted, with
// the milliseconds that took and the number of cards then shown.
const toggleTimed = `(change) => new Promise(resolve => {
	const start = performance.now();
	change();
	void document.body.offsetHeight;
	requestAnimationFrame(() => requestAnimationFrame(() => resolve([
		performance.now() - start,
		document.querySelectorAll("article.finding:not(.hidden)").length,
	])));
})`

var _ = Describe("HTML report with 10,000 findings in a browser", func() {
	It("stays usable: filters respond (times recorded, not asserted)", func() {
		// Seconds of work: CI (CLAIMCHECK_REQUIRE_BROWSER=1) and make bench run it, a plain
		// go test does not.
		if os.Getenv("CLAIMCHECK_BROWSER_BENCH") != "1" && os.Getenv("CLAIMCHECK_REQUIRE_BROWSER") != "1" {
			Skip("a measurement: runs with CLAIMCHECK_BROWSER_BENCH=1 (make bench) or CLAIMCHECK_REQUIRE_BROWSER=1 (CI)")
		}
		binary := browsertest.Binary()
		const findings = 10000
		result := manyFindings(findings)
		errors := 0
		for _, finding := range result.Findings {
			if finding.Severity == "error" {
				errors++
			}
		}
		dir := GinkgoT().TempDir()
		file := filepath.Join(dir, "report.html")
		page := render("html", report.Options{}, result)
		Expect(os.WriteFile(file, page, 0o644)).To(Succeed())
		b := openBrowser(binary, dir, 5*time.Minute)

		started := time.Now()
		b.open(file)
		loaded := time.Since(started)
		Expect(evaluate[int](b, `document.querySelectorAll("article.finding").length`)).To(Equal(findings))

		timed := func(change string) (float64, int) {
			GinkgoHelper()
			values := evaluate[[]float64](b, "("+toggleTimed+")(() => { "+change+" })")
			return values[0], int(values[1])
		}
		untick, shownWithoutErrors := timed(`document.querySelector('input[name=severity][value=error]').click()`)
		Expect(shownWithoutErrors).To(Equal(findings - errors))
		retick, shownAll := timed(`document.querySelector('input[name=severity][value=error]').click()`)
		Expect(shownAll).To(Equal(findings))
		metric, shownMetric := timed(`const m = document.getElementById("filter-metric"); m.value = "fighters_joined"; m.dispatchEvent(new Event("change", {bubbles: true}))`)
		Expect(shownMetric).To(Equal(findings - errors))
		search, shownSearch := timed(`const m = document.getElementById("filter-metric"); m.value = ""; const s = document.getElementById("filter-search"); s.value = "telegram"; s.form.dispatchEvent(new Event("change"))`)
		Expect(shownSearch).To(Equal(errors))
		scroll, _ := timed(`window.scrollTo(0, document.body.scrollHeight / 2)`)

		AddReportEntry("10,000-finding page", ReportEntryVisibilityAlways, fmt.Sprintf(
			"%.1f MB; load %s; untick a severity %.0f ms, tick it again %.0f ms, metric filter %.0f ms, first search %.0f ms, scroll to the middle %.0f ms",
			float64(len(page))/1e6, loaded.Round(time.Millisecond), untick, retick, metric, search, scroll))
	})
})
