package site_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestAheadAsRendered builds every fixture site (those that build, those
// that fail, and one with images in its text) twice: with no Markdown
// rendered ahead, and with every page's Markdown rendered ahead (see
// ahead.go) before the first page renders. The files, the problems and
// the notes must be the same.
//
// The builds without Markdown ahead render it into the buffers of
// htmlBuffers, given to the layouts without a copy; each buffer is
// overwritten when it is let go (site.PoisonHTML), so a page, a part kept
// by partialCached or anything else made later that kept the string
// differs from the build with the Markdown ahead (strings of their own):
// TestAheadAsRendered fails when a buffer is let go before its page's
// layout has run.
func TestAheadAsRendered(t *testing.T) {
	defer site.PoisonHTML()()
	before := site.BufferedPages()
	defer func() {
		if site.BufferedPages() == before {
			t.Error("no page's Markdown was rendered into a buffer")
		}
	}()
	for _, pattern := range []string{"testdata/ok/*.txtar", "testdata/errors/*.txtar", "../feature/*/testdata/*.txtar"} {
		sitetest.Each(t, pattern, func(t *testing.T, s *sitetest.Site) {
			sameAhead(t, s.Options)
		})
	}
	t.Run("images", func(t *testing.T) {
		s := sitetest.Parse(t, imagesSite+`-- content/om/ingen.md --
---
title: Ingen bild
---
Utan bild, med [en länk](pris.md).
`)
		s.Write("content/start.png", pngOf(t, 600, 300))
		s.Write("content/om/liten.png", pngOf(t, 40, 30))
		s.Write("content/om/bred.png", pngOf(t, 1000, 500))
		s.Write("content/om/bilder/foto.png", pngOf(t, 3200, 100))
		sameAhead(t, s.Options)
	})
}

// sameAhead builds the site of options twice, without and with Markdown
// rendered ahead, and fails on any difference.
func sameAhead(t *testing.T, options func(out string) site.Options) {
	t.Helper()
	build := func(opt site.Options) (string, site.Stats, string) {
		out := opt.Out
		st, err := site.Build(context.Background(), opt)
		problems := ""
		if err != nil {
			problems = diag.Errors(err).Error()
		}
		return out, st, problems
	}
	plain, plainStats, plainErr := build(site.NoAhead(options(filepath.Join(t.TempDir(), "plain"))))
	ahead, aheadStats, aheadErr := build(site.AheadAll(options(filepath.Join(t.TempDir(), "ahead"))))
	if plainErr != aheadErr {
		t.Fatalf("with the Markdown rendered ahead the problems are\n%s\nwant\n%s", aheadErr, plainErr)
	}
	if have, want := notes(aheadStats.Notes), notes(plainStats.Notes); have != want {
		t.Errorf("with the Markdown rendered ahead the notes are\n%s\nwant\n%s", have, want)
	}
	if plainErr != "" {
		return
	}
	plainFiles, aheadFiles := files(t, plain), files(t, ahead)
	if len(plainFiles) == 0 {
		t.Fatal("the build wrote nothing")
	}
	for rel, a := range plainFiles {
		b, ok := aheadFiles[rel]
		switch {
		case !ok:
			t.Errorf("%s: not written with the Markdown rendered ahead", rel)
		case !bytes.Equal(a, b):
			t.Errorf("%s differs with the Markdown rendered ahead", rel)
		}
	}
	for rel := range aheadFiles {
		if _, ok := plainFiles[rel]; !ok {
			t.Errorf("%s: written only with the Markdown rendered ahead", rel)
		}
	}
}

// files returns the files under dir by their path in it.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		m[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func notes(ns []msg.Message) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString(n.In(msg.SV) + "\n")
	}
	return b.String()
}
