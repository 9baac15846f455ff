package main

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of the command line (cmd/build): usage errors, the summary line
// and what the commands print.
var (
	CmdUnknown = msg.Def("cmd.unknown",
		"kommandot %q finns inte",
		"unknown command %q")
	CmdNoArgs = msg.Def("cmd.no-args",
		"%s tar inga argument, inte %q",
		"%s takes no arguments, not %q")
	// CmdNow is a bad -now and what is wrong with it.
	CmdNow = msg.Def("cmd.now", "-now: %v", "-now: %v")
	CmdTry = msg.Def("cmd.try",
		"Skriv go run ./cmd/build -help för att se vad som går att skriva",
		"Try: go run ./cmd/build -help")
	CmdBuildFailed = msg.Def("cmd.build-failed",
		"bygget misslyckades; %s ändrades inte",
		"build failed; %s was not changed")
	CmdCheckNotBuilding = msg.Def("cmd.check-not-building",
		"webbplatsen går inte att bygga; rätta de här felen först",
		"the site does not build; fix these first")
	CmdCheckOK = msg.Def("cmd.check-ok",
		"%v: inga problem",
		"%v: no problems")
	CmdServing = msg.Def("cmd.serving",
		"Webbplatsen visas på %s (Ctrl-C stoppar)",
		"Serving the site at %s (Ctrl-C stops)")
	CmdStopping = msg.Def("cmd.stopping",
		"Stoppar.",
		"Stopping.")
	// CmdMemProfile is the live heap after a phase of the build, with
	// -memprofile.
	CmdMemProfile = msg.Def("cmd.memprofile",
		"minnesprofil: %s: %d MB i bruk",
		"memprofile: %s: live heap %d MB")
)

// The command's help (go run ./cmd/build -help, and -help after check or
// serve), in the language of -lang.
var (
	HelpUsageBuild = msg.Def("help.usage-build",
		"Användning: go run ./cmd/build [flaggor]",
		"Usage: go run ./cmd/build [flags]")
	HelpUsageCommand = msg.Def("help.usage-command",
		"eller: go run ./cmd/build <kommando> [flaggor]",
		"   or: go run ./cmd/build <command> [flags]")
	HelpBuild = msg.Def("help.build",
		"Bygger webbplatsen i mappen -root och skriver den till mappen -out. Vid minsta fel ändras -out inte.",
		"Builds the site at -root into -out. When anything is wrong, -out is not changed.")
	HelpUsageCheck = msg.Def("help.usage-check",
		"Användning: go run ./cmd/build check [-external] [flaggor]",
		"Usage: go run ./cmd/build check [-external] [flags]")
	HelpCheck = msg.Def("help.check",
		"Bygger webbplatsen i minnet (public/ och -out ändras inte) och kontrollerar samma innehållsregler som varje bygge: länkar och #delar av sidor som leder ingenstans, rubriker som hoppar över en nivå, länktexter som inte säger vart länken leder, länkar till dokument utan filtyp och storlek, felaktiga mailto:- och tel:-länkar, id som används två gånger, bilder utan alternativtext och länkar med javascript:, vbscript: eller data:, vart och ett på raden där det står. Med -external frågar det också varje extern adress om den svarar. Avslutas med kod 1 när något problem finns.",
		"Builds the site in memory (public/ and -out are not touched) and runs the content rules that every build runs: broken links and #fragments, headings that skip a level, link texts that do not say where they lead, document links without type and size, bad mailto: and tel: links, duplicate ids, images without alt text, javascript:, vbscript: and data: links, each at the line that causes it; with -external also external addresses that do not answer. Exits 1 when there is any problem.")
	HelpUsageServe = msg.Def("help.usage-serve",
		"Användning: go run ./cmd/build serve [flaggor]",
		"Usage: go run ./cmd/build serve [flags]")
	HelpServe = msg.Def("help.serve",
		"Visar webbplatsen från minnet och bygger om den när en fil ändras; sidan i webbläsaren laddas om av sig själv.",
		"Serves the site from memory and rebuilds it when files change; the page in the browser reloads by itself.")
	// HelpSummaryCheck and HelpSummaryServe are the commands' lines in
	// the build's help, under HelpCommands.
	HelpSummaryCheck = msg.Def("help.summary-check",
		"kontrollerar länkar, rubriker, länktexter och dokument (ingen webbläsare behövs)",
		"check links, headings, link texts and documents (no browser needed)")
	HelpSummaryServe = msg.Def("help.summary-serve",
		"bygger, visar webbplatsen på 127.0.0.1 och bygger om vid varje ändring",
		"build, serve on 127.0.0.1 and rebuild on every change (live reload)")
	HelpFlags    = msg.Def("help.flags", "Flaggor:", "Flags:")
	HelpCommands = msg.Def("help.commands", "Kommandon:", "Commands:")
	// HelpDefault follows a flag's help when its default is not empty.
	HelpDefault = msg.Def("help.default", "(standard: %v)", "(default %v)")
	// What each flag does.
	HelpRoot = msg.Def("help.root",
		"mappen med webbplatsen (site.yaml, content/ …)",
		"the site root folder")
	HelpOut = msg.Def("help.out",
		"mappen som bygget skriver till (standard: public i -root)",
		"the output folder (default <root>/public)")
	HelpBaseURL = msg.Def("help.base-url",
		"webbplatsens adress, som https://hbtq.example.se (standard: base_url i site.yaml)",
		"the site's address, like https://hbtq.example.se (default base_url in site.yaml)")
	HelpDrafts = msg.Def("help.drafts",
		"ta med sidor som har draft: true",
		"include pages with draft: true")
	HelpNow = msg.Def("help.now",
		"dagen som bygget räknar som i dag, som 2026-11-23 (standard: i dag)",
		"the date the build treats as today, like 2026-11-23 (default today)")
	HelpLang = msg.Def("help.lang",
		"språket i meddelandena: sv (svenska, för redaktörer) eller en (engelska, för utvecklare)",
		"the language of messages: sv (Swedish, for communicators) or en (English, for engine developers)")
	HelpCPUProfile = msg.Def("help.cpuprofile",
		"skriv en CPU-profil till filen (för utvecklare)",
		"write a CPU profile to the file")
	HelpMemProfile = msg.Def("help.memprofile",
		"skriv en minnesprofil till filen där bygget håller mest minne (för utvecklare)",
		"write a heap profile to the file where the build holds the most (after loading, after the pages, after the content rules), and each of the three to FILE.load, FILE.pages and FILE.gate")
	HelpExternal = msg.Def("help.external",
		"fråga också varje extern adress om den svarar (HEAD, sedan GET; fyra åt gången, högst 10 sekunder var)",
		"also ask every external address (HEAD, then GET; 4 at a time, 10 s timeout)")
	HelpPort = msg.Def("help.port",
		"porten som förhandsvisningen svarar på",
		"the port to listen on")
	HelpBind = msg.Def("help.bind",
		"adressen som förhandsvisningen svarar på",
		"the address to listen on")
	// The words after a flag that takes a value: -root mapp.
	ArgFolder  = msg.Def("help.arg.folder", "mapp", "folder")
	ArgAddress = msg.Def("help.arg.address", "adress", "address")
	ArgDate    = msg.Def("help.arg.date", "datum", "date")
	ArgLang    = msg.Def("help.arg.lang", "språk", "language")
	ArgFile    = msg.Def("help.arg.file", "fil", "file")
	ArgPort    = msg.Def("help.arg.port", "port", "port")
	// Mistakes in the flags themselves.
	CmdFlagUnknown = msg.Def("cmd.flag-unknown",
		"flaggan -%s finns inte",
		"there is no flag -%s")
	CmdFlagGuess = msg.Def("cmd.flag-guess",
		"menade du -%s? Skriv go run ./cmd/build -help för att se vad som går att skriva",
		"did you mean -%s? Try: go run ./cmd/build -help")
	CmdFlagSyntax = msg.Def("cmd.flag-syntax",
		"%s är ingen flagga; skriv den som -root",
		"%s is not a flag; write it like -root")
	CmdFlagNeedsValue = msg.Def("cmd.flag-needs-value",
		"-%s behöver ett värde efter sig",
		"-%s needs a value after it")
	CmdFlagValue = msg.Def("cmd.flag-value",
		"%q är inget värde som -%s kan ha",
		"%q is not a value -%s can have")
)

// The dev server cannot start.
var (
	CmdServeStart = msg.Def("cmd.serve-start",
		"förhandsvisningen kan inte starta på %s: %v",
		"the preview cannot start at %s: %v")
	// CmdServeInUse: another program (often another preview) has the
	// port.
	CmdServeInUse = msg.Def("cmd.serve-in-use",
		"förhandsvisningen kan inte starta på %s: ett annat program använder redan porten",
		"the preview cannot start at %s: another program already uses the port")
	HintServeInUse = msg.Def("cmd.hint.serve-in-use",
		"stoppa den andra förhandsvisningen (Ctrl-C i dess terminal), eller välj en annan port, som -port 1314",
		"stop the other preview (Ctrl-C in its terminal), or choose another port, like -port 1314")
)

// Messages about the output folder (-out, package publish), symbolic links
// in the site root (package rootfs), old addresses written into Netlify's
// _redirects, nesting in Markdown, the dev server's host check and an
// interrupted build.
var (
	// OutInterrupted: Ctrl-C or SIGTERM stopped the build.
	OutInterrupted = msg.Def("output.interrupted",
		"bygget avbröts; %s ändrades inte",
		"the build was interrupted; %s was not changed")
)
