package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

func v(label string) Value { return Value{Slug: Fold(label), Label: label} }

func vs(slug, label string) Value { return Value{Slug: slug, Label: label} }

func TestBuild(t *testing.T) {
	entries := []Entry{
		{ID: "vardcentralen-ersboda", Name: "Vårdcentralen Ersboda", Address: "Ersbodavägen 12, 906 20 Umeå",
			Kommun: vs("umea", "Umeå"), Kind: Value{"vardcentral", "Vårdcentral", []string{"hälsocentral"}}, Org: vs("region-vasterbotten", "Region Västerbotten")},
		{ID: "ungdomsmottagningen-vannas", Name: "Ungdomsmottagningen i Vännäs", Keywords: []string{"UMO"},
			Kommun: vs("vannas", "Vännäs"), Kind: vs("ungdomsmottagning", "Ungdomsmottagning"), Org: vs("region-vasterbotten", "Region Västerbotten")},
		{ID: "alidhem", Name: "Hälsocentral Ålidhem", Address: "Tvistevägen 1", Former: []string{"Ålidhems vårdcentral"}, Keywords: []string{"hbtq"},
			Kommun: vs("umea", "Umeå"), Kind: vs("vardcentral", "Vårdcentral"), Org: vs("region-vasterbotten", "Region Västerbotten")},
	}
	have, err := Build(entries, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"v":3,"stop":STOP,"noise":NOISE,"syn":SYN,"heads":HEADS,` +
		`"kommun":[["umea","Umeå"],["vannas","Vännäs"]],` +
		`"kind":[["ungdomsmottagning","Ungdomsmottagning"],["vardcentral","Vårdcentral","hälsocentral"]],` +
		`"org":[["region-vasterbotten","Region Västerbotten"]],` +
		`"units":[` +
		`[0,"Vårdcentralen Ersboda","Ersbodavägen 12, 906 20 Umeå",0,1,0],` +
		`["ungdomsmottagningen-vannas","Ungdomsmottagningen i Vännäs","",1,0,0,0,["UMO"]],` +
		`["alidhem","Hälsocentral Ålidhem","Tvistevägen 1",0,1,0,["Ålidhems vårdcentral"],["hbtq"]]]}`
	stop, _ := json.Marshal(StopWords)
	synJSON, _ := json.Marshal((Settings{}).groups())
	noise, _ := json.Marshal(NoiseWords)
	var x struct{ Heads []string }
	json.Unmarshal(have, &x)
	for _, h := range []string{"ersboda", "ungdoms", "halso"} {
		if !slices.Contains(x.Heads, h) {
			t.Errorf("heads %v lack %q", x.Heads, h)
		}
	}
	heads, _ := json.Marshal(x.Heads)
	want = strings.NewReplacer("STOP", string(stop), "SYN", string(synJSON), "NOISE", string(noise), "HEADS", string(heads)).Replace(want)
	if d := cmp.Diff(want, string(have)); d != "" {
		t.Errorf("index (-want +have):\n%s", d)
	}
}

// TestTablesSwedish checks that the lookup tables are in Swedish order:
// Å, Ä and Ö after Z, in that order.
func TestTablesSwedish(t *testing.T) {
	var entries []Entry
	for i, k := range []string{"Örebro", "Åre", "Ängelholm", "Zinkgruvan", "Alingsås", "Östersund"} {
		entries = append(entries, Entry{ID: fmt.Sprint("u", i), Name: "X", Kommun: v(k), Kind: v("vård"), Org: v("R")})
	}
	b, err := Build(entries, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	var idx struct{ Kommun [][2]string }
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	var have []string
	for _, p := range idx.Kommun {
		have = append(have, p[1])
	}
	want := []string{"Alingsås", "Zinkgruvan", "Åre", "Ängelholm", "Örebro", "Östersund"}
	if d := cmp.Diff(want, have); d != "" {
		t.Errorf("kommun table (-want +have):\n%s", d)
	}
}

// TestEscaped checks that HTML in names cannot end a script or start a tag
// wherever the index ends up, and that the JSON still reads back the same.
func TestEscaped(t *testing.T) {
	name := `Mottagningen </script><script>alert("x")</script> & <b>`
	b, err := Build([]Entry{{ID: "x", Name: name, Address: "<img src=x>", Kommun: v("Umeå"), Kind: v("<i>"), Org: v("R&D")}}, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<", ">", "&"} {
		if bytes.Contains(b, []byte(bad)) {
			t.Errorf("the index contains %q unescaped: %s", bad, b)
		}
	}
	var idx struct{ Units [][]any }
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	if have := idx.Units[0][1]; have != name {
		t.Errorf("the name reads back as %q, want %q", have, name)
	}
}

func TestBuildErrors(t *testing.T) {
	ok := Entry{ID: "a", Name: "A", Kommun: v("Umeå"), Kind: v("Vårdcentral"), Org: v("R")}
	for _, tc := range []struct {
		name    string
		entries []Entry
		want    string
	}{
		{"no id", []Entry{{Name: "A"}}, "entry 0 has no id or no name"},
		{"twice", []Entry{ok, ok}, `the id "a" occurs twice`},
		{"no slug", []Entry{{ID: "a", Name: "A", Kommun: Value{Label: "Umeå"}}}, "a has an empty kommun slug"},
		{"two labels", []Entry{ok, {ID: "b", Name: "B", Kommun: vs("umea", "Umea"), Kind: ok.Kind, Org: ok.Org}}, `"umea" stands for both "Umeå" and "Umea"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Build(tc.entries, Settings{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Umeå":                    "umea",
		"Malmö":                   "malmo",
		"Vårdcentral Östra, Umeå": "vardcentral ostra umea",
		"ÄNGELHOLM":               "angelholm",
		"Café Noël":               "cafe noel",
		"Storgatan 12 B":          "storgatan 12 b",
	} {
		if have := Fold(in); have != want {
			t.Errorf("Fold(%q) = %q, want %q", in, have, want)
		}
	}
}

// entries returns n made-up entries with the variety of a real registry.
func entries(n int) []Entry {
	kommuner := []string{"Umeå", "Skellefteå", "Vännäs", "Lycksele", "Göteborg", "Borås", "Jönköping", "Värnamo", "Åmål", "Öckerö"}
	kinds := []string{"Vårdcentral", "Ungdomsmottagning", "Barnmorskemottagning", "Psykiatri", "Tandvård"}
	places := []string{"Björk", "Ek", "Sjö", "Äng", "Ås", "Öster", "Väster", "Hög", "Rön", "Strand"}
	ends := []string{"backen", "boda", "dalen", "hagen", "lund", "näs", "viken", "ängen"}
	out := make([]Entry, n)
	for i := range out {
		k := kommuner[(i*7)%len(kommuner)]
		name := fmt.Sprintf("%s %s%s %d", kinds[i%len(kinds)], places[(i/3)%len(places)], ends[(i/7)%len(ends)], i)
		out[i] = Entry{
			ID: Fold(name), Name: name, Address: fmt.Sprintf("%sgatan %d, %03d %02d %s", places[i%len(places)], i%90, 100+i%900, i%100, k),
			Kommun: v(k), Kind: v(kinds[i%len(kinds)]), Org: v([]string{"Region Västerbotten", "Region Jönköpings län"}[i%2]),
		}
		out[i].ID = strings.ReplaceAll(out[i].ID, " ", "-")
	}
	return out
}

// TestSize holds the index to the directory's budget: at most 60 bytes
// gzipped per unit (bench/search measures it on a more varied registry).
func TestSize(t *testing.T) {
	b, err := Build(entries(2000), Settings{})
	if err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(b)
	w.Close()
	if per := float64(z.Len()) / 2000; per > 60 {
		t.Errorf("the index takes %.1f bytes gzipped per unit, want at most 60", per)
	}
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		es := entries(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var size int
			for b.Loop() {
				idx, err := Build(es, Settings{})
				if err != nil {
					b.Fatal(err)
				}
				size = len(idx)
			}
			b.ReportMetric(float64(size)/float64(n), "bytes/unit")
		})
	}
}

// TestStem: the forms of a word meet, as the patients typed them,
// and words that mean different things stay apart.
func TestStem(t *testing.T) {
	meet := [][]string{
		{"tandlakare", "tandlakarna", "tandlakaren"},
		{"barnmorska", "barnmorskan", "barnmorskor", "barnmorskorna"},
		{"aldreboende", "aldreboenden", "aldreboendet", "aldreboendena"},
		{"vardcentral", "vardcentralen", "vardcentraler", "vardcentralerna"},
		{"klinik", "kliniken", "kliniker", "klinikerna"},
		{"psykiatri", "psykiatrin"},
		{"anmal", "anmalan", "anmaler", "anmala", "anmalning", "anmalningar", "anmalningen"},
		{"kostnad", "kostnader", "kostnaden", "kostar", "kosta", "kostade"},
		{"pris", "priset", "priser", "priserna"},
		{"sjukhus", "sjukhuset", "sjukhusen"},
		{"kommun", "kommunen", "kommuner"},
		{"mottagning", "mottagningen", "mottagningar"},
		{"utbildning", "utbildningen", "utbilda", "utbildar"},
		{"gymnasium", "gymnasiet", "gymnasier"},
	}
	for _, g := range meet {
		for _, w := range g[1:] {
			if Stem(w) != Stem(g[0]) {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q: want them equal", w, Stem(w), g[0], Stem(g[0]))
			}
		}
	}
	for _, pair := range [][2]string{{"pris", "privata"}, {"habilitering", "rehabilitering"}, {"vard", "varv"}} {
		if a, b := Stem(pair[0]), Stem(pair[1]); strings.HasPrefix(b, a) {
			t.Errorf("Stem(%q) = %q starts Stem(%q) = %q", pair[1], b, pair[0], a)
		}
	}
	// Snowball's own steps, on words its vocabulary list has.
	for in, want := range map[string]string{
		"jaktkarlarne": "jaktkarl", "klokhet": "klok", "friheten": "frihet",
		"societetens": "societet", "fullt": "fullt", "kraftfullt": "kraftfull", "hemligt": "hem",
		"umo": "umo", "bvc": "bvc",
	} {
		if have := snowball(in); have != want {
			t.Errorf("snowball(%q) = %q, want %q", in, have, want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b   string
		prefix bool
		want   int
	}{
		{"vardcentarl", "vardcentral", false, 1}, // a swap is one edit
		{"vardcentarl", "vardcentralen", true, 1},
		{"vardcentarl", "vardcentralen", false, 3},
		{"skeleftea", "skelleftea", false, 1},
		{"lyksele", "lycksele", false, 1},
		{"abc", "", false, 3},
		{"", "abc", true, 1},
	} {
		if have := Distance(tc.a, tc.b, tc.prefix); have != tc.want {
			t.Errorf("Distance(%q, %q, %v) = %d, want %d", tc.a, tc.b, tc.prefix, have, tc.want)
		}
	}
}

func TestSettings(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"synonyms:\n  vc: [vårdcentral]\n  hjärta: kardiologi\n", ""},
		{"synonyms:\n  - [vc, vårdcentral]\n  - [youth clinic, ungdomsmottagning]\ndefault_synonyms: false\n", ""},
		{"synonym:\n  vc: [x]\n", `site.yaml:1:1: search har ingen inställning "synonym"`},
		{"synonyms:\n  vc: []\n", `site.yaml:2:3: synonymen "vc" hittar ingenting`},
		{"synonyms:\n  vc: [x]\n  VC: [y]\n", `site.yaml:3:3: synonymen "VC" står två gånger`},
		{"synonyms:\n  vc: [[x]]\n", `site.yaml:2:8: vc: det en synonym hittar ska vara ett ord eller några ord`},
		{"synonyms: vc\n", `site.yaml:1:11: synonyms ska vara grupper av ord som betyder samma sak`},
		{"synonyms:\n  - vc\n", `site.yaml:2:5: en synonymgrupp ska vara en lista av ord som betyder samma sak`},
		{"synonyms:\n  - [vc]\n", `site.yaml:2:5: en synonymgrupp behöver minst två medlemmar`},
		{"synonyms:\n  - [vc, \"\"]\n", `site.yaml:2:10: en medlem i en synonymgrupp ska vara ett ord eller några ord`},
		{"default_synonyms: nej\n", `site.yaml:1:19: default_synonyms ska vara true eller false`},
	} {
		var s Settings
		if err := yaml.Unmarshal([]byte(tc.yaml), &s); err != nil {
			t.Fatal(err)
		}
		have := ""
		if p := s.Problems("site.yaml", 0); len(p) > 0 {
			have = p[0].Error()
		}
		if !strings.HasPrefix(have, tc.want) || (tc.want == "") != (have == "") {
			t.Errorf("%q: problem %q, want %q", tc.yaml, have, tc.want)
		}
	}
	// Groups with a member in common become one; defaults can be left out.
	var s Settings
	yaml.Unmarshal([]byte("synonyms:\n  vc: [hjärtcentral]\n  - \n"), &s)
	s = Settings{Synonyms: []Synonym{{"vc", []string{"hjärtcentral"}}, {"hjärta", []string{"kardiologi"}}, {"Kardiologi", []string{"heart clinic"}}}}
	var vc, hj []string
	for _, g := range s.groups() {
		if slices.Contains(g, "vc") {
			vc = g
		}
		if slices.Contains(g, "hjarta") {
			hj = g
		}
	}
	if !slices.Contains(vc, "vardcentral") || !slices.Contains(vc, "hjartcentral") || !slices.Contains(vc, "halsocentral") {
		t.Errorf("the vc group is %v", vc)
	}
	if d := cmp.Diff([]string{"hjarta", "kardiologi", "heart clinic"}, hj); d != "" {
		t.Errorf("hjärta (-want +have):\n%s", d)
	}
	s.NoDefaults = true
	if g := s.groups(); len(g) != 2 {
		t.Errorf("without the defaults: %v", g)
	}
}
