package registry

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// unitYAMLText returns a valid unit entry with the given id, name and
// certificate date, and extra lines (indented like the unit's keys).
func unitYAMLText(id, name, certified string, extra ...string) string {
	s := fmt.Sprintf("  - id: %s\n    name: %q\n    kommun: Umeå\n    kind: vårdcentral\n    certified: %s\n", id, name, certified)
	for _, e := range extra {
		s += "    " + e + "\n"
	}
	return s
}

// loadUnits loads one registry file "organisation: Region Test" with the
// given rules lines and units.
func loadUnits(t *testing.T, rules string, units ...string) *Registry {
	t.Helper()
	src := "organisation: Region Test\n" + rules + "units:\n" + strings.Join(units, "")
	r, err := Load(fstest.MapFS{Dir + "/a.yaml": {Data: []byte(src)}}, Dir, Options{Kinds: ThemeKinds, Now: swedish.DayOf(today), Rules: jonkoping})
	if err != nil {
		t.Fatalf("problems:\n%v\nin:\n%s", err, src)
	}
	return r
}

func names(us []*Unit) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.Name)
	}
	return out
}

func TestHostileTextRoundTrips(t *testing.T) {
	name := `Mottagningen <script>alert("x")</script> & "Co" </SCRIPT >`
	r := loadUnits(t, "", unitYAMLText("vc-ett", name, "2024-01-10", `address: "</script><img src=x onerror=alert(1)>"`, `former_names: ["<!-- -->", "</script>"]`))
	u := r.Units[0]
	have := []string{u.Name, u.Address, u.FormerNames[0], u.FormerNames[1]}
	want := []string{name, "</script><img src=x onerror=alert(1)>", "<!-- -->", "</script>"}
	if d := cmp.Diff(want, have); d != "" {
		t.Errorf("text changed on the way in (-want +have):\n%s", d)
	}
}

func TestSwedishOrder(t *testing.T) {
	var units []string
	for i, n := range []string{"Ödeshög vc", "Åre vc", "Ängelholm vc", "Zeta vc", "Alfa vc", "alfa vc", "Ystad vc", "Västerås vc", "Wilma vc", "Överkalix vc", "Ørsta vc", "Ærø vc"} {
		units = append(units, unitYAMLText(fmt.Sprintf("u%d", i), n, "2024-01-10"))
	}
	r := loadUnits(t, "", units...)
	want := []string{"alfa vc", "Alfa vc", "Västerås vc", "Wilma vc", "Ystad vc", "Zeta vc", "Åre vc", "Ängelholm vc", "Ærø vc", "Ödeshög vc", "Ørsta vc", "Överkalix vc"}
	if d := cmp.Diff(want, names(r.Public())); d != "" {
		t.Errorf("order of Public (-want +have):\n%s", d)
	}
	for _, tc := range []struct{ a, b string }{{"Zeta", "Åre"}, {"Åre", "Ängelholm"}, {"Ängelholm", "Ödeshög"}, {"alfa", "Alfa"}, {"Umeå", "Umeå C"}} {
		if swedish.Compare(tc.a, tc.b) >= 0 || swedish.Compare(tc.b, tc.a) <= 0 {
			t.Errorf("Compare(%q, %q) = %d, want %q first", tc.a, tc.b, swedish.Compare(tc.a, tc.b), tc.a)
		}
	}
	if swedish.Compare("Åre", "Åre") != 0 {
		t.Error("Compare of equal names is not 0")
	}
}

func TestStatus(t *testing.T) {
	for _, tc := range []struct {
		certified, recertified, now string
		validYears                  int
		want                        Status
		until                       string
	}{
		{"2024-01-10", "", "2026-11-23", 4, Valid, "2028-01-10"},
		{"2023-05-24", "", "2026-11-23", 4, Valid, "2027-05-24"},        // six months and a day left
		{"2023-05-23", "", "2026-11-23", 4, ExpiringSoon, "2027-05-23"}, // exactly six months left
		{"2022-11-23", "", "2026-11-23", 4, ExpiringSoon, "2026-11-23"}, // the last valid day
		{"2022-11-22", "", "2026-11-23", 4, Expired, "2026-11-22"},      // the first day after
		{"2021-01-10", "2025-01-10", "2026-11-23", 4, Valid, "2029-01-10"},
		{"2016-01-10", "2020-01-09, 2022-06-01", "2026-11-23", 4, Expired, "2026-06-01"}, // the latest date counts
		{"2020-02-29", "", "2023-03-01", 3, Expired, "2023-02-28"},                       // no 29 February in 2023
		{"2024-02-29", "", "2026-08-27", 3, Valid, "2027-02-28"},
		{"2023-02-28", "", "2026-08-31", 4, ExpiringSoon, "2027-02-28"}, // 31 August + 6 months is 28 February
		{"2023-03-01", "", "2026-08-31", 4, Valid, "2027-03-01"},
		{"2022-11-23", "", "2026-11-23T23:59:00+01:00", 4, ExpiringSoon, "2026-11-23"}, // the time of day does not count
	} {
		name := fmt.Sprintf("certified %s recertified %q now %s", tc.certified, tc.recertified, tc.now)
		t.Run(name, func(t *testing.T) {
			extra := []string{}
			if tc.recertified != "" {
				extra = append(extra, "recertified: ["+tc.recertified+"]")
			}
			r := loadUnits(t, fmt.Sprintf("rules:\n  validity_years: %d\n", tc.validYears), unitYAMLText("u", "U", tc.certified, extra...))
			now, err := time.Parse(time.RFC3339, tc.now)
			if err != nil {
				now, _ = time.Parse(time.DateOnly, tc.now)
			}
			u := r.Units[0]
			if have := u.ValidUntil().Format(time.DateOnly); have != tc.until {
				t.Errorf("ValidUntil %s, want %s", have, tc.until)
			}
			if have := u.Status(now); have != tc.want {
				t.Errorf("Status %s, want %s", have, tc.want)
			}
		})
	}
}

func TestStatusWords(t *testing.T) {
	have := []string{Valid.String(), ExpiringSoon.String(), Expired.String()}
	if d := cmp.Diff([]string{"giltig", "går snart ut", "utgången"}, have); d != "" {
		t.Error(d)
	}
}

func TestSoonWindow(t *testing.T) {
	src := "organisation: R\nunits:\n" + unitYAMLText("u", "U", "2023-02-23") // valid until 2027-02-23: three months left
	fsys := fstest.MapFS{Dir + "/a.yaml": {Data: []byte(src)}}
	for window, want := range map[int]Status{0: ExpiringSoon, 2: Valid, 3: ExpiringSoon, -1: Valid} {
		r, err := Load(fsys, Dir, Options{Kinds: ThemeKinds, Now: swedish.DayOf(today), SoonWindow: window, Rules: jonkoping})
		if err != nil {
			t.Fatal(err)
		}
		if have := r.Status(r.Units[0]); have != want {
			t.Errorf("SoonWindow %d: %s, want %s", window, have, want)
		}
	}
}

func TestQueries(t *testing.T) {
	files := fstest.MapFS{
		Dir + "/a.yaml": {Data: []byte("organisation: Region Öst\nunits:\n" +
			unitYAMLText("vc-ett", "Vårdcentralen Ett", "2024-01-10", "former_ids: [hc-ett, gamla-ett]") +
			unitYAMLText("vc-tva", "Vårdcentralen Två", "2020-01-10", "former_ids: [hc-tva]") + // expired
			"  - {id: um-tre, name: Ungdomsmottagningen Tre, kommun: Åre, kind: ungdomsmottagning, certified: 2023-01-10}\n")},
		Dir + "/b.yaml": {Data: []byte("organisation: Region Ava\nunits:\n" +
			"  - {id: tv-fyra, name: Tandvården Fyra, kommun: Vännäs, kind: tandvård, certified: 2025-01-10}\n" +
			"  - {id: tv-fem, name: Tandvården Fem, kommun: Ale, kind: tandvård, certified: 2025-01-10}\n")},
	}
	r, err := Load(files, Dir, Options{Kinds: ThemeKinds, Now: swedish.DayOf(today), Rules: jonkoping})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"Tandvården Fem", "Tandvården Fyra", "Ungdomsmottagningen Tre", "Vårdcentralen Ett"}, names(r.Public())); d != "" {
		t.Errorf("Public (-want +have):\n%s", d)
	}
	if d := cmp.Diff([]string{"Vårdcentralen Två"}, names(r.Expired())); d != "" {
		t.Errorf("Expired (-want +have):\n%s", d)
	}
	want := []Redirect{{"gamla-ett", "vc-ett", Dir + "/a.yaml"}, {"hc-ett", "vc-ett", Dir + "/a.yaml"}}
	if d := cmp.Diff(want, r.Redirects()); d != "" {
		t.Errorf("Redirects (-want +have):\n%s", d)
	}
	if len(r.Organisations) != 2 || r.Organisations[0].Name != "Region Öst" || r.Units[0].Org != r.Organisations[0] {
		t.Errorf("Organisations %v: want Region Öst, then Region Ava, each unit pointing at its own", r.Organisations)
	}
	if u := r.Units[0]; u.Path != Dir+"/a.yaml" || u.Line != 3 {
		t.Errorf("the first unit is at %s:%d, want %s/a.yaml:3", u.Path, u.Line, Dir)
	}
}

func TestRulesDefaults(t *testing.T) {
	r := loadUnits(t, "", unitYAMLText("u", "U", "2024-01-10"))
	if have, want := r.Organisations[0].Rules, jonkoping; have != want {
		t.Errorf("rules %+v, want the site's %+v", have, want)
	}
	r = loadUnits(t, "rules:\n  validity_years: 3\n  min_participation: 92,5 %\n  manager_required: false\n", unitYAMLText("u", "U", "2024-01-10"))
	if have, want := r.Organisations[0].Rules, (Rules{ValidityYears: 3, MinParticipation: 92.5, ManagerRequired: false}); have != want {
		t.Errorf("rules %+v, want %+v", have, want)
	}
}

// TestNoRules: a region that states no rules gets certificates with no end
// date, which never expire, and participation and manager are not checked.
func TestNoRules(t *testing.T) {
	src := "organisation: Region Test\nunits:\n" + unitYAMLText("u", "U", "2010-01-10",
		"internal:", "  participation: 40", "  manager_took_part: false")
	r, err := Load(fstest.MapFS{Dir + "/a.yaml": {Data: []byte(src)}}, Dir, Options{Kinds: ThemeKinds, Now: swedish.DayOf(today)})
	if err != nil {
		t.Fatal(err)
	}
	if have := r.Organisations[0].Rules; have != (Rules{}) {
		t.Errorf("rules %+v, want none", have)
	}
	u := r.Units[0]
	if !u.ValidUntil().IsZero() || u.Status(today) != Valid || len(r.Expired()) != 0 {
		t.Errorf("valid until %v, status %v; want no end date and valid", u.ValidUntil(), u.Status(today))
	}
}

func TestKinds(t *testing.T) {
	src := "organisation: R\nunits:\n  - {id: a, name: A, kommun: Umeå, kind: Skolhälsa, certified: 2024-01-10}\n  - {id: b, name: B, kommun: Umeå, kind: vårdcentral, certified: 2024-01-10}\n"
	_, err := Load(fstest.MapFS{Dir + "/a.yaml": {Data: []byte(src)}}, Dir, Options{Now: swedish.DayOf(today), Rules: jonkoping, Kinds: []string{"skolhälsa", "öppenvård"}})
	want := `content/verksamheter/a.yaml:4:42: "vårdcentral" är ingen av webbplatsens typer av vård (skriv en av: skolhälsa, öppenvård)` + "\n"
	if have := messages(err); have != want {
		t.Errorf("with the site's own kinds:\n%s\nwant\n%s", have, want)
	}
}

func TestKommuner(t *testing.T) {
	if len(Kommuner) != 290 {
		t.Errorf("%d kommuner, want 290", len(Kommuner))
	}
	seen := map[string]bool{}
	for i, k := range Kommuner {
		if seen[k] {
			t.Errorf("%s twice", k)
		}
		seen[k] = true
		if i > 0 && swedish.Compare(Kommuner[i-1], k) >= 0 {
			t.Errorf("kommuner.txt is not in Swedish order at %s, %s", Kommuner[i-1], k)
		}
	}
	for _, k := range []string{"Umeå", "Skellefteå", "Lycksele", "Vilhelmina", "Vännäs", "Robertsfors", "Nordmaling", "Jönköping", "Värnamo", "Nässjö", "Vetlanda", "Gislaved", "Tranås", "Eksjö", "Upplands Väsby", "Malung-Sälen", "Gotland"} {
		if !seen[k] {
			t.Errorf("%s is missing", k)
		}
	}
}

// TestManyUnits loads 10 000 units in one file.
func TestManyUnits(t *testing.T) {
	var b strings.Builder
	b.WriteString("organisation: Region Stor\nunits:\n")
	kommuner := []string{"Umeå", "Skellefteå", "Jönköping", "Åre", "Östersund"}
	for i := range 10000 {
		fmt.Fprintf(&b, "  - id: enhet-%d\n    name: Enhet %d\n    kommun: %s\n    kind: %s\n    certified: 20%02d-01-%02d\n    internal:\n      participation: 95\n      manager_took_part: true\n",
			i, i, kommuner[i%len(kommuner)], ThemeKinds[i%len(ThemeKinds)], 19+i%8, 1+i%28)
	}
	start := time.Now()
	r, err := Load(fstest.MapFS{Dir + "/stor.yaml": {Data: []byte(b.String())}}, Dir, Options{Kinds: ThemeKinds, Now: swedish.DayOf(today), Rules: jonkoping})
	if err != nil {
		t.Fatal(messages(err)[:200])
	}
	pub, exp := r.Public(), r.Expired()
	if len(r.Units) != 10000 || len(pub)+len(exp) != 10000 || len(pub) == 0 || len(exp) == 0 {
		t.Errorf("%d units, %d public and %d expired; want 10 000 of both kinds", len(r.Units), len(pub), len(exp))
	}
	kommunSet, kinds := map[string]bool{}, map[string]bool{}
	for _, u := range pub {
		kommunSet[u.Kommun], kinds[u.Kind] = true, true
	}
	if len(kommunSet) != 5 || len(kinds) != len(ThemeKinds) {
		t.Errorf("%d kommuner and %d kinds, want 5 and %d", len(kommunSet), len(kinds), len(ThemeKinds))
	}
	t.Logf("10 000 units loaded and sorted in %v", time.Since(start))
}

// TestInternalIsPrivate puts a sentinel in every internal field and looks
// for it everywhere a template or a printout could reach.
func TestInternalIsPrivate(t *testing.T) {
	const sentinel = "x7q-hemlig"
	r := loadUnits(t, "", unitYAMLText("vc-ett", "Vårdcentralen Ett", "2024-01-10",
		"internal:",
		"  contact: Kim "+sentinel,
		"  contact_email: "+sentinel+"@example.se",
		"  contact_phone: 070-987 65 43",
		"  group_size: 777",
		"  participation: 99.25",
		"  manager_took_part: true",
		"  notes: Ring "+sentinel,
	))
	u := r.Units[0]
	in := InternalOf(u)
	if in.Contact != "Kim "+sentinel || in.ContactEmail != sentinel+"@example.se" || in.ContactPhone != "070-987 65 43" ||
		in.GroupSize != 777 || *in.Participation != 99.25 || !*in.ManagerTookPart || in.Notes != "Ring "+sentinel {
		t.Errorf("InternalOf: %+v; the internal fields were not kept for checks", in)
	}
	leaks := func(where, s string) {
		t.Helper()
		for _, secret := range []string{sentinel, "987 65 43", "777", "99.25", "99,25"} {
			if strings.Contains(s, secret) {
				t.Errorf("%s shows %q: %s", where, secret, s)
			}
		}
	}
	// What printing shows.
	leaks("fmt", fmt.Sprintf("%v %+v %#v %v %+v %#v", u, u, u, *u, *u, *u))
	// What encoding/json shows.
	j, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	leaks("json", string(j))
	// What a template reaches: every exported field and method without
	// arguments, recursively.
	leaks("exported fields and methods", reachable(reflect.ValueOf(u), 0))
	// What a template that asks for it gets.
	for _, src := range []string{"{{.}}", "{{printf \"%#v\" .}}", "{{.internal}}", "{{.internal.Notes}}", "{{.Internal}}", "{{.Org}}"} {
		var b strings.Builder
		err := template.Must(template.New("").Parse(src)).Execute(&b, u)
		leaks(src, b.String())
		if strings.Contains(src, "nternal") && err == nil {
			t.Errorf("%s: executed without an error", src)
		}
	}
}

// reachable prints every value reachable from v through exported fields,
// elements and methods without arguments.
func reachable(v reflect.Value, depth int) string {
	if depth > 4 || !v.IsValid() {
		return ""
	}
	var b strings.Builder
	if v.CanInterface() {
		for i := range v.NumMethod() {
			m := v.Method(i)
			if m.Type().NumIn() == 0 && m.Type().NumOut() >= 1 {
				b.WriteString(reachable(m.Call(nil)[0], depth+1))
			}
		}
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			b.WriteString(reachable(v.Elem(), depth+1))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				b.WriteString(reachable(v.Field(i), depth+1))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			b.WriteString(reachable(v.Index(i), depth+1))
		}
	default:
		if v.CanInterface() {
			fmt.Fprintf(&b, "%v\n", v.Interface())
		}
	}
	return b.String()
}

func FuzzLoad(f *testing.F) {
	for _, src := range []string{
		"organisation: R\nunits:\n" + unitYAMLText("a", "A", "2024-01-10", "recertified: [2025-01-01]", "former_ids: [b]", "internal: {participation: 95 %, group_size: 3}"),
		"organisation: x\nunits:\n  - id: a\n    internal: {participation: 120}\n",
		"units: [1, 2]\n",
		"- a\n- b\n",
		"",
		"organisation: R\nunits:\n  - id: [\n",
		"organisation: R\nunits:\n  - {id: a, former_ids: [a, a, A], recertified: [x, [y]], certified: 2099-01-01}\n",
		"organisation: R\nunits:\n  - {id: a, name: A, kommun: Umeå, kind: vårdcentral, started: 2026-01-01, progress: Halvvägs}\n  - {id: b, name: B, kommun: Umeå, kind: vårdcentral, started: 2099-01-01, recertified: [2020-01-01], progress: ''}\n",
	} {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{Dir + "/a.yaml": {Data: src}}
		r, err := Load(fsys, Dir, Options{Kinds: ThemeKinds, Now: swedish.DayOf(today), Rules: jonkoping})
		for _, e := range diag.Errors(err) {
			if e.Path != Dir+"/a.yaml" || e.Line < 1 || e.Msg.IsZero() {
				t.Fatalf("a problem without a place or a message: %q", e.Error())
			}
		}
		for _, u := range r.Units {
			if u.ID == "" || u.Name == "" || u.Certified.IsZero() || u.Certified.After(today) {
				t.Fatalf("a unit with problems was kept: %+v", u)
			}
			u.Status(today)
		}
		for _, u := range r.InProgress {
			if !u.InProgress() || u.Started.After(today) {
				t.Fatalf("a unit in progress with problems was kept: %+v", u)
			}
		}
		r.Public()
		r.Redirects()
		r.Started()
	})
}

// TestInProgress: a unit with started: and no certified: is under
// certification: in InProgress with its public progress, never among the
// units that lists of certified units read (Units, Public, Expired,
// Redirects), and not held to the rules' minimums yet; a unit with both
// dates is certified.
func TestInProgress(t *testing.T) {
	pagar := "  - id: vc-pagar\n    name: Vårdcentralen Pågår\n    kommun: Umeå\n    kind: vårdcentral\n" +
		"    started: 2026-09-01\n    progress: Har gått den första halvdagen.\n    former_ids: [vc-gammal]\n" +
		"    internal:\n      participation: 40\n      manager_took_part: false\n"
	r := loadUnits(t, "rules:\n  validity_years: 4\n  min_participation: 90\n  manager_required: true\n",
		pagar, unitYAMLText("vc-klar", "Vårdcentralen Klar", "2024-03-01", "started: 2024-01-10",
			"internal:", "  participation: 95", "  manager_took_part: true"))
	if d := cmp.Diff([]string{"Vårdcentralen Pågår"}, names(r.Started())); d != "" {
		t.Errorf("Started (-want +have):\n%s", d)
	}
	u := r.InProgress[0]
	if !u.InProgress() || u.Progress != "Har gått den första halvdagen." || !u.Started.Equal(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)) || !u.Certified.IsZero() {
		t.Errorf("the unit in progress: %+v", u)
	}
	if LackingOf(u) != nil {
		t.Errorf("a unit in progress lacks nothing yet: %+v", LackingOf(u))
	}
	for what, us := range map[string][]*Unit{"Units": r.Units, "Public": r.Public(), "Expired": r.Expired()} {
		for _, x := range us {
			if x.ID == "vc-pagar" {
				t.Errorf("%s has the unit in progress", what)
			}
		}
	}
	if d := cmp.Diff([]string{"Vårdcentralen Klar"}, names(r.Public())); d != "" {
		t.Errorf("Public (-want +have):\n%s", d)
	}
	if len(r.Redirects()) != 0 {
		t.Errorf("Redirects has the former id of a unit in progress: %v", r.Redirects())
	}
	if k := r.Units[0]; k.InProgress() || !k.Started.Equal(time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the certified unit with started: %+v", k)
	}
}
