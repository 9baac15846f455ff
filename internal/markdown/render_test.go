package markdown_test

import (
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/markdown"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// pageURL is the address of a content file, as the engine gives it.
func pageURL(p string) string {
	p = strings.TrimSuffix(strings.TrimPrefix(p, "content/"), ".md")
	p = strings.TrimSuffix(p, "_index")
	if p == "" {
		return "/"
	}
	return "/" + strings.TrimSuffix(p, "/") + "/"
}

// TestRender: each Markdown snippet becomes the elements it means. (An
// external test package, since sitetest imports the engine, which imports
// this package.)
func TestRender(t *testing.T) {
	r := markdown.New(pageURL)
	for _, tc := range []struct {
		name, src string
		want      []sitetest.Checker
	}{
		{"heading ids", "## Pris & villkor\n\n## Pris & villkor\n", []sitetest.Checker{
			sitetest.Texts("h2", "Pris & villkor", "Pris & villkor"),
			sitetest.In("h2:nth-of-type(1)#pris-villkor"), sitetest.In("h2:nth-of-type(2)#pris-villkor-1")}},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |\n", []sitetest.Checker{
			sitetest.Texts("table thead th", "a", "b"), sitetest.Texts("table tbody td", "1", "2")}},
		{"autolink", "Se www.example.se\n", []sitetest.Checker{
			sitetest.In(`p a[href="http://www.example.se"]`, sitetest.HasText("www.example.se"))}},
		{"md link", "[Pris](pris.md#a)\n", []sitetest.Checker{
			sitetest.In(`p a[href="/om/pris/#a"]`, sitetest.HasText("Pris"))}},
		{"md link from root", "[Start](/_index.md)\n", []sitetest.Checker{
			sitetest.In(`p a[href="/"]`, sitetest.HasText("Start"))}},
		{"external untouched", "[x](https://example.se/a.md)\n", []sitetest.Checker{
			sitetest.In(`p a[href="https://example.se/a.md"]`, sitetest.HasText("x"))}},
		{"escaped lt", "1 \\< 2 och a < b\n", []sitetest.Checker{
			sitetest.In("p", sitetest.HasText("1 < 2 och a < b")), sitetest.None("p *")}},
		{"hostile link", "[x](javascript:alert(1))\n", []sitetest.Checker{
			sitetest.In(`p a[href=""]`, sitetest.HasText("x")), sitetest.None(`[href*="javascript"]`)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, errs := r.Render("content/om/sida.md", []byte(tc.src), 1)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			sitetest.CheckHTML(t, tc.name, string(res.HTML), tc.want...)
		})
	}
	// Escaping is bytes: < and & in text are written &lt; and &amp;,
	// whatever a parser would make of them.
	for src, want := range map[string]string{
		"1 \\< 2 och a < b\n": "<p>1 &lt; 2 och a &lt; b</p>",
		"## Pris & villkor\n": `<h2 id="pris-villkor">Pris &amp; villkor</h2>`,
	} {
		res, _ := r.Render("content/om/sida.md", []byte(src), 1)
		if !strings.Contains(string(res.HTML), want) {
			t.Errorf("have %s\nwant it to contain %s", res.HTML, want)
		}
	}
}
