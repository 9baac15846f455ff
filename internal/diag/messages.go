package diag

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of printing itself: the count of problems, and text passed
// through.
var (
	// The problems left out so that a list stays readable (diag.Shown).
	MoreOnLine = msg.Def("diag.more-line",
		"… och %d till på rad %d, som inte visas",
		"… and %d more on line %d, not shown")
	MoreInFile = msg.Def("diag.more-file",
		"… och %d till i %s, som inte visas",
		"… and %d more in %s, not shown")
	MoreInAll = msg.Def("diag.more-all",
		"… och %d till, som inte visas; rätta de här först och bygg igen",
		"… and %d more, not shown; fix these first and build again")
)
