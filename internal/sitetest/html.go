package sitetest

import (
	"fmt"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// # Selector assertions
//
// A test that means an element asserts it with a CSS selector over the
// parsed page, not with a substring of the minified HTML (in the style of
// pkgsite's htmlcheck): Output.Check parses a file and runs Checkers on
// it.
//
//	o.Check("om/index.html",
//		In("main h1", HasText("Om diplomeringen")),
//		In("img.card__image", HasAttr("alt", "En prislapp"), HasAttr("loading", "lazy")),
//		Count("nav.breadcrumbs li", 2),
//		None(".session__status"))
//
// Text is compared with white space collapsed, as a reader sees it.

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

// None checks that no element under the node matches sel.
func None(sel string) Checker {
	s := cascadia.MustCompile(sel)
	return func(n *html.Node) error {
		if m := cascadia.Query(n, s); m != nil {
			return fmt.Errorf("an element matches %q: %s", sel, Text(m))
		}
		return nil
	}
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
	doc, err := html.Parse(strings.NewReader(o.Read(name)))
	if err != nil {
		o.t.Fatalf("%s: %v", name, err)
	}
	for _, c := range checkers {
		if err := c(doc); err != nil {
			o.t.Errorf("%s: %v", name, err)
		}
	}
}

// Selections reads the lines of a fixture's select/<file> section: each
// "selector => text" line is In(selector, HasText(text)), each "selector"
// alone that some element matches, and "! selector" that none does.
func Selections(text string) []Checker {
	var out []Checker
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "! "):
			out = append(out, None(strings.TrimPrefix(line, "! ")))
		case strings.Contains(line, " => "):
			sel, want, _ := strings.Cut(line, " => ")
			out = append(out, In(strings.TrimSpace(sel), HasText(strings.TrimSpace(want))))
		default:
			out = append(out, In(line))
		}
	}
	return out
}
