// Package checker is claimcheck's front door: New(options…) loads the rule packs once, and
// Check reads a corpus, extracts claims, runs the checks and returns a report.Result;
// CheckDraft checks a draft before publication against an archive and keeps only what
// involves the draft. The stages live in the packages below it: corpus, normalize, numbers,
// extract, rules, engine, report.
package checker
