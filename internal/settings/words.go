package settings

import (
	"io/fs"
	"reflect"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/programme"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// WordsFile holds the site's fixed words: the engine's theme has one
// (layouts/words.yaml), and a site with layouts/ of its own writes its own.
const WordsFile = "layouts/words.yaml"

// Words are the fixed words of the pages and files that the build writes
// itself, outside the layouts' own text: a region's words are data, not
// Go. They are read from WordsFile; site.yaml's words: changes any of them
// (Site.Words, merged by LoadWords).
type Words struct {
	NotFound          string            `yaml:"not_found"`          // the not-found page's title
	Moved             string            `yaml:"moved"`              // the title of an old address's page
	MovedTo           string            `yaml:"moved_to"`           // its sentence before the link
	Home              string            `yaml:"home"`               // the start page in the breadcrumbs
	EasyRead          string            `yaml:"easy_read"`          // the link to a page's easy Swedish version
	PlainText         string            `yaml:"plain_text"`         // and back, from the easy Swedish version
	Cancelled         string            `yaml:"cancelled"`          // a cancelled session
	Full              string            `yaml:"full"`               // a full session
	Registration      string            `yaml:"registration"`       // before a registration link in a calendar file
	Register          string            `yaml:"register"`           // a seminar's registration button, unless site.yaml's registration_button: says
	Online            string            `yaml:"online"`             // where an online session is
	OnlineAnd         string            `yaml:"online_and"`         // before the place of a session both online and there
	Feed              string            `yaml:"feed"`               // the feed's title, after the site's title
	SearchTitle       string            `yaml:"search_title"`       // the generated search page's title
	SearchDescription string            `yaml:"search_description"` // and description
	Kinds             programme.Kinds   `yaml:"kinds"`              // the kinds of care of a site whose site.yaml names none (Site.UseKinds)
	DocumentKinds     map[string]string `yaml:"document_kinds"`     // the heading of each kind of document
	Languages         map[string]string `yaml:"languages"`          // a document's language by its code, after "på" on the documents page
	Standard          string            `yaml:"standard"`           // what the accessibility statement measures the site against, unless its standard: says
	Licences          map[string]string `yaml:"licences"`           // the open data's licence on its page, by its name in site.yaml's open_data: licence:

	// The directory's and the open data's generated pages, with {name}
	// placeholders (see Fill and layouts/words.yaml).
	DirectoryTitle       string `yaml:"directory_title"`
	DirectoryDescription string `yaml:"directory_description"`
	KommunTitle          string `yaml:"kommun_title"`
	KommunDescription    string `yaml:"kommun_description"`
	KindTitle            string `yaml:"kind_title"`
	KindDescription      string `yaml:"kind_description"`
	UnitDescription      string `yaml:"unit_description"`
	FilterKommun         string `yaml:"filter_kommun"`
	FilterKind           string `yaml:"filter_kind"`
	FilterOrg            string `yaml:"filter_org"`
	OpenDataTitle        string `yaml:"open_data_title"`
	OpenDataDescription  string `yaml:"open_data_description"`

	// A unit's page: the lines of its history, its status, and the
	// description of an expired unit's page ({typ}, {kommun}, {datum}).
	HistoryCertified   string `yaml:"history_certified"`
	HistoryRecertified string `yaml:"history_recertified"`
	StatusValid        string `yaml:"status_valid"`
	StatusSoon         string `yaml:"status_soon"`
	ExpiredDescription string `yaml:"expired_description"`

	// Units under certification: their status, a unit's description
	// ({typ}, {kommun}, {diplomering}, {datum}), the list's title and
	// description ({diplomering}).
	InProgress            string `yaml:"in_progress"`
	InProgressUnit        string `yaml:"in_progress_unit"`
	InProgressTitle       string `yaml:"in_progress_title"`
	InProgressDescription string `yaml:"in_progress_description"`

	// A unit's badge (diplom.svg, diplom.png): its last line, valid, by
	// the year ({år}) or since the year the rules set no validity, or
	// expired (its first and last line, {datum}); and its sentence, the
	// <title> and alt ({verksamhet}, {diplomerad}, {region}, {år}, {datum}).
	BadgeValidTo      string `yaml:"badge_valid_to"`
	BadgeSince        string `yaml:"badge_since"`
	BadgeExpired      string `yaml:"badge_expired"`
	BadgeExpiredTo    string `yaml:"badge_expired_to"`
	BadgeTitleValid   string `yaml:"badge_title_valid"`
	BadgeTitleSince   string `yaml:"badge_title_since"`
	BadgeTitleExpired string `yaml:"badge_title_expired"`

	// The open data (see package dataset, whose keys and types are the
	// same on every site): each field's title, meaning and example, on
	// the open data page and in the schema (data/verksamheter.schema.json);
	// the schema's own title and description ({sida}: the open data page)
	// and the meaning of the file's other keys.
	OpenDataFields            map[string]FieldWords `yaml:"open_data_fields"`
	OpenDataSchemaTitle       string                `yaml:"open_data_schema_title"`
	OpenDataSchemaDescription string                `yaml:"open_data_schema_description"`
	OpenDataSchemaLicense     string                `yaml:"open_data_schema_license"`
	OpenDataSchemaPublisher   string                `yaml:"open_data_schema_publisher"`
	OpenDataSchemaModified    string                `yaml:"open_data_schema_modified"`

	// The open data's catalogue for Sveriges dataportal
	// (data/katalog.jsonld), in Swedish and in English (…_en):
	// {organisation}, {adress} (base_url), {diplomering}, {Diplomerade},
	// {diplomerat} and {format} (JSON, CSV).
	CatalogTitle                string   `yaml:"catalog_title"`
	CatalogTitleEn              string   `yaml:"catalog_title_en"`
	CatalogDescription          string   `yaml:"catalog_description"`
	CatalogDescriptionEn        string   `yaml:"catalog_description_en"`
	CatalogDatasetTitle         string   `yaml:"catalog_dataset_title"`
	CatalogDatasetTitleEn       string   `yaml:"catalog_dataset_title_en"`
	CatalogDatasetDescription   string   `yaml:"catalog_dataset_description"`
	CatalogDatasetDescriptionEn string   `yaml:"catalog_dataset_description_en"`
	CatalogDistribution         string   `yaml:"catalog_distribution"`
	CatalogDistributionEn       string   `yaml:"catalog_distribution_en"`
	CatalogRights               string   `yaml:"catalog_rights"`
	CatalogRightsEn             string   `yaml:"catalog_rights_en"`
	CatalogKeywords             []string `yaml:"catalog_keywords"`
	CatalogKeywordsEn           []string `yaml:"catalog_keywords_en"`

	Keys map[string]yamldoc.Pos
}

// FieldWords are the words of one field of the open data (Words.OpenDataFields).
type FieldWords struct {
	Title   string `yaml:"title"`   // its name for people: Kommunkod
	About   string `yaml:"about"`   // what it means
	Example string `yaml:"example"` // a value it may have
}

// Fill returns pattern with each {name} of pairs (name, value, name,
// value, …) replaced by its value: Fill("… i {kommun}", "kommun", "Umeå").
// A name may be given twice; the first value counts. It gives what
// strings.NewReplacer with the pairs ("{name}", value, …) gives (held by
// FuzzFill), without building a replacer on every call: the directory
// fills a badge's words for each of thousands of units.
func Fill(pattern string, pairs ...string) string {
	var b strings.Builder
	done := 0 // pattern[:done] is in b
	for i := 0; i < len(pattern); i++ {
		if pattern[i] != '{' {
			continue
		}
		for k := 0; k+1 < len(pairs); k += 2 {
			name := pairs[k]
			if end := i + 1 + len(name); end < len(pattern) && pattern[end] == '}' && pattern[i+1:end] == name {
				b.WriteString(pattern[done:i])
				b.WriteString(pairs[k+1])
				done = end + 1
				i = end
				break
			}
		}
	}
	if done == 0 {
		return pattern
	}
	b.WriteString(pattern[done:])
	return b.String()
}

// LoadWords reads WordsFile from fsys, with the words of site.yaml's
// words: (over) written over it.
func LoadWords(fsys fs.FS, over *Words) (*Words, diag.List) {
	var w Words
	dec := yamldoc.Decoder{Path: WordsFile}
	data, err := fs.ReadFile(fsys, WordsFile)
	if err != nil {
		dec.Errs.At(WordsFile, 0, 0, msg.FileUnreadable.With(err))
		return nil, dec.Errs
	}
	n, err := dec.Parse(data)
	if err != nil {
		dec.Errs.Add(err)
		return nil, dec.Errs
	}
	if n != nil {
		dec.Decode(n, &w)
	}
	if over != nil {
		merge(reflect.ValueOf(&w).Elem(), reflect.ValueOf(over).Elem())
	}
	if missing := w.missing(); len(missing) > 0 {
		dec.Errs.At(WordsFile, 1, 1, WordsMissing.With(len(missing), strings.Join(missing, ", "))).Tip(HintWordsMissing.With())
	}
	return &w, dec.Errs
}

// missing returns the words w lacks, by their keys: every word is needed
// (a site's own words file must give them all, the theme's does), except
// kinds:, which site.yaml may give instead (Site.UseKinds).
func (w *Words) missing() []string {
	var out []string
	v := reflect.ValueOf(w).Elem()
	for i := range v.NumField() {
		key := v.Type().Field(i).Tag.Get("yaml")
		if key == "" || key == "kinds" {
			continue
		}
		switch f := v.Field(i); f.Kind() {
		case reflect.String, reflect.Slice, reflect.Map:
			if f.Len() == 0 {
				out = append(out, key)
			}
		}
	}
	return out
}

// merge writes over's words onto w's, both a Words or a FieldWords: a
// text or list that over gives replaces w's, and a map is merged key by
// key (and a FieldWords of a map, text by text).
func merge(w, over reflect.Value) {
	for i := range w.NumField() {
		switch f := over.Field(i); f.Kind() {
		case reflect.String:
			if f.String() != "" {
				w.Field(i).Set(f)
			}
		case reflect.Slice:
			if f.Len() > 0 && f.Type().Elem().Kind() == reflect.String {
				w.Field(i).Set(f)
			}
		case reflect.Map:
			if f.Len() == 0 || f.Type().Elem() == reflect.TypeFor[yamldoc.Pos]() {
				continue
			}
			m := reflect.MakeMap(f.Type())
			iter := w.Field(i).MapRange()
			for iter.Next() {
				m.SetMapIndex(iter.Key(), iter.Value())
			}
			iter = f.MapRange()
			for iter.Next() {
				v := iter.Value()
				if v.Kind() == reflect.Struct {
					have := reflect.New(v.Type()).Elem()
					if old := m.MapIndex(iter.Key()); old.IsValid() {
						have.Set(old)
					}
					merge(have, v)
					v = have
				}
				m.SetMapIndex(iter.Key(), v)
			}
			w.Field(i).Set(m)
		}
	}
}
