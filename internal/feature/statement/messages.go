package statement

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of the accessibility statement and of pages that declare
// themselves not accessible.
var (
	ShownStatement = msg.Def("statement.shown-statement",
		"tillgänglighetsredogörelsen",
		"the accessibility statement")
	ShownMark = msg.Def("statement.shown-mark",
		"att sidan inte är tillgänglig",
		"that the page is not accessible")

	StatementTwice = msg.Def("statement.twice",
		"webbplatsen har redan en tillgänglighetsredogörelse, i %s",
		"the site has an accessibility statement already, in %s")
	HintStatementTwice = msg.Def("statement.hint.twice",
		"en webbplats har en redogörelse: ta bort statement: från den här sidan",
		"a site has one statement: remove statement: from this page")
	StatusUnknown = msg.Def("statement.status-unknown",
		"%q är ingen status för redogörelsen",
		"%q is not a status of the statement")
	StatusFullButShortcomings = msg.DefPlural("statement.status-full",
		"status: helt, men %d innehåll är markerat som inte tillgängligt (%s)",
		"status: helt, men %d innehåll är markerade som inte tillgängliga (bland annat %s)",
		"status: helt, but %d item of content is marked as not accessible (%s)",
		"status: helt, but %d items of content are marked as not accessible (among them %s)")
	HintStatusFullButShortcomings = msg.Def("statement.hint.status-full",
		"skriv status: delvis så länge något inte är tillgängligt, eller gör innehållet tillgängligt och ta bort accessible: false",
		"write status: delvis while anything is not accessible, or make the content accessible and remove accessible: false")
	StatusPartlyButNone = msg.Def("statement.status-partly",
		"status: %s, men inget innehåll är markerat som inte tillgängligt",
		"status: %s, but no content is marked as not accessible")
	HintStatusPartlyButNone = msg.Def("statement.hint.status-partly",
		"beskriv bristerna under shortcomings: (eller markera dokument och sidor med accessible: false), eller skriv status: helt",
		"describe what is not accessible under shortcomings: (or mark documents and pages with accessible: false), or write status: helt")
	FeedbackEmpty = msg.Def("statement.feedback-empty",
		"feedback behöver en e-postadress eller ett telefonnummer",
		"feedback needs an email address or a phone number")
	HintFeedbackEmpty = msg.Def("statement.hint.feedback-empty",
		"skriv email: och/eller phone: under feedback:, så att läsare kan be om innehåll i ett annat format",
		"write email: and/or phone: under feedback:, so that readers can ask for content in another form")
	FeedbackEmail = msg.Def("statement.feedback-email",
		"%q är ingen e-postadress",
		"%q is not an email address")
	HintFeedbackEmail = msg.Def("statement.hint.feedback-email",
		"skriv adressen som tillganglighet@region.example.se",
		"write the address like tillganglighet@region.example.se")
	DateInFuture = msg.Def("statement.date-future",
		"%s: %s har inte hänt än",
		"%s: %s is still to come")
	HintDateInFuture = msg.Def("statement.hint.date-future",
		"skriv dagen då det gjordes, inte en dag som kommer",
		"write the day it was done, not a day to come")
	UpdatedBeforeAssessed = msg.Def("statement.updated-before",
		"updated: %s är före bedömningen (assessed: %s)",
		"updated: %s is before the assessment (assessed: %s)")
	HintUpdatedBeforeAssessed = msg.Def("statement.hint.updated-before",
		"när du gör en ny bedömning uppdaterar du också redogörelsen: skriv samma dag eller senare i updated:",
		"a new assessment updates the statement too: write the same day or later in updated:")

	MarkWithoutFalse = msg.Def("statement.mark-without-false",
		"%s gäller bara sidor som inte är tillgängliga",
		"%s is only for pages that are not accessible")
	HintMarkWithoutFalse = msg.Def("statement.hint.mark-without-false",
		"skriv accessible: false ovanför %s, eller ta bort raden om sidan är tillgänglig",
		"write accessible: false above %s, or remove the line if the page is accessible")
	MarkNoReason = msg.Def("statement.mark-no-reason",
		"accessible: false behöver reason: som säger vad som inte är tillgängligt och varför",
		"accessible: false needs reason: saying what is not accessible and why")
	HintMarkNoReason = msg.Def("statement.hint.mark-no-reason",
		"skriv till exempel reason: Tabellerna saknar rubrikceller, så de är svåra att följa med skärmläsare.",
		"write for example reason: The tables have no header cells, so they are hard to follow with a screen reader.")
	MarkNoFixBy = msg.Def("statement.mark-no-fix-by",
		"accessible: false behöver fix_by: med dagen då innehållet ska vara tillgängligt",
		"accessible: false needs fix_by: with the day the content is planned to be accessible")
	HintMarkNoFixBy = msg.Def("statement.hint.mark-no-fix-by",
		"skriv till exempel fix_by: 2027-03-31; redogörelsen visar datumet för läsarna",
		"write for example fix_by: 2027-03-31; the statement shows the day to readers")

	NoteAssessmentOld = msg.Def("statement.note-old",
		"tillgänglighetsredogörelsen (%s) bygger på en bedömning från %s, mer än ett år sedan: gör en ny bedömning och skriv dagen i assessed: och updated:",
		"the accessibility statement (%s) rests on an assessment of %s, more than a year ago: assess the site again and write the day in assessed: and updated:")
	NoteFixByPassed = msg.Def("statement.note-fix-by",
		"%s skulle vara tillgängligt senast %s (%s): gör det tillgängligt, eller skriv ett nytt datum i fix_by:",
		"%s was planned to be accessible by %s (%s): make it accessible, or write a new day in fix_by:")
)
