// Package swedish formats dates, times, numbers and sizes the way Swedish
// public sites write them, following the Swedish government's web
// guidelines (Språkrådet's rules for numbers and dates).
//
//   - Date: "31 augusti 2026" (day without leading zero, month in lower case).
//   - ISODate: "2026-08-31", for tables and datetime attributes.
package swedish

import (
	"strconv"
	"time"
)

var months = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}

// Month returns the Swedish name of m in lower case: "augusti".
func Month(m time.Month) string { return months[m-1] }

// Date returns t as "31 augusti 2026".
func Date(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + Month(t.Month()) + " " + strconv.Itoa(t.Year())
}

// ISODate returns t as "2026-08-31".
func ISODate(t time.Time) string { return t.Format("2006-01-02") }
