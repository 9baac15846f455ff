package site_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/publish"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestForeignFileInOutput: an output with a file the build did not write
// is refused (publish.Error, naming the file), whether the site builds or
// has problems of its own (in its files, or found by the content rules),
// which are then not reported: the walk for such files runs while the
// site is read (publish.BeginChecking), and its verdict comes first, as
// when it ran before. The output is untouched.
func TestForeignFileInOutput(t *testing.T) {
	for _, fixture := range []string{"testdata/ok/home.txtar", "testdata/errors/missing-title.txtar", "testdata/errors/footer-link-nowhere.txtar"} {
		t.Run(filepath.Base(fixture), func(t *testing.T) {
			s := sitetest.Load(t, fixture)
			out := filepath.Join(t.TempDir(), "public")
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("publicerad"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := publish.WriteMarker(out); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, "semester.jpg"), []byte("foto"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := site.Build(context.Background(), s.Options(out))
			var pe *publish.Error
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), "semester.jpg") {
				t.Fatalf("Build = %v, want the output refused for semester.jpg", err)
			}
			for p, want := range map[string]string{"index.html": "publicerad", "semester.jpg": "foto"} {
				if b, _ := os.ReadFile(filepath.Join(out, p)); string(b) != want {
					t.Errorf("%s = %q after the refused build, want %q", p, b, want)
				}
			}
			entries, _ := os.ReadDir(filepath.Dir(out))
			for _, e := range entries {
				if e.Name() != "public" && !strings.HasSuffix(e.Name(), ".lock") {
					t.Errorf("%s is left beside the output", e.Name())
				}
			}
		})
	}
}
