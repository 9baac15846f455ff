package site_test

import (
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestAddressClashNamesNew: when git knows one of two files that get the
// same address and not the other, the error is at the new one (not yet
// committed), naming the old one, whatever their order by path; when it
// knows both, at the one it added later.
func TestAddressClashNamesNew(t *testing.T) {
	s := sitetest.Load(t, "testdata/errors/same-url.txtar")
	day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		known string
		want  string
	}{
		{"the first by path is new", "content/vasterbotten/_index.md",
			"content/Västerbotten.md:1:1: sidan får adressen /vasterbotten/, som content/vasterbotten/_index.md redan har (byt namn på eller flytta en av filerna)"},
		{"the second by path is new", "content/Västerbotten.md",
			"content/vasterbotten/_index.md:1:1: sidan får adressen /vasterbotten/, som content/Västerbotten.md redan har (byt namn på eller flytta en av filerna)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s.History = map[string]time.Time{"content/_index.md": day, tc.known: day}
			s.Added = nil
			_, err := s.BuildErr(t)
			if err == nil {
				t.Fatal("the build succeeded")
			}
			if have := diag.Errors(err).Error(); have != tc.want {
				t.Errorf("have\n%s\nwant\n%s", have, tc.want)
			}
		})
	}
	// Both committed: the one added later in git is the new one; added
	// at the same moment, neither is claimed new.
	both := map[string]time.Time{"content/_index.md": day, "content/Västerbotten.md": day, "content/vasterbotten/_index.md": day}
	for _, tc := range []struct {
		name     string
		old, new time.Time
		want     string
	}{
		{"the first by path was added later", time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC),
			"content/Västerbotten.md:1:1: sidan får adressen /vasterbotten/, som content/vasterbotten/_index.md redan har (byt namn på eller flytta en av filerna)"},
		{"added at the same moment", day, day,
			"content/vasterbotten/_index.md:1:1: sidan får samma adress /vasterbotten/ som content/Västerbotten.md (byt namn på eller flytta en av filerna)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s.History = both
			s.Added = func(paths ...string) map[string]time.Time {
				return map[string]time.Time{"content/vasterbotten/_index.md": tc.old, "content/Västerbotten.md": tc.new}
			}
			_, err := s.BuildErr(t)
			if err == nil {
				t.Fatal("the build succeeded")
			}
			if have := diag.Errors(err).Error(); have != tc.want {
				t.Errorf("have\n%s\nwant\n%s", have, tc.want)
			}
		})
	}
}
