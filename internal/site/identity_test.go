package site_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestSessionKeepsIdentity: a session with an id keeps its calendar file's
// address and its UID when it is moved to another day, re-timed and
// cancelled, and each change, committed on a later day, gives a higher
// SEQUENCE (RFC 5545: the same UID with a new DTSTART, DTSTAMP and
// SEQUENCE is the same event, changed). A session without an id keeps
// today's date-based address and UID, the build notes what to write, and
// writing that id changes nothing in its calendar file.
func TestSessionKeepsIdentity(t *testing.T) {
	const page = "content/seminarier/traffar.md"
	const ics = "seminarier/traffar/traff-1.ics"
	const uid = "UID:traff-1-seminarier-traffar@hbtq.test.example.se\r\n"
	s := sitetest.Load(t, "testdata/identity/moved.txtar")
	day := func(d int) map[string]time.Time {
		return map[string]time.Time{page: time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC)}
	}
	seqRE := regexp.MustCompile(`SEQUENCE:(\d+)\r\n`)
	seq := func(cal string) int {
		m := seqRE.FindStringSubmatch(cal)
		if m == nil {
			t.Fatalf("no SEQUENCE in\n%s", cal)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}

	s.History = day(1)
	o := s.Build(t)
	o.Contains(ics, uid, "DTSTART;TZID=Europe/Stockholm:20270126T100000")
	o.Check("seminarier/traffar/index.html", sitetest.In(`main li.session a[href="/seminarier/traffar/traff-1.ics"][download]`))
	first := seq(o.Read(ics))
	noID := o.Read("seminarier/traffar/20270302-1300.ics")
	if !strings.Contains(noID, "UID:20270302T1300-seminarier-traffar@hbtq.test.example.se\r\n") {
		t.Errorf("the session without id lost its date-based UID:\n%s", noID)
	}
	var notes []string
	for _, n := range o.Stats.Notes {
		notes = append(notes, n.String())
	}
	wantNote := `tillfället tis 2 mars 2027 kl. 13.00–15.00 i "Träffar" har inget id, så det får en ny kalenderadress om det flyttas; skriv id: 20270302-1300 på tillfället — content/seminarier/traffar.md:9`
	if len(notes) != 1 || notes[0] != wantNote {
		t.Errorf("notes:\n%s\nwant\n%s", strings.Join(notes, "\n"), wantNote)
	}

	// Moved a week and re-timed, committed later.
	s.Edit(t, page, "date: 2027-01-26\n    start: \"10:00\"\n    end: \"12:00\"", "date: 2027-02-02\n    start: \"13:30\"\n    end: \"15:30\"")
	s.History = day(10)
	o = s.Build(t)
	o.Contains(ics, uid, "DTSTART;TZID=Europe/Stockholm:20270202T133000", "DTEND;TZID=Europe/Stockholm:20270202T153000", "! 20270126")
	if !o.Has(ics) || o.Has("seminarier/traffar/20270202-1330.ics") {
		t.Error("the moved session's calendar file changed its address")
	}
	moved := seq(o.Read(ics))
	if moved <= first {
		t.Errorf("SEQUENCE %d after the move, want more than %d", moved, first)
	}
	o.Contains("seminarier/traffar/kalender.ics", uid)

	// Cancelled, committed later still.
	s.Edit(t, page, "    end: \"15:30\"\n    online: true", "    end: \"15:30\"\n    online: true\n    cancelled: true")
	s.History = day(20)
	o = s.Build(t)
	o.Contains(ics, uid, "STATUS:CANCELLED", "DTSTART;TZID=Europe/Stockholm:20270202T133000")
	if c := seq(o.Read(ics)); c <= moved {
		t.Errorf("SEQUENCE %d after cancelling, want more than %d", c, moved)
	}

	// Writing the id the note proposes keeps the file as it was.
	s.Edit(t, page, "  - date: 2027-03-02", "  - id: 20270302-1300\n    date: 2027-03-02")
	o = s.Build(t)
	if have := o.Read("seminarier/traffar/20270302-1300.ics"); have != strings.Replace(noID, "SEQUENCE:"+strconv.Itoa(first), "SEQUENCE:"+strconv.Itoa(seq(have)), 1) {
		t.Errorf("writing the proposed id changed the calendar file:\n%s\nwas\n%s", have, noID)
	}
	if len(o.Stats.Notes) != 0 {
		t.Errorf("notes after every session has an id: %v", o.Stats.Notes)
	}
}
