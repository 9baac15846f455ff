package site_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestCachedPartsAsRendered builds every fixture site twice: as a build
// does, keeping each partialCached part once for its keys, and with every
// part rendered afresh on every page. The files must be the same byte for
// byte: a part the theme keeps shows nothing its keys do not decide (a
// menu keyed without the page would mark one page current on all).
func TestCachedPartsAsRendered(t *testing.T) {
	for _, pattern := range []string{"testdata/ok/*.txtar", "../feature/*/testdata/*.txtar"} {
		sitetest.Each(t, pattern, func(t *testing.T, s *sitetest.Site) {
			kept := filepath.Join(t.TempDir(), "kept")
			if _, err := site.Build(context.Background(), s.Options(kept)); err != nil {
				t.Skipf("the fixture does not build (an error fixture): %v", err)
			}
			afresh := filepath.Join(t.TempDir(), "afresh")
			if _, err := site.Build(context.Background(), site.Afresh(s.Options(afresh))); err != nil {
				t.Fatalf("with every part rendered afresh the build fails: %v", err)
			}
			n := 0
			err := filepath.WalkDir(kept, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(kept, p)
				a, _ := os.ReadFile(p)
				b, err := os.ReadFile(filepath.Join(afresh, rel))
				if err != nil {
					t.Errorf("%s: written with kept parts only", rel)
				} else if !bytes.Equal(a, b) {
					t.Errorf("%s differs when every part is rendered afresh", rel)
				}
				n++
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Fatal("the build wrote nothing")
			}
		})
	}
}
