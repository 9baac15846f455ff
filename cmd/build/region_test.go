package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/history"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestRegionRepository: examples/fjallbygd is a region's site repository
// in miniature (site.yaml, content/, static/ and a go.mod that requires
// the engine, with a replace to this repository instead of a released
// version). In that folder, go build of the engine's command uses the
// folder's own go.mod and go.sum, with no network (GOPROXY=off: the
// replace makes the engine local, and go.sum lists every module it needs),
// and the command it makes builds the site with the layouts built into it
// (the folder has no layouts/), byte for byte as the engine here does.
func TestRegionRepository(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command with go build (-short)")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir, err := filepath.Abs("../../examples/fjallbygd")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "layouts")); err == nil {
		t.Fatal("examples/fjallbygd has a layouts/ folder: the engine's own must be used")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "build")
	cmd := exec.Command(goCmd, "build", "-o", bin, "github.com/hbtq-diplomering/webbplats/cmd/build")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build in examples/fjallbygd: %v\n%s", err, out)
	}

	out := filepath.Join(tmp, "public")
	run := exec.Command(bin, "-now", sitetest.Today.String(), "-out", out)
	run.Dir = dir
	if b, err := run.CombinedOutput(); err != nil {
		t.Fatalf("the command built in examples/fjallbygd: %v\n%s", err, b)
	}

	want := filepath.Join(tmp, "want")
	if _, err := site.Build(context.Background(), site.Options{Features: all.Features(), Root: os.DirFS(dir), Out: want, Now: sitetest.Today, History: history.Load(dir)}); err != nil {
		t.Fatal(err)
	}
	have, wantFiles := sitetest.Open(t, out).Files(), sitetest.Open(t, want).Files()
	if d := cmp.Diff(wantFiles, have); d != "" {
		t.Errorf("the region's own build differs from the engine's (-engine +region):\n%s", d)
	}
}
