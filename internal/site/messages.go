package site

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of the command line (cmd/build): usage errors, the summary line
// and what the commands print.
var (
	// BuildSummary is the line a good build prints: pages, files, size
	// and time, each a message of its own below.
	BuildSummary = msg.Def("build.summary",
		"Byggde %v, %v, %s på %v",
		"built %v, %v, %s in %v")
	Files = msg.DefPlural("build.files",
		"%d fil", "%d filer",
		"%d file", "%d files")
)

// Notes: what a good build tells the programme team after its summary.
var (
	NoteStale = msg.Def("note.stale",
		"%s ändrades senast %s, före originalet %s (%s): se över om den behöver ändras likadant, och skriv lastmod: när den stämmer",
		"%s last changed on %s, before its original %s (%s): see whether it needs the same change, and write lastmod: when it matches")
	NoteWillPublish = msg.Def("note.will-publish",
		"%s (%s) publiceras %s (publish:)",
		"%s (%s) is published on %s (publish:)")
	NoteWillUnpublish = msg.Def("note.will-unpublish",
		"%s (%s) tas bort %s (unpublish:); adressen leder sedan till avsnittet",
		"%s (%s) is removed on %s (unpublish:); its address then leads to its section")
	NoteScheduleMore = msg.DefPlural("note.schedule-more",
		"och %d ändring till längre fram",
		"och %d ändringar till längre fram",
		"and %d more change later on",
		"and %d more changes later on")
	NoteImageLarge = msg.Def("note.image-large",
		"bilden %s är stor (%s); gör den mindre innan den läggs in, till exempel högst %d pixlar bred",
		"the image %s is large (%s); make it smaller before adding it, for example at most %d pixels wide")
)

// Layouts a page needs, and the files of layouts/assets/.
var (
	// LayoutUnknown: the page's layout: names a layout that is not there.
	LayoutUnknown = msg.Def("layout.unknown",
		"sidmallen %q finns inte: det finns ingen layouts/%s.html",
		"the layout %q does not exist: there is no layouts/%s.html")
	// LayoutNeeded: the layout a page gets by the layout rule is not
	// there.
	LayoutNeeded = msg.Def("layout.needed",
		"webbplatsen har ingen layouts/%s.html, som den här sidan behöver",
		"the site has no layouts/%s.html, which this page needs")
	LayoutNotFoundMissing = msg.Def("layout.not-found-missing",
		"mallen för sidan som visas när en adress inte finns saknas",
		"the not-found layout is missing")
	HintLayoutNotFound = msg.Def("layout.hint.not-found",
		"varje webbplats behöver layouts/404.html",
		"every site needs layouts/404.html")
	// LayoutNoAsset: a layout asks for a file of layouts/assets/ that is
	// not there ({{asset "x.css"}}).
	LayoutNoAsset = msg.Def("layout.no-asset",
		"det finns ingen fil %q i layouts/assets",
		"there is no asset %q in layouts/assets")
	// NotMinified: a CSS, JS or HTML file cannot be made smaller for
	// publishing; the minifier's reason follows.
	NotMinified = msg.Def("layout.not-minified",
		"filen går inte att göra mindre för publicering: %v",
		"cannot be minified: %v")
	// OutNameLong: a published path with a name too long for any file
	// system.
	OutNameLong = msg.Def("output.name-long",
		"/%s kan inte skrivas: namnet %q är %d byte långt, och filsystem tar högst %d",
		"/%s cannot be written: the name %q is %d bytes long, and file systems take at most %d")
	HintOutNameLong = msg.Def("output.hint.name-long",
		"ge filen eller sidan ett kortare namn",
		"give the file or page a shorter name")
	// NotMinifiedAt: the same for a file the build writes, by address.
	NotMinifiedAt = msg.Def("layout.not-minified-at",
		"/%s går inte att göra mindre för publicering: %v",
		"/%s cannot be minified: %v")
)

// Messages about the output folder (-out, package publish), symbolic links
// in the site root (package rootfs), old addresses written into Netlify's
// _redirects, nesting in Markdown, the dev server's host check and an
// interrupted build.
var (
	// OutWrite: a file of the new site cannot be written (a full disk,
	// no right to write); the system's reason follows.
	OutWrite = msg.Def("output.write",
		"/%s kan inte skrivas till den nya webbplatsen: %v",
		"/%s cannot be written to the new site: %v")
	// Symlink: a symbolic link in the site root, which the build never follows.
	Symlink = msg.Def("file.symlink",
		"är en symbolisk länk; bygget läser och publicerar inga symboliska länkar",
		"is a symbolic link; the build reads and publishes no symbolic links")
	HintSymlink = msg.Def("file.hint.symlink",
		"lägg en kopia av filen här i stället för länken",
		"put a copy of the file here instead of the link")
	AliasReserved = msg.Def("page.alias-reserved",
		"aliaset %s är en fil som bygget själv skriver",
		"the alias %s is a file the build writes itself")
	HintAliasReserved = msg.Def("page.hint.alias-reserved",
		"bygget skriver alltid %s; ta bort adressen från aliases",
		"the build always writes %s; remove the address from aliases")
	AliasTakesFile = msg.Def("page.alias-takes-file",
		"den gamla adressen %s tar en fil som webbplatsen redan har: %v",
		"the old address %s takes a file the site has already: %v")
	HintAliasTakesFile = msg.Def("page.hint.alias-takes-file",
		"ta bort den gamla adressen, eller flytta filen",
		"remove the old address, or move the file")
	// RedirectRefused: the writer of _redirects refuses an address that the
	// reader should have refused (a second line of defence).
	RedirectRefused = msg.Def("site.redirect-refused",
		"vidarekopplingen %q → %q skrivs inte till _redirects: %v",
		"the redirect %q → %q is not written to _redirects: %v")
)

// Messages of the build itself (package site) about where files go.
var (
	// SiteCollision: a file of the site gives an address that another
	// file, or the build itself, writes too.
	SiteCollision = msg.Def("site.collision",
		"adressen /%s skrivs både av den här filen och av %s",
		"the address /%s is written by both this file and %s")
	// SiteCollisionBuild names the build as the other writer.
	SiteCollisionBuild = msg.Def("site.collision-build",
		"bygget självt",
		"the build itself")
	// SiteCollisionNFC: two files whose names look the same but are
	// written with different characters (NFC and NFD).
	SiteCollisionNFC = msg.Def("site.collision-nfc",
		"adressen /%s skrivs både av den här filen och av %s, vars namn ser likadant ut men skrivs med andra tecken: här %s, där %s",
		"the address /%s is written by both this file and %s, whose name looks the same but is written with other characters: here %s, there %s")
	HintCollisionNFC = msg.Def("site.hint.collision-nfc",
		"ta bort den ena filen; den har ofta kommit till när samma fil sparats från en Mac och från en annan dator",
		"remove one of the files; it often comes from saving the same file from a Mac and from another computer")
	// SiteCollisionBoth: two parts of the build itself write one
	// address.
	SiteCollisionBoth = msg.Def("site.collision-both",
		"adressen /%s skrivs både av %s och av %s",
		"/%s is written by both %s and %s")
	// HintCollisionStatic: the file in static/ must give way.
	HintCollisionStatic = msg.Def("site.hint.collision-static",
		"byt namn på filen i static/ eller ta bort den",
		"rename the file in static/ or remove it")
	// HintCollision: one of two files must move.
	HintCollision = msg.Def("site.hint.collision",
		"byt namn på eller flytta en av filerna",
		"rename or move one of the files")
	// SiteUnitAddress: a unit's page would get the address of a page.
	SiteUnitAddress = msg.Def("site.unit-address",
		"%q får adressen %s, som sidan %s redan har",
		"%q gets the address %s, which the page %s already has")
	// HintUnitAddress: give the unit another id or move the page.
	HintUnitAddress = msg.Def("site.hint.unit-address",
		"ge den ett annat id, eller flytta eller byt namn på sidan",
		"give it another id, or move or rename the page")
)

// Messages of the build about pages and their addresses (package site).
var (
	// SitePageAddressSame: two Markdown files give the same address and
	// the build cannot tell which was added last (both committed, or
	// neither): the message names the other file and claims neither is new.
	SitePageAddressSame = msg.Def("site.page-address-same",
		"sidan får samma adress %s som %s",
		"the page gets the same address %s as %s")
	// SitePageAddressNFC: the two files' names look the same but are
	// written with other characters (NFC and NFD); they are named.
	SitePageAddressNFC = msg.Def("site.page-address-nfc",
		"sidan får samma adress %s som %s, vars namn ser likadant ut men skrivs med andra tecken: här %s, där %s",
		"the page gets the same address %s as %s, whose name looks the same but is written with other characters: here %s, there %s")
	// SiteTitleTwice: two pages of one section with the same title.
	SiteTitleTwice = msg.Def("site.title-twice",
		"sidan har samma rubrik %q som %s, i samma avsnitt",
		"the page has the same title %q as %s, in the same section")
	HintSiteTitleTwice = msg.Def("site.hint.title-twice",
		"ge sidorna olika rubriker, så att de går att skilja åt i listan, menyn och sökresultaten",
		"give the pages different titles, so that they can be told apart in the list, the menu and the search results")
	// SitePageAddress: two Markdown files give the same address.
	SitePageAddress = msg.Def("site.page-address",
		"sidan får adressen %s, som %s redan har",
		"the page gets the address %s, which %s already has")
	// SiteAliasIsPage: an old address (aliases:) that a page has now.
	SiteAliasIsPage = msg.Def("site.alias-is-page",
		"den gamla adressen %s är adressen till sidan %s",
		"the alias %s is the address of the page %s")
	HintAliasIsPage = msg.Def("site.hint.alias-is-page",
		"under aliases står gamla adresser som ingen sida har längre; ta bort den",
		"an alias is an old address that no page has any more; remove it")
	SiteAliasTwice = msg.Def("site.alias-twice",
		"den gamla adressen %s står också under aliases i %s",
		"the alias %s is also an alias of %s")
	HintAliasTwice = msg.Def("site.hint.alias-twice",
		"en gammal adress kan bara leda till en sida; ta bort den från den ena sidan",
		"an old address can lead to one page only")
	// SiteNotShown: a key of the front matter that the page's layout does
	// not show (contacts: on a page whose layout shows no contacts).
	SiteNotShown = msg.Def("site.not-shown",
		"sidmallen %s visar inte %s, så %s: syns inte på sidan",
		"the layout %s does not show %s, so %s: is not seen on the page")
	HintNotShown = msg.Def("site.hint.not-shown",
		"ta bort %s:, eller lägg sidan i en sidmall som visar det",
		"remove %s:, or give the page a layout that shows it")
)

// Messages about pages in other languages and in easy Swedish
// (translations: and easy_read: in the front matter).
var (
	// LangNoPage: translations: or easy_read: names no page.
	LangNoPage = msg.Def("lang.no-page",
		"%s %q leder inte till någon sida",
		"%s %q leads to no page")
	HintLangNoPage = msg.Def("lang.hint.no-page",
		"skriv sidans fil, som en/sammanfattning.md, eller dess adress, som /en/sammanfattning/",
		"write the page's file, like en/sammanfattning.md, or its address, like /en/sammanfattning/")
	LangSelf = msg.Def("lang.self",
		"sidan anger sig själv som översättning",
		"the page names itself as its translation")
	HintLangSelf = msg.Def("lang.hint.self",
		"ta bort %s",
		"remove %s")
	LangEasySelf = msg.Def("lang.easy-self",
		"sidan anger sig själv som lättläst version",
		"the page names itself as its easy-read version")
	HintLangEasySelf = msg.Def("lang.hint.easy-self",
		"skriv den lättlästa sidans fil",
		"write the file of the easy-read page")
	// LangEasyRing: easy_read: links that lead back to where they start.
	LangEasyRing = msg.Def("lang.easy-ring",
		"easy_read: bildar en ring (%s), så ingen sida är den vanliga texten",
		"easy_read: forms a ring (%s), so no page is the normal text")
	LangEasyChain = msg.Def("lang.easy-chain",
		"easy_read: leder till %s, som själv har easy_read: (till %s); en lättläst sida kan inte ha en egen lättläst version",
		"easy_read: leads to %s, which has an easy_read: of its own (to %s); an easy-read page cannot have an easy-read version")
	HintLangEasyRing = msg.Def("lang.hint.easy-ring",
		"skriv easy_read: bara på sidan med vanlig text; länken tillbaka från den lättlästa sidan görs av sig själv",
		"write easy_read: only on the page with the normal text; the link back from the easy-read page is made by itself")
	LangSame = msg.Def("lang.same",
		"översättningen %s har samma språk (%s) som sidan",
		"the translation %s has the same language (%s) as the page")
	HintLangSame = msg.Def("lang.hint.same",
		"skriv lang: med översättningens språk i %s",
		"write lang: with the translation's language in %s")
)

// Messages about images: in a page's text, image: in the front matter,
// and the files themselves (packages site and picture).
var (
	HintImageNextToPage = msg.Def("image.hint.next-to-page",
		"lägg bilden bredvid sidans Markdown-fil och skriv dess namn",
		"put the image next to the page's Markdown file and write its name")
	ImageMissing = msg.Def("image.missing",
		"finns inte",
		"does not exist")
	ImageUnreadable = msg.Def("image.unreadable",
		"går inte att läsa: %v",
		"cannot be read: %v")
	ImageNoResize = msg.Def("image.no-resize",
		"bilden kan inte göras mindre: %v",
		"the image cannot be made smaller: %v")
	ImageAltOnly = msg.Def("image.alt-only",
		"image_alt är skriven men inte image",
		"image_alt is written but not image")
	HintImageAltOnly = msg.Def("image.hint.alt-only",
		"lägg till image: med bildens fil, eller ta bort image_alt:",
		"add image: with the image's file, or remove image_alt:")
	ImageNoAlt = msg.Def("image.no-alt",
		"bilden %s saknar image_alt",
		"the image %s has no image_alt")
	HintImageNoAlt = msg.Def("image.hint.no-alt",
		"beskriv bilden i image_alt:, som image_alt: Två personer vid ett bord",
		"describe the image in image_alt:, like image_alt: Två personer vid ett bord")
)

// Netlify's _headers file, which the build writes. A page's or a
// feature's address that would break its lines is refused; communicators
// should never see these.
var (
	HeadersPath = msg.Def("site.headers-path",
		"_headers: adressen %q är inte en enkel adress",
		"_headers: the path %q is not one plain path")
	HeadersName = msg.Def("site.headers-name",
		"_headers: %q är inget namn på ett huvud",
		"_headers: %q is not a header name")
	HeadersValue = msg.Def("site.headers-value",
		"_headers: värdet av %s har ett styrtecken i sig: %q",
		"_headers: the value of %s has a control character: %q")
	// SiteDateMissing: a page of a dated section without date:.
	SiteDateMissing = msg.Def("site.date-missing",
		"date saknas: sidorna i %s visar när de publicerades",
		"date is missing: the pages in %s show when they were published")
	HintSiteDate = msg.Def("site.hint.date",
		"lägg till en rad som date: %s, dagen då sidan publiceras",
		"add a line like date: %s, the day the page is published")
)
