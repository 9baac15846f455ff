package content

import (
	"regexp"
	"strings"

	"golang.org/x/text/language"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// langRE is the shape of a language tag as pages write it: a language of
// two or three letters, then subtags (sv, en-GB, sr-Latn, sgn-SE).
var langRE = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

// langNames are language names editors may write for their codes.
var langNames = map[string]string{
	"svenska": "sv", "swedish": "sv", "engelska": "en", "english": "en", "finska": "fi", "finnish": "fi",
	"arabiska": "ar", "arabic": "ar", "persiska": "fa", "farsi": "fa", "somaliska": "so", "tigrinja": "ti",
	"polska": "pl", "tyska": "de", "franska": "fr", "spanska": "es", "ukrainska": "uk", "ryska": "ru",
	"nordsamiska": "se", "meänkieli": "fit", "romani": "rom", "jiddisch": "yi", "kurdiska": "ku", "turkiska": "tr",
}

// CheckLang returns what is wrong with s as a page's lang, and a hint, or
// zero messages when it is a language code (BCP 47) of a known language.
func CheckLang(s string) (m, hint msg.Message) {
	if code, ok := langNames[strings.ToLower(strings.TrimSpace(s))]; ok {
		return PageLangName.With(s), HintPageLangName.With(code)
	}
	if !langRE.MatchString(s) {
		return PageLangCode.With(s), HintPageLangCode.With()
	}
	if _, err := language.Parse(s); err != nil {
		return PageLangUnknown.With(s), HintPageLangCode.With()
	}
	return msg.Message{}, msg.Message{}
}
