package site_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// TestScheduledPages builds the schedule fixture on days before, on and
// after its boundaries: a page exists in every output (its page, its
// section's list, the sitemap, the feed, the site search, calendars) or
// in none, and a page that went leads to its section.
func TestScheduledPages(t *testing.T) {
	s := sitetest.Load(t, "testdata/schedule/site.txtar")
	day := func(d string) time.Time { t, _ := time.Parse("2006-01-02", d); return t }
	jul := page{"/aktuellt/jul/", "Stängt i jul"}
	press := page{"/aktuellt/pressmeddelande/", "Nya diplomerade verksamheter"}
	gammal := page{"/aktuellt/gammal/", "Anmälan till höstens seminarier"}
	sem := page{"/seminarium/", "Vårens seminarium"}
	for _, tc := range []struct {
		day       string
		shown     []page
		hidden    []page
		redirects []string // lines of _redirects
		notes     []string // the notes about what comes, in order
	}{
		{"2026-10-31", []page{gammal}, []page{jul, press, sem}, nil, []string{
			"content/aktuellt/gammal.md (Anmälan till höstens seminarier) tas bort 1 november 2026 (unpublish:); adressen leder sedan till avsnittet",
			"content/aktuellt/pressmeddelande.md (Nya diplomerade verksamheter) publiceras 1 december 2026 (publish:)",
			"content/seminarium.md (Vårens seminarium) publiceras 15 december 2026 (publish:)",
			"content/aktuellt/jul.md (Stängt i jul) publiceras 20 december 2026 (publish:)",
			"content/aktuellt/jul.md (Stängt i jul) tas bort 7 januari 2027 (unpublish:); adressen leder sedan till avsnittet",
		}},
		{"2026-11-01", nil, []page{gammal, jul, press, sem}, []string{"/aktuellt/gammal/ /aktuellt/ 301"}, nil},
		{"2026-12-01", []page{press}, []page{gammal, jul, sem}, []string{"/aktuellt/gammal/ /aktuellt/ 301"}, nil},
		{"2026-12-20", []page{press, jul, sem}, []page{gammal}, []string{"/aktuellt/gammal/ /aktuellt/ 301"}, nil},
		{"2027-01-06", []page{press, jul, sem}, []page{gammal}, nil, nil},
		{"2027-01-07", []page{press, sem}, []page{gammal, jul}, []string{"/aktuellt/gammal/ /aktuellt/ 301", "/aktuellt/jul/ /aktuellt/ 301", "/jul/ /aktuellt/ 301"}, nil},
	} {
		t.Run(tc.day, func(t *testing.T) {
			opt := s.Options(filepath.Join(t.TempDir(), "public"))
			opt.Now = swedish.DayOf(day(tc.day))
			st, err := site.Build(context.Background(), opt)
			if err != nil {
				t.Fatal(err)
			}
			o := sitetest.Open(t, opt.Out)
			files := o.Files()
			for _, p := range tc.shown {
				if !o.Has(strings.TrimPrefix(p.url, "/") + "index.html") {
					t.Errorf("%s: no page", p.url)
				}
				if !strings.Contains(files["sitemap.xml"], p.url) {
					t.Errorf("%s: not in the sitemap", p.url)
				}
				if !strings.Contains(files["sok/index.json"]+files["sok/index.html"], p.title) && !searchHas(files, p.title) {
					t.Errorf("%s: not in the site search", p.url)
				}
			}
			for _, p := range tc.hidden {
				if f := strings.TrimPrefix(p.url, "/") + "index.html"; o.Has(f) {
					o.Check(f, sitetest.None("h1", sitetest.HasTextContaining(p.title)))
				}
				for name, text := range files {
					if strings.HasSuffix(name, ".png") || strings.HasSuffix(name, ".jpg") {
						continue
					}
					if strings.Contains(text, p.title) {
						t.Errorf("%s: %q is in %s", p.url, p.title, name)
					}
				}
			}
			if sem := files["seminarium/var-1.ics"]; (sem != "") != contains(tc.shown, "/seminarium/") {
				t.Errorf("the seminar's calendar file exists: %v, the page is shown: %v", sem != "", contains(tc.shown, "/seminarium/"))
			}
			for _, r := range tc.redirects {
				if !strings.Contains(files["_redirects"], r) {
					t.Errorf("_redirects has no %q:\n%s", r, files["_redirects"])
				}
			}
			if tc.notes != nil {
				var have []string
				for _, n := range st.Notes {
					if s := n.In(msg.SV); strings.Contains(s, "publish:") {
						have = append(have, s)
					}
				}
				if strings.Join(have, "\n") != strings.Join(tc.notes, "\n") {
					t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(have, "\n"), strings.Join(tc.notes, "\n"))
				}
			}
		})
	}
}

type page struct{ url, title string }

func contains(ps []page, u string) bool {
	for _, p := range ps {
		if p.url == u {
			return true
		}
	}
	return false
}

// searchHas reports whether any file of the site search holds s.
func searchHas(files map[string]string, s string) bool {
	for name, text := range files {
		if strings.HasPrefix(name, "sok/") && strings.Contains(text, s) {
			return true
		}
	}
	return false
}

func TestUnpublishBeforePublish(t *testing.T) {
	s := sitetest.Load(t, "testdata/schedule/site.txtar")
	s.Edit(t, "content/aktuellt/jul.md", "unpublish: 2027-01-07", "unpublish: 2026-12-19")
	_, err := s.BuildErr(t)
	want := "content/aktuellt/jul.md:5:12: unpublish: 2026-12-19 är inte efter publish: 2026-12-20, så sidan skulle aldrig synas (skriv en dag i unpublish: som kommer efter dagen i publish:)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("have %v\nwant %s", err, want)
	}
}
