// Package all is the one list of the site's features, like cmd/go's list
// of commands in its main.go. The engine (package site) imports no
// feature: the command, the dev server and the tests hand it this list in
// site.Options.Features. A new feature is one package under
// internal/feature/ and one line here.
package all

import (
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/feature/cms"
	"github.com/hbtq-diplomering/webbplats/internal/feature/contact"
	"github.com/hbtq-diplomering/webbplats/internal/feature/directory"
	"github.com/hbtq-diplomering/webbplats/internal/feature/document"
	"github.com/hbtq-diplomering/webbplats/internal/feature/feed"
	"github.com/hbtq-diplomering/webbplats/internal/feature/opendata"
	"github.com/hbtq-diplomering/webbplats/internal/feature/seminar"
	"github.com/hbtq-diplomering/webbplats/internal/feature/sitesearch"
	"github.com/hbtq-diplomering/webbplats/internal/feature/statement"
)

// Features lists the features in the order in which they load and write.
// It returns a new slice each time, so no caller can change another's.
func Features() []feature.Feature {
	return []feature.Feature{
		cms.Feature,
		sitesearch.Feature,
		seminar.Feature,
		directory.Feature,
		contact.Feature,
		document.Feature,
		statement.Feature, // after document: it lists what document declares
		feed.Feature,
		opendata.Feature,
	}
}
