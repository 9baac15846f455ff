package seminar

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Notes: what a good build tells the programme team after its summary.
var (
	// NoteSessionNoID: an upcoming session without id: keeps its calendar
	// address only as long as its date and start stay; the note says what
	// to write so that it keeps them when it is moved.
	NoteSessionNoID = msg.Def("note.session-no-id",
		"tillfället %s i %q har inget id, så det får en ny kalenderadress om det flyttas; skriv id: %s på tillfället — %s:%d",
		"the session on %s of %q has no id, so it gets a new calendar address if it is moved; write id: %s on the session — %s:%d")
	NoteSeminarPast = msg.Def("note.seminar-past",
		"seminariet %q har inga kommande tillfällen; %v — %s:%d",
		"the seminar %q has no upcoming sessions; %v — %s:%d")
	NoteSeminarAddDates = msg.Def("note.seminar-add-dates",
		"lägg till nya datum, eller skriv i next_dates: när nya datum kommer",
		"add new dates, or write in next_dates: when new dates come")
	NoteSeminarShows = msg.Def("note.seminar-shows",
		"sidan visar %q",
		"the page shows %q")
)

// Messages of seminars: the seminar keys of a page's front matter
// (package seminar).
var (
	SemTime = msg.Def("seminar.time",
		"%q är ingen tid på dagen; skriv den som 13:30",
		"%q is not a time of day; write it like 13:30")
	SemRegistrationNoSessions = msg.Def("seminar.registration-no-sessions",
		"registration finns men sidan har inga tillfällen",
		"registration is given but the page has no sessions")
	HintSemRegistrationNoSessions = msg.Def("seminar.hint.registration-no-sessions",
		"lägg till sessions:, eller ta bort registration:",
		"add sessions:, or remove registration:")
	SemNextDatesNoSessions = msg.Def("seminar.next-dates-no-sessions",
		"next_dates finns men sidan har inga tillfällen",
		"next_dates is given but the page has no sessions")
	HintSemNextDatesNoSessions = msg.Def("seminar.hint.next-dates-no-sessions",
		"lägg till sessions: eller by_agreement: true, eller ta bort next_dates:",
		"add sessions: or by_agreement: true, or remove next_dates:")
	SemNoSessions = msg.Def("seminar.no-sessions",
		"ett seminarium behöver minst ett tillfälle",
		"a seminar needs at least one session")
	HintSemNoSessions = msg.Def("seminar.hint.no-sessions",
		`lägg till ett under sessions:, som - {date: 2026-08-31, start: "10:00", end: "12:00", online: true}, eller skriv by_agreement: true när datum bestäms med varje grupp`,
		`add one under sessions:, like - {date: 2026-08-31, start: "10:00", end: "12:00", online: true}, or write by_agreement: true when dates are agreed with each group`)
	SemRegistrationHTTPS = msg.Def("seminar.registration-https",
		"registration måste vara en https://-adress, inte %q",
		"registration must be an https:// address, not %q")
	HintSemRegistrationHTTPS = msg.Def("seminar.hint.registration-https",
		"skriv hela adressen till anmälningssidan, med början https://",
		"write the whole address of the registration page, starting with https://")
	SemNoPlace = msg.Def("seminar.no-place",
		"tillfället %s är varken online eller på en plats",
		"the session on %s is neither online nor at a place")
	HintSemNoPlace = msg.Def("seminar.hint.no-place",
		"lägg till online: true eller place: …",
		"add online: true or place: …")
	SemFullAndCancelled = msg.Def("seminar.full-and-cancelled",
		"tillfället %s kan inte vara både fullbokat (full) och inställt (cancelled)",
		"the session on %s cannot be both full and cancelled")
	HintSemFullAndCancelled = msg.Def("seminar.hint.full-and-cancelled",
		"ta bort full: när tillfället är inställt",
		"remove full: when the session is cancelled")
	SemNoSuchTime = msg.Def("seminar.no-such-time",
		"klockan %02d:%02d finns inte den %s i Sverige: klockan ställs fram från 02:00 till 03:00 den natten",
		"there is no %02d:%02d on %s in Sweden: the clocks go forward from 02:00 to 03:00 that night")
	HintSemNoSuchTime = msg.Def("seminar.hint.no-such-time",
		"skriv en tid före 02:00 eller från 03:00",
		"write a time before 02:00 or from 03:00")
	SemStartsAndEnds = msg.Def("seminar.starts-and-ends",
		"tillfället börjar och slutar %s",
		"the session starts and ends at %s")
	SemEndsBeforeStart = msg.Def("seminar.ends-before-start",
		"tillfället slutar %s, innan det börjar %s",
		"the session ends at %s, before it starts at %s")
	HintSemEndAfterStart = msg.Def("seminar.hint.end-after-start",
		"skriv en sluttid efter starttiden, samma dag",
		"write the end time after the start time, on the same day")
	SemSessionTwice = msg.Def("seminar.session-twice",
		"tillfället %s klockan %02d:%02d står redan på rad %d",
		"the session on %s at %02d:%02d is already on line %d")
	HintSemSessionTwice = msg.Def("seminar.hint.session-twice",
		"ta bort ett av dem, eller ändra datum eller tid",
		"remove one of them, or change its date or time")
	// SemSessionIDChars: a session's id: is not written like an address part.
	SemSessionIDChars = msg.Def("seminar.session-id-chars",
		"id %q får bara ha små bokstäver a–z, siffror och bindestreck",
		"id %q may only have lowercase letters a–z, digits and hyphens")
	HintSemSessionIDWrite = msg.Def("seminar.hint.session-id-write",
		"skriv id: %s",
		"write id: %s")
	// SemSessionIDReserved: id: kalender would take the seminar's own
	// calendar file.
	SemSessionIDReserved = msg.Def("seminar.session-id-reserved",
		"id %q går inte: kalender.ics är seminariets fil med alla tillfällen",
		"id %q cannot be used: kalender.ics is the seminar's file of every session")
	// SemSessionIDTwice: two sessions of a seminar with the same id (the
	// id of a session without id: is its date and start, 20260831-1000).
	SemSessionIDTwice = msg.Def("seminar.session-id-twice",
		"tillfället får id %s, som tillfället på rad %d redan har",
		"the session gets the id %s, which the session on line %d already has")
	HintSemSessionIDTwice = msg.Def("seminar.hint.session-id-twice",
		"ge varje tillfälle ett eget id; ett tillfälle utan id: har datum och starttid som id, som 20260831-1000",
		"give every session an id of its own; a session without id: has its date and start as its id, like 20260831-1000")
)

// Messages of the build about pages and their addresses (package site).
var (
	ShownSessions = msg.Def("site.shown.sessions", "seminarietillfällen", "seminar sessions")
	ShownRegister = msg.Def("site.shown.register", "anmälan till seminarier", "the registration for seminars")
	ShownAudience = msg.Def("site.shown.audience", "vem ett seminarium är för", "whom a seminar is for")
	ShownSeminars = msg.Def("site.shown.seminars", "seminarier", "seminars")
)
