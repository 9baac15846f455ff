package msg

// Messages of the editing tool at /admin/ (package cms).
var (
	// CMSRepo: cms: repo in site.yaml is not a GitHub repository.
	CMSRepo = def("cms.repo",
		"cms: repo ska vara ett repository på GitHub, skrivet ägare/namn, som region-exempel/hbtq-diplomering",
		"cms: repo must be a GitHub repository written owner/name, like region-exempel/hbtq-diplomering")
)
