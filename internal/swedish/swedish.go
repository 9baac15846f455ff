// Package swedish formats dates, times, numbers, sizes and phone numbers the
// way Swedish public sites write them, following the Swedish government's
// web guidelines and Språkrådet's recommendations, and sorts text in Swedish
// alphabetical order.
//
// # Formats
//
//	Month         "augusti" (lower case)
//	Date          "31 augusti 2026" (day without a leading zero)
//	ISODate       "2026-08-31", for tables and datetime attributes
//	Time          "10.00" (hours and minutes with a full stop)
//	TimeRange     "kl. 10.00–12.00" (en dash, no spaces)
//	DateTimeRange "31 augusti 2026, kl. 10.00–12.00"; over midnight
//	              "24 oktober 2026, kl. 22.00 – 25 oktober 2026, kl. 02.00"
//	Number        "5 900", "−120" (no-break space between groups of three,
//	              a real minus sign)
//	Decimal       "1,2", "12 345,50" (decimal comma)
//	Bytes         "800 B", "340 kB", "1,2 MB", "2,5 GB" (SI units: 1 kB is
//	              1 000 bytes; no decimal for B and kB, one for MB and GB)
//
// Every space inside a number or between a number and its unit is a
// no-break space (U+00A0), so a line never breaks inside "5 900 kr".
//
// # Time zone
//
// Time, TimeRange and DateTimeRange show the clock in Europe/Stockholm,
// whatever the location of the time.Time they get. Date and ISODate show the
// calendar date of the time.Time in its own location, so a date read from
// YAML as midnight UTC stays the same day. The time zone database is
// embedded (time/tzdata), so this works on any machine; [Location] returns
// Europe/Stockholm.
//
// # Order
//
// [Compare] is the site's one Swedish alphabetical order (… X, Y, Z, Å, Ä,
// Ö), safe for concurrent use; [Key] gives sort keys in the same order for
// sorting many values. Every list that is sorted by name uses them.
//
// # Phone numbers
//
// [ParsePhone] reads a Swedish number as editors write it: "070-123 45 67",
// "070 123 45 67", "+46 70 123 45 67", "+46 (0)70-123 45 67",
// "0046 70 123 45 67", "010-123 45 00", "08-123 456 78". Hyphens, dashes,
// spaces, no-break spaces, dots, slashes and brackets between the digits
// are ignored. The number is split into area code and subscriber number:
//
//   - 08 (Stockholm) has two digits;
//   - the codes 010, 011, 013, 016, 018, 019, 020, 021, 023, 026, 031, 033,
//     035, 036, 040, 042, 044, 046, 054, 060, 063 and 090, and the mobile
//     codes 070, 072, 073, 076 and 079, have three;
//   - every other code has four (0910, 0380, 0771).
//
// A mobile number has seven digits after its code; other subscriber numbers
// have five to eight, and the whole number, with the leading 0, eight to ten.
// [Phone.String] writes it the Swedish way, the code, a hyphen and the
// subscriber number in groups counted from the end ("070-123 45 67",
// "08-123 456 78", "0910-123 45", "090-12 34 56"); [Phone.E164] writes it for
// tel: links ("+46701234567"). A number with letters, another country code,
// no area code or the wrong number of digits is an error that says which.
package swedish

import (
	"math"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Stockholm on any machine
	"unicode/utf8"
)

// nbsp is the no-break space between digit groups and before units.
const nbsp = "\u00a0"

var months = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}

var stockholm = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		panic(err) // the database is embedded
	}
	return loc
}()

// Location returns Europe/Stockholm.
func Location() *time.Location { return stockholm }

// Today returns today's date in Stockholm: the day a build without -now
// treats as today.
func Today() Day { return DayOf(time.Now().In(stockholm)) }

// Day is a calendar day: the build's day (-now, or [Today]) as the engine
// and every feature see it, in one shape. It holds the date only. Date
// gives it as midnight UTC, the form in which the dates communicators
// write (2026-09-12) are decoded, so that dates compare with it directly;
// Start gives the moment it begins in Stockholm, for clock times (a
// seminar session is upcoming until it has ended).
type Day struct{ d time.Time }

// DayOf returns the calendar date t shows in its own location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// IsZero reports whether the day is unset.
func (d Day) IsZero() bool { return d.d.IsZero() }

// Date returns the day as midnight UTC, like a date decoded from YAML.
func (d Day) Date() time.Time { return d.d }

// Start returns the moment the day begins in Stockholm.
func (d Day) Start() time.Time {
	y, m, day := d.d.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, stockholm)
}

// Before reports whether the day comes before the date t (midnight UTC).
func (d Day) Before(t time.Time) bool { return d.d.Before(t) }

// After reports whether the day comes after the date t (midnight UTC).
func (d Day) After(t time.Time) bool { return d.d.After(t) }

// AddDate returns the day years, months and days later, as time.AddDate.
func (d Day) AddDate(years, months, days int) Day { return Day{d.d.AddDate(years, months, days)} }

// String returns the day as 2026-09-12.
func (d Day) String() string { return d.d.Format("2006-01-02") }

// Month returns the Swedish name of m in lower case: "augusti".
func Month(m time.Month) string { return months[m-1] }

// Date returns the calendar date of t, in t's location, as "31 augusti 2026".
func Date(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + Month(t.Month()) + " " + strconv.Itoa(t.Year())
}

// ISODate returns the calendar date of t, in t's location, as "2026-08-31".
func ISODate(t time.Time) string { return t.Format("2006-01-02") }

// Time returns the time of day of t in Stockholm as "10.00" or "8.30":
// the hour without a leading zero, as webbriktlinjer write it, except
// just after midnight ("00.30").
func Time(t time.Time) string {
	t = t.In(stockholm)
	if t.Hour() == 0 {
		return t.Format("15.04")
	}
	return strconv.Itoa(t.Hour()) + t.Format(".04")
}

var (
	shortDays   = [...]string{"sön", "mån", "tis", "ons", "tors", "fre", "lör"}
	shortMonths = [...]string{"jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"}
)

// ShortDate returns the day of t, in t's location, with its weekday and
// month abbreviated as in tables and lists of dates: "tis 26 jan 2027".
func ShortDate(t time.Time) string {
	return shortDays[t.Weekday()] + " " + strconv.Itoa(t.Day()) + " " + shortMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// AbbrDate returns the day of t, in t's location, with its month
// abbreviated and no weekday, as a publication date is written:
// "10 nov 2026".
func AbbrDate(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + shortMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// TimeRange returns the times of day of start and end in Stockholm as
// "kl. 10.00–12.00".
func TimeRange(start, end time.Time) string { return "kl. " + Time(start) + "–" + Time(end) }

// DateTimeRange returns "31 augusti 2026, kl. 10.00–12.00", with the date
// of start in Stockholm. When end is on a later day in Stockholm, both
// dates are given, with a spaced en dash between them:
// "24 oktober 2026, kl. 22.00 – 25 oktober 2026, kl. 02.00".
func DateTimeRange(start, end time.Time) string {
	s, e := start.In(stockholm), end.In(stockholm)
	if ISODate(s) != ISODate(e) {
		return Date(s) + ", kl. " + Time(s) + " – " + Date(e) + ", kl. " + Time(e)
	}
	return Date(s) + ", " + TimeRange(s, e)
}

// Number returns n with a no-break space between groups of three digits
// and a minus sign (U+2212) when it is negative: "5 900", "−120".
func Number(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "−" + group(s[1:])
	}
	return group(s)
}

// group puts a no-break space between groups of three digits of s, which
// holds digits only.
func group(s string) string {
	var b strings.Builder
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(nbsp)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Decimal returns x rounded to places decimals, with a decimal comma, a
// no-break space between groups of three digits in the whole part and a
// minus sign (U+2212) when it is negative: Decimal(1.23, 1) is "1,2",
// Decimal(12345.5, 2) is "12 345,50". A value that rounds to zero has no
// sign. NaN and the infinities are written as Go writes them.
func Decimal(x float64, places int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', max(places, 0), 64)
	whole, frac, _ := strings.Cut(s, ".")
	out := group(whole)
	if frac != "" {
		out += "," + frac
	}
	if x < 0 && strings.Trim(s, "0.") != "" {
		out = "−" + out
	}
	return out
}

// Bytes returns a file size in SI units: "800 B", "340 kB", "1,2 MB",
// "2,5 GB". Bytes and kilobytes are whole numbers; megabytes and gigabytes
// have one decimal. A size is given in the largest unit in which it is at
// least 1 after rounding, so 999 600 bytes is "1,0 MB", not "1000 kB".
func Bytes(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + nbsp + "B"
	case (n+500)/1000 < 1000:
		return strconv.FormatInt((n+500)/1000, 10) + nbsp + "kB"
	case math.Round(float64(n)/1e5)/10 < 1000:
		return Decimal(float64(n)/1e6, 1) + nbsp + "MB"
	}
	return Decimal(float64(n)/1e9, 1) + nbsp + "GB"
}

// threeDigit are the area codes of three digits (with the 0); 08 has two
// and all others four.
var threeDigit = map[string]bool{
	"010": true, "011": true, "013": true, "016": true, "018": true, "019": true, "020": true, "021": true,
	"023": true, "026": true, "031": true, "033": true, "035": true, "036": true, "040": true, "042": true,
	"044": true, "046": true, "054": true, "060": true, "063": true, "090": true,
	"070": true, "072": true, "073": true, "076": true, "079": true,
}

// mobile are the codes of mobile numbers, which have seven digits after
// the code.
var mobile = map[string]bool{"070": true, "072": true, "073": true, "076": true, "079": true}

// Phone is a Swedish phone number, split into area code and subscriber
// number. The zero Phone is not a number; get one from [ParsePhone].
type Phone struct {
	Area   string // the area code with its 0: "070", "08", "0910"
	Number string // the subscriber number, digits only: "1234567"
}

// separator reports whether r may stand between the digits of a phone
// number as editors write it.
func separator(r rune) bool {
	switch r {
	case ' ', '\t', '-', '.', '/', '(', ')',
		'\u00a0', '\u202f', '\u2009', // no-break, narrow no-break and thin space
		'\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212': // hyphens, dashes, minus
		return true
	}
	return false
}

// ParsePhone reads a Swedish number as editors write it: "070-123 45 67",
// "+46 70 123 45 67", "0046 8 123 456 78", "010-123 45 00". See the package
// comment for the rules. Its errors say what is wrong in words an editor
// understands, starting with the number as written (a msg.Message).
func ParsePhone(s string) (Phone, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return Phone{}, PhoneEmpty.With()
	}
	var digits strings.Builder
	for i, r := range in {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '+' && i == 0, separator(r):
		case r == '+':
			return Phone{}, PhonePlus.With(s)
		case r == utf8.RuneError:
			return Phone{}, PhoneBroken.With(s)
		default:
			return Phone{}, PhoneChar.With(s, r)
		}
	}
	d := digits.String()
	switch {
	case strings.HasPrefix(in, "+46"):
		d = "0" + strings.TrimPrefix(d[2:], "0") // +46 (0)70 …
	case strings.HasPrefix(in, "+"), strings.HasPrefix(d, "00") && !strings.HasPrefix(d, "0046"):
		return Phone{}, PhoneCountry.With(s)
	case strings.HasPrefix(d, "0046"):
		d = "0" + strings.TrimPrefix(d[4:], "0")
	case !strings.HasPrefix(d, "0"):
		return Phone{}, PhoneNoArea.With(s)
	}
	if len(d) < 3 {
		return Phone{}, PhoneShort.With(s)
	}
	area := d[:min(4, len(d))]
	switch {
	case strings.HasPrefix(d, "08"):
		area = "08"
	case threeDigit[d[:3]]:
		area = d[:3]
	}
	rest := d[len(area):]
	switch {
	case mobile[area] && len(rest) != 7:
		return Phone{}, PhoneMobile.With(s, len(d))
	case !mobile[area] && (len(rest) < 5 || len(rest) > 8 || len(d) < 8 || len(d) > 10):
		return Phone{}, PhoneLength.With(s, len(d))
	}
	return Phone{Area: area, Number: rest}, nil
}

// E164 returns the number for tel: links: "+46701234567".
func (p Phone) E164() string { return "+46" + strings.TrimPrefix(p.Area, "0") + p.Number }

// String returns the number the Swedish way: the area code, a hyphen, and
// the subscriber number in groups counted from the end, with no-break
// spaces between them: "070-123 45 67", "08-123 456 78", "0910-123 45",
// "090-12 34 56".
func (p Phone) String() string {
	n := p.Number
	var groups []string
	switch len(n) {
	case 5:
		groups = []string{n[:3], n[3:]}
	case 6:
		groups = []string{n[:2], n[2:4], n[4:]}
	case 7:
		groups = []string{n[:3], n[3:5], n[5:]}
	case 8:
		groups = []string{n[:3], n[3:6], n[6:]}
	default:
		groups = []string{n}
	}
	return p.Area + "-" + strings.Join(groups, nbsp)
}
