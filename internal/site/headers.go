package site

import (
	"bytes"
	"fmt"

	"hbtq/internal/cms"
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
		"geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), xr-spatial-tracking=(), " +
		"browsing-topics=()"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
}

// ImmutableCache is the Cache-Control of fingerprinted assets.
const ImmutableCache = "public, max-age=31536000, immutable"

// NoIndex is the X-Robots-Tag of builds with drafts (deploy previews).
const NoIndex = "noindex"

func (b *builder) writeHeaders() error {
	var h bytes.Buffer
	h.WriteString("/*\n")
	for _, kv := range SecurityHeaders {
		fmt.Fprintf(&h, "  %s: %s\n", kv[0], kv[1])
	}
	if b.opt.Drafts {
		fmt.Fprintf(&h, "  X-Robots-Tag: %s\n", NoIndex)
	}
	fmt.Fprintf(&h, "/assets/*\n  Cache-Control: %s\n", ImmutableCache)
	if b.admin {
		// The editing tool's own policy (see package cms). It comes after
		// /*, and a later rule's header replaces an earlier one's.
		fmt.Fprintf(&h, "/admin/*\n  Content-Security-Policy: %s\n  Cross-Origin-Opener-Policy: %s\n  X-Robots-Tag: %s\n",
			cms.Policy, cms.OpenerPolicy, NoIndex)
	}
	return b.out.write("_headers", "site", h.Bytes())
}
