package dataset

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const good = `{"license": "http://creativecommons.org/publicdomain/zero/1.0/", "publisher": "Region Test", "modified": "2026-11-23", "units": [
 {"id": "a", "name": "A", "url": "https://a.example.se/verksamheter/a/", "kind": "vårdcentral", "kommun": "Umeå", "kommun_code": "2480", "county_code": "24", "county": "Västerbottens län", "organisation": "Region Test", "certified": "2024-01-02", "recertified": [], "status": "giltig", "former_names": [], "keywords": [], "latitude": 63.8, "longitude": 20.2, "location_source": "kommun"},
 {"id": "b", "name": "B", "url": "https://a.example.se/verksamheter/b/", "kind": "vårdcentral", "kommun": "Umeå", "kommun_code": "248", "county_code": "24", "county": "Västerbottens län", "organisation": "Region Test", "certified": "2024-01-02", "recertified": [], "status": "giltig", "former_names": [], "keywords": [], "latitude": 63.8, "longitude": 20.2, "location_source": "kommun"},
 {"id": "c", "name": "C", "url": "https://a.example.se/verksamheter/c/", "kind": "vårdcentral", "kommun": "Umeå", "kommun_code": "2480", "county_code": "24", "county": "Västerbottens län", "organisation": "Region Test", "certified": "2024-01-02", "recertified": [], "status": "giltig", "former_names": [], "keywords": [], "latitude": 63.8, "longitude": 20.2, "location_source": "kommun", "contact": "x"}
]}`

// TestRead: good units are read; a unit with a bad value or a key the
// schema does not name is skipped, reported at its JSON pointer; a file
// without its frame is unusable.
func TestRead(t *testing.T) {
	f, skipped, err := Read([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Units) != 1 || f.Units[0].ID != "a" || f.Units[0].KommunCode != "2480" || f.Publisher != "Region Test" {
		t.Errorf("read %+v", f)
	}
	if len(skipped) != 2 || skipped[0].Pointer != "/units/1/kommun_code" || skipped[1].Pointer != "/units/2" {
		t.Errorf("skipped %+v, want /units/1/kommun_code and /units/2", skipped)
	}
	for _, bad := range []string{`[]`, `{"units": []}`, `nej`} {
		if _, _, err := Read([]byte(bad)); err == nil {
			t.Errorf("%s is read as a file", bad)
		}
	}
}

// TestFetch runs a source on 127.0.0.1 through its life: fetched and kept,
// not modified (ETag), invalid (the last good copy, Stale), down (the copy),
// and a new source that is down with no copy (an error).
func TestFetch(t *testing.T) {
	var mode atomic.Value
	mode.Store("good")
	var conditional atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			conditional.Add(1)
		}
		switch mode.Load() {
		case "good":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Write([]byte(good))
		case "invalid":
			w.Write([]byte(`{"units": "trasig"`))
		case "slow":
			time.Sleep(2 * time.Second)
		}
	}))
	defer srv.Close()
	root := t.TempDir()
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	f := &Fetcher{Client: &http.Client{Timeout: 500 * time.Millisecond}, Root: root, Cache: filepath.Join(root, ".cache", "oppna-data"), Now: func() time.Time { return now }}
	src := Source{Name: "Region Test", URL: srv.URL + "/data/verksamheter.json"}
	ctx := context.Background()

	got, err := f.Fetch(ctx, src)
	if err != nil || got.Stale || len(got.File.Units) != 1 || len(got.Skipped) != 2 {
		t.Fatalf("first fetch: %+v, %v", got, err)
	}
	now = now.Add(48 * time.Hour)
	got, err = f.Fetch(ctx, src)
	if err != nil || got.Stale || len(got.File.Units) != 1 || conditional.Load() != 1 {
		t.Errorf("second fetch: %+v, %v; %d conditional requests, want 1 (If-None-Match)", got, err, conditional.Load())
	}
	for _, m := range []string{"invalid", "slow"} {
		mode.Store(m)
		got, err = f.Fetch(ctx, src)
		if err != nil || !got.Stale || len(got.File.Units) != 1 || got.Problem == "" || got.Age != 0 {
			t.Errorf("%s: %+v, %v; want the last good copy, stale, from now", m, got, err)
		}
	}
	srv.Close()
	now = now.Add(24 * time.Hour)
	got, err = f.Fetch(ctx, src)
	if err != nil || !got.Stale || got.Age != 24*time.Hour {
		t.Errorf("down: %+v, %v; want the copy, a day old", got, err)
	}
	if _, err := f.Fetch(ctx, Source{URL: srv.URL + "/annan.json"}); !errors.Is(err, ErrNoCopy) {
		t.Errorf("a source down with no copy: %v, want ErrNoCopy", err)
	}
}

// TestCacheLink: a cache folder that is a link is not used: nothing is
// written through it, and a fetch still works.
func TestCacheLink(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(good)) }))
	defer srv.Close()
	root, elsewhere := t.TempDir(), t.TempDir()
	os.Symlink(elsewhere, filepath.Join(root, ".cache"))
	f := &Fetcher{Root: root, Cache: filepath.Join(root, ".cache", "oppna-data")}
	if _, err := f.Fetch(context.Background(), Source{URL: srv.URL}); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("the fetcher wrote through the link: %v", entries)
	}
}

// TestPath: a source given as a path is read relative to the root.
func TestPath(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "a.json"), []byte(good), 0o644)
	got, err := (&Fetcher{Root: root}).Fetch(context.Background(), Source{Path: "a.json"})
	if err != nil || len(got.File.Units) != 1 {
		t.Errorf("%+v, %v", got, err)
	}
	if _, err := (&Fetcher{Root: root}).Fetch(context.Background(), Source{Path: "saknas.json"}); err == nil || !strings.Contains(err.Error(), "saknas.json") {
		t.Errorf("a missing file: %v", err)
	}
}
