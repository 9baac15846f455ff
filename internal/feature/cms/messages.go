package cms

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Notes: what a good build tells the programme team after its summary.
var (
	NoteAdmin = msg.Def("note.admin",
		"Redigeringsverktyget (/admin/) publicerades inte: dess formulär stämmer inte med nycklarna som bygget godtar. Be den som utvecklar webbplatsbyggaren att köra go test ./internal/feature/cms/. (%v)",
		"The editing tool (/admin/) was not published: its forms do not match the keys the build accepts. Run go test ./internal/feature/cms/. (%v)")
)

// Messages of the editing tool at /admin/ (package cms).
var (
	// CMSRepo: cms: repo in site.yaml is not a GitHub repository.
	CMSRepo = msg.Def("cms.repo",
		"cms: repo ska vara ett repository på GitHub, skrivet ägare/namn, som region-exempel/hbtq-diplomering",
		"cms: repo must be a GitHub repository written owner/name, like region-exempel/hbtq-diplomering")
)
