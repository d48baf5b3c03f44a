// Package corpus loads articles: files, folders, globs and standard input, with metadata
// from YAML front matter or a manifest.yaml beside them. A file that cannot be used is
// reported with its path and the others still load; invalid UTF-8 is replaced and reported
// with its position, never dropped silently.
package corpus
