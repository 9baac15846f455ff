package contact

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of contacts (content/kontakter.yaml and the contacts: key of a
// page, package contact).
var (
	ContactUnknown = msg.Def("contact.unknown",
		"det finns ingen kontakt %q i %s",
		"there is no contact %q in %s")
	HintContactKnown = msg.Def("contact.hint.known",
		"kontakter som finns: %s",
		"known contacts: %s")
	HintContactAdd = msg.Def("contact.hint.add",
		"lägg till den i %s",
		"add it to %s")
	ContactIDChars = msg.Def("contact.id-chars",
		"id %q får bara innehålla a–z, 0–9 och bindestreck",
		"id %q may hold only a–z, 0–9 and hyphens")
	HintContactWriteID = msg.Def("contact.hint.write-id",
		"skriv id: %s",
		"write id: %s")
	ContactTwice = msg.Def("contact.twice",
		"kontakten %s står redan på rad %d",
		"the contact %s is already on line %d")
	HintContactTwice = msg.Def("contact.hint.twice",
		"ge varje kontakt ett eget id",
		"give each contact its own id")
	ContactNeither = msg.Def("contact.neither",
		"kontakten %s har varken mailbox eller name",
		"the contact %s has neither mailbox nor name")
	HintContactNeither = msg.Def("contact.hint.neither",
		"lägg till mailbox: för en funktionsbrevlåda, eller name: och role: för en person",
		"add mailbox: for a functional mailbox, or name: and role: for a person")
	ContactBoth = msg.Def("contact.both",
		"kontakten %s har både mailbox och name",
		"the contact %s has both mailbox and name")
	HintContactBoth = msg.Def("contact.hint.both",
		"en kontakt är en funktionsbrevlåda eller en person; gör två kontakter",
		"a contact is a functional mailbox or a person; make two contacts")
	ContactNoRole = msg.Def("contact.no-role",
		"personen %s saknar role",
		"the person %s has no role")
	HintContactNoRole = msg.Def("contact.hint.no-role",
		"lägg till role: …, som role: Hälsoutvecklare, så att besökarna vet vad de kan fråga om",
		"add role: …, like role: Hälsoutvecklare, so visitors know what to ask about")
	ContactNoWay = msg.Def("contact.no-way",
		"kontakten %s har varken email eller phone",
		"the contact %s has neither email nor phone")
	HintContactNoWay = msg.Def("contact.hint.no-way",
		"lägg till email: eller phone:, eller båda",
		"add email: or phone:, or both")
	ContactEmail = msg.Def("contact.email",
		"email %q är ingen e-postadress",
		"email %q is not an e-mail address")
	ContactPhone = msg.Def("contact.phone",
		"phone: %v",
		"phone: %v")
)

// Messages of the build about pages and their addresses (package site).
var (
	// The parts of a page that SiteNotShown names.
	ShownContacts = msg.Def("site.shown.contacts", "kontakter", "contacts")
)
