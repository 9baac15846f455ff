package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// baseSite is the fixture every test starts from.
const baseSite = `-- content/_index.md --
---
title: Start
---
Välkommen.
-- content/om.md --
---
title: Om
menu: main
---
Första versionen.
`

// newSite writes the fixture baseSite into a new folder and returns it.
func newSite(t *testing.T) string {
	t.Helper()
	return sitetest.Parse(t, baseSite).Dir(t)
}

func start(t *testing.T, dir string) *Server {
	t.Helper()
	s, err := Start(Options{Dir: dir, Addr: "127.0.0.1:0", Site: site.Options{Features: all.Features(),
		Root: os.DirFS(dir), Now: sitetest.Today,
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// subscribe opens the event stream and returns a channel of event names.
func subscribe(t *testing.T, s *Server) <-chan string {
	t.Helper()
	resp, err := http.Get(s.URL() + "_dev/events")
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	ch := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				ch <- name
			}
		}
		close(ch)
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return ch
}

func waitReload(t *testing.T, ch <-chan string) {
	t.Helper()
	select {
	case ev := <-ch:
		if ev != "reload" {
			t.Fatalf("event %q, want reload", ev)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no reload event within 10 s")
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestEditReloadsWithNewContent(t *testing.T) {
	dir := newSite(t)
	s := start(t, dir)
	events := subscribe(t, s)
	code, body := get(t, s.URL()+"om/")
	if code != 200 {
		t.Fatalf("before the edit: %d %s", code, body)
	}
	sitetest.CheckHTML(t, "/om/ before the edit", body,
		sitetest.In("main p", sitetest.HasText("Första versionen.")),
		sitetest.In(`body > script[type="module"][src="/_dev/reload.js"]:last-child`))
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\nAndra versionen.\n")
	waitReload(t, events)
	_, body = get(t, s.URL()+"om/")
	sitetest.CheckHTML(t, "/om/ after the edit", body, sitetest.In("main p", sitetest.HasText("Andra versionen.")))
	// A front-matter edit rebuilds everything: the menu on other pages changes.
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om oss\nmenu: main\n---\nAndra versionen.\n")
	waitReload(t, events)
	_, body = get(t, s.URL())
	sitetest.CheckHTML(t, "the home page's menu", body, sitetest.In(`nav.main-nav a[href="/om/"]`, sitetest.HasText("Om oss")))
}

func TestErrorPageThenFix(t *testing.T) {
	dir := newSite(t)
	s := start(t, dir)
	events := subscribe(t, s)
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nweight: tre\n---\nText\n")
	waitReload(t, events)
	for _, p := range []string{"om/", "", "finns-inte/"} {
		code, body := get(t, s.URL()+p)
		if code != 500 {
			t.Errorf("/%s during the error: %d\n%s", p, code, body)
		}
		sitetest.CheckHTML(t, "/"+p+" during the error", body,
			sitetest.In("main ol > li .pos", sitetest.HasText("content/om.md:3:9")),
			sitetest.In("main ol > li .msg", sitetest.HasTextContaining("weight måste vara ett heltal")),
			sitetest.In("main ol > li pre span.here", sitetest.HasText("3 weight: tre")))
	}
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nweight: 3\n---\nRättad.\n")
	waitReload(t, events)
	code, body := get(t, s.URL()+"om/")
	if code != 200 {
		t.Errorf("after the fix: %d\n%s", code, body)
	}
	sitetest.CheckHTML(t, "/om/ after the fix", body,
		sitetest.In("main p", sitetest.HasText("Rättad.")),
		sitetest.None("html", sitetest.HasTextContaining("Bygget misslyckades")))
}

// TestPageProblemStaysOnThePage: an image without alt text is a problem of
// its page: that page is served (200) with the problem in its panel, named
// by the file and Markdown line the editor wrote, and every other page is
// served as usual, without a panel.
func TestPageProblemStaysOnThePage(t *testing.T) {
	dir := newSite(t)
	s := start(t, dir)
	events := subscribe(t, s)
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\n![](/favicon.svg)\n")
	waitReload(t, events)
	code, body := get(t, s.URL()+"om/")
	if code != 200 {
		t.Errorf("the page with the problem: %d\n%s", code, body)
	}
	sitetest.CheckHTML(t, "/om/ with the problem", body,
		sitetest.Count(".dev-problems ol > li", 1), // listed once
		sitetest.In(".dev-problems ol > li .dev-problems__pos code", sitetest.HasText("content/om.md:5:1")),
		sitetest.In(".dev-problems ol > li .dev-problems__msg", sitetest.HasTextContaining("bilden /favicon.svg saknar alternativtext")))
	if n := strings.Count(body, "saknar alternativtext"); n != 1 {
		t.Errorf("the problem is named %d times, want once:\n%s", n, body)
	}
	code, home := get(t, s.URL())
	if code != 200 {
		t.Errorf("another page: %d", code)
	}
	sitetest.CheckHTML(t, "another page", home, sitetest.None(".dev-problems"), sitetest.None(`link[href="/_dev/problems.css"]`))
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\n![Logotyp](/favicon.svg)\n")
	waitReload(t, events)
	code, body = get(t, s.URL()+"om/")
	if code != 200 {
		t.Errorf("after the fix: %d\n%s", code, body)
	}
	sitetest.CheckHTML(t, "/om/ after the fix", body, sitetest.In(`main img[src="/favicon.svg"][alt="Logotyp"]`), sitetest.None(".dev-problems"))
}

// TestRapidEditsGiveOneConsistentResult: 90 saves of 30 new pages in quick
// succession end with the site serving each page's last version.
func TestRapidEditsGiveOneConsistentResult(t *testing.T) {
	dir := newSite(t)
	s := start(t, dir)
	events := subscribe(t, s)
	const n = 30
	for round := range 3 {
		for i := range n {
			writeFile(t, filepath.Join(dir, fmt.Sprintf("content/ny/sida-%02d.md", i)), fmt.Sprintf("---\ntitle: Sida %d\n---\nVersion %d.\n", i, round))
		}
	}
	// A build may start while a file is half written and report an error;
	// what counts is that the debounced rebuilds end with every page at its
	// last version. The wait is generous for a loaded CI machine; it ends as
	// soon as the pages are right.
	select {
	case <-events:
	case <-time.After(30 * time.Second):
		t.Fatal("no event within 30 s of the edits")
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok := true
		for i := range n {
			code, body := get(t, s.URL()+fmt.Sprintf("ny/sida-%02d/", i))
			if code != 200 || sitetest.Verify(body, sitetest.In("main p", sitetest.HasText("Version 2."))) != nil {
				ok = false
				break
			}
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the new pages did not all reach their last version")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestAtomicSaveAndNewFolder(t *testing.T) {
	dir := newSite(t)
	s := start(t, dir)
	events := subscribe(t, s)
	// An editor's atomic save: write a temporary file, rename it over the page.
	tmp := filepath.Join(dir, "content/.om.md.swp")
	writeFile(t, tmp, "---\ntitle: Om\nmenu: main\n---\nSparad atomiskt.\n")
	if err := os.Rename(tmp, filepath.Join(dir, "content/om.md")); err != nil {
		t.Fatal(err)
	}
	waitReload(t, events)
	_, body := get(t, s.URL()+"om/")
	sitetest.CheckHTML(t, "/om/ after an atomic save", body, sitetest.In("main p", sitetest.HasText("Sparad atomiskt.")))
	// A new folder, then a page in it.
	os.MkdirAll(filepath.Join(dir, "content/nytt"), 0o755)
	time.Sleep(100 * time.Millisecond)
	writeFile(t, filepath.Join(dir, "content/nytt/sida.md"), "---\ntitle: Ny\n---\nI en ny mapp.\n")
	deadline := time.Now().Add(10 * time.Second)
	for {
		if code, body := get(t, s.URL()+"nytt/sida/"); code == 200 && sitetest.Verify(body, sitetest.In("main p", sitetest.HasText("I en ny mapp."))) == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a page in a new folder was not built")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestServesOnlyTheSite(t *testing.T) {
	dir := newSite(t)
	writeFile(t, filepath.Join(dir, "hemlig.txt"), "HEMLIGT")
	s := start(t, dir)
	addr := strings.TrimSuffix(strings.TrimPrefix(s.URL(), "http://"), "/")
	for _, p := range []string{
		"/../hemlig.txt", "/..%2fhemlig.txt", "/%2e%2e/hemlig.txt", "/%2e%2e%2fhemlig.txt",
		"/static/../../hemlig.txt", "/om/..%5c..%5chemlig.txt", "/hemlig.txt", "/site.yaml", "/content/om.md",
		"/%00", "/..;/hemlig.txt",
	} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", p, addr)
		raw, _ := io.ReadAll(conn)
		conn.Close()
		resp := string(raw)
		status := strings.SplitN(resp, "\r\n", 2)[0]
		if !strings.Contains(status, " 400 ") && !strings.Contains(status, " 404 ") {
			t.Errorf("%s: %s, want 400 or 404", p, status)
		}
		if strings.Contains(resp, "HEMLIGT") || strings.Contains(resp, "title: Om") || strings.Contains(resp, "organisation:") {
			t.Errorf("%s: a file outside the built site was served", p)
		}
	}
	code, body := get(t, s.URL()+"finns-inte/")
	if code != 404 {
		t.Errorf("a missing page: %d, want 404 with the site's 404 page", code)
	}
	sitetest.CheckHTML(t, "a missing page", body, sitetest.In("main h1", sitetest.HasText("Sidan finns inte")))
	resp, err := http.Get(s.URL() + "favicon.svg")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "image/svg+xml" {
		t.Errorf("favicon.svg Content-Type %q", ct)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); csp != site.ContentSecurityPolicy {
		t.Errorf("CSP %q", csp)
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err = noRedirect.Get(s.URL() + "om")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 301 || resp.Header.Get("Location") != "/om/" {
		t.Errorf("/om: %d to %q, want 301 to /om/", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestCloseLeavesNothingRunning(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := newSite(t)
	s, err := Start(Options{Dir: dir, Addr: "127.0.0.1:0", Site: site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: swedish.Today()}})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(s.URL() + "_dev/events") // a browser still listening
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			n := runtime.Stack(buf, true)
			t.Fatalf("%d goroutines before Start, %d after Close:\n%s", before, runtime.NumGoroutine(), buf[:n])
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, err := http.Get(s.URL()); err == nil {
		t.Error("the server still answers after Close")
	}
}

// TestContentProblemsOnThePage: a problem of the content rules (here a
// dead link and a skipped heading level) is shown in a panel on the page it
// concerns, with its place, hint and line, while that page and the rest of
// the site are served as usual; an edit of the page's text that fixes it
// (re-rendering that page alone) removes the panel, and one that breaks it
// again brings it back.
func TestContentProblemsOnThePage(t *testing.T) {
	dir := newSite(t)
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\nLäs om [priset](/pris/).\n\n#### Djupt\n")
	s := start(t, dir)
	events := subscribe(t, s)
	code, body := get(t, s.URL()+"om/")
	if code != 200 {
		t.Fatalf("/om/ answers %d, want 200 with a panel:\n%s", code, body)
	}
	sitetest.CheckHTML(t, "/om/", body,
		sitetest.In(`head > link[rel="stylesheet"][href="/_dev/problems.css"]:last-child`),
		sitetest.In(`body > section.dev-problems:first-child[aria-labelledby="dev-problems-rubrik"][lang="sv"]`),
		sitetest.In(".dev-problems h2#dev-problems-rubrik", sitetest.HasText("Att rätta på den här sidan")),
		sitetest.In(".dev-problems > p", sitetest.HasTextContaining("2 problem stoppar bygget")),
		sitetest.Texts(".dev-problems__pos code", "content/om.md:5:8", "content/om.md:7:1"),
		sitetest.In(".dev-problems ol > li:nth-child(1) .dev-problems__msg", sitetest.HasTextContaining("länken /pris/ leder ingenstans")),
		sitetest.In(".dev-problems ol > li:nth-child(1) pre", sitetest.HasTextContaining("5 Läs om [priset](/pris/).")),
		sitetest.In(".dev-problems ol > li:nth-child(2) .dev-problems__hint", sitetest.HasTextContaining("Tips: skriv den som ## Djupt")),
		// The page itself is there.
		sitetest.In("main p", sitetest.HasText("Läs om priset.")),
		sitetest.In(`main p a[href="/pris/"]`, sitetest.HasText("priset")),
		// No inline style.
		sitetest.None("[style]"), sitetest.None("style"))
	code, home := get(t, s.URL())
	if code != 200 {
		t.Errorf("the start page, which has no problem: %d", code)
	}
	sitetest.CheckHTML(t, "the start page, which has no problem", home, sitetest.None(".dev-problems"))
	resp, err := http.Get(s.URL() + "_dev/problems.css")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/css; charset=utf-8" {
		t.Errorf("/_dev/problems.css: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}

	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\nLäs om [starten](/).\n\n## Djupt\n")
	waitReload(t, events)
	_, body = get(t, s.URL()+"om/")
	sitetest.CheckHTML(t, "/om/ after the fix", body, sitetest.None(".dev-problems"), sitetest.In(`main p a[href="/"]`, sitetest.HasText("starten")))
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\nLäs [här](/).\n")
	waitReload(t, events)
	_, body = get(t, s.URL()+"om/")
	sitetest.CheckHTML(t, "/om/ after a new mistake in the text", body, sitetest.In(".dev-problems__pos code", sitetest.HasText("content/om.md:5:5")))
}

// TestContentProblemsInEnglish: with -lang en the panel, its problems and
// hints are English, and marked so in a Swedish page.
func TestContentProblemsInEnglish(t *testing.T) {
	dir := newSite(t)
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\nLäs om [priset](/pris/).\n")
	s, err := Start(Options{Dir: dir, Addr: "127.0.0.1:0", Lang: msg.EN, Site: site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: sitetest.Today}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	_, body := get(t, s.URL()+"om/")
	sitetest.CheckHTML(t, "/om/", body,
		sitetest.In(`section.dev-problems[aria-labelledby="dev-problems-rubrik"][lang="en"]`),
		sitetest.In(".dev-problems h2#dev-problems-rubrik", sitetest.HasText("To fix on this page")),
		sitetest.In(".dev-problems > p", sitetest.HasTextContaining("One problem stops the build (go run ./cmd/build) until it is fixed.")),
		sitetest.In(".dev-problems > p code", sitetest.HasText("go run ./cmd/build")),
		sitetest.In(".dev-problems__msg", sitetest.HasTextContaining("the link /pris/ leads nowhere")))
}

// TestFragmentLinkRecheckedAfterItsTargetChanges: when an edit of one
// page's text removes the heading another page links to (/om/#priser), the
// linking page shows the problem at once, and loses it when the heading is
// back, though only the edited page is rendered again.
func TestFragmentLinkRecheckedAfterItsTargetChanges(t *testing.T) {
	dir := newSite(t)
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\n## Priser\n\nText.\n")
	writeFile(t, filepath.Join(dir, "content/lank.md"), "---\ntitle: Kort om kostnaden\n---\nSe [priserna](/om/#priser).\n")
	s := start(t, dir)
	events := subscribe(t, s)
	if _, body := get(t, s.URL()+"lank/"); sitetest.Verify(body, sitetest.None(".dev-problems")) != nil {
		t.Fatalf("before the edit /lank/ shows a problem:\n%s", body)
	}
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\n## Kostnader\n\nText.\n")
	waitReload(t, events)
	_, body := get(t, s.URL()+"lank/")
	sitetest.CheckHTML(t, "/lank/ after the heading was renamed", body, sitetest.In(".dev-problems__pos code", sitetest.HasText("content/lank.md:4:4")))
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\n## Priser\n\nText.\n")
	waitReload(t, events)
	_, body = get(t, s.URL()+"lank/")
	sitetest.CheckHTML(t, "/lank/ with the heading back", body, sitetest.None(".dev-problems"))
}

// TestErrorPageEscapesControlCharacters: a source line with a terminal
// escape next to an error is shown on the error page as \x1b, not sent raw.
func TestErrorPageEscapesControlCharacters(t *testing.T) {
	dir := newSite(t)
	s := start(t, dir)
	events := subscribe(t, s)
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nweight: \"\x1b]0;x\x07\x1b[2J\"\n---\nText\n")
	waitReload(t, events)
	code, body := get(t, s.URL()+"om/")
	if code != 500 || !strings.Contains(body, `\x1b]0;x\x07\x1b[2J`) || strings.ContainsAny(body, "\x1b\x07") {
		t.Errorf("%d\n%q", code, body)
	}
	sitetest.CheckHTML(t, "the error page", body,
		sitetest.In("main h1", sitetest.HasText("Bygget misslyckades")),
		sitetest.In("main h1 + p", sitetest.HasTextContaining("1 problem att rätta.")))
}

// TestProblemsBounded: 2 000 dead links on one line of a page, and 2 000
// missing images on one line of another, make pages of a few tens of
// kilobytes that list five problems of the line (in the page's panel:
// both are problems of that page alone), say how many more there are, and
// quote a window of the line, not the whole line each time.
func TestProblemsBounded(t *testing.T) {
	dir := newSite(t)
	bounded := []sitetest.Checker{
		sitetest.In(".dev-problems > p", sitetest.HasTextContaining("2000 problem stoppar bygget")),
		sitetest.Count(".dev-problems ol > li", 5),
		sitetest.In(".dev-problems ol > li:last-child p.dev-problems__msg:last-child", sitetest.HasText("… och 1995 till på rad 5, som inte visas")),
	}
	links := strings.Repeat("[Priset för diplomering](/finns-inte/) ", 2000)
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\n"+links+"\n")
	s := start(t, dir)
	events := subscribe(t, s)
	code, body := get(t, s.URL()+"om/")
	t.Logf("panel page: %d bytes", len(body))
	if code != 200 || len(body) > 200_000 {
		t.Errorf("/om/ with 2000 dead links on a line: %d, %d bytes", code, len(body))
	}
	sitetest.CheckHTML(t, "/om/ with 2000 dead links", body, bounded...)
	images := strings.Repeat("![bild](saknas.png) ", 2000)
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\n"+images+"\n")
	waitReload(t, events)
	code, body = get(t, s.URL()+"om/")
	t.Logf("panel page: %d bytes", len(body))
	if code != 200 || len(body) > 200_000 {
		t.Errorf("/om/ with 2000 missing images on a line: %d, %d bytes", code, len(body))
	}
	sitetest.CheckHTML(t, "/om/ with 2000 missing images", body, bounded...)
}

// TestRootDeletedAndMadeAgain: the whole site root is deleted (the error
// page is served) and made again, by a folder moved into its place and by
// a new folder with files written into it: each time the server sees it,
// rebuilds and serves the site again, and goes on seeing edits.
func TestRootDeletedAndMadeAgain(t *testing.T) {
	dir := newSite(t)
	s := start(t, dir)
	events := subscribe(t, s)
	if code, _ := get(t, s.URL()+"om/"); code != 200 {
		t.Fatalf("/om/ answers %d at the start", code)
	}
	waitFor := func(what string, ok func(code int, body string) bool) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			select {
			case <-events:
			case <-time.After(200 * time.Millisecond):
			}
			if code, body := get(t, s.URL()+"om/"); ok(code, body) {
				return
			}
			if time.Now().After(deadline) {
				code, body := get(t, s.URL()+"om/")
				t.Fatalf("%s: /om/ answers %d:\n%.500s", what, code, body)
			}
		}
	}
	// Moved into place, as after a clone into another folder.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	waitFor("after the root was deleted", func(code int, _ string) bool { return code == 500 })
	fresh := newSite(t)
	writeFile(t, filepath.Join(fresh, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\nDen nya roten.\n")
	if err := os.Rename(fresh, dir); err != nil {
		t.Fatal(err)
	}
	waitFor("after a new root was moved into place", func(code int, body string) bool {
		return code == 200 && sitetest.Verify(body, sitetest.In("main p", sitetest.HasText("Den nya roten."))) == nil
	})
	// Made again folder by folder, file by file.
	os.RemoveAll(dir)
	waitFor("after the root was deleted again", func(code int, _ string) bool { return code == 500 })
	for name, f := range sitetest.Parse(t, baseSite).Files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), string(f.Data))
	}
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\nSkriven på nytt.\n")
	waitFor("after the root was written again", func(code int, body string) bool {
		return code == 200 && sitetest.Verify(body, sitetest.In("main p", sitetest.HasText("Skriven på nytt."))) == nil
	})
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\nÄndrad efteråt.\n")
	waitFor("after an edit in the new root", func(code int, body string) bool {
		return code == 200 && sitetest.Verify(body, sitetest.In("main p", sitetest.HasText("Ändrad efteråt."))) == nil
	})
}

// TestBuildBegunBeforeAChangeIsNotServed: a build begins once the files
// have been quiet for Early, but one that a later change makes stale is
// never served: after two writes within Debounce, every build served shows
// the second. The second write comes 1 to 34 ms after the first, so that
// in some rounds it comes while the first one's build runs.
func TestBuildBegunBeforeAChangeIsNotServed(t *testing.T) {
	defer func(d time.Duration) { Debounce = d }(Debounce)
	Debounce = 100 * time.Millisecond // far longer than the gaps between the writes
	dir := newSite(t)
	builds := make(chan string, 16)
	var started atomic.Pointer[Server]
	s, err := Start(Options{Dir: dir, Addr: "127.0.0.1:0", Site: site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: sitetest.Today},
		Built: func(_ site.Stats, err error) {
			s := started.Load()
			if s == nil {
				return // the first build, in Start
			}
			page := string(s.live.Files()["om/index.html"])
			if err != nil {
				page = err.Error()
			}
			builds <- page
		}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	started.Store(s)
	// A round tests the rule only when both writes were made within the
	// debounce: if the machine held this goroutine longer (it happens on
	// a loaded one), a build of the first write may have ended before the
	// second was made, and was rightly served. Such a round checks only
	// that its last build has the last write, and another round is run,
	// until 16 have tested the rule.
	tested := 0
	for round := 0; tested < 16; round++ {
		if round == 64 {
			t.Fatalf("only %d of 64 rounds made both writes within the debounce (%s): the machine is too busy for this test", tested, Debounce)
		}
		gap := time.Millisecond + time.Duration(tested)*time.Millisecond/2
		began := time.Now()
		writeFile(t, filepath.Join(dir, "content/om.md"), fmt.Sprintf("---\ntitle: Om\nmenu: main\n---\nFörsta ändringen i omgång %d.\n", round))
		time.Sleep(gap)
		last := fmt.Sprintf("Andra ändringen i omgång %d.", round)
		writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\n"+last+"\n")
		took := time.Since(began)
		held := took >= Debounce
		if !held {
			tested++
		}
		// Every build served after the writes has the last; the round
		// ends when builds have been quiet for twice the debounce after at
		// least one (on a loaded machine a build can take longer than that,
		// so the first is waited for up to 10 s).
		n := 0
		var latest string
		none := time.After(10 * time.Second)
	wait:
		for {
			select {
			case page := <-builds:
				n++
				latest = page
				if !held && !strings.Contains(page, last) {
					t.Fatalf("round %d (%s between the writes, both made in %s): build %d after them serves a page without the last:\n%s", round, gap, took, n, page)
				}
			case <-time.After(2 * Debounce):
				if n > 0 {
					break wait
				}
			case <-none:
				t.Fatalf("round %d: no build after the edits", round)
			}
		}
		if !strings.Contains(latest, last) {
			t.Fatalf("round %d (the writes took %s): the last build after them serves a page without the last:\n%s", round, took, latest)
		}
	}
}
