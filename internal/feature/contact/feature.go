package contact

import (
	"reflect"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// Feature shows contacts on pages, for the engine's list of features. A
// page names them with contacts: (see Front); its layout sees them, in the
// order of that key, as .Feature "contacts" (nil on a page without
// contacts).
var Feature = feature.Feature{
	Name:  "contacts",
	Front: reflect.TypeFor[Front](),
	Shows: map[string]*msg.Key{"contacts": ShownContacts},
	Form:  form,
	Data:  data,
	Load:  load,
}

// Front is the key of a page's front matter that the feature reads.
type Front struct {
	Contacts []string `yaml:"contacts"` // ids of entries in content/kontakter.yaml
}

// pages is the feature's state in one build: each page's contacts by
// address.
type pages map[string][]*Contact

func load(b *feature.Build) feature.Instance {
	book, err := Load(b.Root)
	b.Fail(err)
	for _, p := range b.Drafts {
		if p.Front.Features.Has("contacts") {
			var f Front
			b.Fail(p.Front.Features.Decode(&f).Err())
		}
	}
	ps := pages{}
	for _, p := range b.Pages {
		if !p.Front.Features.Has("contacts") {
			continue
		}
		var f Front
		b.Fail(p.Front.Features.Decode(&f).Err())
		if len(f.Contacts) == 0 {
			continue
		}
		line, col := p.Pos("contacts")
		cs, errs := book.Resolve(p.Path, line, col, f.Contacts)
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
