package msg

// Messages of seminars: the seminar keys of a page's front matter
// (package seminar).
var (
	SemTime = def("seminar.time",
		"%q är ingen tid på dagen; skriv den som 13:30",
		"%q is not a time of day; write it like 13:30")
	SemRegistrationNoSessions = def("seminar.registration-no-sessions",
		"registration finns men sidan har inga tillfällen",
		"registration is given but the page has no sessions")
	HintSemRegistrationNoSessions = def("seminar.hint.registration-no-sessions",
		"lägg till sessions:, eller ta bort registration:",
		"add sessions:, or remove registration:")
	SemNextDatesNoSessions = def("seminar.next-dates-no-sessions",
		"next_dates finns men sidan har inga tillfällen",
		"next_dates is given but the page has no sessions")
	HintSemNextDatesNoSessions = def("seminar.hint.next-dates-no-sessions",
		"lägg till sessions: eller by_agreement: true, eller ta bort next_dates:",
		"add sessions: or by_agreement: true, or remove next_dates:")
	SemNoSessions = def("seminar.no-sessions",
		"ett seminarium behöver minst ett tillfälle",
		"a seminar needs at least one session")
	HintSemNoSessions = def("seminar.hint.no-sessions",
		`lägg till ett under sessions:, som - {date: 2026-08-31, start: "10:00", end: "12:00", online: true}, eller skriv by_agreement: true när datum bestäms med varje grupp`,
		`add one under sessions:, like - {date: 2026-08-31, start: "10:00", end: "12:00", online: true}, or write by_agreement: true when dates are agreed with each group`)
	SemRegistrationHTTPS = def("seminar.registration-https",
		"registration måste vara en https://-adress, inte %q",
		"registration must be an https:// address, not %q")
	HintSemRegistrationHTTPS = def("seminar.hint.registration-https",
		"skriv hela adressen till anmälningssidan, med början https://",
		"write the whole address of the registration page, starting with https://")
	SemNoPlace = def("seminar.no-place",
		"tillfället %s är varken online eller på en plats",
		"the session on %s is neither online nor at a place")
	HintSemNoPlace = def("seminar.hint.no-place",
		"lägg till online: true eller place: …",
		"add online: true or place: …")
	SemFullAndCancelled = def("seminar.full-and-cancelled",
		"tillfället %s kan inte vara både fullbokat (full) och inställt (cancelled)",
		"the session on %s cannot be both full and cancelled")
	HintSemFullAndCancelled = def("seminar.hint.full-and-cancelled",
		"ta bort full: när tillfället är inställt",
		"remove full: when the session is cancelled")
	SemNoSuchTime = def("seminar.no-such-time",
		"klockan %02d:%02d finns inte den %s i Sverige: klockan ställs fram från 02:00 till 03:00 den natten",
		"there is no %02d:%02d on %s in Sweden: the clocks go forward from 02:00 to 03:00 that night")
	HintSemNoSuchTime = def("seminar.hint.no-such-time",
		"skriv en tid före 02:00 eller från 03:00",
		"write a time before 02:00 or from 03:00")
	SemStartsAndEnds = def("seminar.starts-and-ends",
		"tillfället börjar och slutar %s",
		"the session starts and ends at %s")
	SemEndsBeforeStart = def("seminar.ends-before-start",
		"tillfället slutar %s, innan det börjar %s",
		"the session ends at %s, before it starts at %s")
	HintSemEndAfterStart = def("seminar.hint.end-after-start",
		"skriv en sluttid efter starttiden, samma dag",
		"write the end time after the start time, on the same day")
	SemSessionTwice = def("seminar.session-twice",
		"tillfället %s klockan %02d:%02d står redan på rad %d",
		"the session on %s at %02d:%02d is already on line %d")
	HintSemSessionTwice = def("seminar.hint.session-twice",
		"ta bort ett av dem, eller ändra datum eller tid",
		"remove one of them, or change its date or time")

	// SemSessionIDChars: a session's id: is not written like an address part.
	SemSessionIDChars = def("seminar.session-id-chars",
		"id %q får bara ha små bokstäver a–z, siffror och bindestreck",
		"id %q may only have lowercase letters a–z, digits and hyphens")
	HintSemSessionIDWrite = def("seminar.hint.session-id-write",
		"skriv id: %s",
		"write id: %s")
	// SemSessionIDReserved: id: kalender would take the seminar's own
	// calendar file.
	SemSessionIDReserved = def("seminar.session-id-reserved",
		"id %q går inte: kalender.ics är seminariets fil med alla tillfällen",
		"id %q cannot be used: kalender.ics is the seminar's file of every session")
	// SemSessionIDTwice: two sessions of a seminar with the same id (the
	// id of a session without id: is its date and start, 20260831-1000).
	SemSessionIDTwice = def("seminar.session-id-twice",
		"tillfället får id %s, som tillfället på rad %d redan har",
		"the session gets the id %s, which the session on line %d already has")
	HintSemSessionIDTwice = def("seminar.hint.session-id-twice",
		"ge varje tillfälle ett eget id; ett tillfälle utan id: har datum och starttid som id, som 20260831-1000",
		"give every session an id of its own; a session without id: has its date and start as its id, like 20260831-1000")
)
