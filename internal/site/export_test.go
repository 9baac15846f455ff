package site

import (
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/render"
)

// Fingerprint is feature.Fingerprint, for the tests of package site_test.
var Fingerprint = feature.Fingerprint

// Afresh returns o for a build that renders every partialCached part on
// every page, keeping none.
func Afresh(o Options) Options {
	o.afresh = true
	return o
}

// AsEscaped returns o for a build with the layouts as html/template
// escapes them (render.LoadAsEscaped), not tightened.
func AsEscaped(o Options) Options {
	o.asEscaped = true
	return o
}

// WithParts returns v carrying the cache of parts c, as a build's views
// do (see View.PartCache).
func WithParts(v *View, c *render.Cache) *View {
	v.parts = c
	return v
}

// VerifyMinify makes every build until restore is called minify each page
// whole and in pieces too, and fail on a page where they differ (see
// minifyPage).
func VerifyMinify() (restore func()) {
	verifyPieces.Store(true)
	return func() { verifyPieces.Store(false) }
}

// AheadAll returns o for a build that renders every page's Markdown ahead
// (see ahead.go) before it renders any page.
func AheadAll(o Options) Options {
	o.aheadAll = true
	return o
}

// NoAhead returns o for a build that renders no Markdown ahead.
func NoAhead(o Options) Options {
	o.noAhead = true
	return o
}

// FastCounts returns what minifyFast did in the builds that verified the
// minifier (see fastCounts): its calls, those where fastMinify gave up at
// least once, and the bytes given to it and to htmlMinifier.
func FastCounts() (calls, fell, bytes, fellBytes int64) {
	c := &fastCounts
	return c.calls.Load(), c.fell.Load(), c.bytes.Load(), c.fellBytes.Load()
}

// PoisonHTML makes every build until restore is called overwrite each
// buffer of a page's HTML (see htmlBuffers) when it is let go.
func PoisonHTML() (restore func()) {
	poisonHTML.Store(true)
	return func() { poisonHTML.Store(false) }
}

// BufferedPages returns how many pages' Markdown the builds so far
// rendered into a buffer of htmlBuffers.
func BufferedPages() int64 { return bufferedPages.Load() }
