package site

import "github.com/hbtq-diplomering/webbplats/internal/feature"

// Fingerprint is feature.Fingerprint, for the tests of package site_test.
var Fingerprint = feature.Fingerprint

// Afresh returns o for a build that renders every partialCached part on
// every page, keeping none.
func Afresh(o Options) Options {
	o.afresh = true
	return o
}
