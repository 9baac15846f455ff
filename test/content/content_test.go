// Package content holds the repository's own sites (the sample at the top,
// with site.yaml, content/, layouts/ and static/, and each examples/*/ with
// a site.yaml) to the rules that hold for any site: it builds today
// as the publish workflow would, twice the same, and the content rules of
// check find no problem. Nothing here knows what the site says: no count,
// title, date or page of it is asserted, so a communicator's edit breaks
// this test only when the site itself is broken, and then the failure is
// the build's or check's own message at file:line:col, introduced in
// Swedish, as a communicator reads it in the log of the publish workflow.
//
// Engine tests never read the repository's content; they build fixture
// sites with package sitetest.
package content

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// today is today in Stockholm, as the build command takes it.
func today(t *testing.T) swedish.Day { return swedish.Today() }

// repo returns the repository's root.
func repo(t *testing.T) string {
	t.Helper()
	root, err := sitetest.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// sites returns the repository's sites by name: "." and examples/<name>.
func sites(t *testing.T) map[string]string {
	t.Helper()
	root := repo(t)
	out := map[string]string{".": root}
	examples, _ := filepath.Glob(filepath.Join(root, "examples", "*", settings.File))
	for _, e := range examples {
		dir := filepath.Dir(e)
		rel, _ := filepath.Rel(root, dir)
		out[filepath.ToSlash(rel)] = dir
	}
	return out
}

// prepared returns the root to build the site at root from: itself, or for
// a national site a copy beside the sites whose open data it reads (see
// sitetest.LayOutNational), and the file system to build it from.
func prepared(t *testing.T, root string, now swedish.Day) (string, fs.FS) {
	t.Helper()
	if !sitetest.IsNational(root) {
		return root, os.DirFS(root)
	}
	r, err := sitetest.LayOutNational(repo(t), root, t.TempDir(), now)
	if err != nil {
		t.Fatal(err)
	}
	return r, rootfs.New(r)
}

// build builds the site at root into a new folder and returns its files.
func build(t *testing.T, root string, now swedish.Day) map[string]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	root, rfs := prepared(t, root, now)
	if _, err := site.Build(context.Background(), site.Options{Features: all.Features(), Root: rfs, Out: out, Now: now}); err != nil {
		var b bytes.Buffer
		diag.Format(&b, err, site.Source(os.DirFS(root)))
		t.Fatalf("webbplatsen går inte att bygga (samma fel som go run ./cmd/build visar; rätta dem i filerna som nämns):\n%s", b.String())
	}
	return sitetest.Open(t, out).Files()
}

// checkSite runs the content rules of check over the site at root.
func checkSite(t *testing.T, root string, now swedish.Day) {
	t.Helper()
	root, rfs := prepared(t, root, now)
	r, err := site.Check(context.Background(), site.Options{Features: all.Features(), Root: rfs, Now: now}, check.Options{})
	if err != nil {
		var b bytes.Buffer
		diag.Format(&b, err, site.Source(os.DirFS(root)))
		t.Fatalf("webbplatsen går inte att bygga (samma fel som go run ./cmd/build visar; rätta dem i filerna som nämns):\n%s", b.String())
	}
	if err := r.Err(); err != nil {
		var b bytes.Buffer
		diag.Format(&b, err, site.Source(os.DirFS(root)))
		t.Errorf("innehållsreglerna hittar problem (samma som go run ./cmd/build visar; rätta dem i filerna som nämns):\n%s", b.String())
	}
}

// TestBuilds: each site builds today, and two builds are byte-identical.
func TestBuilds(t *testing.T) {
	for name, root := range sites(t) {
		t.Run(name, func(t *testing.T) {
			now := today(t)
			a, b := build(t, root, now), build(t, root, now)
			if d := cmp.Diff(a, b); d != "" {
				t.Errorf("two builds differ (-first +second):\n%s", d)
			}
		})
	}
}

// TestContentRules: check finds no problem in any site today.
func TestContentRules(t *testing.T) {
	for name, root := range sites(t) {
		t.Run(name, func(t *testing.T) {
			checkSite(t, root, today(t))
		})
	}
}

// TestWeekOfEdits copies the site into a new folder, makes a week of
// ordinary edits there (see Week), and holds the result to the same rules:
// no Go code or golden file has to change for a communicator's week.
func TestWeekOfEdits(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{"content", "layouts", "static"} {
		if err := os.CopyFS(filepath.Join(root, p), os.DirFS(filepath.Join(repo(t), p))); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(repo(t), settings.File))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, settings.File), data, 0o644); err != nil {
		t.Fatal(err)
	}
	now := today(t)
	done, err := Week(root, now.Date())
	for _, d := range done {
		t.Log(d)
	}
	if err != nil {
		t.Fatal(err)
	}
	build(t, root, now)
	checkSite(t, root, now)
}
