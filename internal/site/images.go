package site

// Images: pictures in pages and on cards (see packages markdown and
// picture).
//
//	content/om/bild.png          beside content/om/pris.md, or in a page folder
//	                             next to its index.md: published at /om/bild.png
//	static/bilder/a.jpg          published at /bilder/a.jpg
//
// An image in Markdown is looked up from the page's file: ![…](bild.png)
// in content/om/pris.md is content/om/bild.png; ![…](/bilder/a.jpg) is
// static/bilder/a.jpg (or content/bilder/a.jpg). Every image gets width and
// height; a JPEG or PNG wider than 480 px also gets copies 480, 800, 1200
// and 1600 px wide beside it (bild.800.png) with srcset and sizes, made once
// and then kept in Options.ImageCache. An original over 3 000 px or 2 MB is
// published but noted in the build summary.
//
// A page's image: and image_alt: in its front matter show the image on
// the page's card in its section's list and, for the start page, above
// its text.

import (
	"errors"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/markdown"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/picture"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
)

// imageSizes is the sizes attribute of images in the text: the text column
// is at most 42rem wide.
const imageSizes = "(min-width: 44rem) 42rem, 100vw"

// images is the builder's state for images.
type images struct {
	byAddr map[string]string // published address (not encoded) → source file

	mu     sync.Mutex
	seen   map[string]*imageEntry // by source file
	copies map[string]imageCopy   // published address of a copy → what it is made from
}

type imageEntry struct {
	once sync.Once
	img  markdown.Img
	note msg.Message // the image is large (NoteImageLarge), or zero
	err  error
}

type imageCopy struct {
	src   string
	info  picture.Info
	width int
}

// isImage reports whether name is an image file.
func isImage(name string) bool {
	_, ok := picture.Exts[strings.ToLower(path.Ext(name))]
	return ok
}

// dirURL returns the address of the folder of a file under content/:
// content/Om oss/bild.png → /om-oss/.
func dirURL(file string) string {
	return content.URLFor(path.Join(path.Dir(file), "_index.md"))
}

// loadImages finds every image under content/ and static/.
func (b *builder) loadImages() {
	b.images = images{byAddr: map[string]string{}, seen: map[string]*imageEntry{}, copies: map[string]imageCopy{}}
	for _, dir := range []string{content.Dir, "static"} {
		fs.WalkDir(b.opt.Root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") || !isImage(p) {
				return nil
			}
			addr := strings.TrimPrefix(p, "static")
			if dir == content.Dir {
				addr = dirURL(p) + path.Base(p)
			}
			if _, ok := b.images.byAddr[addr]; !ok {
				b.images.byAddr[addr] = p
			}
			return nil
		})
	}
}

// contentImages returns the images under content/, to be published.
func (b *builder) contentImages() []string {
	var out []string
	for addr, src := range b.images.byAddr {
		if strings.HasPrefix(src, content.Dir+"/") {
			out = append(out, addr)
		}
	}
	sort.Strings(out)
	return out
}

var errNoImage = ImageMissing.With()

// image finds the image dest written in the file page (see the comment at
// the top of this file). It is safe for concurrent use.
func (b *builder) image(page, dest string) (markdown.Img, error) {
	if d, err := url.PathUnescape(dest); err == nil {
		dest = d
	}
	if i := strings.IndexAny(dest, "?#"); i >= 0 && b.images.byAddr[dest] == "" {
		dest = dest[:i]
	}
	var src string
	if strings.HasPrefix(dest, "/") {
		src = b.images.byAddr[dest]
	} else {
		f := path.Join(path.Dir(page), dest)
		if strings.HasPrefix(f, content.Dir+"/") && b.images.byAddr[dirURL(f)+path.Base(f)] == f {
			src = f
		}
	}
	if src == "" {
		return markdown.Img{}, errNoImage
	}
	img, note, err := b.inspectOnce(src)
	if !note.IsZero() {
		b.pageNote(page, note)
	}
	return img, err
}

// inspectOnce inspects the image src once per build, however many pages
// show it, with its note when it is large.
func (b *builder) inspectOnce(src string) (markdown.Img, msg.Message, error) {
	// One entry per image, made under the lock and inspected once, so that
	// two pages rendered at the same time never read it (and note it) twice.
	b.images.mu.Lock()
	e, ok := b.images.seen[src]
	if !ok {
		e = &imageEntry{}
		b.images.seen[src] = e
	}
	b.images.mu.Unlock()
	e.once.Do(func() { e.img, e.note, e.err = b.inspectImage(src) })
	return e.img, e.note, e.err
}

// inspectImage reads the image src and decides its copies.
func (b *builder) inspectImage(src string) (markdown.Img, msg.Message, error) {
	data, err := fs.ReadFile(b.opt.Root, src)
	if err != nil {
		return markdown.Img{}, msg.Message{}, ImageUnreadable.With(err)
	}
	info, err := picture.Inspect(src, data)
	if err != nil {
		return markdown.Img{}, msg.Message{}, err
	}
	if err := picture.Check(data, info, b.maxMegapixels()); err != nil {
		return markdown.Img{}, msg.Message{}, err
	}
	addr := strings.TrimPrefix(src, "static")
	if strings.HasPrefix(src, content.Dir+"/") {
		addr = dirURL(src) + path.Base(src)
	}
	var note msg.Message
	if why := picture.TooLarge(info, len(data)); !why.IsZero() {
		note = NoteImageLarge.With(src, why, picture.Widths[len(picture.Widths)-1])
		b.note(note)
	}
	img := markdown.Img{Src: slug.EscapePath(addr), Width: info.Width, Height: info.Height}
	if !info.Resizable() {
		return img, note, nil
	}
	var set []string
	widths := picture.CopyWidths(info.Width)
	dir, base := path.Split(addr)
	b.images.mu.Lock()
	for _, w := range widths {
		c := dir + picture.VariantName(base, w)
		b.images.copies[c] = imageCopy{src: src, info: info, width: w}
		set = append(set, slug.EscapePath(c)+" "+strconv.Itoa(w)+"w")
	}
	b.images.mu.Unlock()
	largest := picture.Widths[len(picture.Widths)-1]
	if info.Width <= largest {
		set = append(set, img.Src+" "+strconv.Itoa(info.Width)+"w")
	} else {
		// The original is too large to send: the largest copy stands in.
		img.Src = slug.EscapePath(dir + picture.VariantName(base, largest))
		img.Height = info.Height * largest / info.Width
		img.Width = largest
	}
	img.SrcSet = strings.Join(set, ", ")
	img.Sizes = imageSizes
	return img, note, nil
}

// writeImages publishes the images under content/ and the copies made
// for srcset.
func (b *builder) writeImages() error {
	var errs diag.List
	// Every image is read whole once, also those no page shows (they are
	// published all the same): a broken one is an error at its file.
	for _, src := range b.unshownImages() {
		if err := b.verifyImage(src); err != nil {
			e := diag.New(src, 0, 0, msg.ImageProblem.With(path.Base(src), err)).Tip(picture.HintImageResave.With())
			var pe *picture.Error
			if errors.As(err, &pe) {
				e.Tip(pe.Hint)
			}
			errs.Add(e)
		}
	}
	for _, addr := range b.contentImages() {
		src := b.images.byAddr[addr]
		errs.Add(b.out.copyFile(b.opt.Root, src, strings.TrimPrefix(addr, "/")))
	}
	// The copies of one original are made together (read, hashed and
	// decoded once), the originals side by side on every core.
	bySrc := map[string][]string{}
	for c, ic := range b.images.copies {
		bySrc[ic.src] = append(bySrc[ic.src], c)
	}
	srcs := slices.Sorted(maps.Keys(bySrc))
	r := &picture.Resizer{Cache: b.opt.ImageCache, MaxMegapixels: b.maxMegapixels(), Mem: b.imageMem}
	if d, ok := b.opt.Root.(interface{ Dir() string }); ok && b.opt.ImageCache != "" {
		r.Root = d.Dir()
	}
	if err := r.Open(); err != nil {
		var ce *picture.CacheError
		if errors.As(err, &ce) {
			return diag.New(filepath.ToSlash(b.opt.ImageCache), 0, 0, ce.Msg).Tip(ce.Hint)
		}
		return err
	}
	each := make([]diag.List, len(srcs)) // in the order of srcs, whatever order they finish in
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for k, src := range srcs {
		copies := bySrc[src]
		sort.Strings(copies)
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			widths := make([]int, len(copies))
			for i, c := range copies {
				widths[i] = b.images.copies[c].width
			}
			data, err := fs.ReadFile(b.opt.Root, src)
			info := b.images.copies[copies[0]].info
			var out [][]byte
			if err == nil && b.live {
				// The dev server shows the page at once: until the copies
				// are made in the background (Live.MakeImages), the
				// original stands in for each of them.
				var ok bool
				if out, ok = r.Cached(data, info, widths); !ok {
					if err = picture.Bound(info, r.MaxMegapixels); err == nil {
						b.mu.Lock()
						b.later = append(b.later, laterImage{src: src, data: data, info: info, widths: widths, copies: copies})
						b.mu.Unlock()
						out = make([][]byte, len(copies))
						for i := range out {
							out[i] = data
						}
					}
				}
			} else if err == nil {
				out, err = r.Resize(data, info, widths)
			}
			if err != nil {
				each[k].At(src, 0, 0, ImageNoResize.With(err))
				return
			}
			for i, c := range copies {
				each[k].Add(b.out.write(strings.TrimPrefix(c, "/"), src, out[i]))
			}
		})
	}
	wg.Wait()
	for _, l := range each {
		errs.Add(l.Err())
	}
	return errs.Err()
}

// laterImage is an original whose copies the dev server makes after the
// build (see Live.MakeImages).
type laterImage struct {
	src    string
	data   []byte
	info   picture.Info
	widths []int
	copies []string // their published addresses, in the order of widths
}

// maxMegapixels is images.max_megapixels of site.yaml, or 0 for the
// default.
func (b *builder) maxMegapixels() int {
	if b.cfg == nil {
		return 0
	}
	return b.cfg.Images.MaxMegapixels
}

// verifyImage reads the image src whole, as inspectImage does, without
// deciding copies: an image no page shows gets none.
func (b *builder) verifyImage(src string) error {
	data, err := fs.ReadFile(b.opt.Root, src)
	if err != nil {
		return ImageUnreadable.With(err)
	}
	info, err := picture.Inspect(src, data)
	if err != nil {
		return err
	}
	return picture.Check(data, info, b.maxMegapixels())
}

// unshownImages returns, sorted, the images no page has asked for.
func (b *builder) unshownImages() []string {
	b.images.mu.Lock()
	defer b.images.mu.Unlock()
	var out []string
	for addr, src := range b.images.byAddr {
		if _, seen := b.images.seen[src]; !seen && b.images.byAddr[addr] == src {
			out = append(out, src)
		}
	}
	sort.Strings(out)
	return out
}

// pageImage resolves a page's image: and image_alt: for its card.
func (b *builder) pageImage(p *content.Page) *CardImage {
	f := p.Front
	if f.Image == "" {
		if f.ImageAlt != "" {
			line, col := p.Pos("image_alt")
			b.pageFail(p, diag.New(p.Path, line, col, ImageAltOnly.With()).Tip(HintImageAltOnly.With()))
		}
		return nil
	}
	line, col := p.Pos("image")
	img, err := b.image(p.Path, f.Image)
	if err != nil {
		hint := HintImageNextToPage.With()
		var pe *picture.Error
		if errors.As(err, &pe) {
			hint = pe.Hint
		}
		b.pageFail(p, diag.New(p.Path, line, col, msg.ImageProblem.With(f.Image, err)).Tip(hint))
		return nil
	}
	if strings.TrimSpace(f.ImageAlt) == "" {
		b.pageFail(p, diag.New(p.Path, line, col, ImageNoAlt.With(f.Image)).Tip(HintImageNoAlt.With()))
		return nil
	}
	return &CardImage{Img: img, Alt: f.ImageAlt}
}

// CardImage is a page's image: as a card or the start page shows it.
type CardImage struct {
	markdown.Img
	Alt string
}
