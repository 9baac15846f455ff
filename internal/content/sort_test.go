package content

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"
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

// TestSortByIsLess: SortBy with a first order (the dated sections': the
// newest first, then the pages without a date) orders pages exactly as
// sort.SliceStable by that order and then Less does. It fails if SortBy
// ignores first, or lets first's ties go unsorted by Less.
func TestSortByIsLess(t *testing.T) {
	titles := []string{"Ö", "Å", "Ä", "a", "A", "å", "Z", "Vård", "Ward", "vård", "Élan", "elan", "Elan", "", "10", "9", "Öl", "öl"}
	r := rand.New(rand.NewPCG(3, 4))
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var pages []*Page
	for range 300 {
		p := &Page{URL: fmt.Sprintf("/p%d/", r.IntN(50)),
			Front: Front{Title: titles[r.IntN(len(titles))], Weight: r.IntN(3) - 1}}
		if d := r.IntN(6); d > 0 { // a sixth without a date
			p.Front.Date = day.AddDate(0, 0, d).In(time.FixedZone("", 3600*r.IntN(3)))
		}
		pages = append(pages, p)
	}
	want := slices.Clone(pages)
	sort.SliceStable(want, func(i, j int) bool {
		a, c := want[i].Front.Date, want[j].Front.Date
		switch {
		case !a.IsZero() && !c.IsZero():
			if !a.Equal(c) {
				return a.After(c)
			}
			return Less(want[i], want[j])
		case !a.IsZero() || !c.IsZero():
			return !a.IsZero()
		}
		return Less(want[i], want[j])
	})
	have := slices.Clone(pages)
	SortBy(have, func(x, y *Page) int {
		a, c := x.Front.Date, y.Front.Date
		switch {
		case !a.IsZero() && !c.IsZero():
			return c.Compare(a)
		case !a.IsZero():
			return -1
		case !c.IsZero():
			return 1
		}
		return 0
	})
	for i := range want {
		if have[i] != want[i] {
			t.Fatalf("at %d: have %q %v %s, want %q %v %s", i, have[i].Front.Title, have[i].Front.Date, have[i].URL, want[i].Front.Title, want[i].Front.Date, want[i].URL)
		}
	}
}

// TestSortRetitled: a page whose title changes after a sort (its key kept
// with it) is sorted by its new title in the next. It fails if the key of
// the old title is used again.
func TestSortRetitled(t *testing.T) {
	a := &Page{URL: "/a/", Front: Front{Title: "Äpple"}}
	b := &Page{URL: "/b/", Front: Front{Title: "Banan"}}
	pages := []*Page{a, b}
	Sort(pages)
	if pages[0] != b {
		t.Fatalf("have %q first, want Banan", pages[0].Front.Title)
	}
	a.Front.Title = "Apelsin"
	Sort(pages)
	if pages[0] != a {
		t.Errorf("after the retitle: have %q first, want Apelsin", pages[0].Front.Title)
	}
}
