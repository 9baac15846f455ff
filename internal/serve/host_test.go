package serve

import (
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHostCheck: a page of another site that makes its own name resolve to
// 127.0.0.1 (DNS rebinding) sends its name as Host; the server answers it
// with 421 and nothing of the site (the error page shows registry lines).
func TestHostCheck(t *testing.T) {
	s := start(t, newSite(t))
	_, port, _ := net.SplitHostPort(s.ln.Addr().String())
	for _, tc := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"LOCALHOST:" + port, 200},
		{"localhost", 200},
		{"127.0.0.1", 200},
		{"rebind.example:" + port, 421},
		{"rebind.example", 421},
		{"localhost.rebind.example:" + port, 421},
		{"127.0.0.2:" + port, 421},
		{"[::1]:" + port, 421},
	} {
		req, _ := http.NewRequest("GET", s.URL()+"om/", nil)
		req.Host = tc.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("Host %s: %d, want %d", tc.host, resp.StatusCode, tc.want)
		}
		if tc.want != 200 && strings.Contains(string(body), "Första versionen") {
			t.Errorf("Host %s: the page was sent", tc.host)
		}
	}
	// The event stream and the error page too.
	req, _ := http.NewRequest("GET", s.URL()+"_dev/events", nil)
	req.Host = "rebind.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 421 {
		t.Errorf("the event stream for Host rebind.example: %d, want 421", resp.StatusCode)
	}
}

func TestHostsWhenListeningEverywhere(t *testing.T) {
	h := allowedHosts(&net.TCPAddr{IP: net.IPv4zero, Port: 1313})
	for host, want := range map[string]bool{
		"localhost:1313": true, "192.168.1.20:1313": true, "[fe80::1]:1313": true, "10.0.0.5": true,
		"rebind.example:1313": false, "192.168.1.20.nip.io:1313": false,
	} {
		if h.allows(host) != want {
			t.Errorf("listening on 0.0.0.0, Host %s: allowed %v, want %v", host, !want, want)
		}
	}
}

// TestTimeouts: a connection that sends nothing, or stays idle after a
// request, is closed; the event stream stays open past the write timeout
// and still brings the reload.
func TestTimeouts(t *testing.T) {
	defer func(r, w, i time.Duration) { ReadHeaderTimeout, WriteTimeout, IdleTimeout = r, w, i }(ReadHeaderTimeout, WriteTimeout, IdleTimeout)
	ReadHeaderTimeout, WriteTimeout, IdleTimeout = time.Second, time.Second, time.Second
	dir := newSite(t)
	s := start(t, dir)
	events := subscribe(t, s)

	closed := func(c net.Conn) bool {
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, err := io.ReadAll(c)
		return err == nil // EOF: the server closed it
	}
	silent, err := net.Dial("tcp", s.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	if !closed(silent) {
		t.Error("a connection that sends nothing stays open")
	}

	idle, err := net.Dial("tcp", s.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	io.WriteString(idle, "GET /robots.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
	if !closed(idle) {
		t.Error("an idle kept-alive connection stays open")
	}

	time.Sleep(2 * WriteTimeout)
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\nAndra versionen.\n")
	waitReload(t, events)
}
