package check

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of the content rules (package check) that every build runs.
var (
	// CheckRunsCode: a link or address with javascript: or vbscript:.
	CheckRunsCode = msg.Def("check.runs-code",
		"länken kör kod (%s:) i stället för att leda till en sida, och sådana länkar är inte tillåtna",
		"the link runs code (%s:) instead of leading to a page, which is not allowed")
	// HintRunsCode: what to write instead of a link that runs code.
	HintRunsCode = msg.Def("check.hint.runs-code",
		"länka till en sida eller en fil, som /om/pris/",
		"link to a page or a file, like /om/pris/")
	// CheckDataImage: an image embedded as a data: address.
	CheckDataImage = msg.Def("check.data-image",
		"bilden är inbäddad med data:, och webbplatsens säkerhetsregler stoppar sådana bilder",
		"the image is embedded as data:, which the site's security policy blocks")
	// HintDataImage: publish the image as a file instead.
	HintDataImage = msg.Def("check.hint.data-image",
		"lägg bilden i static/ och använd dess adress, som ![Två personer vid ett bord](/bilder/namn.png)",
		"put the image in static/ and use its address, like ![Två personer vid ett bord](/bilder/namn.png)")
	// CheckDataLink: a link (or other address) with data:.
	CheckDataLink = msg.Def("check.data-link",
		"länken bäddar in innehåll med data: i stället för att leda till en fil, och sådana länkar är inte tillåtna",
		"the link embeds content with data: instead of leading to a file, which is not allowed")
	// HintDataLink: publish the file instead.
	HintDataLink = msg.Def("check.hint.data-link",
		"lägg filen i static/ och länka till dess adress, som /dokument/namn.pdf",
		"put the file in static/ and link to its address, like /dokument/namn.pdf")
)

// Addresses that lead nowhere, or to another site.
var (
	// CheckLinkNotAddress: a link whose address cannot be read at all.
	CheckLinkNotAddress = msg.Def("check.link-not-address",
		"länken %q är ingen adress",
		"the link %q is not an address")
	CheckImageNotAddress = msg.Def("check.image-not-address",
		"bildens adress %q är ingen adress",
		"the image address %q is not an address")
	// CheckResourceNotAddress: an address in a layout's HTML (<link href>,
	// <script src> …) that cannot be read.
	CheckResourceNotAddress = msg.Def("check.resource-not-address",
		"adressen %q i <%s %s> är ingen adress",
		"the address %q in <%s %s> is not an address")
	HintCheckAddress = msg.Def("check.hint.address",
		"kontrollera adressen; ett mellanslag i den skrivs %%20",
		"check the address; a space in it is written %%20")
	// CheckLinkNowhere: a link to an address of the site that no page or
	// file has.
	CheckLinkNowhere = msg.Def("check.link-nowhere",
		"länken %s leder ingenstans",
		"the link %s leads nowhere")
	// CheckResourceNowhere: the same for an address in a layout's HTML,
	// with the tag and attribute it is in.
	CheckResourceNowhere = msg.Def("check.resource-nowhere",
		"adressen %s i %s leder ingenstans",
		"the address %s in %s leads nowhere")
	CheckImageMissing = msg.Def("check.image-missing",
		"bilden %s finns inte",
		"the image %s does not exist")
	// CheckRelative follows one of the three above for a relative
	// address: what it means from the page it is on.
	CheckRelative = msg.Def("check.relative",
		"%v: från %s betyder den %s",
		"%v: from %s it means %s")
	// HintFileNoSlash and HintPageSlash propose the address with or
	// without its final slash, and its ?query and #fragment.
	// HintNFC: the address differs from a file's only in how a letter is
	// written (å as one character, or as a and a ring).
	HintNFC = msg.Def("check.hint.nfc",
		"filen %s ser likadan ut men skrivs med andra tecken: i länken %s, i filnamnet %s; skriv om namnet i länken, eller spara filen på nytt med samma namn",
		"the file %s looks the same but is written with other characters: in the link %s, in the file name %s; type the name in the link again, or save the file again under the same name")
	HintFileNoSlash = msg.Def("check.hint.file-no-slash",
		"menade du %s? En fils adress slutar utan snedstreck",
		"did you mean %s? A file's address ends without a slash")
	HintPageSlash = msg.Def("check.hint.page-slash",
		"menade du %s? En sidas adress slutar med snedstreck",
		"did you mean %s? A page's address ends with a slash")
	// CheckFragmentHere: a link like #priser to an id the page lacks.
	CheckFragmentHere = msg.Def("check.fragment-here",
		"länken #%s leder ingenstans: på den här sidan finns inget id %s",
		"the link #%s leads nowhere: this page has no id %s")
	// CheckFragment: a link like /om/#priser to an id the page it leads
	// to lacks.
	CheckFragment = msg.Def("check.fragment",
		"länken %s#%s leder ingenstans: på %s finns inget id %s",
		"the link %s#%s leads nowhere: %s has no id %s")
	HintFragmentID = msg.Def("check.hint.fragment-id",
		"en rubriks id är dess text med små bokstäver och bindestreck: ## Så går det till → #sa-gar-det-till",
		"a heading's id is its text in lowercase with hyphens: ## Så går det till → #sa-gar-det-till")
	// HintFragmentHeadings lists the ids of the headings of the page the
	// link leads to.
	HintFragmentHeadings = msg.Def("check.hint.fragment-headings",
		"rubrikerna där är %s",
		"the headings there are %s")
	CheckImageExternal = msg.Def("check.image-external",
		"bilden %s hämtas från en annan webbplats, och webbplatsen hämtar inget från andra webbplatser",
		"the image %s is loaded from another site; the site makes no requests to other hosts")
	HintImageExternal = msg.Def("check.hint.image-external",
		"lägg bilden i static/ och använd dess adress på webbplatsen, som /bilder/namn.png",
		"put the image in static/ and use its address on this site, like /bilder/namn.png")
	// CheckResourceExternal: a layout loads a style sheet, script or icon
	// from another site.
	CheckResourceExternal = msg.Def("check.resource-external",
		"<%s %s=%q> hämtar en fil från en annan webbplats, och webbplatsen hämtar inget från andra webbplatser",
		"<%s %s=%q> loads a file from another site; the site makes no requests to other hosts")
	HintResourceExternal = msg.Def("check.hint.resource-external",
		"publicera filen med webbplatsen (i layouts/assets/ eller static/) och använd dess adress här",
		"publish the file with the site (layouts/assets/ or static/) and use its address here")
)

// Images and their alt text.
var (
	// CheckNoAltAttr: an <img> in a layout without alt.
	CheckNoAltAttr = msg.Def("check.no-alt-attr",
		"bilden %s saknar attributet alt",
		"the image %s has no alt attribute")
	HintNoAltAttr = msg.Def("check.hint.no-alt-attr",
		`lägg till alt="…" som säger vad bilden visar, eller alt="" om bilden bara är utsmyckning`,
		`add alt="…" saying what the image shows, or alt="" when it is only decoration`)
	CheckAltFileName = msg.Def("check.alt-file-name",
		"alternativtexten %q är ett filnamn, inte en beskrivning av bilden",
		"the alt text %q is a file name, not a description of the image")
	HintAltFileName = msg.Def("check.hint.alt-file-name",
		"beskriv vad bilden visar: ![Två personer vid ett bord](%s)",
		"describe what the image shows: ![Två personer vid ett bord](%s)")
)

// Link texts.
var (
	CheckLinkNoText = msg.Def("check.link-no-text",
		"länken till %s har ingen text",
		"the link to %s has no text")
	CheckLinkVague = msg.Def("check.link-vague",
		"länktexten %q säger inte vart länken leder",
		"the link text %q does not say where the link leads")
	CheckLinkBare = msg.Def("check.link-bare",
		"länktexten är bara en adress: %s",
		"the link text is a bare address: %s")
	// HintLinkText is the hint for a link in a layout; the two after it
	// for a link in Markdown, with the title of the page it leads to when
	// there is one.
	HintLinkText = msg.Def("check.hint.link-text",
		"skriv vart länken leder som länkens text",
		"write where the link leads as its text")
	HintLinkTextTitle = msg.Def("check.hint.link-text-title",
		"skriv vart länken leder: [%s](%s)",
		"describe where the link leads: [%s](%s)")
	HintLinkTextName = msg.Def("check.hint.link-text-name",
		"skriv vart länken leder: [sidans namn](%s)",
		"describe where the link leads: [the name of the page](%s)")
)

// Links to documents.
var (
	CheckDocNoSize = msg.Def("check.doc-no-size",
		"länken till dokumentet %s säger inte filtyp och storlek",
		"the link to the document %s does not say its type and size")
	// HintDocTypeSize: an external document, whose size is not known.
	HintDocTypeSize = msg.Def("check.hint.doc-type-size",
		"avsluta länktexten med filtyp och storlek, som (%s, 1,2 MB)",
		"end the link text with the type and size, like (%s, 1,2 MB)")
	// HintDocEnd gives the right text for a document of the site.
	HintDocEnd = msg.Def("check.hint.doc-end",
		"avsluta länktexten med %s",
		"end the link text with %s")
	CheckDocWrongSize = msg.Def("check.doc-wrong-size",
		"länktexten säger %s, men dokumentet %s är %s",
		"the link text says %s, but the document %s is %s")
	HintDocWrite = msg.Def("check.hint.doc-write",
		"skriv %s i länktexten",
		"write %s in the link text")
)

// mailto: and tel: links.
var (
	CheckMailtoEmpty = msg.Def("check.mailto-empty",
		"mailto:-länken har ingen e-postadress",
		"the mailto: link has no e-mail address")
	HintMailtoEmpty = msg.Def("check.hint.mailto-empty",
		"skriv adressen efter mailto:, som mailto:namn@mittland.se",
		"write the address after mailto:, like mailto:namn@mittland.se")
	CheckMailto = msg.Def("check.mailto",
		"mailto:%s är ingen e-postadress",
		"mailto:%s is not an e-mail address")
	HintMailto = msg.Def("check.hint.mailto",
		"skriv adressen som mailto:namn@mittland.se",
		"write the address like mailto:namn@mittland.se")
	CheckTel = msg.Def("check.tel",
		"tel:%s är inget telefonnummer i internationell form (E.164)",
		"tel:%s is not a phone number in international form (E.164)")
	HintTel = msg.Def("check.hint.tel",
		"skriv numret med +46, utan den första nollan och utan mellanslag, som tel:+46101234500",
		"write the number with +46 and without the first 0 or spaces, like tel:+46101234500")
	// HintTelWrite gives the number in E.164 form.
	HintTelWrite = msg.Def("check.hint.tel-write",
		"skriv tel:%s",
		"write tel:%s")
)

// Headings and ids.
var (
	CheckHeadingOne = msg.Def("check.heading-one",
		"rubriken %q är på nivå 1, men sidans titel är dess enda rubrik på nivå 1",
		"the heading %q is at level 1, but the page's title is its only level-1 heading")
	HintHeadingOne = msg.Def("check.hint.heading-one",
		"börja rubrikerna i texten med ## (nivå 2)",
		"start the headings in the text at ## (level 2)")
	CheckHeadingFirst = msg.Def("check.heading-first",
		"rubriken %q är på nivå %d, men den första rubriken i texten ska vara på nivå 2 (##)",
		"the heading %q is at level %d, but the first heading in the text is at level 2 (##)")
	HintHeadingFirst = msg.Def("check.hint.heading-first",
		"skriv den som ## %s, eller sätt en rubrik med ## före den",
		"make it ## %s, or put a ## heading before it")
	CheckHeadingSkip = msg.Def("check.heading-skip",
		"rubriken %q är på nivå %d, men rubriken före den, %q på rad %d, är på nivå %d",
		"the heading %q is at level %d, but the heading before it, %q on line %d, is at level %d")
	HintHeadingSkip = msg.Def("check.hint.heading-skip",
		"gör den till %s (nivå %d), eller sätt en rubrik på nivå %d emellan",
		"make it %s (level %d), or put a level-%d heading between them")
	// CheckLayoutHeadingSkip: a heading that a layout adds skips a level.
	CheckLayoutHeadingSkip = msg.Def("check.layout-heading-skip",
		"rubriken %q (h%d) hoppar över en nivå: rubriken före den är h%d",
		"the heading %q (h%d) skips a level: the heading before it is h%d")
	HintLayoutHeadingSkip = msg.Def("check.hint.layout-heading-skip",
		"gör den till h%d, eller sätt en h%d emellan",
		"make it h%d, or put an h%d between them")
	CheckHeadingID = msg.Def("check.heading-id",
		"rubriken %q får id:t %s, som sidans sidmall också använder",
		"the heading %q gets the id %s, which the page's layout uses too")
	HintHeadingID = msg.Def("check.hint.heading-id",
		"ändra rubrikens ord lite, så att en länk till #%s bara har ett ställe att leda till",
		"change the heading's words a little, so that a link to #%s has one place to go")
	CheckIDTwice = msg.Def("check.id-twice",
		"id:t %s används %d gånger på samma sida",
		"the id %s is used %d times in one page")
	HintIDTwice = msg.Def("check.hint.id-twice",
		"ge varje element i sidmallen ett eget id",
		"give every element its own id")
)

// Problems that a layout causes on many pages, reported once with the
// pages they were seen on: "…, på /om/ och 3 sidor till".
var (
	CheckOnPages = msg.Def("check.on-pages",
		"%v, på %v",
		"%v, on %v")
	CheckPagesTwo = msg.Def("check.pages-two",
		"%v och %v",
		"%v and %v")
	CheckPagesMore = msg.Def("check.pages-more",
		"%v och %d sidor till",
		"%v and %d other pages")
	// CheckNotFoundPage names the page shown for addresses that do not
	// exist (404.html).
	CheckNotFoundPage = msg.Def("check.not-found-page",
		"404-sidan (sidan som visas när en adress inte finns)",
		"the not-found page")
)

// CheckScheme: a link or image whose scheme the site cannot publish.
var (
	CheckScheme = msg.Def("check.scheme",
		"adressen börjar med %s, som ingen besökare kan följa till något som webbplatsen publicerar",
		"the address starts with %s, which no visitor can follow to anything the site publishes")
	HintScheme = msg.Def("check.hint.scheme",
		"länka till en sida på webbplatsen, till en fil i static/ eller till en adress som börjar med https://",
		"link to a page of the site, to a file in static/ or to an address that starts with https://")
)

// External links, asked with go run ./cmd/build check -external.
var (
	CheckExternalBroken = msg.Def("check.external-broken",
		"den externa länken %s fungerar inte: %v",
		"the external link %s does not work: %v")
	HintExternalBroken = msg.Def("check.hint.external-broken",
		"öppna adressen i en webbläsare; har webbplatsen flyttat eller stängt, länka till en annan",
		"check the address in a browser; if the site has moved or closed, link to another")
	// CheckExternalStatus: the server answered with an error code, like
	// 404 Not Found.
	CheckExternalStatus = msg.Def("check.external-status",
		"den externa länken %s svarar %d (%v)",
		"the external link %s answers %d (%v)")
	// What the usual error codes mean; other codes keep the words of the
	// HTTP standard.
	StatusNotFound = msg.Def("check.status.not-found",
		"sidan finns inte",
		"not found")
	StatusGone = msg.Def("check.status.gone",
		"sidan är borttagen",
		"gone")
	StatusForbidden = msg.Def("check.status.forbidden",
		"sidan kräver inloggning eller är spärrad",
		"login required or forbidden")
	StatusTooMany = msg.Def("check.status.too-many",
		"webbplatsen får för många frågor just nu",
		"too many requests")
	StatusServer = msg.Def("check.status.server",
		"fel hos webbplatsen",
		"the server failed")
	HintExternalMoved = msg.Def("check.hint.external-moved",
		"sidan kan ha flyttat: leta upp dess nya adress, eller ta bort länken",
		"the page may have moved: find its new address, or remove the link")
	// Why an external address did not answer.
	// CheckExternalLocal: the address is, or resolves to, the own computer
	// or network (or cloud metadata); the checker never connects there.
	CheckExternalLocal = msg.Def("check.external-local",
		"den externa länken %s leder till %s, en adress i den egna datorn eller det egna nätet, och kontrollen ansluter aldrig dit",
		"the external link %s leads to %s, an address of this computer or the local network, and the check never connects there")
	HintExternalLocal = msg.Def("check.hint.external-local",
		"länka till en adress som alla kan nå, eller till en sida på webbplatsen",
		"link to an address anyone can reach, or to a page of the site")
	ExternalNoHost = msg.Def("check.external-no-host",
		"det finns ingen webbplats som heter %s",
		"the host %s is not found")
	ExternalTimeout = msg.Def("check.external-timeout",
		"inget svar inom %v",
		"no answer within %v")
	ExternalRefused = msg.Def("check.external-refused",
		"servern tar inte emot anslutningen",
		"the server refuses the connection")
	ExternalRedirects = msg.Def("check.external-redirects",
		"adressen vidarekopplas för många gånger",
		"too many redirects")
	ExternalCertificate = msg.Def("check.external-certificate",
		"webbplatsens certifikat är inte giltigt",
		"its certificate is not valid")
)

// Messages of the command line (cmd/build): usage errors, the summary line
// and what the commands print.
var (
	// CheckSummary is what check has looked at.
	CheckSummary = msg.Def("check.summary",
		"kontrollerade %v, %v",
		"checked %v, %v")
	CheckSummaryExternal = msg.Def("check.summary-external",
		"kontrollerade %v, %v, %v",
		"checked %v, %v, %v")
	Links = msg.DefPlural("check.links",
		"%d länk", "%d länkar",
		"%d link", "%d links")
	ExternalAddresses = msg.DefPlural("check.external-addresses",
		"%d extern adress", "%d externa adresser",
		"%d external address", "%d external addresses")
)
