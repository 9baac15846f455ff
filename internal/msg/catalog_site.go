package msg

// Messages of the build itself (package site) about where files go.
var (
	// SiteCollision: a file of the site gives an address that another
	// file, or the build itself, writes too.
	SiteCollision = def("site.collision",
		"adressen /%s skrivs både av den här filen och av %s",
		"the address /%s is written by both this file and %s")
	// SiteCollisionBuild names the build as the other writer.
	SiteCollisionBuild = def("site.collision-build",
		"bygget självt",
		"the build itself")
	// HintCollisionStatic: the file in static/ must give way.
	HintCollisionStatic = def("site.hint.collision-static",
		"byt namn på filen i static/ eller ta bort den",
		"rename the file in static/ or remove it")
	// HintCollision: one of two files must move.
	HintCollision = def("site.hint.collision",
		"byt namn på eller flytta en av filerna",
		"rename or move one of the files")
	// SiteUnitAddress: a unit's page would get the address of a page.
	SiteUnitAddress = def("site.unit-address",
		"%q får adressen %s, som sidan %s redan har",
		"%q gets the address %s, which the page %s already has")
	// HintUnitAddress: give the unit another id or move the page.
	HintUnitAddress = def("site.hint.unit-address",
		"ge den ett annat id, eller flytta eller byt namn på sidan",
		"give it another id, or move or rename the page")
	// SiteContactEmail: the footer's contact e-mail in site.yaml.
	SiteContactEmail = def("site.contact-email",
		"kontaktens e-postadress %q är inte en e-postadress",
		"the contact's e-mail %q is not an e-mail address")
	// HintContactEmail: write the address alone.
	HintContactEmail = def("site.hint.contact-email",
		"skriv bara adressen, som hbtq.diplomering@region.example.se",
		"write the address alone, like hbtq.diplomering@region.example.se")
)

// Messages of the site settings (site.yaml, package settings).
var (
	SettingsMissing = def("settings.missing",
		"filen med webbplatsens inställningar saknas",
		"the site settings file is missing")
	HintSettingsMissing = def("settings.hint.missing",
		"skapa site.yaml med minst title: och organisation:",
		"create site.yaml with at least title: and organisation:")
	SettingsEmpty = def("settings.empty",
		"filen är tom",
		"the file is empty")
	HintSettingsEmpty = def("settings.hint.empty",
		"skriv minst title: och organisation:",
		"write at least title: and organisation:")
	// BaseURLWhole and BaseURLOnly say what is wrong with the site's
	// address, after "base_url" in site.yaml or "-base-url" on the command.
	BaseURLWhole = def("settings.base-url-whole",
		"%s måste vara en hel adress som börjar med https://",
		"%s must be a whole address starting with https://")
	BaseURLOnly = def("settings.base-url-only",
		"%s får bara vara webbplatsens adress, utan sökväg, ? eller #",
		"%s must be the site's address only, with no path, ? or #")
	HintBaseURL = def("settings.hint.base-url",
		"skriv den som https://hbtq.example.se",
		"write it like https://hbtq.example.se")
	SettingsContactPhone = def("settings.contact-phone",
		"kontaktens telefonnummer: %v",
		"contact phone: %v")
)
