// Package opendata is the feature that publishes the unit registries as
// open data, for reuse (lagen om den offentliga sektorns tillgängliggörande
// av data, 2022:818), and describes them to Sveriges dataportal:
//
//	/data/verksamheter.json         every public unit (see Fields), with the licence
//	/data/verksamheter.csv          the same, one row a unit, a header line, UTF-8
//	/data/verksamheter.schema.json  the JSON Schema of the JSON
//	/data/katalog.jsonld            a DCAT-AP-SE catalogue of the dataset and its two distributions
//	/oppna-data/                    the page "Öppna data" (layout opendata): the files, the licence and every field
//
// The units are those the directory publishes: the registries' valid and
// soon-expiring units (see package registry), with the public fields only;
// the internal: block never reaches this package's output (each record is
// made field by field from Fields). Every unit has SCB's kommun and county
// codes and a place: its location:, or else its kommun's seat
// (location_source says which). The build checks its own JSON against the
// schema it publishes and fails, naming the unit, when they disagree.
//
// The catalogue needs the site's address (base_url): its identifiers are
// addresses. Without base_url, or without a contact e-mail address in
// site.yaml (the catalogue's contact point), it is left out and a note
// says why. The licence is CC0 1.0 unless site.yaml says otherwise:
//
//	open_data:
//	  licence: CC BY 4.0    # CC0 (the default) or CC BY 4.0 (see Licences)
//
// A Markdown page at content/oppna-data.md, when there is one, becomes the
// page: its title and body stand above the list of files and fields.
//
// # What the layouts see
//
// The feature's name is "opendata". Its page, and the directory's page
// (/verksamheter/, which links to the data), see a *Data.
package opendata

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/dataset"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/registry"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
)

// The addresses of the files and the page.
const (
	PageURL      = dataset.PageURL
	JSONPath     = dataset.JSONPath
	CSVPath      = dataset.CSVPath
	SchemaPath   = dataset.SchemaPath
	CatalogPath  = "data/katalog.jsonld"
	directoryURL = "/verksamheter/" // the directory's page, which links here
	unitURL      = "/verksamheter/" // a unit's page is unitURL + id + "/" (see package registry)
)

// CC0 is the licence of the data: CC0 1.0, public domain.
const CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"

// Feature is open data, for the engine's list of features.
var Feature = feature.Feature{Name: name, Site: siteType, Load: load}

// name is the feature's name.
const name = "opendata"

// Data is what the page "Öppna data" and the directory's page see.
type Data struct {
	PageURL                    string
	JSON, CSV, Schema, Catalog string // addresses; Catalog is "" without one
	Licence, LicenceName       string
	Attribution                bool // the licence asks reusers to name the publisher
	Publisher                  string
	Units                      int
	Modified                   time.Time
	Fields                     []Field
	FromKommun                 int // units whose place is their kommun's seat
}

// Field is a field of the format as the page shows it: its name and
// values (dataset.Field) in the site's words (open_data_fields).
type Field struct {
	dataset.Field
	dataset.Text
}

// opendata is the feature's state in one build.
type opendata struct {
	b       *feature.Build
	data    *Data
	records []*record
	source  string
	texts   dataset.Texts // the schema's words
	// validated is, in the dev server, the last check of the JSON
	// (see validate); nil otherwise.
	validated *validated
	// made is, in the dev server, the JSON and CSV of the last build
	// (see files); nil otherwise.
	made *made
	reg  *registry.Registry // the registries the records are of
}

func load(b *feature.Build) feature.Instance {
	var errs diag.List
	licence := licenceOf(b.Settings, &errs)
	if len(errs) > 0 {
		b.Fail(errs.Err())
		return nil
	}
	// The registries as the directory reads them, which this shares
	// (feature.Build.Shared): a unit's status is the one its page shows
	// ("går snart ut" 6 months before its end).
	opt := registry.Options{Now: b.Now, SoonWindow: 6, Kinds: b.Settings.Kinds.Names(), Rules: b.Settings.SiteRules}
	r, err := b.Shared(fmt.Sprintf("%s %+v", registry.Dir, opt), func() (any, error) { return registry.Load(b.Root, registry.Dir, opt) })
	reg := r.(*registry.Registry)
	if err != nil {
		return nil // the directory reports the registries' problems
	}
	if len(reg.Units) == 0 {
		return nil
	}
	texts, ok := textsOf(b)
	if !ok {
		return nil
	}
	d := &opendata{b: b, source: registry.Dir, texts: texts, reg: reg}
	if b.Kept != nil {
		k, _ := b.Kept[name].(*kept)
		if k == nil {
			k = &kept{}
			b.Kept[name] = k
		}
		d.validated, d.made = &k.validated, &k.made
	}
	for _, u := range reg.Public() {
		k, _ := registry.KommunOf(u.Kommun)
		lat, lon, exact := u.Place()
		d.records = append(d.records, &record{u: u, k: k, url: b.BaseURL + unitURL + u.ID + "/", status: reg.Status(u), lat: lat, lon: lon, exact: exact})
	}
	d.data = &Data{
		PageURL: PageURL, JSON: "/" + JSONPath, CSV: "/" + CSVPath, Schema: "/" + SchemaPath,
		Licence: licence.URL, LicenceName: cmp.Or(b.Words.Licences[licence.Name], licence.Name), Attribution: licence.Attribution, Publisher: b.Settings.Organisation,
		Units: len(d.records), Modified: b.Now.Date(),
	}
	for _, f := range Fields {
		d.data.Fields = append(d.data.Fields, Field{f, texts.Fields[f.Name]})
	}
	for _, r := range d.records {
		if !r.exact {
			d.data.FromKommun++
		}
	}
	switch {
	case b.BaseURL == "":
		b.Note(NoteNoCatalogBase.With())
	case b.Settings.Contact.Email == "":
		b.Note(NoteNoCatalogContact.With())
	default:
		d.data.Catalog = "/" + CatalogPath
	}
	var page *content.Page
	for _, p := range b.Pages {
		if p.URL == PageURL {
			page = p
		}
	}
	if page != nil {
		b.SetLayout(page, "opendata")
	} else {
		b.AddPage(&feature.Page{Source: registry.Dir, URL: PageURL, Title: b.Words.OpenDataTitle,
			Description: settings.Fill(b.Words.OpenDataDescription, "diplomerade", b.Settings.Programme.Diplomerade()), Layout: "opendata"})
	}
	return d
}

// View gives the page "Öppna data" and the directory's page the Data.
func (d *opendata) View(p *content.Page) any {
	if p.URL == PageURL || p.URL == directoryURL {
		return d.data
	}
	return nil
}

// Write writes the JSON, the CSV, the schema and the catalogue, after
// checking that every unit's page was published and that the JSON
// satisfies the schema.
func (d *opendata) Write(out feature.Output) error {
	pages := map[string]bool{}
	for _, p := range d.b.Site.Pages() {
		pages[p.URL] = true
	}
	for _, r := range d.records {
		if !pages[unitURL+r.u.ID+"/"] {
			return fmt.Errorf("%s:%d: %w", r.u.Path, r.u.Line, ErrNoPage.With(r.u.ID, unitURL+r.u.ID+"/"))
		}
	}
	schema := dataset.Schema(d.b.BaseURL, d.texts)
	js, csv := d.files()
	if err := d.validate(js); err != nil {
		return ErrSchema.With(err)
	}
	files := []struct {
		path string
		data []byte
	}{{JSONPath, js}, {CSVPath, csv}, {SchemaPath, schema}}
	if d.data.Catalog != "" {
		files = append(files, struct {
			path string
			data []byte
		}{CatalogPath, d.catalog()})
	}
	for _, f := range files {
		if err := out.WriteRaw(f.path, d.source, f.data); err != nil {
			return err
		}
	}
	return nil
}

// kept is what the open data keeps from one of the dev server's builds
// to the next (feature.Build.Kept).
type kept struct {
	validated validated
	made      made
}

// made is the JSON and CSV of the dev server's last build, with what they
// are made of: the registries as read (registry.Cache gives the same
// Registry while no registry file and none of its options changed: the
// units, their status on the build's day), the site's address (the
// units' addresses, the schema's), and the licence, the publisher and
// the day the JSON names.
type made struct {
	key       madeKey
	json, csv []byte
}

type madeKey struct {
	reg                                *registry.Registry
	base, licence, publisher, modified string
}

// files returns the JSON and the CSV, or, in the dev server, the last
// build's when what they are made of is the same (see made).
func (d *opendata) files() (js, csv []byte) {
	key := madeKey{d.reg, d.b.BaseURL, d.data.Licence, d.data.Publisher, d.data.Modified.Format("2006-01-02")}
	if m := d.made; m != nil && m.json != nil && m.key == key {
		return m.json, m.csv
	}
	js, csv = d.json(), d.csv()
	if d.made != nil {
		*d.made = made{key, js, csv}
	}
	return js, csv
}

// validated is the last JSON the dev server's builds checked and what
// the check found (feature.Build.Kept): an edit that leaves the units as
// they were checks nothing again.
type validated struct {
	json []byte
	err  error
}

// validate checks js against the schema's rules (dataset.Check), or finds
// that the dev server's last build checked the same bytes.
func (d *opendata) validate(js []byte) error {
	v := d.validated
	if v == nil {
		return dataset.Check(js)
	}
	if v.json != nil && bytes.Equal(v.json, js) {
		return v.err
	}
	err := dataset.Check(js)
	*v = validated{js, err}
	return err
}

// json returns the JSON: the licence, the publisher, the day and the units.
// Its bytes are encoding/json's for the document as maps (keys in order,
// indented by a space, no HTML escapes), written here field by field
// without the maps: a unit is 24 fields, a registry thousands of units.
// TestJSONAsMaps compares the two.
func (d *opendata) json() []byte {
	var w jsonWriter
	w.buf.WriteString("{\n")
	w.field(" ", "$schema", d.b.BaseURL+"/"+SchemaPath, true)
	w.field(" ", "license", d.data.Licence, true)
	w.field(" ", "modified", d.data.Modified.Format("2006-01-02"), true)
	w.field(" ", "publisher", d.data.Publisher, true)
	w.key(" ", "units")
	if len(d.records) == 0 {
		w.buf.WriteString("[]\n}\n")
		return w.buf.Bytes()
	}
	w.buf.WriteString("[\n")
	names := sortedFields()
	for i, r := range d.records {
		w.buf.WriteString("  {\n")
		n := 0
		for _, name := range names {
			if v := values[name](r); v != nil {
				if n > 0 {
					w.buf.WriteString(",\n")
				}
				w.key("   ", name)
				w.value("   ", v)
				n++
			}
		}
		w.buf.WriteString("\n  }")
		if i < len(d.records)-1 {
			w.buf.WriteByte(',')
		}
		w.buf.WriteByte('\n')
	}
	w.buf.WriteString(" ]\n}\n")
	return w.buf.Bytes()
}

// sortedFields are the fields' names in the order encoding/json writes a
// map's keys.
var sortedFields = sync.OnceValue(func() []string {
	var names []string
	for _, f := range Fields {
		names = append(names, f.Name)
	}
	slices.Sort(names)
	return names
})

// jsonWriter writes the JSON of json: its values through encoding/json.
type jsonWriter struct {
	buf  bytes.Buffer
	one  bytes.Buffer // one value
	encs map[string]*json.Encoder
}

// key writes the key k at indent in, and the colon.
func (w *jsonWriter) key(in, k string) {
	w.buf.WriteString(in)
	w.value(in, k)
	w.buf.WriteString(": ")
}

// field writes the key k and the value v at indent in, and a comma when
// more follow.
func (w *jsonWriter) field(in, k string, v any, more bool) {
	w.key(in, k)
	w.value(in, v)
	if more {
		w.buf.WriteByte(',')
	}
	w.buf.WriteByte('\n')
}

// value writes v as encoding/json does at indent in (lists go over lines).
func (w *jsonWriter) value(in string, v any) {
	enc := w.encs[in]
	if enc == nil {
		enc = json.NewEncoder(&w.one)
		enc.SetIndent(in, " ")
		enc.SetEscapeHTML(false) // served as application/json, never inside HTML
		if w.encs == nil {
			w.encs = map[string]*json.Encoder{}
		}
		w.encs[in] = enc
	}
	w.one.Reset()
	if err := enc.Encode(v); err != nil {
		panic(err) // strings, numbers and lists always encode
	}
	w.buf.Write(bytes.TrimSuffix(w.one.Bytes(), []byte("\n")))
}

// csv returns the CSV: a header line with the fields' names, then a row a
// unit, lines ended by CRLF as RFC 4180 has them.
func (d *opendata) csv() []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	row := make([]string, len(Fields))
	for i, f := range Fields {
		row[i] = f.Name
	}
	w.Write(row)
	for _, r := range d.records {
		for i, f := range Fields {
			row[i] = csvValue(values[f.Name](r))
		}
		w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}

// textsOf returns the schema's words from the site's (layouts/words.yaml's
// open_data_*, site.yaml's words:): every field needs a title, a meaning
// and an example, and open_data_fields names no other key. It reports what
// is missing or unknown and returns false.
func textsOf(b *feature.Build) (dataset.Texts, bool) {
	w := b.Words
	t := dataset.Texts{
		Title: w.OpenDataSchemaTitle, Description: settings.Fill(w.OpenDataSchemaDescription, "sida", PageURL),
		License: w.OpenDataSchemaLicense, Publisher: w.OpenDataSchemaPublisher, Modified: w.OpenDataSchemaModified,
		Fields: map[string]dataset.Text{},
	}
	// Where open_data_fields is written: site.yaml's words: when it has
	// them, otherwise the words file.
	file, pos := settings.WordsFile, w.Keys["open_data_fields"]
	if p, ok := b.Settings.Words.Keys["open_data_fields"]; ok {
		file, pos = settings.File, p
	}
	var errs diag.List
	known := map[string]bool{}
	var names []string
	for _, f := range Fields {
		known[f.Name] = true
		names = append(names, f.Name)
		fw := w.OpenDataFields[f.Name]
		if fw.Title == "" || fw.About == "" || fw.Example == "" {
			errs.At(file, pos.Line, pos.Col, ErrFieldWords.With(f.Name))
		}
		t.Fields[f.Name] = dataset.Text{Title: fw.Title, About: fw.About, Example: fw.Example}
	}
	var unknown []string
	for name := range w.OpenDataFields {
		if !known[name] {
			unknown = append(unknown, name)
		}
	}
	slices.Sort(unknown)
	for _, name := range unknown {
		errs.At(file, pos.Line, pos.Col, ErrFieldWordsUnknown.With(name, strings.Join(names, ", ")))
	}
	if len(errs) > 0 {
		b.Fail(errs.Err())
		return t, false
	}
	return t, true
}
