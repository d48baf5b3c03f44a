package config

// Template is what `claimcheck init` writes: every key, commented, with its default.
const Template = `# claimcheck project configuration, found by walking up from the working directory.
# Flags given on the command line override these values. Paths are relative to this file.

# The articles checked when no PATH is given: files, folders (recursive: .txt, .md), globs.
corpus:
  - articles

# Rule pack folders (or folders of packs), later ones layered over earlier ones.
# Leave empty for ./rules when it exists, else the packs bundled in the binary.
rules: []

# A claim index of the published archive, for draft checks against a large archive.
index: ""

# The lowest severity that makes the exit code 1: error, warning, info or none.
fail_on: error

# Known findings (written by "claimcheck baseline update"): they are reported as
# "unchanged" and do not fail the run; only new ones do.
# baseline: .claimcheck-baseline.json

# The reports to write: a format (text, json, html, sarif, junit, markdown) and a file
# (none, or "-", for standard output; at most one report goes there).
outputs:
  - format: text
  # - format: sarif
  #   output: claimcheck.sarif
  # - format: html
  #   output: claimcheck.html
`
