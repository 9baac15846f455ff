package registry

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// today is the build's today in the tests.
var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// jonkoping are the site rules most tests load with: a region that states
// all three rules.
var jonkoping = Rules{ValidityYears: 4, MinParticipation: 90, ManagerRequired: true}

// messages returns the problems in err, one "path:line:col: message (hint)"
// a line.
func messages(err error) string {
	var b strings.Builder
	for _, e := range diag.Errors(err) {
		b.WriteString(e.Error() + "\n")
	}
	return b.String()
}

func TestLoadFolder(t *testing.T) {
	r, err := Load(fstest.MapFS{}, Dir, Options{Kinds: ThemeKinds, Now: swedish.DayOf(today), Rules: jonkoping})
	if err != nil || len(r.Units) != 0 {
		t.Errorf("a site without %s: %d units, %v; want none and no problem", Dir, len(r.Units), err)
	}
	_, err = Load(fstest.MapFS{Dir: &fstest.MapFile{Data: []byte("x")}}, Dir, Options{Kinds: ThemeKinds, Now: swedish.DayOf(today), Rules: jonkoping})
	if have, want := messages(err), "content/verksamheter: mappen går inte att läsa:"; !strings.HasPrefix(have, want) {
		t.Errorf("a file in place of the folder: %q, want it to start with %q", have, want)
	}
}
