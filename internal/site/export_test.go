package site

import "github.com/hbtq-diplomering/webbplats/internal/feature"

// Fingerprint is feature.Fingerprint, for the tests of package site_test.
var Fingerprint = feature.Fingerprint
