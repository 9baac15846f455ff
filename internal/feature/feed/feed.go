// Package feed is the feature that writes the site's Atom feed, /atom.xml:
// the news and seminars, newest first. Its entries are every Markdown page
// under content/nyheter/ (not the section page itself) and every seminar
// page (a page with sessions:) that has a date, by that date. Every page
// links to the feed from <head> (layouts/base.html). The feed's updated
// time is that of its newest entry, so the same content always gives the
// same feed. It gives the layouts nothing (.Feature "feed" is always nil).
package feed

import (
	"bytes"
	"encoding/xml"
	"sort"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
)

// Path is where the feed is published.
const Path = "atom.xml"

// newsDir holds the news pages.
const newsDir = content.Dir + "/nyheter/"

// Feature is the feed, for the engine's list of features.
var Feature = feature.Feature{Name: "feed", Load: load}

// feed is the feature's state in one build: what it reads when it writes.
type feed struct {
	pages                     []*content.Page
	base, title, organisation string
}

func load(b *feature.Build) feature.Instance {
	return &feed{pages: b.Pages, base: b.BaseURL, title: b.Settings.Title, organisation: b.Settings.Organisation}
}

// View gives the layouts nothing: the link to the feed is in base.html.
func (*feed) View(*content.Page) any { return nil }

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Links   []atomLink  `xml:"link"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Entries []atomEntry `xml:"entry"`
}

// entryDate reports whether p belongs in the feed and its date.
func entryDate(p *content.Page) (time.Time, bool) {
	_, seminar := p.Front.Keys["sessions"]
	if (strings.HasPrefix(p.Path, newsDir) || seminar) && !p.Section && !p.Front.Date.IsZero() {
		return p.Front.Date, true
	}
	return time.Time{}, false
}

// Write writes the feed.
func (f *feed) Write(out feature.Output) error {
	type item struct {
		p    *content.Page
		date time.Time
	}
	var items []item
	for _, p := range f.pages {
		if d, ok := entryDate(p); ok {
			items = append(items, item{p, d})
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		if !items[i].date.Equal(items[j].date) {
			return items[i].date.After(items[j].date)
		}
		return items[i].p.URL < items[j].p.URL
	})
	base := f.base
	if base == "" {
		base = "https://example.invalid"
	}
	af := atomFeed{
		Lang:   "sv",
		Title:  f.title + " – nyheter och seminarier",
		ID:     base + "/",
		Links:  []atomLink{{Href: base + "/" + Path, Rel: "self", Type: "application/atom+xml"}, {Href: base + "/"}},
		Author: f.organisation,
	}
	for _, it := range items {
		af.Entries = append(af.Entries, atomEntry{
			Title:   it.p.Front.Title,
			ID:      base + it.p.URL,
			Link:    atomLink{Href: base + it.p.URL},
			Updated: it.date.Format(time.RFC3339),
			Summary: it.p.Front.Description,
		})
	}
	if len(items) > 0 {
		af.Updated = items[0].date.Format(time.RFC3339)
	} else {
		af.Updated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	if err := enc.Encode(af); err != nil {
		return err
	}
	return out.Write(Path, "feed", buf.Bytes())
}
