package site

import (
	"sort"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// # Scheduled pages
//
// A page with publish: in its front matter appears on that day: before it
// the build leaves it out like a draft (so no page, list, sitemap, feed,
// search index or calendar has it), unless it runs with -drafts, whose
// preview shows what is to come. A page with unpublish: goes on that day:
// from it on it is left out the same way, -drafts or not, and its address
// (and its aliases) lead to the nearest section above it that is still
// published, so that a bookmark or a link finds the section instead of
// "Sidan finns inte". The nightly build brings both out; after every build
// a note lists what the coming days will publish and remove.

// maxScheduleNotes is how many coming changes the notes list at most.
const maxScheduleNotes = 10

// scheduledLater reports whether p's publish day is still to come.
func (b *builder) scheduledLater(p *content.Page) bool {
	return !p.Front.Publish.IsZero() && b.opt.Now.Before(p.Front.Publish)
}

// unpublished reports whether p's unpublish day has come.
func (b *builder) unpublished(p *content.Page) bool {
	return !p.Front.Unpublish.IsZero() && !b.opt.Now.Before(p.Front.Unpublish)
}

// schedule sends the addresses of the pages gone to their sections and
// notes the coming changes of all pages.
func (b *builder) schedule(all, gone []*content.Page) {
	live := map[string]bool{}
	for _, p := range b.pages {
		live[p.URL] = true
	}
	for _, p := range gone {
		to := p.URL
		for to != "/" {
			to = parentOf(to)
			if live[to] {
				break
			}
		}
		b.redirect(p.URL, to, p.Path)
		for _, a := range p.Front.Aliases {
			if !live[a] {
				b.redirect(a, to, p.Path)
			}
		}
	}
	type change struct {
		day  time.Time
		note msg.Message
	}
	var coming []change
	for _, p := range all {
		if p.Front.Draft {
			continue
		}
		if t := p.Front.Publish; !t.IsZero() && b.opt.Now.Before(t) {
			coming = append(coming, change{t, NoteWillPublish.With(p.Path, p.Front.Title, swedish.Date(t))})
		}
		if t := p.Front.Unpublish; !t.IsZero() && b.opt.Now.Before(t) {
			coming = append(coming, change{t, NoteWillUnpublish.With(p.Path, p.Front.Title, swedish.Date(t))})
		}
	}
	sort.SliceStable(coming, func(i, j int) bool { return coming[i].day.Before(coming[j].day) })
	for i, c := range coming {
		if i == maxScheduleNotes {
			b.note(NoteScheduleMore.With(len(coming) - i))
			break
		}
		b.note(c.note)
	}
}

// parentOf returns the address of the section above u: /om/pris/ → /om/.
func parentOf(u string) string {
	if u == "/" || u == "" {
		return "/"
	}
	i := len(u) - 2
	for i > 0 && u[i] != '/' {
		i--
	}
	return u[:i+1]
}
