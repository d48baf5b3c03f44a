// Package source owns positions in original text: character offsets, line:col for humans,
// and the one positioned error type that YAML errors, expr errors and article spans share.
//
// Every offset in claimcheck counts Unicode characters (runes) of the original file, never
// bytes and never positions in a normalized copy: Arabic text makes the difference visible.
package source
