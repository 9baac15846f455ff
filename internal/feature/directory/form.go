package directory

import (
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/registry"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
)

// data is the unit registries of content/verksamheter/ in the editing
// tool: one entry per organisation's file, kommun and kind of care as
// select lists from the lists the build checks against, dates as date
// pickers, and the internal block as a group whose label says it is never
// published.
var data = []feature.Data{{
	Name: "verksamheter", Label: "Diplomerade verksamheter", LabelSingular: "Register",
	Description: "Ett register per organisation i " + registry.Dir + "/. Fälten under Internt publiceras aldrig.",
	Folder:      registry.Dir, Identifier: "organisation", Type: registry.FileType, Form: registryForm,
}}

var registryForm = feature.Form{
	"organisation": {Label: "Organisation", Hint: "Vem som driver diplomeringen för verksamheterna i registret."},
	"region":       {Label: "Län", Hint: "Till exempel Västerbottens län."},
	"rules":        {Label: "Regler", Fields: rulesForm, Collapse: true, Hint: "Lämna tomt för standardreglerna: giltigt i 4 år, 90 % deltagande, chefen deltar."},
	"units": {Label: "Verksamheter", Of: registry.UnitType, Fields: unitForm, Summary: "{{fields.name}} ({{fields.kommun}})",
		Hint: "De diplomerade verksamheterna."},
}

// rulesForm is a registry's own rules; site.yaml's rules: (the editing
// tool's settings form) has the same fields.
var rulesForm = feature.Form{
	"validity_years":    {Label: "Giltighetstid i år", Min: feature.Num(1), Max: feature.Num(20)},
	"min_participation": {Label: "Lägsta deltagande i procent", Widget: "float", Min: feature.Num(0), Max: feature.Num(100)},
	"manager_required":  {Label: "Chefen måste delta", Widget: "boolean"},
}

var unitForm = feature.Form{
	"id": {Label: "Id", Required: true, From: "name", Hint: "Verksamhetens adress på webbplatsen: /verksamheter/ följt av id. Görs av namnet när verksamheten läggs till. Små bokstäver a–z, siffror och bindestreck. Ändra den aldrig; ett gammalt id läggs i Tidigare id.",
		Pattern: []string{`^[a-z0-9]+(-[a-z0-9]+)*$`, "Små bokstäver a–z, siffror och bindestreck, till exempel vardcentralen-exempelbacken."}},
	"name":        {Label: "Namn"},
	"kommun":      {Label: "Kommun", Widget: "select", Hint: "En av Sveriges 290 kommuner.", Options: plainOptions(registry.Kommuner)},
	"kind":        {Label: "Typ av verksamhet", Widget: "select", OptionsFor: func(s *settings.Site) []feature.Option { return plainOptions(s.Kinds.Names()) }},
	"address":     {Label: "Adress"},
	"location":    {Label: "Plats (latitud, longitud)", Widget: "string", Hint: "Till exempel 63.8258, 20.2630, som en karta visar när du klickar på platsen. Utan plats räknas avstånd från kommunens centralort."},
	"website":     {Label: "Webbplats", Widget: "url", Hint: "Hela adressen, som börjar med https://."},
	"hsa_id":      {Label: "HSA-id", Hint: "Till exempel SE2321000222-E12345."},
	"url_1177":    {Label: "Sida på 1177", Widget: "url", Hint: "Verksamhetens sida på 1177.se."},
	"certified":   {Label: "Diplomerad", Widget: "date", Hint: "Dagen för diplomet. Lämna tom medan verksamheten är under diplomering (skriv då Började diplomeringen)."},
	"started":     {Label: "Började diplomeringen", Widget: "date", Hint: "Dagen då verksamheten började sin diplomering. Utan Diplomerad är verksamheten under diplomering: den visas bara om webbplatsen visar verksamheter under diplomering, och aldrig som diplomerad."},
	"progress":    {Label: "Så långt har arbetsgruppen kommit", Widget: "text", Hint: "Offentlig text om en verksamhet under diplomering, till exempel Har gått den första halvdagen. Ta bort den när verksamheten är diplomerad."},
	"recertified": {Label: "Omdiplomerad", Item: "date", Hint: "Dagar för omdiplomering, äldst först."},
	"former_names": {Label: "Tidigare namn", Item: "string",
		Hint: "Byter verksamheten namn: ändra Namn och lägg det gamla namnet här."},
	"former_ids": {Label: "Tidigare id", Item: "string", Hint: "Gamla id fortsätter att leda till verksamhetens sida."},
	"keywords": {Label: "Sökord", Item: "string",
		Hint: "Ord som också ska hitta verksamheten i sökningen, till exempel något den erbjuder. Orden är offentliga."},
	"internal": {Label: "Internt – publiceras aldrig", Fields: internalForm, Collapse: true,
		Hint: "Kontrolleras när webbplatsen byggs men visas aldrig på webbplatsen."},
}

var internalForm = feature.Form{
	"contact":           {Label: "Kontaktperson (publiceras aldrig)"},
	"contact_email":     {Label: "Kontaktpersonens e-post (publiceras aldrig)", Widget: "email"},
	"contact_phone":     {Label: "Kontaktpersonens telefon (publiceras aldrig)"},
	"group_size":        {Label: "Gruppstorlek (publiceras aldrig)", Min: feature.Num(1), Max: feature.Num(1000)},
	"participation":     {Label: "Deltagande i procent (publiceras aldrig)", Widget: "float", Min: feature.Num(0), Max: feature.Num(100), Hint: "Lägre än kravet stoppar bygget."},
	"manager_took_part": {Label: "Chefen deltog (publiceras aldrig)", Widget: "boolean"},
	"notes":             {Label: "Anteckningar (publiceras aldrig)", Widget: "text"},
}

// plainOptions returns each value as its own label.
func plainOptions(values []string) []feature.Option {
	out := make([]feature.Option, len(values))
	for i, v := range values {
		out[i] = feature.Option{Label: v, Value: v}
	}
	return out
}
