// Package engine evaluates a pack's checks over claims. Claims that state the same values
// fold into one figure; a blocking index (metric and subject, the subject's ancestors for
// part-whole checks, the timeline, the article or sentence) supplies candidates; each check's
// when condition is read for partitions (a.X == b.X, samePeriod) and per-claim filters, so the
// pairs compared grow linearly with the claims. A finding is one distinct disagreement and
// lists every claim on each side: a thousand articles repeating two conflicting figures give
// one finding. Runtime errors of a check become one error entry naming it and the claims.
package engine
