// Package engine evaluates a pack's checks over claims. A blocking index (metric and subject,
// and the subject's ancestors for part-whole checks) keeps the pairs it compares few; claims
// that state the same figure are folded into one side, so that a thousand articles repeating
// two conflicting figures give one finding that lists them all.
package engine
