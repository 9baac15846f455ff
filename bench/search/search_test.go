package main

import (
	"context"
	"os"
	"testing"
)

// TestTargets runs the benchmark with fewer queries and holds the results
// to the targets of issue 3: the sizes exactly, the query time with room
// for a busy machine (twice the target; go run ./bench/search checks the
// target itself). Without Chromium it skips, or fails under CI.
func TestTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("the directory benchmark builds a site of 10 000 units")
	}
	if _, err := findChromium(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	rs, err := measureAll(context.Background(), "../..", []int{1000, 10000}, 10)
	if err != nil {
		t.Fatal(err)
	}
	printTable(os.Stdout, rs)
	for _, r := range rs {
		if r.perUnit() > targetIndex {
			t.Errorf("%d units: the index takes %.1f bytes gzipped per unit, want ≤ %.0f", r.Units, r.perUnit(), targetIndex)
		}
		if r.Units == 1000 && r.total() > targetPage {
			t.Errorf("1 000 units: page + script + index take %s gzipped, want ≤ %s", kb(r.total()), kb(targetPage))
		}
		if r.Units == 10000 && r.Query > 2*targetQuery {
			t.Errorf("10 000 units: a query with filters takes %.2f ms (median), want ≤ %.0f ms", r.Query, targetQuery)
		}
	}
}
