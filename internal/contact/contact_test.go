package contact

import (
	"os"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"hbtq/internal/diag"
)

func book(t *testing.T, src string) (*Book, []string) {
	t.Helper()
	b, err := Load(fstest.MapFS{File: &fstest.MapFile{Data: []byte(src)}})
	var msgs []string
	for _, e := range diag.Errors(err) {
		msgs = append(msgs, e.Error())
	}
	return b, msgs
}

func TestLoad(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"ok", "contacts:\n  - {id: team, mailbox: Team, email: team@example.se, phone: 010-123 45 00}\n", nil},
		{"not a Swedish phone", "contacts:\n  - {id: kim, name: Kim, phone: +47 22 33 44 55}\n",
			[]string{File + ":2:33: phone: \"+47 22 33 44 55\" is not a Swedish number: it has another country code; Swedish numbers start with 0 or +46 (write a Swedish number like 010-123 45 00 or +46 10 123 45 00)"}},
		{"bad e-mail", "contacts:\n  - {id: kim, name: Kim, email: kim.example.se}\n",
			[]string{File + ":2:33: email \"kim.example.se\" is not an e-mail address (write it like hbtq.diplomering@region.example.se)"}},
		{"nameless", "contacts:\n  - {id: x, email: x@example.se}\n",
			[]string{File + ":2:5: the contact x has neither mailbox nor name (add mailbox: for a functional mailbox, or name: and role: for a person)"}},
		{"twice", "contacts:\n  - {id: x, name: X, email: x@example.se}\n  - {id: x, name: Y, email: y@example.se}\n",
			[]string{File + ":3:10: the contact x is already on line 2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, have := book(t, tc.src)
			if d := cmp.Diff(tc.want, have); d != "" {
				t.Errorf("(-want +have):\n%s", d)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	b, errs := book(t, "contacts:\n  - {id: hbtq-team, mailbox: Team, phone: +46 10 123 45 00}\n")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	cs, perrs := b.Resolve("content/a.md", 3, 11, []string{"hbtq-team", "hbtq-tema"})
	if len(cs) != 1 || cs[0].Tel != "+46101234500" || cs[0].Phone != "010-123\u00a045\u00a000" {
		t.Errorf("resolved %+v", cs)
	}
	if have, want := perrs.Error(), `content/a.md:3:11: there is no contact "hbtq-tema" in content/kontakter.yaml (did you mean hbtq-team?)`; have != want {
		t.Errorf("have %s\nwant %s", have, want)
	}
}

func TestSample(t *testing.T) {
	b, err := Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := b.Get("hbtq-team"); !ok {
		t.Error("the sample has no hbtq-team mailbox")
	}
}
