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
// is generated with the title and description of the site's words
// (search_title, search_description: "Sök på webbplatsen"). The index holds every
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
// The feature sees the other features' pages through feature.Build.Site,
// and each page's text as it is written, taken apart once by the engine
// (it is a feature.PageReader; package pagescan): it loads and reads
// nothing of its own, and keeps a page's words, not its text.
package sitesearch

import (
	"cmp"
	"slices"
	"sync"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
	"github.com/hbtq-diplomering/webbplats/internal/search"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
)

// URL is the address of the search page.
const URL = "/sok/"

const (
	indexPath = "sok/index.json"
	shardDir  = "assets/sok"
)

// Feature is the site search, for the engine's list of features.
var Feature = feature.Feature{Name: name, Load: load}

// name is the feature's name: .Feature "sitesearch".
const name = "sitesearch"

// siteSearch is the feature's state in one build.
type siteSearch struct {
	source   string // the search page's file, for errors: content/sok.md or site.yaml
	settings search.Settings
	data     *Data
	site     feature.Site // the whole build
	features []string     // the other features' names, in order
	resolved sync.Once    // data's A–Ö list and the directory's search, made at the first View

	index   *search.PageIndex
	once    sync.Once // WriteFragments, with the first page's output
	mu      sync.Mutex
	entries map[string]search.PageEntry // by address, as the pages are written
	kept    *kept                       // in the dev server: see kept
}

// kept is what the site search keeps from one of the dev server's builds
// to the next (feature.Build.Kept): the index, whose words' numbers stay
// valid and which keeps what it built (search.PageIndex.KeepBuilds), and
// each page's entry with the page taken apart that it was made from. A page the engine took from the last build as it was comes
// with the same scan, and so with the same words; its entry is taken
// again. The entries keep their fragment files, which Write writes.
type kept struct {
	index *search.PageIndex
	mu    sync.Mutex
	pages map[string]keptPage // by address
	used  map[string]bool     // the pages of this build

	azIn, azOut []Link // the last build's indexed pages, in its order and A–Ö
}

type keptPage struct {
	sc                 *pagescan.Page
	title, description string
	entry              search.PageEntry
}

// Data is what the search page's layout sees: made when the page is
// rendered, after every feature has added its pages.
type Data struct {
	Index string // the page index's main file

	pages            []Link
	directory, units string
}

// Link is one page of the A–Ö list.
type Link struct {
	Title, URL, Description string
}

func load(b *feature.Build) feature.Instance {
	s := &siteSearch{source: settings.File, settings: b.Settings.SearchSettings(),
		data: &Data{Index: "/" + indexPath}, site: b.Site, index: search.NewPageIndex(), entries: map[string]search.PageEntry{}}
	for _, f := range b.Features {
		if f.Name != name {
			s.features = append(s.features, f.Name)
		}
	}
	if b.Kept != nil {
		k, _ := b.Kept[name].(*kept)
		if k == nil {
			k = &kept{index: search.NewPageIndex(), pages: map[string]keptPage{}}
			k.index.KeepBuilds() // after an edit of a page's text, only its words' shards are made again
			b.Kept[name] = k
		}
		k.used = map[string]bool{}
		s.kept, s.index = k, k.index
	}
	var page *content.Page
	for _, p := range b.Pages {
		if p.URL == URL {
			page = p
		}
	}
	if page == nil {
		b.AddPage(&feature.Page{Source: settings.File, URL: URL, Title: b.Words.SearchTitle, Description: b.Words.SearchDescription, Layout: "search"})
	} else {
		b.SetLayout(page, "search")
		s.source = page.Path
	}
	return s
}

// View returns the search page's data; nil for other pages. The data is
// made when it is first asked for, once every feature has added its
// pages, and is then plain data: the dev server can tell whether it
// changed (see package site, reuse.go).
func (s *siteSearch) View(p *content.Page) any {
	if p.URL == URL {
		s.resolved.Do(func() {
			s.data.pages = s.pagesAZ()
			s.data.directory, s.data.units = s.ownSearch()
		})
		return s.data
	}
	return nil
}

// Pages returns every page the search indexes, in Swedish order of titles.
func (d *Data) Pages() []Link { return d.pages }

// pagesAZ returns every page the search indexes, in Swedish order of
// titles. In the dev server, the same pages with the same titles,
// addresses and descriptions in the same order as the last build give the
// last build's list.
func (s *siteSearch) pagesAZ() []Link {
	var in []Link
	for _, p := range s.site.Pages() {
		if indexed(s.site, p) {
			in = append(in, Link{p.Front.Title, p.URL, p.Front.Description})
		}
	}
	if s.kept != nil {
		s.kept.mu.Lock()
		defer s.kept.mu.Unlock()
		if slices.Equal(s.kept.azIn, in) {
			return s.kept.azOut
		}
	}
	type keyed struct {
		Link
		key []byte // swedish.Key of the title, made once per page
		at  int    // the page's place in the build's order
	}
	titles := make([]string, len(in))
	for i, l := range in {
		titles[i] = l.Title
	}
	keys := s.index.TitleKeys(titles...) // the index's, made once for both
	ks := make([]keyed, len(in))
	for i, l := range in {
		ks[i] = keyed{l, keys[i], i}
	}
	// The order of swedish.Compare, then the address, then the build's.
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(search.CompareTitles(a.key, a.Title, a.URL, b.key, b.Title, b.URL), cmp.Compare(a.at, b.at))
	})
	out := make([]Link, len(ks))
	for i, k := range ks {
		out[i] = k.Link
	}
	if s.kept != nil {
		s.kept.azIn, s.kept.azOut = in, out
	}
	return out
}

// Units returns the directory's search index, "" for a site without one:
// the index of the first page with a search of its own (a view that is a
// feature.OwnSearch).
func (d *Data) Units() string { return d.units }

// Directory returns the directory's address, "" for a site without one.
func (d *Data) Directory() string { return d.directory }

// ownSearch returns the address and index of the first page, in the
// build's order, that has a search of its own. Of the search page it asks
// the other features only: its own view is being made.
func (s *siteSearch) ownSearch() (url, index string) {
	for _, p := range s.site.Pages() {
		views := func(yield func(any) bool) {
			for _, v := range s.site.Views(p) {
				if !yield(v) {
					return
				}
			}
		}
		if p.URL == URL {
			views = func(yield func(any) bool) {
				for _, n := range s.features {
					if v := s.site.View(n, p); v != nil && !yield(v) {
						return
					}
				}
			}
		}
		for v := range views {
			if o, ok := v.(feature.OwnSearch); ok {
				return p.URL, o.SearchIndex()
			}
		}
	}
	return "", ""
}

// indexed reports whether the site search holds p: not a page that
// another search finds (a view that is a feature.SearchedBy), nor one
// kept out of search engines (NoIndex).
func indexed(site feature.Site, p *content.Page) bool {
	if p.URL == URL || p.Front.Draft || p.NoIndex {
		return false
	}
	for _, v := range site.Views(p) {
		if _, ok := v.(feature.SearchedBy); ok {
			return false
		}
	}
	return true
}

// Page takes the words of an indexed page as it is written (see
// feature.PageReader): only its entry is kept, not its text.
func (s *siteSearch) Page(p *content.Page, sc *pagescan.Page, out feature.Output) {
	if !indexed(s.site, p) {
		return
	}
	if s.kept != nil {
		s.kept.mu.Lock()
		k, ok := s.kept.pages[p.URL]
		s.kept.used[p.URL] = true
		s.kept.mu.Unlock()
		if ok && k.sc == sc && k.title == p.Front.Title && k.description == p.Front.Description {
			s.mu.Lock()
			s.entries[p.URL] = k.entry
			s.mu.Unlock()
			return
		}
	} else {
		s.once.Do(func() {
			// The page's text by heading is written now, not kept until Write.
			s.index.WriteFragments(func(path string, data []byte) error {
				return out.WriteRawCopy(path, s.source, data) // the index's buffer
			})
		})
	}
	e := s.index.Add(doc(p, sc))
	s.mu.Lock()
	s.entries[p.URL] = e
	s.mu.Unlock()
	if s.kept != nil {
		s.kept.mu.Lock()
		s.kept.pages[p.URL] = keptPage{sc: sc, title: p.Front.Title, description: p.Front.Description, entry: e}
		s.kept.mu.Unlock()
	}
}

// doc returns what the index takes of the page p, taken apart as sc.
func doc(p *content.Page, sc *pagescan.Page) search.Doc {
	secs := make([]search.Section, 0, len(sc.Sections))
	for _, sec := range sc.Sections {
		if sec.Heading != "" || sec.Text != "" {
			secs = append(secs, search.Section{ID: sec.ID, Heading: sec.Heading, Text: sec.Text})
		}
	}
	// The text is the sections' (search.Doc.Sections): no joined copy.
	return search.Doc{URL: p.URL, Title: p.Front.Title, Description: p.Front.Description,
		Headings: sc.SectionHeadings(), Sections: secs}
}

// Write writes the index of every indexed page that was written.
func (s *siteSearch) Write(out feature.Output) error {
	pages := s.site.Pages()
	entries := make([]search.PageEntry, 0, len(pages))
	for _, p := range pages {
		if e, ok := s.entries[p.URL]; ok { // only an indexed page has one
			entries = append(entries, e)
		}
	}
	meta, shards, err := s.index.Build(entries, s.settings, shardDir)
	if err != nil {
		return err
	}
	if s.kept != nil {
		s.kept.mu.Lock()
		for u := range s.kept.pages {
			if !s.kept.used[u] {
				delete(s.kept.pages, u) // a page gone
			}
		}
		s.kept.mu.Unlock()
	}
	for _, sh := range shards {
		if err := out.WriteRaw(sh.Path, s.source, sh.Data); err != nil {
			return err
		}
	}
	return out.WriteRaw(indexPath, s.source, meta)
}
