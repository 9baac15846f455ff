package render

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
)

func layouts(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for p, s := range files {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

var noAsset = func(name string) (string, error) { return "/assets/" + name, nil }

// TestExecute: a layout fills the base's block, partials are named by file,
// the template functions write Swedish dates (timetag nothing for the zero
// time), numbers and phone numbers, and values are escaped.
func TestExecute(t *testing.T) {
	fsys := layouts(map[string]string{
		"layouts/base.html":          `<main>{{block "main" .}}{{end}}</main>{{template "partials/foot.html" .}}`,
		"layouts/partials/foot.html": `<footer>{{phone .Phone}} {{tel .Phone}}</footer>`,
		"layouts/page.html":          `{{define "main"}}<h1>{{.Title}}</h1><p>{{date .Date}} {{isodate .Date}} {{number .N}} {{asset "style.css"}}</p>{{timetag .Date}}|{{shorttimetag .Date}}|{{timetag .Zero}}|{{with timetag .Zero}}set{{end}}{{end}}`,
	})
	tm, err := Load(fsys, Funcs(noAsset))
	if err != nil {
		t.Fatal(err)
	}
	if !tm.Has("page") || tm.Has("base") || tm.Has("foot") {
		t.Errorf("Names = %v, want [page]", tm.Names())
	}
	var b strings.Builder
	data := map[string]any{"Title": "Pris <och> villkor", "Date": time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC), "N": 5900, "Phone": "010-1234500", "Zero": time.Time{}}
	if err := tm.Execute(&b, "page", data, nil); err != nil {
		t.Fatal(err)
	}
	want := "<main><h1>Pris &lt;och&gt; villkor</h1><p>31 augusti 2026 2026-08-31 5\u00a0900 /assets/style.css</p><time datetime=\"2026-08-31\">31 augusti 2026</time>|<time datetime=\"2026-08-31\">31 aug 2026</time>||</main><footer>010-123\u00a045\u00a000 &#43;46101234500</footer>"
	if have := b.String(); have != want {
		t.Errorf("have %s\nwant %s", have, want)
	}
}

// TestErrors: a missing base, a parse error and an execution error are
// reported at the layout's file and line; a missing layout names its file.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		exec  string // layout to execute; "" when Load must fail
		want  string
	}{
		{"no base", map[string]string{"layouts/page.html": `x`}, "", "layouts/base.html"},
		{"parse error", map[string]string{
			"layouts/base.html": "<main>\n{{block \"main\" .}}{{end}}</main>",
			"layouts/page.html": "{{define \"main\"}}\n\n{{if}}{{end}}",
		}, "", "layouts/page.html:3"},
		{"partial parse error", map[string]string{
			"layouts/base.html":       `{{block "main" .}}{{end}}`,
			"layouts/partials/x.html": "\n{{end}}",
			"layouts/page.html":       `{{define "main"}}{{end}}`,
		}, "", "layouts/partials/x.html:2"},
		{"execution error", map[string]string{
			"layouts/base.html": `{{block "main" .}}{{end}}`,
			"layouts/page.html": "{{define \"main\"}}\n{{.Missing.Field}}{{end}}",
		}, "page", "layouts/page.html:2"},
		{"missing layout", map[string]string{
			"layouts/base.html": `{{block "main" .}}{{end}}`,
		}, "unit", "layouts/unit.html"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tm, err := Load(layouts(tc.files), Funcs(noAsset))
			if tc.exec != "" {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				err = tm.Execute(&strings.Builder{}, tc.exec, map[string]any{"Missing": 1}, nil)
			}
			if err == nil {
				t.Fatal("no error")
			}
			var de *diag.Error
			if l := diag.Errors(err); len(l) > 0 {
				de = l[0]
			} else if !errors.As(err, &de) {
				t.Fatalf("%v is not a diag error", err)
			}
			if !strings.HasPrefix(de.Pos(), tc.want) {
				t.Errorf("the error is at %s (%v), want %s", de.Pos(), err, tc.want)
			}
		})
	}
}

// TestErrorPlain: an error without a place keeps its text.
func TestErrorPlain(t *testing.T) {
	err := Error(errors.New("something else"))
	if !strings.Contains(err.Error(), "something else") {
		t.Errorf("Error lost the text: %v", err)
	}
}

// TestPartialCached: a part is executed once per list of keys in a build's
// Cache, with the data of the first page that asks for them, and what that
// page noted is replayed on the later ones; without a Cache it is executed
// on each call. A key that cannot be one is an error at the layout.
func TestPartialCached(t *testing.T) {
	fsys := layouts(map[string]string{
		"layouts/base.html":          `{{block "main" .}}{{end}}|{{partialCached "partials/menu.html" . .Section}}|{{partialCached "partials/menu.html" . .Section .N}}`,
		"layouts/partials/menu.html": `<a href="{{.URL}}">{{.Title}}</a>{{.Note "menu"}}`,
		"layouts/page.html":          `{{define "main"}}{{.Title}}{{end}}`,
		"layouts/bad.html":           `{{define "main"}}{{partialCached "partials/menu.html" . .Bad}}{{end}}`,
	})
	tm, err := Load(fsys, Funcs(noAsset))
	if err != nil {
		t.Fatal(err)
	}
	c := &Cache{
		Note: func(data any) func() []string {
			p := data.(*page)
			p.noting = true
			start := len(p.noted)
			return func() []string { p.noting = false; return p.noted[start:] }
		},
		Replay: func(data any, noted []string) { data.(*page).noted = append(data.(*page).noted, noted...) },
	}
	for _, tc := range []struct {
		p     *page
		c     *Cache
		want  string
		noted int
	}{
		{&page{Title: "A", URL: "/a/", Section: "s", N: 1}, c, `A|<a href="/a/">A</a>|<a href="/a/">A</a>`, 2},
		{&page{Title: "B", URL: "/b/", Section: "s", N: 1}, c, `B|<a href="/a/">A</a>|<a href="/a/">A</a>`, 2},
		{&page{Title: "C", URL: "/c/", Section: "s", N: 2}, c, `C|<a href="/a/">A</a>|<a href="/c/">C</a>`, 2},
		{&page{Title: "D", URL: "/d/", Section: "t", N: 2}, c, `D|<a href="/d/">D</a>|<a href="/d/">D</a>`, 2},
		{&page{Title: "E", URL: "/e/", Section: "s", N: 1}, nil, `E|<a href="/e/">E</a>|<a href="/e/">E</a>`, 0},
	} {
		var b strings.Builder
		if err := tm.Execute(&b, "page", tc.p, tc.c); err != nil {
			t.Fatal(err)
		}
		if have := b.String(); have != tc.want {
			t.Errorf("page %s: have %s, want %s", tc.p.Title, have, tc.want)
		}
		if len(tc.p.noted) != tc.noted {
			t.Errorf("page %s noted %v, want %d notes", tc.p.Title, tc.p.noted, tc.noted)
		}
	}
	err = tm.Execute(&strings.Builder{}, "bad", &page{Bad: []string{"x"}}, c)
	if err == nil || !strings.HasPrefix(err.Error(), "layouts/bad.html:1") || !strings.Contains(err.Error(), "cannot be a key") {
		t.Errorf("a slice as a key: %v, want an error at layouts/bad.html:1", err)
	}
}

// TestPartialCachedKeys checks that a part's keys are kept apart: keys
// that, run together, make the same string are two keys, not one.
func TestPartialCachedKeys(t *testing.T) {
	fsys := layouts(map[string]string{
		"layouts/base.html":          `{{partialCached "partials/menu.html" . .Section .Sub}}`,
		"layouts/partials/menu.html": `{{.URL}}`,
		"layouts/page.html":          ``,
	})
	tm, err := Load(fsys, Funcs(noAsset))
	if err != nil {
		t.Fatal(err)
	}
	c := &Cache{}
	for _, p := range []*page{
		{URL: "/1/", Section: "a", Sub: "b\x00c"},
		{URL: "/2/", Section: "a\x00b", Sub: "c"},
		{URL: "/3/", Section: "a\x00b\x00c"},
		{URL: "/4/", Section: "a", Sub: "b\x00c\x00\x00\x00\x00\x00\x00\x00\x03"},
	} {
		var b strings.Builder
		if err := tm.Execute(&b, "page", p, c); err != nil {
			t.Fatal(err)
		}
		if b.String() != p.URL {
			t.Errorf("keys %q %q: have %s, want %s", p.Section, p.Sub, b.String(), p.URL)
		}
	}
}

type page struct {
	Title, URL, Section, Sub, Part string
	N                              int
	Bad                            []string
	noting                         bool
	noted                          []string
}

func (p *page) Note(s string) string {
	if p.noting {
		p.noted = append(p.noted, s)
	}
	return ""
}

// TestPartCacher: data that carries its Cache gives it to partialCached
// (a part is kept for the next page with the same keys), and Execute
// refuses a Cache that is not the one the data carries.
func TestPartCacher(t *testing.T) {
	fsys := layouts(map[string]string{
		"layouts/base.html":         `{{partialCached "partials/top.html" . .Section}}|{{.Title}}`,
		"layouts/partials/top.html": `<a href="{{.URL}}">{{.Title}}</a>`,
		"layouts/page.html":         ``,
	})
	tm, err := Load(fsys, Funcs(noAsset))
	if err != nil {
		t.Fatal(err)
	}
	c := &Cache{}
	for _, tc := range []struct {
		p    *carrier
		want string
	}{
		{&carrier{Title: "A", URL: "/a/", Section: "s", cache: c}, `<a href="/a/">A</a>|A`},
		{&carrier{Title: "B", URL: "/b/", Section: "s", cache: c}, `<a href="/a/">A</a>|B`},
		{&carrier{Title: "C", URL: "/c/", Section: "t", cache: c}, `<a href="/c/">C</a>|C`},
		{&carrier{Title: "D", URL: "/d/", Section: "s"}, `<a href="/d/">D</a>|D`},
	} {
		var b strings.Builder
		if err := tm.Execute(&b, "page", tc.p, tc.p.cache); err != nil {
			t.Fatal(err)
		}
		if have := b.String(); have != tc.want {
			t.Errorf("page %s: have %s, want %s", tc.p.Title, have, tc.want)
		}
	}
	if err := tm.Execute(&strings.Builder{}, "page", &carrier{cache: c}, &Cache{}); err == nil {
		t.Error("a Cache other than the data's: no error")
	}
}

type carrier struct {
	Title, URL, Section string
	cache               *Cache
}

func (c *carrier) PartCache() *Cache { return c.cache }
