// Package server is claimcheck's draft-check service: POST /v1/check takes a draft (text, or
// JSON with its date and outlet) and answers with the JSON contract of `claimcheck check
// --format json`, holding only the findings that involve the draft; GET /healthz says it is
// up; GET / is a self-contained page where an editor pastes a draft and sees its numbers
// highlighted beside the conflicts. The checker and the archive are loaded once and shared
// by every request. Signals are the caller's business: Serve stops when its context ends.
package server
