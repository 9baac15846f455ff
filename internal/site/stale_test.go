package site_test

import (
	"strings"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestStaleTranslations: a translation or easy-read version last changed
// before its original is a note naming both files and days, and, with
// stale_notice: true, says so at its top; one changed after is neither.
func TestStaleTranslations(t *testing.T) {
	day := func(d string) time.Time { t, _ := time.Parse("2006-01-02", d); return t }
	s := sitetest.Load(t, "testdata/stale/site.txtar")
	s.History = map[string]time.Time{
		"content/om.md":          day("2026-10-12"),
		"content/om-lattlast.md": day("2026-10-20"), // after: up to date
		"content/en/about.md":    day("2026-03-01"), // before: stale
	}
	o := s.Build(t)
	var notes []string
	for _, n := range o.Stats.Notes {
		notes = append(notes, n.In(msg.SV))
	}
	want := "content/en/about.md ändrades senast 2026-03-01, före originalet content/om.md (2026-10-12): se över om den behöver ändras likadant, och skriv lastmod: när den stämmer"
	if strings.Join(notes, "\n") != want {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), want)
	}
	noNotice := []sitetest.Checker{sitetest.None(".notice--stale"), sitetest.None("body", sitetest.HasTextContaining("äldre än originalet"))}
	o.Check("en/about/index.html", noNotice...)

	s.Write("site.yaml", sitetest.Settings+"stale_notice: true\n")
	o = s.Build(t)
	o.Check("en/about/index.html",
		sitetest.In(`p.notice.notice--stale[lang="sv"]`, sitetest.HasText("Den här sidan kan vara äldre än originalet, som ändrades 12 oktober 2026. Läs originalet.")),
		sitetest.In(`p.notice--stale a[href="/om/"][hreflang="sv"]`, sitetest.HasText("Läs originalet")))
	o.Check("om-lattlast/index.html", noNotice...)
	o.Check("om/index.html", noNotice...)

	// The version brought up to date with lastmod: is quiet.
	s.Edit(t, "content/en/about.md", "lang: en\n", "lang: en\nlastmod: 2026-10-13\n")
	o = s.Build(t)
	o.Check("en/about/index.html", noNotice...)
	for _, n := range o.Stats.Notes {
		if strings.Contains(n.In(msg.SV), "före originalet") {
			t.Errorf("a note after lastmod: %s", n.In(msg.SV))
		}
	}
}
