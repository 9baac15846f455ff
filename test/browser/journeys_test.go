package browser

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// focused describes the focused element (document.activeElement).
type focused struct {
	Tag, Text, ID, Href      string
	Top, Bottom, Left, Right float64 // its box, in the viewport
	Width, Height            float64 // the viewport
	Outline, Shadow, Bg      string  // computed outline, box-shadow, background-color
	Visible                  bool    // it shows a focus style; see focusInfo
	InMain                   bool    // it is <main> or inside it
	Index                    int     // its place in tabStops, or -1
	Key                      string  // tag|href or name or id|text, to tell elements apart
}

// String names the element for messages: A "Om diplomeringen" (/om/).
func (f focused) String() string {
	s := fmt.Sprintf("%s %q", f.Tag, f.Text)
	switch {
	case f.Href != "":
		s += " (" + f.Href + ")"
	case f.ID != "":
		s += " #" + f.ID
	}
	return s
}

// focusScript defines the page-side helpers once per document:
// __hbtq.sig(e) is the part of e's computed style a focus indicator
// changes, __hbtq.describe(e) is a focused value.
const focusScript = `window.__hbtq = window.__hbtq || {
  sig(e) { const s = getComputedStyle(e); return {o: s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor, b: s.boxShadow, bg: s.backgroundColor}; },
  transparent(c) { return c === "transparent" || /^rgba\(.*,\s*0\)$/.test(c); },
  visible(e) {
    const s = getComputedStyle(e), now = this.sig(e), was = this.unfocused && this.unfocused.get(e);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !this.transparent(s.outlineColor);
    const shadow = s.boxShadow !== "none";
    if (!was) return outline || shadow;
    return (outline && now.o !== was.o) || (shadow && now.b !== was.b) || now.bg !== was.bg;
  },
  text(e) { return (e.innerText || e.value || e.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 60); },
  describe(e) {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e), main = document.querySelector("main");
    return {Tag: e.tagName, Text: this.text(e), ID: e.id, Href: e.getAttribute("href") || "",
      Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Width: innerWidth, Height: innerHeight,
      Outline: s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor, Shadow: s.boxShadow, Bg: s.backgroundColor,
      Visible: e !== document.body && this.visible(e), InMain: !!main && main.contains(e),
      Index: this.stops ? this.stops.indexOf(e) : -1,
      Key: e.tagName + "|" + (e.getAttribute("href") || e.name || e.id) + "|" + this.text(e).slice(0, 30)};
  },
};`

// activeElement describes the focused element.
func activeElement(t *testing.T, ctx context.Context) focused {
	t.Helper()
	f, err := chromedp.Run(ctx, chromedp.Evaluate[focused](focusScript+`;__hbtq.describe(document.activeElement)`))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// tab presses Tab and describes the element that has focus then.
func tab(t *testing.T, ctx context.Context) focused {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	return activeElement(t, ctx)
}

// tabStops returns the elements that Tab should reach on the page, in
// document order: links, controls, summaries and elements with a tabindex
// of 0 or more that are shown, enabled and not inert; one per radio group.
// It also records their unfocused style, so that focused.Visible compares
// the focused element with itself unfocused. Call it when nothing has focus.
func tabStops(t *testing.T, ctx context.Context) []focused {
	t.Helper()
	stops, err := chromedp.Run(ctx, chromedp.Evaluate[[]focused](focusScript+`;(() => {
  const radios = new Set();
  const stops = [...document.querySelectorAll("a[href], area[href], button, input, select, textarea, details > summary:first-of-type, iframe, [contenteditable], [tabindex]")]
    .filter(e => {
      if (e.tabIndex < 0 || e.disabled || e.closest("[inert]") || (e.type === "hidden")) return false;
      if (!e.getClientRects().length || getComputedStyle(e).visibility !== "visible") return false;
      if (e.closest("details:not([open])") && !(e.tagName === "SUMMARY" && e.parentElement.closest("details:not([open])") === e.parentElement)) return false;
      if (e.type === "radio") { if (radios.has(e.name)) return false; radios.add(e.name); }
      return true;
    });
  __hbtq.stops = stops;
  __hbtq.unfocused = new Map(stops.map(e => [e, __hbtq.sig(e)]));
  return stops.map(e => __hbtq.describe(e));
})()`))
	if err != nil {
		t.Fatal(err)
	}
	return stops
}

// keyPages returns the start page and the first page of each top-level
// section of the sitemap: one of each kind of layout.
func keyPages(s *served) []string {
	seen := map[string]bool{}
	var out []string
	for _, u := range s.urls {
		first, _, _ := strings.Cut(strings.TrimPrefix(s.path(u), "/"), "/")
		if !seen[first] {
			seen[first] = true
			out = append(out, u)
		}
	}
	return out
}

const skipText = "Gå direkt till huvudinnehållet"

// TestSkipLink: on the start page and the first page of each section, at
// 1280 and 320 px, the first Tab lands on the skip link, which is then
// inside the viewport, and Enter moves focus to <main>, so that the next
// Tab goes on from there.
func TestSkipLink(t *testing.T) {
	s := sampleSite(t)
	pages := append(keyPages(s), s.url+"/finns-inte/")
	for _, width := range []int{1280, 320} {
		ctx := browser(t, width)
		for _, u := range pages {
			where := pageAt(s.path(u), width)
			open(t, ctx, u)
			f := tab(t, ctx)
			if f.Text != skipText || f.Href != "#innehall" {
				t.Errorf("%s: the first Tab lands on %s, want the skip link %q", where, f, skipText)
				continue
			}
			if f.Top < 0 || f.Left < 0 || f.Bottom > f.Height || f.Right > f.Width || f.Bottom-f.Top < 16 || f.Right-f.Left < 16 {
				t.Errorf("%s: the focused skip link is not inside the viewport: box %.0f,%.0f–%.0f,%.0f in %.0f×%.0f", where, f.Left, f.Top, f.Right, f.Bottom, f.Width, f.Height)
			}
			if !f.Visible {
				t.Errorf("%s: the focused skip link has no focus style (outline %q, box-shadow %q)", where, f.Outline, f.Shadow)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			if g := activeElement(t, ctx); g.Tag != "MAIN" && !g.InMain {
				t.Errorf("%s: after Enter on the skip link focus is on %s, want <main>", where, g)
				continue
			}
			next := tab(t, ctx)
			after, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(e => { const m = document.querySelector("main"); return m.contains(e) || !!(m.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) || e === document.body; })(document.activeElement)`))
			if err != nil {
				t.Fatal(err)
			}
			if !after {
				t.Errorf("%s: the Tab after the skip link goes to %s, before the main content", where, next)
			}
		}
	}
}

// tabThrough presses Tab on the loaded page until focus leaves it, and
// returns a message for each stop out of order, each focused element with
// no visible focus style or outside the viewport, each stop never reached,
// and focus that never leaves (a keyboard trap); and the number of stops.
func tabThrough(t *testing.T, ctx context.Context, where string) (problems []string, n int) {
	t.Helper()
	report := func(format string, args ...any) {
		problems = append(problems, where+": "+fmt.Sprintf(format, args...))
	}
	stops := tabStops(t, ctx)
	if len(stops) == 0 || stops[0].Text != skipText {
		report("the first tab stop is not the skip link: %v", stops[:min(1, len(stops))])
	}
	reached := make([]bool, len(stops))
	last, left, disorder := -1, false, false
	var f focused
	for i := 0; i < len(stops)+5; i++ {
		f = tab(t, ctx)
		if f.Tag == "BODY" || f.Tag == "HTML" {
			left = true
			break
		}
		if f.Index >= 0 {
			if f.Index != last+1 && f.Index != last && !disorder { // staying is a trap, reported below
				disorder = true
				want := "focus to leave the page"
				if last+1 < len(stops) {
					want = stops[last+1].String()
				}
				report("Tab %d lands on %s, want %s (the order of the page)", i+1, f, want)
			}
			reached[f.Index] = true
			last = f.Index
		}
		if !f.Visible {
			report("%s shows no focus style (outline %q, box-shadow %q, background %q)", f, f.Outline, f.Shadow, f.Bg)
		}
		if f.Bottom <= 0 || f.Top >= f.Height || f.Right <= 0 || f.Left >= f.Width {
			report("the focused %s is outside the viewport (box %.0f,%.0f–%.0f,%.0f)", f, f.Left, f.Top, f.Right, f.Bottom)
		}
	}
	if !left {
		report("after %d Tabs focus is still in the page (%d tab stops), on %s: a keyboard trap", len(stops)+5, len(stops), f)
	}
	for i, ok := range reached {
		if !ok {
			report("Tab never reaches %s", stops[i])
		}
	}
	return problems, len(stops)
}

// TestTabThroughEveryPage tabs through every page of the sitemap and the
// 404 page at 1280 px, and through the start page at 320 px: each link and
// control is reached in the page's order, each shows a visible focus style
// that it does not have unfocused, and focus leaves the page at the end.
func TestTabThroughEveryPage(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *served) {
		t.Parallel()
		ctx := browser(t, 1280)
		stops := 0
		urls := append(slices.Clone(s.urls), s.url+"/finns-inte/")
		for _, u := range urls {
			open(t, ctx, u)
			problems, n := tabThrough(t, ctx, pageAt(s.path(u), 1280))
			for _, p := range problems {
				t.Error(p)
			}
			stops += n
		}
		narrow := browser(t, 320)
		for _, u := range keyPages(s)[:1] {
			open(t, narrow, u)
			problems, n := tabThrough(t, narrow, pageAt(s.path(u), 320))
			for _, p := range problems {
				t.Error(p)
			}
			stops += n
		}
		t.Logf("tabbed through %d pages, %d tab stops", len(urls)+1, stops)
	})
}

// parseCSP returns the directives of a Content-Security-Policy.
func parseCSP(p string) map[string]string {
	out := map[string]string{}
	for _, d := range strings.Split(p, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			out[strings.ToLower(f[0])] = strings.Join(f[1:], " ")
		}
	}
	return out
}

// TestPrivacyAndCSP browses every page of the sitemap and the 404 page under
// the site's own headers: each comes with the strict Content-Security-Policy
// of issue 8, and the browser sees no violation of it, no cookie, nothing in
// web storage, IndexedDB or the cache API, no service worker, and no request
// to any host but the test server (browser's cleanup checks the last two).
func TestPrivacyAndCSP(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *served) {
		t.Parallel()
		ctx := browser(t, 1280)
		want := parseCSP(issueCSP)

		// First make sure the checks can fail: an inline script added to the
		// page is blocked and reported.
		open(t, ctx, s.url+"/")
		ran, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const s = document.createElement("script"); s.textContent = "window.__inline = true"; document.body.append(s); return !!window.__inline; })()`))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for deadline := time.Now().Add(2 * time.Second); len(got) == 0 && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			got = cspViolations(ctx)
		}
		if ran || len(got) == 0 || !strings.HasPrefix(got[0], "script-src") {
			t.Fatalf("the Content-Security-Policy is not in force: an inline script ran (%v) and the violations reported are %q", ran, got)
		}

		type state struct {
			Cookie                                                      string
			Local, Session, IndexedDB, Caches, ServiceWorkers, Storages int
		}
		for _, u := range append(slices.Clone(s.urls), s.url+"/finns-inte/") {
			p := s.path(u)
			open(t, ctx, u)
			policy, ok := documentCSP(ctx, u)
			if !ok {
				t.Fatalf("%s: the browser saw no response for the page", p)
			}
			have := parseCSP(policy)
			for d, v := range want {
				if have[d] != v {
					t.Errorf("%s: the Content-Security-Policy has %s %q, want %q (policy: %s)", p, d, have[d], v, policy)
				}
			}
			st, err := chromedp.Run(ctx, chromedp.Evaluate[state](`(async () => ({
	  Cookie: document.cookie, Local: localStorage.length, Session: sessionStorage.length,
	  IndexedDB: (await indexedDB.databases()).length,
	  Caches: self.caches ? (await caches.keys()).length : 0,
	  ServiceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
	}))()`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if st != (state{}) {
				t.Errorf("%s: the page stores something: %+v", p, st)
			}
			cookies, err := chromedp.Call(ctx, storage.GetCookies, storage.GetCookiesParams{})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cookies.Cookies {
				t.Errorf("%s: the browser holds a cookie %s for %s", p, c.Name, c.Domain)
			}
		}
		t.Logf("browsed %d pages under the site's Content-Security-Policy", len(s.urls)+1)
	})
}

// TestNoInlineCode reads every HTML file of the built site: no inline
// script or style element, no style attribute and no event-handler
// attribute, which the Content-Security-Policy would block.
func TestNoInlineCode(t *testing.T) {
	s := sampleSite(t)
	files := 0
	err := filepath.WalkDir(s.dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || filepath.Ext(p) != ".html" {
			return err
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.dir, p)
		for _, m := range inlineCode(data) {
			t.Errorf("%s: %s", filepath.ToSlash(rel), m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("read %d HTML files", files)
}

// inlineCode returns the inline scripts, style elements, style attributes
// and event handlers of an HTML document.
func inlineCode(doc []byte) []string {
	var out []string
	l := html.NewLexer(parse.NewInputBytes(doc))
	var tag string
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			tag = strings.ToLower(string(l.Text()))
		case html.AttributeToken:
			k := strings.ToLower(string(l.AttrKey()))
			switch {
			case k == "style":
				out = append(out, fmt.Sprintf("a style attribute on <%s>: %s", tag, bytes.TrimSpace(data)))
			case strings.HasPrefix(k, "on"):
				out = append(out, fmt.Sprintf("an event handler on <%s>: %s", tag, bytes.TrimSpace(data)))
			}
		case html.TextToken:
			if text := bytes.TrimSpace(data); len(text) > 0 {
				switch tag {
				case "script":
					out = append(out, fmt.Sprintf("an inline script: %.80s", text))
				case "style":
					out = append(out, fmt.Sprintf("an inline style element: %.80s", text))
				}
			}
		case html.EndTagToken:
			tag = ""
		}
	}
}

// TestInlineCodeFound: the reader of TestNoInlineCode finds each kind of
// inline code, and passes scripts with src and text that only looks like it.
func TestInlineCodeFound(t *testing.T) {
	doc := `<!DOCTYPE html><html><head><script src="/a.js"></script><script type=module src=/b.js></script>
<style>p{color:red}</style><script>if (a < b) alert(1)</script></head>
<body><p style="color:red">style= onclick= is text here</p><button onclick="x()">x</button><pre>&lt;script&gt;</pre></body></html>`
	have := inlineCode([]byte(doc))
	want := []string{
		"an inline style element: p{color:red}",
		"an inline script: if (a < b) alert(1)",
		`a style attribute on <p>: style="color:red"`,
		`an event handler on <button>: onclick="x()"`,
	}
	if !slices.Equal(have, want) {
		t.Errorf("inlineCode found\n%q\nwant\n%q", have, want)
	}
}
