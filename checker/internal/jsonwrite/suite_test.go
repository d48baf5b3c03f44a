package jsonwrite_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestJSONWrite(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "jsonwrite")
}
