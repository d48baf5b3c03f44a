package gold_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestGold(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "gold")
}

const repositoryRoot = "../.."
