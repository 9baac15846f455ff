package registry

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"hbtq/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/load/*.txtar")

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

// TestLoad loads each archive in testdata/load as a site root, with today
// 2026-11-23, and compares the problems with its want file. Run
// go test ./internal/registry -update to rewrite the want files.
func TestLoad(t *testing.T) {
	files, err := filepath.Glob("testdata/load/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatal("no test archives in testdata/load")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			want := -1
			for i, f := range ar.Files {
				if f.Name == "want" {
					want = i
					continue
				}
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			if want < 0 {
				ar.Files = append(ar.Files, txtar.File{Name: "want"})
				want = len(ar.Files) - 1
			}
			_, err = Load(fsys, Dir, Options{Now: today, Rules: jonkoping})
			have := messages(err)
			if *update {
				ar.Files[want].Data = []byte(have)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if d := cmp.Diff(string(ar.Files[want].Data), have); d != "" {
				t.Errorf("problems (-want +have):\n%s", d)
			}
		})
	}
}

func TestLoadFolder(t *testing.T) {
	r, err := Load(fstest.MapFS{}, Dir, Options{Now: today, Rules: jonkoping})
	if err != nil || len(r.Units) != 0 {
		t.Errorf("a site without %s: %d units, %v; want none and no problem", Dir, len(r.Units), err)
	}
	_, err = Load(fstest.MapFS{Dir: &fstest.MapFile{Data: []byte("x")}}, Dir, Options{Now: today, Rules: jonkoping})
	if have, want := messages(err), "content/verksamheter: mappen går inte att läsa:"; !strings.HasPrefix(have, want) {
		t.Errorf("a file in place of the folder: %q, want it to start with %q", have, want)
	}
}
