// Package report renders a check run through formatters chosen by name: text, json, html,
// sarif, junit, markdown. Each writes one Result to an io.Writer.
package report
