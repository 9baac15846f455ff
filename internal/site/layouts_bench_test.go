//go:build unix

package site_test

import (
	"bytes"
	"flag"
	"fmt"
	htmltemplate "html/template"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/programme"
	"github.com/hbtq-diplomering/webbplats/internal/render"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/site"
)

var layoutsRoot = flag.String("layouts", "../..", "the site root whose layouts/ BenchmarkLayouts executes")

// BenchmarkLayouts executes the layout page for 1 000 pages in ten
// sections, in one build's cache of parts, with what every page has
// (a menu of six, breadcrumbs, a footer with contact and links) and a body
// of 9 KB: what executing the layouts costs a page, without the Markdown,
// minifying or writing; cpu-ns/page is the process's CPU time, steadier
// than the wall clock on a shared machine. To compare with other layouts
// (another revision's):
//
//	go test ./internal/site -run '^$' -bench Layouts -count 6 -layouts /path/to/other/root
func BenchmarkLayouts(b *testing.B) {
	tmpl, err := render.Load(os.DirFS(*layoutsRoot), render.Funcs(func(name string) (string, error) { return "/assets/" + name, nil }))
	if err != nil {
		b.Fatal(err)
	}
	cfg := &settings.Site{
		Title: "Hbtq-diplomering", Organisation: "Region Exempel", Description: "Om diplomeringen.",
		Contact:     settings.Contact{Name: "Hbtq-diplomering", Email: "hbtq@example.se", Phone: "010-123 45 00"},
		FooterLinks: []programme.Link{{Text: "Tillgänglighet", URL: "/om/tillganglighet/"}, {Text: "Om webbplatsen", URL: "/om/"}},
	}
	body := strings.Repeat("<h2 id=\"rubrik\">Rubrik om vård</h2>\n<p>Ett stycke om diplomering, bemötande och arbetsmiljö. Se <a href=\"/om/pris/\">priser</a>.</p>\n", 60)
	var views []*site.View
	for i := range 1000 {
		sec := i % 10
		secURL := fmt.Sprintf("/avsnitt-%d/", sec)
		menu := make(site.Links, 6)
		for m := range menu {
			u := fmt.Sprintf("/avsnitt-%d/", m)
			menu[m] = site.Link{Title: fmt.Sprintf("Avsnitt %d", m), URL: u, Ancestor: u == secURL}
		}
		p := &site.Page{Title: fmt.Sprintf("Sida %d om vård", i), Description: "En sida om bemötande.", URL: fmt.Sprintf("%ssida-%d/", secURL, i), Kind: "page", Lang: "sv", Content: htmltemplate.HTML(body)}
		views = append(views, &site.View{
			Site: cfg, Page: p, Menu: menu, Canonical: "https://hbtq.example.se" + p.URL,
			Breadcrumbs: site.Links{{Title: "Start", URL: "/"}, {Title: fmt.Sprintf("Avsnitt %d", sec), URL: secURL}},
		})
	}
	var buf bytes.Buffer
	cpu0 := cpuTime()
	for b.Loop() {
		c := &render.Cache{}
		for _, v := range views {
			buf.Reset()
			if err := tmpl.Execute(&buf, "page", site.WithParts(v, c), c); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(views)), "ns/page")
	// CPU time, user and system, of the process: on a machine that others
	// share, the wall clock measures them too.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N*len(views)), "cpu-ns/page")
}

// cpuTime returns the CPU time the process has used, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
