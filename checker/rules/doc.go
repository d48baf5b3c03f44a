// Package rules loads rule packs: YAML folders of metrics (what is counted), entities (who
// or what it is counted for, with aliases and part_of), checks (expr conditions over claims)
// and settings. Decoding is strict and positioned: every mistake is reported as
// file:line:col with the key and what was expected, and every expr condition is compiled and
// type-checked against the claim environment when the pack loads.
//
// rules reads claim and interval (the types conditions see) and imports neither extract nor
// engine: both of them read a *Pack.
package rules
