package site

// The site search: the form "Sök på webbplatsen" in every page's header
// (layouts/partials/header.html) leads to /sok/?q=…
//
//	/sok/               the search page (layout search): without scripts it
//	                    lists every page A–Ö and links the directory; its
//	                    script (sitesearch.js) answers ?q=
//	/sok/index.json     the page index's main file (see package search)
//	/assets/sok/*.json  its shards, named by their hash
//
// A Markdown page at content/sok.md, when there is one, becomes the search
// page: its title and text stand above the form. The index holds every
// page but the search page, the not-found page and the units' own pages
// (units are found through the directory's index): its title,
// description, and the headings and text of its <main> as published.

import (
	"errors"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tdewolff/parse/v2"
	lexer "github.com/tdewolff/parse/v2/html"

	"hbtq/internal/content"
	"hbtq/internal/directory"
	"hbtq/internal/search"
	"hbtq/internal/settings"
	"hbtq/internal/swedish"
)

// SearchURL is the address of the search page.
const SearchURL = "/sok/"

const (
	searchTitle       = "Sök på webbplatsen"
	searchDescription = "Sök bland webbplatsens sidor och de diplomerade verksamheterna, eller bläddra bland alla sidor från A till Ö."
	searchIndex       = "sok/index.json"
)

func init() { register("sitesearch", loadSiteSearch) }

// siteSearch is the feature's state between load and write.
type siteSearch struct {
	page *content.Page
}

// searchData is the search page's .Data (see builder.pageData). Its methods run when the page is
// rendered, after every feature has added its pages.
type searchData struct {
	Index string // the page index's main file
	b     *builder
	self  *content.Page
}

// searchLink is one page of the A–Ö list.
type searchLink struct {
	Title, URL, Description string
}

// Pages returns every page the search indexes, in Swedish order of titles.
func (d *searchData) Pages() []searchLink {
	var out []searchLink
	for _, p := range d.b.pages {
		if d.b.indexed(p, d.self) {
			out = append(out, searchLink{p.Front.Title, p.URL, p.Front.Description})
		}
	}
	slices.SortStableFunc(out, func(a, b searchLink) int {
		if c := swedish.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})
	return out
}

// Units returns the directory's search index, "" for a site without one.
func (d *searchData) Units() string {
	if p, ok := d.b.byURL[directory.URL]; ok {
		if dd, ok := d.b.featureView("directory", p).(*directory.Data); ok {
			return dd.Index
		}
	}
	return ""
}

// Directory returns the directory's address, "" for a site without one.
func (d *searchData) Directory() string {
	if d.Units() == "" {
		return ""
	}
	return directory.URL
}

// indexed reports whether the site search holds p.
func (b *builder) indexed(p, self *content.Page) bool {
	if p == self || p.Front.Draft {
		return false
	}
	_, unit := b.featureView("directory", p).(*directory.Unit)
	return !unit
}

func loadSiteSearch(b *builder) oldFeature {
	var page *content.Page
	for _, p := range b.pages {
		if p.URL == SearchURL {
			page = p
		}
	}
	if page == nil {
		page = &content.Page{
			Path: settings.File, URL: SearchURL,
			Front: content.Front{Title: searchTitle, Description: searchDescription},
		}
		b.addPage(page)
	}
	if page.Front.Layout == "" {
		page.Front.Layout = "search"
	}
	b.pageData = map[string]any{page.URL: &searchData{Index: "/" + searchIndex, b: b, self: page}}
	return &siteSearch{page: page}
}

// write reads every indexed page as published and writes the index.
func (s *siteSearch) write(b *builder) error {
	var docs []search.Doc
	for _, p := range b.pages {
		if !b.indexed(p, s.page) {
			continue
		}
		data, err := b.out.read(strings.TrimPrefix(p.URL, "/") + "index.html")
		if errors.Is(err, fs.ErrNotExist) {
			continue // the page did not render: its problem is reported
		}
		if err != nil {
			return err
		}
		d := pageText(data)
		d.URL, d.Title, d.Description = p.URL, p.Front.Title, p.Front.Description
		docs = append(docs, d)
	}
	meta, shards, err := search.BuildPages(docs, directory.SearchSettings(b.cfg), "assets/sok")
	if err != nil {
		return err
	}
	for _, sh := range shards {
		if err := b.out.copyBytes(sh.Path, s.page.Path, sh.Data); err != nil {
			return err
		}
	}
	return b.out.copyBytes(searchIndex, s.page.Path, meta)
}

// pageText returns the headings and text of the <main> of a published
// page; the h1 (the title) and scripts are left out.
func pageText(data []byte) search.Doc {
	var d search.Doc
	var text, heading strings.Builder
	l := lexer.NewLexer(parse.NewInputBytes(data))
	inMain, skip, inHeading := 0, 0, false
	for {
		tt, _ := l.Next()
		switch tt {
		case lexer.ErrorToken:
			d.Text = strings.Join(strings.Fields(text.String()), " ")
			return d
		case lexer.StartTagToken:
			switch t := strings.ToLower(string(l.Text())); t {
			case "main":
				inMain++
			case "script", "style", "h1", "template":
				skip++
			case "h2", "h3", "h4", "h5", "h6":
				inHeading = true
				heading.Reset()
			}
		case lexer.EndTagToken:
			switch t := strings.ToLower(string(l.Text())); t {
			case "main":
				inMain--
			case "script", "style", "h1", "template":
				skip--
			case "h2", "h3", "h4", "h5", "h6":
				if inHeading && inMain > 0 {
					if h := strings.Join(strings.Fields(heading.String()), " "); h != "" {
						d.Headings = append(d.Headings, h)
					}
				}
				inHeading = false
			}
			text.WriteByte(' ')
		case lexer.TextToken:
			if inMain == 0 || skip > 0 {
				continue
			}
			t := html.UnescapeString(string(l.Text()))
			if inHeading {
				heading.WriteString(t)
			} else {
				text.WriteString(t)
			}
		}
	}
}

// read returns the published file p (slash-separated, under the output).
func (o *output) read(p string) ([]byte, error) {
	if o.mem != nil {
		o.mu.Lock()
		defer o.mu.Unlock()
		if data, ok := o.mem[p]; ok {
			return data, nil
		}
	}
	return os.ReadFile(filepath.Join(o.dir, filepath.FromSlash(p)))
}
