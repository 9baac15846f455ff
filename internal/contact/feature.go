package contact

import (
	"hbtq/internal/content"
	"hbtq/internal/feature"
)

// Feature shows contacts on pages, for the engine's list of features. A
// page's layout sees its contacts, in the order of its contacts: key, as
// .Feature "contacts" (nil on a page without contacts).
var Feature = feature.Feature{Name: "contacts", Load: load}

// pages is the feature's state in one build: each page's contacts by
// address.
type pages map[string][]*Contact

func load(b *feature.Build) feature.Instance {
	book, err := Load(b.Root)
	b.Fail(err)
	ps := pages{}
	for _, p := range b.Pages {
		if len(p.Front.Contacts) == 0 {
			continue
		}
		line, col := p.Pos("contacts")
		cs, errs := book.Resolve(p.Path, line, col, p.Front.Contacts)
		b.Fail(errs.Err())
		if len(cs) > 0 {
			ps[p.URL] = cs
		}
	}
	return ps
}

// View returns the page's contacts, or nil.
func (ps pages) View(p *content.Page) any {
	if cs, ok := ps[p.URL]; ok {
		return cs
	}
	return nil
}

// Write writes nothing: contacts are part of their pages.
func (pages) Write(feature.Output) error { return nil }
