package cms

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
)

// Feature publishes the editing tool, for the engine's list of features:
// when site.yaml names the repository (cms: repo:), it writes the files of
// [Files] under admin/ and asks for the headers of /admin/* ([Policy],
// [OpenerPolicy], noindex). A repo that is not owner/name is an error at
// its line. When the forms do not match the Go schemas (an engine
// developer's mistake, which the tests of this package report), the site
// is still published, without the editing tool, and the build says so in
// a note. It gives the layouts nothing (.Feature "cms" is always nil).
var Feature = feature.Feature{Name: name, Load: load}

// name is the feature's name.
const name = "cms"

// tool is the feature's state in one build: the files to publish, made
// in the background while the build renders (see prepare) when done is
// not nil; then they are there once it is closed.
type tool struct {
	files []File
	err   error
	done  chan struct{}
	kept  *keptConfig // the dev server's: the files minified, for the next build
}

func load(b *feature.Build) feature.Instance {
	cfg := b.Settings
	if cfg.CMS.Repo == "" {
		return nil
	}
	if m := checkRepo(cfg.CMS.Repo); !m.IsZero() {
		p := cfg.CMS.Keys["repo"]
		b.Fail(diag.New(settings.File, p.Line, p.Col, m))
		return nil
	}
	logo := ""
	if _, err := fs.Stat(b.Root, "static/favicon.svg"); err == nil {
		logo = "/favicon.svg"
	}
	// The form of a folder comes from every page in it, drafts too: the
	// editing tool is where drafts are written, and its configuration must
	// not depend on -drafts.
	// The choices named by the site's words (a document's languages) are
	// the theme's words with site.yaml's over them.
	values := *cfg
	values.Words = *b.Words
	values.Words.Keys = cfg.Words.Keys
	site := Site{
		Pages:    append(slices.Clone(b.Pages), b.Drafts...),
		Root:     b.Root,
		Settings: reflect.TypeFor[settings.Site](),
		Title:    cfg.Title,
		URL:      b.BaseURL,
		Repo:     cfg.CMS.Repo,
		Branch:   cfg.CMS.Branch,
		Values:   &values,
		Logo:     logo,
		Features: b.Features,
	}
	t := &tool{}
	if b.Kept == nil {
		// One build: the configuration's YAML is written while the pages
		// render.
		finish, err := prepare(site)
		if err != nil {
			b.Note(NoteAdmin.With(err))
			return nil
		}
		t.done = make(chan struct{})
		go func() {
			defer close(t.done)
			t.files, t.err = finish()
		}()
	} else {
		files, err := keptFiles(b.Kept, site)
		if err != nil {
			b.Note(NoteAdmin.With(err))
			return nil
		}
		t.files = files
		t.kept, _ = b.Kept[name].(*keptConfig)
	}
	// The editing tool's own policy. The engine puts the features' rules
	// after its own /*, and a later rule's header replaces an earlier one's.
	b.Header("/"+Dir+"/*",
		[2]string{"Content-Security-Policy", Policy},
		[2]string{"Cross-Origin-Opener-Policy", OpenerPolicy},
		[2]string{"X-Robots-Tag", noIndex},
	)
	return t
}

// keptFiles returns Files(s), or, in the dev server's builds (kept is
// feature.Build.Kept), the last build's files when inputs(s) is the same:
// the configuration depends on nothing else.
func keptFiles(kept map[string]any, s Site) ([]File, error) {
	if kept == nil || s.Pages == nil { // nil Pages: Files reads them from the root
		return Files(s)
	}
	key := inputs(s)
	if k, ok := kept[name].(*keptConfig); ok && k.key == key {
		return k.files, nil
	}
	files, err := Files(s)
	if err == nil {
		kept[name] = &keptConfig{key: key, files: files}
	}
	return files, err
}

// keptConfig is the editing tool's files as the last build made them,
// with the inputs they were made from, and those to minify as the last
// build wrote them (by path; the minifier gives the same bytes for the
// same file).
type keptConfig struct {
	key      string
	files    []File
	minified map[string][]byte
}

// inputs returns, as one string, everything of s that Files reads: the
// site's title, address, repository, branch and icon; the layouts' names;
// of each page its folder, whether it is the section's page and then its
// title, and which features with Owns own it; and the choices that
// site.yaml and the site's words give the forms (Field.OptionsFor). The
// features themselves (their Front, Form and Data) are the program's and
// do not change between builds, so their names stand for them.
func inputs(s Site) string {
	var b strings.Builder
	line := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(strconv.Quote(p))
			b.WriteByte(' ')
		}
		b.WriteByte('\n')
	}
	line("site", s.Title, s.URL, s.Repo, s.Branch, s.Logo, fmt.Sprint(s.Settings))
	layouts, _ := fs.Glob(s.Root, "layouts/*.html")
	line(append([]string{"layouts"}, layouts...)...)
	for _, f := range s.Features {
		line("feature", f.Name, fmt.Sprint(f.Front))
		optionsFor(&b, f.Form, s.Values)
		for _, d := range f.Data {
			line("data", d.Name)
			optionsFor(&b, d.Form, s.Values)
		}
	}
	for _, p := range s.Pages {
		title := ""
		if p.Section {
			title = p.Front.Title
		}
		line("page", path.Dir(p.Path), strconv.FormatBool(p.Section), title)
		for _, f := range s.Features {
			if f.Owns != nil && f.Owns(p) {
				line("owned by", f.Name)
			}
		}
	}
	return b.String()
}

// optionsFor writes the choices each field of form with OptionsFor
// gives for values, the forms of objects and lists' items too, in the
// order of the keys.
func optionsFor(b *strings.Builder, form feature.Form, values *settings.Site) {
	for _, k := range slices.Sorted(maps.Keys(form)) {
		f := form[k]
		if f.OptionsFor != nil && values != nil {
			fmt.Fprintf(b, "%q %q\n", k, f.OptionsFor(values))
		}
		if f.Fields != nil {
			fmt.Fprintf(b, "%q {\n", k)
			optionsFor(b, f.Fields, values)
			b.WriteString("}\n")
		}
	}
}

// minifiedOf returns the file p minified by the last build, if k has it.
func (k *keptConfig) minifiedOf(p string) ([]byte, bool) {
	if k == nil {
		return nil, false
	}
	m, ok := k.minified[p]
	return m, ok
}

// noIndex keeps search engines out of /admin/.
const noIndex = "noindex"

// View gives the layouts nothing: no public page links to /admin/.
func (*tool) View(*content.Page) any { return nil }

// Write writes the files of the editing tool; the pinned bundle and the
// fonts as they are.
func (t *tool) Write(out feature.Output) error {
	if t.done != nil {
		<-t.done
	}
	if t.err != nil {
		return t.err
	}
	for _, f := range t.files {
		var err error
		if m, ok := t.kept.minifiedOf(f.Path); ok && f.Min {
			err = out.WriteRaw(f.Path, "internal/feature/cms", m)
		} else if f.Min {
			// A copy: the minifier may change the bytes it is given (the
			// JavaScript minifier renames in place), and the dev server
			// keeps the files for the next build (keptFiles).
			err = out.Write(f.Path, "internal/feature/cms", bytes.Clone(f.Data))
			if err == nil && t.kept != nil {
				if m, rerr := out.Read(f.Path); rerr == nil {
					if t.kept.minified == nil {
						t.kept.minified = map[string][]byte{}
					}
					t.kept.minified[f.Path] = m
				}
			}
		} else {
			err = out.WriteRaw(f.Path, "internal/feature/cms", f.Data)
		}
		if err != nil {
			return err
		}
	}
	// The start page is written by now (see package feature); without
	// one the preview pane keeps the CMS's own style.
	home, _ := out.Read("index.html")
	return out.Write(Dir+"/preview.js", "internal/feature/cms", PreviewScript(home))
}
