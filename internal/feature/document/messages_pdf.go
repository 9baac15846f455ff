package document

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of the accessibility of documents (see Inspect).
var (
	PDFUnreadable = msg.Def("document.pdf-unreadable",
		"%s går inte att läsa som PDF (%v)",
		"%s cannot be read as a PDF (%v)")
	PDFNoHeader = msg.Def("document.pdf-no-header",
		"filen börjar inte som en PDF",
		"the file does not start as a PDF")
	PDFCutShort = msg.Def("document.pdf-cut-short",
		"filen är avkortad: slutet saknas",
		"the file is cut short: its end is missing")
	PDFTooLarge = msg.Def("document.pdf-too-large",
		"filen är större än 200 MB",
		"the file is larger than 200 MB")
	HintPDFUnreadable = msg.Def("document.hint.pdf-unreadable",
		"spara filen som PDF igen från programmet där den gjordes och lägg den i static/ på nytt",
		"save the file as PDF again from the program it was made in and put it in static/ again")
	PDFNotAccessible = msg.Def("document.pdf-not-accessible",
		"%s är inte tillgängligt: det saknar %s",
		"%s is not accessible: it lacks %s")
	HintPDFNotAccessible = msg.Def("document.hint.pdf-not-accessible",
		"spara dokumentet som tillgänglig PDF (se ”Tillgängliga dokument” i redaktörsguiden), eller skriv accessible: false, reason: och fix_by: under dokumentet så att tillgänglighetsredogörelsen tar upp det",
		"save the document as an accessible PDF (see \"Tillgängliga dokument\" in the editors' guide), or write accessible: false, reason: and fix_by: under the document so that the accessibility statement lists it")
	HintPDFNotListed = msg.Def("document.hint.pdf-not-listed",
		"lägg till dokumentet i content/dokument.yaml och spara det som tillgänglig PDF; tills dess kan du skriva accessible: false, reason: och fix_by: under det där",
		"add the document to content/dokument.yaml and save it as an accessible PDF; until then you can write accessible: false, reason: and fix_by: under it there")
	PDFLacksTags = msg.Def("document.lacks-tags",
		"taggar (rubriker, listor och läsordning för skärmläsare)",
		"tags (headings, lists and reading order for screen readers)")
	PDFLacksLang = msg.Def("document.lacks-lang",
		"dokumentspråk",
		"a document language")
	PDFLacksTitle = msg.Def("document.lacks-title",
		"titel",
		"a title")
	PDFTitleHidden = msg.Def("document.title-hidden",
		"inställningen att visa titeln i fönstret i stället för filnamnet",
		"the setting that shows the title in the window instead of the file name")
	PDFLacksText = msg.Def("document.lacks-text",
		"text: sidorna är bara bilder, som i en skanning",
		"text: the pages are only images, as in a scan")
	PDFComma = msg.Def("document.comma", "%v, %v", "%v, %v")
	PDFAnd   = msg.Def("document.and",
		"%s och %s",
		"%s and %s")

	DocMarkWithoutFalse = msg.Def("document.mark-without-false",
		"%s gäller bara dokument som inte är tillgängliga",
		"%s is only for documents that are not accessible")
	HintDocMarkWithoutFalse = msg.Def("document.hint.mark-without-false",
		"skriv accessible: false under dokumentet, eller ta bort %s om dokumentet är tillgängligt",
		"write accessible: false under the document, or remove %s if the document is accessible")
	DocMarkNoReason = msg.Def("document.mark-no-reason",
		"accessible: false behöver reason: som säger vad i dokumentet som inte är tillgängligt och varför",
		"accessible: false needs reason: saying what in the document is not accessible and why")
	HintDocMarkNoReason = msg.Def("document.hint.mark-no-reason",
		"skriv till exempel reason: Rapporten är skannad och saknar text, så den går inte att läsa med skärmläsare.",
		"write for example reason: The report is scanned and has no text, so it cannot be read with a screen reader.")
	DocMarkNoFixBy = msg.Def("document.mark-no-fix-by",
		"accessible: false behöver fix_by: med dagen då dokumentet ska vara tillgängligt",
		"accessible: false needs fix_by: with the day the document is planned to be accessible")
	HintDocMarkNoFixBy = msg.Def("document.hint.mark-no-fix-by",
		"skriv till exempel fix_by: 2027-03-31; tillgänglighetsredogörelsen visar datumet",
		"write for example fix_by: 2027-03-31; the accessibility statement shows the day")

	NoteOfficeFile = msg.Def("document.note-office",
		"%s är en %s-fil: den kräver ett visst program och är sällan tillgänglig; publicera innehållet som tillgänglig PDF (PDF/UA) eller som en webbsida",
		"%s is a %s file: it needs a particular program and is seldom accessible; publish the content as an accessible PDF (PDF/UA) or as a web page")
	NotePDFLanguage = msg.Def("document.note-language",
		"%s säger att dess språk är %s, men content/dokument.yaml säger %s (language:): rätta det som är fel",
		"%s says its language is %s, but content/dokument.yaml says %s (language:): correct whichever is wrong")

	DocPages = msg.DefPlural("document.pages",
		"%d sida", "%d sidor",
		"%d page", "%d pages")
)
