package msg

// Messages of the command line (cmd/build): usage errors, the summary line
// and what the commands print.
var (
	LangUnknown = def("cmd.lang-unknown",
		"språket %q finns inte; skriv -lang sv eller -lang en",
		"there is no language %q; write -lang sv or -lang en")
	CmdUnknown = def("cmd.unknown",
		"kommandot %q finns inte",
		"unknown command %q")
	CmdNoArgs = def("cmd.no-args",
		"%s tar inga argument, inte %q",
		"%s takes no arguments, not %q")
	// CmdNow is a bad -now and what is wrong with it.
	CmdNow = def("cmd.now", "-now: %v", "-now: %v")
	CmdTry = def("cmd.try",
		"Skriv go run ./cmd/build -help för att se vad som går att skriva",
		"Try: go run ./cmd/build -help")
	CmdBuildFailed = def("cmd.build-failed",
		"bygget misslyckades; %s ändrades inte",
		"build failed; %s was not changed")
	CmdCheckNotBuilding = def("cmd.check-not-building",
		"webbplatsen går inte att bygga; rätta de här felen först",
		"the site does not build; fix these first")
	CmdCheckOK = def("cmd.check-ok",
		"%v: inga problem",
		"%v: no problems")
	CmdServing = def("cmd.serving",
		"Webbplatsen visas på %s (Ctrl-C stoppar)",
		"Serving the site at %s (Ctrl-C stops)")
	CmdStopping = def("cmd.stopping",
		"Stoppar.",
		"Stopping.")

	// BuildSummary is the line a good build prints: pages, files, size
	// and time, each a message of its own below.
	BuildSummary = def("build.summary",
		"Byggde %v, %v, %s på %v",
		"built %v, %v, %s in %v")
	Pages = defPlural("build.pages",
		"%d sida", "%d sidor",
		"%d page", "%d pages")
	Files = defPlural("build.files",
		"%d fil", "%d filer",
		"%d file", "%d files")
	Millis = def("build.ms", "%d ms", "%d ms")
	// Seconds is whole seconds and tenths: 1,2 s.
	Seconds = def("build.s", "%d,%d s", "%d.%d s")

	// CheckSummary is what check has looked at.
	CheckSummary = def("check.summary",
		"kontrollerade %v, %v",
		"checked %v, %v")
	CheckSummaryExternal = def("check.summary-external",
		"kontrollerade %v, %v, %v",
		"checked %v, %v, %v")
	Links = defPlural("check.links",
		"%d länk", "%d länkar",
		"%d link", "%d links")
	ExternalAddresses = defPlural("check.external-addresses",
		"%d extern adress", "%d externa adresser",
		"%d external address", "%d external addresses")
)

// Notes: what a good build tells the programme team after its summary.
var (
	NoteExpired = def("note.expired",
		"utgången: %s (%s), giltig till %s — %s:%d",
		"expired: %s (%s), valid until %s — %s:%d")
	NoteSoon = defPlural("note.soon",
		"%d diplomerad verksamhet går snart ut (inom %d månader)",
		"%d diplomerade verksamheter går snart ut (inom %d månader)",
		"%d certified unit expires soon (within %d months)",
		"%d certified units expire soon (within %d months)")
	NoteSeminarPast = def("note.seminar-past",
		"seminariet %q har inga kommande tillfällen; %v — %s:%d",
		"the seminar %q has no upcoming sessions; %v — %s:%d")
	NoteSeminarAddDates = def("note.seminar-add-dates",
		"lägg till nya datum, eller skriv i next_dates: när nya datum kommer",
		"add new dates, or write in next_dates: when new dates come")
	NoteSeminarShows = def("note.seminar-shows",
		"sidan visar %q",
		"the page shows %q")
	NoteAdmin = def("note.admin",
		"Redigeringsverktyget (/admin/) publicerades inte: dess formulär stämmer inte med nycklarna som bygget godtar. Be den som utvecklar webbplatsbyggaren att köra go test ./internal/cms/. (%v)",
		"The editing tool (/admin/) was not published: its forms do not match the keys the build accepts. Run go test ./internal/cms/. (%v)")
	NoteImageLarge = def("note.image-large",
		"bilden %s är stor (%s); gör den mindre innan den läggs in, till exempel högst %d pixlar bred",
		"the image %s is large (%s); make it smaller before adding it, for example at most %d pixels wide")
)
