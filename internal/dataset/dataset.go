// Package dataset is the open-data format of the unit registries: the
// fields of a published unit (Fields), the JSON Schema of the JSON
// (Schema), checking a file against the schema's rules (Check), and
// reading a published file back into units (Read), each bad unit reported
// by its JSON pointer and skipped. Package
// internal/feature/opendata writes the format; the directory of a national
// site reads it from other sites (see Fetch).
//
// A file is a JSON object: license, publisher, modified (a date) and units,
// a list of objects with the keys of Fields and no others.
package dataset

import (
	"bytes"
	"encoding/json"

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
// of the CSV, and what its values are. Fields is the one list: the JSON,
// the CSV's columns, the schema and the table on the open data page are
// all made from it, with each field's Text from the site's words.
type Field struct {
	Name     string // the JSON key and CSV column: kommun_code
	Type     string // JSON Schema type: string, number, array (of strings)
	Format   string // JSON Schema format or "": date, uri
	Pattern  string // JSON Schema pattern or ""
	Enum     []string
	Required bool // every unit has it
}

// Text is a field's words for people: its title ("Kommunkod"), what it
// means and an example. They are the site's words (layouts/words.yaml's
// open_data_fields, see package settings), not the format's.
type Text struct {
	Title, About, Example string
}

// Texts are the words of the schema: its title and description, the
// meaning of the file's keys other than units, and each field's Text by
// its Name. Without them (the zero Texts) the schema checks the same.
type Texts struct {
	Title, Description           string
	License, Publisher, Modified string
	Fields                       map[string]Text
}

// Fields are the fields of a published unit, in the order of the CSV's
// columns.
var Fields = []Field{
	{Name: "id", Type: "string", Pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", Required: true},
	{Name: "name", Type: "string", Required: true},
	{Name: "url", Type: "string", Format: "uri-reference", Required: true},
	{Name: "kind", Type: "string", Required: true},
	{Name: "kommun", Type: "string", Required: true},
	{Name: "kommun_code", Type: "string", Pattern: "^[0-9]{4}$", Required: true},
	{Name: "county_code", Type: "string", Pattern: "^[0-9]{2}$", Required: true},
	{Name: "county", Type: "string", Required: true},
	{Name: "organisation", Type: "string", Required: true},
	{Name: "address", Type: "string"},
	{Name: "website", Type: "string", Format: "uri"},
	{Name: "hsa_id", Type: "string", Pattern: `^SE\d{10}-[0-9A-Za-z]{1,20}$`},
	{Name: "url_1177", Type: "string", Format: "uri"},
	{Name: "certified", Type: "string", Format: "date", Required: true},
	{Name: "recertified", Type: "array", Format: "date", Required: true},
	{Name: "valid_until", Type: "string", Format: "date"},
	{Name: "status", Type: "string", Enum: []string{registry.Valid.String(), registry.ExpiringSoon.String()}, Required: true},
	{Name: "former_names", Type: "array", Required: true},
	{Name: "keywords", Type: "array", Required: true},
	{Name: "latitude", Type: "number", Required: true},
	{Name: "longitude", Type: "number", Required: true},
	{Name: "location_source", Type: "string", Enum: []string{"verksamhet", "kommun"}, Required: true},
}

// Schema returns the JSON Schema (draft 2020-12) of the JSON, made from
// Fields, in the words of t; base is the site's address, for its $id (""
// for a relative one). A unit has no other keys than Fields:
// additionalProperties is false.
func Schema(base string, t Texts) []byte {
	props := map[string]any{}
	var required []string
	for _, f := range Fields {
		p := map[string]any{}
		words(p, "title", t.Fields[f.Name].Title)
		words(p, "description", t.Fields[f.Name].About)
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
	license := map[string]any{"type": "string", "format": "uri"}
	publisher := map[string]any{"type": "string", "minLength": 1}
	modified := map[string]any{"type": "string", "format": "date"}
	words(license, "description", t.License)
	words(publisher, "description", t.Publisher)
	words(modified, "description", t.Modified)
	doc := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  base + "/" + SchemaPath,
		"type":                 "object",
		"required":             []string{"license", "publisher", "modified", "units"},
		"additionalProperties": false,
		"properties": map[string]any{
			"$schema":   map[string]any{"type": "string"},
			"license":   license,
			"publisher": publisher,
			"modified":  modified,
			"units": map[string]any{"type": "array", "items": map[string]any{
				"type": "object", "required": required, "additionalProperties": false, "properties": props,
			}},
		},
	}
	words(doc, "title", t.Title)
	words(doc, "description", t.Description)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// words sets m[key] to text, when there is one.
func words(m map[string]any, key, text string) {
	if text != "" {
		m[key] = text
	}
}
