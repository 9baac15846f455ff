package sitetest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestCheckers: each checker passes on what it means and says what is
// wrong otherwise.
func TestCheckers(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<main><h1>Om  oss</h1><ul><li><a href="/a/">A</a><li><a href="/b/" class="x">B</a></ul></main>`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		c    Checker
		fail string // "" when it must pass
	}{
		{In("main h1", HasText("Om oss")), ""},
		{In("main h1", HasText("Om")), `main h1: the text is "Om oss", want "Om"`},
		{In("h2"), `no element matches "h2"`},
		{In("a.x", HasAttr("href", "/b/")), ""},
		{In("a.x", HasAttr("href", "/a/")), `a.x: href="/b/", want "/a/"`},
		{In("a", HasAttr("title", "t")), `a: no attribute title (want "t")`},
		{InAll("li a", HasAttr("href", "/a/")), `li a (match 2): href="/b/", want "/a/"`},
		{Count("li", 2), ""},
		{Count("li", 3), `2 elements match "li", want 3`},
		{None("table"), ""},
		{None("a.x"), `an element matches "a.x": B`},
	} {
		err := tc.c(doc)
		switch {
		case tc.fail == "" && err != nil:
			t.Errorf("want it to pass: %v", err)
		case tc.fail != "" && (err == nil || err.Error() != tc.fail):
			t.Errorf("have %v, want %s", err, tc.fail)
		}
	}
	sel := Selections("main h1 => Om oss\n! table\nul li\n")
	if len(sel) != 3 {
		t.Fatalf("Selections made %d checkers, want 3", len(sel))
	}
	for _, c := range sel {
		if err := c(doc); err != nil {
			t.Error(err)
		}
	}
}
