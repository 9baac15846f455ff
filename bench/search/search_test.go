package main

import (
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestSizes holds what the directory sends for 1 000 generated units to
// the size targets of issue 3, without a browser: the index gzipped per
// unit, and page + script + index. The site is the kit's theme and
// settings with the generated registries. The query time needs Chromium and
// is measured by go run ./bench/search, not by a test.
func TestSizes(t *testing.T) {
	repo := sitetest.Parse(t, "").Dir(t)
	r, _, err := sizes(repo, t.TempDir(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	if r.perUnit() > targetIndex {
		t.Errorf("1 000 units: the index takes %.1f bytes gzipped per unit, want ≤ %.0f", r.perUnit(), targetIndex)
	}
	if r.total() > targetPage {
		t.Errorf("1 000 units: page + script + index take %s gzipped, want ≤ %s", kb(r.total()), kb(targetPage))
	}
	t.Logf("1 000 units: index %.1f B per unit, page + script + index %s, built in %.1f s", r.perUnit(), kb(r.total()), r.BuildSeconds)
}
