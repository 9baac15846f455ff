package browser

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

type focused struct {
	Tag, Text, ID, Href      string
	Top, Bottom, Left, Right float64
	Width, Height            float64
	Outline, Shadow, Bg      string
	InMain                   bool
	Key                      string
}

// focusInfo describes document.activeElement.
const focusInfo = `(() => {
  const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {Tag: e.tagName, Text: (e.textContent || "").trim().slice(0, 80), ID: e.id, Href: e.getAttribute("href") || "",
    Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Width: innerWidth, Height: innerHeight,
    Outline: s.outlineStyle + " " + s.outlineColor, Shadow: s.boxShadow, Bg: s.backgroundColor,
    InMain: !!document.querySelector("main") && document.querySelector("main").contains(e),
    Key: e.tagName + "|" + (e.getAttribute("href") || e.name || e.id) + "|" + (e.textContent || "").trim().slice(0, 30)};
})()`

func activeElement(t *testing.T, ctx context.Context) focused {
	t.Helper()
	f, err := chromedp.Run(ctx, chromedp.Evaluate[focused](focusInfo))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func tab(t *testing.T, ctx context.Context) focused {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	return activeElement(t, ctx)
}

// TestSkipLink: the first Tab lands on a visible skip link, and Enter moves
// focus to the main content.
func TestSkipLink(t *testing.T) {
	s := sampleSite(t)
	for _, width := range []int{1280, 320} {
		ctx := browser(t, width)
		for _, p := range []string{"/", "/om/pris/", "/seminarier/"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(s.url+p)); err != nil {
				t.Fatal(err)
			}
			f := tab(t, ctx)
			if f.Text != "Gå direkt till huvudinnehållet" || f.Href != "#innehall" {
				t.Fatalf("%s at %d px: the first Tab lands on %s %q, want the skip link", p, width, f.Tag, f.Text)
			}
			if f.Top < 0 || f.Left < 0 || f.Bottom > f.Height || f.Right > f.Width || f.Bottom-f.Top < 10 {
				t.Errorf("%s at %d px: the focused skip link is not visible: %+v", p, width, f)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			if g := activeElement(t, ctx); g.ID != "innehall" && !g.InMain {
				t.Errorf("%s: after Enter on the skip link focus is on %s %q, want <main>", p, g.Tag, g.Text)
			}
		}
	}
}

// TestTabThroughEveryPage tabs through every page: each link and control
// is reached in turn, each shows a visible focus style, and focus leaves
// the page at the end (no keyboard trap).
func TestTabThroughEveryPage(t *testing.T) {
	s := sampleSite(t)
	ctx := browser(t, 1280)
	for _, u := range s.urls {
		p := strings.TrimPrefix(u, s.url)
		if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
			t.Fatal(err)
		}
		type count struct{ All, Unique int }
		c, err := chromedp.Run(ctx, chromedp.Evaluate[count](`(() => {
  const keys = [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])")]
    .filter(e => !e.disabled && e.getClientRects().length && getComputedStyle(e).visibility !== "hidden")
    .map(e => e.tagName + "|" + (e.getAttribute("href") || e.name || e.id) + "|" + (e.textContent || "").trim().slice(0, 30));
  return {All: keys.length, Unique: new Set(keys).size};
})()`))
		if err != nil {
			t.Fatal(err)
		}
		n := c.Unique
		seen := map[string]bool{}
		left := false
		for i := 0; i < c.All+3; i++ {
			f := tab(t, ctx)
			if f.Tag == "BODY" || f.Tag == "HTML" {
				left = true
				break
			}
			seen[f.Key] = true
			if !strings.HasPrefix(f.Shadow, "rgb") && strings.HasPrefix(f.Outline, "none") {
				t.Errorf("%s: %s %q has no visible focus style (outline %q, box-shadow %q)", p, f.Tag, f.Text, f.Outline, f.Shadow)
			}
		}
		if !left {
			t.Errorf("%s: after %d Tabs focus is still in the page; a keyboard trap?", p, c.All+3)
		}
		if len(seen) < n {
			t.Errorf("%s: Tab reached %d of %d focusable elements", p, len(seen), n)
		}
	}
}

var (
	scriptTag = regexp.MustCompile(`<script\b[^>]*>([^<]*)</script>`)
	styleAttr = regexp.MustCompile(`\sstyle=`)
	eventAttr = regexp.MustCompile(`\son[a-z]+=`)
)

// TestPrivacyAndCSP browses every page under the site's headers: no cookie,
// no storage, no request to any host but the test server, no violation of
// the Content-Security-Policy, and no inline script or style in the HTML.
func TestPrivacyAndCSP(t *testing.T) {
	s := sampleSite(t)
	ctx := browser(t, 1280)
	var mu sync.Mutex
	var foreign []string
	host := strings.TrimPrefix(s.url, "http://")
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			u, err := url.Parse(e.Request.URL)
			if err == nil && u.Scheme != "data" && u.Host != host {
				mu.Lock()
				foreign = append(foreign, e.Request.URL)
				mu.Unlock()
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));`,
		})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range append(append([]string{}, s.urls...), s.url+"/finns-inte/") {
		p := strings.TrimPrefix(u, s.url)
		if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
			t.Fatal(err)
		}
		type state struct {
			CSP     []string
			Cookie  string
			Storage int
		}
		st, err := chromedp.Run(ctx, chromedp.Evaluate[state](`({CSP: window.__csp || ["listener missing"], Cookie: document.cookie, Storage: localStorage.length + sessionStorage.length})`))
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range st.CSP {
			t.Errorf("%s: Content-Security-Policy violation: %s", p, v)
		}
		if st.Cookie != "" || st.Storage != 0 {
			t.Errorf("%s: cookie %q, %d items in web storage", p, st.Cookie, st.Storage)
		}
		cookies, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (*network.GetCookiesResult, error) {
			r, err := cdp.Call(ctx, tg, network.GetCookies, network.GetCookiesParams{})
			return &r, err
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(cookies.Cookies) > 0 {
			t.Errorf("%s: the browser holds %d cookies", p, len(cookies.Cookies))
		}
	}
	mu.Lock()
	for _, f := range foreign {
		t.Errorf("a request left the test server: %s", f)
	}
	mu.Unlock()
	// The HTML itself: no inline script, style attribute or event handler.
	filepath.Walk(s.dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(s.dir, p)
		for _, m := range scriptTag.FindAllSubmatch(b, -1) {
			if !regexp.MustCompile(`\bsrc=`).Match(m[0]) || len(strings.TrimSpace(string(m[1]))) > 0 {
				t.Errorf("%s has an inline script: %.80s", rel, m[0])
			}
		}
		for _, re := range []*regexp.Regexp{styleAttr, eventAttr} {
			if m := re.Find(b); m != nil {
				t.Errorf("%s has inline code: %s", rel, m)
			}
		}
		return nil
	})
}
