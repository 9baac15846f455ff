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
	sameBuilds(t, site.Afresh, "when every part is rendered afresh")
}

// TestTightAsEscaped builds every fixture site twice: with the layouts as
// Load gives them, tightened (see render's tighten.go), and as
// html/template escapes them. The files must be the same byte for byte.
func TestTightAsEscaped(t *testing.T) {
	sameBuilds(t, site.AsEscaped, "with the layouts as html/template escapes them")
}

// sameBuilds builds every fixture site as a build does and with the
// options other gives, and fails on a file that differs (how says when).
func sameBuilds(t *testing.T, other func(site.Options) site.Options, how string) {
	for _, pattern := range []string{"testdata/ok/*.txtar", "../feature/*/testdata/*.txtar"} {
		sitetest.Each(t, pattern, func(t *testing.T, s *sitetest.Site) {
			kept := filepath.Join(t.TempDir(), "kept")
			if _, err := site.Build(context.Background(), s.Options(kept)); err != nil {
				t.Skipf("the fixture does not build (an error fixture): %v", err)
			}
			afresh := filepath.Join(t.TempDir(), "afresh")
			if _, err := site.Build(context.Background(), other(s.Options(afresh))); err != nil {
				t.Fatalf("%s the build fails: %v", how, err)
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
					t.Errorf("%s: written only as a build does", rel)
				} else if !bytes.Equal(a, b) {
					t.Errorf("%s differs %s", rel, how)
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
