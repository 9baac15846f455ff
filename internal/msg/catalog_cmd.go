package msg

// Messages of the command line (cmd/build): usage errors, the summary line.
var (
	LangUnknown = def("cmd.lang-unknown",
		"språket %q finns inte; skriv -lang sv eller -lang en",
		"there is no language %q; write -lang sv or -lang en")
)
