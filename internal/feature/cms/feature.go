package cms

import (
	"io/fs"
	"reflect"
	"slices"

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
var Feature = feature.Feature{Name: "cms", Load: load}

// tool is the feature's state in one build: the files to publish.
type tool struct{ files []File }

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
	files, err := Files(Site{
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
	})
	if err != nil {
		b.Note(NoteAdmin.With(err))
		return nil
	}
	// The editing tool's own policy. The engine puts the features' rules
	// after its own /*, and a later rule's header replaces an earlier one's.
	b.Header("/"+Dir+"/*",
		[2]string{"Content-Security-Policy", Policy},
		[2]string{"Cross-Origin-Opener-Policy", OpenerPolicy},
		[2]string{"X-Robots-Tag", noIndex},
	)
	return &tool{files: files}
}

// noIndex keeps search engines out of /admin/.
const noIndex = "noindex"

// View gives the layouts nothing: no public page links to /admin/.
func (*tool) View(*content.Page) any { return nil }

// Write writes the files of the editing tool; the pinned bundle and the
// fonts as they are.
func (t *tool) Write(out feature.Output) error {
	for _, f := range t.files {
		var err error
		if f.Min {
			err = out.Write(f.Path, "internal/feature/cms", f.Data)
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
