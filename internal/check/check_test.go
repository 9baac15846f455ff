package check_test

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"

	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	. "github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// run builds the site in fsys in memory and checks it with opt.
func run(t *testing.T, fsys fs.FS, opt Options) *Report {
	t.Helper()
	r, err := site.Check(context.Background(), site.Options{Features: all.Features(), Root: fsys, Now: sitetest.Today}, opt)
	if err != nil {
		t.Fatalf("the site does not build:\n%v", err)
	}
	return r
}

// TestRules checks each site under testdata: its problems must be exactly
// the lines of its "want" file (go test -update rewrites them).
func TestRules(t *testing.T) {
	sitetest.Each(t, "testdata/*.txtar", func(t *testing.T, s *sitetest.Site) {
		if _, ok := s.Extra("want"); !ok {
			t.Fatal("the archive has no want file")
		}
		have := ""
		if err := run(t, s.Files, Options{}).Err(); err != nil {
			have = diag.Errors(err).Error()
		}
		s.Golden(t, "want", have)
	})
}

// TestExternalNeverLocal: check -external never connects to the own
// computer or network: links to a server on 127.0.0.1, by number or by a
// name that resolves there (localhost), are reported at their lines, and
// the server is never asked.
func TestExternalNeverLocal(t *testing.T) {
	var asked atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
	}))
	defer srv.Close()
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	page := fmt.Sprintf("---\ntitle: Start\n---\n- [Numret](%s/a)\n- [Namnet](http://localhost:%d/b)\n- [En annan](http://127.0.0.2:%d/c)\n", srv.URL, port, port)
	s := sitetest.Parse(t, "")
	s.Write("content/_index.md", page)
	r := run(t, s.Files, Options{External: true, Timeout: 2 * time.Second})
	if asked.Load() != 0 {
		t.Errorf("the server on 127.0.0.1 was asked %d times", asked.Load())
	}
	have := diag.Errors(r.Err()).Error()
	for _, want := range []string{
		"content/_index.md:4:3: den externa länken " + srv.URL + "/a leder till 127.0.0.1, en adress i den egna datorn eller det egna nätet, och kontrollen ansluter aldrig dit (länka till en adress som alla kan nå, eller till en sida på webbplatsen)",
		fmt.Sprintf("content/_index.md:5:3: den externa länken http://localhost:%d/b leder till ", port),
		fmt.Sprintf("content/_index.md:6:3: den externa länken http://127.0.0.2:%d/c leder till 127.0.0.2, en adress", port),
	} {
		if !strings.Contains(have, want) {
			t.Errorf("problems:\n%s\nwant a line with\n%s", have, want)
		}
	}
}

// TestPublic: the addresses the link checker refuses.
func TestPublic(t *testing.T) {
	for ip, want := range map[string]bool{
		"127.0.0.1": false, "::1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.20": false,
		"169.254.169.254": false, "fe80::1": false, "fd00:ec2::254": false, "100.100.100.200": false,
		"0.0.0.0": false, "::": false, "::ffff:127.0.0.1": false, "::ffff:169.254.169.254": false,
		"224.0.0.1": false, "255.255.255.255": false,
		"93.184.216.34": true, "2a00:1450:4001::1": true,
	} {
		if have := Public(netip.MustParseAddr(ip)); have != want {
			t.Errorf("Public(%s) = %v, want %v", ip, have, want)
		}
	}
}

// TestExternal asks a local server: each address once, at most four at a
// time, HEAD then GET, and every kind of failure reported at its line.
func TestExternal(t *testing.T) {
	AllowLocal(t)
	var (
		mu             sync.Mutex
		asked          = map[string]int{}
		inFlight, most atomic.Int32
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		mu.Lock()
		asked[r.Method+" "+r.URL.Path]++
		mu.Unlock()
		switch {
		case strings.HasPrefix(r.URL.Path, "/ok"):
			time.Sleep(20 * time.Millisecond)
		case r.URL.Path == "/bara-get" && r.Method == http.MethodHead:
			w.WriteHeader(http.StatusMethodNotAllowed)
		case r.URL.Path == "/bara-get":
		case r.URL.Path == "/trasig":
			w.WriteHeader(http.StatusInternalServerError)
		case r.URL.Path == "/seg":
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	// A port nobody listens on: connection refused.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/"
	l.Close()

	var page strings.Builder
	page.WriteString("---\ntitle: Start\n---\n")
	for i := range 8 {
		fmt.Fprintf(&page, "- [Sida %d](%s/ok%d)\n", i, srv.URL, i)
	}
	fmt.Fprintf(&page, "- [Samma sida igen](%s/ok0#del)\n", srv.URL)
	fmt.Fprintf(&page, "- [Bara GET](%s/bara-get)\n", srv.URL)
	fmt.Fprintf(&page, "- [Borta](%s/borta)\n", srv.URL)
	fmt.Fprintf(&page, "- [Trasig](%s/trasig)\n", srv.URL)
	fmt.Fprintf(&page, "- [Seg](%s/seg)\n", srv.URL)
	fmt.Fprintf(&page, "- [Stängd](%s)\n", closed)
	s := sitetest.Parse(t, "")
	s.Write("content/_index.md", page.String())
	r := run(t, s.Files, Options{External: true, Timeout: 500 * time.Millisecond})
	sum, err := r.Summary, r.Err()
	want := strings.Join([]string{
		"content/_index.md:14:3: den externa länken " + srv.URL + "/borta svarar 404 (sidan finns inte) (sidan kan ha flyttat: leta upp dess nya adress, eller ta bort länken)",
		"content/_index.md:15:3: den externa länken " + srv.URL + "/trasig svarar 500 (fel hos webbplatsen)",
		"content/_index.md:16:3: den externa länken " + srv.URL + "/seg fungerar inte: inget svar inom 500 ms (öppna adressen i en webbläsare; har webbplatsen flyttat eller stängt, länka till en annan)",
		"content/_index.md:17:3: den externa länken " + closed + " fungerar inte: servern tar inte emot anslutningen (öppna adressen i en webbläsare; har webbplatsen flyttat eller stängt, länka till en annan)",
	}, "\n")
	if err == nil {
		t.Fatal("no problems")
	}
	if d := cmp.Diff(want, diag.Errors(err).Error()); d != "" {
		t.Errorf("problems (-want +have):\n%s", d)
	}
	// With -lang en, the same problems in English.
	if have, want := diag.Errors(err).In(msg.EN), "content/_index.md:16:3: the external link "+srv.URL+"/seg does not work: no answer within 500 ms (check the address in a browser; if the site has moved or closed, link to another)"; !strings.Contains(have, want) {
		t.Errorf("in English:\n%s\nwant a line\n%s", have, want)
	}
	if sum.External != 13 {
		t.Errorf("asked %d addresses, want 13", sum.External)
	}
	// The handler of /seg may still be running: read asked under mu.
	mu.Lock()
	defer mu.Unlock()
	for _, k := range []string{"HEAD /ok0", "HEAD /bara-get", "GET /bara-get", "HEAD /borta", "GET /borta"} {
		if asked[k] != 1 {
			t.Errorf("%s asked %d times, want once", k, asked[k])
		}
	}
	if asked["GET /ok0"] != 0 {
		t.Errorf("GET /ok0 asked after a good HEAD")
	}
	if m := most.Load(); m > 4 {
		t.Errorf("%d requests at once, want at most 4", m)
	}
}
