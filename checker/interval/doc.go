// Package interval is the arithmetic of uncertain figures: an Interval with open or closed
// ends, rates that convert by calendar bounds (60 a day is 1,680–1,860 a month), and periods.
// It is small on purpose and exposed to rule conditions as expr functions.
package interval
