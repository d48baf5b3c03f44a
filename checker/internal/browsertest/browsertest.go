package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/chromedp/chromedp"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// Binary returns the Chromium to drive, or skips (fails under CLAIMCHECK_REQUIRE_BROWSER=1).
func Binary() string {
	GinkgoHelper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CLAIMCHECK_REQUIRE_BROWSER") == "1" {
		Fail("CLAIMCHECK_REQUIRE_BROWSER=1 but no chromium on PATH: install it (apt-get install chromium)")
	}
	Skip("chromium not installed: apt-get install chromium (CLAIMCHECK_REQUIRE_BROWSER=1 makes this a failure)")
	return ""
}

// Open starts a headless Chromium (no sandbox, no GPU, no background networking, component
// updates or sync; a profile under dir) and returns its tab, already running, with listen
// receiving every DevTools event. The browser stops when the spec ends. The tab's context
// has no deadline, since cancelling it stops the browser: derive one for the actions.
func Open(binary, dir string, width, height int, listen func(event any)) context.Context {
	GinkgoHelper()
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
		chromedp.WindowSize(width, height),
	)
	allocator, cancelAllocator := chromedp.NewExecAllocator(context.Background(), options...)
	DeferCleanup(cancelAllocator)
	tab, cancelTab := chromedp.NewContext(allocator)
	DeferCleanup(cancelTab)
	// Listening starts the browser.
	Expect(chromedp.Listen(tab, listen)).To(Succeed(), "start chromium")
	return tab
}
