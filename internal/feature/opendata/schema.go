package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

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
