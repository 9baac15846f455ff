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
	// SiteCollisionBoth: two parts of the build itself write one
	// address.
	SiteCollisionBoth = def("site.collision-both",
		"adressen /%s skrivs både av %s och av %s",
		"/%s is written by both %s and %s")
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
	SettingsMegapixels = def("settings.megapixels",
		"images: max_megapixels: är %d, och gränsen måste vara mellan 1 och 1000 megapixlar",
		"images: max_megapixels: is %d, and the limit must be between 1 and 1000 megapixels")
	HintSettingsMegapixels = def("settings.hint.megapixels",
		"skriv till exempel max_megapixels: 50, eller ta bort raden",
		"write for example max_megapixels: 50, or remove the line")
	SettingsContactPhone = def("settings.contact-phone",
		"kontaktens telefonnummer: %v",
		"contact phone: %v")
)

// Messages of the build about pages and their addresses (package site).
var (
	// SitePageAddress: two Markdown files give the same address.
	SitePageAddress = def("site.page-address",
		"sidan får adressen %s, som %s redan har",
		"the page gets the address %s, which %s already has")
	// SiteAliasIsPage: an old address (aliases:) that a page has now.
	SiteAliasIsPage = def("site.alias-is-page",
		"den gamla adressen %s är adressen till sidan %s",
		"the alias %s is the address of the page %s")
	HintAliasIsPage = def("site.hint.alias-is-page",
		"under aliases står gamla adresser som ingen sida har längre; ta bort den",
		"an alias is an old address that no page has any more; remove it")
	SiteAliasTwice = def("site.alias-twice",
		"den gamla adressen %s står också under aliases i %s",
		"the alias %s is also an alias of %s")
	HintAliasTwice = def("site.hint.alias-twice",
		"en gammal adress kan bara leda till en sida; ta bort den från den ena sidan",
		"an old address can lead to one page only")
	// SiteNotShown: a key of the front matter that the page's layout does
	// not show (contacts: on a page whose layout shows no contacts).
	SiteNotShown = def("site.not-shown",
		"sidmallen %s visar inte %s, så %s: syns inte på sidan",
		"the layout %s does not show %s, so %s: is not seen on the page")
	HintNotShown = def("site.hint.not-shown",
		"ta bort %s:, eller lägg sidan i en sidmall som visar det",
		"remove %s:, or give the page a layout that shows it")
	// The parts of a page that SiteNotShown names.
	ShownContacts = def("site.shown.contacts", "kontakter", "contacts")
	ShownSessions = def("site.shown.sessions", "seminarietillfällen", "seminar sessions")
	ShownRegister = def("site.shown.register", "anmälan till seminarier", "the registration for seminars")
	ShownAudience = def("site.shown.audience", "vem ett seminarium är för", "whom a seminar is for")
	ShownSeminars = def("site.shown.seminars", "seminarier", "seminars")
)

// Messages about pages in other languages and in easy Swedish
// (translations: and easy_read: in the front matter).
var (
	// LangNoPage: translations: or easy_read: names no page.
	LangNoPage = def("lang.no-page",
		"%s %q leder inte till någon sida",
		"%s %q leads to no page")
	HintLangNoPage = def("lang.hint.no-page",
		"skriv sidans fil, som en/sammanfattning.md, eller dess adress, som /en/sammanfattning/",
		"write the page's file, like en/sammanfattning.md, or its address, like /en/sammanfattning/")
	LangSelf = def("lang.self",
		"sidan anger sig själv som översättning",
		"the page names itself as its translation")
	HintLangSelf = def("lang.hint.self",
		"ta bort %s",
		"remove %s")
	LangEasySelf = def("lang.easy-self",
		"sidan anger sig själv som lättläst version",
		"the page names itself as its easy-read version")
	HintLangEasySelf = def("lang.hint.easy-self",
		"skriv den lättlästa sidans fil",
		"write the file of the easy-read page")
	LangSame = def("lang.same",
		"översättningen %s har samma språk (%s) som sidan",
		"the translation %s has the same language (%s) as the page")
	HintLangSame = def("lang.hint.same",
		"skriv lang: med översättningens språk i %s",
		"write lang: with the translation's language in %s")
)

// Messages about images: in a page's text, image: in the front matter,
// and the files themselves (packages site and picture).
var (
	// ImageProblem is an image and what is wrong with it, one of the
	// Image* messages below: "bilden par.png finns inte".
	ImageProblem = def("image.problem",
		"bilden %s %v",
		"the image %s %v")
	HintImageNextTo = def("image.hint.next-to",
		"lägg bilden bredvid sidans Markdown-fil, eller i static/, och skriv dess namn",
		"put the image next to the page's Markdown file, or in static/, and write its name")
	HintImageNextToPage = def("image.hint.next-to-page",
		"lägg bilden bredvid sidans Markdown-fil och skriv dess namn",
		"put the image next to the page's Markdown file and write its name")
	ImageMissing = def("image.missing",
		"finns inte",
		"does not exist")
	ImageUnreadable = def("image.unreadable",
		"går inte att läsa: %v",
		"cannot be read: %v")
	ImageNotImage = def("image.not-image",
		"är inte en bild som webbplatsen kan visa (JPEG, PNG, GIF, WebP eller SVG)",
		"is not an image the site can show (JPEG, PNG, GIF, WebP or SVG)")
	ImageSVGNoSize = def("image.svg-no-size",
		"är en SVG-fil utan storlek (ge svg-elementet viewBox eller width och height)",
		"is an SVG file without a size (give the svg element a viewBox, or width and height)")
	ImageNotFormat = def("image.not-format",
		"går inte att läsa som %s",
		"cannot be read as %s")
	ImageWrongExt = def("image.wrong-ext",
		"är en %s-fil men har filändelsen %s",
		"is a %s file but has the extension %s")
	// ImagePixels and ImageBytes say why an image is large
	// (NoteImageLarge).
	ImagePixels = def("image.pixels",
		"%d × %d pixlar",
		"%d × %d pixels")
	// ImageTooManyPixels: the header's size is over the limit; the
	// image is never decoded (package picture).
	ImageTooManyPixels = def("image.too-many-pixels",
		"är %d × %d pixlar, mer än bygget läser (högst %d megapixlar)",
		"is %d × %d pixels, more than the build reads (at most %d megapixels)")
	HintImageTooManyPixels = def("image.hint.too-many-pixels",
		"gör bilden mindre i ett bildprogram, till exempel 2000 pixlar bred, och lägg in den igen; images: max_megapixels: i site.yaml höjer gränsen",
		"make the image smaller in an image editor, for example 2000 pixels wide, and add it again; images: max_megapixels: in site.yaml raises the limit")
	ImageNoPixels = def("image.no-pixels",
		"säger att den är %d × %d pixlar, och en bild måste ha minst en pixel på varje led",
		"says it is %d × %d pixels, and an image needs at least one pixel each way")
	// ImageBroken: the header was read but the whole image cannot be
	// decoded: a truncated file or a header that lies.
	ImageBroken = def("image.broken",
		"är trasig: den går inte att läsa hel som %s (filen kan vara avbruten eller felaktig)",
		"is broken: it cannot be read whole as %s (the file may be cut short or wrong)")
	HintImageResave = def("image.hint.resave",
		"öppna bilden i ett bildprogram, spara den på nytt som JPEG eller PNG och lägg in den igen",
		"open the image in an image editor, save it again as JPEG or PNG and add it again")
	// The image cache (.cache/bilder) is refused (package picture).
	ImageCacheLink = def("image.cache-link",
		"bildcachen %s är en symbolisk länk, och bygget skriver inte genom länkar",
		"the image cache %s is a symbolic link, and the build does not write through links")
	ImageCacheForeign = def("image.cache-foreign",
		"bildcachen %s är inte en mapp som bygget har gjort (den är en fil eller tillhör en annan användare)",
		"the image cache %s is not a folder the build made (it is a file or belongs to another user)")
	ImageCacheUnusable = def("image.cache-unusable",
		"bildcachen %s går inte att använda: %v",
		"the image cache %s cannot be used: %v")
	HintImageCache = def("image.hint.cache",
		"ta bort %s; bygget gör en ny cache själv",
		"remove %s; the build makes a new cache itself")
	ImageNoResize = def("image.no-resize",
		"bilden kan inte göras mindre: %v",
		"the image cannot be made smaller: %v")
	ImageAltOnly = def("image.alt-only",
		"image_alt är skriven men inte image",
		"image_alt is written but not image")
	HintImageAltOnly = def("image.hint.alt-only",
		"lägg till image: med bildens fil, eller ta bort image_alt:",
		"add image: with the image's file, or remove image_alt:")
	ImageNoAlt = def("image.no-alt",
		"bilden %s saknar image_alt",
		"the image %s has no image_alt")
	HintImageNoAlt = def("image.hint.no-alt",
		"beskriv bilden i image_alt:, som image_alt: Två personer vid ett bord",
		"describe the image in image_alt:, like image_alt: Två personer vid ett bord")
)

// Netlify's _headers file, which the build writes. A page's or a
// feature's address that would break its lines is refused; communicators
// should never see these.
var (
	HeadersPath = def("site.headers-path",
		"_headers: adressen %q är inte en enkel adress",
		"_headers: the path %q is not one plain path")
	HeadersName = def("site.headers-name",
		"_headers: %q är inget namn på ett huvud",
		"_headers: %q is not a header name")
	HeadersValue = def("site.headers-value",
		"_headers: värdet av %s har ett styrtecken i sig: %q",
		"_headers: the value of %s has a control character: %q")

	// SettingsDatedNoFolder: dated: names a folder content/ does not have.
	SettingsDatedNoFolder = def("settings.dated-no-folder",
		"dated: %q är ingen mapp i content/",
		"dated: %q is not a folder of content/")
	HintSettingsDated = def("settings.hint.dated",
		"skriv mappens namn i content/, som dated: [nyheter]",
		"write the name of a folder of content/, like dated: [nyheter]")
	// SiteDateMissing: a page of a dated section without date:.
	SiteDateMissing = def("site.date-missing",
		"date saknas: sidorna i %s visar när de publicerades",
		"date is missing: the pages in %s show when they were published")
	HintSiteDate = def("site.hint.date",
		"lägg till en rad som date: %s, dagen då sidan publiceras",
		"add a line like date: %s, the day the page is published")
)
