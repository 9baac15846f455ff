// Package dataset is the open-data format of the unit registries: the
// fields of a published unit (Fields), the JSON Schema of the JSON
// (Schema), and reading a published file back into units (Read), each bad
// unit reported by its JSON pointer and skipped. Package
// internal/feature/opendata writes the format; the directory of a national
// site reads it from other sites (see Fetch).
//
// A file is a JSON object: license, publisher, modified (a date) and units,
// a list of objects with the keys of Fields and no others.
package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/hbtq-diplomering/webbplats/internal/registry"
)

// The addresses of the files on a site, and of the page that documents them.
const (
	PageURL    = "/oppna-data/"
	JSONPath   = "data/verksamheter.json"
	CSVPath    = "data/verksamheter.csv"
	SchemaPath = "data/verksamheter.schema.json"
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
}

// Fields are the fields of a published unit, in the order of the CSV's
// columns.
var Fields = []Field{
	{Name: "id", Type: "string", Pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", Required: true, Title: "Id",
		About: "Verksamhetens id, som också är sista delen av adressen till dess sida. Ändras inte om verksamheten byter namn.", Example: "vardcentralen-exempelbacken"},
	{Name: "name", Type: "string", Required: true, Title: "Namn", About: "Verksamhetens namn.", Example: "Vårdcentralen Exempelbacken"},
	{Name: "url", Type: "string", Format: "uri-reference", Required: true, Title: "Sida",
		About: "Adressen till verksamhetens sida på webbplatsen.", Example: "https://hbtq.mittland.example.se/verksamheter/vardcentralen-exempelbacken/"},
	{Name: "kind", Type: "string", Required: true, Title: "Typ av vård", About: "Typ av vård, med små bokstäver, som regionen skriver den.", Example: "vårdcentral"},
	{Name: "kommun", Type: "string", Required: true, Title: "Kommun", About: "Kommunen där verksamheten finns, som SCB skriver namnet.", Example: "Umeå"},
	{Name: "kommun_code", Type: "string", Pattern: "^[0-9]{4}$", Required: true, Title: "Kommunkod",
		About: "SCB:s fyrsiffriga kommunkod.", Example: "2480"},
	{Name: "county_code", Type: "string", Pattern: "^[0-9]{2}$", Required: true, Title: "Länskod",
		About: "SCB:s tvåsiffriga länskod: kommunkodens två första siffror.", Example: "24"},
	{Name: "county", Type: "string", Required: true, Title: "Län", About: "Länets namn.", Example: "Västerbottens län"},
	{Name: "organisation", Type: "string", Required: true, Title: "Organisation",
		About: "Regionen eller organisationen som har diplomerat verksamheten.", Example: "Region Mittland"},
	{Name: "address", Type: "string", Title: "Adress", About: "Besöksadress, en rad. Saknas om registret inte anger någon.", Example: "Exempelgatan 12, 903 25 Umeå"},
	{Name: "website", Type: "string", Format: "uri", Title: "Webbplats", About: "Verksamhetens egen webbplats.", Example: "https://exempelbacken.example.se"},
	{Name: "hsa_id", Type: "string", Pattern: `^SE\d{10}-[0-9A-Za-z]{1,20}$`, Title: "HSA-id",
		About: "Verksamhetens HSA-id, som andra register kan kopplas ihop med.", Example: "SE2321000222-E12345"},
	{Name: "url_1177", Type: "string", Format: "uri", Title: "Sida på 1177", About: "Verksamhetens sida på 1177.", Example: "https://www.1177.se/hitta-vard/kontaktkort/vardcentralen-exempelbacken/"},
	{Name: "certified", Type: "string", Format: "date", Required: true, Title: "Diplomerad", About: "Dagen då verksamheten blev diplomerad första gången.", Example: "2024-03-15"},
	{Name: "recertified", Type: "array", Format: "date", Required: true, Title: "Omdiplomerad",
		About: "Dagarna för omdiplomering, äldst först. I CSV-filen skilda med semikolon.", Example: "2028-03-01"},
	{Name: "valid_until", Type: "string", Format: "date", Title: "Giltig till",
		About: "Sista dagen diplomet gäller. Saknas om regionen inte anger hur länge ett diplom gäller.", Example: "2028-03-15"},
	{Name: "status", Type: "string", Enum: []string{registry.Valid.String(), registry.ExpiringSoon.String()}, Required: true, Title: "Status",
		About: "”giltig”, eller ”går snart ut” när diplomet slutar gälla inom sex månader. Verksamheter vars diplom har gått ut publiceras inte.", Example: "giltig"},
	{Name: "former_names", Type: "array", Required: true, Title: "Tidigare namn", About: "Namn som verksamheten har haft. I CSV-filen skilda med semikolon.", Example: "Hälsocentralen Exempelbacken"},
	{Name: "keywords", Type: "array", Required: true, Title: "Sökord", About: "Fler ord som hittar verksamheten, som en tjänst den erbjuder. I CSV-filen skilda med semikolon.", Example: "sexuell hälsa"},
	{Name: "latitude", Type: "number", Required: true, Title: "Latitud", About: "Var verksamheten ligger, latitud i grader (WGS 84). Se location_source.", Example: "63.8258"},
	{Name: "longitude", Type: "number", Required: true, Title: "Longitud", About: "Longitud i grader (WGS 84).", Example: "20.263"},
	{Name: "location_source", Type: "string", Enum: []string{"verksamhet", "kommun"}, Required: true, Title: "Platsens källa",
		About: "”verksamhet” när registret anger verksamhetens plats; ”kommun” när platsen är kommunens centralort (koordinater från GeoNames, CC BY 4.0).", Example: "verksamhet"},
}

// Schema returns the JSON Schema (draft 2020-12) of the JSON, made from
// Fields; base is the site's address, for its $id ("" for a relative one).
// A unit has no other keys than Fields: additionalProperties is false.
func Schema(base string) []byte {
	props := map[string]any{}
	var required []string
	for _, f := range Fields {
		p := map[string]any{"title": f.Title, "description": f.About}
		item := p
		if f.Type == "array" {
			item = map[string]any{"type": "string"}
			p["type"] = "array"
			p["items"] = item
		} else {
			p["type"] = f.Type
		}
		if f.Format != "" {
			item["format"] = f.Format
		}
		if f.Pattern != "" {
			item["pattern"] = f.Pattern
		}
		if f.Enum != nil {
			item["enum"] = f.Enum
		}
		if f.Type == "string" {
			item["minLength"] = 1
		}
		switch f.Name {
		case "latitude":
			p["minimum"], p["maximum"] = 55, 69.5
		case "longitude":
			p["minimum"], p["maximum"] = 10, 24.5
		}
		props[f.Name] = p
		if f.Required {
			required = append(required, f.Name)
		}
	}
	doc := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  base + "/" + SchemaPath,
		"title":                "Diplomerade verksamheter",
		"description":          "Verksamheter som är hbtq- eller hbtqi-diplomerade, som öppna data. Fälten beskrivs på sidan " + PageURL + ".",
		"type":                 "object",
		"required":             []string{"license", "publisher", "modified", "units"},
		"additionalProperties": false,
		"properties": map[string]any{
			"$schema":   map[string]any{"type": "string"},
			"license":   map[string]any{"type": "string", "format": "uri", "description": "Licensen för uppgifterna."},
			"publisher": map[string]any{"type": "string", "minLength": 1, "description": "Organisationen som publicerar uppgifterna."},
			"modified":  map[string]any{"type": "string", "format": "date", "description": "Dagen då filen byggdes."},
			"units": map[string]any{"type": "array", "items": map[string]any{
				"type": "object", "required": required, "additionalProperties": false, "properties": props,
			}},
		},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Validate checks data against schema, with formats asserted (dates, URIs).
func Validate(schema, data []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		return err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		return err
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("%v", err)
	}
	return nil
}
