package site

import (
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
)

// TestRedirectsWriterRefuses: the writer of _redirects checks every
// address again, whatever the reader let through.
func TestRedirectsWriterRefuses(t *testing.T) {
	for _, from := range []string{"/gammal\n/* https://example.com/ 200!", "/a\tb/", "/alla/*", "gammal/", "/x/:id/"} {
		b := &builder{out: &output{mem: map[string][]byte{}, files: map[string]string{}}, words: &settings.Words{}}
		b.redirects = []redirect{{from: from, to: "/om/", src: "content/verksamheter/a.yaml", line: 3, col: 5}}
		err := b.writeRedirects()
		if err == nil || !strings.HasPrefix(err.Error(), "content/verksamheter/a.yaml:3:5: vidarekopplingen") {
			t.Errorf("from %q: %v, want it refused at its line", from, err)
		}
		if len(b.out.mem) != 0 {
			t.Errorf("from %q: the writer wrote %v", from, b.out.mem)
		}
	}
	b := &builder{out: &output{mem: map[string][]byte{}, files: map[string]string{}}, words: &settings.Words{}}
	b.pages = []*content.Page{}
	b.redirects = []redirect{{from: "/om-oss/", to: "/om/", src: "x"}}
	if err := b.writeRedirects(); err != nil || string(b.out.mem["_redirects"]) != "/om-oss/ /om/ 301\n" {
		t.Errorf("a plain redirect: %v, %q", err, b.out.mem["_redirects"])
	}
}

// TestHeadersWriterRefuses: the writer of _headers refuses a path, name or
// value that would break its lines.
func TestHeadersWriterRefuses(t *testing.T) {
	for _, r := range []feature.Header{
		{Path: "/*\n/x", Headers: [][2]string{{"A", "b"}}},
		{Path: "x", Headers: [][2]string{{"A", "b"}}},
		{Path: "/*", Headers: [][2]string{{"A: b\n  C", "d"}}},
		{Path: "/*", Headers: [][2]string{{"A", "b\n/*\n  C: d"}}},
		{Path: "/*", Headers: [][2]string{{"", "b"}}},
	} {
		if data, err := headersFile([]feature.Header{r}); err == nil {
			t.Errorf("headersFile(%q) wrote %q", r, data)
		}
	}
	data, err := headersFile([]feature.Header{{Path: "/*", Headers: [][2]string{{"X-Content-Type-Options", "nosniff"}}}})
	if err != nil || string(data) != "/*\n  X-Content-Type-Options: nosniff\n" {
		t.Errorf("a plain rule: %q, %v", data, err)
	}
}
