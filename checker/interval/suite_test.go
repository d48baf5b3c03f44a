package interval_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestInterval(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "interval")
}
