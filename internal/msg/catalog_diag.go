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
