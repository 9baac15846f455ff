package seminar_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"hbtq/internal/content"
	. "hbtq/internal/seminar"
)

func parse(t *testing.T, front string) (*content.Page, []string) {
	t.Helper()
	p, errs := content.Parse("content/seminarier/s.md", []byte("---\ntitle: Seminarium\n"+front+"---\n"))
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	return p, msgs
}

func TestBadInput(t *testing.T) {
	const f = "content/seminarier/s.md:"
	for _, tc := range []struct {
		name, front string
		want        []string
	}{
		{"ok", "sessions:\n  - {date: 2026-08-31, start: \"10:00\", end: \"12:00\", online: true}\n", nil},
		{"end before start", "sessions:\n  - date: 2026-08-31\n    start: \"12:00\"\n    end: \"10:00\"\n    online: true\n",
			[]string{f + "6:10: the session ends at 10:00, before it starts at 12:00 (write the end time after the start time, on the same day)"}},
		{"25:00", "sessions:\n  - date: 2026-08-31\n    start: \"25:00\"\n    end: \"26:00\"\n    online: true\n",
			[]string{f + "5:12: start: \"25:00\" is not a time of day; write it like 13:30", f + "6:10: end: \"26:00\" is not a time of day; write it like 13:30"}},
		{"no such date", "sessions:\n  - {date: 2026-02-30, start: \"10:00\", end: \"12:00\", online: true}\n",
			[]string{f + "4:12: date: 2026-02-30 is not a date in the calendar (month 1–12, and the day must exist in that month)"}},
		{"no sessions", "sessions: []\n", []string{f + "3:11: a seminar needs at least one session (add one under sessions:, like - {date: 2026-08-31, start: \"10:00\", end: \"12:00\", online: true})"}},
		{"not https", "registration: http://example.se/anmalan\nsessions:\n  - {date: 2026-08-31, start: \"10:00\", end: \"12:00\", online: true}\n",
			[]string{f + "3:15: registration must be an https:// address, not \"http://example.se/anmalan\" (write the whole address of the registration page, starting with https://)"}},
		{"nowhere", "sessions:\n  - {date: 2026-08-31, start: \"10:00\", end: \"12:00\"}\n",
			[]string{f + "4:5: the session on 2026-08-31 is neither online nor at a place (add online: true or place: …)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, have := parse(t, tc.front)
			if d := cmp.Diff(tc.want, have); d != "" {
				t.Errorf("(-want +have):\n%s", d)
			}
		})
	}
}

func TestOccasionsAcrossDST(t *testing.T) {
	p, errs := parse(t, "sessions:\n  - {date: 2026-10-26, start: \"10.00\", end: \"12.00\", place: Umeå}\n  - {date: 2026-10-24, start: \"10:00\", end: \"12:00\", online: true}\n")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	o := p.Occasions
	if len(o) != 2 || !o[0].Start.Before(o[1].Start) {
		t.Fatalf("occasions %v, want two in order", o)
	}
	if o[0].Start.UTC().Hour() != 8 || o[1].Start.UTC().Hour() != 9 {
		t.Errorf("10.00 in Stockholm is %v and %v UTC, want 08 and 09 across the change to winter time", o[0].Start.UTC(), o[1].Start.UTC())
	}
	if have, want := o[0].Text(), "24 oktober 2026, kl. 10.00–12.00"; have != want {
		t.Errorf("Text %q, want %q", have, want)
	}
	if o[0].Where() != "Digitalt" || o[1].Where() != "Umeå" {
		t.Errorf("Where: %q, %q", o[0].Where(), o[1].Where())
	}
	now := time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC)
	if up := Upcoming(o, now); len(up) != 1 || up[0].Place != "Umeå" {
		t.Errorf("Upcoming on 25 October: %v", up)
	}
}
