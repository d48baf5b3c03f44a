// Package yamlnode reads hand-written YAML strictly: it walks yaml.v4 node trees and records
// every mistake as a positioned source.Error (file:line:col, the line, a caret), so that one
// pass reports all of them. Rule packs and the .claimcheck.yaml configuration share it.
package yamlnode
