package netlify

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHeaders: every rule whose path matches applies, a later rule's
// header replaces an earlier one's, a name twice in one rule is joined,
// and * and :placeholder match as Netlify's do.
func TestHeaders(t *testing.T) {
	h, err := ParseHeaders(`# the site's
/*
  Content-Security-Policy: default-src 'none'
  X-Test: a
  X-Test: b
/assets/*
  Cache-Control: public, max-age=31536000, immutable
/admin/*
  Content-Security-Policy: default-src 'none'; style-src 'self' 'unsafe-inline'
  X-Robots-Tag: noindex
/verksamheter/:id/
  X-Unit: yes
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want [][2]string
	}{
		{"/", [][2]string{{"Content-Security-Policy", "default-src 'none'"}, {"X-Test", "a, b"}}},
		{"/assets/style.1234.css", [][2]string{{"Content-Security-Policy", "default-src 'none'"}, {"X-Test", "a, b"},
			{"Cache-Control", "public, max-age=31536000, immutable"}}},
		{"/admin/", [][2]string{{"Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline'"}, {"X-Test", "a, b"},
			{"X-Robots-Tag", "noindex"}}},
		{"/ADMIN/config.yml", [][2]string{{"Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline'"}, {"X-Test", "a, b"},
			{"X-Robots-Tag", "noindex"}}},
		{"/administration/", [][2]string{{"Content-Security-Policy", "default-src 'none'"}, {"X-Test", "a, b"}}},
		{"/verksamheter/vc-exempel/", [][2]string{{"Content-Security-Policy", "default-src 'none'"}, {"X-Test", "a, b"}, {"X-Unit", "yes"}}},
		{"/verksamheter/vc-exempel", [][2]string{{"Content-Security-Policy", "default-src 'none'"}, {"X-Test", "a, b"}, {"X-Unit", "yes"}}},
		{"/verksamheter/a/b/", [][2]string{{"Content-Security-Policy", "default-src 'none'"}, {"X-Test", "a, b"}}},
	} {
		if d := cmp.Diff(tc.want, h.For(tc.path)); d != "" {
			t.Errorf("%s (-want +have):\n%s", tc.path, d)
		}
	}
	if _, err := ParseHeaders("  X-Orphan: yes\n"); err == nil {
		t.Error("a header before any path was accepted")
	}
}

// TestRedirects: the first matching rule applies, with its status; a file
// at the address shadows a rule unless it is forced; :splat and
// :placeholders are filled in.
func TestRedirects(t *testing.T) {
	rs, err := ParseRedirects(`# aliases
/pris/ /om/pris/ 301
/gammal/* /ny/:splat
/tvinga/* /om/:splat 302!
/enhet/:id/ /verksamheter/:id/ 301
/sok-gammal/ /sok/ 200
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path    string
		hasFile bool
		to      string
		status  int
	}{
		{"/pris/", false, "/om/pris/", 301},
		{"/pris", false, "/om/pris/", 301},
		{"/pris/", true, "", 0}, // shadowed by the alias page the build writes
		{"/gammal/a/b.pdf", false, "/ny/a/b.pdf", 301},
		{"/tvinga/x", true, "/om/x", 302},
		{"/enhet/vc-exempel/", false, "/verksamheter/vc-exempel/", 301},
		{"/sok-gammal/", false, "/sok/", 200},
		{"/om/", false, "", 0},
	} {
		rd, to, ok := rs.Find(tc.path, tc.hasFile)
		if ok != (tc.status != 0) || to != tc.to || ok && rd.Status != tc.status {
			t.Errorf("%s (file %v): %q %d %v, want %q %d", tc.path, tc.hasFile, to, rd.Status, ok, tc.to, tc.status)
		}
	}
	for _, bad := range []string{"/ensam\n", "/a /b tre\n", "/a /b 99\n"} {
		if _, err := ParseRedirects(bad); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

// FuzzParse: no _headers or _redirects text makes the parsers or the
// matching panic.
func FuzzParse(f *testing.F) {
	f.Add("/*\n  A: b\n", "/a/* /b/:splat 301!\n")
	f.Add("/:x/*\n  A: b\n  A: c\n", "/:a/:b /c/:b/:a 200\n")
	f.Fuzz(func(t *testing.T, headers, redirects string) {
		if h, err := ParseHeaders(headers); err == nil {
			h.For("/a/b/")
		}
		if rs, err := ParseRedirects(redirects); err == nil {
			rs.Find("/a/b/", false)
		}
	})
}
