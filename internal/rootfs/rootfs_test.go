package rootfs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"testing/fstest"
)

// root makes a site root with links inside and out, and a secret outside it.
func root(t *testing.T) string {
	t.Helper()
	tmp := t.TempDir()
	secret := filepath.Join(tmp, "hemligt.txt")
	os.WriteFile(secret, []byte("hemligt"), 0o644)
	dir := filepath.Join(tmp, "site")
	for p, s := range map[string]string{
		"site.yaml": "title: x\n", "content/a.md": "a", "content/verksamheter/r.yaml": "internal: x",
		"static/ok.txt": "ok",
	} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(s), 0o644)
	}
	for link, target := range map[string]string{
		"static/passwd":       "/etc/passwd",
		"static/secret.txt":   secret,
		"static/register.txt": "../content/verksamheter/r.yaml",
		"static/ut":           tmp,
		"content/b.md":        "a.md",
		"content/.#a.md":      "someone@host.123",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// both runs test with ReadFile's openat2 (on Linux) and without it.
func both(t *testing.T, test func(t *testing.T)) {
	t.Run("openat2", test)
	t.Run("check", func(t *testing.T) {
		beneath = false
		defer func() { beneath = true }()
		test(t)
	})
}

func TestLinksAreHidden(t *testing.T) { both(t, testLinksAreHidden) }

func testLinksAreHidden(t *testing.T) {
	f := New(root(t))
	for _, name := range []string{"static/passwd", "static/secret.txt", "static/register.txt", "static/ut", "static/ut/hemligt.txt", "content/b.md"} {
		if _, err := f.Open(name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Open(%s) = %v, want it hidden", name, err)
		}
		if _, err := fs.ReadFile(f, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("ReadFile(%s) = %v, want it hidden", name, err)
		}
		if _, err := fs.Stat(f, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Stat(%s) = %v, want it hidden", name, err)
		}
	}
	// Walking the root finds the files and no link.
	var seen []string
	fs.WalkDir(f, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Error(err)
		}
		if !d.IsDir() {
			seen = append(seen, p)
		}
		return nil
	})
	want := []string{"content/a.md", "content/verksamheter/r.yaml", "site.yaml", "static/ok.txt"}
	if !slices.Equal(seen, want) {
		t.Errorf("walk found %v, want %v", seen, want)
	}
	// Through an open folder too.
	d, _ := f.Open("static")
	entries, _ := d.(fs.ReadDirFile).ReadDir(1)
	if len(entries) != 1 || entries[0].Name() != "ok.txt" {
		t.Errorf("ReadDir(1) of static = %v, want ok.txt", entries)
	}
	d.Close()
	if err := fstest.TestFS(f, "site.yaml", "content/a.md", "static/ok.txt"); err != nil {
		t.Error(err)
	}
}

func TestLinks(t *testing.T) {
	f := New(root(t))
	have := f.Links("site.yaml", "content", "layouts", "static")
	want := []string{"content/b.md", "static/passwd", "static/register.txt", "static/secret.txt", "static/ut"}
	if !slices.Equal(have, want) {
		t.Errorf("Links = %v, want %v", have, want)
	}
}

// TestReadFileAsOS: ReadFile (its own system calls on Unix) gives the
// bytes and the errors os.DirFS gives: files of every size around its
// first buffer, empty, missing, a folder.
func TestReadFileAsOS(t *testing.T) { both(t, testReadFileAsOS) }

func testReadFileAsOS(t *testing.T) {
	dir := t.TempDir()
	names := []string{"tom.md", "saknas.md", "mapp", "mapp/djup/x.md"}
	os.MkdirAll(filepath.Join(dir, "mapp", "djup"), 0o755)
	os.WriteFile(filepath.Join(dir, "tom.md"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "mapp/djup/x.md"), []byte("x"), 0o644)
	for _, n := range []int{1, 511, 512, 513, 4095, 4096, 70000} {
		name := filepath.Join("mapp", "s"+strconv.Itoa(n)+".md")
		data := make([]byte, n)
		for i := range data {
			data[i] = byte('a' + i%26)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
		names = append(names, filepath.ToSlash(name))
	}
	ours, theirs := New(dir), os.DirFS(dir)
	for _, name := range names {
		have, herr := ours.ReadFile(name)
		want, werr := fs.ReadFile(theirs, name)
		if string(have) != string(want) || fmt.Sprint(herr) != fmt.Sprint(werr) {
			t.Errorf("%s: have %d bytes, %v; os.DirFS %d bytes, %v", name, len(have), herr, len(want), werr)
		}
		if errors.Is(werr, fs.ErrNotExist) != errors.Is(herr, fs.ErrNotExist) {
			t.Errorf("%s: not found is %v, os.DirFS %v", name, errors.Is(herr, fs.ErrNotExist), errors.Is(werr, fs.ErrNotExist))
		}
	}
}

// TestReadFileUnsized: a file whose size fstat does not give (/proc's)
// is read to its end, as os.ReadFile reads it.
func TestReadFileUnsized(t *testing.T) {
	want, err := os.ReadFile("/proc/self/mountinfo") // longer than 512 bytes
	if err != nil || len(want) <= 512 {
		t.Skipf("no /proc/self/mountinfo of more than 512 bytes here (%d, %v)", len(want), err)
	}
	have, err := readFile("/proc/self/mountinfo", "mountinfo")
	if err != nil || string(have) != string(want) {
		t.Errorf("readFile(/proc/self/mountinfo) = %d bytes, %v; os.ReadFile %d bytes", len(have), err, len(want))
	}
}

// TestReadFileBeneath: on Linux ReadFile reads with openat2, which follows
// no link on the way, even one whose target is inside the root, and a
// root reached through a link of its own is read.
func TestReadFileBeneath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("openat2 is Linux's")
	}
	dir := root(t)
	via := filepath.Join(t.TempDir(), "via")
	if err := os.Symlink(dir, via); err != nil {
		t.Fatal(err)
	}
	f := New(via)
	data, err := f.readBeneath("content/a.md")
	if errors.Is(err, errNoBeneath) {
		t.Skip("this system refuses openat2")
	}
	if err != nil || string(data) != "a" {
		t.Fatalf("readBeneath(content/a.md) = %q, %v; want a", data, err)
	}
	for _, name := range []string{"content/b.md", "static/register.txt", "static/ut/hemligt.txt"} {
		if _, err := f.readBeneath(name); !errors.Is(err, fs.ErrNotExist) || err.Error() != "open "+name+": "+Link.With().Error() {
			t.Errorf("readBeneath(%s) = %v, want it hidden as a link", name, err)
		}
	}
}

// BenchmarkReadFile: a page two folders down, read with openat2 and with
// an lstat of each folder on the way.
func BenchmarkReadFile(b *testing.B) {
	dir := b.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "avsnitt"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "avsnitt", "sida.md"), make([]byte, 9000), 0o644)
	f := New(dir)
	for _, way := range []bool{true, false} {
		name := map[bool]string{true: "openat2", false: "check"}[way]
		b.Run(name, func(b *testing.B) {
			beneath = way
			defer func() { beneath = true }()
			for b.Loop() {
				if _, err := f.ReadFile("content/avsnitt/sida.md"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
