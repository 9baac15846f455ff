package sitetest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

const checkPage = `<main><h1>Om  oss</h1><p class="lead">Om diplomeringen i regionen.</p>` +
	`<ul><li><a href="/a/">A</a><li><a href="/b/" class="x">B</a></ul></main>`

// TestCheckers: each checker passes on what it means and says what is
// wrong otherwise.
func TestCheckers(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(checkPage))
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
		{None("a", HasText("C")), ""},
		{None("a", HasText("B")), `an element matches "a": B`},
		{In(".lead", HasTextContaining("diplomeringen")), ""},
		{In(".lead", HasTextContaining("certifieringen")), `.lead: the text "Om diplomeringen i regionen." does not contain "certifieringen"`},
		{Texts("li a", "A", "B"), ""},
		{Texts("li a", "B", "A"), `the texts of "li a" are ["A" "B"], want ["B" "A"]`},
		{Texts("li a", "A"), `the texts of "li a" are ["A" "B"], want ["A"]`},
		{Texts("li a", "A", "B", ""), `the texts of "li a" are ["A" "B"], want ["A" "B" ""]`},
		{Texts("table td"), ""},
	} {
		err := tc.c(doc)
		switch {
		case tc.fail == "" && err != nil:
			t.Errorf("want it to pass: %v", err)
		case tc.fail != "" && (err == nil || err.Error() != tc.fail):
			t.Errorf("have %v, want %s", err, tc.fail)
		}
	}
}

// TestSelections: each form of a select/ line passes on a page that has
// what it says and fails, with the line's meaning, on one that has not.
func TestSelections(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(checkPage))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		line string
		fail string // "" when it must pass
	}{
		{"main h1 => Om oss", ""},
		{"main h1 => Om", `main h1: the text is "Om oss", want "Om"`},
		{"main h1", ""},
		{"#x", `no element matches "#x"`},
		{"main h2", `no element matches "main h2"`},
		{"! table", ""},
		{"! ul", `an element matches "ul": AB`},
		{`a[href="/b/"].x => B`, ""},
		{`a[href="/c/"] => B`, `no element matches "a[href=\"/c/\"]"`},
		{".lead ~> i regionen", ""},
		{".lead ~> i landet", `.lead: the text "Om diplomeringen i regionen." does not contain "i landet"`},
		{"li #2", ""},
		{"li #1", `2 elements match "li", want 1`},
		{"li:nth-child(1) a #1", ""},
		{"li a =>> A | B", ""},
		{"li a =>> A|B", ""},
		{"li a =>> B | A", `the texts of "li a" are ["A" "B"], want ["B" "A"]`},
		{"! li a => C", ""},
		{"! li a => B", `an element matches "li a": B`},
		{"! main p ~> landet", ""},
		{"! main p ~> regionen", `an element matches "main p": Om diplomeringen i regionen.`},
		{"main [ => x", `select line 1 "main [ => x": expected identifier, found EOF instead`},
		{"! li #2", `select line 1 "! li #2": ! goes with a selector alone, => or ~>`},
	} {
		sel := Selections(tc.line)
		if len(sel) != 1 {
			t.Fatalf("%q: %d checkers, want 1", tc.line, len(sel))
		}
		err := sel[0](doc)
		switch {
		case tc.fail == "" && err != nil:
			t.Errorf("%q: want it to pass: %v", tc.line, err)
		case tc.fail != "" && (err == nil || err.Error() != tc.fail):
			t.Errorf("%q: have %v, want %s", tc.line, err, tc.fail)
		}
	}
	if sel := Selections("main h1 => Om oss\n\n# a comment\n! table\nul li\n"); len(sel) != 3 {
		t.Errorf("Selections made %d checkers, want 3", len(sel))
	}
}

// TestCheckHTMLNoscript: a page is read as without scripts, so what
// <noscript> holds in the head is elements a selector finds.
func TestCheckHTMLNoscript(t *testing.T) {
	CheckHTML(t, "page", `<html><head><noscript><link rel="stylesheet" href="/a.css"></noscript></head><body></body></html>`,
		In(`head noscript link[href="/a.css"]`))
}

// TestVerify: Verify says nil for a page that has what the checkers say and
// the first problem for one that has not.
func TestVerify(t *testing.T) {
	if err := Verify(checkPage, In("main h1", HasText("Om oss")), Count("li", 2)); err != nil {
		t.Errorf("want nil, have %v", err)
	}
	if err := Verify(checkPage, In("main h1", HasText("Om oss")), Count("li", 3), None("ul")); err == nil || err.Error() != `2 elements match "li", want 3` {
		t.Errorf("want the Count's problem, have %v", err)
	}
}
