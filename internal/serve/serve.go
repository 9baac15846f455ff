// Package serve is the dev server: it builds the site into memory, serves
// it on a local address, watches the site's files and rebuilds when they
// change, and tells the browser to reload.
//
// # Watching
//
// The server watches content/, layouts/ and static/ with all their
// sub-folders (folders created later are watched as they appear) and the
// settings file site.yaml. Events are gathered until the files have been
// quiet for a moment (Debounce), then one rebuild covers them all. So that
// the wait costs no time, the rebuild begins once the files have been
// quiet for a shorter moment (Early) and is served after Debounce only
// when no event came after it began; otherwise it is dropped and the
// files are built again. Chmod
// events and editors' temporary files (foo~, .foo.swp, 4913, #foo#, .#foo,
// *.tmp, files starting with a dot) are ignored. An editor that saves by
// writing a new file and renaming it over the old one is handled like any
// other change.
//
// Every change rebuilds the whole site (see site.Live): what is served is
// always what a build of the files on disk gives, or its problems. The
// files served are replaced only when a build succeeds. A build is cheap
// where little changed: it takes from the last build every page whose
// inputs are the same (its file, its layout, what its layout sees), so a
// title edit renders the pages that show the title.
//
// # Images
//
// Scaling a large photo takes seconds. A page shows at once: until the
// smaller copies of a new image are made, the original is served in their
// place, and they are made in the background; the pages then reload. A
// copy made once is kept in memory (and in the build's cache folder).
// What is served is then byte for byte what the build publishes.
//
// # Reloading
//
// Every HTML page the dev server sends gets one extra element before
// </body>: <script type="module" src="/_dev/reload.js">. The script is a
// file, not inline, so it works under the site's Content-Security-Policy,
// which the dev server sends like the published site. It listens to
// /_dev/events, a stream of Server-Sent Events, and reloads the page on
// "reload". Nothing of this is ever written to public/.
//
// # Errors
//
// While the last build failed (a file that cannot be read, a broken
// layout: anything that stops the whole site), every page request is
// answered with an error page (status 500) that lists each problem as
// path:line:col: message with the source lines around it. The next good
// build clears it and reloads the browser.
//
// A problem of one page (its Markdown: an image without alt text or that
// is not there, raw HTML; its card image; a key its layout does not show)
// and a problem that the content rules find (package check: a dead link, a
// heading that skips a level, a document link without type and size, …)
// stop go run ./cmd/build but not the dev server: the site is served, and
// each page with such a problem shows a panel at its top, a region headed
// "Att rätta på den här sidan" that lists each problem at file:line:col
// with its hint and the source line. The panel's style is the file
// /_dev/problems.css (no inline style or script, so the site's
// Content-Security-Policy holds), and like the reload script it is never
// written to public/.
//
// # Serving
//
// The server answers only requests whose Host is localhost or the address
// it listens on (with any port): a page of another site cannot read it
// through a name of its own that resolves to 127.0.0.1 (DNS rebinding).
// When it listens on every address (-bind 0.0.0.0), any address written as
// numbers is answered too, so a phone on the same network can open it; a
// rebinding page always comes with a name. Other hosts get 421. A client
// has ReadHeaderTimeout to send its request's header, and an idle
// connection is closed after IdleTimeout; the event stream is not limited.
//
// The build's _headers and _redirects apply as on Netlify (package netlify):
// each address gets the headers the build gives it (the editing tool's policy
// at /admin/), with Cache-Control: no-store, and a redirect rule applies
// where no file shadows it. _headers and _redirects themselves are not
// served.
//
// Only the built site is served, from memory: a path with a .. segment
// (also percent-encoded) or a NUL is refused with 400; a folder serves its
// index.html; a folder without its slash is redirected to it; anything else
// gets the site's own 404.html with status 404.
package serve

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/netlify"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/site"
)

// Debounce is how long the files must be quiet before a rebuild is
// served (see Early). A variable, so tests can lengthen it.
var Debounce = 15 * time.Millisecond

// Watched are the folders and files of the site root that are watched.
var Watched = []string{"content", "layouts", "static", settings.File}

// The server's timeouts. Variables, so tests can shorten them.
var (
	ReadHeaderTimeout = 10 * time.Second // to send a request's header (and body)
	WriteTimeout      = 30 * time.Second // to receive a response (not the event stream)
	IdleTimeout       = 60 * time.Second // between requests on a kept-alive connection
)

// hostSet is the Host names the server answers.
type hostSet struct {
	names map[string]bool
	anyIP bool // listening on every address: any IP literal
}

// allowedHosts returns the hosts a server listening on addr answers.
func allowedHosts(addr net.Addr) hostSet {
	h := hostSet{names: map[string]bool{"localhost": true}}
	if a, ok := addr.(*net.TCPAddr); ok {
		h.names[a.IP.String()] = true
		h.anyIP = a.IP.IsUnspecified()
	}
	return h
}

// allows reports whether a request with the Host header host is answered.
func (h hostSet) allows(host string) bool {
	name := host
	if hn, _, err := net.SplitHostPort(host); err == nil {
		name = hn
	}
	name = strings.TrimSuffix(strings.TrimPrefix(name, "["), "]")
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if h.names[name] {
		return true
	}
	ip := net.ParseIP(name)
	return ip != nil && (h.anyIP || h.names[ip.String()])
}

// Server is a running dev server.
type Server struct {
	dir  string   // the site root on disk
	lang msg.Lang // the language of messages
	live *site.Live
	log  *log.Logger

	mu      sync.Mutex
	failure error                // the last build's problems, nil when it succeeded
	clients map[chan string]bool // SSE subscribers
	version int                  // counts successful and failed builds

	watcher *fsnotify.Watcher
	hosts   hostSet
	http    *http.Server
	ln      net.Listener
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	built   func(st site.Stats, err error)

	notes       string        // the notes last printed
	rules       *netlifyRules // the last build's _headers and _redirects (guarded by mu)
	stopImages  func()        // stops the copies of images being made; the loop's
	imagesDone  chan struct{} // closed when they are made (guarded by mu)
	imagesMade  func(error)
	imagesFirst bool
}

// Options configure a Server.
type Options struct {
	Dir  string       // the site root on disk
	Addr string       // host:port to listen on, like 127.0.0.1:1313
	Site site.Options // Root and the build settings; Out is not used
	Log  io.Writer    // where to log builds; nil for none
	Lang msg.Lang     // the language of messages and pages: msg.SV unless asked

	// Built, when set, is called after every build with its outcome, from
	// the goroutine that builds; tests use it.
	Built func(st site.Stats, err error)
	// ImagesMade, when set, is called when the smaller copies of images
	// that a build left for later are made and served (see site.Live), or
	// could not be made; tests and benchmarks use it.
	ImagesMade func(err error)
	// ImagesFirst makes the copies of images before the pages are served
	// and reloaded, as the dev server did before it made them in the
	// background: only for comparing the two (bench/reload -photo).
	ImagesFirst bool
}

// Start builds the site, starts watching and serving, and returns. The
// first build may fail: the error page is then served until it is fixed.
func Start(opt Options) (*Server, error) {
	s := &Server{
		dir:         opt.Dir,
		lang:        opt.Lang,
		live:        site.NewLive(opt.Site),
		clients:     map[chan string]bool{},
		log:         log.New(io.Discard, "", 0),
		built:       opt.Built,
		imagesMade:  opt.ImagesMade,
		imagesFirst: opt.ImagesFirst,
	}
	if opt.Log != nil {
		s.log = log.New(opt.Log, "", log.Ltime)
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	s.watcher = w
	s.watchRoot()
	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		w.Close()
		return nil, err
	}
	s.ln = ln
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.build(ctx)
	s.hosts = allowedHosts(ln.Addr())
	s.http = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadHeaderTimeout,
		WriteTimeout:      WriteTimeout, // lifted for the event stream
		IdleTimeout:       IdleTimeout,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	s.wg.Add(2)
	go func() {
		defer s.wg.Done()
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Print(ServeLogServer.With(err).In(s.lang))
		}
	}()
	go func() {
		defer s.wg.Done()
		s.loop(ctx)
	}()
	return s, nil
}

// URL returns the address the server listens on, like http://127.0.0.1:1313/.
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() + "/" }

// Close stops watching and serving and waits until every goroutine of the
// server has returned.
func (s *Server) Close() error {
	s.cancel()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.http.Shutdown(ctx)
	s.watcher.Close()
	s.wg.Wait()
	return err
}

// watchRoot watches the site root, what of it makes the site, and the
// folder the root is in: a root that is deleted and made again (rm -rf and
// git clone, or a folder moved into its place) is seen and watched again.
func (s *Server) watchRoot() {
	if abs, err := filepath.Abs(s.dir); err == nil {
		s.watcher.Add(filepath.Dir(abs))
	}
	s.watcher.Add(s.dir)
	for _, p := range Watched {
		s.watch(filepath.Join(s.dir, p))
	}
}

// isRoot reports whether the event's path is the site root itself.
func (s *Server) isRoot(name string) bool {
	a, err1 := filepath.Abs(name)
	b, err2 := filepath.Abs(s.dir)
	return err1 == nil && err2 == nil && a == b
}

// watch adds dir and every folder below it to the watcher. A missing path
// is skipped; a file (site.yaml) is watched through its folder.
func (s *Server) watch(p string) {
	info, err := os.Stat(p)
	if err != nil {
		return
	}
	if !info.IsDir() {
		s.watcher.Add(filepath.Dir(p))
		return
	}
	filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && q != p {
				return filepath.SkipDir
			}
			s.watcher.Add(q)
		}
		return nil
	})
}

// ignored reports whether an event on name is noise: editors' temporary
// and swap files, hidden files.
func ignored(name string) bool {
	base := filepath.Base(name)
	switch {
	case base == "4913", strings.HasPrefix(base, "."), strings.HasSuffix(base, "~"),
		strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"),
		strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swx"), strings.HasSuffix(base, ".tmp"),
		strings.HasSuffix(base, ".part"), strings.HasSuffix(base, ".crdownload"):
		return true
	}
	return false
}

// relevant reports whether a path (relative to the root) is part of the site.
func relevant(rel string) bool {
	if rel == settings.File {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	for _, w := range Watched {
		if top == w {
			return true
		}
	}
	return false
}

// loop owns the watcher's state: it gathers events, builds when the files
// have been quiet for Early, and serves the build once they have been
// quiet for Debounce, when no event came after the build began;
// otherwise it drops the build and builds again.
func (s *Server) loop(ctx context.Context) {
	early := time.NewTimer(time.Hour)
	early.Stop()
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	var (
		seq       int                // counts the events that concern the site
		dirty     bool               // an event came after the last build began
		earlyDone = true             // Early has passed since the last event
		quietDone = true             // Debounce has passed since the last event
		stop      context.CancelFunc // stops the build running; nil when none runs
		ready     *prepared          // a build no event came after, waiting for quiet
	)
	results := make(chan *prepared, 1)
	start := func() {
		dirty = false
		if s.stopImages != nil {
			s.stopImages() // what it made is kept for this build
		}
		bctx, cancel := context.WithCancel(ctx)
		stop = cancel
		at := seq
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			p, err := s.live.Prepare(bctx)
			results <- &prepared{p, err, at}
		}()
	}
	changed := func() {
		seq++
		dirty, earlyDone, quietDone, ready = true, false, false, nil
		early.Reset(Early)
		quiet.Reset(Debounce)
		if stop != nil {
			stop() // it may have read the files before this change
		}
	}
	for {
		select {
		case <-ctx.Done():
			early.Stop()
			quiet.Stop()
			if stop != nil {
				stop()
			}
			return
		case ev, ok := <-s.watcher.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod || ignored(ev.Name) {
				continue
			}
			if s.isRoot(ev.Name) {
				// The root itself was removed or made again: watch what
				// is there now and rebuild everything.
				s.watchRoot()
				changed()
				continue
			}
			rel, err := filepath.Rel(s.dir, ev.Name)
			if err != nil {
				continue
			}
			rel = filepath.ToSlash(rel)
			if !relevant(rel) {
				continue
			}
			if ev.Op.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					s.watch(ev.Name) // files written into it before are in the next build
				}
			}
			changed()
		case err, ok := <-s.watcher.Errors:
			if !ok {
				return
			}
			s.log.Print(ServeLogWatch.With(err).In(s.lang))
		case <-early.C:
			earlyDone = true
			if stop == nil && dirty {
				start()
			}
		case <-quiet.C:
			quietDone = true
			switch {
			case ready != nil:
				s.finish(ctx, ready)
				ready = nil
			case stop == nil && dirty:
				start()
			}
		case r := <-results:
			stop()
			stop = nil
			switch {
			case r.seq != seq:
				// A file changed after it began: dropped (what it made
				// for the next build is kept, see site.Live.Prepare).
				if earlyDone && dirty {
					start()
				}
			case quietDone:
				s.finish(ctx, r)
			default:
				ready = r
			}
		}
	}
}

// Early is how long the files must be quiet before a build begins. The
// build is served only once they have been quiet for Debounce and nothing
// changed after it began (see loop): it runs while the server waits for
// quiet, and an editor's save in several writes is still served as one
// build of all of them.
const Early = time.Millisecond

// prepared is a build the loop made, with the count of events when it
// began.
type prepared struct {
	p   *site.Prepared
	err error
	seq int
}

// build builds the site and serves it: the first build, in Start.
func (s *Server) build(ctx context.Context) {
	p, err := s.live.Prepare(ctx)
	s.finish(ctx, &prepared{p, err, 0})
}

// finish serves a build, or its problems, and tells the browsers.
func (s *Server) finish(ctx context.Context, r *prepared) {
	var st site.Stats
	err := r.err
	if err == nil {
		st = r.p.Publish()
		if s.imagesFirst {
			_, err = s.live.MakeImages(ctx)
		}
	}
	if ctx.Err() != nil {
		return
	}
	s.mu.Lock()
	s.failure = err
	s.version++
	s.mu.Unlock()
	if err == nil && s.live.ImagesLeft() > 0 {
		s.makeImages(ctx)
	}
	s.report(st, err)
	if s.built != nil {
		s.built(st, err)
	}
	s.broadcast("reload")
}

func (s *Server) broadcast(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- msg:
		default: // a slow client gets the next one
		}
	}
}

//go:embed reload.js
var reloadJS []byte

//go:embed error.css
var errorCSS []byte

//go:embed problems.css
var problemsCSS []byte

// faviconSVG is the error page's icon, so that the browser does not ask
// for /favicon.ico, which the error page would answer.
//
//go:embed favicon.svg
var faviconSVG []byte

// ServeHTTP serves the site, the reload script and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, kv := range site.SecurityHeaders {
		w.Header().Set(kv[0], kv[1])
	}
	w.Header().Set("Cache-Control", "no-store")
	if !s.hosts.allows(r.Host) {
		http.Error(w, ServeHost.With(s.ln.Addr().String(), r.Host).In(s.lang), http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, ServeMethod.With().In(s.lang), http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case "/_dev/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(reloadJS)
		return
	case "/_dev/error.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Write(errorCSS)
		return
	case "/_dev/favicon.svg":
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Write(faviconSVG)
		return
	case "/_dev/problems.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Write(problemsCSS)
		return
	case "/_dev/events":
		s.events(w, r)
		return
	}
	p, ok := cleanPath(r.URL)
	if !ok {
		http.Error(w, ServeBadPath.With().In(s.lang), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	failure := s.failure
	s.mu.Unlock()
	files := s.live.Files()
	if failure != nil {
		s.errorPage(w, failure)
		return
	}
	rules := s.netlifyRules(files)
	if rules.headers != nil {
		// The build's _headers decide, as on Netlify: the /admin/* policy
		// replaces the site's. Only the cache is the dev server's own.
		for _, kv := range site.SecurityHeaders {
			w.Header().Del(kv[0])
		}
		for _, kv := range rules.headers.For("/" + p) {
			w.Header().Set(kv[0], kv[1])
		}
		w.Header().Set("Cache-Control", "no-store")
	}
	name := p
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if name == "_headers" || name == "_redirects" {
		name = "\x00" // Netlify reads them; it does not publish them
	}
	data, found := files[name]
	status := http.StatusOK
	if rd, to, ok := rules.redirects.Find("/"+p, found); ok {
		switch {
		case rd.Status >= 300 && rd.Status < 400:
			http.Redirect(w, r, to, rd.Status)
			return
		default: // 200: a rewrite; 404: a page of its own for the address
			target := strings.TrimPrefix(to, "/")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if d, ok := files[target]; ok {
				name, data, found, status = target, d, true, rd.Status
			}
		}
	}
	if !found && path.Ext(p) == "" {
		if _, dir := files[p+"/index.html"]; dir {
			u := *r.URL
			u.Path = "/" + p + "/"
			http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
			return
		}
	}
	if !found {
		name, status = "404.html", http.StatusNotFound
		if data, found = files[name]; !found {
			http.Error(w, ServeNotFound.With().In(s.lang), http.StatusNotFound)
			return
		}
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	if strings.HasPrefix(ct, "text/html") {
		data = s.injectProblems(data, pageURL(name))
		data = injectReload(data)
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// cleanPath returns the site path of u without its leading slash, or false
// when it tries to leave the site.
func cleanPath(u *url.URL) (string, bool) {
	raw := u.EscapedPath()
	dec := u.Path
	for _, s := range []string{raw, dec, strings.ReplaceAll(raw, "%2f", "/"), strings.ReplaceAll(raw, "%2F", "/")} {
		if strings.Contains(s, "\x00") || strings.Contains(s, "\\") {
			return "", false
		}
		for _, seg := range strings.Split(s, "/") {
			if seg == ".." || strings.EqualFold(seg, "%2e%2e") || strings.EqualFold(seg, ".%2e") || strings.EqualFold(seg, "%2e.") {
				return "", false
			}
		}
	}
	if !strings.HasPrefix(dec, "/") {
		return "", false
	}
	return dec[1:], true
}

var bodyEnd = []byte("</body>")

func injectReload(page []byte) []byte {
	tag := []byte(`<script type="module" src="/_dev/reload.js"></script>`)
	i := bytes.LastIndex(page, bodyEnd)
	if i < 0 {
		return append(append([]byte{}, page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// events streams Server-Sent Events to one browser until it goes away or
// the server closes.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, ServeNoStream.With().In(s.lang), http.StatusInternalServerError)
		return
	}
	// The stream lasts as long as the page is open.
	http.NewResponseController(w).SetWriteDeadline(time.Time{})
	http.NewResponseController(w).SetReadDeadline(time.Time{})
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Connection", "keep-alive")
	c := make(chan string, 1)
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	fmt.Fprintf(w, "retry: 500\n: connected\n\n")
	fl.Flush()
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ping.C:
			fmt.Fprintf(w, ": ping\n\n")
			fl.Flush()
		case msg := <-c:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", msg, msg)
			fl.Flush()
		}
	}
}

// errorTmpl is the error page, parsed when first asked (not at every
// start of the build command).
var errorTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title><link rel="stylesheet" href="/_dev/error.css"><link rel="icon" href="/_dev/favicon.svg" type="image/svg+xml"></head>
<body><main>
<h1>{{.Title}}</h1>
<p>{{.Intro}}</p>
<ol>
{{range .Items}}<li>
<p class="pos">{{.Pos}}</p>
<p class="msg">{{.Msg}}</p>
{{with .Hint}}<p class="hint">{{.}}</p>{{end}}
{{with .Lines}}<pre>{{range .}}<span class="{{if .Here}}here{{end}}"><span class="n">{{.N}}</span> {{.Text}}</span>
{{end}}</pre>{{end}}
{{range .More}}<p class="msg">{{.}}</p>
{{end}}</li>
{{end}}</ol>
</main>
<script type="module" src="/_dev/reload.js"></script>
</body></html>
`))
})

type errorLine struct {
	N    int
	Text string
	Here bool
}

type errorItem struct {
	Pos, Msg, Hint string
	Lines          []errorLine
	More           []string // how many problems after it are not shown (diag.Shown)
}

// item is one problem as a page lists it, its message and hint cut to
// diag.MaxMessage characters.
func (s *Server) item(e *diag.Error) errorItem {
	clip := func(t string) string { return diag.Clip(diag.Escape(t), diag.MaxMessage) }
	return errorItem{Pos: clip(e.Pos()), Msg: clip(e.Msg.In(s.lang)), Hint: clip(e.Hint.In(s.lang))}
}

func (s *Server) errorPage(w http.ResponseWriter, failure error) {
	src := site.Source(os.DirFS(s.dir))
	var items []errorItem
	all := diag.Errors(failure)
	for _, sh := range diag.Shown(all) {
		e := sh.Err
		it := s.item(e)
		for n := e.Line - 2; n <= e.Line+2; n++ {
			col := 0
			if n == e.Line {
				col = e.Col
			}
			if line, ok := diag.LineAt(src, e.Path, n, col); ok {
				it.Lines = append(it.Lines, errorLine{N: n, Text: line, Here: n == e.Line})
			}
		}
		for _, m := range sh.More {
			it.More = append(it.More, m.In(s.lang))
		}
		items = append(items, it)
	}
	var buf bytes.Buffer
	page := struct {
		Lang, Title, Intro string
		Items              []errorItem
	}{s.lang.String(), ServeFailed.With().In(s.lang), ServeToFix.With(len(all)).In(s.lang), items}
	if err := errorTmpl().Execute(&buf, page); err != nil {
		http.Error(w, msg.Text(failure, s.lang), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(buf.Bytes())
}

// pageURL returns the address of the page in the published HTML file
// name: om/index.html → /om/; 404.html → "" (the not-found page).
func pageURL(name string) string {
	if name == "404.html" {
		return ""
	}
	if name == "index.html" || strings.HasSuffix(name, "/index.html") {
		return "/" + strings.TrimSuffix(name, "index.html")
	}
	return "/" + name
}

// problemsTmpl is the panel; its words are messages of the catalog, in the
// server's language (marked with lang, since the page may be in another),
// parsed when first asked.
var problemsTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("problems").Parse(`<section class="dev-problems" aria-labelledby="dev-problems-rubrik" lang="{{.Lang}}">
<h2 id="dev-problems-rubrik">{{.Title}}</h2>
{{with .Intro}}<p>{{.}}</p>
{{end}}{{with .Items}}<ol>
{{range .}}<li>
<p class="dev-problems__pos"><code>{{.Pos}}</code></p>
<p class="dev-problems__msg">{{.Msg}}</p>
{{with .Hint}}<p class="dev-problems__hint">{{.}}</p>{{end}}
{{with .Lines}}<pre>{{range .}}<span class="dev-problems__n">{{.N}}</span> {{.Text}}
{{end}}</pre>{{end}}
{{range .More}}<p class="dev-problems__msg">{{.}}</p>
{{end}}</li>
{{end}}</ol>
{{end}}{{with .Notes}}{{if $.Items}}<h3>{{$.NotesTitle}}</h3>
{{end}}<ul>
{{range .}}<li><p class="dev-problems__msg">{{.}}</p></li>
{{end}}</ul>
{{end}}</section>
`))
})

// injectProblems adds, to the page at address url, the panel that lists
// the content rules' problems seen on it, right after <body>, and its
// style sheet before </head>. A page without problems is returned as it is.
func (s *Server) injectProblems(page []byte, url string) []byte {
	probs := s.live.Problems()[url]
	var notes []string
	for _, n := range s.live.Notes()[url] {
		notes = append(notes, diag.Escape(n.In(s.lang)))
	}
	if len(probs) == 0 && len(notes) == 0 {
		return page
	}
	src := site.Source(os.DirFS(s.dir))
	var items []errorItem
	for _, sh := range diag.Shown(probs) {
		e := sh.Err
		it := s.item(e)
		if line, ok := diag.LineAt(src, e.Path, e.Line, e.Col); ok {
			it.Lines = append(it.Lines, errorLine{N: e.Line, Text: line, Here: true})
		}
		for _, m := range sh.More {
			it.More = append(it.More, m.In(s.lang))
		}
		items = append(items, it)
	}
	var panel bytes.Buffer
	for i := range items {
		if items[i].Hint != "" {
			items[i].Hint = ServePanelHint.With(items[i].Hint).In(s.lang)
		}
	}
	data := struct {
		Lang, Title string
		Intro       template.HTML
		Items       []errorItem
		NotesTitle  string
		Notes       []string
	}{
		Lang: s.lang.String(), Title: ServePanelNotes.With().In(s.lang),
		Items: items, NotesTitle: ServePanelNotes.With().In(s.lang), Notes: notes,
	}
	if len(probs) > 0 {
		data.Title = ServePanelTitle.With().In(s.lang)
		data.Intro = template.HTML(ServePanelIntro.With(len(probs), "<code>go run ./cmd/build</code>").In(s.lang))
	}
	if err := problemsTmpl().Execute(&panel, data); err != nil {
		return page
	}
	css := []byte(`<link rel="stylesheet" href="/_dev/problems.css">`)
	i := bytes.Index(page, []byte("</head>"))
	j := bytes.Index(page, []byte("<body"))
	if i < 0 || j < i {
		return page
	}
	k := bytes.IndexByte(page[j:], '>')
	if k < 0 {
		return page
	}
	k += j + 1
	out := make([]byte, 0, len(page)+len(css)+panel.Len())
	out = append(out, page[:i]...)
	out = append(out, css...)
	out = append(out, page[i:k]...)
	out = append(out, panel.Bytes()...)
	return append(out, page[k:]...)
}

// makeImages makes the smaller copies of the images the last build left in
// the background (see site.Live), then reloads the pages. The loop
// stops it when the next build starts.
func (s *Server) makeImages(ctx context.Context) {
	ictx, cancel := context.WithCancel(ctx)
	s.stopImages = cancel
	done := make(chan struct{})
	s.mu.Lock()
	s.imagesDone = done
	version := s.version
	s.mu.Unlock()
	n := s.live.ImagesLeft()
	start := time.Now()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer close(done)
		changed, err := s.live.MakeImages(ictx)
		s.mu.Lock()
		if ictx.Err() != nil || s.version != version {
			s.mu.Unlock()
			return
		}
		if err != nil {
			s.failure = err
			s.version++
		}
		s.mu.Unlock()
		switch {
		case err != nil:
			s.log.Print(ServeLogFailed.With(msg.Problems.With(len(diag.Errors(err)))).In(s.lang))
		case changed:
			s.log.Print(ServeLogImages.With(n, msg.Duration(time.Since(start))).In(s.lang))
		default:
			return
		}
		if s.imagesMade != nil {
			s.imagesMade(err)
		}
		s.broadcast("reload")
	}()
}

// waitImages waits until the copies of images the last build left are
// made (or given up).
func (s *Server) waitImages() {
	s.mu.Lock()
	done := s.imagesDone
	s.mu.Unlock()
	if done != nil {
		<-done
	}
}

// report prints the outcome of a build in the terminal: every problem as
// path:line:col: message with its line and hint, like check does, then a
// line that sums it up, and the build's notes when they changed.
func (s *Server) report(st site.Stats, err error) {
	src := site.Source(os.DirFS(s.dir))
	w := s.log.Writer()
	if err != nil {
		diag.FormatLang(w, err, src, s.lang)
		s.log.Print(ServeLogFailed.With(msg.Problems.With(len(diag.Errors(err)))).In(s.lang))
		return
	}
	s.log.Print(st.Summary().In(s.lang))
	if all := s.live.AllProblems(); len(all) > 0 {
		diag.FormatLang(w, all.Err(), src, s.lang)
		s.log.Print(ServeLogContent.With(msg.Problems.With(len(all)), msg.Pages.With(len(s.live.Problems()))).In(s.lang))
	}
	var notes strings.Builder
	for _, n := range st.Notes {
		notes.WriteString(diag.Escape(n.In(s.lang)) + "\n")
	}
	if notes.String() != s.notes {
		s.notes = notes.String()
		io.WriteString(w, s.notes)
	}
}

// netlifyRules are the build's _headers and _redirects, read.
type netlifyRules struct {
	raw       string // the two files as read, to know when they change
	headers   netlify.Headers
	redirects netlify.Redirects
}

// netlifyRules returns the rules of _headers and _redirects in files, read
// once for each new text. A file that cannot be read (the build writes
// them, so never) counts as missing: the site's policy is sent.
func (s *Server) netlifyRules(files map[string][]byte) *netlifyRules {
	raw := string(files["_headers"]) + "\x00" + string(files["_redirects"])
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rules != nil && s.rules.raw == raw {
		return s.rules
	}
	nr := &netlifyRules{raw: raw}
	if h, ok := files["_headers"]; ok {
		if rules, err := netlify.ParseHeaders(string(h)); err == nil {
			nr.headers = rules
		}
	}
	if rd, ok := files["_redirects"]; ok {
		if rules, err := netlify.ParseRedirects(string(rd)); err == nil {
			nr.redirects = rules
		}
	}
	s.rules = nr
	return nr
}
