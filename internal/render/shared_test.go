package render

import (
	"strings"
	"testing"
)

// TestSharedAsCopied holds the layouts' shared set (see sharedTrees) to
// what a copy of base's set for each layout shows: every layout of each
// theme below, executed in both orders, with and without a Cache, shows
// the same and fails with the same error either way. The themes are the
// cases the sharing must get right: a layout's own definitions replacing
// base's blocks (and an empty one not replacing), two layouts defining the
// same name differently, a partial that calls what a layout defines, a
// layout that replaces a partial (also one kept with partialCached), a
// part partialCached is given by a value, a partial used in text in one
// layout and in an attribute in another, and errors.
func TestSharedAsCopied(t *testing.T) {
	themes := sharedThemes()
	pages := []*page{
		{Title: "Pris <och> villkor", URL: "/a/", Section: "s", Part: "partials/top.html"},
		{Title: "B", URL: "/b/?q=1&r=\"2\"", Section: "s", Part: "partials/top.html"},
		{Title: "C", URL: "javascript:alert(1)", Section: "t", Part: "partials/top.html"},
	}
	for name, files := range themes {
		t.Run(name, func(t *testing.T) {
			shared, err := load(layouts(files), Funcs(noAsset), true, true)
			if err != nil {
				t.Fatal(err)
			}
			copied, err := load(layouts(files), Funcs(noAsset), false, false)
			if err != nil {
				t.Fatal(err)
			}
			names := shared.Names()
			if strings.Join(names, " ") != strings.Join(copied.Names(), " ") {
				t.Fatalf("layouts %v, copied %v", names, copied.Names())
			}
			for _, order := range [][]string{names, reversed(names)} {
				sc, cc := &Cache{}, &Cache{}
				for _, name := range order {
					for _, p := range pages {
						for _, cached := range []bool{false, true} {
							var s, c *Cache
							if cached {
								s, c = sc, cc
							}
							have, herr := execute(shared, name, p, s)
							want, werr := execute(copied, name, p, c)
							if have != want || herr != werr {
								t.Errorf("layout %s, page %s (cache %v):\nshared %q, error %s\ncopied %q, error %s", name, p.Title, cached, have, herr, want, werr)
							}
						}
					}
				}
			}
		})
	}
}

// sharedThemes are the themes of TestSharedAsCopied, by name.
func sharedThemes() map[string]map[string]string {
	base := `<title>{{block "title" .}}{{.Title}} – webbplats{{end}}</title>{{block "head" .}}<meta name="x">{{end}}` +
		`{{partialCached "partials/top.html" . .Section}}<main>{{template "partials/wrap.html" .}}</main>{{template "partials/foot.html" .}}`
	return map[string]map[string]string{
		"blocks": {
			"layouts/base.html":          base,
			"layouts/partials/top.html":  `<nav><a href="{{.URL}}">{{.Section}}</a></nav>`,
			"layouts/partials/wrap.html": `<div>{{block "main" .}}default{{end}}</div>`,
			"layouts/partials/foot.html": `<footer>{{.Title}}</footer>`,
			"layouts/page.html":          `{{define "main"}}<h1>{{.Title}}</h1>{{template "row" .}}{{end}}{{define "row"}}<p>page {{.URL}}</p>{{end}}`,
			"layouts/unit.html":          `{{define "main"}}<h1 title="{{.Title}}">{{template "row" .}}</h1>{{end}}{{define "row"}}unit <a href="{{.URL}}">{{.Section}}</a>{{end}}{{define "head"}}<script src="/{{.Section}}.js"></script>{{end}}`,
			"layouts/empty.html":         `{{define "head"}}{{end}}{{define "main"}}{{end}}`,
			"layouts/titled.html":        `{{define "title"}}Egen: {{.Title}}{{end}}{{define "main"}}<p>{{.Title}}</p>{{end}}`,
			"layouts/none.html":          ``,
		},
		"replaced partials": {
			"layouts/base.html":          base,
			"layouts/partials/top.html":  `<nav>{{.Section}}{{template "partials/item.html" .}}</nav>`,
			"layouts/partials/item.html": `<a href="{{.URL}}">{{.Title}}</a>`,
			"layouts/partials/wrap.html": `{{template "main" .}}`,
			"layouts/partials/foot.html": `<footer><a title="{{template "partials/v.html" .}}" href="/">x</a></footer>`,
			"layouts/partials/v.html":    `{{.Title}} & {{.Section}}`,
			"layouts/page.html":          `{{define "main"}}<p>{{template "partials/v.html" .}}</p>{{end}}`,
			"layouts/foot.html":          `{{define "main"}}m{{end}}{{define "partials/foot.html"}}<footer class="own">{{.URL}}</footer>{{end}}`,
			"layouts/item.html":          `{{define "main"}}m{{end}}{{define "partials/item.html"}}<b>{{.Title}}</b>{{end}}`,
			"layouts/main.html":          `{{define "partials/wrap.html"}}<section>{{template "main" .}}</section>{{end}}{{define "main"}}<p>{{.URL}}</p>{{end}}`,
		},
		"partialCached by a value": {
			"layouts/base.html":         `{{partialCached .Part . .Section}}{{block "main" .}}{{end}}`,
			"layouts/partials/top.html": `<nav>{{.Section}}</nav>`,
			"layouts/page.html":         `{{define "main"}}<p>{{.Title}}</p>{{end}}`,
			"layouts/other.html":        `{{define "main"}}<p>{{.URL}}</p>{{end}}{{define "partials/top.html"}}<nav class="own">{{.Title}}</nav>{{end}}`,
		},
		"partialCached by a layout's name": {
			"layouts/base.html":  `{{block "main" .}}{{end}}`,
			"layouts/page.html":  `{{define "main"}}{{partialCached "row" . .Section}}{{end}}{{define "row"}}<p>{{.Title}}</p>{{end}}`,
			"layouts/other.html": `{{define "main"}}{{partialCached "row" . .Section}}{{end}}{{define "row"}}<p>{{.URL}}</p>{{end}}`,
		},
		"errors": {
			"layouts/base.html":          `{{block "main" .}}{{end}}{{template "partials/foot.html" .}}`,
			"layouts/partials/foot.html": `<footer>{{.Title}}</footer>`,
			"layouts/attr.html":          `{{define "main"}}<a href="{{.URL}}{{end}}`,
			"layouts/missing.html":       `{{define "main"}}{{template "nowhere" .}}{{end}}`,
			"layouts/field.html":         "{{define \"main\"}}\n{{.Nothing.Here}}{{end}}",
			"layouts/ok.html":            `{{define "main"}}<p>{{.Title}}</p>{{end}}`,
		},
	}
}

func execute(tm *Templates, name string, p *page, c *Cache) (string, string) {
	var b strings.Builder
	err := tm.Execute(&b, name, &page{Title: p.Title, URL: p.URL, Section: p.Section, Part: p.Part}, c)
	if err != nil {
		return b.String(), err.Error()
	}
	return b.String(), ""
}

func reversed(s []string) []string {
	r := make([]string, len(s))
	for i, x := range s {
		r[len(s)-1-i] = x
	}
	return r
}
