package browser

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// cmsFixture builds the CMS's fixture site with the CMS's test repository
// as its backend and serves it; it returns the site and the server.
func cmsFixture(t *testing.T) (*sitetest.Site, *served) {
	t.Helper()
	need(t)
	fx := sitetest.Load(t, "../../internal/feature/cms/testdata/site.txtar")
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(context.Background(), fx.Options(dir)); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "admin", "config.yml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	test := regexp.MustCompile(`(?s)backend:\n.*?\npublish_mode: \S+`).ReplaceAll(data, []byte("backend:\n  name: test-repo\npublish_mode: simple"))
	if err := os.WriteFile(p, test, 0o644); err != nil {
		t.Fatal(err)
	}
	srv, err := serve(dir)
	if err != nil {
		t.Fatal(err)
	}
	return fx, srv
}

// repoFiles are the files of a fixture site that the CMS's test
// repository starts with: the site's own, not the theme's.
func repoFiles(fx *sitetest.Site) map[string]string {
	out := map[string]string{}
	for name, f := range fx.Files {
		if name == "site.yaml" || strings.HasPrefix(name, "content/") || strings.HasPrefix(name, "static/dokument/") || strings.HasPrefix(name, "static/bilder/") {
			out[name] = string(f.Data)
		}
	}
	return out
}

const seedJS = `async (files) => {
  const root = await navigator.storage.getDirectory();
  try { await root.removeEntry("sveltia-cms-test", {recursive: true}); } catch {}
  const top = await root.getDirectoryHandle("sveltia-cms-test", {create: true});
  for (const [p, text] of Object.entries(files)) {
    const parts = p.split("/");
    let d = top;
    for (const part of parts.slice(0, -1)) d = await d.getDirectoryHandle(part, {create: true});
    const w = await (await d.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await w.write(text);
    await w.close();
  }
  return true;
}`

const readJS = `(async () => {
  const out = {};
  const walk = async (d, prefix) => {
    for await (const [name, h] of d.entries()) {
      if (h.kind === "directory") await walk(h, prefix + name + "/");
      else {
        try { out[prefix + name] = await (await h.getFile()).text(); } catch { out[prefix + name] = "(being written)"; }
      }
    }
  };
  try {
    const root = await navigator.storage.getDirectory();
    await walk(await root.getDirectoryHandle("sveltia-cms-test"), "");
  } catch {
    out["(being written)"] = "";
  }
  return out;
})()`

// openTestRepo opens the CMS at srv with the test repository holding
// files, and waits for its collections.
func openTestRepo(t *testing.T, ctx context.Context, srv *served, files map[string]string) {
	t.Helper()
	open(t, ctx, srv.url+"/admin/")
	waitText(t, ctx, "the start screen", "Arbeta med test-repo")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(`+seedJS+`)(`+mustJSON(files)+`)`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll("button")].find(b => b.innerText.includes("test-repo")).click() || true`)); err != nil {
		t.Fatal(err)
	}
	waitText(t, ctx, "the collections", "Samlingar")
}

// savedFiles returns the files of the CMS's test repository.
func savedFiles(t *testing.T, ctx context.Context) map[string]string {
	t.Helper()
	for {
		files, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](readJS, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		busy := false
		for name, text := range files {
			busy = busy || name == "(being written)" || text == "(being written)"
		}
		if !busy {
			return files
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// setField sets the input of the field at keyPath (like sessions.1.date)
// to value, as typing would.
const setFieldJS = `(keyPath, value) => {
  const s = document.querySelector('section[data-key-path="' + keyPath + '"]');
  if (!s) return "no field " + keyPath;
  const el = s.querySelector("input, textarea");
  if (!el) return "no input in " + keyPath;
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
  el.dispatchEvent(new Event("input", {bubbles: true}));
  el.dispatchEvent(new Event("change", {bubbles: true}));
  return "";
}`

func setField(t *testing.T, ctx context.Context, keyPath, value string) {
	t.Helper()
	msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(`+setFieldJS+`)(`+mustJSON(keyPath)+`, `+mustJSON(value)+`)`))
	if err != nil || msg != "" {
		t.Fatalf("set %s: %v %s", keyPath, err, msg)
	}
}

// click clicks the button whose text contains text, inside the element
// matching within (or anywhere, when within is "").
func click(t *testing.T, ctx context.Context, within, text string) {
	t.Helper()
	js := `((within, text) => {
  const root = within ? document.querySelector(within) : document;
  if (!root) return "no " + within;
  const b = [...root.querySelectorAll("button")].find(b => b.innerText.includes(text) && !b.disabled && b.getAttribute("aria-disabled") !== "true");
  if (!b) return "no enabled button " + JSON.stringify(text) + " in " + (within || "the page");
  b.click();
  return "";
})(` + mustJSON(within) + `, ` + mustJSON(text) + `)`
	msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil || msg != "" {
		t.Fatalf("click: %v %s", err, msg)
	}
}

// decodeEntry splits a page into its front matter, decoded, and its body;
// a YAML file is all front matter.
func decodeEntry(t *testing.T, name, text string) (map[string]any, string) {
	t.Helper()
	body := ""
	if strings.HasSuffix(name, ".md") {
		rest, ok := strings.CutPrefix(text, "---\n")
		fm, b, ok2 := strings.Cut(rest, "\n---\n")
		if !ok || !ok2 {
			t.Fatalf("%s: no front matter:\n%s", name, text)
		}
		text, body = fm, strings.TrimSpace(b)
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(text), &m); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, text)
	}
	return m, body
}

// An edit is one change an editor makes in the tool, and what it must do
// to the file it saves.
type edit struct {
	name  string // the test's name
	hash  string // the form's address in the CMS
	file  string // the file the form saves
	do    func(t *testing.T, ctx context.Context)
	apply func(m map[string]any) // the change, on the file as decoded
	// lines, when set, are the only lines the saved file may add to the
	// hand-written one, which is written the way the tool writes (keys in
	// the form's order, lists as blocks, times unquoted, a blank line
	// after the front matter): a review diff of the edit only.
	lines string
}

// TestAdminSaves edits every collection of the CMS's fixture site in the
// real tool, with its test repository (in the browser's private file
// system) holding the site's hand-written files, and saves. Each saved
// file must hold exactly the hand-written data plus the edit (nothing
// lost, no default written back: no full: false or draft: false), and the
// site built from the saved files must pass the build. Every form's hints
// show as written, and the media library offers no stock photos.
func TestAdminSaves(t *testing.T) {
	fx, srv := cmsFixture(t)
	ctx := browser(t, 1280)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 8000)); err != nil {
		t.Fatal(err)
	}
	files := repoFiles(fx)
	hints := configHints(t, srv)
	openTestRepo(t, ctx, srv, files)
	edits := []edit{
		{name: "a page's title", hash: "#/collections/sidor-om/entries/pris", file: "content/om/pris.md",
			do:    func(t *testing.T, ctx context.Context) { setField(t, ctx, "title", "Pris och villkor") },
			apply: func(m map[string]any) { m["title"] = "Pris och villkor" }},
		{name: "a new session", hash: "#/collections/sidor-seminarier/entries/individuell", file: "content/seminarier/individuell.md",
			do:    addSession("vinter", "2027-01-20", "10:00", "12:00"),
			apply: appendSession("vinter", "2027-01-20", "10:00", "12:00")},
		{name: "a session added to a file in the tool's style", hash: "#/collections/sidor-seminarier/entries/pa-plats", file: "content/seminarier/pa-plats.md",
			do:    addSession("traff-2", "2027-03-16", "13:00", "15:00"),
			apply: appendSession("traff-2", "2027-03-16", "13:00", "15:00"),
			lines: "  - id: traff-2\n    date: 2027-03-16\n    start: 13:00\n    end: 15:00\n    place: Regionhuset\n"},
		{name: "a new page", hash: "#/collections/sidor-om/new", file: "content/om/vanliga-fragor-om-priset.md",
			do:    func(t *testing.T, ctx context.Context) { setField(t, ctx, "title", "Vanliga frågor om priset") },
			apply: func(m map[string]any) { m["title"] = "Vanliga frågor om priset" }},
		{name: "a contact's e-mail", hash: "#/collections/kontakter/entries/kontakter", file: "content/kontakter.yaml",
			do:    func(t *testing.T, ctx context.Context) { setField(t, ctx, "contacts.0.email", "team@example.se") },
			apply: func(m map[string]any) { m["contacts"].([]any)[0].(map[string]any)["email"] = "team@example.se" }},
		{name: "a document's title", hash: "#/collections/dokument/entries/dokument", file: "content/dokument.yaml",
			do:    func(t *testing.T, ctx context.Context) { setField(t, ctx, "documents.0.title", "Rapport 2021") },
			apply: func(m map[string]any) { m["documents"].([]any)[0].(map[string]any)["title"] = "Rapport 2021" }},
		{name: "a unit's address", hash: "#/collections/verksamheter/entries/region-exempel", file: "content/verksamheter/region-exempel.yaml",
			do:    func(t *testing.T, ctx context.Context) { setField(t, ctx, "units.0.address", "Storgatan 1, Umeå") },
			apply: func(m map[string]any) { m["units"].([]any)[0].(map[string]any)["address"] = "Storgatan 1, Umeå" }},
		{name: "the site's description", hash: "#/collections/installningar/entries/installningar", file: "site.yaml",
			do:    func(t *testing.T, ctx context.Context) { setField(t, ctx, "description", "Om diplomeringen.") },
			apply: func(m map[string]any) { m["description"] = "Om diplomeringen." }},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			go_(t, ctx, e.hash)
			checkHints(t, ctx, hints[strings.Split(e.hash, "/")[2]])
			if e.file == "content/om/pris.md" {
				checkPreview(t, ctx)
			}
			if e.file == "content/dokument.yaml" {
				// The media library: the site's own files, no stock photos.
				click(t, ctx, `section[data-key-path="documents.0.file"]`, "Ersätt")
				waitText(t, ctx, "the media library", "rapport.pdf", "Välj")
				settle(t, ctx)
				if shot := os.Getenv("ADMIN_SHOTS"); shot != "" {
					png, _ := chromedp.Run(ctx, chromedp.CaptureScreenshot())
					os.WriteFile(filepath.Join(shot, "media-library.png"), png, 0o644)
				}
				text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
				for _, stock := range []string{"Pexels", "Pixabay", "Unsplash", "Picsum"} {
					if strings.Contains(text, stock) {
						t.Errorf("the media library offers %s", stock)
					}
				}
				if err := chromedp.Do(ctx, chromedp.KeyEvent("\x1b")); err != nil {
					t.Fatal(err)
				}
				settle(t, ctx)
				// Known: to draw a PDF's thumbnail the CMS imports pdf.js
				// from unpkg.com, which the policy of /admin/* blocks
				// before it is sent. Anything else fails the test.
				for _, r := range foreignRequests(ctx) {
					if !strings.HasPrefix(r, "https://unpkg.com/pdfjs-dist@") {
						t.Errorf("a request left the site: %s", r)
					}
				}
				for _, v := range cspViolations(ctx) {
					if !strings.Contains(v, "script-src-elem blocked https://unpkg.com/pdfjs-dist@") {
						t.Errorf("policy violation: %s", v)
					}
				}
			}
			e.do(t, ctx)
			settle(t, ctx)
			click(t, ctx, "", "Spara")
			saved := waitSaved(t, ctx, e.file, files[e.file])
			want, wantBody := map[string]any{}, ""
			if files[e.file] != "" {
				want, wantBody = decodeEntry(t, e.file, files[e.file])
			}
			e.apply(want)
			have, haveBody := decodeEntry(t, e.file, saved)
			if diff := cmp.Diff(want, have); diff != "" || haveBody != wantBody {
				t.Errorf("%s as saved by the tool differs from the hand-written file plus the edit (-want +have):\n%s\nbody %q, want %q\nthe file:\n%s", e.file, diff, haveBody, wantBody, saved)
			}
			if e.lines != "" {
				if added, ok := onlyAdded(files[e.file], saved); !ok || added != e.lines {
					t.Errorf("%s: the tool changed other lines than the edit's; the file was\n%s\nand is\n%s\nwant only these lines added:\n%s\nadded: %q\nend of the file: %q", e.file, files[e.file], saved, e.lines, added, saved[max(0, len(saved)-30):])
				}
			}
			files[e.file] = saved
		})
	}
	t.Run("a new unit's id", func(t *testing.T) {
		// A unit's id is made from its name while the unit is new, and
		// an id the file has is shown as fixed (ids.js).
		go_(t, ctx, "#/collections/verksamheter/entries/region-exempel")
		readonly := `document.querySelector('section[data-key-path="units.0.id"] input').readOnly`
		if fixed, err := chromedp.Run(ctx, chromedp.Evaluate[bool](readonly)); err != nil || !fixed {
			t.Errorf("the id of a unit in the file can be edited (%v)", err)
		}
		click(t, ctx, `section[data-key-path="units"]`, "Lägg till \u2068Verksamheter")
		waitField(t, ctx, "units.1.name")
		setField(t, ctx, "units.1.name", "Vårdcentralen Ålidhem – Öster")
		id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('section[data-key-path="units.1.id"] input').value`))
		if err != nil || id != "vardcentralen-alidhem-oster" {
			t.Errorf("a new unit named Vårdcentralen Ålidhem – Öster gets the id %q (%v), want vardcentralen-alidhem-oster", id, err)
		}
		setField(t, ctx, "units.1.id", "vc-alidhem")
		setField(t, ctx, "units.1.name", "Vårdcentralen Ålidhem")
		id, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('section[data-key-path="units.1.id"] input').value`))
		if id != "vc-alidhem" {
			t.Errorf("an id the editor wrote was replaced by %q when the name changed", id)
		}
		if fixed, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('section[data-key-path="units.1.id"] input').readOnly`)); fixed {
			t.Error("a new unit's id is fixed before it is saved")
		}
	})

	// The files as the tool saved them build, unchanged.
	for name, text := range savedFiles(t, ctx) {
		fx.Write(name, text)
	}
	if _, err := fx.BuildErr(t); err != nil {
		t.Errorf("the site as the tool saved it does not build:\n%v", err)
	}
}

// configHints returns the hint of every top-level field of every form
// of the configuration served by srv, by collection and key.
func configHints(t *testing.T, srv *served) map[string]map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(srv.dir, "admin", "config.yml"))
	if err != nil {
		t.Fatal(err)
	}
	type fd struct {
		Name string `yaml:"name"`
		Hint string `yaml:"hint"`
	}
	var cfg struct {
		Collections []struct {
			Name   string `yaml:"name"`
			Fields []fd   `yaml:"fields"`
			Files  []struct {
				Fields []fd `yaml:"fields"`
			} `yaml:"files"`
		} `yaml:"collections"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for _, c := range cfg.Collections {
		out[c.Name] = map[string]string{}
		fs := c.Fields
		for _, f := range c.Files {
			fs = append(fs, f.Fields...)
		}
		for _, f := range fs {
			out[c.Name][f.Name] = f.Hint
		}
	}
	return out
}

// checkHints compares the hint under each top-level field of the open
// form with the configuration's: the CMS reads hints as Markdown, and a
// hint must show as written (an id's hint once showed "/verksamheter//.").
func checkHints(t *testing.T, ctx context.Context, hints map[string]string) {
	t.Helper()
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`Object.fromEntries([...document.querySelectorAll("section[data-key-path]")]
  .filter(s => !s.dataset.keyPath.includes("."))
  .map(s => [s.dataset.keyPath, s.querySelector(":scope > .footer p.hint")?.textContent ?? ""]))`))
	if err != nil {
		t.Fatal(err)
	}
	if len(shown) == 0 {
		t.Fatal("the form shows no field")
	}
	for key, have := range shown {
		if want := hints[key]; have != want {
			t.Errorf("the hint of %s shows as\n\t%q\nnot as written in the configuration\n\t%q", key, have, want)
		}
	}
}

// checkPreview checks the preview pane of a page: the site's own
// stylesheet, and the page's title and text without the form's other
// fields (preview.css).
func checkPreview(t *testing.T, ctx context.Context) {
	t.Helper()
	state, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`(() => {
  const doc = [...document.querySelectorAll("iframe")].map(f => f.contentDocument).find(d => d && d.querySelector("section[data-key-path]"));
  if (!doc) return {error: "no preview frame"};
  const shown = (k) => { const s = doc.querySelector('section[data-key-path="' + k + '"]'); return s ? doc.defaultView.getComputedStyle(s).display : "missing"; };
  return {
    sheets: [...doc.querySelectorAll("link[rel=stylesheet]")].map(l => new URL(l.href).pathname).join(" "),
    title: shown("title"), body: shown("body"), weight: shown("weight"), draft: shown("draft"),
    label: doc.defaultView.getComputedStyle(doc.querySelector('section[data-key-path="title"] > h4')).display,
  };
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if state["error"] != "" {
		t.Fatal(state["error"])
	}
	if !regexp.MustCompile(`^/assets/style\.[0-9a-f]{8}\.css( |$)`).MatchString(state["sheets"]) || !strings.HasSuffix(state["sheets"], "/admin/preview.css") {
		t.Errorf("the preview pane has the stylesheets %q; want the site's own, then /admin/preview.css", state["sheets"])
	}
	if state["title"] != "block" || state["body"] != "block" || state["weight"] != "none" || state["draft"] != "none" || state["label"] != "none" {
		t.Errorf("the preview pane of a page shows title %s, text %s, Vikt %s, Utkast %s, labels %s; want the title and text only, without labels",
			state["title"], state["body"], state["weight"], state["draft"], state["label"])
	}
}

// onlyAdded reports whether have is old with lines added and nothing
// else changed, and returns the added lines.
func onlyAdded(old, have string) (string, bool) {
	o := strings.SplitAfter(strings.TrimSuffix(old, "\n")+"\n", "\n")
	h := strings.SplitAfter(strings.TrimSuffix(have, "\n")+"\n", "\n")
	var added strings.Builder
	i := 0
	for _, line := range h {
		if i < len(o) && line == o[i] {
			i++
			continue
		}
		added.WriteString(line)
	}
	return added.String(), i == len(o)
}

// go_ opens the CMS's page at hash and waits until its form is drawn.
func go_(t *testing.T, ctx context.Context, hash string) {
	t.Helper()
	// A new entry is made from its collection's list, as a person does
	// (the list's "Ny" button): straight from another collection's entry
	// to #/collections/B/new, the tool at times kept the previous
	// collection and saved the new page there.
	if coll, ok := strings.CutSuffix(hash, "/new"); ok {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(location.hash = `+mustJSON(coll)+`, true)`)); err != nil {
			t.Fatal(err)
		}
		if !until(t, ctx, `!document.querySelector("section[data-key-path]")`, 10*time.Second) {
			t.Fatalf("after 10 s %s still shows an entry's form, not the collection's list", coll)
		}
		settle(t, ctx)
	}
	// The fields on screen now are the previous entry's: mark them, and
	// give the tool a moment to take them away, so that waiting for a
	// field cannot find the old form on a slow machine. (Within one
	// collection the tool may keep the same elements for the next entry;
	// waitStill then waits for their new state.)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.querySelectorAll("section[data-key-path]").forEach(s => s.dataset.old = "1"), location.hash = `+mustJSON(hash)+`, true)`)); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, `!document.querySelector("section[data-old]")`, 10*time.Second)
	waitField(t, ctx, "")
	settle(t, ctx)
	waitStill(t, ctx)
}

// waitStill waits until the form has stopped changing: the same fields,
// with the same read-only state, in five looks 200 ms apart (the tool
// draws a form in steps, and ids.js marks fixed ids after it).
func waitStill(t *testing.T, ctx context.Context) {
	t.Helper()
	const look = `[...document.querySelectorAll("section[data-key-path]")].map(s => s.dataset.keyPath + (s.querySelector("input")?.readOnly ? "!" : "")).join(",")`
	last, same := "", 0
	deadline := time.Now().Add(30 * time.Second)
	for same < 5 {
		now, err := chromedp.Run(ctx, chromedp.Evaluate[string](look))
		if err != nil {
			t.Fatal(err)
		}
		if now != "" && now == last {
			same++
		} else {
			same = 0
		}
		last = now
		if time.Now().After(deadline) {
			t.Fatalf("after 30 s the form is still changing: %s", now)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// waitField waits until the form shows the field at keyPath (any field,
// when keyPath is "").
func waitField(t *testing.T, ctx context.Context, keyPath string) {
	t.Helper()
	sel := `section[data-key-path]`
	if keyPath != "" {
		sel = `section[data-key-path="` + keyPath + `"]`
	}
	if !until(t, ctx, `!!document.querySelector(`+mustJSON(sel)+`)`, 60*time.Second) {
		t.Fatalf("after 60 s the page has no %s", sel)
	}
}

// until evaluates the JavaScript condition cond every 100 ms until it is
// true or d has passed, and reports whether it became true.
func until(t *testing.T, ctx context.Context, cond string, d time.Duration) bool {
	t.Helper()
	for end := time.Now().Add(d); ; time.Sleep(100 * time.Millisecond) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			return true
		}
		if time.Now().After(end) {
			return false
		}
	}
}

// waitSaved waits until the test repository's file name differs from old.
func waitSaved(t *testing.T, ctx context.Context, name, old string) string {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		if f := savedFiles(t, ctx)[name]; f != old {
			return f
		}
		if time.Now().After(deadline) {
			text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
			t.Fatalf("after 60 s the tool has not saved %s; the page says:\n%s", name, text)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// addSession adds a second session at Regionhuset in the seminar's form.
func addSession(id, date, start, end string) func(*testing.T, context.Context) {
	return func(t *testing.T, ctx context.Context) {
		click(t, ctx, `section[data-key-path="sessions"]`, "Lägg till")
		waitField(t, ctx, "sessions.1.date")
		setField(t, ctx, "sessions.1.id", id)
		setField(t, ctx, "sessions.1.date", date)
		setField(t, ctx, "sessions.1.start", start)
		setField(t, ctx, "sessions.1.end", end)
		setField(t, ctx, "sessions.1.place", "Regionhuset")
	}
}

// appendSession is addSession's session in the front matter as read back
// (the date a time, as YAML decodes it).
func appendSession(id, date, start, end string) func(map[string]any) {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		panic(err)
	}
	return func(m map[string]any) {
		m["sessions"] = append(m["sessions"].([]any), map[string]any{"id": id,
			"date": d, "start": start, "end": end, "place": "Regionhuset"})
	}
}
