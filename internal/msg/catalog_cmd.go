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
	// NoteSessionNoID: an upcoming session without id: keeps its calendar
	// address only as long as its date and start stay; the note says what
	// to write so that it keeps them when it is moved.
	NoteSessionNoID = def("note.session-no-id",
		"tillfället %s i %q har inget id, så det får en ny kalenderadress om det flyttas; skriv id: %s på tillfället — %s:%d",
		"the session on %s of %q has no id, so it gets a new calendar address if it is moved; write id: %s on the session — %s:%d")
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
		"Redigeringsverktyget (/admin/) publicerades inte: dess formulär stämmer inte med nycklarna som bygget godtar. Be den som utvecklar webbplatsbyggaren att köra go test ./internal/feature/cms/. (%v)",
		"The editing tool (/admin/) was not published: its forms do not match the keys the build accepts. Run go test ./internal/feature/cms/. (%v)")
	NoteImageLarge = def("note.image-large",
		"bilden %s är stor (%s); gör den mindre innan den läggs in, till exempel högst %d pixlar bred",
		"the image %s is large (%s); make it smaller before adding it, for example at most %d pixels wide")
)

// The command's help (go run ./cmd/build -help, and -help after check or
// serve), in the language of -lang.
var (
	HelpUsageBuild = def("help.usage-build",
		"Användning: go run ./cmd/build [flaggor]",
		"Usage: go run ./cmd/build [flags]")
	HelpUsageCommand = def("help.usage-command",
		"eller: go run ./cmd/build <kommando> [flaggor]",
		"   or: go run ./cmd/build <command> [flags]")
	HelpBuild = def("help.build",
		"Bygger webbplatsen i mappen -root och skriver den till mappen -out. Vid minsta fel ändras -out inte.",
		"Builds the site at -root into -out. When anything is wrong, -out is not changed.")
	HelpUsageCheck = def("help.usage-check",
		"Användning: go run ./cmd/build check [-external] [flaggor]",
		"Usage: go run ./cmd/build check [-external] [flags]")
	HelpCheck = def("help.check",
		"Bygger webbplatsen i minnet (public/ och -out ändras inte) och kontrollerar samma innehållsregler som varje bygge: länkar och #delar av sidor som leder ingenstans, rubriker som hoppar över en nivå, länktexter som inte säger vart länken leder, länkar till dokument utan filtyp och storlek, felaktiga mailto:- och tel:-länkar, id som används två gånger, bilder utan alternativtext och länkar med javascript:, vbscript: eller data:, vart och ett på raden där det står. Med -external frågar det också varje extern adress om den svarar. Avslutas med kod 1 när något problem finns.",
		"Builds the site in memory (public/ and -out are not touched) and runs the content rules that every build runs: broken links and #fragments, headings that skip a level, link texts that do not say where they lead, document links without type and size, bad mailto: and tel: links, duplicate ids, images without alt text, javascript:, vbscript: and data: links, each at the line that causes it; with -external also external addresses that do not answer. Exits 1 when there is any problem.")
	HelpUsageServe = def("help.usage-serve",
		"Användning: go run ./cmd/build serve [flaggor]",
		"Usage: go run ./cmd/build serve [flags]")
	HelpServe = def("help.serve",
		"Visar webbplatsen från minnet och bygger om den när en fil ändras; sidan i webbläsaren laddas om av sig själv.",
		"Serves the site from memory and rebuilds it when files change; the page in the browser reloads by itself.")
	// HelpSummaryCheck and HelpSummaryServe are the commands' lines in
	// the build's help, under HelpCommands.
	HelpSummaryCheck = def("help.summary-check",
		"kontrollerar länkar, rubriker, länktexter och dokument (ingen webbläsare behövs)",
		"check links, headings, link texts and documents (no browser needed)")
	HelpSummaryServe = def("help.summary-serve",
		"bygger, visar webbplatsen på 127.0.0.1 och bygger om vid varje ändring",
		"build, serve on 127.0.0.1 and rebuild on every change (live reload)")
	HelpFlags    = def("help.flags", "Flaggor:", "Flags:")
	HelpCommands = def("help.commands", "Kommandon:", "Commands:")
	// HelpDefault follows a flag's help when its default is not empty.
	HelpDefault = def("help.default", "(standard: %v)", "(default %v)")

	// What each flag does.
	HelpRoot = def("help.root",
		"mappen med webbplatsen (site.yaml, content/ …)",
		"the site root folder")
	HelpOut = def("help.out",
		"mappen som bygget skriver till (standard: public i -root)",
		"the output folder (default <root>/public)")
	HelpBaseURL = def("help.base-url",
		"webbplatsens adress, som https://hbtq.example.se (standard: base_url i site.yaml)",
		"the site's address, like https://hbtq.example.se (default base_url in site.yaml)")
	HelpDrafts = def("help.drafts",
		"ta med sidor som har draft: true",
		"include pages with draft: true")
	HelpNow = def("help.now",
		"dagen som bygget räknar som i dag, som 2026-11-23 (standard: i dag)",
		"the date the build treats as today, like 2026-11-23 (default today)")
	HelpLang = def("help.lang",
		"språket i meddelandena: sv (svenska, för redaktörer) eller en (engelska, för utvecklare)",
		"the language of messages: sv (Swedish, for communicators) or en (English, for engine developers)")
	HelpCPUProfile = def("help.cpuprofile",
		"skriv en CPU-profil till filen (för utvecklare)",
		"write a CPU profile to the file")
	HelpMemProfile = def("help.memprofile",
		"skriv en minnesprofil till filen efter bygget (för utvecklare)",
		"write a heap profile to the file after the build")
	HelpExternal = def("help.external",
		"fråga också varje extern adress om den svarar (HEAD, sedan GET; fyra åt gången, högst 10 sekunder var)",
		"also ask every external address (HEAD, then GET; 4 at a time, 10 s timeout)")
	HelpPort = def("help.port",
		"porten som förhandsvisningen svarar på",
		"the port to listen on")
	HelpBind = def("help.bind",
		"adressen som förhandsvisningen svarar på",
		"the address to listen on")
	// The words after a flag that takes a value: -root mapp.
	ArgFolder  = def("help.arg.folder", "mapp", "folder")
	ArgAddress = def("help.arg.address", "adress", "address")
	ArgDate    = def("help.arg.date", "datum", "date")
	ArgLang    = def("help.arg.lang", "språk", "language")
	ArgFile    = def("help.arg.file", "fil", "file")
	ArgPort    = def("help.arg.port", "port", "port")

	// Mistakes in the flags themselves.
	CmdFlagUnknown = def("cmd.flag-unknown",
		"flaggan -%s finns inte",
		"there is no flag -%s")
	CmdFlagGuess = def("cmd.flag-guess",
		"menade du -%s? Skriv go run ./cmd/build -help för att se vad som går att skriva",
		"did you mean -%s? Try: go run ./cmd/build -help")
	CmdFlagSyntax = def("cmd.flag-syntax",
		"%s är ingen flagga; skriv den som -root",
		"%s is not a flag; write it like -root")
	CmdFlagNeedsValue = def("cmd.flag-needs-value",
		"-%s behöver ett värde efter sig",
		"-%s needs a value after it")
	CmdFlagValue = def("cmd.flag-value",
		"%q är inget värde som -%s kan ha",
		"%q is not a value -%s can have")
)

// The dev server cannot start.
var (
	CmdServeStart = def("cmd.serve-start",
		"förhandsvisningen kan inte starta på %s: %v",
		"the preview cannot start at %s: %v")
	// CmdServeInUse: another program (often another preview) has the
	// port.
	CmdServeInUse = def("cmd.serve-in-use",
		"förhandsvisningen kan inte starta på %s: ett annat program använder redan porten",
		"the preview cannot start at %s: another program already uses the port")
	HintServeInUse = def("cmd.hint.serve-in-use",
		"stoppa den andra förhandsvisningen (Ctrl-C i dess terminal), eller välj en annan port, som -port 1314",
		"stop the other preview (Ctrl-C in its terminal), or choose another port, like -port 1314")
)
