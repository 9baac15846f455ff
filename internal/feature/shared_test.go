package feature

import (
	"errors"
	"testing"
)

// TestShared: a key's value is made once in a build, its error kept with
// it, and another key gets its own.
func TestShared(t *testing.T) {
	var b Build
	made := 0
	mk := func() (any, error) { made++; return made, errors.New("bad") }
	for range 3 {
		v, err := b.Shared("a", mk)
		if v != 1 || err == nil || err.Error() != "bad" {
			t.Errorf("have %v, %v; want 1, bad", v, err)
		}
	}
	if v, _ := b.Shared("b", mk); v != 2 || made != 2 {
		t.Errorf("key b: have %v after %d makings, want 2 after 2", v, made)
	}
}
