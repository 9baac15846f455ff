package document

import (
	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// Feature offers the documents to the layouts, for the engine's list of
// features: every page's layout sees the whole [List] as .Feature "documents"
// (the layout "documents" shows it, grouped with [List.Groups]). The files
// themselves are published from static/ by the engine. It declares each
// document marked accessible: false to the build (feature.Build.Declare),
// for the accessibility statement, and passes on its notes.
var Feature = feature.Feature{Name: "documents", Data: data, Load: load}

type documents struct{ list *List }

func load(b *feature.Build) feature.Instance {
	l, err := Load(b.Root, b.Words.Languages)
	b.Fail(err)
	if l == nil {
		return nil
	}
	for _, n := range l.Notes {
		b.Note(n)
	}
	for _, d := range l.Documents {
		if d.NotAccessible() && d.Reason != "" && !d.FixBy.IsZero() {
			b.Declare(feature.Shortcoming{
				What: d.Title, Details: d.Details(), URL: d.URL, Reason: d.Reason, FixBy: d.FixBy,
				Source: File, Line: yamldoc.PosOf(d.Keys, "accessible", d.Pos).Line,
			})
		}
	}
	l.Titles = b.Words.DocumentKinds
	return documents{l}
}

// View returns every document.
func (d documents) View(*content.Page) any { return d.list }

// Write writes nothing.
func (documents) Write(feature.Output) error { return nil }
