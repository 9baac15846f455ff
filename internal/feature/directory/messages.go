package directory

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Notes: what a good build tells the programme team after its summary.
var (
	NoteExpired = msg.Def("note.expired",
		"utgången: %s (%s), giltig till %s — %s:%d",
		"expired: %s (%s), valid until %s — %s:%d")
	// NoteSoon: how many units expire soon, and which (NoteSoonUnit, the
	// soonest first, at most soonListed, then NoteSoonMore).
	NoteSoon = msg.DefPlural("note.soon",
		"%d diplomerad verksamhet går snart ut (inom %d månader): %s",
		"%d diplomerade verksamheter går snart ut (inom %d månader): %s",
		"%d certified unit expires soon (within %d months): %s",
		"%d certified units expire soon (within %d months): %s")
	NoteSoonUnit = msg.Def("note.soon-unit",
		"%s (%s, giltig till %s)",
		"%s (%s, valid until %s)")
	NoteSoonMore = msg.Def("note.soon-more",
		"och %d till",
		"and %d more")
)
