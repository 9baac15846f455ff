package yamldoc

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type inner struct {
	Name string `yaml:"name,required"`
	Pos  Pos
}

type doc struct {
	Title   string      `yaml:"title,required"`
	Weight  int         `yaml:"weight"`
	Share   float64     `yaml:"share"`
	Draft   bool        `yaml:"draft"`
	Date    time.Time   `yaml:"date"`
	Tags    []string    `yaml:"tags"`
	Items   []inner     `yaml:"items"`
	Ptr     *inner      `yaml:"ptr"`
	Dates   []time.Time `yaml:"dates"`
	Keys    map[string]Pos
	Ignored string `yaml:"-"`
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		offset    int
		want      []string
	}{
		{"ok", "title: T\nweight: 3\nshare: 92.5\ndraft: true\ndate: 2026-09-12\ntags: a\n", 0, nil},
		{"unknown key with hint", "titel: T\n", 0, []string{"f.yaml:1:1: unknown key \"titel\" (did you mean title?)"}},
		{"unknown key without hint", "title: T\nzzzzzz: 1\n", 0, []string{"f.yaml:2:1: unknown key \"zzzzzz\" (known keys: title, weight, share, draft, date, tags, items, ptr, dates)"}},
		{"missing", "weight: 1\n", 0, []string{"f.yaml:1:1: title is missing (add a line like title: …)"}},
		{"empty", "title:\n", 0, []string{"f.yaml:1:1: title is empty (write a value after \"title: \")"}},
		{"twice", "title: a\ntitle: b\n", 0, []string{"f.yaml:2:1: title is given twice; the first is on line 1 (keep one of them)"}},
		{"offset", "title: a\nweight: x\n", 10, []string{"f.yaml:12:9: weight must be a whole number, like 3, not \"x\""}},
		{"float", "title: a\nshare: mycket\n", 0, []string{"f.yaml:2:8: share must be a number, like 90 or 92.5, not \"mycket\""}},
		{"bool", "title: a\ndraft: yes\n", 0, []string{"f.yaml:2:8: draft must be true or false, not \"yes\""}},
		{"text not list", "title: [a, b]\n", 0, []string{"f.yaml:1:8: title must be text, not a list (write it on one line after the colon, in quotes if it contains \": \")"}},
		{"bad date", "title: a\ndate: 2026-13-01\n", 0, []string{"f.yaml:2:7: date: 2026-13-01 is not a date in the calendar (month 1–12, and the day must exist in that month)"}},
		{"short date", "title: a\ndate: 2026-9-1\n", 0, []string{"f.yaml:2:7: date: \"2026-9-1\": write the month and day with two digits, like 2026-09-01"}},
		{"nested", "title: a\nitems:\n  - name: x\n  - nme: y\n", 0, []string{
			"f.yaml:4:5: unknown key \"nme\" (did you mean name?)",
		}},
		{"nested missing", "title: a\nitems:\n  - {}\n", 0, []string{"f.yaml:3:5: name is missing (add a line like name: …)"}},
		{"list of dates", "title: a\ndates: [2026-01-01, 2026-02-31]\n", 0, []string{"f.yaml:2:21: dates: 2026-02-31 is not a date in the calendar (month 1–12, and the day must exist in that month)"}},
		{"merge key", "title: a\n<<: {weight: 1}\n", 0, []string{"f.yaml:2:1: merge keys (<<) are not supported here; write the keys out"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Decoder{Path: "f.yaml", LineOffset: tc.offset}
			n, err := d.Parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			var v doc
			d.Decode(n, &v)
			var have []string
			for _, e := range d.Errs {
				have = append(have, e.Error())
			}
			if diff := cmp.Diff(tc.want, have); diff != "" {
				t.Errorf("errors (-want +have):\n%s", diff)
			}
		})
	}
}

func TestDecodeValues(t *testing.T) {
	d := Decoder{Path: "f.yaml"}
	n, err := d.Parse([]byte("title: Om\nweight: 3\ntags: ensam\nitems:\n  - name: a\nptr:\n  name: p\ndate: 2026-09-12\n"))
	if err != nil {
		t.Fatal(err)
	}
	var v doc
	d.Decode(n, &v)
	if len(d.Errs) > 0 {
		t.Fatal(d.Errs)
	}
	if v.Title != "Om" || v.Weight != 3 || len(v.Tags) != 1 || v.Tags[0] != "ensam" || v.Ptr == nil || v.Ptr.Name != "p" {
		t.Errorf("decoded %+v", v)
	}
	if v.Items[0].Pos != (Pos{5, 5}) {
		t.Errorf("item position %v, want 5:5", v.Items[0].Pos)
	}
	if v.Keys["weight"] != (Pos{2, 9}) {
		t.Errorf("weight position %v, want 2:9", v.Keys["weight"])
	}
	if !v.Date.Equal(time.Date(2026, 9, 12, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date %v", v.Date)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"title: Om: oss\n", "f.yaml:4:10: the YAML cannot be read: mapping values are not allowed in this context (a value that contains \": \" must be in quotes, like title: \"Pris: 5 900 kr\")"},
		{"title: a\n\tweight: 1\n", "f.yaml:5: the YAML cannot be read: found a tab character that violates indentation (indent with spaces, not tabs)"},
		{"a: 1\nb:\n  c: 1\n\td: 2\n", "f.yaml:7: the YAML cannot be read: found a tab character that violates indentation (indent with spaces, not tabs)"},
		{"a: 1\nb: 2\nc: [x, y\nd: 3\n", "f.yaml:6: the YAML cannot be read: did not find expected ',' or ']' (check that every quote and bracket that is opened is also closed)"},
		{"title: \"a\n", "f.yaml:5: the YAML cannot be read: found unexpected end of stream (check that every quote and bracket that is opened is also closed)"},
	} {
		d := Decoder{Path: "f.yaml", LineOffset: 3}
		_, err := d.Parse([]byte(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q):\nhave %v\nwant %s", tc.src, err, tc.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("title: a\nitems:\n  - name: x\n")
	f.Add("title: [\n")
	f.Add("a: &x 1\nb: *x\n")
	f.Fuzz(func(t *testing.T, src string) {
		d := Decoder{Path: "f.yaml"}
		n, err := d.Parse([]byte(src))
		if err != nil || n == nil {
			return
		}
		var v doc
		d.Decode(n, &v)
		for _, e := range d.Errs {
			if e.Path != "f.yaml" || e.Line < 1 {
				t.Fatalf("error without a position: %v", e)
			}
		}
	})
}
