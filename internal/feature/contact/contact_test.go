package contact

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
)

func messages(err error) []string {
	var msgs []string
	for _, e := range diag.Errors(err) {
		msgs = append(msgs, e.Error())
	}
	return msgs
}

func book(t *testing.T, src string) (*Book, []string) {
	t.Helper()
	b, err := Load(fstest.MapFS{File: &fstest.MapFile{Data: []byte(src)}})
	return b, messages(err)
}

func TestLoad(t *testing.T) {
	const f = File + ":"
	const hintPhone = " (skriv ett svenskt nummer som 010-123 45 00 eller +46 10 123 45 00)"
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"mailbox", "contacts:\n  - {id: team, mailbox: Team, email: team@example.se, phone: 010-123 45 00}\n", nil},
		{"person", "contacts:\n  - {id: kim, name: Kim, role: Hälsoutvecklare, phone: +46 70 123 45 67}\n", nil},
		{"empty file", "", nil},
		{"comment only", "# inga kontakter än\n", nil},
		{"phone that cannot be Swedish", "contacts:\n  - id: kim\n    name: Kim\n    role: Chef\n    phone: +47 22 33 44 55\n",
			[]string{f + "5:12: phone: \"+47 22 33 44 55\" är inget svenskt nummer: det har en annan landskod; svenska nummer börjar med 0 eller +46" + hintPhone}},
		{"phone too short", "contacts:\n  - {id: kim, name: Kim, role: Chef, phone: 070-123 45}\n",
			[]string{f + "2:45: phone: \"070-123 45\" är inget svenskt nummer: ett mobilnummer har 10 siffror, som 070-123 45 67, och det här har 8" + hintPhone}},
		{"phone with letters", "contacts:\n  - {id: kim, name: Kim, role: Chef, phone: ring växeln}\n",
			[]string{f + "2:45: phone: \"ring växeln\" är inget telefonnummer: det har 'r' i sig; skriv bara siffror, mellanslag och bindestreck" + hintPhone}},
		{"bad e-mail", "contacts:\n  - {id: kim, name: Kim, role: Chef, email: kim.example.se}\n",
			[]string{f + "2:45: email \"kim.example.se\" är ingen e-postadress (skriv bara adressen, som hbtq.diplomering@region.example.se)"}},
		{"e-mail with a name", "contacts:\n  - {id: kim, name: Kim, role: Chef, email: \"Kim <kim@example.se>\"}\n",
			[]string{f + "2:45: email \"Kim <kim@example.se>\" är ingen e-postadress (skriv bara adressen, som hbtq.diplomering@region.example.se)"}},
		{"e-mail without a domain", "contacts:\n  - {id: kim, name: Kim, role: Chef, email: kim@localhost}\n",
			[]string{f + "2:45: email \"kim@localhost\" är ingen e-postadress (skriv bara adressen, som hbtq.diplomering@region.example.se)"}},
		{"nameless", "contacts:\n  - {id: x, email: x@example.se}\n",
			[]string{f + "2:5: kontakten x har varken mailbox eller name (lägg till mailbox: för en funktionsbrevlåda, eller name: och role: för en person)"}},
		{"both", "contacts:\n  - {id: x, mailbox: X, name: Kim, email: x@example.se}\n",
			[]string{f + "2:31: kontakten x har både mailbox och name (en kontakt är en funktionsbrevlåda eller en person; gör två kontakter)"}},
		{"person without a role", "contacts:\n  - {id: kim, name: Kim, email: kim@example.se}\n",
			[]string{f + "2:5: personen kim saknar role (lägg till role: …, som role: Hälsoutvecklare, så att besökarna vet vad de kan fråga om)"}},
		{"no way to reach", "contacts:\n  - {id: x, mailbox: X}\n",
			[]string{f + "2:5: kontakten x har varken email eller phone (lägg till email: eller phone:, eller båda)"}},
		{"twice", "contacts:\n  - {id: x, mailbox: X, email: x@example.se}\n  - {id: x, mailbox: Y, email: y@example.se}\n",
			[]string{f + "3:10: kontakten x står redan på rad 2 (ge varje kontakt ett eget id)"}},
		{"bad id", "contacts:\n  - {id: Hbtq Team, mailbox: X, email: x@example.se}\n",
			[]string{f + "2:10: id \"Hbtq Team\" får bara innehålla a–z, 0–9 och bindestreck (skriv id: hbtq-team)"}},
		{"no id", "contacts:\n  - {mailbox: X, email: x@example.se}\n",
			[]string{f + "2:5: id saknas (lägg till en rad som id: …)"}},
		{"unknown key", "contacts:\n  - {id: x, mailbox: X, emial: x@example.se}\n",
			[]string{f + "2:5: kontakten x har varken email eller phone (lägg till email: eller phone:, eller båda)", f + "2:25: okänd nyckel \"emial\" (menade du email?)"}},
		{"not a list", "contacts:\n  id: x\n",
			[]string{f + "2:3: contacts måste vara en lista, med varje punkt på en egen rad efter \"- \""}},
		{"no contacts key", "kontakter:\n  - {id: x}\n",
			[]string{f + "1:1: okänd nyckel \"kontakter\" (nycklar som finns: contacts)", f + "1:1: contacts saknas (lägg till en rad som contacts: …)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, have := book(t, tc.src)
			if d := cmp.Diff(tc.want, have); d != "" {
				t.Errorf("(-want +have):\n%s", d)
			}
		})
	}
}

func TestMissingFile(t *testing.T) {
	b, err := Load(fstest.MapFS{})
	if err != nil || len(b.List) != 0 {
		t.Fatalf("a site without %s: %v, %v", File, b.List, err)
	}
	_, errs := b.Resolve("content/a.md", 3, 11, []string{"hbtq-team"})
	if have, want := errs.Error(), `content/a.md:3:11: det finns ingen kontakt "hbtq-team" i content/kontakter.yaml (lägg till den i content/kontakter.yaml)`; have != want {
		t.Errorf("have %s\nwant %s", have, want)
	}
}

type brokenFS struct{}

func (brokenFS) Open(string) (fs.File, error) { return nil, errors.New("permission denied") }

func TestUnreadable(t *testing.T) {
	_, err := Load(brokenFS{})
	if have, want := messages(err), []string{"content/kontakter.yaml: filen går inte att läsa: permission denied"}; !cmp.Equal(have, want) {
		t.Errorf("have %q, want %q", have, want)
	}
}

func TestResolve(t *testing.T) {
	b, errs := book(t, `contacts:
  - {id: hbtq-team, mailbox: Team, phone: +46 10 123 45 00}
  - {id: kim-exempelsson, name: Kim, role: Hälsoutvecklare, email: kim@example.se}
  - {id: robin-testsson, name: Robin, role: Processledare, phone: 070-123 45 67}
`)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	cs, perrs := b.Resolve("content/a.md", 3, 11, []string{"robin-testsson", "hbtq-team", "hbtq-tema", "robin-testsson", "okänd"})
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	if want := []string{"robin-testsson", "hbtq-team"}; !cmp.Equal(ids, want) {
		t.Errorf("resolved %v, want %v", ids, want)
	}
	want := []string{
		`content/a.md:3:11: det finns ingen kontakt "hbtq-tema" i content/kontakter.yaml (menade du hbtq-team?)`,
		`content/a.md:3:11: det finns ingen kontakt "okänd" i content/kontakter.yaml (kontakter som finns: hbtq-team, kim-exempelsson, robin-testsson)`,
	}
	if d := cmp.Diff(want, messages(perrs)); d != "" {
		t.Errorf("(-want +have):\n%s", d)
	}
}

func TestShow(t *testing.T) {
	b, errs := book(t, `contacts:
  - {id: hbtq-team, mailbox: Team, phone: +46 10 123 45 00}
  - {id: kim, name: Kim Exempelsson, role: Hälsoutvecklare, phone: 0046 (0)70-123 45 67}
`)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	team, _ := b.Get("hbtq-team")
	kim, _ := b.Get("kim")
	if _, ok := b.Get("robin"); ok {
		t.Error("Get found a contact that is not there")
	}
	for _, tc := range []struct{ have, want string }{
		{team.Title(), "Team"},
		{team.Phone, "010-123\u00a045\u00a000"},
		{team.Tel, "+46101234500"},
		{team.PhoneText, "+46 10 123 45 00"},
		{kim.Title(), "Kim Exempelsson"},
		{kim.Phone, "070-123\u00a045\u00a067"},
		{kim.Tel, "+46701234567"},
	} {
		if tc.have != tc.want {
			t.Errorf("have %q, want %q", tc.have, tc.want)
		}
	}
}
