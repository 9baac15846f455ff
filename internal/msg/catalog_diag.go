package msg

// Messages of printing itself: the count of problems, and text passed
// through.
var (
	// Plain passes text that is not ours through unchanged, such as an
	// error of the operating system. Prefer a key of its own.
	Plain = def("plain", "%v", "%v")

	// Problems is the count under a list of problems.
	Problems = defPlural("diag.problems",
		"%d problem", "%d problem",
		"%d problem", "%d problems")

	// The problems left out so that a list stays readable (diag.Shown).
	MoreOnLine = def("diag.more-line",
		"… och %d till på rad %d, som inte visas",
		"… and %d more on line %d, not shown")
	MoreInFile = def("diag.more-file",
		"… och %d till i %s, som inte visas",
		"… and %d more in %s, not shown")
	MoreInAll = def("diag.more-all",
		"… och %d till, som inte visas; rätta de här först och bygg igen",
		"… and %d more, not shown; fix these first and build again")
)

// Hints many areas share.
var (
	// HintDidYouMean proposes the closest known word (diag.Closest).
	HintDidYouMean = def("hint.did-you-mean",
		"menade du %s?",
		"did you mean %s?")
	// HintUseOneOf lists the values that may be written.
	HintUseOneOf = def("hint.use-one-of",
		"skriv en av: %s",
		"use one of: %s")
)

// Messages about files in general.
var (
	// FileUnreadable: the system's reason follows.
	FileUnreadable = def("file.unreadable",
		"filen går inte att läsa: %v",
		"cannot be read: %v")
)
