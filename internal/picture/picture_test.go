package picture

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// pngOf returns a PNG of w × h pixels.
func pngOf(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, h/2, color.RGBA{200, 30, 90, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// chunk returns a PNG chunk.
func chunk(typ string, data []byte) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.Write(data)
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	binary.Write(&b, binary.BigEndian, crc.Sum32())
	return b.Bytes()
}

// BombPNG returns a real decompression bomb: a 1-bit grey PNG of w × h
// pixels, all black, whose rows compress to almost nothing (30000 × 30000
// is about 110 kB on disk and 900 megapixels decoded).
func BombPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 1, 0 // 1 bit, greyscale
	b.Write(chunk("IHDR", ihdr))
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	row := make([]byte, 1+(w+7)/8)
	for range h {
		zw.Write(row)
	}
	zw.Close()
	b.Write(chunk("IDAT", z.Bytes()))
	b.Write(chunk("IEND", nil))
	return b.Bytes()
}

// TestBomb: a PNG that declares 30000 × 30000 pixels is refused from its
// header, fast and with a message that says what to do; it is never
// decoded.
func TestBomb(t *testing.T) {
	data := BombPNG(t, 30000, 30000)
	info, err := Inspect("bomb.png", data)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err = Check(data, info, 0)
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the check took %v: it decoded the bomb", took)
	}
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("Check = %v, want an *Error", err)
	}
	if have, want := pe.Msg.In(msg.SV), "är 30000 × 30000 pixlar, mer än bygget läser (högst 50 megapixlar)"; have != want {
		t.Errorf("message %q, want %q", have, want)
	}
	if !strings.Contains(pe.Hint.In(msg.SV), "gör bilden mindre") {
		t.Errorf("hint %q says nothing about making it smaller", pe.Hint.In(msg.SV))
	}
	// Resize refuses it too, when a caller skips Check.
	if _, err := (&Resizer{}).Resize(data, info, []int{480}); !errors.As(err, &pe) {
		t.Errorf("Resize = %v, want the limit's *Error", err)
	}
	// A limit from the settings: 1 megapixel refuses 1001 × 1000.
	small := pngOf(t, 1001, 1000)
	info, _ = Inspect("a.png", small)
	if err := Check(small, info, 1); !errors.As(err, &pe) {
		t.Errorf("Check with 1 megapixel = %v, want a refusal", err)
	}
	if err := Check(small, info, 2); err != nil {
		t.Errorf("Check with 2 megapixels = %v", err)
	}
}

// TestBroken: images whose header is fine but whose body is not are
// refused (truncated JPEG and PNG, a WebP and a GIF whose headers lie), and
// so are sizes of no pixels.
func TestBroken(t *testing.T) {
	var jb bytes.Buffer
	jpeg.Encode(&jb, image.NewGray(image.Rect(0, 0, 300, 200)), nil)
	truncJPEG := jb.Bytes()[:jb.Len()*2/3]
	p := pngOf(t, 50, 40)
	truncPNG := p[:len(p)-30]
	// A VP8X WebP declaring 100 × 100 and holding nothing else.
	webpLie := []byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\x63\x00\x00\x63\x00\x00")
	// A VP8L WebP declaring 16384 × 16384.
	webpHuge := []byte("RIFF\x00\x00\x00\x00WEBPVP8L\x05\x00\x00\x00\x2f\xff\xff\xff\x0f\x00\x00\x00\x00\x00")
	// A GIF whose screen is 65535 × 65535.
	gifHuge := []byte("GIF89a\xff\xff\xff\xff\x00\x00\x00;")
	// A GIF of 10 × 10 that ends after its header.
	gifLie := []byte("GIF89a\x0a\x00\x0a\x00\x00\x00\x00;")
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"a.jpg", truncJPEG, "är trasig: den går inte att läsa hel som JPEG"},
		{"a.png", truncPNG, "är trasig: den går inte att läsa hel som PNG"},
		{"a.webp", webpLie, "är trasig: den går inte att läsa hel som WebP"},
		{"a.webp", webpHuge, "är 16384 × 16384 pixlar, mer än bygget läser"},
		{"a.gif", gifHuge, "är 65535 × 65535 pixlar, mer än bygget läser"},
		{"a.gif", gifLie, "är trasig: den går inte att läsa hel som GIF"},
		{"a.svg", []byte(`<svg width="10" height="10"><g></svg>`), "är trasig: den går inte att läsa hel som SVG"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			info, err := Inspect(c.name, c.data)
			if err == nil {
				err = Check(c.data, info, 0)
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: %v, want %q", c.name, err, c.want)
			}
		})
	}
	if err := Bound(Info{Format: "png", Width: 0, Height: 5}, 0); err == nil {
		t.Error("an image of 0 × 5 pixels passes")
	}
	good := pngOf(t, 20, 20)
	info, _ := Inspect("ok.png", good)
	if err := Check(good, info, 0); err != nil {
		t.Errorf("a whole PNG: %v", err)
	}
}

// TestCacheVerified: the cache's entries are used only when they are what
// the build stored; a file or a symbolic link put in their place is made
// again, never returned, and a symbolic-link or foreign cache folder is
// refused with a message.
func TestCacheVerified(t *testing.T) {
	data := pngOf(t, 1000, 500)
	info, _ := Inspect("a.png", data)
	cache := t.TempDir()
	r := &Resizer{Cache: cache}
	first, err := r.Resize(data, info, []int{480, 800})
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := filepath.Glob(filepath.Join(cache, "*.png"))
	if len(entries) != 2 {
		t.Fatalf("%d entries in the cache, want 2", len(entries))
	}
	secret := filepath.Join(t.TempDir(), "passwd")
	os.WriteFile(secret, []byte("root:x:0:0"), 0o644)
	// One entry becomes HTML, the other a link to a secret file.
	os.WriteFile(entries[0], []byte("<script>alert(1)</script>"), 0o644)
	os.Remove(entries[1])
	os.Symlink(secret, entries[1])
	again, err := (&Resizer{Cache: cache}).Resize(data, info, []int{480, 800})
	if err != nil {
		t.Fatal(err)
	}
	for i := range again {
		if !bytes.Equal(again[i], first[i]) {
			t.Errorf("copy %d is %.30q, not the image made from the original", i, again[i])
		}
	}
	if b, _ := os.ReadFile(secret); string(b) != "root:x:0:0" {
		t.Errorf("the file behind the link was written: %q", b)
	}
	if fi, err := os.Lstat(entries[1]); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("the poisoned entry was not made again: %v", err)
	}
	// An entry replaced together with its sum but of the wrong size is
	// refused as well.
	other := pngOf(t, 480, 100)
	os.WriteFile(entries[0], other, 0o644)
	r3 := &Resizer{Cache: cache}
	r3.store(filepath.Base(entries[0]), other)
	got, _ := r3.Resize(data, info, []int{480})
	if !bytes.Equal(got[0], first[0]) {
		t.Error("an entry of the wrong height was used")
	}

	// A cache folder that is a link, or lies under one in the root.
	root := t.TempDir()
	outside := t.TempDir()
	os.Symlink(outside, filepath.Join(root, ".cache"))
	_, err = (&Resizer{Root: root, Cache: filepath.Join(root, ".cache", "bilder")}).Resize(data, info, []int{480})
	var ce *CacheError
	if !errors.As(err, &ce) || !strings.Contains(ce.Msg.In(msg.SV), "är en symbolisk länk") {
		t.Errorf("a linked .cache: %v, want a refusal", err)
	}
	if left, _ := os.ReadDir(outside); len(left) != 0 {
		t.Errorf("the build wrote outside the root: %v", left)
	}
	link := filepath.Join(t.TempDir(), "bilder")
	os.Symlink(outside, link)
	if err := (&Resizer{Cache: link}).Open(); !errors.As(err, &ce) {
		t.Errorf("a linked cache folder: %v, want a refusal", err)
	}
	file := filepath.Join(t.TempDir(), "bilder")
	os.WriteFile(file, nil, 0o644)
	if err := (&Resizer{Cache: file}).Open(); !errors.As(err, &ce) || !strings.Contains(ce.Msg.In(msg.SV), "inte en mapp som bygget har gjort") {
		t.Errorf("a cache that is a file: %v, want a refusal", err)
	}
	if os.Getuid() == 0 {
		foreign := t.TempDir()
		os.Chown(foreign, 12345, 12345)
		if err := (&Resizer{Cache: foreign}).Open(); !errors.As(err, &ce) {
			t.Errorf("a cache of another user: %v, want a refusal", err)
		}
	}
}

// TestCacheMadeWhenMissing: a cache whose folders do not exist yet is
// made, with the root and the cache given relative to the working folder
// (as the command does with -root examples/fjallbygd).
func TestCacheMadeWhenMissing(t *testing.T) {
	t.Chdir(t.TempDir())
	os.Mkdir("site", 0o755)
	r := &Resizer{Root: "site", Cache: filepath.Join("site", ".cache", "bilder")}
	if err := r.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	if fi, err := os.Stat(filepath.Join("site", ".cache", "bilder")); err != nil || !fi.IsDir() {
		t.Errorf("the cache was not made: %v", err)
	}
	r = &Resizer{Cache: filepath.Join("ny", "djup", "bilder")}
	if err := r.Open(); err != nil {
		t.Fatalf("Open without a root: %v", err)
	}
}

// TestBudget: decodes whose memory would go over MemoryBudget together
// wait for each other; one larger than the whole budget runs alone.
func TestBudget(t *testing.T) {
	defer func(b int64) { MemoryBudget = b }(MemoryBudget)
	MemoryBudget = 100
	release := acquire(60)
	done := make(chan bool)
	go func() {
		r := acquire(60) // 120 > 100: waits
		done <- true
		r()
	}()
	select {
	case <-done:
		t.Fatal("a second decode went over the budget")
	case <-time.After(50 * time.Millisecond):
	}
	release()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the second decode did not start when the first was done")
	}
	r := acquire(1000) // over the whole budget, alone: does not wait forever
	r()
}
