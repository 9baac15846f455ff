package settings

import (
	"os"
	"testing"
)

// TestThemeWords: the theme's layouts/words.yaml gives every word, and
// site.yaml's words: changes only the ones it names.
func TestThemeWords(t *testing.T) {
	w, errs := LoadWords(os.DirFS("../.."), &Words{Home: "Hem", DocumentKinds: map[string]string{"rapport": "Årsrapporter"}})
	if w == nil || len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	if w.Home != "Hem" || w.NotFound != "Sidan finns inte" || w.DocumentKinds["rapport"] != "Årsrapporter" || w.DocumentKinds["verktyg"] != "Verktyg" {
		t.Errorf("merged words: %+v", w)
	}
	if have := Fill(w.KommunTitle, "kommun", "Umeå"); have != "Diplomerade verksamheter i Umeå" {
		t.Errorf("Fill(kommun_title) = %q", have)
	}
}
