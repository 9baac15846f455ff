package cms_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/hbtq-diplomering/webbplats/internal/feature/cms"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// formField is a field of the generated configuration, as the tests read it.
type formField struct {
	Name         string      `yaml:"name"`
	Label        string      `yaml:"label"`
	Widget       string      `yaml:"widget"`
	Required     bool        `yaml:"required"`
	Hint         string      `yaml:"hint"`
	Options      []option    `yaml:"options"`
	MediaFolder  string      `yaml:"media_folder"`
	PublicFolder string      `yaml:"public_folder"`
	Fields       []formField `yaml:"fields"`
}

type option struct {
	Label string `yaml:"label"`
	Value any    `yaml:"value"`
}

type config struct {
	MediaFolder    string `yaml:"media_folder"`
	PublicFolder   string `yaml:"public_folder"`
	MediaLibraries struct {
		StockAssets *struct {
			Providers []string `yaml:"providers"`
		} `yaml:"stock_assets"`
	} `yaml:"media_libraries"`
	Collections []struct {
		Name      string `yaml:"name"`
		Label     string `yaml:"label"`
		Folder    string `yaml:"folder"`
		IndexFile *struct {
			Label string `yaml:"label"`
		} `yaml:"index_file"`
		Fields []formField `yaml:"fields"`
		Files  []struct {
			Fields []formField `yaml:"fields"`
		} `yaml:"files"`
	} `yaml:"collections"`
}

func readConfig(t *testing.T) config {
	t.Helper()
	var c config
	if err := yaml.Unmarshal(generate(t, roots(t)["testdata/site.txtar"]), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// each calls f with every formField of the configuration and its path, like
// verksamheter/units/id.
func (c config) each(f func(path string, fd formField)) {
	var walk func(prefix string, fs []formField)
	walk = func(prefix string, fs []formField) {
		for _, fd := range fs {
			f(prefix+fd.Name, fd)
			walk(prefix+fd.Name+"/", fd.Fields)
		}
	}
	for _, col := range c.Collections {
		walk(col.Name+"/", col.Fields)
		for _, file := range col.Files {
			walk(col.Name+"/", file.Fields)
		}
	}
}

// TestHintsArePlainText: the CMS reads a hint as Markdown and drops what
// looks like HTML (the id's hint once showed "/verksamheter//."), so a hint
// holds none of the characters that Markdown or HTML would take for
// themselves. The browser test TestAdminSaves sees each hint as written.
func TestHintsArePlainText(t *testing.T) {
	readConfig(t).each(func(path string, fd formField) {
		if i := strings.IndexAny(fd.Hint, "<>*_`[]~\\"); i >= 0 {
			t.Errorf("%s: the hint %q has %q, which the CMS would not show as written", path, fd.Hint, fd.Hint[i])
		}
	})
}

// TestRequiredAsTheBuild: a key the build requires is required in the
// form, also when the build checks it in code (a unit's id).
func TestRequiredAsTheBuild(t *testing.T) {
	want := map[string]bool{
		"verksamheter/units/id": true, "verksamheter/units/name": true, "verksamheter/units/kommun": true,
		"verksamheter/units/kind": true, "verksamheter/organisation": true, // certified: or started: (a unit under certification), checked by the build
		"sidor/title": true, "kontakter/contacts/id": true, "dokument/documents/file": true,
	}
	seen := map[string]bool{}
	readConfig(t).each(func(path string, fd formField) {
		if want[path] {
			seen[path] = true
			if !fd.Required {
				t.Errorf("%s is required by the build but optional in the form", path)
			}
		}
	})
	for p := range want {
		if !seen[p] {
			t.Errorf("no formField %s", p)
		}
	}
}

// TestBooleansWriteOnlyAnAnswer: no formField is the CMS's boolean widget,
// which writes false into every entry it saves; a yes-or-no key is a
// select that writes only what the editor chose, "Nej" only where no
// answer differs from false (a *bool in Go).
func TestBooleansWriteOnlyAnAnswer(t *testing.T) {
	yesOnly := []option{{"Ja", true}}
	yesNo := []option{{"Ja", true}, {"Nej", false}}
	want := map[string][]option{
		"sidor/draft": yesOnly, "sidor-seminarier/sessions/full": yesOnly, "sidor-seminarier/sessions/cancelled": yesOnly,
		"sidor-seminarier/sessions/online": yesOnly, "sidor-seminarier/by_agreement": yesOnly,
		"verksamheter/rules/manager_required": yesNo, "verksamheter/units/internal/manager_took_part": yesNo,
	}
	readConfig(t).each(func(path string, fd formField) {
		if fd.Widget == "boolean" {
			t.Errorf("%s is a boolean widget, which writes false into every entry saved", path)
		}
		if w, ok := want[path]; ok {
			if fd.Widget != "select" || fd.Required || !reflect.DeepEqual(fd.Options, w) {
				t.Errorf("%s: widget %s, required %v, options %v; want an optional select of %v", path, fd.Widget, fd.Required, fd.Options, w)
			}
			delete(want, path)
		}
	})
	for p := range want {
		t.Errorf("no formField %s", p)
	}
}

// TestMediaWhereTheBuildFindsIt: images are saved in static/bilder/ and
// written as /bilder/…, which the build finds (package site, images.go);
// documents in static/dokument/; the media library has no stock photos;
// index files have the guide's names.
func TestMediaWhereTheBuildFindsIt(t *testing.T) {
	c := readConfig(t)
	if c.MediaFolder != "static/bilder" || c.PublicFolder != "/bilder" {
		t.Errorf("media folder %q, public %q; want static/bilder and /bilder", c.MediaFolder, c.PublicFolder)
	}
	if c.MediaLibraries.StockAssets == nil || len(c.MediaLibraries.StockAssets.Providers) != 0 {
		t.Errorf("stock photo providers are not switched off: %+v", c.MediaLibraries.StockAssets)
	}
	found := 0
	c.each(func(path string, fd formField) {
		switch {
		case strings.HasSuffix(path, "/image") && strings.HasPrefix(path, "sidor"):
			found++
			if fd.Widget != "image" || fd.MediaFolder != "/static/bilder" || fd.PublicFolder != "/bilder" {
				t.Errorf("%s: widget %s in %s as %s; want image in /static/bilder as /bilder", path, fd.Widget, fd.MediaFolder, fd.PublicFolder)
			}
			if strings.Contains(fd.Hint, "bredvid") {
				t.Errorf("%s: the hint asks for an image beside the page, which the tool cannot put there: %s", path, fd.Hint)
			}
		case path == "dokument/documents/file":
			found++
			if fd.MediaFolder != "/static/dokument" || fd.PublicFolder != "/dokument" {
				t.Errorf("%s: in %s as %s", path, fd.MediaFolder, fd.PublicFolder)
			}
		}
	})
	if found == 0 {
		t.Error("no image or file formField found")
	}
	var labels []string
	for _, col := range c.Collections {
		if col.Folder != "" && strings.HasPrefix(col.Name, "sidor") {
			if col.IndexFile == nil {
				t.Errorf("%s: no index file", col.Name)
				continue
			}
			labels = append(labels, col.Name+": "+col.IndexFile.Label)
		}
	}
	for _, w := range []string{"sidor: Startsidan", "sidor-om: Avsnittets egen sida"} {
		if !slices.Contains(labels, w) {
			t.Errorf("index files are %q, want %q among them", labels, w)
		}
	}
}

func TestPreviewScript(t *testing.T) {
	home := []byte(`<!doctype html><link rel=stylesheet href=/assets/style.3f2a9c1b.css><link rel="icon" href="/favicon.svg"><link href='/assets/brand.12345678.css' rel='stylesheet'><link rel=stylesheet href=https://cdn.example.com/x.css><noscript><link rel=stylesheet href=/assets/noscript.1.css></noscript>`)
	have := string(cms.PreviewScript(home))
	want := `for (const href of ["/assets/style.3f2a9c1b.css", "/assets/brand.12345678.css", "preview.css"]) window.CMS.registerPreviewStyle(href);`
	if !strings.Contains(have, want) {
		t.Errorf("PreviewScript:\n%s\nwant it to hold\n%s", have, want)
	}
}

// TestOptionsFromSettings: a select whose choices come from site.yaml
// (a unit's kind of care: the directory's form, Field.OptionsFor) offers
// the site's kinds, in its order, as the build hands them to the tool.
func TestOptionsFromSettings(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Edit(t, "site.yaml", "cms:\n", "kinds:\n  - name: studenthälsa\n  - name: vårdcentral\ncms:\n")
	var c config
	if err := yaml.Unmarshal([]byte(s.Build(t).Read("admin/config.yml")), &c); err != nil {
		t.Fatal(err)
	}
	var have []any
	c.each(func(path string, fd formField) {
		if path == "verksamheter/units/kind" {
			for _, o := range fd.Options {
				have = append(have, o.Value)
			}
		}
	})
	if want := []any{"studenthälsa", "vårdcentral"}; !reflect.DeepEqual(have, want) {
		t.Errorf("the kind's choices are %v, want %v", have, want)
	}
}
