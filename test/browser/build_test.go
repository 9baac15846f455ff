package browser

import (
	"context"
	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
	"os"
	"path/filepath"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/site"
)

// buildSite builds the site at root into out.
func buildSite(root, out string) (site.Stats, error) {
	return site.Build(context.Background(), site.Options{Features: all.Features(), Root: rootfs.New(root), Out: out, Now: today()})
}

// buildFaulty builds a site into out as the dev server does: the content
// rules do not stop it, so a fixture with content faults on purpose
// (testdata/broken.txtar) can be published for the browser to find them.
// opt.Out is not used.
func buildFaulty(opt site.Options, out string) error {
	l := site.NewLive(opt)
	if _, err := l.Build(context.Background()); err != nil {
		return err
	}
	for p, data := range l.Files() {
		f := filepath.Join(out, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(f, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
