package statement

import "github.com/hbtq-diplomering/webbplats/internal/feature"

// form is how the statement's keys appear in the editing tool.
var form = feature.Form{
	"statement": {Label: "Tillgänglighetsredogörelse", Fields: statementForm,
		Hint: "Gör sidan till webbplatsens tillgänglighetsredogörelse. Sidan byggs av uppgifterna här; texten på sidan hamnar under Teknisk information."},
	"accessible": {Label: "Tillgänglig", Hint: "Stäng av bara för en sida som inte är tillgänglig, och skriv då vad och när det åtgärdas. Tillgänglighetsredogörelsen tar upp sidan."},
	"reason":     {Label: "Vad som inte är tillgängligt", Widget: "text", Hint: "Vad på sidan som inte är tillgängligt och varför. Bara när Tillgänglig är avstängt."},
	"fix_by":     {Label: "Åtgärdas senast", Hint: "Dagen då sidan ska vara tillgänglig. Bara när Tillgänglig är avstängt."},
}

var statementForm = feature.Form{
	"publisher": {Label: "Ansvarig", Hint: "Vem som står bakom webbplatsen, till exempel Region Mittland."},
	"service":   {Label: "Webbplats", Hint: "Webbplatsen som redogörelsen gäller, till exempel hbtq.region.example.se."},
	"status": {Label: "Status", Widget: "select", Hint: "Helt förenlig bara när inget innehåll är markerat som inte tillgängligt.",
		Options: []feature.Option{{Label: "Helt förenlig", Value: "helt"}, {Label: "Delvis förenlig", Value: "delvis"}, {Label: "Inte förenlig", Value: "inte"}}},
	"standard":  {Label: "Standard", Hint: "Vad webbplatsen bedöms mot. När inget står gäller ordet standard i webbplatsens ord (i temat: WCAG 2.1 nivå AA)."},
	"assessed":  {Label: "Senaste bedömning", Hint: "Dagen då webbplatsen senast granskades. Efter ett år påminner bygget om en ny bedömning."},
	"updated":   {Label: "Senast uppdaterad", Hint: "Dagen då redogörelsen senast uppdaterades."},
	"published": {Label: "Webbplatsen publicerades", Hint: "Dagen då webbplatsen publicerades."},
	"method":    {Label: "Hur vi testat", Widget: "text", Hint: "Hur webbplatsen granskades: själva eller av någon annan, med vilka verktyg och hjälpmedel."},
	"feedback": {Label: "Kontakt för synpunkter", Fields: feature.Form{
		"email":    {Label: "E-post", Widget: "email"},
		"phone":    {Label: "Telefon"},
		"response": {Label: "Svarstid", Hint: "Hur snart läsaren får svar, till exempel inom fem arbetsdagar."},
	}},
	"shortcomings": {Label: "Annat som inte är tillgängligt", Hint: "Brister utöver dokument och sidor som är markerade som inte tillgängliga.",
		Fields: itemForm, Summary: "{{fields.what}}"},
	"exemptions": {Label: "Undantag", Hint: "Innehåll som lagen inte omfattar.", Fields: itemForm, Summary: "{{fields.what}}"},
}

var itemForm = feature.Form{
	"what":   {Label: "Vad", Hint: "Innehållet det gäller."},
	"reason": {Label: "Varför", Widget: "text", Hint: "Vad som inte är tillgängligt och varför, eller varför lagen inte omfattar det."},
	"fix_by": {Label: "Åtgärdas senast", Hint: "Dagen då det ska vara åtgärdat."},
}
