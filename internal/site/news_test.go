package site_test

import (
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestNewsNewestFirst: the cards of a dated section are its pages newest
// first, whatever their titles and weights, then its sub-sections.
func TestNewsNewestFirst(t *testing.T) {
	o := sitetest.Load(t, "testdata/ok/news.txtar").Build(t)
	o.Check("nyheter/index.html",
		sitetest.Texts("main .cards .card__title a", "Öppet hus", "Börja här", "Allra först", "Arkiv"),
		sitetest.In(`main .cards > li:nth-child(1) .card__title a[href="/nyheter/nyast/"]`),
		sitetest.In(`main .cards > li:nth-child(2) .card__title a[href="/nyheter/mitten/"]`),
		sitetest.In(`main .cards > li:nth-child(3) .card__title a[href="/nyheter/aldst/"]`),
		sitetest.In(`main .cards > li:nth-child(4) .card__title a[href="/nyheter/arkiv/"]`))
}
