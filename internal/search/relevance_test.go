package search

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hbtq-diplomering/webbplats/internal/registry"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"gopkg.in/yaml.v3"
)

// The relevance suite's floors (issue 23).
const (
	minRecall    = 0.97
	minPrecision = 0.9
)

// themeKinds returns the names of the theme's default kinds of care (the
// kinds: of layouts/words.yaml), as the build loads a site without its own.
func themeKinds(t testing.TB) []string {
	t.Helper()
	data, err := os.ReadFile("../../layouts/words.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		Kinds []struct {
			Name string `yaml:"name"`
		} `yaml:"kinds"`
	}
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, k := range w.Kinds {
		out = append(out, k.Name)
	}
	if len(out) == 0 {
		t.Fatal("layouts/words.yaml has no kinds:")
	}
	return out
}

// fixtureEntries loads the relevance fixture's registry as the directory
// does: public units in Swedish order of names.
func fixtureEntries(t testing.TB) []Entry {
	t.Helper()
	reg, err := registry.Load(os.DirFS("testdata/relevance"), registry.Dir, registry.Options{Now: swedish.DayOf(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)), Kinds: themeKinds(t)})
	if err != nil {
		t.Fatal(err)
	}
	var out []Entry
	for _, u := range reg.Public() {
		out = append(out, Entry{
			ID: u.ID, Name: u.Name, Address: u.Address, Former: u.FormerNames, Keywords: u.Keywords,
			Kommun: Value{Slug: slug.Make(u.Kommun), Label: u.Kommun},
			Kind:   Value{Slug: slug.Make(u.Kind), Label: upperFirst(u.Kind)},
			Org:    Value{Slug: slug.Make(u.Org.Name), Label: u.Org.Name},
		})
	}
	return out
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// relevanceCase is one line of queries.txt.
type relevanceCase struct {
	line  int
	query string
	want  map[string]bool
}

func readCases(t testing.TB, x *Index) []relevanceCase {
	t.Helper()
	f, err := os.Open("testdata/relevance/queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []relevanceCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, rest, ok := strings.Cut(line, "→")
		if !ok {
			t.Fatalf("queries.txt:%d: no →", n)
		}
		c := relevanceCase{line: n, query: strings.TrimSpace(q), want: map[string]bool{}}
		for _, tok := range strings.Fields(rest) {
			ids := expand(x, tok)
			if len(ids) == 0 {
				t.Fatalf("queries.txt:%d: %s names no unit", n, tok)
			}
			for _, id := range ids {
				c.want[id] = true
			}
		}
		out = append(out, c)
	}
	return out
}

// expand returns the ids a token of queries.txt stands for.
func expand(x *Index, tok string) []string {
	var out []string
	for _, u := range x.Units {
		all := true
		for _, part := range strings.Split(tok, "&") {
			g, v, ok := strings.Cut(part, ":")
			if !ok {
				all = all && u.ID == part
				continue
			}
			j := map[string]int{"kommun": 0, "kind": 1, "org": 2}[g]
			all = all && x.Tables[j][u.Values[j]][0] == v
		}
		if all {
			out = append(out, u.ID)
		}
	}
	return out
}

// TestRelevance runs every query of the relevance suite and reports mean
// recall (the share of the units a query must find that it finds) and
// precision (the share of what it finds that it must find).
func TestRelevance(t *testing.T) {
	entries := fixtureEntries(t)
	if len(entries) < 30 {
		t.Fatalf("the fixture has %d units, want at least 30", len(entries))
	}
	b, err := Build(entries, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	cases := readCases(t, x)
	if len(cases) < 150 {
		t.Fatalf("the suite has %d queries, want at least 150", len(cases))
	}
	var sumR, sumP float64
	for _, c := range cases {
		res := x.Query(State{Q: c.query})
		found := 0
		var extra, missed []string
		got := map[string]bool{}
		for _, h := range res.Hits {
			id := x.Units[h].ID
			got[id] = true
			if c.want[id] {
				found++
			} else {
				extra = append(extra, id)
			}
		}
		for id := range c.want {
			if !got[id] {
				missed = append(missed, id)
			}
		}
		r := float64(found) / float64(len(c.want))
		p := 1.0
		if len(res.Hits) > 0 {
			p = float64(found) / float64(len(res.Hits))
		}
		sumR += r
		sumP += p
		if r < 1 || p < 1 {
			t.Logf("queries.txt:%d: %q recall %.2f precision %.2f; missed %v; also found %v", c.line, c.query, r, p, missed, extra)
		}
	}
	n := float64(len(cases))
	recall, precision := sumR/n, sumP/n
	fmt.Printf("relevance: %d queries over %d units: mean recall %.3f, mean precision %.3f\n", len(cases), len(entries), recall, precision)
	if recall < minRecall {
		t.Errorf("mean recall %.3f, want at least %.2f", recall, minRecall)
	}
	if precision < minPrecision {
		t.Errorf("mean precision %.3f, want at least %.2f", precision, minPrecision)
	}
}
