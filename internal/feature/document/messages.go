package document

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of documents (content/dokument.yaml, package document).
var (
	DocLanguage = msg.Def("document.language",
		"%q är ingen språkkod som webbplatsen känner till",
		"%q is not a language code this site knows")
	HintDocLanguageLower = msg.Def("document.hint.language-lower",
		"skriv den med små bokstäver: %s",
		"write it in small letters: %s")
	HintDocLanguageCode = msg.Def("document.hint.language-code",
		"skriv koden %s för %s",
		"write the code %s for %s")
	HintDocLanguageNear = msg.Def("document.hint.language-near",
		"menade du %s (%s)?",
		"did you mean %s (%s)?")
	DocKind = msg.Def("document.kind",
		"%q är ingen sorts dokument",
		"%q is not a kind of document")
	DocYear = msg.Def("document.year",
		"året %d är inget år då dokumentet kan ha getts ut",
		"year %d is not a year of publication")
	HintDocYear = msg.Def("document.hint.year",
		"skriv året då dokumentet gavs ut, som 2021",
		"write the year the document was published, like 2021")
	DocTwice = msg.Def("document.twice",
		"static/%s står redan på rad %d",
		"static/%s is already listed on line %d")
	HintDocTwice = msg.Def("document.hint.twice",
		"skriv varje fil en gång",
		"list each file once")
	DocFolder = msg.Def("document.folder",
		"static/%s är en mapp, inte en fil",
		"static/%s is a folder, not a file")
	HintDocFolder = msg.Def("document.hint.folder",
		"skriv sökvägen till filen i mappen, som %s/rapport.pdf",
		"write the path of the file in the folder, like %s/rapport.pdf")
	DocMissing = msg.Def("document.missing",
		"filen static/%s finns inte",
		"the file static/%s does not exist")
	HintDocMissing = msg.Def("document.hint.missing",
		"lägg filen i static/ och skriv sökvägen därifrån, som dokument/rapport.pdf",
		"put the file in static/ and write its path from there, like dokument/rapport.pdf")
	DocNoExtension = msg.Def("document.no-extension",
		"static/%s har ingen filändelse, så en länk kan inte säga vilken filtyp det är",
		"static/%s has no extension, so a link cannot say its type")
	HintDocNoExtension = msg.Def("document.hint.no-extension",
		"ge filen ett namn som slutar med filtypen, som rapport.pdf",
		"name the file with its type at the end, like rapport.pdf")
)
