package msg

import "time"

// Duration returns d for a person: "84 ms", or "1,2 s" (English "1.2 s")
// from a second on, in tenths.
func Duration(d time.Duration) Message {
	ms := d.Round(time.Millisecond).Milliseconds()
	if ms < 1000 {
		return Millis.With(int(ms))
	}
	tenths := d.Round(100*time.Millisecond).Milliseconds() / 100
	return Seconds.With(int(tenths/10), int(tenths%10))
}
