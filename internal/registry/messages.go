package registry

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of the registries of certified units (content/verksamheter/*.yaml,
// package registry).
var (
	RegFolderUnreadable = msg.Def("registry.folder-unreadable",
		"mappen går inte att läsa: %v",
		"the folder cannot be read: %v")
	RegNoUnits = msg.Def("registry.no-units",
		"registret har inga verksamheter",
		"the registry has no units")
	HintRegNoUnits = msg.Def("registry.hint.no-units",
		"skriv organisation: och units: med verksamheterna under, eller ta bort filen",
		"write organisation: and units: with the units under it, or delete the file")
	RegStartsWithList = msg.Def("registry.starts-with-list",
		"registret börjar med en lista; det måste börja med organisation:",
		"the registry starts with a list; it must start with organisation:")
	HintRegStartsWithList = msg.Def("registry.hint.starts-with-list",
		"skriv organisation: och namnet på första raden, sedan units: med listan under",
		"write organisation: and the name on the first line, then units: with the list under it")
	RegNotARegistry = msg.Def("registry.not-a-registry",
		"det här är inget register: det måste ha organisation: och units:",
		"this is not a registry: it must hold organisation: and units:")
	HintRegSeeOthers = msg.Def("registry.hint.see-others",
		"se de andra filerna i %s för ett exempel",
		"see the other files in %s for an example")
	RegUnitsMissing = msg.Def("registry.units-missing",
		"units saknas: registret har inga verksamheter",
		"units is missing: the registry has no units")
	HintRegUnitsMissing = msg.Def("registry.hint.units-missing",
		`lägg till units: och lista verksamheterna under, var och en med början "- id:"; skriv units: [] så länge det inte finns några`,
		`add units: and list the units under it, each starting with "- id:"; write units: [] while there are none`)
	RegUnitsEmpty = msg.Def("registry.units-empty",
		"units: listar inga verksamheter",
		"units: lists no units")
	HintRegUnitsEmpty = msg.Def("registry.hint.units-empty",
		`lista verksamheterna under units:, var och en med början "- id:"; skriv units: [] så länge det inte finns några`,
		`list the units under units:, each starting with "- id:"; write units: [] while there are none`)
	RegUnitsNotList = msg.Def("registry.units-not-list",
		`units måste vara en lista, där varje verksamhet börjar med "- "`,
		`units must be a list, with each unit starting with "- "`)
	HintRegUnitsNotList = msg.Def("registry.hint.units-not-list",
		`skriv "- id: …" för den första nyckeln i varje verksamhet, och dra in de andra nycklarna så att de står rakt under id`,
		`write "- id: …" for the first key of each unit, and indent the other keys to line up with id`)
	RegUnitNotMapping = msg.Def("registry.unit-not-mapping",
		`varje verksamhet måste vara rader med "nyckel: värde"`,
		`each unit must be a set of "key: value" lines`)
	HintRegUnitNotMapping = msg.Def("registry.hint.unit-not-mapping",
		`börja varje verksamhet med "- id: …" och skriv dess andra nycklar på raderna under, rakt under id`,
		`start each unit with "- id: …" and put its other keys on the lines below, lined up with id`)
	RegValidity = msg.Def("registry.validity",
		"validity_years måste vara mellan 1 och 20, inte %d",
		"validity_years must be between 1 and 20, not %d")
	HintRegValidity = msg.Def("registry.hint.validity",
		"skriv hur många år ett diplom gäller, som validity_years: 4",
		"write how many years a certificate is valid, like validity_years: 4")
	RegPercent = msg.Def("registry.percent",
		`måste vara en procentsats från 0 till 100, som 94 eller "94 %%"`,
		`must be a percentage from 0 to 100, like 94 or "94 %%"`)
	RegPercentNot = msg.Def("registry.percent-not",
		`måste vara en procentsats från 0 till 100, som 94 eller "94 %%", inte %q`,
		`must be a percentage from 0 to 100, like 94 or "94 %%", not %q`)
	RegEachDate = msg.Def("registry.each-date",
		"varje datum måste skrivas som 2026-09-12",
		"each must be a date like 2026-09-12")
	RegEachText = msg.Def("registry.each-text",
		`varje punkt måste vara text; skriv listan som [en, två] eller med varje punkt på en egen rad efter "- "`,
		`each must be text; write the list like [one, two] or with each on its own line after "- "`)
	RegKind = msg.Def("registry.kind",
		"%q är ingen av webbplatsens typer av vård",
		"%q is not a kind of care of this site")
	RegIDMissing = msg.Def("registry.id-missing",
		"id saknas",
		"id is missing")
	RegIDEmpty = msg.Def("registry.id-empty",
		"id är tomt",
		"id is empty")
	HintRegIDAdd = msg.Def("registry.hint.id-add",
		"lägg till en rad id: %s; det blir adressen till verksamhetens sida",
		"add a line id: %s; it becomes the address of the unit's page")
	HintRegIDWrite = msg.Def("registry.hint.id-write",
		"skriv id: %s; det blir adressen till verksamhetens sida",
		"write id: %s; it becomes the address of the unit's page")
	RegIDLong = msg.Def("registry.id-long",
		"id är %d tecken långt, och det får vara högst %d (det blir ett mappnamn på webbplatsen)",
		"id is %d characters long, and it may be at most %d (it becomes a folder name of the site)")
	RegIDReserved = msg.Def("registry.id-reserved",
		"id %q är en adress som förteckningen själv använder (/verksamheter/%[1]s/)",
		"id %q is an address the directory itself uses (/verksamheter/%[1]s/)")
	HintRegIDReserved = msg.Def("registry.hint.id-reserved",
		"skriv ett id som säger vilken verksamhet det är, som %s-vardcentralen",
		"write an id that says which unit it is, like %s-vardcentralen")
	RegIDChars = msg.Def("registry.id-chars",
		"id %q får bara innehålla a–z, 0–9 och bindestreck",
		"id %q may hold only a–z, 0–9 and hyphens")
	HintRegWriteID = msg.Def("registry.hint.write-id",
		"skriv id: %s",
		"write id: %s")
	HintRegIDFromName = msg.Def("registry.hint.id-from-name",
		"skriv verksamhetens namn med små bokstäver a–z och bindestreck, som vardcentralen-exempelbacken",
		"write the unit's name in lowercase a–z with hyphens, like vardcentralen-exempelbacken")
	RegIDUsed = msg.Def("registry.id-used",
		"id %s används redan i %s",
		"id %s is already used in %s")
	RegIDUsedAsFormer = msg.Def("registry.id-used-as-former",
		"id %s används redan som tidigare id i %s",
		"id %s is already used as a former id in %s")
	RegFormerIDUsed = msg.Def("registry.former-id-used",
		"det tidigare id:t %s används redan i %s",
		"former id %s is already used in %s")
	RegFormerIDUsedAsFormer = msg.Def("registry.former-id-used-as-former",
		"det tidigare id:t %s används redan som tidigare id i %s",
		"former id %s is already used as a former id in %s")
	HintRegIDUnique = msg.Def("registry.hint.id-unique",
		"varje verksamhet behöver ett eget id, och ett gammalt id förblir upptaget så att gamla länkar fortsätter leda till sin verksamhet",
		"every unit needs its own id, and an old id stays taken so that old links keep leading to its unit")
	RegKommunSuffix = msg.Def("registry.kommun-suffix",
		"kommun %q: skriv bara kommunens namn",
		"kommun %q: write only the kommun's name")
	HintRegKommunWrite = msg.Def("registry.hint.kommun-write",
		"skriv kommun: %s",
		"write kommun: %s")
	RegKommun = msg.Def("registry.kommun",
		"%q är ingen svensk kommun",
		"%q is not a Swedish kommun")
	HintRegKommun = msg.Def("registry.hint.kommun",
		"skriv kommunens namn som SCB skriver det, som Umeå eller Upplands Väsby",
		"write the kommun's name as SCB writes it, like Umeå or Upplands Väsby")
	RegNotWebAddress = msg.Def("registry.not-web-address",
		"%s %q är ingen hel webbadress",
		"%s %q is not a whole web address")
	HintRegStartHTTPS = msg.Def("registry.hint.start-https",
		"börja den med https://, som https://%s",
		"start it with https://, like https://%s")
	HintRegWebAddress = msg.Def("registry.hint.web-address",
		"skriv den som https://www.example.se/",
		"write it like https://www.example.se/")
	Reg1177Host = msg.Def("registry.1177-host",
		"url_1177 måste vara en adress på 1177.se, inte på %s",
		"url_1177 must be an address on 1177.se, not on %s")
	HintReg1177Host = msg.Def("registry.hint.1177-host",
		"kopiera adressen till verksamhetens sida på www.1177.se, eller ta bort url_1177",
		"copy the address of the unit's page on www.1177.se, or leave url_1177 out")
	Reg1177HTTPS = msg.Def("registry.1177-https",
		"url_1177 måste börja med https://",
		"url_1177 must start with https://")
	HintReg1177HTTPS = msg.Def("registry.hint.1177-https",
		"skriv url_1177: https://%s",
		"write url_1177: https://%s")
	RegLocationForm = msg.Def("registry.location-form",
		"%q är ingen plats: skriv latitud och longitud, som location: [63.8258, 20.2630]",
		"%q is not a place: write a latitude and a longitude, like location: [63.8258, 20.2630]")
	RegLocationOutside = msg.Def("registry.location-outside",
		"location %q ligger inte i Sverige",
		"location %q is not in Sweden")
	HintRegLocationSwapped = msg.Def("registry.hint.location-swapped",
		"latitud och longitud har bytt plats: skriv location: [%s]",
		"latitude and longitude are swapped: write location: [%s]")
	HintRegLocationSweden = msg.Def("registry.hint.location-sweden",
		"skriv latitud först och longitud sedan, i grader, som location: [63.8258, 20.2630]; kartor visar dem när du klickar på en plats",
		"write the latitude first, then the longitude, in degrees, like location: [63.8258, 20.2630]")
	RegLocationFar = msg.Def("registry.location-far",
		"location %q ligger %d km från %s, centralorten i %s kommun",
		"location %q is %d km from %s, the seat of %s kommun")
	HintRegLocationFar = msg.Def("registry.hint.location-far",
		"kontrollera platsen och kommunen; centralorten ligger på [%s]",
		"check the place and the kommun; the seat is at [%s]")
	RegHSA = msg.Def("registry.hsa",
		"hsa_id %q är inget HSA-id",
		"hsa_id %q is not an HSA-id")
	HintRegHSAWrite = msg.Def("registry.hint.hsa-write",
		"skriv hsa_id: %s",
		"write hsa_id: %s")
	HintRegHSA = msg.Def("registry.hint.hsa",
		"ett HSA-id är SE, tio siffror, ett bindestreck och bokstäver eller siffror, som SE2321000222-E12345",
		"an HSA-id is SE, ten digits, a hyphen and letters or digits, like SE2321000222-E12345")
	RegCertifiedFuture = msg.Def("registry.certified-future",
		"certified %s är efter i dag (%s)",
		"certified %s is after today (%s)")
	HintRegCertifiedFuture = msg.Def("registry.hint.certified-future",
		"skriv dagen då verksamheten fick sitt diplom; lägg till verksamheten när den har fått det",
		"write the day the unit got its certificate; add the unit once it has it")
	// A unit under certification: started: without certified:.
	HintRegCertifiedOrStarted = msg.Def("registry.hint.certified-or-started",
		"lägg till en rad som certified: 2026-03-15 med dagen för diplomet, eller started: 2026-03-15 om verksamheten har börjat sin diplomering men inte är klar",
		"add a line like certified: 2026-03-15 with the day of the certificate, or started: 2026-03-15 if the unit has begun its certification but not finished")
	RegStartedFuture = msg.Def("registry.started-future",
		"started %s är efter i dag (%s)",
		"started %s is after today (%s)")
	HintRegStartedFuture = msg.Def("registry.hint.started-future",
		"skriv dagen då verksamheten började sin diplomering; lägg till den när den har börjat",
		"write the day the unit began its certification; add it once it has begun")
	RegStartedAfter = msg.Def("registry.started-after",
		"started %s är efter certified %s",
		"started %s is after certified %s")
	HintRegStartedAfter = msg.Def("registry.hint.started-after",
		"diplomeringen börjar före diplomet: rätta något av datumen",
		"the certification begins before the certificate: correct one of the dates")
	RegRecertifiedInProgress = msg.Def("registry.recertified-in-progress",
		"recertified står hos en verksamhet som är under diplomering (started utan certified)",
		"recertified is given for a unit under certification (started without certified)")
	HintRegRecertifiedInProgress = msg.Def("registry.hint.recertified-in-progress",
		"skriv certified: när verksamheten har fått sitt diplom, och omdiplomeringar först efter det",
		"write certified: once the unit has its certificate, and re-certifications only after that")
	RegProgressCertified = msg.Def("registry.progress-certified",
		"progress gäller bara en verksamhet under diplomering, och den här har certified",
		"progress is only for a unit under certification, and this one has certified")
	HintRegProgressCertified = msg.Def("registry.hint.progress-certified",
		"ta bort raden progress: nu när verksamheten är diplomerad",
		"remove the progress: line now that the unit is certified")
	HintRegProgressEmpty = msg.Def("registry.hint.progress-empty",
		"skriv hur långt arbetsgruppen har kommit, som progress: Har gått den första halvdagen, eller ta bort raden",
		"write how far the work group has come, like progress: Has done the first half-day, or remove the line")
	RegRecertifiedFuture = msg.Def("registry.recertified-future",
		"recertified %s är efter i dag (%s)",
		"recertified %s is after today (%s)")
	HintRegRecertifiedFuture = msg.Def("registry.hint.recertified-future",
		"skriv bara omdiplomeringar som har ägt rum",
		"write only re-certifications that have taken place")
	RegRecertifiedSame = msg.Def("registry.recertified-same",
		"recertified %s är samma dag som datumet före",
		"recertified %s is the same day as the date before it")
	HintRegRecertifiedSame = msg.Def("registry.hint.recertified-same",
		"skriv varje omdiplomering en gång, efter diplomet",
		"list each re-certification once, after the certificate")
	RegRecertifiedOrder = msg.Def("registry.recertified-order",
		"recertified %s måste komma efter %s",
		"recertified %s must come after %s")
	HintRegRecertifiedOrder = msg.Def("registry.hint.recertified-order",
		"skriv omdiplomeringarna med den äldsta först, alla efter diplomet",
		"list the re-certifications oldest first, each after the certificate")
	RegKeywordEmpty = msg.Def("registry.keyword-empty",
		"ett sökord är tomt",
		"a keyword is empty")
	HintRegKeywordEmpty = msg.Def("registry.hint.keyword-empty",
		"skriv ordet, eller ta bort den tomma punkten",
		"write the word, or remove the empty item")
	RegFormerNameEmpty = msg.Def("registry.former-name-empty",
		"ett tidigare namn är tomt",
		"a former name is empty")
	HintRegFormerNameEmpty = msg.Def("registry.hint.former-name-empty",
		"skriv namnet, eller ta bort den tomma punkten",
		"write the name, or remove the empty item")
	RegFormerIDEmpty = msg.Def("registry.former-id-empty",
		"ett tidigare id är tomt",
		"a former id is empty")
	HintRegFormerIDEmpty = msg.Def("registry.hint.former-id-empty",
		"skriv det gamla id:t, eller ta bort den tomma punkten",
		"write the old id, or remove the empty item")
	RegFormerIDChars = msg.Def("registry.former-id-chars",
		"det tidigare id:t %q är inget id",
		"former id %q is not an id")
	HintRegFormerIDChars = msg.Def("registry.hint.former-id-chars",
		"skriv det som det stod i den gamla adressen: små bokstäver a–z, 0–9 och bindestreck",
		"write it as it was in the old address: lowercase a–z, 0–9 and hyphens")
	RegFormerIDOwn = msg.Def("registry.former-id-own",
		"det tidigare id:t %s är verksamhetens eget id",
		"former id %s is the unit's own id")
	HintRegFormerIDOwn = msg.Def("registry.hint.former-id-own",
		"ta bort det från former_ids",
		"remove it from former_ids")
	RegContactEmail = msg.Def("registry.contact-email",
		"contact_email %q är ingen e-postadress",
		"contact_email %q is not an e-mail address")
	HintRegContactEmail = msg.Def("registry.hint.contact-email",
		"skriv bara adressen, som kim.exempelsson@example.se",
		"write only the address, like kim.exempelsson@example.se")
	RegContactPhone = msg.Def("registry.contact-phone",
		"contact_phone %q är inget svenskt telefonnummer",
		"contact_phone %q is not a Swedish phone number")
	HintRegContactPhone = msg.Def("registry.hint.contact-phone",
		"skriv det med riktnummer, som 070-123 45 67 eller +46 90 12 34 56",
		"write it with the area code, like 070-123 45 67 or +46 90 12 34 56")
	RegGroupSize = msg.Def("registry.group-size",
		"group_size måste vara mellan 1 och 1000, inte %d",
		"group_size must be between 1 and 1000, not %d")
	HintRegGroupSize = msg.Def("registry.hint.group-size",
		"skriv hur många personer arbetsgruppen har",
		"write how many people the work group has")
	RegParticipation = msg.Def("registry.participation",
		"deltagandet är %s %%, under de %s %% som programmet kräver",
		"participation is %s %%, below the %s %% the programme requires")
	HintRegParticipation = msg.Def("registry.hint.participation",
		"en verksamhet blir diplomerad först när tillräckligt många i arbetsgruppen har deltagit; kontrollera siffran, eller ta bort verksamheten ur registret",
		"a unit is certified only when enough of its work group took part; check the number, or take the unit out of the registry")
	RegManager = msg.Def("registry.manager",
		"närmaste chefen deltog inte, vilket programmet kräver",
		"the nearest manager did not take part, which the programme requires")
	HintRegManager = msg.Def("registry.hint.manager",
		"en verksamhet blir diplomerad först när dess närmaste chef har deltagit; kontrollera svaret, eller ta bort verksamheten ur registret",
		"a unit is certified only when its nearest manager took part; check the answer, or take the unit out of the registry")
)
