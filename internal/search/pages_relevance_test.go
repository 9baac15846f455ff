package search

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// fixturePages reads testdata/relevance/pages.txtar into docs.
func fixturePages(t testing.TB) []Doc {
	t.Helper()
	a, err := txtar.ParseFile("testdata/relevance/pages.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var out []Doc
	for _, f := range a.Files {
		lines := strings.Split(strings.TrimSpace(string(f.Data)), "\n")
		if len(lines) < 3 {
			t.Fatalf("pages.txtar: %s has no title, description and text", f.Name)
		}
		d := Doc{URL: f.Name, Title: lines[0], Description: lines[1]}
		var text []string
		for _, l := range lines[2:] {
			if h, ok := strings.CutPrefix(l, "## "); ok {
				d.Headings = append(d.Headings, h)
			} else {
				text = append(text, l)
			}
		}
		d.Text = strings.Join(text, " ")
		out = append(out, d)
	}
	return out
}

// TestPagesRelevance runs every query of the site search's relevance
// suite (testdata/relevance/pages.txt) and reports mean recall and mean
// R-precision (see the file's head).
func TestPagesRelevance(t *testing.T) {
	docs := fixturePages(t)
	meta, shards, err := BuildPages(docs, Settings{}, "assets/sok")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePages(meta)
	if err != nil {
		t.Fatal(err)
	}
	for i, sh := range shards {
		if sh.Key == "" {
			continue // a page's fragment
		}
		if err := p.Add(i, sh.Data); err != nil {
			t.Fatal(err)
		}
	}
	urls := map[string]bool{}
	for _, d := range docs {
		urls[d.URL] = true
	}
	f, err := os.Open("testdata/relevance/pages.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var n int
	var sumR, sumP float64
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		q, rest, ok := strings.Cut(l, "→")
		if !ok {
			t.Fatalf("pages.txt:%d: no →", line)
		}
		q = strings.TrimSpace(q)
		want := map[string]bool{}
		for _, u := range strings.Fields(rest) {
			if !urls[u] {
				t.Fatalf("pages.txt:%d: %s is no page of the fixture", line, u)
			}
			want[u] = true
		}
		// A search that finds nothing but suggests a word is scored by
		// what the suggestion finds: the person clicks "Menade du …?".
		res := p.Query(q)
		if len(res.Hits) == 0 && res.Suggested != "" {
			res = p.Query(res.Suggested)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, p.Docs[h.Page][0])
		}
		found, top := 0, 0
		for i, u := range got {
			if want[u] {
				found++
				if i < len(want) {
					top++
				}
			}
		}
		r := float64(found) / float64(len(want))
		prec := float64(top) / float64(len(want))
		sumR += r
		sumP += prec
		n++
		if r < 1 || prec < 1 {
			t.Logf("pages.txt:%d: %q recall %.2f R-precision %.2f; found %v", line, q, r, prec, got)
		}
	}
	if n < 60 {
		t.Fatalf("the suite has %d queries, want at least 60", n)
	}
	recall, precision := sumR/float64(n), sumP/float64(n)
	fmt.Printf("pages relevance: %d queries over %d pages: mean recall %.3f, mean R-precision %.3f\n", n, len(docs), recall, precision)
	if recall < 0.95 {
		t.Errorf("mean recall %.3f, want at least 0.95", recall)
	}
	if precision < 0.85 {
		t.Errorf("mean R-precision %.3f, want at least 0.85", precision)
	}
}
