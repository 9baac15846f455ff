package registry

import (
	"testing"
	"testing/fstest"

	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// TestCache: the same files and options give the same Registry without
// parsing; a changed file, a new file, other options or a problem fixed
// give the Registry a fresh Load gives.
func TestCache(t *testing.T) {
	unit := "organisation: Region\nunits:\n  - id: a\n    name: A\n    kommun: Umeå\n    kind: vårdcentral\n    certified: 2024-01-02\n"
	fsys := fstest.MapFS{Dir + "/a.yaml": {Data: []byte(unit)}}
	opt := Options{Kinds: ThemeKinds, Now: swedish.DayOf(today), Rules: jonkoping}
	var c Cache
	first, err := c.Load(fsys, Dir, opt)
	if err != nil || len(first.Units) != 1 {
		t.Fatalf("have %v, %v; want one unit", first, err)
	}
	if again, _ := c.Load(fsys, Dir, opt); again != first {
		t.Error("the same files were parsed again")
	}
	check := func(what string, want int, wantErr bool) {
		t.Helper()
		have, err := c.Load(fsys, Dir, opt)
		fresh, freshErr := Load(fsys, Dir, opt)
		if have == first || len(have.Units) != want || len(fresh.Units) != want || (err != nil) != wantErr || messages(err) != messages(freshErr) {
			t.Errorf("%s: have %d units and %q (the first Registry again: %v), want %d as a fresh Load: %q",
				what, len(have.Units), messages(err), have == first, want, messages(freshErr))
		}
		first = have
	}
	fsys[Dir+"/a.yaml"] = &fstest.MapFile{Data: []byte(unit + "  - id: b\n    name: B\n    kommun: Umeå\n    kind: vårdcentral\n    certified: 2024-01-02\n")}
	check("a unit added", 2, false)
	fsys[Dir+"/b.yml"] = &fstest.MapFile{Data: []byte("organisation: Other\nunits:\n  - id: c\n    name: C\n    kommun: Umeå\n    kind: vårdcentral\n    certified: 2024-01-02\n")}
	check("a file added", 3, false)
	opt.Now = swedish.DayOf(today.AddDate(30, 0, 0)) // every certificate has run out
	check("another day", 3, false)
	fsys[Dir+"/b.yml"] = &fstest.MapFile{Data: []byte("units: [")}
	check("a broken file", 2, true)
}
