// Package browser is the quality gate: it builds the sample site, serves it
// on 127.0.0.1 the way Netlify would (index.html for folders, 404.html with
// status 404, the headers of public/_headers and the redirects of
// public/_redirects), and checks it in real headless Chromium with axe-core,
// with the Nu Html Checker, and with keyboard and privacy journeys.
//
// The gate needs Debian's chromium, Java and the npm packages of this
// folder. Without them the tests skip, and the package's output ends with
// the skipped tests and the one command that installs what is missing
// (package testtools), except under CI (CI set), where a missing tool
// fails the run.
//
// # Helpers for the tests of this package
//
//   - sampleSite(t) builds the repository's site once (for today, as the
//     publish workflow does) and serves it; its urls are every <loc> of sitemap.xml on the test
//     server. Tests on it hold for any site: they pick pages from the
//     sitemap and assert nothing of what the site says.
//   - forEachSite(t, f) runs f as a subtest on every site of the
//     repository: the sample (sampleSite) and each examples/<name>/ with a
//     site.yaml (built once, with the same layouts: an example without
//     layouts/ gets the engine's). The gate's site-wide tests (axe, the
//     Nu Html Checker, Tab through every page, privacy) use it.
//   - fixtureSite(t, name) builds testdata/<name>.txtar once with package
//     sitetest (the theme and the kit's settings under the archive's
//     files) and serves it: for a journey that needs known units, pages
//     or sessions. serve(dir) serves any built folder the same way.
//   - browser(t, width) opens a tab width×900 px in a browser context of its
//     own (no cookies, storage or cache shared with other tests) of the one
//     Chromium all tests share. When the test ends it fails the test for
//     every request that left 127.0.0.1 and every Content-Security-Policy
//     violation not read with foreignRequests or cspViolations, every
//     uncaught script error and every subresource that answered 400 or more.
//   - open(t, ctx, url) navigates and waits until the page's own requests
//     (like the directory's index) are done.
//   - axe(ctx) runs axe-core on the page as it is now; axeCheck(t, ctx,
//     where) reports each violation as a test error.
//   - tab(t, ctx) presses Tab and describes the focused element;
//     activeElement(t, ctx) describes it without a key press;
//     tabStops(t, ctx) lists the elements Tab should reach, in order.
package browser

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/hbtq-diplomering/webbplats/internal/chromium"
	nl "github.com/hbtq-diplomering/webbplats/internal/netlify"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/testtools"
)

// today is today in Stockholm, the day the gate builds the sample site for,
// as the publish workflow does: a communicator's dates (a unit certified
// yesterday, a news item of today) are never in the future for the gate.
// Fixture sites are built for sitetest.Today.
func today() swedish.Day { return swedish.Today() }

const (
	axePath = "node_modules/axe-core/axe.min.js"
	vnuPath = "node_modules/vnu-jar/build/dist/vnu.jar"
)

// tools returns the browser to run and what is missing to run the gate.
func tools() (path string, missing []testtools.Tool) {
	path, err := chromium.Find()
	if err != nil {
		c := testtools.Chromium
		if env := os.Getenv("CHROMIUM"); env != "" {
			c.Name = "chromium (CHROMIUM=" + env + " cannot be run)"
		}
		missing = append(missing, c)
	}
	if java, ok := testtools.Program("java", testtools.Java); ok {
		missing = append(missing, java)
	}
	missing = append(missing, testtools.NpmPackages("test/browser", axePath, vnuPath)...)
	return path, missing
}

// need skips the test, or fails it under CI, when a tool is missing, and
// returns the browser to run. TestMain lists the skipped tests at the end
// (see package testtools).
func need(t *testing.T) string {
	t.Helper()
	path, missing := tools()
	testtools.Need(t, missing...)
	return path
}

// A served site.
type served struct {
	dir  string   // the built public folder
	url  string   // http://127.0.0.1:port, no slash at the end
	urls []string // every page of sitemap.xml, on the test server
}

var (
	sampleOnce sync.Once
	sample     *served
	sampleErr  error
)

// sampleSite builds the repository's sample site once and serves it.
func sampleSite(t *testing.T) *served {
	t.Helper()
	sampleOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hbtq-gate-")
		if err != nil {
			sampleErr = err
			return
		}
		out := filepath.Join(dir, "public")
		if _, err := buildSite("../..", out); err != nil {
			sampleErr = fmt.Errorf("the sample site does not build:\n%v", err)
			return
		}
		sample, sampleErr = serve(out)
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sample
}

var (
	examplesMu sync.Mutex
	examples   = map[string]*fixture{}
)

// forEachSite runs f on the sample site and on every example site, each as
// a subtest named by its folder ("." for the sample).
func forEachSite(t *testing.T, f func(t *testing.T, s *served)) {
	t.Helper()
	t.Run(".", func(t *testing.T) { f(t, sampleSite(t)) })
	dirs, _ := filepath.Glob("../../examples/*/site.yaml")
	for _, y := range dirs {
		dir := filepath.Dir(y)
		name := "examples/" + filepath.Base(dir)
		t.Run(name, func(t *testing.T) { f(t, exampleSite(t, dir)) })
	}
}

// exampleSite builds the example site at dir once and serves it.
func exampleSite(t *testing.T, dir string) *served {
	t.Helper()
	need(t)
	examplesMu.Lock()
	e := examples[dir]
	if e == nil {
		e = &fixture{}
		examples[dir] = e
	}
	examplesMu.Unlock()
	e.once.Do(func() {
		tmp, err := os.MkdirTemp("", "hbtq-example-")
		if err != nil {
			e.err = err
			return
		}
		out := filepath.Join(tmp, "public")
		root := dir
		if sitetest.IsNational(dir) {
			// A national site reads the other sites' open data from the
			// paths its site.yaml names: the sample's and every other
			// example's output, laid out under tmp as in the repository.
			if root, e.err = sitetest.LayOutNational("../..", dir, tmp, today()); e.err != nil {
				return
			}
			out = filepath.Join(root, "public")
		}
		if _, err := buildSite(root, out); err != nil {
			e.err = fmt.Errorf("the example %s does not build:\n%v", dir, err)
			return
		}
		e.srv, e.err = serve(out)
	})
	if e.err != nil {
		t.Fatal(e.err)
	}
	return e.srv
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[string]*fixture{}
)

type fixture struct {
	once sync.Once
	srv  *served
	err  error
}

// fixtureSite builds the fixture site testdata/<name>.txtar once, with
// package sitetest, and serves it.
func fixtureSite(t *testing.T, name string) *served {
	t.Helper()
	need(t)
	fixturesMu.Lock()
	f := fixtures[name]
	if f == nil {
		f = &fixture{}
		fixtures[name] = f
	}
	fixturesMu.Unlock()
	f.once.Do(func() {
		// Built outside t.TempDir: the site is served to every test.
		dir, err := os.MkdirTemp("", "hbtq-fixture-")
		if err != nil {
			f.err = err
			return
		}
		out := filepath.Join(dir, "public")
		opt := sitetest.Load(t, "testdata/"+name+".txtar").Options(out)
		build := func() error { _, err := site.Build(context.Background(), opt); return err }
		if name == "broken" {
			// Its content faults are on purpose: the build would refuse them.
			build = func() error { return buildFaulty(opt, out) }
		}
		if err := build(); err != nil {
			f.err = fmt.Errorf("the fixture %s does not build:\n%v", name, err)
			return
		}
		f.srv, f.err = serve(out)
	})
	if f.err != nil {
		t.Fatal(f.err)
	}
	return f.srv
}

// serve serves the built folder dir on 127.0.0.1 like Netlify, until the
// test binary exits.
func serve(dir string) (*served, error) {
	h, err := newNetlify(dir)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	go http.Serve(ln, h)
	s := &served{dir: dir, url: "http://" + ln.Addr().String()}
	s.urls, err = sitemapURLs(dir, s.url)
	return s, err
}

// sitemapURLs returns every page of sitemap.xml, on the server base.
func sitemapURLs(dir, base string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "sitemap.xml"))
	if err != nil {
		return nil, err
	}
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &sm); err != nil {
		return nil, fmt.Errorf("sitemap.xml: %v", err)
	}
	var out []string
	for _, u := range sm.URLs {
		loc, err := url.Parse(strings.TrimSpace(u.Loc))
		if err != nil || loc.Host == "" {
			return nil, fmt.Errorf("sitemap.xml: %q is not an absolute address", u.Loc)
		}
		out = append(out, base+loc.EscapedPath())
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("sitemap.xml lists no pages")
	}
	return out, nil
}

var (
	allocOnce   sync.Once
	allocCtx    context.Context // the browser; tabs are made from it
	allocCancel context.CancelFunc
	allocErr    error
)

// tabState is what the gate records of one tab.
type tabState struct {
	host string // the test server's host: 127.0.0.1

	mu       sync.Mutex
	inflight map[network.RequestID]string
	foreign  []string                     // requests to another host
	csp      []string                     // violations not yet read
	errs     []string                     // uncaught script errors
	broken   []string                     // subresources that answered 400 or more
	docCSP   map[string]string            // the policy each page came with
	docOf    map[network.RequestID]string // the page each request is for
}

type tabKey struct{}

func stateOf(ctx context.Context) *tabState {
	st, _ := ctx.Value(tabKey{}).(*tabState)
	return st
}

// cspReport is called by the page, through a binding, for each
// securitypolicyviolation event.
const cspReport = `document.addEventListener("securitypolicyviolation", e =>
  hbtqCSP(e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " at " + (e.sourceFile || location.href) + ":" + e.lineNumber + ":" + e.columnNumber + (e.sample ? " (" + e.sample + ")" : "")));`

// browser returns a new tab, width px wide, in a browser context of its own
// in the shared headless Chromium.
func browser(t *testing.T, width int) context.Context {
	t.Helper()
	path := need(t)
	allocOnce.Do(func() {
		allocCtx, allocCancel, allocErr = chromium.Start(context.Background(), path)
	})
	if allocErr != nil {
		t.Fatalf("chromium does not start: %v", allocErr)
	}
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, 6*time.Minute)
	st := &tabState{host: "127.0.0.1", inflight: map[network.RequestID]string{}, docCSP: map[string]string{}, docOf: map[network.RequestID]string{}}
	ctx = context.WithValue(ctx, tabKey{}, st)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	if err := chromedp.Listen(ctx, st.event); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, runtime.AddBinding, runtime.AddBindingParams{Name: "hbtqCSP"}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspReport}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 900)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		st.mu.Lock()
		defer st.mu.Unlock()
		for _, u := range st.foreign {
			t.Errorf("a request left the test server: %s", u)
		}
		for _, v := range st.csp {
			t.Errorf("Content-Security-Policy violation: %s", v)
		}
		for _, e := range st.errs {
			t.Errorf("script error: %s", e)
		}
		for _, b := range st.broken {
			t.Errorf("broken subresource: %s", b)
		}
	})
	return ctx
}

// event records what the gate needs of each event of a tab. It runs on the
// tab's reading goroutine, so it only records.
func (st *tabState) event(ev any) {
	st.mu.Lock()
	defer st.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		if e.Type == network.ResourceTypeDocument && e.FrameID != "" && e.RequestID == network.RequestID(e.LoaderID) {
			clear(st.inflight) // a new page: the old one's requests do not matter
		}
		// The browser's own requests (the favicon) and the dev server's
		// event stream, which lasts as long as the page, are not waited for.
		if e.Type != network.ResourceTypeOther && !strings.HasSuffix(e.Request.URL, "/_dev/events") {
			st.inflight[e.RequestID] = e.Request.URL
		}
		st.docOf[e.RequestID] = e.DocumentURL
		if u, err := url.Parse(e.Request.URL); err == nil && u.Scheme != "data" && u.Scheme != "blob" && u.Hostname() != st.host {
			st.foreign = append(st.foreign, e.Request.URL+" (from "+e.DocumentURL+")")
		}
	case *network.EventLoadingFinished:
		delete(st.inflight, e.RequestID)
	case *network.EventLoadingFailed:
		delete(st.inflight, e.RequestID)
	case *network.EventResponseReceived:
		if e.Type == network.ResourceTypeDocument {
			st.docCSP[e.Response.URL] = header(e.Response.Headers, "Content-Security-Policy")
		} else if e.Response.Status >= 400 {
			st.broken = append(st.broken, fmt.Sprintf("%s answered %d (for %s)", e.Response.URL, e.Response.Status, st.docOf[e.RequestID]))
		}
	case *runtime.EventBindingCalled:
		if e.Name == "hbtqCSP" {
			st.csp = append(st.csp, e.Payload)
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg = d.Exception.Description
		}
		st.errs = append(st.errs, fmt.Sprintf("%s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, msg))
	}
}

// header returns the value of the response header name.
func header(h network.Headers, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(v)
		}
	}
	return ""
}

// cspViolations returns the Content-Security-Policy violations the tab saw
// since the last call, and forgets them.
func cspViolations(ctx context.Context) []string {
	st := stateOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	v := st.csp
	st.csp = nil
	return v
}

// foreignRequests returns the requests to hosts other than the test server
// that the tab saw since the last call, and forgets them.
func foreignRequests(ctx context.Context) []string {
	st := stateOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	v := st.foreign
	st.foreign = nil
	return v
}

// documentCSP returns the Content-Security-Policy header that came with the
// document at u.
func documentCSP(ctx context.Context, u string) (string, bool) {
	st := stateOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	v, ok := st.docCSP[u]
	return v, ok
}

// open loads u and waits until the page's own requests are done and the
// scripts have handled them.
func open(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	settle(t, ctx)
}

// settle waits until the tab has no request in flight, then for one frame.
// The ceiling is generous (the CMS's bundle is large, and CI machines are
// loaded): the wait ends as soon as the requests are done.
func settle(t *testing.T, ctx context.Context) {
	t.Helper()
	st := stateOf(ctx)
	deadline := time.Now().Add(30 * time.Second)
	for {
		st.mu.Lock()
		n := len(st.inflight)
		var pending []string
		if time.Now().After(deadline) {
			for _, u := range st.inflight {
				pending = append(pending, u)
			}
		}
		st.mu.Unlock()
		if n == 0 {
			break
		}
		if pending != nil {
			t.Fatalf("requests still unanswered after 30 s: %s", strings.Join(pending, ", "))
		}
		time.Sleep(5 * time.Millisecond)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => requestAnimationFrame(() => setTimeout(() => r(true))))`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
}

// path returns the address u without the server, like /om/pris/.
func (s *served) path(u string) string {
	return strings.TrimPrefix(u, s.url)
}

// TestMain stops the browser and removes the built sites when the tests
// are done, and lists the tests skipped for want of a tool with the command
// that installs it, in go test's output (testtools.Main).
func TestMain(m *testing.M) {
	code := testtools.Main(m, "test/browser")
	if allocCancel != nil {
		allocCancel()
	}
	if sample != nil {
		os.RemoveAll(filepath.Dir(sample.dir))
	}
	for _, f := range fixtures {
		if f.srv != nil {
			os.RemoveAll(filepath.Dir(f.srv.dir))
		}
	}
	os.Exit(code)
}

// issueCSP is the Content-Security-Policy of issue 8. The test server
// sends it when the build wrote no _headers, so the gate checks the pages
// under it either way.
const issueCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// netlify serves a built folder the way Netlify does, with the rules of
// its _headers and _redirects (package netlify, which the dev server
// applies too).
type netlify struct {
	dir       string
	headers   nl.Headers
	redirects nl.Redirects
}

func newNetlify(dir string) (*netlify, error) {
	n := &netlify{dir: dir}
	data, err := os.ReadFile(filepath.Join(dir, "_headers"))
	switch {
	case os.IsNotExist(err):
		data = []byte("/*\n  Content-Security-Policy: " + issueCSP + "\n")
	case err != nil:
		return nil, err
	}
	if n.headers, err = nl.ParseHeaders(string(data)); err != nil {
		return nil, err
	}
	data, err = os.ReadFile(filepath.Join(dir, "_redirects"))
	switch {
	case os.IsNotExist(err):
	case err != nil:
		return nil, err
	default:
		if n.redirects, err = nl.ParseRedirects(string(data)); err != nil {
			return nil, err
		}
	}
	return n, nil
}

func (n *netlify) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	for _, kv := range n.headers.For(p) {
		w.Header().Set(kv[0], kv[1])
	}
	name, ok := n.file(p)
	if rd, to, match := n.redirects.Find(p, ok); match {
		switch {
		case rd.Status >= 300 && rd.Status < 400:
			http.Redirect(w, r, to, rd.Status)
			return
		case rd.Status == 200:
			if name, ok = n.file(to); ok {
				http.ServeFile(w, r, name)
				return
			}
		}
	}
	if !ok {
		if info, err := os.Stat(filepath.Join(n.dir, filepath.FromSlash(path.Clean("/"+p)))); err == nil && info.IsDir() && !strings.HasSuffix(p, "/") {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
		data, _ := os.ReadFile(filepath.Join(n.dir, "404.html"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(data)
		return
	}
	http.ServeFile(w, r, name)
}

// file returns the file that serves the address p: the file itself, or
// index.html of a folder when p ends in a slash.
func (n *netlify) file(p string) (string, bool) {
	name := filepath.Join(n.dir, filepath.FromSlash(path.Clean("/"+p)))
	info, err := os.Stat(name)
	if err != nil {
		return "", false
	}
	if info.IsDir() {
		if !strings.HasSuffix(p, "/") {
			return "", false
		}
		name = filepath.Join(name, "index.html")
		if _, err := os.Stat(name); err != nil {
			return "", false
		}
	} else if strings.HasSuffix(p, "/") {
		return "", false
	}
	return name, true
}

// mustJSON returns v as JSON, for building scripts.
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
