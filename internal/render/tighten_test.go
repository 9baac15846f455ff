package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"os"
	"strings"
	"testing"
	"text/template/parse"
)

// TestTightAsEscaped executes every layout of the themes below, tightened
// (as Load gives them) and as html/template escaped them, with values of
// every kind in text, in attributes, in <title>, as whole and partial
// addresses, after functions that return template.HTML and not: the output
// and the errors must be the same byte for byte.
func TestTightAsEscaped(t *testing.T) {
	base := `<title>{{block "title" .}}{{.Title}} – {{.N}}{{end}}</title>{{partialCached "partials/top.html" . .Section}}` +
		`<main>{{block "main" .}}{{end}}</main>{{template "partials/foot.html" .}}`
	themes := map[string]map[string]string{
		"values": {
			"layouts/base.html":          base,
			"layouts/partials/top.html":  `<nav><a href="{{.URL}}" title="{{.Title}}">{{.Section}}</a><img src="{{.Any}}" alt="{{.Any}}"></nav>`,
			"layouts/partials/foot.html": `<footer>{{timetag .Zero}}{{.HTML}}<a href="{{.Typed}}">{{.Typed}}</a>{{.Any}}</footer>`,
			"layouts/page.html": `{{define "main"}}<h1 class="{{.Any}}">{{.Title}}</h1><a href="/sok?q={{.Title}}">{{.URL}}</a><a href="mailto:{{.Title}}">m</a>` +
				`<a href="{{.URL}}#x">{{.HTML}}</a><p title="{{.HTML}}">{{.Typed}} {{.N}} {{.Nil}} {{.Err}}</p>{{range .List}}<a href="{{.}}">{{.}}</a>{{end}}{{end}}`,
			"layouts/funcs.html": `{{define "main"}}{{shorttimetag .Zero}}|{{partialCached "partials/top.html" . .Section}}|<p title="{{timetag .Zero}}">{{number .N}} {{phone .Title}}</p><a href="{{phone .URL}}">{{tel .Title}}</a>{{with $x := .HTML}}{{$x}}{{end}}{{end}}`,
			"layouts/title.html": `{{define "title"}}{{.HTML}} {{.Typed}} {{.Any}}{{end}}{{define "main"}}x{{end}}`,
		},
	}
	themes["inlined"] = map[string]string{
		"layouts/base.html": `{{$p := .Title}}{{template "partials/a.html" .}}[{{$p}}]{{with .List}}{{template "partials/d.html" .}}{{end}}` +
			`{{range .List}}{{template "partials/b.html" .}}{{template "partials/d.html" .}}{{else}}{{template "partials/d.html" .}}{{end}}` +
			`{{template "partials/b.html" .URL}}{{if .Title}}{{template "partials/d.html" .}}{{end}}<main>{{block "main" .}}{{end}}</main>`,
		"layouts/partials/a.html": `{{$p := .URL}}<a href="{{$p}}">{{$.Title}}</a>{{if .Title}}{{$q := .N}}{{$q}}{{end}}{{template "r" .}}`,
		"layouts/partials/b.html": `<b title="{{.}}">{{.}}</b>`,
		"layouts/partials/d.html": `<i>{{$}}|{{.}}</i>`,
		"layouts/partials/r.html": `{{define "r"}}{{if .Nil}}{{template "r" .}}{{end}}r{{end}}`,
		"layouts/page.html":       `{{define "main"}}{{$p := .N}}{{template "partials/a.html" .}}{{$p}}{{template "partials/b.html" .Title}}{{end}}`,
		"layouts/attr.html":       `{{define "main"}}<p title="{{template "partials/b.html" .}}">{{block "x" .}}{{$.URL}}{{end}}</p>{{end}}`,
	}
	for name, files := range sharedThemes() {
		themes[name] = files
	}
	pages := []*values{
		{Title: "Pris <och> villkor & 'mer' + \"citat\"", URL: "/a b/å?q=1&r=2#f", Section: "s", HTML: `<b title="x">&amp; fet</b>`, Typed: template.URL("javascript:alert(1)"), Any: 42, N: 5900,
			List: []any{"/x/", "javascript:x", template.URL("/y/?a=b&c"), 7, nil, template.HTML("<i>i</i>")}},
		{Title: "\x00\xff\xfe\uFDD0", URL: "JavaScript:alert(1)", Section: "t", HTML: "", Typed: template.URL("/ok/%zz%41"), Any: template.HTMLAttr(`x="1"`), Err: errors.New("fel <x>")},
		{Title: "", URL: "", Section: "s", Any: nil, Typed: template.URL(""), List: []any{""}},
		{Title: "mailto:a@b", URL: "//evil.example/(x)'y'%41%4", Section: "u", Any: template.JS("a<b"), N: -1},
	}
	for name, files := range themes {
		t.Run(name, func(t *testing.T) {
			tight, err := load(layouts(files), Funcs(noAsset), true, true)
			if err != nil {
				t.Fatal(err)
			}
			loose, err := load(layouts(files), Funcs(noAsset), true, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, cached := range []bool{false, true} {
				var tc, lc *Cache
				if cached {
					tc, lc = &Cache{}, &Cache{}
				}
				for _, layout := range tight.Names() {
					for i, p := range pages {
						have, herr := executeValues(tight, layout, p, tc)
						want, werr := executeValues(loose, layout, p, lc)
						if have != want || herr != werr {
							t.Errorf("layout %s, page %d (cache %v):\ntight %q, error %s\nas escaped %q, error %s", layout, i, cached, have, herr, want, werr)
						}
					}
				}
			}
		})
	}
}

type values struct {
	Title, URL, Section string
	HTML                template.HTML
	Typed               template.URL
	Any                 any
	N                   int
	Nil                 *values
	Err                 error
	List                []any
	Part                string
}

func executeValues(tm *Templates, name string, p *values, c *Cache) (string, string) {
	var b strings.Builder
	q := *p
	err := tm.Execute(&b, name, &q, c)
	if err != nil {
		return b.String(), err.Error()
	}
	return b.String(), ""
}

// TestTightened: the theme of the repository is tightened: no address
// that is a whole attribute value keeps html/template's three escapers,
// and no part partialCached keeps its escaper. (It fails when tightenSet
// rewrites nothing, as it does when html/template escapes in another way.)
func TestTightened(t *testing.T) {
	tm, err := Load(rootLayouts(), Funcs(noAsset))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, set := range tm.sets {
		for _, tt := range set.Templates() {
			if tt.Tree == nil {
				continue
			}
			walkTree(tt.Tree.Root, func(n parse.Node) {
				a, ok := n.(*parse.ActionNode)
				if !ok || len(a.Pipe.Cmds) == 0 {
					return
				}
				first, last := a.Pipe.Cmds[0].Args[0], a.Pipe.Cmds[len(a.Pipe.Cmds)-1].Args[0]
				if id, ok := first.(*parse.IdentifierNode); ok && id.Ident == "partialCached" {
					counts["partialCached "+fmt.Sprint(last)]++
				}
				if id, ok := last.(*parse.IdentifierNode); ok {
					counts[id.Ident]++
				}
			})
		}
	}
	if counts[escURLFilter] > 0 || counts[escHTML] > 0 || counts[escAttr] > 0 || counts[fnURLAttr] == 0 || counts[fnText] == 0 || counts[fnAttr] == 0 {
		t.Errorf("the escapers left: %v", counts)
	}
	for k, n := range counts {
		if strings.HasPrefix(k, "partialCached ") && k != "partialCached partialCached" {
			t.Errorf("%d parts end in %s", n, k)
		}
	}
}

// FuzzEscapers holds the escapers of tightened layouts to html/template:
// each one's output for a string is what html/template writes for it in
// its context.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "a<b>&'\"+=", "\x00", "\xff\xfe\xc3", "\uFDD0\uFFFE", "javascript:alert(1)", "JavaScript:x", " javascript:x",
		"mailto:a@b.se", "HTTPS://x/å ä?q=1&r=2#f", "%zz%41%4%", "/a b/(c)'d'[e]", "data:text/html,x", "//evil.example", "a:b/c", "/x:y", "tel:+4610", "#frag", "?q=a+b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameAsEscaped(t, s) })
}

// sameAsEscaped fails t unless each escaper of tightened layouts writes
// for v what html/template writes for it in the escaper's context.
func sameAsEscaped(t *testing.T, v any) {
	t.Helper()
	for _, c := range []struct {
		name string
		f    func(any) string
		tmpl contextTmpl
	}{
		{"urlAttr", urlAttr, urlAttrTmpl},
		{"escapeText", escapeText, textTmpl},
		{"escapeAttr", escapeAttr, attrTmpl},
		{"escapeRCDATA", escapeRCDATA, rcdataTmpl},
	} {
		var b strings.Builder
		if err := c.tmpl.Template.Execute(&b, v); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(strings.TrimPrefix(b.String(), c.tmpl.before), c.tmpl.after)
		if have := c.f(v); have != want {
			t.Errorf("%s(%T %q) = %q, html/template writes %q", c.name, v, fmt.Sprint(v), have, want)
		}
	}
}

// rootLayouts is the repository's root, whose layouts/ is the theme.
func rootLayouts() fs.FS { return os.DirFS("../..") }

// FuzzEscapersNumber holds the escapers of tightened layouts to
// html/template for ints, int64s and bools, which they write themselves.
func FuzzEscapersNumber(f *testing.F) {
	for _, n := range []int64{0, -1, 7, 5900, math.MaxInt64, math.MinInt64} {
		f.Add(n, n%2 == 0)
	}
	f.Fuzz(func(t *testing.T, n int64, b bool) {
		for _, v := range []any{int(n), n, b, int32(n), uint(n), template.HTML("x")} {
			sameAsEscaped(t, v)
		}
	})
}
