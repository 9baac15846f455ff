package site

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing"

	hbtq "github.com/hbtq-diplomering/webbplats"
)

// TestThemeMinified: the entries of themeassets are the theme's assets as
// the minifier gives them, one for each asset and no other; with -update
// it writes them.
func TestThemeMinified(t *testing.T) {
	files, err := fs.Glob(hbtq.Theme, "layouts/assets/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("the theme's assets: %v %v", files, err)
	}
	want := map[string][]byte{}
	update := false
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		update = true
	}
	for _, f := range files {
		mt, ok := mediaTypes[path.Ext(f)]
		if !ok {
			continue
		}
		src, err := hbtq.Theme.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The JavaScript minifier renames in the bytes it is given.
		out, err := newMinifier().Bytes(mt, bytes.Clone(src))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want[assetKey(mt, src)] = out
		if update {
			continue
		}
		if got, ok := themeMinified(mt, src); ok && !bytes.Equal(got, out) {
			t.Errorf("%s: its entry is not what the minifier gives (go test ./internal/site -run TestThemeMinified -update)", f)
		} else if !ok {
			t.Errorf("%s: no entry (go test ./internal/site -run TestThemeMinified -update)", f)
		}
		if bytes.Equal(out, src) {
			t.Errorf("%s: the minifier changes nothing: the test would not see an entry that is the source", f)
		}
	}
	entries, _ := fs.Glob(themeAssets, themeAssetsDir+"/*")
	var names []string
	for _, e := range entries {
		names = append(names, path.Base(e))
		if _, ok := want[path.Base(e)]; !ok && !update {
			t.Errorf("%s: an entry of no asset of the theme", e)
		}
	}
	if update {
		for _, n := range names {
			os.Remove(filepath.Join(themeAssetsDir, n))
		}
		for k, out := range want {
			if err := os.WriteFile(filepath.Join(themeAssetsDir, k), out, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %d entries", len(want))
	}
	// A site's own asset is minified, not taken.
	if _, ok := themeMinified("text/javascript", []byte("let a = 1;")); ok {
		t.Error("an asset that is not the theme's has an entry")
	}
}
