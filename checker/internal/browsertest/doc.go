// Package browsertest starts the headless Chromium that the real-browser tests drive (the
// HTML report, the draft server's page), with one set of flags and one rule for a missing
// browser: skip locally with a message, fail when CLAIMCHECK_REQUIRE_BROWSER=1 (CI sets it,
// so the browser tests never silently disappear there).
package browsertest
