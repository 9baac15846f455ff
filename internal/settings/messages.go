package settings

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of the build itself (package site) about where files go.
var (
	// SiteContactEmail: the footer's contact e-mail in site.yaml.
	SiteContactEmail = msg.Def("site.contact-email",
		"kontaktens e-postadress %q är inte en e-postadress",
		"the contact's e-mail %q is not an e-mail address")
)

// Messages of the site settings (site.yaml, package settings).
var (
	SettingsMissing = msg.Def("settings.missing",
		"filen med webbplatsens inställningar saknas",
		"the site settings file is missing")
	HintSettingsMissing = msg.Def("settings.hint.missing",
		"skapa site.yaml med minst title: och organisation:",
		"create site.yaml with at least title: and organisation:")
	SettingsEmpty = msg.Def("settings.empty",
		"filen är tom",
		"the file is empty")
	HintSettingsEmpty = msg.Def("settings.hint.empty",
		"skriv minst title: och organisation:",
		"write at least title: and organisation:")
	// BaseURLWhole and BaseURLOnly say what is wrong with the site's
	// address, after "base_url" in site.yaml or "-base-url" on the command.
	BaseURLWhole = msg.Def("settings.base-url-whole",
		"%s måste vara en hel adress som börjar med https://",
		"%s must be a whole address starting with https://")
	BaseURLOnly = msg.Def("settings.base-url-only",
		"%s får bara vara webbplatsens adress, utan sökväg, ? eller #",
		"%s must be the site's address only, with no path, ? or #")
	HintBaseURL = msg.Def("settings.hint.base-url",
		"skriv den som https://hbtq.example.se",
		"write it like https://hbtq.example.se")
	SettingsMegapixels = msg.Def("settings.megapixels",
		"images: max_megapixels: är %d, och gränsen måste vara mellan 1 och 1000 megapixlar",
		"images: max_megapixels: is %d, and the limit must be between 1 and 1000 megapixels")
	HintSettingsMegapixels = msg.Def("settings.hint.megapixels",
		"skriv till exempel max_megapixels: 50, eller ta bort raden",
		"write for example max_megapixels: 50, or remove the line")
	// WordsNoKinds: neither site.yaml nor the words file names the kinds of care.
	WordsNoKinds = msg.Def("settings.words-no-kinds",
		"varken site.yaml eller layouts/words.yaml har kinds:, så webbplatsen har inga typer av vård",
		"neither site.yaml nor layouts/words.yaml has kinds:, so the site has no kinds of care")
	HintWordsNoKinds = msg.Def("settings.hint.words-no-kinds",
		"skriv typerna av vård under kinds: i site.yaml eller i layouts/words.yaml, som kinds: [{name: vårdcentral}, {name: tandvård}]",
		"write the kinds of care under kinds: in site.yaml or in layouts/words.yaml, like kinds: [{name: vårdcentral}, {name: tandvård}]")
	// WordsMissing: a site's own words file lacks words the build writes.
	WordsMissing = msg.DefPlural("settings.words-missing",
		"ordet %[2]s saknas",
		"%[1]d ord saknas: %[2]s",
		"the word %[2]s is missing",
		"%[1]d words are missing: %[2]s")
	HintWordsMissing = msg.Def("settings.hint.words-missing",
		"skriv varje ord som i temats layouts/words.yaml, som not_found: Sidan finns inte; docs/settings.md listar alla ord",
		"write them as the theme's layouts/words.yaml does, like not_found: Sidan finns inte; docs/settings.md lists every word")
	// WordsKindsInSite: kinds: under site.yaml's words:, where it changes nothing.
	WordsKindsInSite = msg.Def("settings.words-kinds",
		"kinds: under words: ändrar inte webbplatsens typer av vård",
		"kinds: under words: does not change the site's kinds of care")
	HintWordsKindsInSite = msg.Def("settings.hint.words-kinds",
		"flytta listan ut ur words: och skriv den som kinds: längst till vänster i site.yaml",
		"move the list out of words: and write it as kinds: at the left margin of site.yaml")
	SettingsContactPhone = msg.Def("settings.contact-phone",
		"kontaktens telefonnummer: %v",
		"contact phone: %v")
)

// Netlify's _headers file, which the build writes. A page's or a
// feature's address that would break its lines is refused; communicators
// should never see these.
var (
	// SettingsDatedNoFolder: dated: names a folder content/ does not have.
	SettingsDatedNoFolder = msg.Def("settings.dated-no-folder",
		"dated: %q är ingen mapp i content/",
		"dated: %q is not a folder of content/")
	HintSettingsDated = msg.Def("settings.hint.dated",
		"skriv mappens namn i content/, som dated: [nyheter]",
		"write the name of a folder of content/, like dated: [nyheter]")
)
