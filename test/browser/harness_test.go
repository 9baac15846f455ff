// Package browser is the quality gate: it builds the sample site, serves it
// on 127.0.0.1 the way Netlify would (with the headers of public/_headers),
// and checks it in real headless Chromium with axe-core, with the Nu Html
// Checker, and with keyboard and privacy journeys.
//
// The gate needs Debian's chromium, Java and the npm packages of this
// folder. Without them the tests skip with a message saying how to install
// them, except under CI (CI set), where a missing tool fails the run.
package browser

import (
	"context"
	"encoding/xml"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hbtq/internal/site"
)

const installHint = "apt-get install -y chromium default-jre-headless && (cd test/browser && npm ci)"

var now = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// tools reports what is missing to run the gate.
func tools() (chromium string, missing []string) {
	chromium = os.Getenv("CHROMIUM")
	if chromium == "" {
		for _, c := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(c); err == nil {
				chromium = p
				break
			}
		}
	}
	if chromium == "" {
		missing = append(missing, "chromium")
	}
	if _, err := exec.LookPath("java"); err != nil {
		missing = append(missing, "java")
	}
	for _, f := range []string{axePath, vnuPath} {
		if _, err := os.Stat(f); err != nil {
			missing = append(missing, f)
		}
	}
	return chromium, missing
}

const (
	axePath = "node_modules/axe-core/axe.min.js"
	vnuPath = "node_modules/vnu-jar/build/dist/vnu.jar"
)

// need skips the test, or fails it under CI, when a tool is missing.
func need(t *testing.T) string {
	t.Helper()
	chromium, missing := tools()
	if len(missing) > 0 {
		msg := fmt.Sprintf("the browser gate needs %s; install with: %s", strings.Join(missing, ", "), installHint)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return chromium
}

// A served site.
type served struct {
	dir  string // the built public folder
	url  string // http://127.0.0.1:port
	urls []string
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
		if _, err := site.Build(context.Background(), site.Options{Root: os.DirFS("../.."), Out: out, Now: now}); err != nil {
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

// serve serves dir on 127.0.0.1 like Netlify: index.html for folders, the
// site's 404.html, and the headers of _headers.
func serve(dir string) (*served, error) {
	headers, err := readHeaders(filepath.Join(dir, "_headers"))
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &served{dir: dir, url: "http://" + ln.Addr().String()}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, rule := range headers {
			if rule.matches(r.URL.Path) {
				for _, kv := range rule.headers {
					w.Header().Set(kv[0], kv[1])
				}
			}
		}
		p := path.Clean("/" + r.URL.Path)
		name := filepath.Join(dir, filepath.FromSlash(p))
		if info, err := os.Stat(name); err == nil && info.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			name = filepath.Join(name, "index.html")
		}
		if _, err := os.Stat(name); err != nil {
			data, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(data)
			return
		}
		http.ServeFile(w, r, name)
	})
	go http.Serve(ln, h)
	s.urls, err = sitemapURLs(dir, s.url)
	return s, err
}

type headerRule struct {
	pattern string
	headers [][2]string
}

func (h headerRule) matches(p string) bool {
	if strings.HasSuffix(h.pattern, "*") {
		return strings.HasPrefix(p, strings.TrimSuffix(h.pattern, "*"))
	}
	return p == h.pattern
}

// readHeaders reads a Netlify _headers file.
func readHeaders(file string) ([]headerRule, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("the build wrote no _headers: %v", err)
	}
	var rules []headerRule
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#"):
		case !strings.HasPrefix(line, " "):
			rules = append(rules, headerRule{pattern: strings.TrimSpace(line)})
		default:
			k, v, _ := strings.Cut(strings.TrimSpace(line), ":")
			rules[len(rules)-1].headers = append(rules[len(rules)-1].headers, [2]string{k, strings.TrimSpace(v)})
		}
	}
	return rules, nil
}

// sitemapURLs returns every page of sitemap.xml, on the test server.
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
		return nil, err
	}
	var out []string
	for _, u := range sm.URLs {
		i := strings.Index(u.Loc, "://")
		j := strings.Index(u.Loc[i+3:], "/")
		out = append(out, base+u.Loc[i+3+j:])
	}
	return out, nil
}

var (
	allocOnce   sync.Once
	allocCtx    context.Context // the browser; tabs are made from it
	allocCancel context.CancelFunc
	allocErr    error
)

// browser returns a new tab in the shared headless Chromium, at width w.
func browser(t *testing.T, width int) context.Context {
	t.Helper()
	chromium := need(t)
	allocOnce.Do(func() {
		dir, _ := os.MkdirTemp("", "hbtq-chromium-")
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(chromium),
			chromedp.Flag("headless", true),
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.Flag("disable-quic", true),
			chromedp.NoFirstRun,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.UserDataDir(dir),
		)
		actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, bcancel := chromedp.NewContext(actx)
		allocCtx = bctx
		allocCancel = func() { bcancel(); acancel() }
		allocErr = chromedp.Do(bctx) // start the browser
	})
	if allocErr != nil {
		t.Fatalf("chromium does not start: %v", allocErr)
	}
	ctx, cancel := chromedp.NewContext(allocCtx)
	ctx, cancel2 := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancel2(); cancel() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 900)); err != nil {
		t.Fatal(err)
	}
	return ctx
}

func TestMain(m *testing.M) {
	code := m.Run()
	if allocCancel != nil {
		allocCancel()
	}
	if sample != nil {
		os.RemoveAll(filepath.Dir(sample.dir))
	}
	os.Exit(code)
}
