package slug

import "testing"

func TestMake(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Västerbotten", "vasterbotten"},
		{"Ödeshög", "odeshog"},
		{"Umeå", "umea"},
		{"Malmö", "malmo"},
		{"Åre", "are"},
		{"Pris & villkor (2026)", "pris-villkor-2026"},
		{"  --Hej--  ", "hej"},
		{"Café Noël", "cafe-noel"},
		{"Ærø Straße", "aero-strasse"},
		{"Vårdcentral Östra, Umeå", "vardcentral-ostra-umea"},
		{"!!!", ""},
		{"", ""},
		{"ÅÄÖ åäö", "aao-aao"},
		{"Zürich", "zurich"},
		{"日本", ""},
	} {
		if have := Make(tc.in); have != tc.want {
			t.Errorf("Make(%q) = %q, want %q", tc.in, have, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	if have, want := Fold("Umeå C, Ålidhem"), "umea c alidhem"; have != want {
		t.Errorf("Fold = %q, want %q", have, want)
	}
}

func TestIDs(t *testing.T) {
	var ids IDs
	for _, tc := range []struct{ in, want string }{
		{"Priser", "priser"},
		{"Priser", "priser-1"},
		{"priser", "priser-2"},
		{"???", "avsnitt"},
		{"", "avsnitt-1"},
	} {
		if have := ids.Unique(tc.in); have != tc.want {
			t.Errorf("Unique(%q) = %q, want %q", tc.in, have, tc.want)
		}
	}
}

func FuzzMake(f *testing.F) {
	f.Add("Västerbotten")
	f.Add("a--b")
	f.Fuzz(func(t *testing.T, s string) {
		out := Make(s)
		for i, r := range out {
			ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' && i > 0 && i < len(out)-1
			if !ok {
				t.Fatalf("Make(%q) = %q: bad character %q at %d", s, out, r, i)
			}
		}
		if Make(out) != out {
			t.Fatalf("Make is not idempotent on %q: %q then %q", s, out, Make(out))
		}
	})
}
