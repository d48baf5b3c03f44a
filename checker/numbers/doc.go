// Package numbers is the quantity grammar: it finds every numeric mention in the normalized
// view of an Arabic or English text and reads it as an interval with its qualifier, or tells
// that it is no claim (a year, a date, a phone number, list numbering…).
package numbers
