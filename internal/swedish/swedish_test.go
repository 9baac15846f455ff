package swedish

import (
	"math"
	"strings"
	"testing"
	"time"
)

const nb = "\u00a0"

func TestDatesAndTimes(t *testing.T) {
	loc := Location()
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, loc) }
	start, end := at(2026, 8, 31, 10, 0), at(2026, 8, 31, 12, 0)
	for _, tc := range []struct{ name, have, want string }{
		{"month", Month(time.May), "maj"},
		{"date", Date(start), "31 augusti 2026"},
		{"date without leading zero", Date(at(2026, 9, 5, 0, 0)), "5 september 2026"},
		{"date from YAML (midnight UTC)", Date(time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)), "31 december 2026"},
		{"iso date", ISODate(start), "2026-08-31"},
		{"time", Time(start), "10.00"},
		{"time with minutes", Time(at(2026, 9, 26, 13, 30)), "13.30"},
		{"time from UTC shown in Stockholm", Time(time.Date(2026, 8, 31, 8, 0, 0, 0, time.UTC)), "10.00"},
		{"time from UTC in winter", Time(time.Date(2026, 12, 5, 12, 30, 0, 0, time.UTC)), "13.30"},
		{"time range", TimeRange(start, end), "kl. 10.00–12.00"},
		{"date time range", DateTimeRange(start, end), "31 augusti 2026, kl. 10.00–12.00"},
		{"date time range from UTC", DateTimeRange(start.UTC(), end.UTC()), "31 augusti 2026, kl. 10.00–12.00"},
		{"date of a late UTC time is the Stockholm date", DateTimeRange(time.Date(2026, 8, 30, 22, 30, 0, 0, time.UTC), time.Date(2026, 8, 30, 23, 0, 0, 0, time.UTC)), "31 augusti 2026, kl. 00.30–1.00"},
		{"time before ten without a leading zero", TimeRange(at(2027, 1, 26, 8, 30), at(2027, 1, 26, 11, 30)), "kl. 8.30–11.30"},
		{"short date", ShortDate(at(2027, 1, 26, 8, 30)), "tis 26 jan 2027"},
		{"short date of a Sunday in September", ShortDate(time.Date(2026, 9, 6, 0, 0, 0, 0, time.UTC)), "sön 6 sep 2026"},
		{"short date in March", ShortDate(time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)), "tors 5 mars 2026"},
		{"over midnight", DateTimeRange(at(2026, 10, 24, 22, 0), at(2026, 10, 25, 2, 0)), "24 oktober 2026, kl. 22.00 – 25 oktober 2026, kl. 2.00"},
		{"day of the change to winter time", DateTimeRange(at(2026, 10, 25, 10, 0), at(2026, 10, 25, 12, 0)), "25 oktober 2026, kl. 10.00–12.00"},
		{"day of the change to summer time", DateTimeRange(at(2026, 3, 29, 10, 0), at(2026, 3, 29, 12, 0)), "29 mars 2026, kl. 10.00–12.00"},
	} {
		if tc.have != tc.want {
			t.Errorf("%s: have %q, want %q", tc.name, tc.have, tc.want)
		}
	}
}

func TestLocation(t *testing.T) {
	if Location().String() != "Europe/Stockholm" {
		t.Fatalf("Location is %s", Location())
	}
	for _, tc := range []struct {
		day  int
		want int // offset in hours on 10.00
	}{{28, 1}, {30, 2}} {
		_, off := time.Date(2026, 3, tc.day, 10, 0, 0, 0, Location()).Zone()
		if off != tc.want*3600 {
			t.Errorf("2026-03-%d: offset %d s, want %d h", tc.day, off, tc.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct{ name, have, want string }{
		{"small", Number(7), "7"},
		{"four digits", Number(5900), "5" + nb + "900"},
		{"millions", Number(1234567), "1" + nb + "234" + nb + "567"},
		{"negative", Number(-120), "−120"},
		{"negative thousands", Number(-1200), "−1" + nb + "200"},
		{"min int", Number(math.MinInt64), "−9" + nb + "223" + nb + "372" + nb + "036" + nb + "854" + nb + "775" + nb + "808"},
		{"decimal", Decimal(1.23, 1), "1,2"},
		{"decimal rounds", Decimal(92.55, 0), "93"},
		{"decimal with groups", Decimal(12345.5, 2), "12" + nb + "345,50"},
		{"decimal negative", Decimal(-0.5, 1), "−0,5"},
		{"decimal negative zero", Decimal(-0.01, 1), "0,0"},
		{"decimal no places", Decimal(90, 0), "90"},
		{"decimal negative places", Decimal(90.4, -1), "90"},
		{"bytes", Bytes(800), "800" + nb + "B"},
		{"bytes zero", Bytes(0), "0" + nb + "B"},
		{"kilobytes", Bytes(340_400), "340" + nb + "kB"},
		{"kilobytes round", Bytes(1_500), "2" + nb + "kB"},
		{"kilobytes small", Bytes(4_408), "4" + nb + "kB"},
		{"just under a megabyte", Bytes(999_600), "1,0" + nb + "MB"},
		{"megabytes", Bytes(1_234_567), "1,2" + nb + "MB"},
		{"many megabytes", Bytes(345_678_901), "345,7" + nb + "MB"},
		{"just under a gigabyte", Bytes(999_960_000), "1,0" + nb + "GB"},
		{"gigabytes", Bytes(2_500_000_000), "2,5" + nb + "GB"},
		{"many gigabytes", Bytes(1_234_500_000_000), "1" + nb + "234,5" + nb + "GB"},
	} {
		if tc.have != tc.want {
			t.Errorf("%s: have %q, want %q", tc.name, tc.have, tc.want)
		}
	}
}

func TestParsePhone(t *testing.T) {
	for _, tc := range []struct{ in, display, e164 string }{
		{"070-123 45 67", "070-123 45 67", "+46701234567"},
		{"0701234567", "070-123 45 67", "+46701234567"},
		{"070 – 123 45 67", "070-123 45 67", "+46701234567"},
		{"+46 70 123 45 67", "070-123 45 67", "+46701234567"},
		{"+46 (0)70-123 45 67", "070-123 45 67", "+46701234567"},
		{"+46701234567", "070-123 45 67", "+46701234567"},
		{"0046701234567", "070-123 45 67", "+46701234567"},
		{"0046 (0)8-123 456 78", "08-123 456 78", "+46812345678"},
		{"08-123 456 78", "08-123 456 78", "+46812345678"},
		{"08-123 45 67", "08-123 45 67", "+4681234567"},
		{"08/123 456 78", "08-123 456 78", "+46812345678"},
		{"+46 (0)8 123 456 78", "08-123 456 78", "+46812345678"},
		{"010-123 45 00", "010-123 45 00", "+46101234500"},
		{"010-123\u00a045\u00a000", "010-123 45 00", "+46101234500"},
		{"031-12 34 56", "031-12 34 56", "+4631123456"},
		{"040-123 45 67", "040-123 45 67", "+46401234567"},
		{"090-12 34 56", "090-12 34 56", "+4690123456"},
		{"0910-123 45", "0910-123 45", "+4691012345"},
		{"0380-12 34 56", "0380-12 34 56", "+46380123456"},
		{"0771-67 67 67", "0771-67 67 67", "+46771676767"},
		{"020-12 34 56", "020-12 34 56", "+4620123456"},
		{" 073.123.45.67 ", "073-123 45 67", "+46731234567"},
	} {
		p, err := ParsePhone(tc.in)
		if err != nil {
			t.Errorf("ParsePhone(%q): %v", tc.in, err)
			continue
		}
		if have := strings.ReplaceAll(p.String(), nb, " "); have != tc.display || p.E164() != tc.e164 {
			t.Errorf("ParsePhone(%q): have %q, %q; want %q, %q", tc.in, have, p.E164(), tc.display, tc.e164)
		}
		if strings.Contains(p.String(), " ") {
			t.Errorf("ParsePhone(%q).String() = %q has a space that can break", tc.in, p.String())
		}
	}
}

func TestParsePhoneErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "telefonnumret är tomt; skriv det som 010-123 45 00"},
		{"ring mig", `"ring mig" är inget telefonnummer: det har 'r' i sig; skriv bara siffror, mellanslag och bindestreck`},
		{"070-123 45 67 ankn. 12", `"070-123 45 67 ankn. 12" är inget telefonnummer: det har 'a' i sig; skriv bara siffror, mellanslag och bindestreck`},
		{"070+1234567", `"070+1234567" är inget telefonnummer: + får bara stå först, som i +46 70 123 45 67`},
		{"+47 22 33 44 55", `"+47 22 33 44 55" är inget svenskt nummer: det har en annan landskod; svenska nummer börjar med 0 eller +46`},
		{"0047 22334455", `"0047 22334455" är inget svenskt nummer: det har en annan landskod; svenska nummer börjar med 0 eller +46`},
		{"12345", `"12345" saknar riktnummer; skriv det med riktnummer, som 010-123 45 00`},
		{"+46", `"+46" är inget svenskt nummer: det är för kort; skriv det som 010-123 45 00`},
		{"070-123 45", `"070-123 45" är inget svenskt nummer: ett mobilnummer har 10 siffror, som 070-123 45 67, och det här har 8`},
		{"07012345678", `"07012345678" är inget svenskt nummer: ett mobilnummer har 10 siffror, som 070-123 45 67, och det här har 11`},
		{"08-123 4", `"08-123 4" är inget svenskt nummer: med riktnummer ska det ha 8 till 10 siffror, och det här har 6`},
		{"0910-123 456 789", `"0910-123 456 789" är inget svenskt nummer: med riktnummer ska det ha 8 till 10 siffror, och det här har 13`},
		{"010-12 34", `"010-12 34" är inget svenskt nummer: med riktnummer ska det ha 8 till 10 siffror, och det här har 7`},
	} {
		_, err := ParsePhone(tc.in)
		if err == nil {
			t.Errorf("ParsePhone(%q) accepted a number that cannot be Swedish", tc.in)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("ParsePhone(%q):\nhave %s\nwant %s", tc.in, err, tc.want)
		}
	}
}

func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{"070-123 45 67", "+46 8 123 456 78", "0046 (0)910-123 45", "010-123 45 00", "+47 1", "00", "+", "0771-67 67 67"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePhone(s)
		if err != nil {
			if !strings.Contains(err.Error(), "telefonnummer") && !strings.Contains(err.Error(), "svenskt nummer") && !strings.Contains(err.Error(), "riktnummer") {
				t.Fatalf("ParsePhone(%q): the error does not say what is wrong: %v", s, err)
			}
			return
		}
		for _, again := range []string{p.String(), p.E164()} {
			q, err := ParsePhone(again)
			if err != nil || q != p {
				t.Fatalf("%q → %q does not read back: %+v, %v", s, again, q, err)
			}
		}
		if e := p.E164(); len(e) < 10 || len(e) > 12 || e[:3] != "+46" || e[3] == '0' {
			t.Fatalf("ParsePhone(%q).E164() = %q", s, e)
		}
	})
}
