package cms

import (
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// spec says how one key of a Go schema appears in the CMS.
type spec struct {
	label, hint string
	// widget is one of: string, text, url, email, markdown, boolean, int,
	// float, date, time, select, relation, file, image, list, object. Empty: from
	// the Go type (string, boolean, int, float, date, list of strings,
	// object, list of objects).
	widget string
	// skip, when set, is why the key has no field.
	skip string

	// required marks a key the build requires although its Go type does
	// not say so (it is checked in code, for a better hint).
	required bool
	// from names the key an item's id is made from while the item is new
	// (by package slug's rule, in ids.js); an id the file has is shown as
	// fixed. Only for a key of the items of a list at the top of a form.
	from string

	item     string       // a list's items, when they are not objects: string or date
	fields   *fieldMap    // an object's (or each list item's) keys
	of       reflect.Type // the type of each item, when Go's type does not tell (units:)
	options  func(*gen) []Option
	multiple bool
	pattern  []string
	min, max *float64
	summary  string // a list's summary of each item, like "{{fields.date}}"
	collapse bool

	relation                  *feature.Relation // relation: the data file's entries
	mediaFolder, publicFolder string            // file: where uploads go
}

// fieldMap is the fields of one Go struct, by key.
type fieldMap struct {
	name string // its variable in this file, for messages
	keys map[string]spec
	// at, when set, says where the field of a key is written (a feature's
	// Form); otherwise it is name in this file.
	at map[string]string
}

// where returns where the field of key is written, for messages.
func (m *fieldMap) where(key string) string {
	if w, ok := m.at[key]; ok {
		return w
	}
	if m.at != nil { // a feature's form: a key it lacks goes there too
		return m.name
	}
	return m.name + " in internal/feature/cms/fields.go"
}

// formMap returns a feature's form as the fields of one Go struct; name
// says where it is written, for messages.
func formMap(form feature.Form, name string) *fieldMap {
	m := &fieldMap{name: name, keys: map[string]spec{}, at: map[string]string{}}
	for k, f := range form {
		m.keys[k] = specOf(f, name+" → "+k)
		m.at[k] = name
	}
	return m
}

// specOf returns the spec of a feature's field.
func specOf(f feature.Field, name string) spec {
	s := spec{
		label: f.Label, hint: f.Hint, widget: f.Widget, skip: f.Skip, required: f.Required, item: f.Item,
		multiple: f.Multiple, pattern: f.Pattern, min: f.Min, max: f.Max, summary: f.Summary, collapse: f.Collapse,
		relation: f.Relation, mediaFolder: f.MediaFolder, publicFolder: f.PublicFolder, of: f.Of, from: f.From,
	}
	if f.Fields != nil {
		s.fields = formMap(f.Fields, name)
	}
	if f.Options != nil {
		opts := make([]Option, len(f.Options))
		for i, o := range f.Options {
			opts[i] = Option{Label: o.Label, Value: o.Value}
		}
		s.options = func(*gen) []Option { return opts }
	}
	if f.OptionsFor != nil {
		s.options = func(g *gen) []Option {
			var opts []Option
			if g.site.Values != nil {
				for _, o := range f.OptionsFor(g.site.Values) {
					opts = append(opts, Option{Label: o.Label, Value: o.Value})
				}
			}
			return opts
		}
	}
	return s
}

func num(f float64) *float64 { return &f }

// PageKeys returns the keys of a page's front matter that the build
// accepts with features, in order: content.Front's and the features'
// (their Front, in the order of the list).
func PageKeys(features []feature.Feature) []yamldoc.Key {
	return yamldoc.Keys(reflect.TypeFor[content.Front](), feature.FrontOf(features)...)
}

// pageFields are the fields of content.Front's keys; the features' keys
// have theirs in their Form.
var pageFields = fieldMap{name: "pageFields", keys: map[string]spec{
	"title":       {label: "Rubrik", hint: "Sidans rubrik. Måste finnas."},
	"description": {label: "Beskrivning", widget: "text", hint: "En mening som visas i listor och i sökmotorer."},
	"date":        {label: "Publiceringsdatum", hint: "För nyheter och seminarier."},
	"lastmod":     {label: "Senast uppdaterad", hint: "Dagen för den senaste riktiga ändringen; visas som \"Senast uppdaterad\". Utan den används dagen då filen senast ändrades."},
	"draft":       {label: "Utkast", hint: "Ett utkast publiceras inte. Det syns i förhandsgranskningen."},
	"publish":     {label: "Publiceras", hint: "Dagen då sidan kommer ut. Före den finns sidan inte på webbplatsen; nattens bygge publicerar den."},
	"unpublish":   {label: "Tas bort", hint: "Dagen då sidan försvinner. Dess adress leder sedan till avsnittet."},
	"weight":      {label: "Vikt", hint: "Ordning i listor och meny, lägst först. Sidor utan vikt kommer sist.", min: num(1)},
	"menu": {label: "Meny", widget: "select", hint: "Huvudmenyn lägger sidan i menyn högst upp.",
		options: func(*gen) []Option { return []Option{{Label: "Huvudmenyn", Value: "main"}} }},
	"layout": {label: "Sidmall", widget: "select", hint: "En särskild sidmall. Behövs sällan.", options: (*gen).layouts},
	"aliases": {label: "Gamla adresser", item: "string", hint: "Gamla adresser som ska leda hit, till exempel /om-oss/.",
		pattern: []string{`^/`, "Skriv adressen med ett snedstreck först, till exempel /om-oss/."}},
	"lang": {label: "Språk", hint: "Sidans språk som språkkod, om den inte är på svenska: en, fi, ar …",
		pattern: []string{`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`, "Skriv en språkkod, till exempel en eller ar."}},
	"translations": {label: "Översättningar", item: "string", hint: "Sidor som är samma sida på andra språk: filen (en/about.md) eller adressen (/en/about/). Länkarna blir åt båda hållen."},
	"easy_read":    {label: "Lättläst version", hint: "Sidan på lättläst svenska: filen eller adressen. Länkarna blir åt båda hållen."},
	"image": {label: "Bild", widget: "image",
		hint: "En bild som visas på sidans kort i avsnittet (och överst på startsidan). Bilden sparas i static/bilder/."},
	"image_alt": {label: "Bildens beskrivning", hint: "Vad bilden visar, för den som inte ser den. Måste finnas när sidan har en bild."},
}}

// rulesFields are site.yaml's rules:; a registry's own rules: (the
// directory's form) has the same fields.
var rulesFields = fieldMap{name: "rulesFields", keys: map[string]spec{
	"validity_years":    {label: "Giltighetstid i år", min: num(1), max: num(20)},
	"min_participation": {label: "Lägsta deltagande i procent", widget: "float", min: num(0), max: num(100)},
	"manager_required":  {label: "Chefen måste delta", widget: "boolean"},
}}

var settingsFields = fieldMap{name: "settingsFields", keys: map[string]spec{
	"title":        {label: "Webbplatsens namn", hint: "Visas i sidhuvudet och i fliken."},
	"organisation": {label: "Organisation", hint: "Vem som ger ut webbplatsen."},
	"description":  {label: "Beskrivning", widget: "text", hint: "Startsidans beskrivning i sökmotorer."},
	"base_url":     {label: "Webbplatsens adress", widget: "url", hint: "Till exempel https://hbtq.example.se."},
	"contact":      {label: "Kontakt i sidfoten", fields: &footerFields},
	// The CMS keeps the keys it has no field for when it saves a file, so
	// search: stays as it is written.
	"search": {skip: "synonyms are words each with a list of words, which no CMS widget writes; the editors' guide shows how to write them in site.yaml"},
	"words":  {skip: "the fixed words of the pages the build writes, which a region changes rarely and with care; docs/settings.md lists them"},
	"images": {skip: "a technical limit (max_megapixels) for whoever runs the build, not for editors; docs/safety.md describes it"},
	"programme": {label: "Ordet före -diplomering", widget: "select", hint: "hbtq eller hbtqi.",
		options: func(*gen) []Option { return plainOptions([]string{"hbtq", "hbtqi"}) }},
	"rules": {label: "Regler", fields: &rulesFields, collapse: true,
		hint: "Gäller alla register som inte har egna regler. En regel som inte står någonstans nämns inte på webbplatsen."},
	"kinds": {label: "Typer av vård", fields: &kindFields, summary: "{{fields.name}}",
		hint: "Står typer här gäller bara de, i den här ordningen. Byt inte namn på en typ som redan används."},
	"registration_button": {label: "Text på anmälningsknappen", hint: "Standard är \"Anmäl dig\"."},
	"logo":                {label: "Logotyp", hint: "En SVG-fil i static/, till exempel logo.svg. Visas bredvid webbplatsens namn."},
	"color": {label: "Regionens färg", hint: "Skrivs med # och sex tecken, till exempel #0b5e6b.",
		pattern: []string{`^#[0-9a-fA-F]{6}$`, "Skriv färgen med # och sex tecken, till exempel #0b5e6b."}},
	"footer_links": {label: "Länkar i sidfoten", fields: &linkFields, summary: "{{fields.text}}"},
	"stale_notice": {label: "Säg till på äldre översättningar", hint: "Översättningar och lättlästa versioner som ändrades senast före originalet säger det överst på sidan, med en länk till originalet."},
	"dated": {label: "Avsnitt med datum", item: "string",
		hint: "Mappar i content/ där varje sida har ett publiceringsdatum, visas nyast först och kommer med i nyhetsflödet, till exempel nyheter. Utan den här nyckeln gäller nyheter."},
	"cms": {label: "Redigeringsverktyget", fields: &cmsFields, collapse: true,
		hint: "Var verktyget sparar ändringarna. Ändra bara om webbplatsens repository flyttas."},
}}

var footerFields = fieldMap{name: "footerFields", keys: map[string]spec{
	"name":  {label: "Namn"},
	"email": {label: "E-post", widget: "email"},
	"phone": {label: "Telefon", hint: "Med riktnummer, till exempel 010-123 45 00."},
}}

var kindFields = fieldMap{name: "kindFields", keys: map[string]spec{
	"name":     {label: "Namn", hint: "Som det skrivs i registren, med små bokstäver."},
	"label":    {label: "Som det visas", hint: "Annars namnet med stor bokstav."},
	"synonyms": {label: "Synonymer", item: "string", hint: "Fler ord som sökningen ska hitta typen på."},
}}

var linkFields = fieldMap{name: "linkFields", keys: map[string]spec{
	"text": {label: "Länktext"},
	"url":  {label: "Adress", hint: "En adress på webbplatsen, som /tillganglighet/, eller https://…"},
}}

var cmsFields = fieldMap{name: "cmsFields", keys: map[string]spec{
	"repo":   {label: "Repository på GitHub", hint: "Skrivs ägare/namn, till exempel region-exempel/hbtq-diplomering."},
	"branch": {label: "Gren", hint: "Lämna tomt för repositoryts huvudgren."},
}}

// The folder of the site's images (the media library's) and its address.
const (
	imageFolder  = "static/bilder"
	imageAddress = "/bilder"
)

// plainOptions returns each value as its own label.
func plainOptions(values []string) []Option {
	out := make([]Option, len(values))
	for i, v := range values {
		out[i] = Option{Label: v, Value: v}
	}
	return out
}

// sortOptions sorts options by label in Swedish alphabetical order.
func sortOptions(o []Option) {
	sort.SliceStable(o, func(i, j int) bool { return swedish.Compare(o[i].Label, o[j].Label) < 0 })
}

// layouts returns the site's layouts (layouts/*.html) as options.
func (g *gen) layouts() []Option {
	matches, _ := fs.Glob(g.site.Root, "layouts/*.html")
	var out []Option
	for _, m := range matches {
		name := strings.TrimSuffix(path.Base(m), ".html")
		if name == "base" || name == "404" { // the frame of every page, and the not-found page
			continue
		}
		out = append(out, Option{Label: name, Value: name})
	}
	return out
}

var (
	timeType        = reflect.TypeFor[time.Time]()
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
)

// custom reports whether values of t decode themselves (UnmarshalYAML), so
// that only the spec can say what they are.
func custom(t reflect.Type) bool {
	return t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType)
}

// fields returns the CMS fields of struct type t by the keys yamldoc
// accepts for it and the specs in m, and records every key without a spec,
// every spec without a key and every widget that does not fit. what names
// t in messages; keep, when not nil, says which keys to show.
func (g *gen) fields(t reflect.Type, m *fieldMap, what string, keep func(string) bool) []Field {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return g.keyFields(yamldoc.Keys(t), m, what, keep)
}

// keyFields is fields for the keys of a struct type.
func (g *gen) keyFields(keys []yamldoc.Key, m *fieldMap, what string, keep func(string) bool) []Field {
	known := map[string]bool{}
	var out []Field
	for _, k := range keys {
		known[k.Name] = true
		s, ok := m.keys[k.Name]
		if !ok {
			g.errorf("%s: the key %q has no CMS field: add \"%s\": {label: \"…\", hint: \"…\"} to %s (in Swedish, in the words of docs/redaktorsguide.md), or skip it there with the reason",
				what, k.Name, k.Name, m.where(k.Name))
			continue
		}
		if s.skip != "" || (keep != nil && !keep(k.Name)) {
			continue
		}
		if f, ok := g.field(k, s, m, what); ok {
			out = append(out, f)
		}
	}
	var extra []string
	for k := range m.keys {
		if !known[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		g.errorf("%s: the CMS field %q names no key the build accepts: remove it from %s", what, k, m.where(k))
	}
	return out
}

// field returns the CMS field of key k by its spec s.
func (g *gen) field(k yamldoc.Key, s spec, m *fieldMap, what string) (Field, bool) {
	t := k.Type
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	f := Field{Name: k.Name, Label: s.label, Hint: s.hint, Required: k.Required || s.required, Min: s.min, Max: s.max, Pattern: s.pattern}
	if s.label == "" {
		g.errorf("%s: the CMS field %q has no label: give it one in %s", what, k.Name, m.where(k.Name))
	}
	widget := s.widget
	if widget == "" {
		widget = inferWidget(t, s)
	}
	bad := func() (Field, bool) {
		g.errorf("%s: the key %q holds a %s, which the CMS widget %q cannot write: set its widget in %s",
			what, k.Name, k.Type, widget, m.where(k.Name))
		return Field{}, false
	}
	kind := t.Kind()
	isCustom := custom(t)
	switch widget {
	case "string", "text", "url", "email", "time", "file", "image":
		if kind != reflect.String && !isCustom {
			return bad()
		}
		f.Widget = widget
		switch widget {
		case "url", "email":
			f.Widget, f.Type = "string", widget
		case "time":
			f.Widget, f.Type, f.Format = "datetime", "time", "HH:mm"
		case "file":
			if s.mediaFolder == "" || s.publicFolder == "" {
				g.errorf("%s: the file field %q does not say where uploads go: set its MediaFolder and PublicFolder in %s", what, k.Name, m.where(k.Name))
				return Field{}, false
			}
			f.MediaFolder, f.PublicFolder = s.mediaFolder, s.publicFolder
		case "image":
			// Where the build finds an image by its address: /bilder/a.jpg
			// is static/bilder/a.jpg (see package site, images.go).
			f.MediaFolder, f.PublicFolder = "/"+imageFolder, imageAddress
		}
	case "markdown":
		if kind != reflect.String {
			return bad()
		}
		f.Widget = "markdown"
	case "boolean":
		if kind != reflect.Bool && !isCustom {
			return bad()
		}
		// Not the CMS's boolean widget: it writes false into every item
		// that does not say true (full: false, cancelled: false, draft:
		// false in every session and page saved), so that adding one
		// session rewrites the whole front matter. A select writes only
		// what is chosen: "Ja" is true; for a *bool, where no answer is
		// not the same as false (rules: manager_required), also "Nej".
		f.Widget, f.Required = "select", false
		f.Options = []Option{{Label: "Ja", Value: true}}
		if k.Type.Kind() == reflect.Pointer {
			f.Options = append(f.Options, Option{Label: "Nej", Value: false})
		}
	case "int", "float":
		switch {
		case kind >= reflect.Int && kind <= reflect.Int64 && widget == "int":
		case (kind == reflect.Float32 || kind == reflect.Float64) && widget == "float":
		case isCustom:
		default:
			return bad()
		}
		f.Widget, f.ValueType = "number", widget
	case "date":
		if t != timeType && !isCustom {
			return bad()
		}
		f.Widget, f.Type, f.Format = "datetime", "date", "YYYY-MM-DD"
	case "select":
		if kind != reflect.String || s.options == nil {
			return bad()
		}
		f.Widget, f.Options = "select", s.options(g)
		if len(f.Options) == 0 {
			f.Widget, f.Options = "string", nil
		}
	case "relation":
		if !(kind == reflect.Slice && t.Elem().Kind() == reflect.String) {
			return bad()
		}
		if s.relation == nil {
			g.errorf("%s: the relation field %q does not say which data it names: set its Relation in %s", what, k.Name, m.where(k.Name))
			return Field{}, false
		}
		r := s.relation
		f.Widget, f.Multiple = "relation", s.multiple
		f.Collection, f.File = r.Collection, r.Collection
		f.ValueField, f.SearchFields, f.DisplayFields = r.ValueField, r.SearchFields, r.DisplayFields
	case "object":
		if kind != reflect.Struct || s.fields == nil {
			return bad()
		}
		f.Widget, f.Collapsed = "object", s.collapse
		f.Fields = g.fields(t, s.fields, what+" → "+k.Name, nil)
	case "list":
		f.Widget, f.Collapsed, f.Summary = "list", s.collapse, s.summary
		elem := s.of
		if elem == nil {
			if kind != reflect.Slice {
				return bad()
			}
			elem = t.Elem()
		}
		for elem.Kind() == reflect.Pointer {
			elem = elem.Elem()
		}
		switch {
		case s.fields != nil:
			if elem.Kind() != reflect.Struct || custom(elem) {
				return bad()
			}
			f.Fields = g.fields(elem, s.fields, what+" → "+k.Name, nil)
			for _, sub := range yamldoc.Keys(elem) {
				if from := s.fields.keys[sub.Name].from; from != "" {
					g.ids = append(g.ids, idRule{List: k.Name, ID: sub.Name, From: from})
				}
			}
		case s.item == "string" && (elem.Kind() == reflect.String || custom(elem)):
			// A list of texts: Sveltia's simple list.
		case s.item == "date" && (elem == timeType || custom(elem)):
			f.Item = &Field{Name: "date", Label: s.label, Widget: "datetime", Type: "date", Format: "YYYY-MM-DD", Required: true}
		default:
			return bad()
		}
	default:
		g.errorf("%s: the CMS field %q has the widget %q, which this package does not know: use one listed at feature.Field.Widget", what, k.Name, widget)
		return Field{}, false
	}
	return f, true
}

// inferWidget returns the widget that Go type t calls for under spec s.
func inferWidget(t reflect.Type, s spec) string {
	switch {
	case s.fields != nil && (t.Kind() == reflect.Struct && t != timeType) && !custom(t):
		return "object"
	case s.fields != nil || s.item != "" || s.of != nil:
		return "list"
	case t == timeType:
		return "date"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "int"
	case reflect.Float32, reflect.Float64:
		return "float"
	}
	return fmt.Sprintf("(no widget for %s)", t)
}
