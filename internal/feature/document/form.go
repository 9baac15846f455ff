package document

import (
	"cmp"
	"slices"

	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// data is content/dokument.yaml in the editing tool; uploads go to
// static/dokument/.
var data = []feature.Data{{
	Name: "dokument", Label: "Dokument", FileLabel: "Dokumentlistan", File: File, Type: FileType,
	Form: feature.Form{"documents": {Label: "Dokument", Fields: documentForm, Summary: "{{fields.title}} ({{fields.year}})"}},
}}

var documentForm = feature.Form{
	"file": {Label: "Fil", Widget: "file", MediaFolder: "/static/dokument", PublicFolder: "/dokument",
		Hint: "Filen läggs i static/dokument/. Typ och storlek räknas ut när webbplatsen byggs."},
	"title":      {Label: "Titel"},
	"year":       {Label: "År", Hint: "Året då dokumentet gavs ut.", Min: feature.Num(1990), Max: feature.Num(2100)},
	"kind":       {Label: "Typ", Widget: "select", Options: kindOptions()},
	"language":   {Label: "Språk", Widget: "select", Hint: "Svenska när inget är valt.", OptionsFor: languageOptions},
	"summary":    {Label: "Sammanfattning", Widget: "text", Hint: "En eller två meningar om vad dokumentet innehåller."},
	"accessible": {Label: "Tillgängligt", Hint: "Stäng av bara för ett dokument som inte är tillgängligt, och skriv då vad och när det åtgärdas. Tillgänglighetsredogörelsen tar upp det."},
	"reason":     {Label: "Vad som inte är tillgängligt", Widget: "text", Hint: "Vad i dokumentet som inte är tillgängligt och varför. Bara när Tillgängligt är avstängt."},
	"fix_by":     {Label: "Åtgärdas senast", Hint: "Dagen då dokumentet ska vara tillgängligt. Bara när Tillgängligt är avstängt."},
}

func kindOptions() []feature.Option {
	var out []feature.Option
	for _, k := range Kinds {
		out = append(out, feature.Option{Label: k, Value: k})
	}
	return out
}

// languageOptions returns the languages a document may be in, by their
// names in the site's words (s.Words, merged with layouts/words.yaml by
// the editing tool), in Swedish alphabetical order.
func languageOptions(s *settings.Site) []feature.Option {
	var out []feature.Option
	for _, code := range Languages {
		name := cmp.Or(s.Words.Languages[code], code)
		out = append(out, feature.Option{Label: name + " (" + code + ")", Value: code})
	}
	slices.SortStableFunc(out, func(a, b feature.Option) int { return swedish.Compare(a.Label, b.Label) })
	return out
}
