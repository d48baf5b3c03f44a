// Package rules embeds the bundled rule packs, so that claimcheck works from any folder:
// the CLI uses ./rules when it exists and this copy otherwise.
package rules

import "embed"

// FS holds every bundled pack folder (default/…).
//
//go:embed default
var FS embed.FS
