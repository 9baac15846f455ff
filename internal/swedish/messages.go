package swedish

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of phone numbers, wherever one is written (package swedish).
var (
	PhoneEmpty = msg.Def("phone.empty",
		"telefonnumret är tomt; skriv det som 010-123 45 00",
		"the phone number is empty; write it like 010-123 45 00")
	PhonePlus = msg.Def("phone.plus",
		"%q är inget telefonnummer: + får bara stå först, som i +46 70 123 45 67",
		"%q is not a phone number: + may only come first, as in +46 70 123 45 67")
	PhoneBroken = msg.Def("phone.broken",
		"%q är inget telefonnummer: det har ett trasigt tecken i sig",
		"%q is not a phone number: it has a broken character in it")
	PhoneChar = msg.Def("phone.char",
		"%q är inget telefonnummer: det har %q i sig; skriv bara siffror, mellanslag och bindestreck",
		"%q is not a phone number: it has %q in it; write only digits, spaces and hyphens")
	PhoneCountry = msg.Def("phone.country",
		"%q är inget svenskt nummer: det har en annan landskod; svenska nummer börjar med 0 eller +46",
		"%q is not a Swedish number: it has another country code; Swedish numbers start with 0 or +46")
	PhoneNoArea = msg.Def("phone.no-area",
		"%q saknar riktnummer; skriv det med riktnummer, som 010-123 45 00",
		"%q has no area code; write it with the area code, like 010-123 45 00")
	PhoneShort = msg.Def("phone.short",
		"%q är inget svenskt nummer: det är för kort; skriv det som 010-123 45 00",
		"%q is not a Swedish number: it is too short; write it like 010-123 45 00")
	PhoneMobile = msg.Def("phone.mobile",
		"%q är inget svenskt nummer: ett mobilnummer har 10 siffror, som 070-123 45 67, och det här har %d",
		"%q is not a Swedish number: a mobile number has 10 digits, like 070-123 45 67, and this has %d")
	PhoneLength = msg.Def("phone.length",
		"%q är inget svenskt nummer: med riktnummer ska det ha 8 till 10 siffror, och det här har %d",
		"%q is not a Swedish number: with the area code it must have 8 to 10 digits, and this has %d")
)
