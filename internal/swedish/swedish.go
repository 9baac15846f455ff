// Package swedish formats dates, times, numbers, sizes and phone numbers the
// way Swedish public sites write them, following the Swedish government's
// web guidelines and Språkrådet's recommendations.
//
//	Date          "31 augusti 2026" (day without a leading zero, month in lower case)
//	ISODate       "2026-08-31", for tables and datetime attributes
//	Time          "10.00" (hours and minutes with a full stop)
//	TimeRange     "kl. 10.00–12.00" (en dash)
//	DateTimeRange "31 augusti 2026, kl. 10.00–12.00"
//	Number        "5 900" (no-break space between groups of three)
//	Bytes         "340 kB", "1,2 MB" (decimal comma)
//	Phone         "070-123 45 67", "08-123 456 78"; E164 "+46701234567"
//
// Times are shown in Europe/Stockholm; the time zone database is embedded,
// so this works on any machine.
package swedish

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Stockholm on any machine
)

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

// Month returns the Swedish name of m in lower case: "augusti".
func Month(m time.Month) string { return months[m-1] }

// Date returns t as "31 augusti 2026".
func Date(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + Month(t.Month()) + " " + strconv.Itoa(t.Year())
}

// ISODate returns t as "2026-08-31".
func ISODate(t time.Time) string { return t.Format("2006-01-02") }

// Time returns the time of day of t in Stockholm as "10.00".
func Time(t time.Time) string { return t.In(stockholm).Format("15.04") }

// TimeRange returns "kl. 10.00–12.00".
func TimeRange(start, end time.Time) string { return "kl. " + Time(start) + "–" + Time(end) }

// DateTimeRange returns "31 augusti 2026, kl. 10.00–12.00", the date of
// start in Stockholm.
func DateTimeRange(start, end time.Time) string {
	return Date(start.In(stockholm)) + ", " + TimeRange(start, end)
}

// Number returns n with a no-break space between groups of three digits.
func Number(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "−", s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteRune(c)
	}
	return sign + b.String()
}

// Bytes returns a file size in SI units with a decimal comma: "800 B",
// "340 kB", "1,2 MB".
func Bytes(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d\u00a0B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d\u00a0kB", (n+500)/1000)
	}
	return strings.Replace(fmt.Sprintf("%.1f\u00a0MB", float64(n)/1e6), ".", ",", 1)
}

// threeDigit are the area codes of three digits (with the 0); 08 has two
// and all others four.
var threeDigit = map[string]bool{
	"010": true, "011": true, "013": true, "016": true, "018": true, "019": true, "020": true, "021": true,
	"023": true, "026": true, "031": true, "033": true, "035": true, "036": true, "040": true, "042": true,
	"044": true, "046": true, "054": true, "060": true, "063": true, "090": true,
	"070": true, "072": true, "073": true, "076": true, "079": true,
}

// Phone is a Swedish phone number.
type Phone struct {
	Area   string // "070", "08"
	Number string // the subscriber number, digits only
}

// ParsePhone reads a Swedish number as editors write it: "070-123 45 67",
// "+46 70 123 45 67", "0046 8 123 456 78", "010-123 45 00".
func ParsePhone(s string) (Phone, error) {
	in := strings.TrimSpace(s)
	var digits strings.Builder
	for i, r := range in {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '+' && i == 0, r == ' ', r == '-', r == '\u00a0', r == '(' || r == ')':
		default:
			return Phone{}, fmt.Errorf("%q is not a phone number: it has %q in it", s, r)
		}
	}
	d := digits.String()
	switch {
	case strings.HasPrefix(in, "+46"):
		d = "0" + strings.TrimPrefix(d[2:], "0")
	case strings.HasPrefix(in, "+"):
		return Phone{}, fmt.Errorf("%q is not a Swedish number: Swedish numbers start with 0 or +46", s)
	case strings.HasPrefix(d, "0046"):
		d = "0" + strings.TrimPrefix(d[4:], "0")
	case strings.HasPrefix(d, "00"):
		return Phone{}, fmt.Errorf("%q is not a Swedish number: Swedish numbers start with 0 or +46", s)
	case !strings.HasPrefix(d, "0"):
		return Phone{}, fmt.Errorf("%q has no area code: write it with the area code, like 010-123 45 00", s)
	}
	area := d[:min(4, len(d))]
	switch {
	case strings.HasPrefix(d, "08"):
		area = "08"
	case len(d) >= 3 && threeDigit[d[:3]]:
		area = d[:3]
	}
	rest := d[len(area):]
	mobile := strings.HasPrefix(area, "07")
	if (mobile && len(rest) != 7) || (!mobile && (len(rest) < 5 || len(rest) > 8)) || len(d) < 8 || len(d) > 10 {
		return Phone{}, fmt.Errorf("%q cannot be a Swedish number: it has %d digits", s, len(d))
	}
	return Phone{Area: area, Number: rest}, nil
}

// E164 returns the number for tel: links: "+46701234567".
func (p Phone) E164() string { return "+46" + p.Area[1:] + p.Number }

// String returns the number in the Swedish way: the area code, a hyphen,
// and the subscriber number in groups from the end: "070-123 45 67",
// "08-123 456 78", "0910-123 45".
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
	return p.Area + "-" + strings.Join(groups, "\u00a0")
}
