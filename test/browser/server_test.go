package browser

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// TestServer checks that the test server serves a built folder as Netlify
// does. It needs no browser.
func TestServer(t *testing.T) {
	files := map[string]string{
		"index.html":        "start",
		"om/index.html":     "om",
		"pris/index.html":   "alias page",
		"404.html":          "hittas inte",
		"assets/s.1a.css":   "p{}",
		"_redirects":        "/gammal/ /om/ 301\n/pris/ /om/pris/ 301\n/tvinga/* /om/:splat 302!\n",
		"_headers":          "# comment\n/*\n  Content-Security-Policy: default-src 'none'\n  X-Test: a\n  X-Test: b\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n",
		"om/bild.svg":       "<svg/>",
		"tvinga/index.html": "shadowed",
	}
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := newNetlify(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path   string
		status int
		body   string // or Location for redirects
		csp    string
		cache  string
		xtest  string
	}{
		{path: "/", status: 200, body: "start", csp: "default-src 'none'", xtest: "a, b"},
		{path: "/om/", status: 200, body: "om", csp: "default-src 'none'"},
		{path: "/om", status: 301, body: "/om/"},
		{path: "/om/bild.svg", status: 200, body: "<svg/>"},
		{path: "/om/bild.svg/", status: 404, body: "hittas inte"},
		{path: "/finns-inte/", status: 404, body: "hittas inte", csp: "default-src 'none'"},
		{path: "/assets/s.1a.css", status: 200, body: "p{}", csp: "default-src 'none'", cache: "public, max-age=31536000, immutable"},
		{path: "/gammal/", status: 301, body: "/om/"},
		{path: "/gammal", status: 301, body: "/om/"},
		{path: "/pris/", status: 200, body: "alias page"}, // a file shadows an unforced redirect
		{path: "/tvinga/", status: 302, body: "/om/"},
		{path: "/tvinga/x/", status: 302, body: "/om/x/"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
		res := rec.Result()
		body, _ := io.ReadAll(res.Body)
		have := string(body)
		if res.StatusCode >= 300 && res.StatusCode < 400 {
			have = res.Header.Get("Location")
		}
		if res.StatusCode != tt.status || have != tt.body {
			t.Errorf("GET %s: %d %q, want %d %q", tt.path, res.StatusCode, have, tt.status, tt.body)
		}
		for _, hd := range []struct{ name, want string }{{"Content-Security-Policy", tt.csp}, {"Cache-Control", tt.cache}, {"X-Test", tt.xtest}} {
			if hd.want != "" && res.Header.Get(hd.name) != hd.want {
				t.Errorf("GET %s: %s %q, want %q", tt.path, hd.name, res.Header.Get(hd.name), hd.want)
			}
		}
	}

	// Without _headers the server still sends the policy of issue 8.
	os.Remove(filepath.Join(dir, "_headers"))
	h, err = newNetlify(dir)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if have := rec.Result().Header.Get("Content-Security-Policy"); have != issueCSP {
		t.Errorf("without _headers the policy is %q, want %q", have, issueCSP)
	}
}

var _ http.Handler = (*netlify)(nil)
