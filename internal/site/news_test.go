package site_test

import (
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestNewsNewestFirst: the cards of a dated section are its pages newest
// first, whatever their titles and weights, then its sub-sections.
func TestNewsNewestFirst(t *testing.T) {
	o := sitetest.Load(t, "testdata/ok/news.txtar").Build(t)
	var have []string
	for _, m := range regexp.MustCompile(`<h3 class="card__title"><a href="([^"]+)"`).FindAllStringSubmatch(o.Read("nyheter/index.html"), -1) {
		have = append(have, m[1])
	}
	want := []string{"/nyheter/nyast/", "/nyheter/mitten/", "/nyheter/aldst/", "/nyheter/arkiv/"}
	if d := cmp.Diff(want, have); d != "" {
		t.Errorf("the order of the news (-want +have):\n%s", d)
	}
}
