package cms_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/feature/cms"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// roots are the sites whose configuration the tests generate: the fixture,
// and any site of the repository (the sample site and examples/*), which
// are held only to rules that hold for any content.
func roots(t *testing.T) map[string]string {
	out := map[string]string{"testdata/site.txtar": sitetest.Load(t, "testdata/site.txtar").Dir(t)}
	candidates, _ := filepath.Glob("../../../examples/*/site.yaml")
	candidates = append(candidates, "../../../site.yaml")
	for _, c := range candidates {
		out[filepath.Dir(c)] = filepath.Dir(c)
	}
	return out
}

func generate(t *testing.T, root string) []byte {
	t.Helper()
	words, errs := settings.LoadWords(os.DirFS("../../.."), nil)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	cfg, err := cms.Config(cms.Site{
		Root:     os.DirFS(root),
		Settings: reflect.TypeFor[settings.Site](),
		Title:    "Hbtq-diplomering",
		URL:      "https://hbtq.example.se",
		Repo:     "region-exempel/hbtq-diplomering",
		Values:   &settings.Site{Kinds: words.Kinds}, // the theme's default kinds
		Logo:     "/favicon.svg",
		Features: all.Features(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// schema is Sveltia CMS's own JSON schema of its configuration (from the
// pinned npm package: its documented options, widget by widget, with no
// other option allowed), with one change: a field must be one of the
// built-in widgets, since the site registers no widgets of its own (the
// schema's CustomField would accept any unknown widget name).
func schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile("testdata/sveltia-cms.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defs := doc.(map[string]any)["definitions"].(map[string]any)
	defs["Field"] = map[string]any{"$ref": "#/definitions/StandardField"}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sveltia-cms.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sveltia-cms.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestConfigValid generates the configuration of every site and validates
// it against the CMS's documented options.
func TestConfigValid(t *testing.T) {
	sch := schema(t)
	for name, root := range roots(t) {
		t.Run(name, func(t *testing.T) {
			cfg := generate(t, root)
			var v any
			if err := yaml.Unmarshal(cfg, &v); err != nil {
				t.Fatalf("the configuration is not YAML: %v", err)
			}
			data, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("the configuration breaks Sveltia CMS's schema:\n%v", err)
			}
		})
	}
}

// TestSchemaCanFail shows that the schema rejects an option the CMS does
// not have and a widget it does not know.
func TestSchemaCanFail(t *testing.T) {
	sch := schema(t)
	for _, bad := range []string{
		`{"backend": {"name": "github", "repo": "a/b"}, "collections": [{"name": "x", "folder": "x", "fields": [{"name": "a", "widget": "string", "maxlenght": 3}]}]}`,
		`{"backend": {"name": "github", "repo": "a/b"}, "collections": [{"name": "x", "folder": "x", "fields": [{"name": "a", "widget": "date"}]}]}`,
		`{"backend": {"name": "github", "repo": "a/b"}, "publish_mode": "review"}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("the schema accepts %s", bad)
		}
	}
}

type field struct {
	Name   string  `yaml:"name"`
	Widget string  `yaml:"widget"`
	Fields []field `yaml:"fields"`
}

type collection struct {
	Name      string  `yaml:"name"`
	Folder    string  `yaml:"folder"`
	Extension string  `yaml:"extension"`
	Fields    []field `yaml:"fields"`
	Files     []struct {
		File   string  `yaml:"file"`
		Fields []field `yaml:"fields"`
	} `yaml:"files"`
}

// TestFieldsMatchKeys checks, for every site, that every field of the
// configuration is a key the build accepts, and back: every key the build
// accepts for a page and for each feature's data file or folder (a
// contact, a document, a unit) has a field (site.yaml's fields are keys
// too, but a key may be left to the file).
func TestFieldsMatchKeys(t *testing.T) {
	files, folders := map[string]feature.Data{}, map[string]feature.Data{}
	for _, f := range all.Features() {
		for _, d := range f.Data {
			if d.Folder != "" {
				folders[d.Folder] = d
			} else {
				files[d.File] = d
			}
		}
	}
	for name, root := range roots(t) {
		t.Run(name, func(t *testing.T) {
			var cfg struct {
				Collections []collection `yaml:"collections"`
			}
			if err := yaml.Unmarshal(generate(t, root), &cfg); err != nil {
				t.Fatal(err)
			}
			pageKeys := map[string]bool{}
			seminar := false
			seen := map[string]bool{}
			for _, c := range cfg.Collections {
				d, isData := folders[c.Folder]
				switch {
				case isData && c.Extension == "yaml": // the folder's Markdown pages, if any, are pages
					match(t, d.Type, d.Form, c.Fields, c.Folder, true)
					seen[c.Folder] = true
				case strings.HasPrefix(c.Folder, content.Dir):
					var fields []field
					for _, f := range c.Fields {
						if f.Name == "body" && f.Widget == "markdown" {
							continue
						}
						fields = append(fields, f)
						pageKeys[f.Name] = true
						seminar = seminar || f.Name == "sessions"
					}
					matchKeys(t, cms.PageKeys(all.Features()), "the front matter", nil, fields, c.Folder, false)
				case len(c.Files) == 1:
					f := c.Files[0]
					if d, ok := files[f.File]; ok {
						match(t, d.Type, d.Form, f.Fields, f.File, true)
					} else if f.File == settings.File {
						match(t, reflect.TypeFor[settings.Site](), nil, f.Fields, f.File, false)
					} else {
						t.Errorf("collection %s edits %s, which the test does not know", c.Name, f.File)
					}
					seen[f.File] = true
				default:
					t.Errorf("collection %s is neither pages, a data folder nor one file", c.Name)
				}
			}
			want := []string{settings.File}
			for k := range files {
				want = append(want, k)
			}
			for k := range folders {
				want = append(want, k)
			}
			for _, f := range want {
				if !seen[f] {
					t.Errorf("no collection edits %s", f)
				}
			}
			if name == "testdata/site.txtar" && !seminar {
				t.Error("the fixture has a seminar, but no collection has sessions")
			}
			for _, k := range cms.PageKeys(all.Features()) {
				if !pageKeys[k.Name] && (seminar || !slices.Contains([]string{"sessions", "registration", "audience", "by_agreement", "next_dates"}, k.Name)) {
					t.Errorf("front matter: the key %q has no field in any collection of pages", k.Name)
				}
			}
		})
	}
}

// match checks fields against the keys of struct type t, and with both
// every key against the fields; form, when not nil, is the feature's form
// of t, which says the type of a list's items where Go's does not (Of).
func match(t *testing.T, typ reflect.Type, form feature.Form, fields []field, where string, both bool) {
	t.Helper()
	matchKeys(t, yamldoc.Keys(typ), typ.String(), form, fields, where, both)
}

// matchKeys is match for the keys of a type, named typ.
func matchKeys(t *testing.T, keyList []yamldoc.Key, typ string, form feature.Form, fields []field, where string, both bool) {
	t.Helper()
	keys := map[string]reflect.Type{}
	for _, k := range keyList {
		keys[k.Name] = k.Type
	}
	have := map[string]bool{}
	for _, f := range fields {
		have[f.Name] = true
		kt, ok := keys[f.Name]
		if !ok {
			t.Errorf("%s: the field %q is no key the build accepts (%s)", where, f.Name, typ)
			continue
		}
		if len(f.Fields) > 0 {
			sub := deref(kt)
			if sub.Kind() == reflect.Slice {
				sub = deref(sub.Elem())
			}
			if of := form[f.Name].Of; of != nil {
				sub = of
			}
			match(t, sub, form[f.Name].Fields, f.Fields, where+" → "+f.Name, both)
		}
	}
	if both {
		for k := range keys {
			if !have[k] {
				t.Errorf("%s: the key %q (%s) has no field", where, k, typ)
			}
		}
	}
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// TestPublished builds the fixture: /admin/ holds the CMS and its
// configuration, under its own policy; the public pages keep theirs and no
// page links to /admin/. A site without cms: has no /admin/.
func TestPublished(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	out := s.Build(t)
	for _, f := range []string{"admin/index.html", "admin/config.yml", "admin/sveltia-cms.js", "admin/local.js", "admin/fonts.css",
		"admin/locales/sv.json", "admin/LICENSE.txt", "admin/fonts/material-symbols-outlined-latin-wght-normal.woff2"} {
		if !out.Has(f) {
			t.Errorf("the build did not write %s", f)
		}
	}
	out.Check("admin/index.html", sitetest.In(`head meta[name="robots"][content="noindex, nofollow"]`), sitetest.In(`script[src="local.js"]`))
	out.Contains("admin/index.html", "! https://") // no address of another host, in any form
	out.Contains("admin/config.yml", "repo: region-exempel/hbtq-diplomering", "branch: main", "publish_mode: editorial_workflow",
		"site_url: https://hbtq.example.se", "show_preview_links: true")
	out.Contains("_headers",
		"/*\n  Content-Security-Policy: "+site.ContentSecurityPolicy+"\n",
		"/admin/*\n  Content-Security-Policy: "+cms.Policy+"\n  Cross-Origin-Opener-Policy: "+cms.OpenerPolicy+"\n")
	for f := range out.Files() {
		if strings.HasSuffix(f, ".html") && !strings.HasPrefix(f, "admin/") {
			out.Contains(f, "! /admin") // no link, and no mention in any form
		}
	}

	s.Write("site.yaml", sitetest.Settings)
	out = s.Build(t)
	if out.Has("admin/index.html") {
		t.Error("a site without cms: repo got /admin/")
	}
	out.Contains("_headers", "! /admin/")
}

// TestBadRepo: a repo that is not owner/name is an error at its line.
func TestBadRepo(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Edit(t, "site.yaml", "repo: region-exempel/hbtq-diplomering", "repo: https://github.com/region-exempel")
	_, err := s.BuildErr(t)
	if err == nil || !strings.Contains(err.Error(), "site.yaml:8:9: cms: repo ska vara ett repository på GitHub, skrivet ägare/namn") {
		t.Errorf("have %v, want the error at site.yaml:8:9", err)
	}
}

// TestDraftFolder: a folder whose pages are all drafts still gets its
// collection in the editing tool, with a seminar's fields when its draft is
// a seminar, whether or not the build shows drafts (the tool is where drafts
// are written).
func TestDraftFolder(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Write("content/projekt/_index.md", "---\ntitle: Projekt\ndraft: true\n---\n")
	s.Write("content/projekt/vardag.md", "---\ntitle: Vardag\ndraft: true\nsessions:\n  - {date: 2027-03-01, start: \"10:00\", end: \"12:00\", online: true}\n---\n")
	out := s.Build(t)
	out.Contains("admin/config.yml", "name: sidor-projekt", "folder: content/projekt")
	cfg := out.Read("admin/config.yml")
	i := strings.Index(cfg, "name: sidor-projekt")
	if j := strings.Index(cfg[i:], "\n  - name: "); j > 0 {
		cfg = cfg[i : i+j]
	} else {
		cfg = cfg[i:]
	}
	if !strings.Contains(cfg, "name: sessions") {
		t.Errorf("the draft seminar's folder has no sessions field:\n%s", cfg)
	}
}
