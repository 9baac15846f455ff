package seminar

import "github.com/hbtq-diplomering/webbplats/internal/feature"

// form is how the seminar keys appear in the editing tool's form of a
// page, in a folder where some page is a seminar (Feature.Owns).
var form = feature.Form{
	"sessions": {Label: "Tillfällen", Hint: "Gör sidan till ett seminarium. Tillfällen som har varit försvinner av sig själva.",
		Fields: sessionForm, Summary: "{{fields.date}} {{fields.start}}–{{fields.end}}"},
	"registration": {Label: "Anmälan", Widget: "url", Hint: "Adressen till anmälan, som börjar med https://."},
	"audience":     {Label: "Vem seminariet är för", Widget: "text"},
	"by_agreement": {Label: "Tider enligt överenskommelse", Hint: "För ett seminarium utan fasta datum: tiden bestäms med varje grupp."},
	"next_dates":   {Label: "Nästa tillfällen", Widget: "text", Hint: "Visas när inget tillfälle är på gång, till exempel \"Nya datum kommer i augusti.\""},
}

var sessionForm = feature.Form{
	"id": {Label: "Id", Hint: "Tillfällets namn i kalendrar: behåll det när tillfället flyttas, så behåller det sin kalenderadress. Små bokstäver a–z, siffror och bindestreck, till exempel traff-1.",
		Pattern: []string{`^[a-z0-9]+(-[a-z0-9]+)*$`, "Små bokstäver a–z, siffror och bindestreck, till exempel traff-1."}},
	"date":    {Label: "Datum"},
	"start":   {Label: "Starttid", Widget: "time", Hint: "Svensk tid."},
	"end":     {Label: "Sluttid", Widget: "time", Hint: "Svensk tid, efter starttiden samma dag."},
	"online":  {Label: "Digitalt", Hint: "Varje tillfälle är digitalt, har en plats, eller både och."},
	"place":   {Label: "Plats"},
	"note":    {Label: "Kommentar", Hint: "En rad som visas med tillfället."},
	"address": {Label: "Adress", Hint: "Platsens adress."},
	"registration": {Label: "Anmälan till tillfället", Widget: "url",
		Hint: "Tillfällets egen anmälningslänk, som börjar med https://. Annars gäller seminariets."},
	"full":      {Label: "Fullbokat", Hint: "Inga platser kvar."},
	"cancelled": {Label: "Inställt", Hint: "Tillfället blir inte av."},
}
