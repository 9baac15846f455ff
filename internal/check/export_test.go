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
