package browser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/feature/cms"
	devserver "github.com/hbtq-diplomering/webbplats/internal/serve"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// copySample copies the repository's sample site (its settings, content,
// layouts and static files) into a new folder, for the dev server.
func copySample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "layouts", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("../..", d))); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startServe starts the dev server on the site root dir.
func startServe(t *testing.T, dir string) *devserver.Server {
	t.Helper()
	s, err := devserver.Start(devserver.Options{Dir: dir, Addr: "127.0.0.1:0",
		Site: site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: sitetest.Today}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestServeAdmin opens the editing tool through the dev server, on a
// phone's width: it comes with the /admin/* policy of the build's
// _headers (not the public pages'), and shows its Swedish sign-in screen,
// local editing included, with no policy violation and no request to
// another host (the tab fails the test for either).
func TestServeAdmin(t *testing.T) {
	need(t)
	s := startServe(t, copySample(t))
	ctx := browser(t, 375)
	open(t, ctx, s.URL()+"admin/")
	if csp, _ := documentCSP(ctx, s.URL()+"admin/"); csp != cms.Policy {
		t.Errorf("/admin/ came with the policy\n\t%s\nwant\n\t%s", csp, cms.Policy)
	}
	waitText(t, ctx, "/admin/ through the dev server", "Logga in med", "Arbeta med lokalt repository")
	settle(t, ctx)
	// The logo is the tool's, at its size, not the whole screen.
	if h := eval[float64](t, ctx, `Math.max(...[...document.images].map(i => i.getBoundingClientRect().height), 0)`); h > 300 {
		t.Errorf("an image on the sign-in screen is %.0f px high", h)
	}
}
