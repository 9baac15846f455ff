package check

import (
	"context"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
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
		client = &http.Client{Timeout: timeout}
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
		for _, o := range c.links[k] {
			if a.err != nil {
				c.add(o, msg.CheckExternalBroken.With(k, describe(a.err, timeout)), msg.HintExternalBroken.With())
				continue
			}
			var hint msg.Message
			if a.status == http.StatusNotFound || a.status == http.StatusGone {
				hint = msg.HintExternalMoved.With()
			}
			c.add(o, msg.CheckExternalStatus.With(k, a.status, statusText(a.status)), hint)
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
	if errors.As(head.err, &dns) {
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

// statusText says in words what an error code means.
func statusText(code int) msg.Message {
	switch {
	case code == http.StatusNotFound:
		return msg.StatusNotFound.With()
	case code == http.StatusGone:
		return msg.StatusGone.With()
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return msg.StatusForbidden.With()
	case code == http.StatusTooManyRequests:
		return msg.StatusTooMany.With()
	case code >= 500:
		return msg.StatusServer.With()
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
		return msg.ExternalNoHost.With(dns.Name)
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		return msg.ExternalTimeout.With(msg.Duration(timeout))
	case errors.Is(err, syscall.ECONNREFUSED):
		return msg.ExternalRefused.With()
	case errors.As(err, &cert) || errors.As(err, &host):
		return msg.ExternalCertificate.With()
	case strings.Contains(err.Error(), "stopped after 10 redirects"):
		return msg.ExternalRedirects.With()
	}
	// Words of the network library, not ours.
	var ue *url.Error
	if errors.As(err, &ue) {
		return msg.Plain.With(ue.Err.Error())
	}
	return msg.Plain.With(err.Error())
}
