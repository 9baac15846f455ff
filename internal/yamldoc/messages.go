package yamldoc

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of YAML files: front matter, registries, site.yaml and the other
// data files (package yamldoc).
var (
	YAMLUnreadable = msg.Def("yaml.unreadable",
		"filen går inte att läsa som YAML: %v",
		"the YAML cannot be read: %v")
	// The reasons YAMLUnreadable gives for the parser's usual complaints;
	// any other complaint is shown in the parser's own (English) words.
	YAMLReasonColon = msg.Def("yaml.reason.colon",
		`ett värde innehåller ": " utan citattecken`,
		`a value contains ": " outside quotes`)
	YAMLReasonTab = msg.Def("yaml.reason.tab",
		"indraget är gjort med tabb",
		"the indentation has a tab character")
	YAMLReasonToken = msg.Def("yaml.reason.token",
		"ett värde börjar med ett tecken som inte får stå först",
		"a value starts with a character that cannot start a value")
	YAMLReasonIndent = msg.Def("yaml.reason.indent",
		"indragen stämmer inte",
		"the indentation does not line up")
	YAMLReasonBracket = msg.Def("yaml.reason.bracket",
		"en hakparentes eller klammerparentes stängs inte",
		"a bracket or brace is not closed")
	YAMLReasonEnd = msg.Def("yaml.reason.end",
		"filen tar slut mitt i ett värde",
		"the file ends in the middle of a value")
	YAMLReasonEscape = msg.Def("yaml.reason.escape",
		`ett värde inom citattecken har ett \ som inte går att läsa`,
		`a quoted value has a \ that cannot be read`)
	HintYAMLEscape = msg.Def("yaml.hint.escape",
		`skriv \\ för ett bakstreck, eller sätt värdet inom enkla citattecken, som 'C:\mapp'`,
		`write \\ for a backslash, or put the value in single quotes, like 'C:\mapp'`)
	YAMLReasonNoColon = msg.Def("yaml.reason.no-colon",
		"en rad saknar kolon efter nyckeln",
		"a line has no colon after its key")
	HintYAMLNoColon = msg.Def("yaml.hint.no-colon",
		"skriv nyckel: värde, eller dra in raden om den hör till värdet på raden ovanför",
		"write key: value, or indent the line if it belongs to the value above it")
	YAMLReasonAnchor = msg.Def("yaml.reason.anchor",
		"ett värde börjar med & eller *, som i YAML hänvisar till ett annat värde",
		"a value starts with & or *, which in YAML refers to another value")
	HintYAMLAnchor = msg.Def("yaml.hint.anchor",
		"sätt ett värde som börjar med & eller * inom citattecken",
		"put a value that starts with & or * in quotes")
	YAMLReasonList = msg.Def("yaml.reason.list",
		"en punkt i en lista (- …) och en nyckel står i samma kolumn",
		"a list item (- …) and a key start in the same column")
	YAMLReasonListInline = msg.Def("yaml.reason.list-inline",
		"en lista börjar på samma rad som sin nyckel",
		"a list starts on the line of its key")
	HintYAMLListInline = msg.Def("yaml.hint.list-inline",
		`skriv punkterna på raderna under nyckeln, var och en efter "- ", eller listan som [en, två]`,
		`write the items on the lines below the key, each after "- ", or the list like [one, two]`)
	YAMLReasonControl = msg.Def("yaml.reason.control",
		"filen har ett osynligt styrtecken i sig",
		"the file has an invisible control character in it")
	HintYAMLControl = msg.Def("yaml.hint.control",
		"skriv raden på nytt; tecknet kan ha följt med när texten klistrades in",
		"write the line again; the character may have come with pasted text")
	YAMLReasonUTF8 = msg.Def("yaml.reason.utf8",
		"filen är inte sparad som UTF-8",
		"the file is not UTF-8 text")
	HintYAMLColon = msg.Def("yaml.hint.colon",
		`ett värde som innehåller ": " måste stå inom citattecken, som title: "Pris: 5 900 kr"`,
		`a value that contains ": " must be in quotes, like title: "Pris: 5 900 kr"`)
	YAMLSecondDoc = msg.Def("yaml.second-document",
		"raden --- avslutar filen här, så det som står efter den läses inte",
		"the line --- ends the file here, so what follows it is not read")
	HintYAMLSecondDoc = msg.Def("yaml.hint.second-document",
		"ta bort raden ---: en YAML-fil här har bara ett dokument",
		"remove the line ---: a YAML file here holds one document")
	HintYAMLTab = msg.Def("yaml.hint.tab",
		"gör indrag med mellanslag, inte med tabb",
		"indent with spaces, not tabs")
	HintYAMLToken = msg.Def("yaml.hint.token",
		"gör indrag med mellanslag, inte med tabb, och sätt ett värde som börjar med @, ` eller %% inom citattecken",
		"indent with spaces, not tabs, and put a value that starts with @, ` or %% in quotes")
	HintYAMLIndent = msg.Def("yaml.hint.indent",
		"kontrollera indragen: nycklar på samma nivå ska börja i samma kolumn",
		"check the indentation: keys at the same level must start in the same column")
	HintYAMLClose = msg.Def("yaml.hint.close",
		"kontrollera att varje citattecken och parentes som öppnas också stängs",
		"check that every quote and bracket that is opened is also closed")
	// YAMLTheValue names a value that has no key, in the messages below.
	YAMLTheValue = msg.Def("yaml.the-value", "värdet", "the value")
	// The kinds of YAML value, with their article, for "not a …".
	YAMLKindMapping = msg.Def("yaml.kind.mapping", "en grupp nycklar", "a set of keys")
	YAMLKindList    = msg.Def("yaml.kind.list", "en lista", "a list")
	YAMLKindValue   = msg.Def("yaml.kind.value", "ett enkelt värde", "a value")
	YAMLNotText     = msg.Def("yaml.not-text",
		"%s måste vara text, inte %s",
		"%s must be text, not %s")
	HintYAMLText = msg.Def("yaml.hint.text",
		`skriv värdet på en rad efter kolonet, inom citattecken om det innehåller ": "`,
		`write it on one line after the colon, in quotes if it contains ": "`)
	// YAMLControl: a control character in a text value, often pasted or
	// written as an escape in double quotes ("\e", "\x07").
	YAMLControl = msg.Def("yaml.control",
		"%s innehåller styrtecknet %s, som inte syns men kan ändra hur texten visas",
		"%s holds the control character %s, which is invisible but can change how the text shows")
	HintYAMLControlValue = msg.Def("yaml.hint.control-value",
		`ta bort tecknet; det följer ofta med när text klistras in, eller kommer från en kod som \e eller \x07 inom citattecken`,
		`remove the character; it often comes with pasted text, or from a code like \e or \x07 in double quotes`)
	YAMLNotBool = msg.Def("yaml.not-bool",
		"%s måste vara true eller false, inte %q",
		"%s must be true or false, not %q")
	YAMLNotWhole = msg.Def("yaml.not-whole",
		"%s måste vara ett heltal, som 3, inte %q",
		"%s must be a whole number, like 3, not %q")
	YAMLNotNumber = msg.Def("yaml.not-number",
		"%s måste vara ett tal, som 90 eller 92.5, inte %q",
		"%s must be a number, like 90 or 92.5, not %q")
	YAMLNotDate = msg.Def("yaml.not-date",
		"%s måste vara ett datum som 2026-09-12",
		"%s must be a date like 2026-09-12")
	YAMLNotList = msg.Def("yaml.not-list",
		`%s måste vara en lista, med varje punkt på en egen rad efter "- "`,
		`%s must be a list, with each item on its own line after "- "`)
	YAMLNotMapping = msg.Def("yaml.not-mapping",
		`%s måste vara rader med "nyckel: värde", inte %s`,
		`%s must be a set of "key: value" lines, not %s`)
	YAMLMergeKey = msg.Def("yaml.merge-key",
		"nycklar som slås ihop med << fungerar inte här; skriv ut nycklarna",
		"merge keys (<<) are not supported here; write the keys out")
	YAMLUnknownKey = msg.Def("yaml.unknown-key",
		"okänd nyckel %q",
		"unknown key %q")
	HintKnownKeys = msg.Def("yaml.hint.known-keys",
		"nycklar som finns: %s",
		"known keys: %s")
	YAMLKeyTwice = msg.Def("yaml.key-twice",
		"%s står två gånger; första gången på rad %d",
		"%s is given twice; the first is on line %d")
	HintKeepOne = msg.Def("yaml.hint.keep-one",
		"behåll en av dem",
		"keep one of them")
	YAMLMissing = msg.Def("yaml.missing",
		"%s saknas",
		"%s is missing")
	HintYAMLAddLine = msg.Def("yaml.hint.add-line",
		"lägg till en rad som %s: …",
		"add a line like %s: …")
	YAMLEmpty = msg.Def("yaml.empty",
		"%s är tom",
		"%s is empty")
	HintYAMLWriteValue = msg.Def("yaml.hint.write-value",
		`skriv ett värde efter "%s: "`,
		`write a value after "%s: "`)
	// Dates, as every YAML file and -now write them.
	DateFormat = msg.Def("date.format",
		"%q är inte ett datum; skriv det som 2026-09-12 (år-månad-dag)",
		"%q is not a date; write it like 2026-09-12 (year-month-day)")
	DateNotInCalendar = msg.Def("date.not-in-calendar",
		"%s finns inte i kalendern (månad 1–12, och dagen måste finnas i den månaden)",
		"%s is not a date in the calendar (month 1–12, and the day must exist in that month)")
	DateTwoDigits = msg.Def("date.two-digits",
		"%q: skriv månad och dag med två siffror, som %s",
		"%q: write the month and day with two digits, like %s")
)
