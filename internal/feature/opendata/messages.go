package opendata

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// The feature's messages (see package msg).
var (
	NoteNoCatalogBase = msg.Def("opendata.note.no-catalog-base",
		"öppna data publicerades utan katalog för Sveriges dataportal: skriv webbplatsens adress i base_url i site.yaml",
		"the open data was published without a catalogue for the data portal: set base_url in site.yaml")
	NoteNoCatalogContact = msg.Def("opendata.note.no-catalog-contact",
		"öppna data publicerades utan katalog för Sveriges dataportal: katalogen behöver en e-postadress under contact: i site.yaml",
		"the open data was published without a catalogue for the data portal: it needs an e-mail address under contact: in site.yaml")
	ErrLicence = msg.Def("opendata.licence",
		"open_data: licence %q är ingen licens som bygget känner till",
		"open_data: licence %q is not a licence the build knows")
	HintLicence = msg.Def("opendata.hint.licence",
		"skriv licence: %s",
		"write licence: %s")
	ErrNoPage = msg.Def("opendata.no-page",
		"verksamheten %s har ingen sida på %s, så öppna data kan inte länka till den",
		"the unit %s has no page at %s, so the open data cannot link to it")
	ErrFieldWords = msg.Def("opendata.field-words",
		"words: open_data_fields: fältet %s i öppna data behöver title, about och example",
		"words: open_data_fields: the open data's field %s needs title, about and example")
	ErrFieldWordsUnknown = msg.Def("opendata.field-words-unknown",
		"words: open_data_fields: %s är inget fält i öppna data; fälten är %s",
		"words: open_data_fields: %s is no field of the open data; the fields are %s")
	ErrSchema = msg.Def("opendata.schema",
		"öppna data stämmer inte med sitt eget schema (ett fel i bygget, inte i registret): %v",
		"the open data does not match its own schema (a bug in the build, not in the registry): %v")
)
