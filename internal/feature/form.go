package feature

import (
	"reflect"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
)

// # The editing tool's forms
//
// The editing tool (package cms) builds its forms from what the build
// hands it: the front-matter keys of package content and of every feature
// (Feature.Front, with the fields of Feature.Form), and every feature's
// data files (Feature.Data, each with its form). It knows no feature by
// name (a data folder, like the unit registries of content/verksamheter/,
// is a Data with Folder). Labels and hints are Swedish, in the words of
// docs/redaktorsguide.md. Every key a feature's Front or data type
// accepts must have a Field (or be skipped with a reason), and every Field
// must name such a key: otherwise the editing tool is not published and
// its tests say what to add or remove where.

// Form is how the keys of one struct type appear in the editing tool: a
// Field per key.
type Form map[string]Field

// Field is how one key appears in the editing tool's form.
type Field struct {
	Label, Hint string

	// Widget is one of: string, text, url, email, markdown, boolean, int,
	// float, date, time, select, relation, file, image, list, object. Empty: from
	// the Go type (string, boolean, int, float, date, list of strings,
	// object, list of objects).
	Widget string

	// Skip, when set, is why the key has no field.
	Skip string
	// Required marks a key the feature requires although its Go type does
	// not say so (it is checked in code, for a better hint).
	Required bool

	Item    string   // a list's items, when they are not objects: string or date
	Fields  Form     // an object's (or each list item's) keys
	Options []Option // select: the choices
	// OptionsFor, instead of Options, gives the choices from the site's
	// settings (a unit's kind of care: site.yaml's kinds:).
	OptionsFor func(*settings.Site) []Option
	// Of is the type of each item of a list when the key's Go type does
	// not tell (the key decodes itself, like a registry's units:).
	Of reflect.Type
	// From names the key of the same list item that the item's id is made
	// from while the item is new (by package slug's rule); an id the file
	// has is shown as fixed. Only for a key of the items of a list at the
	// top of a form (a unit's id, from its name).
	From     string
	Multiple bool     // select, relation: more than one
	Pattern  []string // a regular expression and the message when it does not match
	Min, Max *float64 // int, float
	Summary  string   // a list's summary of each item, like "{{fields.date}}"
	Collapse bool     // object, list: shown folded

	// Relation: the data file whose entries the key names, and how.
	Relation *Relation
	// File: where uploads go (a folder of the site root, static/dokument)
	// and their address (/dokument).
	MediaFolder, PublicFolder string
}

// Option is one choice of a select field.
type Option struct {
	Label, Value string
}

// Relation is a relation field's link to a data file's entries.
type Relation struct {
	Collection    string   // the Data's Name: kontakter
	ValueField    string   // contacts.*.id
	SearchFields  []string // what the editor may type to find one
	DisplayFields []string // what the list shows
}

// Data is a data file a feature reads that editors may change in the
// editing tool: one collection of one file, or, with Folder, one
// collection of every YAML file of a folder, each an entry.
type Data struct {
	Name      string       // the collection's name, unique: kontakter
	Label     string       // the collection's label: Kontakter
	FileLabel string       // the file's label: Kontakter
	File      string       // the file in the site root: content/kontakter.yaml
	Type      reflect.Type // what package yamldoc decodes the file (each file of Folder) into
	Form      Form         // the fields of Type's keys

	// Folder, instead of File, is a folder of the site root whose YAML
	// files are the collection's entries (content/verksamheter): editors
	// add files too. LabelSingular names one entry, Description says what
	// the collection holds, and Identifier is the key that names an entry.
	Folder        string
	LabelSingular string
	Description   string
	Identifier    string
}

// Num returns a pointer to f, for Field.Min and Max.
func Num(f float64) *float64 { return &f }

// FrontOf returns the types of the features' front matter (Front), in the
// order of features, for package content.
func FrontOf(features []Feature) []reflect.Type {
	var fronts []reflect.Type
	for _, f := range features {
		if f.Front != nil {
			fronts = append(fronts, f.Front)
		}
	}
	return fronts
}

// OwnsPage reports whether p is a page of f in the sense of Feature.Owns:
// always, for a feature without Owns.
func (f Feature) OwnsPage(p *content.Page) bool { return f.Owns == nil || f.Owns(p) }
