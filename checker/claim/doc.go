// Package claim holds the plain data that flows between the stages: a numeric Claim as the
// extract contract describes it, and a Finding that a check raises over claims. It has no
// behaviour beyond encoding, so that rules (which type-checks conditions against these
// types), engine and report can share it without importing each other.
package claim
