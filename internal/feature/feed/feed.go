// Package feed is the feature that writes the site's Atom feed, /atom.xml:
// the site's dated pages, newest first (feature.Site.Dated): the pages of
// the sections that site.yaml's dated: names (news, by default
// content/nyheter/) and the pages other features mark as dated (a seminar
// page with a date), each by its date:. The feed knows no folder or key by
// name. Every page
// links to the feed from <head> (layouts/base.html). The feed's updated
// time is that of its newest entry, so the same content always gives the
// same feed. It gives the layouts nothing (.Feature "feed" is always nil).
package feed

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
)

// Path is where the feed is published.
const Path = "atom.xml"

// Feature is the feed, for the engine's list of features.
var Feature = feature.Feature{Name: "feed", Load: load}

// feed is the feature's state in one build: what it reads when it writes.
type feed struct {
	site                      feature.Site
	base, title, organisation string
	words                     string // the feed's own title, after the site's: nyheter och seminarier
}

func load(b *feature.Build) feature.Instance {
	return &feed{site: b.Site, base: b.BaseURL, title: b.Settings.Title, organisation: b.Settings.Organisation, words: b.Words.Feed}
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

// Write writes the feed.
func (f *feed) Write(out feature.Output) error {
	items := f.site.Dated()
	base := f.base
	if base == "" {
		base = "https://example.invalid"
	}
	af := atomFeed{
		Lang:   "sv",
		Title:  f.title + " – " + f.words,
		ID:     base + "/",
		Links:  []atomLink{{Href: base + "/" + Path, Rel: "self", Type: "application/atom+xml"}, {Href: base + "/"}},
		Author: f.organisation,
	}
	for _, p := range items {
		af.Entries = append(af.Entries, atomEntry{
			Title:   p.Front.Title,
			ID:      base + p.URL,
			Link:    atomLink{Href: base + p.URL},
			Updated: p.Front.Date.Format(time.RFC3339),
			Summary: p.Front.Description,
		})
	}
	if len(items) > 0 {
		af.Updated = items[0].Front.Date.Format(time.RFC3339)
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
