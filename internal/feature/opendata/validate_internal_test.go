package opendata

import "testing"

// TestValidateKept: in the dev server the check of the JSON is taken from
// the last build only for the same schema and the same JSON.
func TestValidateKept(t *testing.T) {
	schema := []byte(`{"type": "object", "required": ["units"]}`)
	bad, good := []byte(`{}`), []byte(`{"units": []}`)
	d := &opendata{validated: &validated{}}
	for i, tc := range []struct {
		schema, json []byte
		ok           bool
	}{
		{schema, bad, false}, {schema, bad, false}, {schema, good, true}, {schema, good, true},
		{[]byte(`{"type": "object", "required": ["x"]}`), good, false}, {schema, bad, false},
	} {
		if err := d.validate(tc.schema, tc.json); (err == nil) != tc.ok {
			t.Errorf("%d: %s against %s: %v, want ok %v", i, tc.json, tc.schema, err, tc.ok)
		}
	}
	if err := (&opendata{}).validate(schema, bad); err == nil {
		t.Error("outside the dev server: bad JSON passes")
	}
}
