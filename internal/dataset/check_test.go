package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// library returns the problems the schema library finds in data against
// the published schema, in its order: each innermost error's place and
// words, as Read took them before check.
func library(t *testing.T, data []byte) ([]problem, error) {
	t.Helper()
	sdoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema("https://x.example", Texts{Title: "T"})))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", sdoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	err = sch.Validate(inst)
	if err == nil {
		return nil, nil
	}
	var leaves func(e *jsonschema.ValidationError) []problem
	leaves = func(e *jsonschema.ValidationError) []problem {
		if len(e.Causes) == 0 {
			return []problem{{e.InstanceLocation, e.ErrorKind.LocalizedString(printer)}}
		}
		var out []problem
		for _, c := range e.Causes {
			out = append(out, leaves(c)...)
		}
		return out
	}
	return leaves(err.(*jsonschema.ValidationError)), nil
}

// goodUnit is a unit with every field, which the schema accepts.
func goodUnit() map[string]any {
	return map[string]any{
		"id": "vc-ett", "name": "Vårdcentralen Ett", "url": "https://x.example/verksamheter/vc-ett/",
		"kind": "vårdcentral", "kommun": "Umeå", "kommun_code": "2480", "county_code": "24",
		"county": "Västerbottens län", "organisation": "Region Test", "address": "Gatan 1, Umeå",
		"website": "https://vc.example/", "hsa_id": "SE2321000222-abc", "url_1177": "https://www.1177.se/x",
		"certified": "2024-01-02", "recertified": []any{"2025-01-02"}, "valid_until": "2027-01-02",
		"status": "giltig", "former_names": []any{"VC 1"}, "keywords": []any{"vård"},
		"latitude": json.Number("63.8"), "longitude": json.Number("20.2"), "location_source": "verksamhet",
	}
}

// goodFrame is a file's keys other than its units.
func goodFrame() map[string]any {
	return map[string]any{"$schema": "https://x.example/data/verksamheter.schema.json",
		"license": "http://creativecommons.org/publicdomain/zero/1.0/", "publisher": "Region Test", "modified": "2026-11-23"}
}

// badValues are values the schema refuses, for every kind of field, and
// some it takes (a number field's 55, an array's empty list).
var badValues = []any{
	nil, true, json.Number("0"), json.Number("50"), json.Number("69.5"), json.Number("69.50001"), json.Number("100000"),
	json.Number("1e400"), json.Number("-12.5"), json.Number("24.5"), "", " ", "x", "ÅÄÖ", "248", "24800", "2a",
	"Vårdcentral", "giltig", "utgången", "kommun", "SE2321000222-", "SE123-abc", "2024-13-01", "2024-1-1",
	"2024-02-30", "2024-02-29", "relative/path", "/verksamheter/a/", "http://[::1", "http://::1/", "http://[::1]/", "//::1:80/",
	"http://[fe80::1%25en0]/", "http://[1:2:3:4:5:6:7:8:9]/", "ht tp://x", `a\b`, "http://x.example/%zz",
	"mailto:a@b.se", "it's \"quoted\"\n", []any{}, []any{"2024-01-01", json.Number("3")}, []any{"2024-1-1"},
	[]any{nil}, map[string]any{}, map[string]any{"a": "b"},
}

// TestCheckAsLibrary: check finds what the schema library finds, at the
// same places, in the same words and order, in files broken in one place
// each way the schema forbids; and Read skips the same units.
func TestCheckAsLibrary(t *testing.T) {
	var cases []map[string]any
	file := func(units ...any) map[string]any {
		f := goodFrame()
		f["units"] = units
		return f
	}
	cases = append(cases, file(), file(goodUnit()))
	// A unit's field: each bad value, and missing.
	for _, f := range Fields {
		for _, v := range badValues {
			u := goodUnit()
			u[f.Name] = v
			cases = append(cases, file(goodUnit(), u))
		}
		u := goodUnit()
		delete(u, f.Name)
		cases = append(cases, file(u))
	}
	// A unit with a key the schema does not name, missing every field,
	// or not an object.
	extra := goodUnit()
	extra["contact"] = "x"
	cases = append(cases, file(extra), file(map[string]any{}), file(map[string]any{"id": "a", "x": json.Number("1")}))
	for _, v := range []any{nil, "u", json.Number("1"), []any{}} {
		cases = append(cases, file(goodUnit(), v))
	}
	// The frame: each key with each bad value, and missing; a key it does
	// not name; units that are not a list; a file that is not an object.
	for _, k := range []string{"$schema", "license", "publisher", "modified", "units"} {
		for _, v := range badValues {
			f := file(goodUnit())
			f[k] = v
			cases = append(cases, f)
		}
		f := file(goodUnit())
		delete(f, k)
		cases = append(cases, f)
	}
	f := file(goodUnit())
	f["contact"] = "x"
	cases = append(cases, f)
	// Every bad unit in one file: each is broken in one place, so the
	// library's order is the units'.
	var many []any
	for _, f := range Fields {
		for _, v := range badValues {
			u := goodUnit()
			u[f.Name] = v
			many = append(many, u)
		}
	}
	cases = append(cases, file(many...))

	docs := []string{`[]`, `"x"`, `null`, `nej`, `{"units": []} {}`, `{}`}
	for _, c := range cases {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(b))
	}
	refused := 0
	for _, doc := range docs {
		want, werr := library(t, []byte(doc))
		got, gerr := decode([]byte(doc))
		if (werr == nil) != (gerr == nil) {
			t.Errorf("%.200s: not JSON to check %v, to the library %v", doc, gerr, werr)
			continue
		}
		if werr != nil {
			if werr.Error() != gerr.Error() {
				t.Errorf("%.200s: %v, the library %v", doc, gerr, werr)
			}
			continue
		}
		have := check(got)
		if len(want) > 0 {
			refused++
		}
		if !slices.EqualFunc(have, want, func(a, b problem) bool { return slices.Equal(a.loc, b.loc) && a.msg == b.msg }) {
			t.Errorf("%.300s:\nhave %s\nwant %s (the library)", doc, show(have), show(want))
		}
		if (Check([]byte(doc)) == nil) != (len(want) == 0) {
			t.Errorf("%.200s: Check %v, the library finds %d problems", doc, Check([]byte(doc)), len(want))
		}
	}
	if refused < len(docs)*3/4 {
		t.Errorf("the library refuses %d files of %d: the cases are not what they seem", refused, len(docs))
	}
}

func show(ps []problem) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "\n  %s: %s", pointer(p.loc), p.msg)
	}
	return b.String()
}
