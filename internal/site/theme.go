package site

import (
	"errors"
	"io/fs"
	"sort"
	"strings"

	"github.com/hbtq-diplomering/webbplats"
	"github.com/hbtq-diplomering/webbplats/internal/render"
)

// withTheme returns the site root root, with the engine's layouts (the
// repository's layouts/, built into the program: hbtq.Theme) when root has
// no layouts/ folder of its own. A second site, like examples/<name>/,
// then needs only site.yaml, content/ and static/, and is built with the
// same layouts as the sample.
func withTheme(root fs.FS) fs.FS {
	if root == nil {
		return nil
	}
	if _, err := fs.Stat(root, render.Dir); !errors.Is(err, fs.ErrNotExist) {
		return root
	}
	return themed{root}
}

// themed serves layouts/ from the theme and everything else from the site.
type themed struct{ fs.FS }

func inTheme(name string) bool {
	return name == render.Dir || strings.HasPrefix(name, render.Dir+"/")
}

// Dir returns the site root's folder on disk, or "" when it has none, so
// that a themed root is known to be on disk like any other.
func (t themed) Dir() string {
	if d, ok := t.FS.(interface{ Dir() string }); ok {
		return d.Dir()
	}
	return ""
}

// Open opens name from the theme when it is under layouts/.
func (t themed) Open(name string) (fs.File, error) {
	if inTheme(name) {
		return hbtq.Theme.Open(name)
	}
	return t.FS.Open(name)
}

// ReadFile reads name from the theme when it is under layouts/.
func (t themed) ReadFile(name string) ([]byte, error) {
	if inTheme(name) {
		return hbtq.Theme.ReadFile(name)
	}
	return fs.ReadFile(t.FS, name)
}

// ReadDir lists name from the theme when it is under layouts/; the root
// lists layouts/ too.
func (t themed) ReadDir(name string) ([]fs.DirEntry, error) {
	if inTheme(name) {
		return hbtq.Theme.ReadDir(name)
	}
	entries, err := fs.ReadDir(t.FS, name)
	if err == nil && name == "." {
		theme, _ := hbtq.Theme.ReadDir(".")
		entries = append(entries, theme...)
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	}
	return entries, err
}

// Stat describes name, from the theme when it is under layouts/.
func (t themed) Stat(name string) (fs.FileInfo, error) {
	if inTheme(name) {
		return fs.Stat(hbtq.Theme, name)
	}
	return fs.Stat(t.FS, name)
}
