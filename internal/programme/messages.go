package programme

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of the programme settings in site.yaml: programme word, kinds
// of care, footer links, logo and colour (package programme).
var (
	ProgName = msg.Def("programme.name",
		`programme ska vara ordet som står före "-diplomering", inte %q`,
		`programme must be the word before "-diplomering", not %q`)
	HintProgNameWrite = msg.Def("programme.hint.name-write",
		"skriv programme: %s",
		"write programme: %s")
	HintProgName = msg.Def("programme.hint.name",
		"skriv programme: hbtq eller programme: hbtqi, med små bokstäver",
		"write programme: hbtq or programme: hbtqi, in small letters")
	ProgKindLower = msg.Def("programme.kind-lower",
		"typen av vård %q ska skrivas med små bokstäver",
		"the kind of care %q must be written in small letters")
	HintProgKindLower = msg.Def("programme.hint.kind-lower",
		"skriv name: %s och sätt stor bokstav i label:",
		"write name: %s and put the capital in label:")
	ProgKindTwice = msg.Def("programme.kind-twice",
		"typen av vård %q finns redan på rad %d",
		"the kind of care %q is already on line %d")
	HintProgKindTwice = msg.Def("programme.hint.kind-twice",
		"ta bort den ena",
		"remove one of them")
	ProgKindNoLetters = msg.Def("programme.kind-no-letters",
		"typen av vård %q har inga bokstäver",
		"the kind of care %q has no letters")
	HintProgKindNoLetters = msg.Def("programme.hint.kind-no-letters",
		"skriv ett namn som studenthälsa",
		"write a name like studenthälsa")
	ProgKindSameAddress = msg.Def("programme.kind-same-address",
		"typen av vård %q får samma adress som %q på rad %d (/verksamheter/typ/%s/)",
		"the kind of care %q gets the same address as %q on line %d (/verksamheter/typ/%s/)")
	HintProgKindSameAddress = msg.Def("programme.hint.kind-same-address",
		"välj ett namn som skiljer sig med fler än å, ä, ö eller skiljetecken",
		"choose a name that differs by more than å, ä, ö or punctuation")
	ProgSynonymEmpty = msg.Def("programme.synonym-empty",
		"en av synonymerna till %q är tom",
		"a synonym of %q is empty")
	HintProgSynonymEmpty = msg.Def("programme.hint.synonym-empty",
		"ta bort det tomma ordet",
		"remove the empty word")
	ProgLinkNoScheme = msg.Def("programme.link-no-scheme",
		"adressen %s saknar https:",
		"the address %s has no https:")
	HintProgLinkNoScheme = msg.Def("programme.hint.link-no-scheme",
		"skriv hela adressen, som https:%s",
		"write the whole address, like https:%s")
	ProgLinkSpace = msg.Def("programme.link-space",
		"adressen %q innehåller mellanslag",
		"the address %q has spaces in it")
	HintProgLinkSpace = msg.Def("programme.hint.link-space",
		"ta bort mellanslagen, eller skriv %%20 i stället",
		"remove the spaces, or write %%20 instead")
	// ProgLinkHTTP: a footer link with http://, which the settings refuse.
	ProgLinkHTTP = msg.Def("programme.link-http",
		"adressen %s börjar med http://, och webbplatsen länkar bara till https://",
		"the address %s starts with http://, and the site links only to https://")
	HintProgLinkHTTP = msg.Def("programme.hint.link-http",
		"skriv %s, om webbplatsen finns med https://",
		"write %s, if the site is served with https://")
	// ProgLinkLineBreak: a footer link's address with a line break or
	// another control character.
	ProgLinkLineBreak = msg.Def("programme.link-line-break",
		"adressen %q innehåller en radbrytning eller ett annat osynligt tecken",
		"the address %q has a line break or another invisible character in it")
	HintProgLinkLineBreak = msg.Def("programme.hint.link-line-break",
		"skriv hela adressen på samma rad som url:",
		"write the whole address on the same line as url:")
	// ProgLinkMailto: a footer mailto: link without an e-mail address.
	ProgLinkMailto = msg.Def("programme.link-mailto",
		"%s är ingen e-postadress",
		"%s is not an e-mail address")
	HintProgLinkMailto = msg.Def("programme.hint.link-mailto",
		"skriv adressen som mailto:namn@region.se",
		"write the address like mailto:namn@region.se")
	// ProgLinkTel: a footer tel: link whose number is not in E.164 form.
	ProgLinkTel = msg.Def("programme.link-tel",
		"%s är inget telefonnummer i internationell form (E.164)",
		"%s is not a phone number in international form (E.164)")
	HintProgLinkTel = msg.Def("programme.hint.link-tel",
		"skriv numret med +46 och utan nollan, mellanslag och bindestreck, som tel:+46101234500",
		"write the number with +46 and without the leading zero, spaces and hyphens, like tel:+46101234500")
	HintProgLinkTelWrite = msg.Def("programme.hint.link-tel-write",
		"skriv url: tel:%s",
		"write url: tel:%s")
	ProgLinkNeither = msg.Def("programme.link-neither",
		"adressen %q är varken en sida på webbplatsen eller en hel adress",
		"the address %q is neither a page of the site nor a whole address")
	HintProgLinkNeither = msg.Def("programme.hint.link-neither",
		"skriv en sida som /tillganglighet/ eller en hel adress som börjar med https://",
		"write a page like /tillganglighet/ or a whole address starting with https://")
	ProgLogoPath = msg.Def("programme.logo-path",
		"logo %q är inte en fil i static/",
		"logo %q is not a file in static/")
	HintProgLogoPath = msg.Def("programme.hint.logo-path",
		"skriv filens namn i static/, som logo: logo.svg",
		"write the file's name in static/, like logo: logo.svg")
	ProgLogoSVG = msg.Def("programme.logo-svg",
		"logon ska vara en SVG-fil, inte %q",
		"the logo must be an SVG file, not %q")
	HintProgLogoSVG = msg.Def("programme.hint.logo-svg",
		"spara logon som SVG, så blir den skarp i alla storlekar",
		"save the logo as SVG, so it is sharp at every size")
	ProgLogoMissing = msg.Def("programme.logo-missing",
		"logon static/%s finns inte",
		"the logo static/%s does not exist")
	HintProgLogoMissing = msg.Def("programme.hint.logo-missing",
		"lägg filen i static/ eller rätta namnet",
		"put the file in static/ or correct the name")
	ProgLogoTooLarge = msg.Def("programme.logo-too-large",
		"logon static/%s %v",
		"the logo static/%s %v")
	ProgLogoSize = msg.Def("programme.logo-size",
		"logon static/%s har ingen storlek",
		"the logo static/%s has no size")
	HintProgLogoSize = msg.Def("programme.hint.logo-size",
		`ge svg-elementet viewBox="0 0 bredd höjd" eller width och height`,
		`give the svg element viewBox="0 0 width height" or width and height`)
	ProgColor = msg.Def("programme.color",
		"color ska vara en färg skriven med # och sex tecken 0–9 och a–f, inte %q",
		"color must be a colour written with # and six characters 0–9 and a–f, not %q")
	HintProgColor = msg.Def("programme.hint.color",
		`skriv till exempel color: "#3d1e63", inom citattecken`,
		`write for example color: "#3d1e63", in quotes`)
	ProgContrast = msg.Def("programme.contrast",
		"färgen %s ger för låg kontrast för %s: %s:1, minst 4,5:1 krävs",
		"the colour %s gives too little contrast for %s: %s:1, at least 4.5:1 is needed")
	HintProgDarker = msg.Def("programme.hint.darker",
		"välj en mörkare färg, till exempel %s",
		"choose a darker colour, for example %s")
	HintProgDarkerAny = msg.Def("programme.hint.darker-any",
		"välj en mörkare färg",
		"choose a darker colour")
	// The pairs of colours the contrast is checked for, in ProgContrast.
	ProgPairLinks = msg.Def("programme.pair.links",
		"länkar på sidans bakgrund", "links on the page's background")
	ProgPairHeader = msg.Def("programme.pair.header",
		"vit text i sidhuvudet och på knappar", "white text in the header and on buttons")
	ProgPairHover = msg.Def("programme.pair.hover",
		"vit text på knappar under muspekaren", "white text on buttons under the pointer")
	ProgPairFooterLinks = msg.Def("programme.pair.footer-links",
		"länkar i sidfoten och i ljusa rutor", "links in the footer and in light boxes")
	ProgPairFooterText = msg.Def("programme.pair.footer-text",
		"text i sidfoten och i ljusa rutor", "text in the footer and in light boxes")
	ProgPairMuted = msg.Def("programme.pair.muted",
		"grå text i ljusa rutor", "grey text in light boxes")
)
