package check

import (
	"strings"
	"testing"
)

// vagueAsBefore is what isVague replaces.
func vagueAsBefore(t string) bool { return len(t) <= vagueLen && vague[strings.ToLower(t)] }

// TestVague: isVague is the lowercase lookup it replaces, for vague's
// texts in other cases, with letters that change length lowercase, and
// texts just longer or shorter.
func TestVague(t *testing.T) {
	var texts []string
	for v := range vague {
		texts = append(texts, v, strings.ToUpper(v), strings.ToUpper(v[:1])+v[1:], v+"x", v[1:], " "+v,
			strings.ReplaceAll(v, "k", "\u212a"), strings.ReplaceAll(v, "ä", "Ä"), strings.ReplaceAll(v, "e", "é"))
	}
	texts = append(texts, "", "a", strings.Repeat("x", vagueMax), strings.Repeat("x", vagueMax+1),
		strings.Repeat("\u212a", vagueLen/3), "MER INFORMATION", "MER INFORMATIONS", "İ", "Region Mittland")
	n := 0
	for _, x := range texts {
		if got, want := isVague(x), vagueAsBefore(x); got != want {
			t.Errorf("isVague(%q) = %v, want %v", x, got, want)
		}
		if vagueAsBefore(x) {
			n++
		}
	}
	if n < 3*len(vague) {
		t.Errorf("only %d of the texts are vague: the test would not see isVague say no", n)
	}
}

// FuzzVague: isVague is the lowercase lookup it replaces, for any text.
func FuzzVague(f *testing.F) {
	for v := range vague {
		f.Add(strings.ToUpper(v))
	}
	f.Add("\u212alicka")
	f.Fuzz(func(t *testing.T, x string) {
		if got, want := isVague(x), vagueAsBefore(x); got != want {
			t.Errorf("isVague(%q) = %v, want %v", x, got, want)
		}
	})
}
