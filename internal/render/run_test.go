package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"testing"
	"time"
)

// runTheme is a theme whose layouts have programs (no template is called
// in <title> or in an attribute): text, attributes, addresses, <title>,
// variables, if, with, range (with else, index and element, over a slice
// and an array), template calls, fields through pointers, interfaces and
// maps, methods with arguments, chains, and, or, not, eq, ne, the
// template functions, partialCached; and layouts a program leaves to
// html/template (other escapers, printf, a method that fails, a nil
// pointer).
var runTheme = map[string]string{
	"layouts/base.html": `{{$p := .}}<!DOCTYPE html><html lang="{{.Title}}"><title>{{if .B}}{{.Title}}{{else}}{{$p.URL}} – {{.N}}{{end}}</title>` +
		`{{partialCached "partials/top.html" . .N .Title}}<main>{{block "main" .}}{{end}}</main>{{template "partials/foot.html" .}}{{template "partials/link.html" .Ptr}}`,
	"layouts/partials/top.html":  `<nav>{{range $i, $l := .Links}}{{if $i}}, {{end}}<a href="{{$l.URL}}"{{if .Current}} aria-current="page"{{end}}>{{$l.Title}}</a>{{else}}none{{end}}</nav>`,
	"layouts/partials/foot.html": `<footer>{{timetag .When}}{{with .HTML}}{{.}}{{else}}no html{{end}}<a href="{{.Any}}" title="{{.Any}}">{{.Any}}</a>{{.Str}} {{.Err}} {{.Nil}} {{.F}} {{.U}} {{.Ptr}}</footer>`,
	"layouts/partials/link.html": `{{with .}}<a href="{{.URL}}">{{.Title}}</a>{{$.Title}}{{end}}`,
	"layouts/page.html": `{{define "main"}}<h1 class="{{.Any}}">{{.Title}}</h1>{{.Upper}} {{.Get "k"}} {{.Map.k}} {{.Map.missing}} {{(.Get "k")}}` +
		`{{with .Ptr}}{{.Title}}{{$.Title}}{{$.N}}{{end}}{{range .List}}<a href="{{.}}" title="{{.}}">{{.}}</a>{{end}}{{range $x := .Arr}}[{{$x}}]{{end}}` +
		`{{if and .B .N}}and{{end}}{{if or .Nil .Title}}or{{end}}{{if not .B}}not{{end}}{{if eq .Title "x"}}eq{{end}}{{if ne .N 3}}ne{{end}}{{and .N .Title}}{{or .Nil .Any}}` +
		`{{$x := 1}}{{$x}}{{$x = .N}}{{$x}}{{date .When}} {{shorttimetag .When}} {{number .N}} {{phone .Title}} {{tel .Title}} {{asset "a.css"}}` +
		`{{with $y := .Title}}{{$y}}{{end}}{{range $i, $l := .Links}}{{$i}}{{$l.Title}}{{end}}{{.Links}}{{range .Mixed}}({{.Title}}){{end}}` +
		`{{with .Feature "k"}}<p title="{{.}}">{{.}}</p>{{end}}{{with .Feature "none"}}none{{else}}not none{{end}}{{(.Feature "p").Title}}{{.Feature "p"}}{{end}}`,
	"layouts/chain.html":    `{{define "main"}}{{(.Get "p").Title}}{{with (.Get "p")}}<a href="{{.URL}}">{{.URL}}</a>{{end}}{{(.Get "none").Title}}{{end}}`,
	"layouts/other.html":    `{{define "main"}}<a href="/sok?q={{.Title}}">s</a><a href="mailto:{{.Title}}">m</a><script>var x = {{.Title}};</script><p style="color: {{.Title}}">x</p>{{end}}`,
	"layouts/printf.html":   `{{define "main"}}{{printf "%s-%d" .Title .N}}{{end}}`,
	"layouts/fail.html":     `{{define "main"}}before {{.Fail}} after{{end}}`,
	"layouts/nil.html":      `{{define "main"}}before {{.Nil.Title}} after{{end}}`,
	"layouts/mapdot.html":   `{{define "main"}}{{range .Map}}{{.}}{{end}}{{end}}`,
	"layouts/rangeint.html": `{{define "main"}}{{range .N}}{{.}}{{end}}{{end}}`,
}

type runPage struct {
	Title, URL string
	HTML       template.HTML
	Any        any
	N          int
	U          uint
	F          float64
	B          bool
	Ptr, Nil   *runPage
	List       []any
	Links      []runLink
	Map        map[string]any
	Err        error
	Str        fmt.Stringer
	When       time.Time
	Arr        [2]string
	Mixed      []any // values of several types, whose .Title is found in several ways
}

type runOther struct {
	N     int
	Title string
}

type runTitled struct{ T string }

func (t runTitled) Title() string { return "titled " + t.T }

type runLink struct {
	Title, URL string
	Current    bool
}

// Feature is reached without reflection by a program (featurer).
func (p *runPage) Feature(name string) any {
	if name == "none" {
		return nil
	}
	return p.Map[name]
}

func (p *runPage) Get(name string) any        { return p.Map[name] }
func (p runPage) Upper() string               { return strings.ToUpper(p.Title) }
func (p *runPage) Fail() (string, error)      { return "", errors.New("fel <x>") }
func (p *runPage) String() string             { return "page " + p.Title }
func (s runStringer) String() string          { return "S:" + string(s) }
func (runStringer) Unused(a, b, c, d int) int { return a }

type runStringer string

// runPages are pages with hostile values in every field.
func runPages() []*runPage {
	hostile := "Pris <och> villkor & 'mer' + \"citat\" </title><script>alert(1)</script>"
	inner := &runPage{Title: "inner <i>", URL: "javascript:alert(1)"}
	return []*runPage{
		{Title: hostile, URL: "/a b/å?q=1&r=2#f", HTML: `<b title="x">&amp; fet</b>`, Any: 42, N: 5900, U: 7, F: 1.5, B: true, Ptr: inner,
			List:  []any{"/x/", "javascript:x", template.URL("/y/?a=b&c"), 7, nil, template.HTML("<i>i</i>"), template.HTMLAttr(`x="1"`)},
			Links: []runLink{{"Start", "/", false}, {hostile, "JavaScript:alert(1)", true}, {"C", "//evil.example/(x)'y'%41%4", false}},
			Map:   map[string]any{"k": hostile, "p": inner}, Mixed: []any{runLink{Title: "<l>"}, runOther{Title: "<o>"}, &runOther{Title: "<p>"}, runTitled{"<t>"}, inner, runLink{Title: hostile}}, Err: errors.New("fel <x>"), Str: runStringer("<s>"), When: time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC), Arr: [2]string{"<a>", "b&"}},
		{Title: "\x00\xff\xfe\uFDD0", URL: "JavaScript:alert(1)", Any: template.HTMLAttr(`x="1"`), Str: runStringer(""), N: 3, List: []any{}, Map: map[string]any{}},
		{Title: "", URL: "", Any: nil, Links: nil, Ptr: &runPage{}},
		{Title: "x", URL: "mailto:a@b", Any: template.JS("a<b"), N: -1, B: true, Map: map[string]any{"k": template.HTML("<b>")}, Arr: [2]string{"", ""}},
		{Title: "010-123 45 00", URL: "tel:+4610", Any: []string{"a", "<b>"}, F: -0.0, Ptr: &runPage{Title: "p", Ptr: &runPage{}}},
	}
}

// TestRunAsEscaped runs the layouts of runTheme with their programs (as
// Execute does) and as html/template escaped them (LoadAsEscaped), on
// pages with hostile values: the output and the errors must be the same
// byte for byte. The page layout must run wholly in its program on every
// page (a program that left every page to html/template would pass the
// comparison), and the layouts a program cannot run must be left to
// html/template with nothing written twice.
func TestRunAsEscaped(t *testing.T) {
	tight, loose := loadRunTheme(t)
	if len(loose.progs) != 0 {
		t.Errorf("LoadAsEscaped made programs: %v", loose.progs)
	}
	for _, name := range []string{"page", "chain", "fail", "nil"} {
		if tight.progs[name] == nil {
			t.Errorf("layout %s has no program", name)
		}
	}
	for _, cached := range []bool{false, true} {
		var tc, lc *Cache
		if cached {
			tc, lc = &Cache{}, &Cache{}
		}
		for _, layout := range tight.Names() {
			for i, p := range runPages() {
				var hb, wb bytes.Buffer
				herr := tight.Execute(&hb, layout, p, tc)
				werr := loose.Execute(&wb, layout, p, lc)
				if hb.String() != wb.String() || fmt.Sprint(herr) != fmt.Sprint(werr) {
					t.Errorf("layout %s, page %d (cache %v):\nrun %q, error %v\nas escaped %q, error %v", layout, i, cached, hb.String(), herr, wb.String(), werr)
				}
				var sb strings.Builder // a writer that is not a bytes.Buffer
				serr := tight.Execute(&sb, layout, p, tc)
				if sb.String() != wb.String() || fmt.Sprint(serr) != fmt.Sprint(werr) {
					t.Errorf("layout %s, page %d, to a strings.Builder:\nrun %q, error %v\nas escaped %q", layout, i, sb.String(), serr, wb.String())
				}
			}
		}
	}
	for i, p := range runPages() {
		for _, name := range []string{"page", "chain"} {
			var b bytes.Buffer
			b.WriteString("kept")
			if !tight.progs[name].run(&b, p) {
				t.Errorf("layout %s, page %d: the program left the page to html/template", name, i)
			}
			if !strings.HasPrefix(b.String(), "kept") {
				t.Errorf("the program wrote over what the buffer held")
			}
		}
		for _, name := range []string{"other", "printf", "fail", "nil", "mapdot", "rangeint"} {
			if p := tight.progs[name]; p != nil {
				b := bytes.NewBufferString("kept")
				if p.run(b, runPages()[0]) || b.String() != "kept" {
					t.Errorf("layout %s: the program ran a page it cannot run, or left output: %q", name, b.String())
				}
			}
		}
	}
}

// TestRunConcurrent runs the page layout's program on several goroutines
// at once (go test -race): the ways it remembers are shared.
func TestRunConcurrent(t *testing.T) {
	tight, loose := loadRunTheme(t)
	pages := runPages()
	want := make([]string, len(pages))
	for i, p := range pages {
		var b bytes.Buffer
		if err := loose.Execute(&b, "page", p, nil); err != nil {
			t.Fatal(err)
		}
		want[i] = b.String()
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 50 {
				i := (g + n) % len(pages)
				var b bytes.Buffer
				if err := tight.Execute(&b, "page", pages[i], nil); err != nil || b.String() != want[i] {
					t.Errorf("page %d: %q, %v", i, b.String(), err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// FuzzRunAsEscaped holds the programs to html/template for any title and
// address.
func FuzzRunAsEscaped(f *testing.F) {
	for _, s := range []string{"", "a<b>&'\"+=", "\x00", "\xff\xfe\xc3", "javascript:alert(1)", "</title><script>", "HTTPS://x/å ä?q=1&r=2#f", "%zz%41%4%", "x"} {
		f.Add(s, s)
	}
	tight, loose := loadRunTheme(f)
	f.Fuzz(func(t *testing.T, title, url string) {
		for _, p := range runPages() {
			p.Title, p.URL = title, url
			p.Links = append(p.Links, runLink{title, url, true})
			p.List = append(p.List, title, url)
			for _, layout := range []string{"page", "chain"} {
				var hb, wb bytes.Buffer
				herr := tight.Execute(&hb, layout, p, nil)
				werr := loose.Execute(&wb, layout, p, nil)
				if hb.String() != wb.String() || fmt.Sprint(herr) != fmt.Sprint(werr) {
					t.Fatalf("layout %s:\nrun %q, %v\nas escaped %q, %v", layout, hb.String(), herr, wb.String(), werr)
				}
			}
		}
	})
}

// loadRunTheme loads runTheme twice: with its programs (Load) and as
// html/template escaped it (LoadAsEscaped).
func loadRunTheme(t testing.TB) (tight, loose *Templates) {
	t.Helper()
	tight, err := Load(layouts(runTheme), Funcs(noAsset))
	if err != nil {
		t.Fatal(err)
	}
	loose, err = LoadAsEscaped(layouts(runTheme), Funcs(noAsset))
	if err != nil {
		t.Fatal(err)
	}
	return tight, loose
}
