package registry_test

import (
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/registry"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestLoad loads the registries of each fixture site in testdata/load
// (built with sitetest, today 2026-11-23, a region that states all three
// rules) and compares the problems with the archive's want file; -update
// rewrites it.
func TestLoad(t *testing.T) {
	rules := registry.Rules{ValidityYears: 4, MinParticipation: 90, ManagerRequired: true}
	sitetest.Each(t, "testdata/load/*.txtar", func(t *testing.T, s *sitetest.Site) {
		_, err := registry.Load(s.Files, registry.Dir, registry.Options{Kinds: registry.ThemeKinds, Now: sitetest.Today, Rules: rules})
		var b strings.Builder
		for _, e := range diag.Errors(err) {
			b.WriteString(e.Error() + "\n")
		}
		s.Golden(t, "want", b.String())
	})
}
