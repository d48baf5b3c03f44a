// Package fuzz holds the fuzz targets of the normalizer and the quantity grammar. They use
// plain testing (no ginkgo) so that the fuzzer runs at full speed.
package fuzz
