package check

import "testing"

// AllowLocal lets the link checker ask servers on 127.0.0.1 for the rest
// of the test.
func AllowLocal(t testing.TB) {
	allowLocal = true
	t.Cleanup(func() { allowLocal = false })
}

// OneSpaced is oneSpaced, for TestOneSpaced.
var OneSpaced = oneSpaced

// NoPassed makes Run check every address on every page, as before the
// workers kept the addresses they passed (see checker.passed), for the
// rest of the test.
func NoPassed(t testing.TB) {
	old := keepPassed
	keepPassed = 0
	t.Cleanup(func() { keepPassed = old })
}
