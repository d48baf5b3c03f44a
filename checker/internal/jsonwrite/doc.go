// Package jsonwrite appends JSON strings and numbers byte for byte as encoding/json writes
// them, without reflection, for the values a report writes thousands of times (claims,
// findings, articles). Its tests hold it to encoding/json.
package jsonwrite
