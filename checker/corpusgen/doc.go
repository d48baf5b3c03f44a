// Package corpusgen writes realistic generated news articles, Arabic and English, for
// benchmarks and scale tests: sentences that state figures with the metrics' nouns and cues
// and the subjects' aliases of a loaded pack, among filler sentences that hold years, dates,
// ages and phone numbers. Figures are drawn from a few canonical values per metric, subject
// and year, as a newsroom repeats the same figures, with now and then a disagreeing one.
// The same seed and index always give the same article.
package corpusgen
