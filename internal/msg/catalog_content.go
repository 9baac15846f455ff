package msg

// Messages of pages: Markdown files under content/ with their front matter
// (packages content and markdown).
var (
	PageNotUTF8 = def("page.not-utf8",
		"filen är inte sparad som UTF-8",
		"the file is not UTF-8 text")
	HintPageUTF8 = def("page.hint.utf8",
		"spara filen som UTF-8 i din editor",
		"save it as UTF-8 in your editor")
	PageFrontMatterOpen = def("page.front-matter-open",
		"front matter saknar sin avslutande rad",
		"the front matter has no closing line")
	HintPageFrontMatterOpen = def("page.hint.front-matter-open",
		"avsluta den med en rad med tre bindestreck: ---",
		"end it with a line of three hyphens: ---")
	PageNoFrontMatter = def("page.no-front-matter",
		"sidan har ingen front matter",
		"the page has no front matter")
	HintPageNoFrontMatter = def("page.hint.no-front-matter",
		"börja filen med ---, sedan en rad som title: Om diplomeringen, sedan ---",
		"start the file with ---, then a line like title: Om diplomeringen, then ---")
	PageNoTitle = def("page.no-title",
		"sidan saknar title",
		"title is missing")
	HintPageNoTitle = def("page.hint.no-title",
		"lägg till en rad som title: Om diplomeringen mellan raderna med ---",
		"add a line like title: Om diplomeringen between the --- lines")
	PageMenu = def("page.menu",
		"menu %q är ingen meny på webbplatsen",
		"menu %q is not a menu of this site")
	HintPageMenu = def("page.hint.menu",
		"skriv menu: main, eller ta bort nyckeln",
		"write menu: main, or leave the key out")
	PageLayoutName = def("page.layout-name",
		"layout %q är inget namn på en sidmall",
		"layout %q is not a layout name")
	HintPageLayoutName = def("page.hint.layout-name",
		"skriv namnet på en fil i layouts/ utan .html, som page",
		"write the name of a file in layouts/ without .html, like page")
	PageAlias = def("page.alias",
		"aliaset %q är ingen adress på webbplatsen: %v",
		"alias %q is not a path on this site: %v")
	HintPageAlias = def("page.hint.alias",
		"skriv det som /om-oss/",
		"write it like /om-oss/")

	// PageLangName: lang: holds a language's name instead of its code.
	PageLangName = def("page.lang-name",
		"lang ska vara en språkkod, inte %q",
		"lang must be a language code, not %q")
	HintPageLangName = def("page.hint.lang-name",
		"skriv lang: %s",
		"write lang: %s")
	PageLangCode = def("page.lang-code",
		"lang %q är inte en språkkod",
		"lang %q is not a language code")
	PageLangUnknown = def("page.lang-unknown",
		"lang %q är inte ett känt språk",
		"lang %q is not a known language")
	HintPageLangCode = def("page.hint.lang-code",
		"skriv en kod som en (engelska), fi (finska) eller ar (arabiska)",
		"write a code like en (English), fi (Finnish) or ar (Arabic)")

	MarkdownBroken = def("markdown.broken",
		"texten går inte att göra om från Markdown: %v",
		"the Markdown cannot be converted: %v")
	MarkdownNoAlt = def("markdown.no-alt",
		"bilden %s saknar alternativtext",
		"the image %s has no alt text")
	HintMarkdownAlt = def("markdown.hint.alt",
		"beskriv bilden inom hakparenteserna: ![Två personer vid ett bord](%s)",
		"describe the image in the brackets: ![Två personer vid ett bord](%s)")
	MarkdownHTML = def("markdown.html",
		"HTML-kod är inte tillåten på sidor: %s",
		"HTML is not allowed in pages: %s")
	HintMarkdownHTML = def("markdown.hint.html",
		`skriv Markdown i stället; för att visa tecknet < skriver du \<`,
		`write Markdown instead; to show a < sign, write \<`)
)
