// Package normalize builds the matching view of an article: digits folded to ASCII, Arabic
// letter variants unified, diacritics and tatweel dropped, presentation forms folded, Latin
// lowercased, NBSP to space. Every normalized character keeps the offset of the original
// character it came from, so that a match in the view maps back to the file exactly.
package normalize
