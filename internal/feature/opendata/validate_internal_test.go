package opendata

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/registry"
)

// TestValidateKept: in the dev server the check of the JSON is taken from
// the last build only for the same JSON.
func TestValidateKept(t *testing.T) {
	bad := []byte(`{}`)
	good := []byte(`{"license": "http://creativecommons.org/publicdomain/zero/1.0/", "publisher": "P", "modified": "2026-01-02", "units": []}`)
	d := &opendata{validated: &validated{}}
	for i, tc := range []struct {
		json []byte
		ok   bool
	}{
		{bad, false}, {bad, false}, {good, true}, {good, true}, {bad, false}, {good, true},
	} {
		if err := d.validate(tc.json); (err == nil) != tc.ok {
			t.Errorf("%d: %s: %v, want ok %v", i, tc.json, err, tc.ok)
		}
	}
	if err := (&opendata{}).validate(bad); err == nil {
		t.Error("outside the dev server: bad JSON passes")
	}
}

// TestJSONAsMaps: json writes the bytes encoding/json gives for the
// document as maps (as json made it before: jsonAsMaps), with no units,
// one, and several with every kind of value: absent, text that JSON
// escapes, empty and full lists, numbers small and large.
func TestJSONAsMaps(t *testing.T) {
	org := &registry.Org{Name: `Region "Test" <&>`}
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	units := []*record{
		{u: &registry.Unit{ID: "a", Name: "Å ä\tö \u2028", Org: org, Kommun: "Umeå", Kind: "vård"}, lat: 63.8258, lon: 20.263},
		{u: &registry.Unit{ID: "b", Name: "B", Org: org, Address: "Gatan 1", Website: "https://b.example/?a=1&b=<2>",
			HSAID: "SE1", URL1177: "https://1177.se/b", Certified: day, Recertified: []time.Time{day, day.AddDate(1, 0, 0)},
			FormerNames: []string{"B1", "B2"}, Keywords: []string{"k"}}, exact: true, lat: 1e-7, lon: 1e21, url: "https://x/b/"},
		{u: &registry.Unit{ID: "c", Name: "C", Org: org}, lat: 0, lon: -12.5},
	}
	for n := range len(units) + 1 {
		d := &opendata{b: &feature.Build{BaseURL: "https://x.example"}, data: &Data{Licence: "CC0 <1.0>", Publisher: "P & Q",
			Modified: day}, records: units[:n]}
		if got, want := d.json(), jsonAsMaps(d); !bytes.Equal(got, want) {
			t.Errorf("%d units:\n%s\nwant\n%s", n, got, want)
		}
	}
}

// jsonAsMaps is the JSON as json made it before issue 22: the document
// as maps, through encoding/json.
func jsonAsMaps(d *opendata) []byte {
	units := make([]map[string]any, len(d.records))
	for i, r := range d.records {
		m := make(map[string]any, len(Fields))
		for _, f := range Fields {
			if v := values[f.Name](r); v != nil {
				m[f.Name] = v
			}
		}
		units[i] = m
	}
	doc := map[string]any{
		"$schema":   d.b.BaseURL + "/" + SchemaPath,
		"license":   d.data.Licence,
		"publisher": d.data.Publisher,
		"modified":  d.data.Modified.Format("2006-01-02"),
		"units":     units,
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
