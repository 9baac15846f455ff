// Package sitetest is the one test kit for whole sites. A test writes a
// small site of its own as a txtar archive, builds it with site.Build on a
// fixed day into a temporary folder, and checks what the build wrote. No
// test built with the kit reads the repository's content/ or site.yaml:
// those are one site the engine builds, and editing them must never break
// a test.
//
// # A fixture site
//
// A fixture is a txtar archive (golang.org/x/tools/txtar), usually a file
// under the package's testdata/:
//
//	Any comment before the first file is ignored.
//	-- content/_index.md --
//	---
//	title: Start
//	---
//	Välkommen.
//	-- content/om.md --
//	---
//	title: Om
//	---
//	-- want --
//	what the test expects, read with Site.Extra or Site.Golden
//
// The files of the site are site.yaml and everything under content/,
// layouts/, static/ (and any other folder a site root may hold). They are
// laid over a base:
//
//   - the theme, taken from the repository (the folder with go.mod): every
//     file under layouts/ and static/favicon.svg, which the layouts link.
//     The theme is part of the engine; content/ and the rest of static/
//     (the site's documents) are not, and are never read;
//   - the settings Settings as site.yaml, unless the archive has its own.
//
// Files whose names have no folder and are not site.yaml (want, notes, …)
// or that start with golden/, contains/ or select/ are data for the test, not part of
// the site; read them with Extra (Extras lists them). RepoRoot finds the
// repository.
//
// # Today
//
// Every build of the kit treats Today (23 November 2026) as today, so a
// fixture's dates and a golden file never age.
//
// # Building
//
// Load or Parse make a Site; Write, Remove and Edit change it between
// builds. Build builds it and fails the test on any problem; BuildErr
// returns the problems of a site that must fail. Options gives the
// site.Options for a caller that runs the build itself (with every
// feature in all.Features, or the ones a test sets in Site.Features), Dir writes the site
// to a folder on disk (for the dev server and the command).
//
// # Output
//
// An Output is a built folder (Open makes one of a folder built some other
// way). Read and Has read its files; Files returns them all. Check asserts
// an HTML page with CSS selectors (see Selector assertions, in html.go):
// that is how a test says what a page shows. Contains checks that each of
// several strings occurs in a file ("! text" must not occur), in the style
// of Hugo's AssertFileContent; it is for what is bytes rather than a page's
// elements: the Atom feed, an .ics calendar, _redirects, _headers, CSV or
// JSON, a copied document, or a property of the minified HTML itself.
//
// # Golden files
//
// Golden compares a result with a golden file, and Site.Golden with a file
// of the fixture's archive. With -update (go test ./internal/x -update)
// they rewrite the file instead. A mismatch says which command updates it
// (UpdateCommand), like: go test ./internal/site -run TestGolden -update. The kit
// defines the -update flag; a test package that uses the kit must not
// define its own.
package sitetest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// Update is the -update flag: golden files are rewritten, not compared.
var Update = flag.Bool("update", false, "rewrite golden files instead of comparing with them")

// Today is the day every build of the kit treats as today.
var Today = swedish.DayOf(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))

// Settings is the site.yaml of a fixture that has none of its own. It is
// the kit's, not the repository's, so editing the real settings changes no
// test.
const Settings = `title: Hbtq-diplomering
organisation: Region Test
description: En webbplats för motorns tester.
base_url: https://hbtq.test.example.se
contact:
  name: Hbtq-diplomering, Region Test
  email: hbtq@test.example.se
  phone: 010-123 45 00
rules:
  validity_years: 4
  min_participation: 90
  manager_required: true
registration_button: Anmäl dig i lärportalen
`

// Theme lists what the kit takes from the repository: folders and files,
// relative to the repository root.
var Theme = []string{"layouts", "static/favicon.svg"}

// A Site is a fixture site: its files in memory, and the archive's other
// files for the test.
type Site struct {
	// Files is the site root: the theme, the settings and the archive's
	// site files. A test may change it between builds.
	Files fstest.MapFS

	// Features are the features the site is built with: all of them
	// (all.Features) unless the test sets only some.
	Features []feature.Feature

	// History is the day each file was last committed, as package history
	// gives it to a build in a git work tree; nil for none.
	History map[string]time.Time
	// Added, when set, is the build's Options.Added: when git added files.
	Added func(paths ...string) map[string]time.Time

	file   string         // the archive's path, when loaded from a file
	ar     *txtar.Archive // the archive as read, for Golden
	extras map[string][]byte
}

// Load reads the txtar archive at file (relative to the test's package)
// and returns its site over the base.
func Load(t testing.TB, file string) *Site {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := Parse(t, string(data))
	s.file = file
	return s
}

// Each runs f as a subtest for every txtar archive that matches pattern
// (like testdata/errors/*.txtar), named by its file without .txtar, with
// its site loaded. A pattern that matches nothing fails the test: a table
// of fixtures that is not there tests nothing.
func Each(t *testing.T, pattern string, f func(t *testing.T, s *Site)) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no test archives match %s", pattern)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			f(t, Load(t, file))
		})
	}
}

// Parse returns the site of a txtar archive given as text.
func Parse(t testing.TB, archive string) *Site {
	t.Helper()
	ar := txtar.Parse([]byte(archive))
	s := &Site{Files: base(t), ar: ar, extras: map[string][]byte{}}
	seen := map[string]bool{}
	for _, f := range ar.Files {
		if seen[f.Name] {
			t.Fatalf("the archive has two files %s: the second would hide the first", f.Name)
		}
		seen[f.Name] = true
		if isExtra(f.Name) {
			s.extras[f.Name] = f.Data
			continue
		}
		s.Files[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return s
}

// isExtra reports whether an archive file is data for the test rather
// than part of the site.
func isExtra(name string) bool {
	if strings.HasPrefix(name, "golden/") || strings.HasPrefix(name, "contains/") || strings.HasPrefix(name, "select/") {
		return true
	}
	return !strings.Contains(name, "/") && name != settings.File
}

// Extra returns the archive's file name that is not part of the site
// (like "want"), and whether there is one.
func (s *Site) Extra(name string) (string, bool) {
	data, ok := s.extras[name]
	return string(data), ok
}

// Extras returns the names of the archive's files that are not part of the
// site, sorted.
func (s *Site) Extras() []string {
	var names []string
	for n := range s.extras {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Write sets the site file name (like content/om.md) to text.
func (s *Site) Write(name, text string) {
	s.Files[name] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
}

// Remove removes the site file name.
func (s *Site) Remove(name string) {
	delete(s.Files, name)
}

// Edit replaces old with new in the site file name; the test fails when
// the file does not contain old.
func (s *Site) Edit(t testing.TB, name, old, new string) {
	t.Helper()
	f, ok := s.Files[name]
	if !ok || !bytes.Contains(f.Data, []byte(old)) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	s.Write(name, strings.Replace(string(f.Data), old, new, 1))
}

// Options returns the options of a build of the site into out, on Today.
func (s *Site) Options(out string) site.Options {
	features := s.Features
	if features == nil {
		features = all.Features()
	}
	return site.Options{Features: features, Root: s.Files, Out: out, Now: Today, History: s.History, Added: s.Added}
}

// Build builds the site into a new temporary folder and fails the test
// when the build reports any problem.
func (s *Site) Build(t testing.TB) *Output {
	t.Helper()
	o, err := s.BuildErr(t)
	if err != nil {
		t.Fatalf("the fixture site does not build:\n%v", err)
	}
	return o
}

// BuildErr builds the site into a new temporary folder and returns the
// build's problems, for a site that must fail. The Output is the folder
// built into (empty when the build failed).
func (s *Site) BuildErr(t testing.TB) (*Output, error) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	st, err := site.Build(context.Background(), s.Options(out))
	return &Output{Dir: out, Stats: st, t: t}, err
}

// Dir writes the site into a new temporary folder and returns its path:
// a site root for the dev server or the build command.
func (s *Site) Dir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range s.Files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Golden compares have with the archive's file name (like "want"), both
// with leading and trailing space trimmed. With -update it rewrites that
// file of the archive instead.
func (s *Site) Golden(t testing.TB, name, have string) {
	t.Helper()
	have = strings.TrimSpace(have)
	if *Update {
		if s.file == "" {
			t.Fatalf("-update: the site was not loaded from a file, so %s cannot be rewritten", name)
		}
		found := false
		for i, f := range s.ar.Files {
			if f.Name == name {
				s.ar.Files[i].Data, found = []byte(have+"\n"), true
			}
		}
		if !found {
			s.ar.Files = append(s.ar.Files, txtar.File{Name: name, Data: []byte(have + "\n")})
		}
		s.extras[name] = []byte(have + "\n")
		if err := os.WriteFile(s.file, txtar.Format(s.ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, ok := s.extras[name]
	where := s.file
	if where == "" {
		where = "the archive"
	}
	if !ok {
		t.Errorf("%s has no file %q (%s)", where, name, UpdateCommand(t))
		return
	}
	if d := cmp.Diff(strings.TrimSpace(string(want)), have); d != "" {
		t.Errorf("the result differs from the file %s of %s (-want +have):\n%s\nIf the change is right, run: %s", name, where, d, UpdateCommand(t))
	}
}

// Golden compares have with the golden file at file (relative to the
// test's package). With -update it writes the file instead.
func Golden(t testing.TB, file string, have []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, have, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Errorf("%v\nTo write it, run: %s", err, UpdateCommand(t))
		return
	}
	if d := cmp.Diff(string(want), string(have)); d != "" {
		t.Errorf("%s differs from the output (-golden +have):\n%s\nIf the change is right, run: %s", file, d, UpdateCommand(t))
	}
}

// UpdateCommand returns the command that reruns the test t with -update,
// like go test ./internal/site -run 'TestGolden/home' -update.
func UpdateCommand(t testing.TB) string {
	pkg := "."
	if wd, err := os.Getwd(); err == nil {
		if root, err := RepoRoot(); err == nil {
			if rel, err := filepath.Rel(root, wd); err == nil && rel != "." {
				pkg = "./" + filepath.ToSlash(rel)
			}
		}
	}
	var parts []string
	for _, p := range strings.Split(t.Name(), "/") {
		parts = append(parts, regexp.QuoteMeta(p))
	}
	run := strings.Join(parts, "/")
	if !regexp.MustCompile(`^[A-Za-z0-9_/-]+$`).MatchString(run) {
		run = "'" + strings.ReplaceAll(run, "'", `'\''`) + "'"
	}
	return fmt.Sprintf("go test %s -run %s -update", pkg, run)
}

// An Output is a built site on disk.
type Output struct {
	Dir   string     // the output folder
	Stats site.Stats // what the build reported

	t testing.TB
}

// Open returns the output folder dir, built some other way (by the build
// command, or site.Build with options of the test's own).
func Open(t testing.TB, dir string) *Output {
	return &Output{Dir: dir, t: t}
}

// Has reports whether the output has the file name (a slash path like
// om/index.html).
func (o *Output) Has(name string) bool {
	_, err := os.Stat(filepath.Join(o.Dir, filepath.FromSlash(name)))
	return err == nil
}

// Read returns the output file name; the test fails when there is none.
func (o *Output) Read(name string) string {
	o.t.Helper()
	data, err := os.ReadFile(filepath.Join(o.Dir, filepath.FromSlash(name)))
	if err != nil {
		o.t.Fatalf("the build wrote no %s", name)
	}
	return string(data)
}

// Contains checks that every string of want occurs in the output file
// name, and that a string written "! text" does not. Each failure is a
// test error naming the file and the string.
func (o *Output) Contains(name string, want ...string) {
	o.t.Helper()
	data, err := os.ReadFile(filepath.Join(o.Dir, filepath.FromSlash(name)))
	if err != nil {
		o.t.Errorf("the build wrote no %s", name)
		return
	}
	for _, w := range want {
		if not, ok := strings.CutPrefix(w, "! "); ok {
			if bytes.Contains(data, []byte(not)) {
				o.t.Errorf("%s contains %q; want it not to", name, not)
			}
			continue
		}
		if !bytes.Contains(data, []byte(w)) {
			o.t.Errorf("%s does not contain %q; it is:\n%s", name, w, data)
		}
	}
}

// Files returns every file of the output by slash path.
func (o *Output) Files() map[string]string {
	o.t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(o.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(o.Dir, p)
		m[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		o.t.Fatal(err)
	}
	return m
}

var (
	themeOnce sync.Once
	theme     map[string][]byte
	themeErr  error
)

// base returns a new site root with the theme and the kit's settings.
func base(t testing.TB) fstest.MapFS {
	t.Helper()
	themeOnce.Do(func() { theme, themeErr = readTheme() })
	if themeErr != nil {
		t.Fatal(themeErr)
	}
	m := fstest.MapFS{settings.File: {Data: []byte(Settings), Mode: 0o644}}
	for name, data := range theme {
		m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return m
}

// readTheme reads the files of Theme from the repository.
func readTheme() (map[string][]byte, error) {
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	fsys := os.DirFS(root)
	m := map[string][]byte{}
	for _, name := range Theme {
		err := fs.WalkDir(fsys, name, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			m[path.Clean(p)] = data
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("sitetest: the theme: %w", err)
		}
	}
	return m, nil
}

// RepoRoot returns the repository's root: the nearest folder above the
// working directory that holds go.mod.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("sitetest: no go.mod above the working directory")
		}
		dir = parent
	}
}
