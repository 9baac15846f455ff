package content

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of pages: Markdown files under content/ with their front matter
// (packages content and markdown).
var (
	PageNotUTF8 = msg.Def("page.not-utf8",
		"filen är inte sparad som UTF-8",
		"the file is not UTF-8 text")
	PageFrontMatterOpen = msg.Def("page.front-matter-open",
		"front matter saknar sin avslutande rad",
		"the front matter has no closing line")
	HintPageFrontMatterOpen = msg.Def("page.hint.front-matter-open",
		"avsluta den med en rad med tre bindestreck: ---",
		"end it with a line of three hyphens: ---")
	PageNoFrontMatter = msg.Def("page.no-front-matter",
		"sidan har ingen front matter",
		"the page has no front matter")
	HintPageNoFrontMatter = msg.Def("page.hint.no-front-matter",
		"börja filen med ---, sedan en rad som title: Om diplomeringen, sedan ---",
		"start the file with ---, then a line like title: Om diplomeringen, then ---")
	PageNoTitle = msg.Def("page.no-title",
		"sidan saknar title",
		"title is missing")
	HintPageNoTitle = msg.Def("page.hint.no-title",
		"lägg till en rad som title: Om diplomeringen mellan raderna med ---",
		"add a line like title: Om diplomeringen between the --- lines")
	// PageTitleInvisible: the title holds only white space or characters
	// that show nothing; the characters are named.
	PageTitleInvisible = msg.Def("page.title-invisible",
		"title syns inte: den består bara av tecken som inte syns (%s)",
		"title is invisible: it holds only characters that show nothing (%s)")
	HintPageTitleInvisible = msg.Def("page.hint.title-invisible",
		"skriv sidans namn efter title:, som title: Om diplomeringen",
		"write the page's name after title:, like title: Om diplomeringen")
	PageControl = msg.Def("page.control",
		"texten innehåller styrtecknet %s, som inte syns men kan ändra hur sidan visas",
		"the text holds the control character %s, which is invisible but can change how the page shows")
	HintPageControl = msg.Def("page.hint.control",
		"ta bort tecknet; det följer ofta med när text klistras in",
		"remove the character; it often comes with pasted text")
	PageUnpublishBeforePublish = msg.Def("page.unpublish-before-publish",
		"unpublish: %s är inte efter publish: %s, så sidan skulle aldrig synas",
		"unpublish: %s is not after publish: %s, so the page would never show")
	HintPageUnpublishBeforePublish = msg.Def("page.hint.unpublish-before-publish",
		"skriv en dag i unpublish: som kommer efter dagen i publish:",
		"write a day in unpublish: that comes after the day in publish:")
	PageMenu = msg.Def("page.menu",
		"menu %q är ingen meny på webbplatsen",
		"menu %q is not a menu of this site")
	HintPageMenu = msg.Def("page.hint.menu",
		"skriv menu: main, eller ta bort nyckeln",
		"write menu: main, or leave the key out")
	PageLayoutName = msg.Def("page.layout-name",
		"layout %q är inget namn på en sidmall",
		"layout %q is not a layout name")
	HintPageLayoutName = msg.Def("page.hint.layout-name",
		"skriv namnet på en fil i layouts/ utan .html, som page",
		"write the name of a file in layouts/ without .html, like page")
	PageAlias = msg.Def("page.alias",
		"aliaset %q är ingen adress på webbplatsen: %v",
		"alias %q is not a path on this site: %v")
	HintPageAlias = msg.Def("page.hint.alias",
		"skriv det som /om-oss/",
		"write it like /om-oss/")
	// PageLangName: lang: holds a language's name instead of its code.
	PageLangName = msg.Def("page.lang-name",
		"lang ska vara en språkkod, inte %q",
		"lang must be a language code, not %q")
	HintPageLangName = msg.Def("page.hint.lang-name",
		"skriv lang: %s",
		"write lang: %s")
	PageLangCode = msg.Def("page.lang-code",
		"lang %q är inte en språkkod",
		"lang %q is not a language code")
	PageLangUnknown = msg.Def("page.lang-unknown",
		"lang %q är inte ett känt språk",
		"lang %q is not a known language")
	HintPageLangCode = msg.Def("page.hint.lang-code",
		"skriv en kod som en (engelska), fi (finska) eller ar (arabiska)",
		"write a code like en (English), fi (Finnish) or ar (Arabic)")
)

// Messages about the output folder (-out, package publish), symbolic links
// in the site root (package rootfs), old addresses written into Netlify's
// _redirects, nesting in Markdown, the dev server's host check and an
// interrupted build.
var (
	// The reasons an old address cannot be written into _redirects
	// (PageAlias gives them after a colon).
	AliasNoSlash = msg.Def("page.alias.no-slash",
		"den börjar inte med /",
		"it does not start with /")
	AliasSpace = msg.Def("page.alias.space",
		"den har mellanslag, tabb eller radbrytning i sig",
		"it has a space, tab or line break in it")
	AliasControl = msg.Def("page.alias.control",
		"den har ett osynligt styrtecken i sig",
		"it has an invisible control character in it")
	AliasStar = msg.Def("page.alias.star",
		"den har en * i sig, som skulle fånga andra adresser",
		"it has a * in it, which would catch other addresses")
	AliasChar = msg.Def("page.alias.char",
		"den har tecknet %c i sig",
		"it has the character %c in it")
	AliasDots = msg.Def("page.alias.dots",
		"den har .. i sig",
		"it has .. in it")
	AliasColon = msg.Def("page.alias.colon",
		"en del av den börjar med :, som skulle fånga andra adresser",
		"a part of it starts with :, which would catch other addresses")
	AliasSlashes = msg.Def("page.alias.slashes",
		"den har // i sig",
		"it has // in it")
)
