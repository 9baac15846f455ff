package content

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestSortIsLess: Sort, with its keys made once, orders pages exactly as
// sorting by Less does.
func TestSortIsLess(t *testing.T) {
	titles := []string{"Ö", "Å", "Ä", "a", "A", "å", "Z", "Vård", "Ward", "vård", "Élan", "elan", "Elan", "", "10", "9", "Öl", "öl"}
	r := rand.New(rand.NewPCG(1, 2))
	var pages []*Page
	for range 300 {
		pages = append(pages, &Page{URL: fmt.Sprintf("/p%d/", r.IntN(50)),
			Front: Front{Title: titles[r.IntN(len(titles))], Weight: r.IntN(4) - 1}})
	}
	want := slices.Clone(pages)
	sort.SliceStable(want, func(i, j int) bool { return Less(want[i], want[j]) })
	have := slices.Clone(pages)
	Sort(have)
	for i := range want {
		if have[i] != want[i] {
			t.Fatalf("at %d: have %q %d %s, want %q %d %s", i, have[i].Front.Title, have[i].Front.Weight, have[i].URL, want[i].Front.Title, want[i].Front.Weight, want[i].URL)
		}
	}
}
