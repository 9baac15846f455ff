package directory

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Notes: what a good build tells the programme team after its summary.
var (
	NoteExpired = msg.Def("note.expired",
		"utgången: %s (%s), giltig till %s — %s:%d",
		"expired: %s (%s), valid until %s — %s:%d")
	NoteSoon = msg.DefPlural("note.soon",
		"%d diplomerad verksamhet går snart ut (inom %d månader)",
		"%d diplomerade verksamheter går snart ut (inom %d månader)",
		"%d certified unit expires soon (within %d months)",
		"%d certified units expire soon (within %d months)")
)
