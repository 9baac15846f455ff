package directory

import (
	"math/rand/v2"
	"testing"
)

// TestDiffSpan: diffSpan gives the span from the first byte that differs
// to the last, as a byte loop finds them, for rows of 0 to 80 bytes that
// differ in one or two places, or none.
func TestDiffSpan(t *testing.T) {
	loop := func(a, b []byte) (int, int) {
		lo, hi := -1, -1
		for i := range a {
			if a[i] != b[i] {
				if lo < 0 {
					lo = i
				}
				hi = i + 1
			}
		}
		if lo < 0 {
			return 0, 0
		}
		return lo, hi
	}
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 81 {
		for i := -1; i < n; i++ {
			for j := i; j < n; j++ {
				a := make([]byte, n)
				for k := range a {
					a[k] = byte(r.IntN(4))
				}
				b := append([]byte(nil), a...)
				if i >= 0 {
					b[i] ^= byte(1 + r.IntN(255))
					b[j] ^= byte(1 + r.IntN(255)) // j == i may undo i's
				}
				lo, hi := diffSpan(a, append(b, 7)) // b may be longer
				if wl, wh := loop(a, b); lo != wl || hi != wh {
					t.Fatalf("diffSpan(%v, %v) = %d, %d, want %d, %d", a, b, lo, hi, wl, wh)
				}
			}
		}
	}
}
