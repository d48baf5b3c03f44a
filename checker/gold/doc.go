// Package gold scores extraction against the hand-annotated mentions of fixtures/gold: it
// reads the gold files, aligns predicted mentions to gold ones by character span, and computes
// precision and recall per field. The extract suite sets the bars; cmd/goldscore prints the
// table the README shows.
package gold
