package cms

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hbtq-diplomering/webbplats/internal/content"
)

// TestPinned: the published bundle, its words and fonts are the files of
// the pinned npm packages.
func TestPinned(t *testing.T) {
	if err := checkPinned(); err != nil {
		t.Error(err)
	}
}

// TestEmbedded: every file of sveltia/ is embedded (in files, or in
// large), and assemble gives them in the order of a walk of the folder,
// with their bytes.
func TestEmbedded(t *testing.T) {
	var want []File
	err := fs.WalkDir(os.DirFS("sveltia"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "README.md" {
			return err
		}
		data, err := os.ReadFile(filepath.Join("sveltia", p))
		want = append(want, File{Path: Dir + "/" + p, Data: data})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	have, err := assemble(Site{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(have) < len(want) {
		t.Fatalf("assemble gives %d files, sveltia/ has %d", len(have), len(want))
	}
	for i, w := range want {
		if h := have[i]; h.Path != w.Path || !bytes.Equal(h.Data, w.Data) || h.Min {
			t.Errorf("file %d: have %s (%d bytes), want %s (%d bytes), as it is", i, h.Path, len(h.Data), w.Path, len(w.Data))
		}
	}
}

// withKey returns struct type t with one more string field, as if a key
// had been added to a schema in Go.
func withKey(t reflect.Type, key string) reflect.Type {
	var fields []reflect.StructField
	for i := range t.NumField() {
		f := t.Field(i)
		if f.IsExported() {
			fields = append(fields, f)
		}
	}
	fields = append(fields, reflect.StructField{Name: "Added", Type: reflect.TypeFor[string](), Tag: reflect.StructTag(`yaml:"` + key + `"`)})
	return reflect.StructOf(fields)
}

// TestNewKeyFails: a key added to a schema in Go without a CMS field is an
// error that says what to add where; so is a field whose key is gone, and
// a widget that cannot write the key's type.
func TestNewKeyFails(t *testing.T) {
	g := &gen{site: Site{Root: fstest.MapFS{}}}
	g.fields(withKey(reflect.TypeFor[content.Front](), "summary"), &pageFields, "the front matter of a page (content.Front)", nil)
	want := `the front matter of a page (content.Front): the key "summary" has no CMS field: add "summary": {label: "…", hint: "…"} to pageFields in internal/feature/cms/fields.go`
	if err := g.err(); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("have %v\nwant %s", err, want)
	}

	g = &gen{}
	m := fieldMap{name: "testFields", keys: map[string]spec{"title": {label: "Rubrik"}, "gone": {label: "Borta"}}}
	g.fields(reflect.TypeFor[struct {
		Title string `yaml:"title"`
	}](), &m, "test", nil)
	want = `test: the CMS field "gone" names no key the build accepts: remove it from testFields in internal/feature/cms/fields.go`
	if err := g.err(); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("have %v\nwant %s", err, want)
	}

	g = &gen{}
	m = fieldMap{name: "testFields", keys: map[string]spec{"title": {label: "Rubrik", widget: "boolean"}}}
	g.fields(reflect.TypeFor[struct {
		Title string `yaml:"title"`
	}](), &m, "test", nil)
	want = `test: the key "title" holds a string, which the CMS widget "boolean" cannot write: set its widget in testFields in internal/feature/cms/fields.go`
	if err := g.err(); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("have %v\nwant %s", err, want)
	}
}
