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
