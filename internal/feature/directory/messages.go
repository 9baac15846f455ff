package directory

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Notes: what a good build tells the programme team after its summary.
var (
	ExpiredMonths = msg.Def("directory.expired-months",
		"expired_page_months: %d är inget antal månader som går",
		"expired_page_months: %d is not a number of months that works")
	HintExpiredMonths = msg.Def("directory.hint.expired-months",
		"skriv hur många månader en utgången verksamhet ska ha kvar sin sida, som 24, eller 0 för ingen sida",
		"write how many months an expired unit keeps its page, like 24, or 0 for no page")
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
	// NoteInProgressHidden: units under certification that the build
	// publishes nowhere, because site.yaml does not ask for them.
	NoteInProgressHidden = msg.DefPlural("note.in-progress-hidden",
		"%d verksamhet under diplomering visas inte på webbplatsen; skriv show_in_progress: true i site.yaml om den ska visas",
		"%d verksamheter under diplomering visas inte på webbplatsen; skriv show_in_progress: true i site.yaml om de ska visas",
		"%d unit under certification is not shown on the site; write show_in_progress: true in site.yaml to show it",
		"%d units under certification are not shown on the site; write show_in_progress: true in site.yaml to show them")
	NoteSoonUnit = msg.Def("note.soon-unit",
		"%s (%s, giltig till %s)",
		"%s (%s, valid until %s)")
	NoteSoonMore = msg.Def("note.soon-more",
		"och %d till",
		"and %d more")
	// NoteUnitLacks: a unit lacks participation data its rules require:
	// one of the two below, or NoteLacksBoth of them.
	NoteUnitLacks = msg.Def("note.unit-lacks",
		"%s (%s) saknar %v under internal:, som reglerna kräver; skriv hur det var när verksamheten diplomerades — %s:%d",
		"%s (%s) has no %v under internal:, which the rules require; write how it was when the unit was certified — %s:%d")
	NoteLacksParticipation = msg.Def("note.lacks-participation",
		"participation: (minst %s %% av arbetsgruppen ska delta)",
		"participation: (at least %s %% of the work group must take part)")
	NoteLacksManager = msg.Def("note.lacks-manager",
		"manager_took_part: (närmaste chef ska delta)",
		"manager_took_part: (the nearest manager must take part)")
	NoteLacksBoth = msg.Def("note.lacks-both",
		"%v och %v",
		"%v and %v")
)
