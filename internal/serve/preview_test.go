package serve

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/publish"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

var (
	previewSeed  = flag.Uint64("seed", 0, "TestPreviewIsTheBuild: the seed of the edits (0: a new one, printed)")
	previewSteps = flag.Int("steps", 24, "TestPreviewIsTheBuild: edits per run")
)

// previewState is what the files of the property test's site say; each
// file is written from it, so an edit is a change of state and the files
// it concerns.
type previewState struct {
	frontBroken bool   // content/om/pris.md: weight: två
	image       bool   // content/om/bild.png is there
	imageUse    int    // content/om/pris.md shows it: 0 no, 1 with alt text, 2 without
	newPage     string // "", "ny" or "nyare": content/om/<newPage>.md
	folder      bool   // content/ny-mapp/sida.md (a new folder)
	static      bool   // static/dokument/extra.txt
	title       int    // site.yaml's title is numbered
	words       int    // site.yaml's words: name a language, a filter and a badge's line with a number
	yamlBroken  bool   // site.yaml does not parse
	unit        bool   // a third unit in the registry
	unitBroken  bool   // the first unit's date is not a date
	deadLink    bool   // content/kontakt.md links nowhere
	text        int    // content/kontakt.md's text is numbered
	pageTitle   int    // content/om/sa-gar-det-till.md's title is numbered (its section lists it)
	menuTitle   int    // content/om/_index.md's title is numbered (the menu shows it)
	footer      int    // layouts/partials/footer.html's heading is numbered (every page shows it)
	style       int    // layouts/assets/style.css has a numbered rule (every page links it by its fingerprint)
	document    int    // content/dokument.yaml's document title is numbered (every page's View holds the one list)
}

// previewOp is one edit of the vocabulary: when it applies, and what it
// changes (the files to write again).
type previewOp struct {
	name  string
	ok    func(*previewState) bool
	apply func(*previewState) []string
}

var previewOps = []previewOp{
	{"text", func(*previewState) bool { return true }, func(s *previewState) []string { s.text++; return []string{"content/kontakt.md"} }},
	{"break-front-matter", func(s *previewState) bool { return !s.frontBroken }, func(s *previewState) []string { s.frontBroken = true; return []string{"content/om/pris.md"} }},
	{"fix-front-matter", func(s *previewState) bool { return s.frontBroken }, func(s *previewState) []string { s.frontBroken = false; return []string{"content/om/pris.md"} }},
	{"add-image", func(s *previewState) bool { return !s.image }, func(s *previewState) []string { s.image = true; return []string{"content/om/bild.png"} }},
	{"remove-image", func(s *previewState) bool { return s.image }, func(s *previewState) []string { s.image = false; return []string{"content/om/bild.png"} }},
	{"use-image", func(s *previewState) bool { return s.imageUse != 1 }, func(s *previewState) []string { s.imageUse = 1; return []string{"content/om/pris.md"} }},
	{"use-image-without-alt", func(s *previewState) bool { return s.imageUse != 2 }, func(s *previewState) []string { s.imageUse = 2; return []string{"content/om/pris.md"} }},
	{"fix-alt-text", func(s *previewState) bool { return s.imageUse == 2 }, func(s *previewState) []string { s.imageUse = 1; return []string{"content/om/pris.md"} }},
	{"drop-image", func(s *previewState) bool { return s.imageUse != 0 }, func(s *previewState) []string { s.imageUse = 0; return []string{"content/om/pris.md"} }},
	{"add-page", func(s *previewState) bool { return s.newPage == "" }, func(s *previewState) []string { s.newPage = "ny"; return []string{"content/om/ny.md"} }},
	{"rename-page", func(s *previewState) bool { return s.newPage != "" }, nil}, // see rename
	{"remove-page", func(s *previewState) bool { return s.newPage != "" }, func(s *previewState) []string {
		p := "content/om/" + s.newPage + ".md"
		s.newPage = ""
		return []string{p}
	}},
	{"add-folder", func(s *previewState) bool { return !s.folder }, func(s *previewState) []string { s.folder = true; return []string{"content/ny-mapp/sida.md"} }},
	{"remove-folder", func(s *previewState) bool { return s.folder }, func(s *previewState) []string { s.folder = false; return []string{"content/ny-mapp/"} }},
	{"add-static", func(s *previewState) bool { return !s.static }, func(s *previewState) []string { s.static = true; return []string{"static/dokument/extra.txt"} }},
	{"remove-static", func(s *previewState) bool { return s.static }, func(s *previewState) []string { s.static = false; return []string{"static/dokument/extra.txt"} }},
	{"retitle", func(*previewState) bool { return true }, func(s *previewState) []string { s.title++; return []string{"site.yaml"} }},
	{"words", func(*previewState) bool { return true }, func(s *previewState) []string { s.words++; return []string{"site.yaml"} }},
	{"break-settings", func(s *previewState) bool { return !s.yamlBroken }, func(s *previewState) []string { s.yamlBroken = true; return []string{"site.yaml"} }},
	{"fix-settings", func(s *previewState) bool { return s.yamlBroken }, func(s *previewState) []string { s.yamlBroken = false; return []string{"site.yaml"} }},
	{"add-unit", func(s *previewState) bool { return !s.unit }, func(s *previewState) []string { s.unit = true; return []string{previewRegistry} }},
	{"remove-unit", func(s *previewState) bool { return s.unit }, func(s *previewState) []string { s.unit = false; return []string{previewRegistry} }},
	{"break-unit", func(s *previewState) bool { return !s.unitBroken }, func(s *previewState) []string { s.unitBroken = true; return []string{previewRegistry} }},
	{"fix-unit", func(s *previewState) bool { return s.unitBroken }, func(s *previewState) []string { s.unitBroken = false; return []string{previewRegistry} }},
	{"page-title", func(*previewState) bool { return true }, func(s *previewState) []string { s.pageTitle++; return []string{"content/om/sa-gar-det-till.md"} }},
	{"menu-title", func(*previewState) bool { return true }, func(s *previewState) []string { s.menuTitle++; return []string{"content/om/_index.md"} }},
	{"footer", func(*previewState) bool { return true }, func(s *previewState) []string { s.footer++; return []string{"layouts/partials/footer.html"} }},
	{"style", func(*previewState) bool { return true }, func(s *previewState) []string { s.style++; return []string{"layouts/assets/style.css"} }},
	{"document", func(*previewState) bool { return true }, func(s *previewState) []string { s.document++; return []string{"content/dokument.yaml"} }},
	{"dead-link", func(s *previewState) bool { return !s.deadLink }, func(s *previewState) []string { s.deadLink = true; return []string{"content/kontakt.md"} }},
	{"fix-link", func(s *previewState) bool { return s.deadLink }, func(s *previewState) []string { s.deadLink = false; return []string{"content/kontakt.md"} }},
}

const previewRegistry = "content/verksamheter/region-test.yaml"

// previewSite writes the files of the property test's site from a state.
type previewSite struct {
	t    *testing.T
	dir  string
	orig map[string]string // the fixture's files that the edits change
	png  []byte
}

func (p *previewSite) replace(name, old, new string) string {
	s := p.orig[name]
	if !strings.Contains(s, old) {
		p.t.Fatalf("%s does not contain %q", name, old)
	}
	return strings.Replace(s, old, new, 1)
}

// file returns the text of the site file name in state s, or false when
// it is not there.
func (p *previewSite) file(s *previewState, name string) (string, bool) {
	switch name {
	case "content/om/pris.md":
		text := p.orig[name]
		if s.frontBroken {
			text = strings.Replace(text, "weight: 2", "weight: två", 1)
		}
		switch s.imageUse {
		case 1:
			text = strings.Replace(text, "## Pris", "![Två personer vid ett bord](bild.png)\n\n## Pris", 1)
		case 2:
			text = strings.Replace(text, "## Pris", "![](bild.png)\n\n## Pris", 1)
		}
		return text, true
	case "content/om/bild.png":
		return string(p.png), s.image
	case "content/om/ny.md", "content/om/nyare.md":
		return "---\ntitle: En ny sida\n---\nEn sida som kom till i veckan.\n", "content/om/"+s.newPage+".md" == name
	case "content/ny-mapp/sida.md":
		return "---\ntitle: I en ny mapp\n---\nEn sida i en mapp som är ny.\n", s.folder
	case "static/dokument/extra.txt":
		return "En fil som publiceras som den är.\n", s.static
	case "site.yaml":
		if s.yamlBroken {
			return "title: [Hbtq-diplomering\n", true
		}
		text := sitetest.Settings
		if s.title > 0 {
			text = strings.Replace(text, "title: Hbtq-diplomering", fmt.Sprintf("title: Hbtq-diplomering %d", s.title), 1)
		}
		// The editing tool is published: its configuration names the
		// sections, the layouts and the languages of the words.
		text += "cms:\n  repo: region-test/webbplats\n"
		if s.words > 0 {
			text += fmt.Sprintf("words:\n  languages:\n    en: engelska %d\n  filter_kommun: Kommun %d\n  badge_valid_to: Giltig till {år} %d\n", s.words, s.words, s.words)
		}
		return text, true
	case previewRegistry:
		text := p.orig[name]
		if s.unitBroken {
			text = strings.Replace(text, "certified: 2024-03-15", "certified: 2024-13-45", 1)
		}
		if s.unit {
			text += "  - id: mottagningen-ny\n    name: Mottagningen Ny\n    kommun: Jönköping\n    kind: ungdomsmottagning\n    certified: 2026-11-02\n"
		}
		return text, true
	case "layouts/partials/footer.html":
		if s.footer == 0 {
			return p.orig[name], true
		}
		return p.replace(name, ">Om webbplatsen</h2>", fmt.Sprintf(">Om webbplatsen %d</h2>", s.footer)), true
	case "layouts/assets/style.css":
		return p.orig[name] + strings.Repeat(".preview-rule { margin: 0; }\n", s.style), true
	case "content/om/sa-gar-det-till.md":
		if s.pageTitle == 0 {
			return p.orig[name], true
		}
		return p.replace(name, "title: Så går det till", fmt.Sprintf("title: Så går det till, del %d", s.pageTitle)), true
	case "content/om/_index.md":
		if s.menuTitle == 0 {
			return p.orig[name], true
		}
		return p.replace(name, "title: Om diplomeringen", fmt.Sprintf("title: Om diplomeringen %d", s.menuTitle)), true
	case "content/dokument.yaml":
		if s.document == 0 {
			return p.orig[name], true
		}
		return p.replace(name, "title: Utvärdering 2026", fmt.Sprintf("title: Utvärdering 2026, del %d", s.document)), true
	case "content/kontakt.md":
		text := p.orig[name]
		if s.text > 0 {
			text += fmt.Sprintf("\nÄndring nummer %d.\n", s.text)
		}
		if s.deadLink {
			text += "\nLäs [om priset](/pris-och-villkor/).\n"
		}
		return text, true
	}
	p.t.Fatalf("no such file in the vocabulary: %s", name)
	return "", false
}

// write brings the file name on disk to state s.
func (p *previewSite) write(s *previewState, name string) {
	full := filepath.Join(p.dir, filepath.FromSlash(name))
	if strings.HasSuffix(name, "/") {
		if err := os.RemoveAll(full); err != nil {
			p.t.Fatal(err)
		}
		return
	}
	text, ok := p.file(s, name)
	if !ok {
		if err := os.Remove(full); err != nil && !os.IsNotExist(err) {
			p.t.Fatal(err)
		}
		return
	}
	writeFile(p.t, full, text)
}

// previewPNG is an image wide enough to get a smaller copy.
func previewPNG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 900, 600))
	for x := range 900 {
		for y := range 600 {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 0x80, 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// preview is what the dev server serves, or what a fresh build of the
// same files gives, in one comparable form.
type preview struct {
	Failure  string            // the build's problems, when it failed
	Files    map[string]string // the site's files, when it did not
	Problems string            // the content rules' problems, by page
}

func problemsText(m map[string]diag.List) string {
	var b strings.Builder
	for _, u := range sortedKeys(m) {
		fmt.Fprintf(&b, "%s:\n", u)
		for _, e := range m[u] {
			fmt.Fprintf(&b, "  %s\n", e.In(msg.SV))
		}
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// fresh builds the files in dir anew, as the dev server does and as the
// build command does, and checks that the two agree.
func freshPreview(t *testing.T, dir string) preview {
	opt := site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: sitetest.Today}
	l := site.NewLive(opt)
	_, lerr := l.Build(context.Background())
	if lerr == nil {
		if _, err := l.MakeImages(context.Background()); err != nil {
			lerr = err
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	opt.Out = out
	_, berr := site.Build(context.Background(), opt)
	if lerr != nil {
		if berr == nil {
			t.Fatalf("the dev server's build fails but the build does not:\n%v", lerr)
		}
		return preview{Failure: msg.Text(lerr, msg.SV)}
	}
	p := preview{Files: map[string]string{}, Problems: problemsText(l.Problems())}
	for k, v := range l.Files() {
		p.Files[k] = string(v)
	}
	if berr == nil {
		built := sitetest.Open(t, out).Files()
		delete(built, publish.Marker)
		if d := cmp.Diff(built, p.Files); d != "" {
			t.Fatalf("the dev server's fresh build differs from the build (-build +dev server):\n%s", d)
		}
		if p.Problems != "" {
			t.Fatalf("the build succeeds, but the dev server shows problems:\n%s", p.Problems)
		}
	} else {
		// The build stops at the first stage with problems; the dev server
		// shows a page's own problems and the content rules' together.
		shown := map[string]bool{}
		for _, e := range l.AllProblems() {
			shown[e.Pos()+" "+e.Error()] = true
		}
		for _, e := range diag.Errors(berr) {
			if !shown[e.Pos()+" "+e.Error()] {
				t.Fatalf("the build fails with %s: %s, which the dev server does not show; it shows:\n%s", e.Pos(), e.Error(), msg.Text(l.AllProblems().Err(), msg.SV))
			}
		}
	}
	return p
}

// served is what the server s serves now.
func (s *Server) served() preview {
	s.mu.Lock()
	failure := s.failure
	s.mu.Unlock()
	if failure != nil {
		return preview{Failure: msg.Text(failure, msg.SV)}
	}
	p := preview{Files: map[string]string{}, Problems: problemsText(s.live.Problems())}
	for k, v := range s.live.Files() {
		p.Files[k] = string(v)
	}
	return p
}

// TestPreviewIsTheBuild is the dev server's promise as a property: after
// any sequence of edits on disk (text, front matter that breaks and is
// fixed, an image added beside a page and then used, with and without alt
// text, titles that a section's list or the menu shows, a layout and the
// style sheet, pages and folders added, renamed and removed, static files,
// settings and the unit registry broken and fixed, a dead link, a
// document's title that every page's View holds in one shared list), the
// server serves exactly what a fresh build of the files on disk gives,
// byte for byte, or that build's problems. The edits are random from a
// seed that the test prints; -seed N -steps M repeats a run.
func TestPreviewIsTheBuild(t *testing.T) {
	seed := *previewSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	steps := *previewSteps
	if testing.Short() {
		steps = min(steps, 8)
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	fix := sitetest.Load(t, "testdata/preview.txtar")
	dir := fix.Dir(t)
	ps := &previewSite{t: t, dir: dir, orig: map[string]string{}, png: previewPNG(t)}
	for _, name := range []string{"content/om/pris.md", "content/kontakt.md", "content/om/sa-gar-det-till.md", "content/om/_index.md", previewRegistry,
		"layouts/partials/footer.html", "layouts/assets/style.css", "content/dokument.yaml"} {
		ps.orig[name] = string(fix.Files[name].Data)
	}
	builds := make(chan error, 64)
	s, err := Start(Options{Dir: dir, Addr: "127.0.0.1:0", Site: site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: sitetest.Today},
		Built: func(_ site.Stats, err error) {
			select {
			case builds <- err:
			default:
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	<-builds // the first build, in Start

	var seq []string
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("%s\nseed %d, edits: %s\nrepeat with: go test ./internal/serve -run TestPreviewIsTheBuild -seed %d -steps %d",
			fmt.Sprintf(format, args...), seed, strings.Join(seq, ", "), seed, len(seq))
	}
	first := freshPreview(t, dir)
	if first.Failure != "" || first.Problems != "" {
		t.Fatalf("the fixture does not build without problems:\n%s%s", first.Failure, first.Problems)
	}
	if d := cmp.Diff(first, s.served()); d != "" {
		fail("before any edit the server differs from a fresh build (-fresh +served):\n%s", d)
	}
	state := &previewState{}
	outcomes := map[string]int{}
	deadline := time.Now().Add(2 * time.Minute)
	for step := range steps {
		if time.Now().After(deadline) {
			t.Logf("stopped after %d edits: the time is up", step)
			break
		}
		// A mistake is usually fixed soon: while one stands, a fix is
		// picked more often than not, so that the walk spends its time
		// on sites that build as well as on ones that fail.
		var ops, fixes []previewOp
		for _, op := range previewOps {
			if op.ok(state) {
				ops = append(ops, op)
				if strings.HasPrefix(op.name, "fix-") || op.name == "add-image" && state.imageUse != 0 {
					fixes = append(fixes, op)
				}
			}
		}
		if len(fixes) > 0 && rng.IntN(4) > 0 {
			ops = fixes
		}
		op := ops[rng.IntN(len(ops))]
		seq = append(seq, op.name)
		if op.name == "rename-page" {
			from := "content/om/" + state.newPage + ".md"
			state.newPage = map[string]string{"ny": "nyare", "nyare": "ny"}[state.newPage]
			if err := os.Rename(filepath.Join(dir, filepath.FromSlash(from)), filepath.Join(dir, "content/om", state.newPage+".md")); err != nil {
				t.Fatal(err)
			}
		} else {
			for _, name := range op.apply(state) {
				ps.write(state, name)
			}
		}
		settle(t, builds)
		s.waitImages()
		want := freshPreview(t, dir)
		switch {
		case want.Failure != "":
			outcomes["failed"]++
		case want.Problems != "":
			outcomes["content problems"]++
		default:
			outcomes["built"]++
		}
		if d := cmp.Diff(want, s.served()); d != "" {
			fail("after the edit %q the server differs from a fresh build (-fresh +served):\n%s", op.name, d)
		}
	}
	t.Logf("seed %d, %d edits: %s; outcomes %v", seed, len(seq), strings.Join(seq, ", "), outcomes)
}

// settle waits for the build an edit starts, and then until the server has
// been quiet for a while (an edit of several files may take two builds).
func settle(t *testing.T, builds <-chan error) {
	t.Helper()
	select {
	case <-builds:
	case <-time.After(20 * time.Second):
		t.Fatal("no build within 20 s of an edit")
	}
	for {
		select {
		case <-builds:
		case <-time.After(300 * time.Millisecond):
			return
		}
	}
}
