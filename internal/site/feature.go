package site

import (
	"sort"

	"hbtq/internal/content"
)

// A feature is a part of the site that does not come from Markdown pages
// alone: the unit directory, seminars, contacts, documents. Each lives in
// its own file of this package and registers itself with register.
//
// The build calls load on every feature, in name order, after the pages
// have been read and before addresses are checked: it reads and validates
// the feature's sources, reporting problems with b.fail, and adds the pages
// it generates with b.addPage. After all pages are rendered the build calls
// write, which writes the feature's other files (search index, calendars)
// with b.out.write. A feature keeps its state in the value load returns, so
// concurrent builds share nothing.
type feature interface {
	write(b *builder) error
}

type featureLoader struct {
	name string
	load func(b *builder) feature // nil when the feature has nothing to write
}

var featureLoaders []featureLoader

// register adds a feature to every build. Call it from an init function.
func register(name string, load func(b *builder) feature) {
	featureLoaders = append(featureLoaders, featureLoader{name, load})
	sort.Slice(featureLoaders, func(i, j int) bool { return featureLoaders[i].name < featureLoaders[j].name })
}

func (b *builder) loadFeatures() []feature {
	var fs []feature
	for _, l := range featureLoaders {
		if f := l.load(b); f != nil {
			fs = append(fs, f)
		}
	}
	return fs
}

// addPage adds a generated page. p.Path names the source it comes from,
// p.URL its address, p.Front its title, description, layout, menu and
// weight; p.Data is what its layout sees as .Data.
func (b *builder) addPage(p *content.Page) {
	b.pages = append(b.pages, p)
}

// note records something the programme team should know after a
// successful build; it is printed below the summary line.
func (b *builder) note(s string) {
	b.mu.Lock()
	b.notes = append(b.notes, s)
	b.mu.Unlock()
}
