// Package report renders a check run through formatters chosen by name: text, json, html,
// sarif, junit, markdown. Each writes one Result to an io.Writer.
//
//   - text: compiler-style lines for a terminal, the sentence around each number with a caret.
//   - json: the JSON contract of DESIGN.md.
//   - html: one self-contained page (no request of any kind), filters, charts, an appendix.
//   - sarif: SARIF 2.1.0, columns and offsets in Unicode code points.
//   - junit: one test case per rule; failures counts failing cases, not findings.
//   - markdown: a pull-request comment, at most 50 findings.
//
// Every format is deterministic: no clock, no map order, no absolute path of its own.
package report
