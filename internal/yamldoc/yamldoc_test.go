package yamldoc

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
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
		{"unknown key with hint", "titel: T\n", 0, []string{"f.yaml:1:1: okänd nyckel \"titel\" (menade du title?)"}},
		{"unknown key without hint", "title: T\nzzzzzz: 1\n", 0, []string{"f.yaml:2:1: okänd nyckel \"zzzzzz\" (nycklar som finns: title, weight, share, draft, date, tags, items, ptr, dates)"}},
		{"missing", "weight: 1\n", 0, []string{"f.yaml:1:1: title saknas (lägg till en rad som title: …)"}},
		{"empty", "title:\n", 0, []string{"f.yaml:1:1: title är tom (skriv ett värde efter \"title: \")"}},
		{"twice", "title: a\ntitle: b\n", 0, []string{"f.yaml:2:1: title står två gånger; första gången på rad 1 (behåll en av dem)"}},
		{"offset", "title: a\nweight: x\n", 10, []string{"f.yaml:12:9: weight måste vara ett heltal, som 3, inte \"x\""}},
		{"float", "title: a\nshare: mycket\n", 0, []string{"f.yaml:2:8: share måste vara ett tal, som 90 eller 92.5, inte \"mycket\""}},
		{"bool", "title: a\ndraft: yes\n", 0, []string{"f.yaml:2:8: draft måste vara true eller false, inte \"yes\""}},
		{"text not list", "title: [a, b]\n", 0, []string{"f.yaml:1:8: title måste vara text, inte en lista (skriv värdet på en rad efter kolonet, inom citattecken om det innehåller \": \")"}},
		{"bad date", "title: a\ndate: 2026-13-01\n", 0, []string{"f.yaml:2:7: date: 2026-13-01 finns inte i kalendern (månad 1–12, och dagen måste finnas i den månaden)"}},
		{"short date", "title: a\ndate: 2026-9-1\n", 0, []string{"f.yaml:2:7: date: \"2026-9-1\": skriv månad och dag med två siffror, som 2026-09-01"}},
		{"nested", "title: a\nitems:\n  - name: x\n  - nme: y\n", 0, []string{
			"f.yaml:4:5: okänd nyckel \"nme\" (menade du name?)",
		}},
		{"nested missing", "title: a\nitems:\n  - {}\n", 0, []string{"f.yaml:3:5: name saknas (lägg till en rad som name: …)"}},
		{"list of dates", "title: a\ndates: [2026-01-01, 2026-02-31]\n", 0, []string{"f.yaml:2:21: dates: 2026-02-31 finns inte i kalendern (månad 1–12, och dagen måste finnas i den månaden)"}},
		{"merge key", "title: a\n<<: {weight: 1}\n", 0, []string{"f.yaml:2:1: nycklar som slås ihop med << fungerar inte här; skriv ut nycklarna"}},
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
		{"title: Om: oss\n", "f.yaml:4:10: filen går inte att läsa som YAML: ett värde innehåller \": \" utan citattecken (ett värde som innehåller \": \" måste stå inom citattecken, som title: \"Pris: 5 900 kr\")"},
		{"title: a\n\tweight: 1\n", "f.yaml:5: filen går inte att läsa som YAML: indraget är gjort med tabb (gör indrag med mellanslag, inte med tabb)"},
		{"a: 1\nb:\n  c: 1\n\td: 2\n", "f.yaml:7: filen går inte att läsa som YAML: indraget är gjort med tabb (gör indrag med mellanslag, inte med tabb)"},
		{"a: 1\nb: 2\nc: [x, y\nd: 3\n", "f.yaml:6: filen går inte att läsa som YAML: en hakparentes eller klammerparentes stängs inte (kontrollera att varje citattecken och parentes som öppnas också stängs)"},
		{"title: \"a\n", "f.yaml:5: filen går inte att läsa som YAML: filen tar slut mitt i ett värde (kontrollera att varje citattecken och parentes som öppnas också stängs)"},
		{"title: \"a\\qb\"\n", `f.yaml:4: filen går inte att läsa som YAML: ett värde inom citattecken har ett \ som inte går att läsa (skriv \\ för ett bakstreck, eller sätt värdet inom enkla citattecken, som 'C:\mapp')`},
		{"title: a\nb\n", "f.yaml:5: filen går inte att läsa som YAML: en rad saknar kolon efter nyckeln (skriv nyckel: värde, eller dra in raden om den hör till värdet på raden ovanför)"},
		{"title: *x\n", "f.yaml:4: filen går inte att läsa som YAML: ett värde börjar med & eller *, som i YAML hänvisar till ett annat värde (sätt ett värde som börjar med & eller * inom citattecken)"},
		{"tags: - a\n", `f.yaml:4: filen går inte att läsa som YAML: en lista börjar på samma rad som sin nyckel (skriv punkterna på raderna under nyckeln, var och en efter "- ", eller listan som [en, två])`},
		{"- a\nb: c\n", "f.yaml:4: filen går inte att läsa som YAML: en punkt i en lista (- …) och en nyckel står i samma kolumn (kontrollera indragen: nycklar på samma nivå ska börja i samma kolumn)"},
		{"title: a\x01\n", "f.yaml:4: filen går inte att läsa som YAML: filen har ett osynligt styrtecken i sig (skriv raden på nytt; tecknet kan ha följt med när texten klistrades in)"},
		{"title: \xff\n", "f.yaml:4: filen går inte att läsa som YAML: filen är inte sparad som UTF-8 (spara filen som UTF-8 i din editor)"},
		{"- id: a\n---\n- id: b\n", "f.yaml:5:1: raden --- avslutar filen här, så det som står efter den läses inte (ta bort raden ---: en YAML-fil här har bara ett dokument)"},
		{"# Enheter\n---\n- id: a\n\n...  # slut\n\n  # mer\n- id: b\n", "f.yaml:8:1: raden --- avslutar filen här, så det som står efter den läses inte (ta bort raden ---: en YAML-fil här har bara ett dokument)"},
	} {
		d := Decoder{Path: "f.yaml", LineOffset: 3}
		_, err := d.Parse([]byte(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q):\nhave %v\nwant %s", tc.src, err, tc.want)
		}
	}
}

// TestOneDocument: a --- before the content, or after it with nothing
// but comments and blank lines to follow, is no second document; nor is a
// line of dashes inside a block value.
func TestOneDocument(t *testing.T) {
	for _, src := range []string{
		"---\n- id: a\n",
		"# Enheter\n---\n- id: a\n---\n\n# slut\n",
		"text: |\n  ett\n  ---\n  två\n",
	} {
		d := Decoder{Path: "f.yaml"}
		if _, err := d.Parse([]byte(src)); err != nil {
			t.Errorf("Parse(%q): %v", src, err)
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
		// Keys kept in a Rest and decoded later give exactly the problems
		// that decoding them in place gives.
		whole := Decoder{Path: "f.yaml"}
		var c combined
		whole.Decode(n, &c)
		split := Decoder{Path: "f.yaml"}
		r := withRest{Other: Rest{Accept: []string{"when", "where"}}}
		split.Decode(n, &r)
		var o owned
		if diff := cmp.Diff(sorted(whole.Errs.Error()), sorted(append(split.Errs, r.Other.Decode(&o)...).Error())); diff != "" {
			t.Fatalf("problems in place (-) and through a Rest (+):\n%s", diff)
		}
	})
}

// combined is withRest with the owned keys as fields of its own.
type combined struct {
	Title string    `yaml:"title,required"`
	When  time.Time `yaml:"when"`
	Where string    `yaml:"where"`
	Draft bool      `yaml:"draft"`
}

func sorted(s string) []string {
	lines := strings.Split(s, "\n")
	sort.Strings(lines)
	return lines
}

// withRest is a struct that accepts keys another package decodes.
type withRest struct {
	Title string `yaml:"title,required"`
	Other Rest
	Draft bool `yaml:"draft"`
	Keys  map[string]Pos
}

// owned is the other package's part.
type owned struct {
	When  time.Time `yaml:"when"`
	Where string    `yaml:"where"`
	Keys  map[string]Pos
}

// TestRest checks that keys another package decodes are known keys where
// the Rest field stands (in hints too), and that decoding them later gives
// the messages and positions that decoding them in place would have.
func TestRest(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // the problems of the whole mapping, then of the owned part
	}{
		{"ok", "title: T\nwhere: Umeå\ndraft: true\n", nil},
		{"misspelt owned key", "title: T\nwhre: Umeå\n", []string{"f.yaml:12:1: okänd nyckel \"whre\" (menade du where?)"}},
		{"hint lists owned keys in place", "title: T\nzzzzzz: 1\n", []string{"f.yaml:12:1: okänd nyckel \"zzzzzz\" (nycklar som finns: title, when, where, draft)"}},
		{"owned key twice", "title: T\nwhere: a\nwhere: b\n", []string{"f.yaml:13:1: where står två gånger; första gången på rad 12 (behåll en av dem)"}},
		{"bad owned value", "title: T\nwhen: 2026-02-30\n", []string{"f.yaml:12:7: when: 2026-02-30 finns inte i kalendern (månad 1–12, och dagen måste finnas i den månaden)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Decoder{Path: "f.yaml", LineOffset: 10}
			n, err := d.Parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			v := withRest{Other: Rest{Accept: []string{"when", "where"}}}
			d.Decode(n, &v)
			var o owned
			var have []string
			for _, e := range append(d.Errs, v.Other.Decode(&o)...) {
				have = append(have, e.Error())
			}
			if diff := cmp.Diff(tc.want, have); diff != "" {
				t.Errorf("errors (-want +have):\n%s", diff)
			}
			if tc.name == "ok" {
				if o.Where != "Umeå" || !v.Draft || v.Keys["where"] != (Pos{12, 8}) || o.Keys["where"] != (Pos{12, 8}) || !v.Other.Has("where") || v.Other.Has("when") {
					t.Errorf("decoded %+v and %+v", v, o)
				}
			}
		})
	}
	keys := Keys(reflect.TypeFor[withRest](), reflect.TypeFor[owned]())
	var names []string
	for _, k := range keys {
		names = append(names, k.Name)
	}
	if diff := cmp.Diff([]string{"title", "when", "where", "draft"}, names); diff != "" {
		t.Errorf("Keys (-want +have):\n%s", diff)
	}
}

// TestReadFile: a missing file is no file; a bad one is an error at its
// line; a folder where the file should be cannot be read.
func TestReadFile(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.yaml":     {Data: []byte("title: A\n")},
		"content/bad.yaml":   {Data: []byte("title: [A\n")},
		"content/dir.yaml/x": {Data: []byte("x")},
	}
	for _, tc := range []struct {
		path    string
		node    bool
		wantErr string
	}{
		{"content/a.yaml", true, ""},
		{"content/none.yaml", false, ""},
		{"content/bad.yaml", false, "content/bad.yaml:"},
		{"content/dir.yaml", false, "content/dir.yaml:"},
	} {
		d := &Decoder{Path: tc.path}
		n, err := d.ReadFile(fsys)
		if (n != nil) != tc.node || (err == nil) != (tc.wantErr == "") || err != nil && !strings.HasPrefix(err.Error(), tc.wantErr) {
			t.Errorf("%s: node %v, error %v; want node %v, error %q", tc.path, n != nil, err, tc.node, tc.wantErr)
		}
	}
}

// TestDateParts: dateParts splits as the expression ParseDate used before
// it: every string of up to 11 characters of digits, -, x and a line
// break that is close to a date, and some others.
func TestDateParts(t *testing.T) {
	re := regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	rnd := rand.New(rand.NewPCG(5, 6))
	const alphabet = "0123456789-x\n٣"
	for range 300000 {
		var b strings.Builder
		if rnd.IntN(2) == 0 {
			b.WriteString("2026-")
		}
		for range rnd.IntN(8) {
			if rnd.IntN(3) == 0 {
				b.WriteByte('-')
				continue
			}
			r := []rune(alphabet)
			b.WriteRune(r[rnd.IntN(len(r))])
		}
		s := b.String()
		m, ok := dateParts(s)
		want := re.FindStringSubmatch(s)
		if ok != (want != nil) || ok && (m[1] != want[1] || m[2] != want[2] || m[3] != want[3]) {
			t.Fatalf("dateParts(%q) = %q, %v; the expression gives %q", s, m, ok, want)
		}
	}
}
