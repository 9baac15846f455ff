// Package picture reads the images of a site and makes the smaller copies
// that pages offer with srcset.
//
// # Sizes
//
// [Inspect] reads an image's size without decoding it: JPEG, PNG and GIF
// (image.DecodeConfig), WebP (its header) and SVG (width and height, else
// the viewBox). Every <img> of the site gets its width and height from it,
// so the page does not jump while images load.
//
// # Smaller copies
//
// A JPEG or PNG wider than the smallest of [Widths] gets a copy at each
// width of Widths that is smaller than itself, scaled with Catmull-Rom
// (golang.org/x/image/draw) and written in its own format (JPEG at quality
// 82). [Resizer.Resize] keeps each copy in a cache folder, named by the
// SHA-256 of the original and the width, so a rebuild does not scale again;
// the same original gives byte-identical copies.
//
// # Limits
//
// An original wider or taller than [MaxPixels] or larger than [MaxBytes] is
// published (and its copies used), but the build notes it: such a file is
// usually a camera original that should be made smaller before it is
// committed.
//
// No image is decoded before its size is known and bounded: [Check] reads
// width and height from the header (image.DecodeConfig; the WebP header),
// refuses an image of more than the limit's pixels (the setting
// images.max_megapixels, by default [DefaultMaxMegapixels]) or with a side
// of 0 or over [MaxSide], and only then decodes it once, whole, to prove
// that it is not truncated and that its header does not lie. Decoding holds
// memory to a budget ([MemoryBudget], shared by every decode of the
// process): a decode that would take more waits until others finish. A
// decompression bomb (a small file that declares 30000 × 30000 pixels) is
// therefore refused in microseconds, with a message, and never decoded.
// GIF is checked up to its first frame; SVG must be well-formed XML.
//
// # The cache
//
// The cache folder is trusted for nothing. [Resizer.Open] refuses a cache
// folder that is a symbolic link, lies under one in the site root, is not a
// folder, or belongs to another user. An entry is read without following
// symbolic links and used only when its bytes match the SHA-256 stored
// beside it (name.sha256) and it is an image of the expected format, width
// and height; any other entry (a file put there by hand, a symbolic link,
// a truncated write) is made again from the original and never published.
// Entries are written to a fresh temporary file and renamed into place, so
// a link placed under an entry's name is replaced, not followed.
package picture

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/draw"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// Widths are the widths of the smaller copies, in pixels.
var Widths = []int{480, 800, 1200, 1600}

// The limits above which an original gets a note.
const (
	MaxPixels = 3000
	MaxBytes  = 2 << 20
)

// Exts are the file extensions of images, in lower case.
var Exts = map[string]string{".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".gif": "gif", ".webp": "webp", ".svg": "svg"}

// Info is what Inspect learns about an image.
type Info struct {
	Format        string // jpeg, png, gif, webp or svg
	Width, Height int
}

// Resizable reports whether copies are made of the image: a JPEG or PNG
// wider than the smallest width.
func (i Info) Resizable() bool {
	return (i.Format == "jpeg" || i.Format == "png") && i.Width > Widths[0]
}

// Inspect returns the format and size of the image data, named name.
func Inspect(name string, data []byte) (Info, error) {
	format, ok := Exts[strings.ToLower(path.Ext(name))]
	if !ok {
		return Info{}, ImageNotImage.With()
	}
	switch format {
	case "svg":
		w, h, ok := SVGSize(data)
		if !ok {
			return Info{}, ImageSVGNoSize.With()
		}
		return Info{Format: format, Width: w, Height: h}, nil
	case "webp":
		w, h, ok := webpSize(data)
		if !ok {
			return Info{}, ImageNotFormat.With("WebP")
		}
		return Info{Format: format, Width: w, Height: h}, nil
	}

	cfg, got, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Info{}, ImageNotFormat.With(strings.ToUpper(format))
	}
	if got != format {
		return Info{}, ImageWrongExt.With(strings.ToUpper(got), path.Ext(name))
	}
	return Info{Format: format, Width: cfg.Width, Height: cfg.Height}, nil
}

// TooLarge returns why an original should be made smaller ("4000 × 3000
// pixlar", "2,5 MB"), or the zero message.
func TooLarge(info Info, size int) msg.Message {
	switch {
	case info.Format == "svg":
		return msg.Message{}
	case info.Width > MaxPixels || info.Height > MaxPixels:
		return ImagePixels.With(info.Width, info.Height)
	case size > MaxBytes:
		return msg.Plain.With(strings.ReplaceAll(swedish.Bytes(int64(size)), "\u00a0", " "))
	}
	return msg.Message{}
}

// Resizer makes smaller copies, keeping them in a cache folder.
type Resizer struct {
	Cache string // the cache folder; "" keeps nothing between builds
	// Root, when set, is the site root the cache lies in: no folder
	// between it and Cache may be a symbolic link.
	Root string
	// MaxMegapixels bounds what Resize decodes (see Bound); 0 is the
	// default.
	MaxMegapixels int
	// Mem, when set, keeps the copies in memory too, and is looked in
	// first.
	Mem *Memory

	once    sync.Once
	openErr error
}

// CacheError is a cache folder the build refuses.
type CacheError struct {
	Dir  string
	Msg  msg.Message
	Hint msg.Message
}

// Error returns the message in Swedish.
func (e *CacheError) Error() string { return e.Msg.In(msg.SV) }

// In returns the message in l.
func (e *CacheError) In(l msg.Lang) string { return e.Msg.In(l) }

// Open checks the cache folder and makes it when it is missing: every
// folder from Root down to Cache must be a real folder (not a symbolic
// link) of the user running the build. It returns a *CacheError
// otherwise. Resize calls it first; it checks once per Resizer.
func (r *Resizer) Open() error {
	r.once.Do(func() { r.openErr = r.open() })
	return r.openErr
}

func (r *Resizer) open() error {
	if r.Cache == "" {
		return nil
	}
	// The folders to check, from the root's first one down to the cache;
	// without a root (or a cache outside it), the cache's missing parents
	// and the cache itself.
	cache, err := filepath.Abs(r.Cache)
	if err != nil {
		return &CacheError{Dir: r.Cache, Msg: ImageCacheUnusable.With(r.Cache, err), Hint: HintImageCache.With(r.Cache)}
	}
	top := filepath.Dir(cache)
	if r.Root != "" {
		if root, err := filepath.Abs(r.Root); err == nil {
			if rel, err := filepath.Rel(root, cache); err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				top = root
			}
		}
	}
	if top == filepath.Dir(cache) {
		for top != filepath.Dir(top) {
			if _, err := os.Lstat(top); err == nil {
				break
			}
			top = filepath.Dir(top)
		}
	}
	var dirs []string
	for d := cache; d != top && d != filepath.Dir(d); d = filepath.Dir(d) {
		dirs = append([]string{d}, dirs...)
	}
	for _, d := range dirs {
		fi, err := os.Lstat(d)
		if errors.Is(err, os.ErrNotExist) {
			if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
				return &CacheError{Dir: r.Cache, Msg: ImageCacheUnusable.With(d, err), Hint: HintImageCache.With(r.Cache)}
			}
			fi, err = os.Lstat(d)
		}
		switch {
		case err != nil:
			return &CacheError{Dir: r.Cache, Msg: ImageCacheUnusable.With(d, err), Hint: HintImageCache.With(r.Cache)}
		case fi.Mode()&os.ModeSymlink != 0:
			return &CacheError{Dir: r.Cache, Msg: ImageCacheLink.With(d), Hint: HintImageCache.With(r.Cache)}
		case !fi.IsDir() || !ownedByMe(fi):
			return &CacheError{Dir: r.Cache, Msg: ImageCacheForeign.With(d), Hint: HintImageCache.With(r.Cache)}
		}
	}
	return nil
}

// Resize returns the image data scaled to each of widths (keeping its
// proportions), in the original's format, in the order of widths. The
// original is hashed once and decoded at most once, and only when a copy
// is not in the cache (or the cache's copy is not what was stored).
func (r *Resizer) Resize(data []byte, info Info, widths []int) ([][]byte, error) {
	if err := r.Open(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	prefix := hex.EncodeToString(sum[:12]) + "-"
	var src image.Image
	out := make([][]byte, len(widths))
	for i, width := range widths {
		key := prefix + strconv.Itoa(width) + "." + info.Format
		height := max(int(math.Round(float64(info.Height)*float64(width)/float64(info.Width))), 1)
		if b, ok := r.Mem.get(key); ok {
			out[i] = b
			continue
		}
		if r.Cache != "" {
			if b, ok := r.cached(key, info.Format, width, height); ok {
				r.Mem.put(key, b)
				out[i] = b
				continue
			}
		}
		if src == nil {
			if err := Bound(info, r.MaxMegapixels); err != nil {
				return nil, err
			}
			release := acquire(cost(info))
			var err error
			src, _, err = image.Decode(bytes.NewReader(data))
			release()
			if err != nil {
				return nil, err
			}
		}
		dst := image.NewRGBA(image.Rect(0, 0, width, height))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		var buf bytes.Buffer
		var err error
		switch info.Format {
		case "jpeg":
			err = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 82})
		default:
			err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, dst)
		}
		if err != nil {
			return nil, err
		}
		if r.Cache != "" {
			r.store(key, buf.Bytes())
		}
		r.Mem.put(key, buf.Bytes())
		out[i] = buf.Bytes()
	}
	return out, nil
}

// maxEntry is the largest cache entry read: a 1600 px wide copy is far
// smaller.
const maxEntry = 64 << 20

// cached returns the cache's entry key when it is what was stored: a
// regular file (not a symbolic link) whose SHA-256 is the one in
// key.sha256, and an image of format at width × height.
func (r *Resizer) cached(key, format string, width, height int) ([]byte, bool) {
	b, err := readEntry(filepath.Join(r.Cache, key), maxEntry)
	if err != nil {
		return nil, false
	}
	want, err := readEntry(filepath.Join(r.Cache, key+".sha256"), 64)
	if err != nil {
		return nil, false
	}
	sum := sha256.Sum256(b)
	if string(want) != hex.EncodeToString(sum[:]) {
		return nil, false
	}
	cfg, got, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || got != format || cfg.Width != width || cfg.Height != height {
		return nil, false
	}
	return b, true
}

// readEntry reads the regular file name, without following a symbolic
// link at its name, and at most limit bytes.
func readEntry(name string, limit int64) ([]byte, error) {
	before, err := os.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !before.Mode().IsRegular() || before.Size() > limit {
		return nil, errCacheEntry
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	after, err := f.Stat()
	if err != nil || !os.SameFile(before, after) {
		return nil, errCacheEntry
	}
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// store writes the entry key and its SHA-256, each through a fresh
// temporary file renamed into place (a symbolic link at the name is
// replaced, never followed). A failure only means the copy is made again
// next time.
func (r *Resizer) store(key string, b []byte) {
	sum := sha256.Sum256(b)
	if put(r.Cache, key, b) == nil {
		put(r.Cache, key+".sha256", []byte(hex.EncodeToString(sum[:])))
	}
}

func put(dir, name string, b []byte) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	return rootfs.Replace(root, name, b)
}

// VariantName returns the file name of the copy of name at width:
// bild.png at 800 is bild.800.png.
func VariantName(name string, width int) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + strconv.Itoa(width) + ext
}

// CopyWidths returns the widths of the copies of an image as wide as w.
func CopyWidths(w int) []int {
	var out []int
	for _, c := range Widths {
		if c < w {
			out = append(out, c)
		}
	}
	return out
}

// SVGSize returns the size of an SVG document: its width and height in
// pixels, else its viewBox's. The logo setting (package programme) and
// images in pages both use it. A size that is not a finite number from 1
// to MaxSide is no size (see SVGSizeErr for why).
func SVGSize(data []byte) (w, h int, ok bool) {
	w, h, err := SVGSizeErr(data)
	return w, h, err == nil
}

// ErrSVGNoSize is the error of an SVG document that states no size.
var ErrSVGNoSize = errors.New("no size")

// SVGSizeErr is SVGSize with the reason: ErrSVGNoSize, or an *Error for a
// size over MaxSide (width="99999999999"), parsed without overflow.
func SVGSizeErr(data []byte) (w, h int, err error) {
	fw, fh, ok := svgDeclared(data)
	if !ok {
		return 0, 0, ErrSVGNoSize
	}
	if fw > MaxSide || fh > MaxSide {
		return 0, 0, &Error{Msg: ImageSVGTooLarge.With(number(fw), number(fh), MaxSide), Hint: HintImageSVGTooLarge.With()}
	}
	return max(int(fw), 1), max(int(fh), 1), nil
}

// number writes a size as the file wrote it, without exponent.
func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// svgDeclared returns the width and height an SVG document states (its
// width and height attributes in pixels, else its viewBox), finite and
// above 0.
func svgDeclared(data []byte) (w, h float64, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0, false
		}
		se, isStart := tok.(xml.StartElement)
		if !isStart {
			continue
		}
		if se.Name.Local != "svg" {
			return 0, 0, false
		}
		var width, height float64
		var box []string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "width":
				width = pixels(a.Value)
			case "height":
				height = pixels(a.Value)
			case "viewBox":
				box = strings.Fields(strings.ReplaceAll(a.Value, ",", " "))
			}
		}
		if width > 0 && height > 0 {
			return math.Round(width), math.Round(height), true
		}
		if len(box) == 4 {
			bw, bh := pixels(box[2]), pixels(box[3])
			if bw > 0 && bh > 0 {
				return math.Ceil(bw), math.Ceil(bh), true
			}
		}
		return 0, 0, false
	}
}

// pixels returns a length in pixels, or 0 when it is not a finite number.
func pixels(s string) float64 {
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0
	}
	return f
}

// webpSize reads the size from a WebP file's VP8, VP8L or VP8X header.
func webpSize(b []byte) (w, h int, ok bool) {
	if len(b) < 30 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WEBP" {
		return 0, 0, false
	}
	switch string(b[12:16]) {
	case "VP8 ":
		return int(binary.LittleEndian.Uint16(b[26:28]) & 0x3fff), int(binary.LittleEndian.Uint16(b[28:30]) & 0x3fff), true
	case "VP8L":
		v := binary.LittleEndian.Uint32(b[21:25])
		return int(v&0x3fff) + 1, int(v>>14&0x3fff) + 1, true
	case "VP8X":
		w := int(b[24]) | int(b[25])<<8 | int(b[26])<<16
		h := int(b[27]) | int(b[28])<<8 | int(b[29])<<16
		return w + 1, h + 1, true
	}
	return 0, 0, false
}

var _ = gif.Decode // registers GIF with image.DecodeConfig
