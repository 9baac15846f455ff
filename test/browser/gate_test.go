package browser

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets the gate runs: WCAG 2.0, 2.1 and 2.2 A and AA,
// and axe's best practices.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// Violation is one failed axe rule on one page.
type Violation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target         []any  `json:"target"`
		FailureSummary string `json:"failureSummary"`
	} `json:"nodes"`
}

// String returns the rule, its impact and help, and one line per failing
// element: its CSS selector and what is wrong with it.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for i, n := range v.Nodes {
		if i == 8 {
			fmt.Fprintf(&b, "\n\t… and %d more", len(v.Nodes)-i)
			break
		}
		var target []string
		for _, t := range n.Target {
			target = append(target, fmt.Sprint(t))
		}
		fmt.Fprintf(&b, "\n\t%s", strings.Join(target, " "))
		// The summary's first line is "Fix any/all of the following:".
		if lines := strings.Split(strings.TrimSpace(n.FailureSummary), "\n"); len(lines) > 1 {
			fmt.Fprintf(&b, " — %s", strings.TrimSpace(lines[1]))
		}
	}
	if v.HelpURL != "" {
		fmt.Fprintf(&b, "\n\tsee %s", v.HelpURL)
	}
	return b.String()
}

// axe runs axe-core on the page as it is now. The source is evaluated with
// Runtime.evaluate, which the page's Content-Security-Policy does not
// govern, so no script tag and no CDN are involved.
func axe(ctx context.Context) ([]Violation, error) {
	axeOnce.Do(func() {
		var b []byte
		b, axeErr = os.ReadFile(axePath)
		axeSource = string(b)
	})
	if axeErr != nil {
		return nil, axeErr
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe === "object"`))
	if err != nil {
		return nil, err
	}
	if !loaded {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeSource+"\n;typeof axe === \"object\"")); err != nil {
			return nil, fmt.Errorf("axe-core does not load: %v", err)
		}
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Violations []Violation `json:"violations"`
	}](`axe.run(document, {runOnly: {type: "tag", values: `+mustJSON(axeTags)+`}, resultTypes: ["violations"]})`, chromedp.EvalAwaitPromise))
	return res.Violations, err
}

// pageAt names a page at a width in the gate's messages: "/om/ at 320 px".
func pageAt(path string, width int) string {
	return fmt.Sprintf("%s at %d px", path, width)
}

// axeMessages runs axe on the page as it is now and returns one message per
// violation: "where: rule (impact): help", then the failing elements.
func axeMessages(ctx context.Context, where string) ([]string, error) {
	vs, err := axe(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: axe: %v", where, err)
	}
	var msgs []string
	for _, v := range vs {
		msgs = append(msgs, where+": "+v.String())
	}
	return msgs, nil
}

// axeCheck runs axe on the page as it is now and reports each violation as
// an error of the test.
func axeCheck(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	msgs, err := axeMessages(ctx, where)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		t.Error(m)
	}
}

// TestAxeEveryPage runs axe on every page of the sitemap and on the 404
// page, at 1280 px and then, on the same page narrowed, at 320 px, where
// nothing but a data table may make the page scroll sideways.
func TestAxeEveryPage(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *served) {
		t.Parallel()
		urls := append(slices.Clone(s.urls), s.url+"/finns-inte/")
		// Pages kept out of the sitemap (noindex: an expired unit's
		// honest page) are pages a reader meets all the same.
		urls = append(urls, noindexPages(t, s)...)
		ctx := browser(t, 1280)
		for _, u := range urls {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
				t.Fatal(err)
			}
			open(t, ctx, u)
			axeCheck(t, ctx, pageAt(s.path(u), 1280))
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 900)); err != nil {
				t.Fatal(err)
			}
			settle(t, ctx)
			if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`innerWidth`)); err != nil || w != 320 {
				t.Fatalf("%s: the viewport is %d px wide, not 320 (%v)", s.path(u), w, err)
			}
			axeCheck(t, ctx, pageAt(s.path(u), 320))
			outside, tables := overflow(t, ctx)
			for _, o := range outside {
				t.Errorf("%s: the page scrolls sideways (WCAG 1.4.10 Reflow): %s", pageAt(s.path(u), 320), o)
			}
			for _, o := range tables {
				t.Logf("note: %s: a table makes the page scroll sideways (allowed by WCAG 1.4.10 for data tables): %s", pageAt(s.path(u), 320), o)
			}
		}
		t.Logf("axe checked %d pages (%d in the sitemap, the 404 page and %d kept out of the sitemap) at 1280 and 320 px", len(urls), len(s.urls), len(urls)-len(s.urls)-1)
	})
}

// noindexPages returns the pages of s that tell search engines noindex
// and so are not in its sitemap, other than old addresses that only send
// the browser on.
func noindexPages(t *testing.T, s *served) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(`content="noindex"`)) && !bytes.Contains(b, []byte(`http-equiv="refresh"`)) {
			rel, _ := filepath.Rel(s.dir, filepath.Dir(p))
			out = append(out, s.url+"/"+filepath.ToSlash(rel)+"/")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// overflow returns the elements that stick out to the right of the
// viewport when the page is wider than it, so that a reader has to scroll
// sideways; tables separately, since WCAG 1.4.10 exempts content that needs
// two dimensions, like data tables.
func overflow(t *testing.T, ctx context.Context) (outside, tables []string) {
	t.Helper()
	type wide struct {
		What    string
		InTable bool
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]wide](`(() => {
  const w = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= w) return [];
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.classList.length ? "." + [...e.classList].join(".") : "");
  const wide = [...document.body.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest(".skip-link, .visually-hidden"));
  // The outermost table or the innermost other elements: the others are only wide because of them.
  const inner = wide.filter(e => e.tagName === "TABLE" ? !e.parentElement.closest("table") : !e.closest("table") && !wide.some(f => f !== e && e.contains(f)));
  return inner.slice(0, 5).map(e => ({What: name(e) + " reaches " + Math.round(e.getBoundingClientRect().right) + " px of " + w, InTable: e.tagName === "TABLE"}));
})()`))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range out {
		if o.InTable {
			tables = append(tables, o.What)
		} else {
			outside = append(outside, o.What)
		}
	}
	return outside, tables
}

// vnuMessage is one message of the Nu Html Checker's JSON output.
type vnuMessage struct {
	Type      string `json:"type"`
	SubType   string `json:"subType"`
	URL       string `json:"url"`
	FirstLine int    `json:"firstLine"`
	LastLine  int    `json:"lastLine"`
	FirstCol  int    `json:"firstColumn"`
	LastCol   int    `json:"lastColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
}

// vnu runs the Nu Html Checker with args and returns its error messages,
// each as "file:line:col: message" with the file relative to dir, and the
// code around it on a second line.
func vnu(t *testing.T, dir string, args ...string) []string {
	t.Helper()
	cmd := exec.Command("java", append([]string{"-jar", vnuPath, "--errors-only", "--format", "json", "--stdout", "--asciiquotes"}, args...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output() // exits 1 when it finds errors
	var res struct {
		Messages []vnuMessage `json:"messages"`
	}
	if jerr := json.Unmarshal(out, &res); jerr != nil {
		t.Fatalf("the Nu Html Checker failed (%v): %v\n%s%s", err, jerr, out, stderr.String())
	}
	var msgs []string
	for _, m := range res.Messages {
		if m.Type == "info" {
			continue
		}
		file := strings.TrimPrefix(m.URL, "file:")
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = filepath.ToSlash(rel)
		}
		line, col := m.FirstLine, m.FirstCol
		if line == 0 {
			line = m.LastLine
		}
		if col == 0 {
			col = m.LastCol
		}
		msg := fmt.Sprintf("%s:%d:%d: %s", file, line, col, m.Message)
		if x := strings.Join(strings.Fields(m.Extract), " "); x != "" {
			msg += "\n\t" + x
		}
		msgs = append(msgs, msg)
	}
	return msgs
}

// vnuErrors checks every HTML file under dir, and every CSS and SVG file,
// with the Nu Html Checker. HTML and the rest are checked in two runs
// because the checker counts HTML lines from 0 when it checks CSS too.
func vnuErrors(t *testing.T, dir string) (errs []string, files int) {
	t.Helper()
	need(t)
	var other []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		switch filepath.Ext(p) {
		case ".html":
			files++
		case ".css", ".svg":
			other = append(other, p)
		}
		return err
	})
	var wg sync.WaitGroup
	var cssErrs []string
	if len(other) > 0 {
		wg.Go(func() {
			cssErrs = vnu(t, dir, append([]string{"--also-check-css", "--also-check-svg"}, other...)...)
		})
	}
	errs = vnu(t, dir, "--skip-non-html", dir)
	wg.Wait()
	return append(errs, cssErrs...), files + len(other)
}

// TestHTMLValid runs the Nu Html Checker over all of public/.
func TestHTMLValid(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *served) {
		t.Parallel()
		errs, files := vnuErrors(t, s.dir)
		for _, e := range errs {
			t.Error(e)
		}
		t.Logf("the Nu Html Checker checked %d files (HTML, CSS, SVG): %d errors", files, len(errs))
	})
}

// TestGateCanFail builds a fixture site with a page with known faults
// (testdata/broken.txtar: an image without alt text, a heading that skips
// levels, light grey text, a duplicate id, a link without focus style, a
// keyboard trap, a tracking pixel from another host), and checks that the
// gate's messages name the page and each fault, and nothing on the
// site's start page.
func TestGateCanFail(t *testing.T) {
	srv := fixtureSite(t, "broken")
	out := srv.dir

	// axe: the broken page, then the start page, which has no fault.
	ctx := browser(t, 1280)
	open(t, ctx, srv.url+"/trasig/")
	axeMsgs, err := axeMessages(ctx, pageAt("/trasig/", 1280))
	if err != nil {
		t.Fatal(err)
	}

	// The keyboard: a link without focus style and a trap.
	open(t, ctx, srv.url+"/trasig/")
	keyMsgs, _ := tabThrough(t, ctx, pageAt("/trasig/", 1280))
	for _, w := range []string{`: A "En länk utan synlig fokus" (/) shows no focus style`, ": after ", "a keyboard trap"} {
		if !slices.ContainsFunc(keyMsgs, func(m string) bool { return strings.HasPrefix(m, pageAt("/trasig/", 1280)) && strings.Contains(m, w) }) {
			t.Errorf("the keyboard journey did not report %q on /trasig/; it said:\n%s", w, strings.Join(keyMsgs, "\n"))
		}
	}
	t.Logf("the keyboard journey on the broken page:\n%s", strings.Join(keyMsgs, "\n"))

	// Privacy: the tracking pixel is a request to another host, and the
	// policy blocks it.
	foreign, csp := foreignRequests(ctx), cspViolations(ctx)
	if !slices.ContainsFunc(foreign, func(r string) bool {
		return strings.HasPrefix(r, "http://127.0.0.2:9/") && strings.Contains(r, "/trasig/")
	}) {
		t.Errorf("the request to 127.0.0.2 from /trasig/ was not seen; requests to other hosts: %q", foreign)
	}
	if !slices.ContainsFunc(csp, func(v string) bool { return strings.HasPrefix(v, "img-src blocked http://127.0.0.2:9/") }) {
		t.Errorf("the blocked image from 127.0.0.2 was not reported; violations: %q", csp)
	}
	t.Logf("privacy on the broken page:\n%s\n%s", strings.Join(foreign, "\n"), strings.Join(csp, "\n"))

	open(t, ctx, srv.url+"/")
	axeCheck(t, ctx, "the fixture's start page, which has no fault: "+pageAt("/", 1280))
	if msgs, _ := tabThrough(t, ctx, pageAt("/", 1280)); len(msgs) > 0 {
		t.Errorf("the keyboard journey reports faults on the fixture's start page, which has none:\n%s", strings.Join(msgs, "\n"))
	}
	for _, rule := range []string{"image-alt", "heading-order", "color-contrast"} {
		if !slices.ContainsFunc(axeMsgs, func(m string) bool { return strings.HasPrefix(m, pageAt("/trasig/", 1280)+": "+rule+" (") }) {
			t.Errorf("axe did not report %s on /trasig/; it said:\n%s", rule, strings.Join(axeMsgs, "\n"))
		}
	}
	t.Logf("axe on the broken page:\n%s", strings.Join(axeMsgs, "\n"))

	vnuMsgs, _ := vnuErrors(t, out)
	want := map[string]bool{"Duplicate ID 'dubbel'": false, "An 'img' element must have an 'alt' attribute": false}
	for _, m := range vnuMsgs {
		if !strings.HasPrefix(m, "trasig/index.html:") {
			t.Errorf("the Nu Html Checker reports a file without faults: %s", m)
			continue
		}
		for w := range want {
			if strings.Contains(m, w) {
				want[w] = true
			}
		}
	}
	for w, found := range want {
		if !found {
			t.Errorf("the Nu Html Checker did not report %q on trasig/index.html; it said:\n%s", w, strings.Join(vnuMsgs, "\n"))
		}
	}
	t.Logf("the Nu Html Checker on the broken site:\n%s", strings.Join(vnuMsgs, "\n"))
}

// TestScreenshots writes full-page screenshots of the start page, and of
// the directory, the first unit page and the seminars when the sitemap has
// them, 375 and 1280 px wide,
// to test/artifacts/screenshots for a person to look at.
func TestScreenshots(t *testing.T) {
	s := sampleSite(t)
	dir := filepath.Join("..", "artifacts", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// The start page, then the first of each kind that the sitemap has.
	pages := [][2]string{{"start", "/"}}
	for _, kind := range []struct{ name, prefix string }{{"verksamheter", "/verksamheter/"}, {"verksamhet", "/verksamheter/*/"}, {"seminarier", "/seminarier/"}} {
		for _, u := range s.urls {
			p := s.path(u)
			rest, ok := strings.CutPrefix(p, "/verksamheter/")
			if p == kind.prefix || kind.name == "verksamhet" && ok && rest != "" && strings.Count(rest, "/") == 1 && !strings.HasPrefix(rest, "kommun/") && !strings.HasPrefix(rest, "typ/") {
				pages = append(pages, [2]string{kind.name, p})
				break
			}
		}
	}
	for _, width := range []int{375, 1280} {
		ctx := browser(t, width)
		for _, p := range pages {
			open(t, ctx, s.url+p[1])
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("%s: %v", p[1], err)
			}
			file := filepath.Join(dir, fmt.Sprintf("%s-%d.png", p[0], width))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s at %d px: test/artifacts/screenshots/%s", p[1], width, filepath.Base(file))
		}
	}
}
