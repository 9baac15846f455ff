package browser

import (
	"context"
	"os"

	"hbtq/internal/site"
)

// buildSite builds the site at root into out.
func buildSite(root, out string) (site.Stats, error) {
	return site.Build(context.Background(), site.Options{Root: os.DirFS(root), Out: out, Now: now})
}
