package contact

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"hbtq/internal/diag"
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
	const hintPhone = " (write a Swedish number like 010-123 45 00 or +46 10 123 45 00)"
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"mailbox", "contacts:\n  - {id: team, mailbox: Team, email: team@example.se, phone: 010-123 45 00}\n", nil},
		{"person", "contacts:\n  - {id: kim, name: Kim, role: Hälsoutvecklare, phone: +46 70 123 45 67}\n", nil},
		{"empty file", "", nil},
		{"comment only", "# inga kontakter än\n", nil},
		{"phone that cannot be Swedish", "contacts:\n  - id: kim\n    name: Kim\n    role: Chef\n    phone: +47 22 33 44 55\n",
			[]string{f + "5:12: phone: \"+47 22 33 44 55\" is not a Swedish number: it has another country code; Swedish numbers start with 0 or +46" + hintPhone}},
		{"phone too short", "contacts:\n  - {id: kim, name: Kim, role: Chef, phone: 070-123 45}\n",
			[]string{f + "2:45: phone: \"070-123 45\" is not a Swedish number: a mobile number has 10 digits, like 070-123 45 67, and this has 8" + hintPhone}},
		{"phone with letters", "contacts:\n  - {id: kim, name: Kim, role: Chef, phone: ring växeln}\n",
			[]string{f + "2:45: phone: \"ring växeln\" is not a phone number: it has 'r' in it; write only digits, spaces and hyphens" + hintPhone}},
		{"bad e-mail", "contacts:\n  - {id: kim, name: Kim, role: Chef, email: kim.example.se}\n",
			[]string{f + "2:45: email \"kim.example.se\" is not an e-mail address (write only the address, like hbtq.diplomering@region.example.se)"}},
		{"e-mail with a name", "contacts:\n  - {id: kim, name: Kim, role: Chef, email: \"Kim <kim@example.se>\"}\n",
			[]string{f + "2:45: email \"Kim <kim@example.se>\" is not an e-mail address (write only the address, like hbtq.diplomering@region.example.se)"}},
		{"e-mail without a domain", "contacts:\n  - {id: kim, name: Kim, role: Chef, email: kim@localhost}\n",
			[]string{f + "2:45: email \"kim@localhost\" is not an e-mail address (write only the address, like hbtq.diplomering@region.example.se)"}},
		{"nameless", "contacts:\n  - {id: x, email: x@example.se}\n",
			[]string{f + "2:5: the contact x has neither mailbox nor name (add mailbox: for a functional mailbox, or name: and role: for a person)"}},
		{"both", "contacts:\n  - {id: x, mailbox: X, name: Kim, email: x@example.se}\n",
			[]string{f + "2:31: the contact x has both mailbox and name (a contact is a functional mailbox or a person; make two contacts)"}},
		{"person without a role", "contacts:\n  - {id: kim, name: Kim, email: kim@example.se}\n",
			[]string{f + "2:5: the person kim has no role (add role: …, like role: Hälsoutvecklare, so visitors know what to ask about)"}},
		{"no way to reach", "contacts:\n  - {id: x, mailbox: X}\n",
			[]string{f + "2:5: the contact x has neither email nor phone (add email: or phone:, or both)"}},
		{"twice", "contacts:\n  - {id: x, mailbox: X, email: x@example.se}\n  - {id: x, mailbox: Y, email: y@example.se}\n",
			[]string{f + "3:10: the contact x is already on line 2 (give each contact its own id)"}},
		{"bad id", "contacts:\n  - {id: Hbtq Team, mailbox: X, email: x@example.se}\n",
			[]string{f + "2:10: id \"Hbtq Team\" may hold only a–z, 0–9 and hyphens (write id: hbtq-team)"}},
		{"no id", "contacts:\n  - {mailbox: X, email: x@example.se}\n",
			[]string{f + "2:5: id saknas (lägg till en rad som id: …)"}},
		{"unknown key", "contacts:\n  - {id: x, mailbox: X, emial: x@example.se}\n",
			[]string{f + "2:5: the contact x has neither email nor phone (add email: or phone:, or both)", f + "2:25: okänd nyckel \"emial\" (menade du email?)"}},
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
	if have, want := errs.Error(), `content/a.md:3:11: there is no contact "hbtq-team" in content/kontakter.yaml (add it to content/kontakter.yaml)`; have != want {
		t.Errorf("have %s\nwant %s", have, want)
	}
}

type brokenFS struct{}

func (brokenFS) Open(string) (fs.File, error) { return nil, errors.New("permission denied") }

func TestUnreadable(t *testing.T) {
	_, err := Load(brokenFS{})
	if have, want := messages(err), []string{"content/kontakter.yaml: the file cannot be read: permission denied"}; !cmp.Equal(have, want) {
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
		`content/a.md:3:11: there is no contact "hbtq-tema" in content/kontakter.yaml (menade du hbtq-team?)`,
		`content/a.md:3:11: there is no contact "okänd" in content/kontakter.yaml (known contacts: hbtq-team, kim-exempelsson, robin-testsson)`,
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
