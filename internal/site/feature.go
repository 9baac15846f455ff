package site

import (
	"bytes"
	"reflect"
	"sync"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// loaded is a feature's instance in one build.
type loaded struct {
	name string
	feature.Instance
}

// loadFeatures loads every feature and adds what they generate to the
// build: pages, default layouts, redirects, notes and problems.
func (b *builder) loadFeatures() {
	b.markdown = b.pages[:len(b.pages):len(b.pages)]
	fb := &feature.Build{Root: b.opt.Root, Settings: b.cfg, Words: b.words, BaseURL: b.base, Now: b.opt.Now, History: b.opt.History, Pages: b.markdown, Drafts: b.drafts, Site: featureSite{b}, Features: b.opt.Features, Kept: b.featureKept}
	for _, f := range b.opt.Features {
		if in := f.Load(fb); in != nil {
			b.feats = append(b.feats, loaded{f.Name, in})
		}
	}
	pages, layouts, redirects, notes, errs := fb.Added()
	b.generated = map[*content.Page]*feature.Page{}
	for _, p := range pages {
		// A generated page is rendered like a Markdown page without a
		// body; generated remembers what it was made from.
		cp := &content.Page{
			Path: p.Source, URL: p.URL, Section: p.Section, NoIndex: p.NoIndex,
			Front: content.Front{Title: p.Title, Description: p.Description, Layout: p.Layout, Menu: p.Menu, Weight: p.Weight},
		}
		b.pages = append(b.pages, cp)
		b.generated[cp] = p
	}
	b.layouts = layouts
	for _, r := range redirects {
		b.redirect(r.From, r.To, r.Source)
	}
	b.notes = append(b.notes, notes...)
	b.headers = fb.Headers()
	b.markedDated = fb.MarkedDated()
	b.fail(errs.Err())
}

// featureSite is the whole build as the features see it once loaded.
type featureSite struct{ b *builder }

func (s featureSite) Pages() []*content.Page                { return s.b.pages }
func (s featureSite) View(name string, p *content.Page) any { return s.b.featureView(name, p) }

func (s featureSite) Views(p *content.Page) []any {
	var views []any
	for _, l := range s.b.feats {
		if v := l.View(p); v != nil {
			views = append(views, v)
		}
	}
	return views
}
func (s featureSite) Dated() []*content.Page { return s.b.dated }

// frontKeys returns the front-matter keys that the features read, for
// package content, in the order of features.
func frontKeys(features []feature.Feature) []string {
	var fronts []reflect.Type
	for _, f := range features {
		if f.Front != nil {
			fronts = append(fronts, f.Front)
		}
	}
	return yamldoc.KeyNames(fronts...)
}

// siteKeys returns the keys of site.yaml that the features read, for
// package settings, in the order of features.
func siteKeys(features []feature.Feature) []string {
	var parts []reflect.Type
	for _, f := range features {
		if f.Site != nil {
			parts = append(parts, f.Site)
		}
	}
	return yamldoc.KeyNames(parts...)
}

// featureData returns what the features give the layout of p, by name.
func (b *builder) featureData(p *content.Page) map[string]any {
	f := make(map[string]any, len(b.feats))
	for _, l := range b.feats {
		if d := l.View(p); d != nil {
			f[l.name] = d
		}
	}
	return f
}

// featureView returns what the feature name gives the layout of p, or nil.
func (b *builder) featureView(name string, p *content.Page) any {
	for _, l := range b.feats {
		if l.name == name {
			return l.View(p)
		}
	}
	return nil
}

// writeFeatures writes every feature's files, the features at the same
// time (each writes its own files: the directory its badges, the site
// search its index, open data its files), their problems in the order of
// the features.
func (b *builder) writeFeatures() {
	out := featureOutput{b.out}
	errs := make([]error, len(b.feats))
	var wg sync.WaitGroup
	for i, l := range b.feats {
		wg.Go(func() { errs[i] = l.Write(out) })
	}
	wg.Wait()
	b.fail(errs...)
}

// featureOutput is the output as features write to it.
type featureOutput struct{ o *output }

func (f featureOutput) Write(p, src string, data []byte) error    { return f.o.write(p, src, data) }
func (f featureOutput) WriteRaw(p, src string, data []byte) error { return f.o.copyBytes(p, src, data) }
func (f featureOutput) Read(p string) ([]byte, error)             { return f.o.read(p) }

// WriteRawCopy: a build in memory keeps what is written (see
// feature.Output).
func (f featureOutput) WriteRawCopy(p, src string, data []byte) error {
	if f.o.mem != nil {
		data = bytes.Clone(data)
	}
	return f.o.copyBytes(p, src, data)
}

// note records something the programme team should know after a
// successful build; it is printed below the summary line.
func (b *builder) note(m msg.Message) {
	b.mu.Lock()
	b.notes = append(b.notes, m)
	b.mu.Unlock()
}
