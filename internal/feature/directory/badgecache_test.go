package directory

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
)

// TestBadgeCache: a build's PNGs are kept in .cache/diplom and taken by
// the next build of the same program without drawing, with the same
// bytes; an entry whose bytes are not its sum, of another size, a link,
// or of another program is not taken (the badge is drawn); the entries a
// build does not use are removed; a cache folder that is a link is not
// used.
func TestBadgeCache(t *testing.T) {
	dir := t.TempDir()
	fb := &feature.Build{Root: rootfs.New(dir)}
	bs := expiredBadges(t, 3)
	want := make([][]byte, len(bs))
	for i, b := range bs {
		var err error
		if want[i], err = b.png(); err != nil {
			t.Fatal(err)
		}
	}
	folder := filepath.Join(dir, ".cache", "diplom")
	entries := func() []string {
		t.Helper()
		names, err := filepath.Glob(filepath.Join(folder, "*"))
		if err != nil {
			t.Fatal(err)
		}
		return names
	}
	// build draws bs as a build does, with program p ("" for this one),
	// and returns how many looks it drew on.
	build := func(p string) int {
		t.Helper()
		ds := &drawings{cache: openBadgeCache(fb)}
		if ds.cache == nil {
			t.Fatal("no cache")
		}
		if p != "" {
			ds.cache.program = p
		}
		got := make([]*drawing, len(bs))
		for i, b := range bs {
			got[i] = ds.draw(b)
		}
		ds.wait()
		ds.cache.done()
		for i := range bs {
			if got[i].err != nil || !bytes.Equal(got[i].data, want[i]) {
				t.Errorf("badge %d: not the badge drawn alone (%v)", i, got[i].err)
			}
		}
		return len(ds.bases) // a look's base is made only to draw on it
	}
	if build("") == 0 {
		t.Fatal("the first build drew nothing")
	}
	if n := len(entries()); n != len(bs) {
		t.Fatalf("%d entries, want %d", n, len(bs))
	}
	if build("") != 0 {
		t.Error("the second build drew badges the cache has")
	}
	// An entry changed: drawn again, and the entry made anew.
	e := entries()
	data, _ := os.ReadFile(e[0])
	data[len(data)/2] ^= 1
	os.WriteFile(e[0], data, 0o644)
	if build("") == 0 {
		t.Error("an entry whose bytes are not its sum was taken")
	}
	if build("") != 0 || len(entries()) != len(bs) {
		t.Errorf("the changed entry was not made anew: %v", entries())
	}
	// An entry of another size, with its sum.
	e = entries()
	var small bytes.Buffer
	png.Encode(&small, image.NewNRGBA(image.Rect(0, 0, 1, 1)))
	k, _, _ := strings.Cut(filepath.Base(e[0]), "-")
	os.Remove(e[0])
	os.WriteFile(filepath.Join(folder, entryName(k, small.Bytes())), small.Bytes(), 0o644)
	if build("") == 0 {
		t.Error("an entry of another size was taken")
	}
	// An entry that is a link.
	e = entries()
	data, _ = os.ReadFile(e[0])
	os.WriteFile(filepath.Join(dir, "elsewhere.png"), data, 0o644)
	os.Remove(e[0])
	os.Symlink(filepath.Join(dir, "elsewhere.png"), e[0])
	if build("") == 0 {
		t.Error("an entry that is a link was taken")
	}
	// Another program: drawn, and the other's entries removed.
	if build("another") == 0 {
		t.Error("another program's entries were taken")
	}
	if build("another") != 0 || len(entries()) != len(bs) {
		t.Errorf("entries %v", entries())
	}
	// A cache folder that is a link out of the root: not used.
	outside := t.TempDir()
	os.RemoveAll(folder)
	os.Symlink(outside, folder)
	if openBadgeCache(fb) != nil {
		t.Error("a cache folder that is a link is used")
	}
	if names, _ := os.ReadDir(outside); len(names) != 0 {
		t.Errorf("written through a link: %v", names)
	}
}
