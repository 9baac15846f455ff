package swedish

import (
	"bytes"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompare(t *testing.T) {
	in := []string{"Ödeshög", "Åre", "Ängelholm", "Zeta", "Alfa", "alfa", "Ystad", "Västerås", "Wilma", "Överkalix", "Ørsta", "Ærø", "Umeå C", "Umeå"}
	want := []string{"alfa", "Alfa", "Umeå", "Umeå C", "Västerås", "Wilma", "Ystad", "Zeta", "Åre", "Ängelholm", "Ærø", "Ödeshög", "Ørsta", "Överkalix"}
	got := slices.Clone(in)
	slices.SortFunc(got, Compare)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Compare order (-want +have):\n%s", d)
	}
	keyed := slices.Clone(in)
	slices.SortFunc(keyed, func(a, b string) int { return bytes.Compare(Key(a), Key(b)) })
	if d := cmp.Diff(want, keyed); d != "" {
		t.Errorf("Key order (-want +have):\n%s", d)
	}
	if Compare("Åre", "Åre") != 0 {
		t.Error("Compare of equal strings is not 0")
	}
	// Strings the collation cannot tell apart still get an order.
	if a, b := "e\u0301", "\u00e9"; Compare(a, b) == 0 || Compare(a, b) != -Compare(b, a) {
		t.Errorf("Compare(%q, %q) = %d, Compare(%q, %q) = %d: want opposite and not 0", a, b, Compare(a, b), b, a, Compare(b, a))
	}
}

// TestCompareConcurrent runs Compare from many goroutines (go test -race).
func TestCompareConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if Compare("Zeta", "Åre") >= 0 || Compare("Öland", "Åre") <= 0 {
					t.Error("wrong order under concurrent use")
					return
				}
			}
		}()
	}
	wg.Wait()
}
