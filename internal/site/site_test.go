package site_test

import (
	"context"
	"errors"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/publish"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// layoutNames returns the names of the theme's layouts that a page may
// choose, as the message of a missing layout lists them.
func layoutNames(s *sitetest.Site) string {
	var list []string
	for name := range s.Files {
		if dir, file := path.Split(name); dir == "layouts/" && strings.HasSuffix(file, ".html") && file != "base.html" {
			list = append(list, strings.TrimSuffix(file, ".html"))
		}
	}
	sort.Strings(list)
	return strings.Join(list, ", ")
}

// TestErrors builds each site under testdata/errors, which must fail with
// exactly the problems in its "want" file (-update rewrites it) and leave
// the output untouched. In the want file, {{layouts}} stands for the
// names of the theme's layouts.
func TestErrors(t *testing.T) {
	sitetest.Each(t, "testdata/errors/*.txtar", func(t *testing.T, s *sitetest.Site) {
		out := filepath.Join(t.TempDir(), "public")
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		sentinel := filepath.Join(out, "index.html")
		if err := os.WriteFile(sentinel, []byte("the published site"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := publish.WriteMarker(out); err != nil {
			t.Fatal(err)
		}
		_, err := site.Build(context.Background(), s.Options(out))
		if err == nil {
			t.Fatal("the build succeeded; want it to fail")
		}
		have := diag.Errors(err).Error()
		if names := layoutNames(s); names != "" {
			have = strings.ReplaceAll(have, "skriv en av: "+names+")", "skriv en av: {{layouts}})")
		}
		s.Golden(t, "want", have)
		// Every problem is a message of the catalog: Swedish, with
		// English on request, and listed in the editors' guide.
		for _, e := range diag.Errors(err) {
			if bad := outsideCatalog(e.Msg); bad != "" {
				t.Errorf("%s: %q is not a message of the catalog (internal/msg)", e.Pos(), bad)
			}
			if bad := outsideCatalog(e.Hint); bad != "" {
				t.Errorf("%s: the hint %q is not a message of the catalog (internal/msg)", e.Pos(), bad)
			}
		}
		// The published site is untouched and nothing is left beside it.
		entries, _ := os.ReadDir(out)
		if len(entries) != 2 {
			t.Errorf("the output folder has %d entries after a failed build, want only the old index.html and the marker", len(entries))
		}
		if b, _ := os.ReadFile(sentinel); string(b) != "the published site" {
			t.Errorf("the published index.html was changed to %q", b)
		}
		siblings, _ := os.ReadDir(filepath.Dir(out))
		if len(siblings) != 1 {
			var names []string
			for _, s := range siblings {
				names = append(names, s.Name())
			}
			t.Errorf("left beside the output: %v", names)
		}
	})
}

// TestOK builds each site under testdata/ok and checks what its archive's
// sections say of the output:
//
//   - select/<path>: each line is a selector assertion on the HTML page
//     <path> (sitetest.Selections: "selector => text", "! selector", …);
//   - contains/<path>: each line must occur in the file <path>, "! text"
//     must not; only for files that are bytes rather than a page (the Atom
//     feed, an .ics calendar, _redirects, a copied document), so a
//     contains/ section of an .html file fails the test: say it with select/;
//   - absent: each name is a file that must not exist;
//   - notes: the build's notes, one a line.
//
// Any other section fails the test, so a misspelt one is not skipped (a
// section "lacks/<path>" was once taken for a file of the site and never
// checked).
func TestOK(t *testing.T) {
	sitetest.Each(t, "testdata/ok/*.txtar", func(t *testing.T, s *sitetest.Site) {
		for name := range s.Files {
			if top, _, _ := strings.Cut(name, "/"); top != "content" && top != "layouts" && top != "static" && name != "site.yaml" {
				t.Errorf("the archive's section %q is neither a file of the site nor one of select/, contains/, absent and notes", name)
			}
		}
		o := s.Build(t)
		for _, name := range s.Extras() {
			text, _ := s.Extra(name)
			switch {
			case strings.HasPrefix(name, "select/"):
				o.Check(strings.TrimPrefix(name, "select/"), sitetest.Selections(text)...)
			case strings.HasPrefix(name, "contains/") && strings.HasSuffix(name, ".html"):
				t.Errorf("%s: an HTML page is checked with select/%s, not with substrings", name, strings.TrimPrefix(name, "contains/"))
			case strings.HasPrefix(name, "contains/"):
				o.Contains(strings.TrimPrefix(name, "contains/"), strings.Split(strings.TrimSpace(text), "\n")...)
			case name == "absent":
				for _, p := range strings.Fields(text) {
					if o.Has(p) {
						t.Errorf("%s exists; want it left out", p)
					}
				}
			case name == "notes":
				var notes []string
				for _, n := range o.Stats.Notes {
					notes = append(notes, n.String())
				}
				if d := cmp.Diff(strings.TrimSpace(text), strings.Join(notes, "\n")); d != "" {
					t.Errorf("build notes (-want +have):\n%s", d)
				}
			default:
				t.Errorf("the archive's section %q is none of select/, contains/, absent and notes", name)
			}
		}
	})
}

// TestDeterministic builds the whole fixture site twice: the trees must be
// identical.
func TestDeterministic(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	a, b := s.Build(t).Files(), s.Build(t).Files()
	if len(a) < 10 {
		t.Fatalf("the fixture site has only %d files", len(a))
	}
	if d := cmp.Diff(a, b); d != "" {
		t.Errorf("two builds differ (-first +second):\n%s", d)
	}
}

// TestLiveIsBuild: the dev server's build, kept in memory, serves exactly
// the files the published build writes (the marker file of the output
// folder aside). A feature that reads pages back after rendering must not
// change them in memory.
func TestLiveIsBuild(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	want := s.Build(t).Files()
	delete(want, publish.Marker)
	l := site.NewLive(s.Options(""))
	if _, err := l.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	have := map[string]string{}
	for p, data := range l.Files() {
		have[p] = string(data)
	}
	if d := cmp.Diff(want, have); d != "" {
		t.Errorf("the dev server's files differ from the build's (-build +dev server):\n%s", d)
	}
}

// TestGolden compares representative pages of the fixture site
// testdata/site.txtar with testdata/golden.
func TestGolden(t *testing.T) {
	o := sitetest.Load(t, "testdata/site.txtar").Build(t)
	for _, p := range []string{
		"index.html", "om/index.html", "om/pris/index.html", "nyheter/ny-utvardering/index.html",
		"seminarier/digitalt/index.html", "kontakt/index.html", "dokument/index.html",
		"verksamheter/vardcentralen-exempel/index.html", "404.html",
		"sitemap.xml", "robots.txt", "atom.xml", "_redirects", "_headers",
	} {
		sitetest.Golden(t, filepath.Join("testdata/golden", strings.ReplaceAll(p, "/", "_")), []byte(o.Read(p)))
	}
}

// TestSwapReplaces checks that a second build replaces the first: a page
// removed from the content disappears from the output.
func TestSwapReplaces(t *testing.T) {
	s := sitetest.Parse(t, "-- content/_index.md --\n---\ntitle: Start\n---\n-- content/gammal.md --\n---\ntitle: Gammal\n---\n")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(context.Background(), s.Options(out)); err != nil {
		t.Fatal(err)
	}
	s.Remove("content/gammal.md")
	if _, err := site.Build(context.Background(), s.Options(out)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "gammal/index.html")); err == nil {
		t.Error("a removed page is still published")
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}

// TestFingerprint checks that the stylesheet is published under a name
// carrying its hash and that pages refer to that name.
func TestFingerprint(t *testing.T) {
	o := sitetest.Load(t, "testdata/site.txtar").Build(t)
	css, _ := filepath.Glob(filepath.Join(o.Dir, "assets", "style.*.css"))
	if len(css) != 1 {
		t.Fatalf("found %v, want one fingerprinted style.*.css", css)
	}
	name := path.Base(filepath.ToSlash(css[0]))
	data, _ := os.ReadFile(css[0])
	if want := feature.Fingerprint("style.css", data); name != want {
		t.Errorf("published as %s, but its content hashes to %s", name, want)
	}
	o.Check("index.html", sitetest.In(`head link[rel="stylesheet"][href="/assets/`+name+`"]`))
}

// outsideCatalog returns the text of m, or of a message it holds, that
// is not a key of the catalog but passed through with msg.Plain; "" when
// all of it is from the catalog.
func outsideCatalog(m msg.Message) string {
	if m.Key() == msg.Plain {
		return m.In(msg.SV)
	}
	for _, a := range m.Args() {
		var inner msg.Message
		switch a := a.(type) {
		case msg.Message:
			inner = a
		case error:
			if !errors.As(a, &inner) {
				continue
			}
		default:
			continue
		}
		if bad := outsideCatalog(inner); bad != "" {
			return bad
		}
	}
	return ""
}
