package picture

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// seedImages are small images of every format, whole and cut short, and
// headers that lie, for the fuzzers' corpora.
func seedImages(f *testing.F) map[string][]byte {
	p := pngOf(f, 30, 20)
	var j, g bytes.Buffer
	jpeg.Encode(&j, image.NewGray(image.Rect(0, 0, 40, 30)), nil)
	gif.Encode(&g, image.NewPaletted(image.Rect(0, 0, 8, 8), color.Palette{color.Black, color.White}), nil)
	return map[string][]byte{
		"a.png": p, "cut.png": p[:len(p)/2], "a.jpg": j.Bytes(), "cut.jpg": j.Bytes()[:j.Len()*2/3],
		"a.gif": g.Bytes(), "huge.gif": []byte("GIF89a\xff\xff\xff\xff\x00\x00\x00;"),
		"lie.webp":  []byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\x63\x00\x00\x63\x00\x00"),
		"huge.webp": []byte("RIFF\x00\x00\x00\x00WEBPVP8L\x05\x00\x00\x00\x2f\xff\xff\xff\x0f\x00\x00\x00\x00\x00"),
		"bomb.png":  BombPNG(f, 9000, 9000),
		"a.svg":     []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="99999999999" height="1e400" viewBox="0 0 -1 NaN"></svg>`),
	}
}

// FuzzCheck: whatever the bytes and the file's extension, Inspect and
// Check do not panic, finish quickly (nothing over the limit is decoded),
// and an image they accept is within the limit and decodes.
//
//	go test -run XXX -fuzz FuzzCheck -fuzztime 5m ./internal/picture/
func FuzzCheck(f *testing.F) {
	for name, data := range seedImages(f) {
		f.Add(filepath.Ext(name), data)
	}
	f.Fuzz(func(t *testing.T, ext string, data []byte) {
		start := time.Now()
		info, err := Inspect("bild"+ext, data)
		if err != nil {
			return
		}
		err = Check(data, info, 4)
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("checking %d bytes took %v", len(data), took)
		}
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Msg.IsZero() || pe.Hint.IsZero() {
				t.Errorf("Check returned %v, want an *Error with a message and a hint", err)
			}
			return
		}
		if info.Format != "svg" && int64(info.Width)*int64(info.Height) > 4_000_000 {
			t.Errorf("an image of %d × %d passed a limit of 4 megapixels", info.Width, info.Height)
		}
	})
}

// FuzzCache: whatever a cache entry and its stored sum hold, Resize
// returns a copy that is an image of the expected format and size (from
// the cache only when the sum matches), never the entry's bytes otherwise.
//
//	go test -run XXX -fuzz FuzzCache -fuzztime 5m ./internal/picture/
func FuzzCache(f *testing.F) {
	orig := pngOf(f, 500, 250)
	f.Add([]byte("<html>från cachen"), "")
	f.Add(pngOf(f, 480, 240), "")
	f.Add(pngOf(f, 480, 100), "right")
	f.Add(pngOf(f, 480, 240), "right")
	f.Add([]byte{}, "right")
	f.Fuzz(func(t *testing.T, entry []byte, sum string) {
		info, _ := Inspect("a.png", orig)
		cache := t.TempDir()
		sha := sha256.Sum256(orig)
		key := hex.EncodeToString(sha[:12]) + "-480.png"
		os.WriteFile(filepath.Join(cache, key), entry, 0o644)
		if sum == "right" {
			s := sha256.Sum256(entry)
			sum = hex.EncodeToString(s[:])
		}
		os.WriteFile(filepath.Join(cache, key+".sha256"), []byte(sum), 0o644)
		out, err := (&Resizer{Cache: cache}).Resize(orig, info, []int{480})
		if err != nil {
			t.Fatal(err)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(out[0]))
		if err != nil || format != "png" || cfg.Width != 480 || cfg.Height != 240 {
			t.Errorf("the copy is %s %d × %d (%v), want a PNG of 480 × 240", format, cfg.Width, cfg.Height, err)
		}
	})
}
