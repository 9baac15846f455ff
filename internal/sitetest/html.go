package sitetest

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// # Selector assertions
//
// A test that means an element asserts it with a CSS selector over the
// parsed page, not with a substring of the minified HTML (in the style of
// pkgsite's htmlcheck): Output.Check parses a file and runs Checkers on
// it, CheckHTML a page the test has in hand (an answer of the dev server),
// and Verify returns the first problem for a test that waits until a page
// shows something.
//
//	o.Check("om/index.html",
//		In("main h1", HasText("Om diplomeringen")),
//		In("img.card__image", HasAttr("alt", "En prislapp"), HasAttr("loading", "lazy")),
//		Count("nav.breadcrumbs li", 2),
//		Texts("ol.evaluations h2", "Chefernas erfarenheter", "Patienternas upplevelser"),
//		None(".session__status"),
//		None("main p", HasTextContaining("äldre än originalet")))
//
// Text is compared with white space collapsed, as a reader sees it. The
// page is parsed as a browser without scripts would (what is inside
// <noscript> is elements, not text). An
// attribute's value is best asserted in the selector itself
// (a[href="/om/"], [content*="sedan 2010"]), which cascadia supports with
// the rest of CSS: :nth-child, :not, :has, :contains.
//
// A fixture says the same in a select/<file> section, one assertion a line
// (see Selections):
//
//	-- select/om/index.html --
//	main h1 => Om diplomeringen
//	main .lead ~> diplomering
//	nav.breadcrumbs li #2
//	ol.evaluations h2 =>> Chefernas erfarenheter | Patienternas upplevelser
//	img.card__image[alt="En prislapp"][loading="lazy"]
//	! .session__status
//	! main p ~> äldre än originalet

// A Checker checks a node of a parsed page and says what is wrong.
type Checker func(n *html.Node) error

// In checks the first element under n that matches sel with each checker;
// no element is an error.
func In(sel string, checkers ...Checker) Checker {
	s := cascadia.MustCompile(sel)
	return func(n *html.Node) error {
		m := cascadia.Query(n, s)
		if m == nil {
			return fmt.Errorf("no element matches %q", sel)
		}
		for _, c := range checkers {
			if err := c(m); err != nil {
				return fmt.Errorf("%s: %w", sel, err)
			}
		}
		return nil
	}
}

// InAll checks every element under n that matches sel with each checker;
// no element is an error.
func InAll(sel string, checkers ...Checker) Checker {
	s := cascadia.MustCompile(sel)
	return func(n *html.Node) error {
		all := cascadia.QueryAll(n, s)
		if len(all) == 0 {
			return fmt.Errorf("no element matches %q", sel)
		}
		for i, m := range all {
			for _, c := range checkers {
				if err := c(m); err != nil {
					return fmt.Errorf("%s (match %d): %w", sel, i+1, err)
				}
			}
		}
		return nil
	}
}

// Count checks that exactly n elements under the node match sel.
func Count(sel string, want int) Checker {
	s := cascadia.MustCompile(sel)
	return func(n *html.Node) error {
		if have := len(cascadia.QueryAll(n, s)); have != want {
			return fmt.Errorf("%d elements match %q, want %d", have, sel, want)
		}
		return nil
	}
}

// None checks that no element under the node matches sel, or, with
// checkers, that none that matches passes them all (None("p",
// HasTextContaining("utgått")): no paragraph says it).
func None(sel string, checkers ...Checker) Checker {
	s := cascadia.MustCompile(sel)
	return func(n *html.Node) error {
	next:
		for _, m := range cascadia.QueryAll(n, s) {
			for _, c := range checkers {
				if c(m) != nil {
					continue next
				}
			}
			return fmt.Errorf("an element matches %q: %s", sel, short(Text(m)))
		}
		return nil
	}
}

// Texts checks the texts of every element under the node that matches
// sel, in the page's order: they must be want, no more and no fewer.
func Texts(sel string, want ...string) Checker {
	s := cascadia.MustCompile(sel)
	return func(n *html.Node) error {
		var have []string
		for _, m := range cascadia.QueryAll(n, s) {
			have = append(have, Text(m))
		}
		if strings.Join(have, "\x00") != strings.Join(want, "\x00") || len(have) != len(want) {
			return fmt.Errorf("the texts of %q are %q, want %q", sel, have, want)
		}
		return nil
	}
}

// short returns s, cut to its first 100 characters when longer.
func short(s string) string {
	if r := []rune(s); len(r) > 100 {
		return string(r[:100]) + "…"
	}
	return s
}

// HasText checks that the node's text, white space collapsed, is want.
func HasText(want string) Checker {
	return func(n *html.Node) error {
		if have := Text(n); have != want {
			return fmt.Errorf("the text is %q, want %q", have, want)
		}
		return nil
	}
}

// HasTextContaining checks that the node's text, white space collapsed,
// contains want.
func HasTextContaining(want string) Checker {
	return func(n *html.Node) error {
		if have := Text(n); !strings.Contains(have, want) {
			return fmt.Errorf("the text %q does not contain %q", have, want)
		}
		return nil
	}
}

// HasAttr checks that the node has the attribute name with the value want.
func HasAttr(name, want string) Checker {
	return func(n *html.Node) error {
		for _, a := range n.Attr {
			if a.Key == name {
				if a.Val != want {
					return fmt.Errorf("%s=%q, want %q", name, a.Val, want)
				}
				return nil
			}
		}
		return fmt.Errorf("no attribute %s (want %q)", name, want)
	}
}

// Text returns the text of n and every node under it, with white space
// collapsed and trimmed.
func Text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// Check parses the HTML file name of the output and runs each checker on
// the whole page, failing the test for each that reports a problem.
func (o *Output) Check(name string, checkers ...Checker) {
	o.t.Helper()
	CheckHTML(o.t, name, o.Read(name), checkers...)
}

// CheckHTML parses page, an HTML page the test has from where (a file or
// an address, for the messages), and runs each checker on it, failing the
// test for each that reports a problem.
func CheckHTML(t testing.TB, where, page string, checkers ...Checker) {
	t.Helper()
	doc, err := html.ParseWithOptions(strings.NewReader(page), html.ParseOptionEnableScripting(false))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	for _, c := range checkers {
		if err := c(doc); err != nil {
			t.Errorf("%s: %v", where, err)
		}
	}
}

// Verify parses page and runs each checker on it, returning the first
// problem, or nil: for a test that waits until a page shows something.
func Verify(page string, checkers ...Checker) error {
	doc, err := html.ParseWithOptions(strings.NewReader(page), html.ParseOptionEnableScripting(false))
	if err != nil {
		return err
	}
	for _, c := range checkers {
		if err := c(doc); err != nil {
			return err
		}
	}
	return nil
}

// Selections reads the lines of a fixture's select/<file> section, one
// assertion a line:
//
//	selector => text          the first element that matches has the text (HasText)
//	selector ~> text          … has a text that contains text (HasTextContaining)
//	selector =>> a | b | c    the texts of all that match, in order, are a, b and c (Texts)
//	selector #3               exactly 3 elements match (Count)
//	selector                  some element matches (In)
//	! selector                no element matches (None)
//	! selector => text        no element that matches has the text
//	! selector ~> text        no element that matches has a text containing text
//
// Blank lines and comments, lines starting with "# " (a # and a space, so
// "#id" stays a selector), are skipped. A selector that does
// not compile is a checker that reports it with its line.
func Selections(text string) []Checker {
	var out []Checker
	for i, line := range strings.Split(strings.TrimSpace(text), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line == "#" || strings.HasPrefix(line, "# ") {
			continue
		}
		c, err := selection(line)
		if err != nil {
			err = fmt.Errorf("select line %d %q: %v", i+1, line, err)
			c = func(*html.Node) error { return err }
		}
		out = append(out, c)
	}
	return out
}

// selection is the checker of one line of Selections.
func selection(line string) (Checker, error) {
	not := false
	if rest, ok := strings.CutPrefix(line, "! "); ok {
		not, line = true, rest
	}
	sel, want, op := line, "", ""
	for _, o := range []string{" =>> ", " => ", " ~> "} {
		if s, w, ok := strings.Cut(line, o); ok {
			sel, want, op = strings.TrimSpace(s), strings.TrimSpace(w), strings.TrimSpace(o)
			break
		}
	}
	count := -1
	if op == "" {
		if i := strings.LastIndex(line, " #"); i > 0 {
			if n, err := strconv.Atoi(line[i+2:]); err == nil {
				sel, count = strings.TrimSpace(line[:i]), n
			}
		}
	}
	if _, err := cascadia.Compile(sel); err != nil {
		return nil, err
	}
	var text Checker
	switch op {
	case "=>":
		text = HasText(want)
	case "~>":
		text = HasTextContaining(want)
	}
	switch {
	case not && count >= 0, not && op == "=>>":
		return nil, fmt.Errorf("! goes with a selector alone, => or ~>")
	case not && text != nil:
		return None(sel, text), nil
	case not:
		return None(sel), nil
	case count >= 0:
		return Count(sel, count), nil
	case op == "=>>":
		var texts []string
		for _, w := range strings.Split(want, "|") {
			texts = append(texts, strings.TrimSpace(w))
		}
		return Texts(sel, texts...), nil
	case text != nil:
		return In(sel, text), nil
	}
	return In(sel), nil
}
