package opendata

import (
	"strconv"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/registry"
)

// Field is one field of a published unit: a key of the JSON and a column
// of the CSV, with its meaning for reusers. Fields is the one list: the
// JSON, the CSV's columns, the schema and the table on the page "Öppna
// data" are all made from it.
type Field struct {
	Name     string // the JSON key and CSV column: kommun_code
	Type     string // JSON Schema type: string, number, array (of strings)
	Format   string // JSON Schema format or "": date, uri
	Pattern  string // JSON Schema pattern or ""
	Enum     []string
	Required bool   // every unit has it
	Title    string // Swedish: "Kommunkod"
	About    string // Swedish: what it means
	Example  string
	value    func(r *record) any
}

// record is one unit as published, before it is written.
type record struct {
	u        *registry.Unit
	k        registry.Kommun
	url      string
	status   registry.Status
	lat, lon float64
	exact    bool
}

func date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format("2006-01-02")
}

func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func list(ss []string) any {
	if len(ss) == 0 {
		return []string{}
	}
	return ss
}

// Fields are the fields of a published unit, in the order of the CSV's
// columns.
var Fields = []Field{
	{Name: "id", Type: "string", Pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", Required: true, Title: "Id",
		About: "Verksamhetens id, som också är sista delen av adressen till dess sida. Ändras inte om verksamheten byter namn.", Example: "vardcentralen-exempelbacken",
		value: func(r *record) any { return r.u.ID }},
	{Name: "name", Type: "string", Required: true, Title: "Namn", About: "Verksamhetens namn.", Example: "Vårdcentralen Exempelbacken",
		value: func(r *record) any { return r.u.Name }},
	{Name: "url", Type: "string", Format: "uri-reference", Required: true, Title: "Sida",
		About: "Adressen till verksamhetens sida på webbplatsen.", Example: "https://hbtq.mittland.example.se/verksamheter/vardcentralen-exempelbacken/",
		value: func(r *record) any { return r.url }},
	{Name: "kind", Type: "string", Required: true, Title: "Typ av vård", About: "Typ av vård, med små bokstäver, som regionen skriver den.", Example: "vårdcentral",
		value: func(r *record) any { return r.u.Kind }},
	{Name: "kommun", Type: "string", Required: true, Title: "Kommun", About: "Kommunen där verksamheten finns, som SCB skriver namnet.", Example: "Umeå",
		value: func(r *record) any { return r.u.Kommun }},
	{Name: "kommun_code", Type: "string", Pattern: "^[0-9]{4}$", Required: true, Title: "Kommunkod",
		About: "SCB:s fyrsiffriga kommunkod.", Example: "2480",
		value: func(r *record) any { return r.k.Code }},
	{Name: "county_code", Type: "string", Pattern: "^[0-9]{2}$", Required: true, Title: "Länskod",
		About: "SCB:s tvåsiffriga länskod: kommunkodens två första siffror.", Example: "24",
		value: func(r *record) any { return r.k.County }},
	{Name: "county", Type: "string", Required: true, Title: "Län", About: "Länets namn.", Example: "Västerbottens län",
		value: func(r *record) any { return r.k.CountyName }},
	{Name: "organisation", Type: "string", Required: true, Title: "Organisation",
		About: "Regionen eller organisationen som har diplomerat verksamheten.", Example: "Region Mittland",
		value: func(r *record) any { return r.u.Org.Name }},
	{Name: "address", Type: "string", Title: "Adress", About: "Besöksadress, en rad. Saknas om registret inte anger någon.", Example: "Exempelgatan 12, 903 25 Umeå",
		value: func(r *record) any { return text(r.u.Address) }},
	{Name: "website", Type: "string", Format: "uri", Title: "Webbplats", About: "Verksamhetens egen webbplats.", Example: "https://exempelbacken.example.se",
		value: func(r *record) any { return text(r.u.Website) }},
	{Name: "hsa_id", Type: "string", Pattern: `^SE\d{10}-[0-9A-Za-z]{1,20}$`, Title: "HSA-id",
		About: "Verksamhetens HSA-id, som andra register kan kopplas ihop med.", Example: "SE2321000222-E12345",
		value: func(r *record) any { return text(r.u.HSAID) }},
	{Name: "url_1177", Type: "string", Format: "uri", Title: "Sida på 1177", About: "Verksamhetens sida på 1177.", Example: "https://www.1177.se/hitta-vard/kontaktkort/vardcentralen-exempelbacken/",
		value: func(r *record) any { return text(r.u.URL1177) }},
	{Name: "certified", Type: "string", Format: "date", Required: true, Title: "Diplomerad", About: "Dagen då verksamheten blev diplomerad första gången.", Example: "2024-03-15",
		value: func(r *record) any { return date(r.u.Certified) }},
	{Name: "recertified", Type: "array", Format: "date", Required: true, Title: "Omdiplomerad",
		About: "Dagarna för omdiplomering, äldst först. I CSV-filen skilda med semikolon.", Example: "2028-03-01",
		value: func(r *record) any {
			out := []string{}
			for _, t := range r.u.Recertified {
				out = append(out, t.Format("2006-01-02"))
			}
			return out
		}},
	{Name: "valid_until", Type: "string", Format: "date", Title: "Giltig till",
		About: "Sista dagen diplomet gäller. Saknas om regionen inte anger hur länge ett diplom gäller.", Example: "2028-03-15",
		value: func(r *record) any { return date(r.u.ValidUntil()) }},
	{Name: "status", Type: "string", Enum: []string{registry.Valid.String(), registry.ExpiringSoon.String()}, Required: true, Title: "Status",
		About: "”giltig”, eller ”går snart ut” när diplomet slutar gälla inom sex månader. Verksamheter vars diplom har gått ut publiceras inte.", Example: "giltig",
		value: func(r *record) any { return r.status.String() }},
	{Name: "former_names", Type: "array", Required: true, Title: "Tidigare namn", About: "Namn som verksamheten har haft. I CSV-filen skilda med semikolon.", Example: "Hälsocentralen Exempelbacken",
		value: func(r *record) any { return list(r.u.FormerNames) }},
	{Name: "keywords", Type: "array", Required: true, Title: "Sökord", About: "Fler ord som hittar verksamheten, som en tjänst den erbjuder. I CSV-filen skilda med semikolon.", Example: "sexuell hälsa",
		value: func(r *record) any { return list(r.u.Keywords) }},
	{Name: "latitude", Type: "number", Required: true, Title: "Latitud", About: "Var verksamheten ligger, latitud i grader (WGS 84). Se location_source.", Example: "63.8258",
		value: func(r *record) any { return r.lat }},
	{Name: "longitude", Type: "number", Required: true, Title: "Longitud", About: "Longitud i grader (WGS 84).", Example: "20.263",
		value: func(r *record) any { return r.lon }},
	{Name: "location_source", Type: "string", Enum: []string{"verksamhet", "kommun"}, Required: true, Title: "Platsens källa",
		About: "”verksamhet” när registret anger verksamhetens plats; ”kommun” när platsen är kommunens centralort (koordinater från GeoNames, CC BY 4.0).", Example: "verksamhet",
		value: func(r *record) any {
			if r.exact {
				return "verksamhet"
			}
			return "kommun"
		}},
}

// csvValue writes v as one CSV cell: lists joined by "; ", numbers as Go
// writes them, nothing for null.
func csvValue(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []string:
		return strings.Join(v, "; ")
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	panic("opendata: a field of an unknown type")
}
