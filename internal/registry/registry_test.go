package registry

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"hbtq/internal/diag"
)

var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

const head = "organisation: Region Test\nunits:\n"

// one is a valid unit entry; tests change one line of it.
const one = `  - id: vc-ett
    name: Vårdcentralen Ett
    kommun: Umeå
    kind: vårdcentral
    website: https://ett.example.se
    certified: 2024-01-10
    internal:
      contact_email: kim@example.se
      contact_phone: 070-123 45 67
      participation: 95
      manager_took_part: true
`

func load(t *testing.T, files map[string]string) (*Registry, []string) {
	t.Helper()
	m := fstest.MapFS{}
	for name, data := range files {
		m[Dir+"/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	r, err := Load(m, Dir, Options{Now: today})
	var msgs []string
	for _, e := range diag.Errors(err) {
		msgs = append(msgs, e.Error())
	}
	return r, msgs
}

func TestBadInput(t *testing.T) {
	p := "content/verksamheter/a.yaml:"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"valid", map[string]string{"a.yaml": head + one}, nil},
		{"broken yaml", map[string]string{"a.yaml": head + "  - id: [\n"}, []string{p + "3: the YAML cannot be read: did not find expected node content (check that every quote and bracket that is opened is also closed)"}},
		{"no id", map[string]string{"a.yaml": head + strings.Replace(one, "  - id: vc-ett\n    name", "  - name", 1)}, []string{p + "3:5: id is missing (add a line like id: …)"}},
		{"same id in one file", map[string]string{"a.yaml": head + one + one}, []string{p + "14:9: id vc-ett is already used in content/verksamheter/a.yaml:3 (every unit needs its own id; old ids must not be reused)"}},
		{"same id across files", map[string]string{"a.yaml": head + one, "b.yaml": head + one}, []string{"content/verksamheter/b.yaml:3:9: id vc-ett is already used in content/verksamheter/a.yaml:3 (every unit needs its own id; old ids must not be reused)"}},
		{"unknown key", map[string]string{"a.yaml": head + strings.Replace(one, "certified:", "certifed:", 1)}, []string{p + "8:5: unknown key \"certifed\" (did you mean certified?)"}},
		{"bad date", map[string]string{"a.yaml": head + strings.Replace(one, "2024-01-10", "2026-13-01", 1)}, []string{p + "8:16: certified: 2026-13-01 is not a date in the calendar (month 1–12, and the day must exist in that month)"}},
		{"future date", map[string]string{"a.yaml": head + strings.Replace(one, "2024-01-10", "2027-01-10", 1)}, []string{p + "8:16: certified 2027-01-10 is after today (2026-11-23) (write the day the unit was certified; a unit is added once it has its certificate)"}},
		{"unknown kind", map[string]string{"a.yaml": head + strings.Replace(one, "kind: vårdcentral", "kind: vårdcentrall", 1)}, []string{p + "6:11: \"vårdcentrall\" is not a kind of care of this site (did you mean vårdcentral?)"}},
		{"unknown kommun", map[string]string{"a.yaml": head + strings.Replace(one, "kommun: Umeå", "kommun: Umea", 1)}, []string{p + "5:13: \"Umea\" is not a Swedish kommun (did you mean Umeå?)"}},
		{"participation below the rule", map[string]string{"a.yaml": head + strings.Replace(one, "participation: 95", "participation: 85 %", 1)}, []string{p + "12:22: participation is 85 %, below the 90 % the programme requires (a unit is certified only when enough of the work group took part; check the number or remove the unit)"}},
		{"manager absent", map[string]string{"a.yaml": head + strings.Replace(one, "manager_took_part: true", "manager_took_part: false", 1)}, []string{p + "13:26: the nearest manager did not take part, which the programme requires (a unit is certified only when its manager took part)"}},
		{"url without scheme", map[string]string{"a.yaml": head + strings.Replace(one, "https://ett.example.se", "www.ett.example.se", 1)}, []string{p + "7:14: website \"www.ett.example.se\" is not a whole web address (start it with https://, like https://www.ett.example.se)"}},
		{"bad e-mail", map[string]string{"a.yaml": head + strings.Replace(one, "kim@example.se", "kim(at)example", 1)}, []string{p + "10:22: contact_email \"kim(at)example\" is not an e-mail address (write it like kim.exempelsson@example.se)"}},
		{"bad phone", map[string]string{"a.yaml": head + strings.Replace(one, "070-123 45 67", "+47 22 33 44 55", 1)}, []string{p + "11:22: contact_phone \"+47 22 33 44 55\" is not a Swedish phone number (write it like 070-123 45 67 or +46 70 123 45 67)"}},
		{"empty file", map[string]string{"a.yaml": ""}, []string{p + "1:1: the registry is empty (write organisation: and units:, or delete the file)"}},
		{"explicitly no units", map[string]string{"a.yaml": "organisation: Region Test\nunits: []\n"}, nil},
		{"id not a slug", map[string]string{"a.yaml": head + strings.Replace(one, "id: vc-ett", "id: VC Ett", 1)}, []string{p + "3:9: id \"VC Ett\" may hold only a–z, 0–9 and hyphens (write id: vc-ett)"}},
		{"former id clashes", map[string]string{"a.yaml": head + one + strings.Replace(strings.Replace(one, "vc-ett", "vc-tva", 1), "    certified:", "    former_ids: [vc-ett]\n    certified:", 1)}, []string{p + "19:17: former id vc-ett is already used in content/verksamheter/a.yaml:3 (every unit needs its own id; old ids must not be reused)"}},
		{"recertified out of order", map[string]string{"a.yaml": head + strings.Replace(one, "    internal:", "    recertified: [2023-05-01]\n    internal:", 1)}, []string{p + "9:18: recertified 2023-05-01 must come after 2024-01-10 (list the re-certifications oldest first, each after the certificate)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, have := load(t, tc.files)
			if d := cmp.Diff(tc.want, have); d != "" {
				t.Errorf("problems (-want +have):\n%s", d)
			}
		})
	}
}

func TestHostileTextRoundTrips(t *testing.T) {
	name := `Mottagningen <script>alert("x")</script> & "Co"`
	r, errs := load(t, map[string]string{"a.yaml": head + strings.Replace(one, "Vårdcentralen Ett", `'`+name+`'`, 1)})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if r.Units[0].Name != name {
		t.Errorf("name %q, want %q", r.Units[0].Name, name)
	}
}

func TestSwedishOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString(head)
	for i, n := range []string{"Ödeshög vc", "Åre vc", "Ängelholm vc", "Zeta vc", "Alfa vc"} {
		b.WriteString(strings.NewReplacer("vc-ett", fmt.Sprintf("u%d", i), "Vårdcentralen Ett", n).Replace(one))
	}
	r, errs := load(t, map[string]string{"a.yaml": b.String()})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var have []string
	for _, u := range r.Public() {
		have = append(have, u.Name)
	}
	if got, want := strings.Join(have, ", "), "Alfa vc, Zeta vc, Åre vc, Ängelholm vc, Ödeshög vc"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
}

func TestStatus(t *testing.T) {
	for _, tc := range []struct {
		certified string
		recert    string
		want      Status
	}{
		{"2024-01-10", "", Valid},
		{"2023-05-24", "", Valid},        // valid until 2027-05-24: more than 6 months left
		{"2023-05-23", "", ExpiringSoon}, // valid until 2027-05-23: exactly 6 months
		{"2022-11-23", "", ExpiringSoon}, // valid until today, inclusive
		{"2022-11-22", "", Expired},
		{"2021-01-10", "2025-01-10", Valid},
	} {
		src := strings.Replace(one, "2024-01-10", tc.certified, 1)
		if tc.recert != "" {
			src = strings.Replace(src, "    internal:", "    recertified: ["+tc.recert+"]\n    internal:", 1)
		}
		r, errs := load(t, map[string]string{"a.yaml": head + src})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if have := r.Status(r.Units[0]); have != tc.want {
			t.Errorf("certified %s, recertified %q: %s, want %s (valid until %s)", tc.certified, tc.recert, have, tc.want, r.Units[0].ValidUntil().Format("2006-01-02"))
		}
	}
}

func TestManyUnits(t *testing.T) {
	var b strings.Builder
	b.WriteString(head)
	for i := range 10000 {
		fmt.Fprintf(&b, "  - id: u-%d\n    name: Enhet %d\n    kommun: Umeå\n    kind: vårdcentral\n    certified: 2025-01-01\n", i, i)
	}
	r, errs := load(t, map[string]string{"a.yaml": b.String()})
	if len(errs) > 0 {
		t.Fatal(errs[:1])
	}
	if len(r.Public()) != 10000 {
		t.Errorf("%d public units, want 10000", len(r.Public()))
	}
}

// TestSampleRegistries loads the repository's registries as the site does.
func TestSampleRegistries(t *testing.T) {
	r, err := Load(os.DirFS("../.."), Dir, Options{Now: today})
	if err != nil {
		t.Fatalf("the sample registries have problems:\n%v", err)
	}
	if n := len(r.Units); n < 40 || n > 80 {
		t.Errorf("%d units, want 40–80", n)
	}
	soon := 0
	for _, u := range r.Public() {
		if r.Status(u) == ExpiringSoon {
			soon++
		}
	}
	if len(r.Expired()) < 2 || soon < 2 {
		t.Errorf("%d expired and %d expiring soon; want a few of each", len(r.Expired()), soon)
	}
	if len(r.Redirects()) == 0 {
		t.Error("no renamed unit with a former id")
	}
	if len(r.Orgs) < 2 {
		t.Errorf("%d organisations, want two or more", len(r.Orgs))
	}
}

func TestInternalNotExported(t *testing.T) {
	r, errs := load(t, map[string]string{"a.yaml": head + one})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if InternalOf(r.Units[0]).ContactEmail != "kim@example.se" {
		t.Error("the internal fields were not kept for checks")
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(head + one)
	f.Add("organisation: x\nunits:\n  - id: a\n    internal: {participation: 120}\n")
	f.Add("units: [1, 2]\n")
	f.Fuzz(func(t *testing.T, src string) {
		m := fstest.MapFS{Dir + "/a.yaml": &fstest.MapFile{Data: []byte(src)}}
		_, err := Load(m, Dir, Options{Now: today})
		for _, e := range diag.Errors(err) {
			if e.Path != Dir+"/a.yaml" || e.Line < 1 {
				t.Fatalf("problem without a position: %v", e)
			}
		}
	})
}
