package msg

// Messages of the content rules (package check) that every build runs.
var (
	// CheckRunsCode: a link or address with javascript: or vbscript:.
	CheckRunsCode = def("check.runs-code",
		"länken kör kod (%s:) i stället för att leda till en sida, och sådana länkar är inte tillåtna",
		"the link runs code (%s:) instead of leading to a page, which is not allowed")
	// HintRunsCode: what to write instead of a link that runs code.
	HintRunsCode = def("check.hint.runs-code",
		"länka till en sida eller en fil, som /om/pris/",
		"link to a page or a file, like /om/pris/")
	// CheckDataImage: an image embedded as a data: address.
	CheckDataImage = def("check.data-image",
		"bilden är inbäddad med data:, och webbplatsens säkerhetsregler stoppar sådana bilder",
		"the image is embedded as data:, which the site's security policy blocks")
	// HintDataImage: publish the image as a file instead.
	HintDataImage = def("check.hint.data-image",
		"lägg bilden i static/ och använd dess adress, som ![Två personer vid ett bord](/bilder/namn.png)",
		"put the image in static/ and use its address, like ![Två personer vid ett bord](/bilder/namn.png)")
	// CheckDataLink: a link (or other address) with data:.
	CheckDataLink = def("check.data-link",
		"länken bäddar in innehåll med data: i stället för att leda till en fil, och sådana länkar är inte tillåtna",
		"the link embeds content with data: instead of leading to a file, which is not allowed")
	// HintDataLink: publish the file instead.
	HintDataLink = def("check.hint.data-link",
		"lägg filen i static/ och länka till dess adress, som /dokument/namn.pdf",
		"put the file in static/ and link to its address, like /dokument/namn.pdf")
)

// Addresses that lead nowhere, or to another site.
var (
	// CheckLinkNotAddress: a link whose address cannot be read at all.
	CheckLinkNotAddress = def("check.link-not-address",
		"länken %q är ingen adress",
		"the link %q is not an address")
	CheckImageNotAddress = def("check.image-not-address",
		"bildens adress %q är ingen adress",
		"the image address %q is not an address")
	// CheckResourceNotAddress: an address in a layout's HTML (<link href>,
	// <script src> …) that cannot be read.
	CheckResourceNotAddress = def("check.resource-not-address",
		"adressen %q i <%s %s> är ingen adress",
		"the address %q in <%s %s> is not an address")
	HintCheckAddress = def("check.hint.address",
		"kontrollera adressen; ett mellanslag i den skrivs %%20",
		"check the address; a space in it is written %%20")

	// CheckLinkNowhere: a link to an address of the site that no page or
	// file has.
	CheckLinkNowhere = def("check.link-nowhere",
		"länken %s leder ingenstans",
		"the link %s leads nowhere")
	// CheckResourceNowhere: the same for an address in a layout's HTML,
	// with the tag and attribute it is in.
	CheckResourceNowhere = def("check.resource-nowhere",
		"adressen %s i %s leder ingenstans",
		"the address %s in %s leads nowhere")
	CheckImageMissing = def("check.image-missing",
		"bilden %s finns inte",
		"the image %s does not exist")
	// CheckRelative follows one of the three above for a relative
	// address: what it means from the page it is on.
	CheckRelative = def("check.relative",
		"%v: från %s betyder den %s",
		"%v: from %s it means %s")
	// HintFileNoSlash and HintPageSlash propose the address with or
	// without its final slash, and its ?query and #fragment.
	HintFileNoSlash = def("check.hint.file-no-slash",
		"menade du %s? En fils adress slutar utan snedstreck",
		"did you mean %s? A file's address ends without a slash")
	HintPageSlash = def("check.hint.page-slash",
		"menade du %s? En sidas adress slutar med snedstreck",
		"did you mean %s? A page's address ends with a slash")

	// CheckFragmentHere: a link like #priser to an id the page lacks.
	CheckFragmentHere = def("check.fragment-here",
		"länken #%s leder ingenstans: på den här sidan finns inget id %s",
		"the link #%s leads nowhere: this page has no id %s")
	// CheckFragment: a link like /om/#priser to an id the page it leads
	// to lacks.
	CheckFragment = def("check.fragment",
		"länken %s#%s leder ingenstans: på %s finns inget id %s",
		"the link %s#%s leads nowhere: %s has no id %s")
	HintFragmentID = def("check.hint.fragment-id",
		"en rubriks id är dess text med små bokstäver och bindestreck: ## Så går det till → #sa-gar-det-till",
		"a heading's id is its text in lowercase with hyphens: ## Så går det till → #sa-gar-det-till")
	// HintFragmentHeadings lists the ids of the headings of the page the
	// link leads to.
	HintFragmentHeadings = def("check.hint.fragment-headings",
		"rubrikerna där är %s",
		"the headings there are %s")

	CheckImageExternal = def("check.image-external",
		"bilden %s hämtas från en annan webbplats, och webbplatsen hämtar inget från andra webbplatser",
		"the image %s is loaded from another site; the site makes no requests to other hosts")
	HintImageExternal = def("check.hint.image-external",
		"lägg bilden i static/ och använd dess adress på webbplatsen, som /bilder/namn.png",
		"put the image in static/ and use its address on this site, like /bilder/namn.png")
	// CheckResourceExternal: a layout loads a style sheet, script or icon
	// from another site.
	CheckResourceExternal = def("check.resource-external",
		"<%s %s=%q> hämtar en fil från en annan webbplats, och webbplatsen hämtar inget från andra webbplatser",
		"<%s %s=%q> loads a file from another site; the site makes no requests to other hosts")
	HintResourceExternal = def("check.hint.resource-external",
		"publicera filen med webbplatsen (i layouts/assets/ eller static/) och använd dess adress här",
		"publish the file with the site (layouts/assets/ or static/) and use its address here")
)

// Images and their alt text.
var (
	// CheckNoAltAttr: an <img> in a layout without alt.
	CheckNoAltAttr = def("check.no-alt-attr",
		"bilden %s saknar attributet alt",
		"the image %s has no alt attribute")
	HintNoAltAttr = def("check.hint.no-alt-attr",
		`lägg till alt="…" som säger vad bilden visar, eller alt="" om bilden bara är utsmyckning`,
		`add alt="…" saying what the image shows, or alt="" when it is only decoration`)
	CheckAltFileName = def("check.alt-file-name",
		"alternativtexten %q är ett filnamn, inte en beskrivning av bilden",
		"the alt text %q is a file name, not a description of the image")
	HintAltFileName = def("check.hint.alt-file-name",
		"beskriv vad bilden visar: ![Två personer vid ett bord](%s)",
		"describe what the image shows: ![Två personer vid ett bord](%s)")
)

// Link texts.
var (
	CheckLinkNoText = def("check.link-no-text",
		"länken till %s har ingen text",
		"the link to %s has no text")
	CheckLinkVague = def("check.link-vague",
		"länktexten %q säger inte vart länken leder",
		"the link text %q does not say where the link leads")
	CheckLinkBare = def("check.link-bare",
		"länktexten är bara en adress: %s",
		"the link text is a bare address: %s")
	// HintLinkText is the hint for a link in a layout; the two after it
	// for a link in Markdown, with the title of the page it leads to when
	// there is one.
	HintLinkText = def("check.hint.link-text",
		"skriv vart länken leder som länkens text",
		"write where the link leads as its text")
	HintLinkTextTitle = def("check.hint.link-text-title",
		"skriv vart länken leder: [%s](%s)",
		"describe where the link leads: [%s](%s)")
	HintLinkTextName = def("check.hint.link-text-name",
		"skriv vart länken leder: [sidans namn](%s)",
		"describe where the link leads: [the name of the page](%s)")
)

// Links to documents.
var (
	CheckDocNoSize = def("check.doc-no-size",
		"länken till dokumentet %s säger inte filtyp och storlek",
		"the link to the document %s does not say its type and size")
	// HintDocTypeSize: an external document, whose size is not known.
	HintDocTypeSize = def("check.hint.doc-type-size",
		"avsluta länktexten med filtyp och storlek, som (%s, 1,2 MB)",
		"end the link text with the type and size, like (%s, 1,2 MB)")
	// HintDocEnd gives the right text for a document of the site.
	HintDocEnd = def("check.hint.doc-end",
		"avsluta länktexten med %s",
		"end the link text with %s")
	CheckDocWrongSize = def("check.doc-wrong-size",
		"länktexten säger %s, men dokumentet %s är %s",
		"the link text says %s, but the document %s is %s")
	HintDocWrite = def("check.hint.doc-write",
		"skriv %s i länktexten",
		"write %s in the link text")
)

// mailto: and tel: links.
var (
	CheckMailtoEmpty = def("check.mailto-empty",
		"mailto:-länken har ingen e-postadress",
		"the mailto: link has no e-mail address")
	HintMailtoEmpty = def("check.hint.mailto-empty",
		"skriv adressen efter mailto:, som mailto:namn@mittland.se",
		"write the address after mailto:, like mailto:namn@mittland.se")
	CheckMailto = def("check.mailto",
		"mailto:%s är ingen e-postadress",
		"mailto:%s is not an e-mail address")
	HintMailto = def("check.hint.mailto",
		"skriv adressen som mailto:namn@mittland.se",
		"write the address like mailto:namn@mittland.se")
	CheckTel = def("check.tel",
		"tel:%s är inget telefonnummer i internationell form (E.164)",
		"tel:%s is not a phone number in international form (E.164)")
	HintTel = def("check.hint.tel",
		"skriv numret med +46, utan den första nollan och utan mellanslag, som tel:+46101234500",
		"write the number with +46 and without the first 0 or spaces, like tel:+46101234500")
	// HintTelWrite gives the number in E.164 form.
	HintTelWrite = def("check.hint.tel-write",
		"skriv tel:%s",
		"write tel:%s")
)

// Headings and ids.
var (
	CheckHeadingOne = def("check.heading-one",
		"rubriken %q är på nivå 1, men sidans titel är dess enda rubrik på nivå 1",
		"the heading %q is at level 1, but the page's title is its only level-1 heading")
	HintHeadingOne = def("check.hint.heading-one",
		"börja rubrikerna i texten med ## (nivå 2)",
		"start the headings in the text at ## (level 2)")
	CheckHeadingFirst = def("check.heading-first",
		"rubriken %q är på nivå %d, men den första rubriken i texten ska vara på nivå 2 (##)",
		"the heading %q is at level %d, but the first heading in the text is at level 2 (##)")
	HintHeadingFirst = def("check.hint.heading-first",
		"skriv den som ## %s, eller sätt en rubrik med ## före den",
		"make it ## %s, or put a ## heading before it")
	CheckHeadingSkip = def("check.heading-skip",
		"rubriken %q är på nivå %d, men rubriken före den, %q på rad %d, är på nivå %d",
		"the heading %q is at level %d, but the heading before it, %q on line %d, is at level %d")
	HintHeadingSkip = def("check.hint.heading-skip",
		"gör den till %s (nivå %d), eller sätt en rubrik på nivå %d emellan",
		"make it %s (level %d), or put a level-%d heading between them")
	// CheckLayoutHeadingSkip: a heading that a layout adds skips a level.
	CheckLayoutHeadingSkip = def("check.layout-heading-skip",
		"rubriken %q (h%d) hoppar över en nivå: rubriken före den är h%d",
		"the heading %q (h%d) skips a level: the heading before it is h%d")
	HintLayoutHeadingSkip = def("check.hint.layout-heading-skip",
		"gör den till h%d, eller sätt en h%d emellan",
		"make it h%d, or put an h%d between them")

	CheckHeadingID = def("check.heading-id",
		"rubriken %q får id:t %s, som sidans sidmall också använder",
		"the heading %q gets the id %s, which the page's layout uses too")
	HintHeadingID = def("check.hint.heading-id",
		"ändra rubrikens ord lite, så att en länk till #%s bara har ett ställe att leda till",
		"change the heading's words a little, so that a link to #%s has one place to go")
	CheckIDTwice = def("check.id-twice",
		"id:t %s används %d gånger på samma sida",
		"the id %s is used %d times in one page")
	HintIDTwice = def("check.hint.id-twice",
		"ge varje element i sidmallen ett eget id",
		"give every element its own id")
)

// Problems that a layout causes on many pages, reported once with the
// pages they were seen on: "…, på /om/ och 3 sidor till".
var (
	CheckOnPages = def("check.on-pages",
		"%v, på %v",
		"%v, on %v")
	CheckPagesTwo = def("check.pages-two",
		"%v och %v",
		"%v and %v")
	CheckPagesMore = def("check.pages-more",
		"%v och %d sidor till",
		"%v and %d other pages")
	// CheckNotFoundPage names the page shown for addresses that do not
	// exist (404.html).
	CheckNotFoundPage = def("check.not-found-page",
		"404-sidan (sidan som visas när en adress inte finns)",
		"the not-found page")
)

// CheckScheme: a link or image whose scheme the site cannot publish.
var (
	CheckScheme = def("check.scheme",
		"adressen börjar med %s, som ingen besökare kan följa till något som webbplatsen publicerar",
		"the address starts with %s, which no visitor can follow to anything the site publishes")
	HintScheme = def("check.hint.scheme",
		"länka till en sida på webbplatsen, till en fil i static/ eller till en adress som börjar med https://",
		"link to a page of the site, to a file in static/ or to an address that starts with https://")
)

// External links, asked with go run ./cmd/build check -external.
var (
	CheckExternalBroken = def("check.external-broken",
		"den externa länken %s fungerar inte: %v",
		"the external link %s does not work: %v")
	HintExternalBroken = def("check.hint.external-broken",
		"öppna adressen i en webbläsare; har webbplatsen flyttat eller stängt, länka till en annan",
		"check the address in a browser; if the site has moved or closed, link to another")
	// CheckExternalStatus: the server answered with an error code, like
	// 404 Not Found.
	CheckExternalStatus = def("check.external-status",
		"den externa länken %s svarar %d (%v)",
		"the external link %s answers %d (%v)")
	// What the usual error codes mean; other codes keep the words of the
	// HTTP standard.
	StatusNotFound = def("check.status.not-found",
		"sidan finns inte",
		"not found")
	StatusGone = def("check.status.gone",
		"sidan är borttagen",
		"gone")
	StatusForbidden = def("check.status.forbidden",
		"sidan kräver inloggning eller är spärrad",
		"login required or forbidden")
	StatusTooMany = def("check.status.too-many",
		"webbplatsen får för många frågor just nu",
		"too many requests")
	StatusServer = def("check.status.server",
		"fel hos webbplatsen",
		"the server failed")
	HintExternalMoved = def("check.hint.external-moved",
		"sidan kan ha flyttat: leta upp dess nya adress, eller ta bort länken",
		"the page may have moved: find its new address, or remove the link")
	// Why an external address did not answer.
	// CheckExternalLocal: the address is, or resolves to, the own computer
	// or network (or cloud metadata); the checker never connects there.
	CheckExternalLocal = def("check.external-local",
		"den externa länken %s leder till %s, en adress i den egna datorn eller det egna nätet, och kontrollen ansluter aldrig dit",
		"the external link %s leads to %s, an address of this computer or the local network, and the check never connects there")
	HintExternalLocal = def("check.hint.external-local",
		"länka till en adress som alla kan nå, eller till en sida på webbplatsen",
		"link to an address anyone can reach, or to a page of the site")
	ExternalNoHost = def("check.external-no-host",
		"det finns ingen webbplats som heter %s",
		"the host %s is not found")
	ExternalTimeout = def("check.external-timeout",
		"inget svar inom %v",
		"no answer within %v")
	ExternalRefused = def("check.external-refused",
		"servern tar inte emot anslutningen",
		"the server refuses the connection")
	ExternalRedirects = def("check.external-redirects",
		"adressen vidarekopplas för många gånger",
		"too many redirects")
	ExternalCertificate = def("check.external-certificate",
		"webbplatsens certifikat är inte giltigt",
		"its certificate is not valid")
)
