package swedish

import (
	"testing"
	"time"
)

func TestFormats(t *testing.T) {
	start := time.Date(2026, 8, 31, 10, 0, 0, 0, Location())
	end := time.Date(2026, 8, 31, 12, 0, 0, 0, Location())
	for _, tc := range []struct{ have, want string }{
		{Date(start), "31 augusti 2026"},
		{ISODate(start), "2026-08-31"},
		{DateTimeRange(start, end), "31 augusti 2026, kl. 10.00–12.00"},
		{DateTimeRange(start.UTC(), end.UTC()), "31 augusti 2026, kl. 10.00–12.00"},
		{Number(5900), "5\u00a0900"},
		{Number(1234567), "1\u00a0234\u00a0567"},
		{Number(-120), "−120"},
		{Bytes(800), "800\u00a0B"},
		{Bytes(340_400), "340\u00a0kB"},
		{Bytes(1_234_567), "1,2\u00a0MB"},
	} {
		if tc.have != tc.want {
			t.Errorf("have %q, want %q", tc.have, tc.want)
		}
	}
}

func TestPhone(t *testing.T) {
	for _, tc := range []struct{ in, display, e164 string }{
		{"070-123 45 67", "070-123\u00a045\u00a067", "+46701234567"},
		{"+46 70 123 45 67", "070-123\u00a045\u00a067", "+46701234567"},
		{"0046701234567", "070-123\u00a045\u00a067", "+46701234567"},
		{"08-123 456 78", "08-123\u00a0456\u00a078", "+46812345678"},
		{"+46 (0)8 123 456 78", "08-123\u00a0456\u00a078", "+46812345678"},
		{"010-123 45 00", "010-123\u00a045\u00a000", "+46101234500"},
		{"0910-123 45", "0910-123\u00a045", "+4691012345"},
		{"090-12 34 56", "090-12\u00a034\u00a056", "+4690123456"},
	} {
		p, err := ParsePhone(tc.in)
		if err != nil {
			t.Errorf("ParsePhone(%q): %v", tc.in, err)
			continue
		}
		if p.String() != tc.display || p.E164() != tc.e164 {
			t.Errorf("ParsePhone(%q) = %q, %q; want %q, %q", tc.in, p.String(), p.E164(), tc.display, tc.e164)
		}
	}
	for _, in := range []string{"12345", "+47 22 33 44 55", "070-123 45", "ring mig", "0701234567890", "0047 22334455"} {
		if _, err := ParsePhone(in); err == nil {
			t.Errorf("ParsePhone(%q) accepted a number that cannot be Swedish", in)
		}
	}
}

func FuzzParsePhone(f *testing.F) {
	f.Add("070-123 45 67")
	f.Add("+46 8 123 456 78")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePhone(s)
		if err != nil {
			return
		}
		again, err := ParsePhone(p.String())
		if err != nil || again != p {
			t.Fatalf("%q → %q does not read back: %v", s, p.String(), err)
		}
		if e := p.E164(); len(e) < 10 || e[:3] != "+46" {
			t.Fatalf("E164 %q", e)
		}
	})
}
