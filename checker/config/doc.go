// Package config reads .claimcheck.yaml, the project file found by walking up from the working
// directory: corpus paths, rule packs, the claim index, the failing severity, the baseline,
// and the reports to write. Decoding is strict: an unknown key or a wrong value is an error
// at its file:line:col. Flags override the file; the caller (the CLI) decides how.
package config
