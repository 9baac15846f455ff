package serve

import (
	"net/http"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/feature/cms"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestServeAppliesHeadersAndRedirects: the dev server sends what the
// build's _headers say for each address, as Netlify does (the editing
// tool's policy at /admin/, the site's elsewhere, the assets' cache rule
// aside, since the preview is never cached), follows _redirects (an alias
// has the page the build writes at its address, which shadows its rule,
// as on Netlify), and does not publish the two files themselves.
func TestServeAppliesHeadersAndRedirects(t *testing.T) {
	dir := sitetest.Parse(t, baseSite+`-- site.yaml --
`+sitetest.Settings+`cms:
  repo: region-test/hbtq-diplomering
-- content/pris.md --
---
title: Pris
aliases: [/kostnad/]
---
Pris.
`).Dir(t)
	s := start(t, dir)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	head := func(p string) *http.Response {
		t.Helper()
		resp, err := noRedirect.Get(s.URL() + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	admin := head("admin/")
	if admin.StatusCode != 200 || admin.Header.Get("Content-Security-Policy") != cms.Policy ||
		admin.Header.Get("Cross-Origin-Opener-Policy") != cms.OpenerPolicy || admin.Header.Get("X-Robots-Tag") != "noindex" {
		t.Errorf("/admin/: %d, headers %v; want the editing tool's policy", admin.StatusCode, admin.Header)
	}
	if cc := admin.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("/admin/: Cache-Control %q, want no-store", cc)
	}
	home := head("")
	if home.Header.Get("Content-Security-Policy") != site.ContentSecurityPolicy || home.Header.Get("Cross-Origin-Opener-Policy") != "same-origin" {
		t.Errorf("/: headers %v; want the site's policy", home.Header)
	}
	for _, p := range []string{"_headers", "_redirects"} {
		if resp := head(p); resp.StatusCode != 404 {
			t.Errorf("/%s: %d, want 404 (Netlify does not publish it)", p, resp.StatusCode)
		}
	}
	code, body := get(t, s.URL()+"kostnad/")
	if code != 200 {
		t.Errorf("/kostnad/: %d, want the page that sends the browser on to /pris/:\n%s", code, body)
	}
	sitetest.CheckHTML(t, "/kostnad/", body, sitetest.In(`head meta[http-equiv="refresh"][content="0; url=/pris/"]`))
}
