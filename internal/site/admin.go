package site

import (
	"io/fs"
	"reflect"

	"hbtq/internal/cms"
	"hbtq/internal/diag"
	"hbtq/internal/msg"
	"hbtq/internal/settings"
)

// The editing tool at /admin/ (see package cms): published when site.yaml
// names the repository (cms: repo:), with its configuration generated from
// the schemas the build enforces.

func init() { register("admin", loadAdmin) }

type admin struct{ files []cms.File }

func loadAdmin(b *builder) oldFeature {
	if b.cfg.CMS.Repo == "" {
		return nil
	}
	if msg := cms.CheckRepo(b.cfg.CMS.Repo); msg != "" {
		p := b.cfg.CMS.Keys["repo"]
		b.fail(diag.Errorf(settings.File, p.Line, p.Col, "cms: repo %s", msg))
		return nil
	}
	logo := ""
	if _, err := fs.Stat(b.opt.Root, "static/favicon.svg"); err == nil {
		logo = "/favicon.svg"
	}
	files, err := cms.Files(cms.Site{
		Pages:    b.markdown,
		Root:     b.opt.Root,
		Settings: reflect.TypeFor[settings.Site](),
		Title:    b.cfg.Title,
		URL:      b.base,
		Repo:     b.cfg.CMS.Repo,
		Branch:   b.cfg.CMS.Branch,
		Kinds:    b.cfg.Kinds.Names(),
		Logo:     logo,
	})
	if err != nil {
		// The forms do not match the Go schemas: an engine developer's
		// mistake, which the tests of package cms report. The site is
		// still published, without the editing tool.
		b.note(msg.NoteAdmin.With(err))
		return nil
	}
	b.admin = true
	return &admin{files: files}
}

func (a *admin) write(b *builder) error {
	for _, f := range a.files {
		var err error
		if f.Min {
			err = b.out.write(f.Path, "internal/cms", f.Data)
		} else {
			err = b.out.copyBytes(f.Path, "internal/cms", f.Data)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
