// Package baseline records the findings a corpus already has, so that CI fails only on new
// ones: a versioned JSON file of fingerprints written by `claimcheck baseline update`, and
// Apply, which marks each finding of a run "new" or "unchanged".
package baseline
