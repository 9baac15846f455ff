package site

import (
	"bytes"
	"encoding/xml"
	"sort"
	"strings"
	"time"

	"hbtq/internal/content"
)

// The Atom feed, /atom.xml, lists the site's news and seminars, newest
// first: every page under content/nyheter/ (not the section page itself)
// and every seminar page that has a date (its publication date), and every
// generated page a feature marks as a feed item. Every page links to it from
// <head>. The feed's updated time is that of its newest entry, so the same
// content always gives the same feed.

// FeedPath is where the feed is published.
const FeedPath = "atom.xml"

// newsDir holds the news pages.
const newsDir = content.Dir + "/nyheter/"

func init() { register("feed", func(*builder) feature { return feedFeature{} }) }

type feedFeature struct{}

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

// feedItem reports whether p belongs in the feed and its date.
func feedItem(p *content.Page) (time.Time, bool) {
	if p.Data != nil {
		if it, ok := p.Data.(interface{ FeedDate() time.Time }); ok {
			return it.FeedDate(), !it.FeedDate().IsZero()
		}
		return time.Time{}, false
	}
	if (strings.HasPrefix(p.Path, newsDir) || p.Seminar) && !p.Section && !p.Front.Date.IsZero() {
		return p.Front.Date, true
	}
	return time.Time{}, false
}

func (feedFeature) write(b *builder) error {
	type item struct {
		p    *content.Page
		date time.Time
	}
	var items []item
	for _, p := range b.pages {
		if d, ok := feedItem(p); ok {
			items = append(items, item{p, d})
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		if !items[i].date.Equal(items[j].date) {
			return items[i].date.After(items[j].date)
		}
		return items[i].p.URL < items[j].p.URL
	})
	base := b.base
	if base == "" {
		base = "https://example.invalid"
	}
	f := atomFeed{
		Lang:   "sv",
		Title:  b.cfg.Title + " – nyheter och seminarier",
		ID:     base + "/",
		Links:  []atomLink{{Href: base + "/" + FeedPath, Rel: "self", Type: "application/atom+xml"}, {Href: base + "/"}},
		Author: b.cfg.Organisation,
	}
	for _, it := range items {
		f.Entries = append(f.Entries, atomEntry{
			Title:   it.p.Front.Title,
			ID:      base + it.p.URL,
			Link:    atomLink{Href: base + it.p.URL},
			Updated: it.date.Format(time.RFC3339),
			Summary: it.p.Front.Description,
		})
	}
	if len(items) > 0 {
		f.Updated = items[0].date.Format(time.RFC3339)
	} else {
		f.Updated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	if err := enc.Encode(f); err != nil {
		return err
	}
	return b.out.write(FeedPath, "feed", buf.Bytes())
}
