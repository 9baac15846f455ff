package check

import (
	"context"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// externalKey is the address asked for an external link: https for a
// link without a scheme (//host/…), and no #fragment.
func externalKey(u *url.URL) string {
	k := *u
	if k.Scheme == "" {
		k.Scheme = "https"
	}
	k.Fragment, k.RawFragment = "", ""
	return k.String()
}

// answer is what an external address answered.
type answer struct {
	status int
	err    error
}

// external asks every external address once, four at a time, reports
// the ones that do not work at every place that links to them, and
// returns how many it asked.
func (c *checker) external(ctx context.Context, opt Options) int {
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	client := opt.Client
	if client == nil {
		client = &http.Client{Timeout: timeout, Transport: publicTransport()}
	}
	keys := make([]string, 0, len(c.links))
	for k := range c.links {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	answers := make([]answer, len(keys))
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, k := range keys {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			answers[i] = ask(ctx, client, k, timeout)
		}()
	}
	wg.Wait()
	for i, k := range keys {
		a := answers[i]
		if a.err == nil && a.status < 400 {
			continue
		}
		var local *localError
		for _, o := range c.links[k] {
			if errors.As(a.err, &local) {
				c.add(o, CheckExternalLocal.With(k, local.ip.String()), HintExternalLocal.With())
				continue
			}
			if a.err != nil {
				c.add(o, CheckExternalBroken.With(k, describe(a.err, timeout)), HintExternalBroken.With())
				continue
			}
			var hint msg.Message
			if a.status == http.StatusNotFound || a.status == http.StatusGone {
				hint = HintExternalMoved.With()
			}
			c.add(o, CheckExternalStatus.With(k, a.status, statusText(a.status)), hint)
		}
	}
	return len(keys)
}

// ask asks for u with HEAD and, when that fails or is refused (some
// servers do not answer HEAD), with GET.
func ask(ctx context.Context, client *http.Client, u string, timeout time.Duration) answer {
	head := do(ctx, client, http.MethodHead, u, timeout)
	if head.err == nil && head.status < 400 {
		return head
	}
	var dns *net.DNSError
	var local *localError
	if errors.As(head.err, &dns) || errors.As(head.err, &local) {
		return head
	}
	get := do(ctx, client, http.MethodGet, u, timeout)
	if get.err != nil && head.err == nil {
		return head
	}
	return get
}

func do(ctx context.Context, client *http.Client, method, u string, timeout time.Duration) answer {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return answer{err: err}
	}
	req.Header.Set("User-Agent", "hbtq-site-check/1 (link checker)")
	resp, err := client.Do(req)
	if err != nil {
		return answer{err: err}
	}
	io.CopyN(io.Discard, resp.Body, 64<<10)
	resp.Body.Close()
	return answer{status: resp.StatusCode}
}

// allowLocal lets tests ask servers on 127.0.0.1 (export_test.go).
var allowLocal bool

// localError is an address the checker does not connect to.
type localError struct{ ip netip.Addr }

func (e *localError) Error() string { return "local address " + e.ip.String() }

// publicTransport returns the transport of the link checker: no proxy,
// and a dialer that connects only to public addresses. The check is made
// in the dialer's Control function, on the address the name resolved to,
// just before each connection (the redirects' too): a name that resolves
// to a public address when asked and to 127.0.0.1 when connected (DNS
// rebinding) is caught all the same.
func publicTransport() *http.Transport {
	d := &net.Dialer{
		Timeout: 10 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return &localError{}
			}
			if ip := ap.Addr().Unmap(); !allowLocal && !Public(ip) {
				return &localError{ip: ip}
			}
			return nil
		},
	}
	return &http.Transport{
		Proxy:               nil,
		DialContext:         d.DialContext,
		TLSHandshakeTimeout: 10 * time.Second,
		MaxIdleConns:        16,
	}
}

// notPublic are the ranges, besides loopback, private, link-local,
// multicast and unspecified addresses, that no public site is on.
var notPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // shared address space (carrier NAT; some clouds' metadata)
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use IPv4/IPv6 translation
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
}

// Public reports whether ip is an address the link checker may connect
// to: not loopback (127.0.0.1, ::1), private (10/8, 172.16/12,
// 192.168/16, fc00::/7), link-local (169.254/16, where clouds answer
// with their metadata, and fe80::/10), multicast, unspecified or
// otherwise reserved.
func Public(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range notPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// statusText says in words what an error code means.
func statusText(code int) msg.Message {
	switch {
	case code == http.StatusNotFound:
		return StatusNotFound.With()
	case code == http.StatusGone:
		return StatusGone.With()
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return StatusForbidden.With()
	case code == http.StatusTooManyRequests:
		return StatusTooMany.With()
	case code >= 500:
		return StatusServer.With()
	}
	return msg.Plain.With(http.StatusText(code)) // the words of the HTTP standard
}

// describe says in words why an address did not answer.
func describe(err error, timeout time.Duration) msg.Message {
	var dns *net.DNSError
	var ne net.Error
	var cert *x509.UnknownAuthorityError
	var host x509.HostnameError
	switch {
	case errors.As(err, &dns):
		return ExternalNoHost.With(dns.Name)
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		return ExternalTimeout.With(msg.Duration(timeout))
	case errors.Is(err, syscall.ECONNREFUSED):
		return ExternalRefused.With()
	case errors.As(err, &cert) || errors.As(err, &host):
		return ExternalCertificate.With()
	case strings.Contains(err.Error(), "stopped after 10 redirects"):
		return ExternalRedirects.With()
	}
	// Words of the network library, not ours.
	var ue *url.Error
	if errors.As(err, &ue) {
		return msg.Plain.With(ue.Err.Error())
	}
	return msg.Plain.With(err.Error())
}
