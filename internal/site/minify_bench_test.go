package site

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2/buffer"

	"github.com/hbtq-diplomering/webbplats/internal/markdown"
)

func BenchmarkMinifyHTML(b *testing.B) {
	m := newMinifier()
	html := []byte("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<title>T</title>\n</head>\n<body>\n" +
		strings.Repeat("<h2 id=\"x\">Rubrik</h2>\n<p>Ett  stycke   om <a href=\"/om/\">diplomering</a>.</p>\n<ul>\n<li>en</li>\n<li>två</li>\n</ul>\n", 60) +
		"</body>\n</html>\n")
	b.SetBytes(int64(len(html)))
	for b.Loop() {
		if _, err := m.Bytes("text/html", html); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMinifyPages minifies 300 pages in the theme's shape (the head,
// header with the menu, breadcrumbs and footer of layouts/base.html, a
// Markdown body of its own on each page) by htmlMinifier, and by
// minifyFast as a build does: compare the two in one run.
func BenchmarkMinifyPages(b *testing.B) {
	pages := themePages(300)
	m := newMinifier()
	var w bytes.Buffer
	work := make([]byte, 0, 64<<10)
	b.Run("whole", func(b *testing.B) {
		for b.Loop() {
			for _, p := range pages {
				work = append(work[:0], p...) // the minifier changes its input
				w.Reset()
				if err := m.Minify("text/html", &w, buffer.NewReader(work)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			for _, p := range pages {
				w.Reset()
				if err := minifyFast(m, &w, p, &work, nil); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// themePages returns n pages as the theme renders them (before minifying),
// in 12 sections.
func themePages(n int) [][]byte {
	words := strings.Fields("vård bemötande diplomering arbetsmiljö normer hälsa patient personal utbildning seminarium handlingsplan uppföljning")
	var menu strings.Builder
	for s := range 6 {
		fmt.Fprintf(&menu, "<li><a href=\"/avsnitt-%03d/\">Avsnitt %d</a></li>\n", s, s)
	}
	pages := make([][]byte, n)
	for i := range pages {
		sec := i % 12
		var body strings.Builder
		r := rand.New(rand.NewPCG(uint64(i), 1)) // a body of its own
		word := func() string { return words[r.IntN(len(words))] }
		for k := range 12 {
			fmt.Fprintf(&body, "<h2 id=\"rubrik-%d\">Rubrik %d om %s</h2>\n<p>", k, k, word())
			for range 60 {
				body.WriteString(word())
				body.WriteByte(' ')
			}
			fmt.Fprintf(&body, "och <a href=\"/avsnitt-%03d/\">mer</a>.</p>\n<ul>\n<li>%s %s</li>\n<li>%s %s</li>\n</ul>\n", k%6, word(), word(), word(), word())
		}
		pages[i] = fmt.Appendf(nil, `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sida %d – Hbtq-diplomering</title>
<meta name="description" content="Om sida %d.">
<link rel="canonical" href="https://hbtq.example.se/avsnitt-%03d/sida-%d/">
<link rel="stylesheet" href="/assets/style.86fd17e4.css">
<noscript><link rel="stylesheet" href="/assets/noscript.89ce9997.css"></noscript>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="Hbtq-diplomering: nyheter och seminarier" href="/atom.xml">
</head>
<body>
<a class="skip-link" href="#innehall">Gå direkt till huvudinnehållet</a>
<header class="site-header">
<div class="wrap site-header__inner">
<a class="site-name" href="/"><span class="site-name__title">Hbtq-diplomering</span> <span class="site-name__org">Region Mittland</span></a>
<nav class="main-nav" aria-label="Huvudmeny">
<ul>
%s</ul>
</nav>
<form class="site-search needs-js" action="/sok/" method="get" role="search" aria-label="Sök på webbplatsen">
<label class="site-search__label" for="site-q">Sök på webbplatsen</label>
<span class="site-search__row"><input class="site-search__input" type="search" id="site-q" name="q" autocomplete="off" enterkeyhint="search">
<button class="site-search__button" type="submit">Sök</button></span>
</form>
<a class="site-search__az no-js" href="/sok/">Alla sidor A–Ö</a>

</div>
</header>

<div class="wrap page">

<nav class="breadcrumbs" aria-label="Du är här">
<ol>
<li><a href="/">Start</a></li>
<li><a href="/avsnitt-%03d/">Avsnitt %d</a></li>
<li><a href="/avsnitt-%03d/sida-%d/" aria-current="page">Sida %d</a></li>
</ol>
</nav>

<main id="innehall" tabindex="-1">

<article class="prose">
<h1>Sida %d</h1>
%s
<p class="updated">Senast uppdaterad <time datetime="2026-05-10">10 maj 2026</time></p>
</article>

</main>
</div>
<footer class="site-footer">
<div class="wrap site-footer__inner">
<section aria-labelledby="sidfot-kontakt">
<h2 id="sidfot-kontakt">Kontakt</h2>
<p>Hbtq-diplomering, Region Mittland<br>
E-post: <a href="mailto:hbtq.diplomering@mittland.example.se">hbtq.diplomering@mittland.example.se</a><br>
Telefon: <a href="tel:&#43;46101234500">010-123 45 00</a></p>
</section>
<section aria-labelledby="sidfot-om">
<h2 id="sidfot-om">Om webbplatsen</h2>
<ul>
<li><a href="/tillganglighet/">Tillgänglighetsredogörelse</a></li>
</ul>
<p>Webbplatsen använder inga kakor och ingen spårning.</p>
</section>
<p class="site-footer__org">Region Mittland</p>
</div>
</footer>

</body>
</html>
`, i, i, sec, i, menu.String(), sec, sec, sec, i, i, i, body.String())
	}
	return pages
}

// BenchmarkMinifyBodies minifies the Markdown bodies of the generated
// pages in internal/markdown/testdata/gen (bench/gen's) by htmlMinifier and
// by minifyFast (fastMinify, htmlMinifier where it gives up): compare the
// two in one run.
func BenchmarkMinifyBodies(b *testing.B) {
	r := markdown.New(func(p string) string { return "/" + strings.TrimSuffix(p, ".md") + "/" })
	files, err := filepath.Glob("../markdown/testdata/gen/*.md")
	if err != nil || len(files) == 0 {
		b.Fatal("no generated pages", err)
	}
	var bodies [][]byte
	size := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		res, _ := r.Render("sida.md", withoutFrontMatter(src), 1)
		bodies = append(bodies, []byte(res.HTML))
		size += len(res.HTML)
	}
	m := newMinifier()
	var w bytes.Buffer
	work := make([]byte, 0, 64<<10)
	b.Run("tdewolff", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, p := range bodies {
				work = append(work[:0], p...) // the minifier changes its input
				w.Reset()
				if err := htmlMinifier.Minify(m, &w, buffer.NewReader(work), nil); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, p := range bodies {
				w.Reset()
				if err := minifyFast(m, &w, p, &work, nil); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
