// Package skipper is a package whose tests need a tool nobody has, for
// TestGoTestShowsTheReport.
package skipper

import (
	"os"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/testtools"
)

func TestMain(m *testing.M) { os.Exit(testtools.Main(m, "skipper")) }

func TestNeedsNothing(t *testing.T) {}

func TestNeedsATool(t *testing.T) {
	testtools.Need(t, testtools.Tool{Name: "a-tool-nobody-has", Apt: "a-tool-nobody-has"})
}

func TestNeedsPackages(t *testing.T) {
	testtools.Need(t, testtools.NpmPackages("testdata/skipper", "node_modules/nothing.js")...)
}
