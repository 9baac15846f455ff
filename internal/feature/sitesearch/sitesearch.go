// Package sitesearch is the feature that searches the whole site: the form
// "Sök på webbplatsen" in every page's header (layouts/partials/header.html)
// leads to /sok/?q=…
//
//	/sok/               the search page (layout search): without scripts it
//	                    lists every page A–Ö and links the directory; its
//	                    script (sitesearch.js) answers ?q=
//	/sok/index.json     the page index's main file (see package search)
//	/assets/sok/*.json  its shards, named by their hash
//
// A Markdown page at content/sok.md, when there is one, becomes the search
// page: its title and text stand above the form. Otherwise the search page
// is generated with the title "Sök på webbplatsen". The index holds every
// page but the search page, drafts (built with -drafts) and the units' own
// pages (units are found through the directory's index, see package
// directory): its title, description, and the headings and text of its
// <main> as published. The words are folded, and the synonyms added, as
// the directory's search does (settings.Site.SearchSettings).
//
// # What the layouts see
//
// The feature's name is "sitesearch"; the search page's layout reaches a
// [*Data] with {{.Feature "sitesearch"}}: the index's address, every
// indexed page A–Ö (Pages), and the directory's index and address (Units,
// Directory; "" on a site without a directory). No other page gets it.
//
// The feature sees the other features' pages through feature.Build.Site
// and reads the published pages when it writes (feature.Output.Read): it
// loads nothing of its own.
package sitesearch

import (
	"bytes"
	"errors"
	"html"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tdewolff/parse/v2"
	lexer "github.com/tdewolff/parse/v2/html"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/search"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// URL is the address of the search page.
const URL = "/sok/"

const (
	title       = "Sök på webbplatsen"
	description = "Sök bland webbplatsens sidor och de diplomerade verksamheterna, eller bläddra bland alla sidor från A till Ö."
	indexPath   = "sok/index.json"
	shardDir    = "assets/sok"
)

// Feature is the site search, for the engine's list of features.
var Feature = feature.Feature{Name: "sitesearch", Load: load}

// siteSearch is the feature's state in one build.
type siteSearch struct {
	source   string // the search page's file, for errors: content/sok.md or site.yaml
	settings search.Settings
	data     *Data
}

// Data is what the search page's layout sees. Its methods run when the
// page is rendered, after every feature has added its pages.
type Data struct {
	Index string // the page index's main file
	site  feature.Site
}

// Link is one page of the A–Ö list.
type Link struct {
	Title, URL, Description string
}

func load(b *feature.Build) feature.Instance {
	s := &siteSearch{source: settings.File, settings: b.Settings.SearchSettings(),
		data: &Data{Index: "/" + indexPath, site: b.Site}}
	var page *content.Page
	for _, p := range b.Pages {
		if p.URL == URL {
			page = p
		}
	}
	if page == nil {
		b.AddPage(&feature.Page{Source: settings.File, URL: URL, Title: title, Description: description, Layout: "search"})
	} else {
		b.SetLayout(page, "search")
		s.source = page.Path
	}
	return s
}

// View returns the search page's data; nil for other pages.
func (s *siteSearch) View(p *content.Page) any {
	if p.URL == URL {
		return s.data
	}
	return nil
}

// Pages returns every page the search indexes, in Swedish order of titles.
func (d *Data) Pages() []Link {
	var out []Link
	for _, p := range d.site.Pages() {
		if indexed(d.site, p) {
			out = append(out, Link{p.Front.Title, p.URL, p.Front.Description})
		}
	}
	slices.SortStableFunc(out, func(a, b Link) int {
		if c := swedish.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})
	return out
}

// Units returns the directory's search index, "" for a site without one:
// the index of the first page with a search of its own (a view that is a
// feature.OwnSearch).
func (d *Data) Units() string {
	_, index := d.ownSearch()
	return index
}

// Directory returns the directory's address, "" for a site without one.
func (d *Data) Directory() string {
	url, _ := d.ownSearch()
	return url
}

// ownSearch returns the address and index of the first page, in the
// build's order, that has a search of its own.
func (d *Data) ownSearch() (url, index string) {
	for _, p := range d.site.Pages() {
		for _, v := range d.site.Views(p) {
			if o, ok := v.(feature.OwnSearch); ok {
				return p.URL, o.SearchIndex()
			}
		}
	}
	return "", ""
}

// indexed reports whether the site search holds p: not a page that
// another search finds (a view that is a feature.SearchedBy).
func indexed(site feature.Site, p *content.Page) bool {
	if p.URL == URL || p.Front.Draft {
		return false
	}
	for _, v := range site.Views(p) {
		if _, ok := v.(feature.SearchedBy); ok {
			return false
		}
	}
	return true
}

// Write reads every indexed page as published and writes the index. The
// pages are read and taken apart on every core; the index is the same
// whatever the order they finish in.
func (s *siteSearch) Write(out feature.Output) error {
	var pages []*content.Page
	for _, p := range s.data.site.Pages() {
		if indexed(s.data.site, p) {
			pages = append(pages, p)
		}
	}
	found := make([]bool, len(pages))
	all := make([]search.Doc, len(pages))
	errs := make([]error, len(pages))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pages)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(pages) {
					return
				}
				p := pages[i]
				data, err := out.Read(strings.TrimPrefix(p.URL, "/") + "index.html")
				if errors.Is(err, fs.ErrNotExist) {
					continue // the page did not render: its problem is reported
				}
				if err != nil {
					errs[i] = err
					continue
				}
				d := pageText(data)
				d.URL, d.Title, d.Description = p.URL, p.Front.Title, p.Front.Description
				all[i], found[i] = d, true
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	var docs []search.Doc
	for i, d := range all {
		if found[i] {
			docs = append(docs, d)
		}
	}
	meta, shards, err := search.BuildPages(docs, s.settings, shardDir)
	if err != nil {
		return err
	}
	for _, sh := range shards {
		if err := out.WriteRaw(sh.Path, s.source, sh.Data); err != nil {
			return err
		}
	}
	return out.WriteRaw(indexPath, s.source, meta)
}

// pageText returns the headings and text of the <main> of a published
// page; the h1 (the title) and scripts are left out.
func pageText(data []byte) search.Doc {
	var d search.Doc
	var text, heading strings.Builder
	// Only <main> counts: start the lexer there, and end it after </main>.
	// The slice's capacity ends with it: the lexer writes a NUL after the
	// end of its input when there is room, which would land in the page
	// itself (a page of the dev server or of check, kept in memory).
	if i := bytes.Index(data, []byte("<main")); i >= 0 {
		data = data[i:]
		if j := bytes.LastIndex(data, []byte("</main>")); j >= 0 {
			data = data[:j+len("</main>")]
		}
	}
	data = data[:len(data):len(data)]
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
