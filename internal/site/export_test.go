package site

// Fingerprint is fingerprint, for the tests of package site_test.
var Fingerprint = fingerprint
