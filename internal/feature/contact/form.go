package contact

import "github.com/hbtq-diplomering/webbplats/internal/feature"

// form is how contacts: appears in the editing tool's form of a page: a
// choice among the entries of the data file.
var form = feature.Form{
	"contacts": {Label: "Kontakter", Widget: "relation", Multiple: true, Hint: "Kontakter som visas på sidan (från Kontakter).",
		Relation: &feature.Relation{
			Collection:    "kontakter",
			ValueField:    "contacts.*.id",
			SearchFields:  []string{"contacts.*.id", "contacts.*.name", "contacts.*.mailbox"},
			DisplayFields: []string{"contacts.*.id"},
		}},
}

// data is content/kontakter.yaml in the editing tool.
var data = []feature.Data{{
	Name: "kontakter", Label: "Kontakter", FileLabel: "Kontakter", File: File, Type: FileType,
	Form: feature.Form{"contacts": {Label: "Kontakter", Fields: contactForm, Summary: "{{fields.id}}"}},
}}

var contactForm = feature.Form{
	"id": {Label: "Id", Hint: "Sidor visar kontakten med detta id. Små bokstäver a–z, siffror och bindestreck.",
		Pattern: []string{`^[a-z0-9]+(-[a-z0-9]+)*$`, "Små bokstäver a–z, siffror och bindestreck, till exempel hbtq-team."}},
	"mailbox":      {Label: "Funktionsbrevlåda", Hint: "En funktionsbrevlåda är bäst. Fyll i den eller namn och roll."},
	"name":         {Label: "Namn", Hint: "För en person, med roll."},
	"role":         {Label: "Roll"},
	"organisation": {Label: "Organisation"},
	"email":        {Label: "E-post", Widget: "email"},
	"phone":        {Label: "Telefon", Hint: "Med riktnummer, till exempel 010-123 45 00."},
	"note":         {Label: "Kommentar", Hint: "En rad som visas med kontakten."},
}
