package markdown

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of pages: Markdown files under content/ with their front matter
// (packages content and markdown).
var (
	MarkdownBroken = msg.Def("markdown.broken",
		"texten går inte att göra om från Markdown: %v",
		"the Markdown cannot be converted: %v")
	// MarkdownLinkSpace: [text](address with spaces) is not a link in
	// Markdown, and would be published as that text.
	MarkdownLinkSpace = msg.Def("markdown.link-space",
		"%s blir ingen länk, eftersom adressen har mellanslag, utan står kvar som text på sidan",
		"%s is not a link, because its address has spaces, and would stay as text on the page")
	HintMarkdownLinkSpace = msg.Def("markdown.hint.link-space",
		"skriv %s, eller sätt adressen inom < >, eller byt namn på filen så att namnet saknar mellanslag",
		"write %s, or put the address in < >, or rename the file so that its name has no spaces")
	MarkdownHTML = msg.Def("markdown.html",
		"HTML-kod är inte tillåten på sidor: %s",
		"HTML is not allowed in pages: %s")
	HintMarkdownHTML = msg.Def("markdown.hint.html",
		`skriv Markdown i stället; för att visa tecknet < skriver du \<`,
		`write Markdown instead; to show a < sign, write \<`)
)

// Messages about the output folder (-out, package publish), symbolic links
// in the site root (package rootfs), old addresses written into Netlify's
// _redirects, nesting in Markdown, the dev server's host check and an
// interrupted build.
var (
	MarkdownDeep = msg.Def("markdown.deep",
		"listan eller citatet på den här raden ligger i fler än %d nivåer",
		"the list or quote on this line is nested more than %d levels deep")
	HintMarkdownDeep = msg.Def("markdown.hint.deep",
		"ingen sida behöver så många nivåer; gör om texten till färre nivåer",
		"no page needs that many levels; rewrite the text with fewer")
)

// Messages about images: in a page's text, image: in the front matter,
// and the files themselves (packages site and picture).
var (
	HintImageNextTo = msg.Def("image.hint.next-to",
		"lägg bilden bredvid sidans Markdown-fil, eller i static/, och skriv dess namn",
		"put the image next to the page's Markdown file, or in static/, and write its name")
)
