package site

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/hbtq-diplomering/webbplats/internal/feature"
)

// The site's HTTP headers, written to _headers for Netlify. This is the one
// place they are defined: the browser tests serve the same file.
//
// Every page is held to a strict Content-Security-Policy: the site loads
// only its own scripts, styles and images, has no inline script or style,
// and cannot be framed. Fingerprinted assets never change, so browsers may
// keep them for a year; HTML is left to Netlify's default, which makes the
// browser revalidate on every visit (public, max-age=0, must-revalidate).

// ContentSecurityPolicy is the policy of every page.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// SecurityHeaders are sent with every response, in this order.
var SecurityHeaders = [][2]string{
	{"Content-Security-Policy", ContentSecurityPolicy},
	{"Strict-Transport-Security", "max-age=63072000; includeSubDomains"},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "strict-origin-when-cross-origin"},
	{"Permissions-Policy", "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), " +
		"geolocation=(self), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), xr-spatial-tracking=(), " +
		"browsing-topics=()"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
}

// ImmutableCache is the Cache-Control of fingerprinted assets.
const ImmutableCache = "public, max-age=31536000, immutable"

// NoIndex is the X-Robots-Tag of builds with drafts (deploy previews).
const NoIndex = "noindex"

func (b *builder) writeHeaders() error {
	all := SecurityHeaders
	if b.opt.Drafts {
		all = append(all[:len(all):len(all)], [2]string{"X-Robots-Tag", NoIndex})
	}
	rules := []feature.Header{
		{Path: "/*", Headers: all},
		{Path: "/assets/*", Headers: [][2]string{{"Cache-Control", ImmutableCache}}},
	}
	// The features' rules (the editing tool's policy, see package cms)
	// come after /*: a later rule's header replaces an earlier one's.
	data, err := headersFile(append(rules, b.headers...))
	if err != nil {
		return err
	}
	return b.out.write("_headers", "site", data)
}

// headersFile returns the text of _headers. It refuses a path or header
// that would break the file's lines: a path must start with / and have no
// white space or control character, a name must be letters, digits and
// hyphens, and a value must have no control character.
func headersFile(rules []feature.Header) ([]byte, error) {
	var h bytes.Buffer
	for _, r := range rules {
		if !strings.HasPrefix(r.Path, "/") || strings.IndexFunc(r.Path, func(c rune) bool { return unicode.IsSpace(c) || unicode.IsControl(c) }) >= 0 {
			return nil, HeadersPath.With(r.Path)
		}
		h.WriteString(r.Path + "\n")
		for _, kv := range r.Headers {
			if kv[0] == "" || strings.IndexFunc(kv[0], func(c rune) bool {
				return c != '-' && !('a' <= c && c <= 'z') && !('A' <= c && c <= 'Z') && !('0' <= c && c <= '9')
			}) >= 0 {
				return nil, HeadersName.With(kv[0])
			}
			if strings.IndexFunc(kv[1], unicode.IsControl) >= 0 {
				return nil, HeadersValue.With(kv[0], kv[1])
			}
			fmt.Fprintf(&h, "  %s: %s\n", kv[0], kv[1])
		}
	}
	return h.Bytes(), nil
}
