package msg

// Messages of contacts (content/kontakter.yaml and the contacts: key of a
// page, package contact).
var (
	ContactUnknown = def("contact.unknown",
		"det finns ingen kontakt %q i %s",
		"there is no contact %q in %s")
	HintContactKnown = def("contact.hint.known",
		"kontakter som finns: %s",
		"known contacts: %s")
	HintContactAdd = def("contact.hint.add",
		"lägg till den i %s",
		"add it to %s")
	ContactIDChars = def("contact.id-chars",
		"id %q får bara innehålla a–z, 0–9 och bindestreck",
		"id %q may hold only a–z, 0–9 and hyphens")
	HintContactWriteID = def("contact.hint.write-id",
		"skriv id: %s",
		"write id: %s")
	ContactTwice = def("contact.twice",
		"kontakten %s står redan på rad %d",
		"the contact %s is already on line %d")
	HintContactTwice = def("contact.hint.twice",
		"ge varje kontakt ett eget id",
		"give each contact its own id")
	ContactNeither = def("contact.neither",
		"kontakten %s har varken mailbox eller name",
		"the contact %s has neither mailbox nor name")
	HintContactNeither = def("contact.hint.neither",
		"lägg till mailbox: för en funktionsbrevlåda, eller name: och role: för en person",
		"add mailbox: for a functional mailbox, or name: and role: for a person")
	ContactBoth = def("contact.both",
		"kontakten %s har både mailbox och name",
		"the contact %s has both mailbox and name")
	HintContactBoth = def("contact.hint.both",
		"en kontakt är en funktionsbrevlåda eller en person; gör två kontakter",
		"a contact is a functional mailbox or a person; make two contacts")
	ContactNoRole = def("contact.no-role",
		"personen %s saknar role",
		"the person %s has no role")
	HintContactNoRole = def("contact.hint.no-role",
		"lägg till role: …, som role: Hälsoutvecklare, så att besökarna vet vad de kan fråga om",
		"add role: …, like role: Hälsoutvecklare, so visitors know what to ask about")
	ContactNoWay = def("contact.no-way",
		"kontakten %s har varken email eller phone",
		"the contact %s has neither email nor phone")
	HintContactNoWay = def("contact.hint.no-way",
		"lägg till email: eller phone:, eller båda",
		"add email: or phone:, or both")
	ContactEmail = def("contact.email",
		"email %q är ingen e-postadress",
		"email %q is not an e-mail address")
	ContactPhone = def("contact.phone",
		"phone: %v",
		"phone: %v")
	HintContactPhone = def("contact.hint.phone",
		"skriv ett svenskt nummer som 010-123 45 00 eller +46 10 123 45 00",
		"write a Swedish number like 010-123 45 00 or +46 10 123 45 00")
)
