package picture

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"errors"
	"image"
	"image/gif"
	"io"
	"sync"

	"golang.org/x/image/webp"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// DefaultMaxMegapixels is the largest image, in millions of pixels, that
// the build decodes unless site.yaml says otherwise (images.max_megapixels).
// A 50-megapixel photo is 8660 × 5773; a camera original is 12 to 45.
const DefaultMaxMegapixels = 50

// MaxSide is the longest side, in pixels, of any image the build reads,
// whatever its pixel count: WebP allows no more, and no page needs more.
const MaxSide = 16384 * 2

// MemoryBudget is how many bytes the decodes of the process may hold at
// once (an estimate: 8 bytes a pixel, for 16-bit colour and the scaled
// copy). A decode larger than the whole budget runs alone.
var MemoryBudget int64 = 1 << 30

// Error is an image the build refuses, with what to do about it. The page
// that shows the image reports it at its line with Hint as the hint.
type Error struct {
	Msg  msg.Message
	Hint msg.Message
}

// Error returns the message in Swedish.
func (e *Error) Error() string { return e.Msg.In(msg.SV) }

// In returns the message in l.
func (e *Error) In(l msg.Lang) string { return e.Msg.In(l) }

// HintMessage returns what to do.
func (e *Error) HintMessage() msg.Message { return e.Hint }

// Bound returns an *Error when info's size is not one the build decodes:
// a side of 0 or over MaxSide, or more than maxMegapixels million pixels
// (0 means DefaultMaxMegapixels). It is computed in int64, so no size can
// overflow it.
func Bound(info Info, maxMegapixels int) error {
	if info.Format == "svg" {
		return nil
	}
	if maxMegapixels <= 0 {
		maxMegapixels = DefaultMaxMegapixels
	}
	w, h := int64(info.Width), int64(info.Height)
	if w <= 0 || h <= 0 {
		return &Error{Msg: ImageNoPixels.With(w, h), Hint: HintImageResave.With()}
	}
	if w > MaxSide || h > MaxSide || w*h > int64(maxMegapixels)*1_000_000 {
		return &Error{
			Msg:  ImageTooManyPixels.With(w, h, maxMegapixels),
			Hint: HintImageTooManyPixels.With(),
		}
	}
	return nil
}

// verified holds the SHA-256 (and limit) of every image this process has
// decoded whole, so the dev server's rebuilds do not decode it again.
var verified sync.Map

// Check bounds the image data (see [Bound]) and then decodes it once,
// whole, to prove that it can be read: a truncated file or a header that
// lies is an *Error. The decode holds memory to [MemoryBudget].
func Check(data []byte, info Info, maxMegapixels int) error {
	if err := Bound(info, maxMegapixels); err != nil {
		return err
	}
	type key struct {
		sum [32]byte
		max int
	}
	k := key{sha256.Sum256(data), maxMegapixels}
	if _, ok := verified.Load(k); ok {
		return nil
	}
	if err := decodeWhole(data, info); err != nil {
		return err
	}
	verified.Store(k, true)
	return nil
}

func decodeWhole(data []byte, info Info) error {
	broken := &Error{Msg: ImageBroken.With(formatName(info.Format)), Hint: HintImageResave.With()}
	if info.Format == "svg" {
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.Token()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return broken
			}
		}
	}
	release := acquire(cost(info))
	defer release()
	var img image.Image
	var err error
	switch info.Format {
	case "webp":
		img, err = webp.Decode(bytes.NewReader(data))
	case "gif":
		img, err = gif.Decode(bytes.NewReader(data))
	default:
		img, _, err = image.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return broken
	}
	if b := img.Bounds(); b.Dx() != info.Width || b.Dy() != info.Height {
		return broken
	}
	return nil
}

func formatName(f string) string {
	switch f {
	case "jpeg":
		return "JPEG"
	case "webp":
		return "WebP"
	}
	return string(bytes.ToUpper([]byte(f)))
}

// cost is the memory a decode and scale of info may take, in bytes.
func cost(info Info) int64 { return int64(info.Width) * int64(info.Height) * 8 }

var budget = struct {
	sync.Mutex
	cond *sync.Cond
	used int64
}{}

func init() { budget.cond = sync.NewCond(&budget.Mutex) }

// acquire waits until n bytes of MemoryBudget are free (or nothing else
// is decoding, when n is over the whole budget), takes them, and returns
// the function that gives them back.
func acquire(n int64) func() {
	budget.Lock()
	for budget.used > 0 && budget.used+n > MemoryBudget {
		budget.cond.Wait()
	}
	budget.used += n
	budget.Unlock()
	return func() {
		budget.Lock()
		budget.used -= n
		budget.Unlock()
		budget.cond.Broadcast()
	}
}

var errCacheEntry = errors.New("not a cache entry")
