package document

import (
	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
)

// Feature offers the documents to the layouts, for the engine's list of
// features: every page's layout sees the whole [List] as .Feature "documents"
// (the layout "documents" shows it, grouped with [List.Groups]). The files
// themselves are published from static/ by the engine.
var Feature = feature.Feature{Name: "documents", Data: data, Load: load}

type documents struct{ list *List }

func load(b *feature.Build) feature.Instance {
	l, err := Load(b.Root)
	b.Fail(err)
	if l == nil {
		return nil
	}
	return documents{l}
}

// View returns every document.
func (d documents) View(*content.Page) any { return d.list }

// Write writes nothing.
func (documents) Write(feature.Output) error { return nil }
